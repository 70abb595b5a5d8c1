package frameworks

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// tricky is a valid framework with text that trips up encoders.
func tricky() Framework {
	three, half := 3.0, -0.5
	return Framework{
		Name:        `Tricky: "quotes" & <angle> 'brackets' 🙂`,
		Description: "Line one\nline two with trailing space \n\n  indented paragraph\ttab",
		Codes: []Code{
			{Ref: "a", Name: "Émotions & <feelings>", Codable: false, Color: "#ABCDEF",
				Definition: "Uses *stars*, _underscores_, `ticks`, # hashes, | pipes, [links](x) and <script>alert(1)</script>."},
			{Ref: "b", Parent: "a", Name: "*Hope*", Codable: true, Key: "1", Color: "#00ff00", Scale: &three,
				WhenToUse: "- a list?\n1. numbered", WhenNotToUse: "> not a quote", Examples: []string{"“It's fine,” she said.", "two\nlines", ""},
				GUID: "{0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E}"},
			{Ref: "c", Parent: "b", Name: "yes", Codable: true, Key: "0", Scale: &half, Definition: "123"},
			{Ref: "d", Name: "null", Codable: true, Definition: "~", WhenToUse: "true", Examples: []string{"1e3", "#not a comment"}},
			{Ref: "e", Name: "😀 emoji only", Codable: true, Definition: "\u2028line sep and \u0085 nel and \x7f del"},
		},
	}
}

func sameFramework(t *testing.T, got, want Framework) {
	t.Helper()
	norm := func(f Framework) Framework {
		codes := make([]Code, len(f.Codes))
		for i, c := range f.Codes {
			if len(c.Examples) == 0 {
				c.Examples = nil
			}
			codes[i] = c
		}
		f.Codes = codes
		return f
	}
	if !reflect.DeepEqual(norm(got), norm(want)) {
		t.Errorf("frameworks differ:\n got %#v\nwant %#v", got, want)
	}
}

func TestRoundTripYAMLAndJSON(t *testing.T) {
	fws := []Framework{tricky(), {Name: "Empty"}}
	for _, b := range Builtins() {
		f, _ := BuiltinFramework(b.ID)
		fws = append(fws, f)
	}
	for _, f := range fws {
		for _, format := range []struct {
			ext    string
			encode func(Framework) ([]byte, error)
		}{{".yaml", EncodeYAML}, {".json", EncodeJSON}} {
			data, err := format.encode(f)
			if err != nil {
				t.Fatalf("%s%s: %v", f.Name, format.ext, err)
			}
			back, err := Parse("x"+format.ext, data)
			if err != nil {
				t.Fatalf("%s%s: %v\n%s", f.Name, format.ext, err, data)
			}
			sameFramework(t, back, f)
			again, _ := format.encode(back)
			if string(again) != string(data) {
				t.Errorf("%s%s: encoding is not stable", f.Name, format.ext)
			}
		}
	}
}

