package report

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"themis/coding"
)

// UnitSentence says in words what the counts of a report count, for text
// output: "each sentence is a unit, coded when a coder's segments touch any
// part of it".
func UnitSentence(r coding.Report) string {
	switch {
	case r.Unit == coding.UnitCharacter:
		return "each character is a unit"
	case r.Unit == "document":
		return "each document is a unit (did the coder use the code in it?)"
	case r.MinShare == 0:
		return fmt.Sprintf("each %s is a unit, coded when a coder's segments touch any part of it", r.Unit)
	}
	return fmt.Sprintf("each %s is a unit, coded when a coder's segments cover at least %g%% of it", r.Unit, r.MinShare*100)
}

// AgreementText renders two coders' table as plain text for a terminal: a
// heading naming the coders, the unit, the formula and the codebook, then
// a column for every coefficient of coding.Statistics headed by its symbol
// (the chosen one, t.Statistic, followed by its interval), and the bootstrap
// note when there are intervals. With factorsOnly the rows are the factors
// and the overall row, as themis agreement --by factor prints them.
func AgreementText(t AgreementTable, factorsOnly bool) (string, error) {
	r := t.Report
	st := chosen(t.Statistic)
	var b strings.Builder
	fmt.Fprintf(&b, "Agreement between %s (A) and %s (B) over %d documents; %s (%s)\nCodebook: %s, %s\n\n",
		t.CoderA, t.CoderB, len(r.Documents), UnitSentence(r), r.Formula, r.Codebook.Name, r.Codebook.Label)
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	head := []string{"code", "agreement"}
	for _, s := range statistics {
		head = append(head, s.Symbol)
		if s.Key == st.Key {
			head = append(head, s.Symbol+" 95% CI")
		}
	}
	head = append(head, "both", "only A", "only B", "neither", "note")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	list := append(append(append([]coding.Result(nil), r.PerCode...), r.PerFactor...), r.Overall)
	codeRows := len(r.PerCode)
	if factorsOnly {
		list, codeRows = list[len(r.PerCode):], 0
	}
	rule := strings.Repeat("-", 8) + strings.Repeat("\t", len(head)-1)
	for i, row := range list {
		if (i == codeRows && !factorsOnly) || i == len(list)-1 {
			fmt.Fprintln(tw, rule)
		}
		cells := []string{row.Label, coding.FormatPercent(row.Agreement)}
		for _, s := range statistics {
			cells = append(cells, coefficientOr(s.value(row), "-"))
			if s.Key == st.Key {
				cells = append(cells, bracketed(s.ci(row)))
			}
		}
		cells = append(cells, fmt.Sprint(row.Counts.Both), fmt.Sprint(row.Counts.OnlyA), fmt.Sprint(row.Counts.OnlyB),
			fmt.Sprint(row.Counts.Neither), row.Note)
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return "", err
	}
	if r.Resamples > 0 {
		what := "the document"
		if n := len(r.Documents); n != 1 {
			what = fmt.Sprintf("the %d documents", n)
		}
		if r.Resampling == coding.ResampleTurns {
			what = "the speaker turns of " + what
		}
		fmt.Fprintf(&b, "\n95%% CI: percentile bootstrap, %d resamples of %s, seed %d\n", r.Resamples, what, r.Seed)
	}
	return b.String(), nil
}

// bracketed prints an interval as "[lo, hi]", "" when there is none.
func bracketed(ci *[2]float64) string {
	if ci == nil {
		return ""
	}
	return "[" + coding.FormatCoefficient(ci[0]) + ", " + coding.FormatCoefficient(ci[1]) + "]"
}
