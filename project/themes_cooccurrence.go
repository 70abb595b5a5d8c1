package project

import (
	"fmt"
	"sort"
	"strconv"

	"themis/report"
	"themis/store"
)

// Cooccurrence counts, for each pair of a code of framework (rows) and a
// code of with (columns; 0 or framework: the same codes, diagonal zero), the
// pairs of segments of the two codes made by the same coder whose spans
// overlap by at least one code point, and the Jaccard index of the code
// points each coder coded with them. It reads raw segments, not merged
// passages: layer 0 sums over the visible coder layers. A factor's row
// counts only segments coded with the factor itself, since a factor and
// its own codes would otherwise co-occur with themselves.
func Cooccurrence(p *store.Project, v Viewer, framework, with int64, l Layer, f ThemeFilter) (CoMatrix, error) {
	ts, err := loadThemes(p, v, framework, with, l, f)
	if err != nil {
		return CoMatrix{}, err
	}
	cols := ts.codes
	if ts.with != nil {
		cols = ts.with
	}
	out := CoMatrix{Scope: ts.scope, With: ts.withFramework, Rows: ts.codes, Columns: cols, Cells: make([][]CoCell, len(ts.codes))}
	for i := range out.Cells {
		out.Cells[i] = make([]CoCell, len(cols))
	}
	inter := make([][]int, len(ts.codes))
	for i := range inter {
		inter[i] = make([]int, len(cols))
	}
	sizeRow := make([]int, len(ts.codes))
	sizeCol := make([]int, len(cols))
	for _, d := range ts.docs {
		for _, group := range ts.coderGroups(d) {
			ts.cooccur(group, out.Cells, inter, sizeRow, sizeCol)
		}
	}
	for i, row := range out.Cells {
		for j := range row {
			if n := inter[i][j]; n > 0 {
				row[j].Jaccard = float64(n) / float64(sizeRow[i]+sizeCol[j]-n)
			}
		}
	}
	return out, nil
}

// coderGroups splits a document's segments that the filters keep by coder,
// each group in document order.
func (ts *themeSet) coderGroups(d *themeDoc) [][]themeSegment {
	groups := make([][]themeSegment, len(ts.coderIdx))
	for _, s := range d.segs {
		if ts.filtered && !ts.resolve(&passage{doc: d, start: s.Start, end: s.End}) {
			continue
		}
		k := ts.coderIdx[s.Coder]
		groups[k] = append(groups[k], s)
	}
	return groups
}

// axis is where a segment's code sits in a co-occurrence matrix: its row and
// its column (-1 when it has none).
func (ts *themeSet) axis(s themeSegment) (row, col int) {
	if ts.with != nil {
		return s.row, s.with
	}
	return s.row, s.row
}

// cooccur adds one coder's segments of one document to the counts, the
// overlaps of the codes' coded code points (inter) and their sizes.
func (ts *themeSet) cooccur(segs []themeSegment, cells [][]CoCell, inter [][]int, sizeRow, sizeCol []int) {
	if len(segs) == 0 {
		return
	}
	type pair struct{ row, col int }
	touched := map[pair]bool{}
	for i, a := range segs {
		for _, b := range segs[i+1:] {
			if b.Start >= a.End {
				break // sorted by start: no later segment overlaps a
			}
			for _, xy := range [2][2]themeSegment{{a, b}, {b, a}} {
				r, _ := ts.axis(xy[0])
				_, c := ts.axis(xy[1])
				if r < 0 || c < 0 || (ts.with == nil && r == c) {
					continue
				}
				cells[r][c].Count++
				touched[pair{r, c}] = true
			}
		}
	}
	// Coded code points per code for this coder and document: the union of
	// the code's segments.
	rowSpans := map[int][]span{}
	colSpans := map[int][]span{}
	for _, s := range segs {
		r, c := ts.axis(s)
		if r >= 0 {
			rowSpans[r] = append(rowSpans[r], span{s.Start, s.End})
		}
		if c >= 0 {
			colSpans[c] = append(colSpans[c], span{s.Start, s.End})
		}
	}
	for r, ss := range rowSpans {
		rowSpans[r] = union(ss)
		sizeRow[r] += length(rowSpans[r])
	}
	for c, ss := range colSpans {
		colSpans[c] = union(ss)
		sizeCol[c] += length(colSpans[c])
	}
	for p := range touched {
		inter[p.row][p.col] += intersection(rowSpans[p.row], colSpans[p.col])
	}
}

