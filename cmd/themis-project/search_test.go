package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestSearchJSONHitsAreCodePointSpans(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Demo.themis")
	mustRun(t, "demo", path)
	var hits []searchHitJSON
	if err := json.Unmarshal([]byte(mustRun(t, "search", path, `"link worker"`, "-social", "--json")), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits) < 3 {
		t.Fatalf("%d hits, want several", len(hits))
	}
	texts := map[string][]rune{}
	for _, h := range hits {
		if texts[h.Document] == nil {
			texts[h.Document] = []rune(strings.TrimSuffix(mustRun(t, "text", path, h.Document), "\n"))
		}
		got := strings.ToLower(string(texts[h.Document][h.Start:h.End]))
		if !strings.HasPrefix(got, "link worker") || !strings.Contains(strings.ToLower(h.Snippet), got) || h.Speaker == "" {
			t.Errorf("%+v: span is %q", h, got)
		}
	}
	// The same query as separate arguments, with a limit.
	out := mustRun(t, "search", path, `"link`, `worker"`, "--limit", "1")
	if !strings.Contains(out, "[link worker]") && !strings.Contains(out, "[Link worker]") || !strings.Contains(out, "--limit 0 shows all") {
		t.Errorf("text output:\n%s", out)
	}
}

func TestSearchRefusesABadQuery(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Demo.themis")
	mustRun(t, "demo", path)
	for q, want := range map[string]string{
		`"unclosed`:                       "not closed",
		"colour:blue":                     `no field "colour:"`,
		"walk~7":                          "1 or 2",
		strings.Repeat("a", 100000) + "~": "the query is too complex",
	} {
		_, errOut, code := themis(t, "search", path, q)
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, %q; want 2 and %q", q, code, errOut, want)
		}
	}
	if out := mustRun(t, "search", path, "zzyzx"); !strings.Contains(out, "No turns match") {
		t.Errorf("no hits: %q", out)
	}
}
