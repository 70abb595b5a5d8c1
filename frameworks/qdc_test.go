package frameworks

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// xmllintValidate checks a .qdc file against the REFI-QDA codebook schema.
func xmllintValidate(t *testing.T, data []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed; install libxml2-utils (apt-get install libxml2-utils) to validate REFI-QDA exports")
	}
	file := filepath.Join(t.TempDir(), "export.qdc")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/Codebook.xsd", file).CombinedOutput()
	if err != nil {
		t.Errorf("export is not valid against the REFI-QDA schema: %v\n%s\n%s", err, out, data)
	}
}

func TestEncodeQDCIsValidREFIQDA(t *testing.T) {
	fws := []Framework{tricky()}
	for _, b := range Builtins() {
		f, _ := BuiltinFramework(b.ID)
		fws = append(fws, f)
	}
	for _, f := range fws {
		t.Run(f.Name, func(t *testing.T) {
			data, err := EncodeQDC(f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(data), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Themis\">") {
				t.Errorf("unexpected start:\n%.200s", data)
			}
			xmllintValidate(t, data)
			again, _ := EncodeQDC(f)
			if string(again) != string(data) {
				t.Error("exporting twice gives different bytes")
			}
		})
	}
}

func TestQDCRoundTrip(t *testing.T) {
	for _, b := range Builtins() {
		f, _ := BuiltinFramework(b.ID)
		data, err := EncodeQDC(f)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(b.ID+".qdc", data)
		if err != nil {
			t.Fatalf("%s: %v", b.ID, err)
		}
		if back.Name != b.ID || back.Description != "" || len(back.Codes) != len(f.Codes) {
			t.Fatalf("%s: name %q, description %q, %d codes", b.ID, back.Name, back.Description, len(back.Codes))
		}
		// What REFI-QDA carries comes back; keys, scales and refs do not.
		for i, c := range f.Codes {
			g := back.Codes[i]
			if g.Name != c.Name || g.Definition != c.Definition || g.WhenToUse != c.WhenToUse ||
				g.WhenNotToUse != c.WhenNotToUse || strings.Join(g.Examples, "|") != strings.Join(c.Examples, "|") ||
				g.Color != c.Color || g.Codable != c.Codable || g.GUID != f.GUIDOf(c) || g.Key != "" || g.Scale != nil {
				t.Errorf("%s: code %d\n got %+v\nwant %+v", b.ID, i, g, c)
			}
			if (g.Parent == "") != (c.Parent == "") {
				t.Errorf("%s: code %q lost or gained a parent", b.ID, c.Name)
			}
		}
		// Re-exporting what was imported gives the same bytes, because guids
		// are kept; only the name (from the file name) changes derived ones,
		// and none are derived any more.
		again, err := EncodeQDC(back)
		if err != nil || string(again) != string(data) {
			t.Errorf("%s: re-export differs (%v)", b.ID, err)
		}
	}
}

func TestParseQDCSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.qdc")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("testdata/sample.qdc", data)
	if err != nil {
		t.Fatal(err)
	}
	want := Framework{
		Name: "sample",
		Description: `Code names must be unique in Themis, so some were renamed on import from sample.qdc: ` +
			`"Hope" (line 24) became "Hope (Activities)".`,
		Codes: []Code{
			{Ref: "wellbeing", Name: "Wellbeing", Color: "#3366cc", Codable: false, GUID: "{6B0B5C52-91F8-4E0B-9A3B-0E2B1E6E2F01}",
				Definition: "Everything participants say about their own well-being."},
			{Ref: "feelings", Parent: "wellbeing", Name: "Feelings", Color: "#FF8800", Codable: true, GUID: "6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f02",
				Definition: "Moods and emotions.", WhenToUse: "the speaker names a feeling of their own.",
				WhenNotToUse: "feelings attributed to others.", Examples: []string{"I felt lighter walking home.", "Some days I'm just flat."}},
			{Ref: "hope", Parent: "feelings", Name: "Hope", Color: "#00aa00", Codable: true, GUID: "6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f03"},
			{Ref: "worry", Parent: "feelings", Name: "Worry", Codable: true, GUID: "6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f04"},
			{Ref: "activities", Parent: "wellbeing", Name: "Activities", Codable: true, GUID: "6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f05"},
			{Ref: "hope-activities", Parent: "activities", Name: "Hope (Activities)", Codable: true, GUID: "6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f06",
				Definition: "Hope attached to an activity & its people."},
			{Ref: "service", Name: "Service", Codable: true, GUID: "6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f07"},
		},
	}
	sameFramework(t, f, want)
	out, err := EncodeQDC(f)
	if err != nil {
		t.Fatal(err)
	}
	xmllintValidate(t, out)
}

func TestEncodeQDCEmptyFramework(t *testing.T) {
	_, err := EncodeQDC(Framework{Name: "Nothing yet"})
	if err == nil || !strings.Contains(err.Error(), "at least one") {
		t.Errorf("err = %v", err)
	}
}

