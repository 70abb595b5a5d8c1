package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"themis/internal/csvsafe"
)

// Table is a titled grid of cells: what the CLI prints, the CSV and XLSX
// exports write and the docx report lays out, built once per view so that
// every output shows the same figures.
type Table struct {
	Title  string
	Header []string
	Rows   [][]string
}

// numericColumns are the columns whose every non-empty cell is a number
// (and that have at least one): they are written as numbers, so that a
// spreadsheet can sum them, and right-aligned in text.
func numericColumns(t Table) []int {
	var out []int
	for c := range t.Header {
		numbers := 0
		ok := true
		for _, r := range t.Rows {
			if c >= len(r) || r[c] == "" {
				continue
			}
			if _, err := strconv.ParseFloat(r[c], 64); err != nil {
				ok = false
				break
			}
			numbers++
		}
		if ok && numbers > 0 {
			out = append(out, c)
		}
	}
	return out
}

// WriteTableCSV writes t as CSV: the header, then the rows (the title is
// the file's business, not a row). Text cells that a spreadsheet would run
// as a formula are neutralised (internal/csvsafe).
func WriteTableCSV(w io.Writer, t Table) error {
	cw := csvsafe.NewWriter(w, numericColumns(t)...)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// TableXLSX writes the tables as one workbook, one sheet per table: the
// title in the first row, the header in the second, numbers as numbers.
// Every text cell is written as a string, never as a formula.
func TableXLSX(tables ...Table) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	used := map[string]bool{}
	for i, t := range tables {
		name := sheetName(t.Title, used)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, fmt.Errorf("sheet %q: %w", name, err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", name, err)
		}
		numeric := map[int]bool{}
		for _, c := range numericColumns(t) {
			numeric[c] = true
		}
		set := func(col, row int, v any) error {
			cell, err := excelize.CoordinatesToCellName(col+1, row)
			if err != nil {
				return err
			}
			return f.SetCellValue(name, cell, v)
		}
		if err := set(0, 1, t.Title); err != nil {
			return nil, err
		}
		for c, h := range t.Header {
			if err := set(c, 2, h); err != nil {
				return nil, err
			}
		}
		for r, row := range t.Rows {
			for c, v := range row {
				var val any = v
				if numeric[c] && v != "" {
					n, _ := strconv.ParseFloat(v, 64)
					val = n
				}
				if err := set(c, r+3, val); err != nil {
					return nil, err
				}
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheetName makes a title a valid, unique sheet name: at most 31
// characters, none of : \ / ? * [ ].
func sheetName(title string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || r < ' ' {
			return ' '
		}
		return r
	}, title)
	name = strings.Trim(strings.TrimSpace(name), "'")
	if name == "" {
		name = "Table"
	}
	if utf8.RuneCountInString(name) > 28 {
		name = string([]rune(name)[:28])
	}
	base := strings.TrimSpace(name)
	name = base
	for n := 2; used[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	used[strings.ToLower(name)] = true
	return name
}

// TableText lays t out in aligned columns for a terminal: the title, a
// blank line, the header, a rule, the rows; numeric columns right-aligned.
func TableText(t Table) string {
	width := make([]int, len(t.Header))
	for c, h := range t.Header {
		width[c] = utf8.RuneCountInString(h)
	}
	for _, r := range t.Rows {
		for c, v := range r {
			if c < len(width) {
				width[c] = max(width[c], utf8.RuneCountInString(v))
			}
		}
	}
	right := map[int]bool{}
	for _, c := range numericColumns(t) {
		right[c] = true
	}
	var b strings.Builder
	if t.Title != "" {
		b.WriteString(t.Title + "\n\n")
	}
	line := func(cells []string) {
		var parts []string
		for c := range width {
			v := ""
			if c < len(cells) {
				v = cells[c]
			}
			pad := strings.Repeat(" ", width[c]-utf8.RuneCountInString(v))
			if right[c] {
				parts = append(parts, pad+v)
			} else {
				parts = append(parts, v+pad)
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
	}
	line(t.Header)
	rule := make([]string, len(width))
	for c, w := range width {
		rule[c] = strings.Repeat("-", w)
	}
	line(rule)
	for _, r := range t.Rows {
		line(r)
	}
	return b.String()
}
