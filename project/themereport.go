package project

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"themis/errs"
	"themis/report"
	"themis/store"
)

// ReportAttribution chooses what follows a quote: the case's name, then the
// values of the chosen case attributes ("— Patient 005, patient, nested
// case 2"), the speaker's label and the document's name when asked.
type ReportAttribution struct {
	Case, Speaker, Document bool
	Attributes              []string
}

// ReportOptions is the writer's choice for a themes report.
type ReportOptions struct {
	Framework int64   // 0: the active framework
	Codes     []int64 // a factor includes its subtree; empty = the whole framework
	Layer     Layer
	Filter    ThemeFilter
	// Order is "codebook" (tree order, the default) or "prevalence"
	// (siblings by cases, then segments, most first).
	Order string
	// StarredOnly quotes only starred exemplars; otherwise a code without
	// any is quoted with every passage of the layer.
	StarredOnly bool
	Attribution ReportAttribution
	// Breakdown is the case attribute the prevalence sentences break the
	// cases down by, and whose matrix is appended; "" for none.
	Breakdown string
	// Agreement adds each code's agreement row and the methods paragraph;
	// it needs all coders together with exactly two coders and a viewer
	// who may compare.
	Agreement bool
	// Memos puts the memos on each code (shared in blind mode) under its
	// definition.
	Memos bool
	Title string // "" = "Themes: <framework>"
}

// DefaultAttribution is the attribution template a report starts from: the
// case's name and, of the attributes a project has, role and nested case
// (or their spellings with a space or an underscore).
func DefaultAttribution(p *store.Project) (ReportAttribution, error) {
	attrs, err := p.Attributes()
	if err != nil {
		return ReportAttribution{}, err
	}
	a := ReportAttribution{Case: true, Attributes: []string{}}
	for _, want := range []string{"role", "nested case"} {
		for _, at := range attrs {
			if strings.EqualFold(strings.ReplaceAll(at.Name, "_", " "), want) {
				a.Attributes = append(a.Attributes, at.Name)
			}
		}
	}
	return a, nil
}

// DefaultBreakdown is the attribute the prevalence sentence breaks down by
// unless the writer chooses: "role" when the project has such an
// attribute, else none.
func DefaultBreakdown(p *store.Project) (string, error) {
	attrs, err := p.Attributes()
	if err != nil {
		return "", err
	}
	for _, at := range attrs {
		if strings.EqualFold(at.Name, "role") {
			return at.Name, nil
		}
	}
	return "", nil
}

