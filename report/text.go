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

// plainHeads head the columns of the per-document and multi-coder tables.
// Those tables predate the symbols of coding.Statistics and scripts read
// their ASCII headers, so they keep them; which columns there are and in
// what order still comes from the statistics lists.
var plainHeads = map[string]string{
	"kappa":             "kappa",
	"scottPi":           "pi",
	"krippendorffAlpha": "alpha",
	"gwetAC1":           "AC1",
	"brennanPrediger":   "B-P",
	"fleissKappa":       "Fleiss kappa",
}

// plainHead is the ASCII header of a statistic's column.
func plainHead(key string) string {
	h, ok := plainHeads[key]
	if !ok {
		panic("report: no plain header for the statistic " + key)
	}
	return h
}

// pooledLabel names what a per-document table pools: every code, or the one
// code named.
func pooledLabel(code string) string {
	if code == "" {
		return "all codes pooled"
	}
	return code
}

// DocumentText renders two coders' agreement per document, as themis
// agreement --by document prints it: rows (one per document, Label naming
// it, as project.DocumentRows gives them) pool every code, or only code when
// it is named. The columns are the pooled coefficients of coding.Statistics.
func DocumentText(r coding.Report, rows []coding.Result, code string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "Agreement per document (%s); %s\n\n", pooledLabel(code), UnitSentence(r))
	var cols []statistic
	for _, s := range statistics {
		if s.Pooled {
			cols = append(cols, s)
		}
	}
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	head := []string{"document", "agreement"}
	for _, s := range cols {
		head = append(head, plainHead(s.Key))
	}
	head = append(head, "both", "only A", "only B", "neither", "note")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, row := range rows {
		cells := []string{row.Label, coding.FormatPercent(row.Agreement)}
		for _, s := range cols {
			cells = append(cells, coefficientOr(s.value(row), "-"))
		}
		cells = append(cells, fmt.Sprint(row.Counts.Both), fmt.Sprint(row.Counts.OnlyA), fmt.Sprint(row.Counts.OnlyB),
			fmt.Sprint(row.Counts.Neither), row.Note)
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return "", err
	}
	return b.String(), nil
}

// multiReaders read each of coding.MultiStatistics' coefficients from a row.
var multiReaders = map[string]func(coding.MultiResult) coding.Statistic{
	"fleissKappa":       func(r coding.MultiResult) coding.Statistic { return r.FleissKappa },
	"krippendorffAlpha": func(r coding.MultiResult) coding.Statistic { return r.KrippendorffAlpha },
	"gwetAC1":           func(r coding.MultiResult) coding.Statistic { return r.GwetAC1 },
	"brennanPrediger":   func(r coding.MultiResult) coding.Statistic { return r.BrennanPrediger },
	"percentAgreement":  func(r coding.MultiResult) coding.Statistic { return r.PercentAgreement },
}

// multiColumn is a coefficient column of the multi-coder tables.
type multiColumn struct {
	key  string
	read func(coding.MultiResult) coding.Statistic
}

// multiColumns are coding.MultiStatistics but percent agreement, which the
// tables show first, as a percentage, in the agreement column.
var multiColumns = func() []multiColumn {
	var out []multiColumn
	for _, info := range coding.MultiStatistics {
		rd, ok := multiReaders[info.Key]
		if !ok {
			panic("report: no reader for the statistic " + info.Key)
		}
		if info.Key != "percentAgreement" {
			plainHead(info.Key)
			out = append(out, multiColumn{info.Key, rd})
		}
	}
	return out
}()

// multiIntervals are the coefficients whose bootstrap intervals the
// multi-coder table shows, with their columns' headers: Fleiss' κ and α,
// the two a reliability section reports.
var multiIntervals = []struct{ key, head string }{
	{"fleissKappa", "kappa 95% CI"},
	{"krippendorffAlpha", "alpha 95% CI"},
}

