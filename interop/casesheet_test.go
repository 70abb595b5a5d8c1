package interop

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"themis/internal/fixtures"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestQualCoderCasesFixture(t *testing.T) {
	// QualCoder's example (LGPL-3.0, see testdata/SOURCES.md).
	data, err := os.ReadFile("testdata/qualcoder-cases123.csv")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := ParseCaseSheet("qualcoder-cases123.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cs.NameColumn != "case" || cs.DocumentColumn != "" || len(cs.Rows) != 3 {
		t.Fatalf("sheet = %+v", cs)
	}
	var types []string
	for _, a := range cs.Attributes {
		types = append(types, a.Name+":"+a.Type)
	}
	if want := []string{"Age:number", "gender:category", "interest:text"}; !reflect.DeepEqual(types, want) {
		t.Errorf("attributes %v, want %v", types, want)
	}
	if r := cs.Rows[2]; r.Name != "ID3" || r.Row != 4 || r.Values["Age"] != "45" || r.Values["interest"] != "politics" {
		t.Errorf("row 4 = %+v", r)
	}
	if got := cs.Attributes[1].Values; !reflect.DeepEqual(got, []string{"f", "m"}) {
		t.Errorf("gender values %v", got)
	}
}

func TestParseCaseSheetCSV(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		opt       Options
		types     string // name:type,... of the attributes
		docs      string // documents of the first row
		err       string // part of the error; "" for none
	}{
		{name: "semicolons and BOM", csv: "\ufeffParticipant;role;age group\nP1;patient;45-54\nP2;patient;25-34\n",
			types: "role:category,age group:text"},
		{name: "a document column and dates", csv: "case,transcript,interviewed,role\nPatient 001,patient-001; patient-001b,07/03/2024,patient\nLink worker 01,linkworker-01,2024-03-09,link worker\n",
			types: "interviewed:date,role:text", docs: "patient-001|patient-001b"},
		{name: "override", csv: "case,nested case\nA,1\nB,2\n", opt: Options{Types: map[string]string{"Nested Case": "category"}},
			types: "nested case:category"},
		{name: "empty cells stay empty", csv: "name,age\nA,\nB,30\n\n", types: "age:number"},
		{name: "accents and emoji", csv: "case,note\nCafé 😀,ça va\n", types: "note:text"},
		{name: "blank lines above the header", csv: "\n\ncase,age\nA,x40\n", opt: Options{Types: map[string]string{"age": "number"}},
			err: `row 4, column "age": "x40" is not a number`},
		{name: "no name column", csv: "role,age\npatient,40\n", err: `row 1: has no column naming the cases`},
		{name: "wrong type", csv: "case,age\nA,40\nB,forty\n", opt: Options{Types: map[string]string{"age": "number"}},
			err: `s.csv: row 3, column "age": "forty" is not a number`},
		{name: "bad date", csv: "case,seen\nA,2024-13-40\n", opt: Options{Types: map[string]string{"seen": "date"}}, err: `row 2, column "seen"`},
		{name: "unknown type", csv: "case,age\nA,4\n", opt: Options{Types: map[string]string{"age": "colour"}}, err: `unknown type "colour"`},
		{name: "type for a missing column", csv: "case,age\nA,4\n", opt: Options{Types: map[string]string{"height": "number"}}, err: `column "height": is given a type`},
		{name: "empty", csv: "", err: "s.csv: is empty"},
		{name: "only blanks", csv: " \n\n", err: "s.csv: is empty"},
		{name: "header only", csv: "case,age\n", err: "no cases below it"},
		{name: "binary", csv: "case\x00\x01\x02", err: "binary file"},
		{name: "not UTF-8", csv: "case,note\nA,caf\xe9\n", err: "row 2: is not UTF-8"},
		{name: "duplicate case", csv: "case,age\nA,1\nB,2\na,3\n", err: `row 4, column "case": case "a" is also on row 2`},
		{name: "duplicate header", csv: "case,Age,age\nA,1,2\n", err: `column "age": appears twice`},
		{name: "no case name", csv: "case,age\n,4\n", err: `row 2, column "case": has values but no case name`},
		{name: "unnamed column with values", csv: "case,,age\nA,x,4\n", err: `row 2, column "column 2"`},
		{name: "unclosed quote", csv: "case,role\nA,patient\nB,\"link worker\nC,patient\nD,patient\n", err: `s.csv: row 3: a quote opens a cell that is never closed`},
		{name: "quotes inside a cell are fine", csv: "case,note\nA,said \"hi\" twice\nB,\"x, \"\"y\"\"\"\n", types: "note:text"},
		{name: "named name column", csv: "who,age\nA,4\n", opt: Options{NameColumn: "Who"}, types: "age:number"},
		{name: "named name column missing", csv: "who,age\nA,4\n", opt: Options{NameColumn: "case"}, err: `column "case": is not in the header`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := ParseCaseSheet("s.csv", []byte(tc.csv), tc.opt)
			if tc.err != "" {
				var se *SheetError
				if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.As(err, &se) {
					t.Fatalf("error %v, want a SheetError containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, a := range cs.Attributes {
				types = append(types, a.Name+":"+a.Type)
			}
			if got := strings.Join(types, ","); got != tc.types {
				t.Errorf("types %s, want %s", got, tc.types)
			}
			if got := strings.Join(cs.Rows[0].Documents, "|"); got != tc.docs {
				t.Errorf("documents %q, want %q", got, tc.docs)
			}
		})
	}
}

