package search

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// memSource is a Source held in memory; turns are laid out one per line.
type memSource struct {
	id        string
	version   int
	docs      []Document
	turns     map[int64][]Turn
	changed   map[int][]int64 // version -> documents changed to reach it
	reads     int             // documents read by Turns
	noChanges bool            // behave as a plain Source
}

type testTurn struct {
	speaker, text, caseName string
	attrs                   map[string]string
	excluded                bool
	codes                   []Coding
}

func newMem(docs map[string][]testTurn, order ...string) *memSource {
	m := &memSource{id: "/projects/test.themis", version: 1, turns: map[int64][]Turn{}, changed: map[int][]int64{}}
	for i, name := range order {
		id := int64(10 + i)
		m.docs = append(m.docs, Document{ID: id, Name: name})
		m.setTurns(id, docs[name])
	}
	return m
}

func (m *memSource) setTurns(id int64, tts []testTurn) {
	var turns []Turn
	pos := 0
	for i, t := range tts {
		label := t.speaker + ": "
		start := pos + utf8.RuneCountInString(label)
		turns = append(turns, Turn{Index: i, Speaker: t.speaker, Start: start, Text: t.text, Case: t.caseName,
			Attributes: t.attrs, Excluded: t.excluded, Codes: t.codes})
		pos = start + utf8.RuneCountInString(t.text) + 1
	}
	m.turns[id] = turns
}

