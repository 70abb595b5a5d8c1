package project

import (
	"slices"
	"sort"

	"themis/corpus"
	"themis/errs"
	"themis/store"
)

// Layer chooses whose coding a theme summary reads: one coder's or one
// consensus layer's segments (Coder), or with Coder 0 all coders together,
// where each code's spans of every visible coder layer are merged per
// document into passages (consensus layers are never part of "all").
type Layer struct{ Coder int64 }

// ThemeFilter narrows every theme view; an empty field keeps everything.
// Attributes keeps passages (and cases in scope) whose case has one of the
// listed values for every listed attribute; a date value may be a year.
type ThemeFilter struct {
	Documents  []int64
	Cases      []string
	Attributes map[string][]string
}

// LayerInfo names a layer for captions and choosers.
type LayerInfo struct {
	Coder  int64
	Name   string   // the coder's name, or "All coders"
	Kind   string   // "all" | "coder" | "consensus"
	Coders []string // the coders whose segments are read
}

// ThemeScope is what a summary was computed over, for captions.
type ThemeScope struct {
	Layer     LayerInfo
	Framework store.Framework
	Documents int      // in scope
	Cases     int      // in scope: the denominator of case shares
	CaseNames []string // in scope, natural order
}

// PrevalenceRow is one code's (or factor's) figures; a factor's figures
// roll up its whole subtree.
type PrevalenceRow struct {
	Code      int64
	Ref, Name string
	Factor    string // the parent's name, "" at top level
	IsFactor  bool   // has children; its figures roll them up
	Depth     int
	Color     string
	Segments  int
	Words     int
	Documents int
	Cases     int
	CaseShare float64 // Cases / scope Cases (0 when no cases)
}

// Summary is the prevalence of every code of a framework, in tree order.
type Summary struct {
	Scope ThemeScope
	Rows  []PrevalenceRow
}

// ValueColumn is one value of the by-attribute matrix; Cases is the number
// of cases in scope with that value.
type ValueColumn struct {
	Value string
	Cases int
}

// AttributeCell is one code × value cell: the passages whose case has the
// value, the distinct such cases, and Cases ÷ the column's Cases.
type AttributeCell struct {
	Segments, Cases int
	Share           float64
}

// AttributeRow is a code's row of the by-attribute matrix, one cell per column.
type AttributeRow struct {
	PrevalenceRow
	Cells []AttributeCell
}

// AttributeMatrix is the code × attribute value matrix.
type AttributeMatrix struct {
	Scope     ThemeScope
	Attribute string
	Columns   []ValueColumn
	Rows      []AttributeRow
}

// CaseColumn is one case in scope of the case × code matrix.
type CaseColumn struct {
	Name       string
	Attributes map[string]string
}

// CaseRow is a code's row of the case × code matrix: passages per case column.
type CaseRow struct {
	PrevalenceRow
	Cells []int
}

// CaseMatrix is the case × code matrix.
type CaseMatrix struct {
	Scope ThemeScope
	Cases []CaseColumn
	Rows  []CaseRow
}

// CoCell is one pair of codes: overlapping segment pairs by the same coder,
// and the Jaccard index of their coded code points.
type CoCell struct {
	Count   int
	Jaccard float64
}

// CoMatrix is the co-occurrence matrix: Rows are the codes of the framework,
// Columns those of the second framework (or the same).
type CoMatrix struct {
	Scope         ThemeScope
	With          store.Framework // the columns' framework: Scope.Framework again for one
	Rows, Columns []store.Code
	Cells         [][]CoCell
}

// CellQuery names one cell of a theme view whose passages to list.
type CellQuery struct {
	Framework int64
	Layer     Layer
	Filter    ThemeFilter
	Code      int64  // required; a factor means its whole subtree
	Attribute string // by-attribute cell
	Value     string
	Case      string // case × code cell
	With      int64  // co-occurrence: the other code; passages are the overlapping pairs
}

// Passage is one passage behind a cell, with its context.
type Passage struct {
	Document      int64
	DocumentName  string
	Start, End    int // code points
	Text          string
	Before, After string // up to ~200 code points of context, cut at word boundaries
	Speaker, Case string
	Coders        []string // who coded it (several in "all" mode)
	Codes         []string // the code (and for co-occurrence, both codes)
	SegmentIDs    []int64  // the segments it is made of (to star one)
	Overlap       [2]int   // co-occurrence: the overlapping span; zero otherwise
}

