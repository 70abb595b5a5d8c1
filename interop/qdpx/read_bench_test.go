package qdpx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"themis/errs"
	"themis/internal/peakmem"
)

// BenchmarkReadNVivo reads the NVivo for Mac fixture (297 selections, two
// sources of 600 kB, positions in UTF-16 code units): the reader's share of
// the budget of < 2 s for importing such a project.
func BenchmarkReadNVivo(b *testing.B) {
	data, err := os.ReadFile("testdata/nvivo-mac-12.7.qdpx")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		p, err := Read("nvivo-mac-12.7.qdpx", data, ReadOptions{})
		if err != nil || len(p.Sources) != 2 {
			b.Fatal(err)
		}
	}
}

// largestArchive is the largest archive the limits let through: two
// sources of 32 MiB with characters outside the BMP and decomposed accents
// (so every stage of the conversion works), and a project.qde just under
// 64 MiB of selections, read as NVivo's.
func largestArchive(b *testing.B) []byte {
	// Lines of words drawn at random, so the text compresses as text does
	// (a repeated line would be refused as a zip bomb), each line of the
	// same length in UTF-16 units so selections can be placed by arithmetic.
	words := strings.Fields("we went to the garden every week and it helped more than pills cafe\u0301 after group walk talk felt alone better worse doctor nurse time year")
	words = append(words, "café", "naïve", "😀", "🙂")
	rng := rand.New(rand.NewPCG(1, 2))
	const lineUnits = 120
	var text strings.Builder
	for text.Len() < maxSourcePart-4*lineUnits {
		u := 0
		for u < lineUnits-12 {
			w := words[rng.IntN(len(words))]
			text.WriteString(w)
			text.WriteByte(' ')
			u += len(utf16.Encode([]rune(w))) + 1
		}
		for ; u < lineUnits-1; u++ {
			text.WriteByte('.')
		}
		text.WriteByte('\n')
	}
	units := lineUnits
	lines := strings.Count(text.String(), "\n")
	var qde strings.Builder
	qde.WriteString(`<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Largest" origin="NVivo 14">` + testUsers + testCodes + `<Sources>`)
	n := 0
	for s := range 2 {
		fmt.Fprintf(&qde, `<TextSource guid="t-%d" name="source %d" plainTextPath="internal://t%d.txt">`, s, s, s)
		for i := 0; qde.Len() < maxQDE/2*(s+1)-2048; i++ {
			start := (i % lines) * units
			fmt.Fprintf(&qde, `<PlainTextSelection guid="00000000-0000-4000-8000-%012d" startPosition="%d" endPosition="%d" creatingUser="u-1"><Coding guid="00000000-0000-4000-9000-%012d" creatingUser="u-2"><CodeRef targetGUID="c-2"/></Coding></PlainTextSelection>`, n, start+1, start+units-1, n)
			n++
		}
		qde.WriteString(`</TextSource>`)
	}
	qde.WriteString(`</Sources></Project>`)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"project.qde": qde.String(), "sources/t0.txt": text.String(), "sources/t1.txt": text.String()} {
		w, err := zw.Create(name)
		if err != nil {
			b.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// BenchmarkHostileQDPX reads the largest archives the reader accepts and
// the hostile ones it refuses, with their peak heap (issue 13's budget:
// < 300 MB reading any file), checking each is read or refused as it should.
func BenchmarkHostileQDPX(b *testing.B) {
	zeros := make([]byte, 60<<20)
	for _, c := range []struct {
		name string
		data func() []byte
		kind errs.Kind // errs.Other: read
	}{
		{"largest-accepted", func() []byte { return largestArchive(b) }, errs.Other},
		{"zip-bomb-qde-60MiB", func() []byte {
			return zipWith(b, func(zw *zip.Writer) { rawEntry(b, zw, "project.qde", zeros, uint64(len(zeros))) })
		}, errs.TooLarge},
		{"lying-size-source", func() []byte {
			return zipWith(b, func(zw *zip.Writer) {
				q := oneSource("0", "4")
				rawEntry(b, zw, "project.qde", []byte(q), uint64(len(q)))
				rawEntry(b, zw, "sources/t.txt", zeros, 8)
			})
		}, errs.Invalid},
		{"directory-lying-65537-entries", func() []byte { return lyingDirectory(b) }, errs.TooLarge},
		{"entries-at-limit", func() []byte {
			return zipWith(b, func(zw *zip.Writer) {
				w, _ := zw.Create("project.qde")
				w.Write([]byte(qdeOf("X", "")))
				for i := 1; i < maxEntries; i++ {
					zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("sources/%d.pdf", i), Method: zip.Store})
				}
			})
		}, errs.Other},
	} {
		b.Run(c.name, func(b *testing.B) {
			data := c.data()
			b.ReportAllocs()
			b.ResetTimer()
			var peak uint64
			for range b.N {
				var err error
				var p *Project
				u := peakmem.Measure(func() { p, err = Read(c.name+".qdpx", data, ReadOptions{}) })
				peak = max(peak, u.PeakHeap)
				if c.kind == errs.Other && err != nil {
					b.Fatal(err)
				}
				if c.kind != errs.Other && errs.KindOf(err) != c.kind {
					b.Fatalf("err = %v, want %v", err, c.kind)
				}
				_ = p
			}
			b.ReportMetric(peakmem.MB(peak), "MB-peak-heap")
			b.ReportMetric(float64(len(data))/1024, "kB-file")
		})
	}
}
