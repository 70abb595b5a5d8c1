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
	if err := priv.Dismiss(p.Document, p.Start, p.End, p.Kind, p.Text); err != nil {
		t.Fatal(err)
	}
	var occ []PrivacyOccurrenceDTO
	for _, f := range name.Findings {
		occ = append(occ, PrivacyOccurrenceDTO{f.Document, f.Start, f.End, f.Text})
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