// ThemeReport assembles the themes report: per factor and code (in the order
// chosen) its definition, the prevalence sentence made from the figures of
// Summarise and ByAttribute — the same functions the Themes tab and the CLI
// show, so the report cannot disagree with them — its quotes, and when
// asked its agreement row and the methods paragraph of the agreement view.
//
// Quotes: a code's starred exemplars that overlap a passage of the layer
// under the filter (trimmed with report.TrimmedText); for a code without
// any, unless StarredOnly, every passage of the layer (passagesByCode),
// each once, "coded by" its coders in the all-coders layer. A factor's own
// quotes are those coded with the factor itself; its codes have theirs.
//
// The report carries names as stored (pseudonyms after replacement) and no
// file path: the project's own path is never read here.
func ThemeReport(p *store.Project, v Viewer, o ReportOptions) (report.ThemeReport, error) {
	var out report.ThemeReport
	// With a breakdown, ByAttribute's rows carry the same figures as
	// Summarise's (both are themeSet.figures), so the layer is read once.
	var sum Summary
	var breakdown *AttributeMatrix
	if o.Breakdown != "" {
		m, err := ByAttribute(p, v, o.Framework, o.Layer, o.Filter, o.Breakdown)
		if err != nil {
			return out, err
		}
		breakdown = &m
		sum.Scope = m.Scope
		for _, r := range m.Rows {
			sum.Rows = append(sum.Rows, r.PrevalenceRow)
		}
	} else {
		var err error
		if sum, err = Summarise(p, v, o.Framework, o.Layer, o.Filter); err != nil {
			return out, err
		}
	}
	framework := sum.Scope.Framework
	rows, err := chosenRows(sum.Rows, o.Codes)
	if err != nil {
		return out, err
	}
	switch o.Order {
	case "", "codebook":
	case "prevalence":
		rows = byPrevalence(rows)
	default:
		return out, errs.Errorf(errs.Invalid, "unknown report order %q: use codebook or prevalence", o.Order)
	}
	codes, err := p.CodesOf(framework.ID)
	if err != nil {
		return out, err
	}
	byID := make(map[int64]store.Code, len(codes))
	for _, c := range codes {
		byID[c.ID] = c
	}
	var agreement *report.AgreementTable
	if o.Agreement {
		t, err := reportAgreement(p, v, sum.Scope, o.Filter, codes)
		if err != nil {
			return out, err
		}
		agreement = &t
		out.Methods = report.MethodsParagraph(t)
	}
	q, err := newQuoter(p, v, o, framework.ID)
	if err != nil {
		return out, err
	}
	if q.passages, err = passagesByCode(p, v, framework.ID, o.Layer, o.Filter); err != nil {
		return out, err
	}
	out.Title = o.Title
	if strings.TrimSpace(out.Title) == "" {
		out.Title = "Themes: " + framework.Name
	}
	out.Scope = scopeCaption(sum.Scope, o.Filter)
	memos := map[int64][]report.ThemeMemo{}
	if o.Memos {
		list, err := Memos(p, v, store.MemoFilter{Kind: store.MemoCode})
		if err != nil {
			return out, err
		}
		for _, m := range list {
			day, _, _ := strings.Cut(m.UpdatedAt, "T")
			memos[m.Target] = append(memos[m.Target], report.ThemeMemo{Author: m.AuthorName, Date: day, Text: m.Text})
		}
	}
	for _, r := range rows {
		s := report.ThemeSection{Depth: r.Depth, Name: r.Name, Definition: byID[r.Code].Definition,
			Prevalence: prevalence(r, sum.Scope, breakdown), Memos: memos[r.Code]}
		if agreement != nil {
			s.Agreement = report.AgreementLine(*agreement, r.Code)
		}
		if s.Quotes, err = q.quotes(r); err != nil {
			return out, err
		}
		out.Sections = append(out.Sections, s)
	}
	out.Tables = append(out.Tables, SummaryTable(Summary{Scope: sum.Scope, Rows: rows}))
	if breakdown != nil {
		// The matrix of the chosen codes, in the report's order.
		m := *breakdown
		byCode := make(map[int64]AttributeRow, len(m.Rows))
		for _, r := range m.Rows {
			byCode[r.Code] = r
		}
		m.Rows = make([]AttributeRow, len(rows))
		for i, r := range rows {
			m.Rows[i] = byCode[r.Code]
		}
		out.Tables = append(out.Tables, AttributeTable(m))
	}
	return out, nil
}

// RenderThemeReport renders a report as "md" or "html" text; docx is
// written with report.ThemeDocx.
func RenderThemeReport(r report.ThemeReport, format string) (string, error) {
	switch format {
	case "md":
		return report.ThemeMarkdown(r), nil
	case "html":
		return report.ThemeHTML(r)
	}
	return "", errs.Errorf(errs.Invalid, "unknown report format %q: use md, html or docx", format)
}

// chosenRows keeps the rows of the chosen codes with their subtrees and, so
// that a chosen code keeps its place, their ancestors; every chosen code
// must be a row of the summary.
func chosenRows(rows []PrevalenceRow, chosen []int64) ([]PrevalenceRow, error) {
	if len(chosen) == 0 {
		return rows, nil
	}
	at := make(map[int64]int, len(rows))
	for i, r := range rows {
		at[r.Code] = i
	}
	keep := make([]bool, len(rows))
	for _, id := range chosen {
		i, ok := at[id]
		if !ok {
			return nil, errs.Errorf(errs.NotFound, "code %d is not in the report's framework", id)
		}
		keep[i] = true
		for j := i + 1; j < len(rows) && rows[j].Depth > rows[i].Depth; j++ {
			keep[j] = true
		}
		depth := rows[i].Depth
		for j := i - 1; j >= 0 && depth > 0; j-- {
			if rows[j].Depth < depth {
				keep[j] = true
				depth = rows[j].Depth
			}
		}
	}
	var out []PrevalenceRow
	for i, r := range rows {
		if keep[i] {
			out = append(out, r)
		}
	}
	return out, nil
}

// byPrevalence reorders rows given in tree order so that siblings come by
// cases, then segments, most first (ties keep codebook order), each row
// still followed by its own subtree.
func byPrevalence(rows []PrevalenceRow) []PrevalenceRow {
	type node struct {
		row  PrevalenceRow
		kids []*node
	}
	root := &node{row: PrevalenceRow{Depth: -1}}
	stack := []*node{root}
	for _, r := range rows {
		for len(stack) > 1 && stack[len(stack)-1].row.Depth >= r.Depth {
			stack = stack[:len(stack)-1]
		}
		n := &node{row: r}
		parent := stack[len(stack)-1]
		parent.kids = append(parent.kids, n)
		stack = append(stack, n)
	}
	out := make([]PrevalenceRow, 0, len(rows))
	var walk func(n *node)
	walk = func(n *node) {
		slices.SortStableFunc(n.kids, func(a, b *node) int {
			if c := cmp.Compare(b.row.Cases, a.row.Cases); c != 0 {
				return c
			}
			return cmp.Compare(b.row.Segments, a.row.Segments)
		})
		for _, k := range n.kids {
			out = append(out, k.row)
			walk(k)
		}
	}
	walk(root)
	return out
}