// multiCells are a row's agreement and coefficient cells.
func multiCells(row coding.MultiResult) []string {
	cells := []string{statisticPercent(row.PercentAgreement)}
	for _, c := range multiColumns {
		cells = append(cells, coefficientOr(c.read(row).Value, "-"))
	}
	return cells
}

// statisticPercent prints a share as a percentage, or "-" when it is
// undefined (coding.FormatPercent).
func statisticPercent(s coding.Statistic) string {
	if s.Value == nil {
		return "-"
	}
	return coding.FormatPercent(*s.Value)
}

// multiHead is the header of the agreement and coefficient columns.
func multiHead() []string {
	head := []string{"agreement"}
	for _, c := range multiColumns {
		head = append(head, plainHead(c.key))
	}
	return head
}

// MultiText renders the agreement among three or more coders as plain text
// for a terminal, as themis agreement prints it: a heading naming the
// coders, the unit, the formula and the codebook, then a row per code, per
// factor and overall (with factorsOnly, the factors and overall only), the
// coefficients of coding.MultiStatistics, the intervals of Fleiss' κ and α
// when there are any, and notes on how agreement is counted and resampled.
func MultiText(r coding.MultiReport, factorsOnly bool) (string, error) {
	var b strings.Builder
	who := make([]string, len(r.Coders))
	for i, c := range r.Coders {
		who[i] = c.Name
	}
	fmt.Fprintf(&b, "Agreement among %s and %s over %d documents; %s (%s)\nCodebook: %s, %s\n\n",
		strings.Join(who[:len(who)-1], ", "), who[len(who)-1], len(r.Documents),
		UnitSentence(coding.Report{Unit: r.Unit, MinShare: r.MinShare}), r.Formula, r.Codebook.Name, r.Codebook.Label)
	list := append(append(append([]coding.MultiResult(nil), r.PerCode...), r.PerFactor...), r.Overall)
	codeRows := len(r.PerCode)
	if factorsOnly {
		list, codeRows = list[len(r.PerCode):], 0
	}
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	head := append([]string{"code"}, multiHead()...)
	if r.Resamples > 0 {
		for _, ci := range multiIntervals {
			head = append(head, ci.head)
		}
	}
	head = append(head, "note")
	rule := strings.Repeat("-", 8) + strings.Repeat("\t", len(head)-1)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for i, row := range list {
		if (i == codeRows && !factorsOnly) || i == len(list)-1 {
			fmt.Fprintln(tw, rule)
		}
		cells := append([]string{row.Label}, multiCells(row)...)
		if r.Resamples > 0 {
			for _, ci := range multiIntervals {
				cells = append(cells, bracketed(multiReaders[ci.key](row).CI))
			}
		}
		fmt.Fprintln(tw, strings.Join(append(cells, row.Note), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return "", err
	}
	fmt.Fprintln(&b, "\nagreement: percent agreement, the mean share of agreeing coder pairs per unit (Gwet's p_a, here also the average pairwise agreement); pooled rows: mean observed and expected agreement over the codes (alpha is not pooled)")
	if r.Resamples > 0 {
		fmt.Fprintf(&b, "95%% CI: percentile bootstrap, %d resamples of the %d documents, seed %d\n", r.Resamples, len(r.Documents), r.Seed)
	}
	return b.String(), nil
}

// MultiDocumentText renders the agreement among three or more coders per
// document, as themis agreement --by document prints it: rows are
// coding.MultiReport.PerDocument's with Label set to the document's name,
// pooling every code or only code when it is named.
func MultiDocumentText(r coding.MultiReport, rows []coding.MultiResult, code string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "Agreement among %d coders per document (%s); %s\n\n", len(r.Coders), pooledLabel(code),
		UnitSentence(coding.Report{Unit: r.Unit, MinShare: r.MinShare}))
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	head := append(append([]string{"document"}, multiHead()...), "note")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, row := range rows {
		cells := append(append([]string{row.Label}, multiCells(row)...), row.Note)
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return "", err
	}
	return b.String(), nil
}
