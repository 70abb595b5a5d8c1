package project

import (
	"encoding/csv"
	"errors"
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

// Memos are scanned as the viewer may read them: findings say which memo,
// a dismissal keyed by memo, span and text hides only those words, and a
// replacement takes the original out of the memo.
func TestScanFindsIdentifiersInMemosTheViewerMayRead(t *testing.T) {
	p, doc, aisha, ben, segA, segB := memoStudy(t)
	add := func(v Viewer, kind string, target int64, text string) MemoView {
		t.Helper()
		m, err := AddMemo(p, v, kind, target, text)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	proj := add(aisha, store.MemoProject, 0, "P001's daughter rang from 07700 900456 about the walks.")
	docMemo := add(ben, store.MemoDocument, doc, "Follow up: Jenny Holt will write from maria@example.org")
	add(aisha, store.MemoSegment, segA.ID, "Aisha's note: see 01632 960001.")
	bens := add(ben, store.MemoSegment, segB.ID, "Ben's note: the river walk group, 01632 960999.")

	inMemos := func(res ScanResult) map[string]ScanFinding {
		out := map[string]ScanFinding{}
		for _, f := range res.Findings {
			if f.Place == store.PlaceMemo {
				out[f.Text] = f
			}
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		scan      func() (ScanResult, error)
		want, not []string
	}{
		{"the lead in blind mode", func() (ScanResult, error) { return ScanAs(p, aisha, nil, nil) },
			[]string{"07700 900456", "maria@example.org", "01632 960001"}, []string{"01632 960999"}},
		{"Ben in blind mode", func() (ScanResult, error) { return ScanAs(p, ben, nil, nil) },
			[]string{"07700 900456", "maria@example.org", "01632 960999"}, []string{"01632 960001"}},
		{"the command line", func() (ScanResult, error) { return Scan(p, nil, nil) },
			[]string{"07700 900456", "maria@example.org", "01632 960001", "01632 960999"}, nil},
	} {
		res, err := tc.scan()
		if err != nil {
			t.Fatal(err)
		}
		got := inMemos(res)
		for _, w := range tc.want {
			if _, ok := got[w]; !ok {
				t.Errorf("%s: no finding %q in a memo; memo findings %v", tc.name, w, got)
			}
		}
		for _, n := range tc.not {
			if _, ok := got[n]; ok {
				t.Errorf("%s: finds %q in a memo blind mode hides", tc.name, n)
			}
		}
	}

	res, _ := ScanAs(p, ben, nil, nil)
	got := inMemos(res)
	for _, tc := range []struct {
		text string
		memo MemoView
		on   string
	}{
		{"07700 900456", proj, "the project"},
		{"maria@example.org", docMemo, "document “P001”"},
		{"01632 960999", bens, bens.On()},
	} {
		f := got[tc.text]
		if f.Memo.ID != tc.memo.ID || f.Memo.On != tc.on || f.Memo.Author != tc.memo.AuthorName || f.Memo.Text != tc.memo.Text ||
			string([]rune(tc.memo.Text)[f.Start:f.End]) != tc.text {
			t.Errorf("finding %q = %+v; want memo %d on %s by %s", tc.text, f, tc.memo.ID, tc.on, tc.memo.AuthorName)
		}
	}
	for _, g := range res.Groups {
		if g.Text == "07700 900456" && (g.Memos != 1 || len(g.DocumentIDs) != 0) {
			t.Errorf("group %q counts %d memos, documents %v", g.Text, g.Memos, g.DocumentIDs)
		}
	}

	// dismissing a memo finding hides it from every scan
	lead, _ := p.Lead()
	f := got["07700 900456"]
	if err := p.Dismiss(store.Dismissal{Memo: f.Memo.ID, Start: f.Start, End: f.End, Kind: f.Kind, Text: f.Text}, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.Dismiss(store.Dismissal{Memo: f.Memo.ID, Start: 500, End: 510, Kind: f.Kind, Text: "x"}, lead.ID); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("a span beyond the memo was dismissed: %v", err)
	}
	if err := p.Dismiss(store.Dismissal{Memo: 999, Start: 0, End: 1, Kind: f.Kind, Text: "x"}, lead.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a finding in a missing memo was dismissed: %v", err)
	}
	again, _ := ScanAs(p, ben, nil, nil)
	if _, ok := inMemos(again)["07700 900456"]; ok || again.Dismissed != res.Dismissed+1 {
		t.Errorf("after dismissal: memo findings %v, dismissed %d (before %d)", inMemos(again), again.Dismissed, res.Dismissed)
	}
	// an edit that puts other words at the dismissed place brings them up
	if _, err := EditMemo(p, aisha, proj.ID, "P001's daughter rang from 07700 900777 about the walks."); err != nil {
		t.Fatal(err)
	}
	again, _ = ScanAs(p, ben, nil, nil)
	if _, ok := inMemos(again)["07700 900777"]; !ok {
		t.Errorf("the dismissal hid other words in the edited memo: %v", inMemos(again))
	}

	// replace everywhere takes originals found only in a memo out of it
	mail, name := inMemos(again)["maria@example.org"], inMemos(again)["Jenny Holt"]
	out, err := Replace(p, []PseudonymChoice{
		{Kind: mail.Kind, Pseudonym: "[Email 1]", Occurrences: []Occurrence{OccurrenceOf(mail)}},
		{Kind: name.Kind, Pseudonym: "[Name 1]", Occurrences: []Occurrence{OccurrenceOf(name)}},
	}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := p.Memo(docMemo.ID)
	if out.Replacements != 2 || out.Memos != 1 || m.Text != "Follow up: [Name 1] will write from [Email 1]" {
		t.Errorf("replace = %+v; memo now %q", out, m.Text)
	}
	if after, err := Scan(p, nil, nil); err != nil || len(inMemos(after)) == 0 {
		t.Errorf("scan after the replacement: %v, memo findings %v", err, inMemos(after))
	} else if _, ok := inMemos(after)["maria@example.org"]; ok {
		t.Error("the email is still found in a memo after the replacement")
	} else if _, ok := inMemos(after)["Jenny Holt"]; ok {
		t.Error("the name is still found in a memo after the replacement")
	}
}
