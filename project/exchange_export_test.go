package project

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"themis/errs"
	"themis/frameworks"
	testfx "themis/internal/fixtures"
	"themis/interop/qdpx"
	"themis/store"
)

// projectSchema is the REFI-QDA schema the writer's tests keep.
const projectSchema = "../interop/qdpx/testdata/xsd/Project.xsd"

// exportStudy is a project with everything an export carries: two
// coders and their consensus layer (adjudicated by a third), two
// frameworks with nested codes, accents and emoji, turns whose speakers
// belong to cases with one interviewer excluded, typed case attributes and
// memos on the project, a document, a code and segments.
type exportStudy struct {
	p                 *store.Project
	dir               string
	aisha, ben, chen  store.Coder
	consensus         store.Coder
	doc1, doc2, doc3  int64
	marie, joe        store.Case
	calm, cafe, place store.Code // Keyes' Positive affect, local "Café ☕ talk" (nested), local "Place"
	local             store.Framework
	benSeg, aishaSeg  store.Segment
}

const (
	doc1Text = "Interviewer: Bonjour Marie, ça va ?\n\nMarie: Très bien 😊 merci. Le café du jeudi me calme.\n\nInterviewer: Et vous, Joe ?\n\nJoe: Hi 👋🏽 all, the café is my place.\n\nMarie: Oui, c'est vrai.\n\nJoe: Indeed.\n"
	doc2Text = "Interviewer: How was the garden?\n\nJoe: Calmer than I expected. Naïve, maybe.\n\nInterviewer: And the people?\n\nJoe: Kind.\n"
	doc3Text = "Field note: the room was cold; everyone stayed.\n"
)

// codePoints is where sub first occurs in text, in code points.
func exportSpan(t testing.TB, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	start := utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(sub)
}

