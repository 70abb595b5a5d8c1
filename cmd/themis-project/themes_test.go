package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// demoProject writes the demo study (nine interviews, two coders, cases
// with a role) and returns its path.
func demoProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", path)
	return path
}

// TestSummaryContract checks the keys of themis summary --format json, that
// a factor row rolls up its codes, that every format gives the same
// figures, and the text caption.
func TestSummaryContract(t *testing.T) {
	path := demoProject(t)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "summary", path, "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 16 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		var keys []string
		for k := range r {
			keys = append(keys, k)
		}
		if len(keys) != 6 || r["code"] == nil || r["segments"] == nil || r["documents"] == nil || r["cases"] == nil || r["words"] == nil {
			t.Fatalf("row keys %v", keys)
		}
		if _, ok := r["factor"]; !ok {
			t.Fatalf("no factor key: %v", r)
		}
	}
	if rows[0]["code"] != "Emotional well-being" || rows[0]["factor"] != nil || rows[1]["factor"] != "Emotional well-being" {
		t.Errorf("first rows %v, %v", rows[0], rows[1])
	}
	// In one coder's layer a factor's segments are its codes' segments.
	var aisha []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "summary", path, "--coder", "Aisha", "--format", "json")), &aisha); err != nil {
		t.Fatal(err)
	}
	if f, a, b := aisha[0]["segments"].(float64), aisha[1]["segments"].(float64), aisha[2]["segments"].(float64); f != a+b || f == 0 {
		t.Errorf("Emotional well-being %v ≠ %v + %v", f, a, b)
	}
	csv := mustRun(t, "summary", path, "--format", "csv")
	lines := strings.Split(strings.TrimSpace(csv), "\n")
	if lines[0] != "code,factor,segments,documents,cases,words" || len(lines) != 17 {
		t.Fatalf("csv header %q, %d lines", lines[0], len(lines))
	}
	wantSecond := []string{"Positive affect", "Emotional well-being", ftoa(rows[1]["segments"]), ftoa(rows[1]["documents"]), ftoa(rows[1]["cases"]), ftoa(rows[1]["words"])}
	if lines[2] != strings.Join(wantSecond, ",") {
		t.Errorf("csv row %q, want %q", lines[2], strings.Join(wantSecond, ","))
	}
	text := mustRun(t, "summary", path)
	if !strings.HasPrefix(text, "Prevalence per code — Keyes: flourishing — All coders, 9 cases in 9 documents\n") {
		t.Errorf("text caption: %q", strings.SplitN(text, "\n", 2)[0])
	}
}

func ftoa(v any) string { return itoa(int(v.(float64))) }

func TestSummaryByAttribute(t *testing.T) {
	path := demoProject(t)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "summary", path, "--by", "role", "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	withValue := map[string]float64{}
	for _, r := range rows {
		if len(r) != 5 || r["code"] == nil || r["value"] == nil || r["segments"] == nil || r["cases"] == nil || r["cases_with_value"] == nil {
			t.Fatalf("row %v", r)
		}
		withValue[r["value"].(string)] = r["cases_with_value"].(float64)
		if r["cases"].(float64) > r["cases_with_value"].(float64) {
			t.Errorf("more cases than have the value: %v", r)
		}
	}
	// The demo's nine cases: five patients, two link workers, a provider and a commissioner.
	if withValue["patient"] != 5 || withValue["link worker"] != 2 || withValue["provider"] != 1 || withValue["commissioner"] != 1 || len(withValue) != 4 {
		t.Errorf("cases with each value: %v", withValue)
	}
	csv := mustRun(t, "summary", path, "--by", "role", "--format", "csv")
	if !strings.HasPrefix(csv, "code,value,segments,cases,cases_with_value\n") {
		t.Errorf("csv header: %q", csv[:50])
	}
}

func TestCooccurrenceContract(t *testing.T) {
	path := demoProject(t)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "cooccurrence", path, "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("the demo has no co-occurring codes")
	}
	seen := map[string]bool{}
	for _, r := range rows {
		a, b := r["code_a"].(string), r["code_b"].(string)
		if len(r) != 3 || a == b || r["count"].(float64) <= 0 || seen[b+"|"+a] {
			t.Errorf("row %v", r)
		}
		seen[a+"|"+b] = true
	}
	var withJ []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "cooccurrence", path, "--jaccard", "--format", "json")), &withJ); err != nil {
		t.Fatal(err)
	}
	if len(withJ) != len(rows) || withJ[0]["jaccard"] == nil || withJ[0]["jaccard"].(float64) <= 0 {
		t.Errorf("--jaccard rows %v", withJ[0])
	}
	// Aisha's pairs are some of all coders' pairs, never more.
	var aisha []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "cooccurrence", path, "--coder", "Aisha", "--format", "json")), &aisha); err != nil {
		t.Fatal(err)
	}
	total := func(rs []map[string]any) (n float64) {
		for _, r := range rs {
			n += r["count"].(float64)
		}
		return n
	}
	if total(aisha) > total(rows) {
		t.Errorf("Aisha %v > all %v", total(aisha), total(rows))
	}
	csv := mustRun(t, "cooccurrence", path, "--jaccard", "--format", "csv")
	if !strings.HasPrefix(csv, "code_a,code_b,count,jaccard\n") {
		t.Errorf("csv: %q", csv)
	}
}

func TestThemeCommandsNameUnknownThings(t *testing.T) {
	path := demoProject(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"summary", path, "--coder", "Nobody"}, `unknown coder "Nobody"`},
		{[]string{"summary", path, "--framework", "Nope"}, `unknown framework "Nope"`},
		{[]string{"summary", path, "--by", "shoe size"}, `"shoe size"`},
		{[]string{"summary", path, "--consensus"}, "no consensus layer: adjudicate first"},
		{[]string{"summary", path, "--consensus", "--coder", "Aisha"}, "not both"},
		{[]string{"summary", path, "--format", "xml"}, "--format"},
		{[]string{"cooccurrence", path, "--framework", "Keyes: flourishing", "--with", "Nope"}, `unknown framework "Nope"`},
		{[]string{"cooccurrence", path, "--with", "Keyes: flourishing"}, "say --framework too"},
		{[]string{"cooccurrence", path, "--coder", "Nobody"}, `unknown coder "Nobody"`},
	} {
		_, errOut, code := themis(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args[2:], code, errOut, tc.want)
		}
	}
}
