package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"themis/internal/fixtures"
	"themis/internal/peakmem"
)

// syntheticTranscript generates an interview of about words words in turns
// turns, alternating an interviewer and a participant, with accents and the
// odd emoji so that code-point counting is exercised.
func syntheticTranscript(words, turns int) string {
	vocab := strings.Fields("the group met on tuesday and i felt welcome café walk garden volunteer " +
		"lonely confident because my link worker helped me find it 😀yes we talked about money housing " +
		"sleep friends médecin bus pass coffee morning again next week")
	var b strings.Builder
	b.WriteString("Interview 42 — synthetic transcript\n\n")
	per := words / turns
	w := 0
	for i := range turns {
		if i%2 == 0 {
			b.WriteString("Interviewer: ")
		} else {
			fmt.Fprintf(&b, "P%03d: ", 1+i%3)
		}
		for j := range per {
			if j > 0 {
				if j%60 == 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(vocab[w%len(vocab)])
			w++
		}
		b.WriteString(".\n\n")
	}
	return b.String()
}

func BenchmarkParseText(b *testing.B) {
	data := []byte(syntheticTranscript(8000, 200))
	doc, err := Parse("bench.txt", data)
	if err != nil || len(doc.Turns) != 201 || doc.Words < 8000 {
		b.Fatalf("generated transcript: %v, %d turns, %d words", err, len(doc.Turns), doc.Words)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDetectTurns(b *testing.B) {
	text := Normalize(syntheticTranscript(8000, 200))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		DetectTurns(text)
	}
}

func BenchmarkParseDocx(b *testing.B) {
	var body strings.Builder
	for _, line := range strings.Split(syntheticTranscript(8000, 200), "\n") {
		body.WriteString(p(line))
	}
	data := buildDocx(b, body.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.docx", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseText50MB parses a ~50 MB transcript, the size the import
// must stay responsive with: the time per op should grow linearly with the
// size (compare BenchmarkParseText's MB/s).
func BenchmarkParseText50MB(b *testing.B) {
	data := []byte(syntheticTranscript(8_000_000, 200_000))
	if len(data) < 45<<20 {
		b.Fatalf("generated only %d bytes", len(data))
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Parse("big.txt", data)
		if err != nil || len(doc.Turns) != 200_001 {
			b.Fatalf("%v, %d turns", err, len(doc.Turns))
		}
	}
}

// BenchmarkReadFileWith50MB reads the same transcript from disk in chunks
// with a progress callback, then parses it.
func BenchmarkReadFileWith50MB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.txt")
	data := []byte(syntheticTranscript(8_000_000, 200_000))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		calls := 0
		if _, err := ReadFileWith(path, Options{}, func(read, total int64) { calls++ }); err != nil || calls < 40 {
			b.Fatalf("%v, %d progress calls", err, calls)
		}
	}
}

func BenchmarkParseVTT(b *testing.B) {
	var s strings.Builder
	s.WriteString("WEBVTT\n\n")
	for i := range 20000 {
		fmt.Fprintf(&s, "%d\n%s --> %s\n<v Speaker %d>the café group met on tuesday and i felt welcome 😀</v>\n\n", i, formatClock(i)+".000", formatClock(i+1)+".000", i/3%2)
	}
	data := []byte(s.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.vtt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRTF(b *testing.B) {
	var s strings.Builder
	s.WriteString(`{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}`)
	for i := range 20000 {
		fmt.Fprintf(&s, `\pard{\b Speaker %d:}\b0  the caf\'e9 group met on tuesday \u8212? and i felt welcome\par`+"\n", i%2)
	}
	s.WriteString("}")
	data := []byte(s.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.rtf", data); err != nil {
			b.Fatal(err)
		}
	}
}

// hostileCase is a hostile file, as large as the issue that found it (issue
// 13, "Trust") or as large as the bounds let through, and whether it is
// refused (with which error) or read.
type hostileCase struct {
	name, file string
	data       func(testing.TB) []byte
	refused    error // nil: the file is read
}

// noise is n pseudo-random words, so that a generated archive compresses
// like a real one rather than like a zip bomb.
func noise(seed, n int) string {
	var b strings.Builder
	x := uint32(seed*2654435761 + 1)
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		for k := 0; k < 3+int(x%6); k++ {
			b.WriteByte(byte('a' + (x>>(k*3))%26))
		}
	}
	return b.String()
}

func hostileCases() []hostileCase {
	nested := func(groups int, words int) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			var b strings.Builder
			for i := range groups {
				b.WriteString(strings.Repeat("<w:p>", 8))
				text := "x"
				if words > 0 {
					text = noise(i, words)
				}
				b.WriteString(`<w:r><w:t>` + text + `</w:t></w:r>`)
				b.WriteString(strings.Repeat("</w:p>", 8))
			}
			return buildDocx(t, b.String())
		}
	}
	return []hostileCase{
		// Issue 13 item 4: one cell in column XFD per row, 42 kB.
		{"xlsx-far-columns-42kB", "far.xlsx", func(t testing.TB) []byte { return fixtures.Workbook(t, farColumnRows(3200, "XFD")) }, ErrTooLarge},
		// The most padding let through: rows reaching XFD up to just under
		// maxSheetCells.
		{"xlsx-far-columns-at-limit", "far.xlsx", func(t testing.TB) []byte { return fixtures.Workbook(t, farColumnRows(maxSheetCells/16384-1, "XFD")) }, nil},
		// Item 5: paragraphs nested 8 deep, 11 kB; and with noise, 6.6 MB.
		{"docx-nested-11kB", "nested.docx", nested(10700, 0), nil},
		{"docx-nested-noise-6.6MB", "nested.docx", nested(maxParagraphs/8+1, 60), ErrTooLarge},
		// The most paragraphs let through, each with a few words.
		{"docx-paragraphs-at-limit", "many.docx", func(t testing.TB) []byte {
			var b strings.Builder
			for i := range maxParagraphs {
				b.WriteString(p(noise(i, 4)))
			}
			return buildDocx(t, b.String())
		}, nil},
		// XML nested 100,000 deep (a kilobyte compressed).
		{"docx-deep-xml", "deep.docx", func(t testing.TB) []byte {
			return buildDocx(t, strings.Repeat("<w:p>", 100_000))
		}, ErrCorrupt},
		{"docx-deleted-marks", "joined.docx", func(t testing.TB) []byte {
			var b strings.Builder
			for i := range 100_000 {
				b.WriteString(`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">` + noise(i, 40) + ` </w:t></w:r></w:p>`)
			}
			return buildDocx(t, b.String())
		}, nil},
		// The most text a Word document may hold: 60 MB of it, in
		// paragraphs of a few hundred words.
		{"docx-text-60MB", "long.docx", func(t testing.TB) []byte {
			var b strings.Builder
			for i := 0; b.Len() < 60<<20; i++ {
				b.WriteString(p(fmt.Sprintf("P%d: ", i%2) + noise(i, 300)))
			}
			return buildDocx(t, b.String())
		}, nil},
		{"odt-paragraphs-at-limit", "many.odt", func(t testing.TB) []byte {
			var b strings.Builder
			for i := range maxParagraphs {
				b.WriteString("<text:p>" + noise(i, 4) + "</text:p>")
			}
			return buildODT(t, b.String())
		}, nil},
		// Item 7: an unclosed quote near the top of a 60 MB turns table.
		{"csv-unclosed-quote-60MB", "quote.csv", func(testing.TB) []byte {
			var b strings.Builder
			b.WriteString("Speaker,Text\nAna,\"it was\n")
			for i := 0; b.Len() < 60<<20; i++ {
				fmt.Fprintf(&b, "P%d,%s\n", i%3, noise(i, 12))
			}
			return []byte(b.String())
		}, ErrCorrupt},
		// Item 11: cues whose time lines cannot be read, as large as a
		// subtitle file may be (read), and at 60 MB (refused).
		{"srt-malformed-times-16MB", "bad.srt", func(testing.TB) []byte { return malformedCues(MaxSubtitleSize) }, nil},
		{"srt-malformed-times-60MB", "bad.srt", func(testing.TB) []byte { return malformedCues(60 << 20) }, ErrTooLarge},
	}
}

