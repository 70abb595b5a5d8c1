package interop

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"themis/corpus"
	"themis/internal/sheetscan"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The attribute types, as the store names them.
const (
	TypeText     = "text"
	TypeNumber   = "number"
	TypeDate     = "date"
	TypeCategory = "category"
)

// Limits that keep a hostile sheet from taking the machine.
const (
	MaxSheetBytes = 32 << 20
	MaxRows       = 100_000
	MaxColumns    = 500
	// MaxCells bounds the cells the rows of an .xlsx may spread over, the
	// empty cells before a row's last value included: excelize builds them
	// all, so one value in column XFD makes a row of 16,384 cells.
	MaxCells = 2_000_000
	// maxCategories is the most distinct values an inferred category has.
	maxCategories = 15
)

// SheetError is a case sheet that cannot be used: the file, and the row
// (1-based, the header is row 1) and column when the problem has a place.
type SheetError struct {
	File   string
	Row    int
	Column string
	Msg    string
}

func (e *SheetError) Error() string {
	var where []string
	if e.Row > 0 {
		where = append(where, fmt.Sprintf("row %d", e.Row))
	}
	if e.Column != "" {
		where = append(where, fmt.Sprintf("column %q", e.Column))
	}
	if len(where) == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s: %s: %s", e.File, strings.Join(where, ", "), e.Msg)
}

// Options steer ParseCaseSheet; the zero value infers everything.
type Options struct {
	NameColumn     string            // the column naming the cases
	DocumentColumn string            // the column naming documents; "-" for none
	Types          map[string]string // column → type, overriding the inferred one
}

// SheetAttribute is an attribute column with its type and, for a category,
// its values in order of first use.
type SheetAttribute struct {
	Name     string
	Type     string
	Inferred bool // the type was inferred, not given
	Values   []string
}

// SheetRow is one case of the sheet.
type SheetRow struct {
	Row       int // in the file, 1-based (the header is row 1)
	Name      string
	Documents []string          // from the document column
	Values    map[string]string // attribute → value, normalised ("" when the cell is empty)
}

// CaseSheet is a parsed case sheet.
type CaseSheet struct {
	File           string
	NameColumn     string
	DocumentColumn string // "" when the sheet has none
	Attributes     []SheetAttribute
	Rows           []SheetRow
}

var nameHeaders = []string{"case", "case name", "case id", "name", "participant", "participant id", "id", "cases"}
var documentHeaders = []string{"document", "documents", "transcript", "transcripts", "file", "files", "document name", "doc"}

// ParseCaseSheet reads a case sheet; the file's extension (.csv, .tsv,
// .txt or .xlsx, .xlsm) says how. name is used in messages.
func ParseCaseSheet(name string, data []byte, opt Options) (CaseSheet, error) {
	if len(data) > MaxSheetBytes {
		return CaseSheet{}, &SheetError{File: name, Msg: fmt.Sprintf("is %d MB; a case sheet may be at most %d MB", len(data)>>20, MaxSheetBytes>>20)}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return ParseCaseSheetXLSX(name, data, opt)
	case ".xls":
		return CaseSheet{}, &SheetError{File: name, Msg: "is an Excel 97–2003 workbook; save it as .xlsx or .csv"}
	case ".csv", ".tsv", ".txt", "":
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			return ParseCaseSheetXLSX(name, data, opt)
		}
		return ParseCaseSheetCSV(name, data, opt)
	}
	return CaseSheet{}, &SheetError{File: name, Msg: "is not a case sheet: use a .csv or .xlsx file"}
}

