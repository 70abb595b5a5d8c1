package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"themis/coding"
)

// PrintUnitized prints the four coefficients, one line each, with the
// reason of any that is undefined.
func PrintUnitized(out io.Writer, r coding.UnitizedReport) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "coefficient\tvalue\tnote")
	line := func(name string, s coding.Statistic) {
		value, note := "-", ""
		if s.Value != nil {
			value = fmt.Sprintf("%.3f", *s.Value)
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
	}
	return tw.Flush()
}
