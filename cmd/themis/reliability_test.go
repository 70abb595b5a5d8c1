package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section E:
// 4 coders × 12 units with missing values, rows are units; α interval = 0.849.
const krippendorffCSV = "A,B,C,D\n1,1,,1\n2,2,3,2\n3,3,3,3\n3,3,3,3\n2,2,2,2\n1,2,3,4\n4,4,4,4\n1,1,2,1\n2,2,2,2\n,5,5,5\n,,1,1\n,3,,\n"

type statJSON struct {
	Value     *float64    `json:"value"`
	Undefined *string     `json:"undefined"`
	CI        *[2]float64 `json:"ci"`
}

func reliabilityJSONOut(t *testing.T, args ...string) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	out := mustRun(t, append([]string{"reliability"}, args...)...)
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return m
}

func stat(t *testing.T, m map[string]json.RawMessage, key string) statJSON {
	t.Helper()
	var s statJSON
	raw, ok := m[key]
	if !ok {
		t.Fatalf("no key %q", key)
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReliabilityKrippendorffInterval(t *testing.T) {
	data := writeFile(t, t.TempDir(), "k.csv", krippendorffCSV)
	m := reliabilityJSONOut(t, data, "--header", "--level", "interval", "--json")
	a := stat(t, m, "krippendorff_alpha")
	if a.Value == nil || math.Abs(*a.Value-0.849) > 0.0005 || a.Undefined != nil || a.CI != nil {
		t.Errorf("alpha = %+v, want 0.849", a)
	}
	for _, k := range []string{"percent_agreement", "fleiss_kappa", "gwet_ac1", "brennan_prediger"} {
		stat(t, m, k)
	}
	if _, ok := m["cohen_kappa"]; ok {
		t.Error("cohen_kappa present for four coders")
	}
	if _, ok := m["scott_pi"]; ok {
		t.Error("scott_pi present for four coders")
	}
	// Gwet's p_a and generalised Fleiss' κ, as irrCAC's pa.coeff.raw
	// (0.8181818) and fleiss.kappa.raw (0.76117) give them on this data;
	// ReCal's pairwise average (0.778) is its own figure.
	for key, want := range map[string]float64{"percent_agreement": 9.0 / 11, "fleiss_kappa": 7343.0 / 9647, "pairwise_agreement": 0.778241} {
		if s := stat(t, m, key); s.Value == nil || math.Abs(*s.Value-want) > 5e-7 {
			t.Errorf("%s = %+v, want %v", key, s, want)
		}
	}
	// The flags may come first, and the text table names every statistic.
	out := mustRun(t, "reliability", "--level", "ordinal", "--header", data)
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"Krippendorff's alpha (ordinal) 0.815", "12 units (11 pairable)", "percent agreement 0.818", "pairwise agreement 0.778", "Fleiss' kappa 0.761"} {
		if !strings.Contains(flat, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

// Two coders, Wikipedia's Cohen's kappa example (20, 5, 10, 15): κ = 0.4 and
// π = 1950/4950 by hand; no header, so the coders are "coder 1" and "coder 2".
func TestReliabilityTwoCoders(t *testing.T) {
	var b strings.Builder
	for _, r := range []struct {
		row string
		n   int
	}{{"yes,yes\n", 20}, {"yes,no\n", 5}, {"no,yes\n", 10}, {"no,no\n", 15}} {
		b.WriteString(strings.Repeat(r.row, r.n))
	}
	data := writeFile(t, t.TempDir(), "two.csv", b.String())
	m := reliabilityJSONOut(t, data, "--json")
	if c := stat(t, m, "cohen_kappa"); c.Value == nil || math.Abs(*c.Value-0.4) > 1e-12 {
		t.Errorf("cohen = %+v", c)
	}
	if s := stat(t, m, "scott_pi"); s.Value == nil || math.Abs(*s.Value-1950.0/4950) > 1e-12 {
		t.Errorf("scott = %+v", s)
	}
	if !strings.Contains(string(m["coders"]), "coder 2") {
		t.Errorf("coders = %s", m["coders"])
	}
	if _, ok := m["pairwise_agreement"]; ok {
		t.Error("pairwise_agreement present for two coders (it is percent_agreement)")
	}
}

func TestReliabilityErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, csv string
		args      []string
		code      int
		want      string
	}{
		{"ragged", "A,B,C\n1,2,3\n1,2,3\n1,2\n", []string{"--header"}, 1, "row 4 has 2 values, expected 3"},
		{"ragged no header", "1,2,3\n1,2,3\n1,2,3,4\n", nil, 1, "row 3 has 4 values, expected 3"},
		{"not a number", "A,B\n1,2\n3,4\n5,high\n", []string{"--header", "--level", "interval"}, 1, `row 4, B: "high" is not a number`},
		{"one coder", "1\n2\n3\n", nil, 1, "needs at least two coder columns"},
		{"no units", "A,B\n", []string{"--header"}, 1, "no units"},
		{"one pairable unit", "1,1\n2,\n", nil, 1, "fewer than two units"},
		{"bad level", "1,1\n2,2\n", []string{"--level", "loud"}, 2, "unknown level"},
		{"unknown flag", "1,1\n2,2\n", []string{"--nope"}, 2, "usage: themis reliability"},
		{"too many resamples", "1,1\n2,2\n", []string{"--bootstrap", "100000000"}, 2, "--bootstrap is a number of resamples from 0 to 100000, got 100000000"},
		{"negative resamples", "1,1\n2,2\n", []string{"--bootstrap", "-1"}, 2, "--bootstrap is a number of resamples from 0 to 100000"},
		// Text labels are not ordered alphabetically behind the user's back.
		{"ordinal text", "A,B\nlow,low\nmedium,high\n", []string{"--header", "--level", "ordinal"}, 1, `row 2, A: "low" is not a number (the ordinal level needs numbers, or the order of the categories); text labels have no order of their own, so give it lowest first, e.g. --order low,medium,high`},
		{"interval text", "A,B\n1,2\nlow,high\n", []string{"--header", "--level", "interval"}, 1, `row 3, A: "low" is not a number`},
		{"unknown ordered label", "A,B\nlow,low\nmedium,hgih\n", []string{"--header", "--level", "ordinal", "--order", "low,medium,high"}, 1, `row 3, B: "hgih" is not one of the ordered categories (low, medium, high)`},
		{"order twice", "A,B\nlow,low\nmedium,high\n", []string{"--header", "--level", "ordinal", "--order", "low,medium,low"}, 2, `--order lists each category once`},
		{"order with a gap", "A,B\nlow,low\nmedium,high\n", []string{"--header", "--level", "ordinal", "--order", "low,,high"}, 2, `--order lists each category once`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := writeFile(t, dir, strings.ReplaceAll(tc.name, " ", "_")+".csv", tc.csv)
			_, errOut, code := themis(t, append([]string{"reliability", data}, tc.args...)...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tc.code, tc.want)
			}
		})
	}
	if _, _, code := themis(t, "reliability"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

func TestReliabilityBootstrapSeed(t *testing.T) {
	data := writeFile(t, t.TempDir(), "k.csv", krippendorffCSV)
	args := []string{data, "--header", "--level", "interval", "--bootstrap", "300", "--seed", "7", "--json"}
	one := mustRun(t, append([]string{"reliability"}, args...)...)
	two := mustRun(t, append([]string{"reliability"}, args...)...)
	if one != two {
		t.Errorf("same seed, different output:\n%s\n%s", one, two)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(one), &m); err != nil {
		t.Fatal(err)
	}
	a := stat(t, m, "krippendorff_alpha")
	if a.CI == nil || a.CI[0] > *a.Value || a.CI[1] < *a.Value {
		t.Errorf("alpha %v, CI %v", a.Value, a.CI)
	}
	other := mustRun(t, "reliability", data, "--header", "--level", "interval", "--bootstrap", "300", "--seed", "8", "--json")
	if other == one {
		t.Error("a different seed gave the same intervals")
	}
}

// Ordinal text labels with --order are ranks 1..n: the same α as the
// numbers (the data: 0.814 with 1/2/3; alphabetical order gave 0.493).
func TestReliabilityOrder(t *testing.T) {
	dir := t.TempDir()
	rows := [][2]string{{"low", "low"}, {"low", "medium"}, {"medium", "medium"}, {"medium", "high"}, {"high", "high"}, {"high", "high"}, {"low", "low"}, {"medium", "medium"}}
	var text, nums strings.Builder
	rank := map[string]string{"low": "1", "medium": "2", "high": "3"}
	text.WriteString("A,B\n")
	nums.WriteString("A,B\n")
	for _, r := range rows {
		text.WriteString(r[0] + "," + r[1] + "\n")
		nums.WriteString(rank[r[0]] + "," + rank[r[1]] + "\n")
	}
	textFile := writeFile(t, dir, "text.csv", text.String())
	numFile := writeFile(t, dir, "nums.csv", nums.String())
	for _, level := range []string{"ordinal", "interval", "ratio"} {
		a := stat(t, reliabilityJSONOut(t, textFile, "--header", "--level", level, "--order", "low, medium ,high", "--json"), "krippendorff_alpha")
		b := stat(t, reliabilityJSONOut(t, numFile, "--header", "--level", level, "--json"), "krippendorff_alpha")
		if a.Value == nil || b.Value == nil || *a.Value != *b.Value {
			t.Errorf("%s: alpha with --order %+v, with ranks %+v", level, a, b)
		}
	}
	out := mustRun(t, "reliability", textFile, "--header", "--level", "ordinal", "--order", "low,medium,high")
	if !strings.Contains(out, "categories: low, medium, high") {
		t.Errorf("categories not in the given order:\n%s", out)
	}
}

// Huge interval values give a finite α (the same as the values scaled
// down), and --json encodes whatever the data; before, α was NaN and --json
// failed with "unsupported value: NaN".
func TestReliabilityHugeValues(t *testing.T) {
	dir := t.TempDir()
	huge := writeFile(t, dir, "huge.csv", "A,B\n1e155,1e155\n2e155,3e155\n3e155,3e155\n4e155,1e155\n")
	small := writeFile(t, dir, "small.csv", "A,B\n1,1\n2,3\n3,3\n4,1\n")
	for _, level := range []string{"interval", "ratio"} {
		a := stat(t, reliabilityJSONOut(t, huge, "--header", "--level", level, "--json", "--bootstrap", "50"), "krippendorff_alpha")
		b := stat(t, reliabilityJSONOut(t, small, "--header", "--level", level, "--json"), "krippendorff_alpha")
		if a.Value == nil || b.Value == nil || math.Abs(*a.Value-*b.Value) > 1e-12 {
			t.Errorf("%s: alpha of 1e155s %+v, of the same values scaled %+v", level, a, b)
		}
	}
	extreme := writeFile(t, dir, "extreme.csv", "A,B,C\n1.7976931348623157e308,-1.7976931348623157e308,5e-324\n0,1e308,-1e308\n,4.9e-324,1e-300\n")
	out := mustRun(t, "reliability", extreme, "--header", "--level", "interval", "--json", "--bootstrap", "20")
	if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Errorf("non-finite output:\n%s", out)
	}
}

// csvRecords reads what encoding/csv reads (variable fields per record):
// the same records, or an error for both.
func FuzzCSVRecords(f *testing.F) {
	for _, s := range []string{
		"A,B\n1,2\n", "a,b\r\nc,d\r\n", "\n\n1,,3\n\r\n", "x\r", "x\ry,z\r\r\n", ",\n,,\n",
		"\ufeffA,B\n1,2", `"a,b",c` + "\n", "a\"b,c\n", `"x""y"` + "\r\n\"q\nr\",s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got [][]string
		r, gotErr := newCSVRecords(s)
		if gotErr == nil {
			for rec, ok := r.next(); ok; rec, ok = r.next() {
				got = append(got, slices.Clone(rec))
			}
		}
		cr := csv.NewReader(strings.NewReader(s))
		cr.FieldsPerRecord = -1
		want, wantErr := cr.ReadAll()
		if (gotErr != nil) != (wantErr != nil) {
			t.Fatalf("%q: error %v, encoding/csv %v", s, gotErr, wantErr)
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("%q: %q, encoding/csv %q", s, got, want)
		}
	})
}
