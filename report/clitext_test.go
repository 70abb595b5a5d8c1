package report

import (
	"os"
	"path/filepath"
	"testing"

	"themis/coding"
)

// sampleMulti is three coders' agreement over sampleAgreement's documents
// and codes, Chen coding one code like Aisha and another not at all.
func sampleMulti() coding.MultiReport {
	docs := []coding.DocumentLength{{ID: 1, Length: 1000}, {ID: 2, Length: 1000}}
	codes := []coding.Code{
		{ID: 1, Name: "Calm | settled", Factor: 9, FactorName: "Emotional well-being"},
		{ID: 2, Name: "Hopeful", Factor: 9, FactorName: "Emotional well-being"},
		{ID: 3, Name: "Autonomy", Factor: 8, FactorName: "Psychological well-being"},
	}
	coders := []coding.MultiCoder{{ID: 1, Name: "Aisha"}, {ID: 2, Name: "Ben"}, {ID: 3, Name: "Chen"}}
	segs := []coding.Segment{
		{Document: 1, Code: 1, Coder: 1, Start: 0, End: 150}, {Document: 1, Code: 1, Coder: 2, Start: 100, End: 200},
		{Document: 1, Code: 1, Coder: 3, Start: 0, End: 140},
		{Document: 2, Code: 1, Coder: 1, Start: 0, End: 100}, {Document: 2, Code: 1, Coder: 2, Start: 0, End: 120},
		{Document: 2, Code: 1, Coder: 3, Start: 10, End: 100},
		{Document: 2, Code: 2, Coder: 1, Start: 500, End: 600}, {Document: 2, Code: 2, Coder: 2, Start: 520, End: 600},
		{Document: 1, Code: 3, Coder: 1, Start: 300, End: 420}, {Document: 1, Code: 3, Coder: 2, Start: 310, End: 400},
		{Document: 1, Code: 3, Coder: 3, Start: 300, End: 400}, {Document: 2, Code: 3, Coder: 3, Start: 700, End: 760},
	}
	r := coding.MultiAgreement(docs, codes, coders, segs)
	r.Codebook = coding.CodebookVersion{Framework: 1, Name: "Keyes: flourishing", Revision: 11, Label: "v1 agreed, revision 11"}
	return r
}

// named labels per-document rows by their document, as the CLI does.
func named[R any](rows []R, label func(*R) (*string, int64)) []R {
	for i := range rows {
		l, doc := label(&rows[i])
		*l = map[int64]string{1: "patient-001", 2: "patient-002"}[doc]
	}
	return rows
}

// The terminal tables of themis agreement that are not two coders' per-code
// table: per document, and among three or more coders, with and without
// intervals. The golden files are the CLI's output byte for byte; run go
// test ./report -update and review the diff when a table changes.
func TestTerminalTablesGolden(t *testing.T) {
	two := sampleAgreement().Report
	docRows := func(codes ...int64) []coding.Result {
		return named(two.PerDocument(codes...), func(r *coding.Result) (*string, int64) { return &r.Label, r.Document })
	}
	multi := sampleMulti()
	multiDocRows := func(codes ...int64) []coding.MultiResult {
		return named(multi.PerDocument(codes...), func(r *coding.MultiResult) (*string, int64) { return &r.Label, r.Document })
	}
	booted := multi.Bootstrap(200, 1)
	render := map[string]func() (string, error){
		"document.txt.golden":        func() (string, error) { return DocumentText(two, docRows(), "") },
		"document-code.txt.golden":   func() (string, error) { return DocumentText(two, docRows(1), "Calm | settled") },
		"multi.txt.golden":           func() (string, error) { return MultiText(multi, false) },
		"multi-factor-ci.txt.golden": func() (string, error) { return MultiText(booted, true) },
		"multi-ci.txt.golden":        func() (string, error) { return MultiText(booted, false) },
		"multi-document.txt.golden":  func() (string, error) { return MultiDocumentText(multi, multiDocRows(), "") },
		"multi-document-code.txt.golden": func() (string, error) {
			return MultiDocumentText(multi, multiDocRows(3), "Autonomy")
		},
	}
	for name, fn := range render {
		got, err := fn()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./report -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the golden file; run go test ./report -update and review the diff.\ngot:\n%s\nwant:\n%s", name, got, want)
		}
	}
}
