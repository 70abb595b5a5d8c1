package frameworks

import (
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
