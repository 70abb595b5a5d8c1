package coding

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// Three staggered coders over ten characters, worked by hand:
// A [0,6), B [2,8), C [4,10) give h = [0, 4, 4, 2] (characters 0–1 and 8–9
// coded by one coder, 2–3 and 6–7 by two, 4–5 by three). With N = 10, m = 3:
// S = 4·2 + 4·2 + 2·6 = 28, P̄ = 28/60 = 7/15; Y = 18, p = 3/5,
// P_e = 13/25, κ = −1/9; D = 4·2 + 4·2 = 16, α = 1 − 29·16/(2·18·12) = −2/27;
// Gwet's p_e = 12/25, AC1 = −1/39; B-P = 2·7/15 − 1 = −1/15.
func TestMultiAgreementHandWorked(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 10}}
	codes := []Code{{ID: 7, Name: "Autonomy"}}
	coders := []MultiCoder{{1, "Aisha"}, {2, "Ben"}, {3, "Chen"}}
	segs := []Segment{{1, 7, 1, 0, 6}, {1, 7, 2, 2, 8}, {1, 7, 3, 4, 10}}
	rep := MultiAgreement(docs, codes, coders, segs)
	row := rep.PerCode[0]
	if !slices.Equal(row.Histogram, []int64{0, 4, 4, 2}) || row.Units != 10 || !slices.Equal(row.Coded, []int64{6, 6, 6}) {
		t.Fatalf("histogram %v, units %d, coded %v", row.Histogram, row.Units, row.Coded)
	}
	for _, tt := range []struct {
		name string
		got  Statistic
		want float64
	}{
		{"percent agreement", row.PercentAgreement, 7.0 / 15},
		{"Fleiss", row.FleissKappa, -1.0 / 9},
		{"alpha", row.KrippendorffAlpha, -2.0 / 27},
		{"AC1", row.GwetAC1, -1.0 / 39},
		{"B-P", row.BrennanPrediger, -1.0 / 15},
	} {
		if tt.got.Value == nil || *tt.got.Value != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, show(tt.got), tt.want)
		}
	}
	if row.Status != Defined || row.Note != "" {
		t.Errorf("status %s, note %q", row.Status, row.Note)
	}
	if rep.Formula != FormulaFleissAlpha || rep.Unit != UnitCharacter || len(rep.Coders) != 3 || !slices.Equal(rep.Documents, []int64{1}) {
		t.Errorf("recorded inputs: %+v", rep)
	}
}

func show(s Statistic) string {
	if s.Value == nil {
		return fmt.Sprintf("undefined (%v)", *s.Undefined)
	}
	return fmt.Sprint(*s.Value)
}

func TestMultiAgreementUndefinedAndFlagged(t *testing.T) {
	coders := []MultiCoder{{1, "Aisha"}, {2, "Ben"}, {3, ""}}
	docs := []DocumentLength{{ID: 1, Length: 10}}
	codes := []Code{
		{ID: 1, Name: "unused", Factor: 10, FactorName: "F"},
		{ID: 2, Name: "everywhere", Factor: 10, FactorName: "F"},
		{ID: 3, Name: "only Ben"},
		{ID: 4, Name: "not C"},
	}
	segs := []Segment{
		{1, 2, 1, 0, 10}, {1, 2, 2, -5, 50}, {1, 2, 3, 0, 4}, {1, 2, 3, 4, 10},
		{1, 3, 2, 2, 5},
		{1, 4, 1, 0, 5}, {1, 4, 2, 3, 8},
		{1, 4, 9, 0, 10}, // not a chosen coder
	}
	rep := MultiAgreement(docs, codes, coders, segs)
	tests := []struct {
		row    MultiResult
		status Status
		note   string
		fleiss bool
	}{
		{rep.PerCode[0], NoVariation, "undefined: no variation (no coder used this code)", false},
		{rep.PerCode[1], NoVariation, "undefined: no variation (every coder coded every character)", false},
		{rep.PerCode[2], OnlyOneCoder, "only coder 2 (Ben) used this code", true},
		{rep.PerCode[3], Defined, "not used by coder 3", true},
		{rep.PerFactor[0], NoVariation, "undefined: no variation (each code was either used by no coder or applied by every coder to every character)", false},
	}
	for _, tt := range tests {
		r := tt.row
		if r.Status != tt.status || r.Note != tt.note || (r.FleissKappa.Value != nil) != tt.fleiss {
			t.Errorf("%s: status %s, note %q, Fleiss %s", r.Label, r.Status, r.Note, show(r.FleissKappa))
		}
		if !tt.fleiss && (r.KrippendorffAlpha.Value != nil || r.FleissKappa.Undefined == nil || r.KrippendorffAlpha.Undefined == nil) {
			t.Errorf("%s: α %s, Fleiss %s: want both undefined with a reason", r.Label, show(r.KrippendorffAlpha), show(r.FleissKappa))
		}
		// Percent agreement, AC1 and B-P are defined whenever there are units.
		if r.PercentAgreement.Value == nil || r.GwetAC1.Value == nil || r.BrennanPrediger.Value == nil {
			t.Errorf("%s: percent %s, AC1 %s, B-P %s", r.Label, show(r.PercentAgreement), show(r.GwetAC1), show(r.BrennanPrediger))
		}
	}
	if r := rep.PerCode[1]; *r.PercentAgreement.Value != 1 || *r.GwetAC1.Value != 1 || *r.BrennanPrediger.Value != 1 {
		t.Errorf("everywhere: want percent, AC1 and B-P of 1, got %s %s %s", show(r.PercentAgreement), show(r.GwetAC1), show(r.BrennanPrediger))
	}
	if a := rep.Overall.KrippendorffAlpha; a.Value != nil || a.Undefined == nil || *a.Undefined != ReasonNotPooled {
		t.Errorf("overall α = %s, want not pooled", show(a))
	}

	empty := MultiAgreement([]DocumentLength{{ID: 1, Length: 0}}, codes[:1], coders, nil)
	if r := empty.PerCode[0]; r.Note != ReasonNoUnits || r.PercentAgreement.Value != nil || *r.PercentAgreement.Undefined != ReasonNoUnits {
		t.Errorf("no units: %+v", r)
	}
	alone := MultiAgreement(docs, codes[:1], []MultiCoder{{1, "Aisha"}, {1, "Aisha"}}, nil)
	if r := alone.PerCode[0]; r.Note != ReasonTooFewCoders || r.FleissKappa.Value != nil || len(alone.Coders) != 1 {
		t.Errorf("one coder given twice: %+v", r)
	}
}

