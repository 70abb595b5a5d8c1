package frameworks

import (
	"reflect"
	"testing"
)

// A REFI-QDA project carries a code's rules and examples in its
// Description as a codebook does; SplitCodeDescription gives them back.
func TestCodeDescriptionRoundTrip(t *testing.T) {
	for _, c := range []Code{
		{},
		{Definition: "Only a definition."},
		{Definition: "Feeling good.\n\nTwo paragraphs.", WhenToUse: "Own mood.", WhenNotToUse: "Someone else's.", Examples: []string{"I'm humming.", "Calmer now."}},
		{WhenToUse: "No definition, a rule."},
		{Definition: "With memos.", Memos: []Memo{{Author: "Aisha", Created: "2026-12-07T10:00:00Z", Text: "Merge?"}}},
	} {
		d := CodeDescription(c)
		def, when, whenNot, examples, memos := SplitCodeDescription(d)
		got := Code{Definition: def, WhenToUse: when, WhenNotToUse: whenNot, Examples: examples}
		want := Code{Definition: c.Definition, WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse, Examples: c.Examples}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q came back as %+v, want %+v", d, got, want)
		}
		if len(memos) != len(c.Memos) || len(memos) > 0 && (memos[0].Author != "Aisha" || memos[0].Text != "Merge?" || memos[0].Created != "2026-12-07") {
			t.Errorf("%q: memos %+v", d, memos)
		}
	}
}

func TestNameGUIDIsGUIDOf(t *testing.T) {
	f := Framework{Name: "Keyes"}
	if got, want := f.GUIDOf(Code{Ref: "positive-affect"}), NameGUID("Keyes\x00positive-affect"); got != want {
		t.Errorf("GUIDOf %s, NameGUID %s", got, want)
	}
	if got := f.GUIDOf(Code{Ref: "x", GUID: "kept"}); got != "kept" {
		t.Errorf("an imported guid became %s", got)
	}
}
