package project

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"themis/errs"
	"themis/frameworks"
	"themis/search"
	"themis/store"
)

// memoStudy is a project with one document, Aisha (the lead) and Ben, each
// with a segment, blind mode on.
func memoStudy(t *testing.T) (p *store.Project, doc int64, aisha, ben Viewer, segA, segB store.Segment) {
	t.Helper()
	p, err := store.Create(filepath.Join(t.TempDir(), "memos.themis"), frameworks.Keyes(), "Aisha")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	lead, _ := p.Lead()
	b, err := p.AddCoder("Ben", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := p.ImportDocuments([]store.NewDocument{{Name: "P001", SourceName: "P001.txt", Text: "P001: I feel calmer now that I walk by the river every day.", Hash: "h", Words: 12,
		Turns: []store.Turn{{Speaker: "P001", Start: 0, ContentStart: 6, End: 59}}}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc = docs[0].ID
	pa, _ := p.CodeByName("Positive affect")
	if segA, err = p.AddSegment(store.NewSegment{Document: doc, Code: pa.ID, Coder: lead.ID, Start: 6, End: 24}, lead.ID); err != nil {
		t.Fatal(err)
	}
	if segB, err = p.AddSegment(store.NewSegment{Document: doc, Code: pa.ID, Coder: b.ID, Start: 30, End: 59}, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.SetBlindMode(true, lead.ID); err != nil {
		t.Fatal(err)
	}
	if aisha, err = ViewerFor(p, lead.ID); err != nil {
		t.Fatal(err)
	}
	if ben, err = ViewerFor(p, b.ID); err != nil {
		t.Fatal(err)
	}
	return p, doc, aisha, ben, segA, segB
}

func texts(ms []MemoView) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return strings.Join(out, "|")
}

func TestBlindModeHidesOtherCodersSegmentMemos(t *testing.T) {
	p, doc, aisha, ben, segA, segB := memoStudy(t)
	pa, _ := p.CodeByName("Positive affect")
	add := func(v Viewer, kind string, target int64, text string) MemoView {
		t.Helper()
		m, err := AddMemo(p, v, kind, target, text)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	add(aisha, store.MemoProject, 0, "project")
	add(ben, store.MemoDocument, doc, "document")
	add(ben, store.MemoCode, pa.ID, "code")
	mine := add(aisha, store.MemoSegment, segA.ID, "Aisha's segment")
	bens := add(ben, store.MemoSegment, segB.ID, "Ben's *segment*")
	if bens.On() != `segment 2 (Positive affect, “walk by the river every day.”) in “P001”` || !strings.Contains(bens.HTML, "<em>segment</em>") {
		t.Errorf("Ben's memo view = %q, %q", bens.On(), bens.HTML)
	}

	for _, tc := range []struct {
		name string
		v    Viewer
		want string
	}{
		{"the lead in blind mode", aisha, "project|document|code|Aisha's segment"},
		{"Ben in blind mode", ben, "project|document|code|Ben's *segment*"},
	} {
		got, err := Memos(p, tc.v, store.MemoFilter{})
		if err != nil || texts(got) != tc.want {
			t.Errorf("%s sees %q, %v; want %q", tc.name, texts(got), err, tc.want)
		}
	}
	if _, err := MemoOf(p, aisha, bens.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the lead opens Ben's segment memo in blind mode: %v", err)
	}
	if _, err := EditMemo(p, aisha, bens.ID, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the lead edits Ben's hidden memo: %v", err)
	}
	if _, err := AddMemo(p, aisha, store.MemoSegment, segB.ID, "peeking"); errs.KindOf(err) != errs.Forbidden {
		t.Errorf("the lead writes on Ben's segment in blind mode: %v", err)
	}

	lead, _ := p.Lead()
	if err := p.SetBlindMode(false, lead.ID); err != nil {
		t.Fatal(err)
	}
	open, _ := ViewerFor(p, lead.ID)
	if got, _ := Memos(p, open, store.MemoFilter{}); len(got) != 5 {
		t.Errorf("with blind mode off the lead sees %q", texts(got))
	}
	if _, err := EditMemo(p, open, bens.ID, "x"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("the lead edits Ben's memo with blind mode off: %v", err)
	}
	// the lead's undo of a deletion brings the memo back, rendered
	del, err := DeleteMemo(p, open, mine.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, err := RevertMemo(p, open, del.Change)
	if err != nil || back.ID != mine.ID || back.HTML == "" {
		t.Errorf("revert of the deletion = %+v, %v", back, err)
	}
}

func TestSearchFindsMemosAsBlindModeAllows(t *testing.T) {
	p, doc, aisha, ben, segA, segB := memoStudy(t)
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := OpenSearchIn([]string{dir}, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	src := NewSearchSource(p)
	before, _ := src.Version()
	pa, _ := p.CodeByName("Positive affect")
	for _, m := range []struct {
		v      Viewer
		kind   string
		target int64
		text   string
	}{
		{aisha, store.MemoDocument, doc, "recorded beside a noisy kettle"},
		{aisha, store.MemoCode, pa.ID, "kettle rules for this code"},
		{aisha, store.MemoSegment, segA.ID, "calm, or relief?"},
		{ben, store.MemoSegment, segB.ID, "walking as routine, a daily ritual"},
	} {
		if _, err := AddMemo(p, m.v, m.kind, m.target, m.text); err != nil {
			t.Fatal(err)
		}
	}
	// memo changes are followed, one document each; the code memo is on no turn
	changed, ok, err := src.Changed(before)
	if err != nil || !ok || len(changed) != 3 {
		t.Fatalf("Changed after memos = %v, %v, %v", changed, ok, err)
	}
	if err := ix.Refresh(src, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		q      string
		coders []string
		turns  int
	}{
		{"a document memo, everyone", "memo:kettle", []string{"Ben"}, 1},
		{"a word of Ben's memo, for Ben", "memo:rituals", []string{"Ben"}, 1},
		{"Ben's memo hidden from the lead", "memo:ritual", []string{"Aisha"}, 0},
		{"a phrase", `memo:"daily ritual"`, nil, 1},
		{"a phrase in one's own memo", `memo:"daily ritual"`, []string{"Ben"}, 1},
		{"words apart are no phrase", `memo:"routine daily"`, nil, 0},
		{"a prefix", "memo:reli*", []string{"Aisha"}, 1},
		{"a code memo is not on a turn", "memo:rules", nil, 0},
		{"memo and words", "memo:relief river", nil, 1},
		{"no such memo", "memo:ocean", nil, 0},
	} {
		r, err := ix.Query(tc.q, search.Options{Coders: tc.coders})
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if r.Turns != tc.turns {
			t.Errorf("%s: %s as %v matched %d turns, want %d", tc.name, tc.q, tc.coders, r.Turns, tc.turns)
		}
	}
}

// fraction is a time with fractions of a second, which exports leave out.
var fraction = regexp.MustCompile(`T\d\d:\d\d:\d\d\.\d`)

func TestCodebookExportsCarryCodeMemos(t *testing.T) {
	p, _, aisha, ben, _, _ := memoStudy(t)
	pa, _ := p.CodeByName("Positive affect")
	if _, err := AddMemo(p, aisha, store.MemoCode, pa.ID, "Calm counts as *positive*."); err != nil {
		t.Fatal(err)
	}
	if _, err := AddMemo(p, ben, store.MemoCode, pa.ID, "Not relief."); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"yaml", "json", "qdc", "md"} {
		data, err := ExportCodebook(p, 0, format)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if !strings.Contains(s, "Not relief.") || !strings.Contains(s, "Aisha") || fraction.MatchString(s) {
			t.Errorf("%s export lacks the code memos:\n%s", format, s)
		}
		if format == "qdc" && !strings.Contains(s, "Memo (Ben, 20") {
			t.Errorf("qdc memo label missing:\n%s", s)
		}
	}
	// a re-import makes a framework without memos, and does not fail on them
	data, _ := ExportCodebook(p, 0, "yaml")
	lead, _ := p.Lead()
	if _, err := ImportCodebook(p, "again.yaml", data, lead.ID); err != nil {
		t.Errorf("re-importing an export with memos: %v", err)
	}
	if got, _ := p.Memos(store.MemoFilter{Kind: store.MemoCode}); len(got) != 2 {
		t.Errorf("the import wrote memos: %+v", got)
	}
}

func TestThemeReportCarriesCodeMemosWhenChosen(t *testing.T) {
	f := reportStudy(t)
	v := leadViewer(t, f.p)
	benV, err := ViewerFor(f.p, f.ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := AddMemo(f.p, v, store.MemoCode, f.affect.ID, "Calm counts;\n\nrelief does *not*."); err != nil {
		t.Fatal(err)
	}
	if _, err := AddMemo(f.p, benV, store.MemoCode, f.affect.ID, "Agreed."); err != nil {
		t.Fatal(err)
	}
	if _, err := AddMemo(f.p, v, store.MemoSegment, f.benDoc2.ID, "a segment memo stays out"); err != nil {
		t.Fatal(err)
	}
	without, err := ThemeReport(f.p, v, ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m := section(t, without, "Positive affect").Memos; m != nil {
		t.Errorf("memos without asking: %+v", m)
	}
	r, err := ThemeReport(f.p, v, ReportOptions{Memos: true})
	if err != nil {
		t.Fatal(err)
	}
	pa := section(t, r, "Positive affect")
	if len(pa.Memos) != 2 || pa.Memos[0].Author != "Aisha" || pa.Memos[1].Author != "Ben" || !fraction.MatchString(pa.Memos[0].Date+"T00:00:00.0") {
		t.Fatalf("Positive affect memos = %+v", pa.Memos)
	}
	md, err := RenderThemeReport(r, "md")
	if err != nil {
		t.Fatal(err)
	}
	day := pa.Memos[0].Date
	if !strings.Contains(md, "**Memo (Aisha, "+day+").** Calm counts; relief does \\*not\\*.") || strings.Contains(md, "segment memo") {
		t.Errorf("the Markdown report's memos:\n%s", md)
	}
	if html, _ := RenderThemeReport(r, "html"); !strings.Contains(html, "<strong>Memo (Ben, "+day+").</strong> Agreed.") {
		t.Errorf("the HTML report lacks Ben's memo")
	}
}
