package corpus

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"themis/internal/fixtures"
)

// Hostile word-processor files: XML nested deeper than any document needs,
// more paragraphs than any transcript has, and deleted paragraph marks that
// once made the text of a long run of paragraphs be copied again for each.

func TestDeepXMLRefused(t *testing.T) {
	deep := maxXMLDepth + 10
	tests := []struct {
		name, file string
		data       []byte
	}{
		{"docx paragraphs", "deep.docx", buildDocx(t, strings.Repeat("<w:p>", deep)+"<w:r><w:t>x</w:t></w:r>"+strings.Repeat("</w:p>", deep))},
		{"docx other elements", "deep.docx", buildDocx(t, "<w:p>"+strings.Repeat("<w:x>", deep)+strings.Repeat("</w:x>", deep)+"<w:r><w:t>x</w:t></w:r></w:p>")},
		{"odt spans", "deep.odt", buildODT(t, "<text:p>"+strings.Repeat("<text:span>", deep)+"x"+strings.Repeat("</text:span>", deep)+"</text:p>")},
		{"odt other elements", "deep.odt", buildODT(t, "<text:p>x</text:p>"+strings.Repeat("<a>", deep)+strings.Repeat("</a>", deep))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, tt.data)
			var fe *FileError
			if !errors.Is(err, ErrCorrupt) || !errors.As(err, &fe) || fe.File != tt.file || !strings.Contains(err.Error(), "nested more than 512 elements deep") {
				t.Fatalf("err = %v, want ErrCorrupt naming %s and the depth", err, tt.file)
			}
		})
	}
	// Nesting a real document has stays readable: a text box in a table
	// cell in a table, paragraphs nested eight deep.
	ok := buildDocx(t, strings.Repeat("<w:p>", 8)+"<w:r><w:t>x</w:t></w:r>"+strings.Repeat("</w:p>", 8))
	if _, err := Parse("ok.docx", ok); err != nil {
		t.Fatal(err)
	}
}

func TestTooManyParagraphsRefused(t *testing.T) {
	n := maxParagraphs + 1
	tests := []struct {
		name, file string
		data       []byte
	}{
		{"docx", "many.docx", buildDocx(t, p("Interviewer: hi")+strings.Repeat("<w:p/>", n))},
		{"docx table cells", "many.docx", buildDocx(t, "<w:tbl><w:tr>"+strings.Repeat("<w:tc/>", n)+"</w:tr></w:tbl>")},
		{"odt", "many.odt", buildODT(t, "<text:p>I: hi</text:p>"+numbered(`<text:p text:style-name="P%d"/>`, n))},
		{"odt repeated cells", "many.odt", buildODT(t, "<table:table><table:table-row>"+
			strings.Repeat(`<table:table-cell table:number-columns-repeated="64"/>`, n/64+1)+"</table:table-row></table:table>")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, tt.data)
			var fe *FileError
			if !errors.Is(err, ErrTooLarge) || !errors.As(err, &fe) || fe.File != tt.file || !strings.Contains(err.Error(), "more than 250000 paragraphs and table cells") {
				t.Fatalf("err = %v, want ErrTooLarge naming %s and the count", err, tt.file)
			}
		})
	}
}

// TestDeletedParagraphMarksLinear: a run of paragraphs whose marks are
// tracked deletions joins into one paragraph; joining must not copy the
// text so far for every paragraph (which made this 400 kB of text cost
// gigabytes). The bound is on bytes allocated, which do not depend on the
// machine, never on time.
func TestDeletedParagraphMarksLinear(t *testing.T) {
	const n = 4000
	word := strings.Repeat("x", 99) + " "
	var b strings.Builder
	for range n {
		b.WriteString(`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">` + word + `</w:t></w:r></w:p>`)
	}
	b.WriteString(p("end"))
	data := buildDocx(t, b.String())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	doc, err := Parse("joined.docx", data)
	runtime.ReadMemStats(&after)
	if err != nil || !strings.HasSuffix(doc.Text, "x end") || len(doc.Text) != n*len(word)+len("end") {
		t.Fatalf("err %v, text of %d bytes ending %q", err, len(doc.Text), doc.Text[max(0, len(doc.Text)-10):])
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("reading %d kB of text allocated %d MB; joining paragraphs is not linear", n*len(word)>>10, alloc>>20)
	}
}

// numbered repeats format n times with the numbers 1 to n, so that the
// archive does not compress like a zip bomb.
func numbered(format string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i+1)
	}
	return b.String()
}

// farColumnRows is a turns table whose rows from the second on also have a
// cell in column col.
func farColumnRows(n int, col string) string {
	var b strings.Builder
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Speaker</t></is></c><c r="B1" t="inlineStr"><is><t>Text</t></is></c></row>`)
	for i := 2; i <= n; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>P%d</t></is></c><c r="B%d" t="inlineStr"><is><t>words %d</t></is></c><c r="%s%d"><v>1</v></c></row>`, i, i, i%2, i, i, col, i)
	}
	return b.String()
}

// TestFarColumnsXLSX: one cell in the last column (XFD) of each row made
// excelize pad every row to 16,384 cells — a 7 kB workbook took 400 MB.
// The rows are measured before they are read, and refused when they would
// spread over more cells than maxSheetCells.
func TestFarColumnsXLSX(t *testing.T) {
	data := fixtures.Workbook(t, farColumnRows(1000, "XFD"))
	_, err := Parse("far.xlsx", data)
	var fe *FileError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &fe) || fe.File != "far.xlsx" || !strings.Contains(err.Error(), "cells") || !strings.Contains(err.Error(), "column XFD") {
		t.Fatalf("err = %v, want ErrTooLarge naming far.xlsx, the cells and the column", err)
	}
	// A note far to the right on a few rows is still read; the columns
	// beyond the first 64 are left out, as before.
	doc, err := Parse("notes.xlsx", fixtures.Workbook(t, farColumnRows(4, "CZ")))
	if err != nil || len(doc.Turns) != 3 || !strings.Contains(doc.Text, "P1: words 3") {
		t.Fatalf("err %v, turns %d, text %q", err, len(doc.Turns), doc.Text)
	}
}
