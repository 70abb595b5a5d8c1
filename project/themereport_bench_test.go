package project

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"themis/frameworks"
	"themis/internal/synth"
	"themis/report"
	"themis/store"
)

// BenchmarkThemeReportDocx is a report of 1,000 starred quotes to .docx on
// the budget corpus (synth.Budget: 200 transcripts of 8,000 words, each its
// participant's case with a role; 40,000 segments of two coders over the 13
// Keyes dimensions, Ben's overlapping Aisha's so that all coders together
// merges them): ThemeReport with the role breakdown, then ThemeDocx
// (budget: < 2 s).
func BenchmarkThemeReportDocx(b *testing.B) {
	p, err := store.Create(filepath.Join(b.TempDir(), "report.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	aisha, _ := p.Lead()
	ben, err := p.AddCoder("Ben", aisha.ID)
	if err != nil {
		b.Fatal(err)
	}
	files := synth.Budget.Files()
	named := make([]NamedData, len(files))
	for i, f := range files {
		named[i] = NamedData{Name: f.Name, Data: f.Data}
	}
	imported, err := ImportData(p, named, aisha.ID)
	if err != nil {
		b.Fatal(err)
	}
	if err := p.AddAttribute("role", store.AttrCategory, aisha.ID); err != nil {
		b.Fatal(err)
	}
	docs, err := p.Documents()
	if err != nil {
		b.Fatal(err)
	}
	var codes []int64
	all, _ := p.Codes()
	for _, c := range all {
		if c.Codable {
			codes = append(codes, c.ID)
		}
	}
	r := rand.New(rand.NewPCG(7, 7))
	var segs []store.NewSegment
	for i, d := range docs {
		who := synth.ParticipantOf(i)
		if err := p.LinkCase(d.ID, who.ID, map[string]string{"role": who.Role}, aisha.ID); err != nil {
			b.Fatal(err)
		}
		for range 100 {
			start := r.IntN(d.Chars - 400)
			end := start + 40 + r.IntN(300)
			code := codes[r.IntN(len(codes))]
			segs = append(segs,
				store.NewSegment{Document: d.ID, Code: code, Coder: aisha.ID, Start: start, End: end},
				store.NewSegment{Document: d.ID, Code: code, Coder: ben.ID, Start: start + 5 + r.IntN(30), End: end + r.IntN(60)})
		}
	}
	if len(imported) != 200 || len(segs) != 40000 {
		b.Fatalf("%d documents, %d segments", len(imported), len(segs))
	}
	stored, _, err := p.AddSegments(segs, aisha.ID)
	if err != nil {
		b.Fatal(err)
	}
	for k := range 1000 { // every 20th of Aisha's segments (hers are the even ones), over every document
		if _, err := p.StarSegment(stored[k*40].ID, aisha.ID); err != nil {
			b.Fatal(err)
		}
	}
	v := leadViewer(b, p)
	o := ReportOptions{StarredOnly: true, Breakdown: "role", Attribution: ReportAttribution{Case: true, Attributes: []string{"role"}}}
	b.ResetTimer()
	var quotes, size int
	for range b.N {
		rep, err := ThemeReport(p, v, o)
		if err != nil {
			b.Fatal(err)
		}
		var out bytes.Buffer
		if err := report.ThemeDocx(rep, &out); err != nil {
			b.Fatal(err)
		}
		quotes = 0
		for _, s := range rep.Sections {
			quotes += len(s.Quotes)
		}
		size = out.Len()
	}
	b.ReportMetric(float64(quotes), "quotes")
	b.ReportMetric(float64(size)/1e6, "MB-docx")
}
