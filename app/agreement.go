package app

import (
	"fmt"
	"os"

	"themis/coding"
	"themis/project"
	"themis/report"
	"themis/store"
)

// AgreementService compares two coders.
type AgreementService struct {
	s    *Session
	last lastTable // guarded by s.mu, like everything the session holds
}

// lastTable is the most recent table computed, so that the methods paragraph
// and the exports that follow Compute reuse it instead of comparing segments
// and bootstrapping again. The key holds the inputs and the project's latest
// journal entry, so any change to the project invalidates it.
type lastTable struct {
	key   string
	table report.AgreementTable
}

// NewAgreementService binds the agreement service to a session.
func NewAgreementService(s *Session) *AgreementService { return &AgreementService{s: s} }

// table computes the agreement for req, or returns the last one when neither
// the inputs nor the project have changed since. Callers hold the session lock.
func (as *AgreementService) table(p *store.Project, v project.Viewer, req project.AgreementRequest, statistic string) (report.AgreementTable, error) {
	latest, err := p.Journal(1)
	if err != nil {
		return report.AgreementTable{}, err
	}
	var stamp int64
	if len(latest) > 0 {
		stamp = latest[0].ID
	}
	key := fmt.Sprintf("%s|%d|%+v", p.Path(), stamp, req)
	if as.last.key != key {
		t, err := project.AgreementTableFor(p, v, req, statistic)
		if err != nil {
			return t, err
		}
		as.last = lastTable{key: key, table: t}
	}
	t := as.last.table
	t.Statistic = statistic
	return t, nil
}

// AgreementInput is what the agreement view asks of Compute, Methods and
// Export. Documents and Codes empty mean all. Unit is one of Units ("" means
// character); for units other than characters, a unit counts as coded when
// a coder's segments cover more than MinShare of it (0: any overlap; 0.5: at
// least half of its characters).
//
// Bootstrap > 0 adds 95 % intervals from that many resamples of the chosen
// documents (Resample "" or "document") or of their speaker turns (Resample
// "turn"), with the fixed seed BootstrapSeed so the UI's figures can be
// reproduced (themis agreement --bootstrap N --seed 1). Statistic is the
// coefficient of the methods paragraph and of the exported tables.
type AgreementInput struct {
	CoderA    int64   `json:"coderA"`
	CoderB    int64   `json:"coderB"`
	Documents []int64 `json:"documents"`
	Codes     []int64 `json:"codes"`
	Unit      string  `json:"unit"`
	MinShare  float64 `json:"minShare"`
	Bootstrap int     `json:"bootstrap"`
	Resample  string  `json:"resample"`
	Statistic string  `json:"statistic"`
	// Sample compares the double-coded sample of the plan instead of
	// Documents (see project.AgreementRequest.Sample).
	Sample bool `json:"sample,omitempty"`
}

// Compute returns agreement per code, per factor and overall between two
// coders, and its breakdowns by document, for in (Statistic unused).
func (as *AgreementService) Compute(in AgreementInput) (*AgreementDTO, error) {
	var out *AgreementDTO
	err := as.s.withViewer(func(p *store.Project, v project.Viewer) error {
		t, err := as.table(p, v, agreementRequest(in), "")
		if err != nil {
			return err
		}
		r := t.Report
		a, err := p.Coder(in.CoderA)
		if err != nil {
			return err
		}
		b, err := p.Coder(in.CoderB)
		if err != nil {
			return err
		}
		out = &AgreementDTO{CoderA: coderDTO(a), CoderB: coderDTO(b), Documents: r.Documents,
			Unit: r.Unit, MinShare: r.MinShare, Formula: r.Formula, Codebook: codebookText(r.Codebook), Overall: agreementRow(r.Overall),
			Resamples: r.Resamples, Seed: r.Seed, Resampling: r.Resampling,
			PerCode: make([]AgreementRow, 0, len(r.PerCode)), PerFactor: make([]AgreementRow, 0, len(r.PerFactor))}
		if out.Documents == nil {
			out.Documents = []int64{}
		}
		for _, row := range r.PerCode {
			out.PerCode = append(out.PerCode, agreementRow(row))
		}
		for _, row := range r.PerFactor {
			out.PerFactor = append(out.PerFactor, agreementRow(row))
		}
		breakdowns, err := project.DocumentBreakdowns(p, r)
		if err != nil {
			return err
		}
		for _, bd := range breakdowns {
			b := DocumentBreakdown{Code: bd.Code, Rows: make([]AgreementRow, len(bd.Rows))}
			for i, row := range bd.Rows {
				b.Rows[i] = agreementRow(row)
			}
			out.ByDocument = append(out.ByDocument, b)
		}
		return nil
	})
	return out, err
}