// ParseCaseSheetCSV reads a CSV case sheet in UTF-8 (with or without BOM),
// separated by commas, semicolons or tabs (whichever the header uses most).
func ParseCaseSheetCSV(name string, data []byte, opt Options) (CaseSheet, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return CaseSheet{}, &SheetError{File: name, Msg: "is empty: the first row should name the columns, e.g. case,role,age"}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return CaseSheet{}, &SheetError{File: name, Msg: "is a binary file, not a CSV case sheet"}
	}
	if !utf8.Valid(data) {
		row := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return CaseSheet{}, &SheetError{File: name, Row: row, Msg: "is not UTF-8 text; save the sheet as CSV UTF-8"}
	}
	text := string(data)
	r, line := corpus.CSVReader(text, corpus.SniffDelimiter(text))
	if line > 0 {
		return CaseSheet{}, &SheetError{File: name, Row: line, Msg: corpus.UnclosedQuoteMsg}
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return CaseSheet{}, &SheetError{File: name, Row: pe.StartLine, Msg: pe.Err.Error()}
			}
			return CaseSheet{}, &SheetError{File: name, Msg: err.Error()}
		}
		if len(rows) >= MaxRows {
			return CaseSheet{}, &SheetError{File: name, Msg: fmt.Sprintf("has more than %d rows", MaxRows)}
		}
		line, _ := r.FieldPos(0)
		for len(rows) < line-1 { // keep row numbers those of the file across blank lines
			rows = append(rows, nil)
		}
		rows = append(rows, rec)
	}
	return fromRows(name, rows, nil, opt)
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// ParseCaseSheetXLSX reads the first worksheet that has cells of an .xlsx
// workbook. Cells Excel stores as dates become YYYY-MM-DD.
func ParseCaseSheetXLSX(name string, data []byte, opt Options) (CaseSheet, error) {
	if len(data) == 0 {
		return CaseSheet{}, &SheetError{File: name, Msg: "is empty"}
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return CaseSheet{}, &SheetError{File: name, Msg: "is not an .xlsx workbook (it is not a zip archive)"}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 4 * MaxSheetBytes, UnzipXMLSizeLimit: MaxSheetBytes})
	if err != nil {
		return CaseSheet{}, &SheetError{File: name, Msg: "cannot be read as an .xlsx workbook: " + err.Error()}
	}
	defer f.Close()
	// Measure what excelize would build before it builds it (the archive is
	// known to be a zip within the size limits by now).
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		if p := sheetscan.Check(zr, sheetscan.Limits{MaxColumn: MaxColumns, MaxCells: MaxCells, MaxPart: 4 * MaxSheetBytes}); p != nil {
			if p.Column > 0 {
				return CaseSheet{}, &SheetError{File: name, Row: p.Row, Column: sheetscan.ColumnName(p.Column), Msg: fmt.Sprintf("has a value, but a case sheet has at most %d columns", MaxColumns)}
			}
			return CaseSheet{}, &SheetError{File: name, Row: p.Row, Msg: fmt.Sprintf("its rows would be read as more than %d cells (reaching column %s)", MaxCells, sheetscan.ColumnName(p.Reach))}
		}
	}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return CaseSheet{}, &SheetError{File: name, Msg: fmt.Sprintf("sheet %q: %v", sheet, err)}
		}
		if len(rows) == 0 {
			continue
		}
		raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return CaseSheet{}, &SheetError{File: name, Msg: fmt.Sprintf("sheet %q: %v", sheet, err)}
		}
		if len(rows) > MaxRows {
			return CaseSheet{}, &SheetError{File: name, Msg: fmt.Sprintf("sheet %q has more than %d rows", sheet, MaxRows)}
		}
		return fromRows(name, rows, excelDates(rows, raw), opt)
	}
	return CaseSheet{}, &SheetError{File: name, Msg: "has no cells in any sheet"}
}

// excelDates finds the cells Excel shows as dates (a serial number
// formatted with a date format) and gives them as YYYY-MM-DD.
func excelDates(shown, raw [][]string) map[[2]int]string {
	out := map[[2]int]string{}
	for i := range shown {
		if i >= len(raw) {
			break
		}
		for j, s := range shown[i] {
			if j >= len(raw[i]) || s == raw[i][j] || !strings.ContainsAny(s, "-/") && !hasMonth(s) {
				continue
			}
			serial, err := strconv.ParseFloat(raw[i][j], 64)
			if err != nil || serial < 1 || serial > 2958465 {
				continue
			}
			if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
				out[[2]int{i, j}] = t.Format("2006-01-02")
			}
		}
	}
	return out
}

func hasMonth(s string) bool {
	l := strings.ToLower(s)
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

func clean(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) }

func findHeader(header []string, asked string, names []string) int {
	if asked != "" {
		for i, h := range header {
			if strings.EqualFold(clean(h), clean(asked)) {
				return i
			}
		}
		return -2
	}
	for _, n := range names {
		for i, h := range header {
			if strings.EqualFold(clean(h), n) {
				return i
			}
		}
	}
	return -1
}

