package project

import (
	"slices"
	"strings"
	"unicode"

	"themis/errs"
	"themis/store"
)

// contextLength is how many code points of context a drill-down passage
// shows on each side, at most.
const contextLength = 200

// CellPassages lists the passages behind one cell of a theme view, in
// document order: the passages of the code (a factor: its subtree) in the
// layer, narrowed to a case or an attribute value when the query names one;
// with With, the pairs of overlapping segments of the two codes by the same
// coder, each with its overlap. They are the passages the cell's figure
// counts, so a cell of n segments opens n passages.
func CellPassages(p *store.Project, v Viewer, q CellQuery) ([]Passage, error) {
	if q.Code == 0 {
		return nil, errs.Errorf(errs.Invalid, "a cell needs a code")
	}
	var withFw int64
	if q.With != 0 {
		w, err := p.Code(q.With)
		if err != nil {
			return nil, err
		}
		withFw = w.Framework
	}
	ts, err := loadThemes(p, v, q.Framework, withFw, q.Layer, q.Filter)
	if err != nil {
		return nil, err
	}
	row := slices.IndexFunc(ts.codes, func(c store.Code) bool { return c.ID == q.Code })
	if row < 0 {
		return nil, errs.Errorf(errs.NotFound, "code %d: not found in %s", q.Code, ts.scope.Framework.Name)
	}
	if q.Attribute != "" {
		if _, ok := ts.attrs[q.Attribute]; !ok {
			return nil, errs.Errorf(errs.NotFound, "attribute %q: not found", q.Attribute)
		}
	}
	if q.Case != "" {
		if _, ok := ts.cases[q.Case]; !ok {
			return nil, errs.Errorf(errs.NotFound, "case %q: not found", q.Case)
		}
	}
	keep := func(ps passage) bool {
		if q.Case != "" && !slices.Contains(ps.cases, q.Case) {
			return false
		}
		return q.Attribute == "" || ts.hasValue(ps, q.Attribute, q.Value)
	}
	out := []Passage{}
	if q.With != 0 {
		cols := ts.codes
		if ts.with != nil {
			cols = ts.with
		}
		col := slices.IndexFunc(cols, func(c store.Code) bool { return c.ID == q.With })
		if col < 0 {
			return nil, errs.Errorf(errs.NotFound, "code %d: not found in %s", q.With, ts.withFramework.Name)
		}
		for _, d := range ts.docs {
			for _, group := range ts.coderGroups(d) {
				out = append(out, ts.pairs(d, group, row, col, keep)...)
			}
		}
		slices.SortStableFunc(out, func(a, b Passage) int {
			if a.Document != b.Document {
				return int(a.Document - b.Document)
			}
			return a.Start - b.Start
		})
		return out, nil
	}
	rows := ts.rowSet(row)
	for _, d := range ts.docs {
		for _, ps := range ts.passages(d, rows) {
			if keep(ps) {
				out = append(out, ts.passageOut(ps))
			}
		}
	}
	return out, nil
}

// pairs are one coder's overlapping segments of the row and column codes in
// a document, as passages spanning both with their overlap.
func (ts *themeSet) pairs(d *themeDoc, segs []themeSegment, row, col int, keep func(passage) bool) []Passage {
	var out []Passage
	for i, a := range segs {
		for _, b := range segs[i+1:] {
			if b.Start >= a.End {
				break
			}
			x, y := a, b
			if r, _ := ts.axis(x); r != row {
				x, y = b, a
			}
			if r, _ := ts.axis(x); r != row {
				continue
			}
			if _, c := ts.axis(y); c != col {
				continue
			}
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			ps := passage{doc: d, start: min(x.Start, y.Start), end: max(x.End, y.End)}
			ts.resolve(&ps)
			if !keep(ps) {
				continue
			}
			p := ts.passageOut(ps)
			p.Coders = []string{ts.coders[x.Coder]}
			p.Codes = []string{ts.codeName(x.Code), ts.codeName(y.Code)}
			p.SegmentIDs = []int64{x.ID, y.ID}
			p.Overlap = [2]int{lo, hi}
			out = append(out, p)
		}
	}
	return out
}

// codeName names a code of either framework.
func (ts *themeSet) codeName(id int64) string {
	for _, cs := range [][]store.Code{ts.codes, ts.with} {
		if i := slices.IndexFunc(cs, func(c store.Code) bool { return c.ID == id }); i >= 0 {
			return cs[i].Name
		}
	}
	return ""
}

// passageOut is a passage as the drill-down shows it: its text, context,
// speakers, cases, coders, codes and segments.
func (ts *themeSet) passageOut(ps passage) Passage {
	d := ps.doc
	p := Passage{Document: d.info.ID, DocumentName: d.info.Name, Start: ps.start, End: ps.end,
		Text: d.slice(ps.start, ps.end), Before: ts.before(d, ps.start), After: ts.after(d, ps.end),
		Case: strings.Join(ps.cases, ", "), Coders: []string{}, Codes: []string{}, SegmentIDs: []int64{}}
	var speakers []string
	for _, t := range d.turnsOverlapping(ps.start, ps.end) {
		if t.speaker != "" && !slices.Contains(speakers, t.speaker) {
			speakers = append(speakers, t.speaker)
		}
	}
	p.Speaker = strings.Join(speakers, ", ")
	coded := make([]bool, len(ts.codes))
	for _, i := range ps.segs {
		s := d.segs[i]
		p.SegmentIDs = append(p.SegmentIDs, s.ID)
		if name := ts.coders[s.Coder]; !slices.Contains(p.Coders, name) {
			p.Coders = append(p.Coders, name)
		}
		if s.row >= 0 {
			coded[s.row] = true
		}
	}
	slices.SortFunc(p.Coders, func(a, b string) int { return ts.coderRank(a) - ts.coderRank(b) })
	for i, ok := range coded {
		if ok {
			p.Codes = append(p.Codes, ts.codes[i].Name)
		}
	}
	return p
}

// coderRank is a coder's place among the coders read.
func (ts *themeSet) coderRank(name string) int {
	for id, n := range ts.coders {
		if n == name {
			return ts.coderIdx[id]
		}
	}
	return 0
}

// before is up to contextLength code points before start, beginning at a
// word boundary when cut.
func (ts *themeSet) before(d *themeDoc, start int) string {
	from := max(0, start-contextLength)
	s := d.slice(from, start)
	if from > 0 {
		if k := strings.IndexFunc(s, unicode.IsSpace); k >= 0 {
			s = s[k:]
		}
	}
	return strings.TrimLeftFunc(s, unicode.IsSpace)
}

// after is up to contextLength code points after end, ending at a word
// boundary when cut.
func (ts *themeSet) after(d *themeDoc, end int) string {
	chars := d.info.Chars
	to := min(chars, end+contextLength)
	s := d.slice(end, to)
	if to < chars {
		if k := strings.LastIndexFunc(s, unicode.IsSpace); k >= 0 {
			s = s[:k]
		}
	}
	return strings.TrimRightFunc(s, unicode.IsSpace)
}
