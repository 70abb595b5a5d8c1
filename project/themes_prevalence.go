package project

import (
	"fmt"
	"strconv"

	"themis/report"
	"themis/store"
)

// Summarise computes the prevalence of every code of framework (0: the
// active one) in tree order: passages, words, documents, cases and the share
// of cases in scope, factors rolling up their subtrees.
func Summarise(p *store.Project, v Viewer, framework int64, l Layer, f ThemeFilter) (Summary, error) {
	ts, err := loadThemes(p, v, framework, 0, l, f)
	if err != nil {
		return Summary{}, err
	}
	out := Summary{Scope: ts.scope, Rows: make([]PrevalenceRow, len(ts.codes))}
	for i := range ts.codes {
		out.Rows[i], _ = ts.figures(i)
	}
	return out, nil
}

// ScopeCaption says what a view was computed over, for a table's caption:
// "All coders, 9 cases in 6 documents".
func ScopeCaption(s ThemeScope) string {
	return fmt.Sprintf("%s, %s in %s", s.Layer.Name, plural(s.Cases, "case", "cases"), plural(s.Documents, "document", "documents"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// share formats a ratio for tables: three decimals, so that every output
// writes the same figure.
func share(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// codeLabel is a code's name in a table, indented by its depth so that
// factors read as headings of their codes.
func codeLabel(r PrevalenceRow) string {
	pad := ""
	for range r.Depth {
		pad += "  "
	}
	return pad + r.Name
}

// SummaryTable is a summary as a table for the CLI and the exports.
func SummaryTable(s Summary) report.Table {
	t := report.Table{
		Title:  fmt.Sprintf("Prevalence per code — %s — %s", s.Scope.Framework.Name, ScopeCaption(s.Scope)),
		Header: []string{"Code", "Factor", "Segments", "Words", "Documents", "Cases", "Case share"},
	}
	for _, r := range s.Rows {
		t.Rows = append(t.Rows, []string{codeLabel(r), r.Factor, strconv.Itoa(r.Segments), strconv.Itoa(r.Words),
			strconv.Itoa(r.Documents), strconv.Itoa(r.Cases), share(r.CaseShare)})
	}
	return t
}
