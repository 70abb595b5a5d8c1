package coding

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"testing"
)

const (
	alice = int64(1)
	bob   = int64(2)
	carol = int64(3)
)

func kappaOf(t *testing.T, r Result) float64 {
	t.Helper()
	if r.Kappa == nil {
		t.Fatalf("%s: kappa undefined (%s: %q), want a number", r.Label, r.Status, r.Note)
	}
	return *r.Kappa
}

// NVivo's documented example of the coding comparison ("How are Kappa and
// percentage agreement calculated?", NVivo help, Coding comparison query):
// a source of 1,000 characters in which 50 characters are coded by both
// users, 150 by only one of them and 800 by neither gives a percentage
// agreement of (50 + 800)/1000 = 85 %.
//
// Built from segments: A codes [0,150), B codes [100,200), so Both = 50,
// OnlyA = 100, OnlyB = 50, Neither = 800. By hand:
//
//	p_o = 850/1000 = 0.85
//	pA  = 150/1000 = 0.15, pB = 100/1000 = 0.10
//	p_e = 0.15·0.10 + 0.85·0.90 = 0.015 + 0.765 = 0.78
//	κ   = (0.85 − 0.78)/(1 − 0.78) = 0.07/0.22 = 7/22 = 0.318181…
func TestCharacterNVivoExample(t *testing.T) {
	docs := []DocumentLength{{ID: 7, Length: 1000}}
	codes := []Code{{ID: 1, Name: "Positive relations"}}
	segs := []Segment{
		{Document: 7, Code: 1, Coder: alice, Start: 0, End: 150},
		{Document: 7, Code: 1, Coder: bob, Start: 100, End: 200},
	}
	rep := CharacterAgreement(docs, codes, alice, bob, "Alice", "Bob", segs)
	r := rep.PerCode[0]
	if want := (Counts{Both: 50, OnlyA: 100, OnlyB: 50, Neither: 800}); r.Counts != want {
		t.Fatalf("counts = %+v, want %+v", r.Counts, want)
	}
	if r.Agreement != 0.85 {
		t.Errorf("agreement = %.17g, want exactly 0.85", r.Agreement)
	}
	if math.Abs(r.Expected-0.78) > 1e-12 {
		t.Errorf("expected agreement = %.17g, want 0.78", r.Expected)
	}
	if k := kappaOf(t, r); math.Abs(k-7.0/22.0) > 1e-12 {
		t.Errorf("kappa = %.17g, want 7/22 = %.17g", k, 7.0/22.0)
	}
	if r.Status != Defined || r.Note != "" {
		t.Errorf("status %q note %q, want defined and no note", r.Status, r.Note)
	}
	if rep.Unit != "character" || rep.Formula != FormulaCohenKappa || !slices.Equal(rep.Documents, []int64{7}) ||
		rep.CoderA != alice || rep.CoderB != bob {
		t.Errorf("report inputs = %+v", rep)
	}
	// One code, no factor: the overall row is the same table and kappa.
	if rep.Overall.Counts != r.Counts || kappaOf(t, rep.Overall) != *r.Kappa || rep.Overall.Label != "All codes" {
		t.Errorf("overall = %+v", rep.Overall)
	}
	if len(rep.PerFactor) != 0 {
		t.Errorf("per factor = %+v, want none", rep.PerFactor)
	}
}

