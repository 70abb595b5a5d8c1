package corpus

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownText renders Markdown as the plain text a reader sees: heading
// marks, emphasis, links (their text is kept), images (their alt text),
// code marks and HTML tags go; paragraphs are separated by blank lines and
// keep their line breaks; list items keep a "- " or "1. " bullet unless they
// start with a speaker label, so "- **Interviewer:** hi" reads
// "Interviewer: hi"; table cells are separated by tabs.
//
// A line nested more than maxMarkdownDepth containers deep (quotes inside
// lists inside quotes…) makes Markdown parsing slow, quadratic in the depth;
// such a file is read as plain text instead, and ok is false.
func markdownText(src string) (out string, ok bool) {
	if tooDeep(src) {
		return src, false
	}
	source := []byte(src)
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	doc := md.Parser().Parse(text.NewReader(source))
	w := mdWriter{source: source}
	w.blocks(doc, "")
	return w.b.String(), true
}

const maxMarkdownDepth = 32

// tooDeep reports a line that opens more than maxMarkdownDepth block
// quotes or list items at its start.
func tooDeep(src string) bool {
	for line := range strings.Lines(src) {
		depth, i := 0, 0
		for i < len(line) {
			switch c := line[i]; {
			case c == ' ' || c == '\t':
				i++
				continue
			case c == '>':
				i++
			case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
				i += 2
			case c >= '0' && c <= '9':
				j := i
				for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
					i = j + 2
				} else {
					i = len(line)
					continue
				}
			default:
				i = len(line)
				continue
			}
			if depth++; depth > maxMarkdownDepth {
				return true
			}
		}
	}
	return false
}

type mdWriter struct {
	source []byte
	b      strings.Builder
}

// blocks writes the block children of n, each starting on a new line after
// a blank line (or a single newline inside a tight list item).
func (w *mdWriter) blocks(n ast.Node, indent string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, indent)
	}
}

func (w *mdWriter) sep(tight bool) {
	if w.b.Len() == 0 {
		return
	}
	s := w.b.String()
	switch {
	case strings.HasSuffix(s, "\n\n"):
	case tight && strings.HasSuffix(s, "\n"):
	case tight:
		w.b.WriteString("\n")
	case strings.HasSuffix(s, "\n"):
		w.b.WriteString("\n")
	default:
		w.b.WriteString("\n\n")
	}
}

func (w *mdWriter) block(n ast.Node, indent string) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		w.sep(n.Kind() == ast.KindTextBlock)
		w.b.WriteString(indent)
		w.b.WriteString(strings.ReplaceAll(w.inline(n), "\n", "\n"+indent))
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		w.sep(false)
		lines := n.Lines()
		var raw strings.Builder
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			raw.Write(seg.Value(w.source))
		}
		s := raw.String()
		if n.Kind() == ast.KindHTMLBlock {
			s = stripTags(s)
		}
		s = strings.TrimRight(s, "\n")
		if strings.TrimSpace(s) != "" {
			w.b.WriteString(indent)
			w.b.WriteString(strings.ReplaceAll(s, "\n", "\n"+indent))
		}
	case *ast.Blockquote:
		w.blocks(n, indent)
	case *ast.List:
		num := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			_, nested := n.Parent().(*ast.ListItem)
			tight := n.IsTight && (item != n.FirstChild() || nested)
			var sub mdWriter
			sub.source = w.source
			sub.blocks(item, "")
			body := strings.TrimLeft(sub.b.String(), "\n")
			bullet := "- "
			if n.IsOrdered() {
				bullet = strconv.Itoa(num) + string(n.Marker) + " "
				num++
			}
			first, _, _ := strings.Cut(body, "\n")
			if m, ok := matchLabel(first); ok && m.start == 0 && classify(m.speaker, m.bracket) != notLabel {
				bullet = ""
			}
			w.sep(tight)
			w.b.WriteString(indent + bullet)
			pad := indent + strings.Repeat(" ", len(bullet))
			w.b.WriteString(strings.ReplaceAll(body, "\n", "\n"+pad))
		}
	case *east.Table:
		w.sep(false)
		first := true
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			if !first {
				w.b.WriteString("\n")
			}
			first = false
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, strings.TrimSpace(w.inline(c)))
			}
			w.b.WriteString(indent + strings.Join(cells, "\t"))
		}
	case *ast.ThematicBreak:
	default:
		if n.Type() == ast.TypeBlock {
			w.blocks(n, indent)
		}
	}
}

// inline returns the text of n's inline children.
func (w *mdWriter) inline(n ast.Node) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(w.source)
				if !c.IsRaw() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				b.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(w.source))
			case *ast.RawHTML:
				if t := strings.ToLower(string(c.Segments.Value(w.source))); strings.HasPrefix(t, "<br") {
					b.WriteByte('\n')
				}
			case *ast.CodeSpan:
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if s, ok := t.(*ast.Text); ok {
						b.Write(s.Segment.Value(w.source))
					} else if s, ok := t.(*ast.String); ok {
						b.Write(s.Value)
					}
				}
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// stripTags removes HTML tags and comments from raw HTML lines.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		end := ">"
		if strings.HasPrefix(s[i:], "<!--") {
			end = "-->"
		}
		j := strings.Index(s[i:], end)
		if j < 0 {
			b.WriteString(s[i:])
			return b.String()
		}
		s = s[i+j+len(end):]
	}
}
