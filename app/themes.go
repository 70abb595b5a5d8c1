package app

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"themis/errs"
	"themis/project"
	"themis/report"
	"themis/store"
)

// ThemesService serves the Themes tab: which layers may be summarised, the
// prevalence, by-attribute, case × code and co-occurrence views, the
// passages behind a cell, and the tables' and charts' exports. Every figure
// comes from package project, so the app shows what the CLI and the report
// print.
type ThemesService struct{ s *Session }

// NewThemesService binds the themes service to a session.
func NewThemesService(s *Session) *ThemesService { return &ThemesService{s} }

// LayerDTO is one choice of the layer chooser; Coder 0 is all coders together.
type LayerDTO struct {
	Coder   int64    `json:"coder"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"` // "all" | "coder" | "consensus"
	Coders  []string `json:"coders"`
	Default bool     `json:"default"`
}

// ThemeFilterDTO narrows every view; empty fields keep everything.
type ThemeFilterDTO struct {
	Documents  []int64             `json:"documents"`
	Cases      []string            `json:"cases"`
	Attributes map[string][]string `json:"attributes"`
}

// SummaryInput is what every view is computed over. Framework 0 is the
// active framework; Layer is a LayerDTO's Coder.
type SummaryInput struct {
	Framework int64          `json:"framework"`
	Layer     int64          `json:"layer"`
	Filter    ThemeFilterDTO `json:"filter"`
}

// CoInput is the co-occurrence view's input: With 0 pairs the framework's
// codes with each other.
type CoInput struct {
	Framework int64          `json:"framework"`
	With      int64          `json:"with"`
	Layer     int64          `json:"layer"`
	Filter    ThemeFilterDTO `json:"filter"`
}

// CellInput names the cell whose passages to list (see project.CellQuery).
type CellInput struct {
	Framework int64          `json:"framework"`
	Layer     int64          `json:"layer"`
	Filter    ThemeFilterDTO `json:"filter"`
	Code      int64          `json:"code"`
	Attribute string         `json:"attribute"`
	Value     string         `json:"value"`
	Case      string         `json:"case"`
	With      int64          `json:"with"`
}

// TableInput names a view to export as a table: View is "prevalence",
// "attribute" (with Attribute), "cases" or "cooccurrence" (with With and
// Jaccard); Format is "csv" or "xlsx".
type TableInput struct {
	View      string         `json:"view"`
	Framework int64          `json:"framework"`
	With      int64          `json:"with"`
	Layer     int64          `json:"layer"`
	Filter    ThemeFilterDTO `json:"filter"`
	Attribute string         `json:"attribute"`
	Jaccard   bool           `json:"jaccard"`
	Format    string         `json:"format"`
}

// ThemeFrameworkDTO is a framework to choose.
type ThemeFrameworkDTO struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Active bool   `json:"active"`
}

// ThemeDocumentDTO is a document to filter by.
type ThemeDocumentDTO struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Case string `json:"case"`
}

// ThemeAttributeDTO is a case attribute with the values its cases have
// (dates by year), to filter and break down by.
type ThemeAttributeDTO struct {
	Name   string   `json:"name"`
	Type   string   `json:"type"`
	Values []string `json:"values"`
}

// ThemesOptionsDTO is what the Themes tab's choosers and filters offer.
type ThemesOptionsDTO struct {
	Layers     []LayerDTO          `json:"layers"`
	Frameworks []ThemeFrameworkDTO `json:"frameworks"`
	Documents  []ThemeDocumentDTO  `json:"documents"`
	Cases      []string            `json:"cases"`
	Attributes []ThemeAttributeDTO `json:"attributes"`
}

// ThemeScopeDTO says what a view was computed over, for its caption.
type ThemeScopeDTO struct {
	Layer     LayerDTO          `json:"layer"`
	Framework ThemeFrameworkDTO `json:"framework"`
	Documents int               `json:"documents"`
	Cases     int               `json:"cases"`
	CaseNames []string          `json:"caseNames"`
}

