package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"themis/coding"
	"themis/internal/prose"
)

func TestPrevalenceSentence(t *testing.T) {
	roles := []Evidence{{"patient", 4, 5}, {"link worker", 2, 2}, {"commissioner", 1, 2}}
	tests := []struct {
		name         string
		cases, scope int
		noun, attr   string
		parts        []Evidence
		want         string
	}{
		{"the issue's example", 7, 9, "participant", "role", roles,
			"Evidenced by 7 of 9 participants: 4 of 5 patients, both link workers and 1 of 2 commissioners."},
		{"no breakdown", 7, 9, "", "", nil, "Evidenced by 7 of 9 participants."},
		{"all", 9, 9, "participant", "", nil, "Evidenced by all 9 participants."},
		{"both", 2, 2, "participant", "", nil, "Evidenced by both participants."},
		{"the one", 1, 1, "participant", "", nil, "Evidenced by the participant."},
		{"one of many", 1, 9, "participant", "", nil, "Evidenced by 1 of 9 participants."},
		{"none", 0, 9, "participant", "role", roles, "Not evidenced in the 9 participants."},
		{"none of one", 0, 1, "participant", "", nil, "Not evidenced in the one participant."},
		{"no cases in scope", 0, 0, "participant", "", nil, ""},
		{"the one of a value, all of another", 4, 5, "participant", "role",
			[]Evidence{{"GP", 1, 1}, {"nurse", 3, 3}, {"family", 0, 1}},
			"Evidenced by 4 of 5 participants: the GP, all 3 nurses and 0 of 1 family."},
		{"values that are not words", 3, 6, "participant", "nested case",
			[]Evidence{{"1", 2, 3}, {"2", 1, 3}},
			"Evidenced by 3 of 6 participants: 2 of 3 participants with nested case 1 and 1 of 3 participants with nested case 2."},
		{"cases without a value, empty columns skipped", 3, 4, "participant", "role",
			[]Evidence{{"patient", 2, 3}, {"", 1, 1}, {"carer", 0, 0}},
			"Evidenced by 3 of 4 participants: 2 of 3 patients and the participant without a role."},
		{"another noun", 2, 3, "site", "", nil, "Evidenced by 2 of 3 sites."},
		{"a year", 2, 2, "participant", "interviewed",
			[]Evidence{{"2024", 2, 2}}, "Evidenced by both participants: both participants with interviewed 2024."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PrevalenceSentence(tt.cases, tt.scope, tt.noun, tt.attr, tt.parts); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// themeSample is demo material written for these tests (no real
// participants), with the data a report must carry as text: markup, a
// formula, emoji, right-to-left script, line breaks and tabs.
func themeSample() ThemeReport {
	return ThemeReport{
		Title: "Themes: flourishing & <wellbeing>",
		Scope: "All coders together (Aisha and Ben); 3 documents, 4 participants.",
		Sections: []ThemeSection{
			{Depth: 0, Name: "Emotional well-being", Definition: "Feeling *good* about life.",
				Prevalence: PrevalenceSentence(3, 4, "participant", "role", []Evidence{{"patient", 2, 2}, {"link worker", 1, 2}})},
			{Depth: 1, Name: "Positive affect", Definition: "Cheerful, calm, full of life.",
				Prevalence: "Evidenced by both participants.",
				Agreement:  "Agreement: κ = 0.812 (reliable), 96.2% of characters.",
				Quotes: []ThemeQuote{
					{Text: "The walking group is the best bit of my week 😊 … I'd never have gone on my own.",
						Attribution: "Patient 005, patient, nested case 2", CodedBy: []string{"Aisha", "Ben"}},
					{Text: "مرحبا بكم — she said <b>hello</b> & waved.\nThen:\tnothing.", Attribution: "Link worker 002"},
				}},
			{Depth: 1, Name: "=HYPERLINK(\"http://example.com\",\"click\")", Prevalence: "Not evidenced in the 4 participants."},
			{Depth: 2, Name: "Deep code #3 [draft]", Quotes: []ThemeQuote{{Text: "# not a heading\n- nor a list", CodedBy: []string{"Ben"}}}},
		},
		Methods: "Two coders (Aisha and Ben) independently coded 3 transcripts (1,200 words).",
		Tables: []Table{{
			Title:  "Codes by role",
			Header: []string{"Code", "patient", "link worker"},
			Rows:   [][]string{{"Positive affect", "2 of 2", "1 of 2"}, {"A | pipe", "0", "=1+1"}, {"1. listed", "0.500", "-1"}},
		}},
	}
}

func TestThemeGolden(t *testing.T) {
	md := ThemeMarkdown(themeSample())
	page, err := ThemeHTML(themeSample())
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{"theme.md.golden": md, "theme.html.golden": page} {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./report -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the golden file; run go test ./report -update and review the diff.\ngot:\n%s", name, got)
		}
	}
	// Raw HTML from the data never passes through.
	for _, bad := range []string{"<b>hello", "<wellbeing>"} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML page contains raw %q", bad)
		}
	}
}

