package project

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"themis/frameworks"
	"themis/search"
	"themis/store"
)

// utf16le is s as UTF-16 little-endian bytes, the way a tool on Windows
// would look for it.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// leftovers lists every file under the folders that holds original, in
// UTF-8 or UTF-16, or any of its words in lower case (as a search index
// keeps its terms).
func leftovers(t *testing.T, original string, dirs ...string) []string {
	t.Helper()
	needles := [][]byte{[]byte(original), utf16le(original)}
	for _, w := range strings.Fields(strings.ToLower(original)) {
		needles = append(needles, []byte(w), utf16le(w))
	}
	var found []string
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Errorf("read %s: %v", path, err)
				return nil
			}
			for _, needle := range needles {
				if bytes.Contains(b, needle) {
					rel, _ := filepath.Rel(dir, path)
					found = append(found, rel)
					break
				}
			}
			return nil
		})
	}
	return found
}

// wipeProject is a project in its own folder, with the user cache and the
// temporary folder inside the test's, so every place a search index may
// live is looked at.
func wipeProject(t *testing.T, files map[string]string) (p *store.Project, dir, cache string) {
	t.Helper()
	dir = t.TempDir()
	cache = t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(cache, "cache"))
	t.Setenv("TMPDIR", filepath.Join(cache, "tmp"))
	os.MkdirAll(filepath.Join(cache, "tmp"), 0o755)
	p, err := store.Create(filepath.Join(dir, "study.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	src := t.TempDir()
	var paths []string
	for name, text := range files {
		path := filepath.Join(src, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	if _, err := ImportFiles(p, paths, 0, nil); err != nil {
		t.Fatal(err)
	}
	return p, dir, cache
}

// replaceGroup replaces every finding of the group whose text is original.
func replaceGroup(t *testing.T, p *store.Project, original, with string) ReplaceResult {
	t.Helper()
	res, err := Scan(p, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var choice PseudonymChoice
	for _, g := range res.Groups {
		if strings.EqualFold(g.Text, original) {
			choice = PseudonymChoice{Kind: g.Kind, Pseudonym: with}
			for _, f := range g.Findings {
				choice.Occurrences = append(choice.Occurrences, OccurrenceOf(f))
			}
		}
	}
	if len(choice.Occurrences) == 0 {
		t.Fatalf("no finding of %q in %+v", original, res.Groups)
	}
	out, err := Replace(p, []PseudonymChoice{choice}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReplaceLeavesNoTraceInTheFileOrItsSidecars(t *testing.T) {
	p, dir, cache := wipeProject(t, map[string]string{
		"P001.txt": "Interviewer: Who rang you?\nP001: My link worker Jenny Holt rang me. Jenny Holt said the walking group meets on Tuesdays.\n" +
			strings.Repeat("P001: We walked by the canal and talked about the week, the weather and the allotment.\n", 200),
	})
	lead, _ := p.Lead()
	if err := p.RenameDocument(1, "P001 interview", lead.ID); err != nil {
		t.Fatal(err)
	}
	// the index of turns is built while the original is still there
	ix, err := OpenSearch(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Query(`"Jenny Holt"`, search.Options{})
	if err != nil || hits.Turns == 0 {
		t.Fatalf("the index does not hold the original: %+v, %v", hits, err)
	}
	ix.Close()
	if got := leftovers(t, "Jenny Holt", dir, cache); len(got) == 0 {
		t.Fatal("the original is nowhere before the replacement: the test would prove nothing")
	}

	out := replaceGroup(t, p, "Jenny Holt", "[Name 1]")
	if out.Replacements != 2 {
		t.Fatalf("replaced %+v", out)
	}
	// the project is still open, as in the app
	if got := leftovers(t, "Jenny Holt", dir, cache); len(got) > 0 {
		t.Errorf("the original is still in %v", got)
	}
	for _, e := range mustJournal(t, p) {
		if strings.Contains(e.Detail, "Jenny") {
			t.Errorf("journal %s keeps the original: %s", e.Action, e.Detail)
		}
	}
	d, _ := p.Document(1)
	if !strings.Contains(d.Text, "link worker [Name 1] rang me. [Name 1] said") {
		t.Errorf("text = %.120q", d.Text)
	}
	// searching again rebuilds the index from the replaced text
	ix, err = OpenSearch(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if hits, _ := ix.Query(`"Jenny Holt"`, search.Options{}); hits.Turns != 0 {
		t.Errorf("the rebuilt index still finds the original in %d turns", hits.Turns)
	}
}

func mustJournal(t *testing.T, p *store.Project) []store.JournalEntry {
	t.Helper()
	j, err := p.Journal(0)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestReplaceReachesDocumentCaseAndAttributeNames(t *testing.T) {
	p, dir, cache := wipeProject(t, map[string]string{
		"Jenny Holt interview 2024-03-07.txt": "Interviewer: How did it start?\nJenny Holt: I rang the surgery and they sent me to the walking group.\nInterviewer: And since?\nJenny Holt: I go every Tuesday now.\n",
		"P002.txt":                            "Interviewer: Who helped?\nP002: The link worker did.\n",
	})
	lead, _ := p.Lead()
	docs, _ := p.Documents()
	var jennyDoc int64
	for _, d := range docs {
		if strings.HasPrefix(d.Name, "Jenny Holt") {
			jennyDoc = d.ID
		}
	}
	if jennyDoc == 0 {
		t.Fatalf("documents %+v", docs)
	}
	if err := p.LinkCase(jennyDoc, "Jenny Holt", map[string]string{"Contact": "Jenny Holt, via the surgery"}, lead.ID); err != nil {
		t.Fatal(err)
	}
	// a coded passage, so its quote carries the attribution
	si, _ := p.CodeByName("Social integration")
	d0, _ := p.Document(jennyDoc)
	at := len([]rune(d0.Text[:strings.Index(d0.Text, "I go every")]))
	if _, err := p.AddSegment(store.NewSegment{Document: jennyDoc, Code: si.ID, Coder: lead.ID, Start: at, End: at + 20}, lead.ID); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenSearch(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()

	res, err := Scan(p, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	places := map[string]int{}
	for _, g := range res.Groups {
		if !strings.EqualFold(g.Text, "Jenny Holt") {
			continue
		}
		for _, f := range g.Findings {
			places[f.Place]++
			if f.Place != store.PlaceText && f.Place != store.PlaceSpeakerLabel && f.Document == 0 && f.Case == 0 {
				t.Errorf("a finding in a name says not whose: %+v", f)
			}
		}
	}
	want := map[string]int{store.PlaceSpeakerLabel: 2, store.PlaceDocumentName: 1, store.PlaceCaseName: 1, store.PlaceAttributeValue: 1}
	for place, n := range want {
		if places[place] != n {
			t.Errorf("%d findings in a %s, want %d (all: %v)", places[place], place, n, places)
		}
	}

	out := replaceGroup(t, p, "Jenny Holt", "[Name 1]")
	if out.Names != 3 || out.Documents != 1 || out.Replacements != 5 {
		t.Errorf("replaced %+v", out.ReplaceSummary)
	}
	d, _ := p.Document(jennyDoc)
	if d.Name != "[Name 1] interview 2024-03-07" || d.SourceName != "[Name 1] interview 2024-03-07.txt" || d.Case != "[Name 1]" {
		t.Errorf("document %q from %q, case %q", d.Name, d.SourceName, d.Case)
	}
	cases, _ := p.Cases()
	if len(cases) != 1 || cases[0].Attributes["Contact"] != "[Name 1], via the surgery" {
		t.Errorf("cases %+v", cases)
	}
	replaces := 0
	for _, e := range mustJournal(t, p) {
		if e.Action == "documents.replace" {
			replaces++
		}
	}
	if replaces != 1 {
		t.Errorf("%d journal entries for one replacement", replaces)
	}
	if got := leftovers(t, "Jenny Holt", dir, cache); len(got) > 0 {
		t.Errorf("the original is still in %v", got)
	}
	again, _ := Scan(p, nil, nil)
	for _, g := range again.Groups {
		if strings.Contains(strings.ToLower(g.Text), "jenny") {
			t.Errorf("found again after the replacement: %+v", g)
		}
	}
	v, _ := ViewerFor(p, lead.ID)
	c, quotes, err := Quotes(p, v, si.ID, 0)
	if err != nil || len(quotes) != 1 {
		t.Fatalf("Quotes = %v, %v", quotes, err)
	}
	md, _ := RenderQuotes(c, quotes, "md", "Quotes")
	if strings.Contains(md, "Jenny") || !strings.Contains(md, `— \[Name 1\], \[Name 1\] interview 2024-03-07 (\[Name 1\])`) {
		t.Errorf("the quote's attribution:\n%s", md)
	}
}