// allCodersName is the name of layer 0 in captions and choosers.
const allCodersName = "All coders"

// noValue is the column of cases without a value for an attribute.
const noValue = "(no value)"

// DefaultLayer is the consensus layer when exactly one exists and the viewer
// may see it, else all coders together.
func DefaultLayer(p *store.Project, v Viewer) (Layer, error) {
	coders, err := p.Coders()
	if err != nil {
		return Layer{}, err
	}
	var consensus []store.Coder
	for _, c := range coders {
		if c.Kind == store.KindConsensus {
			consensus = append(consensus, c)
		}
	}
	if len(consensus) == 1 && v.CanSee(consensus[0].ID) {
		return Layer{Coder: consensus[0].ID}, nil
	}
	return Layer{}, nil
}

// resolveLayer says which coders' segments a layer reads, refusing another
// coder's layer in blind mode; all coders together in blind mode are the
// viewer alone.
func resolveLayer(p *store.Project, v Viewer, l Layer) (LayerInfo, []store.Coder, error) {
	if l.Coder != 0 {
		c, err := p.Coder(l.Coder)
		if err != nil {
			return LayerInfo{}, nil, err
		}
		if !v.CanSee(c.ID) {
			return LayerInfo{}, nil, errBlind(v, c.Name+"'s layer")
		}
		return LayerInfo{Coder: c.ID, Name: c.Name, Kind: c.Kind, Coders: []string{c.Name}}, []store.Coder{c}, nil
	}
	coders, err := p.Coders()
	if err != nil {
		return LayerInfo{}, nil, err
	}
	info := LayerInfo{Name: allCodersName, Kind: "all", Coders: []string{}}
	var read []store.Coder
	for _, c := range coders {
		if c.Kind == store.KindCoder && v.CanSee(c.ID) {
			read = append(read, c)
			info.Coders = append(info.Coders, c.Name)
		}
	}
	return info, read, nil
}

// span is a stretch of a document in code points, end exclusive.
type span struct{ start, end int }

// themeTurn is an included turn (or, for a document without turns, the
// whole document) and the case it resolves to.
type themeTurn struct {
	start, end      int
	speaker, caseOf string
	cases           []string // caseOf alone (nil without one), shared by the passages within the turn
}

// docBase is a document as every theme view reads it, the same until the
// project changes: its included turns and their cases, its excluded spans
// and its text.
type docBase struct {
	info     store.DocumentInfo
	turns    []themeTurn // included turns by start; one spanning the document when it has none
	hasTurns bool
	excluded []span            // excluded speakers' turns, merged
	text     *corpus.WordIndex // sliced and its words counted by code points
	segs     []store.Segment   // every coder's, by start
}

// themeDoc is one in-scope document in one view: its segments of the
// layer's coders and the frameworks' codes.
type themeDoc struct {
	*docBase
	segs []themeSegment // by start
}

// themeSegment is a segment with its code's place in the framework(s).
type themeSegment struct {
	store.Segment
	row  int // index into themeSet.codes, -1 when the code is of the other framework
	with int // index into themeSet.with, -1 when not of it
}

// themeSet is everything one theme view reads: the codebook, the layer and
// the documents in scope with their segments, taken from the snapshot.
type themeSet struct {
	p             *store.Project
	scope         ThemeScope
	codes         []store.Code // the framework's, tree order
	subtree       [][]int      // code index → itself and its descendants
	depth         []int
	parent        []string
	isFactor      []bool
	with          []store.Code // co-occurrence's second framework, nil when the same
	withFramework store.Framework
	all           bool // layer 0: passages merge the coders' spans
	coders        map[int64]string
	coderIdx      map[int64]int // coder id → order of the coders read
	cases         map[string]store.Case
	caseOrder     []string // natural order, as store.Cases lists them
	attrs         map[string]store.Attribute
	filter        ThemeFilter
	filtered      bool // a case or attribute filter is set
	docs          []*themeDoc
	inScope       map[string]bool
	rank          map[string]int
}

