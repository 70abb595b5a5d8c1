package qdpx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"themis/frameworks"
	"themis/internal/fixtures"
)

// writeSchema is the REFI-QDA project schema, copied with its licence.
const writeSchema = "testdata/xsd/Project.xsd"

// writeSampleText has accents, an emoji outside the Basic Multilingual Plane
// (two UTF-16 units, one code point) and turns.
const writeSampleText = "Interviewer: Wie geht's?\nP1: Très bien 😊 — merci & au revoir.\n"

// writeSample is a small project using every part of the model Write writes.
func writeSample() *Project {
	g := func(s string) string { return StableGUID("test", s) }
	return &Project{
		Name:   `Wellbeing "study" & co`,
		Origin: "ignored: Themis always writes itself",
		Users:  []User{{GUID: g("aisha"), Name: "Aisha"}, {GUID: g("ben"), Name: "Ben"}},
		Codes: []Code{{
			GUID: g("feelings"), Name: "Feelings & moods", Color: "#c2410c", Description: "Top <level>", Codable: false,
			Children: []Code{
				{GUID: g("joy"), Name: "Joy 😊", Color: "#abc", Codable: true, NoteRefs: []string{g("code memo")},
					Children: []Code{{GUID: g("calm"), Name: "Calm", Codable: true}}},
			},
		}, {GUID: g("place"), Name: "Place", Codable: true}},
		Variables: []Variable{
			{GUID: g("age"), Name: "Age", Type: TypeInteger},
			{GUID: g("score"), Name: "Score", Type: TypeFloat, Description: "Warwick–Edinburgh"},
			{GUID: g("interviewed"), Name: "Interviewed", Type: TypeDate},
			{GUID: g("consented"), Name: "Consented", Type: TypeBoolean},
			{GUID: g("site"), Name: "Site", Type: TypeText},
			{GUID: g("at"), Name: "At", Type: TypeDateTime},
		},
		Cases: []Case{
			{GUID: g("p1"), Name: "P1", Values: map[string]string{
				g("age"): "34", g("score"): "1.5e3", g("interviewed"): "2024-03-07", g("consented"): "1",
				g("site"): "Café\tNord", g("at"): "2024-03-07T10:00:00Z",
			}, Sources: []string{g("doc1")}},
			{GUID: g("p2"), Name: "P2", Description: "no values"},
		},
		Sources: []Source{
			{GUID: g("doc1"), Name: "Interview 1", CreatingUser: g("aisha"), Text: writeSampleText,
				Selections: []Selection{
					{GUID: g("s1"), Start: 29, End: 40, CreatingUser: g("aisha"),
						Codings:  []Coding{{GUID: g("c1"), CodeGUID: g("joy"), CreatingUser: g("aisha")}},
						NoteRefs: []string{g("segment memo")}},
					{GUID: g("s2"), Start: 29, End: 40, CreatingUser: g("ben"),
						Codings: []Coding{{GUID: g("c2"), CodeGUID: g("calm"), CreatingUser: g("ben")}}},
				},
				NoteRefs: []string{g("doc memo")},
				Turns: []Turn{
					{Speaker: "Interviewer", Start: 0, ContentStart: 13, End: 25},
					{Speaker: "P1", Timestamp: "00:01:02", Start: 25, ContentStart: 29, End: 62},
				},
				Speakers: []Speaker{{Name: "Interviewer", Excluded: true}, {Name: "P1", CaseGUID: g("p1")}},
			},
			{GUID: g("doc2"), Name: "Notes\r\nfrom the field", Text: "Nothing coded.\nA second line."},
		},
		Notes: []Note{
			{GUID: g("project memo"), Name: "Project memo", Text: "Aims:\n- **one**\n- two", CreatingUser: g("aisha"), Created: "2024-03-01T09:00:00.123456789Z"},
			{GUID: g("doc memo"), Name: "Memo on Interview 1", Text: "Long pauses.", CreatingUser: g("ben"), Created: "2024-03-02T09:00:00Z"},
			{GUID: g("code memo"), Name: "Memo on Joy", Text: "Includes relief <after> worry.", CreatingUser: g("aisha")},
			{GUID: g("segment memo"), Name: "Memo on a passage", Text: "Irony?"},
		},
		ProjectNotes: []string{g("project memo")},
	}
}