// union merges spans that overlap or touch (a set of code points), in order.
func union(ss []span) []span {
	sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
	out := ss[:0:0]
	for _, s := range ss {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

func length(ss []span) int {
	n := 0
	for _, s := range ss {
		n += s.end - s.start
	}
	return n
}

// intersection is the number of code points two sorted, disjoint span lists share.
func intersection(a, b []span) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if lo, hi := max(a[i].start, b[j].start), min(a[i].end, b[j].end); hi > lo {
			n += hi - lo
		}
		if a[i].end < b[j].end {
			i++
		} else {
			j++
		}
	}
	return n
}

// CoPair is one pair of codes that co-occur, as the CLI lists them.
type CoPair struct {
	A, B    store.Code
	Count   int
	Jaccard float64
}

// CoPairs lists the pairs with a count above zero: unordered pairs of
// different codes (row before column in tree order) for one framework, and
// every (row, column) pair across two.
func CoPairs(m CoMatrix) []CoPair {
	same := len(m.Rows) == len(m.Columns)
	for i := range m.Rows {
		if !same || m.Rows[i].ID != m.Columns[i].ID {
			same = false
			break
		}
	}
	var out []CoPair
	for i, row := range m.Cells {
		for j, c := range row {
			if c.Count == 0 || (same && j <= i) {
				continue
			}
			out = append(out, CoPair{A: m.Rows[i], B: m.Columns[j], Count: c.Count, Jaccard: c.Jaccard})
		}
	}
	return out
}

// CoTable is a co-occurrence matrix as a table: the counts, or with jaccard
// the Jaccard indexes, of each row code (first column) and column code.
func CoTable(m CoMatrix, jaccard bool) report.Table {
	what := "Co-occurrence counts"
	if jaccard {
		what = "Co-occurrence (Jaccard index)"
	}
	t := report.Table{Title: fmt.Sprintf("%s — %s — %s", what, coFrameworks(m), ScopeCaption(m.Scope)),
		Header: []string{"Code"}}
	for _, c := range m.Columns {
		t.Header = append(t.Header, c.Name)
	}
	for i, r := range m.Rows {
		row := []string{r.Name}
		for _, c := range m.Cells[i] {
			if jaccard {
				row = append(row, share(c.Jaccard))
			} else {
				row = append(row, strconv.Itoa(c.Count))
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// CoPairTable is the pairs with a count above zero as a table (the CLI's rows).
func CoPairTable(m CoMatrix, jaccard bool) report.Table {
	t := report.Table{Title: fmt.Sprintf("Co-occurring codes — %s — %s", coFrameworks(m), ScopeCaption(m.Scope)),
		Header: []string{"Code A", "Code B", "Count"}}
	if jaccard {
		t.Header = append(t.Header, "Jaccard")
	}
	for _, p := range CoPairs(m) {
		row := []string{p.A.Name, p.B.Name, strconv.Itoa(p.Count)}
		if jaccard {
			row = append(row, share(p.Jaccard))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// coFrameworks names the matrix's framework, or its two ("Themes × Keyes").
func coFrameworks(m CoMatrix) string {
	if m.With.ID == 0 || m.With.ID == m.Scope.Framework.ID {
		return m.Scope.Framework.Name
	}
	return m.Scope.Framework.Name + " × " + m.With.Name
}
