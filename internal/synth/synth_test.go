package synth

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"themis/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestTranscriptGolden pins the generator's output: benchmarks compare
// figures across commits only while the corpus stays the same bytes. A
// deliberate change to the generator is accepted with -update.
func TestTranscriptGolden(t *testing.T) {
	got := Transcript(7, 3, 400)
	golden := filepath.Join("testdata", "transcript-7-3-400.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Transcript(7, 3, 400) differs from %s; if the change is meant, run go test -update", golden)
	}
}

func TestTranscriptDeterministic(t *testing.T) {
	a, b := Transcript(1, 5, 3000), Transcript(1, 5, 3000)
	if !bytes.Equal(a, b) {
		t.Fatal("the same seed, index and size gave different transcripts")
	}
	for _, other := range [][]byte{Transcript(2, 5, 3000), Transcript(1, 6, 3000)} {
		if bytes.Equal(a, other) {
			t.Error("a different seed or index gave the same transcript")
		}
	}
}

func TestTranscriptWords(t *testing.T) {
	for _, words := range []int{20, 57, 400, 8000, 30000} {
		for index := range 6 {
			text := string(Transcript(1, index, words))
			if got := corpus.CountWords(text); got != words {
				t.Errorf("Transcript(1, %d, %d): %d words", index, words, got)
			}
			if !utf8.ValidString(text) {
				t.Errorf("Transcript(1, %d, %d) is not valid UTF-8", index, words)
			}
		}
	}
}

// TestTranscriptTurns checks that the corpus parser sees the turns the
// generator wrote: a heading, then alternating interviewer and participant,
// with a timestamp on every turn or on none.
func TestTranscriptTurns(t *testing.T) {
	timestamped := 0
	for index := range 30 {
		p := ParticipantOf(index)
		doc, err := corpus.Parse(p.ID+".txt", Transcript(1, index, 8000))
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		turns := doc.Turns
		if len(turns) < 100 {
			t.Fatalf("%s: %d turns, want an interview of many", p.ID, len(turns))
		}
		if turns[0].Speaker != "" || !strings.HasPrefix(corpus.Slice(doc.Text, turns[0].Start, turns[0].End), "Interview with "+p.ID) {
			t.Errorf("%s: first turn %+v is not the heading", p.ID, turns[0])
		}
		withTS := 0
		for i, turn := range turns[1:] {
			want := p.ID
			if i%2 == 0 {
				want = "Interviewer"
			}
			if turn.Speaker != want {
				t.Fatalf("%s: turn %d spoken by %q, want %q: %q", p.ID, i+1, turn.Speaker, want,
					corpus.Slice(doc.Text, turn.Start, min(turn.End, turn.Start+80)))
			}
			if turn.ContentStart >= turn.End {
				t.Errorf("%s: turn %d is empty", p.ID, i+1)
			}
			if turn.Timestamp != "" {
				withTS++
			}
		}
		switch withTS {
		case 0:
		case len(turns) - 1:
			timestamped++
		default:
			t.Errorf("%s: %d of %d turns have a timestamp, want all or none", p.ID, withTS, len(turns)-1)
		}
		if got := doc.Speakers(); len(got) != 2 {
			t.Errorf("%s: speakers %q", p.ID, got)
		}
	}
	if timestamped == 0 || timestamped == 30 {
		t.Errorf("%d of 30 transcripts have timestamps, want some but not all", timestamped)
	}
}