func TestCharacterUndefinedCases(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 40}, {ID: 2, Length: 60}}
	tests := []struct {
		name       string
		docs       []DocumentLength
		segs       []Segment
		wantStatus Status
		wantNote   string
		wantKappa  *float64
		wantCounts Counts
		wantAgree  float64
	}{
		{
			name:       "neither coder used the code",
			docs:       docs,
			segs:       []Segment{{Document: 1, Code: 99, Coder: alice, Start: 0, End: 10}}, // another code
			wantStatus: NoVariation,
			wantNote:   "undefined: no variation (neither coder used this code)",
			wantCounts: Counts{Neither: 100},
			wantAgree:  1,
		},
		{
			name: "only coder B used it",
			docs: docs,
			segs: []Segment{
				{Document: 2, Code: 5, Coder: bob, Start: 10, End: 30},
				{Document: 2, Code: 5, Coder: carol, Start: 0, End: 60}, // a third coder is ignored
			},
			wantStatus: OnlyOneCoder,
			wantNote:   "κ = 0: only coder B (Bob) used it",
			wantKappa:  ptr(0),
			wantCounts: Counts{OnlyB: 20, Neither: 80},
			wantAgree:  0.8,
		},
		{
			name:       "only coder A used it, on every character",
			docs:       docs,
			segs:       []Segment{{Document: 1, Code: 5, Coder: alice, Start: 0, End: 40}, {Document: 2, Code: 5, Coder: alice, Start: 0, End: 60}},
			wantStatus: OnlyOneCoder, // p_e = 1·0 + 0·1 = 0, so κ = (0 − 0)/1 = 0
			wantNote:   "κ = 0: only coder A (Alice) used it",
			wantKappa:  ptr(0),
			wantCounts: Counts{OnlyA: 100},
			wantAgree:  0,
		},
		{
			name: "both coded everything",
			docs: docs,
			segs: []Segment{
				{Document: 1, Code: 5, Coder: alice, Start: 0, End: 40}, {Document: 2, Code: 5, Coder: alice, Start: 0, End: 1000},
				{Document: 1, Code: 5, Coder: bob, Start: 0, End: 25}, {Document: 1, Code: 5, Coder: bob, Start: 25, End: 40},
				{Document: 2, Code: 5, Coder: bob, Start: -4, End: 60},
			},
			wantStatus: NoVariation,
			wantNote:   "undefined: no variation (both coders coded every character)",
			wantCounts: Counts{Both: 100},
			wantAgree:  1,
		},
		{
			name:       "no documents",
			docs:       nil,
			segs:       []Segment{{Document: 1, Code: 5, Coder: alice, Start: 0, End: 10}},
			wantStatus: NoVariation,
			wantNote:   "no units",
		},
		{
			name:       "zero-length documents",
			docs:       []DocumentLength{{ID: 1, Length: 0}, {ID: 2, Length: 0}},
			segs:       []Segment{{Document: 1, Code: 5, Coder: alice, Start: 0, End: 10}, {Document: 2, Code: 5, Coder: bob, Start: 0, End: 10}},
			wantStatus: NoVariation,
			wantNote:   "no units",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := CharacterAgreement(tt.docs, []Code{{ID: 5, Name: "Autonomy", Factor: 9, FactorName: "Psychological"}}, alice, bob, "Alice", "Bob", tt.segs)
			// The code row, its single-code factor row and the overall row
			// all describe the same table.
			for _, r := range []Result{rep.PerCode[0], rep.PerFactor[0], rep.Overall} {
				if r.Status != tt.wantStatus {
					t.Errorf("%s: status = %q, want %q", r.Label, r.Status, tt.wantStatus)
				}
				if r.Counts != tt.wantCounts {
					t.Errorf("%s: counts = %+v, want %+v", r.Label, r.Counts, tt.wantCounts)
				}
				if r.Agreement != tt.wantAgree {
					t.Errorf("%s: agreement = %v, want %v", r.Label, r.Agreement, tt.wantAgree)
				}
				if (r.Kappa == nil) != (tt.wantKappa == nil) || (r.Kappa != nil && *r.Kappa != *tt.wantKappa) {
					t.Errorf("%s: kappa = %v, want %v", r.Label, deref(r.Kappa), deref(tt.wantKappa))
				}
				if math.IsNaN(r.Agreement) || math.IsNaN(r.Expected) {
					t.Errorf("%s: NaN in %+v", r.Label, r)
				}
			}
			if got := rep.PerCode[0].Note; got != tt.wantNote {
				t.Errorf("note = %q, want %q", got, tt.wantNote)
			}
		})
	}
}

