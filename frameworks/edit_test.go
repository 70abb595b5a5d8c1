package frameworks

import (
	"math"
	"testing"
)

func TestCleanCode(t *testing.T) {
	nan, two := math.NaN(), 2.0
	c, err := CleanCode(Code{Name: "  Hope ", Key: " H ", Color: "#ABCDEF", Examples: []string{" a ", "  ", "b"}, Scale: &two})
	if err != nil || c.Name != "Hope" || c.Key != "h" || c.Color != "#abcdef" || len(c.Examples) != 2 || c.Examples[0] != "a" {
		t.Errorf("CleanCode = %+v, %v", c, err)
	}
	for _, tt := range []struct {
		c    Code
		want string
	}{
		{Code{Name: "  "}, "a code needs a name"},
		{Code{Name: "x", Color: "red"}, `colour "red": expected #rrggbb`},
		{Code{Name: "x", Key: "F1"}, `key "f1": expected one of 0-9 or a-z`},
		{Code{Name: "x", Scale: &nan}, "the scale value must be a number"},
	} {
		if _, err := CleanCode(tt.c); err == nil || err.Error() != tt.want {
			t.Errorf("CleanCode(%+v) = %v, want %q", tt.c, err, tt.want)
		}
	}
}

func TestCheckUnique(t *testing.T) {
	others := []Code{{Name: "Hope", Key: "h"}, {Name: "Calm", Key: "c"}}
	notSelf := func(int) bool { return false }
	if err := CheckUnique(Code{Name: "hope"}, others, notSelf); err == nil || err.Error() != "this codebook already has a code called “Hope”" {
		t.Errorf("same name ignoring case: %v", err)
	}
	if err := CheckUnique(Code{Name: "Joy", Key: "c"}, others, notSelf); err == nil || err.Error() != "the key c is already used by “Calm”" {
		t.Errorf("same key: %v", err)
	}
	if err := CheckUnique(Code{Name: "Hope", Key: "h"}, others, func(i int) bool { return i == 0 }); err != nil {
		t.Errorf("a code is not its own duplicate: %v", err)
	}
}

func TestDescribeEdit(t *testing.T) {
	one := 1.0
	base := Code{Name: "Hope", Color: "#111111", Key: "h"}
	with := func(f func(*Code)) Code { c := base; f(&c); return c }
	for _, tt := range []struct {
		now             Code
		action, summary string
	}{
		{base, "", ""},
		{with(func(c *Code) { c.Name = "Optimism" }), "rename", "Renamed “Hope” to “Optimism”"},
		{with(func(c *Code) { c.Color = "#222222" }), "recolour", "Recoloured “Hope” from #111111 to #222222"},
		{with(func(c *Code) { c.Key = "" }), "rekey", "Changed the key of “Hope” from h to none"},
		{with(func(c *Code) { c.Name, c.Definition = "Optimism", "d" }), "edit", "Renamed “Hope” to “Optimism” and changed its definition"},
		{with(func(c *Code) { c.Examples, c.Scale = []string{"e"}, &one }), "edit", "Changed the examples, scale value of “Hope”"},
	} {
		action, summary := DescribeEdit(base, tt.now)
		if action != tt.action || summary != tt.summary {
			t.Errorf("DescribeEdit(%+v) = %q, %q; want %q, %q", tt.now, action, summary, tt.action, tt.summary)
		}
	}
}

func TestMergeSummary(t *testing.T) {
	if got := MergeSummary("Joy", "Hope", 1, 0, 0); got != "Merged “Joy” into “Hope”: 1 segment recoded" {
		t.Errorf("got %q", got)
	}
	if got := MergeSummary("Joy", "Hope", 3, 2, 1); got != "Merged “Joy” into “Hope”: 3 segments recoded, 2 duplicates collapsed, 1 sub-code moved under it" {
		t.Errorf("got %q", got)
	}
}

func TestChangeSummaries(t *testing.T) {
	action, rename := RenameFrameworkSummary("Keyes", "Keyes 2")
	_, edit := RenameFrameworkSummary("Keyes", "Keyes")
	for _, tt := range []struct{ got, want string }{
		{AddSummary("Hope", "", false), "Added “Hope”"},
		{AddSummary("Hope", "Affect", true), "Added “Hope” under “Affect” from a selection, coding it"},
		{MoveSummary("Hope", 2, "Affect", true), "Moved “Hope” to place 2 under “Affect”"},
		{MoveSummary("Hope", 1, "", false), "Moved “Hope” to the top level"},
		{MoveSummary("Hope", 1, "Affect", false), "Moved “Hope” under “Affect”"},
		{SplitSummary("Joy", "Hope", 1, 4), "Split “Joy” from “Hope”, moving 1 segment of 4"},
		{DeleteSummary("Hope", 0, 0), "Deleted “Hope”"},
		{DeleteSummary("Hope", 2, 1), "Deleted “Hope” and 2 sub-codes with 1 segment"},
		{CreateSummary("Keyes", 1, ""), "Created “Keyes” with 1 code"},
		{CreateSummary("Keyes", 13, "the built-in Keyes"), "Created “Keyes” with 13 codes from the built-in Keyes"},
		{action + ": " + rename, "rename: Renamed the framework “Keyes” to “Keyes 2”"},
		{edit, "Changed the description of “Keyes”"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