func (m *memSource) Identity() string         { return m.id }
func (m *memSource) Version() (string, error) { return fmt.Sprint(m.version), nil }
func (m *memSource) Documents() ([]Document, error) {
	return m.docs, nil
}
func (m *memSource) Turns(d Document) ([]Turn, error) {
	m.reads++
	return m.turns[d.ID], nil
}
func (m *memSource) Changed(since string) ([]int64, bool, error) {
	if m.noChanges {
		return nil, false, nil
	}
	var out []int64
	for v := 0; v <= m.version; v++ {
		if fmt.Sprint(v) > since || v > atoi(since) {
			ids, ok := m.changed[v]
			if !ok && v > atoi(since) {
				return nil, false, nil
			}
			out = append(out, ids...)
		}
	}
	return out, true, nil
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

var patient = map[string]string{"Role": "patient", "Age group": "65+"}
var worker = map[string]string{"Role": "link worker"}

func corpus() *memSource {
	return newMem(map[string][]testTurn{
		"Interview 01": {
			{speaker: "Interviewer", text: "How have the walks been going?", excluded: true},
			{speaker: "P001", text: "I walked to the allotment every morning, and getting out of the house helped.", caseName: "Patient 001", attrs: patient,
				codes: []Coding{{Coder: "Aisha", Code: "Social integration"}, {Coder: "Ben", Code: "Social integration"}}},
			{speaker: "P001", text: "Before that I was lonely, stuck indoors all winter.", caseName: "Patient 001", attrs: patient,
				codes: []Coding{{Coder: "Aisha", Code: "Social integration"}}},
		},
		"Interview 02": {
			{speaker: "Interviewer", text: "Tell me about the café group.", excluded: true},
			{speaker: "LW1", text: "The café — Zoë runs it 🙂 — is where people walking alone find company.", caseName: "Link worker 1", attrs: worker,
				codes: []Coding{{Coder: "Ben", Code: "Positive affect"}}},
			{speaker: "LW1", text: "Isolation is the hardest thing to shift; organisation of transport matters.", caseName: "Link worker 1", attrs: worker},
		},
	}, "Interview 01", "Interview 02")
}

func build(t *testing.T, src Source) *Index {
	t.Helper()
	ix, err := Build(filepath.Join(t.TempDir(), "idx"), src, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// found lists the hits as "document#turn:matched text" (or "…#turn:*" for a whole turn).
func found(t *testing.T, ix *Index, q string, opt Options) []string {
	t.Helper()
	r, err := ix.Query(q, opt)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	out := []string{}
	for _, h := range r.Hits {
		m := h.Match
		if h.Whole {
			m = "*"
		}
		out = append(out, fmt.Sprintf("%s#%d:%s", strings.TrimPrefix(h.Document, "Interview "), h.Turn, m))
	}
	return out
}

func TestQueries(t *testing.T) {
	ix := build(t, corpus())
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"walking", []string{"01#0:walks", "01#1:walked", "02#1:walking"}}, // stemming
		{"walked", []string{"01#0:walks", "01#1:walked", "02#1:walking"}},
		{"WALKS", []string{"01#0:walks", "01#1:walked", "02#1:walking"}},
		{`"getting out of the house"`, []string{"01#1:getting out of the house"}},
		{`"walked to the allotment"`, []string{"01#1:walked to the allotment"}},
		{`"walked to the house"`, []string{}},
		{`"walk to the allotment"`, []string{}}, // a phrase is matched as written
		{`"OF THE house"`, []string{"01#1:of the house"}},
		{"all winter", []string{"01#2:all winter"}}, // "all" is too common for the stemmed text: matched as written
		{"isolat*", []string{"02#2:Isolation"}},
		{"organi?ation", []string{"02#2:organisation"}},
		{"lonley~", []string{"01#2:lonely"}},
		{"lonley~1", []string{"01#2:lonely"}},
		{"lnely~2", []string{"01#2:lonely"}},
		{"cafe~", []string{"02#0:café", "02#1:café"}},
		{"walked allotment", []string{"01#1:walked to the allotment"}}, // only common words between: one hit
		{"walked AND house", []string{"01#1:walked", "01#1:house"}},
		{"+walked -allotment", []string{"01#0:walks", "02#1:walking"}},
		{"walked NOT allotment", []string{"01#0:walks", "02#1:walking"}},
		{"lonely OR isolation", []string{"01#2:lonely", "02#2:Isolation"}},
		{"(lonely OR isolation) winter", []string{"01#2:lonely", "01#2:winter"}},
		{"-walk", []string{"01#2:*", "02#0:*", "02#2:*"}},
		{"walk speaker:p001", []string{"01#1:walked"}},
		{"walk -speaker:P001", []string{"01#0:walks", "02#1:walking"}},
		{`walk document:"Interview 02"`, []string{"02#1:walking"}},
		{`document:interview*`, []string{"01#0:*", "01#1:*", "01#2:*", "02#0:*", "02#1:*", "02#2:*"}},
		{`case:"patient 001"`, []string{"01#1:*", "01#2:*"}},
		{"excluded:yes", []string{"01#0:*", "02#0:*"}},
		{"walk excluded:no", []string{"01#1:walked", "02#1:walking"}},
		{"role:patient", []string{"01#1:*", "01#2:*"}},
		{`role:"link worker" isolation`, []string{"02#2:Isolation"}},
		{`age_group:65+`, []string{"01#1:*", "01#2:*"}},
		{`"age group":65+`, []string{"01#1:*", "01#2:*"}},
		{`code:"Social integration"`, []string{"01#1:*", "01#2:*"}},
		{`code:"social integration"@aisha`, []string{"01#1:*", "01#2:*"}},
		{`code:"Social integration"@Aisha -code:"Social integration"@Ben`, []string{"01#2:*"}},
		{`code:social*@Ben`, []string{"01#1:*"}},
		{`code:pos*`, []string{"02#1:*"}},
		{`coder:ben`, []string{"01#1:*", "02#1:*"}},
		{"zoë", []string{"02#1:Zoë"}},
		{"company", []string{"02#1:company"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			if got := found(t, ix, tc.q, Options{}); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	src := corpus()
	ix := build(t, src)
	r, err := ix.Query("company", Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := r.Hits[0]
	turn := src.turns[11][1]
	full := strings.Repeat("x", turn.Start) + turn.Text // a document as the source lays it out, up to this turn
	runes := []rune(full)
	if got := string(runes[h.Start:h.End]); got != "company" {
		t.Fatalf("span %d–%d is %q, want company", h.Start, h.End, got)
	}
	if h.TurnStart != turn.Start || h.TurnEnd != turn.Start+utf8.RuneCountInString(turn.Text) {
		t.Errorf("turn %d–%d, want %d–%d", h.TurnStart, h.TurnEnd, turn.Start, turn.Start+utf8.RuneCountInString(turn.Text))
	}
	if h.Before != "…café — Zoë runs it 🙂 — is where people walking alone find " || h.After != "." {
		t.Errorf("context %q | %q", h.Before, h.After)
	}
	r, _ = ix.Query("zoe~", Options{})
	if h := r.Hits[0]; string([]rune(full)[h.Start:h.End]) != "Zoë" {
		t.Errorf("zoe~ spans %q", string([]rune(full)[h.Start:h.End]))
	}
}

func TestResultsCountPerDocument(t *testing.T) {
	ix := build(t, corpus())
	r, err := ix.Query("walk OR café", Options{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Turns != 4 || !r.Truncated || len(r.Hits) != 2 {
		t.Errorf("turns %d truncated %v hits %d, want 4, true, 2", r.Turns, r.Truncated, len(r.Hits))
	}
	want := []DocumentCount{{ID: 10, Name: "Interview 01", Turns: 2, Hits: 2}, {ID: 11, Name: "Interview 02", Turns: 2, Hits: 0}}
	if !reflect.DeepEqual(r.Documents, want) {
		t.Errorf("documents %+v, want %+v", r.Documents, want)
	}
}

func TestBlindModeCoders(t *testing.T) {
	ix := build(t, corpus())
	blind := Options{Coders: []string{"Ben"}}
	if got := found(t, ix, `code:"Social integration"`, blind); !reflect.DeepEqual(got, []string{"01#1:*"}) {
		t.Errorf("blind code: got %q", got)
	}
	for _, q := range []string{`code:"Social integration"@Aisha`, "coder:aisha"} {
		_, err := ix.Query(q, blind)
		if err == nil || !IsQueryError(err) || !strings.Contains(err.Error(), "blind mode") {
			t.Errorf("%s: err %v, want a blind-mode refusal", q, err)
		}
	}
}

func TestQueryErrors(t *testing.T) {
	ix := build(t, corpus())
	for q, want := range map[string]string{
		"colour:blue":      `no field "colour:"`,
		`"walk`:            "not closed",
		"(walk":            "not closed",
		"walk)":            "without a matching",
		"walk~3":           "1 or 2",
		"walk OR":          "after it",
		"code:":            "needs a value",
		"excluded:perhaps": "yes or no",
		"":                 "type something",
	} {
		_, err := ix.Query(q, Options{})
		if err == nil || !IsQueryError(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want one with %q", q, err, want)
		}
	}
}

func TestEnsureRebuildsWhatIsMissingStaleOrBroken(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	src := corpus()
	ix, err := Ensure(dir, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if src.reads != 2 {
		t.Errorf("first build read %d documents, want 2", src.reads)
	}
	ix.Close()

	// Fresh: opened as it is.
	src.reads = 0
	ix, err = Ensure(dir, src, nil)
	if err != nil || src.reads != 0 {
		t.Fatalf("fresh: err %v, %d reads", err, src.reads)
	}
	if got := found(t, ix, "lonely", Options{}); len(got) != 1 {
		t.Errorf("reopened index finds %q, want the one turn", got)
	}
	ix.Close()

	// Coding changed in one document: only it is read again.
	src.version = 2
	src.changed[2] = []int64{11}
	turns := src.turns[11]
	turns[2].Codes = []Coding{{Coder: "Aisha", Code: "Isolation"}}
	var progress [][2]int
	ix, err = Ensure(dir, src, func(d, n int) { progress = append(progress, [2]int{d, n}) })
	if err != nil {
		t.Fatal(err)
	}
	if src.reads != 1 || !reflect.DeepEqual(progress, [][2]int{{0, 1}, {1, 1}}) {
		t.Errorf("update read %d documents with progress %v, want 1 and [[0 1] [1 1]]", src.reads, progress)
	}
	if got := found(t, ix, "code:isolation", Options{}); !reflect.DeepEqual(got, []string{"02#2:*"}) {
		t.Errorf("after update: %q", got)
	}
	ix.Close()

	// A change it cannot follow: rebuilt.
	src.version, src.reads, src.noChanges = 3, 0, true
	src.setTurns(10, []testTurn{{speaker: "P001", text: "Only gardening now."}})
	ix, err = Ensure(dir, src, nil)
	if err != nil || src.reads != 2 {
		t.Fatalf("rebuild: err %v, %d reads", err, src.reads)
	}
	if got := found(t, ix, "garden", Options{}); !reflect.DeepEqual(got, []string{"01#0:gardening"}) {
		t.Errorf("after rebuild: %q", got)
	}
	if got := found(t, ix, "allotment", Options{}); len(got) != 0 {
		t.Errorf("old text still found: %q", got)
	}
	ix.Close()

	for name, breakIt := range map[string]func(){
		"meta missing (a build cut short)": func() { os.Remove(filepath.Join(dir, metaFile)) },
		"meta garbage":                     func() { os.WriteFile(filepath.Join(dir, metaFile), []byte("{not json"), 0o644) },
		"index files garbage": func() {
			filepath.Walk(filepath.Join(dir, bleveDir), func(p string, fi os.FileInfo, err error) error {
				if err == nil && !fi.IsDir() {
					os.WriteFile(p, []byte("garbage"), 0o644)
				}
				return nil
			})
		},
		"index folder gone": func() { os.RemoveAll(filepath.Join(dir, bleveDir)) },
		"older format": func() {
			m, _ := readMeta(dir)
			m.Format = 0
			writeMeta(dir, m)
		},
		"another project's": func() {
			m, _ := readMeta(dir)
			m.Source = "/elsewhere/other.themis"
			writeMeta(dir, m)
		},
	} {
		t.Run(name, func(t *testing.T) {
			breakIt()
			src.reads = 0
			ix, err := Ensure(dir, src, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if src.reads != 2 {
				t.Errorf("read %d documents, want a rebuild (2)", src.reads)
			}
			if got := found(t, ix, "garden", Options{}); len(got) != 1 {
				t.Errorf("after rebuild: %q", got)
			}
		})
	}
}

func TestIndexInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := Ensure(dir, corpus(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := Ensure(dir, corpus(), nil); !errors.Is(err, ErrBusy) {
		t.Errorf("second Ensure: %v, want ErrBusy", err)
	}
}

// A query whose automaton bleve cannot build is the user's query's fault and
// says so, without repeating a query of any length in full.
func TestTooComplexQueries(t *testing.T) {
	ix := build(t, corpus())
	long := strings.Repeat("a", 100000)
	for name, q := range map[string]string{
		"long fuzzy":        long + "~",
		"long fuzzy 2":      strings.Repeat("walk", 100) + "~2",
		"long prefix":       long + "*",
		"long wildcard":     strings.Repeat("a?", 5000),
		"many stars":        strings.Repeat("a*", 3000) + "b",
		"fuzzy in a filter": "speaker:P003 " + strings.Repeat("x", 300) + "~1",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ix.Query(q, Options{})
			if err == nil || !IsQueryError(err) || !strings.Contains(err.Error(), "too complex") {
				t.Fatalf("err %.300v, want a query error saying it is too complex", err)
			}
			if len(err.Error()) > 400 {
				t.Errorf("the message is %d bytes long: %.200s…", len(err.Error()), err)
			}
			if strings.Contains(err.Error(), "dfa") || strings.Contains(err.Error(), "states") {
				t.Errorf("bleve's words reach the user: %.300s", err)
			}
		})
	}
	// Past the parser (a Node made by a program), bleve's own refusal is
	// reported the same way.
	_, err := ix.Run("q", Term{Kind: Fuzzy, Text: long, Fuzziness: 2}, Options{})
	if err == nil || !IsQueryError(err) || !strings.Contains(err.Error(), "too complex") {
		t.Errorf("Run(fuzzy term of 100,000 letters): %.300v", err)
	}
	if got := found(t, ix, strings.Repeat("x", 300), Options{}); len(got) != 0 {
		t.Errorf("a long plain word found %v", got)
	}
}
