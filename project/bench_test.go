package project

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"themis/frameworks"
	"themis/store"
)

// syntheticTranscript writes an interview of about words words in turns of
// 10–80 words, alternating interviewer and participant, deterministically.
func syntheticTranscript(r *rand.Rand, participant string, words int) []byte {
	vocab := strings.Fields(`the group walking garden week feel calmer people friends link worker
		referral money housing confidence volunteer café café's naïve really you know I we it was
		because then and but so when after before every morning evening bus town community learn
		help better worse again still never always maybe 😊 — £20`)
	var b strings.Builder
	speaker := 0
	for n := 0; n < words; {
		label := "Interviewer"
		if speaker%2 == 1 {
			label = participant
		}
		b.WriteString(label + ": ")
		turn := 10 + r.Intn(70)
		for i := 0; i < turn && n < words; i, n = i+1, n+1 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[r.Intn(len(vocab))])
		}
		b.WriteString(".\n\n")
		speaker++
	}
	return []byte(b.String())
}

// BenchmarkImport200Transcripts parses and stores 200 transcripts of 8,000
// words in one transaction (budget: import and index under 20 s; the search
// index is not built yet).
func BenchmarkImport200Transcripts(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	files := make([]NamedData, 200)
	total := 0
	for i := range files {
		files[i] = NamedData{Name: fmt.Sprintf("P%03d.txt", i+1), Data: syntheticTranscript(r, fmt.Sprintf("P%03d", i+1), 8000)}
		total += len(files[i].Data)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p, err := store.Create(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.themis", i)), frameworks.Keyes(), "Bench")
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := ImportData(p, files, 0); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		p.Close()
		b.StartTimer()
	}
}
