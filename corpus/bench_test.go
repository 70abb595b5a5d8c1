package corpus

import (
	"fmt"
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
