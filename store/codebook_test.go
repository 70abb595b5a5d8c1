package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"themis/frameworks"
)

// projectState is every code and segment row, to compare before and after.
type projectState struct {
	Codes    []Code
	Segments []segmentRow
	Names    []string
}

func stateOf(t *testing.T, p *Project) projectState {
	t.Helper()
	codes, err := p.Codes()
	if err != nil {
		t.Fatal(err)
	}
	for i := range codes {
		if len(codes[i].Examples) == 0 {
			codes[i].Examples = nil
		}
	}
	segs, err := segmentRows(p.db, "")
	if err != nil {
		t.Fatal(err)
	}
	fws, err := p.Frameworks()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range fws {
		names = append(names, f.Name+"|"+f.Description)
	}
	return projectState{codes, segs, names}
}

func mustSame(t *testing.T, what string, got, want projectState) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: state differs\n got %+v\nwant %+v", what, got, want)
	}
}

func code(t *testing.T, p *Project, doc, codeID, coder int64, start, end int) Segment {
	t.Helper()
	s, err := p.AddSegment(NewSegment{Document: doc, Code: codeID, Coder: coder, Start: start, End: end}, coder)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCodebookEditsAreUndoneAndRedoneExactly(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa, hope := codeID(t, p, "Positive affect"), int64(0)
	code(t, p, doc, pa, a.ID, 32, 38)
	code(t, p, doc, pa, b.ID, 32, 45)
	emotional := codeID(t, p, "Emotional well-being")
	social := codeID(t, p, "Social well-being")
	scale := 2.0

	steps := []struct {
		name string
		do   func() error
		want string // summary fragment
	}{
		{"add", func() error {
			c, err := p.AddCode(0, CodeFields{Parent: emotional, Name: "Hope", Definition: "Looking forward.", Codable: true, Key: "h", Examples: []string{" I can't wait ", ""}}, a.ID)
			hope = c.ID
			return err
		}, "Added “Hope” under “Emotional well-being”"},
		{"in vivo", func() error {
			// a's span duplicates a's Positive affect span: the merge collapses it
			_, _, err := p.CodeInVivo(0, NewSegment{Document: doc, Coder: a.ID, Start: 32, End: 38}, "calmer", hope, a.ID)
			return err
		}, "Added “calmer” under “Hope” from a selection"},
		{"rename", func() error {
			_, err := p.UpdateCode(hope, CodeFields{Name: "Hopefulness", Definition: "Looking forward.", Codable: true, Key: "h", Examples: []string{"I can't wait"}}, a.ID)
			return err
		}, "Renamed “Hope” to “Hopefulness”"},
		{"recolour", func() error {
			c, _ := p.Code(hope)
			_, err := p.UpdateCode(hope, CodeFields{Name: c.Name, Definition: c.Definition, Codable: true, Key: "h", Examples: c.Examples, Color: "#123456"}, a.ID)
			return err
		}, "Recoloured “Hopefulness”"},
		{"rekey and scale", func() error {
			c, _ := p.Code(hope)
			_, err := p.UpdateCode(hope, CodeFields{Name: c.Name, Definition: c.Definition, Codable: true, Key: "j", Examples: c.Examples, Scale: &scale}, a.ID)
			return err
		}, "Changed the key, scale value of “Hopefulness”"},
		{"move", func() error { return p.MoveCode(hope, social, 0, b.ID) }, "Moved “Hopefulness” under “Social well-being”"},
		{"merge", func() error {
			_, err := p.MergeCodes(codeID(t, p, "calmer"), pa, a.ID)
			return err
		}, "Merged “calmer” into “Positive affect”: 0 segments recoded, 1 duplicate collapsed"},
		{"add a sub-code", func() error {
			_, err := p.AddCode(0, CodeFields{Parent: hope, Name: "Plans", Codable: true}, a.ID)
			return err
		}, "Added “Plans” under “Hopefulness”"},
		{"merge with a sub-code", func() error {
			_, err := p.MergeCodes(hope, codeID(t, p, "Social integration"), a.ID)
			return err
		}, "Merged “Hopefulness” into “Social integration”: 0 segments recoded, 1 sub-code moved under it"},
		{"split", func() error {
			segs, _ := p.Segments(SegmentFilter{Code: pa, Coder: b.ID})
			_, err := p.SplitCode(pa, CodeFields{Parent: emotional, Name: "Calm", Codable: true}, []int64{segs[0].ID}, a.ID)
			return err
		}, "Split “Calm” from “Positive affect”, moving 1 segment of 2"},
		{"delete", func() error { _, err := p.DeleteCode(emotional, a.ID); return err }, "Deleted “Emotional well-being” and 3 sub-codes with 2 segments"},
		{"rename framework", func() error { return p.RenameFramework(1, "Flourishing", "Keyes, adapted", a.ID) }, "Renamed the framework “Keyes: flourishing” to “Flourishing”"},
	}
	var states []projectState
	for _, s := range steps {
		states = append(states, stateOf(t, p))
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if st := stateOf(t, p); reflect.DeepEqual(st, states[len(states)-1]) {
			t.Fatalf("%s changed nothing", s.name)
		}
		hist, err := p.CodebookHistory(0)
		if err != nil {
			t.Fatal(err)
		}
		if last := hist[len(hist)-1].Summary; !strings.Contains(last, s.want) {
			t.Errorf("%s: history says %q, want %q", s.name, last, s.want)
		}
	}
	final := stateOf(t, p)
	// Undo everything: each undo brings back the state before its step.
	for i := len(steps) - 1; i >= 0; i-- {
		if _, err := p.UndoCodebook(0, b.ID); err != nil {
			t.Fatalf("undo %s: %v", steps[i].name, err)
		}
		mustSame(t, "after undoing "+steps[i].name, stateOf(t, p), states[i])
	}
	if _, err := p.UndoCodebook(0, b.ID); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo past the start: %v, want ErrNothingToUndo", err)
	}
	for i := range steps {
		if _, err := p.RedoCodebook(0, b.ID); err != nil {
			t.Fatalf("redo %s: %v", steps[i].name, err)
		}
		if i+1 < len(states) {
			mustSame(t, "after redoing "+steps[i].name, stateOf(t, p), states[i+1])
		}
	}
	mustSame(t, "after redoing everything", stateOf(t, p), final)
	hist, _ := p.CodebookHistory(0)
	if got := len(hist); got != 1+3*len(steps) {
		t.Errorf("history has %d entries, want %d", got, 1+3*len(steps))
	}
	for _, h := range hist {
		if h.Undone {
			t.Errorf("%q still marked undone after redo", h.Summary)
		}
	}
}