func newExportStudy(t testing.TB, folder string) *exportStudy {
	t.Helper()
	s := &exportStudy{dir: filepath.Join(t.TempDir(), folder)}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p, err := store.Create(filepath.Join(s.dir, "Garden study.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	s.p = p
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	s.aisha, err = p.Lead()
	must(err)
	s.ben, err = p.AddCoder("Ben", s.aisha.ID)
	must(err)
	must(p.SetBlindMode(false, s.aisha.ID))

	res, err := ImportData(p, []NamedData{
		{"Marie & Joe.txt", []byte(doc1Text)}, {"Joe, garden.txt", []byte(doc2Text)}, {"Field note.txt", []byte(doc3Text)},
	}, s.aisha.ID)
	must(err)
	s.doc1, s.doc2, s.doc3 = res[0].ID, res[1].ID, res[2].ID

	// A second framework, with a code nested under a factor.
	s.local, err = p.CreateFramework(frameworks.Framework{Name: "Local ✿", Description: "Codes of this study", Codes: []frameworks.Code{
		{Ref: "setting", Name: "Setting", Color: "#336699", Codable: false, Definition: "Where things happen."},
		{Ref: "place", Parent: "setting", Name: "Place", Color: "#112233", Codable: true, WhenToUse: "A named place."},
	}}, "test", s.aisha.ID)
	must(err)
	codes, err := p.CodesOf(s.local.ID)
	must(err)
	for _, c := range codes {
		if c.Ref == "place" {
			s.place = c
		}
	}
	s.cafe, err = p.AddCode(s.local.ID, store.CodeFields{Parent: s.place.ID, Name: "Café ☕ talk", Codable: true, Definition: "Talk of the café & its people"}, s.aisha.ID)
	must(err)
	keyes, err := p.Frameworks()
	must(err)
	kc, err := p.CodesOf(keyes[0].ID)
	must(err)
	for _, c := range kc {
		if c.Name == "Positive affect" {
			s.calm = c
		}
	}

	// Cases with typed attributes; Marie's document, Joe's voice in it;
	// the interviewer left out.
	s.marie, err = p.AddCase("Marie", s.aisha.ID)
	must(err)
	s.joe, err = p.AddCase("Joe", s.aisha.ID)
	must(err)
	for _, a := range []struct{ name, typ string }{{"Age", store.AttrNumber}, {"Score", store.AttrNumber}, {"Interviewed", store.AttrDate}, {"Site", store.AttrCategory}, {"Note", store.AttrText}} {
		must(p.AddAttribute(a.name, a.typ, s.aisha.ID))
	}
	for _, v := range []struct {
		c           store.Case
		attr, value string
	}{
		{s.marie, "Age", "34"}, {s.joe, "Age", "71"}, {s.marie, "Score", "2.5"}, {s.joe, "Score", "3"},
		{s.marie, "Interviewed", "2024-03-07"}, {s.marie, "Site", "Leeds"}, {s.joe, "Note", "Prefers <tea> & cake"},
	} {
		must(p.SetCaseValue(v.c.ID, v.attr, v.value, s.aisha.ID))
	}
	must(p.SetDocumentCase(s.doc1, s.marie.ID, s.aisha.ID))
	must(p.SetDocumentCase(s.doc2, s.joe.ID, s.aisha.ID))
	must(p.SetSpeakerCase(s.doc1, "Joe", s.joe.ID, s.aisha.ID))
	must(p.SetSpeakerExcluded(s.doc1, "Interviewer", true, s.aisha.ID))

	// Segments: both coders agree on one passage, differ on others.
	seg := func(doc int64, code store.Code, coder store.Coder, text, sub string) store.Segment {
		t.Helper()
		start, end := exportSpan(t, text, sub)
		sg, err := p.AddSegment(store.NewSegment{Document: doc, Code: code.ID, Coder: coder.ID, Start: start, End: end}, s.aisha.ID)
		must(err)
		return sg
	}
	s.aishaSeg = seg(s.doc1, s.calm, s.aisha, doc1Text, "Très bien 😊 merci")
	seg(s.doc1, s.calm, s.ben, doc1Text, "Très bien 😊 merci")
	seg(s.doc1, s.cafe, s.aisha, doc1Text, "Le café du jeudi me calme.")
	s.benSeg = seg(s.doc1, s.place, s.ben, doc1Text, "the café is my place")
	seg(s.doc2, s.calm, s.ben, doc2Text, "Calmer than I expected. Naïve, maybe.")
	seg(s.doc2, s.calm, s.aisha, doc2Text, "Calmer than I expected.")

	// The consensus layer, by an adjudicator who coded neither layer.
	s.chen = nameAdjudicator(t, p, "Chen")
	c, ok, _ := p.Adjudicator()
	if !ok {
		t.Fatal("no adjudicator")
	}
	v, err := ViewerFor(p, c.ID)
	must(err)
	rv, err := StartAdjudication(p, v, ReviewRequest{CoderA: s.aisha.ID, CoderB: s.ben.ID, Codes: []int64{s.calm.ID}})
	must(err)
	s.consensus = rv.Consensus
	if cs, _ := p.Segments(store.SegmentFilter{Coder: s.consensus.ID}); len(cs) == 0 {
		t.Fatal("the consensus layer holds no segment")
	}

	// Memos everywhere, by several people.
	for _, m := range []struct {
		kind   string
		target int64
		text   string
		author store.Coder
	}{
		{store.MemoProject, 0, "Aims of the **study**.\n\nSecond paragraph.", s.aisha},
		{store.MemoProject, 0, "Chen's note on adjudicating.", s.chen},
		{store.MemoDocument, s.doc1, "Noisy café; some words lost.", s.ben},
		{store.MemoDocument, s.doc3, "Not coded on purpose.", s.aisha},
		{store.MemoCode, s.cafe.ID, "Merge with Place?", s.aisha},
		{store.MemoSegment, s.aishaSeg.ID, "Irony? 🤔", s.aisha},
		{store.MemoSegment, s.benSeg.ID, "Ben: their own place.", s.ben},
		{store.MemoSegment, s.benSeg.ID, "Aisha on Ben's passage.", s.aisha},
	} {
		_, err := p.AddMemo(m.kind, m.target, m.text, m.author.ID)
		must(err)
	}
	return s
}

// flatCodes lists a codebook depth first with each code's path.
func exportCodePaths(cs []qdpx.Code, path string, out map[string]qdpx.Code) map[string]qdpx.Code {
	if out == nil {
		out = map[string]qdpx.Code{}
	}
	for _, c := range cs {
		out[path+c.Name] = c
		exportCodePaths(c.Children, path+c.Name+" › ", out)
	}
	return out
}

func TestExchangeCarriesEveryPartOfTheProject(t *testing.T) {
	s := newExportStudy(t, "study")
	m, err := Exchange(s.p, ExchangeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != "Garden study" || m.Origin != "Themis" {
		t.Errorf("project %q origin %q", m.Name, m.Origin)
	}

	// Users: the lead first, then every coder, the consensus layer too.
	var users []string
	userName := map[string]string{}
	for _, u := range m.Users {
		users = append(users, u.Name)
		userName[u.GUID] = u.Name
		if u.GUID != qdpx.StableGUID("coder", u.Name) {
			t.Errorf("user %s has guid %s", u.Name, u.GUID)
		}
	}
	if got, want := strings.Join(users, ", "), "Aisha, Ben, Chen, "+s.consensus.Name; got != want {
		t.Errorf("users %s, want %s", got, want)
	}

	// Codes: two frameworks, each a wrapper holding its tree.
	codes := exportCodePaths(m.Codes, "", nil)
	if len(m.Codes) != 2 || m.Codes[0].Name != "Keyes: flourishing" && !strings.HasPrefix(m.Codes[0].Name, "Keyes") || m.Codes[1].Name != "Local ✿" {
		t.Fatalf("top of the codebook: %v", exportCodeNames(m.Codes))
	}
	for _, w := range m.Codes {
		if w.Codable || w.GUID != qdpx.StableGUID("framework", w.Name) {
			t.Errorf("framework wrapper %q: codable %v guid %s", w.Name, w.Codable, w.GUID)
		}
	}
	if m.Codes[1].Description != "Codes of this study" {
		t.Errorf("framework description %q", m.Codes[1].Description)
	}
	cafe, ok := codes["Local ✿ › Setting › Place › Café ☕ talk"]
	if !ok {
		t.Fatalf("no nested café code in %v", exportPathList(codes))
	}
	// The guid the store gave the code when it was made (frameworks.GUIDOf).
	if cafe.GUID != s.cafe.GUID || s.cafe.GUID == "" || !cafe.Codable || cafe.Color != s.cafe.Color || cafe.Description != "Talk of the café & its people" {
		t.Errorf("café code %+v, want guid %s colour %s", cafe, s.cafe.GUID, s.cafe.Color)
	}
	place := codes["Local ✿ › Setting › Place"]
	if place.Description != "When to use: A named place." || place.Color != "#112233" {
		t.Errorf("place code %+v", place)
	}
	if setting := codes["Local ✿ › Setting"]; setting.Codable || setting.Description != "Where things happen." {
		t.Errorf("setting %+v", setting)
	}

	// Variables typed: whole numbers Integer, others Float, dates Date,
	// categories and text Text.
	types := map[string]string{}
	varName := map[string]string{}
	for _, v := range m.Variables {
		types[v.Name] = v.Type
		varName[v.GUID] = v.Name
	}
	if fmt.Sprint(types) != "map[Age:Integer Interviewed:Date Note:Text Score:Float Site:Text]" {
		t.Errorf("variable types %v", types)
	}

	// Sources: stored text, turns, speakers with their cases.
	if len(m.Sources) != 3 {
		t.Fatalf("%d sources", len(m.Sources))
	}
	src := m.Sources[0]
	d1, _ := s.p.Document(s.doc1)
	if src.Text != d1.Text || src.Name != d1.Name || src.GUID != qdpx.StableGUID("document", exportSHA(d1.Text)) {
		t.Errorf("source 1: %q %q %s", src.Name, src.Text, src.GUID)
	}
	if len(src.Turns) != len(d1.TurnSpans) || len(src.Turns) != 6 || src.Turns[1].Speaker != "Marie" || src.Turns[1].ContentStart != d1.TurnSpans[1].ContentStart {
		t.Errorf("turns %+v", src.Turns)
	}
	speakers := map[string]qdpx.Speaker{}
	for _, sp := range src.Speakers {
		speakers[sp.Name] = sp
	}
	if !speakers["Interviewer"].Excluded || speakers["Joe"].CaseGUID != qdpx.StableGUID("case", "Joe") || speakers["Marie"].CaseGUID != "" || speakers["Marie"].Excluded {
		t.Errorf("speakers %+v", src.Speakers)
	}
	// A document without speakers keeps its paragraphs as turns.
	if d3, _ := s.p.Document(s.doc3); len(m.Sources[2].Turns) != len(d3.TurnSpans) || len(m.Sources[2].Speakers) != 0 {
		t.Errorf("document 3: turns %+v speakers %+v", m.Sources[2].Turns, m.Sources[2].Speakers)
	}

	// Cases: values by variable, documents by case.
	cases := map[string]qdpx.Case{}
	for _, c := range m.Cases {
		cases[c.Name] = c
	}
	marie := cases["Marie"]
	values := map[string]string{}
	for g, v := range marie.Values {
		values[varName[g]] = v
	}
	if fmt.Sprint(values) != "map[Age:34 Interviewed:2024-03-07 Score:2.5 Site:Leeds]" || len(marie.Sources) != 1 || marie.Sources[0] != src.GUID {
		t.Errorf("Marie: %v, sources %v", values, marie.Sources)
	}
	if joe := cases["Joe"]; len(joe.Sources) != 1 || joe.Sources[0] != m.Sources[1].GUID || joe.Values[qdpx.StableGUID("attribute", "Note")] != "Prefers <tea> & cake" {
		t.Errorf("Joe: %+v", joe)
	}

	// Selections: one per segment, one coding by its coder, code-point
	// positions over the stored text.
	segs, _ := s.p.Segments(store.SegmentFilter{})
	total := 0
	byUser := map[string]int{}
	for _, src := range m.Sources {
		runes := []rune(src.Text)
		for _, sel := range src.Selections {
			total++
			byUser[userName[sel.CreatingUser]]++
			if len(sel.Codings) != 1 || sel.Codings[0].CreatingUser != sel.CreatingUser {
				t.Errorf("selection %+v", sel)
			}
			if sel.Start < 0 || sel.End > len(runes) || sel.End <= sel.Start {
				t.Errorf("selection %d–%d outside %d characters", sel.Start, sel.End, len(runes))
			}
		}
	}
	if total != len(segs) || byUser["Aisha"] != 3 || byUser["Ben"] != 3 || byUser[s.consensus.Name] == 0 || byUser["Chen"] != 0 {
		t.Errorf("%d selections for %d segments, by user %v", total, len(segs), byUser)
	}
	first := src.Selections[0]
	if got := string([]rune(src.Text)[first.Start:first.End]); got != "Très bien 😊 merci" {
		t.Errorf("first selection covers %q", got)
	}
	if first.GUID != qdpx.StableGUID("segment", exportSHA(d1.Text), codes[m.Codes[0].Name+" › Emotional well-being › Positive affect"].GUID, userName[first.CreatingUser], fmt.Sprint(first.Start), fmt.Sprint(first.End)) {
		t.Errorf("selection guid %s is not made from its content", first.GUID)
	}

	// Memos: where they were written, by whom, with their text.
	notes := map[string]qdpx.Note{}
	for _, n := range m.Notes {
		notes[n.GUID] = n
		if n.Created == "" || n.CreatingUser == "" {
			t.Errorf("note %q has no author or time", n.Name)
		}
	}
	noteTexts := func(refs []string) string {
		var out []string
		for _, r := range refs {
			out = append(out, userName[notes[r].CreatingUser]+": "+notes[r].Text)
		}
		return strings.Join(out, " | ")
	}
	if got := noteTexts(m.ProjectNotes); got != "Aisha: Aims of the **study**.\n\nSecond paragraph. | Chen: Chen's note on adjudicating." {
		t.Errorf("project memos %q", got)
	}
	if got := noteTexts(src.NoteRefs); got != "Ben: Noisy café; some words lost." {
		t.Errorf("document memos %q", got)
	}
	if got := noteTexts(m.Sources[2].NoteRefs); got != "Aisha: Not coded on purpose." {
		t.Errorf("document 3 memos %q", got)
	}
	if got := noteTexts(cafe.NoteRefs); got != "Aisha: Merge with Place?" {
		t.Errorf("code memos %q", got)
	}
	segMemos := map[string]string{}
	for _, sel := range src.Selections {
		if len(sel.NoteRefs) > 0 {
			segMemos[userName[sel.CreatingUser]+" "+string([]rune(src.Text)[sel.Start:sel.End])] = noteTexts(sel.NoteRefs)
		}
	}
	if fmt.Sprint(segMemos) != "map[Aisha Très bien 😊 merci:Aisha: Irony? 🤔 Ben the café is my place:Ben: Ben: their own place. | Aisha: Aisha on Ben's passage.]" {
		t.Errorf("segment memos %v", segMemos)
	}
	if len(m.Notes) != 8 {
		t.Errorf("%d notes, want the 8 memos", len(m.Notes))
	}
}

func exportCodeNames(cs []qdpx.Code) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func exportPathList(m map[string]qdpx.Code) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestExchangeOneFrameworkAtTopLevel(t *testing.T) {
	p, lead, _ := demoStudy(t)
	m, err := Exchange(p, ExchangeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := p.Framework()
	if len(m.Codes) == 0 || m.Codes[0].GUID == qdpx.StableGUID("framework", fw.Name) || m.Codes[0].Name == fw.Name {
		t.Errorf("one framework is wrapped: %v", exportCodeNames(m.Codes))
	}
	sum, err := ExportQDPX(p, ExchangeOptions{}, lead.ID, filepath.Join(t.TempDir(), "demo.qdpx"))
	if err != nil {
		t.Fatal(err)
	}
	testfx.ValidateXML(t, projectSchema, exportQDE(t, sum.Path))
}

func TestExchangeChosenCodersAndDocuments(t *testing.T) {
	s := newExportStudy(t, "study")
	m, err := Exchange(s.p, ExchangeOptions{Coders: []int64{s.ben.ID}, Documents: []int64{s.doc1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sources) != 1 || m.Sources[0].Name != "Marie & Joe" {
		t.Fatalf("sources %v", m.Sources)
	}
	ben := qdpx.StableGUID("coder", "Ben")
	if len(m.Users) != 2 || m.Users[0].Name != "Aisha" || m.Users[1].Name != "Ben" {
		t.Errorf("users %+v, want the lead and Ben", m.Users)
	}
	for _, sel := range m.Sources[0].Selections {
		if sel.CreatingUser != ben {
			t.Errorf("a selection of %s", sel.CreatingUser)
		}
	}
	if len(m.Sources[0].Selections) != 2 {
		t.Errorf("%d selections, want Ben's 2 on the chosen document", len(m.Sources[0].Selections))
	}
	// Joe's own document is not chosen: his case keeps no source.
	for _, c := range m.Cases {
		if c.Name == "Joe" && len(c.Sources) != 0 {
			t.Errorf("Joe's case refers to an unchosen document: %v", c.Sources)
		}
	}
	// Memos: the lead's and Ben's on what is exported; Chen's not; none on
	// Aisha's segment, nor on the unchosen document.
	var texts []string
	for _, n := range m.Notes {
		texts = append(texts, n.Text)
	}
	got := strings.Join(texts, " | ")
	for _, want := range []string{"Aims of", "Noisy café", "Merge with Place?", "Ben: their own place.", "Aisha on Ben's passage."} {
		if !strings.Contains(got, want) {
			t.Errorf("memo %q missing from %q", want, got)
		}
	}
	for _, not := range []string{"Chen's note", "Irony", "Not coded on purpose"} {
		if strings.Contains(got, not) {
			t.Errorf("memo %q exported: %q", not, got)
		}
	}
	// The same parts keep their guids whatever else is chosen.
	all, _ := Exchange(s.p, ExchangeOptions{})
	if all.Sources[0].GUID != m.Sources[0].GUID || all.Cases[0].GUID != m.Cases[0].GUID {
		t.Error("guids change with the choice of coders and documents")
	}

	for _, bad := range []ExchangeOptions{{Coders: []int64{999}}, {Documents: []int64{999}}} {
		if _, err := Exchange(s.p, bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%+v: %v, want not found", bad, err)
		}
	}
}

func TestExportQDPXIsDeterministicAndValid(t *testing.T) {
	s := newExportStudy(t, "study")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.qdpx"), filepath.Join(dir, "b.qdpx")
	sum, err := ExportQDPX(s.p, ExchangeOptions{}, s.aisha.ID, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ExportQDPX(s.p, ExchangeOptions{}, s.aisha.ID, b); err != nil {
		t.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if !bytes.Equal(da, db) {
		t.Error("two exports of the same project differ")
	}
	segs, _ := s.p.Segments(store.SegmentFilter{})
	if sum.Path != a || sum.Documents != 3 || sum.Codes != 19 || sum.Coders != 4 || sum.Segments != len(segs) || sum.Cases != 2 || sum.Memos != 8 {
		t.Errorf("summary %+v (%d segments)", sum, len(segs))
	}
	testfx.ValidateXML(t, projectSchema, exportQDE(t, a))
}

func TestExportQDPXKeepsBlindMode(t *testing.T) {
	s := newExportStudy(t, "study")
	if err := s.p.SetBlindMode(true, s.aisha.ID); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, opt := range []ExchangeOptions{{}, {Coders: []int64{s.aisha.ID}}, {Coders: []int64{s.ben.ID, s.aisha.ID}}} {
		out := filepath.Join(dir, "ben.qdpx")
		_, err := ExportQDPX(s.p, opt, s.ben.ID, out)
		if !errors.Is(err, errs.Forbidden) || !strings.Contains(err.Error(), "blind mode is on, so Ben may export only their own coding") {
			t.Errorf("%+v: %v, want a refusal naming blind mode", opt, err)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%+v: a refused export left a file", opt)
		}
	}
	// Ben's own layer: allowed, with only his own memos on his segments.
	out := filepath.Join(dir, "ben.qdpx")
	sum, err := ExportQDPX(s.p, ExchangeOptions{Coders: []int64{s.ben.ID}}, s.ben.ID, out)
	if err != nil {
		t.Fatal(err)
	}
	qde := string(exportQDE(t, out))
	if sum.Segments != 3 || strings.Contains(qde, "Aisha on Ben") || !strings.Contains(qde, "Ben: their own place.") || strings.Contains(qde, "Irony") {
		t.Errorf("Ben's blind export: %+v\n%s", sum, qde)
	}
	// The lead exports every layer, blind mode or not.
	if _, err := ExportQDPX(s.p, ExchangeOptions{}, s.aisha.ID, filepath.Join(dir, "all.qdpx")); err != nil {
		t.Errorf("the lead's export in blind mode: %v", err)
	}
}

// archiveBytes is every byte of an archive: the file itself and each
// entry's name and uncompressed content.
func exportArchiveBytes(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	all := append([]byte{}, raw...)
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		all = append(append(append(all, f.Name...), f.Comment...), b...)
	}
	return all
}

func exportQDE(t *testing.T, path string) []byte {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	r, err := z.Open("project.qde")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	return b
}

func TestExportQDPXHoldsNoLocalPath(t *testing.T) {
	folder := "Quokka-Zanzibar-7731"
	s := newExportStudy(t, folder)
	out := filepath.Join(s.dir, "export.qdpx")
	if _, err := ExportQDPX(s.p, ExchangeOptions{}, s.aisha.ID, out); err != nil {
		t.Fatal(err)
	}
	all := exportArchiveBytes(t, out)
	for _, leak := range []string{folder, strings.ToLower(folder), s.dir, filepath.Dir(s.dir), ".themis", "file://", "basePath"} {
		if bytes.Contains(all, []byte(leak)) {
			t.Errorf("the archive holds %q", leak)
		}
	}
}

func TestExportQDPXOfAPseudonymisedProject(t *testing.T) {
	s := newExportStudy(t, "study")
	key := filepath.Join(s.dir, "key.csv")
	for _, r := range []struct{ original, pseudonym string }{{"Marie", "[Name 1]"}, {"Leeds", "[Place 1]"}} {
		found, err := FindOccurrences(s.p, r.original)
		if err != nil || len(found.Occurrences) == 0 {
			t.Fatalf("%s: %v %+v", r.original, err, found)
		}
		res, err := Replace(s.p, []PseudonymChoice{{Kind: "name", Pseudonym: r.pseudonym, Occurrences: found.Occurrences}}, s.aisha.ID)
		if err != nil {
			t.Fatal(err)
		}
		kf, err := OpenKeyFile(key)
		if err != nil {
			t.Fatal(err)
		}
		if err := kf.Add(res.Key); err != nil {
			t.Fatal(err)
		}
		kf.Close()
	}
	out := filepath.Join(t.TempDir(), "pseudonymised.qdpx")
	if _, err := ExportQDPX(s.p, ExchangeOptions{}, s.aisha.ID, out); err != nil {
		t.Fatal(err)
	}
	all := exportArchiveBytes(t, out)
	for _, original := range []string{"Marie", "Leeds", "key.csv"} {
		if bytes.Contains(all, []byte(original)) {
			t.Errorf("the archive of a pseudonymised project holds %q", original)
		}
	}
	if !bytes.Contains(all, []byte("[Name 1]")) || !bytes.Contains(all, []byte("[Place 1]")) {
		t.Error("the pseudonyms are not in the archive")
	}
	testfx.ValidateXML(t, projectSchema, exportQDE(t, out))
}

// exportSHA is the hex sha256 of a document's stored text.
func exportSHA(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

func TestExchangeNumberTypes(t *testing.T) {
	for _, tc := range []struct {
		values []string
		want   string
	}{
		{[]string{"34", "-2", "+7", ""}, qdpx.TypeInteger},
		{[]string{"34", "2.5"}, qdpx.TypeFloat},
		{[]string{"1e3", "3"}, qdpx.TypeFloat},
		{[]string{"3", "Inf"}, qdpx.TypeText},
		{[]string{"99999999999999999999"}, qdpx.TypeFloat},
	} {
		var cases []store.Case
		for _, v := range tc.values {
			cases = append(cases, store.Case{Attributes: map[string]string{"n": v}})
		}
		if got := numberType("n", cases); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.values, got, tc.want)
		}
	}
	// A number the store took but no decimal can write still exports.
	s := newExportStudy(t, "study")
	if err := s.p.SetCaseValue(s.joe.ID, "Score", "inf", s.aisha.ID); err != nil {
		t.Skipf("the store refuses inf: %v", err)
	}
	out := filepath.Join(t.TempDir(), "inf.qdpx")
	if _, err := ExportQDPX(s.p, ExchangeOptions{}, s.aisha.ID, out); err != nil {
		t.Fatal(err)
	}
	if qde := string(exportQDE(t, out)); !strings.Contains(qde, `name="Score" typeOfVariable="Text"`) || !strings.Contains(qde, "<TextValue>inf</TextValue>") {
		t.Errorf("Score with an infinite value:\n%s", qde)
	}
}
