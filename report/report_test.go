package report

import (
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"themis/internal/prose"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is demo material written for these tests (no real participants).
func sample() []CodeQuotes {
	return []CodeQuotes{
		{
			Code:       "Positive relations with others",
			Definition: "Warm, trusting ties; the participant *feels* supported by people around them.",
			Quotes: []Quote{
				{
					Text:     "Honestly? The walking group is the best bit of my week 😊 — I'd never have gone on my own.",
					Document: "Interview 03 – Patient", Speaker: "P03", Case: "Patient 003, nested case 2", Coder: "Ana",
					Start: 120, End: 212,
				},
				{
					Text:     "Mi vecina, la señora Núñez, me dijo: «¡ven al café!»\nAnd then… I went. Ça m'a changé la vie.\n\n我很高兴。",
					Document: "Entrevista 07", Speaker: "P07", Coder: "Ben",
					Start: 0, End: 98,
				},
				{
					Text:     "We all walk together now, rain or shine.",
					Document: "Interview 03 – Patient", Speaker: "P03", Case: "Patient 003, nested case 2",
					Coder: "Ana", Coders: []string{"Ana", "Ben", "Chen *lead*"},
					Start: 300, End: 340,
				},
			},
		},
		{
			Code: "Autonomy #2 [draft]",
			Quotes: []Quote{
				{
					Text:     "He typed <script>alert(1)</script> into the form, *stars* and all.",
					Document: "Interview 11", Case: "Provider 011", Coder: "Ana",
				},
				{
					Text:     "# not a heading\n1. not a list\n- nor this\n> nor a quote\n    nor code\n===\n`tick` _under_ [link](http://example.com) &amp; \\ back | pipe ~~strike~~ {attr}",
					Document: "Interview 12", Speaker: "Link worker",
				},
				{Text: "  spaced out  \n\ttabbed\t\n", Coder: "Ben"},
			},
		},
		{Code: "Purpose in life", Definition: "Goals and a sense of direction."},
	}
}

const sampleTitle = "Quotes: flourishing & <wellbeing> (demo)"

func TestGolden(t *testing.T) {
	md := Markdown(sampleTitle, sample())
	page, err := HTML(sampleTitle, sample())
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{"sample.md.golden": md, "sample.html.golden": page} {
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
}

func TestHTMLHasNoScriptAndQuotesAreExact(t *testing.T) {
	groups := sample()
	page, err := HTML(sampleTitle, groups)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Errorf("HTML output contains <script:\n%s", page)
	}
	for _, want := range []string{"<!DOCTYPE html>", `<meta charset="utf-8">`, "<title>Quotes: flourishing &amp; &lt;wellbeing&gt; (demo)</title>", "<style>", "</html>\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML page lacks %q", want)
		}
	}
	var want []string
	for _, g := range groups {
		for _, q := range g.Quotes {
			want = append(want, q.Text)
		}
	}
	got := blockquoteTexts(t, page)
	if len(got) != len(want) {
		t.Fatalf("%d block quotes, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("quote %d renders as %q, want %q", i, got[i], want[i])
		}
	}
}

