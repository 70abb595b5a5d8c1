package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var formulaTable = Table{
	Title:  "Prevalence: All coders, 2 cases in 1 document",
	Header: []string{"Code", "Segments", "Share"},
	Rows: [][]string{
		{"=HYPERLINK(\"http://x\")", "3", "0.500"},
		{"-minus", "12", "1.000"},
		{"Plain", "0", "0.000"},
	},
}

func TestWriteTableCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTableCSV(&b, formulaTable); err != nil {
		t.Fatal(err)
	}
	want := "Code,Segments,Share\n\"'=HYPERLINK(\"\"http://x\"\")\",3,0.500\n'-minus,12,1.000\nPlain,0,0.000\n"
	if b.String() != want {
		t.Errorf("CSV =\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTableXLSX(t *testing.T) {
	second := Table{Title: formulaTable.Title, Header: []string{"A", "B"}, Rows: [][]string{{"x", "n/a"}, {"y", "2"}}}
	data, err := TableXLSX(formulaTable, second)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] == sheets[1] || len([]rune(sheets[0])) > 31 || strings.ContainsAny(sheets[0], ":") {
		t.Fatalf("sheets = %q", sheets)
	}
	cell := func(sheet, at string) (string, excelize.CellType, string) {
		v, err := f.GetCellValue(sheet, at)
		if err != nil {
			t.Fatal(err)
		}
		typ, err := f.GetCellType(sheet, at)
		if err != nil {
			t.Fatal(err)
		}
		formula, err := f.GetCellFormula(sheet, at)
		if err != nil {
			t.Fatal(err)
		}
		return v, typ, formula
	}
	if v, _, _ := cell(sheets[0], "A1"); v != formulaTable.Title {
		t.Errorf("title = %q", v)
	}
	if v, _, formula := cell(sheets[0], "A3"); v != formulaTable.Rows[0][0] || formula != "" {
		t.Errorf("a formula-looking name = %q, formula %q: want the text, no formula", v, formula)
	}
	if v, typ, _ := cell(sheets[0], "B4"); v != "12" || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("a count = %q of type %v: want a number", v, typ)
	}
	// A column with one text cell is a text column: "2" stays text beside "n/a".
	if v, typ, _ := cell(sheets[1], "B4"); v != "2" || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
		t.Errorf("a mixed column's number = %q of type %v: want text", v, typ)
	}
}

func TestTableText(t *testing.T) {
	got := TableText(formulaTable)
	want := `Prevalence: All coders, 2 cases in 1 document

Code                    Segments  Share
----------------------  --------  -----
=HYPERLINK("http://x")         3  0.500
-minus                        12  1.000
Plain                          0  0.000
`
	if got != want {
		t.Errorf("TableText =\n%s\nwant\n%s", got, want)
	}
}

func TestSheetNames(t *testing.T) {
	used := map[string]bool{}
	long := strings.Repeat("Kéyes: factors/dimensions ", 3)
	a, b := sheetName(long, used), sheetName(long, used)
	if a == b || len([]rune(b)) > 31 || strings.ContainsAny(a+b, `:/`) {
		t.Errorf("sheet names %q, %q", a, b)
	}
	if n := sheetName("  ", used); n != "Table" {
		t.Errorf("a blank title's sheet = %q", n)
	}
}
