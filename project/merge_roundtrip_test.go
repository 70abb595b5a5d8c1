package project

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"themis/corpus"
	"themis/frameworks"
	"themis/interop/qdpx"
	"themis/store"
)

const (
	richDoc1 = "Interviewer: Wie geht's dir? 😀\nAnaïs: 我很好，谢谢。Très bien 👍🏽, vraiment.\nInterviewer: Und dann?\nBo: Ça va, ça va. 🎉 Naïve café.\nAnaïs: Oui, 好.\nBo: Non."
	richDoc2 = "Field notes: the café was crowded — Ærøskøbing in June.\nEveryone spoke at once."
)

// richProject is a project with two coders and a consensus layer, text
// beyond the Basic Multilingual Plane, accents and CJK, turns whose
// speakers are linked to cases (one left out), typed attributes, two
// frameworks and memos on everything a memo can be on.
func richProject(t *testing.T) *store.Project {
	t.Helper()
	p, err := store.Create(filepath.Join(t.TempDir(), "rich.themis"), teamFramework(), "Lena")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	lead, _ := p.Lead()
	ben, err := p.AddCoder("Ben", lead.ID)
	must(err)
	_, err = p.CreateFramework(frameworks.Framework{Name: "Second lens", Codes: []frameworks.Code{
		{Ref: "place", Name: "Place", Definition: "Where it happens.", Color: "#16a34a", Codable: true,
			WhenToUse: "A named place.", Examples: []string{"the café"}},
	}}, "test", lead.ID)
	must(err)
	_, err = ImportData(p, []NamedData{{Name: "interview.txt", Data: []byte(richDoc1)}, {Name: "notes.txt", Data: []byte(richDoc2)}}, lead.ID)
	must(err)
	doc1, doc2 := docID(t, p, "interview"), docID(t, p, "notes")
	must(p.SetSpeakerExcluded(doc1, "Interviewer", true, lead.ID))
	must(p.AddAttribute("Age", store.AttrNumber, lead.ID))
	must(p.AddAttribute("Joined", store.AttrDate, lead.ID))
	must(p.AddAttribute("Region", store.AttrText, lead.ID))
	must(p.LinkCase(doc1, "Household 1", map[string]string{"Region": "Bretagne"}, lead.ID))
	anais, err := p.AddCase("Anaïs", lead.ID)
	must(err)
	must(p.SetCaseValue(anais.ID, "Age", "34", lead.ID))
	must(p.SetCaseValue(anais.ID, "Joined", "2021-03-04", lead.ID))
	must(p.SetCaseValue(anais.ID, "Region", "Île-de-France", lead.ID))
	must(p.SetSpeakerCase(doc1, "Anaïs", anais.ID, lead.ID))
	hope, fear, place := codeID(t, p, "Hope"), codeID(t, p, "Fear"), codeID(t, p, "Place")
	at := func(s string) int {
		i := strings.Index(richDoc1, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return len([]rune(richDoc1[:i]))
	}
	add := func(doc, code, coder int64, start, end int) store.Segment {
		t.Helper()
		s, err := p.AddSegment(store.NewSegment{Document: doc, Code: code, Coder: coder, Start: start, End: end}, coder)
		must(err)
		return s
	}
	s1 := add(doc1, hope, lead.ID, at("我很好"), at("vraiment"))
	add(doc1, hope, ben.ID, at("Très"), at(", vraiment"))
	add(doc1, fear, ben.ID, at("Ça va"), at("Naïve"))
	add(doc1, place, lead.ID, at("café"), at("café")+4)
	add(doc2, place, ben.ID, 0, 11)
	cons, err := p.ConsensusLayer(lead.ID, ben.ID, true)
	must(err)
	_, err = p.Decide(store.Decision{Consensus: cons.ID, Document: doc1, Item: "hope-1", Kind: "boundary", Action: "adjust",
		DecidedBy: lead.ID, Segments: []store.ConsensusSegment{{Code: hope, Start: at("Très"), End: at("vraiment")}}})
	must(err)
	_, err = p.AddMemo(store.MemoProject, 0, "Second round starts in May.", lead.ID)
	must(err)
	_, err = p.AddMemo(store.MemoDocument, doc1, "Noisy recording 🎧.", ben.ID)
	must(err)
	_, err = p.AddMemo(store.MemoCode, hope, "Keep apart from optimism.", lead.ID)
	must(err)
	_, err = p.AddMemo(store.MemoSegment, s1.ID, "Said twice.", lead.ID)
	must(err)
	return p
}

// projectFacts is a project in names only (no ids), to compare two projects.
type projectFacts struct {
	Documents  map[string]string // name → text
	Turns      map[string][]store.Turn
	DocCases   map[string]string // name → case
	Speakers   []string          // "doc/speaker → case, excluded"
	Codes      []string          // "framework › path | colour | definition | when | not | examples | codable"
	Coders     []string
	Segments   []string // "doc | framework › path | coder | start-end"
	Cases      []string // "name: attr=value, …"
	Attributes []string // "name type"
	Memos      []string // "kind target | author | text"
}

func factsOf(t *testing.T, p *store.Project) projectFacts {
	t.Helper()
	f := projectFacts{Documents: map[string]string{}, Turns: map[string][]store.Turn{}, DocCases: map[string]string{}}
	infos, _ := p.Documents()
	docName := map[int64]string{}
	for _, info := range infos {
		d, err := p.Document(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		docName[d.ID] = d.Name
		f.Documents[d.Name], f.Turns[d.Name], f.DocCases[d.Name] = d.Text, d.TurnSpans, d.Case
	}
	sp, _ := p.Speakers()
	for _, d := range sp {
		for _, s := range d.Speakers {
			f.Speakers = append(f.Speakers, fmt.Sprintf("%s/%s → %s, %v", d.Name, s.Name, s.CaseName, s.Excluded))
		}
	}
	fws, _ := p.Frameworks()
	fwName := map[int64]string{}
	for _, fw := range fws {
		fwName[fw.ID] = fw.Name
	}
	codes, _ := p.Codes()
	path := map[int64]string{}
	for _, c := range codes {
		parent := fwName[c.Framework]
		if c.Parent != 0 {
			parent = path[c.Parent]
		}
		path[c.ID] = parent + " › " + c.Name
		f.Codes = append(f.Codes, fmt.Sprintf("%s | %s | %s | %s | %s | %q | %v", path[c.ID], c.Color, c.Definition, c.WhenToUse, c.WhenNotToUse, c.Examples, c.Codable))
	}
	coders, _ := p.Coders()
	coderName := map[int64]string{}
	for _, c := range coders {
		coderName[c.ID] = c.Name
		f.Coders = append(f.Coders, c.Name)
	}
	segs, _ := p.Segments(store.SegmentFilter{})
	segName := map[int64]string{}
	for _, s := range segs {
		segName[s.ID] = fmt.Sprintf("%s | %s | %s | %d-%d", docName[s.Document], path[s.Code], coderName[s.Coder], s.Start, s.End)
		f.Segments = append(f.Segments, segName[s.ID])
	}
	cases, _ := p.Cases()
	for _, c := range cases {
		var kv []string
		for k, v := range c.Attributes {
			kv = append(kv, k+"="+v)
		}
		sort.Strings(kv)
		f.Cases = append(f.Cases, c.Name+": "+strings.Join(kv, ", "))
	}
	attrs, _ := p.Attributes()
	for _, a := range attrs {
		f.Attributes = append(f.Attributes, a.Name+" "+a.Type)
	}
	memos, _ := p.Memos(store.MemoFilter{})
	for _, m := range memos {
		target := ""
		switch m.Kind {
		case store.MemoDocument:
			target = docName[m.Target]
		case store.MemoCode:
			target = path[m.Target]
		case store.MemoSegment:
			target = segName[m.Target]
		}
		f.Memos = append(f.Memos, fmt.Sprintf("%s %s | %s | %s", m.Kind, target, coderName[m.Author], m.Text))
	}
	for _, l := range [][]string{f.Speakers, f.Codes, f.Coders, f.Segments, f.Cases, f.Attributes, f.Memos} {
		sort.Strings(l)
	}
	return f
}

func TestRoundTripThroughQDPX(t *testing.T) {
	p := richProject(t)
	lead, _ := p.Lead()
	dir := t.TempDir()
	archive := filepath.Join(dir, "rich.qdpx")
	if _, err := ExportQDPX(p, ExchangeOptions{}, lead.ID, archive); err != nil {
		t.Fatal(err)
	}
	in, err := qdpx.ReadFile(archive, qdpx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	preview, err := PreviewImportAsNew(in, MergeOptions{File: "rich.qdpx"})
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "back.themis")
	r, err := ImportAsNew(in, MergeOptions{File: "rich.qdpx"}, target, "")
	if err != nil {
		t.Fatal(err)
	}
	preview.Applied, preview.Journal = r.Applied, r.Journal
	if !reflect.DeepEqual(preview, r) {
		t.Errorf("preview and import disagree:\npreview %+v\nimport  %+v", preview, r)
	}
	if len(r.NotImported) != 0 || len(r.Codes.Conflicts) != 0 {
		t.Errorf("not imported %v, conflicts %+v", r.NotImported, r.Codes.Conflicts)
	}
	back, err := store.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	// The REFI-QDA format has Text but no category type: Region comes
	// back as text, which it is here anyway.
	want, got := factsOf(t, p), factsOf(t, back)
	if !reflect.DeepEqual(want, got) {
		wv, gv := reflect.ValueOf(want), reflect.ValueOf(got)
		for i := 0; i < wv.NumField(); i++ {
			if !reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
				t.Errorf("%s differ:\nwant %q\ngot  %q", wv.Type().Field(i).Name, wv.Field(i).Interface(), gv.Field(i).Interface())
			}
		}
	}
	if l, _ := back.Lead(); l.Name != "Lena" {
		t.Errorf("lead %q, want Lena", l.Name)
	}
}

func TestImportAsNewLeavesNoFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	in := &qdpx.Project{Name: "Broken", Users: []qdpx.User{{GUID: "u", Name: "Ann"}},
		Codes: []qdpx.Code{{GUID: "0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a0002", Name: "Code", Codable: true}},
		Sources: []qdpx.Source{{GUID: "s", Name: "doc", Text: "Some text here.", Turns: []qdpx.Turn{{Speaker: "A", Start: 0, ContentStart: 0, End: 4}},
			Speakers:   []qdpx.Speaker{{Name: "A", Excluded: true}},
			Selections: []qdpx.Selection{selection("sel", "u", "0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a0002", 0, 4)}}}}
	target := filepath.Join(dir, "broken.themis")
	// The one selection lies in an excluded speaker's turn: reported, not a failure.
	r, err := ImportAsNew(in, MergeOptions{File: "broken.qdpx"}, target, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.NotImported[niExcluded] != 1 {
		t.Errorf("not imported %v", r.NotImported)
	}
	// A file already there is refused and left alone.
	if _, err := ImportAsNew(in, MergeOptions{File: "broken.qdpx"}, target, ""); !errors.Is(err, store.ErrExists) {
		t.Errorf("import over an existing file: %v", err)
	}
	// A lead whose name Themis refuses fails after nothing is written.
	bad := filepath.Join(dir, "bad.themis")
	if _, err := ImportAsNew(in, MergeOptions{File: "broken.qdpx"}, bad, "Ann\x1b[31m"); err == nil {
		t.Error("a lead with a terminal escape was accepted")
	}
	// A merge that fails after the project file is made (a full disk)
	// leaves no file behind: not the project, its WAL or its lock.
	applyMerge = func(*store.Project, store.MergeSet, int64) (store.MergeApplied, error) {
		return store.MergeApplied{}, errors.New("disk full")
	}
	defer func() {
		applyMerge = func(p *store.Project, set store.MergeSet, actor int64) (store.MergeApplied, error) {
			return p.ApplyMerge(set, actor)
		}
	}()
	if _, err := ImportAsNew(in, MergeOptions{File: "broken.qdpx"}, filepath.Join(dir, "full.themis"), ""); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("import on a full disk: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "broken.themis" {
		t.Errorf("files left: %q", names)
	}
}

var fixturesQDPX = filepath.Join("..", "interop", "qdpx", "testdata")

// nvivoSelections reads the NVivo archive's selections independently of
// the reader: each selection's code guid and the text at its positions,
// counted in UTF-16 code units over the source file as NVivo counts them,
// normalised as Themis stores text.
func nvivoSelections(t *testing.T, path string) map[string][]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[strings.ToLower(f.Name)] = string(b)
	}
	qde := files["project.qde"]
	src := regexp.MustCompile(`<TextSource [^>]*guid="([^"]+)"[^>]*plainTextPath="internal://([^"]+)"[^>]*?(/?)>`)
	sel := regexp.MustCompile(`<PlainTextSelection [^>]*endPosition="(\d+)"[^>]*startPosition="(\d+)"[^>]*>(.*?)</PlainTextSelection>`)
	ref := regexp.MustCompile(`<CodeRef targetGUID="([^"]+)"`)
	out := map[string][]string{} // code guid → texts
	locs := src.FindAllStringSubmatchIndex(qde, -1)
	for i, l := range locs {
		if qde[l[6]:l[7]] == "/" {
			continue
		}
		end := len(qde)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		raw, ok := files["sources/"+strings.ToLower(qde[l[4]:l[5]])]
		if !ok {
			t.Fatalf("source file %s missing", qde[l[4]:l[5]])
		}
		units := utf16.Encode([]rune(raw))
		for _, m := range sel.FindAllStringSubmatch(qde[l[1]:end], -1) {
			e, _ := strconv.Atoi(m[1])
			s, _ := strconv.Atoi(m[2])
			text := corpus.Normalize(string(utf16.Decode(units[s:e])))
			for _, r := range ref.FindAllStringSubmatch(m[3], -1) {
				g := strings.ToLower(r[1])
				out[g] = append(out[g], text)
			}
		}
	}
	return out
}

