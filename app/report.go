package app

import "errors"

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
	Title       string               `json:"title"` // "" = "Themes: <framework>"
}

var errNotAssembled = errors.New("report: the report assembly is not built yet")

// Options returns the frameworks, layers and attributes the report can use.
func (rs *ReportService) Options() (*ReportOptionsDTO, error) {
	return nil, errNotAssembled
}

// Preview returns the report as a standalone HTML page.
func (rs *ReportService) Preview(in ReportInput) (string, error) {
	return "", errNotAssembled
}

// Export asks where to save the report in format "md", "html" or "docx" and
// writes it; it returns the path written, or "" when the user cancelled.
func (rs *ReportService) Export(in ReportInput, format string) (string, error) {
	return "", errNotAssembled
}
