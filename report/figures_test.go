package report

import (
	"encoding/csv"
	"strings"
	"testing"

	"themis/coding"
)

// nearThresholds is a report whose codes' κ sit either side of Krippendorff's
// marks, with one code a single coder used in a few characters (agreement
// just under 100 %, κ = 0) and one the coders almost never agreed on.
func nearThresholds() AgreementTable {
	f := func(v float64) *float64 { return &v }
	row := func(code int64, label string, kappa, agreement float64) coding.Result {
		return coding.Result{Label: label, Code: code, Kappa: f(kappa), Agreement: agreement,
			Counts: coding.Counts{Both: 10, OnlyA: 1, OnlyB: 1, Neither: 100}, CI: coding.Intervals{Kappa: &[2]float64{kappa - 0.1, kappa}}}
	}
	r := coding.Report{Unit: coding.UnitCharacter, Formula: "cohen-kappa/v1", Documents: []int64{1},
		PerCode: []coding.Result{
			row(1, "A79989", 0.79989, 0.9), row(2, "B7995", 0.7995, 0.9), row(3, "C8", 0.8, 0.9),
			row(4, "D80004", 0.80004, 0.9), row(5, "E66649", 0.66649, 0.9), row(6, "F667", 0.667, 0.9),
			row(7, "G few", 0, 0.99996), row(8, "H none", 0.1, 0.00004),
		},
		Overall: row(0, "All codes", 0.79989, 0.99996),
	}
	return AgreementTable{Report: r, CoderA: "Aisha", CoderB: "Ben", Words: 100, Framework: "Keyes: flourishing", Factors: 1}
}

// The figure printed beside a reading never contradicts it: 0.79989 is
// "0.7999" and "tentative", in the table, the methods paragraph and the
// HTML page; a share just under 100 % is "> 99.9%".
func TestFiguresAgreeWithTheirReadings(t *testing.T) {
	tab := nearThresholds()
	md := AgreementMarkdown(tab)
	page, err := AgreementHTML(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ label, kappa, reading string }{
		{"A79989", "0.7999", "tentative (≥ 0.667)"},
		{"B7995", "0.799", "tentative (≥ 0.667)"},
		{"C8", "0.800", "reliable (≥ 0.800)"},
		{"D80004", "0.800", "reliable (≥ 0.800)"},
		{"E66649", "0.666", "below 0.667"},
		{"F667", "0.667", "tentative (≥ 0.667)"},
	} {
		line := lineWith(md, "| "+tc.label+" |")
		if !strings.Contains(line, "| "+tc.kappa+" |") || !strings.Contains(line, tc.reading) {
			t.Errorf("markdown row of %s = %q, want κ %s and %q", tc.label, line, tc.kappa, tc.reading)
		}
		if !strings.Contains(page, ">"+tc.kappa+"</td>") {
			t.Errorf("HTML lacks κ %s of %s", tc.kappa, tc.label)
		}
	}
	// Interval bounds follow the same rule: 0.79989 − 0.1 and 0.79989.
	if line := lineWith(md, "| A79989 |"); !strings.Contains(line, "0.700–0.7999") {
		t.Errorf("interval of A79989: %q", line)
	}
	if line := lineWith(md, "| G few |"); !strings.Contains(line, `| \> 99.9% |`) || strings.Contains(line, "100.0%") {
		t.Errorf("agreement of a code one coder used: %q", line)
	}
	if line := lineWith(md, "| H none |"); !strings.Contains(line, `| \< 0.1% |`) {
		t.Errorf("agreement of a code the coders never agreed on: %q", line)
	}
	// (Markdown escapes the sign, which the page shows as written.)
	if !strings.Contains(page, ">&gt; 99.9%</td>") || !strings.Contains(page, ">&lt; 0.1%</td>") {
		t.Error("HTML lacks > 99.9% or < 0.1%")
	}

	p := MethodsParagraph(tab)
	for _, want := range []string{
		"Overall κ was 0.7999 (95% CI 0.700–0.7999).",
		"ranged from 0.000 (G few) to 0.800 (D80004)",
		"2 of 8 codes reached 0.800 and a further 3 reached 0.667",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("methods paragraph lacks %q:\n%s", want, p)
		}
	}
}

// The highest code's figure in the methods is printed so that it can be
// told from the threshold it does not reach, and D80004 is the highest.
func TestMethodsRangeUsesTheFormat(t *testing.T) {
	tab := nearThresholds()
	tab.Report.PerCode = tab.Report.PerCode[:2]
	p := MethodsParagraph(tab)
	if !strings.Contains(p, "ranged from 0.799 (B7995) to 0.7999 (A79989); 0 of 2 codes reached 0.800 and a further 2 reached 0.667") {
		t.Errorf("methods paragraph:\n%s", p)
	}
}

// CSV is for software: full precision, and the reading of the unrounded value.
func TestCSVKeepsFullPrecisionNearThresholds(t *testing.T) {
	text, err := AgreementCSV(nearThresholds())
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]string{
		"A79989": {"0.79989", "tentative (≥ 0.667)", "0.9"},
		"B7995":  {"0.7995", "tentative (≥ 0.667)", "0.9"},
		"C8":     {"0.8", "reliable (≥ 0.800)", "0.9"},
		"D80004": {"0.80004", "reliable (≥ 0.800)", "0.9"},
		"E66649": {"0.66649", "below 0.667", "0.9"},
		"F667":   {"0.667", "tentative (≥ 0.667)", "0.9"},
		"G few":  {"0", "below 0.667", "0.99996"},
	}
	seen := 0
	for _, rec := range recs[1:] {
		w, ok := want[rec[1]]
		if !ok {
			continue
		}
		seen++
		reading := rec[len(rec)-3]
		if rec[8] != w[0] || reading != w[1] || rec[7] != w[2] {
			t.Errorf("CSV row %s: κ %s, reading %s, agreement %s; want %v", rec[1], rec[8], reading, rec[7], w)
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of %d rows", seen, len(want))
	}
}

func lineWith(text, sub string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
