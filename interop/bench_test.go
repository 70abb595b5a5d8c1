package interop

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"themis/internal/fixtures"
	"themis/internal/peakmem"
)

// BenchmarkHostileCaseSheets reads the largest hostile case sheets of issue
// 13 ("Trust") and the largest the bounds let through, reports the peak
// heap ("MB-peak-heap", bounded at 300 MB; scripts/bench.sh puts it beside
// that budget), and checks each is refused or read as it should be.
func BenchmarkHostileCaseSheets(b *testing.B) {
	header := func(cols int) string {
		var h strings.Builder
		h.WriteString(`<row r="1">`)
		for j := 1; j <= cols; j++ {
			name := "case"
			if j > 1 {
				name = fmt.Sprintf("a%d", j)
			}
			fmt.Fprintf(&h, `<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>`, colName(j), name)
		}
		h.WriteString(`</row>`)
		return h.String()
	}
	for _, tc := range []struct {
		name    string
		data    func() []byte
		refused bool
	}{
		// A value in column XFD on every row, 42 kB (excelize built each row
		// as 16,384 cells, twice).
		{"xlsx-far-columns-42kB", func() []byte { return fixtures.Workbook(b, farRows(3000, "XFD")) }, true},
		// The most cells let through: 500 named columns, a value in the last
		// one on each row, up to MaxCells.
		{"xlsx-cells-at-limit", func() []byte {
			var s strings.Builder
			s.WriteString(header(MaxColumns))
			for i := 2; i <= MaxCells/MaxColumns; i++ {
				fmt.Fprintf(&s, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>P%d</t></is></c><c r="SF%d"><v>%d</v></c></row>`, i, i, i, i, i)
			}
			return fixtures.Workbook(b, s.String())
		}, false},
		// An unclosed quote on the second row of a 32 MB sheet.
		{"csv-unclosed-quote-32MB", func() []byte {
			var s strings.Builder
			s.WriteString("case,role,note\nP1,patient,\"never closed\n")
			for i := 0; s.Len() < MaxSheetBytes-100; i++ {
				fmt.Fprintf(&s, "P%d,patient,%d\n", i+2, i)
			}
			return []byte(s.String())
		}, true},
	} {
		b.Run(tc.name, func(b *testing.B) {
			data := tc.data()
			name := "s.xlsx"
			if strings.HasPrefix(tc.name, "csv") {
				name = "s.csv"
			}
			var peak uint64
			b.ReportAllocs()
			for b.Loop() {
				var err error
				u := peakmem.Measure(func() { _, err = ParseCaseSheet(name, data, Options{}) })
				var se *SheetError
				if tc.refused != errors.As(err, &se) || !tc.refused && err != nil {
					b.Fatalf("err %v, refused %v", err, tc.refused)
				}
				peak = max(peak, u.PeakHeap)
			}
			b.ReportMetric(peakmem.MB(peak), "MB-peak-heap")
			b.ReportMetric(float64(len(data))/1024, "kB-file")
		})
	}
}

func colName(c int) string {
	var s []byte
	for c > 0 {
		c--
		s = append([]byte{byte('A' + c%26)}, s...)
		c /= 26
	}
	return string(s)
}
