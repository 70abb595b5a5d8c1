//go:build ignore

// Command gen turns the hand-written coding spec (demo/gen/spec.txt) into
// demo/codings.csv. It locates every quoted phrase in its transcript,
// optionally widens it to the enclosing sentence(s) or the whole turn, and
// writes 0-based, end-exclusive Unicode code point offsets.
//
// Run from the repository root:
//
//	go run demo/gen/main.go
//
// Spec format (one entry per line, blank lines and lines starting with '#'
// are ignored):
//
//	@ patient-001
//	A:s B:p | Positive affect | I felt lighter
//	A:p     | Autonomy        | Up there I decide. ... felt ready.
//
// The first field lists coders (A = Aisha, B = Ben), each with a scope:
//
//	p  exactly the phrase
//	s  widened to the enclosing sentence(s)
//	S  widened to the enclosing sentence(s) plus the following sentence
//	t  widened to the whole turn (without the speaker label)
//
// A phrase "first ... last" runs from the first occurrence of "first" to the
// end of the next occurrence of "last" after it. A trailing " #N" selects the
// N-th occurrence (1-based) of the (first) phrase; without it the phrase must
// be unique in the transcript. Any failure aborts with a non-zero exit.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

const (
	demoDir  = "demo"
	specFile = "demo/gen/spec.txt"
	outFile  = "demo/codings.csv"
)

var codes = []string{
	"Positive affect",
	"Avowed quality of life",
	"Self-acceptance",
	"Personal growth",
	"Purpose in life",
	"Environmental mastery",
	"Autonomy",
	"Positive relations with others",
	"Social acceptance",
	"Social actualisation",
	"Social contribution",
	"Social coherence",
	"Social integration",
}

var coderNames = map[string]string{"A": "Aisha", "B": "Ben"}

type segment struct {
	doc, coder, code string
	start, end       int
	line             int
}

var labelRe = regexp.MustCompile(`^[A-Za-z0-9]+: `)

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gen: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	f, err := os.Open(specFile)
	if err != nil {
		fail("%v (run from the repository root)", err)
	}
	defer f.Close()

	validCode := map[string]bool{}
	for _, c := range codes {
		validCode[c] = true
	}

	docs := map[string][]rune{}
	var segs []segment
	var doc string
	sc := bufio.NewScanner(f)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "@") {
			doc = strings.TrimSpace(line[1:])
			if _, ok := docs[doc]; !ok {
				b, err := os.ReadFile(filepath.Join(demoDir, "transcripts", doc+".txt"))
				if err != nil {
					fail("line %d: %v", lineNo, err)
				}
				docs[doc] = []rune(string(b))
			}
			continue
		}
		if doc == "" {
			fail("line %d: entry before any @ document line", lineNo)
		}
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			fail("line %d: want 'coders | code | phrase'", lineNo)
		}
		code := strings.TrimSpace(parts[1])
		if !validCode[code] {
			fail("line %d: unknown code %q", lineNo, code)
		}
		phrase := strings.TrimSpace(parts[2])
		text := docs[doc]
		ps, pe := locate(text, phrase, doc, lineNo)
		for _, cs := range strings.Fields(parts[0]) {
			name, scope, ok := strings.Cut(cs, ":")
			coder := coderNames[name]
			if !ok || coder == "" {
				fail("line %d: bad coder field %q", lineNo, cs)
			}
			s, e := widen(text, ps, pe, scope, lineNo)
			checkBoundaries(text, s, e, doc, lineNo)
			segs = append(segs, segment{doc, coder, code, s, e, lineNo})
		}
	}
	if err := sc.Err(); err != nil {
		fail("%v", err)
	}

	sort.SliceStable(segs, func(i, j int) bool {
		a, b := segs[i], segs[j]
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		if a.coder != b.coder {
			return a.coder < b.coder
		}
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end < b.end
		}
		return a.code < b.code
	})

	// The same coder should not code overlapping passages with the same code.
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			a, b := segs[i], segs[j]
			if a.doc != b.doc || a.coder != b.coder {
				break
			}
			if a.code == b.code && b.start < a.end {
				fail("spec lines %d and %d: %s codes overlapping %q segments in %s", a.line, b.line, a.coder, a.code, a.doc)
			}
		}
	}

	out, err := os.Create(outFile)
	if err != nil {
		fail("%v", err)
	}
	w := csv.NewWriter(out)
	w.Write([]string{"document", "coder", "code", "start", "end", "text"})
	for _, s := range segs {
		w.Write([]string{s.doc, s.coder, s.code, strconv.Itoa(s.start), strconv.Itoa(s.end), string(docs[s.doc][s.start:s.end])})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fail("%v", err)
	}
	if err := out.Close(); err != nil {
		fail("%v", err)
	}
	report(segs, docs)
}

