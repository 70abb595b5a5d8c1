package app

import (
	"bytes"
	"fmt"
	"os"

	"themis/errs"
	"themis/project"
	"themis/report"
	"themis/store"
)

// ReportService builds the themes report (issue 10): the writer's choice of
// framework, codes, layer, order, quotes and attribution in, a preview page
// or an exported Markdown, HTML or Word file out.
type ReportService struct{ s *Session }

// NewReportService binds the report service to a session.
func NewReportService(s *Session) *ReportService { return &ReportService{s} }

// ReportLayerDTO is a layer the report can be written from: one coder, a
// consensus layer, or all coders together (coder 0).
type ReportLayerDTO struct {
	Coder   int64    `json:"coder"`   // 0 = all coders together
	Name    string   `json:"name"`    // the coder's name, or "All coders"
	Kind    string   `json:"kind"`    // "all" | "coder" | "consensus"
	Coders  []string `json:"coders"`  // whose segments are read
	Default bool     `json:"default"` // the layer the report starts from
}

// ReportCodeDTO is a code or factor of a framework, in tree order.
type ReportCodeDTO struct {
	ID       int64  `json:"id"`
	Parent   int64  `json:"parent"` // 0 at top level
	Ref      string `json:"ref"`
	Name     string `json:"name"`
	Depth    int    `json:"depth"`
	IsFactor bool   `json:"isFactor"` // has children: choosing it includes them
}

// ReportFrameworkDTO is a framework with its codes tree.
type ReportFrameworkDTO struct {
	ID     int64           `json:"id"`
	Name   string          `json:"name"`
	Active bool            `json:"active"`
	Codes  []ReportCodeDTO `json:"codes"`
}

// ReportAttributeDTO is a case attribute that attributions and the
// prevalence breakdown can use.
type ReportAttributeDTO struct {
	Name   string   `json:"name"`
	Type   string   `json:"type"`
	Values []string `json:"values"`
}

// ReportAttributionDTO chooses what follows a quote: "— Patient 005,
// patient, nested case 2" is the case name then the chosen attributes'
// values; the speaker label and the document name when asked.
type ReportAttributionDTO struct {
	Case       bool     `json:"case"`
	Speaker    bool     `json:"speaker"`
	Document   bool     `json:"document"`
	Attributes []string `json:"attributes"`
}

// ReportFilterDTO limits the report to some documents, cases and attribute
// values (the themes filter); empty means everything.
type ReportFilterDTO struct {
	Documents  []int64             `json:"documents"`
	Cases      []string            `json:"cases"`
	Attributes map[string][]string `json:"attributes"`
}

// ReportOptionsDTO is what the Report tab offers, with the defaults it
// starts from.
type ReportOptionsDTO struct {
	Frameworks  []ReportFrameworkDTO `json:"frameworks"`
	Framework   int64                `json:"framework"` // the default: the active framework
	Layers      []ReportLayerDTO     `json:"layers"`
	Attributes  []ReportAttributeDTO `json:"attributes"`
	Attribution ReportAttributionDTO `json:"attribution"` // the default template
	Breakdown   string               `json:"breakdown"`   // the default: "role" when such an attribute exists
	CanCompare  bool                 `json:"canCompare"`  // may ask for agreement rows
}

// ReportInput is the writer's choice.
type ReportInput struct {
	Framework   int64                `json:"framework"`
	Codes       []int64              `json:"codes"` // a factor includes its subtree; empty = the whole framework
	Layer       int64                `json:"layer"` // coder id, 0 = all coders together
	Filter      ReportFilterDTO      `json:"filter"`
	Order       string               `json:"order"` // "codebook" | "prevalence"
	StarredOnly bool                 `json:"starredOnly"`
	Attribution ReportAttributionDTO `json:"attribution"`
	Breakdown   string               `json:"breakdown"` // attribute for the prevalence sentence, "" for none
	Agreement   bool                 `json:"agreement"`
	Memos       bool                 `json:"memos"` // each code's memos under its definition
	Title       string               `json:"title"` // "" = "Themes: <framework>"
}

// Options returns the frameworks, layers and attributes the report can use,
// with the defaults: the active framework, the default layer (the
// consensus layer when there is exactly one), role as the breakdown when
// the project has it, and the attribution "case name, role, nested case".
func (rs *ReportService) Options() (*ReportOptionsDTO, error) {
	var out *ReportOptionsDTO
	err := rs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		o := &ReportOptionsDTO{Frameworks: []ReportFrameworkDTO{}, CanCompare: v.CanCompare()}
		fws, err := p.Frameworks()
		if err != nil {
			return err
		}
		for _, f := range fws {
			codes, err := p.CodesOf(f.ID)
			if err != nil {
				return err
			}
			o.Frameworks = append(o.Frameworks, ReportFrameworkDTO{ID: f.ID, Name: f.Name, Active: f.Active, Codes: codeTree(codes)})
			if f.Active || o.Framework == 0 {
				o.Framework = f.ID
			}
		}
		if o.Layers, err = reportLayers(p, v); err != nil {
			return err
		}
		if o.Attributes, err = reportAttributes(p); err != nil {
			return err
		}
		a, err := project.DefaultAttribution(p)
		if err != nil {
			return err
		}
		o.Attribution = ReportAttributionDTO{Case: a.Case, Speaker: a.Speaker, Document: a.Document, Attributes: a.Attributes}
		if o.Breakdown, err = project.DefaultBreakdown(p); err != nil {
			return err
		}
		out = o
		return nil
	})
	return out, err
}