// docxParagraph is a paragraph of word/document.xml read back: its style
// and its text, <w:br/> read as "\n" and <w:tab/> as "\t".
type docxParagraph struct{ Style, Text string }

// readDocx unzips a .docx and returns its paragraphs (table cells included,
// with style "cell") and the names of its parts.
func readDocx(t testing.TB, data []byte) ([]docxParagraph, map[string]string) {
	t.Helper()
	return readDocxParts(t, data, func(string) bool { return true })
}

// readDocxParts is readDocx checking only the parts for which check is true
// are well-formed: the fuzz target checks those its data reaches, not the
// template's 900 kB of styles on every run.
func readDocxParts(t testing.TB, data []byte, check func(name string) bool) ([]docxParagraph, map[string]string) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	for name, body := range parts {
		if !check(name) {
			continue
		}
		// Every part is well-formed XML.
		dec := xml.NewDecoder(strings.NewReader(body))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", name, err)
			}
		}
	}
	doc, ok := parts["word/document.xml"]
	if !ok {
		t.Fatal("no word/document.xml")
	}
	var out []docxParagraph
	var cur *docxParagraph
	inTable := 0
	dec := xml.NewDecoder(strings.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				inTable++
			case "p":
				cur = &docxParagraph{}
				if inTable > 0 {
					cur.Style = "cell"
				}
			case "pStyle":
				for _, a := range e.Attr {
					if a.Name.Local == "val" && cur != nil {
						cur.Style = a.Value
					}
				}
			case "br":
				cur.Text += "\n"
			case "tab":
				if cur != nil {
					cur.Text += "\t"
				}
			case "t":
				var s string
				if err := dec.DecodeElement(&s, &e); err != nil {
					t.Fatal(err)
				}
				cur.Text += s
			case "fldSimple", "instrText", "hyperlink":
				t.Errorf("document holds a %s element: data became a field or link", e.Name.Local)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tbl":
				inTable--
			case "p":
				if cur.Text != "" {
					out = append(out, *cur)
				}
				cur = nil
			}
		}
	}
	return out, parts
}

// docxStyleIDs reads styles.xml: each style's id and its type.
func docxStyleIDs(t testing.TB, styles string) map[string]string {
	t.Helper()
	ids := map[string]string{}
	dec := xml.NewDecoder(strings.NewReader(styles))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ids
		}
		if err != nil {
			t.Fatalf("styles.xml: %v", err)
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "style" {
			var id, typ string
			for _, a := range e.Attr {
				switch a.Name.Local {
				case "styleId":
					id = a.Value
				case "type":
					typ = a.Value
				}
			}
			ids[id] = typ
		}
	}
}