// loadThemes reads a framework's codes, the layer's segments and the
// documents, turns and cases in scope. with is a second framework whose
// segments are read too (0: none).
func loadThemes(p *store.Project, v Viewer, framework, with int64, l Layer, f ThemeFilter) (*themeSet, error) {
	fw, err := p.FrameworkByID(framework)
	if err != nil {
		return nil, err
	}
	codes, err := p.CodesOf(fw.ID)
	if err != nil {
		return nil, err
	}
	info, coders, err := resolveLayer(p, v, l)
	if err != nil {
		return nil, err
	}
	ts := &themeSet{p: p, codes: codes, all: l.Coder == 0, filter: f,
		coders: map[int64]string{}, coderIdx: map[int64]int{}, cases: map[string]store.Case{}, attrs: map[string]store.Attribute{}}
	ts.scope.Layer = info
	ts.scope.Framework = fw
	ts.withFramework = fw
	for i, c := range coders {
		ts.coders[c.ID] = c.Name
		ts.coderIdx[c.ID] = i
	}
	ts.tree()
	rowOf := make(map[int64]int, len(codes))
	for i, c := range codes {
		rowOf[c.ID] = i
	}
	withOf := map[int64]int{}
	if with != 0 && with != fw.ID {
		wf, err := p.FrameworkByID(with)
		if err != nil {
			return nil, err
		}
		ts.withFramework = wf
		if ts.with, err = p.CodesOf(wf.ID); err != nil {
			return nil, err
		}
		for i, c := range ts.with {
			withOf[c.ID] = i
		}
	}
	snap, err := snapshotOf(p)
	if err != nil {
		return nil, err
	}
	if err := ts.loadCases(snap, f); err != nil {
		return nil, err
	}
	if err := ts.loadDocuments(snap, f); err != nil {
		return nil, err
	}
	for _, d := range ts.docs {
		for _, s := range d.docBase.segs {
			if _, ok := ts.coders[s.Coder]; !ok {
				continue
			}
			row, inFw := rowOf[s.Code]
			w, inWith := withOf[s.Code]
			if !inFw && !inWith {
				continue
			}
			if !inFw {
				row = -1
			}
			if !inWith {
				w = -1
			}
			if d.whollyExcluded(s.Start, s.End) {
				continue
			}
			d.segs = append(d.segs, themeSegment{Segment: s, row: row, with: w})
		}
	}
	return ts, nil
}

// tree works out each code's subtree, depth, parent's name and whether it
// is a factor; codes are in tree order, so a subtree is a contiguous run.
func (ts *themeSet) tree() {
	n := len(ts.codes)
	ts.subtree = make([][]int, n)
	ts.depth = make([]int, n)
	ts.parent = make([]string, n)
	ts.isFactor = make([]bool, n)
	at := make(map[int64]int, n)
	for i, c := range ts.codes {
		at[c.ID] = i
		if pi, ok := at[c.Parent]; ok && c.Parent != 0 {
			ts.depth[i] = ts.depth[pi] + 1
			ts.parent[i] = ts.codes[pi].Name
			ts.isFactor[pi] = true
		}
	}
	for i := range ts.codes {
		j := i + 1
		for j < n && ts.depth[j] > ts.depth[i] {
			j++
		}
		sub := make([]int, 0, j-i)
		for k := i; k < j; k++ {
			sub = append(sub, k)
		}
		ts.subtree[i] = sub
	}
}

// loadCases reads the cases and attributes and checks that the filter names
// only cases and attributes that exist.
func (ts *themeSet) loadCases(snap *themeSnapshot, f ThemeFilter) error {
	for _, c := range snap.cases {
		ts.cases[c.Name] = c
		ts.caseOrder = append(ts.caseOrder, c.Name)
	}
	for _, a := range snap.attrs {
		ts.attrs[a.Name] = a
	}
	for _, c := range f.Cases {
		if _, ok := ts.cases[c]; !ok {
			return errs.Errorf(errs.NotFound, "case %q: not found", c)
		}
	}
	for a := range f.Attributes {
		if _, ok := ts.attrs[a]; !ok {
			return errs.Errorf(errs.NotFound, "attribute %q: not found", a)
		}
	}
	ts.filtered = len(f.Cases) > 0 || len(f.Attributes) > 0
	return nil
}

