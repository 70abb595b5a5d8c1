// Package csvsafe writes CSV files that a spreadsheet opens as data. Excel,
// LibreOffice and Google Sheets run a cell beginning with = + - or @ (and,
// after trimming, a tab or carriage return) as a formula, so a code name,
// a quote or a speaker label such as =HYPERLINK("http://…") in an export
// would run when a colleague opens it. As OWASP recommends (CSV injection),
// such a text cell is written with a single quote in front, which
// spreadsheets show as text and do not display.
//
// Columns are text or numbers, decided by each writer: a number column keeps
// its cells as they are when they are numbers (κ = -0.12 stays a number a
// spreadsheet can compute with) and neutralises anything else in it. Every
// CSV writer in Themis writes through Writer.
//
// Unquote undoes Cell for Themis' own files read back (the segment CSV), so
// an export imports unchanged; a cell that began with a quote before the
// trigger character in the first place is ambiguous and read as Themis'
// quote.
package csvsafe

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// Cell neutralises a text cell: one beginning with = + - @, a tab or a
// carriage return gets a single quote in front.
func Cell(s string) string {
	if s != "" && strings.ContainsRune(triggers, rune(s[0])) {
		return "'" + s
	}
	return s
}

const triggers = "=+-@\t\r"

// Unquote removes the quote Cell put in front of a cell.
func Unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune(triggers, rune(s[1])) {
		return s[1:]
	}
	return s
}

// Number passes a number through and neutralises anything else, for a cell
// of a number column.
func Number(s string) string {
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return Cell(s)
}

// Writer writes CSV records whose text cells are neutralised with Cell and
// whose cells in number columns are passed through Number.
type Writer struct {
	w       *csv.Writer
	numeric map[int]bool
}

// NewWriter writes to w; numberColumns are the 0-based columns that hold
// numbers.
func NewWriter(w io.Writer, numberColumns ...int) *Writer {
	n := make(map[int]bool, len(numberColumns))
	for _, c := range numberColumns {
		n[c] = true
	}
	return &Writer{w: csv.NewWriter(w), numeric: n}
}

// Write writes one record, its cells made safe; record is not changed.
func (w *Writer) Write(record []string) error {
	safe := make([]string, len(record))
	for i, s := range record {
		if w.numeric[i] {
			safe[i] = Number(s)
		} else {
			safe[i] = Cell(s)
		}
	}
	return w.w.Write(safe)
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() { w.w.Flush() }

// Error reports any error from a previous Write or Flush.
func (w *Writer) Error() error { return w.w.Error() }