// randomProject makes a small random project with m coders: a few documents
// (some empty), codes in two factors and one without, and segments that
// overlap, touch, run past the document or belong to nobody asked about.
func randomProject(rng *rand.Rand, m int) ([]DocumentLength, []Code, []MultiCoder, []Segment) {
	docs := make([]DocumentLength, 1+rng.Intn(4))
	for i := range docs {
		docs[i] = DocumentLength{ID: int64(i + 1), Length: rng.Intn(30)}
	}
	codes := []Code{{ID: 1, Name: "a", Factor: 10, FactorName: "F"}, {ID: 2, Name: "b", Factor: 10, FactorName: "F"},
		{ID: 3, Name: "c", Factor: 20}, {ID: 4, Name: "d"}}
	coders := make([]MultiCoder, m)
	for j := range coders {
		coders[j] = MultiCoder{ID: int64(j + 1), Name: fmt.Sprint("coder", j+1)}
	}
	var segs []Segment
	for range rng.Intn(40) {
		start := rng.Intn(34) - 2
		segs = append(segs, Segment{Document: int64(1 + rng.Intn(len(docs)+1)), Code: int64(1 + rng.Intn(5)),
			Coder: int64(1 + rng.Intn(m+1)), Start: start, End: start + rng.Intn(12)})
	}
	return docs, codes, coders, segs
}

// randomUnits cuts each document into consecutive units with random gaps.
func randomUnits(rng *rand.Rand, docs []DocumentLength) []DocumentUnits {
	out := make([]DocumentUnits, len(docs))
	for i, d := range docs {
		out[i] = DocumentUnits{ID: d.ID, Length: d.Length, Units: []Span{}}
		for at := 0; at < d.Length; {
			end := at + 1 + rng.Intn(8)
			out[i].Units = append(out[i].Units, Span{at, end})
			at = end + rng.Intn(3)
		}
	}
	return out
}

// expand is the independent check: per code, the units × coders matrix of
// "1" and "0", built character by character from the raw segments.
func expand(units []DocumentUnits, codes []Code, coders []MultiCoder, segs []Segment, minShare float64) map[int64][][]string {
	out := map[int64][][]string{}
	for _, c := range codes {
		out[c.ID] = [][]string{}
		for _, d := range units {
			for _, u := range d.Units {
				u.End = min(u.End, d.Length)
				if u.End <= u.Start {
					continue
				}
				row := make([]string, len(coders))
				for j, coder := range coders {
					covered := 0
					for x := u.Start; x < u.End; x++ {
						for _, s := range segs {
							if s.Document == d.ID && s.Code == c.ID && s.Coder == coder.ID && s.Start <= x && x < s.End {
								covered++
								break
							}
						}
					}
					yes := covered > 0
					if minShare > 0 {
						yes = float64(covered) >= minShare*float64(u.End-u.Start)
					}
					row[j] = "0"
					if yes {
						row[j] = "1"
					}
				}
				out[c.ID] = append(out[c.ID], row)
			}
		}
	}
	return out
}

