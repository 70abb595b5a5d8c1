package report

import (
	"encoding/csv"
	"strings"
	"testing"

	"themis/coding"
)

func sampleAgreement() AgreementTable {
	docs := []coding.DocumentLength{{ID: 1, Length: 1000}, {ID: 2, Length: 1000}}
	codes := []coding.Code{
		{ID: 1, Name: "Calm | settled", Factor: 9, FactorName: "Emotional well-being"},
		{ID: 2, Name: "<script>alert(1)</script>", Factor: 9, FactorName: "Emotional well-being"},
		{ID: 3, Name: "Unused", Factor: 9, FactorName: "Emotional well-being"},
	}
	segs := []coding.Segment{
		{Document: 1, Code: 1, Coder: 1, Start: 0, End: 150}, {Document: 1, Code: 1, Coder: 2, Start: 100, End: 200},
		{Document: 2, Code: 1, Coder: 1, Start: 0, End: 100}, {Document: 2, Code: 1, Coder: 2, Start: 0, End: 120},
		{Document: 2, Code: 2, Coder: 1, Start: 500, End: 600}, {Document: 2, Code: 2, Coder: 2, Start: 520, End: 600},
	}
	rep := coding.CharacterAgreement(docs, codes, 1, 2, "Aisha", "Ben", segs).Bootstrap(200, 1)
	return AgreementTable{Report: rep, CoderA: "Aisha", CoderB: "Ben", Words: 12345, Framework: "Keyes: flourishing", Factors: 1}
}

func TestAgreementCSVHasEveryCoefficientAtFullPrecision(t *testing.T) {
	text, err := AgreementCSV(sampleAgreement())
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := strings.Join(recs[0], ",")
	for _, want := range []string{"kappa,kappa_ci_low,kappa_ci_high", "krippendorffAlpha", "gwetAC1", "brennanPrediger", "reading,note"} {
		if !strings.Contains(header, want) {
			t.Errorf("header %q lacks %q", header, want)
		}
	}
	// factor row first, then its three codes, then the overall row
	if len(recs) != 6 || recs[1][0] != "factor" || recs[2][1] != "Calm | settled" || recs[5][0] != "overall" {
		t.Fatalf("rows: %q", recs)
	}
	unused := recs[4]
	if unused[1] != "Unused" || unused[8] != "" || !strings.Contains(unused[len(unused)-2], "no variation") || unused[len(unused)-1] != "Keyes: flourishing" {
		t.Errorf("undefined kappa must be an empty cell with its note: %q", unused)
	}
	if !strings.Contains(recs[2][8], ".") || len(recs[2][8]) < 8 {
		t.Errorf("kappa %q is not at full precision", recs[2][8])
	}
}

func TestMethodsParagraphStatesTheInputs(t *testing.T) {
	p := MethodsParagraph(sampleAgreement())
	for _, want := range []string{
		"Two coders (Aisha and Ben) independently coded 2 transcripts (12,345 words)",
		"against the framework “Keyes: flourishing” (3 codes in 1 factor)",
		"each character as the unit of analysis",
		"Cohen’s κ was computed per code (Cohen, 1960)",
		"De Vries et al., 2008",
		"95% CI",
		"200 resamples of the documents (seed 1)",
		"For 1 code κ is undefined",
		"formula cohen-kappa/v1",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("methods paragraph lacks %q:\n%s", want, p)
		}
	}
	alpha := sampleAgreement()
	alpha.Statistic = "krippendorffAlpha"
	if p := MethodsParagraph(alpha); !strings.Contains(p, "it is not pooled across codes") || strings.Contains(p, "Overall α") {
		t.Errorf("alpha paragraph: %s", p)
	}
}