// prevalence is a row's prevalence sentence, with the breakdown's columns
// when there is one; without any case in scope it gives the segments and
// documents instead.
func prevalence(r PrevalenceRow, scope ThemeScope, m *AttributeMatrix) string {
	if scope.Cases == 0 {
		if r.Segments == 0 {
			return "Not coded in the documents in scope."
		}
		return fmt.Sprintf("Coded in %s of %s.", plural(r.Segments, "passage", "passages"), plural(r.Documents, "document", "documents"))
	}
	var parts []report.Evidence
	attribute := ""
	if m != nil {
		attribute = m.Attribute
		for _, ar := range m.Rows {
			if ar.Code != r.Code {
				continue
			}
			for i, c := range m.Columns {
				value := c.Value
				if value == noValue {
					value = ""
				}
				parts = append(parts, report.Evidence{Value: value, Cases: ar.Cells[i].Cases, Of: c.Cases})
			}
		}
	}
	return report.PrevalenceSentence(r.Cases, scope.Cases, "participant", attribute, parts)
}

// scopeCaption says in words what the report's figures were computed over.
func scopeCaption(s ThemeScope, f ThemeFilter) string {
	layer := s.Layer.Name
	switch s.Layer.Kind {
	case "all":
		layer = "All coders together"
		if len(s.Layer.Coders) > 0 {
			layer += " (" + report.JoinNames(s.Layer.Coders) + ")"
		}
	case "consensus":
		layer = "Consensus layer " + s.Layer.Name
	default:
		layer = "Coded by " + s.Layer.Name
	}
	parts := []string{layer, plural(s.Documents, "document", "documents") + ", " + plural(s.Cases, "participant", "participants")}
	if len(f.Documents) > 0 {
		parts = append(parts, "only "+plural(len(f.Documents), "chosen document", "chosen documents"))
	}
	if len(f.Cases) > 0 {
		parts = append(parts, "only "+report.JoinNames(f.Cases))
	}
	names := make([]string, 0, len(f.Attributes))
	for a := range f.Attributes {
		names = append(names, a)
	}
	slices.Sort(names)
	for _, a := range names {
		if vs := f.Attributes[a]; len(vs) > 0 {
			parts = append(parts, "only "+report.AttributeName(a)+" "+strings.Join(vs, " or "))
		}
	}
	return framingOf(s) + strings.Join(parts, "; ") + "."
}

func framingOf(s ThemeScope) string {
	if s.Framework.Name == "" {
		return ""
	}
	return "Framework " + s.Framework.Name + ". "
}

// reportAgreement is the agreement table of the two coders of the
// all-coders layer over the framework's codes and the filter's documents,
// as the agreement view computes it.
func reportAgreement(p *store.Project, v Viewer, s ThemeScope, f ThemeFilter, codes []store.Code) (report.AgreementTable, error) {
	if !v.CanCompare() {
		return report.AgreementTable{}, errBlind(v, "agreement")
	}
	if s.Layer.Kind != "all" || len(s.Layer.Coders) != 2 {
		return report.AgreementTable{}, errs.Errorf(errs.Precondition,
			"agreement in a report needs all coders together with exactly two coders (this layer reads %s)", report.JoinNames(s.Layer.Coders))
	}
	var ids [2]int64
	for i, name := range s.Layer.Coders {
		c, err := p.CoderByName(name)
		if err != nil {
			return report.AgreementTable{}, fmt.Errorf("coder %s: %w", name, err)
		}
		ids[i] = c.ID
	}
	var codable []int64
	for _, c := range codes {
		if c.Codable {
			codable = append(codable, c.ID)
		}
	}
	return AgreementTableFor(p, v, AgreementRequest{CoderA: ids[0], CoderB: ids[1], Documents: f.Documents, Codes: codable}, "")
}

// passagesByCode lists, for each code of the framework, the passages formed
// by segments of that code itself (a factor's own, not its codes'), in
// document order: the passages CellPassages shows for a code, made by the
// same themeSet functions, from one load of the layer instead of one per
// code — a report asks for every code at once.
func passagesByCode(p *store.Project, v Viewer, framework int64, l Layer, f ThemeFilter) (map[int64][]Passage, error) {
	ts, err := loadThemes(p, v, framework, 0, l, f)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]Passage, len(ts.codes))
	rows := make([]bool, len(ts.codes))
	for i, c := range ts.codes {
		rows[i] = true
		for _, d := range ts.docs {
			for _, ps := range ts.passages(d, rows) {
				out[c.ID] = append(out[c.ID], ts.passageOut(ps))
			}
		}
		rows[i] = false
	}
	return out, nil
}