// characterUnits makes every character a one-character unit.
func characterUnits(docs []DocumentLength) []DocumentUnits {
	out := make([]DocumentUnits, len(docs))
	for i, d := range docs {
		out[i] = DocumentUnits{ID: d.ID, Length: d.Length, Units: []Span{}}
		for x := 0; x < d.Length; x++ {
			out[i].Units = append(out[i].Units, Span{x, x + 1})
		}
	}
	return out
}

func near(got Statistic, want *float64) bool {
	if got.Value == nil || want == nil {
		return got.Value == nil && want == nil
	}
	return math.Abs(*got.Value-*want) <= 1e-12
}

// Every statistic of every row against Reliability on the expanded matrix
// (code rows) and against the De Vries means of those figures (pooled rows),
// for the character unit and for units, with 2 to 5 coders.
func TestMultiAgreementAgainstReliability(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := range 400 {
		m := 2 + trial%4
		docs, codes, coders, segs := randomProject(rng, m)
		minShare := []float64{0, 0, 0.5, 1}[rng.Intn(4)]
		var rep MultiReport
		var units []DocumentUnits
		if trial%2 == 0 {
			rep = MultiAgreement(docs, codes, coders, segs)
			units, minShare = characterUnits(docs), 0
		} else {
			units = randomUnits(rng, docs)
			rep = MultiUnitAgreement(units, codes, coders, segs, "turn", minShare)
		}
		matrices := expand(units, codes, coders, segs, minShare)
		names := make([]string, m)
		for j, c := range coders {
			names[j] = c.Name
		}
		// Per code: P̄ and the expected agreements, for the pooled rows.
		type parts struct{ po, peF, peG float64 }
		per := map[int64]*parts{}
		for i, c := range codes {
			row := rep.PerCode[i]
			matrix := matrices[c.ID]
			if int64(len(matrix)) != row.Units {
				t.Fatalf("trial %d, code %s: %d units, want %d", trial, c.Name, row.Units, len(matrix))
			}
			if len(matrix) == 0 {
				if row.Note != ReasonNoUnits || row.FleissKappa.Value != nil {
					t.Errorf("trial %d: no units but %+v", trial, row)
				}
				continue
			}
			yes := 0
			for _, u := range matrix {
				for _, v := range u {
					if v == "1" {
						yes++
					}
				}
			}
			p := float64(yes) / float64(m*len(matrix))
			if len(matrix) >= 2 {
				want, err := Reliability(names, matrix, Nominal, 2, 0, 0)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range []struct {
					name      string
					got, want Statistic
				}{
					{"percent", row.PercentAgreement, want.PercentAgreement},
					{"Fleiss", row.FleissKappa, want.FleissKappa},
					{"alpha", row.KrippendorffAlpha, want.KrippendorffAlpha},
					{"AC1", row.GwetAC1, want.GwetAC1},
					{"B-P", row.BrennanPrediger, want.BrennanPrediger},
				} {
					if !near(s.got, s.want.Value) {
						t.Errorf("trial %d (m=%d, %s), code %s: %s = %s, Reliability %v", trial, m, rep.Unit, c.Name, s.name, show(s.got), show(s.want))
					}
				}
			}
			per[c.ID] = &parts{*row.PercentAgreement.Value, p*p + (1-p)*(1-p), 2 * p * (1 - p)}
		}
		pooled := func(label string, row MultiResult, ids []int64) {
			var po, peF, peG float64
			n := 0
			for _, id := range ids {
				if x := per[id]; x != nil {
					po, peF, peG, n = po+x.po, peF+x.peF, peG+x.peG, n+1
				}
			}
			if n == 0 {
				if row.Note != ReasonNoUnits {
					t.Errorf("trial %d, %s: note %q, want no units", trial, label, row.Note)
				}
				return
			}
			po, peF, peG = po/float64(n), peF/float64(n), peG/float64(n)
			var fleiss *float64
			if peF < 1-1e-15 {
				f := (po - peF) / (1 - peF)
				fleiss = &f
			}
			ac1 := (po - peG) / (1 - peG)
			bp := 2*po - 1
			if !near(row.PercentAgreement, &po) || !near(row.FleissKappa, fleiss) || !near(row.GwetAC1, &ac1) || !near(row.BrennanPrediger, &bp) {
				t.Errorf("trial %d, %s: percent %s Fleiss %s AC1 %s B-P %s; want %v %v %v %v", trial, label,
					show(row.PercentAgreement), show(row.FleissKappa), show(row.GwetAC1), show(row.BrennanPrediger), po, fleiss, ac1, bp)
			}
		}
		pooled("factor F", rep.PerFactor[0], []int64{1, 2})
		pooled("overall", rep.Overall, []int64{1, 2, 3, 4})
	}
}

