package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spec is a corpus: how many transcripts, of how many words each, from
// which seed.
type Spec struct {
	Seed        uint64
	Transcripts int
	Words       int // per transcript
}

// Budget is the corpus the performance budgets (scripts/bench.sh) are stated for.
var Budget = Spec{Seed: 1, Transcripts: 200, Words: 8000}

// File is one generated transcript: a file name such as "P017.txt" and its
// UTF-8 content.
type File struct {
	Name string
	Data []byte
}

// Participant is who the index-th transcript of a corpus interviews.
type Participant struct {
	ID   string // the speaker label, e.g. "P017", "LW03"
	Role string // "patient", "link worker", "provider" or "commissioner"
}

// roles repeat every 20 transcripts: 14 patients, 3 link workers, 2
// providers and a commissioner, about the mix of the evaluations the corpus
// imitates.
var roles = [20]struct{ prefix, role string }{
	{"P", "patient"}, {"P", "patient"}, {"P", "patient"}, {"P", "patient"}, {"LW", "link worker"},
	{"P", "patient"}, {"P", "patient"}, {"P", "patient"}, {"PR", "provider"}, {"P", "patient"},
	{"P", "patient"}, {"LW", "link worker"}, {"P", "patient"}, {"P", "patient"}, {"CM", "commissioner"},
	{"P", "patient"}, {"P", "patient"}, {"PR", "provider"}, {"LW", "link worker"}, {"P", "patient"},
}

// ParticipantOf names the participant of the index-th (0-based) transcript.
// IDs are numbered per role from 1: the first patient is P001, the first
// link worker LW01.
func ParticipantOf(index int) Participant {
	r := roles[index%len(roles)]
	n, perCycle := 0, 0
	for i, x := range roles {
		if x.prefix == r.prefix {
			perCycle++
			if i < index%len(roles) {
				n++
			}
		}
	}
	n += index/len(roles)*perCycle + 1
	if r.prefix == "P" {
		return Participant{ID: fmt.Sprintf("P%03d", n), Role: r.role}
	}
	return Participant{ID: fmt.Sprintf("%s%02d", r.prefix, n), Role: r.role}
}

// Files generates the corpus in memory, in index order.
func (s Spec) Files() []File {
	out := make([]File, s.Transcripts)
	for i := range out {
		out[i] = File{Name: ParticipantOf(i).ID + ".txt", Data: Transcript(s.Seed, i, s.Words)}
	}
	return out
}

// Bytes is the total size of the corpus in bytes.
func Bytes(files []File) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.Data))
	}
	return n
}

