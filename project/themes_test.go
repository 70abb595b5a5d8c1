package project

import (
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"themis/errs"
	"themis/report"
	"themis/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// themeStudy is the hand-counted fixture of the theme views: three
// documents, two coders, a consensus layer, an excluded interviewer and a
// focus group whose voices are different cases.
type themeStudy struct {
	p                  *store.Project
	aisha, ben, cons   store.Coder
	d1, d2, d3         int64
	pa, aq, ew, au, pw int64 // Positive affect, Avowed quality of life, Emotional well-being (factor), Autonomy, Psychological well-being (factor)
	si, sw             int64 // Social integration, Social well-being (factor)
}

// lineDoc makes a document of "Speaker: words" lines, one turn a line.
func lineDoc(name string, lines ...string) store.NewDocument {
	d := store.NewDocument{Name: name, SourceName: name + ".txt", Hash: name, Text: strings.Join(lines, "\n")}
	at := 0
	for _, l := range lines {
		n := len([]rune(l))
		colon := strings.Index(l, ": ")
		d.Turns = append(d.Turns, store.Turn{Speaker: l[:colon], Start: at, ContentStart: at + colon + 2, End: at + n})
		at += n + 1
	}
	return d
}

func newThemeStudy(t *testing.T) themeStudy {
	t.Helper()
	p, a, b := newStudy(t)
	s := themeStudy{p: p, aisha: a, ben: b}
	ids, err := p.ImportDocuments([]store.NewDocument{
		lineDoc("Interview P1",
			"I: How are you feeling lately?",
			"P1: I feel happy and calm now. I decide things myself.",
			"I: Tell me more.",
			"P1: My life is good."),
		lineDoc("Focus group",
			"F: Welcome everyone to the group.",
			"P2: Walking with others makes me happy.",
			"P3: I chose to come on my own.",
			"X: We all feel part of something here.",
			"P2: Life is better than before."),
		lineDoc("Interview LW1",
			"I: What do you see?",
			"LW1: People smile more and join in."),
	}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.d1, s.d2, s.d3 = ids[0].ID, ids[1].ID, ids[2].ID
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(p.AddAttribute("role", store.AttrCategory, a.ID))
	must(p.AddAttribute("nested", store.AttrNumber, a.ID))
	must(p.AddAttribute("interviewed", store.AttrDate, a.ID))
	must(p.LinkCase(s.d1, "Patient 1", map[string]string{"role": "patient", "nested": "1", "interviewed": "2023-05-02"}, a.ID))
	must(p.LinkCase(s.d2, "Focus group", map[string]string{"role": "group", "nested": "2", "interviewed": "2024-03-03"}, a.ID))
	must(p.LinkCase(s.d3, "Link worker 1", map[string]string{"role": "link worker", "nested": "1"}, a.ID))
	p2, err := p.AddCase("Patient 2", a.ID)
	must(err)
	must(p.SetCaseValue(p2.ID, "role", "patient", a.ID))
	must(p.SetCaseValue(p2.ID, "nested", "2", a.ID))
	must(p.SetCaseValue(p2.ID, "interviewed", "2024-01-10", a.ID))
	p3, err := p.AddCase("Patient 3", a.ID) // no nested case: the "(no value)" column
	must(err)
	must(p.SetCaseValue(p3.ID, "role", "patient", a.ID))
	must(p.SetCaseValue(p3.ID, "interviewed", "2024-06-01", a.ID))
	must(p.SetSpeakerCase(s.d2, "P2", p2.ID, a.ID))
	must(p.SetSpeakerCase(s.d2, "P3", p3.ID, a.ID)) // X stays unlinked: the focus group's own case

	code := func(name string) int64 {
		c, err := p.CodeByName(name)
		must(err)
		return c.ID
	}
	s.pa, s.aq, s.ew = code("Positive affect"), code("Avowed quality of life"), code("Emotional well-being")
	s.au, s.pw = code("Autonomy"), code("Psychological well-being")
	s.si, s.sw = code("Social integration"), code("Social well-being")
	texts := map[int64]string{}
	for _, id := range []int64{s.d1, s.d2, s.d3} {
		d, err := p.Document(id)
		must(err)
		texts[id] = d.Text
	}
	seg := func(coder store.Coder, doc, code int64, phrase string) {
		t.Helper()
		i := strings.Index(texts[doc], phrase)
		if i < 0 {
			t.Fatalf("no %q", phrase)
		}
		start := len([]rune(texts[doc][:i]))
		if _, err := p.AddSegment(store.NewSegment{Document: doc, Code: code, Coder: coder.ID, Start: start, End: start + len([]rune(phrase))}, coder.ID); err != nil {
			t.Fatal(err)
		}
	}
	// Aisha
	seg(a, s.d1, s.pa, "I feel happy and calm now")           // a1
	seg(a, s.d1, s.pa, "happy and calm now. I decide")        // a2: overlaps a1, same coder and code
	seg(a, s.d1, s.au, "I decide things myself")              // a3
	seg(a, s.d1, s.aq, "things myself.\nI: Tell me more.")    // a4: runs into the interviewer's turn
	seg(a, s.d1, s.aq, "How are you feeling")                 // a5: wholly the interviewer's
	seg(a, s.d2, s.si, "Walking with others")                 // a6
	seg(a, s.d2, s.pa, "makes me happy")                      // a7
	seg(a, s.d2, s.au, "I chose to come on my own")           // a8
	seg(a, s.d2, s.si, "We all feel part of something here.") // a9
	seg(a, s.d2, s.aq, "Life is better than before")          // a10
	seg(a, s.d3, s.si, "join in")                             // a11
	// Ben
	seg(b, s.d1, s.pa, "calm now")                                         // b1: inside a1
	seg(b, s.d1, s.pa, "My life is good")                                  // b2
	seg(b, s.d2, s.si, "Walking with others makes me happy.\nP3: I chose") // b3: two voices
	seg(b, s.d2, s.pa, "makes me happy")                                   // b4: a7's span
	seg(b, s.d3, s.si, "People smile more and join in")                    // b5
	// Interviewers are excluded after coding, so that a5 exists.
	if _, err := p.ExcludeSpeaker("I", a.ID); err != nil {
		t.Fatal(err)
	}
	must(p.SetSpeakerExcluded(s.d2, "F", true, a.ID))

	cons, err := p.ConsensusLayer(a.ID, b.ID, true)
	must(err)
	s.cons = cons
	span := func(doc int64, phrase string) (int, int) {
		i := strings.Index(texts[doc], phrase)
		st := len([]rune(texts[doc][:i]))
		return st, st + len([]rune(phrase))
	}
	for i, c := range []struct {
		doc    int64
		code   int64
		phrase string
	}{{s.d1, s.pa, "I feel happy and calm now"}, {s.d2, s.si, "Walking with others"}, {s.d3, s.si, "People smile more and join in"}} {
		st, en := span(c.doc, c.phrase)
		_, err := p.Decide(store.Decision{Consensus: cons.ID, Document: c.doc, Item: string(rune('a' + i)), Kind: "only-a", Action: "accept-a",
			DecidedBy: a.ID, Segments: []store.ConsensusSegment{{Code: c.code, Start: st, End: en}}})
		must(err)
	}
	return s
}

// figures is the part of a prevalence row a test states by hand.
type figures struct{ segments, words, documents, cases int }

func rowOf(t *testing.T, s Summary, code int64) PrevalenceRow {
	t.Helper()
	for _, r := range s.Rows {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no row for code %d", code)
	return PrevalenceRow{}
}

// TestSummariseHandCounted checks the prevalence figures against counts
// made by hand from the fixture (see newThemeStudy for a1…a11, b1…b5).
func TestSummariseHandCounted(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	tests := []struct {
		name   string
		layer  Layer
		filter ThemeFilter
		cases  int // in scope
		docs   int
		want   map[int64]figures
	}{
		{
			// Cases in scope: Patient 1 (D1), Patient 2, Patient 3 and Focus
			// group (D2's voices P2, P3 and X; F is excluded), Link worker 1.
			name: "all coders", layer: Layer{}, cases: 5, docs: 3,
			want: map[int64]figures{
				// D1: a1 ∪ a2 ∪ b1 = "I feel happy and calm now. I decide" (8 words), b2 "My life
				// is good" (4); D2: a7 ∪ b4 "makes me happy" (3). Cases Patient 1, Patient 2.
				s.pa: {3, 15, 2, 2},
				// a4 cut to "things myself." (2 words), a5 ignored; a10 "Life is better than
				// before" (5).
				s.aq: {2, 7, 2, 2},
				// the union of the two: D1 3 passages (8+4+2 words), D2 2 (3+5).
				s.ew: {5, 22, 2, 2},
				// a3 "I decide things myself" (4), a8 "I chose to come on my own" (7).
				s.au: {2, 11, 2, 2}, s.pw: {2, 11, 2, 2},
				// D2: a6 ∪ b3 = "Walking with others makes me happy.\nP3: I chose" (9 words, the
				// label "P3:" is a word; cases Patient 2 and Patient 3), a9 (7, Focus group);
				// D3: b5 ∪ a11 (6, Link worker 1).
				s.si: {3, 22, 2, 4}, s.sw: {3, 22, 2, 4},
			},
		},
		{
			name: "Aisha alone", layer: Layer{Coder: s.aisha.ID}, cases: 5, docs: 3,
			want: map[int64]figures{
				// a1 and a2 are two passages; their words are counted once (8); a7 (3).
				s.pa: {3, 11, 2, 2},
				s.aq: {2, 7, 2, 2},
				// own + descendants' passages: a1, a2, a7, a4, a10; words D1 8+2, D2 3+5.
				s.ew: {5, 18, 2, 2},
				s.au: {2, 11, 2, 2},
				// a6 (3 words, Patient 2), a9 (7, Focus group), a11 "join in" (2, Link worker 1).
				s.si: {3, 12, 2, 3},
			},
		},
		{
			name: "consensus", layer: Layer{Coder: 0}, cases: 5, docs: 3, // replaced below
		},
		{
			// Only patients: Patient 1, 2 and 3 are in scope, in D1 and D2. The
			// two-voice passage keeps its patients; a9 (Focus group) and D3 drop out.
			name: "patients", layer: Layer{}, filter: ThemeFilter{Attributes: map[string][]string{"role": {"patient"}}}, cases: 3, docs: 2,
			want: map[int64]figures{
				s.pa: {3, 15, 2, 2},
				s.si: {1, 9, 1, 2},
			},
		},
		{
			// Interviewed in 2024 (a date given as a year): Patient 2, Patient 3, Focus group.
			name: "2024", layer: Layer{}, filter: ThemeFilter{Attributes: map[string][]string{"interviewed": {"2024"}}}, cases: 3, docs: 1,
			want: map[int64]figures{
				s.pa: {1, 3, 1, 1},
				s.si: {2, 16, 1, 3},
			},
		},
		{
			name: "one document", layer: Layer{}, filter: ThemeFilter{Documents: []int64{s.d3}}, cases: 1, docs: 1,
			want: map[int64]figures{
				s.pa: {0, 0, 0, 0},
				s.si: {1, 6, 1, 1},
			},
		},
		{
			// Patient 2 only: the two-voice passage counts for Patient 2 alone.
			name: "one case", layer: Layer{}, filter: ThemeFilter{Cases: []string{"Patient 2"}}, cases: 1, docs: 1,
			want: map[int64]figures{
				s.pa: {1, 3, 1, 1},
				s.aq: {1, 5, 1, 1},
				s.si: {1, 9, 1, 1},
			},
		},
	}
	// The consensus layer: "I feel happy and calm now" (6 words, Patient 1);
	// "Walking with others" (3, Patient 2) and "People smile more and join in" (6, Link worker 1).
	tests[2].layer = Layer{Coder: s.cons.ID}
	tests[2].want = map[int64]figures{s.pa: {1, 6, 1, 1}, s.ew: {1, 6, 1, 1}, s.si: {2, 9, 2, 2}, s.au: {0, 0, 0, 0}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum, err := Summarise(s.p, v, 0, tt.layer, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Scope.Cases != tt.cases || sum.Scope.Documents != tt.docs {
				t.Errorf("scope: %d cases in %d documents, want %d in %d (%v)", sum.Scope.Cases, sum.Scope.Documents, tt.cases, tt.docs, sum.Scope.CaseNames)
			}
			for code, want := range tt.want {
				r := rowOf(t, sum, code)
				got := figures{r.Segments, r.Words, r.Documents, r.Cases}
				if got != want {
					t.Errorf("%s: segments, words, documents, cases = %v, want %v", r.Name, got, want)
				}
				if share := float64(want.cases) / float64(tt.cases); math.Abs(r.CaseShare-share) > 1e-12 {
					t.Errorf("%s: share %v, want %v", r.Name, r.CaseShare, share)
				}
			}
		})
	}
}

func TestSummaryRowsAndScope(t *testing.T) {
	s := newThemeStudy(t)
	sum, err := Summarise(s.p, leadViewer(t, s.p), 0, Layer{}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Scope.Layer.Kind != "all" || sum.Scope.Layer.Name != "All coders" || !reflect.DeepEqual(sum.Scope.Layer.Coders, []string{"Aisha", "Ben"}) {
		t.Errorf("layer = %+v", sum.Scope.Layer)
	}
	wantCases := []string{"Focus group", "Link worker 1", "Patient 1", "Patient 2", "Patient 3"}
	if !reflect.DeepEqual(sum.Scope.CaseNames, wantCases) {
		t.Errorf("cases = %q", sum.Scope.CaseNames)
	}
	ew, pa := rowOf(t, sum, s.ew), rowOf(t, sum, s.pa)
	if !ew.IsFactor || ew.Depth != 0 || ew.Factor != "" || pa.IsFactor || pa.Depth != 1 || pa.Factor != "Emotional well-being" || pa.Ref != "positive-affect" {
		t.Errorf("tree: %+v / %+v", ew, pa)
	}
	if len(sum.Rows) != 16 || sum.Rows[0].Code != s.ew || sum.Rows[1].Code != s.pa {
		t.Errorf("%d rows, first %q", len(sum.Rows), sum.Rows[0].Name)
	}
	golden(t, "summary_all.txt", report.TableText(SummaryTable(sum)))
}

func TestByAttributeHandCounted(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	type cell struct{ segments, cases int }
	tests := []struct {
		attribute string
		columns   []ValueColumn
		want      map[int64][]cell
	}{
		{
			// role: Focus group → group; Link worker 1 → link worker; Patients 1–3 → patient.
			attribute: "role",
			columns:   []ValueColumn{{"group", 1}, {"link worker", 1}, {"patient", 3}},
			want: map[int64][]cell{
				// the two-voice passage is one patient passage of two patients.
				s.si: {{1, 1}, {1, 1}, {1, 2}},
				s.pa: {{0, 0}, {0, 0}, {3, 2}},
			},
		},
		{
			// by year: Patient 1 2023; Patient 2, Patient 3, Focus group 2024; Link worker 1 none.
			attribute: "interviewed",
			columns:   []ValueColumn{{"2023", 1}, {"2024", 3}, {"(no value)", 1}},
			want: map[int64][]cell{
				s.si: {{0, 0}, {2, 3}, {1, 1}},
				s.pa: {{2, 1}, {1, 1}, {0, 0}},
			},
		},
		{
			// numbers: Patient 1 and Link worker 1 → 1; Patient 2, Focus group → 2; Patient 3 none.
			attribute: "nested",
			columns:   []ValueColumn{{"1", 2}, {"2", 2}, {"(no value)", 1}},
			want: map[int64][]cell{
				s.au: {{1, 1}, {0, 0}, {1, 1}},
				s.si: {{1, 1}, {2, 2}, {1, 1}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.attribute, func(t *testing.T) {
			m, err := ByAttribute(s.p, v, 0, Layer{}, ThemeFilter{}, tt.attribute)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(m.Columns, tt.columns) {
				t.Errorf("columns = %v, want %v", m.Columns, tt.columns)
			}
			for _, r := range m.Rows {
				want, ok := tt.want[r.Code]
				if !ok {
					continue
				}
				for k, c := range r.Cells {
					if (cell{c.Segments, c.Cases}) != want[k] {
						t.Errorf("%s × %s: %d segments, %d cases; want %v", r.Name, m.Columns[k].Value, c.Segments, c.Cases, want[k])
					}
					if n := m.Columns[k].Cases; math.Abs(c.Share-float64(want[k].cases)/float64(n)) > 1e-12 {
						t.Errorf("%s × %s: share %v", r.Name, m.Columns[k].Value, c.Share)
					}
				}
			}
			golden(t, "by_"+tt.attribute+".txt", report.TableText(AttributeTable(m)))
		})
	}
	if _, err := ByAttribute(s.p, v, 0, Layer{}, ThemeFilter{}, "shoe size"); !errors.Is(err, errs.NotFound) || !strings.Contains(err.Error(), "shoe size") {
		t.Errorf("an unknown attribute: %v", err)
	}
}

func TestCaseCodeMatrixHandCounted(t *testing.T) {
	s := newThemeStudy(t)
	m, err := CaseCodeMatrix(s.p, leadViewer(t, s.p), 0, Layer{}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range m.Cases {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(names, []string{"Focus group", "Link worker 1", "Patient 1", "Patient 2", "Patient 3"}) || m.Cases[3].Attributes["role"] != "patient" {
		t.Fatalf("columns = %v", m.Cases)
	}
	want := map[int64][]int{
		s.si: {1, 1, 0, 1, 1}, // a9; b5 ∪ a11; —; a6 ∪ b3 for both its voices
		s.pa: {0, 0, 2, 1, 0}, // D1's two passages; a7 ∪ b4
		s.ew: {0, 0, 3, 2, 0}, // + a4 (Patient 1), a10 (Patient 2)
		s.au: {0, 0, 1, 0, 1}, // a3, a8
	}
	for _, r := range m.Rows {
		if w, ok := want[r.Code]; ok && !reflect.DeepEqual(r.Cells, w) {
			t.Errorf("%s: %v, want %v", r.Name, r.Cells, w)
		}
	}
	golden(t, "cases_all.txt", report.TableText(CaseTable(m)))
}

func TestCooccurrenceHandCounted(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	type pair struct {
		a, b  string
		count int
	}
	pairsOf := func(m CoMatrix) []pair {
		var out []pair
		for _, p := range CoPairs(m) {
			out = append(out, pair{p.A.Name, p.B.Name, p.Count})
		}
		return out
	}
	// Aisha: a2 × a3 "I decide" (Positive affect × Autonomy), a3 × a4
	// "things myself" (Autonomy × Avowed quality of life); Ben: b3 × b4
	// "makes me happy" (Social integration × Positive affect). Ben's b3 also
	// overlaps Aisha's a8, but they are different coders.
	all, err := Cooccurrence(s.p, v, 0, 0, Layer{}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []pair{{"Positive affect", "Autonomy", 1}, {"Positive affect", "Social integration", 1}, {"Avowed quality of life", "Autonomy", 1}}
	if got := pairsOf(all); !reflect.DeepEqual(got, want) {
		t.Errorf("all coders: %v, want %v", got, want)
	}
	// Jaccard of Positive affect and Autonomy over (coder, document, code
	// point): Positive affect is Aisha's "I feel happy and calm now. I decide"
	// (35) and "makes me happy" (14), Ben's "calm now" (8), "My life is good"
	// (15) and "makes me happy" (14): 86; Autonomy is Aisha's "I decide things
	// myself" (22) and "I chose to come on my own" (25): 47; they share
	// "I decide" (8): 8 / (86 + 47 − 8) = 8/125.
	for _, p := range CoPairs(all) {
		if p.A.ID == s.pa && p.B.ID == s.au && math.Abs(p.Jaccard-8.0/125) > 1e-12 {
			t.Errorf("Jaccard = %v, want 8/125", p.Jaccard)
		}
	}
	for i, r := range all.Rows {
		if all.Cells[i][i].Count != 0 {
			t.Errorf("diagonal of %s = %d", r.Name, all.Cells[i][i].Count)
		}
	}
	aisha, err := Cooccurrence(s.p, v, 0, 0, Layer{Coder: s.aisha.ID}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pairsOf(aisha); !reflect.DeepEqual(got, []pair{{"Positive affect", "Autonomy", 1}, {"Avowed quality of life", "Autonomy", 1}}) {
		t.Errorf("Aisha: %v", got)
	}
	// Patient 2's voice only: b3 (Patient 2 and 3) × b4 (Patient 2) stays.
	p2, err := Cooccurrence(s.p, v, 0, 0, Layer{}, ThemeFilter{Cases: []string{"Patient 2"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := pairsOf(p2); !reflect.DeepEqual(got, []pair{{"Positive affect", "Social integration", 1}}) {
		t.Errorf("Patient 2: %v", got)
	}
	golden(t, "cooccurrence_all.txt", report.TableText(CoPairTable(all, true)))
}

func TestCooccurrenceAcrossFrameworks(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	fws, err := s.p.Frameworks()
	if err != nil {
		t.Fatal(err)
	}
	fw, origin, err := NewFramework("themes", "")
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.p.CreateFramework(fw, origin, s.aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	codes, err := s.p.CodesOf(other.ID)
	if err != nil {
		t.Fatal(err)
	}
	var theme store.Code
	for _, c := range codes {
		if c.Codable {
			theme = c
			break
		}
	}
	// Aisha codes "I decide" with the theme: it overlaps her a2 (Positive
	// affect) and a3 (Autonomy).
	d, _ := s.p.Document(s.d1)
	i := len([]rune(d.Text[:strings.Index(d.Text, "I decide")]))
	if _, err := s.p.AddSegment(store.NewSegment{Document: s.d1, Code: theme.ID, Coder: s.aisha.ID, Start: i, End: i + 8}, s.aisha.ID); err != nil {
		t.Fatal(err)
	}
	m, err := Cooccurrence(s.p, v, other.ID, fws[0].ID, Layer{}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if m.With.ID != fws[0].ID || len(m.Columns) != 16 {
		t.Fatalf("columns: %s, %d", m.With.Name, len(m.Columns))
	}
	var got []string
	for _, p := range CoPairs(m) {
		got = append(got, p.A.Name+" × "+p.B.Name)
	}
	if want := []string{theme.Name + " × Positive affect", theme.Name + " × Autonomy"}; !reflect.DeepEqual(got, want) {
		t.Errorf("pairs = %q, want %q", got, want)
	}
}

func TestCellPassages(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	ps, err := CellPassages(s.p, v, CellQuery{Code: s.si, Attribute: "role", Value: "patient"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("%d passages", len(ps))
	}
	p := ps[0]
	if p.Text != "Walking with others makes me happy.\nP3: I chose" || p.Case != "Patient 2, Patient 3" || p.Speaker != "P2, P3" ||
		!reflect.DeepEqual(p.Coders, []string{"Aisha", "Ben"}) || len(p.SegmentIDs) != 2 || p.DocumentName != "Focus group" ||
		!reflect.DeepEqual(p.Codes, []string{"Social integration"}) {
		t.Errorf("passage = %+v", p)
	}
	if !strings.HasSuffix(p.Before, "to the group.\nP2: ") || !strings.HasPrefix(p.After, " to come") {
		t.Errorf("context %q … %q", p.Before, p.After)
	}
	// A factor's cell opens its subtree's passages: as many as it counts.
	ps, err = CellPassages(s.p, v, CellQuery{Code: s.ew, Case: "Patient 1"})
	if err != nil || len(ps) != 3 {
		t.Fatalf("%d passages, %v", len(ps), err)
	}
	if ps[0].Text != "I feel happy and calm now. I decide" || ps[1].Text != "things myself.\nI: Tell me more." || ps[2].Text != "My life is good" {
		t.Errorf("passages %q %q %q", ps[0].Text, ps[1].Text, ps[2].Text)
	}
	// Co-occurrence: the pair and its overlap.
	ps, err = CellPassages(s.p, v, CellQuery{Code: s.pa, With: s.au})
	if err != nil || len(ps) != 1 {
		t.Fatalf("%d passages, %v", len(ps), err)
	}
	d, _ := s.p.Document(s.d1)
	r := []rune(d.Text)
	if got := string(r[ps[0].Overlap[0]:ps[0].Overlap[1]]); got != "I decide" || ps[0].Text != "happy and calm now. I decide things myself" ||
		!reflect.DeepEqual(ps[0].Codes, []string{"Positive affect", "Autonomy"}) || !reflect.DeepEqual(ps[0].Coders, []string{"Aisha"}) {
		t.Errorf("pair: overlap %q, %+v", got, ps[0])
	}
	for _, q := range []CellQuery{{}, {Code: 999999}, {Code: s.pa, Case: "Nobody"}, {Code: s.pa, Attribute: "shoe size"}} {
		if _, err := CellPassages(s.p, v, q); err == nil {
			t.Errorf("%+v: no error", q)
		}
	}
}

func TestThemesBlindMode(t *testing.T) {
	s := newThemeStudy(t)
	if err := s.p.SetBlindMode(true, s.aisha.ID); err != nil {
		t.Fatal(err)
	}
	ben, err := ViewerFor(s.p, s.ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []Layer{{Coder: s.aisha.ID}, {Coder: s.cons.ID}} {
		if _, err := Summarise(s.p, ben, 0, l, ThemeFilter{}); !errors.Is(err, errs.Forbidden) {
			t.Errorf("layer %d: %v", l.Coder, err)
		}
		if _, err := Cooccurrence(s.p, ben, 0, 0, l, ThemeFilter{}); !errors.Is(err, errs.Forbidden) {
			t.Errorf("co-occurrence of layer %d: %v", l.Coder, err)
		}
		if _, err := CellPassages(s.p, ben, CellQuery{Code: s.pa, Layer: l}); !errors.Is(err, errs.Forbidden) {
			t.Errorf("passages of layer %d: %v", l.Coder, err)
		}
	}
	sum, err := Summarise(s.p, ben, 0, Layer{}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Ben's own: b1, b2, b4 for Positive affect; b3 and b5 for Social integration.
	if !reflect.DeepEqual(sum.Scope.Layer.Coders, []string{"Ben"}) || rowOf(t, sum, s.pa).Segments != 3 || rowOf(t, sum, s.si).Segments != 2 {
		t.Errorf("Ben's all: %v, %d, %d", sum.Scope.Layer.Coders, rowOf(t, sum, s.pa).Segments, rowOf(t, sum, s.si).Segments)
	}
	if l, err := DefaultLayer(s.p, ben); err != nil || l.Coder != 0 {
		t.Errorf("Ben's default layer: %v, %v", l, err)
	}
	aisha, _ := ViewerFor(s.p, s.aisha.ID)
	if l, err := DefaultLayer(s.p, aisha); err != nil || l.Coder != 0 {
		t.Errorf("the lead in blind mode may not see the consensus: %v, %v", l, err)
	}
	if err := s.p.SetBlindMode(false, s.aisha.ID); err != nil {
		t.Fatal(err)
	}
	if l, err := DefaultLayer(s.p, leadViewer(t, s.p)); err != nil || l.Coder != s.cons.ID {
		t.Errorf("default layer with one consensus layer: %v, %v", l, err)
	}
}

func TestThemesUnknownNames(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	for name, f := range map[string]func() error{
		"framework": func() error { _, err := Summarise(s.p, v, 999, Layer{}, ThemeFilter{}); return err },
		"coder":     func() error { _, err := Summarise(s.p, v, 0, Layer{Coder: 999}, ThemeFilter{}); return err },
		"document": func() error {
			_, err := Summarise(s.p, v, 0, Layer{}, ThemeFilter{Documents: []int64{999}})
			return err
		},
		"case": func() error {
			_, err := Summarise(s.p, v, 0, Layer{}, ThemeFilter{Cases: []string{"Patient 99"}})
			return err
		},
		"attribute": func() error {
			_, err := CaseCodeMatrix(s.p, v, 0, Layer{}, ThemeFilter{Attributes: map[string][]string{"shoe size": {"9"}}})
			return err
		},
		"with": func() error { _, err := Cooccurrence(s.p, v, 0, 999, Layer{}, ThemeFilter{}); return err },
	} {
		if err := f(); !errors.Is(err, errs.NotFound) {
			t.Errorf("unknown %s: %v", name, err)
		}
	}
}

// golden compares got with testdata/themes/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "themes", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs:\n%s\nwant\n%s", name, got, want)
	}
}

// TestThemesSeeChanges checks that the views read the project again after
// any change (the snapshot is kept only while nothing changes), and that
// a second project is not answered from the first one's snapshot.
func TestThemesSeeChanges(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	count := func(p *store.Project, code int64) int {
		t.Helper()
		sum, err := Summarise(p, v, 0, Layer{Coder: s.ben.ID}, ThemeFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return rowOf(t, sum, code).Segments
	}
	if n := count(s.p, s.au); n != 0 {
		t.Fatalf("Ben's Autonomy = %d", n)
	}
	if _, err := s.p.AddSegment(store.NewSegment{Document: s.d3, Code: s.au, Coder: s.ben.ID, Start: 24, End: 30}, s.ben.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(s.p, s.au); n != 1 {
		t.Errorf("after coding, Ben's Autonomy = %d, want 1", n)
	}
	// Excluding LW1 leaves the segment wholly in excluded turns.
	if err := s.p.SetSpeakerExcluded(s.d3, "LW1", true, s.aisha.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(s.p, s.au); n != 0 {
		t.Errorf("after excluding LW1, Ben's Autonomy = %d, want 0", n)
	}
	other := newThemeStudy(t)
	if n := count(other.p, other.au); n != 0 {
		t.Errorf("another project's Autonomy = %d, want 0", n)
	}
}

// TestDocumentWithoutTurns: a document without turns counts for its own
// case, which is in scope; one without a case counts for no case.
func TestDocumentWithoutTurns(t *testing.T) {
	p, a, b := newStudy(t)
	res, err := p.ImportDocuments([]store.NewDocument{
		{Name: "field notes", SourceName: "notes.txt", Hash: "n", Text: "The group met in the garden today."},
		{Name: "memo", SourceName: "memo.txt", Hash: "m", Text: "Nobody in particular said this."},
	}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.LinkCase(res[0].ID, "Site A", nil, a.ID); err != nil {
		t.Fatal(err)
	}
	si, _ := p.CodeByName("Social integration")
	for _, s := range []struct {
		coder store.Coder
		doc   int64
		start int
		end   int
	}{{a, res[0].ID, 4, 13}, {b, res[0].ID, 10, 33}, {a, res[1].ID, 0, 7}} {
		if _, err := p.AddSegment(store.NewSegment{Document: s.doc, Code: si.ID, Coder: s.coder.ID, Start: s.start, End: s.end}, s.coder.ID); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := Summarise(p, leadViewer(t, p), 0, Layer{}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// "group met" ∪ "met in the garden today" = "group met in the garden
	// today" (6 words) for Site A; "Nobody " (1 word) for no case.
	r := rowOf(t, sum, si.ID)
	if got := (figures{r.Segments, r.Words, r.Documents, r.Cases}); got != (figures{2, 7, 2, 1}) || sum.Scope.Cases != 1 || sum.Scope.Documents != 2 {
		t.Errorf("figures %v, scope %d cases in %d documents", got, sum.Scope.Cases, sum.Scope.Documents)
	}
}

// TestThemesConcurrently runs views at once, as the app's bindings may, over
// one snapshot (run with -race).
func TestThemesConcurrently(t *testing.T) {
	s := newThemeStudy(t)
	v := leadViewer(t, s.p)
	want, err := Summarise(s.p, v, 0, Layer{}, ThemeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 8)
	for i := range 8 {
		go func() {
			var err error
			switch i % 4 {
			case 0:
				var got Summary
				if got, err = Summarise(s.p, v, 0, Layer{}, ThemeFilter{}); err == nil && !reflect.DeepEqual(got, want) {
					err = errors.New("a different summary")
				}
			case 1:
				_, err = ByAttribute(s.p, v, 0, Layer{}, ThemeFilter{Cases: []string{"Patient 2"}}, "role")
			case 2:
				_, err = Cooccurrence(s.p, v, 0, 0, Layer{Coder: s.ben.ID}, ThemeFilter{})
			case 3:
				_, err = CellPassages(s.p, v, CellQuery{Code: s.ew})
			}
			errc <- err
		}()
	}
	for range 8 {
		if err := <-errc; err != nil {
			t.Error(err)
		}
	}
}
