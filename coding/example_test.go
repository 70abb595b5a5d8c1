package coding_test

import (
	"fmt"

	"themis/coding"
)

// NVivo's documented example: 1,000 characters, 50 coded by both coders,
// 150 by one of them only, 800 by neither.
func ExampleCharacterAgreement() {
	docs := []coding.DocumentLength{{ID: 1, Length: 1000}}
	codes := []coding.Code{
		{ID: 1, Name: "Positive relations", Factor: 1, FactorName: "Psychological well-being"},
		{ID: 2, Name: "Autonomy", Factor: 1, FactorName: "Psychological well-being"},
	}
	segs := []coding.Segment{
		{Document: 1, Code: 1, Coder: 10, Start: 0, End: 150},
		{Document: 1, Code: 1, Coder: 20, Start: 100, End: 200},
		{Document: 1, Code: 2, Coder: 20, Start: 500, End: 520},
	}
	rep := coding.CharacterAgreement(docs, codes, 10, 20, "Ana", "Ben", segs)
	for _, r := range append(append(rep.PerCode, rep.PerFactor...), rep.Overall) {
		k := "undefined"
		if r.Kappa != nil {
			k = fmt.Sprintf("%.4f", *r.Kappa)
		}
		fmt.Printf("%-24s %+v agreement %.3f κ %s", r.Label, r.Counts, r.Agreement, k)
		if r.Note != "" {
			fmt.Printf(" (%s)", r.Note)
		}
		fmt.Println()
	}
	// Pooled: p̄_o = (0.85 + 0.98)/2 = 0.915, p̄_e = (0.78 + 0.98)/2 = 0.88,
	// κ = 0.035/0.12 = 0.2917.

	// Output:
	// Positive relations       {Both:50 OnlyA:100 OnlyB:50 Neither:800} agreement 0.850 κ 0.3182
	// Autonomy                 {Both:0 OnlyA:0 OnlyB:20 Neither:980} agreement 0.980 κ 0.0000 (κ = 0: only coder B (Ben) used it)
	// Psychological well-being {Both:50 OnlyA:100 OnlyB:70 Neither:1780} agreement 0.915 κ 0.2917
	// All codes                {Both:50 OnlyA:100 OnlyB:70 Neither:1780} agreement 0.915 κ 0.2917
}