func TestMergeCollapsesDuplicatesOnlyWithinACoder(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa, aq := codeID(t, p, "Positive affect"), codeID(t, p, "Avowed quality of life")
	code(t, p, doc, pa, a.ID, 32, 38)
	code(t, p, doc, aq, a.ID, 32, 38) // same coder, same span: collapses
	code(t, p, doc, aq, b.ID, 32, 38) // the other coder's stays, recoded
	code(t, p, doc, aq, a.ID, 32, 39) // a different span stays
	res, err := p.MergeCodes(aq, pa, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Moved != 2 || res.Collapsed != 1 {
		t.Errorf("moved %d collapsed %d, want 2 and 1", res.Moved, res.Collapsed)
	}
	segs, _ := p.Segments(SegmentFilter{Code: pa})
	if len(segs) != 4-1 {
		t.Errorf("%d segments with the target, want 3", len(segs))
	}
	if _, err := p.Code(aq); !errors.Is(err, ErrNotFound) {
		t.Errorf("merged code still there: %v", err)
	}
}

func TestCodebookRefusals(t *testing.T) {
	p, doc, a, _ := newProject(t)
	pa := codeID(t, p, "Positive affect")
	emotional := codeID(t, p, "Emotional well-being")
	code(t, p, doc, pa, a.ID, 32, 38)
	tests := []struct {
		name string
		do   func() error
		want string
	}{
		{"no name", func() error { _, err := p.AddCode(0, CodeFields{Name: "  "}, a.ID); return err }, "needs a name"},
		{"name taken ignoring case", func() error { _, err := p.AddCode(0, CodeFields{Name: "positive AFFECT"}, a.ID); return err }, "already has a code called “Positive affect”"},
		{"key taken", func() error { _, err := p.AddCode(0, CodeFields{Name: "Hope", Key: "1"}, a.ID); return err }, "key 1 is already used by “Positive affect”"},
		{"bad key", func() error { _, err := p.AddCode(0, CodeFields{Name: "Hope", Key: "F1"}, a.ID); return err }, "expected one of 0-9 or a-z"},
		{"bad colour", func() error { _, err := p.AddCode(0, CodeFields{Name: "Hope", Color: "red"}, a.ID); return err }, "expected #rrggbb"},
		{"move under itself", func() error { return p.MoveCode(emotional, pa, 0, a.ID) }, "its own sub-code"},
		{"merge into a sub-code", func() error { _, err := p.MergeCodes(emotional, pa, a.ID); return err }, "is a sub-code of"},
		{"merge segments into a grouping code", func() error { _, err := p.MergeCodes(pa, emotional, a.ID); return err }, "not codable"},
		{"uncodable with segments", func() error {
			_, err := p.UpdateCode(pa, CodeFields{Name: "Positive affect", Key: "1"}, a.ID)
			return err
		}, "has 1 segments"},
		{"split a segment of another code", func() error {
			_, err := p.SplitCode(emotional, CodeFields{Name: "X", Codable: true}, []int64{1}, a.ID)
			return err
		}, "is not coded “Emotional well-being”"},
		{"nothing changed", func() error {
			c, _ := p.Code(pa)
			_, err := p.UpdateCode(pa, CodeFields{Name: c.Name, Definition: c.Definition, WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse,
				Examples: c.Examples, Key: c.Key, Codable: true, Color: c.Color}, a.ID)
			return err
		}, "nothing about"},
	}
	before := stateOf(t, p)
	hist, _ := p.CodebookHistory(0)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
		})
	}
	mustSame(t, "after refused changes", stateOf(t, p), before)
	if after, _ := p.CodebookHistory(0); len(after) != len(hist) {
		t.Errorf("refused changes were recorded: %d entries, had %d", len(after), len(hist))
	}
}