func TestThemeDocxReadsBack(t *testing.T) {
	r := themeSample()
	var buf bytes.Buffer
	if err := ThemeDocx(r, &buf); err != nil {
		t.Fatal(err)
	}
	paras, parts := readDocx(t, buf.Bytes())
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("missing part %s", name)
		}
	}
	// The package holds together: every relationship's target and every
	// content-type override is a part, and every part but the package's own
	// bookkeeping is reached by a relationship — nothing the template left
	// behind dangles (its thumbnail and Word 2010's stylesWithEffects.xml are
	// dropped whole).
	reached := map[string]bool{}
	for name, body := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				Target     string `xml:"Target,attr"`
				TargetMode string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal([]byte(body), &rels); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, rel := range rels.Rel {
			if rel.TargetMode == "External" {
				t.Errorf("%s links outside the file: %s", name, rel.Target)
				continue
			}
			target := path.Join(path.Dir(path.Dir(name)), rel.Target)
			reached[target] = true
			if _, ok := parts[target]; !ok {
				t.Errorf("%s names %s, which is not in the package", name, target)
			}
		}
	}
	var types struct {
		Override []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal([]byte(parts["[Content_Types].xml"]), &types); err != nil {
		t.Fatal(err)
	}
	for _, o := range types.Override {
		if _, ok := parts[strings.TrimPrefix(o.PartName, "/")]; !ok {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", o.PartName)
		}
	}
	for name := range parts {
		if !reached[name] && name != "[Content_Types].xml" && !strings.HasSuffix(name, ".rels") {
			t.Errorf("no relationship reaches %s", name)
		}
	}
	// Every style the document names is defined in styles.xml under that
	// id and with the type it is used as — a paragraph in a style Word does
	// not know falls back to Normal and loses its heading or quote.
	styles := docxStyleIDs(t, parts["word/styles.xml"])
	used := map[string]string{"TableGrid": "table"}
	for _, p := range paras {
		if p.Style != "" && p.Style != "cell" {
			used[p.Style] = "paragraph"
		}
	}
	for _, id := range []string{"Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Definition", "Quote", "Attribution"} {
		if used[id] != "paragraph" {
			t.Errorf("the sample uses no paragraph in %s", id)
		}
	}
	if !strings.Contains(parts["word/document.xml"], `<w:tblStyle w:val="TableGrid">`) {
		t.Error("the table is not in TableGrid")
	}
	for id, typ := range used {
		if styles[id] != typ {
			t.Errorf("styles.xml defines %s as %q, used as a %s style", id, styles[id], typ)
		}
	}
	// Word 2010 reads its styles from stylesWithEffects.xml where there is
	// one, so that copy must hold them too.
	if effects, ok := parts["word/stylesWithEffects.xml"]; ok {
		styles := docxStyleIDs(t, effects)
		for id, typ := range used {
			if styles[id] != typ {
				t.Errorf("stylesWithEffects.xml defines %s as %q, used as a %s style", id, styles[id], typ)
			}
		}
	}
	for _, id := range []string{"Heading1", "Heading2", "Heading3"} {
		if !regexp.MustCompile(`w:styleId="` + id + `"[^>]*>\s*<w:name w:val="heading ` + id[len("Heading"):] + `"`).MatchString(parts["word/styles.xml"]) {
			t.Errorf("%s is not Word's built-in heading style (its name is not \"heading N\")", id)
		}
	}
	want := []docxParagraph{
		{"Title", r.Title},
		{"Subtitle", r.Scope},
		{"Heading1", "Emotional well-being"},
		{"Definition", "Feeling *good* about life."},
		{"", r.Sections[0].Prevalence},
		{"Heading2", "Positive affect"},
		{"Definition", "Cheerful, calm, full of life."},
		{"", "Evidenced by both participants."},
		{"", "Agreement: κ = 0.812 (reliable), 96.2% of characters."},
		{"Quote", r.Sections[1].Quotes[0].Text},
		{"Attribution", "— Patient 005, patient, nested case 2 · coded by Aisha and Ben"},
		{"Quote", r.Sections[1].Quotes[1].Text},
		{"Attribution", "— Link worker 002"},
		{"Heading2", `=HYPERLINK("http://example.com","click")`},
		{"", "Not evidenced in the 4 participants."},
		{"Heading3", "Deep code #3 [draft]"},
		{"Quote", "# not a heading\n- nor a list"},
		{"Attribution", "— coded by Ben"},
		{"Heading1", "Methods"},
		{"", r.Methods},
		{"Heading1", "Codes by role"},
		{"cell", "Code"}, {"cell", "patient"}, {"cell", "link worker"},
		{"cell", "Positive affect"}, {"cell", "2 of 2"}, {"cell", "1 of 2"},
		{"cell", "A | pipe"}, {"cell", "0"}, {"cell", "=1+1"},
		{"cell", "1. listed"}, {"cell", "0.500"}, {"cell", "-1"},
	}
	if len(paras) != len(want) {
		t.Fatalf("%d paragraphs, want %d:\n%q", len(paras), len(want), paras)
	}
	for i := range want {
		if paras[i] != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, paras[i], want[i])
		}
	}
	// The same report is the same file.
	var again bytes.Buffer
	if err := ThemeDocx(r, &again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two writes of the same report differ")
	}
}

