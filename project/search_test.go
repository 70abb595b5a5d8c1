package project

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"themis/search"
	"themis/store"
)

func demoProject(t *testing.T) *store.Project {
	t.Helper()
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func TestSearchDemoPhraseMapsToTheDocumentText(t *testing.T) {
	p := demoProject(t)
	ix, err := OpenSearchIn([]string{filepath.Join(t.TempDir(), "idx")}, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r, err := ix.Query(`"what matters to them"`, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		d, err := p.Document(h.DocumentID)
		if err != nil {
			t.Fatal(err)
		}
		text := []rune(d.Text)
		if got := strings.ToLower(string(text[h.Start:h.End])); got != "what matters to them" {
			t.Errorf("%s %d–%d is %q", h.Document, h.Start, h.End, got)
		}
		turn := d.TurnSpans[h.Turn]
		if h.TurnStart != turn.ContentStart || h.TurnEnd != turn.End || h.Speaker != turn.Speaker {
			t.Errorf("%s turn %d: %d–%d %q, want %d–%d %q", h.Document, h.Turn, h.TurnStart, h.TurnEnd, h.Speaker, turn.ContentStart, turn.End, turn.Speaker)
		}
	}
}

func TestSearchCasesAndCoders(t *testing.T) {
	p := demoProject(t)
	ix, err := OpenSearchIn([]string{filepath.Join(t.TempDir(), "idx")}, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	count := func(q string) int {
		r, err := ix.Query(q, search.Options{})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return r.Turns
	}
	if n, m := count("role:patient"), count("role:commissioner"); n == 0 || m == 0 {
		t.Errorf("role:patient %d turns, role:commissioner %d", n, m)
	}
	if n := count("excluded:yes"); n != 0 && n != count("speaker:interviewer") {
		t.Errorf("excluded:yes %d turns, interviewers' %d", n, count("speaker:interviewer"))
	}
	a, b := count(`code:autonomy@aisha`), count(`code:autonomy@aisha -code:autonomy@ben`)
	if a == 0 || b == 0 || b >= a {
		t.Errorf("autonomy by Aisha %d turns, by Aisha but not Ben %d", a, b)
	}
}

func TestSearchFollowsCodingAndRebuildsOnOtherChanges(t *testing.T) {
	p := demoProject(t)
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := OpenSearchIn([]string{dir}, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := p.Documents()
	src := NewSearchSource(p)
	before, _ := src.Version()
	lead, _ := p.Lead()
	codes, _ := p.Codes()
	var code store.Code
	for _, c := range codes {
		if c.Codable {
			code = c
			break
		}
	}
	d, _ := p.Document(docs[2].ID)
	seg, err := p.AddSegment(store.NewSegment{Document: d.ID, Code: code.ID, Coder: lead.ID, Start: d.TurnSpans[0].ContentStart, End: d.TurnSpans[0].ContentStart + 3}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.RemoveSegment(seg.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddSegment(store.NewSegment{Document: d.ID, Code: code.ID, Coder: lead.ID, Start: d.TurnSpans[0].ContentStart, End: d.TurnSpans[0].ContentStart + 3}, lead.ID); err != nil {
		t.Fatal(err)
	}
	changed, ok, err := src.Changed(before)
	if err != nil || !ok || !reflect.DeepEqual(changed, []int64{d.ID, d.ID, d.ID}) {
		t.Fatalf("Changed = %v, %v, %v; want document %d three times", changed, ok, err, d.ID)
	}
	var progress []int
	if err := ix.Refresh(src, func(done, total int) { progress = append(progress, total) }); err != nil {
		t.Fatal(err)
	}
	if len(progress) == 0 || progress[0] != 1 {
		t.Errorf("progress totals %v, want an update of one document", progress)
	}
	q := `code:"` + code.Name + `"@` + lead.Name + ` document:"` + d.Name + `"`
	r, err := ix.Query(q, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].Turn != 0 {
		t.Errorf("%s: %+v, want turn 0 first", q, r.Hits)
	}

	// Renaming a document is not a coding change: it cannot be followed.
	if err := p.RenameDocument(d.ID, "Renamed interview", lead.ID); err != nil {
		t.Fatal(err)
	}
	v, _ := src.Version()
	if _, ok, _ := src.Changed(before); ok {
		t.Error("a rename was followed as a coding change")
	}
	if err := ix.Refresh(src, nil); err != nil {
		t.Fatal(err)
	}
	if ix.Version() != v {
		t.Errorf("index at %s after refresh, want %s", ix.Version(), v)
	}
	if r, _ := ix.Query(`document:"renamed interview"`, search.Options{}); r.Turns != len(d.TurnSpans) {
		t.Errorf("renamed document has %d turns in the index, want %d", r.Turns, len(d.TurnSpans))
	}
	ix.Close()
}

func TestSearchReadOnlyProjectInAFolderThatCannotBeWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Demo study.themis")
	p, err := CreateDemo(path)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	blocked := filepath.Join(t.TempDir(), "blocked")
	os.WriteFile(blocked, []byte("a file where the index folder would go"), 0o644)
	fallback := filepath.Join(t.TempDir(), "cache")
	ix, err := OpenSearchIn([]string{filepath.Join(blocked, "idx"), fallback}, ro, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Dir() != fallback {
		t.Errorf("index in %s, want the fallback %s", ix.Dir(), fallback)
	}
	if r, err := ix.Query("link worker", search.Options{}); err != nil || r.Turns == 0 {
		t.Errorf("query: %v, %v", r, err)
	}
	// Another Themis has this index open: the next folder is used.
	other := filepath.Join(t.TempDir(), "other")
	ix2, err := OpenSearchIn([]string{fallback, other}, ro, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if ix2.Dir() != other {
		t.Errorf("second index in %s, want %s", ix2.Dir(), other)
	}
}

func TestSearchDirsBesideTheProjectFirst(t *testing.T) {
	dirs := SearchDirs("/studies/Demo study.themis")
	if dirs[0] != "/studies/Demo study.themis-search" || len(dirs) < 2 {
		t.Errorf("dirs %q", dirs)
	}
}