// locate finds phrase (optionally "first ... last", optionally " #N") and
// returns its code point range.
func locate(text []rune, phrase, doc string, lineNo int) (int, int) {
	occ := 0
	if i := strings.LastIndex(phrase, " #"); i >= 0 {
		n, err := strconv.Atoi(phrase[i+2:])
		if err == nil {
			occ = n
			phrase = strings.TrimSpace(phrase[:i])
		}
	}
	first, last, span := strings.Cut(phrase, " ... ")
	hits := findAll(text, []rune(first))
	if len(hits) == 0 {
		fail("line %d: %q not found in %s", lineNo, first, doc)
	}
	var s int
	switch {
	case occ > 0:
		if occ > len(hits) {
			fail("line %d: %q occurs only %d times in %s", lineNo, first, len(hits), doc)
		}
		s = hits[occ-1]
	case len(hits) > 1:
		fail("line %d: %q occurs %d times in %s; add #N", lineNo, first, len(hits), doc)
	default:
		s = hits[0]
	}
	e := s + len([]rune(first))
	if span {
		lr := []rune(last)
		i := indexFrom(text, lr, e)
		if i < 0 {
			fail("line %d: end phrase %q not found after %q in %s", lineNo, last, first, doc)
		}
		if strings.Contains(string(text[s:i]), "\n") {
			fail("line %d: span %q ... %q crosses a turn in %s", lineNo, first, last, doc)
		}
		e = i + len(lr)
	}
	return s, e
}

func findAll(text, pat []rune) []int {
	var hits []int
	for i := 0; ; {
		j := indexFrom(text, pat, i)
		if j < 0 {
			return hits
		}
		hits = append(hits, j)
		i = j + 1
	}
}