func TestCharacterNotesForPooledRows(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 10}}
	codes := []Code{{ID: 1, Name: "a", Factor: 1, FactorName: "F"}, {ID: 2, Name: "b", Factor: 1, FactorName: "F"}}
	tests := []struct {
		name   string
		segs   []Segment
		status Status
		note   string
		kappa  *float64
	}{
		{"none used", nil, NoVariation, "undefined: no variation (neither coder used any of these codes)", nil},
		{"only A", []Segment{{1, 2, alice, 0, 3}}, OnlyOneCoder, "κ = 0: only coder A (Alice) used these codes", ptr(0)},
		{"only B, two codes", []Segment{{1, 2, bob, 0, 3}, {1, 1, bob, 5, 10}}, OnlyOneCoder, "κ = 0: only coder B (Bob) used these codes", ptr(0)},
		{"both everything", []Segment{{1, 1, alice, 0, 10}, {1, 2, alice, 0, 10}, {1, 1, bob, 0, 10}, {1, 2, bob, 0, 10}},
			NoVariation, "undefined: no variation (both coders coded every character)", nil},
		// Code a: both coded everything; code b: unused. Each code alone has
		// no variation, so the pooled kappa is undefined, although the summed
		// table (Both=10, Neither=10) would give Cohen's κ = 1.
		{"mixed no variation", []Segment{{1, 1, alice, 0, 10}, {1, 1, bob, 0, 10}},
			NoVariation, "undefined: no variation (each code was either used by neither coder or applied by both to every character)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := CharacterAgreement(docs, codes, alice, bob, "Alice", "Bob", tt.segs)
			for _, r := range []Result{rep.PerFactor[0], rep.Overall} {
				if r.Status != tt.status || r.Note != tt.note {
					t.Errorf("%s: %q %q, want %q %q", r.Label, r.Status, r.Note, tt.status, tt.note)
				}
				if (r.Kappa == nil) != (tt.kappa == nil) || (r.Kappa != nil && *r.Kappa != *tt.kappa) {
					t.Errorf("%s: kappa = %v, want %v", r.Label, deref(r.Kappa), deref(tt.kappa))
				}
			}
		})
	}
}

func TestCharacterDefaultCoderNames(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 10}}
	codes := []Code{{ID: 1, Name: "a"}}
	rep := CharacterAgreement(docs, codes, alice, bob, "", "", []Segment{{1, 1, bob, 0, 3}})
	if got := rep.PerCode[0].Note; got != "κ = 0: only coder B used it" {
		t.Errorf("note = %q", got)
	}
}

func TestCharacterOverlapsAndAdjacency(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 100}}
	codes := []Code{{ID: 1, Name: "x"}, {ID: 2, Name: "y"}}
	segs := []Segment{
		// Alice, code x: [0,20) ∪ [10,30) ∪ [30,40) = [0,40), 40 characters, not 50.
		{1, 1, alice, 0, 20}, {1, 1, alice, 10, 30}, {1, 1, alice, 30, 40},
		// Alice, code x again, a duplicate: still counted once.
		{1, 1, alice, 0, 20},
		// Bob, code x: [20,25) inside [20,60) = [20,60).
		{1, 1, bob, 20, 60}, {1, 1, bob, 20, 25},
		// Code y overlaps code x in the same places; independent.
		{1, 2, alice, 0, 100}, {1, 2, bob, 50, 100},
	}
	rep := CharacterAgreement(docs, codes, alice, bob, "Alice", "Bob", segs)
	// x: A = [0,40), B = [20,60): Both 20, OnlyA 20, OnlyB 20, Neither 40.
	if got, want := rep.PerCode[0].Counts, (Counts{20, 20, 20, 40}); got != want {
		t.Errorf("code x counts = %+v, want %+v", got, want)
	}
	// y: A = [0,100), B = [50,100): Both 50, OnlyA 50.
	if got, want := rep.PerCode[1].Counts, (Counts{50, 50, 0, 0}); got != want {
		t.Errorf("code y counts = %+v, want %+v", got, want)
	}
	// y: p_o = 0.5, pA = 1, pB = 0.5, p_e = 0.5 + 0 = 0.5, κ = 0.
	if r := rep.PerCode[1]; r.Status != Defined || *r.Kappa != 0 {
		t.Errorf("code y = %+v", r)
	}
}

func TestCharacterInputHandling(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 10}, {ID: 2, Length: 10}, {ID: 1, Length: 999}, {ID: 3, Length: -5}}
	codes := []Code{{ID: 1, Name: "x"}, {ID: 1, Name: "dup"}, {ID: 2, Name: "y"}}
	segs := []Segment{
		{1, 1, alice, 5, 50},    // clipped to [5,10)
		{1, 1, alice, -5, 2},    // clipped to [0,2)
		{1, 1, alice, 8, 3},     // inverted: ignored
		{4, 1, alice, 0, 5},     // unknown document
		{1, 7, alice, 0, 5},     // unknown code
		{2, 1, carol, 0, 5},     // other coder
		{3, 1, bob, 0, 5},       // negative-length document: no units
		{2, 1, bob, 0, 10},      //
		{2, 1, bob, 1000, 2000}, // beyond the end
	}
	rep := CharacterAgreement(docs, codes, alice, bob, "Alice", "Bob", segs)
	if !slices.Equal(rep.Documents, []int64{1, 2, 3}) {
		t.Errorf("documents = %v", rep.Documents)
	}
	if len(rep.PerCode) != 2 || rep.PerCode[0].Label != "x" || rep.PerCode[1].Label != "y" {
		t.Fatalf("per code = %+v", rep.PerCode)
	}
	// x: A = doc1 [0,2)∪[5,10) = 7; B = doc2 [0,10) = 10; no overlap; N = 20.
	if got, want := rep.PerCode[0].Counts, (Counts{0, 7, 10, 3}); got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
}

