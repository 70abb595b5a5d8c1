package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrivacyScanDismissReplaceAndSaveKey(t *testing.T) {
	sv := newServices(t)
	priv := NewPrivacyService(sv.projects.s)
	if _, err := sv.projects.Create("Privacy", "", "Aisha", "keyes"); err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(t.TempDir(), "P005.txt")
	os.WriteFile(txt, []byte("Interviewer: Who helps you? 😀\nP005: Mostly Jenny Holt, and Jenny Holt's son. Ring 07700 900123.\n"), 0o644)
	sv.answerOpen(t, txt)
	docs, err := sv.documents.ChooseAndImport()
	if err != nil {
		t.Fatal(err)
	}
	scan, err := priv.Scan()
	if err != nil {
		t.Fatal(err)
	}
	var name, phone *PrivacyGroupDTO
	for i, g := range scan.Groups {
		switch g.Kind {
		case "name":
			name = &scan.Groups[i]
		case "phone":
			phone = &scan.Groups[i]
		}
	}
	if name == nil || len(name.Findings) != 2 || name.Suggested != "[Name 1]" || phone == nil {
		t.Fatalf("scan = %+v", scan)
	}
	f := name.Findings[0]
	if f.Before != "P005: Mostly " || !strings.HasPrefix(f.After, ", and Jenny") {
		t.Errorf("context = %q | %q", f.Before, f.After)
	}
	p := phone.Findings[0]
	if err := priv.Dismiss(DismissalInput{Document: p.Document, Start: p.Start, End: p.End, Kind: p.Kind, Text: p.Text}); err != nil {
		t.Fatal(err)
	}
	var occ []PrivacyOccurrenceDTO
	for _, f := range name.Findings {
		occ = append(occ, PrivacyOccurrenceDTO{Document: f.Document, Start: f.Start, End: f.End, Text: f.Text})
	}
	sum, err := priv.Replace([]PrivacyReplacementDTO{{Kind: "name", Pseudonym: "[Name 1]", Occurrences: occ}})
	if err != nil || sum.Replacements != 2 || sum.KeyEntries != 1 {
		t.Fatalf("Replace = %+v, %v", sum, err)
	}
	doc, _ := sv.documents.Get(docs[0].ID)
	if !strings.Contains(doc.Text, "Mostly [Name 1], and [Name 1]'s son") {
		t.Errorf("text = %q", doc.Text)
	}
	scan, _ = priv.Scan()
	if scan.Findings != 0 || scan.Dismissed != 1 || scan.KeyEntries != 1 {
		t.Errorf("after: %+v", scan)
	}
	path, err := priv.SaveKey()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "[Name 1],Jenny Holt,name,2,1") {
		t.Errorf("key file:\n%s", b)
	}
}

// The window keeps the project and its search index open while it replaces:
// the original must still be gone from every file the project has.
func TestPrivacyReplaceWithTheProjectAndItsIndexOpen(t *testing.T) {
	sv := newServices(t)
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(cache, "cache"))
	t.Setenv("TMPDIR", cache)
	priv := NewPrivacyService(sv.projects.s)
	search := NewSearchService(sv.projects.s)
	defer search.release()
	info, err := sv.projects.Create("Privacy", "", "Aisha", "keyes")
	if err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(t.TempDir(), "Jenny Holt interview.txt")
	os.WriteFile(txt, []byte("Interviewer: Who helps you?\nP005: Mostly Jenny Holt, and Jenny Holt's son.\n"), 0o644)
	sv.answerOpen(t, txt)
	if _, err := sv.documents.ChooseAndImport(); err != nil {
		t.Fatal(err)
	}
	if r, err := search.Search(`"Jenny Holt"`, 10); err != nil || r.Turns != 1 {
		t.Fatalf("search = %+v, %v", r, err)
	}
	scan, err := priv.Scan()
	if err != nil {
		t.Fatal(err)
	}
	var occ []PrivacyOccurrenceDTO
	places := map[string]int{}
	for _, g := range scan.Groups {
		if g.Text != "Jenny Holt" {
			continue
		}
		for _, f := range g.Findings {
			places[f.Place]++
			if f.Place == "document name" && (f.Before != "" || f.After != " interview") {
				t.Errorf("a finding in a name shows the name around it: %+v", f)
			}
			occ = append(occ, PrivacyOccurrenceDTO{Document: f.Document, Start: f.Start, End: f.End, Text: f.Text, Place: f.Place, Case: f.Case, Attribute: f.Attribute})
		}
	}
	if places["text"] != 2 || places["document name"] != 1 {
		t.Fatalf("findings by place = %v", places)
	}
	sum, err := priv.Replace([]PrivacyReplacementDTO{{Kind: "name", Pseudonym: "[Name 1]", Occurrences: occ}})
	if err != nil || sum.Replacements != 3 || sum.Names != 1 || len(sum.Warnings) != 0 {
		t.Fatalf("Replace = %+v, %v", sum, err)
	}
	dir := filepath.Dir(info.Path)
	for _, root := range []string{dir, cache} {
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if b, _ := os.ReadFile(path); strings.Contains(strings.ToLower(string(b)), "jenny") {
					t.Errorf("%s still holds the original", path)
				}
			}
			return nil
		})
	}
	if r, err := search.Search(`"Jenny Holt"`, 10); err != nil || r.Turns != 0 {
		t.Errorf("search after = %+v, %v", r, err)
	}
	if r, err := search.Search(`"Name 1"`, 10); err != nil || r.Turns != 1 {
		t.Errorf("the rebuilt index does not find the pseudonym: %+v, %v", r, err)
	}
}

