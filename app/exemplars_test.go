package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"themis/corpus"
)

// A writer stars a quote, trims it in code points and sees the trimmed
// text the exports use; blind mode keeps stars to each coder's own layer.
func TestStarAndTrimFromTheQuotesTab(t *testing.T) {
	sv := newServices(t)
	info, err := sv.projects.Create("Pilot", "", "Aisha", "keyes")
	if err != nil {
		t.Fatal(err)
	}
	lead := info.Current.ID
	sv.answerOpen(t, filepath.Join(fixtures, "qualcoder-transcript.txt"))
	imported, err := sv.documents.ChooseAndImport()
	if err != nil || len(imported) != 1 {
		t.Fatalf("import: %+v, %v", imported, err)
	}
	doc, _ := sv.documents.Get(imported[0].ID)
	codes, _ := sv.coding.Codes()
	var pa int64
	for _, c := range codes {
		if c.Name == "Positive affect" {
			pa = c.ID
		}
	}
	seg, err := sv.coding.Apply(doc.ID, pa, 6, 23)
	if err != nil {
		t.Fatal(err)
	}
	text := corpus.Slice(doc.Text, 6, 23) // "hello, I like the"

	e, err := sv.quotes.Star(seg.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.DocumentID != doc.ID || e.CodeID != pa || e.Code != "Positive affect" || e.Start != 6 || e.End != 23 ||
		e.Text != text || e.Trimmed != text || e.StarredBy != "Aisha" || e.Cuts == nil {
		t.Errorf("starred = %+v", e)
	}
	q, err := sv.quotes.List(pa, 0)
	if err != nil || len(q.Quotes) != 1 || q.Quotes[0].ExemplarID != e.ID || !slices.Equal(q.Quotes[0].Coders, []string{"Aisha"}) {
		t.Fatalf("quotes after starring = %+v, %v", q, err)
	}
	// omit "I like " (code points 13–20 of the document)
	trimmed, err := sv.quotes.Trim(e.ID, [][2]int{{13, 20}})
	if err != nil {
		t.Fatal(err)
	}
	if trimmed.Trimmed != "hello, … the" || trimmed.Text != text || !slices.Equal(trimmed.Cuts, [][2]int{{13, 20}}) {
		t.Errorf("trimmed = %+v", trimmed)
	}
	if q, _ := sv.quotes.List(pa, 0); q.Quotes[0].Trimmed != "hello, … the" {
		t.Errorf("quote after trimming = %+v", q.Quotes[0])
	}
	if md, _ := sv.quotes.Render(pa, 0, "md"); !strings.Contains(md, "> hello, … the") {
		t.Errorf("the export does not carry the trim:\n%s", md)
	}
	if _, err := sv.quotes.Trim(e.ID, [][2]int{{0, 8}}); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("a cut outside the passage: %v", err)
	}
	list, err := sv.quotes.Exemplars(0)
	if err != nil || len(list) != 1 || list[0].Trimmed != "hello, … the" {
		t.Errorf("Exemplars = %+v, %v", list, err)
	}

	// Ben, in blind mode, neither sees nor touches Aisha's star.
	info, err = sv.projects.AddCoder("Ben")
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := sv.quotes.Exemplars(pa); len(list) != 0 {
		t.Errorf("Ben sees Aisha's stars: %+v", list)
	}
	if _, err := sv.quotes.Star(seg.ID); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben starring Aisha's segment: %v", err)
	}
	if err := sv.quotes.Unstar(e.ID); decodeUIError(t, err).Kind != "not_found" {
		t.Errorf("Ben unstarring Aisha's star: %v", err)
	}

	sv.projects.SelectCoder(lead)
	if err := sv.quotes.Unstar(e.ID); err != nil {
		t.Fatal(err)
	}
	if q, _ := sv.quotes.List(pa, 0); q.Quotes[0].ExemplarID != 0 || q.Quotes[0].Trimmed != text || len(q.Quotes[0].Cuts) != 0 {
		t.Errorf("quote after unstarring = %+v", q.Quotes[0])
	}
}