// PrevalenceRowDTO is one code's or factor's figures.
type PrevalenceRowDTO struct {
	Code      int64   `json:"code"`
	Ref       string  `json:"ref"`
	Name      string  `json:"name"`
	Factor    string  `json:"factor"`
	IsFactor  bool    `json:"isFactor"`
	Depth     int     `json:"depth"`
	Color     string  `json:"color"`
	Segments  int     `json:"segments"`
	Words     int     `json:"words"`
	Documents int     `json:"documents"`
	Cases     int     `json:"cases"`
	CaseShare float64 `json:"caseShare"`
}

// SummaryDTO is the prevalence view.
type SummaryDTO struct {
	Scope ThemeScopeDTO      `json:"scope"`
	Rows  []PrevalenceRowDTO `json:"rows"`
}

// ValueColumnDTO is one attribute value with the cases in scope that have it.
type ValueColumnDTO struct {
	Value string `json:"value"`
	Cases int    `json:"cases"`
}

// AttributeCellDTO is one code × value cell.
type AttributeCellDTO struct {
	Segments int     `json:"segments"`
	Cases    int     `json:"cases"`
	Share    float64 `json:"share"`
}

// AttributeRowDTO is a code's row of the by-attribute matrix.
type AttributeRowDTO struct {
	PrevalenceRowDTO
	Cells []AttributeCellDTO `json:"cells"`
}

// AttributeMatrixDTO is the by-attribute view.
type AttributeMatrixDTO struct {
	Scope     ThemeScopeDTO     `json:"scope"`
	Attribute string            `json:"attribute"`
	Columns   []ValueColumnDTO  `json:"columns"`
	Rows      []AttributeRowDTO `json:"rows"`
}

// CaseColumnDTO is a case in scope with its attribute values.
type CaseColumnDTO struct {
	Name       string            `json:"name"`
	Attributes map[string]string `json:"attributes"`
}

// CaseRowDTO is a code's row of the case × code matrix: passages per case.
type CaseRowDTO struct {
	PrevalenceRowDTO
	Cells []int `json:"cells"`
}

// CaseMatrixDTO is the case × code view.
type CaseMatrixDTO struct {
	Scope ThemeScopeDTO   `json:"scope"`
	Cases []CaseColumnDTO `json:"cases"`
	Rows  []CaseRowDTO    `json:"rows"`
}

// ThemeCodeDTO is a code on an axis of the co-occurrence matrix.
type ThemeCodeDTO struct {
	ID        int64  `json:"id"`
	Parent    int64  `json:"parent"`
	Framework int64  `json:"framework"`
	Ref       string `json:"ref"`
	Name      string `json:"name"`
	Color     string `json:"color"`
	Depth     int    `json:"depth"`
}

// CoCellDTO is one pair of codes.
type CoCellDTO struct {
	Count   int     `json:"count"`
	Jaccard float64 `json:"jaccard"`
}

// CoMatrixDTO is the co-occurrence view.
type CoMatrixDTO struct {
	Scope   ThemeScopeDTO  `json:"scope"`
	Rows    []ThemeCodeDTO `json:"rows"`
	Columns []ThemeCodeDTO `json:"columns"`
	Cells   [][]CoCellDTO  `json:"cells"`
}