// The kind is chosen at replacement: a place found as a name gets a place's
// pseudonym, an organisation one of its own, numbered after those in use.
func TestPrivacySuggestsByTheChosenKind(t *testing.T) {
	sv := newServices(t)
	priv := NewPrivacyService(sv.projects.s)
	if _, err := sv.projects.Create("Privacy", "", "Aisha", "keyes"); err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(t.TempDir(), "P006.txt")
	os.WriteFile(txt, []byte("Interviewer: Where do you go?\nP006: To Hebden Bridge with Jenny Holt, and to [Place 1] before.\n"), 0o644)
	sv.answerOpen(t, txt)
	if _, err := sv.documents.ChooseAndImport(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ kind, text, want string }{
		{"name", "Jenny Holt", "[Name 1]"},
		{"place", "Hebden Bridge", "[Place 2]"}, // [Place 1] is in the text already
		{"Organisation", "Hebden Bridge Mind", "[Organisation 1]"},
		{"place", "Hebden Bridge", "[Place 2]"}, // the same again
	} {
		got, err := priv.Suggest(c.kind, c.text)
		if err != nil || got != c.want {
			t.Errorf("Suggest(%q, %q) = %q, %v; want %q", c.kind, c.text, got, err, c.want)
		}
	}
	if _, err := priv.Suggest("planet", "Mars"); err == nil || !strings.Contains(err.Error(), `unknown kind "planet"`) {
		t.Errorf("unknown kind: %v", err)
	}
}

// Memos are scanned as the session's coder may read them: each finding says
// which memo, on what and by whom, with the memo's line around it, and is
// dismissed and replaced like any other.
func TestPrivacyScanFindsIdentifiersInMemos(t *testing.T) {
	sv := newServices(t)
	priv := NewPrivacyService(sv.projects.s)
	memos := NewMemosService(sv.projects.s)
	info, err := sv.projects.Create("Privacy", "", "Aisha", "keyes")
	if err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(t.TempDir(), "P007.txt")
	os.WriteFile(txt, []byte("Interviewer: How are you?\nP007: I walk by the river every day now.\n"), 0o644)
	sv.answerOpen(t, txt)
	docs, err := sv.documents.ChooseAndImport()
	if err != nil {
		t.Fatal(err)
	}
	codes, _ := sv.coding.Codes()
	var pa int64
	for _, c := range codes {
		if c.Name == "Positive affect" {
			pa = c.ID
		}
	}
	seg, err := sv.coding.Apply(docs[0].ID, pa, 32, 50)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := memos.Add("segment", seg.ID, "Her carer Maria Lopez confirmed it.\nSee 01632 960001.")
	if err != nil {
		t.Fatal(err)
	}
	pm, err := memos.Add("project", 0, "Recruiting line: 07700 900456")
	if err != nil {
		t.Fatal(err)
	}
	inMemos := func() map[string]PrivacyFindingDTO {
		t.Helper()
		scan, err := priv.Scan()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]PrivacyFindingDTO{}
		for _, g := range scan.Groups {
			for _, f := range g.Findings {
				if f.Place == "memo" {
					out[f.Text] = f
					if g.Memos == 0 {
						t.Errorf("group %q counts no memo finding", g.Text)
					}
				}
			}
		}
		return out
	}
	got := inMemos()
	maria, phone := got["Maria Lopez"], got["07700 900456"]
	if maria.Memo != sm.ID || maria.MemoAuthor != "Aisha" || !strings.HasPrefix(maria.MemoOn, "segment ") || maria.Document != docs[0].ID ||
		maria.Before != "Her carer " || maria.After != " confirmed it." || maria.ContextStart != 0 {
		t.Errorf("finding in the segment memo = %+v", maria)
	}
	if phone.Memo != pm.ID || phone.MemoOn != "the project" || phone.Before != "Recruiting line: " {
		t.Errorf("finding in the project memo = %+v", phone)
	}
	if err := priv.Dismiss(DismissalInput{Memo: phone.Memo, Start: phone.Start, End: phone.End, Kind: phone.Kind, Text: phone.Text}); err != nil {
		t.Fatal(err)
	}
	if _, ok := inMemos()["07700 900456"]; ok {
		t.Error("a dismissed memo finding came back")
	}

	// Ben, in blind mode, neither sees nor dismisses what is in Aisha's segment memo
	if _, err := sv.projects.AddCoder("Ben"); err != nil {
		t.Fatal(err)
	}
	if f, ok := inMemos()["Maria Lopez"]; ok {
		t.Errorf("Ben's scan shows Aisha's segment memo: %+v", f)
	}
	if err := priv.Dismiss(DismissalInput{Memo: maria.Memo, Start: maria.Start, End: maria.End, Kind: maria.Kind, Text: maria.Text}); decodeUIError(t, err).Kind != "not_found" {
		t.Errorf("Ben dismisses a finding in Aisha's hidden memo: %v", err)
	}
	sv.projects.SelectCoder(info.Current.ID)

	sum, err := priv.Replace([]PrivacyReplacementDTO{{Kind: "name", Pseudonym: "[Name 1]", Occurrences: []PrivacyOccurrenceDTO{
		{Document: maria.Document, Start: maria.Start, End: maria.End, Text: maria.Text, Place: maria.Place, Memo: maria.Memo}}}})
	if err != nil || sum.Replacements != 1 {
		t.Fatalf("Replace = %+v, %v", sum, err)
	}
	list, _ := memos.List()
	for _, m := range list {
		if strings.Contains(m.Text, "Maria") {
			t.Errorf("memo %d still holds the name: %q", m.ID, m.Text)
		}
	}
}