// TestThemeDocxControlCharacters: characters XML cannot hold become U+FFFD
// instead of making a file Word refuses to open.
func TestThemeDocxControlCharacters(t *testing.T) {
	r := ThemeReport{Title: "T", Sections: []ThemeSection{{Name: "C\x01", Quotes: []ThemeQuote{{Text: "bell\x07 nul\x00 bad\xff"}}}}}
	var buf bytes.Buffer
	if err := ThemeDocx(r, &buf); err != nil {
		t.Fatal(err)
	}
	paras, _ := readDocx(t, buf.Bytes())
	got := map[string]string{}
	for _, p := range paras {
		got[p.Style] = p.Text
	}
	if got["Heading1"] != "C\uFFFD" || got["Quote"] != "bell\uFFFD nul\uFFFD bad\uFFFD" {
		t.Errorf("got %q", paras)
	}
}

// TestDocxSafe: what XML 1.0 cannot hold becomes U+FFFD before the text
// reaches godocx, whatever its escaping does; tabs and line feeds stay for
// docxRuns to turn into <w:tab/> and <w:br/>.
func TestDocxSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain <b> & \"q\"", "plain <b> & \"q\""},
		{"a\tb\nc", "a\tb\nc"},
		{"cr\r nul\x00 bell\x07 vt\x0b esc\x1b", "cr\uFFFD nul\uFFFD bell\uFFFD vt\uFFFD esc\uFFFD"},
		{"\uFFFE\uFFFF", "\uFFFD\uFFFD"},
		{"bad\xff utf8", "bad\uFFFD utf8"},
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"}, // an encoded surrogate is three bad bytes
		{"مرحبا 😊 \U0010FFFD \uE000", "مرحبا 😊 \U0010FFFD \uE000"},
	}
	for _, tt := range tests {
		if got := docxSafe(tt.in); got != tt.want {
			t.Errorf("docxSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAttributeValue(t *testing.T) {
	tests := []struct{ attr, value, want string }{
		{"role", "patient", "patient"},
		{"nested_case", "2", "nested case 2"},
		{"age_group", "45-54", "age group 45-54"},
		{"role", "", ""},
		{"site", "  North \n Leeds ", "North Leeds"},
		{"interviewed", "2024-03-01", "interviewed 2024-03-01"},
	}
	for _, tt := range tests {
		if got := AttributeValue(tt.attr, tt.value); got != tt.want {
			t.Errorf("AttributeValue(%q, %q) = %q, want %q", tt.attr, tt.value, got, tt.want)
		}
	}
}

func TestAgreementLine(t *testing.T) {
	k, low := 0.8123, 0.61
	tbl := AgreementTable{CoderA: "Aisha", CoderB: "Ben", Report: coding.Report{
		PerCode: []coding.Result{
			{Label: "Positive affect", Code: 5, Factor: 1, Agreement: 0.962, Kappa: &k},
			{Label: "Autonomy", Code: 6, Factor: 2, Agreement: 1, Note: "Neither coder used this code"},
		},
		PerFactor: []coding.Result{{Label: "Emotional well-being", Factor: 1, Agreement: 0.9, Kappa: &low}},
	}}
	tests := []struct {
		id   int64
		want string
	}{
		{5, "Agreement between Aisha and Ben: κ = 0.812, reliable (≥ 0.800); observed agreement 96.2%."},
		{6, "Agreement between Aisha and Ben: κ = undefined; observed agreement 100.0%. Neither coder used this code."},
		{1, "Agreement between Aisha and Ben: κ = 0.610, below 0.667; observed agreement 90.0%."},
		{99, ""},
	}
	for _, tt := range tests {
		if got := AgreementLine(tbl, tt.id); got != tt.want {
			t.Errorf("AgreementLine(%d) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

// TestThemeDocxOpensInLibreOffice converts the sample to PDF with
// LibreOffice, where it is installed: a package it cannot read fails.
func TestThemeDocxOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := ThemeDocx(themeSample(), &buf); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// LibreOffice turns almost anything into some PDF, so it is also asked
	// for the text it read: every heading and quote must be in it.
	for _, to := range []string{"pdf", "txt:Text (encoded):UTF8"} {
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", to, "--outdir", dir, in)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "sample.pdf")); err != nil || fi.Size() == 0 {
		t.Fatalf("no PDF: %v", err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := themeSample()
	want := []string{r.Title, r.Methods}
	for _, s := range r.Sections {
		want = append(want, s.Name)
		for _, q := range s.Quotes {
			want = append(want, strings.Split(q.Text, "\n")[0])
		}
	}
	for _, w := range want {
		if !strings.Contains(string(text), w) {
			t.Errorf("LibreOffice did not read %q from the .docx", w)
		}
	}
}

// FuzzThemeDocxQuote: any quote reads back from the .docx as written, but
// for the changes documented (CleanText, and U+FFFD for what XML 1.0
// cannot hold).
func FuzzThemeDocxQuote(f *testing.F) {
	for _, s := range []string{"plain", "<b>&amp;</b>", "=HYPERLINK(\"x\")", "a\nb\tc", "مرحبا 😊", "\x01\x00\xff", "  spaced  ", "]]>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		if err := ThemeDocx(ThemeReport{Title: "T", Sections: []ThemeSection{{Name: "C", Quotes: []ThemeQuote{{Text: s}}}}}, &buf); err != nil {
			t.Fatal(err)
		}
		paras, _ := readDocxParts(t, buf.Bytes(), func(name string) bool {
			return name == "word/document.xml" || name == "docProps/core.xml"
		})
		want := strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
				return r
			}
			return '\uFFFD'
		}, prose.CleanText(s))
		got := ""
		for _, p := range paras {
			if p.Style == "Quote" {
				got = p.Text
			}
		}
		if got != want {
			t.Errorf("quote %q read back as %q, want %q", s, got, want)
		}
	})
}

// BenchmarkThemeDocx is the writer alone on a report of 1,000 quotes of
// about 60 words in 13 sections (project's BenchmarkThemeReportDocx has the
// budget, with the report built from a project).
func BenchmarkThemeDocx(b *testing.B) {
	r := ThemeReport{Title: "Themes", Scope: "All coders together."}
	words := strings.Repeat("the walking group is the best bit of my week and ", 6)
	for s := range 13 {
		sec := ThemeSection{Name: "Code " + strconv.Itoa(s), Definition: "A definition.", Prevalence: "Evidenced by 7 of 9 participants."}
		for q := range 1000 / 13 {
			sec.Quotes = append(sec.Quotes, ThemeQuote{Text: words + strconv.Itoa(q), Attribution: "Patient 005, patient", CodedBy: []string{"Aisha", "Ben"}})
		}
		r.Sections = append(r.Sections, sec)
	}
	b.ReportAllocs()
	var size int
	for range b.N {
		var out bytes.Buffer
		if err := ThemeDocx(r, &out); err != nil {
			b.Fatal(err)
		}
		size = out.Len()
	}
	b.ReportMetric(float64(size)/1e6, "MB-docx")
}
