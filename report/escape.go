package report

import (
	"strings"

	"themis/internal/prose"
)

// quoteLines renders text as the lines of a block quote's single paragraph,
// without the "> " prefixes: each line escaped by prose.MarkdownLine and
// ended with a hard break. See the package documentation.
func quoteLines(text string) []string {
	lines := strings.Split(prose.CleanText(text), "\n")
	trailingBreak := false
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
		trailingBreak = true
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = prose.MarkdownLine(l)
		switch {
		case i < len(lines)-1:
			out[i] += `\` // hard line break
		case trailingBreak:
			out[i] += "&#10;"
		}
	}
	return out
}
