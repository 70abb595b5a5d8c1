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

// BenchmarkOpenLargeDocument is the backend's share of opening a 30,000-word
// transcript with 2,000 segments in the reader (budget: first paint under
// 300 ms, of which the frontend needs the larger part): the text, its turns,
// and the segments the coder may see.
func BenchmarkOpenLargeDocument(b *testing.B) {
	r := rand.New(rand.NewSource(2))
	p, err := store.Create(filepath.Join(b.TempDir(), "large.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	lead, _ := p.Lead()
	ben, _ := p.AddCoder("Ben", lead.ID)
	p.SetBlindMode(false, lead.ID)
	res, err := ImportData(p, []NamedData{{"long.txt", syntheticTranscript(r, "P001", 30000)}}, lead.ID)
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := p.Document(res[0].ID)
	codes, _ := AgreementCodes(p, 0)
	n := len([]rune(doc.Text))
	segs := make([]store.NewSegment, 0, 2000)
	for i := 0; i < 2000; i++ {
		start := r.Intn(n - 400)
		coder := lead.ID
		if i%2 == 1 {
			coder = ben.ID
		}
		segs = append(segs, store.NewSegment{Document: doc.ID, Code: codes[r.Intn(len(codes))].ID, Coder: coder, Start: start, End: start + 20 + r.Intn(380)})
	}
	if _, err := p.ImportSegments(segs, lead.ID); err != nil {
		b.Fatal(err)
	}
	v, _ := ViewerFor(p, lead.ID)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := p.Document(doc.ID)
		if err != nil || len(d.TurnSpans) == 0 {
			b.Fatal(err)
		}
		visible, err := VisibleSegments(p, v, doc.ID)
		if err != nil || len(visible) < 1900 {
			b.Fatalf("%d segments, %v", len(visible), err)
		}
	}
}
