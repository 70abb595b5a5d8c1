package sheetscan

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"themis/internal/fixtures"

	"github.com/xuri/excelize/v2"
)

// excelizeCells counts the cells excelize's row iterator produces.
func excelizeCells(t *testing.T, data []byte) int64 {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			break
		}
		n += int64(len(cols))
	}
	return n
}

func check(t *testing.T, data []byte, lim Limits) *Problem {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return Check(zr, lim)
}

// TestCountsAsExcelize: the cells Check counts are the cells excelize
// produces, for the shapes that make it pad; never fewer (a row excelize
// refuses halfway is counted as far as the scan reads it).
func TestCountsAsExcelize(t *testing.T) {
	for _, tc := range []struct {
		name, rows string
		more       bool // Check may count more than excelize keeps
	}{
		{"plain", `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>2</v></c></row>`, false},
		{"far cell", `<row r="1"><c r="XFD1"><v>1</v></c></row><row r="2"><c r="C2"><v>1</v></c></row>`, false},
		{"empty cells do not pad", `<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row>`, false},
		{"formula", `<row><c r="Z1"><f>1+1</f></c></row>`, false},
		{"no references", `<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c><v>1</v></c></row>`, false},
		{"out of order", `<row r="1"><c r="XFD1"><v>1</v></c><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>`, false},
		{"after the last column", `<row r="1"><c r="XFD1"><v>1</v></c><c><v>1</v></c></row>`, false},
		{"skipped rows", `<row r="3"><c r="B3"><v>1</v></c></row><row r="9"><c r="D9"><v>1</v></c></row>`, false},
		{"prefixed", `<x:row xmlns:x="urn:x" r="1"><x:c r="AA1"><x:v>1</x:v></x:c></x:row>`, false},
		{"bad reference", `<row r="1"><c r="A1"><v>1</v></c><c r="1A"><v>1</v></c></row>`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := fixtures.Workbook(t, tc.rows)
			want := excelizeCells(t, data)
			p := check(t, data, Limits{MaxCells: want - 1, MaxPart: 1 << 20})
			if p == nil || p.Cells < want {
				t.Fatalf("with a limit of %d cells: %+v, want a problem of at least %d cells", want-1, p, want)
			}
			if p := check(t, data, Limits{MaxCells: want, MaxPart: 1 << 20}); p != nil && !tc.more {
				t.Fatalf("with a limit of %d cells (what excelize makes): %+v", want, p)
			}
		})
	}
}

func TestFarColumn(t *testing.T) {
	var rows strings.Builder
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, i, i)
	}
	rows.WriteString(`<row r="7"><c r="A7"><v>1</v></c><c r="SG7"><v>1</v></c></row>`)
	p := check(t, fixtures.Workbook(t, rows.String()), Limits{MaxColumn: 500, MaxCells: 1 << 20, MaxPart: 1 << 20})
	if p == nil || p.Row != 7 || p.Column != 501 || p.Part != "xl/worksheets/sheet1.xml" {
		t.Fatalf("problem %+v, want row 7, column 501 of sheet1", p)
	}
	if got := ColumnName(p.Column); got != "SG" {
		t.Errorf("ColumnName(501) = %q", got)
	}
	if ColumnName(16384) != "XFD" || ColumnName(1) != "A" || ColumnName(27) != "AA" {
		t.Error("ColumnName")
	}
}

// FuzzNeverFewer: whatever the sheet's XML, Check never counts fewer cells
// than excelize's row iterator builds, so a limit it lets through holds.
func FuzzNeverFewer(f *testing.F) {
	f.Add(`<row r="1"><c r="XFD1"><v>1</v></c><c r="A1"><v>1</v></c></row>`)
	f.Add(`<row><c><v>1</v></c><c/><c r="C1"><f>1</f></c></row><row r="9"><c r="b9"><is><t>x</t></is></c></row>`)
	f.Add(`<x:row xmlns:x="u"><x:c r="AA1"><x:v>1</x:v></x:c></x:row></sheetData><row><c r="D1"><v>1</v></c></row>`)
	f.Add(`<row r="1"><c r="A1"><c r="XFD1"><v>1</v></c></c></row>`)
	f.Fuzz(func(t *testing.T, rows string) {
		data := fixtures.Workbook(t, rows)
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		defer x.Close()
		it, err := x.Rows("Sheet1")
		if err != nil {
			return
		}
		var want int64
		for it.Next() {
			cols, err := it.Columns()
			if err != nil {
				break
			}
			want += int64(len(cols))
		}
		if want == 0 {
			return
		}
		if p := check(t, data, Limits{MaxCells: want - 1, MaxPart: 1 << 20}); p == nil {
			t.Fatalf("excelize builds %d cells; Check let a limit of %d through", want, want-1)
		}
	})
}
