package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"themis/internal/prose"
	"themis/internal/sheetscan"
)

// This file reads turns tables: .csv (or .tsv) and .xlsx files with one turn
// per row and columns for the speaker, the text and optionally the time.

// csvParse reads a turns table from CSV text. The delimiter is a comma, a
// semicolon (as spreadsheets in many European locales write) or a tab,
// whichever the first line uses most outside quotes; .tsv is always tabs.
func csvParse(text string, tsv bool, po parseOpts) (parsed, error) {
	comma := '\t'
	if !tsv {
		comma = SniffDelimiter(text)
	}
	r, line := CSVReader(text, comma)
	if line > 0 {
		return parsed{}, corruptIn("CSV file", fmt.Sprintf("line %d: %s", line, UnclosedQuoteMsg))
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return parsed{}, corruptIn("CSV file", fmt.Sprintf("line %d: %v", line, errors.Unwrap(err)))
		}
		rows = append(rows, rec)
	}
	return tableParse(rows, po)
}

// CSVReader returns a reader of text's rows, cells split at comma, rows of
// any length, stray quotes read as text (LazyQuotes); and the line of an
// unclosed quote (see UnclosedQuote), which the caller must refuse, or 0.
// Transcripts and case sheets both read CSV through it.
func CSVReader(text string, comma rune) (*csv.Reader, int) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r, UnclosedQuote(text, comma)
}

// UnclosedQuoteMsg says what UnclosedQuote found, after the line it names.
const UnclosedQuoteMsg = "a quote opens a cell that is never closed, so every row below it would be read into that cell"

// UnclosedQuote returns the line (1-based) on which a quoted cell opens that
// no quote closes before the end of text, or 0. It reads text as
// encoding/csv does with LazyQuotes: a cell is quoted when it starts with a
// quote; inside it "" is a quote, and a quote closes the cell only before the
// delimiter, a line break or the end. LazyQuotes keeps transcripts with
// stray quotes readable ("he said "no" twice"), but would read every row
// after an unclosed quote into that one cell, so readers refuse such a file
// instead. Case sheets use it too.
func UnclosedQuote(text string, comma rune) int {
	delim := string(comma)
	line, start := 1, true // start: at the beginning of a cell
	for i := 0; i < len(text); {
		c := text[i]
		if !start || c != '"' {
			switch {
			case c == '\n':
				line++
				start = true
				i++
			case strings.HasPrefix(text[i:], delim):
				start = true
				i += len(delim)
			default:
				start = false
				i++
			}
			continue
		}
		opened := line
		i++
		for {
			j := strings.IndexAny(text[i:], "\"\n")
			if j < 0 {
				return opened
			}
			i += j
			if text[i] == '\n' {
				line++
				i++
				continue
			}
			i++ // past the quote
			rest := text[i:]
			if rest == "" || rest == "\r" || rest[0] == '\n' || strings.HasPrefix(rest, "\r\n") || strings.HasPrefix(rest, delim) {
				break // closed; what follows is read by the outer loop (a last "\r" is dropped, as encoding/csv does)
			}
			if rest[0] == '"' {
				i++ // a doubled quote
			}
			// else a stray quote inside the cell, kept as it is
		}
		start = false
	}
	return 0
}