// BootstrapSeed is the seed of the agreement view's bootstrap intervals.
const BootstrapSeed = 1

// Units lists the units of analysis the agreement view offers, in order.
func (as *AgreementService) Units() []UnitDTO {
	out := make([]UnitDTO, 0, len(project.Units))
	for _, u := range project.Units {
		out = append(out, UnitDTO{Name: u.Name, Label: u.Label, Help: u.Help})
	}
	return out
}

func agreementRow(r coding.Result) AgreementRow {
	return AgreementRow{Label: r.Label, Code: r.Code, Factor: r.Factor, Document: r.Document, Both: r.Counts.Both, OnlyA: r.Counts.OnlyA,
		OnlyB: r.Counts.OnlyB, Neither: r.Counts.Neither, Units: r.Counts.Units(), Agreement: r.Agreement,
		Kappa: r.Kappa, ScottPi: r.ScottPi, KrippendorffAlpha: r.KrippendorffAlpha, GwetAC1: r.GwetAC1,
		BrennanPrediger: r.BrennanPrediger, Status: string(r.Status), Note: r.Note,
		CI: IntervalsDTO{r.CI.Kappa, r.CI.ScottPi, r.CI.KrippendorffAlpha, r.CI.GwetAC1, r.CI.BrennanPrediger}}
}

// Methods returns the methods paragraph for the same inputs as Compute, with
// the chosen coefficient in.Statistic (see report.MethodsParagraph).
func (as *AgreementService) Methods(in AgreementInput) (string, error) {
	var out string
	err := as.s.withViewer(func(p *store.Project, v project.Viewer) error {
		t, err := as.table(p, v, agreementRequest(in), in.Statistic)
		if err == nil {
			out = report.MethodsParagraph(t)
		}
		return err
	})
	return out, err
}

// Export asks where to save the agreement table as "csv", "md" or "html"
// (the last two with the methods paragraph) and writes it; it returns the
// path written, or "" when the user cancelled.
func (as *AgreementService) Export(in AgreementInput, format string) (string, error) {
	var text string
	err := as.s.withViewer(func(p *store.Project, v project.Viewer) error {
		t, err := as.table(p, v, agreementRequest(in), in.Statistic)
		if err != nil {
			return err
		}
		text, err = project.RenderAgreement(t, format)
		return err
	})
	if err != nil {
		return "", err
	}
	filters := map[string]Filter{
		"csv":  {"Spreadsheet (*.csv)", "*.csv"},
		"md":   {"Markdown (*.md)", "*.md"},
		"html": {"Web page (*.html)", "*.html"},
	}
	path, err := as.s.dialogs.SaveFile("Export agreement", "Agreement."+format, []Filter{filters[format]})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return "", fmt.Errorf("export agreement to %s: %w", path, err)
	}
	return path, nil
}

func agreementRequest(in AgreementInput) project.AgreementRequest {
	return project.AgreementRequest{CoderA: in.CoderA, CoderB: in.CoderB, Documents: in.Documents, Codes: in.Codes, Unit: in.Unit,
		MinShare: in.MinShare, Bootstrap: in.Bootstrap, Seed: BootstrapSeed, Resample: in.Resample, Sample: in.Sample}
}

// codebookText names a framework and its version in one line.
func codebookText(v coding.CodebookVersion) string {
	if v.Name == "" {
		return ""
	}
	return v.Name + ", " + v.Label
}