func TestUndoRefusesWhenLaterWorkWouldBeLost(t *testing.T) {
	p, doc, a, _ := newProject(t)
	c, err := p.AddCode(0, CodeFields{Name: "Hope", Codable: true}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	code(t, p, doc, c.ID, a.ID, 32, 38) // coding with the new code, outside the codebook history
	before := stateOf(t, p)
	_, err = p.UndoCodebook(0, a.ID)
	if err == nil || !strings.Contains(err.Error(), "has changed since") {
		t.Fatalf("undo = %v, want a refusal naming what changed", err)
	}
	mustSame(t, "after a refused undo", stateOf(t, p), before)

	// A rename by hand in between also blocks undoing the earlier add.
	d, _ := p.AddCode(0, CodeFields{Name: "Calm", Codable: true}, a.ID)
	if _, err := p.db.Exec(`UPDATE codes SET name = 'Calmness' WHERE id = ?`, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UndoCodebook(0, a.ID); err == nil || !strings.Contains(err.Error(), "“Calmness”") {
		t.Errorf("undo after an outside edit = %v", err)
	}
}

func TestUndoDeleteGetsItsIDsBackEvenAfterNewCoding(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa := codeID(t, p, "Positive affect")
	aq := codeID(t, p, "Avowed quality of life")
	code(t, p, doc, aq, a.ID, 32, 38)
	last := code(t, p, doc, pa, b.ID, 32, 40) // the highest segment id
	im, err := p.DeleteCode(pa, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if im.Segments != 1 || im.ByCoder[b.ID] != 1 {
		t.Errorf("impact = %+v", im)
	}
	// New coding and a new code after the delete must not take the ids back.
	fresh := code(t, p, doc, aq, b.ID, 40, 45)
	if fresh.ID <= last.ID {
		t.Errorf("new segment got id %d, not above the deleted %d", fresh.ID, last.ID)
	}
	other, _ := p.AddCode(0, CodeFields{Name: "Hope", Codable: true}, a.ID)
	if other.ID <= pa {
		t.Errorf("new code got id %d, not above the deleted %d", other.ID, pa)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil { // the add
		t.Fatal(err)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil { // the delete
		t.Fatal(err)
	}
	segs, _ := p.Segments(SegmentFilter{Code: pa})
	if len(segs) != 1 || segs[0].ID != last.ID || segs[0].Coder != b.ID {
		t.Errorf("restored segments = %+v, want segment %d of Ben", segs, last.ID)
	}
}

func TestInVivoIsOneChange(t *testing.T) {
	p, doc, a, _ := newProject(t)
	before := stateOf(t, p)
	c, seg, err := p.CodeInVivo(0, NewSegment{Document: doc, Coder: a.ID, Start: 32, End: 38}, "feel calmer", codeID(t, p, "Emotional well-being"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if seg.Code != c.ID || !c.Codable || c.Ref != "feel-calmer" {
		t.Errorf("code %+v segment %+v", c, seg)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	mustSame(t, "after undoing in-vivo coding", stateOf(t, p), before)
	// A bad span makes nothing: no code without its segment.
	if _, _, err := p.CodeInVivo(0, NewSegment{Document: doc, Coder: a.ID, Start: 40, End: 400}, "Later", 0, a.ID); err == nil {
		t.Fatal("in-vivo coding outside the document succeeded")
	}
	mustSame(t, "after refused in-vivo coding", stateOf(t, p), before)
}

func TestFrameworksTagsAndVersions(t *testing.T) {
	p, _, a, _ := newProject(t)
	v, err := p.CodebookVersion(0)
	if err != nil || v.Label() != "revision 0" {
		t.Fatalf("new project's version = %q, %v", v.Label(), err)
	}
	if _, err := p.TagCodebook(0, "v1 agreed", "before round two", a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.TagCodebook(0, "V1 AGREED", "", a.ID); err == nil {
		t.Error("a second tag with the same name was accepted")
	}
	if v, _ := p.CodebookVersion(0); v.Label() != "v1 agreed, revision 0" {
		t.Errorf("tagged version = %q", v.Label())
	}
	p.AddCode(0, CodeFields{Name: "Hope", Codable: true}, a.ID)
	p.AddCode(0, CodeFields{Name: "Calm", Codable: true}, a.ID)
	if v, _ := p.CodebookVersion(0); v.Label() != "revision 2, 2 changes after v1 agreed" {
		t.Errorf("version after changes = %q", v.Label())
	}

	themes, err := frameworks.BuiltinFramework("themes")
	if err != nil {
		t.Fatal(err)
	}
	f2, err := p.CreateFramework(themes, "the built-in themes", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	active, _ := p.Framework()
	if active.ID != f2.ID || !active.Active {
		t.Errorf("active framework = %+v, want the new one", active)
	}
	again, _ := p.CreateFramework(themes, "", a.ID)
	if again.Name != themes.Name+" (2)" {
		t.Errorf("second copy named %q", again.Name)
	}
	if err := p.SetActiveFramework(1, a.ID); err != nil {
		t.Fatal(err)
	}
	if c, err := p.CodeByName("Hope"); err != nil || c.Framework != 1 {
		t.Errorf("CodeByName prefers the active framework: %+v %v", c, err)
	}
	codes, _ := p.CodesOf(f2.ID)
	if len(codes) != len(themes.Codes) {
		t.Errorf("%d codes in the new framework, want %d", len(codes), len(themes.Codes))
	}
	exported, err := p.ExportFramework(f2.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range exported.Codes {
		if exported.Codes[i].GUID != themes.GUIDOf(themes.Codes[i]) {
			t.Errorf("code %q has guid %q, want the one derived at import", exported.Codes[i].Name, exported.Codes[i].GUID)
		}
		exported.Codes[i].GUID = ""
	}
	if !reflect.DeepEqual(exported.Codes, themes.Codes) {
		t.Errorf("exported framework differs from the imported one")
	}
	// Changes to one framework do not show in another's history.
	if h, _ := p.CodebookHistory(f2.ID); len(h) != 1 || h[0].Action != "create" || !strings.Contains(h[0].Summary, "from the built-in themes") {
		t.Errorf("new framework's history = %+v", h)
	}
}

// TestRandomCodebookEditsUndoToTheStart drives random edits, then undoes them
// all, checking the project is exactly as it began, and redoes them all.
func TestRandomCodebookEditsUndoToTheStart(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			p, doc, a, b := newProject(t)
			rng := rand.New(rand.NewPCG(seed, 7))
			for _, name := range []string{"Positive affect", "Social integration", "Autonomy"} {
				id := codeID(t, p, name)
				for k := 0; k < 3; k++ {
					s := 32 + rng.IntN(12)
					code(t, p, doc, id, []int64{a.ID, b.ID}[k%2], s, s+1+rng.IntN(6))
				}
			}
			start := stateOf(t, p)
			done := 0
			for i := 0; i < 25; i++ {
				codes, _ := p.CodesOf(0)
				if len(codes) == 0 {
					break
				}
				pick := func() Code { return codes[rng.IntN(len(codes))] }
				var err error
				switch rng.IntN(6) {
				case 0:
					_, err = p.AddCode(0, CodeFields{Parent: pick().ID, Name: fmt.Sprintf("New %d", i), Codable: true}, a.ID)
				case 1:
					c := pick()
					_, err = p.UpdateCode(c.ID, CodeFields{Name: c.Name + "'", Definition: c.Definition, Codable: c.Codable, Key: c.Key, Examples: c.Examples}, a.ID)
				case 2:
					err = p.MoveCode(pick().ID, pick().ID, rng.IntN(4), a.ID)
				case 3:
					_, err = p.MergeCodes(pick().ID, pick().ID, a.ID)
				case 4:
					c := pick()
					segs, _ := p.Segments(SegmentFilter{Code: c.ID})
					var ids []int64
					for _, s := range segs {
						if rng.IntN(2) == 0 {
							ids = append(ids, s.ID)
						}
					}
					_, err = p.SplitCode(c.ID, CodeFields{Parent: c.Parent, Name: fmt.Sprintf("Split %d", i), Codable: true}, ids, a.ID)
				case 5:
					if len(codes) <= 4 {
						continue
					}
					_, err = p.DeleteCode(pick().ID, a.ID)
				}
				if err != nil && !errors.Is(err, ErrInvalid) {
					t.Fatalf("step %d: %v", i, err)
				}
				if err == nil {
					done++
				}
			}
			end := stateOf(t, p)
			for i := 0; i < done; i++ {
				if _, err := p.UndoCodebook(0, a.ID); err != nil {
					t.Fatalf("undo %d of %d: %v", i+1, done, err)
				}
			}
			mustSame(t, "after undoing every edit", stateOf(t, p), start)
			for i := 0; i < done; i++ {
				if _, err := p.RedoCodebook(0, a.ID); err != nil {
					t.Fatalf("redo %d of %d: %v", i+1, done, err)
				}
			}
			mustSame(t, "after redoing every edit", stateOf(t, p), end)
		})
	}
}

// A code added without a colour gets one that stands apart from every colour
// the codebook already uses: Keyes' sixteen bright hues left the old
// count-based pick a near repeat of an orange.
func TestNewCodeColourIsDistinct(t *testing.T) {
	p, _, a, _ := newProject(t)
	codes, err := p.Codes()
	if err != nil {
		t.Fatal(err)
	}
	var used []string
	for _, c := range codes {
		used = append(used, c.Color)
	}
	for _, name := range []string{"Hope", "Fear", "Grief"} {
		c, err := p.AddCode(0, CodeFields{Name: name, Codable: true}, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range used {
			if d := colorDistance(c.Color, u); d < 100 {
				t.Errorf("%s got %s, only %.0f from %s already in use", name, c.Color, d, u)
			}
		}
		used = append(used, c.Color)
	}
	// A colour given is kept.
	if c, err := p.AddCode(0, CodeFields{Name: "Joy", Color: "#F97316"}, a.ID); err != nil || c.Color != "#f97316" {
		t.Errorf("given colour: %v %v", c.Color, err)
	}
}