// The same coder on both sides agrees with themself perfectly.
func TestCharacterSameCoder(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 10}}
	rep := CharacterAgreement(docs, []Code{{ID: 1, Name: "x"}}, alice, alice, "Alice", "Alice", []Segment{{1, 1, alice, 2, 5}})
	if r := rep.PerCode[0]; r.Counts != (Counts{3, 0, 0, 7}) || kappaOf(t, r) != 1 {
		t.Errorf("self-agreement = %+v", r)
	}
}

// Pooling per factor and overall: counts are summed; kappa is the pooled kappa
// of De Vries et al. (2008), (p̄_o − p̄_e)/(1 − p̄_e) over the codes.
func TestCharacterPooling(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 30}, {ID: 2, Length: 20}} // N = 50 per code
	codes := []Code{
		{ID: 10, Name: "Self-acceptance", Factor: 1, FactorName: "Psychological well-being"},
		{ID: 20, Name: "Social integration", Factor: 2, FactorName: "Social well-being"},
		{ID: 11, Name: "Autonomy", Factor: 1, FactorName: "Psychological well-being"},
		{ID: 30, Name: "Other"},
	}
	segs := []Segment{
		// Code 10 → table (20,5,10,15): A = [0,25), B = [0,20) ∪ doc2 [0,10).
		{1, 10, alice, 0, 25}, {1, 10, bob, 0, 20}, {2, 10, bob, 0, 10},
		// Code 11 → table (45,0,0,5): both code doc1 [0,30) and doc2 [0,15).
		{1, 11, alice, 0, 30}, {2, 11, alice, 0, 15}, {1, 11, bob, 0, 30}, {2, 11, bob, 0, 15},
		// Code 20 → table (5,20,20,5): A = doc1 [0,25), B = doc1 [20,30) ∪ doc2 [0,15).
		{1, 20, alice, 0, 25}, {1, 20, bob, 20, 30}, {2, 20, bob, 0, 15},
		// Code 30: unused → (0,0,0,50).
	}
	rep := CharacterAgreement(docs, codes, alice, bob, "Alice", "Bob", segs)

	wantCode := map[string]Counts{
		"Self-acceptance": {20, 5, 10, 15}, "Autonomy": {45, 0, 0, 5},
		"Social integration": {5, 20, 20, 5}, "Other": {0, 0, 0, 50},
	}
	var order []string
	for _, r := range rep.PerCode {
		order = append(order, r.Label)
		if r.Counts != wantCode[r.Label] {
			t.Errorf("%s: counts = %+v, want %+v", r.Label, r.Counts, wantCode[r.Label])
		}
	}
	if !slices.Equal(order, []string{"Self-acceptance", "Social integration", "Autonomy", "Other"}) {
		t.Errorf("code order = %v", order)
	}
	if len(rep.PerFactor) != 2 || rep.PerFactor[0].Factor != 1 || rep.PerFactor[1].Factor != 2 ||
		rep.PerFactor[0].Label != "Psychological well-being" || rep.PerFactor[0].Code != 0 {
		t.Fatalf("factors = %+v", rep.PerFactor)
	}

	// Psychological = codes 10 and 11 = the "two items" case of
	// TestPooledKappaHandWorked: p̄_o = (0.70 + 1)/2 = 0.85,
	// p̄_e = (0.50 + 0.82)/2 = 0.66, κ = 0.19/0.34 = 19/34.
	psy := rep.PerFactor[0]
	if psy.Counts != (Counts{65, 5, 10, 20}) || psy.Agreement != 0.85 {
		t.Errorf("psychological = %+v", psy)
	}
	if k := kappaOf(t, psy); math.Abs(k-19.0/34.0) > 1e-12 {
		t.Errorf("psychological kappa = %.17g, want 19/34", k)
	}
	if math.Abs(psy.Expected-0.66) > 1e-12 {
		t.Errorf("psychological p_e = %v, want 0.66", psy.Expected)
	}
	// Social = code 20 alone: κ = −0.6 (see "worse than chance").
	if k := kappaOf(t, rep.PerFactor[1]); math.Abs(k+0.6) > 1e-12 {
		t.Errorf("social kappa = %v, want -0.6", k)
	}
	// Overall: p_o = 0.70, 1, 0.20, 1 → p̄_o = 2.9/4 = 0.725;
	// p_e = 0.50, 0.82, 0.50, 1 → p̄_e = 2.82/4 = 0.705;
	// κ = 0.02/0.295 = 4/59.
	all := rep.Overall
	if all.Counts != (Counts{70, 25, 30, 75}) || all.Label != "All codes" || all.Code != 0 || all.Factor != 0 {
		t.Errorf("overall = %+v", all)
	}
	if all.Agreement != 0.725 {
		t.Errorf("overall agreement = %.17g, want 0.725", all.Agreement)
	}
	if k := kappaOf(t, all); math.Abs(k-4.0/59.0) > 1e-12 {
		t.Errorf("overall kappa = %.17g, want 4/59 = %.17g", k, 4.0/59.0)
	}
}

