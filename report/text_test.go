package report

import (
	"strings"
	"testing"
)

// The terminal table heads its columns with coding.Statistics' symbols, the
// chosen coefficient followed by its interval, and --by factor keeps only
// the factor and overall rows.
func TestAgreementText(t *testing.T) {
	tab := sampleAgreement()
	text, err := AgreementText(tab, false)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(text, "\n")
	if !strings.HasPrefix(lines[0], "Agreement between Aisha (A) and Ben (B) over 2 documents; each character is a unit") {
		t.Errorf("heading: %q", lines[0])
	}
	head := strings.Fields(lines[3])
	want := []string{"code", "agreement", "κ", "κ", "95%", "CI", "π", "α", "AC1", "κ_BP", "both", "only", "A", "only", "B", "neither", "note"}
	if strings.Join(head, " ") != strings.Join(want, " ") {
		t.Errorf("header = %q, want %q", head, want)
	}
	for _, row := range []string{"Calm | settled", "Emotional well-being", "All codes"} {
		if !strings.Contains(text, row) {
			t.Errorf("no row %q:\n%s", row, text)
		}
	}
	if !strings.Contains(text, "95% CI: percentile bootstrap, 200 resamples of the 2 documents, seed 1") {
		t.Errorf("no bootstrap note:\n%s", text)
	}

	tab.Statistic = "gwetAC1"
	text, _ = AgreementText(tab, true)
	if !strings.Contains(text, "AC1 95% CI") || strings.Contains(text, "κ 95% CI") || strings.Contains(text, "Calm | settled") {
		t.Errorf("gwetAC1 by factor:\n%s", text)
	}
}
