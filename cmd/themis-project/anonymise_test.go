package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/store"
)

func TestAnonymiseReplaceTextAndNamesWithAKey(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "study.themis")
	mustRun(t, "new", proj, "--lead", "Aisha")
	txt := writeFile(t, dir, "Jenny Holt interview 2024-03-07.txt",
		"Interviewer: Who rang?\nP001: Jenny Holt rang, and jenny holt came round. [Name 1] and [Name 2] are in another story.\n")
	mustRun(t, "import", proj, txt)
	mustRun(t, "cases", "link", proj, "Jenny Holt interview 2024-03-07", "Jenny Holt")
	key := filepath.Join(t.TempDir(), "key.csv")

	out := mustRun(t, "anonymise", "replace", proj, "--text", "Jenny Holt", "--kind", "name", "--key", key)
	// [Name 1] and [Name 2] are in the text already: the app would say [Name 3]
	want := `Replaced "Jenny Holt" with [Name 3]: 4 occurrences — 2 in the text of 1 document, 1 document name, 1 case name.`
	if !strings.Contains(out, want) {
		t.Errorf("output:\n%s\nwant %s", out, want)
	}
	if text := mustRun(t, "text", proj, "[Name 3] interview 2024-03-07"); !strings.Contains(text, "P001: [Name 3] rang, and [Name 3] came round.") {
		t.Errorf("text = %q", text)
	}
	if cases := mustRun(t, "cases", "list", proj); strings.Contains(cases, "Jenny") || !strings.Contains(cases, "[Name 3]") {
		t.Errorf("cases:\n%s", cases)
	}
	if j := mustRun(t, "journal", proj); strings.Contains(strings.ToLower(j), "jenny") {
		t.Errorf("the journal keeps the original:\n%s", j)
	}

	// a second run adds to the key rather than overwriting it
	txt2 := writeFile(t, dir, "P002.txt", "Interviewer: Anyone else?\nP002: Kwame Mensah, on 07700 900123.\n")
	mustRun(t, "import", proj, txt2)
	out = mustRun(t, "anonymise", "replace", proj, "--text", "07700 900123", "--with", "[Phone 1]", "--kind", "phone", "--key", key)
	if !strings.Contains(out, `Replaced "07700 900123" with [Phone 1]: 1 occurrence — 1 in the text of 1 document.`) {
		t.Errorf("output:\n%s", out)
	}
	b, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); got != "pseudonym,original,kind,occurrences,documents\n[Name 3],Jenny Holt,name,3,1\n[Name 3],jenny holt,name,1,1\n[Phone 1],07700 900123,phone,1,1\n" {
		t.Errorf("key file:\n%s", got)
	}
	b, _ = os.ReadFile(proj)
	if strings.Contains(strings.ToLower(string(b)), "jenny") || strings.Contains(string(b), "07700 900123") {
		t.Error("the project file keeps an original")
	}
}

func TestAnonymiseReplaceRefusals(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "study.themis")
	mustRun(t, "new", proj, "--lead", "Aisha")
	mustRun(t, "import", proj, writeFile(t, dir, "P001.txt", "Interviewer: Who?\nP001: Jenny Holt.\n"))
	notKey := writeFile(t, dir, "notes.csv", "a,b\n1,2\n")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"anonymise", "replace", proj, "--with", "[Name 1]"}, 2, "--text is required"},
		{[]string{"anonymise", "replace", proj, "--text", "Jenny Holt"}, 2, "give --with"},
		{[]string{"anonymise", "replace", proj, "--text", "Jenny Holt", "--kind", "pet"}, 2, `--kind "pet"`},
		{[]string{"anonymise", "replace", proj, "--text", "Nobody", "--with", "X"}, 1, `"Nobody" is nowhere in`},
		{[]string{"anonymise", "replace", proj, "--text", "Jenny Holt", "--with", "[Name 1]", "--key", filepath.Join(dir, "key.themis")}, 1, "outside the project"},
		{[]string{"anonymise", "replace", proj, "--text", "Jenny Holt", "--with", "[Name 1]", "--key", proj + "-search/key.csv"}, 1, "apart from the project"},
		{[]string{"anonymise", "replace", proj, "--text", "Jenny Holt", "--with", "[Name 1]", "--key", notKey}, 1, "not a Themis key file"},
		{[]string{"anonymise", "replace", proj, "--text", "Jenny", "--with", "Jenny H."}, 1, "still holds the original"},
	} {
		_, errOut, code := themis(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("themis %v: exit %d, %q; want %d and %q", tc.args[3:], code, errOut, tc.code, tc.want)
		}
	}
	if text := mustRun(t, "text", proj, "P001"); !strings.Contains(text, "Jenny Holt") {
		t.Errorf("a refused replacement changed the text: %q", text)
	}
	if b, _ := os.ReadFile(notKey); string(b) != "a,b\n1,2\n" {
		t.Errorf("a file that is not a key was written to: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "key.themis")); err == nil {
		t.Error("a key file named .themis was made")
	}

	p, err := store.Open(proj) // as the desktop app would hold it
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	_, errOut, code := themis(t, "anonymise", "replace", proj, "--text", "Jenny Holt", "--with", "[Name 1]")
	if code != 1 || !strings.Contains(errOut, "project is open in another window") {
		t.Errorf("with the project open elsewhere: exit %d, %q", code, errOut)
	}
}