// TestCharacterAgainstBruteForce compares CharacterAgreement with an
// independent implementation that materialises one boolean per character,
// per document, code and coder, and computes kappa with the textbook
// floating-point formulas, over 500 random segment sets.
func TestCharacterAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(20240611))
	seen := map[Status]int{}
	for iter := range 500 {
		nDocs := rng.Intn(4)
		var docs []DocumentLength
		for d := range nDocs {
			docs = append(docs, DocumentLength{ID: int64(d + 1), Length: rng.Intn(60)})
		}
		if rng.Intn(10) == 0 && nDocs > 0 {
			docs = append(docs, docs[0]) // duplicate document
		}
		nCodes := 1 + rng.Intn(5)
		var codes []Code
		for c := range nCodes {
			f := int64(rng.Intn(3)) // 0 = no factor
			codes = append(codes, Code{ID: int64(100 + c), Name: fmt.Sprint("code", c), Factor: f, FactorName: fmt.Sprint("factor", f)})
		}
		var segs []Segment
		for range rng.Intn(80) {
			start := rng.Intn(70) - 5
			segs = append(segs, Segment{
				Document: int64(rng.Intn(nDocs + 2)),      // includes unknown documents 0 and nDocs+1
				Code:     int64(100 + rng.Intn(nCodes+1)), // includes an unknown code
				Coder:    alice + int64(rng.Intn(3)),      // includes carol
				Start:    start,
				End:      start + rng.Intn(30) - 3,
			})
		}
		// Sometimes make a coder cover whole documents, to reach the
		// no-variation and only-one-coder cases.
		if rng.Intn(8) == 0 {
			for _, d := range docs {
				for _, c := range codes {
					segs = append(segs, Segment{d.ID, c.ID, alice, 0, d.Length})
					if rng.Intn(2) == 0 {
						segs = append(segs, Segment{d.ID, c.ID, bob, 0, d.Length})
					}
				}
			}
		}
		rep := CharacterAgreement(docs, codes, alice, bob, "A", "B", segs)
		want := bruteForce(docs, codes, segs)
		name := fmt.Sprintf("case %d", iter)
		if len(rep.PerCode) != len(want.perCode) || len(rep.PerFactor) != len(want.perFactor) {
			t.Fatalf("%s: %d codes, %d factors; want %d, %d", name, len(rep.PerCode), len(rep.PerFactor), len(want.perCode), len(want.perFactor))
		}
		for i := range want.perCode {
			checkRow(t, name, rep.PerCode[i], want.perCode[i])
		}
		for i := range want.perFactor {
			checkRow(t, name, rep.PerFactor[i], want.perFactor[i])
		}
		checkRow(t, name, rep.Overall, want.overall)
		for _, r := range append(append(rep.PerCode, rep.PerFactor...), rep.Overall) {
			seen[r.Status]++
		}
	}
	// The random cases must reach every status, or the comparison proves little.
	for _, s := range []Status{Defined, NoVariation, OnlyOneCoder} {
		if seen[s] == 0 {
			t.Errorf("no random case reached status %q", s)
		}
	}
	t.Logf("rows by status: %v", seen)
}

type bruteRow struct {
	label   string
	counts  Counts
	agree   float64
	kappa   float64
	defined bool
	status  Status
}

type bruteReport struct {
	perCode, perFactor []bruteRow
	overall            bruteRow
}