// PassageDTO is one passage behind a cell; offsets are code points.
type PassageDTO struct {
	Document     int64    `json:"document"`
	DocumentName string   `json:"documentName"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Text         string   `json:"text"`
	Before       string   `json:"before"`
	After        string   `json:"after"`
	Speaker      string   `json:"speaker"`
	Case         string   `json:"case"`
	Coders       []string `json:"coders"`
	Codes        []string `json:"codes"`
	SegmentIDs   []int64  `json:"segmentIds"`
	// Overlap is the overlapping span of a co-occurrence cell's pair, [0, 0] otherwise.
	Overlap [2]int `json:"overlap"`
}

func themeFilter(f ThemeFilterDTO) project.ThemeFilter {
	return project.ThemeFilter{Documents: f.Documents, Cases: f.Cases, Attributes: f.Attributes}
}

func layerDTO(l project.LayerInfo) LayerDTO {
	return LayerDTO{Coder: l.Coder, Name: l.Name, Kind: l.Kind, Coders: nonNil(l.Coders)}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func scopeDTO(s project.ThemeScope) ThemeScopeDTO {
	return ThemeScopeDTO{Layer: layerDTO(s.Layer), Documents: s.Documents, Cases: s.Cases, CaseNames: nonNil(s.CaseNames),
		Framework: ThemeFrameworkDTO{ID: s.Framework.ID, Name: s.Framework.Name, Active: s.Framework.Active}}
}

func prevalenceDTO(r project.PrevalenceRow) PrevalenceRowDTO {
	return PrevalenceRowDTO{Code: r.Code, Ref: r.Ref, Name: r.Name, Factor: r.Factor, IsFactor: r.IsFactor, Depth: r.Depth,
		Color: r.Color, Segments: r.Segments, Words: r.Words, Documents: r.Documents, Cases: r.Cases, CaseShare: r.CaseShare}
}

// Layers lists the layers the current coder may summarise, the default
// (project.DefaultLayer) marked. In blind mode that is only their own layer.
func (ts *ThemesService) Layers() ([]LayerDTO, error) {
	var out []LayerDTO
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		var err error
		out, err = layers(p, v)
		return err
	})
	return out, err
}

func layers(p *store.Project, v project.Viewer) ([]LayerDTO, error) {
	if v.Blind {
		// "All coders" would be this coder alone: offer the one layer, by name.
		return []LayerDTO{{Coder: v.Coder.ID, Name: v.Coder.Name, Kind: v.Coder.Kind, Coders: []string{v.Coder.Name}, Default: true}}, nil
	}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	def, err := project.DefaultLayer(p, v)
	if err != nil {
		return nil, err
	}
	all := LayerDTO{Coder: 0, Name: "All coders", Kind: "all", Coders: []string{}}
	var rest []LayerDTO
	for _, c := range coders {
		if !v.CanSee(c.ID) {
			continue
		}
		if c.Kind == store.KindCoder {
			all.Coders = append(all.Coders, c.Name)
		}
		rest = append(rest, LayerDTO{Coder: c.ID, Name: c.Name, Kind: c.Kind, Coders: []string{c.Name}})
	}
	// The consensus first among the single layers: it is what a report quotes.
	sort.SliceStable(rest, func(i, j int) bool {
		return rest[i].Kind == store.KindConsensus && rest[j].Kind != store.KindConsensus
	})
	out := append([]LayerDTO{all}, rest...)
	for i := range out {
		out[i].Default = out[i].Coder == def.Coder
	}
	return out, nil
}

// Options returns what the Themes tab's choosers offer: layers, frameworks,
// documents, cases and the case attributes with their values.
func (ts *ThemesService) Options() (*ThemesOptionsDTO, error) {
	var out *ThemesOptionsDTO
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		ls, err := layers(p, v)
		if err != nil {
			return err
		}
		out = &ThemesOptionsDTO{Layers: ls, Frameworks: []ThemeFrameworkDTO{}, Documents: []ThemeDocumentDTO{}, Cases: []string{}, Attributes: []ThemeAttributeDTO{}}
		fws, err := p.Frameworks()
		if err != nil {
			return err
		}
		for _, f := range fws {
			out.Frameworks = append(out.Frameworks, ThemeFrameworkDTO{ID: f.ID, Name: f.Name, Active: f.Active})
		}
		docs, err := p.Documents()
		if err != nil {
			return err
		}
		for _, d := range docs {
			out.Documents = append(out.Documents, ThemeDocumentDTO{ID: d.ID, Name: d.Name, Case: d.Case})
		}
		cases, err := p.Cases()
		if err != nil {
			return err
		}
		attrs, err := p.Attributes()
		if err != nil {
			return err
		}
		values := map[string]map[string]bool{}
		for _, c := range cases {
			out.Cases = append(out.Cases, c.Name)
			for name, val := range c.Attributes {
				if values[name] == nil {
					values[name] = map[string]bool{}
				}
				values[name][attributeValue(attrType(attrs, name), val)] = true
			}
		}
		sortNatural(out.Cases)
		for _, a := range attrs {
			vals := make([]string, 0, len(values[a.Name]))
			for val := range values[a.Name] {
				vals = append(vals, val)
			}
			sortNatural(vals)
			out.Attributes = append(out.Attributes, ThemeAttributeDTO{Name: a.Name, Type: a.Type, Values: vals})
		}
		return nil
	})
	return out, err
}

func attrType(attrs []store.Attribute, name string) string {
	for _, a := range attrs {
		if a.Name == name {
			return a.Type
		}
	}
	return store.AttrText
}

// attributeValue is a value as the views group it: a date by its year.
func attributeValue(typ, v string) string {
	if typ == store.AttrDate && len(v) >= 4 {
		return v[:4]
	}
	return v
}

// sortNatural orders names as people count: "Patient 2" before "Patient 10".
func sortNatural(s []string) {
	slices.SortFunc(s, naturalCompare)
}

func naturalCompare(a, b string) int {
	x, y := strings.ToLower(a), strings.ToLower(b)
	for x != "" && y != "" {
		dx, dy := digitRun(x), digitRun(y)
		if dx > 0 && dy > 0 {
			nx, ny := strings.TrimLeft(x[:dx], "0"), strings.TrimLeft(y[:dy], "0")
			if c := len(nx) - len(ny); c != 0 {
				return c
			}
			if c := strings.Compare(nx, ny); c != 0 {
				return c
			}
			x, y = x[dx:], y[dy:]
			continue
		}
		if x[0] != y[0] {
			return int(x[0]) - int(y[0])
		}
		x, y = x[1:], y[1:]
	}
	if c := len(x) - len(y); c != 0 {
		return c
	}
	// Equal but for case or leading zeros: a fixed order all the same.
	return strings.Compare(a, b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// Summary is the prevalence of every code of the framework.
func (ts *ThemesService) Summary(in SummaryInput) (*SummaryDTO, error) {
	var out *SummaryDTO
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		s, err := project.Summarise(p, v, in.Framework, project.Layer{Coder: in.Layer}, themeFilter(in.Filter))
		if err != nil {
			return err
		}
		out = summaryDTO(s)
		return nil
	})
	return out, err
}

func summaryDTO(s project.Summary) *SummaryDTO {
	out := &SummaryDTO{Scope: scopeDTO(s.Scope), Rows: make([]PrevalenceRowDTO, 0, len(s.Rows))}
	for _, r := range s.Rows {
		out.Rows = append(out.Rows, prevalenceDTO(r))
	}
	return out
}

// ByAttribute is the code × value matrix of one case attribute.
func (ts *ThemesService) ByAttribute(in SummaryInput, attribute string) (*AttributeMatrixDTO, error) {
	var out *AttributeMatrixDTO
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		m, err := project.ByAttribute(p, v, in.Framework, project.Layer{Coder: in.Layer}, themeFilter(in.Filter), attribute)
		if err != nil {
			return err
		}
		out = attributeDTO(m)
		return nil
	})
	return out, err
}

func attributeDTO(m project.AttributeMatrix) *AttributeMatrixDTO {
	out := &AttributeMatrixDTO{Scope: scopeDTO(m.Scope), Attribute: m.Attribute, Columns: make([]ValueColumnDTO, 0, len(m.Columns)),
		Rows: make([]AttributeRowDTO, 0, len(m.Rows))}
	for _, c := range m.Columns {
		out.Columns = append(out.Columns, ValueColumnDTO{Value: c.Value, Cases: c.Cases})
	}
	for _, r := range m.Rows {
		row := AttributeRowDTO{PrevalenceRowDTO: prevalenceDTO(r.PrevalenceRow), Cells: make([]AttributeCellDTO, 0, len(r.Cells))}
		for _, c := range r.Cells {
			row.Cells = append(row.Cells, AttributeCellDTO{Segments: c.Segments, Cases: c.Cases, Share: c.Share})
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// Cases is the case × code matrix: passages per code and case in scope.
func (ts *ThemesService) Cases(in SummaryInput) (*CaseMatrixDTO, error) {
	var out *CaseMatrixDTO
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		m, err := project.CaseCodeMatrix(p, v, in.Framework, project.Layer{Coder: in.Layer}, themeFilter(in.Filter))
		if err != nil {
			return err
		}
		out = caseMatrixDTO(m)
		return nil
	})
	return out, err
}

func caseMatrixDTO(m project.CaseMatrix) *CaseMatrixDTO {
	out := &CaseMatrixDTO{Scope: scopeDTO(m.Scope), Cases: make([]CaseColumnDTO, 0, len(m.Cases)), Rows: make([]CaseRowDTO, 0, len(m.Rows))}
	for _, c := range m.Cases {
		attrs := c.Attributes
		if attrs == nil {
			attrs = map[string]string{}
		}
		out.Cases = append(out.Cases, CaseColumnDTO{Name: c.Name, Attributes: attrs})
	}
	for _, r := range m.Rows {
		out.Rows = append(out.Rows, CaseRowDTO{PrevalenceRowDTO: prevalenceDTO(r.PrevalenceRow), Cells: nonNil(r.Cells)})
	}
	return out
}

// Cooccurrence is the code × code matrix of overlapping segments.
func (ts *ThemesService) Cooccurrence(in CoInput) (*CoMatrixDTO, error) {
	var out *CoMatrixDTO
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		m, err := project.Cooccurrence(p, v, in.Framework, in.With, project.Layer{Coder: in.Layer}, themeFilter(in.Filter))
		if err != nil {
			return err
		}
		out = coDTO(m)
		return nil
	})
	return out, err
}

func coDTO(m project.CoMatrix) *CoMatrixDTO {
	out := &CoMatrixDTO{Scope: scopeDTO(m.Scope), Rows: themeCodes(m.Rows), Columns: themeCodes(m.Columns), Cells: make([][]CoCellDTO, 0, len(m.Cells))}
	for _, row := range m.Cells {
		cells := make([]CoCellDTO, 0, len(row))
		for _, c := range row {
			cells = append(cells, CoCellDTO{Count: c.Count, Jaccard: c.Jaccard})
		}
		out.Cells = append(out.Cells, cells)
	}
	return out
}

// themeCodes are the codes of an axis with their depth in the tree, which
// the axis's own parents give (a code whose parent is not listed is at the top).
func themeCodes(codes []store.Code) []ThemeCodeDTO {
	parent := make(map[int64]int64, len(codes))
	for _, c := range codes {
		parent[c.ID] = c.Parent
	}
	out := make([]ThemeCodeDTO, 0, len(codes))
	for _, c := range codes {
		depth := 0
		for p := c.Parent; p != 0 && depth < len(codes); p = parent[p] {
			if _, ok := parent[p]; !ok {
				break
			}
			depth++
		}
		out = append(out, ThemeCodeDTO{ID: c.ID, Parent: c.Parent, Framework: c.Framework, Ref: c.Ref, Name: c.Name, Color: c.Color, Depth: depth})
	}
	return out
}

// Passages lists the passages behind one cell, in document order.
func (ts *ThemesService) Passages(in CellInput) ([]PassageDTO, error) {
	out := []PassageDTO{}
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		ps, err := project.CellPassages(p, v, project.CellQuery{Framework: in.Framework, Layer: project.Layer{Coder: in.Layer},
			Filter: themeFilter(in.Filter), Code: in.Code, Attribute: in.Attribute, Value: in.Value, Case: in.Case, With: in.With})
		if err != nil {
			return err
		}
		for _, x := range ps {
			out = append(out, PassageDTO{Document: x.Document, DocumentName: x.DocumentName, Start: x.Start, End: x.End, Text: x.Text,
				Before: x.Before, After: x.After, Speaker: x.Speaker, Case: x.Case, Coders: nonNil(x.Coders), Codes: nonNil(x.Codes),
				SegmentIDs: nonNil(x.SegmentIDs), Overlap: x.Overlap})
		}
		return nil
	})
	return out, err
}

// viewTable computes the view in as a table, with a file name for it.
func viewTable(p *store.Project, v project.Viewer, in TableInput) (report.Table, string, error) {
	l, f := project.Layer{Coder: in.Layer}, themeFilter(in.Filter)
	switch in.View {
	case "prevalence":
		s, err := project.Summarise(p, v, in.Framework, l, f)
		return project.SummaryTable(s), s.Scope.Framework.Name + " prevalence", err
	case "attribute":
		m, err := project.ByAttribute(p, v, in.Framework, l, f, in.Attribute)
		return project.AttributeTable(m), m.Scope.Framework.Name + " by " + in.Attribute, err
	case "cases":
		m, err := project.CaseCodeMatrix(p, v, in.Framework, l, f)
		return project.CaseTable(m), m.Scope.Framework.Name + " cases by code", err
	case "cooccurrence":
		m, err := project.Cooccurrence(p, v, in.Framework, in.With, l, f)
		return project.CoTable(m, in.Jaccard), m.Scope.Framework.Name + " co-occurrence", err
	}
	return report.Table{}, "", errs.Errorf(errs.Invalid, "unknown theme view %q: want prevalence, attribute, cases or cooccurrence", in.View)
}

// ExportTable asks where to save the view's table as CSV or XLSX and writes
// it; it returns the path written, or "" when the user cancelled.
func (ts *ThemesService) ExportTable(in TableInput) (string, error) {
	var (
		data []byte
		name string
	)
	if in.Format != "csv" && in.Format != "xlsx" {
		return "", errs.Errorf(errs.Invalid, "unknown table format %q: want csv or xlsx", in.Format)
	}
	err := ts.s.withViewer(func(p *store.Project, v project.Viewer) error {
		t, n, err := viewTable(p, v, in)
		if err != nil {
			return err
		}
		name = n
		if in.Format == "xlsx" {
			data, err = report.TableXLSX(t)
			return err
		}
		var buf bytes.Buffer
		err = report.WriteTableCSV(&buf, t)
		data = buf.Bytes()
		return err
	})
	if err != nil {
		return "", err
	}
	filter := Filter{"CSV (*.csv)", "*.csv"}
	if in.Format == "xlsx" {
		filter = Filter{"Excel workbook (*.xlsx)", "*.xlsx"}
	}
	return ts.save("Export table", fileSafe(name)+"."+in.Format, filter, data)
}

// SaveChart asks where to save a chart the Themes tab drew (format "svg" or
// "png", the file's bytes in base64) and writes it; it returns the path
// written, or "" when the user cancelled.
func (ts *ThemesService) SaveChart(name, format, data string) (string, error) {
	var filter Filter
	switch format {
	case "svg":
		filter = Filter{"SVG image (*.svg)", "*.svg"}
	case "png":
		filter = Filter{"PNG image (*.png)", "*.png"}
	default:
		return "", errs.Errorf(errs.Invalid, "unknown chart format %q: want svg or png", format)
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return "", errs.Errorf(errs.Invalid, "chart %s: the image data is not base64: %v", name, err)
	}
	return ts.save("Save chart", fileSafe(name)+"."+format, filter, b)
}

func (ts *ThemesService) save(title, name string, filter Filter, data []byte) (string, error) {
	path, err := ts.s.dialogs.SaveFile(title, name, []Filter{filter})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("save %s: %w", path, err)
	}
	return path, nil
}