// writeUnzip returns the files of an archive by name, in archive order.
func writeUnzip(t *testing.T, data []byte) ([]string, map[string][]byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		files[f.Name] = b
		if !f.Modified.Equal(writeZipTime) {
			t.Errorf("%s: modified %v, want the fixed %v", f.Name, f.Modified, writeZipTime)
		}
	}
	return names, files
}

func writeBytes(t *testing.T, p *Project) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteGolden(t *testing.T) {
	_, files := writeUnzip(t, writeBytes(t, writeSample()))
	qde := files["project.qde"]
	golden := filepath.Join("testdata", "golden", "project.qde")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, qde, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./interop/qdpx/ -run WriteGolden -update to make it)", err)
	}
	if !bytes.Equal(qde, want) {
		t.Errorf("project.qde differs from %s (run with -update if the change is meant):\n%s", golden, qde)
	}
	fixtures.ValidateXML(t, writeSchema, qde)
}

func TestWriteValidatesMinimalProjects(t *testing.T) {
	// Every optional part left out: the schema wants no empty containers.
	for name, p := range map[string]*Project{
		"empty":        {Name: "Nothing yet"},
		"one source":   {Name: "x", Sources: []Source{{GUID: StableGUID("d"), Name: "d", Text: ""}}},
		"only a user":  {Name: "x", Users: []User{{GUID: StableGUID("u"), Name: "u"}}},
		"only turns":   {Name: "x", Sources: []Source{{GUID: StableGUID("d"), Text: "A: hi", Turns: []Turn{{Speaker: "A", End: 5, ContentStart: 3}}}}},
		"only a value": {Name: "x", Variables: []Variable{{GUID: StableGUID("v"), Name: "v", Type: TypeText}}, Cases: []Case{{GUID: StableGUID("c"), Values: map[string]string{StableGUID("v"): ""}}}},
	} {
		t.Run(name, func(t *testing.T) {
			_, files := writeUnzip(t, writeBytes(t, p))
			fixtures.ValidateXML(t, writeSchema, files["project.qde"])
		})
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	a, b := writeBytes(t, writeSample()), writeBytes(t, writeSample())
	if !bytes.Equal(a, b) {
		t.Fatal("the same model gave two different archives")
	}
}

func TestWriteArchiveHoldsTheSourcesAsTheyAre(t *testing.T) {
	p := writeSample()
	names, files := writeUnzip(t, writeBytes(t, p))
	want := []string{"project.qde", "sources/" + p.Sources[0].GUID + ".txt", "sources/" + p.Sources[1].GUID + ".txt"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("archive holds %q, want %q", names, want)
	}
	for i, s := range p.Sources {
		got := files[want[i+1]]
		if string(got) != s.Text {
			t.Errorf("%s: %q, want the source's text %q", want[i+1], got, s.Text)
		}
		if bytes.HasPrefix(got, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s begins with a byte-order mark", want[i+1])
		}
	}
	qde := string(files["project.qde"])
	for _, s := range []string{"basePath", "file://", "/tmp", "ignored: Themis"} {
		if strings.Contains(qde, s) {
			t.Errorf("project.qde holds %q", s)
		}
	}
	if !strings.Contains(qde, `plainTextPath="internal://`+p.Sources[0].GUID+`.txt"`) {
		t.Error("the source is not referred to as internal://<guid>.txt")
	}
}

// The parts of project.qde read back with encoding/xml, independently of
// the writer.
type wProject struct {
	Name   string `xml:"name,attr"`
	Origin string `xml:"origin,attr"`
	Users  []struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:"name,attr"`
	} `xml:"Users>User"`
	Codes   []wCode   `xml:"CodeBook>Codes>Code"`
	Cases   []wCase   `xml:"Cases>Case"`
	Sources []wSource `xml:"Sources>TextSource"`
	Notes   []wNote   `xml:"Notes>Note"`
	NoteRef []wRef    `xml:"NoteRef"`
}

type wRef struct {
	Target string `xml:"targetGUID,attr"`
}

type wCode struct {
	GUID        string  `xml:"guid,attr"`
	Name        string  `xml:"name,attr"`
	Codable     bool    `xml:"isCodable,attr"`
	Color       string  `xml:"color,attr"`
	Description string  `xml:"Description"`
	NoteRef     []wRef  `xml:"NoteRef"`
	Children    []wCode `xml:"Code"`
}

type wCase struct {
	Name   string `xml:"name,attr"`
	Values []struct {
		Ref      wRef   `xml:"VariableRef"`
		Text     string `xml:"TextValue"`
		Integer  string `xml:"IntegerValue"`
		Float    string `xml:"FloatValue"`
		Date     string `xml:"DateValue"`
		Boolean  string `xml:"BooleanValue"`
		DateTime string `xml:"DateTimeValue"`
	} `xml:"VariableValue"`
	Sources []wRef `xml:"SourceRef"`
}

type wSource struct {
	GUID       string `xml:"guid,attr"`
	Name       string `xml:"name,attr"`
	Path       string `xml:"plainTextPath,attr"`
	Selections []struct {
		GUID    string `xml:"guid,attr"`
		Start   int    `xml:"startPosition,attr"`
		End     int    `xml:"endPosition,attr"`
		User    string `xml:"creatingUser,attr"`
		Codings []struct {
			User string `xml:"creatingUser,attr"`
			Code wRef   `xml:"CodeRef"`
		} `xml:"Coding"`
		NoteRef []wRef `xml:"NoteRef"`
	} `xml:"PlainTextSelection"`
	NoteRef []wRef `xml:"NoteRef"`
}

type wNote struct {
	GUID    string `xml:"guid,attr"`
	Name    string `xml:"name,attr"`
	User    string `xml:"creatingUser,attr"`
	Created string `xml:"creationDateTime,attr"`
	Text    string `xml:"PlainTextContent"`
}

func writeReadBack(t *testing.T, p *Project) (wProject, map[string][]byte) {
	t.Helper()
	_, files := writeUnzip(t, writeBytes(t, p))
	var x wProject
	if err := xml.Unmarshal(files["project.qde"], &x); err != nil {
		t.Fatal(err)
	}
	return x, files
}

func TestWriteReadsBack(t *testing.T) {
	p := writeSample()
	x, files := writeReadBack(t, p)
	if x.Name != p.Name || x.Origin != "Themis" {
		t.Errorf("project %q origin %q, want %q origin Themis", x.Name, x.Origin, p.Name)
	}
	if len(x.Users) != 2 || x.Users[1].Name != "Ben" {
		t.Errorf("users %+v", x.Users)
	}
	joy := x.Codes[0].Children[0]
	if x.Codes[0].Codable || x.Codes[0].Description != "Top <level>" || joy.Name != "Joy 😊" || joy.Color != "#abc" ||
		len(joy.Children) != 1 || joy.Children[0].Name != "Calm" || len(joy.NoteRef) != 1 || joy.NoteRef[0].Target != p.Notes[2].GUID {
		t.Errorf("codebook %+v", x.Codes)
	}

	// Typed values, in the forms their XML Schema types require.
	values := map[string]string{}
	for _, v := range x.Cases[0].Values {
		values[v.Ref.Target] = v.Text + v.Integer + v.Float + v.Date + v.Boolean + v.DateTime
	}
	g := func(s string) string { return StableGUID("test", s) }
	for k, want := range map[string]string{"age": "34", "score": "1500", "interviewed": "2024-03-07", "consented": "true", "site": "Café\tNord", "at": "2024-03-07T10:00:00Z"} {
		if values[g(k)] != want {
			t.Errorf("value of %s: %q, want %q", k, values[g(k)], want)
		}
	}
	if len(x.Cases[0].Sources) != 1 || x.Cases[0].Sources[0].Target != p.Sources[0].GUID {
		t.Errorf("case sources %+v", x.Cases[0].Sources)
	}

	// Positions are code points: the selection covers the same words when
	// counted independently over the archived file.
	src := x.Sources[0]
	text := []rune(string(files["sources/"+strings.TrimPrefix(src.Path, "internal://")]))
	for _, s := range src.Selections {
		if got := string(text[s.Start:s.End]); got != "Très bien 😊" {
			t.Errorf("selection %d–%d covers %q", s.Start, s.End, got)
		}
	}
	if src.Selections[1].User != g("ben") || src.Selections[1].Codings[0].User != g("ben") || src.Selections[1].Codings[0].Code.Target != g("calm") {
		t.Errorf("Ben's selection %+v", src.Selections[1])
	}
	if len(src.Selections[0].NoteRef) != 1 || src.Selections[0].NoteRef[0].Target != g("segment memo") {
		t.Errorf("segment memo ref %+v", src.Selections[0].NoteRef)
	}
	if x.Sources[1].Name != p.Sources[1].Name {
		t.Errorf("a name with a line break came back as %q", x.Sources[1].Name)
	}

	// The source refers to its memo and to its turns note, which gives the
	// turns and speakers back.
	notes := map[string]wNote{}
	for _, n := range x.Notes {
		notes[n.GUID] = n
	}
	if len(src.NoteRef) != 2 || src.NoteRef[0].Target != g("doc memo") {
		t.Fatalf("source note refs %+v", src.NoteRef)
	}
	turns := notes[src.NoteRef[1].Target]
	if turns.Name != ThemisTurnsNote || !IsTurnsNote(turns.Text) {
		t.Fatalf("the source's second note is %+v, want its turns note", turns)
	}
	gotTurns, gotSpeakers, err := DecodeTurnsNote(turns.Text, len(text))
	if err != nil {
		t.Fatal(err)
	}
	if !writeEqualTurns(gotTurns, p.Sources[0].Turns) || len(gotSpeakers) != 2 || gotSpeakers[1] != p.Sources[0].Speakers[1] || !gotSpeakers[0].Excluded {
		t.Errorf("turns note gives %+v %+v", gotTurns, gotSpeakers)
	}
	if len(x.Sources[1].NoteRef) != 0 {
		t.Error("a source without turns got a turns note")
	}

	// Memos: text (Markdown, line breaks), author, time.
	pm := notes[g("project memo")]
	if pm.Text != p.Notes[0].Text || pm.User != g("aisha") || pm.Created != p.Notes[0].Created {
		t.Errorf("project memo %+v", pm)
	}
	if len(x.NoteRef) != 1 || x.NoteRef[0].Target != g("project memo") {
		t.Errorf("project note refs %+v", x.NoteRef)
	}
	if len(x.Notes) != len(p.Notes)+1 {
		t.Errorf("%d notes, want the %d memos and one turns note", len(x.Notes), len(p.Notes))
	}
}

func writeEqualTurns(a, b []Turn) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWriteEscapesWhatXMLCannotHold(t *testing.T) {
	p := writeSample()
	p.Codes[1].Name = "a\"b'c<d>&e\tf\r\ng"
	p.Codes[1].Description = "line\r\nbreak\rcr\x01bell\uFFFEx ]]> end"
	p.Notes[3].Text = "  spaces kept  \n\n"
	x, files := writeReadBack(t, p)
	if got := x.Codes[1].Name; got != p.Codes[1].Name {
		t.Errorf("name came back as %q, want %q", got, p.Codes[1].Name)
	}
	if got, want := x.Codes[1].Description, "line\r\nbreak\rcr\uFFFDbell\uFFFDx ]]> end"; got != want {
		t.Errorf("description came back as %q, want %q", got, want)
	}
	for _, n := range x.Notes {
		if n.GUID == p.Notes[3].GUID && n.Text != p.Notes[3].Text {
			t.Errorf("note text came back as %q", n.Text)
		}
	}
	fixtures.ValidateXML(t, writeSchema, files["project.qde"])
}

func TestWriteRefusesWhatOtherToolsCannotRead(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spoil func(p *Project)
		want  string
	}{
		{"bad guid", func(p *Project) { p.Users[0].GUID = "aisha" }, `user "Aisha" has guid "aisha"`},
		{"source guid as a path", func(p *Project) { p.Sources[1].GUID = "../../evil" }, `source "Notes\r\nfrom the field" has guid "../../evil"`},
		{"repeated guid", func(p *Project) { p.Codes[1].GUID = p.Codes[0].GUID }, `code "Place" has guid ` + writeSample().Codes[0].GUID + `, already the guid of code "Feelings & moods"`},
		{"unknown code", func(p *Project) { p.Sources[0].Selections[0].Codings[0].CodeGUID = StableGUID("nope") }, "applies code " + StableGUID("nope") + ", which the codebook does not hold"},
		{"unknown note", func(p *Project) { p.ProjectNotes = append(p.ProjectNotes, StableGUID("nope")) }, "the project refers to note"},
		{"unknown user", func(p *Project) { p.Notes[0].CreatingUser = StableGUID("nope") }, `note "Project memo" names creating user`},
		{"unknown variable", func(p *Project) { p.Cases[1].Values = map[string]string{StableGUID("nope"): "x"} }, `case "P2" has a value for variable`},
		{"unknown source", func(p *Project) { p.Cases[1].Sources = []string{StableGUID("nope")} }, `case "P2" refers to source`},
		{"past the end", func(p *Project) { p.Sources[0].Selections[1].End = 63 }, `selection 29–63 of source "Interview 1" does not lie within its text of 62 characters`},
		{"negative", func(p *Project) { p.Sources[0].Selections[1].Start = -1 }, "does not lie within"},
		{"backwards", func(p *Project) { p.Sources[0].Selections[1].Start = 41 }, "does not lie within"},
		{"not a date", func(p *Project) { p.Cases[0].Values[StableGUID("test", "interviewed")] = "07/03/2024" }, `case "P1": Interviewed: "07/03/2024" is not a date`},
		{"not an integer", func(p *Project) { p.Cases[0].Values[StableGUID("test", "age")] = "34.5" }, `Age: "34.5" is not a whole number`},
		{"not a number", func(p *Project) { p.Cases[0].Values[StableGUID("test", "score")] = "Inf" }, `Score: "Inf" is not a finite number`},
		{"not a boolean", func(p *Project) { p.Cases[0].Values[StableGUID("test", "consented")] = "yes" }, `Consented: "yes" is not true or false`},
		{"unknown type", func(p *Project) { p.Variables[4].Type = "String" }, `variable "Site" has type "String"`},
		{"bad colour", func(p *Project) { p.Codes[1].Color = "red" }, `code "Place" has colour "red"`},
		{"byte-order mark", func(p *Project) { p.Sources[1].Text = "\uFEFF" + p.Sources[1].Text }, "begins with a byte-order mark"},
		{"not UTF-8", func(p *Project) { p.Sources[1].Text = "caf\xe9" }, "has text that is not valid UTF-8"},
		{"turn past the end", func(p *Project) { p.Sources[0].Turns[1].End = 63 }, `source "Interview 1": turn 2 (25–63) does not fit its text of 62 characters after the turn before it`},
		{"turns overlap", func(p *Project) { p.Sources[0].Turns[1].Start = 20 }, `turn 2 (20–62) does not fit`},
		{"tab in a speaker", func(p *Project) { p.Sources[0].Speakers[1].Name = "P\t1" }, `source "Interview 1": speaker "P\t1" has a tab or line break`},
		{"bad time", func(p *Project) { p.Notes[0].Created = "yesterday" }, `was created "yesterday"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeSample()
			tc.spoil(p)
			var b bytes.Buffer
			err := Write(&b, p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if b.Len() != 0 {
				t.Errorf("%d bytes written before the refusal", b.Len())
			}
		})
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "study.qdpx")
	if err := WriteFile(path, writeSample()); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, writeBytes(t, writeSample())) {
		t.Error("WriteFile wrote other bytes than Write")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644 like any document", info.Mode().Perm())
	}

	// A refused model leaves the earlier file as it was and no temporary
	// file behind.
	bad := writeSample()
	bad.Users[0].GUID = "x"
	if err := WriteFile(path, bad); err == nil {
		t.Fatal("a bad model was written")
	}
	now, _ := os.ReadFile(path)
	if !bytes.Equal(now, first) {
		t.Error("a failed write changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %q, want only study.qdpx", names)
	}

	// A folder that does not exist: an error naming the file, nothing made.
	if err := WriteFile(filepath.Join(dir, "missing", "x.qdpx"), writeSample()); err == nil || !strings.Contains(err.Error(), "x.qdpx") {
		t.Errorf("got %v, want an error naming x.qdpx", err)
	}
}

