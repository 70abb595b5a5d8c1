package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/coding"
	"themis/corpus"
	"themis/frameworks"
	"themis/store"
)

// Copies of QualCoder's example transcripts from ../shared/fixtures (see corpus/testdata/SOURCES.md).
var fixtures = filepath.Join("..", "corpus", "testdata")

func newStudy(t *testing.T) (*store.Project, store.Coder, store.Coder) {
	t.Helper()
	p, err := store.Create(filepath.Join(t.TempDir(), "s.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	lead, _ := p.Lead()
	ben, err := p.AddCoder("Ben", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p, lead, ben
}

func TestImportFilesIsOneTransactionNamingTheBadFile(t *testing.T) {
	dir := t.TempDir()
	bad := map[string][]byte{
		"empty.txt":    {},
		"binary.txt":   {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0, 0},
		"utf16.txt":    []byte("\xff\xfeI\x00:\x00\x00\xdc"), // a lone surrogate; Latin-1 is now read as Windows-1252
		"corrupt.docx": []byte("PK\x03\x04 but not really a zip"),
	}
	for name, data := range bad {
		t.Run(name, func(t *testing.T) {
			p, lead, _ := newStudy(t)
			path := filepath.Join(dir, name)
			os.WriteFile(path, data, 0o644)
			var seen []string
			_, err := ImportFiles(p, []string{filepath.Join(fixtures, "qualcoder-transcript.txt"), path}, lead.ID,
				func(done, total int, n string) { seen = append(seen, n) })
			var fe *corpus.FileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), name) {
				t.Fatalf("err = %v, want a *corpus.FileError naming %s", err, name)
			}
			if docs, _ := p.Documents(); len(docs) != 0 {
				t.Errorf("%d documents stored after a failed import, want 0", len(docs))
			}
			if len(seen) == 0 {
				t.Error("no progress reported")
			}
		})
	}
}

func TestImportFixtures(t *testing.T) {
	p, lead, _ := newStudy(t)
	res, err := ImportFiles(p, []string{filepath.Join(fixtures, "qualcoder-transcript.txt"), filepath.Join(fixtures, "qualcoder-ID1.docx")}, lead.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Name != "qualcoder-transcript" || res[0].Turns != 7 || res[1].Name != "qualcoder-ID1" || res[1].Turns == 0 {
		t.Errorf("import = %+v", res)
	}
	d, _ := p.Document(res[0].ID)
	speakers := map[string]bool{}
	for _, tr := range d.TurnSpans {
		speakers[tr.Speaker] = true
	}
	if len(speakers) != 3 || !speakers["id1"] {
		t.Errorf("speakers = %v, want id1, id2, id3", speakers)
	}
}

func TestBlindModeHidesOtherLayers(t *testing.T) {
	p, aisha, ben := newStudy(t)
	res, err := ImportData(p, []NamedData{{"a.txt", []byte("Interviewer: so?\nP1: I walk every day now and feel calmer.")}}, aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc := res[0].ID
	calm, _ := p.CodeByName("Positive affect")
	for _, c := range []store.Coder{aisha, ben} {
		if _, err := p.AddSegment(store.NewSegment{Document: doc, Code: calm.ID, Coder: c.ID, Start: 21, End: 56}, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	vb, _ := ViewerFor(p, ben.ID)
	segs, _ := VisibleSegments(p, vb, doc)
	if len(segs) != 1 || segs[0].Coder != ben.ID || vb.CanCompare() {
		t.Errorf("blind: Ben sees %d segments (canCompare %v), want only his own and no comparison", len(segs), vb.CanCompare())
	}
	if _, _, err := Quotes(p, vb, calm.ID, aisha.ID); err == nil {
		t.Error("Ben read Aisha's quotes in blind mode")
	}
	va, _ := ViewerFor(p, aisha.ID)
	if !va.CanCompare() {
		t.Error("the lead cannot open the agreement view in blind mode")
	}
	p.SetBlindMode(false, aisha.ID)
	vb, _ = ViewerFor(p, ben.ID)
	segs, _ = VisibleSegments(p, vb, doc)
	if len(segs) != 2 || !vb.CanCompare() {
		t.Errorf("blind off: Ben sees %d segments, want 2", len(segs))
	}
}

func TestQuotesAreExactSpansWithAttribution(t *testing.T) {
	p, aisha, _ := newStudy(t)
	res, _ := ImportData(p, []NamedData{{"P003.txt", []byte("Interviewer: How is it?\nP003: The café 😀 group is where I belong.")}}, aisha.ID)
	p.LinkCase(res[0].ID, "Patient 003", map[string]string{"nested_case": "2"}, aisha.ID)
	si, _ := p.CodeByName("Social integration")
	// "café 😀 group is where I belong" starts after "P003: The ".
	text := "Interviewer: How is it?\nP003: The café 😀 group is where I belong."
	start := len([]rune(text[:strings.Index(text, "café")]))
	if _, err := p.AddSegment(store.NewSegment{Document: res[0].ID, Code: si.ID, Coder: aisha.ID, Start: start, End: start + 31}, aisha.ID); err != nil {
		t.Fatal(err)
	}
	v, _ := ViewerFor(p, aisha.ID)
	c, quotes, err := Quotes(p, v, si.ID, 0)
	if err != nil || len(quotes) != 1 {
		t.Fatalf("Quotes = %v, %v", quotes, err)
	}
	q := quotes[0]
	if q.Text != "café 😀 group is where I belong." || q.Speaker != "P003" || q.Case != "Patient 003, nested case 2" || q.Coder != "Aisha" {
		t.Errorf("quote = %+v", q.Quote)
	}
	md, err := RenderQuotes(c, quotes, "md", "Quotes")
	if err != nil || !strings.Contains(md, "## Social integration") || !strings.Contains(md, "Patient 003, nested case 2") {
		t.Errorf("markdown:\n%s", md)
	}
	if _, err := RenderQuotes(c, quotes, "pdf", "Quotes"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestCreateDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Demo study.themis")
	p, err := CreateDemo(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	docs, _ := p.Documents()
	if len(docs) != 9 {
		t.Fatalf("demo has %d documents, want 9", len(docs))
	}
	for _, d := range docs {
		if d.Case == "" || d.Words < 1000 || d.Words > 3000 {
			t.Errorf("%s: case %q, %d words", d.Name, d.Case, d.Words)
		}
	}
	if blind, _ := p.BlindMode(); blind {
		t.Error("demo opens in blind mode; it should show the comparison")
	}
	lead, _ := p.Lead()
	ben, err := p.CoderByName(DemoSecondCoder)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.PerCode) != 13 || len(r.PerFactor) != 3 || r.Overall.Kappa == nil {
		t.Errorf("agreement: %d codes, %d factors, overall %+v", len(r.PerCode), len(r.PerFactor), r.Overall)
	}
	one, err := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Documents: []int64{docs[3].ID}})
	if err != nil || len(one.Documents) != 1 || one.Documents[0] != docs[3].ID {
		t.Errorf("agreement over one document covered %v, %v", one.Documents, err)
	}
	if _, err := CreateDemo(path); err == nil {
		t.Error("CreateDemo overwrote an existing project")
	}
}

func TestAgreementRejectsSameCoderAndUnknownDocument(t *testing.T) {
	p, a, b := newStudy(t)
	if _, err := Agreement(p, AgreementRequest{CoderA: a.ID, CoderB: a.ID}); err == nil {
		t.Error("same coder twice accepted")
	}
	if _, err := Agreement(p, AgreementRequest{CoderA: a.ID, CoderB: b.ID, Documents: []int64{42}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown document: %v", err)
	}
}

func TestAgreementByTurnSentenceParagraphAndDocument(t *testing.T) {
	p, aisha, ben := newStudy(t)
	text := "Interviewer: How is it going?\nP1: Better. I walk daily now. It helps a lot.\nInterviewer: And friends?\nP1: I met people at the café 😀. We talk."
	res, err := ImportData(p, []NamedData{{"P1.txt", []byte(text)}}, aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc := res[0].ID
	code, _ := p.CodeByName("Positive affect")
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	add := func(c store.Coder, s string) {
		start, end := at(s)
		if _, err := p.AddSegment(store.NewSegment{Document: doc, Code: code.ID, Coder: c.ID, Start: start, End: end}, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	add(aisha, "I walk daily now.")
	add(ben, "Better. I walk daily now. It helps a lot.")
	add(ben, "We talk.")

	tests := []struct {
		unit     string
		minShare float64
		want     coding.Counts
	}{
		// 2 answer turns (labels excluded, interviewer turns count too: 4 turns).
		{"turn", 0, coding.Counts{Both: 1, OnlyB: 1, Neither: 2}},
		// Aisha covers 17 of 41 code points of the first answer, under half;
		// Ben's "We talk." is 8 of the last answer's 37: only his first counts.
		{"turn", 0.5, coding.Counts{OnlyB: 1, Neither: 3}},
		// Sentences: How is it going? | Better. | I walk daily now. | It helps a lot. | And friends? | I met … 😀. | We talk.
		{"sentence", 0, coding.Counts{Both: 1, OnlyB: 3, Neither: 3}},
		{"paragraph", 0, coding.Counts{Both: 1, OnlyB: 1, Neither: 2}},
		{"document", 0, coding.Counts{Both: 1}},
	}
	for _, tt := range tests {
		r, err := Agreement(p, AgreementRequest{CoderA: aisha.ID, CoderB: ben.ID, Unit: tt.unit, MinShare: tt.minShare})
		if err != nil {
			t.Fatal(err)
		}
		var got coding.Counts
		for _, row := range r.PerCode {
			if row.Code == code.ID {
				got = row.Counts
			}
		}
		if got != tt.want || r.Unit != tt.unit || r.MinShare != tt.minShare {
			t.Errorf("%s ≥ %v: %+v (unit %q, share %v), want %+v", tt.unit, tt.minShare, got, r.Unit, r.MinShare, tt.want)
		}
	}
	for _, bad := range []AgreementRequest{{CoderA: aisha.ID, CoderB: ben.ID, Unit: "words"}, {CoderA: aisha.ID, CoderB: ben.ID, Unit: "document", Bootstrap: 10, Resample: "turn"}, {CoderA: aisha.ID, CoderB: ben.ID, Resample: "sentence"}, {CoderA: aisha.ID, CoderB: ben.ID, Unit: "turn", MinShare: 1.5}} {
		if _, err := Agreement(p, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Agreement(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}

// leadViewer is who the command line reads p as: the lead, allowed to compare.
func leadViewer(t testing.TB, p *store.Project) Viewer {
	t.Helper()
	v, err := CommandLineViewer(p)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
