package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"themis/coding"
	"themis/internal/prose"
)

// ThemeReport is the themes report of a framework (issue 10): per factor and
// code its definition, how widely it was evidenced, the chosen quotes with
// their attribution and, when asked, its agreement; then the methods
// paragraph and the matrices. It holds finished words and figures only, so
// that Markdown, HTML and Word say exactly the same.
type ThemeReport struct {
	Title string
	// Scope says what the figures were computed over, in words: "All
	// coders together (Aisha and Ben); 12 documents, 9 participants; only
	// role: patient."
	Scope    string
	Sections []ThemeSection // tree order, or the order the writer chose
	Methods  string         // the agreement methods paragraph, "" for none
	Tables   []Table        // matrices, after the sections
}

// ThemeSection is one factor or code. Depth 0 is a top-level factor or code,
// 1 a code under a factor, and so on; the renderers make it a heading one
// level below the title per depth.
type ThemeSection struct {
	Depth      int
	Name       string
	Definition string
	Prevalence string // the prevalence sentence, see [PrevalenceSentence]
	Agreement  string // the code's agreement line, "" for none
	// Memos are the memos on the code, when the writer chose to include
	// them, under its definition.
	Memos  []ThemeMemo
	Quotes []ThemeQuote
}

// ThemeMemo is a memo on a code as the report shows it.
type ThemeMemo struct {
	Author string
	Date   string // the day it was last written, 2026-12-07
	Text   string // Markdown, shown as plain text on one line per paragraph
}

// memoHead is "Memo (Aisha, 2026-12-07)".
func memoHead(m ThemeMemo) string {
	who := m.Author
	if m.Date != "" {
		who += ", " + m.Date
	}
	return "Memo (" + who + ")"
}

// ThemeQuote is one quoted passage, shown once however many coders coded it.
type ThemeQuote struct {
	Text        string   // as quoted: trimmed with "…" where the writer cut it
	Attribution string   // "Patient 005, patient, nested case 2"; "" for none
	CodedBy     []string // the coders whose segments formed it, when worth saying
}

// Evidence is one part of a prevalence breakdown: Cases of the Of cases in
// scope that have the attribute value Value evidenced the code.
type Evidence struct {
	Value     string // the attribute's value; "" for the cases without one
	Cases, Of int
}

// PrevalenceSentence words how widely a code was evidenced, from the summary
// figures: "Evidenced by 7 of 9 participants: 4 of 5 patients, both link
// workers and 1 of 2 commissioners." cases of inScope cases evidenced the
// code; noun is what a case is called ("participant"); attribute names the
// breakdown's attribute and parts its columns (nil for no breakdown). A
// value is pluralised as a noun ("link worker" → "link workers") unless it
// is not a word ("2", "18-30"): then the phrase is "participants with
// nested case 2". 2 of 2 is "both", n of n "all n", 1 of 1 "the". With no
// case evidencing it the sentence is "Not evidenced in the 9
// participants."; with no case in scope at all it is empty.
func PrevalenceSentence(cases, inScope int, noun, attribute string, parts []Evidence) string {
	if noun == "" {
		noun = "participant"
	}
	if inScope <= 0 {
		return ""
	}
	if cases == 0 {
		if inScope == 1 {
			return "Not evidenced in the one " + noun + "."
		}
		return "Not evidenced in the " + strconv.Itoa(inScope) + " " + prose.Plural(noun) + "."
	}
	s := "Evidenced by " + share(cases, inScope, noun, prose.Plural(noun))
	var phrases []string
	for _, p := range parts {
		if p.Of == 0 {
			continue
		}
		one, many := valueNouns(noun, attribute, p.Value)
		phrases = append(phrases, share(p.Cases, p.Of, one, many))
	}
	if len(phrases) > 0 {
		s += ": " + JoinNames(phrases)
	}
	return s + "."
}

// share is "4 of 5 patients", "both patients", "all 3 patients", "the
// patient", "0 of 1 patient".
func share(n, of int, one, many string) string {
	switch {
	case n == of && of == 1:
		return "the " + one
	case n == of && of == 2:
		return "both " + many
	case n == of && of > 2:
		return "all " + strconv.Itoa(of) + " " + many
	case of == 1:
		return strconv.Itoa(n) + " of 1 " + one
	}
	return strconv.Itoa(n) + " of " + strconv.Itoa(of) + " " + many
}

// valueNouns is the singular and plural a breakdown value is counted in.
func valueNouns(noun, attribute, value string) (one, many string) {
	value = oneLine(value)
	switch {
	case value == "":
		a := AttributeName(attribute)
		return noun + " without a " + a, prose.Plural(noun) + " without a " + a
	case !endsInLetter(value):
		v := AttributeValue(attribute, value)
		return noun + " with " + v, prose.Plural(noun) + " with " + v
	}
	return value, prose.Plural(value)
}

// AttributeName is an attribute's name as prose: "nested_case" → "nested
// case".
func AttributeName(attribute string) string {
	return oneLine(strings.ReplaceAll(attribute, "_", " "))
}

// AttributeValue is a case's attribute value as an attribution shows it: a
// word as it is ("patient"), anything else after the attribute's name
// ("nested case 2", "age group 45-54"), so that a bare number is never
// left unexplained. An empty value is "".
func AttributeValue(attribute, value string) string {
	value = oneLine(value)
	if value == "" || endsInLetter(value) {
		return value
	}
	return AttributeName(attribute) + " " + value
}

