package report

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"

	"themis/internal/prose"
)

// Quote is one coded span with its attribution.
type Quote struct {
	Text     string // the exact coded span
	Document string // document name
	Speaker  string // "" if none
	Case     string // case/participant label, "" if none, e.g. "Patient 003, nested case 2"
	Coder    string
	// Coders name everyone who coded this same passage, when it is quoted
	// once for several coders ("coded by Aisha and Ben"); Coder is used
	// when it is empty.
	Coders []string
	Start  int // code points
	End    int // code points
}

// CodeQuotes is the quotes of one code, with the code's definition.
type CodeQuotes struct {
	Code       string
	Definition string
	Quotes     []Quote
}

// Markdown renders the quotes as CommonMark: the title as a level-1 heading
// (omitted when empty), a level-2 heading per code, the code's definition as an
// italic line when non-empty, then each quote as a block quote followed by an
// attribution line "— Speaker, Document (Case) · coded by Coder" ("coded by
// A and B" when several coders coded the passage), leaving out empty parts. Quote text is escaped so that it renders literally (see the
// package documentation); names and definitions are escaped too, with their
// whitespace collapsed to single spaces.
func Markdown(title string, groups []CodeQuotes) string {
	var b strings.Builder
	para := func(s string) {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s)
		b.WriteString("\n")
	}
	if t := prose.MarkdownInline(title); t != "" {
		para("# " + t)
	}
	for _, g := range groups {
		para("## " + prose.MarkdownInline(g.Code))
		if d := prose.MarkdownInline(g.Definition); d != "" {
			para("*" + d + "*")
		}
		for _, q := range g.Quotes {
			var bq strings.Builder
			for i, l := range quoteLines(q.Text) {
				if i > 0 {
					bq.WriteString("\n")
				}
				bq.WriteString(strings.TrimRight("> "+l, " "))
			}
			para(bq.String())
			if a := attribution(q, prose.MarkdownInline); a != "" {
				para(a)
			}
		}
	}
	return b.String()
}

// attribution returns "— Speaker, Document (Case) · coded by Coder" (or "·
// coded by A and B" for a passage several coders coded) with the empty parts
// left out, or "" when every part is empty; esc prepares each part.
func attribution(q Quote, esc func(string) string) string {
	names := q.Coders
	if len(names) == 0 {
		names = []string{q.Coder}
	}
	escaped := make([]string, 0, len(names))
	for _, n := range names {
		if n = esc(n); n != "" {
			escaped = append(escaped, n)
		}
	}
	speaker, doc, cas, coder := esc(q.Speaker), esc(q.Document), esc(q.Case), JoinNames(escaped)
	var who []string
	for _, s := range []string{speaker, doc} {
		if s != "" {
			who = append(who, s)
		}
	}
	head := strings.Join(who, ", ")
	switch {
	case cas != "" && head != "":
		head += " (" + cas + ")"
	case cas != "":
		head = cas
	}
	switch {
	case coder != "" && head != "":
		head += " · coded by " + coder
	case coder != "":
		head = "coded by " + coder
	}
	if head == "" {
		return ""
	}
	return "— " + head
}

// JoinNames lists names as a sentence does: "Aisha", "Aisha and Ben",
// "Aisha, Ben and Chen".
func JoinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// renderer is goldmark with its defaults: CommonMark, no extensions, and
// without html.WithUnsafe, so raw HTML is replaced by a comment.
var renderer = goldmark.New()

// HTML renders [Markdown] with goldmark (raw HTML is never passed through) and
// wraps it in a complete, standalone HTML5 page with a print-friendly style.
func HTML(title string, groups []CodeQuotes) (string, error) {
	var body bytes.Buffer
	if err := renderer.Convert([]byte(Markdown(title, groups)), &body); err != nil {
		return "", err
	}
	if strings.TrimSpace(title) == "" {
		title = "Quotes"
	}
	return page(title, body.Bytes(), ""), nil
}

// page wraps a rendered body in a complete HTML5 page with the shared
// print-friendly style and any extra rules.
func page(title string, body []byte, extraStyle string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + html.EscapeString(strings.Join(strings.Fields(prose.CleanText(title)), " ")) + "</title>\n")
	b.WriteString("<style>\n" + style + extraStyle + "</style>\n</head>\n<body>\n<main>\n")
	b.Write(body)
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.String()
}

const style = `body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin: 0 0 1.5rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #ccc; break-after: avoid; }
h2 + p > em:only-child { color: #444; }
blockquote { margin: 1.25rem 0 .25rem; padding: .4rem 1rem; border-left: 4px solid #8a8a8a; background: #f5f5f5; overflow-wrap: anywhere; }
blockquote p { margin: 0; }
blockquote + p { margin: 0 0 1rem; font-size: .9rem; color: #555; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; margin: 0; padding: 0; }
  blockquote { background: none; break-inside: avoid; }
  blockquote + p { break-before: avoid; }
}
`
