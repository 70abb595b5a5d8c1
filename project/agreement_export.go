package project

import (
	"errors"
	"fmt"

	"themis/report"
	"themis/store"
)

// AgreementTableFor computes the agreement and gathers what a report and a
// methods paragraph say about it: the coders' names, the words compared, the
// framework and its factors. statistic chooses the coefficient of the
// Markdown and HTML tables (see report.AgreementTable). The viewer must be
// allowed to compare (Viewer.CanCompare).
func AgreementTableFor(p *store.Project, v Viewer, req AgreementRequest, statistic string) (report.AgreementTable, error) {
	if err := v.mayCompare(); err != nil {
		return report.AgreementTable{}, err
	}
	r, err := Agreement(p, req)
	if err != nil {
		return report.AgreementTable{}, err
	}
	a, err := p.Coder(req.CoderA)
	if err != nil {
		return report.AgreementTable{}, fmt.Errorf("coder A: %w", err)
	}
	b, err := p.Coder(req.CoderB)
	if err != nil {
		return report.AgreementTable{}, fmt.Errorf("coder B: %w", err)
	}
	docs, err := p.Documents()
	if err != nil {
		return report.AgreementTable{}, err
	}
	compared := map[int64]bool{}
	for _, id := range r.Documents {
		compared[id] = true
	}
	words := 0
	for _, d := range docs {
		if compared[d.ID] {
			words += d.Words
		}
	}
	all, err := AgreementCodes(p, r.Codebook.Framework)
	if err != nil {
		return report.AgreementTable{}, err
	}
	var consensus, settles string
	for _, c := range []store.Coder{a, b} {
		if c.Kind == store.KindConsensus {
			consensus = c.Name
			// A consensus layer without a recorded pair says only that it
			// is one; any other failure to read the pair is an error.
			pair, err := settledBy(p, c)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return report.AgreementTable{}, err
			}
			settles = pair
		}
	}
	sample, err := sampleDrawOf(p, r.Documents)
	if err != nil {
		return report.AgreementTable{}, err
	}
	return report.AgreementTable{FrameworkCodes: len(all), Consensus: consensus, Settles: settles, Sample: sample,
		Report: r, Title: fmt.Sprintf("Inter-coder agreement: %s and %s", a.Name, b.Name),
		CoderA: a.Name, CoderB: b.Name, Words: words, Framework: r.Codebook.Name, Codebook: r.Codebook.Label, Factors: len(r.PerFactor), Statistic: statistic,
	}, nil
}

// sampleDrawOf describes the plan's reliability sample when the documents
// compared are exactly that sample, however they were chosen (the sample
// itself, or the same documents picked one by one); nil otherwise.
func sampleDrawOf(p *store.Project, compared []int64) (*report.SampleDraw, error) {
	pl, ok, err := p.Plan()
	if err != nil || !ok || len(pl.Sample) == 0 || len(pl.Sample) != len(compared) {
		return nil, err
	}
	in := map[int64]bool{}
	for _, id := range pl.Sample {
		in[id] = true
	}
	for _, id := range compared {
		if !in[id] {
			return nil, nil
		}
	}
	pv, err := viewOf(p, pl)
	if err != nil {
		return nil, err
	}
	d := pv.Draw()
	return &d, nil
}

// settledBy names the two coders whose disagreements a consensus layer settles.
func settledBy(p *store.Project, consensus store.Coder) (string, error) {
	x, y, err := p.ConsensusOf(consensus.ID)
	if err != nil {
		return "", fmt.Errorf("consensus layer %s: %w", consensus.Name, err)
	}
	cx, err := p.Coder(x)
	if err != nil {
		return "", fmt.Errorf("consensus layer %s: %w", consensus.Name, err)
	}
	cy, err := p.Coder(y)
	if err != nil {
		return "", fmt.Errorf("consensus layer %s: %w", consensus.Name, err)
	}
	return cx.Name + " and " + cy.Name, nil
}

// ExportAgreement renders the agreement as "csv", "md" or "html".
func ExportAgreement(p *store.Project, v Viewer, req AgreementRequest, statistic, format string) (string, error) {
	t, err := AgreementTableFor(p, v, req, statistic)
	if err != nil {
		return "", err
	}
	return RenderAgreement(t, format)
}

// RenderAgreement renders a computed agreement table as "csv", "md" or "html".
func RenderAgreement(t report.AgreementTable, format string) (string, error) {
	switch format {
	case "csv":
		return report.AgreementCSV(t)
	case "md", "markdown":
		return report.AgreementMarkdown(t), nil
	case "html":
		return report.AgreementHTML(t)
	}
	return "", fmt.Errorf("%w: unknown format %q (use csv, md or html)", store.ErrInvalid, format)
}