func TestMethodsParagraphSaysHowTheSampleWasDrawn(t *testing.T) {
	a := sampleAgreement()
	if p := MethodsParagraph(a); strings.Contains(p, "reliability sample") {
		t.Errorf("a comparison of chosen documents speaks of a sample:\n%s", p)
	}
	a.Sample = &SampleDraw{Share: 20, Sampled: 4, Total: 20, By: "role", Seed: 1, Coders: []string{"Aisha", "Ben"}}
	want := " The reliability sample was 20 % of the documents (4 of 20), stratified by role, drawn with seed 1; coded independently by Aisha and Ben. Figures were computed"
	if p := MethodsParagraph(a); !strings.Contains(p, want) {
		t.Errorf("methods paragraph lacks %q:\n%s", want, p)
	}
	a.Report.Unit = coding.UnitSegment
	if p := MethodsParagraph(a); !strings.Contains(p, want) {
		t.Errorf("segment-match methods lack %q:\n%s", want, p)
	}
	if got := (SampleDraw{Share: 12.5, Sampled: 1, Total: 9, Seed: 3}).Sentence(); got != "The reliability sample was 12.5 % of the documents (1 of 9), drawn with seed 3." {
		t.Errorf("unstratified sentence = %q", got)
	}
}

func TestAgreementHTMLIsATableWithoutRawHTML(t *testing.T) {
	page, err := AgreementHTML(sampleAgreement())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;") {
		t.Error("a code name's markup reached the page")
	}
	if strings.Count(page, "<tr>") != 6 || !strings.Contains(page, "Calm | settled") {
		t.Errorf("table rows wrong or a pipe in a name broke the table:\n%s", page)
	}
	md := AgreementMarkdown(sampleAgreement())
	if !strings.Contains(md, `Calm \| settled`) || !strings.Contains(md, "| **Emotional well-being** |") {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestReading(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	for _, tt := range []struct {
		v    *float64
		want string
	}{{nil, "undefined"}, {v(0.8), "reliable (≥ 0.800)"}, {v(0.7), "tentative (≥ 0.667)"}, {v(0.5), "below 0.667"}} {
		if got := Reading(tt.v); got != tt.want {
			t.Errorf("Reading(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestMethodsParagraphForSegmentMatch(t *testing.T) {
	tab := sampleAgreement()
	docs := []coding.DocumentLength{{ID: 1, Length: 1000}, {ID: 2, Length: 1000}}
	codes := []coding.Code{{ID: 1, Name: "X"}, {ID: 2, Name: "Y"}}
	segs := []coding.Segment{
		{Document: 1, Code: 1, Coder: 1, Start: 0, End: 100}, {Document: 1, Code: 1, Coder: 2, Start: 0, End: 100},
		{Document: 2, Code: 2, Coder: 1, Start: 0, End: 100}, {Document: 2, Code: 2, Coder: 2, Start: 50, End: 100},
	}
	tab.Report = coding.SegmentAgreement(docs, codes, 1, 2, "Aisha", "Ben", segs, 0.9)
	p := MethodsParagraph(tab)
	// 3 of 4 segments agree: κ = (0.75 − 1/2)/(1/2) = 0.5.
	for _, want := range []string{"each coded segment as the unit, as in MAXQDA", "at least 90% of it", "75.0% of 4 segments agreed", "one over the number of codes (2)", "was 0.500."} {
		if !strings.Contains(p, want) {
			t.Errorf("segment methods paragraph lacks %q:\n%s", want, p)
		}
	}
	if strings.Contains(p, "neither coder used the code") {
		t.Errorf("segment paragraph explains undefined rows as unused codes:\n%s", p)
	}
}

func TestMethodsCiteTheCodebookVersion(t *testing.T) {
	tests := []struct {
		frameworkCodes int
		version, want  string
	}{
		{0, "v1 agreed, revision 11", "against the framework “Keyes: flourishing” (codebook v1 agreed, revision 11; 3 codes in 1 factor)"},
		{13, "revision 14, 3 changes after v1", "against the framework “Keyes: flourishing” (codebook revision 14, 3 changes after v1); agreement is reported for 3 of its 13 codes"},
		{0, "", "against the framework “Keyes: flourishing” (3 codes in 1 factor)"},
	}
	for _, tt := range tests {
		tab := sampleAgreement()
		tab.Codebook, tab.FrameworkCodes = tt.version, tt.frameworkCodes
		if got := MethodsParagraph(tab); !strings.Contains(got, tt.want) {
			t.Errorf("version %q: methods say\n%s\nwant them to contain\n%s", tt.version, got, tt.want)
		}
	}
}
