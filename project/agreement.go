package project

import (
	"fmt"

	"themis/coding"
	"themis/corpus"
	"themis/store"
)

// AgreementRequest chooses the two coders, the documents (none means every
// document in the project) and the unit of analysis: one of Units' names,
// "" meaning character. For units other than characters, MinShare is the
// share of a unit a coder's segments must cover for the unit to count as
// coded (0: any overlap).
type AgreementRequest struct {
	CoderA, CoderB int64
	Documents      []int64
	Codes          []int64 // the codes compared, in framework order; none means every codable code
	Unit           string
	MinShare       float64
	// Bootstrap > 0 adds 95 % intervals from that many resamples, drawn with
	// Seed, of the documents (Resample "" or "document", see
	// coding.Report.Bootstrap) or of the speaker turns (Resample "turn", see
	// coding.Report.BootstrapTurns).
	Bootstrap int
	Seed      int64
	Resample  string
	// Sample compares the plan's double-coded sample (SampleDocuments)
	// instead of Documents, which must then be empty.
	Sample bool
}

// Agreement computes agreement per code, per factor and overall between two
// coders of a project.
func Agreement(p *store.Project, req AgreementRequest) (coding.Report, error) {
	if err := checkOptions(&req.Unit, req.MinShare, req.Bootstrap); err != nil {
		return coding.Report{}, err
	}
	if req.CoderA == req.CoderB {
		return coding.Report{}, fmt.Errorf("%w: choose two different coders", store.ErrInvalid)
	}
	byTurn := false
	switch req.Resample {
	case "", coding.ResampleDocuments:
	case coding.ResampleTurns:
		if req.Unit == coding.UnitSegment || req.Unit == "document" {
			return coding.Report{}, fmt.Errorf("%w: %s units do not split into speaker turns; resample documents instead", store.ErrInvalid, req.Unit)
		}
		byTurn = true
	default:
		return coding.Report{}, fmt.Errorf("%w: resample documents or turns, not %q", store.ErrInvalid, req.Resample)
	}
	if req.Sample {
		if len(req.Documents) > 0 {
			return coding.Report{}, fmt.Errorf("%w: compare either the chosen documents or the double-coded sample, not both", store.ErrInvalid)
		}
		docs, err := SampleDocuments(p)
		if err != nil {
			return coding.Report{}, err
		}
		req.Documents = docs
	}
	in, err := gather(p, []int64{req.CoderA, req.CoderB}, req.Documents, req.Codes)
	if err != nil {
		return coding.Report{}, err
	}
	a, b := in.coders[0], in.coders[1]
	var rep coding.Report
	switch req.Unit {
	case coding.UnitCharacter:
		if byTurn {
			if err := addTurns(p, in.docs); err != nil {
				return rep, err
			}
		}
		docs, segs := withoutExcluded(in.docs, in.segs, in.excluded)
		rep = coding.CharacterAgreement(docs, in.codes, a.ID, b.ID, a.Name, b.Name, segs)
	case coding.UnitSegment:
		threshold := req.MinShare
		if threshold == 0 {
			threshold = coding.DefaultSegmentThreshold
		}
		rep = coding.SegmentAgreement(in.docs, in.codes, a.ID, b.ID, a.Name, b.Name, in.segs, threshold)
	default:
		units, err := unitsOf(p, in.docs, req.Unit)
		if err != nil {
			return rep, err
		}
		rep = coding.UnitAgreement(units, in.codes, a.ID, b.ID, a.Name, b.Name, in.segs, req.Unit, req.MinShare)
	}
	rep.Codebook = in.codebook
	if !byTurn {
		return rep.Bootstrap(req.Bootstrap, req.Seed), nil
	}
	if req.Bootstrap == 0 {
		return rep, nil
	}
	out, ok := rep.BootstrapTurns(req.Bootstrap, req.Seed)
	if !ok {
		return rep, fmt.Errorf("%w: these documents have no speaker turns to resample", store.ErrInvalid)
	}
	return out, nil
}

// addTurns records where each document's speaker turns start, for turn resampling.
func addTurns(p *store.Project, docs []coding.DocumentLength) error {
	for i := range docs {
		doc, err := p.Document(docs[i].ID)
		if err != nil {
			return err
		}
		docs[i].Turns = turnStarts(doc)
	}
	return nil
}

func turnStarts(doc store.Document) []int {
	starts := make([]int, 0, len(doc.TurnSpans))
	for _, t := range doc.TurnSpans {
		starts = append(starts, t.Start)
	}
	return starts
}

