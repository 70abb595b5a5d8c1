package app

import (
	"themis/project"
	"themis/store"
)

// UnitizedDTO holds Krippendorff's unitizing alphas among two or more coders:
// uα, |uα and cuα over all codes, and per code (k)uα and the binary uα.
type UnitizedDTO struct {
	Coders       []CoderDTO        `json:"coders"`
	Documents    int               `json:"documents"`
	Length       int               `json:"length"` // code points compared, over all documents
	UAlpha       StatisticDTO      `json:"uAlpha"`
	BinaryUAlpha StatisticDTO      `json:"binaryUAlpha"`
	CUAlpha      StatisticDTO      `json:"cuAlpha"`
	PerCode      []UnitizedCodeDTO `json:"perCode"`
	Codebook     string            `json:"codebook"` // as AgreementDTO's
}

// UnitizedCodeDTO is one code's (k)uα (eq. 13 of Krippendorff et al. 2016:
// the code told from the other codes where units intersect) and its binary
// uα (the code against everything else, as ATLAS.ti reports it).
type UnitizedCodeDTO struct {
	Code         string       `json:"code"`
	KUAlpha      StatisticDTO `json:"kuAlpha"`
	BinaryUAlpha StatisticDTO `json:"binaryUAlpha"`
}

// Unitized computes the unitizing alphas among the chosen coders over the
// chosen documents (all when none are chosen); blind mode applies as for Compute.
func (as *AgreementService) Unitized(coders []int64, documents []int64) (*UnitizedDTO, error) {
	var out *UnitizedDTO
	err := as.s.withViewer(func(p *store.Project, v project.Viewer) error {
		r, err := project.UnitizedAgreement(p, v, coders, documents)
		if err != nil {
			return err
		}
		out = &UnitizedDTO{Documents: r.Continua, Length: r.Length, UAlpha: statistic(r.UAlpha),
			BinaryUAlpha: statistic(r.BinaryUAlpha), CUAlpha: statistic(r.CUAlpha), PerCode: make([]UnitizedCodeDTO, 0, len(r.Categories))}
		if r.Codebook != nil {
			out.Codebook = codebookText(*r.Codebook)
		}
		for _, id := range coders {
			c, err := p.Coder(id)
			if err != nil {
				return err
			}
			out.Coders = append(out.Coders, coderDTO(c))
		}
		for _, name := range r.Categories {
			out.PerCode = append(out.PerCode, UnitizedCodeDTO{Code: name, KUAlpha: statistic(r.KUAlpha[name]), BinaryUAlpha: statistic(r.BinaryKUAlpha[name])})
		}
		return nil
	})
	return out, err
}