// loadDocuments takes the documents the filter keeps and the cases in scope.
func (ts *themeSet) loadDocuments(snap *themeSnapshot, f ThemeFilter) error {
	keep := map[int64]bool{}
	for _, id := range f.Documents {
		keep[id] = true
	}
	for _, id := range f.Documents {
		if !slices.ContainsFunc(snap.docs, func(d *docBase) bool { return d.info.ID == id }) {
			return errs.Errorf(errs.NotFound, "document %d: not found", id)
		}
	}
	ts.inScope = map[string]bool{}
	for _, base := range snap.docs {
		if len(keep) > 0 && !keep[base.info.ID] {
			continue
		}
		inScope := !ts.filtered
		for _, t := range base.turns {
			if c := t.caseOf; c != "" && ts.caseOK(c) {
				ts.inScope[c] = true
				inScope = true
			}
		}
		if inScope {
			ts.docs = append(ts.docs, &themeDoc{docBase: base})
		}
	}
	ts.scope.Documents = len(ts.docs)
	ts.scope.CaseNames = []string{}
	for _, c := range ts.caseOrder {
		if ts.inScope[c] {
			ts.scope.CaseNames = append(ts.scope.CaseNames, c)
		}
	}
	ts.scope.Cases = len(ts.scope.CaseNames)
	return nil
}

