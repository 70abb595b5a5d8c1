package project

import (
	"fmt"

	"themis/corpus"
	"themis/report"
	"themis/store"
)

// Exemplars are passages starred for the report (store.Exemplar). Blind
// mode: a viewer stars only segments of layers they may see, and a blind
// viewer sees only the exemplars that match a segment of their own layer
// (same document and code, a segment overlapping the exemplar's span), so
// another coder's stars never reveal where that coder coded. The same rule
// over every layer hides a star whose passage nobody codes any more (its
// segments removed): it is dormant, not quoted as evidence of a code, and
// shows again if the coding comes back (an undo).

// Star stars the passage of a segment as an exemplar of its code; starring
// it again returns the same exemplar.
func Star(p *store.Project, v Viewer, segment int64) (store.Exemplar, error) {
	s, err := p.Segment(segment)
	if err != nil {
		return store.Exemplar{}, err
	}
	if !v.CanSee(s.Coder) {
		return store.Exemplar{}, errBlind(v, "starring another coder's segment")
	}
	return p.StarSegment(segment, v.Coder.ID)
}

// StarPassage stars the passage overlapping segments make together (a
// drill-down's passage in "all coders"), spanning all of it rather than its
// first segment (store.StarPassage); every segment must be one the viewer
// may see.
func StarPassage(p *store.Project, v Viewer, segments []int64) (store.Exemplar, error) {
	for _, id := range segments {
		s, err := p.Segment(id)
		if err != nil {
			return store.Exemplar{}, err
		}
		if !v.CanSee(s.Coder) {
			return store.Exemplar{}, errBlind(v, "starring another coder's segment")
		}
	}
	return p.StarPassage(segments, v.Coder.ID)
}

// Unstar removes an exemplar the viewer may see.
func Unstar(p *store.Project, v Viewer, exemplar int64) error {
	if _, err := visibleExemplar(p, v, exemplar); err != nil {
		return err
	}
	return p.Unstar(exemplar, v.Coder.ID)
}

// Trim sets the ranges an exemplar's quote leaves out (absolute code
// points; none restores the full passage).
func Trim(p *store.Project, v Viewer, exemplar int64, cuts [][2]int) (store.Exemplar, error) {
	if _, err := visibleExemplar(p, v, exemplar); err != nil {
		return store.Exemplar{}, err
	}
	return p.TrimExemplar(exemplar, cuts, v.Coder.ID)
}

// VisibleExemplars lists the exemplars of a code (0: every code) that the
// viewer may see, in document order.
func VisibleExemplars(p *store.Project, v Viewer, code int64) ([]store.Exemplar, error) {
	all, err := p.Exemplars(code)
	if err != nil || len(all) == 0 {
		return all, err
	}
	own, err := p.Segments(visibleFilter(v, store.SegmentFilter{Code: code}))
	if err != nil {
		return nil, err
	}
	type key struct{ doc, code int64 }
	byKey := map[key][]store.Segment{}
	for _, s := range own {
		byKey[key{s.Document, s.Code}] = append(byKey[key{s.Document, s.Code}], s)
	}
	out := all[:0:0]
	for _, e := range all {
		if matchesAny(e, byKey[key{e.Document, e.Code}]) {
			out = append(out, e)
		}
	}
	return out, nil
}

// visibleFilter narrows f to the segments the viewer may see.
func visibleFilter(v Viewer, f store.SegmentFilter) store.SegmentFilter {
	if v.Blind {
		f.Coder = v.Coder.ID
	}
	return f
}

func matchesAny(e store.Exemplar, segs []store.Segment) bool {
	for _, s := range segs {
		if s.Start < e.End && e.Start < s.End {
			return true
		}
	}
	return false
}

// visibleExemplar is the exemplar when the viewer may see it; one they may
// not see (or a dormant one) is reported as not found, so its existence is
// not given away.
func visibleExemplar(p *store.Project, v Viewer, id int64) (store.Exemplar, error) {
	e, err := p.Exemplar(id)
	if err != nil {
		return e, err
	}
	own, err := p.Segments(visibleFilter(v, store.SegmentFilter{Document: e.Document, Code: e.Code}))
	if err != nil {
		return e, err
	}
	if !matchesAny(e, own) {
		return store.Exemplar{}, fmt.Errorf("exemplar %d: %w", id, store.ErrNotFound)
	}
	return e, nil
}

// ExemplarQuote is an exemplar with the text and attribution a display or
// export needs: the full passage, its trimmed text (report.TrimmedText; the
// full text when nothing is cut), and who starred it.
type ExemplarQuote struct {
	store.Exemplar
	DocumentName string
	CodeName     string
	Text         string
	Trimmed      string
	Speaker      string
	Case         string // as quotes attribute it: "Patient 003, nested case 2"
	StarredBy    string // the coder's name, "" when nobody was named
}

// ExemplarQuotes lists the exemplars of a code (0: every code) the viewer
// may see, with their text, in document order.
func ExemplarQuotes(p *store.Project, v Viewer, code int64) ([]ExemplarQuote, error) {
	list, err := VisibleExemplars(p, v, code)
	if err != nil {
		return nil, err
	}
	return exemplarQuotes(p, list)
}

// ExemplarQuoteOf is one exemplar the viewer may see, with its text.
func ExemplarQuoteOf(p *store.Project, v Viewer, id int64) (ExemplarQuote, error) {
	e, err := visibleExemplar(p, v, id)
	if err != nil {
		return ExemplarQuote{}, err
	}
	out, err := exemplarQuotes(p, []store.Exemplar{e})
	if err != nil {
		return ExemplarQuote{}, err
	}
	return out[0], nil
}

func exemplarQuotes(p *store.Project, list []store.Exemplar) ([]ExemplarQuote, error) {
	out := make([]ExemplarQuote, 0, len(list))
	if len(list) == 0 {
		return out, nil
	}
	attrib, err := newAttributor(p)
	if err != nil {
		return nil, err
	}
	codes, err := p.Codes()
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, c := range codes {
		names[c.ID] = c.Name
	}
	for _, e := range list {
		d, err := attrib.document(e.Document)
		if err != nil {
			return nil, err
		}
		caseName, err := attrib.caseAt(d, e.Start)
		if err != nil {
			return nil, err
		}
		text := corpus.Slice(d.Text, e.Start, e.End)
		out = append(out, ExemplarQuote{
			Exemplar:     e,
			DocumentName: d.Name,
			CodeName:     names[e.Code],
			Text:         text,
			Trimmed:      report.TrimmedText(text, e.Start, e.Cuts),
			Speaker:      speakerAt(d.TurnSpans, e.Start),
			Case:         caseLabel(attrib.cases[caseName]),
			StarredBy:    attrib.coders[e.StarredBy],
		})
	}
	return out, nil
}