func TestImportNVivoFixture(t *testing.T) {
	path := filepath.Join(fixturesQDPX, "nvivo-mac-12.7.qdpx")
	in, err := qdpx.ReadFile(path, qdpx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "nvivo.themis")
	r, err := ImportAsNew(in, MergeOptions{File: "nvivo-mac-12.7.qdpx"}, target, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := store.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	docs, _ := p.Documents()
	codes, _ := p.Codes()
	coders, _ := p.Coders()
	segs, _ := p.Segments(store.SegmentFilter{})
	var coded []string
	for _, c := range r.Coders {
		if c.Segments > 0 {
			coded = append(coded, fmt.Sprintf("%s %d/%d", c.Name, c.Added, c.Segments))
		}
	}
	if len(docs) != 2 || len(r.Documents.Added) != 2 || len(codes) != 152 || len(r.Codes.Added) != 0 || r.Codes.Matched != 152 ||
		len(segs) != 297 || !reflect.DeepEqual(coded, []string{"floriansipos 297/297"}) || len(coders) != 2 {
		t.Errorf("imported %d documents, %d codes (%d matched, %d added), %d coders, %d segments; coders who coded %q",
			len(docs), len(codes), r.Codes.Matched, len(r.Codes.Added), len(coders), len(segs), coded)
	}
	// Each segment covers exactly the text NVivo showed.
	want := nvivoSelections(t, path)
	got := map[string][]string{}
	texts := map[int64][]rune{}
	guid := map[int64]string{}
	for _, c := range codes {
		guid[c.ID] = strings.ToLower(c.GUID)
	}
	for _, s := range segs {
		if texts[s.Document] == nil {
			d, _ := p.Document(s.Document)
			texts[s.Document] = []rune(d.Text)
		}
		got[guid[s.Code]] = append(got[guid[s.Code]], string(texts[s.Document][s.Start:s.End]))
	}
	n := 0
	for g := range want {
		sort.Strings(want[g])
		sort.Strings(got[g])
		n += len(want[g])
		if !reflect.DeepEqual(want[g], got[g]) {
			t.Errorf("code %s: texts differ\nNVivo  %q\nThemis %q", g, want[g], got[g])
		}
	}
	if n != 297 {
		t.Errorf("the fixture has %d codings by the independent reading, want 297", n)
	}
}

func TestImportATLASFixture(t *testing.T) {
	path := filepath.Join(fixturesQDPX, "atlasti-spec-example.qdpx")
	if _, err := qdpx.ReadFile(path, qdpx.ReadOptions{}); !errors.Is(err, qdpx.ErrMissingSources) {
		t.Fatalf("read without SkipMissingSources: %v, want ErrMissingSources", err)
	}
	in, err := qdpx.ReadFile(path, qdpx.ReadOptions{SkipMissingSources: true})
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "atlas.themis")
	// The archive's first user is the program itself; its creator leads.
	if pr, err := PreviewImportAsNew(in, MergeOptions{File: "atlasti-spec-example.qdpx"}); err != nil || pr.Lead != "Friedrich Markgraf" {
		t.Errorf("preview's lead %q (%v), want the archive's creator Friedrich Markgraf", pr.Lead, err)
	}
	r, err := ImportAsNew(in, MergeOptions{File: "atlasti-spec-example.qdpx"}, target, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := store.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if lead, err := p.Lead(); err != nil || lead.Name != "Friedrich Markgraf" || r.Lead != lead.Name {
		t.Errorf("lead %q (%v), reported %q; want Friedrich Markgraf", lead.Name, err, r.Lead)
	}
	codes, _ := p.Codes()
	coders, _ := p.Coders()
	docs, _ := p.Documents()
	var names []string
	for _, c := range coders {
		names = append(names, c.Name)
	}
	if len(codes) != 14 || len(docs) != 0 || !reflect.DeepEqual(names, []string{"Friedrich Markgraf", "ATLAS.ti", "Sebastian Petrausch"}) {
		t.Errorf("%d codes, %d documents, coders %q", len(codes), len(docs), names)
	}
	want := map[string]int{"PDF selections": 6, "PDF sources": 2, "audio sources": 1, "graphs": 1, "links": 1, "picture selections": 1,
		"picture sources": 1, "selections of text sources without their file": 6, "sets": 16, "text sources without their file": 6,
		"video selections": 2, "video sources": 2}
	if !reflect.DeepEqual(r.NotImported, want) {
		t.Errorf("not imported %v\nwant %v", r.NotImported, want)
	}
	// Its notes (on sources left out, or on nothing) come across as project
	// memos by their authors.
	memos, _ := p.Memos(store.MemoFilter{})
	if len(in.Notes) == 0 || r.Memos != len(in.Notes) || len(memos) != len(in.Notes) {
		t.Errorf("%d memos reported, %d stored, for the archive's %d notes", r.Memos, len(memos), len(in.Notes))
	}
	author, _ := p.CoderByName("Friedrich Markgraf")
	for _, m := range memos {
		if m.Kind != store.MemoProject || m.Author != author.ID {
			t.Errorf("memo %+v, want a project memo by Friedrich Markgraf", m)
		}
	}
}

// Other tools allow one name under several parents ("Other" under each
// theme); Themis keeps names unique per framework, so the second is renamed
// after its parent, which is no conflict, and its codings still find it.
func TestImportAsNewRenamesRepeatedCodeNames(t *testing.T) {
	g := func(n int) string { return fmt.Sprintf("0b1c6a52-3c1e-4c55-9d2b-6f0f9c1a10%02d", n) }
	in := &qdpx.Project{Name: "Study", Origin: "MAXQDA 2022", Users: []qdpx.User{{GUID: "u", Name: "Ann"}},
		Codes: []qdpx.Code{
			{GUID: g(1), Name: "Work", Children: []qdpx.Code{{GUID: g(2), Name: "Other", Codable: true}}},
			{GUID: g(3), Name: "Home", Children: []qdpx.Code{{GUID: g(4), Name: "Other", Codable: true}}},
		},
		Sources: []qdpx.Source{{GUID: "s", Name: "doc", Text: "At work it was other; at home, other again.",
			Selections: []qdpx.Selection{selection("a", "u", g(2), 0, 7), selection("b", "u", g(4), 22, 26)}}}}
	preview, err := PreviewImportAsNew(in, MergeOptions{File: "study.qdpx"})
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "study.themis")
	r, err := ImportAsNew(in, MergeOptions{File: "study.qdpx"}, target, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Codes.Conflicts) != 0 || len(preview.Codes.Conflicts) != 0 || r.Codes.Matched != 4 {
		t.Errorf("conflicts %+v (preview %+v), %d matched", r.Codes.Conflicts, preview.Codes.Conflicts, r.Codes.Matched)
	}
	p, err := store.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	f := factsOf(t, p)
	want := []string{"doc | Study › Home › Other (Home) | Ann | 22-26", "doc | Study › Work › Other | Ann | 0-7"}
	if !reflect.DeepEqual(f.Segments, want) {
		t.Errorf("segments %q, want %q", f.Segments, want)
	}
}