// caseOK reports whether a case passes the case and attribute filters.
func (ts *themeSet) caseOK(name string) bool {
	if len(ts.filter.Cases) > 0 && !slices.Contains(ts.filter.Cases, name) {
		return false
	}
	for attr, values := range ts.filter.Attributes {
		if len(values) == 0 {
			continue
		}
		v := ts.valueOf(name, attr)
		ok := false
		for _, want := range values {
			if want == v || want == ts.cases[name].Attributes[attr] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// valueOf is a case's value of an attribute as a column names it: a date
// by its year, a missing value as noValue.
func (ts *themeSet) valueOf(caseName, attr string) string {
	v, ok := ts.cases[caseName].Attributes[attr]
	if !ok || v == "" {
		return noValue
	}
	if ts.attrs[attr].Type == store.AttrDate && len(v) >= 4 {
		return v[:4]
	}
	return v
}

// whollyExcluded reports whether [start, end) touches an excluded turn and
// no included one, as store.Exclusion.Contains (and so AddSegment) decides.
func (d *docBase) whollyExcluded(start, end int) bool {
	if len(d.excluded) == 0 {
		return false
	}
	if len(d.turnsOverlapping(start, end)) > 0 {
		return false
	}
	for _, s := range d.excluded {
		if s.start < end && s.end > start {
			return true
		}
	}
	return false
}

// turnsOverlapping are the included turns that [start, end) overlaps.
func (d *docBase) turnsOverlapping(start, end int) []themeTurn {
	i := sort.Search(len(d.turns), func(i int) bool { return d.turns[i].end > start })
	j := i
	for j < len(d.turns) && d.turns[j].start < end {
		j++
	}
	return d.turns[i:j]
}

// passage is a counted stretch of coding: one segment in a one-layer view,
// or the union of overlapping segments of all coders in "all coders".
type passage struct {
	doc        *themeDoc
	start, end int
	pieces     []span   // [start, end) without the excluded turns; nil when none cuts it
	cases      []string // the in-scope cases of the included turns it overlaps
	segs       []int    // indexes into doc.segs
}

// passages lists the passages of a document formed by segments whose code
// index is in rows, in document order: overlapping segments (by ≥ 1 code
// point) merge in "all coders", touching ones stay apart. A passage whose
// cases all fall outside the case and attribute filters is left out.
func (ts *themeSet) passages(d *themeDoc, rows []bool) []passage {
	var out []passage
	var idx []int // the passages' segments, one backing array for the document
	var cur passage
	open := false
	flush := func() {
		if !open {
			return
		}
		cur.segs = idx[len(idx)-len(cur.segs):]
		if ts.resolve(&cur) {
			out = append(out, cur)
		}
		open = false
	}
	for i, s := range d.segs {
		if s.row < 0 || !rows[s.row] {
			continue
		}
		if ts.all && open && s.Start < cur.end {
			cur.end = max(cur.end, s.End)
			idx = append(idx, i)
			cur.segs = idx[len(idx)-len(cur.segs)-1:]
			continue
		}
		flush()
		idx = append(idx, i)
		cur = passage{doc: d, start: s.Start, end: s.End, segs: idx[len(idx)-1:]}
		open = true
	}
	flush()
	return out
}

// resolve works out a passage's pieces and cases; false when the filters
// leave it out.
func (ts *themeSet) resolve(ps *passage) bool {
	d := ps.doc
	ps.pieces = cut(span{ps.start, ps.end}, d.excluded)
	turns := d.turnsOverlapping(ps.start, ps.end)
	if len(turns) == 1 && turns[0].caseOf != "" { // the usual passage: one turn's words
		if ts.caseOK(turns[0].caseOf) {
			ps.cases = turns[0].cases
		}
		return len(ps.cases) > 0 || !ts.filtered
	}
	add := func(c string) {
		if c != "" && ts.caseOK(c) && !slices.Contains(ps.cases, c) {
			ps.cases = append(ps.cases, c)
		}
	}
	for _, t := range turns {
		c := t.caseOf
		if c == "" {
			c = d.info.Case
		}
		add(c)
	}
	if len(turns) == 0 { // between turns: the document's case
		add(d.info.Case)
	}
	if len(ps.cases) > 1 {
		sort.Slice(ps.cases, func(i, j int) bool { return ts.caseRank(ps.cases[i]) < ts.caseRank(ps.cases[j]) })
	}
	return len(ps.cases) > 0 || !ts.filtered
}

// caseRank is a case's place in natural order.
func (ts *themeSet) caseRank(name string) int {
	if ts.rank == nil {
		ts.rank = make(map[string]int, len(ts.caseOrder))
		for i, c := range ts.caseOrder {
			ts.rank[c] = i
		}
	}
	return ts.rank[name]
}

// cut removes the excluded spans from s.
func cut(s span, excluded []span) []span {
	if !slices.ContainsFunc(excluded, func(x span) bool { return x.start < s.end && x.end > s.start }) {
		return nil // the whole span: see passage.pieces
	}
	out := []span{s}
	for _, x := range excluded {
		if x.end <= s.start || x.start >= s.end {
			continue
		}
		var next []span
		for _, p := range out {
			if x.end <= p.start || x.start >= p.end {
				next = append(next, p)
				continue
			}
			if x.start > p.start {
				next = append(next, span{p.start, x.start})
			}
			if x.end < p.end {
				next = append(next, span{x.end, p.end})
			}
		}
		out = next
	}
	if out == nil {
		return []span{} // all cut away: no words, not the whole span
	}
	return out
}

// rowSet is the code indexes of a row's subtree as a lookup.
func (ts *themeSet) rowSet(i int) []bool {
	rows := make([]bool, len(ts.codes))
	for _, k := range ts.subtree[i] {
		rows[k] = true
	}
	return rows
}

// words counts the words in the union of the passages' pieces, by the rule
// the document word count uses (corpus.CountWords), so no word counts
// twice. Touching pieces are joined, so a word across them counts once.
func (ts *themeSet) words(d *themeDoc, ps []passage) int {
	all := make([]span, 0, len(ps))
	for _, p := range ps {
		if p.pieces == nil {
			all = append(all, span{p.start, p.end})
		} else {
			all = append(all, p.pieces...)
		}
	}
	if len(all) == 0 {
		return 0
	}
	byStart := func(a, b span) int { return a.start - b.start }
	if !slices.IsSortedFunc(all, byStart) { // one coder's overlapping segments
		slices.SortFunc(all, byStart)
	}
	merged := all[:1]
	for _, s := range all[1:] {
		if last := &merged[len(merged)-1]; s.start <= last.end {
			last.end = max(last.end, s.end)
		} else {
			merged = append(merged, s)
		}
	}
	n := 0
	for _, s := range merged {
		n += d.text.Count(s.start, s.end)
	}
	return n
}

// slice is the text of code points [start, end).
func (d *docBase) slice(start, end int) string { return d.text.Slice(start, end) }

// figures computes one code's prevalence row: its subtree's passages per
// document, the union of their words, documents and distinct cases.
func (ts *themeSet) figures(i int) (PrevalenceRow, [][]passage) {
	c := ts.codes[i]
	row := PrevalenceRow{Code: c.ID, Ref: c.Ref, Name: c.Name, Factor: ts.parent[i], IsFactor: ts.isFactor[i],
		Depth: ts.depth[i], Color: c.Color}
	rows := ts.rowSet(i)
	per := make([][]passage, len(ts.docs))
	cases := map[string]bool{}
	for k, d := range ts.docs {
		ps := ts.passages(d, rows)
		per[k] = ps
		if len(ps) == 0 {
			continue
		}
		row.Segments += len(ps)
		row.Documents++
		for _, p := range ps {
			for _, c := range p.cases {
				cases[c] = true
			}
		}
		row.Words += ts.words(d, ps)
	}
	row.Cases = len(cases)
	if ts.scope.Cases > 0 {
		row.CaseShare = float64(row.Cases) / float64(ts.scope.Cases)
	}
	return row, per
}