func TestAttribution(t *testing.T) {
	id := func(s string) string { return s }
	tests := []struct {
		q    Quote
		want string
	}{
		{Quote{Speaker: "P03", Document: "Interview 03", Case: "Patient 003, nested case 2", Coder: "Ana"}, "— P03, Interview 03 (Patient 003, nested case 2) · coded by Ana"},
		{Quote{Document: "Interview 03", Coder: "Ana"}, "— Interview 03 · coded by Ana"},
		{Quote{Speaker: "P03", Document: "Interview 03"}, "— P03, Interview 03"},
		{Quote{Speaker: "P03"}, "— P03"},
		{Quote{Case: "Patient 003"}, "— Patient 003"},
		{Quote{Case: "Patient 003", Coder: "Ana"}, "— Patient 003 · coded by Ana"},
		{Quote{Coder: "Ana"}, "— coded by Ana"},
		{Quote{Coders: []string{"Ana", "Ben"}}, "— coded by Ana and Ben"},
		{Quote{Document: "Interview 03", Coder: "Ana", Coders: []string{"Ana", "Ben", "Chen"}}, "— Interview 03 · coded by Ana, Ben and Chen"},
		{Quote{Text: "only text"}, ""},
	}
	for _, tt := range tests {
		if got := attribution(tt.q, id); got != tt.want {
			t.Errorf("attribution(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

var fuzzSeeds = []string{
	"", "\n", "\n\n", "a\n", "\na", " ", "\t", "  x  ", "***", "---", "- - -", "___", "===", "```go", "~~~",
	"<div>", "<!-- c -->", "&amp;", "&#32;", "\\", "a\\", "\\\n0", "a  ", "2) b", "123456789. x", "+ x", "* x",
	"[x]: /u", "![i](u)", "<http://x>", "www.example.com", "| a | b |", "\x00", "\r", "a\r\nb", "\xff",
	"x\v\fy", "\u00a0lead", "trail\u3000", "*a*", "_a_", "**", "a*b*c", "&", "&#", "&#x;", "\\*",
}

// FuzzMarkdownRoundTrip checks that escaping is lossless: for any quote text,
// goldmark renders the block quote's text content (with <br> read as a line
// break) as exactly the normalised quote, with no other markup.
func FuzzMarkdownRoundTrip(f *testing.F) {
	for _, g := range sample() {
		for _, q := range g.Quotes {
			f.Add(q.Text)
		}
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	md := renderer
	f.Fuzz(func(t *testing.T, text string) {
		checkRoundTrip(t, md, "Code *x*", "a _definition_", Quote{Text: text, Speaker: "P<1>", Document: "Doc #1", Case: "Case [2]", Coder: "Ana"})
	})
}

// FuzzMarkdownFields does the same for the heading, definition and
// attribution, whose text must render exactly, whitespace collapsed.
func FuzzMarkdownFields(f *testing.F) {
	for _, g := range sample() {
		for _, q := range g.Quotes {
			f.Add(g.Code, g.Definition, q.Speaker, q.Document, q.Case, q.Coder)
		}
	}
	for _, s := range fuzzSeeds {
		f.Add(s, s, s, s, s, s)
	}
	md := renderer
	f.Fuzz(func(t *testing.T, code, def, speaker, doc, cas, coder string) {
		checkRoundTrip(t, md, code, def, Quote{Text: "quote", Speaker: speaker, Document: doc, Case: cas, Coder: coder})
	})
}

// checkRoundTrip renders one code with one quote and checks the HTML piece by
// piece: heading, definition, block quote, attribution, nothing else.
func checkRoundTrip(t *testing.T, md goldmark.Markdown, code, def string, q Quote) {
	t.Helper()
	src := Markdown("", []CodeQuotes{{Code: code, Definition: def, Quotes: []Quote{q}}})
	var out strings.Builder
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	rest := out.String()
	take := func(open, close, want string) {
		t.Helper()
		if !strings.HasPrefix(rest, open) {
			t.Fatalf("want %q next, got %q\nmarkdown:\n%s", open, rest, src)
		}
		end := strings.Index(rest, close)
		if end < 0 {
			t.Fatalf("no %q in %q\nmarkdown:\n%s", close, rest, src)
		}
		inner := rest[len(open):end]
		rest = rest[end+len(close):]
		if got := visibleText(t, inner); got != want {
			t.Fatalf("rendered %q, want %q\nmarkdown:\n%s\nhtml:\n%s", got, want, src, out.String())
		}
	}
	take("<h2>", "</h2>\n", collapse(code))
	if d := collapse(def); d != "" {
		take("<p><em>", "</em></p>\n", d)
	}
	if prose.CleanText(q.Text) == "" {
		take("<blockquote>\n", "</blockquote>\n", "")
	} else {
		take("<blockquote>\n<p>", "</p>\n</blockquote>\n", prose.CleanText(q.Text))
	}
	if a := attribution(q, collapse); a != "" {
		take("<p>", "</p>\n", a)
	}
	if rest != "" {
		t.Fatalf("unexpected trailing output %q\nmarkdown:\n%s", rest, src)
	}
}

// A backslash at the end of a line, before the hard line break, once came
// out doubled (found by FuzzMarkdownRoundTrip).
func TestBackslashBeforeLineBreak(t *testing.T) {
	md := renderer
	for _, text := range []string{"\\\n0", "a\\\nb", "a\\\\\nb", "\\\n", "\\"} {
		checkRoundTrip(t, md, "c", "", Quote{Text: text})
	}
}

func collapse(s string) string { return strings.Join(strings.Fields(prose.CleanText(s)), " ") }

// visibleText returns the text of an HTML fragment that may contain only
// text and <br> line breaks: "<br>\n" reads as "\n", entities are unescaped.
func visibleText(t *testing.T, fragment string) string {
	t.Helper()
	s := strings.ReplaceAll(fragment, "<br>\n", "\n")
	if strings.ContainsAny(s, "<>") {
		t.Fatalf("unexpected markup in %q", fragment)
	}
	return html.UnescapeString(s)
}

var blockquoteRE = regexp.MustCompile(`(?s)<blockquote>\n(.*?)</blockquote>`)

// blockquoteTexts returns the visible text of each block quote of a page.
func blockquoteTexts(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	for _, m := range blockquoteRE.FindAllStringSubmatch(page, -1) {
		inner := m[1]
		if inner != "" {
			if !strings.HasPrefix(inner, "<p>") || !strings.HasSuffix(inner, "</p>\n") {
				t.Fatalf("block quote is not a single paragraph: %q", inner)
			}
			inner = inner[len("<p>") : len(inner)-len("</p>\n")]
		}
		out = append(out, visibleText(t, inner))
	}
	return out
}
