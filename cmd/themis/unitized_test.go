package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"themis/coding"
)

// The hand-worked cases of coding/unitized_test.go, through the command line.
func TestUnitizedCLISwapped(t *testing.T) {
	m := reliabilityJSONOut(t, "--unitized", "testdata/unitized_swapped.csv", "--length", "10", "--json")
	for key, want := range map[string]float64{"u_alpha": -0.5, "cu_alpha": -0.5} {
		s := stat(t, m, key)
		if s.Value == nil || math.Abs(*s.Value-want) > 1e-12 || s.Undefined != nil || s.CI != nil {
			t.Errorf("%s = %+v, want %v", key, s, want)
		}
	}
	b := stat(t, m, "binary_u_alpha")
	if b.Value != nil || b.Undefined == nil || *b.Undefined != coding.ReasonUnitizedAllCoded {
		t.Errorf("binary_u_alpha = %+v, want undefined", b)
	}
	var k map[string]statJSON
	if err := json.Unmarshal(m["k_u_alpha"], &k); err != nil {
		t.Fatal(err)
	}
	// k_u_alpha is eq. 13 (−0.5 here, as cuα: the two codes pair alike);
	// the binary per-category uα (−0.7) has its own key.
	if len(k) != 2 || k["A"].Value == nil || math.Abs(*k["A"].Value+0.5) > 1e-12 || k["B"].Value == nil {
		t.Errorf("k_u_alpha = %s", m["k_u_alpha"])
	}
	var kb map[string]statJSON
	if err := json.Unmarshal(m["binary_u_alpha_by_category"], &kb); err != nil {
		t.Fatal(err)
	}
	if len(kb) != 2 || kb["A"].Value == nil || math.Abs(*kb["A"].Value+0.7) > 1e-12 {
		t.Errorf("binary_u_alpha_by_category = %s", m["binary_u_alpha_by_category"])
	}
	// The raw JSON has null, not a missing key, for an undefined value and
	// for the interval.
	var bin, u bytes.Buffer
	if json.Compact(&bin, m["binary_u_alpha"]) != nil || json.Compact(&u, m["u_alpha"]) != nil ||
		!strings.Contains(bin.String(), `"value":null`) || !strings.Contains(u.String(), `"ci":null`) {
		t.Errorf("JSON shape: %s %s", m["binary_u_alpha"], m["u_alpha"])
	}

	out := mustRun(t, "reliability", "--length", "10", "--unitized", "testdata/unitized_swapped.csv")
	for _, want := range []string{
		"2 coders (Aisha, Ben), 4 segments, continuum length 10, categories: A, B",
		"uα (units and categories)              -0.500",
		"|uα (coded or not)                     -       undefined: " + coding.ReasonUnitizedAllCoded,
		"(A)uα                                  -0.500",
		"binary uα of A                         -0.700",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestUnitizedCLIThreeCoders(t *testing.T) {
	m := reliabilityJSONOut(t, "--unitized=testdata/unitized_three.csv", "--length=60", "--json")
	u := stat(t, m, "u_alpha")
	if u.Value == nil || math.Abs(*u.Value-552328.0/1386720) > 1e-12 {
		t.Errorf("u_alpha = %+v", u)
	}
	var coders []string
	if err := json.Unmarshal(m["coders"], &coders); err != nil || strings.Join(coders, ",") != "Aisha,Ben,Chen" {
		t.Errorf("coders %s (BOM not stripped?)", m["coders"])
	}
}

func TestUnitizedCLIErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, csv string
		args      []string
		code      int
		want      string
	}{
		{"ragged", "A,0,5,x\nB,0,5\n", nil, 1, "row 2 has 3 fields, expected 4"},
		{"offset", "coder,start,end,category\nA,0,5,x\nB,zero,5,x\n", nil, 1, `row 3: start "zero" is not a whole number`},
		{"end", "A,0,5,x\nB,0,5,x\nA,6,9,x\nB,900,1200,x\n", nil, 1, "row 4: end 1200 is beyond the continuum length 1000"},
		{"order", "A,0,5,x\nB,5,5,x\n", nil, 1, "row 2: start 5 is not before end 5"},
		{"negative", "A,-3,5,x\nB,0,5,x\n", nil, 1, "row 1: start -3 is negative"},
		{"overlap", "A,0,5,x\nB,0,5,x\nA,4,8,y\n", nil, 1, "rows 1 and 3: units of coder A overlap"},
		{"one coder", "A,0,5,x\nA,6,9,x\n", nil, 1, "only one coder (A)"},
		{"no rows", "coder,start,end,category\n", nil, 1, "no segments"},
		{"empty category", "A,0,5,\nB,0,5,x\n", nil, 1, "row 1: the category is empty"},
		{"negative length", "A,0,5,x\nB,0,5,x\n", []string{"--length", "-1"}, 2, "--length -1 is a negative length"},
		{"huge length", "A,0,5,x\nB,0,5,x\n", []string{"--length", "9223372036854775807"}, 1, "exact up to a total length of 1152921504606846975"},
		{"zero length", "A,0,5,x\nB,0,5,x\n", []string{"--length", "0"}, 2, "--length must be positive"},
		{"positional", "A,0,5,x\nB,0,5,x\n", []string{"--length", "10", "extra.csv"}, 2, "unexpected argument extra.csv"},
	} {
		path := writeFile(t, dir, "u.csv", tc.csv)
		args := []string{"reliability", "--unitized", path}
		if tc.args == nil {
			args = append(args, "--length", "1000")
		} else {
			args = append(args, tc.args...)
		}
		_, errOut, code := themis(t, args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", tc.name, code, errOut, tc.code, tc.want)
		}
		if tc.code == 1 && !strings.Contains(errOut, path) {
			t.Errorf("%s: the message does not name the file: %q", tc.name, errOut)
		}
	}
	// Missing --length altogether.
	_, errOut, code := themis(t, "reliability", "--unitized", "testdata/unitized_swapped.csv")
	if code != 2 || !strings.Contains(errOut, "--length is required") {
		t.Errorf("missing --length: exit %d, %q", code, errOut)
	}
	// The ordinary reliability command is untouched.
	if wantsUnitized([]string{"data.csv", "--", "--unitized"}) || !wantsUnitized([]string{"-unitized=x"}) {
		t.Error("wantsUnitized")
	}
}