// checkOptions validates what every agreement request shares: the unit
// ("" becomes character), the share of a unit that must be covered, and the
// number of bootstrap resamples.
func checkOptions(unit *string, minShare float64, bootstrap int) error {
	if *unit == "" {
		*unit = coding.UnitCharacter
	}
	if !knownUnit(*unit) {
		return fmt.Errorf("%w: unknown unit %q (use character, turn, sentence, paragraph, segment or document)", store.ErrInvalid, *unit)
	}
	if minShare < 0 || minShare > 1 {
		return fmt.Errorf("%w: the share of a unit that must be covered is between 0 and 1, not %v", store.ErrInvalid, minShare)
	}
	if bootstrap < 0 || bootstrap > coding.MaxResamples {
		return fmt.Errorf("%w: the number of bootstrap resamples is between 0 and %d, not %d", store.ErrInvalid, coding.MaxResamples, bootstrap)
	}
	return nil
}

// comparison is what an agreement request reads from the project: the
// coders (in the order asked), the documents with their lengths, the codable
// codes and the coders' segments.
type comparison struct {
	coders    []store.Coder
	docs      []coding.DocumentLength
	framework int64
	codebook  coding.CodebookVersion
	codes     []coding.Code
	segs      []coding.Segment
	excluded  map[int64]store.Exclusion // documents with turns left out of analysis
}

// gather loads the coders, the documents (none means every document, in
// project order), the codes (none means every codable code, always in
// framework order) and the segments an agreement needs. An unknown coder,
// document or code is store.ErrNotFound.
func gather(p *store.Project, coders, documents, codes []int64) (comparison, error) {
	var in comparison
	for _, id := range coders {
		c, err := p.Coder(id)
		if err != nil {
			return in, err
		}
		in.coders = append(in.coders, c)
	}
	all, err := p.Documents()
	if err != nil {
		return in, err
	}
	everything := len(documents) == 0
	wanted := map[int64]bool{}
	for _, id := range documents {
		wanted[id] = true
	}
	for _, d := range all {
		if everything || wanted[d.ID] {
			in.docs = append(in.docs, coding.DocumentLength{ID: d.ID, Length: d.Chars})
			delete(wanted, d.ID)
		}
	}
	for id := range wanted {
		return in, fmt.Errorf("document %d: %w", id, store.ErrNotFound)
	}
	if in.framework, err = frameworkOfCodes(p, codes); err != nil {
		return in, err
	}
	if in.codebook, err = CodebookOf(p, in.framework); err != nil {
		return in, err
	}
	if in.codes, err = AgreementCodes(p, in.framework); err != nil {
		return in, err
	}
	if len(codes) > 0 {
		chosen := map[int64]bool{}
		for _, id := range codes {
			chosen[id] = true
		}
		kept := in.codes[:0]
		for _, c := range in.codes {
			if chosen[c.ID] {
				kept = append(kept, c)
				delete(chosen, c.ID)
			}
		}
		in.codes = kept
		for id := range chosen {
			return in, fmt.Errorf("code %d: %w (or not codable)", id, store.ErrNotFound)
		}
	}
	for _, c := range in.coders {
		ss, err := p.Segments(store.SegmentFilter{Coder: c.ID})
		if err != nil {
			return in, err
		}
		for _, s := range ss {
			in.segs = append(in.segs, coding.Segment{Document: s.Document, Code: s.Code, Coder: s.Coder, Start: s.Start, End: s.End})
		}
	}
	if in.excluded, err = p.Exclusions(); err != nil {
		return in, err
	}
	in.segs = dropExcludedSegments(in.segs, in.excluded)
	return in, nil
}

// unitsOf splits every document into units of the given kind (not character).
func unitsOf(p *store.Project, docs []coding.DocumentLength, unit string) ([]coding.DocumentUnits, error) {
	units := make([]coding.DocumentUnits, 0, len(docs))
	excluded, err := p.Exclusions()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		u, err := documentUnits(p, d, unit)
		if err != nil {
			return nil, err
		}
		if e, ok := excluded[d.ID]; ok && unit != "document" {
			u = excludedUnits(u, e)
		}
		units = append(units, u)
	}
	return units, nil
}

func knownUnit(name string) bool {
	for _, u := range Units {
		if u.Name == name {
			return true
		}
	}
	return false
}