func TestWriteGUIDs(t *testing.T) {
	g := StableGUID("x")
	up := strings.ToUpper(g)
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{g, g, true}, {up, g, true}, {"{" + up + "}", g, true},
		{"{" + g, "", false}, {g + "0", "", false}, {strings.Replace(g, "-", "_", 1), "", false},
		{strings.Replace(g, g[:1], "g", 1), "", false}, {"", "", false},
	} {
		if got, ok := writeGUID(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("writeGUID(%q) = %q %v, want %q %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	// The same guid in braces and capitals is still the same guid.
	p := writeSample()
	p.Codes[1].GUID = "{" + strings.ToUpper(p.Codes[0].GUID) + "}"
	if err := Write(io.Discard, p); err == nil || !strings.Contains(err.Error(), "already the guid of") {
		t.Errorf("a repeated guid in other letters: %v", err)
	}
	// A guid in braces names its source's file without them.
	p = writeSample()
	p.Sources[1].GUID = "{" + strings.ToUpper(p.Sources[1].GUID) + "}"
	names, _ := writeUnzip(t, writeBytes(t, p))
	if want := "sources/" + strings.ToUpper(writeSample().Sources[1].GUID) + ".txt"; names[2] != want {
		t.Errorf("archive names %q, want %s", names, want)
	}
}

func TestStableGUID(t *testing.T) {
	v5 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	a := StableGUID("document", "abc")
	if !v5.MatchString(a) {
		t.Errorf("%s is not a version 5 UUID", a)
	}
	if a != StableGUID("document", "abc") {
		t.Error("the same parts gave two guids")
	}
	for _, other := range [][]string{{"document", "abd"}, {"coder", "abc"}, {"documenta", "bc"}, {"document", "ab", "c"}} {
		if StableGUID(other...) == a {
			t.Errorf("%q gives the guid of [document abc]", other)
		}
	}
	// Parts are joined by NUL in the namespace of frameworks.GUIDOf, so the
	// guid a code gets from its framework and ref is StableGUID's too: one
	// namespace for every guid Themis derives.
	f := frameworks.Framework{Name: "Keyes"}
	if got := f.GUIDOf(frameworks.Code{Ref: "positive-affect"}); got != StableGUID("Keyes", "positive-affect") {
		t.Errorf("GUIDOf %s, StableGUID %s", got, StableGUID("Keyes", "positive-affect"))
	}
	// Fixed forever: changing it would change every exported guid, and a
	// project exported before would no longer match its copies.
	if got := StableGUID("framework", "Keyes"); got != "e0c6668b-2428-5137-9bd2-3666fe632c8a" {
		t.Errorf("StableGUID(framework, Keyes) = %s; the namespace or the joining changed", got)
	}
}

// TestWriteThenRead is the writer's half of the round trip: what Write
// writes, Read gives back as it was, turns note and all.
func TestWriteThenRead(t *testing.T) {
	want := writeSample()
	// The model's colours are #rrggbb (the sample's #abc is the schema's
	// short form, which other tools may write).
	want.Codes[0].Children[0].Color = "#aabbcc"
	got, err := Read("sample.qdpx", writeBytes(t, want), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// What the writer puts in its own forms: origin, typed values.
	want.Origin = "Themis"
	g := func(s string) string { return StableGUID("test", s) }
	want.Cases[0].Values[g("consented")] = "true"
	want.Cases[0].Values[g("score")] = "1500"
	if len(got.NotImported) == 0 {
		got.NotImported = nil
	}
	if !reflect.DeepEqual(got, want) {
		gj, _ := json.MarshalIndent(got, "", " ")
		wj, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("read back:\n%s\nwant:\n%s", gj, wj)
	}
}