// fromRows turns rows of cells (the first is the header) into a case sheet.
func fromRows(file string, rows [][]string, dates map[[2]int]string, opt Options) (CaseSheet, error) {
	cs := CaseSheet{File: file}
	h := 0 // the header is the first row with a cell
	for h < len(rows) && blankRow(rows[h]) {
		h++
	}
	if h == len(rows) {
		return cs, &SheetError{File: file, Msg: "is empty: the first row should name the columns, e.g. case,role,age"}
	}
	header := rows[h]
	if len(header) > MaxColumns {
		return cs, &SheetError{File: file, Row: h + 1, Msg: fmt.Sprintf("has %d columns; at most %d", len(header), MaxColumns)}
	}
	width := len(header)
	for _, r := range rows[h+1:] {
		if len(r) > width {
			width = len(r)
		}
	}
	if width > MaxColumns {
		return cs, &SheetError{File: file, Msg: fmt.Sprintf("has %d columns; at most %d", width, MaxColumns)}
	}
	names := make([]string, width)
	seen := map[string]int{}
	for j := 0; j < width; j++ {
		if j < len(header) {
			names[j] = clean(header[j])
		}
		if names[j] == "" {
			continue
		}
		key := strings.ToLower(names[j])
		if k, ok := seen[key]; ok {
			return cs, &SheetError{File: file, Row: h + 1, Column: names[j], Msg: fmt.Sprintf("appears twice in the header (columns %d and %d)", k+1, j+1)}
		}
		seen[key] = j
	}
	nameCol := findHeader(names, opt.NameColumn, nameHeaders)
	switch {
	case nameCol == -2:
		return cs, &SheetError{File: file, Row: h + 1, Column: opt.NameColumn, Msg: "is not in the header"}
	case nameCol < 0:
		return cs, &SheetError{File: file, Row: h + 1, Msg: "has no column naming the cases: the first row should have a column called case, name, participant or id (found " + quoteList(names) + ")"}
	}
	cs.NameColumn = names[nameCol]
	docCol := -1
	if opt.DocumentColumn != "-" {
		docCol = findHeader(names, opt.DocumentColumn, documentHeaders)
		if docCol == -2 {
			return cs, &SheetError{File: file, Row: h + 1, Column: opt.DocumentColumn, Msg: "is not in the header"}
		}
		if docCol == nameCol {
			docCol = -1
		}
		if docCol >= 0 {
			cs.DocumentColumn = names[docCol]
		}
	}
	cell := func(i, j int) string {
		if v, ok := dates[[2]int{i, j}]; ok {
			return v
		}
		if j < len(rows[i]) {
			return clean(rows[i][j])
		}
		return ""
	}
	var attrCols []int
	for j := range names {
		if j == nameCol || j == docCol {
			continue
		}
		if names[j] == "" {
			for i := h + 1; i < len(rows); i++ {
				if cell(i, j) != "" {
					return cs, &SheetError{File: file, Row: i + 1, Column: fmt.Sprintf("column %d", j+1), Msg: "has a value but the column has no name in the first row"}
				}
			}
			continue
		}
		attrCols = append(attrCols, j)
	}
	for name := range opt.Types {
		if _, ok := seen[strings.ToLower(clean(name))]; !ok {
			return cs, &SheetError{File: file, Row: h + 1, Column: name, Msg: "is given a type but is not in the header"}
		}
	}
	rowOf := map[string]int{}
	for i := h + 1; i < len(rows); i++ {
		if blankRow(rows[i]) {
			continue
		}
		r := SheetRow{Row: i + 1, Name: cell(i, nameCol), Values: map[string]string{}}
		if r.Name == "" {
			return cs, &SheetError{File: file, Row: i + 1, Column: cs.NameColumn, Msg: "has values but no case name"}
		}
		key := strings.ToLower(r.Name)
		if first, ok := rowOf[key]; ok {
			return cs, &SheetError{File: file, Row: i + 1, Column: cs.NameColumn, Msg: fmt.Sprintf("case %q is also on row %d", r.Name, first)}
		}
		rowOf[key] = i + 1
		if docCol >= 0 {
			for _, d := range strings.Split(cell(i, docCol), ";") {
				if d = clean(d); d != "" {
					r.Documents = append(r.Documents, d)
				}
			}
		}
		for _, j := range attrCols {
			r.Values[names[j]] = cell(i, j)
		}
		cs.Rows = append(cs.Rows, r)
	}
	if len(cs.Rows) == 0 {
		return cs, &SheetError{File: file, Msg: "has a header but no cases below it"}
	}
	for _, j := range attrCols {
		a := SheetAttribute{Name: names[j]}
		typ := ""
		for k, v := range opt.Types {
			if strings.EqualFold(clean(k), names[j]) {
				typ = v
			}
		}
		if typ == "" {
			a.Type, a.Inferred = infer(cs.Rows, a.Name), true
		} else {
			a.Type = typ
		}
		if err := convert(file, &cs, &a); err != nil {
			return cs, err
		}
		cs.Attributes = append(cs.Attributes, a)
	}
	return cs, nil
}