func bruteForce(docs []DocumentLength, codes []Code, segs []Segment) bruteReport {
	seen := map[int64]bool{}
	var uniqDocs []DocumentLength
	for _, d := range docs {
		if !seen[d.ID] {
			seen[d.ID] = true
			uniqDocs = append(uniqDocs, d)
		}
	}
	// One boolean per character per coder, per code.
	tables := make([]Counts, len(codes))
	for ci, c := range codes {
		for _, d := range uniqDocs {
			a := make([]bool, d.Length)
			b := make([]bool, d.Length)
			for _, s := range segs {
				if s.Document != d.ID || s.Code != c.ID {
					continue
				}
				for x := s.Start; x < s.End; x++ {
					if x < 0 || x >= d.Length {
						continue
					}
					if s.Coder == alice {
						a[x] = true
					}
					if s.Coder == bob {
						b[x] = true
					}
				}
			}
			for x := range d.Length {
				switch {
				case a[x] && b[x]:
					tables[ci].Both++
				case a[x]:
					tables[ci].OnlyA++
				case b[x]:
					tables[ci].OnlyB++
				default:
					tables[ci].Neither++
				}
			}
		}
	}
	var rep bruteReport
	for ci, c := range codes {
		rep.perCode = append(rep.perCode, bruteRowOf(c.Name, tables[ci:ci+1]))
	}
	var factorOrder []int64
	members := map[int64][]Counts{}
	names := map[int64]string{}
	for ci, c := range codes {
		if c.Factor == 0 {
			continue
		}
		if _, ok := members[c.Factor]; !ok {
			factorOrder = append(factorOrder, c.Factor)
			names[c.Factor] = c.FactorName
		}
		members[c.Factor] = append(members[c.Factor], tables[ci])
	}
	for _, f := range factorOrder {
		rep.perFactor = append(rep.perFactor, bruteRowOf(names[f], members[f]))
	}
	rep.overall = bruteRowOf("All codes", tables)
	return rep
}

// bruteRowOf computes a row with plain float formulas: mean p_o and mean p_e
// over the tables (one table: Cohen's kappa).
func bruteRowOf(label string, tables []Counts) bruteRow {
	r := bruteRow{label: label}
	var sumPo, sumPe float64
	var yesA, yesB int64
	for _, c := range tables {
		r.counts = r.counts.Add(c)
		n := float64(c.Units())
		if n == 0 {
			continue
		}
		pa := float64(c.Both+c.OnlyA) / n
		pb := float64(c.Both+c.OnlyB) / n
		sumPo += float64(c.Both+c.Neither) / n
		sumPe += pa*pb + (1-pa)*(1-pb)
		yesA += c.Both + c.OnlyA
		yesB += c.Both + c.OnlyB
	}
	n := r.counts.Units()
	if n == 0 {
		r.status = NoVariation
		return r
	}
	r.agree = float64(r.counts.Both+r.counts.Neither) / float64(n)
	m := float64(len(tables)) // all tables have the same N here
	po, pe := sumPo/m, sumPe/m
	switch {
	case yesA == 0 && yesB == 0:
		r.status = NoVariation
	case math.Abs(1-pe) < 1e-12:
		r.status = NoVariation
	case (yesA == 0) != (yesB == 0):
		r.status, r.defined, r.kappa = OnlyOneCoder, true, (po-pe)/(1-pe)
	default:
		r.status, r.defined, r.kappa = Defined, true, (po-pe)/(1-pe)
	}
	return r
}

func checkRow(t *testing.T, name string, got Result, want bruteRow) {
	t.Helper()
	if got.Label != want.label || got.Counts != want.counts || got.Status != want.status {
		t.Fatalf("%s: %s %+v %s; want %s %+v %s", name, got.Label, got.Counts, got.Status, want.label, want.counts, want.status)
	}
	if math.Abs(got.Agreement-want.agree) > 1e-12 {
		t.Errorf("%s %s: agreement %.17g, want %.17g", name, got.Label, got.Agreement, want.agree)
	}
	if (got.Kappa != nil) != want.defined {
		t.Fatalf("%s %s: kappa %v, want defined=%v", name, got.Label, deref(got.Kappa), want.defined)
	}
	if got.Kappa != nil && math.Abs(*got.Kappa-want.kappa) > 1e-12 {
		t.Errorf("%s %s: kappa %.17g, want %.17g", name, got.Label, *got.Kappa, want.kappa)
	}
	if got.Status == OnlyOneCoder && *got.Kappa != 0 {
		t.Errorf("%s %s: only one coder but kappa %.17g, want exactly 0", name, got.Label, *got.Kappa)
	}
}

func ptr(f float64) *float64 { return &f }

func deref(p *float64) any {
	if p == nil {
		return "<nil>"
	}
	return *p
}