// codeTree lists a framework's codes depth first, each after its parent.
func codeTree(codes []store.Code) []ReportCodeDTO {
	kids := map[int64][]store.Code{}
	for _, c := range codes {
		kids[c.Parent] = append(kids[c.Parent], c)
	}
	out := []ReportCodeDTO{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, c := range kids[parent] {
			out = append(out, ReportCodeDTO{ID: c.ID, Parent: c.Parent, Ref: c.Ref, Name: c.Name, Depth: depth, IsFactor: len(kids[c.ID]) > 0})
			walk(c.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

// reportLayers lists the layers the viewer may report from: all coders
// together (in blind mode, only their own coding), each visible coder and
// consensus layer; the default one marked.
func reportLayers(p *store.Project, v project.Viewer) ([]ReportLayerDTO, error) {
	def, err := project.DefaultLayer(p, v)
	if err != nil {
		return nil, err
	}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	all := ReportLayerDTO{Coder: 0, Name: "All coders", Kind: "all", Coders: []string{}, Default: def.Coder == 0}
	out := []ReportLayerDTO{}
	for _, c := range coders {
		if !v.CanSee(c.ID) {
			continue
		}
		kind := "coder"
		if c.Kind == store.KindConsensus {
			kind = "consensus"
		} else {
			all.Coders = append(all.Coders, c.Name)
		}
		out = append(out, ReportLayerDTO{Coder: c.ID, Name: c.Name, Kind: kind, Coders: []string{c.Name}, Default: def.Coder == c.ID})
	}
	return append([]ReportLayerDTO{all}, out...), nil
}

// reportAttributes lists the case attributes with the values cases have.
func reportAttributes(p *store.Project) ([]ReportAttributeDTO, error) {
	attrs, err := p.Attributes()
	if err != nil {
		return nil, err
	}
	cases, err := p.Cases()
	if err != nil {
		return nil, err
	}
	out := []ReportAttributeDTO{}
	for _, a := range attrs {
		values := []string{}
		seen := map[string]bool{}
		for _, v := range a.Values {
			if !seen[v] {
				seen[v] = true
				values = append(values, v)
			}
		}
		for _, c := range cases {
			if v := c.Attributes[a.Name]; v != "" && !seen[v] {
				seen[v] = true
				values = append(values, v)
			}
		}
		out = append(out, ReportAttributeDTO{Name: a.Name, Type: a.Type, Values: values})
	}
	return out, nil
}

// options turns the writer's choice into the project's report options.
func (in ReportInput) options() project.ReportOptions {
	return project.ReportOptions{
		Framework: in.Framework, Codes: in.Codes, Layer: project.Layer{Coder: in.Layer},
		Filter: project.ThemeFilter{Documents: in.Filter.Documents, Cases: in.Filter.Cases, Attributes: in.Filter.Attributes},
		Order:  in.Order, StarredOnly: in.StarredOnly,
		Attribution: project.ReportAttribution{Case: in.Attribution.Case, Speaker: in.Attribution.Speaker,
			Document: in.Attribution.Document, Attributes: in.Attribution.Attributes},
		Breakdown: in.Breakdown, Agreement: in.Agreement, Memos: in.Memos, Title: in.Title,
	}
}

// build assembles the report the input asks for.
func (rs *ReportService) build(in ReportInput) (report.ThemeReport, error) {
	var r report.ThemeReport
	err := rs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		var err error
		r, err = project.ThemeReport(p, v, in.options())
		return err
	})
	return r, err
}

// Preview returns the report as a standalone HTML page, the same page the
// HTML export writes.
func (rs *ReportService) Preview(in ReportInput) (string, error) {
	r, err := rs.build(in)
	if err != nil {
		return "", err
	}
	return report.ThemeHTML(r)
}

// reportFormats are the export formats with their extension and dialog filter.
var reportFormats = map[string]Filter{
	"md":   {"Markdown (*.md)", "*.md"},
	"html": {"Web page (*.html)", "*.html"},
	"docx": {"Word document (*.docx)", "*.docx"},
}

// Export asks where to save the report in format "md", "html" or "docx" and
// writes it; it returns the path written, or "" when the user cancelled.
func (rs *ReportService) Export(in ReportInput, format string) (string, error) {
	filter, ok := reportFormats[format]
	if !ok {
		return "", errs.Errorf(errs.Invalid, "unknown report format %q: use md, html or docx", format)
	}
	r, err := rs.build(in)
	if err != nil {
		return "", err
	}
	var data bytes.Buffer
	if format == "docx" {
		err = report.ThemeDocx(r, &data)
	} else {
		var text string
		text, err = project.RenderThemeReport(r, format)
		data.WriteString(text)
	}
	if err != nil {
		return "", err
	}
	path, err := rs.s.dialogs.SaveFile("Export report", fileSafe(r.Title)+"."+format, []Filter{filter})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, data.Bytes(), 0o644); err != nil {
		return "", fmt.Errorf("export report to %s: %w", path, err)
	}
	return path, nil
}