// quoter finds the quotes of each code.
type quoter struct {
	p        *store.Project
	v        Viewer
	o        ReportOptions
	fw       int64
	all      bool
	cases    map[string]store.Case
	docs     map[int64][]rune
	starOf   map[int64][]store.Exemplar // code → exemplars
	passages map[int64][]Passage        // code → its own passages in the layer
}

func newQuoter(p *store.Project, v Viewer, o ReportOptions, framework int64) (*quoter, error) {
	q := &quoter{p: p, v: v, o: o, fw: framework, all: o.Layer.Coder == 0,
		cases: map[string]store.Case{}, docs: map[int64][]rune{}, starOf: map[int64][]store.Exemplar{}}
	cs, err := p.Cases()
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		q.cases[c.Name] = c
	}
	ex, err := VisibleExemplars(p, v, 0)
	if err != nil {
		return nil, err
	}
	for _, e := range ex {
		q.starOf[e.Code] = append(q.starOf[e.Code], e)
	}
	return q, nil
}

// quotes lists a row's quotes: its starred exemplars within the layer's
// passages, else (unless starred only) the passages themselves.
func (q *quoter) quotes(r PrevalenceRow) ([]report.ThemeQuote, error) {
	stars := q.starOf[r.Code]
	if len(stars) == 0 && q.o.StarredOnly {
		return nil, nil
	}
	passages := q.passages[r.Code]
	var out []report.ThemeQuote
	if len(stars) > 0 {
		for _, e := range stars {
			var at []Passage
			for _, ps := range passages {
				if ps.Document == e.Document && ps.Start < e.End && e.Start < ps.End {
					at = append(at, ps)
				}
			}
			if len(at) == 0 {
				continue // starred in a layer or a part of the corpus this report leaves out
			}
			text, err := q.text(e, at[0])
			if err != nil {
				return nil, err
			}
			var coders []string
			for _, ps := range at {
				coders = append(coders, ps.Coders...)
			}
			out = append(out, q.quote(report.TrimmedText(text, e.Start, e.Cuts), at[0], uniqueSorted(coders)))
		}
		if len(out) > 0 || q.o.StarredOnly {
			return out, nil
		}
	}
	for _, ps := range passages {
		out = append(out, q.quote(ps.Text, ps, ps.Coders))
	}
	return out, nil
}

// quote attributes text by the passage it belongs to.
func (q *quoter) quote(text string, ps Passage, coders []string) report.ThemeQuote {
	out := report.ThemeQuote{Text: text, Attribution: q.attribution(ps)}
	if q.all {
		out.CodedBy = coders
	}
	return out
}

// attribution applies the template: case name, the chosen attributes'
// values, speaker, document; a passage with nothing to name by it (no case)
// falls back to its document, so every quote can be traced.
func (q *quoter) attribution(ps Passage) string {
	a := q.o.Attribution
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	if a.Case {
		add(ps.Case)
	}
	if c, ok := q.cases[ps.Case]; ok && ps.Case != "" {
		for _, name := range a.Attributes {
			add(report.AttributeValue(name, c.Attributes[name]))
		}
	}
	if a.Speaker {
		add(ps.Speaker)
	}
	if a.Document || (len(parts) == 0 && ps.Case == "") {
		add(ps.DocumentName)
	}
	return strings.Join(parts, ", ")
}

// text is an exemplar's text: cut from the passage it lies in (as a starred
// segment lies in its passage), else read from the document.
func (q *quoter) text(e store.Exemplar, ps Passage) (string, error) {
	if ps.Start <= e.Start && e.End <= ps.End {
		r := []rune(ps.Text)
		if len(r) == ps.End-ps.Start {
			return string(r[e.Start-ps.Start : e.End-ps.Start]), nil
		}
	}
	r, ok := q.docs[e.Document]
	if !ok {
		d, err := q.p.Document(e.Document)
		if err != nil {
			return "", fmt.Errorf("document %d: %w", e.Document, err)
		}
		r = []rune(d.Text)
		q.docs[e.Document] = r
	}
	start, end := max(0, min(e.Start, len(r))), max(0, min(e.End, len(r)))
	return string(r[start:end]), nil
}

func uniqueSorted(names []string) []string {
	out := slices.Clone(names)
	slices.Sort(out)
	return slices.Compact(out)
}
