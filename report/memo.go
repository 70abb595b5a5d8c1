package report

import (
	"bytes"
	"fmt"
)

// MemoHTML renders a memo's Markdown to an HTML fragment with the report's
// goldmark: CommonMark, raw HTML replaced by a comment and dangerous link
// targets (javascript:, data: other than images) emptied, so the fragment
// may be shown as it is.
func MemoHTML(markdown string) (string, error) {
	var b bytes.Buffer
	if err := renderer.Convert([]byte(markdown), &b); err != nil {
		return "", fmt.Errorf("render memo: %w", err)
	}
	return b.String(), nil
}
