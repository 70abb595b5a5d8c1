package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/frameworks"
)

const replaceText = "Sarah Whitfield: I met Zoë 😀 Ünal at the café.\nInterviewer: Did Zoë 😀 Ünal help?\nSarah Whitfield: Yes, Zoë did."

// runeSpan finds the nth (0-based) occurrence of sub in s, in code points.
func runeSpan(t *testing.T, s, sub string, nth int) (int, int) {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		k := strings.Index(s[from:], sub)
		if k < 0 {
			t.Fatalf("%q: occurrence %d not found", sub, nth)
		}
		if i == nth {
			start := len([]rune(s[:from+k]))
			return start, start + len([]rune(sub))
		}
		from += k + len(sub)
	}
}

func TestReplaceEverywhereKeepsSegmentsOnTheirWords(t *testing.T) {
	p, err := Create(filepath.Join(t.TempDir(), "anon.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lead, _ := p.Lead()
	r := []rune(replaceText)
	l1 := len([]rune("Sarah Whitfield: I met Zoë 😀 Ünal at the café."))
	l2s := l1 + 1
	l2 := l2s + len([]rune("Interviewer: Did Zoë 😀 Ünal help?"))
	l3s := l2 + 1
	docs, err := p.ImportDocuments([]NewDocument{{Name: "P001", SourceName: "P001.txt", Text: replaceText, Hash: "x", Words: 20, Turns: []Turn{
		{Speaker: "Sarah Whitfield", Start: 0, ContentStart: 17, End: l1},
		{Speaker: "Interviewer", Start: l2s, ContentStart: l2s + 13, End: l2},
		{Speaker: "Sarah Whitfield", Start: l3s, ContentStart: l3s + 17, End: len(r)},
	}}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc := docs[0].ID
	code, other := codeID(t, p, "Social integration"), codeID(t, p, "Positive affect")
	segs := []struct{ old, want string }{
		{"I met Zoë 😀 Ünal at the café.", "I met [Name 2] at the café."}, // contains a replacement
		{"the café", "the café"},                // after it
		{"Zoë 😀 Ünal", "[Name 2]"},              // exactly it
		{"😀", "[Name 2]"},                       // inside it
		{"Whitfield: I met", "[Name 1]: I met"}, // starts inside the speaker label
		{"Did Zoë", "Did [Name 2]"},             // ends inside it
		{"Yes, Zoë did.", "Yes, [Name 2] did."},
		{replaceText, "[Name 1]: I met [Name 2] at the café.\nInterviewer: Did [Name 2] help?\n[Name 1]: Yes, [Name 2] did."},
	}
	type before struct{ pre, post string }
	var ctx []before
	for _, s := range segs {
		a, b := runeSpan(t, replaceText, s.old, 0)
		c := code
		if s.old == "😀" { // the same code inside the same words would merge with "Zoë 😀 Ünal"
			c = other
		}
		if _, err := p.AddSegment(NewSegment{Document: doc, Code: c, Coder: lead.ID, Start: a, End: b}, lead.ID); err != nil {
			t.Fatal(err)
		}
		ctx = append(ctx, before{string(r[:a]), string(r[b:])})
	}
	if err := p.Dismiss(Dismissal{Document: doc, Start: 41, End: 45, Kind: "name", Text: "café"}, lead.ID); err != nil {
		t.Fatal(err)
	}
	var reps []Replacement
	for _, o := range []struct {
		text, with string
		nth        int
	}{{"Sarah Whitfield", "[Name 1]", 0}, {"Zoë 😀 Ünal", "[Name 2]", 0}, {"Zoë 😀 Ünal", "[Name 2]", 1}, {"Sarah Whitfield", "[Name 1]", 1}, {"Zoë did", "[Name 2] did", 0}} {
		a, b := runeSpan(t, replaceText, o.text, o.nth)
		reps = append(reps, Replacement{Document: doc, Start: a, End: b, With: o.with, Expect: o.text})
	}
	sum, err := p.ReplaceEverywhere(reps, func(s string) int { return len(strings.Fields(s)) }, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Replacements != 5 || sum.Documents != 1 || sum.Turns != 3 {
		t.Errorf("summary = %+v", sum)
	}
	d, err := p.Document(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := segs[len(segs)-1].want
	if d.Text != want {
		t.Fatalf("text = %q, want %q", d.Text, want)
	}
	nr := []rune(d.Text)
	if d.Chars != len(nr) || d.Words != len(strings.Fields(want)) {
		t.Errorf("chars, words = %d, %d", d.Chars, d.Words)
	}
	got, _ := p.Segments(SegmentFilter{Document: doc})
	if len(got) != len(segs) {
		t.Fatalf("%d segments, want %d", len(got), len(segs))
	}
	for i, s := range segs {
		a, b := runeSpan(t, want, s.want, 0)
		found := false
		for _, g := range got {
			if g.Start == a && g.End == b {
				found = true
				// the text before and after the segment is what was there,
				// with the same replacements (unless the segment cuts one)
				pre, post := string(nr[:a]), string(nr[b:])
				if !strings.HasPrefix(s.old, "Whitfield") && !strings.HasPrefix(s.old, "😀") && pre != pseudonymise(ctx[i].pre) {
					t.Errorf("segment %q: text before is %q, want %q", s.want, pre, pseudonymise(ctx[i].pre))
				}
				if !strings.HasSuffix(s.old, "Zoë") && !strings.HasSuffix(s.old, "😀") && post != pseudonymise(ctx[i].post) {
					t.Errorf("segment %q: text after is %q, want %q", s.want, post, pseudonymise(ctx[i].post))
				}
			}
		}
		if !found {
			t.Errorf("no segment on %q (want %d-%d); got %+v", s.want, a, b, got)
		}
	}
	for i, tr := range d.TurnSpans {
		wantSpeaker := []string{"[Name 1]", "Interviewer", "[Name 1]"}[i]
		if tr.Speaker != wantSpeaker {
			t.Errorf("turn %d speaker = %q, want %q", i, tr.Speaker, wantSpeaker)
		}
		if lab := string(nr[tr.Start:tr.ContentStart]); lab != wantSpeaker+": " {
			t.Errorf("turn %d label = %q", i, lab)
		}
	}
	if c := string(nr[d.TurnSpans[2].ContentStart:d.TurnSpans[2].End]); c != "Yes, [Name 2] did." {
		t.Errorf("turn 3 content = %q", c)
	}
	dis, _ := p.Dismissals()
	if len(dis) != 1 || string(nr[dis[0].Start:dis[0].End]) != "café" {
		t.Errorf("dismissals = %+v", dis)
	}
	j, _ := p.Journal(1)
	if j[0].Action != "documents.replace" {
		t.Fatalf("journal = %+v", j[0])
	}
	for _, secret := range []string{"Sarah", "Whitfield", "Zoë", "Ünal"} {
		if strings.Contains(j[0].Detail, secret) {
			t.Errorf("the journal keeps the original %q: %s", secret, j[0].Detail)
		}
	}
}

// pseudonymise is the replacement of the test done as plain string edits.
func pseudonymise(s string) string {
	return strings.NewReplacer("Sarah Whitfield", "[Name 1]", "Zoë 😀 Ünal", "[Name 2]", "Zoë did", "[Name 2] did").Replace(s)
}

func TestReplaceEverywhereIsAllOrNothing(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	before, _ := p.Document(doc)
	for _, reps := range [][]Replacement{
		{{Document: doc, Start: 0, End: 5, With: "[X]"}, {Document: doc, Start: 3, End: 8, With: "[Y]"}},                  // overlap
		{{Document: doc, Start: 0, End: 5, With: "[X]"}, {Document: doc, Start: 13, End: 18, With: "[Y]", Expect: "Bye"}}, // stale scan
		{{Document: doc, Start: 0, End: 5, With: "[X]"}, {Document: doc, Start: 40, End: 500, With: "[Y]"}},               // outside
		{{Document: doc, Start: 0, End: 5, With: " "}},
	} {
		if _, err := p.ReplaceEverywhere(reps, nil, lead.ID); !errors.Is(err, ErrInvalid) {
			t.Errorf("ReplaceEverywhere(%+v) = %v, want ErrInvalid", reps, err)
		}
	}
	after, _ := p.Document(doc)
	if after.Text != before.Text {
		t.Errorf("a failed replacement changed the text to %q", after.Text)
	}
}

func TestShiftItemMovesAdjudicationSpans(t *testing.T) {
	m := newShifter([]Replacement{{Start: 10, End: 20, With: "[Name 1]"}}) // 10 code points become 8
	for in, want := range map[string]string{
		"boundary:3:12:12:40-95":  "boundary:3:12:12:38-93",
		"agreed:3:12:5-15:21-30":  "agreed:3:12:5-18:19-28",
		"only-a:3:12:0:0-10":      "only-a:3:12:0:0-10",
		"agreed:3:12:12-18:12-19": "agreed:3:12:10-18:10-18",
	} {
		if got := shiftItem(in, m); got != want {
			t.Errorf("shiftItem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReplaceInNamesIsAllOrNothing(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	a, err := p.AddCase("Jenny Holt", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddCase("[Name 1]", lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.AddAttribute("Born", AttrDate, lead.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.SetCaseValue(a.ID, "Born", "1961-04-02", lead.ID); err != nil {
		t.Fatal(err)
	}
	memo, err := p.AddMemo(MemoProject, 0, "Jenny rang.", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := Replacement{Document: doc, Start: 13, End: 18, With: "[X]", Expect: "Hello"}
	for _, reps := range [][]Replacement{
		{text, {Place: PlaceCaseName, Case: a.ID, Start: 0, End: 10, With: "[Name 1]"}},                                                              // two cases called [Name 1]
		{text, {Place: PlaceCaseName, Case: a.ID, Start: 0, End: 5, With: "[Name 2]", Expect: "Jimmy"}},                                              // stale scan
		{text, {Place: PlaceAttributeValue, Case: a.ID, Attribute: "Born", Start: 0, End: 4, With: "[Date 1]"}},                                      // a date cannot hold it
		{text, {Place: PlaceCaseName, Case: a.ID, Start: 0, End: 20, With: "[Name 2]"}},                                                              // outside the name
		{text, {Place: PlaceCaseName, Case: a.ID, Start: 0, End: 5, With: "[A]"}, {Place: PlaceCaseName, Case: a.ID, Start: 3, End: 8, With: "[B]"}}, // overlap
		{text, {Place: "memo", Start: 0, End: 5, With: "[A]"}},
		{text, {Place: PlaceMemo, Memo: memo.ID, Start: 0, End: 5, With: "[A]", Expect: "Jimmy"}}, // stale scan
		{text, {Place: PlaceMemo, Memo: memo.ID, Start: 0, End: 50, With: "[A]"}},                 // outside the memo
	} {
		if _, err := p.ReplaceEverywhere(reps, nil, lead.ID); !errors.Is(err, ErrInvalid) {
			t.Errorf("ReplaceEverywhere(%+v) = %v, want ErrInvalid", reps[1:], err)
		}
	}
	d, _ := p.Document(doc)
	cases, _ := p.Cases()
	if !strings.Contains(d.Text, "Hello") || len(cases) != 2 || cases[0].Name != "Jenny Holt" && cases[1].Name != "Jenny Holt" {
		t.Errorf("a failed replacement changed the project: %q, %+v", d.Text, cases)
	}
	if m, _ := p.Memo(memo.ID); m.Text != "Jenny rang." {
		t.Errorf("a failed replacement changed the memo: %q", m.Text)
	}
}

func TestReplaceScrubsTheJournalKeepingItsShape(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	c, err := p.AddCase("Zoë Ünal", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetDocumentCase(doc, c.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	seg, err := p.AddSegment(NewSegment{Document: doc, Code: codeID(t, p, "Positive affect"), Coder: lead.ID, Start: 32, End: 40}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ReplaceEverywhere([]Replacement{{Place: PlaceCaseName, Case: c.ID, Start: 0, End: 8, With: "[Name 1]", Expect: "Zoë Ünal"}}, nil, lead.ID); err != nil {
		t.Fatal(err)
	}
	j, _ := p.Journal(0)
	var segAdd string
	for _, e := range j {
		if strings.Contains(strings.ToLower(e.Detail), "zoë") || strings.Contains(e.Detail, "Ünal") {
			t.Errorf("%s keeps the original: %s", e.Action, e.Detail)
		}
		if e.Action == "case.add" && !strings.Contains(e.Detail, `"name":"[Name 1]"`) {
			t.Errorf("case.add = %s", e.Detail)
		}
		if e.Action == "segment.add" {
			segAdd = e.Detail
		}
	}
	// an entry without the original is left exactly as it was written
	if !strings.Contains(segAdd, `"Start":32`) || seg.ID == 0 {
		t.Errorf("segment.add = %s", segAdd)
	}
}

// A reader in another process keeps the write-ahead log from being emptied:
// the replacement says the file is not yet wiped, and Close wipes it (the
// VACUUM shows in the file's size: the pages the long original took are
// gone, not merely zeroed).
func TestWipeUnderAReaderIsFinishedOnClose(t *testing.T) {
	p, _, lead, _ := newProject(t)
	long := "Hello " + strings.Repeat("Jenny Holt rang again. ", 20000)
	docs, err := p.ImportDocuments([]NewDocument{{Name: "P002", SourceName: "P002.txt", Text: "P002: " + long, Hash: "h2", Words: 60001,
		Turns: []Turn{{Speaker: "P002", Start: 0, ContentStart: 6, End: 6 + len(long)}}}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(p.Path())
	if err != nil {
		t.Fatal(err)
	}
	tx, err := ro.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	sum, err := p.ReplaceEverywhere([]Replacement{{Document: docs[0].ID, Start: 6, End: 6 + len(long), With: "[X]", Expect: long}}, nil, lead.ID)
	if err != nil || sum.Wiped || sum.Replacements != 1 {
		t.Fatalf("ReplaceEverywhere under a reader = %+v, %v", sum, err)
	}
	tx.Rollback()
	ro.Close()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{p.Path(), p.Path() + "-wal"} {
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), "Jenny") {
			t.Errorf("%s still holds the original after Close", filepath.Base(path))
		}
	}
	// The original text alone is 460 KB; the rebuilt file is the schema's
	// pages (which grow with each migration's tables) and the short text.
	if st, err := os.Stat(p.Path()); err != nil || st.Size() > 300<<10 {
		t.Errorf("the file was not rebuilt on Close: %d bytes, %v", st.Size(), err)
	}
}

// A finding dismissed in a memo is kept by memo and span, listed with the
// document ones, and leaves a coder's copy with the memo it was in.
func TestDismissInAMemo(t *testing.T) {
	p, doc, lead, ben := newProject(t)
	seg, err := p.AddSegment(NewSegment{Document: doc, Code: codeID(t, p, "Positive affect"), Coder: lead.ID, Start: 32, End: 50}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := p.AddMemo(MemoProject, 0, "Ring Jenny Holt.", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	own, err := p.AddMemo(MemoSegment, seg.ID, "Maria Lopez said so.", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []Dismissal{
		{Document: doc, Start: 13, End: 18, Kind: "name", Text: "Hello"},
		{Memo: shared.ID, Start: 5, End: 15, Kind: "name", Text: "Jenny Holt"},
		{Memo: own.ID, Start: 0, End: 11, Kind: "name", Text: "Maria Lopez"},
		{Memo: own.ID, Start: 0, End: 11, Kind: "name", Text: "Maria Lopez"}, // again: no change
	} {
		if err := p.Dismiss(d, lead.ID); err != nil {
			t.Fatal(err)
		}
	}
	list, err := p.Dismissals()
	if err != nil || len(list) != 3 || list[0].Document != doc || list[1].Memo != shared.ID || list[2].Memo != own.ID ||
		list[2].Text != "Maria Lopez" || list[2].Coder != lead.ID || list[2].At == "" {
		t.Fatalf("dismissals = %+v, %v", list, err)
	}

	out := filepath.Join(t.TempDir(), "ben.themis")
	if _, err := p.CopyForCoder(ben.ID, out, "study.themis", lead.ID); err != nil {
		t.Fatal(err)
	}
	c, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	list, err = c.Dismissals()
	if err != nil || len(list) != 2 || list[1].Memo != shared.ID {
		t.Errorf("the copy's dismissals = %+v, %v; want the document's and the shared memo's", list, err)
	}
}
