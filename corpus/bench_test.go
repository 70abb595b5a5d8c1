package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
