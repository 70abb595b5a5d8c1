package qdpx

import (
	"errors"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"themis/corpus"
)

// checkRead holds whatever Read makes of any input: a refusal is an *Error
// naming the file; a project holds stored text and selections inside it.
func checkRead(t *testing.T, data []byte) {
	p, err := Read("fuzz.qdpx", data, ReadOptions{SkipMissingSources: true})
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.File != "fuzz.qdpx" {
			t.Fatalf("err = %v, not an *Error naming the file", err)
		}
		return
	}
	for _, s := range p.Sources {
		if s.Text != corpus.Normalize(s.Text) {
			t.Fatalf("source %q: text %q is not in stored form", s.Name, s.Text)
		}
		n := corpus.RuneLen(s.Text)
		for _, sl := range s.Selections {
			if sl.Start < 0 || sl.End <= sl.Start || sl.End > n {
				t.Fatalf("source %q: selection %d–%d outside its text (%d)", s.Name, sl.Start, sl.End, n)
			}
			if len(sl.Codings) == 0 {
				t.Fatalf("selection %s without a coding", sl.GUID)
			}
		}
		for _, tn := range s.Turns {
			if tn.End > n {
				t.Fatalf("turn past the end")
			}
		}
	}
}

func fuzzSeeds(f *testing.F) [][]byte {
	var seeds [][]byte
	for _, name := range []string{"testdata/nvivo-mac-12.7.qdpx", "testdata/atlasti-spec-example.qdpx"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	text := "Ann: I was hopeful 😀 then.\r\nBen: Cafe\u0301?\r\n"
	seeds = append(seeds,
		archiveOf(f, entry{"Project.qde", "\uFEFF" + oneSource("5", "12")}, entry{"Sources/t.txt", "\uFEFF" + text}),
		archiveOf(f, entry{"project.qde", qdeOf("NVivo 14", testUsers+testCodes+`<Sources><TextSource guid="t" name="t" plainTextPath="internal://t.txt">`+sel("s", "", 19, 24)+sel("s2", "I was hopeful…", 5, 20)+`</TextSource></Sources>`)}, entry{"sources/t.txt", text}),
		archiveOf(f, entry{"project.qde", qdeOf("Themis", testUsers+testCodes+`<Sources><TextSource guid="t" name="t"><PlainTextContent>`+xmlEscape(text)+`</PlainTextContent>`+sel("s", "", 0, 3)+`<NoteRef targetGUID="n"/></TextSource></Sources><Notes><Note guid="n" name="x"><PlainTextContent>`+xmlEscape(EncodeTurnsNote([]Turn{{Speaker: "Ann", Start: 0, ContentStart: 5, End: 26}}, nil))+`</PlainTextContent></Note></Notes>`)}),
	)
	return seeds
}

// FuzzRead feeds whole archives to Read. Mutated zips rarely get past the
// central directory; FuzzReadProject fuzzes what is inside a sound one.
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, data) })
}

// FuzzReadProject fuzzes project.qde and one source's text inside a sound
// archive, where the reader's XML walk and position conversion live.
func FuzzReadProject(f *testing.F) {
	text := "Ann: I was hopeful 😀 then.\r\nBen: Cafe\u0301?\r\n"
	f.Add(oneSource("5", "12"), text)
	f.Add(qdeOf("NVivo", testUsers+testCodes+`<Sources><TextSource guid="t-1" name="t" plainTextPath="internal://t.txt">`+sel("s", "", 19, 24)+`</TextSource></Sources>`), text)
	f.Add(qdeOf("X", testUsers+testCodes+`<Sources><TextSource guid="t-1" name="t" plainTextPath="internal://t.txt">`+sel("s", "I was hopeful…", 5, 20)+`<NoteRef targetGUID="n"/></TextSource></Sources><Notes><Note guid="n" name="x"><PlainTextContent>`+xmlEscape(EncodeTurnsNote([]Turn{{Speaker: "Ann", Start: 0, ContentStart: 5, End: 26}}, nil))+`</PlainTextContent></Note></Notes>`), "\uFEFF"+text)
	f.Fuzz(func(t *testing.T, qde, text string) {
		checkRead(t, archiveOf(t, entry{"project.qde", qde}, entry{"sources/t.txt", text}))
	})
}

