package app

import (
	"themis/coding"
	"themis/project"
	"themis/store"
)

// StatisticDTO is one coefficient of the multi-coder table: a value, or
// the reason it is undefined ("" when defined), and its bootstrap 95 %
// interval [low, high] (null when not requested or undefined).
type StatisticDTO struct {
	Value     *float64    `json:"value"`
	Undefined string      `json:"undefined"`
	CI        *[2]float64 `json:"ci"`
}

// MultiAgreementRow is one line of the agreement among two or more coders.
type MultiAgreementRow struct {
	Label  string `json:"label"`
	Code   int64  `json:"code"`   // 0 on pooled rows
	Factor int64  `json:"factor"` // the code's factor, the factor pooled, or 0 for the overall row
	Kind   string `json:"kind"`   // "code", "factor" or "overall"
	Units  int64  `json:"units"`  // number of units (pooled rows: summed over the codes)
	// Histogram[k] is the number of units coded by exactly k of the coders,
	// k = 0..len(coders); Coded[j] the units coder j coded.
	Histogram         []int64      `json:"histogram"`
	Coded             []int64      `json:"coded"`
	PercentAgreement  StatisticDTO `json:"percentAgreement"` // average pairwise, in [0, 1]
	FleissKappa       StatisticDTO `json:"fleissKappa"`
	KrippendorffAlpha StatisticDTO `json:"krippendorffAlpha"` // undefined on pooled rows
	GwetAC1           StatisticDTO `json:"gwetAC1"`
	BrennanPrediger   StatisticDTO `json:"brennanPrediger"`
	Status            string       `json:"status"` // "defined", "no-variation" or "only-one-coder"
	Note              string       `json:"note"`
}

// MultiAgreementDTO is the agreement among two or more coders, with the
// inputs that made it.
type MultiAgreementDTO struct {
	Coders    []CoderDTO `json:"coders"` // in the order of Histogram's coders and Coded
	Documents []int64    `json:"documents"`
	Unit      string     `json:"unit"`
	MinShare  float64    `json:"minShare"`
	// Resamples, Seed and Resampling ("document") describe the bootstrap; 0 resamples = none.
	Resamples  int                 `json:"resamples"`
	Seed       int64               `json:"seed"`
	Resampling string              `json:"resampling"`
	Formula    string              `json:"formula"`  // "fleiss-alpha/v1"
	Codebook   string              `json:"codebook"` // as AgreementDTO's
	PerCode    []MultiAgreementRow `json:"perCode"`
	PerFactor  []MultiAgreementRow `json:"perFactor"`
	Overall    MultiAgreementRow   `json:"overall"`
}

// MultiAgreementInput is what ComputeMulti compares: two or more coders,
// and the documents, codes, unit, MinShare and Bootstrap as AgreementInput has them.
type MultiAgreementInput struct {
	Coders    []int64 `json:"coders"`
	Documents []int64 `json:"documents"`
	Codes     []int64 `json:"codes"`
	Unit      string  `json:"unit"`
	MinShare  float64 `json:"minShare"`
	Bootstrap int     `json:"bootstrap"`
}

// ComputeMulti returns Fleiss' kappa, Krippendorff's alpha, Gwet's AC1,
// Brennan–Prediger and average pairwise agreement per code, per factor and
// overall among two or more distinct coders, over the chosen documents (all
// when none are chosen), with the same unit, minShare and bootstrap (seed
// BootstrapSeed) as Compute. Blind mode applies as for Compute.
func (as *AgreementService) ComputeMulti(in MultiAgreementInput) (*MultiAgreementDTO, error) {
	var out *MultiAgreementDTO
	err := as.s.withViewer(func(p *store.Project, v project.Viewer) error {
		r, err := project.MultiAgreement(p, v, project.MultiAgreementRequest{Coders: in.Coders, Documents: in.Documents, Codes: in.Codes,
			Unit: in.Unit, MinShare: in.MinShare, Bootstrap: in.Bootstrap, Seed: BootstrapSeed})
		if err != nil {
			return err
		}
		out = &MultiAgreementDTO{Coders: make([]CoderDTO, len(r.Coders)), Documents: r.Documents, Unit: r.Unit, MinShare: r.MinShare,
			Resamples: r.Resamples, Seed: r.Seed, Resampling: r.Resampling, Formula: r.Formula, Codebook: codebookText(r.Codebook),
			PerCode: make([]MultiAgreementRow, 0, len(r.PerCode)), PerFactor: make([]MultiAgreementRow, 0, len(r.PerFactor)),
			Overall: multiRow(r.Overall)}
		for i, c := range r.Coders {
			out.Coders[i] = CoderDTO{ID: c.ID, Name: c.Name}
		}
		for _, row := range r.PerCode {
			out.PerCode = append(out.PerCode, multiRow(row))
		}
		for _, row := range r.PerFactor {
			out.PerFactor = append(out.PerFactor, multiRow(row))
		}
		return nil
	})
	return out, err
}

func multiRow(r coding.MultiResult) MultiAgreementRow {
	kind := "code"
	switch {
	case r.Code == 0 && r.Factor != 0:
		kind = "factor"
	case r.Code == 0:
		kind = "overall"
	}
	return MultiAgreementRow{Label: r.Label, Code: r.Code, Factor: r.Factor, Kind: kind, Units: r.Units,
		Histogram: r.Histogram, Coded: r.Coded, PercentAgreement: statistic(r.PercentAgreement), FleissKappa: statistic(r.FleissKappa),
		KrippendorffAlpha: statistic(r.KrippendorffAlpha), GwetAC1: statistic(r.GwetAC1), BrennanPrediger: statistic(r.BrennanPrediger),
		Status: string(r.Status), Note: r.Note}
}

func statistic(s coding.Statistic) StatisticDTO {
	out := StatisticDTO{Value: s.Value, CI: s.CI}
	if s.Undefined != nil {
		out.Undefined = *s.Undefined
	}
	return out
}
