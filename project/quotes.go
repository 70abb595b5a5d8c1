package project

import (
	"fmt"

	"themis/corpus"
	"themis/report"
	"themis/store"
)

// Quote is a coded span with everything needed to attribute it. A passage
// that several coders coded with the same span is one quote: SegmentIDs and
// CoderIDs list them all (report.Quote.Coders their names), SegmentID and
// CoderID are the first.
type Quote struct {
	report.Quote
	SegmentID  int64
	DocumentID int64
	CoderID    int64
	SegmentIDs []int64
	CoderIDs   []int64
	// Exemplar is the passage's star (store.Exemplar.ID), 0 when it is not
	// starred; Cuts are its trim and Trimmed the text report.TrimmedText
	// writes from them (the full text when nothing is cut).
	Exemplar int64
	Cuts     [][2]int
	Trimmed  string
}

// Quotes lists the segments of a code as quotes, in document order. coder 0
// means every coder the viewer may see (not consensus layers, which are
// chosen by their own id); under blind mode that is only their own.
// Segments of several coders with the same span are quoted once, "coded by
// Aisha and Ben"; overlapping but different spans stay apart, since each is
// a passage of its own that can be starred and trimmed.
func Quotes(p *store.Project, v Viewer, code, coder int64) (store.Code, []Quote, error) {
	c, err := codeByID(p, code)
	if err != nil {
		return c, nil, err
	}
	if coder != 0 && !v.CanSee(coder) {
		return c, nil, errBlind(v, "another coder's quotes")
	}
	f := store.SegmentFilter{Code: code, Coder: coder}
	if v.Blind {
		f.Coder = v.Coder.ID
	}
	segs, err := p.Segments(f)
	if err != nil {
		return c, nil, err
	}
	if coder == 0 {
		// Every coder means the coders' own layers, as in the theme
		// summaries: a consensus layer repeats what they agreed, and would
		// read as a third coder ("coded by Aisha, Ben and Consensus").
		if segs, err = withoutConsensus(p, segs); err != nil {
			return c, nil, err
		}
	}
	attrib, err := newAttributor(p)
	if err != nil {
		return c, nil, err
	}
	stars, err := p.Exemplars(code)
	if err != nil {
		return c, nil, err
	}
	// A star is on an exact span the viewer has a segment on, so matching
	// by span shows no one else's coding.
	type span struct {
		doc        int64
		start, end int
	}
	starred := map[span]store.Exemplar{}
	for _, e := range stars {
		starred[span{e.Document, e.Start, e.End}] = e
	}
	out := make([]Quote, 0, len(segs))
	for _, s := range segs {
		if e, ok := attrib.excluded[s.Document]; ok && e.Contains(s.Start, s.End) {
			continue // in turns left out of coding and analysis
		}
		// Segments come ordered by document and span, so the same passage
		// of several coders is adjacent.
		if n := len(out); n > 0 && out[n-1].DocumentID == s.Document && out[n-1].Start == s.Start && out[n-1].End == s.End {
			last := &out[n-1]
			last.SegmentIDs = append(last.SegmentIDs, s.ID)
			last.CoderIDs = append(last.CoderIDs, s.Coder)
			last.Coders = append(last.Coders, attrib.coders[s.Coder])
			continue
		}
		q, err := attrib.quote(s)
		if err != nil {
			return c, nil, err
		}
		q.Trimmed = q.Text
		if e, ok := starred[span{s.Document, s.Start, s.End}]; ok {
			q.Exemplar, q.Cuts = e.ID, e.Cuts
			q.Trimmed = report.TrimmedText(q.Text, q.Start, e.Cuts)
		}
		out = append(out, q)
	}
	return c, out, nil
}

// withoutConsensus drops the segments of consensus layers.
func withoutConsensus(p *store.Project, segs []store.Segment) ([]store.Segment, error) {
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	consensus := map[int64]bool{}
	for _, c := range coders {
		consensus[c.ID] = c.Kind == store.KindConsensus
	}
	kept := segs[:0]
	for _, s := range segs {
		if !consensus[s.Coder] {
			kept = append(kept, s)
		}
	}
	return kept, nil
}