// SniffDelimiter picks the delimiter (comma, semicolon or tab) that splits
// the first lines of a CSV text into the same number of fields (quotes
// respected), preferring the one that makes more fields. Case sheets use it too.
func SniffDelimiter(text string) rune {
	lines := strings.SplitN(text, "\n", 11)
	if len(lines) > 10 {
		lines = lines[:10]
	}
	best, bestScore := ',', -1
	for _, d := range []rune{',', ';', '\t'} {
		count, consistent := -1, true
		for _, line := range lines {
			if strings.TrimSpace(line) == "" {
				continue
			}
			n, quoted := 0, false
			for _, r := range line {
				switch {
				case r == '"':
					quoted = !quoted
				case !quoted && r == d:
					n++
				}
			}
			if count >= 0 && n != count {
				consistent = false
			}
			count = max(count, n)
		}
		score := count
		if consistent && count > 0 {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

// xlsxParse reads a turns table from the first sheet of a workbook, as
// Excel shows the cells (times formatted as times).
func xlsxParse(data []byte, po parseOpts) (p parsed, err error) {
	zr, err := openZip(data, "Excel workbook", defaultDocxLimits.maxEntries)
	if err != nil {
		return parsed{}, err
	}
	defer func() {
		// excelize is a large third-party parser; a malformed workbook must
		// not bring down the import.
		if r := recover(); r != nil {
			p, err = parsed{}, corruptIn("Excel workbook", fmt.Sprint(r))
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxFileSize, UnzipXMLSizeLimit: MaxFileSize})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return parsed{}, tooLargeText
		}
		return parsed{}, corruptIn("Excel workbook", err.Error())
	}
	defer f.Close()
	// excelize pads each row with empty cells up to its last value: measure
	// what that would build before building it (the archive is known to
	// expand to at most MaxFileSize by now).
	if pr := sheetscan.Check(zr, sheetscan.Limits{MaxCells: maxSheetCells, MaxPart: MaxFileSize}); pr != nil {
		return parsed{}, detail(ErrTooLarge, "%s (by row %d its rows would be read as more than %d cells, reaching column %s)",
			ErrTooLarge, pr.Row, maxSheetCells, sheetscan.ColumnName(pr.Reach))
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return parsed{}, corruptIn("Excel workbook", "no sheet")
	}
	rows, err := sheetRows(f, sheets[0])
	if err != nil {
		return parsed{}, err
	}
	p, err = tableParse(rows, po)
	if err == nil && len(sheets) > 1 {
		p.warnings = append(p.warnings, fmt.Sprintf("only the first sheet (%q) was read; the workbook has %d", sheets[0], len(sheets)))
	}
	return p, err
}

// tableParse makes turns of table rows: see tableColumns for how the
// columns are found. Rows without text are skipped with a warning.
func tableParse(rows [][]string, po parseOpts) (parsed, error) {
	var data [][]string
	blank := 0
	for _, r := range rows {
		if trimmedWidth(r) == 0 {
			blank++
			continue
		}
		data = append(data, r)
	}
	if len(data) == 0 {
		return parsed{}, ErrEmpty
	}
	cols, header, err := tableColumns(data, true)
	if err != nil {
		return parsed{}, err
	}
	var bl builder
	_, empty := bl.rows(data, cols, header)
	p, err := bl.finish()
	if err != nil {
		return parsed{}, err
	}
	var warnings []string
	if header {
		warnings = append(warnings, "columns read as "+cols.String())
	} else {
		warnings = append(warnings, "no header row; columns read as "+cols.String())
	}
	if n := blank + empty; n > 0 {
		warnings = append(warnings, prose.Count(n, "empty row", "empty rows")+" skipped")
	}
	if po.pattern != nil {
		warnings = append(warnings, "the speaker pattern is not used for tables; speakers come from the speaker column")
	}
	p.warnings = warnings
	return p, nil
}

// Bounds on what is read of a sheet: a turns table needs few columns, and a
// hostile sheet could place one cell in the last column of every row, which
// excelize reads as a row of 16,384 cells. maxSheetCells bounds the cells
// the rows may spread over, padding included (checked before reading, see
// sheetscan); a million turns of three columns fit.
const (
	maxSheetCols  = 64
	maxSheetRows  = 1 << 20
	maxSheetCells = 4_000_000
)

// sheetRows streams the rows of a sheet, keeping the first maxSheetCols
// cells of each (copied, so that a padded row is not kept whole).
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, corruptIn("Excel workbook", err.Error())
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if len(rows) >= maxSheetRows {
			return nil, detail(ErrTooLarge, "%s (more than %d rows)", ErrTooLarge, maxSheetRows)
		}
		cols, err := it.Columns()
		if err != nil {
			return nil, corruptIn("Excel workbook", err.Error())
		}
		if len(cols) > maxSheetCols {
			cols = append([]string(nil), cols[:maxSheetCols]...)
		}
		rows = append(rows, cols)
	}
	if err := it.Error(); err != nil {
		return nil, corruptIn("Excel workbook", err.Error())
	}
	return rows, nil
}
