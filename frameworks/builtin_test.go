package frameworks

import (
	"strings"
	"testing"
)

func TestBuiltinsParseValidateAndAreListedInOrder(t *testing.T) {
	list := Builtins()
	var ids []string
	for _, b := range list {
		ids = append(ids, b.ID)
		f, err := BuiltinFramework(b.ID)
		if err != nil {
			t.Fatalf("built-in %s: %v", b.ID, err)
		}
		if err := f.Validate(); err != nil {
			t.Errorf("built-in %s invalid: %v", b.ID, err)
		}
		if f.Name != b.Name || f.Description != b.Description || b.Name == "" || b.Description == "" {
			t.Errorf("built-in %s: listing %+v does not match framework %q", b.ID, b, f.Name)
		}
		for _, c := range f.Codes {
			if c.Definition == "" || c.Color == "" {
				t.Errorf("built-in %s: code %q lacks a definition or colour", b.ID, c.Name)
			}
		}
	}
	if got := strings.Join(ids, ","); got != "keyes,themes,outcomes-star" {
		t.Errorf("Builtins() ids = %s", got)
	}
}

func TestBuiltinFrameworkUnknownIDListsTheKnownOnes(t *testing.T) {
	_, err := BuiltinFramework("nope")
	if err == nil || !strings.Contains(err.Error(), "keyes, themes, outcomes-star") {
		t.Errorf("err = %v", err)
	}
}

func TestBuiltinCallsReturnIndependentCopies(t *testing.T) {
	a := Keyes()
	a.Codes[1].Examples[0] = "changed"
	a.Codes[0].Name = "changed"
	if b := Keyes(); b.Codes[1].Examples[0] == "changed" || b.Codes[0].Name == "changed" {
		t.Error("changing one Keyes() changed the next")
	}
}

func TestThemesTree(t *testing.T) {
	f, _ := BuiltinFramework("themes")
	var themes []Code
	for _, c := range f.Codes {
		if c.Parent == "" {
			themes = append(themes, c)
			if !c.Codable {
				t.Errorf("theme %q is not codable", c.Name)
			}
		}
	}
	if len(themes) != 3 {
		t.Fatalf("%d themes, want 3", len(themes))
	}
	for _, th := range themes {
		if len(f.Children(th.Ref)) < 4 {
			t.Errorf("theme %q has %d sub-themes", th.Name, len(f.Children(th.Ref)))
		}
	}
}

func TestOutcomesStar(t *testing.T) {
	f, _ := BuiltinFramework("outcomes-star")
	areas := f.Children("areas")
	want := "Feeling positive|Lifestyle|Looking after yourself|Managing symptoms|Work, volunteering and other activities|Money|Where you live|Family and friends"
	var names []string
	for _, a := range areas {
		names = append(names, a.Name)
		if !a.Codable || a.Scale != nil {
			t.Errorf("area %q: codable %v scale %v", a.Name, a.Codable, a.Scale)
		}
	}
	if strings.Join(names, "|") != want {
		t.Errorf("areas = %v", names)
	}
	journey := f.Children("journey")
	if len(journey) != 5 {
		t.Fatalf("%d journey steps, want 5", len(journey))
	}
	for i, s := range journey {
		if s.Scale == nil || *s.Scale != float64(i+1) || !s.Codable {
			t.Errorf("step %q: scale %v codable %v, want %d", s.Name, s.Scale, s.Codable, i+1)
		}
	}
}
