package project

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"themis/errs"
	"themis/report"
	"themis/store"
)

// PlanOptions asks for a double-coding plan: Share per cent (0–100) of the
// documents drawn as the reliability sample, stratified by the case attribute
// By ("" for none), for Coders (names, at least two when Share > 0), with the
// permutation seeded by Seed. Force redraws even when coders have marked
// documents done.
type PlanOptions struct {
	Share  float64
	By     string
	Coders []string
	Seed   int64
	Force  bool
}

// PlanView is a plan as people read it: names instead of ids.
type PlanView struct {
	Share    float64
	By       string
	Seed     int64
	Coders   []string
	DrawnAt  string
	DrawnBy  string
	Total    int // documents the plan covers: every document there was when it was drawn
	Strata   []Stratum
	Sample   []PlanDocument // the double-coded documents
	Rest     []PlanDocument // the documents split between coders
	Coverage map[string]int // coder → words assigned
}

// Stratum is one value of the stratifying attribute ("" for documents
// without one) with its documents and how many of them were sampled.
type Stratum struct {
	Value     string
	Documents int
	Sampled   int
}

// PlanDocument is a document of the plan with the coders it is assigned to.
type PlanDocument struct {
	ID      int64
	Name    string
	Case    string
	Stratum string
	Words   int
	Coders  []string
}

// SampleSize is the rounding rule of a stratum's sample: share per cent of
// n documents rounded half up (20 % of 7 is 1.4, so 1; of 8 is 1.6, so 2),
// but at least one document of a non-empty stratum when the share is above
// zero, so that every stratum is represented; never more than n.
func SampleSize(share float64, n int) int {
	if n <= 0 || share <= 0 {
		return 0
	}
	// The small epsilon keeps 12.5 % of 4 (0.5 in exact arithmetic) from
	// rounding down through a binary representation just under it.
	k := int(math.Floor(share*float64(n)/100 + 0.5 + 1e-9))
	if k < 1 {
		k = 1
	}
	if k > n {
		k = n
	}
	return k
}

// DrawPlan draws and stores a double-coding plan; only the lead may. Within
// each stratum (the documents whose case has the same value of opts.By, in
// import order; documents without a value form a stratum of their own, after
// the others, which are in ascending order of value) SampleSize documents
// are taken by one PCG generator seeded with opts.Seed, which permutes each
// stratum in turn, so the same seed, share, attribute, coders and documents
// always give the same sample on every platform. The sample is assigned to
// every listed coder; the rest go one at a time, longest first, to the coder
// with the fewest words so far (ties to the coder listed first), which
// balances the coders' words.
func DrawPlan(p *store.Project, v Viewer, opts PlanOptions) (PlanView, error) {
	pl, err := planFor(p, v, opts)
	if err != nil {
		return PlanView{}, err
	}
	if err := p.SavePlan(pl, opts.Force, v.Coder.ID); err != nil {
		if errors.Is(err, store.ErrPlanStarted) {
			return PlanView{}, errs.E(errs.Conflict, "redraw the plan", fmt.Errorf("%w; redrawing could take finished documents from their coders (force to redraw anyway)", err))
		}
		return PlanView{}, err
	}
	return ReadPlan(p)
}

// PreviewPlan draws the plan DrawPlan would store, without storing it, so the
// lead can see who gets what first.
func PreviewPlan(p *store.Project, v Viewer, opts PlanOptions) (PlanView, error) {
	pl, err := planFor(p, v, opts)
	if err != nil {
		return PlanView{}, err
	}
	pl.DrawnBy = v.Coder.ID
	return viewOf(p, pl)
}

