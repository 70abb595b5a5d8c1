package report_test

import (
	"fmt"

	"themis/report"
)

func ExampleMarkdown() {
	groups := []report.CodeQuotes{{
		Code:       "Positive relations",
		Definition: "Warm, trusting ties with others.",
		Quotes: []report.Quote{{
			Text:     "I'd *never* have gone on my own.\n1. The group\n2. The tea",
			Document: "Interview 03", Speaker: "P03", Case: "Patient 003, nested case 2", Coder: "Ana",
		}},
	}}
	fmt.Print(report.Markdown("Exemplar quotes", groups))
	// Output:
	// # Exemplar quotes
	//
	// ## Positive relations
	//
	// *Warm, trusting ties with others.*
	//
	// > I'd \*never\* have gone on my own.\
	// > 1\. The group\
	// > 2\. The tea
	//
	// — P03, Interview 03 (Patient 003, nested case 2) · coded by Ana
}
