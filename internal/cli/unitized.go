package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"themis/coding"
)

// PrintUnitized prints the coefficients, one line each, with the reason of
// any that is undefined: uα, |uα, cuα, then per category the paper's (k)uα
// (eq. 13) and the binary uα of the category against everything else.
func PrintUnitized(out io.Writer, r coding.UnitizedReport) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "coefficient\tvalue\tnote")
	line := func(name string, s coding.Statistic) {
		value, note := "-", ""
		if s.Value != nil {
			value = coding.FormatCoefficient(*s.Value)
		}
		if s.Undefined != nil {
			note = "undefined: " + *s.Undefined
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", name, value, note)
	}
	line("uα (units and categories)", r.UAlpha)
	line("|uα (coded or not)", r.BinaryUAlpha)
	line("cuα (categories where coders overlap)", r.CUAlpha)
	for _, c := range r.Categories {
		line("("+c+")uα", r.KUAlpha[c])
		line("binary uα of "+c, r.BinaryKUAlpha[c])
	}
	return tw.Flush()
}

// Interval prints a bootstrap interval, or "" when there is none, its
// bounds as coding.FormatCoefficient prints them.
func Interval(ci *[2]float64) string {
	if ci == nil {
		return ""
	}
	return "[" + coding.FormatCoefficient(ci[0]) + ", " + coding.FormatCoefficient(ci[1]) + "]"
}
