package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpeakerPattern(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		data    []byte
		pattern string
		want    []string // turn summaries
		warn    string   // a warning to expect, "" for none
	}{
		{"names with a dash", "a.txt", []byte("Zoë – How was it?\nMr Ó Briain – Grand, thanks.\nand more"),
			`(?P<speaker>[\p{L} ]+?) – `,
			[]string{"Zoë||Zoë – |How was it?", "Mr Ó Briain||Mr Ó Briain – |Grand, thanks.\nand more"}, ""},
		{"time group", "a.txt", []byte("preamble\n[12:01] Sam > hello\n[12:02] Ana > hi 😀"),
			`\[(?P<time>\d+:\d+)\] (?P<speaker>\w+) > `,
			[]string{"|||preamble", "Sam|12:01|[12:01] Sam > |hello", "Ana|12:02|[12:02] Ana > |hi 😀"}, ""},
		{"replaces automatic detection", "a.txt", []byte("Interviewer: hi\nP1: hello"), `(?P<speaker>P\d+): `,
			[]string{"|||Interviewer: hi", "P1||P1: |hello"}, ""},
		{"matched no line", "a.txt", []byte("Interviewer: hi\n\nP1: hello"), `(?P<speaker>NOBODY): `,
			[]string{"|||Interviewer: hi", "|||P1: hello"}, "matched no line"},
		{"docx paragraphs", "a.docx", buildDocx(t, p("Sam >> one")+p("Ana >> two")), `(?P<speaker>\w+) >> `,
			[]string{"Sam||Sam >> |one", "Ana||Ana >> |two"}, ""},
		{"markdown", "a.md", []byte("**Sam** >> one\n\n**Ana** >> two"), `(?P<speaker>\w+) >> `,
			[]string{"Sam||Sam >> |one", "Ana||Ana >> |two"}, ""},
		{"ignored for subtitles", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Sam>hi"), `(?P<speaker>x)`,
			[]string{"Sam|00:00:01|Sam: |hi"}, "not used for subtitles"},
		{"ignored for tables", "a.csv", []byte("speaker,text\nSam,hi"), `(?P<speaker>x)`,
			[]string{"Sam||Sam: |hi"}, "not used for tables"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseWith(tt.file, tt.data, Options{SpeakerPattern: tt.pattern})
			if err != nil {
				t.Fatal(err)
			}
			checkTurns(t, doc.Text, doc.Turns)
			if got := summaries(doc.Text, doc.Turns); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("turns\n got %q\nwant %q", got, tt.want)
			}
			warned := tt.warn == ""
			for _, w := range doc.Warnings {
				warned = warned || strings.Contains(w, tt.warn)
			}
			if !warned {
				t.Errorf("warnings %q, want one mentioning %q", doc.Warnings, tt.warn)
			}
		})
	}
}

func TestCompileSpeakerPattern(t *testing.T) {
	for _, tt := range []struct{ pattern, msg string }{
		{`(?P<speaker>\w+`, "missing closing )"},
		{`(\w+):`, "group named speaker"},
		{`a)(b`, "unexpected )"},
		{`(?P<who>\w+):`, "group named speaker"},
	} {
		_, err := CompileSpeakerPattern(tt.pattern)
		if !errors.Is(err, ErrBadPattern) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%q: err = %v, want ErrBadPattern mentioning %q", tt.pattern, err, tt.msg)
		}
	}
}

// TestSpeakerPresets checks that every preset compiles, reads its example
// and finds the expected speaker in a two-turn transcript.
func TestSpeakerPresets(t *testing.T) {
	want := map[string]string{
		"auto": "Interviewer", "colon": "Mrs Adébáyọ̀", "caps": "INTERVIEWER", "brackets": "P07",
		"name-time": "Link worker", "time-name": "Participant", "tab": "Interviewer", "dash": "Chloé",
	}
	presets := SpeakerPresets()
	if len(presets) != len(want) || presets[0].ID != "auto" || presets[0].Pattern != "" {
		t.Fatalf("presets %+v", presets)
	}
	for _, pr := range presets {
		t.Run(pr.ID, func(t *testing.T) {
			if pr.Label == "" || pr.Example == "" {
				t.Error("label or example missing")
			}
			text := pr.Example + "\n" + pr.Example
			doc, err := ParseWith("p.txt", []byte(text), Options{SpeakerPattern: pr.Pattern})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Turns) != 2 || doc.Turns[0].Speaker != Normalize(want[pr.ID]) {
				t.Fatalf("turns %q", summaries(doc.Text, doc.Turns))
			}
			if pr.ID == "name-time" || pr.ID == "time-name" {
				if doc.Turns[0].Timestamp == "" {
					t.Error("no timestamp")
				}
			}
			if words := Slice(doc.Text, doc.Turns[0].ContentStart, doc.Turns[0].End); words == "" || strings.Contains(words, want[pr.ID]) {
				t.Errorf("words %q", words)
			}
		})
	}
}

