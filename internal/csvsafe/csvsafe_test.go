package csvsafe

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestCellNumberAndUnquote(t *testing.T) {
	for _, tc := range []struct{ in, cell, number string }{
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+44 7700 900123", "'+44 7700 900123", "'+44 7700 900123"},
		{"-0.12", "'-0.12", "-0.12"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1+1", "'\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1", "'\r=1+1"},
		{"1e-3", "1e-3", "1e-3"},
		{"0.75", "0.75", "0.75"},
		{"", "", ""},
		{"Social integration", "Social integration", "Social integration"},
		{"a=b", "a=b", "a=b"},
		{"'quoted", "'quoted", "'quoted"},
		{"NaN", "NaN", "NaN"},
	} {
		if got := Cell(tc.in); got != tc.cell {
			t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.cell)
		}
		if got := Number(tc.in); got != tc.number {
			t.Errorf("Number(%q) = %q, want %q", tc.in, got, tc.number)
		}
		if got := Unquote(Cell(tc.in)); got != tc.in {
			t.Errorf("Unquote(Cell(%q)) = %q", tc.in, got)
		}
	}
}

func TestWriterNeutralisesTextColumnsOnly(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, 1)
	rec := []string{"=1+1", "-0.12", "-0.12"}
	w.Write(rec)
	w.Write([]string{"ok", "=cmd", "fine"})
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"'=1+1", "-0.12", "'-0.12"}, {"ok", "'=cmd", "fine"}}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("row %d col %d = %q, want %q", i, j, got[i][j], want[i][j])
			}
		}
	}
	if rec[0] != "=1+1" {
		t.Error("Write changed its record")
	}
}