// Write generates the corpus into dir (which must exist) and returns the
// paths of the files it wrote, in index order.
func (s Spec) Write(dir string) ([]string, error) {
	paths := make([]string, 0, s.Transcripts)
	for i := 0; i < s.Transcripts; i++ {
		path := filepath.Join(dir, ParticipantOf(i).ID+".txt")
		if err := os.WriteFile(path, Transcript(s.Seed, i, s.Words), 0o644); err != nil {
			return nil, fmt.Errorf("synthetic corpus: %w", err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// Transcript generates the index-th transcript of the corpus with the given
// seed: exactly words words (as corpus.CountWords counts them), in
// interviewer and participant turns. A words below 20 still gives a heading
// and one turn each.
func Transcript(seed uint64, index, words int) []byte {
	p := ParticipantOf(index)
	g := &gen{
		r:     rand.New(rand.NewPCG(seed, uint64(index)*0x9E3779B97F4A7C15+1)),
		limit: max(words, 20),
		p:     p,
	}
	g.b.Grow(words * 7)
	g.ts = g.r.IntN(3) == 0
	g.tokens(fmt.Sprintf("Interview with %s (%s), social prescribing evaluation, synthetic transcript %d.", p.ID, p.role(), index+1))
	g.b.WriteString("\n\n")
	interviewer := true
	for g.words < g.limit {
		if g.limit-g.words < 6 && g.turns > 1 {
			// Too few words left for another labelled turn: end this one.
			g.b.WriteByte(' ')
			g.tokens(g.sentence(participantShort))
			continue
		}
		if g.turns > 0 {
			g.b.WriteString("\n\n")
		}
		g.turn(interviewer)
		interviewer = !interviewer
	}
	return g.b.Bytes()
}

func (p Participant) role() string { return p.Role }

type gen struct {
	r      *rand.Rand
	b      bytes.Buffer
	p      Participant
	words  int // words written so far
	limit  int
	ts     bool // timestamps on every turn
	secs   int  // the recording's clock
	turns  int
	spoken int // words spoken since the clock last moved
}

// turn writes one labelled turn.
func (g *gen) turn(interviewer bool) {
	label := g.p.ID
	if interviewer {
		label = "Interviewer"
	}
	g.secs += g.spoken * 60 / 150 // a speaking pace of 150 words a minute
	g.spoken = 0
	if g.ts {
		label += fmt.Sprintf(" (%02d:%02d:%02d)", g.secs/3600, g.secs/60%60, g.secs%60)
	}
	g.tokens(label + ":")
	g.turns++
	if interviewer {
		n := 1 + g.r.IntN(3)
		for i := 0; i < n && g.words < g.limit; i++ {
			g.b.WriteByte(' ')
			if i == n-1 || g.r.IntN(3) > 0 {
				g.tokens(g.sentence(questions))
			} else {
				g.tokens(g.sentence(prompts))
			}
		}
		return
	}
	paras := 1
	if g.r.IntN(3) == 0 {
		paras += 1 + g.r.IntN(3)
	}
	for p := 0; p < paras && g.words < g.limit; p++ {
		if p > 0 {
			g.b.WriteString("\n\n")
		} else {
			g.b.WriteByte(' ')
		}
		n := 1 + g.r.IntN(7)
		if g.r.IntN(5) == 0 {
			n = 1 // a short answer
		}
		for i := 0; i < n && g.words < g.limit; i++ {
			if i > 0 {
				g.b.WriteByte(' ')
			}
			if n == 1 && g.r.IntN(2) == 0 {
				g.tokens(g.sentence(participantShort))
			} else {
				g.tokens(g.answer())
			}
		}
	}
}

// tokens writes s word by word until the transcript has its words; a
// sentence cut short ends with a full stop.
func (g *gen) tokens(s string) {
	first := true
	for _, w := range strings.Fields(s) {
		counts := isWord(w)
		if counts && g.words >= g.limit {
			if r, _ := utf8.DecodeLastRune(g.b.Bytes()); !strings.ContainsRune(".?!…", r) {
				g.b.WriteByte('.')
			}
			return
		}
		if !first {
			g.b.WriteByte(' ')
		}
		first = false
		g.b.WriteString(w)
		if counts {
			g.words++
			g.spoken++
		}
	}
}

// isWord is corpus.CountWords for one whitespace-free token of the
// generator's alphabet (which has no Chinese or Japanese script).
func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// sentence fills one template of the list.
func (g *gen) sentence(list []string) string {
	return capitalise(g.fill(list[g.r.IntN(len(list))]))
}

// answer is a participant sentence of one to three clauses, with the odd
// hesitation, transcription note or emoji.
func (g *gen) answer() string {
	var b strings.Builder
	if g.r.IntN(4) == 0 {
		b.WriteString(hedges[g.r.IntN(len(hedges))])
		b.WriteByte(' ')
	}
	b.WriteString(g.fill(clauses[g.r.IntN(len(clauses))]))
	for n := g.r.IntN(3); n > 0; n-- {
		b.WriteString(connectors[g.r.IntN(len(connectors))])
		b.WriteString(g.fill(clauses[g.r.IntN(len(clauses))]))
	}
	end := "."
	switch x := g.r.IntN(40); {
	case x == 0:
		end = "…"
	case x == 1:
		end = "?"
	case x < 4:
		end = ". " + notes[g.r.IntN(len(notes))]
	}
	b.WriteString(end)
	if g.r.IntN(150) == 0 {
		b.WriteString(" 😊")
	}
	return capitalise(b.String())
}

// fill replaces each {slot} of a template with a random filler.
func (g *gen) fill(t string) string {
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}') + i
		b.WriteString(t[:i])
		list := slots[t[i+1:j]]
		if list == nil {
			panic("synth: unknown slot " + t[i:j+1])
		}
		b.WriteString(list[g.r.IntN(len(list))])
		t = t[j+1:]
	}
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == '[' || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