// malformedCues is about size bytes (at most size) of SubRip cues whose time lines
// cannot be read.
func malformedCues(size int) []byte {
	var b strings.Builder
	for i := 0; ; i++ {
		cue := fmt.Sprintf("%d\n00:00:%02d:500 --> 00:00:%02d,000\nP%d: %s\n\n", i+1, i%60, (i+1)%60, i%2, noise(i, 12))
		if b.Len()+len(cue) > size {
			return []byte(b.String())
		}
		b.WriteString(cue)
	}
}

// BenchmarkHostile reads each hostile case and reports its peak heap
// ("MB-peak-heap", which the issue bounds at 300 MB; scripts/bench.sh puts
// it beside that budget) and checks that it is refused or read as it
// should be. Memory per op (-benchmem) is everything allocated.
func BenchmarkHostile(b *testing.B) {
	for _, hc := range hostileCases() {
		b.Run(hc.name, func(b *testing.B) {
			data := hc.data(b)
			var peak uint64
			b.ReportAllocs()
			for b.Loop() {
				var err error
				u := peakmem.Measure(func() { _, err = Parse(hc.file, data) })
				if hc.refused == nil && err != nil || hc.refused != nil && !errors.Is(err, hc.refused) {
					b.Fatalf("%v, want %v", err, hc.refused)
				}
				peak = max(peak, u.PeakHeap)
			}
			b.ReportMetric(peakmem.MB(peak), "MB-peak-heap")
			b.ReportMetric(float64(len(data))/1024, "kB-file")
		})
	}
}