// FuzzUnitizedCSV: the reader never panics, and whatever it accepts either
// gives a clean error from coding.Unitized (a length too long for exact
// sums among them) or coefficients that are defined
// with a reason or are numbers no greater than 1.
func FuzzUnitizedCSV(f *testing.F) {
	f.Add([]byte("coder,start,end,category\nA,0,5,x\nB,0,5,x\n"), 10)
	f.Add([]byte("A,0,5,x\nA,5,9,y\nB,2,7,x\nC,0,10,y\n"), 10)
	f.Add([]byte("\ufeffA,\"1\",2,\"a,b\"\nB,1,2,c\n\n"), 3)
	f.Add([]byte("A,0,5\n"), 5)
	f.Fuzz(func(t *testing.T, data []byte, length int) {
		coders, segs, rows, err := readUnitizedCSV(bytes.NewReader(data))
		if err != nil {
			return
		}
		if len(segs) == 0 || len(rows) != len(segs) || len(coders) == 0 {
			t.Fatalf("accepted %d segments, %d rows, %d coders", len(segs), len(rows), len(coders))
		}
		if length <= 0 || len(coders) < 2 {
			return
		}
		r, err := coding.Unitized([]int{length}, len(coders), segs, coding.UnitizedOptions{})
		if err != nil {
			return
		}
		all := []coding.Statistic{r.UAlpha, r.BinaryUAlpha, r.CUAlpha}
		for _, s := range r.KUAlpha {
			all = append(all, s)
		}
		for _, s := range all {
			if (s.Value == nil) == (s.Undefined == nil) {
				t.Fatalf("statistic %+v is neither or both", s)
			}
			if s.Value != nil && (math.IsNaN(*s.Value) || *s.Value > 1+1e-12) {
				t.Fatalf("value %v", *s.Value)
			}
		}
	})
}
