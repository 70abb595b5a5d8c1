package report

import (
	"errors"
	"io"
)

// Table is a titled grid of cells: what the CLI prints, the CSV and XLSX
// exports write and the docx report lays out, built once per view so that
// every output shows the same figures.
type Table struct {
	Title  string
	Header []string
	Rows   [][]string
}

var errTableTODO = errors.New("tables are not implemented yet")

// WriteTableCSV writes t as CSV, formula-looking text cells neutralised.
func WriteTableCSV(w io.Writer, t Table) error { return errTableTODO }

// TableXLSX writes the tables as one workbook, one sheet per table.
func TableXLSX(tables ...Table) ([]byte, error) { return nil, errTableTODO }

// TableText lays t out in aligned columns for a terminal.
func TableText(t Table) string { return "" }
