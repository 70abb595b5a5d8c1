package qdpx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"themis/corpus"
	"themis/errs"
)

// entry is one file of an archive built in a test.
type entry struct {
	name string
	data string
}

// archiveOf builds a .qdpx in memory.
func archiveOf(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// qdeOf is a project.qde holding body inside its <Project>.
func qdeOf(origin, body string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Test" origin="` + origin + `">` + body + `</Project>`
}

const testUsers = `<Users><User guid="u-1" name="Ann"/><User guid="u-2" name="Ben"/></Users>`
const testCodes = `<CodeBook><Codes><Code guid="c-1" name="Hope" isCodable="true" color="#AABBCC"><Description>looking forward</Description><Code guid="c-2" name="Plans" isCodable="true"/></Code><Code guid="c-3" name="Group" isCodable="false"/></Codes></CodeBook>`

// sel is a PlainTextSelection coded c-1 by user u-1.
func sel(guid, name string, start, end int) string {
	return `<PlainTextSelection guid="` + guid + `" name="` + xmlEscape(name) + `" startPosition="` + itoa(start) + `" endPosition="` + itoa(end) + `" creatingUser="u-1"><Coding guid="` + guid + `-c" creatingUser="u-1"><CodeRef targetGUID="c-1"/></Coding></PlainTextSelection>`
}

func itoa(n int) string { return strconv.Itoa(n) }

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// segmentText is the text a selection covers in the model.
func segmentText(s Source, sel Selection) string { return corpus.Slice(s.Text, sel.Start, sel.End) }

// fixtureQDE is the part of a project.qde the fixture tests read for
// themselves, with encoding/xml's struct mapping rather than the reader.
type fixtureQDE struct {
	Users   []struct{} `xml:"Users>User"`
	Sources []struct {
		GUID       string `xml:"guid,attr"`
		Path       string `xml:"plainTextPath,attr"`
		Selections []struct {
			GUID  string `xml:"guid,attr"`
			Start int    `xml:"startPosition,attr"`
			End   int    `xml:"endPosition,attr"`
		} `xml:"PlainTextSelection"`
	} `xml:"Sources>TextSource"`
}

func TestReadNVivoFixture(t *testing.T) {
	const file = "testdata/nvivo-mac-12.7.qdpx"
	p, err := ReadFile(file, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The expectation, computed independently: the .txt decoded, sliced
	// by UTF-16 code units as NVivo counts, then stored as Themis stores.
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	part := func(name string) []byte {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var q fixtureQDE
	if err := xml.Unmarshal(part("project.qde"), &q); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // selection guid -> text NVivo showed
	naiveOff := 0               // selections that code points would have put elsewhere
	for _, s := range q.Sources {
		text := string(part("sources/" + strings.TrimPrefix(s.Path, "internal://")))
		units := utf16.Encode([]rune(text))
		runes := []rune(text)
		for _, sl := range s.Selections {
			want[sl.GUID] = corpus.Normalize(string(utf16.Decode(units[sl.Start:sl.End])))
			if sl.End > len(runes) || corpus.Normalize(string(runes[sl.Start:sl.End])) != want[sl.GUID] {
				naiveOff++
			}
		}
	}
	if len(want) != 297 {
		t.Fatalf("the fixture's qde has %d selections by encoding/xml, expected 297", len(want))
	}
	if naiveOff < 100 {
		t.Fatalf("only %d selections differ between UTF-16 units and code points: the fixture no longer tests the conversion", naiveOff)
	}

	if len(p.Users) != 2 || len(p.Sources) != 2 || p.Origin != "NVivo for Mac 12.7.0" {
		t.Fatalf("users %d, sources %d, origin %q; want 2, 2, NVivo for Mac 12.7.0", len(p.Users), len(p.Sources), p.Origin)
	}
	if n := countCodes(p.Codes); n != 152 || len(p.Codes) != 12 {
		t.Fatalf("%d codes (%d top-level), want 152 (12)", n, len(p.Codes))
	}
	got := 0
	users := map[string]int{}
	for _, s := range p.Sources {
		if s.Text != corpus.Normalize(s.Text) {
			t.Fatalf("source %s: text is not in stored form", s.Name)
		}
		for _, sl := range s.Selections {
			got++
			users[sl.CreatingUser]++
			w, ok := want[sl.GUID]
			if !ok {
				t.Fatalf("selection %s is not in the fixture", sl.GUID)
			}
			if g := segmentText(s, sl); g != w {
				t.Errorf("selection %s of %s:\n got %q\nwant %q", sl.GUID, s.Name, g, w)
			}
			if len(sl.Codings) != 1 || sl.Codings[0].CodeGUID == "" {
				t.Errorf("selection %s: codings %v", sl.GUID, sl.Codings)
			}
		}
	}
	if got != 297 {
		t.Fatalf("%d selections, want 297", got)
	}
	// Every selection of the fixture was made by floriansipos (counted with
	// grep over the .qde: creatingUser="f93ad076-…" on all 297).
	if users["f93ad076-5ca1-4f46-abf4-b4b67130a6e2"] != 297 {
		t.Fatalf("selections by user: %v", users)
	}
	if len(p.NotImported) != 0 {
		t.Fatalf("not imported: %v, want nothing", p.NotImported)
	}
}

func countCodes(cs []Code) int {
	n := len(cs)
	for _, c := range cs {
		n += countCodes(c.Children)
	}
	return n
}

func TestReadATLASFixture(t *testing.T) {
	const file = "testdata/atlasti-spec-example.qdpx"
	_, err := ReadFile(file, ReadOptions{})
	if !errors.Is(err, ErrMissingSources) || !errors.Is(err, errs.Invalid) {
		t.Fatalf("err = %v, want ErrMissingSources", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "atlasti-spec-example.qdpx" {
		t.Fatalf("err = %#v, want an *Error naming the file", err)
	}
	for _, name := range []string{"1960s Coca Cola commercial - Audio.docx", "1960s Coca Cola commercial - Visual.docx", "1994 Diet Coke-Diet Coke Break.docx", "Mabêl 2ième.txt", "Mabel.txt", "Simon.docx"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the message does not name %q: %v", name, err)
		}
	}

	p, err := ReadFile(file, ReadOptions{SkipMissingSources: true})
	if err != nil {
		t.Fatal(err)
	}
	// Counted by hand from the .qde (testdata/atlasti-spec-example.qdpx,
	// Project.qde): <Users> holds 3 User; <Codes> 14 Code, none nested;
	// <Sources> 6 TextSource (their sources/ folder is empty), holding 0,
	// 0, 1, 1, 1 and 3 PlainTextSelection; 2 PDFSource with 4 PDFSelection
	// and 2 PlainTextSelection in the second's Representation; 1
	// PictureSource with 1 PictureSelection; 1 AudioSource; 2 VideoSource,
	// the second with 2 VideoSelection (its Transcripts hold SyncPoints
	// only); <Notes> 2 Note; <Links> 1; <Sets> 16 Set; <Graphs> 1.
	if len(p.Users) != 3 || countCodes(p.Codes) != 14 || len(p.Codes) != 14 || len(p.Sources) != 0 || len(p.Notes) != 2 {
		t.Fatalf("users %d, codes %d, sources %d, notes %d; want 3, 14, 0, 2", len(p.Users), countCodes(p.Codes), len(p.Sources), len(p.Notes))
	}
	want := map[string]int{
		"text sources without their file":               6,
		"selections of text sources without their file": 6,
		"PDF sources":        2,
		"PDF selections":     6,
		"picture sources":    1,
		"picture selections": 1,
		"audio sources":      1,
		"video sources":      2,
		"video selections":   2,
		"sets":               16,
		"links":              1,
		"graphs":             1,
	}
	if !equalCounts(p.NotImported, want) {
		t.Fatalf("not imported:\n got %v\nwant %v", p.NotImported, want)
	}
	for _, c := range p.Codes {
		if c.Name == "Coke" && (c.Color != "#966450" || c.Description != "the breakfast of champions" || !c.Codable) {
			t.Fatalf("code Coke: %+v", c)
		}
	}
	if p.Notes[0].Name != "Research Plan" || !strings.HasPrefix(p.Notes[0].Text, "This is a great project") || p.Notes[0].CreatingUser != "AD68FBE7-E1EE-4A82-A279-23CC698C89EB" {
		t.Fatalf("first note: %+v", p.Notes[0])
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}

// TestReadVendorQuirks: CRLF line ends, a byte-order mark, a namespace
// prefix, a capital-S Sources/ folder, internal:// and relative paths and
// text in decomposed form, all in one archive, as ATLAS.ti and MAXQDA on
// Windows write them. Positions count the file's characters (CRLF is two);
// every segment must cover the text at those positions, stored.
func TestReadVendorQuirks(t *testing.T) {
	file := "Ann: I was hopeful 😀 then.\r\nBen: Why?\r\nAnn: Cafe\u0301 talk, plans.\r\n"
	runes := []rune(file)
	at := func(s string) (int, int) {
		i := strings.Index(file, s)
		if i < 0 {
			t.Fatalf("%q not in the file", s)
		}
		start := len([]rune(file[:i]))
		return start, start + len([]rune(s))
	}
	targets := []string{"I was hopeful 😀 then.", "then.\r\nBen", "Cafe\u0301 talk", "plans.\r\n", "\u0301 talk"}
	var sels strings.Builder
	var want []string
	for i, s := range targets {
		a, b := at(s)
		sels.WriteString(strings.ReplaceAll(sel("s-"+itoa(i), "", a, b), "PlainTextSelection", "qda:PlainTextSelection"))
		want = append(want, corpus.Normalize(string(runes[a:b])))
	}
	// A combining mark alone starts inside what NFC composes: the segment
	// widens to the whole composed letter.
	want[4] = "é talk"
	qde := strings.ReplaceAll(`<?xml version="1.0" encoding="utf-8"?>`+"\r\n"+`<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="Quirks" origin="ATLAS.ti 9.1 Windows">`+
		`<qda:Users><qda:User guid="u-1" name="Ann"/></qda:Users>`+
		`<qda:CodeBook><qda:Codes><qda:Code guid="c-1" name="Hope" isCodable="true"/></qda:Codes></qda:CodeBook>`+
		`<qda:Sources><qda:TextSource guid="t-1" name="one" plainTextPath="internal://ONE.txt">`+sels.String()+`</qda:TextSource>`+
		`<qda:TextSource guid="t-2" name="two" plainTextPath="relative:///two.txt"/></qda:Sources></qda:Project>`, "Coding", "qda:Coding")
	qde = strings.ReplaceAll(qde, "<CodeRef", "<qda:CodeRef")
	data := archiveOf(t,
		entry{"Project.qde", "\uFEFF" + qde},
		entry{"Sources/one.txt", "\uFEFF" + file},
		entry{"two.txt", "second\r\n"},
	)
	p, err := Read("quirks.qdpx", data, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sources) != 2 || p.Sources[1].Text != "second\n" {
		t.Fatalf("sources: %+v", p.Sources)
	}
	s := p.Sources[0]
	if s.Text != corpus.Normalize(file) {
		t.Fatalf("text %q, want %q", s.Text, corpus.Normalize(file))
	}
	if len(s.Selections) != len(want) {
		t.Fatalf("%d selections, want %d", len(s.Selections), len(want))
	}
	for i, sl := range s.Selections {
		if g := segmentText(s, sl); g != want[i] {
			t.Errorf("selection %d: got %q, want %q", i, g, want[i])
		}
		if sl.CreatingUser != "u-1" || len(sl.Codings) != 1 || sl.Codings[0].CodeGUID != "c-1" {
			t.Errorf("selection %d: %+v", i, sl)
		}
	}
}

// TestReadTextEncodings: UTF-8 with and without a BOM, UTF-16 LE and BE with
// one, each with a character outside the BMP before the selection.
func TestReadTextEncodings(t *testing.T) {
	text := "😀 héllo wörld\r\nnext"
	utf16Of := func(big bool) string {
		u := utf16.Encode([]rune("\uFEFF" + text))
		b := make([]byte, 0, 2*len(u))
		for _, x := range u {
			if big {
				b = append(b, byte(x>>8), byte(x))
			} else {
				b = append(b, byte(x), byte(x>>8))
			}
		}
		return string(b)
	}
	for name, file := range map[string]string{
		"utf-8":        text,
		"utf-8 bom":    "\uFEFF" + text,
		"utf-16le bom": utf16Of(false),
		"utf-16be bom": utf16Of(true),
	} {
		t.Run(name, func(t *testing.T) {
			data := archiveOf(t, entry{"project.qde", qdeOf("Test", testUsers+testCodes+`<Sources><TextSource guid="t" name="t" plainTextPath="internal://t.txt">`+sel("s", "", 2, 7)+`</TextSource></Sources>`)}, entry{"sources/t.txt", file})
			p, err := Read("enc.qdpx", data, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if g := segmentText(p.Sources[0], p.Sources[0].Selections[0]); g != "héllo" {
				t.Fatalf("segment %q, want héllo", g)
			}
		})
	}
}

// TestReadUnitFromNames: an archive whose origin names no tool known to
// count UTF-16 units is read in code points unless the selections' names,
// previews of their passages as ATLAS.ti writes them, say otherwise.
func TestReadUnitFromNames(t *testing.T) {
	text := "🙂🙂🙂 We went to the garden every week and it helped me more than the pills. 🙂 Then it closed."
	passage := "We went to the garden every week"
	cp := strings.Index(text, passage)
	cpStart := len([]rune(text[:cp]))
	u16Start := len(utf16.Encode([]rune(text[:cp])))
	n := len([]rune(passage))
	for name, c := range map[string]struct {
		start int
		name  string
	}{
		"code points": {cpStart, "We went to the garden…"},
		"utf-16":      {u16Start, "We went to the garden…"},
		"no preview":  {cpStart, "Quotation 1:1"},
	} {
		t.Run(name, func(t *testing.T) {
			data := archiveOf(t, entry{"project.qde", qdeOf("Some Tool", testUsers+testCodes+`<Sources><TextSource guid="t" name="t" plainTextPath="internal://t.txt">`+sel("s", c.name, c.start, c.start+n)+`</TextSource></Sources>`)}, entry{"sources/t.txt", text})
			p, err := Read("units.qdpx", data, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if g := segmentText(p.Sources[0], p.Sources[0].Selections[0]); g != passage {
				t.Fatalf("segment %q, want %q", g, passage)
			}
		})
	}
}

// TestReadMinimalArchives: archives as MAXQDA and QualCoder write them,
// leaving out what REFI-QDA makes optional.
func TestReadMinimalArchives(t *testing.T) {
	t.Run("MAXQDA-like", func(t *testing.T) {
		qde := qdeOf("MAXQDA 2022", testUsers+testCodes+
			`<Variables><Variable guid="v-1" name="Age" typeOfVariable="Integer"/><Variable guid="v-2" name="Member" typeOfVariable="boolean"><Description>in the group</Description></Variable></Variables>`+
			`<Cases><Case guid="k-1" name="P1"><VariableValue><VariableRef targetGUID="v-1"/><IntegerValue> 42 </IntegerValue></VariableValue><VariableValue><VariableRef targetGUID="v-2"/><BooleanValue>1</BooleanValue></VariableValue><VariableValue><VariableRef targetGUID="v-9"/><TextValue>x</TextValue></VariableValue><SourceRef targetGUID="t-1"/><SourceRef targetGUID="t-gone"/></Case></Cases>`+
			`<Sources><TextSource guid="t-1" name="Interview 1" creatingUser="u-2"><PlainTextContent>Inline text, coded.</PlainTextContent>`+
			`<PlainTextSelection guid="s-1" startPosition="0" endPosition="6"><Coding guid="g-1" creatingUser="u-2"><CodeRef targetGUID="c-2"/></Coding><NoteRef targetGUID="n-1"/></PlainTextSelection>`+
			`<Coding guid="g-2"><CodeRef targetGUID="c-1"/></Coding><NoteRef targetGUID="n-2"/></TextSource></Sources>`+
			`<Notes><Note guid="n-1" name="On the passage" creatingUser="u-2"><PlainTextContent>why inline?</PlainTextContent></Note><Note guid="n-2" name="Doc memo"><PlainTextContent>a&#13;&#10;memo</PlainTextContent></Note><Note guid="n-3" name="Project memo"><PlainTextContent>all</PlainTextContent></Note></Notes>`+
			`<NoteRef targetGUID="n-3"/>`)
		p, err := Read("maxqda.qdpx", archiveOf(t, entry{"project.qde", qde}), ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s := p.Sources[0]
		if s.Text != "Inline text, coded." || len(s.Selections) != 1 || segmentText(s, s.Selections[0]) != "Inline" {
			t.Fatalf("source: %+v", s)
		}
		if sl := s.Selections[0]; sl.CreatingUser != "u-2" || sl.Codings[0].CodeGUID != "c-2" || len(sl.NoteRefs) != 1 || sl.NoteRefs[0] != "n-1" {
			t.Fatalf("selection: %+v (its coder is the coding's when the selection names none)", sl)
		}
		if len(s.NoteRefs) != 1 || s.NoteRefs[0] != "n-2" || len(p.ProjectNotes) != 1 || p.ProjectNotes[0] != "n-3" || len(p.Notes) != 3 {
			t.Fatalf("notes: %+v %v %v", p.Notes, s.NoteRefs, p.ProjectNotes)
		}
		if p.Notes[1].Text != "a\nmemo" {
			t.Fatalf("note text %q", p.Notes[1].Text)
		}
		if p.Variables[0].Type != TypeInteger || p.Variables[1].Type != TypeBoolean || p.Variables[1].Description != "in the group" {
			t.Fatalf("variables: %+v", p.Variables)
		}
		if c := p.Cases[0]; c.Values["v-1"] != "42" || c.Values["v-2"] != "true" || len(c.Values) != 2 || len(c.Sources) != 1 || c.Sources[0] != "t-1" {
			t.Fatalf("case: %+v", c)
		}
		if p.Codes[0].Color != "#aabbcc" || p.Codes[0].Description != "looking forward" || p.Codes[1].Codable || len(p.Codes[0].Children) != 1 {
			t.Fatalf("codes: %+v", p.Codes)
		}
		if !equalCounts(p.NotImported, map[string]int{"codings of whole sources": 1, "values of undeclared variables": 1}) {
			t.Fatalf("not imported: %v", p.NotImported)
		}
	})
	t.Run("QualCoder-like", func(t *testing.T) {
		// No Users, no creatingUser, no colour, no name on the project.
		qde := `<?xml version="1.0" encoding="UTF-8"?><Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes><Code guid="c-1" name="Hope" isCodable="true"/></Codes></CodeBook>` +
			`<Sources><TextSource guid="t-1" name="doc.txt" plainTextPath="internal://t-1.txt"><PlainTextSelection guid="s-1" startPosition="4" endPosition="8"><Coding guid="g-1"><CodeRef targetGUID="c-1"/></Coding></PlainTextSelection>` +
			`<PlainTextSelection guid="s-2" startPosition="0" endPosition="3"/></TextSource></Sources></Project>`
		p, err := Read("qualcoder.qdpx", archiveOf(t, entry{"./project.qde", qde}, entry{"./sources/t-1.txt", "the text"}), ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s := p.Sources[0]
		if len(p.Users) != 0 || len(s.Selections) != 1 || segmentText(s, s.Selections[0]) != "text" || s.Selections[0].CreatingUser != "" {
			t.Fatalf("project: %+v", p)
		}
		if !equalCounts(p.NotImported, map[string]int{"selections without a code": 1}) {
			t.Fatalf("not imported: %v", p.NotImported)
		}
	})
}

// TestReadTurnsNote: Themis' turns note fills the source's turns and is not
// a note of the project; its own selections are not the source's; one that
// cannot be read is counted and ignored.
func TestReadTurnsNote(t *testing.T) {
	text := "Ann: Hello there.\nBen: Hi."
	good := EncodeTurnsNote([]Turn{{Speaker: "Ann", Start: 0, ContentStart: 5, End: 17}, {Speaker: "Ben", Start: 18, ContentStart: 23, End: 26}}, []Speaker{{Name: "Ann", CaseGUID: "k-1"}, {Name: "Ben", Excluded: true}})
	bad := EncodeTurnsNote([]Turn{{Speaker: "Ann", Start: 0, ContentStart: 5, End: 900}}, nil)
	qde := qdeOf("Themis", testUsers+testCodes+
		`<Sources><TextSource guid="t-1" name="one" plainTextPath="internal://t-1.txt">`+sel("s-1", "", 5, 10)+`<NoteRef targetGUID="turns-1"/><NoteRef targetGUID="memo"/></TextSource>`+
		`<TextSource guid="t-2" name="two" plainTextPath="internal://t-1.txt"><NoteRef targetGUID="turns-2"/></TextSource></Sources>`+
		`<Notes><Note guid="turns-1" name="`+ThemisTurnsNote+`"><PlainTextContent>`+xmlEscape(good)+`</PlainTextContent><PlainTextSelection guid="x" startPosition="0" endPosition="3"/></Note>`+
		`<Note guid="turns-2" name="`+ThemisTurnsNote+`"><PlainTextContent>`+xmlEscape(bad)+`</PlainTextContent></Note>`+
		`<Note guid="memo" name="Memo" creatingUser="u-2"><PlainTextContent>A memo.</PlainTextContent></Note></Notes>`)
	p, err := Read("themis.qdpx", archiveOf(t, entry{"project.qde", qde}, entry{"sources/t-1.txt", text}), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := p.Sources[0]
	if len(s.Turns) != 2 || s.Turns[1].Speaker != "Ben" || len(s.Speakers) != 2 || !s.Speakers[1].Excluded {
		t.Fatalf("turns %+v speakers %+v", s.Turns, s.Speakers)
	}
	if len(s.NoteRefs) != 1 || s.NoteRefs[0] != "memo" || len(p.Notes) != 1 || p.Notes[0].GUID != "memo" || p.Notes[0].CreatingUser != "u-2" {
		t.Fatalf("notes %+v, refs %v", p.Notes, s.NoteRefs)
	}
	if p.Sources[1].Turns != nil || len(p.Sources[1].NoteRefs) != 0 {
		t.Fatalf("second source: %+v", p.Sources[1])
	}
	if !equalCounts(p.NotImported, map[string]int{"unreadable Themis turn notes": 1}) {
		t.Fatalf("not imported: %v", p.NotImported)
	}
}

// TestReadDescriptionsBecomeMemos: an ATLAS.ti quotation's comment and a
// document's description come across as memos on them.
func TestReadDescriptionsBecomeMemos(t *testing.T) {
	qde := qdeOf("ATLAS.ti", testUsers+testCodes+`<Sources><TextSource guid="t-1" name="one" plainTextPath="internal://t-1.txt" creatingUser="u-1"><Description>From the pilot.</Description>`+
		strings.Replace(sel("s-1", "", 0, 3), "<Coding", "<Description>Why here?</Description><Coding", 1)+`</TextSource></Sources>`)
	data := archiveOf(t, entry{"project.qde", qde}, entry{"sources/t-1.txt", "abc def"})
	p, err := Read("d.qdpx", data, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Read("d.qdpx", data, ReadOptions{})
	s := p.Sources[0]
	if len(p.Notes) != 2 || len(s.NoteRefs) != 1 || len(s.Selections[0].NoteRefs) != 1 {
		t.Fatalf("notes %+v", p.Notes)
	}
	texts := map[string]string{}
	for _, n := range p.Notes {
		texts[n.GUID] = n.Text
	}
	if texts[s.NoteRefs[0]] != "From the pilot." || texts[s.Selections[0].NoteRefs[0]] != "Why here?" {
		t.Fatalf("notes %+v", p.Notes)
	}
	if again.Notes[0].GUID != p.Notes[0].GUID {
		t.Fatal("a description's memo has a different GUID on each read")
	}
}

func TestReadFileErrors(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), "none.qdpx"), ReadOptions{})
	var e *Error
	if !errors.As(err, &e) || e.File != "none.qdpx" || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v", err)
	}
	if errs.KindOf(err) != errs.NotFound {
		t.Fatalf("kind %v", errs.KindOf(err))
	}
	dir := t.TempDir()
	if _, err := ReadFile(dir, ReadOptions{}); errs.KindOf(err) != errs.Invalid || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("a folder: %v", err)
	}
	empty := filepath.Join(dir, "empty.qdpx")
	os.WriteFile(empty, nil, 0o600)
	if _, err := ReadFile(empty, ReadOptions{}); errs.KindOf(err) != errs.Unsupported || !strings.HasPrefix(err.Error(), "empty.qdpx: the file is empty") {
		t.Fatalf("an empty file: %v", err)
	}
}
