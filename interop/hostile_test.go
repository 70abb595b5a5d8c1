package interop

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"themis/internal/fixtures"
)

// farRows is a case sheet of n cases whose rows also hold a value in
// column col.
func farRows(n int, col string) string {
	var b strings.Builder
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>case</t></is></c><c r="B1" t="inlineStr"><is><t>age</t></is></c></row>`)
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>P%d</t></is></c><c r="B%d"><v>%d</v></c><c r="%s%d"><v>1</v></c></row>`, i, i, i, i, 20+i%50, col, i)
	}
	return b.String()
}

// TestFarColumnsXLSX: one cell in the last column (XFD) of a row made
// excelize build the row as 16,384 cells, twice, before the column count
// was checked (a 42 kB sheet took 1.8 GB). The cells are now measured from
// the XML first: a value beyond the last column a case sheet may have is
// refused naming its row and column, and rows spreading over more than
// MaxCells cells are refused before they are built.
func TestFarColumnsXLSX(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"a value in column XFD", fixtures.Workbook(t, farRows(20, "XFD")), `far.xlsx: row 2, column "XFD": has a value, but a case sheet has at most 500 columns`},
		{"a value in column 501", fixtures.Workbook(t, farRows(3, "SG")), `far.xlsx: row 2, column "SG": has a value`},
		{"too many cells", fixtures.Workbook(t, farRows(MaxCells/500+10, "SF")), fmt.Sprintf("far.xlsx: row %d: its rows would be read as more than %d cells", MaxCells/500+1, MaxCells)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCaseSheet("far.xlsx", tc.data, Options{})
			var se *SheetError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a SheetError with %q", err, tc.want)
			}
		})
	}
	// A value in the last column allowed is read.
	cs, err := ParseCaseSheet("wide.xlsx", fixtures.Workbook(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>case</t></is></c><c r="SF1" t="inlineStr"><is><t>note</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="SF2" t="inlineStr"><is><t>x</t></is></c></row>`), Options{})
	if err != nil || cs.Rows[0].Values["note"] != "x" {
		t.Fatalf("err %v, sheet %+v", err, cs)
	}
}
