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
	Unit           string
	MinShare       float64
	// Bootstrap > 0 adds 95 % intervals from that many resamples of the
	// documents, drawn with Seed (see coding.Report.Bootstrap).
	Bootstrap int
	Seed      int64
}

// Agreement computes agreement per code, per factor and overall between two
// coders of a project.
func Agreement(p *store.Project, req AgreementRequest) (coding.Report, error) {
	if req.Unit == "" {
		req.Unit = coding.UnitCharacter
	}
	if !knownUnit(req.Unit) {
		return coding.Report{}, fmt.Errorf("%w: unknown unit %q (use character, turn, sentence, paragraph or document)", store.ErrInvalid, req.Unit)
	}
	if req.MinShare < 0 || req.MinShare > 1 {
		return coding.Report{}, fmt.Errorf("%w: the share of a unit that must be covered is between 0 and 1, not %v", store.ErrInvalid, req.MinShare)
	}
	if req.CoderA == req.CoderB {
		return coding.Report{}, fmt.Errorf("%w: choose two different coders", store.ErrInvalid)
	}
	a, err := p.Coder(req.CoderA)
	if err != nil {
		return coding.Report{}, err
	}
	b, err := p.Coder(req.CoderB)
	if err != nil {
		return coding.Report{}, err
	}
	all, err := p.Documents()
	if err != nil {
		return coding.Report{}, err
	}
	everything := len(req.Documents) == 0
	wanted := map[int64]bool{}
	for _, id := range req.Documents {
		wanted[id] = true
	}
	var docs []coding.DocumentLength
	for _, d := range all {
		if everything || wanted[d.ID] {
			docs = append(docs, coding.DocumentLength{ID: d.ID, Length: d.Chars})
			delete(wanted, d.ID)
		}
	}
	for id := range wanted {
		return coding.Report{}, fmt.Errorf("document %d: %w", id, store.ErrNotFound)
	}
	codes, err := AgreementCodes(p)
	if err != nil {
		return coding.Report{}, err
	}
	var segs []coding.Segment
	for _, coder := range []int64{a.ID, b.ID} {
		ss, err := p.Segments(store.SegmentFilter{Coder: coder})
		if err != nil {
			return coding.Report{}, err
		}
		for _, s := range ss {
			segs = append(segs, coding.Segment{Document: s.Document, Code: s.Code, Coder: s.Coder, Start: s.Start, End: s.End})
		}
	}
	if req.Bootstrap < 0 {
		return coding.Report{}, fmt.Errorf("%w: the number of bootstrap resamples cannot be negative", store.ErrInvalid)
	}
	if req.Unit == coding.UnitCharacter {
		return coding.CharacterAgreement(docs, codes, a.ID, b.ID, a.Name, b.Name, segs).Bootstrap(req.Bootstrap, req.Seed), nil
	}
	units := make([]coding.DocumentUnits, 0, len(docs))
	for _, d := range docs {
		u, err := documentUnits(p, d, req.Unit)
		if err != nil {
			return coding.Report{}, err
		}
		units = append(units, u)
	}
	rep := coding.UnitAgreement(units, codes, a.ID, b.ID, a.Name, b.Name, segs, req.Unit, req.MinShare)
	return rep.Bootstrap(req.Bootstrap, req.Seed), nil
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

// AgreementCodes lists the codable codes with their parent factor, in framework order.
func AgreementCodes(p *store.Project) ([]coding.Code, error) {
	all, err := p.Codes()
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
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(docs))
	for _, d := range docs {
		names[d.ID] = d.Name
	}
	rows := rep.PerDocument(codes...)
	for i := range rows {
		rows[i].Label = names[rows[i].Document]
	}
	return rows, nil
}