func indexFrom(text, pat []rune, from int) int {
	for i := from; i+len(pat) <= len(text); i++ {
		match := true
		for k, r := range pat {
			if text[i+k] != r {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// turnBounds returns the extent of the turn containing position p, without
// the speaker label.
func turnBounds(text []rune, p int) (int, int) {
	s := p
	for s > 0 && text[s-1] != '\n' {
		s--
	}
	e := p
	for e < len(text) && text[e] != '\n' {
		e++
	}
	if m := labelRe.FindString(string(text[s:min(e, s+40)])); m != "" {
		s += len([]rune(m))
	}
	return s, e
}

func isTerminator(r rune) bool { return r == '.' || r == '?' || r == '!' || r == ']' }

// sentenceStart walks back from p to the start of its sentence.
func sentenceStart(text []rune, p, ts int) int {
	for i := p; i > ts; i-- {
		if text[i-1] == ' ' {
			j := i - 2
			if j >= ts && (text[j] == '”' || text[j] == '"') {
				j--
			}
			if j >= ts && isTerminator(text[j]) {
				return i
			}
		}
	}
	return ts
}

// sentenceEnd walks forward from p (exclusive end) to the end of its sentence.
func sentenceEnd(text []rune, p, te int) int {
	if p > 0 && isTerminator(text[p-1]) {
		if p < te && (text[p] == '”' || text[p] == '"') {
			return p + 1
		}
		return p
	}
	for i := p; i < te; i++ {
		if isTerminator(text[i]) && (i+1 == te || text[i+1] == ' ' || text[i+1] == '”') {
			if i+1 < te && text[i+1] == '”' {
				return i + 2
			}
			return i + 1
		}
	}
	return te
}

func widen(text []rune, s, e int, scope string, lineNo int) (int, int) {
	ts, te := turnBounds(text, s)
	switch scope {
	case "p":
		return s, e
	case "s":
		return sentenceStart(text, s, ts), sentenceEnd(text, e, te)
	case "S":
		e = sentenceEnd(text, e, te)
		for e < te && text[e] == ' ' {
			e++
		}
		return sentenceStart(text, s, ts), sentenceEnd(text, e, te)
	case "t":
		return ts, te
	}
	fail("line %d: unknown scope %q", lineNo, scope)
	return 0, 0
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func checkBoundaries(text []rune, s, e int, doc string, lineNo int) {
	if s >= e {
		fail("line %d: empty segment in %s", lineNo, doc)
	}
	if s > 0 && isWord(text[s-1]) && isWord(text[s]) {
		fail("line %d: segment starts mid-word in %s: %q", lineNo, doc, string(text[max(0, s-10):min(len(text), s+10)]))
	}
	if e < len(text) && isWord(text[e-1]) && isWord(text[e]) {
		fail("line %d: segment ends mid-word in %s: %q", lineNo, doc, string(text[max(0, e-10):min(len(text), e+10)]))
	}
	if unicode.IsSpace(text[s]) || unicode.IsSpace(text[e-1]) {
		fail("line %d: segment starts or ends with whitespace in %s", lineNo, doc)
	}
	if strings.Contains(string(text[s:e]), "\n") {
		fail("line %d: segment crosses a turn in %s", lineNo, doc)
	}
	ts, _ := turnBounds(text, s)
	if s < ts {
		fail("line %d: segment includes the speaker label in %s", lineNo, doc)
	}
	ls := ts
	for ls > 0 && text[ls-1] != '\n' {
		ls--
	}
	if strings.HasPrefix(string(text[ls:ts]), "Interviewer") {
		fail("line %d: segment is in an interviewer turn in %s", lineNo, doc)
	}
}

// report prints segment counts and per-code Cohen's kappa (code point units)
// so the spec can be tuned.
func report(segs []segment, docs map[string][]rune) {
	names := make([]string, 0, len(docs))
	for d := range docs {
		names = append(names, d)
	}
	sort.Strings(names)
	counts := map[string]map[string]int{}
	for _, s := range segs {
		if counts[s.doc] == nil {
			counts[s.doc] = map[string]int{}
		}
		counts[s.doc][s.coder]++
	}
	fmt.Printf("%-18s %6s %6s\n", "document", "Aisha", "Ben")
	for _, d := range names {
		fmt.Printf("%-18s %6d %6d\n", d, counts[d]["Aisha"], counts[d]["Ben"])
	}
	offset := map[string]int{}
	total := 0
	for _, d := range names {
		offset[d] = total
		total += len(docs[d])
	}
	fmt.Printf("\n%-32s %6s %6s %7s\n", "code", "nA", "nB", "kappa")
	for _, c := range codes {
		a := make([]bool, total)
		b := make([]bool, total)
		na, nb := 0, 0
		for _, s := range segs {
			if s.code != c {
				continue
			}
			arr := a
			if s.coder == "Ben" {
				arr = b
				nb++
			} else {
				na++
			}
			for i := s.start; i < s.end; i++ {
				arr[offset[s.doc]+i] = true
			}
		}
		fmt.Printf("%-32s %6d %6d %7.3f\n", c, na, nb, kappa(a, b))
	}
}

func kappa(a, b []bool) float64 {
	var n11, n10, n01, n00 float64
	for i := range a {
		switch {
		case a[i] && b[i]:
			n11++
		case a[i]:
			n10++
		case b[i]:
			n01++
		default:
			n00++
		}
	}
	n := n11 + n10 + n01 + n00
	po := (n11 + n00) / n
	pa, pb := (n11+n10)/n, (n11+n01)/n
	pe := pa*pb + (1-pa)*(1-pb)
	if pe == 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}