func TestDescriptionSplitting(t *testing.T) {
	tests := []struct {
		in                 string
		def, when, whenNot string
		examples           []string
	}{
		{"", "", "", "", nil},
		{"Just a definition.\n\nIn two paragraphs.", "Just a definition.\n\nIn two paragraphs.", "", "", nil},
		{"When to use: a\n\nmore a\n\nExample: x\n\nWhen not to use: b", "", "a\n\nmore a", "b", []string{"x"}},
		{"Def\n\nWhen to use: a\n\nWhen to use: b", "Def", "a\n\nb", "", nil},
		{"  \n\n\nWhen to use: x", "", "x", "", nil},
		{"Example:\n\nExample:   y  ", "", "", "", []string{"", "y"}},
	}
	for _, tt := range tests {
		def, when, whenNot, ex := splitDescription(tt.in)
		if def != tt.def || when != tt.when || whenNot != tt.whenNot || strings.Join(ex, "|") != strings.Join(tt.examples, "|") || len(ex) != len(tt.examples) {
			t.Errorf("split(%q) = %q %q %q %q", tt.in, def, when, whenNot, ex)
		}
		// Splitting what joining gives back is a fixed point.
		c := Code{Definition: def, WhenToUse: when, WhenNotToUse: whenNot, Examples: ex}
		d2, w2, n2, e2 := splitDescription(joinDescription(c))
		if d2 != def || w2 != when || n2 != whenNot || strings.Join(e2, "|") != strings.Join(ex, "|") || len(e2) != len(ex) {
			t.Errorf("split(join(split(%q))) differs", tt.in)
		}
	}
}

func TestParseQDCErrors(t *testing.T) {
	const head = `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<CodeBook xmlns="urn:QDA-XML:codebook:1.0">` + "\n<Codes>\n"
	const tail = "</Codes>\n</CodeBook>\n"
	const g = `guid="6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f01"`
	tests := []struct{ name, data, want string }{
		{"empty", "", "c.qdc: the file is empty"},
		{"not xml", "hello", "c.qdc: not a REFI-QDA codebook: no <CodeBook> element"},
		{"broken xml", "<CodeBook><Codes", "c.qdc:1: invalid XML"},
		{"wrong root", `<?xml version="1.0"?>` + "\n<Project/>", "c.qdc:2: not a REFI-QDA codebook: the document is a <Project>, expected <CodeBook>"},
		{"no codes element", "<CodeBook>\n</CodeBook>", "c.qdc:2: not a REFI-QDA codebook: <CodeBook> has no <Codes>"},
		{"no code", head + tail, "c.qdc:3: the codebook's <Codes> holds no <Code>"},
		{"unclosed", head + `<Code ` + g + ` name="A" isCodable="true">` + "\n", "c.qdc:5: invalid XML"},
		{"mismatched tag", head + `<Code ` + g + ` name="A" isCodable="true">` + "\n</Cod>\n" + tail, "c.qdc:5: invalid XML: element <Code> closed by </Cod>"},
		{"missing name", head + `<Code ` + g + ` isCodable="true"/>` + "\n" + tail, "c.qdc:4: <Code>: the name attribute is missing or empty"},
		{"missing guid", head + `<Code name="A" isCodable="true"/>` + "\n" + tail, `c.qdc:4: <Code name="A">: the guid attribute is missing`},
		{"bad guid", head + `<Code guid="x" name="A" isCodable="true"/>` + "\n" + tail, `c.qdc:4: <Code name="A">: guid: expected`},
		{"bad colour", head + `<Code ` + g + ` name="A" isCodable="true" color="red"/>` + "\n" + tail, `c.qdc:4: <Code name="A">: color: expected #rrggbb or #rgb, got "red"`},
		{"bad isCodable", head + `<Code ` + g + ` name="A" isCodable="maybe"/>` + "\n" + tail, `c.qdc:4: <Code name="A">: isCodable: expected true or false, got "maybe"`},
		{"duplicate guid", head + `<Code ` + g + ` name="A" isCodable="true"/>` + "\n" + `<Code ` + g + ` name="B" isCodable="true"/>` + "\n" + tail, `c.qdc:5: <Code name="B">: guid 6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f01 is already the guid of "A" (line 4)`},
		{"entity", head + `<Code ` + g + ` name="A&nbsp;" isCodable="true"/>` + "\n" + tail, "c.qdc:4: invalid XML: invalid character entity &nbsp;"},
		{"latin-1 declared", `<?xml version="1.0" encoding="ISO-8859-1"?><CodeBook/>`, `only UTF-8 codebooks can be read`},
		{"binary", "\x00\x01", "c.qdc:1:1: this is not a text file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseQDC("c.qdc", []byte(tt.data))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("%T is not a *FileError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n%v\nwant it to contain\n%s", err, tt.want)
			}
		})
	}
}

func TestParseQDCDeepNestingIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("<CodeBook><Codes>")
	for i := 0; i < 10000; i++ {
		b.WriteString(`<Code guid="6b0b5c52-91f8-4e0b-9a3b-0e2b1e6e2f01" name="A" isCodable="true">`)
	}
	_, err := ParseQDC("deep.qdc", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("err = %v", err)
	}
}
