package frameworks

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"themis/internal/csvsafe"
	"themis/internal/prose"
)

// RenderMarkdown prints a framework as a Markdown document for a report's
// appendix: its name and description, then a heading per top-level factor or
// theme and per code, each with its key, colour, scale value, definition,
// inclusion and exclusion criteria and anchor examples (as block quotes).
// Text from the framework is escaped, so a code named *Hope* prints with its
// stars and no text can turn into HTML or a link.
func RenderMarkdown(f Framework) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", prose.MarkdownInline(f.Name))
	if f.Description != "" {
		b.WriteString(mdBlock(f.Description) + "\n\n")
	}
	kids := map[string][]Code{}
	for _, c := range f.Codes {
		kids[c.Parent] = append(kids[c.Parent], c)
	}
	var write func(c Code, level int)
	write = func(c Code, level int) {
		fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", min(level, 6)), prose.MarkdownInline(c.Name))
		var facts []string
		if c.Key != "" {
			facts = append(facts, "Key `"+c.Key+"`")
		}
		if c.Color != "" {
			facts = append(facts, "Colour `"+c.Color+"`")
		}
		if c.Scale != nil {
			facts = append(facts, "Scale value "+strconv.FormatFloat(*c.Scale, 'g', -1, 64))
		}
		if !c.Codable {
			facts = append(facts, "Not codable (groups the codes below)")
		}
		if len(facts) > 0 {
			b.WriteString(strings.Join(facts, " · ") + "\n\n")
		}
		for _, field := range []struct{ label, text string }{
			{"Definition", c.Definition}, {"When to use", c.WhenToUse}, {"When not to use", c.WhenNotToUse},
		} {
			if field.text != "" {
				fmt.Fprintf(&b, "**%s.** %s\n\n", field.label, mdBlock(field.text))
			}
		}
		var examples []string
		for _, e := range c.Examples {
			if strings.TrimSpace(e) != "" {
				examples = append(examples, e)
			}
		}
		if len(examples) > 0 {
			label := "Example"
			if len(examples) > 1 {
				label = "Examples"
			}
			fmt.Fprintf(&b, "**%s.**\n\n", label)
			for _, e := range examples {
				b.WriteString(mdQuote(e) + "\n\n")
			}
		}
		for _, m := range c.Memos {
			who := m.Author
			if day, _, ok := strings.Cut(m.Created, "T"); ok {
				who += ", " + day
			}
			fmt.Fprintf(&b, "**Memo (%s).** %s\n\n", prose.MarkdownInline(who), mdBlock(m.Text))
		}
		for _, k := range kids[c.Ref] {
			write(k, level+1)
		}
	}
	for _, c := range kids[""] {
		write(c, 2)
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// mdBlock escapes text that may hold line breaks and paragraphs. Blank lines
// at either end are dropped; the blanks within a line are kept.
func mdBlock(s string) string {
	lines := prose.MarkdownLines(s)
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// mdQuote is text as a block quote.
func mdQuote(s string) string {
	lines := strings.Split(mdBlock(s), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

const printCSS = `body{font:11pt/1.45 Georgia,"Times New Roman",serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111}
h1,h2,h3,h4,h5,h6{font-family:system-ui,sans-serif;line-height:1.2;page-break-after:avoid;break-after:avoid}
h2{border-bottom:1px solid #999;padding-bottom:.2em;margin-top:2em}
blockquote{margin:.4em 0 .4em 1em;padding-left:.8em;border-left:3px solid #bbb;font-style:italic}
code{font-family:ui-monospace,monospace;font-size:.9em}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #555;vertical-align:-.1em;margin-right:.25em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{body{margin:0;max-width:none}a{color:inherit}}`

// RenderHTML prints a framework as a standalone, printable HTML page: the
// Markdown of RenderMarkdown rendered by goldmark, with a small stylesheet
// and a swatch beside each colour. Raw HTML is never passed through.
func RenderHTML(f Framework) ([]byte, error) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(swatchRenderer{}, 100))),
	)
	var body bytes.Buffer
	if err := md.Convert(RenderMarkdown(f), &body); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(f.Name))
	b.WriteString("<style>\n" + printCSS + "\n</style>\n</head>\n<body>\n")
	b.Write(body.Bytes())
	b.WriteString("</body>\n</html>\n")
	return b.Bytes(), nil
}

// swatchRenderer renders code spans; one holding a colour gets a swatch.
// User text cannot make code spans: RenderMarkdown escapes backticks.
type swatchRenderer struct{}

func (swatchRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindCodeSpan, renderCodeSpan)
}

func renderCodeSpan(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var text bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			text.Write(t.Segment.Value(source))
		}
	}
	s := text.String()
	w.WriteString("<code>")
	if colorPattern.MatchString(s) {
		fmt.Fprintf(w, `<span class="swatch" style="background-color:%s"></span>`, s)
	}
	w.WriteString(html.EscapeString(s))
	w.WriteString("</code>")
	return ast.WalkSkipChildren, nil
}

// EncodeCSV writes one row per code, parents first, for spreadsheets:
// path (names from the top, joined by " / "), name, parent name, level (1
// for top-level codes), codable, key, colour, scale, definition, when to use,
// when not to use, and the examples joined by line breaks.
func EncodeCSV(f Framework) ([]byte, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("cannot write codebook %q: %w", f.Name, err)
	}
	byRef := map[string]Code{}
	for _, c := range f.Codes {
		byRef[c.Ref] = c
	}
	kids := map[string][]Code{}
	for _, c := range f.Codes {
		kids[c.Parent] = append(kids[c.Parent], c)
	}
	var b bytes.Buffer
	w := csvsafe.NewWriter(&b, 3, 7) // level and scale are numbers; the rest is text
	w.Write([]string{"path", "name", "parent", "level", "codable", "key", "colour", "scale", "definition", "when_to_use", "when_not_to_use", "examples"})
	var write func(c Code, path []string)
	write = func(c Code, path []string) {
		path = append(path[:len(path):len(path)], c.Name)
		scale := ""
		if c.Scale != nil {
			scale = strconv.FormatFloat(*c.Scale, 'g', -1, 64)
		}
		w.Write([]string{strings.Join(path, " / "), c.Name, byRef[c.Parent].Name, strconv.Itoa(len(path)),
			strconv.FormatBool(c.Codable), c.Key, c.Color, scale, c.Definition, c.WhenToUse, c.WhenNotToUse,
			strings.Join(c.Examples, "\n")})
		for _, k := range kids[c.Ref] {
			write(k, path)
		}
	}
	for _, c := range kids[""] {
		write(c, nil)
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