func blankRow(r []string) bool {
	for _, c := range r {
		if clean(c) != "" {
			return false
		}
	}
	return true
}

func quoteList(names []string) string {
	var q []string
	for _, n := range names {
		if n != "" {
			q = append(q, strconv.Quote(n))
		}
	}
	if len(q) == 0 {
		return "no column names"
	}
	return strings.Join(q, ", ")
}

// infer is the type the values of a column suggest.
func infer(rows []SheetRow, col string) string {
	var values []string
	for _, r := range rows {
		if v := r.Values[col]; v != "" {
			values = append(values, v)
		}
	}
	if len(values) == 0 {
		return TypeText
	}
	all := func(ok func(string) bool) bool {
		for _, v := range values {
			if !ok(v) {
				return false
			}
		}
		return true
	}
	if all(func(v string) bool { _, ok := parseNumber(v); return ok }) {
		return TypeNumber
	}
	if all(func(v string) bool { _, ok := parseDate(v); return ok }) {
		return TypeDate
	}
	distinct := map[string]bool{}
	long := false
	for _, v := range values {
		distinct[v] = true
		if utf8.RuneCountInString(v) > 40 {
			long = true
		}
	}
	if !long && len(distinct) <= maxCategories && len(distinct) < len(values) {
		return TypeCategory
	}
	return TypeText
}

// convert checks every value of a column against its type and normalises
// it; for a category it collects the values.
func convert(file string, cs *CaseSheet, a *SheetAttribute) error {
	seen := map[string]bool{}
	for i := range cs.Rows {
		v := cs.Rows[i].Values[a.Name]
		if v == "" {
			continue
		}
		switch a.Type {
		case TypeNumber:
			n, ok := parseNumber(v)
			if !ok {
				return &SheetError{File: file, Row: cs.Rows[i].Row, Column: a.Name, Msg: fmt.Sprintf("%q is not a number, and the column is of numbers", v)}
			}
			v = n
		case TypeDate:
			d, ok := parseDate(v)
			if !ok {
				return &SheetError{File: file, Row: cs.Rows[i].Row, Column: a.Name, Msg: fmt.Sprintf("%q is not a date (YYYY-MM-DD or DD/MM/YYYY), and the column is of dates", v)}
			}
			v = d
		case TypeCategory:
			if !seen[v] {
				seen[v] = true
				a.Values = append(a.Values, v)
			}
		case TypeText:
		default:
			return &SheetError{File: file, Column: a.Name, Msg: fmt.Sprintf("unknown type %q (use text, number, date or category)", a.Type)}
		}
		cs.Rows[i].Values[a.Name] = v
	}
	return nil
}

// parseNumber accepts what a spreadsheet writes for a number and returns it
// as Go parses it back; thousands separators are not guessed at.
func parseNumber(s string) (string, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return "", false
	}
	return strings.TrimSpace(s), true
}

var dateLayouts = []string{"2006-01-02", "02/01/2006", "2/1/2006", "02.01.2006", "2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006/01/02"}

// parseDate reads a date in the forms UK spreadsheets hold (day before
// month) and returns it as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// Values lists, per attribute, the distinct values of the sheet sorted, for
// previews.
func (cs CaseSheet) Values(attr string) []string {
	set := map[string]bool{}
	for _, r := range cs.Rows {
		if v := r.Values[attr]; v != "" {
			set[v] = true
		}
	}
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