// With two coders, Fleiss' κ is Scott's π and the other statistics are the
// two-coder report's, on code rows and pooled rows; with the same seed, even
// the bootstrap intervals coincide.
func TestMultiAgreementWithTwoCodersIsTheTwoCoderReport(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	same := func(got Statistic, want *float64) bool {
		if got.Value == nil || want == nil {
			return got.Value == nil && want == nil
		}
		return math.Abs(*got.Value-*want) <= 1e-12
	}
	for trial := range 300 {
		docs, codes, coders, segs := randomProject(rng, 2)
		var multi MultiReport
		var two Report
		if trial%2 == 0 {
			multi = MultiAgreement(docs, codes, coders, segs).Bootstrap(50, int64(trial))
			two = CharacterAgreement(docs, codes, 1, 2, "coder1", "coder2", segs).Bootstrap(50, int64(trial))
		} else {
			units := randomUnits(rng, docs)
			multi = MultiUnitAgreement(units, codes, coders, segs, "sentence", 0.5).Bootstrap(50, int64(trial))
			two = UnitAgreement(units, codes, 1, 2, "coder1", "coder2", segs, "sentence", 0.5).Bootstrap(50, int64(trial))
		}
		mrows, trows := multi.rows(), allRows(&two)
		for i, mr := range mrows {
			tr := trows[i]
			agreement := &tr.Agreement
			if tr.Counts.Units() == 0 {
				agreement = nil
			}
			ok := same(mr.PercentAgreement, agreement) && same(mr.FleissKappa, tr.ScottPi) &&
				same(mr.KrippendorffAlpha, tr.KrippendorffAlpha) && same(mr.GwetAC1, tr.GwetAC1) && same(mr.BrennanPrediger, tr.BrennanPrediger)
			if !ok {
				t.Errorf("trial %d, %s: multi %s %s %s %s %s; two-coder %v %v %v %v %v", trial, mr.Label,
					show(mr.PercentAgreement), show(mr.FleissKappa), show(mr.KrippendorffAlpha), show(mr.GwetAC1), show(mr.BrennanPrediger),
					tr.Agreement, tr.ScottPi, tr.KrippendorffAlpha, tr.GwetAC1, tr.BrennanPrediger)
			}
			if c := tr.Counts; mr.Units == c.Units() && (mr.Histogram[2] != c.Both || mr.Histogram[1] != c.OnlyA+c.OnlyB || mr.Histogram[0] != c.Neither) {
				t.Errorf("trial %d, %s: histogram %v, table %+v", trial, mr.Label, mr.Histogram, c)
			}
			for _, p := range [][2]*[2]float64{{mr.FleissKappa.CI, tr.CI.ScottPi}, {mr.KrippendorffAlpha.CI, tr.CI.KrippendorffAlpha}, {mr.GwetAC1.CI, tr.CI.GwetAC1}} {
				if (p[0] == nil) != (p[1] == nil) || (p[0] != nil && (math.Abs(p[0][0]-p[1][0]) > 1e-12 || math.Abs(p[0][1]-p[1][1]) > 1e-12)) {
					t.Errorf("trial %d, %s: interval %v, two-coder %v", trial, mr.Label, p[0], p[1])
				}
			}
		}
	}
}

func TestMultiBootstrap(t *testing.T) {
	docs, codes, segs := benchCorpus()
	docs = docs[:20]
	coders := []MultiCoder{{alice, "A"}, {bob, "B"}, {carol, "C"}}
	rep := MultiAgreement(docs, codes, coders, withThirdCoder(segs, 2))
	a, b := rep.Bootstrap(200, 5), rep.Bootstrap(200, 5)
	if rep.PerCode[0].FleissKappa.CI != nil || rep.Resamples != 0 {
		t.Error("Bootstrap modified the report it was called on")
	}
	if a.Resamples != 200 || a.Seed != 5 || a.Resampling != ResampleDocuments {
		t.Errorf("recorded %d resamples, seed %d, %q", a.Resamples, a.Seed, a.Resampling)
	}
	for i, row := range a.rows() {
		for s, st := range row.statistics() {
			other := b.rows()[i].statistics()[s]
			if st.Value == nil {
				if st.CI != nil {
					t.Errorf("%s: interval on an undefined statistic", row.Label)
				}
				continue
			}
			if st.CI == nil || *st.CI != *other.CI {
				t.Fatalf("%s statistic %d: intervals %v and %v with the same seed", row.Label, s, st.CI, other.CI)
			}
			if st.CI[0] > *st.Value+0.05 || st.CI[1] < *st.Value-0.05 || st.CI[0] > st.CI[1] {
				t.Errorf("%s statistic %d: %v outside %v", row.Label, s, *st.Value, *st.CI)
			}
		}
	}
	if one := MultiAgreement(docs[:1], codes, coders, segs).Bootstrap(100, 1); one.Resamples != 0 {
		t.Error("one document was bootstrapped")
	}
}
