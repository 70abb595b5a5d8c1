package search

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// synthetic is a generated corpus: docs transcripts of about words words
// each, in turns of 20–120 words alternating interviewer and participant,
// with a patient or link worker case and some coding by two coders.
type synthetic struct {
	docs, words int
}

var vocabulary = strings.Fields(`the a and to of I it was that in you my we they but so with for on at
	just really about when like because people group walk walked walking garden gardening allotment
	lonely loneliness isolated isolation confidence anxious anxiety calmer happier friends neighbour
	café library volunteer volunteering link worker appointment doctor GP referral benefits housing
	money debt tired sleep mornings week weekend bus transport family daughter son husband wife
	church choir football fishing art class course college job work health mental physical pain
	better worse changed change different support listened trusted helped help house home out getting`)

func (s synthetic) Identity() string         { return fmt.Sprintf("synthetic:%dx%d", s.docs, s.words) }
func (s synthetic) Version() (string, error) { return "1", nil }
func (s synthetic) Documents() ([]Document, error) {
	out := make([]Document, s.docs)
	for i := range out {
		out[i] = Document{ID: int64(i + 1), Name: fmt.Sprintf("Interview %03d", i+1)}
	}
	return out, nil
}

func (s synthetic) Turns(d Document) ([]Turn, error) {
	rng := rand.New(rand.NewSource(d.ID))
	role := map[string]string{"role": "patient", "age group": "45-54"}
	if d.ID%4 == 0 {
		role = map[string]string{"role": "link worker"}
	}
	var turns []Turn
	pos, n := 0, 0
	for i := 0; n < s.words; i++ {
		speaker, excluded := fmt.Sprintf("P%03d", d.ID), false
		if i%2 == 0 {
			speaker, excluded = "Interviewer", true
		}
		k := 20 + rng.Intn(100)
		words := make([]string, k)
		for j := range words {
			words[j] = vocabulary[rng.Intn(len(vocabulary))]
		}
		text := strings.Join(words, " ") + "."
		label := utf8.RuneCountInString(speaker) + 2
		t := Turn{Index: i, Speaker: speaker, Start: pos + label, Text: text, Case: "Case " + d.Name, Attributes: role, Excluded: excluded}
		if rng.Intn(3) == 0 {
			t.Codes = []Coding{{Coder: "Aisha", Code: "Social integration"}}
			if rng.Intn(2) == 0 {
				t.Codes = append(t.Codes, Coding{Coder: "Ben", Code: "Social integration"})
			}
		}
		turns = append(turns, t)
		pos += label + utf8.RuneCountInString(text) + 2
		n += k
	}
	return turns, nil
}

// BenchmarkBuild indexes 20 transcripts of 8,000 words (the 200-transcript
// figure is the corpus benchmark's); it reports words indexed per second.
func BenchmarkBuild(b *testing.B) {
	src := synthetic{docs: 20, words: 8000}
	for i := 0; i < b.N; i++ {
		ix, err := Build(filepath.Join(b.TempDir(), "idx"), src, nil)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	b.ReportMetric(float64(src.docs*src.words*b.N)/b.Elapsed().Seconds(), "words/s")
}

var benchQueries = []string{
	"walking", `"getting out of the house"`, "isol*", "lonley~", "garden allotment", "+friends -family",
	"calmer OR happier", "role:patient confidence", `code:"Social integration"@Aisha -code:"Social integration"@Ben`,
	"excluded:no volunteer*", `document:"Interview 007" sleep`,
}

// BenchmarkQuery runs a mix of queries, the first 100 turns of each (as the
// search screen asks), over 200 transcripts × 8,000 words, and reports the
// 95th percentile latency.
func BenchmarkQuery(b *testing.B) {
	src := synthetic{docs: 200, words: 8000}
	if testing.Short() {
		src.docs = 20
	}
	start := time.Now()
	ix, err := Build(filepath.Join(b.TempDir(), "idx"), src, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	build := time.Since(start)
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQueries[i%len(benchQueries)]
		t0 := time.Now()
		if _, err := ix.Query(q, Options{Limit: 100}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(build.Seconds(), "build-s")
}