// RenderQuotes renders a code's quotes as "md" (Markdown) or "html"; a
// trimmed starred quote is rendered as trimmed.
func RenderQuotes(c store.Code, quotes []Quote, format string, title string) (string, error) {
	group := report.CodeQuotes{Code: c.Name, Definition: c.Definition}
	for _, q := range quotes {
		rq := q.Quote
		if len(q.Cuts) > 0 {
			rq.Text = q.Trimmed // the writer's trim of a starred quote
		}
		group.Quotes = append(group.Quotes, rq)
	}
	switch format {
	case "md", "markdown", "":
		return report.Markdown(title, []report.CodeQuotes{group}), nil
	case "html":
		return report.HTML(title, []report.CodeQuotes{group})
	}
	return "", fmt.Errorf("%w: unknown format %q (use md or html)", store.ErrInvalid, format)
}

func codeByID(p *store.Project, id int64) (store.Code, error) {
	codes, err := p.Codes()
	if err != nil {
		return store.Code{}, err
	}
	for _, c := range codes {
		if c.ID == id {
			return c, nil
		}
	}
	return store.Code{}, fmt.Errorf("code %d: %w", id, store.ErrNotFound)
}

// attributor resolves a segment to its text, speaker, document, case and coder,
// loading each document once.
type attributor struct {
	p      *store.Project
	docs   map[int64]store.Document
	cases  map[string]store.Case
	coders map[int64]string
	// excluded and turnCases: see caseAt in cases.go.
	excluded  map[int64]store.Exclusion
	turnCases map[int64][]store.TurnCase
}

func newAttributor(p *store.Project) (*attributor, error) {
	a := &attributor{p: p, docs: map[int64]store.Document{}, cases: map[string]store.Case{}, coders: map[int64]string{},
		turnCases: map[int64][]store.TurnCase{}}
	excluded, err := p.Exclusions()
	if err != nil {
		return nil, err
	}
	a.excluded = excluded
	cs, err := p.Cases()
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		a.cases[c.Name] = c
	}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	for _, c := range coders {
		a.coders[c.ID] = c.Name
	}
	return a, nil
}

func (a *attributor) document(id int64) (store.Document, error) {
	if d, ok := a.docs[id]; ok {
		return d, nil
	}
	d, err := a.p.Document(id)
	if err == nil {
		a.docs[id] = d
	}
	return d, err
}

func (a *attributor) quote(s store.Segment) (Quote, error) {
	d, err := a.document(s.Document)
	if err != nil {
		return Quote{}, err
	}
	caseName, err := a.caseAt(d, s.Start)
	if err != nil {
		return Quote{}, err
	}
	return Quote{
		Quote: report.Quote{
			Text:     corpus.Slice(d.Text, s.Start, s.End),
			Document: d.Name,
			Speaker:  speakerAt(d.TurnSpans, s.Start),
			Case:     caseLabel(a.cases[caseName]),
			Coder:    a.coders[s.Coder],
			Coders:   []string{a.coders[s.Coder]},
			Start:    s.Start,
			End:      s.End,
		},
		SegmentID:  s.ID,
		DocumentID: s.Document,
		CoderID:    s.Coder,
		SegmentIDs: []int64{s.ID},
		CoderIDs:   []int64{s.Coder},
	}, nil
}

// speakerAt is the speaker of the turn containing offset, "" if none.
func speakerAt(turns []store.Turn, offset int) string {
	for _, t := range turns {
		if offset >= t.Start && offset < t.End {
			return t.Speaker
		}
	}
	return ""
}

// caseLabel attributes a quote to its case, with the nested case when the
// study has one: "Patient 003, nested case 2".
func caseLabel(c store.Case) string {
	if c.Name == "" {
		return ""
	}
	if n := c.Attributes["nested_case"]; n != "" {
		return fmt.Sprintf("%s, nested case %s", c.Name, n)
	}
	return c.Name
}
