package frameworks

import (
	"math"
	"strings"
	"testing"
)

func TestKeyesHasThirteenCodableDimensionsUnderThreeFactors(t *testing.T) {
	f := Keyes()
	if err := f.Validate(); err != nil {
		t.Fatalf("built-in framework invalid: %v", err)
	}
	want := []string{"Positive affect", "Avowed quality of life", "Self-acceptance", "Personal growth",
		"Purpose in life", "Environmental mastery", "Autonomy", "Positive relations with others",
		"Social acceptance", "Social actualisation", "Social contribution", "Social coherence",
		"Social integration"}
	var got []string
	factors := 0
	for _, c := range f.Codes {
		if c.Parent == "" {
			factors++
			if c.Codable {
				t.Errorf("factor %q is codable; factors are parents only", c.Name)
			}
			continue
		}
		if !c.Codable || c.Key == "" || c.Definition == "" || c.Color == "" {
			t.Errorf("dimension %q lacks codable/key/definition/colour: %+v", c.Name, c)
		}
		got = append(got, c.Name)
	}
	if factors != 3 {
		t.Errorf("factors = %d, want 3", factors)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("dimensions =\n%v\nwant\n%v", got, want)
	}
	if n := len(f.Children("social")); n != 5 {
		t.Errorf("social well-being has %d dimensions, want 5", n)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name string
		f    Framework
		want []string
	}{
		{"no name", Framework{}, []string{"no name"}},
		{"duplicate ref", Framework{Name: "x", Codes: []Code{{Ref: "a", Name: "A"}, {Ref: "a", Name: "B"}}}, []string{"repeats the ref"}},
		{"duplicate name ignoring case", Framework{Name: "x", Codes: []Code{{Ref: "a", Name: "Hope"}, {Ref: "b", Name: "hope"}}}, []string{"repeats a name"}},
		{"parent after child", Framework{Name: "x", Codes: []Code{{Ref: "c", Parent: "p", Name: "C"}, {Ref: "p", Name: "P"}}}, []string{`parent "p"`}},
		{"bad colour and key", Framework{Name: "x", Codes: []Code{{Ref: "a", Name: "A", Color: "red", Key: "F1"}}}, []string{"colour", "key"}},
		{"key used twice", Framework{Name: "x", Codes: []Code{{Ref: "a", Name: "A", Key: "1"}, {Ref: "b", Name: "B", Key: "1"}}}, []string{`already used by "A"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Validate()
			if err == nil {
				t.Fatal("Validate() = nil, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestUUIDv5MatchesRFC4122(t *testing.T) {
	// Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got := uuidV5(dns, "python.org"); got != "886313e1-3b8a-5372-9b90-0c9aee199e5d" {
		t.Errorf("uuidV5 = %s", got)
	}
}

func TestGUIDOf(t *testing.T) {
	f := Keyes()
	c := f.Codes[1]
	g := f.GUIDOf(c)
	if !guidPattern.MatchString(g) || g != strings.ToLower(g) || g[14] != '5' {
		t.Errorf("GUIDOf = %q, want a lower-case version 5 uuid", g)
	}
	if f.GUIDOf(c) != g || f.GUIDOf(f.Codes[2]) == g {
		t.Error("GUIDOf is not deterministic or not distinct")
	}
	other := f
	other.Name = "Another"
	if other.GUIDOf(c) == g {
		t.Error("GUIDOf ignores the framework name")
	}
	c.GUID = "{ABC12345-0000-0000-0000-000000000000}"
	if f.GUIDOf(c) != c.GUID {
		t.Error("GUIDOf does not keep an imported guid")
	}
}

func TestRefFor(t *testing.T) {
	taken := map[string]bool{"hope": true}
	for _, tt := range []struct{ name, want string }{
		{"Hope", "hope-2"},
		{"Hope", "hope-3"},
		{"Bien-être  & Santé!", "bien-etre-sante"},
		{"People's   choices", "peoples-choices"},
		{"😀", "code"},
		{"", "code-2"},
		{"Work, volunteering and other activities and a very long tail of words", "work-volunteering-and-other-activities-and-a-ver"},
	} {
		if got := RefFor(tt.name, taken); got != tt.want {
			t.Errorf("RefFor(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if RefFor("Hope", nil) != "hope" {
		t.Error("RefFor with nil taken")
	}
}

func TestValidateNewFields(t *testing.T) {
	nan := math.NaN()
	f := Framework{Name: "x", Codes: []Code{
		{Ref: "a", Name: "A", GUID: "nope", Scale: &nan},
		{Ref: "b", Name: "B", GUID: "0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e"},
		{Ref: "c", Name: "C", GUID: "{0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E}", Definition: "\xff"},
	}}
	err := f.Validate()
	for _, w := range []string{`guid "nope"`, "scale NaN", `already used by "B"`, "not valid UTF-8"} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v lacks %q", err, w)
		}
	}
}