// documentUnits splits a document into units. Turns, sentences and
// paragraphs are taken within what each speaker said, so a speaker label is
// never part of a unit a coder could not have coded.
func documentUnits(p *store.Project, d coding.DocumentLength, unit string) (coding.DocumentUnits, error) {
	out := coding.DocumentUnits{ID: d.ID, Length: d.Length}
	if unit == "document" {
		out.Units = []coding.Span{{Start: 0, End: d.Length}}
		return out, nil
	}
	doc, err := p.Document(d.ID)
	if err != nil {
		return out, err
	}
	out.Turns = turnStarts(doc)
	text := []rune(doc.Text)
	for _, t := range doc.TurnSpans {
		if t.End <= t.ContentStart || t.End > len(text) {
			continue
		}
		if unit == "turn" {
			out.Units = append(out.Units, coding.Span{Start: t.ContentStart, End: t.End})
			continue
		}
		split := corpus.Sentences
		if unit == "paragraph" {
			split = corpus.Paragraphs
		}
		for _, r := range split(string(text[t.ContentStart:t.End])) {
			out.Units = append(out.Units, coding.Span{Start: t.ContentStart + r.Start, End: t.ContentStart + r.End})
		}
	}
	return out, nil
}

// frameworkOfCodes is the framework the chosen codes belong to, or the
// active one when none are chosen. Agreement pools codes, so they must all
// come from one framework.
func frameworkOfCodes(p *store.Project, codes []int64) (int64, error) {
	if len(codes) == 0 {
		f, err := p.Framework()
		return f.ID, err
	}
	var fw int64
	for _, id := range codes {
		c, err := p.Code(id)
		if err != nil {
			return 0, err
		}
		if fw != 0 && c.Framework != fw {
			return 0, fmt.Errorf("%w: the codes compared must come from one framework; “%s” is from another", store.ErrInvalid, c.Name)
		}
		fw = c.Framework
	}
	return fw, nil
}

// CodebookOf is the version of a framework (0: the active one) that a
// result computed now is computed under.
func CodebookOf(p *store.Project, framework int64) (coding.CodebookVersion, error) {
	v, err := p.CodebookVersion(framework)
	return coding.CodebookVersion{Framework: v.Framework, Name: v.Name, Revision: v.Revision, Label: v.Label()}, err
}

// AgreementCodes lists a framework's codable codes (0: the active
// framework's) with their parent factor, in framework order.
func AgreementCodes(p *store.Project, framework int64) ([]coding.Code, error) {
	all, err := p.CodesOf(framework)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, c := range all {
		names[c.ID] = c.Name
	}
	var out []coding.Code
	for _, c := range all {
		if c.Codable {
			out = append(out, coding.Code{ID: c.ID, Name: c.Name, Factor: c.Parent, FactorName: names[c.Parent]})
		}
	}
	return out, nil
}

// DocumentRows is rep's breakdown by document (see coding.Report.PerDocument)
// with each row labelled by its document's name; codes restricts the pooled
// codes (one code gives that code's code × document breakdown).
func DocumentRows(p *store.Project, rep coding.Report, codes ...int64) ([]coding.Result, error) {
	names, err := documentNames(p)
	if err != nil {
		return nil, err
	}
	return namedRows(rep, names, codes...), nil
}

// DocumentBreakdown is an agreement broken down by document: every code
// pooled (Code 0) or one code's.
type DocumentBreakdown struct {
	Code int64
	Rows []coding.Result
}

// DocumentBreakdowns is every breakdown by document the agreement view can
// open under a row of rep: all codes pooled first, then each code of
// rep.PerCode in its order, rows labelled as DocumentRows labels them.
func DocumentBreakdowns(p *store.Project, rep coding.Report) ([]DocumentBreakdown, error) {
	names, err := documentNames(p)
	if err != nil {
		return nil, err
	}
	out := make([]DocumentBreakdown, 0, len(rep.PerCode)+1)
	out = append(out, DocumentBreakdown{Rows: namedRows(rep, names)})
	for _, row := range rep.PerCode {
		out = append(out, DocumentBreakdown{Code: row.Code, Rows: namedRows(rep, names, row.Code)})
	}
	return out, nil
}

func documentNames(p *store.Project) (map[int64]string, error) {
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(docs))
	for _, d := range docs {
		names[d.ID] = d.Name
	}
	return names, nil
}

func namedRows(rep coding.Report, names map[int64]string, codes ...int64) []coding.Result {
	rows := rep.PerDocument(codes...)
	for i := range rows {
		rows[i].Label = names[rows[i].Document]
	}
	return rows
}