func TestDatesAreNormalised(t *testing.T) {
	cs, err := ParseCaseSheet("d.csv", []byte("case,seen\nA,07/03/2024\nB,9 March 2024\nC,2024-03-10\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range cs.Rows {
		got = append(got, r.Values["seen"])
	}
	if want := []string{"2024-03-07", "2024-03-09", "2024-03-10"}; !reflect.DeepEqual(got, want) {
		t.Errorf("dates %v, want %v (day before month)", got, want)
	}
}

// xlsx writes a workbook whose first sheet holds rows; a time.Time cell is
// stored as an Excel date.
func xlsx(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseCaseSheetXLSX(t *testing.T) {
	data := xlsx(t, [][]any{
		{"Case", "Document", "Role", "Age", "Interviewed"},
		{"Patient 001", "patient-001", "patient", 54, time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)},
		{"Patient 002", "patient-002", "patient", 31.5, time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)},
		{"Link worker 01", "", "link worker", nil, nil},
	})
	cs, err := ParseCaseSheet("cases.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, a := range cs.Attributes {
		types = append(types, a.Name+":"+a.Type)
	}
	if want := []string{"Role:category", "Age:number", "Interviewed:date"}; !reflect.DeepEqual(types, want) {
		t.Errorf("types %v, want %v", types, want)
	}
	if r := cs.Rows[1]; r.Values["Interviewed"] != "2024-03-08" || r.Values["Age"] != "31.5" || !reflect.DeepEqual(r.Documents, []string{"patient-002"}) {
		t.Errorf("row 3 = %+v", r)
	}
	if len(cs.Rows[2].Documents) != 0 {
		t.Errorf("a blank document cell gave %v", cs.Rows[2].Documents)
	}

	bad := xlsx(t, [][]any{{"case", "age"}, {"A", 40}, {"B", "forty"}})
	_, err = ParseCaseSheet("bad.xlsx", bad, Options{Types: map[string]string{"age": "number"}})
	if err == nil || !strings.Contains(err.Error(), `bad.xlsx: row 3, column "age": "forty" is not a number`) {
		t.Errorf("bad.xlsx: %v", err)
	}
	for name, data := range map[string][]byte{
		"empty.xlsx":   nil,
		"text.xlsx":    []byte("case,age\nA,1\n"),
		"broken.xlsx":  data[:len(data)/2],
		"blank.xlsx":   xlsx(t, nil),
		"old.xls":      []byte{0xd0, 0xcf, 0x11, 0xe0},
		"notes.pdf":    []byte("%PDF-1.4"),
		"noname.xlsx":  xlsx(t, [][]any{{"role"}, {"patient"}}),
		"headers.xlsx": xlsx(t, [][]any{{"case", "role"}}),
	} {
		_, err := ParseCaseSheet(name, data, Options{})
		var se *SheetError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: %v, want a SheetError naming the file", name, err)
		}
	}
}

func FuzzCaseSheetCSV(f *testing.F) {
	f.Add([]byte("case,Age,gender,interest\nID1,20,f,science\nID2,22,m,performing arts\n"))
	f.Add([]byte("participant;document;seen\nP1;a; b;07/03/2024\n"))
	f.Add([]byte("\ufeffcase\t\"x\"\"y\"\nA\t\"1\n2\"\n"))
	f.Add([]byte("case,age\n,\n\x00"))
	f.Add([]byte("case,role\nA,patient\nB,\"link worker\nC,patient\n"))
	f.Add([]byte("case,note\nA,said \"hi\" twice\nB,\"x\"\"\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ParseCaseSheet("f.csv", data, Options{})
		if err != nil {
			var se *SheetError
			if !errors.As(err, &se) {
				t.Fatalf("%v is not a SheetError", err)
			}
			return
		}
		checkSheet(t, cs)
	})
}

func FuzzCaseSheetXLSX(f *testing.F) {
	f.Add(xlsx(f, [][]any{{"case", "age"}, {"A", 1}}))
	f.Add(xlsx(f, [][]any{{"name", "seen", "role"}, {"A", time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), "x"}, {"B", nil, "x"}}))
	f.Add([]byte("PK\x03\x04"))
	f.Add(fixtures.Workbook(f, farRows(3, "XFD")))
	f.Add(fixtures.Workbook(f, farRows(3, "SF")))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ParseCaseSheet("f.xlsx", data, Options{})
		if err != nil {
			var se *SheetError
			if !errors.As(err, &se) {
				t.Fatalf("%v is not a SheetError", err)
			}
			return
		}
		checkSheet(t, cs)
	})
}

// checkSheet asserts what every parsed sheet promises.
func checkSheet(t *testing.T, cs CaseSheet) {
	t.Helper()
	if len(cs.Rows) == 0 || cs.NameColumn == "" {
		t.Fatalf("a sheet without cases or a name column was accepted: %+v", cs)
	}
	names := map[string]bool{}
	for _, r := range cs.Rows {
		k := strings.ToLower(r.Name)
		if r.Name == "" || names[k] {
			t.Fatalf("row %d: empty or repeated name %q", r.Row, r.Name)
		}
		names[k] = true
		for _, a := range cs.Attributes {
			v := r.Values[a.Name]
			if v == "" {
				continue
			}
			switch a.Type {
			case TypeNumber:
				if _, ok := parseNumber(v); !ok {
					t.Fatalf("row %d: %q in a number column", r.Row, v)
				}
			case TypeDate:
				if _, err := time.Parse("2006-01-02", v); err != nil {
					t.Fatalf("row %d: %q in a date column", r.Row, v)
				}
			}
		}
	}
}