// TestTranscriptRealistic checks the features the benchmarks rely on to
// exercise code-point offsets and the anonymisation scan: accents, an emoji,
// varied sentence lengths and participant answers longer than the
// questions.
func TestTranscriptRealistic(t *testing.T) {
	text := string(Transcript(1, 0, 8000))
	for _, want := range []string{"é", "😊", "[laughs]", "?", "…"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in an 8,000-word transcript", want)
		}
	}
	doc, err := corpus.Parse("P001.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var asked, answered, questions, answers int
	for _, turn := range doc.Turns[1:] {
		n := corpus.CountWords(corpus.Slice(doc.Text, turn.ContentStart, turn.End))
		if turn.Speaker == "Interviewer" {
			asked, questions = asked+n, questions+1
		} else {
			answered, answers = answered+n, answers+1
		}
	}
	if asked/questions*3 > answered/answers {
		t.Errorf("questions average %d words, answers %d: want answers at least 3 times longer", asked/questions, answered/answers)
	}
	short, long := 0, 0
	for _, s := range corpus.Sentences(doc.Text) {
		switch n := corpus.CountWords(corpus.Slice(doc.Text, s.Start, s.End)); {
		case n <= 3:
			short++
		case n >= 25:
			long++
		}
	}
	if short < 20 || long < 20 {
		t.Errorf("%d sentences of at most 3 words and %d of 25 or more: want varied lengths", short, long)
	}
}

func TestParticipantOf(t *testing.T) {
	seen := map[string]bool{}
	roles := map[string]int{}
	for i := range 200 {
		p := ParticipantOf(i)
		if seen[p.ID] {
			t.Fatalf("index %d: ID %s used twice", i, p.ID)
		}
		seen[p.ID] = true
		roles[p.Role]++
	}
	want := map[string]int{"patient": 140, "link worker": 30, "provider": 20, "commissioner": 10}
	for role, n := range want {
		if roles[role] != n {
			t.Errorf("%d %ss in 200, want %d", roles[role], role, n)
		}
	}
	for i, want := range []string{"P001", "P002", "P003", "P004", "LW01", "P005"} {
		if got := ParticipantOf(i).ID; got != want {
			t.Errorf("ParticipantOf(%d) = %s, want %s", i, got, want)
		}
	}
	if got := ParticipantOf(20).ID; got != "P015" {
		t.Errorf("ParticipantOf(20) = %s, want P015", got)
	}
}

func TestWriteMatchesFiles(t *testing.T) {
	spec := Spec{Seed: 3, Transcripts: 7, Words: 500}
	dir := t.TempDir()
	paths, err := spec.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := spec.Files()
	if len(paths) != 7 || len(files) != 7 {
		t.Fatalf("%d paths, %d files", len(paths), len(files))
	}
	for i, f := range files {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(paths[i]) != f.Name || !bytes.Equal(data, f.Data) {
			t.Errorf("file %d: written %s differs from generated %s", i, paths[i], f.Name)
		}
	}
	if Bytes(files) < 7*500*4 {
		t.Errorf("Bytes = %d, too small for 3,500 words", Bytes(files))
	}
	if _, err := spec.Write(filepath.Join(dir, "missing")); err == nil {
		t.Error("Write into a missing directory succeeded")
	}
}

func TestQueries(t *testing.T) {
	qs := Queries(1, 200)
	if len(qs) != 200 {
		t.Fatalf("%d queries", len(qs))
	}
	kinds := map[string]int{}
	distinct := map[string]bool{}
	for _, q := range qs {
		kinds[q.Kind]++
		distinct[q.Text] = true
	}
	want := map[string]int{"word": 60, "phrase": 50, "prefix": 30, "fuzzy": 30, "boolean": 30}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d %s queries, want %d", kinds[k], k, n)
		}
	}
	if len(distinct) < 50 {
		t.Errorf("only %d distinct queries", len(distinct))
	}
	again := Queries(1, 200)
	for i := range qs {
		if qs[i] != again[i] {
			t.Fatal("Queries is not deterministic")
		}
	}
	// The corpus holds what the phrase queries look for.
	text := strings.ToLower(string(Transcript(1, 0, 8000)) + string(Transcript(1, 1, 8000)))
	for _, p := range queryPhrases {
		if !strings.Contains(text, strings.Trim(p, `"`)) {
			t.Errorf("phrase %s is never said in two transcripts", p)
		}
	}
}
