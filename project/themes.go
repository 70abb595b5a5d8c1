package project

import (
	"themis/errs"
	"themis/report"
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

var errThemesTODO = errs.New(errs.Unsupported, "theme summaries are not implemented yet")

// DefaultLayer is the consensus layer when exactly one exists and the viewer
// may see it, else all coders together.
func DefaultLayer(p *store.Project, v Viewer) (Layer, error) { return Layer{}, errThemesTODO }

// Summarise computes the prevalence of every code of framework (0: the active one).
func Summarise(p *store.Project, v Viewer, framework int64, l Layer, f ThemeFilter) (Summary, error) {
	return Summary{}, errThemesTODO
}

// ByAttribute computes the code × value matrix of one case attribute.
func ByAttribute(p *store.Project, v Viewer, framework int64, l Layer, f ThemeFilter, attribute string) (AttributeMatrix, error) {
	return AttributeMatrix{}, errThemesTODO
}

// CaseCodeMatrix computes passages per code and case in scope.
func CaseCodeMatrix(p *store.Project, v Viewer, framework int64, l Layer, f ThemeFilter) (CaseMatrix, error) {
	return CaseMatrix{}, errThemesTODO
}

// Cooccurrence counts overlapping segment pairs of the same coder between the
// codes of framework and those of with (0 or framework: the same framework
// on both axes, diagonal zero).
func Cooccurrence(p *store.Project, v Viewer, framework, with int64, l Layer, f ThemeFilter) (CoMatrix, error) {
	return CoMatrix{}, errThemesTODO
}

// CellPassages lists the passages behind one cell, in document order.
func CellPassages(p *store.Project, v Viewer, q CellQuery) ([]Passage, error) {
	return nil, errThemesTODO
}

// SummaryTable is a summary as a table for the CLI and the exports.
func SummaryTable(s Summary) report.Table { return report.Table{} }

// AttributeTable is a by-attribute matrix as a table.
func AttributeTable(m AttributeMatrix) report.Table { return report.Table{} }

// CaseTable is a case × code matrix as a table.
func CaseTable(m CaseMatrix) report.Table { return report.Table{} }

// CoTable is a co-occurrence matrix as a table, with Jaccard when asked.
func CoTable(m CoMatrix, jaccard bool) report.Table { return report.Table{} }