// AgreementLine is the agreement row of one code (or, given a factor's id,
// of that factor) in a sentence, with the statistic, reading and interval
// of the agreement table and view: "Agreement between Aisha and Ben: κ =
// 0.812, reliable (≥ 0.800); observed agreement 96.2%." It is "" when the
// table has no row for id.
func AgreementLine(t AgreementTable, id int64) string {
	var row *coding.Result
	for i := range t.Report.PerCode {
		if t.Report.PerCode[i].Code == id {
			row = &t.Report.PerCode[i]
		}
	}
	for i := range t.Report.PerFactor {
		if row == nil && t.Report.PerFactor[i].Factor == id {
			row = &t.Report.PerFactor[i]
		}
	}
	if row == nil {
		return ""
	}
	st := chosen(t.Statistic)
	v := st.value(*row)
	s := fmt.Sprintf("Agreement between %s and %s: %s = %s", oneLine(t.CoderA), oneLine(t.CoderB), st.Symbol, three(v))
	if ci := st.ci(*row); ci != nil {
		s += " (95% CI " + span(ci) + ")"
	}
	if v != nil {
		s += ", " + Reading(v)
	}
	s += "; observed agreement " + coding.FormatPercent(row.Agreement) + "."
	if n := oneLine(row.Note); n != "" {
		s += " " + strings.TrimSuffix(n, ".") + "."
	}
	return s
}

func endsInLetter(s string) bool {
	r := []rune(s)
	if len(r) == 0 {
		return false
	}
	c := r[len(r)-1]
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c > 0x7f && strings.ToLower(string(c)) != strings.ToUpper(string(c))
}

// quoteFooter is the line under a quote: "— Patient 005, patient · coded by
// Aisha and Ben", parts left out when empty; esc prepares each part.
func quoteFooter(q ThemeQuote, esc func(string) string) string {
	var parts []string
	if a := esc(q.Attribution); a != "" {
		parts = append(parts, a)
	}
	if len(q.CodedBy) > 0 {
		names := make([]string, len(q.CodedBy))
		for i, n := range q.CodedBy {
			names[i] = esc(n)
		}
		parts = append(parts, "coded by "+JoinNames(names))
	}
	if len(parts) == 0 {
		return ""
	}
	return "— " + strings.Join(parts, " · ")
}

// themeTitle is the report's title, or a default.
func themeTitle(r ThemeReport) string {
	if strings.TrimSpace(r.Title) == "" {
		return "Themes"
	}
	return r.Title
}

// headingLevel is the heading level of a section: the title is level 1,
// top-level sections 2, and so on down to 6.
func headingLevel(depth int) int { return min(max(depth, 0)+2, 6) }

// ThemeMarkdown renders the report as CommonMark with GitHub tables: the
// title, the scope in italics, a heading per factor and code with its
// definition (italic), prevalence sentence, agreement line and quotes as
// block quotes each followed by its attribution line, then "Methods" and
// the matrices. Every piece of data is escaped so that it renders as
// written (see the package documentation).
func ThemeMarkdown(r ThemeReport) string {
	var b strings.Builder
	para := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s)
		b.WriteString("\n")
	}
	esc := prose.MarkdownInline
	para("# " + esc(themeTitle(r)))
	if s := esc(r.Scope); s != "" {
		para("*" + s + "*")
	}
	for _, s := range r.Sections {
		para(strings.Repeat("#", headingLevel(s.Depth)) + " " + esc(s.Name))
		if d := esc(s.Definition); d != "" {
			para("*" + d + "*")
		}
		for _, m := range s.Memos {
			para("**" + esc(memoHead(m)) + ".** " + esc(strings.Join(strings.Fields(m.Text), " ")))
		}
		para(esc(s.Prevalence))
		para(esc(s.Agreement))
		for _, q := range s.Quotes {
			var bq strings.Builder
			for i, l := range quoteLines(q.Text) {
				if i > 0 {
					bq.WriteString("\n")
				}
				bq.WriteString(strings.TrimRight("> "+l, " "))
			}
			para(bq.String())
			para(quoteFooter(q, esc))
		}
	}
	if m := esc(r.Methods); m != "" {
		para("## Methods")
		para(m)
	}
	for _, t := range r.Tables {
		para("## " + esc(t.Title))
		para(markdownTable(t))
	}
	return b.String()
}

// markdownTable is a GitHub table; the first column is left-aligned, the
// others (figures) right-aligned.
func markdownTable(t Table) string {
	if len(t.Header) == 0 {
		return ""
	}
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for i := range t.Header {
			c := ""
			if i < len(cells) {
				c = tableCell(cells[i])
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|")
	for i := range t.Header {
		if i == 0 {
			b.WriteString(":--|")
		} else {
			b.WriteString("--:|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// tableCell escapes a cell of a GitHub table: MarkdownInline, which escapes
// "|" already (a table reads "\|" as a pipe inside the cell); a number is
// written as it is, since inside a cell "1.000" cannot start a list.
func tableCell(s string) string {
	s = oneLine(s)
	if _, err := strconv.ParseFloat(s, 64); err == nil && strings.Trim(s, "0123456789.-+eE") == "" {
		return s
	}
	return prose.MarkdownInline(s)
}

// ThemeHTML renders [ThemeMarkdown] with goldmark (tables on, raw HTML never
// passed through) as a standalone page.
func ThemeHTML(r ThemeReport) (string, error) {
	var body bytes.Buffer
	if err := tableRenderer.Convert([]byte(ThemeMarkdown(r)), &body); err != nil {
		return "", err
	}
	return page(themeTitle(r), body.Bytes(), themeStyle), nil
}

const themeStyle = `h3 { font-size: 1.1rem; margin: 1.75rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.5rem 0 .3rem; }
h1 + p > em:only-child { color: #444; }
h3 + p > em:only-child, h4 + p > em:only-child { color: #444; }
table { border-collapse: collapse; font-size: .85rem; margin: 1rem 0; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
th { border-bottom: 2px solid #888; }
`