func planFor(p *store.Project, v Viewer, opts PlanOptions) (store.Plan, error) {
	if !v.IsLead {
		lead, err := p.Lead()
		if err != nil {
			return store.Plan{}, err
		}
		return store.Plan{}, errs.E(errs.Forbidden, "draw the plan", fmt.Errorf("only the project lead (%s) draws the double-coding plan", lead.Name))
	}
	if opts.Share < 0 || opts.Share > 100 || math.IsNaN(opts.Share) {
		return store.Plan{}, fmt.Errorf("%w: the sample is between 0 and 100 %% of the documents, not %v", store.ErrInvalid, opts.Share)
	}
	var coders []store.Coder
	seen := map[int64]bool{}
	for _, name := range opts.Coders {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		c, err := p.CoderByName(name)
		if errors.Is(err, store.ErrNotFound) {
			return store.Plan{}, fmt.Errorf("%w: no coder is called %q (add them first)", store.ErrInvalid, name)
		} else if err != nil {
			return store.Plan{}, err
		}
		if c.Kind != store.KindCoder {
			return store.Plan{}, fmt.Errorf("%w: %s is a consensus layer, not a coder", store.ErrInvalid, c.Name)
		}
		if seen[c.ID] {
			return store.Plan{}, fmt.Errorf("%w: %s is listed twice", store.ErrInvalid, c.Name)
		}
		seen[c.ID] = true
		coders = append(coders, c)
	}
	if len(coders) == 0 {
		return store.Plan{}, fmt.Errorf("%w: name the coders the plan is for", store.ErrInvalid)
	}
	if opts.Share > 0 && len(coders) < 2 {
		return store.Plan{}, fmt.Errorf("%w: a double-coded sample needs at least two coders, not only %s", store.ErrInvalid, coders[0].Name)
	}
	docs, err := p.Documents()
	if err != nil {
		return store.Plan{}, err
	}
	if len(docs) == 0 {
		return store.Plan{}, fmt.Errorf("%w: the project has no documents to plan", store.ErrInvalid)
	}
	values, by, err := stratumValues(p, opts.By)
	if err != nil {
		return store.Plan{}, err
	}
	strata := map[string][]store.DocumentInfo{}
	for _, d := range docs {
		strata[values[d.Case]] = append(strata[values[d.Case]], d)
	}
	order := make([]string, 0, len(strata))
	for k := range strata {
		order = append(order, k)
	}
	sort.Slice(order, func(i, j int) bool {
		if (order[i] == "") != (order[j] == "") {
			return order[j] == ""
		}
		return order[i] < order[j]
	})
	seed := uint64(opts.Seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	inSample := map[int64]bool{}
	for _, k := range order {
		group := strata[k] // import order, as Documents lists them
		perm := rng.Perm(len(group))
		for _, i := range perm[:SampleSize(opts.Share, len(group))] {
			inSample[group[i].ID] = true
		}
	}
	pl := store.Plan{Share: opts.Share, Stratify: by, Seed: opts.Seed, Sample: []int64{}}
	for _, c := range coders {
		pl.Coders = append(pl.Coders, c.ID)
	}
	var rest []store.DocumentInfo
	for _, d := range docs {
		if inSample[d.ID] {
			pl.Sample = append(pl.Sample, d.ID)
			for _, c := range coders {
				pl.Assignments = append(pl.Assignments, store.Assignment{Document: d.ID, Coder: c.ID})
			}
		} else {
			rest = append(rest, d)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Words > rest[j].Words })
	words := make([]int, len(coders))
	for _, d := range rest {
		least := 0
		for i := range coders {
			if words[i] < words[least] {
				least = i
			}
		}
		words[least] += d.Words
		pl.Assignments = append(pl.Assignments, store.Assignment{Document: d.ID, Coder: coders[least].ID})
	}
	sort.Slice(pl.Assignments, func(i, j int) bool {
		a, b := pl.Assignments[i], pl.Assignments[j]
		return a.Document < b.Document || a.Document == b.Document && a.Coder < b.Coder
	})
	return pl, nil
}

// stratumValues maps each case name to its value of the attribute by (and
// returns the attribute's name as stored); with no attribute every case maps
// to "". An unknown attribute is refused with the ones there are.
func stratumValues(p *store.Project, by string) (map[string]string, string, error) {
	out := map[string]string{}
	by = strings.TrimSpace(by)
	if by == "" {
		return out, "", nil
	}
	attrs, err := p.Attributes()
	if err != nil {
		return nil, "", err
	}
	var names []string
	found := ""
	for _, a := range attrs {
		names = append(names, a.Name)
		if strings.EqualFold(a.Name, by) {
			found = a.Name
		}
	}
	if found == "" {
		if len(names) == 0 {
			return nil, "", fmt.Errorf("%w: no case attribute %q: the cases have no attributes yet", store.ErrInvalid, by)
		}
		return nil, "", fmt.Errorf("%w: no case attribute %q (there are %s)", store.ErrInvalid, by, strings.Join(names, ", "))
	}
	cases, err := p.Cases()
	if err != nil {
		return nil, "", err
	}
	for _, c := range cases {
		out[c.Name] = c.Attributes[found]
	}
	return out, found, nil
}

// ReadPlan returns the stored plan as people read it; ErrNotFound when none
// has been drawn.
func ReadPlan(p *store.Project) (PlanView, error) {
	pl, ok, err := p.Plan()
	if err != nil {
		return PlanView{}, err
	}
	if !ok {
		return PlanView{}, errs.E(errs.NotFound, "read the plan", errors.New("no double-coding plan has been drawn"))
	}
	return viewOf(p, pl)
}

func viewOf(p *store.Project, pl store.Plan) (PlanView, error) {
	names, err := coderNames(p)
	if err != nil {
		return PlanView{}, err
	}
	docs, err := p.Documents()
	if err != nil {
		return PlanView{}, err
	}
	values, _, err := stratumValues(p, pl.Stratify)
	if err != nil {
		// The attribute was renamed or deleted since the draw: the plan
		// still stands, only its strata cannot be shown.
		values = map[string]string{}
	}
	out := PlanView{Share: pl.Share, By: pl.Stratify, Seed: pl.Seed, DrawnAt: pl.DrawnAt, DrawnBy: names[pl.DrawnBy],
		Sample: []PlanDocument{}, Rest: []PlanDocument{}, Coverage: map[string]int{}}
	for _, id := range pl.Coders {
		out.Coders = append(out.Coders, names[id])
		out.Coverage[names[id]] = 0
	}
	// Every document there was at the draw was assigned, so the assigned
	// documents are what the share was taken of, even after later imports.
	assigned := map[int64][]string{}
	for _, a := range pl.Assignments {
		assigned[a.Document] = append(assigned[a.Document], names[a.Coder])
	}
	out.Total = len(assigned)
	sample := map[int64]bool{}
	for _, id := range pl.Sample {
		sample[id] = true
	}
	strata := map[string]*Stratum{}
	var order []string
	for _, d := range docs {
		if _, planned := assigned[d.ID]; !planned {
			continue // imported after the draw
		}
		val := values[d.Case]
		st := strata[val]
		if st == nil {
			st = &Stratum{Value: val}
			strata[val] = st
			order = append(order, val)
		}
		st.Documents++
		pd := PlanDocument{ID: d.ID, Name: d.Name, Case: d.Case, Stratum: val, Words: d.Words, Coders: assigned[d.ID]}
		for _, c := range pd.Coders {
			out.Coverage[c] += d.Words
		}
		if sample[d.ID] {
			st.Sampled++
			out.Sample = append(out.Sample, pd)
		} else if len(pd.Coders) > 0 {
			out.Rest = append(out.Rest, pd)
		}
	}
	sort.Slice(order, func(i, j int) bool {
		if (order[i] == "") != (order[j] == "") {
			return order[j] == ""
		}
		return order[i] < order[j]
	})
	if pl.Stratify != "" {
		for _, k := range order {
			out.Strata = append(out.Strata, *strata[k])
		}
	}
	return out, nil
}

func coderNames(p *store.Project) (map[int64]string, error) {
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, c := range coders {
		out[c.ID] = c.Name
	}
	return out, nil
}

// Draw is the plan's reliability sample as the methods paragraph describes
// it (see report.SampleDraw).
func (pv PlanView) Draw() report.SampleDraw {
	return report.SampleDraw{Share: pv.Share, Sampled: len(pv.Sample), Total: pv.Total, By: pv.By, Seed: pv.Seed, Coders: pv.Coders}
}

// CoderProgress is one coder's progress through their assigned documents:
// how many they were assigned, have marked done, and have coded (at least
// one segment); SampleDone counts the sample documents they marked done.
type CoderProgress struct {
	Coder      string
	Assigned   int
	Done       int
	Coded      int
	Sample     int
	SampleDone int
}

// ProgressReport is every visible coder's progress and the sample's
// completion: the sample documents every planned coder has marked done.
type ProgressReport struct {
	Coders         []CoderProgress
	Sample         int
	SampleComplete int
}

// PlanProgress reports progress through the plan. The lead sees every
// coder's; a coder sees only their own (and the sample's completion, a count
// that shows nobody's coding).
func PlanProgress(p *store.Project, v Viewer) (ProgressReport, error) {
	pl, ok, err := p.Plan()
	if err != nil {
		return ProgressReport{}, err
	}
	if !ok {
		return ProgressReport{}, errs.E(errs.NotFound, "read progress", errors.New("no double-coding plan has been drawn"))
	}
	names, err := coderNames(p)
	if err != nil {
		return ProgressReport{}, err
	}
	marks, err := p.DoneMarks()
	if err != nil {
		return ProgressReport{}, err
	}
	coded, err := p.CodedDocuments()
	if err != nil {
		return ProgressReport{}, err
	}
	type key struct{ doc, coder int64 }
	done := map[key]bool{}
	for _, m := range marks {
		done[key{m.Document, m.Coder}] = true
	}
	hasCoded := map[key]bool{}
	for c, docs := range coded {
		for _, d := range docs {
			hasCoded[key{d, c}] = true
		}
	}
	sample := map[int64]bool{}
	for _, id := range pl.Sample {
		sample[id] = true
	}
	rows := map[int64]*CoderProgress{}
	for _, id := range pl.Coders {
		rows[id] = &CoderProgress{Coder: names[id]}
	}
	for _, a := range pl.Assignments {
		r := rows[a.Coder]
		if r == nil {
			continue
		}
		k := key{a.Document, a.Coder}
		r.Assigned++
		if done[k] {
			r.Done++
		}
		if hasCoded[k] {
			r.Coded++
		}
		if sample[a.Document] {
			r.Sample++
			if done[k] {
				r.SampleDone++
			}
		}
	}
	out := ProgressReport{Sample: len(pl.Sample), Coders: []CoderProgress{}}
	for _, d := range pl.Sample {
		all := true
		for _, c := range pl.Coders {
			all = all && done[key{d, c}]
		}
		if all {
			out.SampleComplete++
		}
	}
	for _, id := range pl.Coders {
		if v.IsLead || id == v.Coder.ID {
			out.Coders = append(out.Coders, *rows[id])
		}
	}
	return out, nil
}

// MarkDone marks a document done (or not) for the viewer: a coder marks
// only their own work, and a consensus layer has none to mark.
func MarkDone(p *store.Project, v Viewer, document int64, done bool) error {
	if err := v.mayCode(); err != nil {
		return err
	}
	return p.SetDone(document, v.Coder.ID, done)
}

// DocumentPlan is what the document list shows of the plan for one
// document: whether it is in the sample, assigned to the viewer, done by the
// viewer, and (for the lead, or with blind mode off) who it is assigned to.
type DocumentPlan struct {
	Sample   bool
	Yours    bool
	Done     bool
	Coders   []string
	Position int // the viewer's order: their assigned documents first
}

// PlanForViewer returns each document's plan marks for the viewer, keyed by
// document id; nil when no plan has been drawn.
func PlanForViewer(p *store.Project, v Viewer) (map[int64]DocumentPlan, error) {
	pl, ok, err := p.Plan()
	if err != nil || !ok {
		return nil, err
	}
	names, err := coderNames(p)
	if err != nil {
		return nil, err
	}
	marks, err := p.DoneMarks()
	if err != nil {
		return nil, err
	}
	out := map[int64]DocumentPlan{}
	for _, id := range pl.Sample {
		out[id] = DocumentPlan{Sample: true}
	}
	for _, a := range pl.Assignments {
		dp := out[a.Document]
		if a.Coder == v.Coder.ID {
			dp.Yours = true
		}
		dp.Coders = append(dp.Coders, names[a.Coder])
		out[a.Document] = dp
	}
	for _, m := range marks {
		if m.Coder == v.Coder.ID {
			dp := out[m.Document]
			dp.Done = true
			out[m.Document] = dp
		}
	}
	return out, nil
}

// SampleDocuments returns the double-coded sample's documents, for the
// agreement view's "the double-coded sample"; ErrNotFound without a plan or
// with an empty sample.
func SampleDocuments(p *store.Project) ([]int64, error) {
	pl, ok, err := p.Plan()
	if err != nil {
		return nil, err
	}
	if !ok || len(pl.Sample) == 0 {
		return nil, errs.E(errs.NotFound, "compare the double-coded sample", errors.New("no double-coded sample has been drawn (the lead draws one with Plan…)"))
	}
	return pl.Sample, nil
}
