package main

import (
	"fmt"
	"io"
	"strings"

	"themis/coding"
	"themis/project"
	"themis/report"
	"themis/store"
)

// multiRowJSON is a row of the agreement among three or more coders. Kind
// says what the row pools: "code" (one code), "factor" (a factor's codes,
// named in factor) or "overall" (every code). Each statistic is
// {"value", "undefined", "ci"} as in the reliability command.
type multiRowJSON struct {
	Code              string           `json:"code"`
	Factor            string           `json:"factor"`
	Kind              string           `json:"kind"`
	Units             int64            `json:"units"`
	Histogram         []int64          `json:"histogram"` // units coded by exactly k coders, k = 0..m
	PercentAgreement  coding.Statistic `json:"percent_agreement"`
	FleissKappa       coding.Statistic `json:"fleiss_kappa"`
	KrippendorffAlpha coding.Statistic `json:"krippendorff_alpha"`
	GwetAC1           coding.Statistic `json:"gwet_ac1"`
	BrennanPrediger   coding.Statistic `json:"brennan_prediger"`
	Status            string           `json:"status"`
	Note              string           `json:"note"`
}

// multiAgreement prints the agreement among the named coders: per code with
// the factors and overall (by "code"; JSON lists the code rows only, as for
// two coders), or per factor with overall (by "factor").
func multiAgreement(path string, names []string, docNames, codeNames string, req project.MultiAgreementRequest, by, byCode string, asJSON bool, out io.Writer) error {
	return withProject(path, false, func(p *store.Project) error {
		for _, n := range names {
			c, err := p.CoderByName(n)
			if err != nil {
				return err
			}
			req.Coders = append(req.Coders, c.ID)
		}
		for _, n := range splitList(docNames) {
			d, err := p.DocumentByName(n)
			if err != nil {
				return err
			}
			req.Documents = append(req.Documents, d.ID)
		}
		var err error
		if req.Codes, err = codeIDs(p, codeNames); err != nil {
			return err
		}
		viewer, err := project.CommandLineViewer(p)
		if err != nil {
			return err
		}
		r, err := project.MultiAgreement(p, viewer, req)
		if err != nil {
			return err
		}
		if by == "document" {
			return printMultiByDocument(p, out, r, byCode, asJSON)
		}
		factors := map[int64]string{}
		for _, row := range r.PerFactor {
			factors[row.Factor] = row.Label
		}
		rows := append(append(append([]coding.MultiResult{}, r.PerCode...), r.PerFactor...), r.Overall)
		codeRows := len(r.PerCode)
		if by == "factor" {
			rows, codeRows = rows[len(r.PerCode):], 0
		}
		if asJSON {
			if by == "code" {
				rows = rows[:codeRows]
			}
			list := make([]multiRowJSON, 0, len(rows))
			for _, row := range rows {
				j := multiRowJSON{Code: row.Label, Factor: factors[row.Factor], Kind: "code", Units: row.Units, Histogram: row.Histogram,
					PercentAgreement: row.PercentAgreement, FleissKappa: row.FleissKappa, KrippendorffAlpha: row.KrippendorffAlpha,
					GwetAC1: row.GwetAC1, BrennanPrediger: row.BrennanPrediger, Status: string(row.Status), Note: row.Note}
				switch {
				case row.Code == 0 && row.Factor != 0:
					j.Code, j.Kind = "", "factor"
				case row.Code == 0:
					j.Kind = "overall"
				}
				list = append(list, j)
			}
			return writeJSON(out, list)
		}

		text, err := report.MultiText(r, by == "factor")
		if err != nil {
			return err
		}
		_, err = io.WriteString(out, text)
		return err
	})
}

// printMultiByDocument prints the agreement among several coders per
// document, pooling every code or only the one named.
func printMultiByDocument(p *store.Project, out io.Writer, r coding.MultiReport, codeName string, asJSON bool) error {
	codes, err := breakdownCode(p, codeName)
	if err != nil {
		return err
	}
	docs, err := p.Documents()
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, d := range docs {
		names[d.ID] = d.Name
	}
	rows := r.PerDocument(codes...)
	if asJSON {
		type docRow struct {
			Document string `json:"document"`
			multiRowJSON
		}
		list := make([]docRow, 0, len(rows))
		for _, row := range rows {
			list = append(list, docRow{names[row.Document], multiRowJSON{Kind: "document", Units: row.Units, Histogram: row.Histogram,
				PercentAgreement: row.PercentAgreement, FleissKappa: row.FleissKappa, KrippendorffAlpha: row.KrippendorffAlpha,
				GwetAC1: row.GwetAC1, BrennanPrediger: row.BrennanPrediger, Status: string(row.Status), Note: row.Note}})
		}
		return writeJSON(out, list)
	}
	for i := range rows {
		rows[i].Label = names[rows[i].Document]
	}
	text, err := report.MultiDocumentText(r, rows, codeName)
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, text)
	return err
}

// unitizedAgreement prints Krippendorff's unitizing alphas among the named
// coders over the named documents (all when none are named).
func unitizedAgreement(path string, names []string, docNames string, asJSON bool, out io.Writer) error {
	return withProject(path, false, func(p *store.Project) error {
		var coders, docs []int64
		for _, n := range names {
			c, err := p.CoderByName(n)
			if err != nil {
				return err
			}
			coders = append(coders, c.ID)
		}
		for _, n := range splitList(docNames) {
			d, err := p.DocumentByName(n)
			if err != nil {
				return err
			}
			docs = append(docs, d.ID)
		}
		viewer, err := project.CommandLineViewer(p)
		if err != nil {
			return err
		}
		r, err := project.UnitizedAgreement(p, viewer, coders, docs)
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(out, r)
		}
		fmt.Fprintf(out, "Unitizing agreement (Krippendorff et al. 2016) among %s over %d documents (%d code points)\nCodebook: %s, %s\n\n",
			strings.Join(names, ", "), r.Continua, r.Length, r.Codebook.Name, r.Codebook.Label)
		return printUnitized(out, r)
	})
}