func TestEncodingOption(t *testing.T) {
	tests := []struct {
		enc, in, want, encoding string
	}{
		{"", "caf\xe9", "café", "windows-1252"},
		{"windows-1252", "caf\xe9 \x80", "café €", "windows-1252"},
		{"latin1", "caf\xe9", "café", "windows-1252"},
		{"iso-8859-15", "\xa4", "€", "iso-8859-15"},
		{"UTF-8", "\uFEFFcafé", "café", "utf-8"},
		{"utf-16le", "c\x00a\x00f\x00\xe9\x00", "café", "utf-16le"},
		{"utf-16le", "\xfe\xff\x00c", "c", "utf-16be"}, // the BOM wins
		{"utf-16be", "\x00c\x00a", "ca", "utf-16be"},
		{"macintosh", "caf\x8e", "café", "macintosh"},
	}
	for _, tt := range tests {
		doc, err := ParseWith("e.txt", []byte(tt.in), Options{Encoding: tt.enc})
		if err != nil || doc.Text != tt.want || doc.Encoding != tt.encoding {
			t.Errorf("%q %q: %q %q %v, want %q %q", tt.enc, tt.in, doc.Text, doc.Encoding, err, tt.want, tt.encoding)
		}
	}
	// The encoding applies to every text-based format.
	doc, err := ParseWith("e.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nJOS\xc9: Ol\xe1\n"), Options{Encoding: "windows-1252"})
	if err != nil || doc.Text != "JOSÉ: Olá" || doc.Encoding != "windows-1252" || len(doc.Warnings) != 0 {
		t.Errorf("srt: %q %q %q %v", doc.Text, doc.Encoding, doc.Warnings, err)
	}
}

func TestReadFileWithProgress(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "long interview.txt")
	text := syntheticTranscript(600_000, 2000) // a few MB, several chunks
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var calls [][2]int64
	doc, err := ReadFileWith(path, Options{SpeakerPattern: `(?P<speaker>Interviewer|P\d+): `}, func(read, total int64) {
		calls = append(calls, [2]int64{read, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	size := int64(len(text))
	if len(calls) < 3 || calls[0] != [2]int64{0, size} || calls[len(calls)-1] != [2]int64{size, size} {
		t.Fatalf("progress calls %v (size %d)", calls[:min(len(calls), 5)], size)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] <= calls[i-1][0] || calls[i][1] != size {
			t.Fatalf("progress not increasing at %d: %v", i, calls[i-1:i+1])
		}
	}
	if doc.Name != "long interview" || len(doc.Turns) != 2001 || doc.Turns[1].Speaker != "Interviewer" {
		t.Errorf("name %q, %d turns", doc.Name, len(doc.Turns))
	}
}

func TestReadFileContextStopsWhenCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long interview.txt")
	if err := os.WriteFile(path, []byte(syntheticTranscript(600_000, 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	chunks := 0
	_, err := ReadFileContext(ctx, path, Options{}, func(read, total int64) {
		if read > 0 {
			chunks++
			cancel() // after the first chunk
		}
	})
	if !errors.Is(err, context.Canceled) || chunks != 1 {
		t.Fatalf("cancelled after the first chunk: err %v after %d chunks, want context.Canceled after 1", err, chunks)
	}
	if _, err := ReadFileContext(ctx, path, Options{}, func(int64, int64) { t.Error("progress after the cancel") }); !errors.Is(err, context.Canceled) {
		t.Errorf("already cancelled: %v", err)
	}
}