// FuzzStoreText checks the position conversion against a definition that
// shares none of its code: where the stored form of the text splits at a
// position — Normalize(text[:q]) + Normalize(text[q:]) is Normalize(text) —
// the position lands at the length of Normalize(text[:q]); everywhere a
// start lands no later than an end, and both inside the stored text.
func FuzzStoreText(f *testing.F) {
	f.Add("Ann: I was hopeful 😀 then.\r\nBen: Cafe\u0301?\r\n", false)
	f.Add("\uFEFF\uFEFFa\r\r\nb\u0301\u0327c😀😀", true)
	f.Add("\u1100\u1161\u11a8 e\u0301\u0302 \r", false)
	// More than 30 combining marks in a row: past norm's segment limit.
	f.Add("Cafe"+strings.Repeat("\u0316\u0301", 20)+" 😀x", true)
	f.Fuzz(func(t *testing.T, text string, units bool) {
		if !utf8.ValidString(text) || len(text) > 300 {
			return
		}
		runes := []rune(text)
		var qs []int
		total := len(runes)
		if units {
			total = len(utf16.Encode(runes))
		}
		for q := 0; q <= total; q++ {
			qs = append(qs, q)
		}
		m := newPosMap(qs)
		stored := storeText(text, units, m)
		if want := corpus.Normalize(text); stored != want {
			t.Fatalf("stored %q, want %q", stored, want)
		}
		n := corpus.RuneLen(stored)
		if !sort.IntsAreSorted(m.lo) || !sort.IntsAreSorted(m.hi) {
			t.Fatalf("positions out of order: %v %v", m.lo, m.hi)
		}
		// Past 30 combining marks in a row, normalisation splits the run
		// where Unicode's stream-safe format says, and a position inside
		// it lands outward instead (checked above: in order, in range).
		zalgo := longMarkRun(text)
		u := 0
		for i, r := range append(runes, 0) {
			q := i
			if units {
				q = u
			}
			if m.lo[q] > m.hi[q] || m.hi[q] > n {
				t.Fatalf("position %d: lo %d, hi %d of %d", q, m.lo[q], m.hi[q], n)
			}
			pre, post := string(runes[:i]), string(runes[i:])
			if !zalgo && corpus.Normalize(pre)+corpus.Normalize(post) == stored {
				if w := corpus.RuneLen(corpus.Normalize(pre)); m.lo[q] != w || m.hi[q] != w {
					t.Fatalf("position %d of %q: lo %d, hi %d, want %d", q, text, m.lo[q], m.hi[q], w)
				}
			}
			u++
			if r >= 0x10000 {
				u++
			}
		}
	})
}

// TestReadSurvivesMutations runs checkRead over a few thousand seeded
// mutations of FuzzReadProject's seeds (bytes changed, dropped, inserted,
// in the project file and in the text), so every `go test` exercises what
// the fuzz target does, reproducibly.
func TestReadSurvivesMutations(t *testing.T) {
	text := "Ann: I was hopeful 😀 then.\r\nBen: Cafe\u0301?\r\n"
	seeds := []string{
		oneSource("5", "12"),
		qdeOf("NVivo", testUsers+testCodes+`<Sources><TextSource guid="t-1" name="t" plainTextPath="internal://t.txt">`+sel("s", "", 19, 24)+`</TextSource></Sources>`),
		qdeOf("X", testUsers+testCodes+`<Sources><TextSource guid="t-1" name="t" plainTextPath="internal://t.txt">`+sel("s", "I was hopeful…", 5, 20)+`<NoteRef targetGUID="n"/></TextSource></Sources><Notes><Note guid="n" name="x"><PlainTextContent>`+xmlEscape(EncodeTurnsNote([]Turn{{Speaker: "Ann", Start: 0, ContentStart: 5, End: 26}}, nil))+`</PlainTextContent></Note></Notes>`),
	}
	rng := rand.New(rand.NewPCG(11, 7))
	mutate := func(b []byte) []byte {
		for range 1 + rng.IntN(4) {
			if len(b) == 0 {
				return append(b, byte(rng.IntN(256)))
			}
			j := rng.IntN(len(b))
			switch rng.IntN(3) {
			case 0:
				b[j] = byte(rng.IntN(256))
			case 1:
				b = append(b[:j], b[j+1:]...)
			default:
				b = append(b[:j], append([]byte{"<>\"/=0123456789 \r\n\xf0"[rng.IntN(19)]}, b[j:]...)...)
			}
		}
		return b
	}
	for i := range 3000 {
		qde, txt := []byte(seeds[i%len(seeds)]), []byte(text)
		if i%4 == 3 {
			txt = mutate(txt)
		} else {
			qde = mutate(qde)
		}
		checkRead(t, archiveOf(t, entry{"project.qde", string(qde)}, entry{"sources/t.txt", string(txt)}))
	}
}

// longMarkRun reports whether s, decomposed, has more than 30 combining
// marks (non-starters) in a row.
func longMarkRun(s string) bool {
	// Each character is decomposed alone: normalising the whole string
	// would itself break such a run with U+034F.
	run := 0
	for _, c := range s {
		for _, r := range norm.NFD.String(string(c)) {
			if norm.NFD.PropertiesString(string(r)).CCC() != 0 {
				run++
				if run > 30 {
					return true
				}
			} else {
				run = 0
			}
		}
	}
	return false
}
