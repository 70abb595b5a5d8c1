package project

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/anonymise"
	"themis/frameworks"
	"themis/store"
)

func scanProject(t *testing.T) (*store.Project, int64) {
	t.Helper()
	dir := t.TempDir()
	p, err := store.Create(filepath.Join(dir, "scan.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	files := map[string]string{
		"one.txt": "Interviewer: How did you hear about it?\nSarah Whitfield: My link worker Jenny Holt rang me on 07700 900123.\nInterviewer: And the group?\nSarah Whitfield: It meets at 14 Elm Tree Road, S60 2TH.\n",
		"two.txt": "Interviewer: Who helped?\nP002: Jenny Holt did, and JENNY HOLT again. Sarah Whitfield was there too.\n",
	}
	var paths []string
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	if _, err := ImportFiles(p, paths, 0, nil); err != nil {
		t.Fatal(err)
	}
	lead, _ := p.Lead()
	return p, lead.ID
}

func TestScanGroupsDismissesAndReplaces(t *testing.T) {
	p, lead := scanProject(t)
	ps := NewPseudonyms()
	res, err := Scan(p, ps, nil)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]ScanGroup{}
	for _, g := range res.Groups {
		groups[strings.ToLower(g.Text)] = g
	}
	jenny, ok := groups["jenny holt"]
	if !ok || len(jenny.Findings) != 2 || len(jenny.DocumentIDs) != 2 {
		t.Fatalf("Jenny Holt group = %+v; groups %v", jenny, res.Groups)
	}
	sarah := groups["sarah whitfield"]
	if len(sarah.Findings) != 3 { // two speaker labels and one mention in the other document
		t.Fatalf("Sarah Whitfield group = %+v", sarah)
	}
	if !strings.HasPrefix(jenny.Suggested, "[Name ") || jenny.Suggested == sarah.Suggested {
		t.Errorf("suggestions %q and %q", jenny.Suggested, sarah.Suggested)
	}
	if g := groups["s60 2th"]; g.Suggested != "[Place 2]" && g.Suggested != "[Place 1]" {
		t.Errorf("postcode suggestion = %q", g.Suggested)
	}
	// the same original gets the same pseudonym on a second scan of the session
	again, _ := Scan(p, ps, nil)
	for _, g := range again.Groups {
		if strings.EqualFold(g.Text, "jenny holt") && g.Suggested != jenny.Suggested {
			t.Errorf("second scan suggests %q, first %q", g.Suggested, jenny.Suggested)
		}
	}

	phone := groups["07700 900123"]
	f := phone.Findings[0]
	if err := p.Dismiss(store.Dismissal{Document: f.Document, Start: f.Start, End: f.End, Kind: f.Kind, Text: f.Text}, lead); err != nil {
		t.Fatal(err)
	}
	res, _ = Scan(p, ps, nil)
	if res.Dismissed != 1 {
		t.Errorf("dismissed = %d", res.Dismissed)
	}
	for _, g := range res.Groups {
		if g.Text == "07700 900123" {
			t.Errorf("a dismissed finding came back: %+v", g)
		}
	}

	var occ []Occurrence
	for _, g := range res.Groups {
		if strings.EqualFold(g.Text, "jenny holt") || g.Text == "Sarah Whitfield" {
			for _, f := range g.Findings {
				occ = append(occ, Occurrence{Document: f.Document, Start: f.Start, End: f.End, Text: f.Text})
			}
		}
	}
	out, err := Replace(p, []PseudonymChoice{{Kind: "name", Pseudonym: "[Name 1]", Occurrences: occ[:2]}, {Kind: "name", Pseudonym: "[Name 2]", Occurrences: occ[2:]}}, lead)
	if err != nil {
		t.Fatal(err)
	}
	if out.Replacements != 5 || out.Documents != 2 || len(out.Key) < 2 {
		t.Errorf("replace = %+v", out)
	}
	after, _ := Scan(p, ps, nil)
	for _, g := range after.Groups {
		if g.Kind == "name" {
			t.Errorf("a name is left after the replacement: %+v", g)
		}
	}
	keyPath := filepath.Join(t.TempDir(), "key.csv")
	if err := WriteKeyFile(keyPath, out.Key); err != nil {
		t.Fatal(err)
	}
	f2, _ := os.Open(keyPath)
	rows, err := csv.NewReader(f2).ReadAll()
	f2.Close()
	if err != nil || len(rows) != len(out.Key)+1 || rows[0][0] != "pseudonym" {
		t.Errorf("key file rows = %v, %v", rows, err)
	}
	if err := WriteKeyFile(filepath.Join(t.TempDir(), "x.themis"), out.Key); err == nil {
		t.Error("a key file named .themis was written")
	}
}

func TestPseudonymsSkipThoseInTheText(t *testing.T) {
	ps := NewPseudonyms()
	ps.taken["[Name 1]"] = true
	if got := ps.For("name", "Sarah"); got != "[Name 2]" {
		t.Errorf("For = %q", got)
	}
	if a, b := ps.For("name", "SARAH"), ps.For("postcode", "S60 2TH"); a != "[Name 2]" || b != "[Place 1]" {
		t.Errorf("For = %q, %q", a, b)
	}
}

// The suggestions count down the list as the Anonymise tab shows it: each
// label's numbers rise with the groups' order, whatever order the names were
// met in while reading.
func TestSuggestionsNumberedInListOrder(t *testing.T) {
	fs := []ScanFinding{
		{Finding: anonymise.Finding{Kind: anonymise.KindName, Text: "Zoe Marsh", Confidence: 0.6}},
		{Finding: anonymise.Finding{Kind: anonymise.KindName, Text: "Jenny Holt", Confidence: 0.9}},
		{Finding: anonymise.Finding{Kind: anonymise.KindName, Text: "Amir Shah", Confidence: 0.6}},
		{Finding: anonymise.Finding{Kind: anonymise.KindPostcode, Text: "S60 2TH", Confidence: 0.95}},
	}
	groups := GroupFindings(fs, NewPseudonyms())
	var got []string
	for _, g := range groups {
		got = append(got, g.Text+"="+g.Suggested)
	}
	want := []string{"S60 2TH=[Place 1]", "Jenny Holt=[Name 1]", "Amir Shah=[Name 2]", "Zoe Marsh=[Name 3]"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("got %v, want %v", got, want)
	}
	if l := PseudonymLabel(Kinds["organisation"]); l != "Organisation" {
		t.Errorf("organisation label %q", l)
	}
}