func TestEncodeRefusesInvalidFrameworks(t *testing.T) {
	bad := Framework{Name: "x", Codes: []Code{{Ref: "a", Name: "A", Color: "red"}}}
	for name, enc := range map[string]func(Framework) ([]byte, error){"yaml": EncodeYAML, "json": EncodeJSON, "qdc": EncodeQDC} {
		if _, err := enc(bad); err == nil || !strings.Contains(err.Error(), "colour") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestEncodeNestsCodesGivenOutOfTreeOrder(t *testing.T) {
	f := Framework{Name: "x", Codes: []Code{{Ref: "p", Name: "P"}, {Ref: "q", Name: "Q"}, {Ref: "c", Parent: "p", Name: "C", Codable: true}}}
	data, err := EncodeYAML(f)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseYAML("x.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range back.Codes {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "P,C,Q" {
		t.Errorf("order = %v, want parents followed by their children", names)
	}
}

const header = "themis_codebook: 1\nname: T\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             string // the whole error starts with file:line:col or contains these
	}{
		{"unknown extension", "book.txt", header, "book.txt: unknown codebook file type; expected a file ending in .yaml, .yml, .json or .qdc"},
		{"empty", "e.yaml", "", "e.yaml: the file is empty"},
		{"only blanks", "e.yaml", " \n\n", "e.yaml: the file is empty"},
		{"only a comment", "e.yaml", "# nothing\n", "e.yaml: the file is empty"},
		{"null document", "e.yaml", "~\n", "e.yaml:1:1: the file is empty"},
		{"binary", "b.yaml", "themis\x00\x01\x02", "b.yaml:1:7: this is not a text file"},
		{"latin-1", "l.yaml", header + "description: caf\xe9\n", "l.yaml:3:17: this is not a text file"},
		{"utf-16", "u.json", "\xff\xfe{\x00", "u.json: the file is UTF-16"},
		{"zip", "z.qdc", "PK\x03\x04rest", "z.qdc: the file is a zip archive"},
		{"too large", "big.yaml", header + "description: " + strings.Repeat("x", MaxFileSize) + "\n", "big.yaml: the file is 8.0 MiB; a codebook file may be at most 8 MiB"},
		{"yaml syntax", "s.yaml", header + "codes:\n  - name: A\n   bad: [\n", "s.yaml:3: invalid YAML: did not find expected '-' indicator"},
		{"not a mapping", "l.yaml", "- a\n- b\n", "l.yaml:1:1: codebook: expected a mapping of fields (name: …), got a list"},
		{"missing version", "v.yaml", "name: T\n", `v.yaml:1:1: not a Themis codebook: the first line should be "themis_codebook: 1"`},
		{"version is text", "v.yaml", "themis_codebook: one\nname: T\n", "v.yaml:1:18: themis_codebook: expected the format version, a whole number such as 1, got \"one\""},
		{"newer version", "v.yaml", "themis_codebook: 3\nname: T\nnew_field: x\n", "v.yaml:1:18: themis_codebook: this codebook is in format version 3, written by a newer Themis; this Themis reads version 2 and older. Update Themis to open it"},
		{"version zero", "v.yaml", "themis_codebook: 0\nname: T\n", "v.yaml:1:18: themis_codebook: expected a format version from 1 to 2, got 0"},
		{"missing name", "n.yaml", "themis_codebook: 1\ncodes: []\n", "n.yaml:1:1: name: missing; every codebook needs a name"},
		{"unknown top field", "u.yaml", header + "colour: red\n", `u.yaml:3:1: codebook: unknown field "colour"; known fields are themis_codebook, name, description, codes`},
		{"unknown code field", "u.yaml", header + "codes:\n  - name: A\n    defintion: x\n", `u.yaml:5:5: codes[0]: unknown field "defintion"; known fields are name, ref, codable, colour, color, key, scale, guid, definition, when_to_use, when_not_to_use, examples, memos, codes`},
		{"field twice", "d.yaml", header + "name: U\n", `d.yaml:3:1: codebook: field "name" given twice (first on line 2)`},
		{"code without name", "c.yaml", header + "codes:\n  - definition: x\n", "c.yaml:4:5: codes[0]: name: missing; every code needs a name"},
		{"code with empty name", "c.yaml", header + "codes:\n  - name: \"  \"\n", "c.yaml:4:11: codes[0].name: the name is empty"},
		{"codes not a list", "c.yaml", header + "codes:\n  name: A\n", `c.yaml:4:3: codes: expected a list of codes (each starting with "- name: …"), got a mapping`},
		{"code not a mapping", "c.yaml", header + "codes:\n  - Hope\n", `c.yaml:4:5: codes[0]: expected a mapping of fields (name: …), got "Hope"`},
		{"bad colour", "keyes.yaml", header + "codes:\n  - name: A\n  - name: B\n  - name: Hope\n    colour: red\n", `keyes.yaml:7:13: codes[2] ("Hope").colour: expected #rrggbb, got "red"`},
		{"bad color spelling kept in message", "k.yaml", header + "codes:\n  - name: Hope\n    color: \"#abc\"\n", `k.yaml:5:12: codes[0] ("Hope").color: expected #rrggbb, got "#abc"`},
		{"colour and color", "k.yaml", header + "codes:\n  - name: Hope\n    colour: \"#aabbcc\"\n    color: \"#aabbcc\"\n", `k.yaml:6:12: codes[0] ("Hope").color: give the colour once, as either colour or color`},
		{"bad key", "k.yaml", header + "codes:\n  - name: Hope\n    key: F1\n", `k.yaml:5:10: codes[0] ("Hope").key: expected one character, 0-9 or a-z, got "F1"`},
		{"upper-case key", "k.yaml", header + "codes:\n  - name: Hope\n    key: A\n", `codes[0] ("Hope").key: expected one character, 0-9 or a-z, got "A"`},
		{"codable not bool", "k.yaml", header + "codes:\n  - name: Hope\n    codable: yes\n", `k.yaml:5:14: codes[0] ("Hope").codable: expected true or false, got "yes"`},
		{"scale text", "k.yaml", header + "codes:\n  - name: Hope\n    scale: high\n", `k.yaml:5:12: codes[0] ("Hope").scale: expected a number, got "high"`},
		{"scale infinite", "k.yaml", header + "codes:\n  - name: Hope\n    scale: .inf\n", `k.yaml:5:12: codes[0] ("Hope").scale: expected a finite number, got .inf`},
		{"bad guid", "k.yaml", header + "codes:\n  - name: Hope\n    guid: abc\n", `k.yaml:5:11: codes[0] ("Hope").guid: expected a guid`},
		{"examples mapping", "k.yaml", header + "codes:\n  - name: Hope\n    examples: {a: b}\n", `k.yaml:5:15: codes[0] ("Hope").examples: expected a list of quotes, got a mapping`},
		{"definition list", "k.yaml", header + "codes:\n  - name: Hope\n    definition: [a]\n", `k.yaml:5:17: codes[0] ("Hope").definition: expected text, got a list`},
		{"binary tag", "k.yaml", header + "codes:\n  - name: !!binary aGk=\n", `k.yaml:4:11: codes[0].name: expected text, got a value tagged !!binary`},
		{"duplicate name ignoring case", "d.yaml", header + "codes:\n  - name: Hope\n    codes:\n      - name: HOPE\n", `d.yaml:6:15: codes[0].codes[0].name: "HOPE" is already the name of "Hope" (line 4); names must be unique within a codebook, ignoring case`},
		{"duplicate key", "d.yaml", header + "codes:\n  - name: A\n    key: \"1\"\n  - name: B\n    key: 1\n", `d.yaml:7:10: codes[1].key: "1" is already the key of "A" (line 5)`},
		{"duplicate ref", "d.yaml", header + "codes:\n  - name: A\n    ref: x\n  - name: B\n    ref: x\n", `d.yaml:7:10: codes[1].ref: "x" is already the ref of "A" (line 5)`},
		{"duplicate guid", "d.yaml", header + "codes:\n  - name: A\n    guid: 0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e\n  - name: B\n    guid: \"{0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E}\"\n", `d.yaml:7:11: codes[1].guid: "{0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E}" is already the guid of "A" (line 5)`},
		{"anchor", "a.yaml", header + "description: &d x\ncodes:\n  - name: A\n    definition: *d\n", "a.yaml:3:14: anchors and aliases (&name, *name) are not allowed in a codebook"},
		{"billion laughs", "bomb.yaml", header + "description: x\ncodes:\n" + billionLaughs, "bomb.yaml:"},
		{"two documents", "t.yaml", header + "---\n" + header, "t.yaml:3:1: a codebook file holds one YAML document"},
		{"too deep", "deep.yaml", header + "codes:\n" + deepCodes(40), "codes are nested more than 32 levels deep"},
		{"json syntax", "s.json", "{\n  \"themis_codebook\": 1,\n  \"name\": \"T\",\n}\n", `s.json:4:1: invalid JSON: invalid character '}' looking for beginning of object key string`},
		{"json truncated", "s.json", "{\n  \"name\": \"T\"", "s.json:2:14: invalid JSON: unexpected end of JSON input"},
		{"json not an object", "s.json", "\n [1, 2]", "s.json:2:2: expected a JSON object"},
		{"json semantic error has a line", "s.json", "{\n  \"themis_codebook\": 1,\n  \"name\": \"T\",\n  \"codes\": [\n    {\"name\": \"Hope\", \"colour\": \"red\"}\n  ]\n}\n", `s.json:5:32: codes[0] ("Hope").colour: expected #rrggbb, got "red"`},
		{"json newer version", "s.json", `{"themis_codebook": 7, "name": "T"}`, "s.json:1:21: themis_codebook: this codebook is in format version 7"},
		{"json unknown field", "s.json", "{\"themis_codebook\": 1,\n\t\"name\": \"T\", \"title\": \"x\"}", `s.json:2:15: codebook: unknown field "title"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.data))
			if err == nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("error %T is not a *FileError: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n%v\nwant it to contain\n%s", err, tt.want)
			}
		})
	}
}

var billionLaughs = `  - name: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    definition: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    when_to_use: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    when_not_to_use: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    examples: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`

func deepCodes(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		ind := strings.Repeat("    ", i)
		b.WriteString(ind + "  - name: c" + strings.Repeat("x", i) + "\n" + ind + "    codes:\n")
	}
	return b.String()
}

func TestParseReportsEveryProblem(t *testing.T) {
	_, err := ParseYAML("m.yaml", []byte(header+"codes:\n  - name: A\n    colour: red\n  - name: B\n    key: XX\n"))
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"m.yaml:5:13:", "m.yaml:7:10:"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
}

func TestParseAcceptsFriendlyInput(t *testing.T) {
	src := "\xef\xbb\xbf# a BOM, comments, color spelling, numbers as text\n" + header +
		"codes:\n  - name: 2020 plans\n    color: \"#AbCdEf\"\n    key: 5\n    codable: false\n    examples: just one\n    codes:\n" +
		"      - name: Hope\n        scale: 2.5\n        definition: ~\n      - name: Hope again\n        ref: hope\n"
	f, err := ParseYAML("f.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	two5 := 2.5
	want := Framework{Name: "T", Codes: []Code{
		{Ref: "2020-plans", Name: "2020 plans", Color: "#AbCdEf", Key: "5", Examples: []string{"just one"}},
		{Ref: "hope-2", Parent: "2020-plans", Name: "Hope", Codable: true, Scale: &two5},
		{Ref: "hope", Parent: "2020-plans", Name: "Hope again", Codable: true},
	}}
	sameFramework(t, f, want)
}

func TestParseDispatchesByExtension(t *testing.T) {
	for _, name := range []string{"a.yaml", "a.YML", "dir.v2/a.json"} {
		data := header
		if strings.HasSuffix(name, ".json") {
			data = `{"themis_codebook": 1, "name": "T"}`
		}
		if f, err := Parse(name, []byte(data)); err != nil || f.Name != "T" {
			t.Errorf("%s: %v %v", name, f, err)
		}
	}
}

func TestFileErrorFormat(t *testing.T) {
	for _, tt := range []struct {
		e    FileError
		want string
	}{
		{FileError{"a.yaml", 12, 5, "m"}, "a.yaml:12:5: m"},
		{FileError{"a.yaml", 12, 0, "m"}, "a.yaml:12: m"},
		{FileError{"a.yaml", 0, 0, "m"}, "a.yaml: m"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}
