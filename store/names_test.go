package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"themis/frameworks"
)

// Names are one line of visible text: a control character (an escape
// sequence for the terminal, a line break) or a bidirectional override in a
// coder, code, framework, case, attribute, document or tag name is refused
// wherever the name enters, whoever enters it, and the project is unchanged.
func TestNamesRefuseControlCharacters(t *testing.T) {
	bad := map[string]string{
		"escape":         "Ben\x1b[2J",
		"newline":        "Ben\nAisha",
		"carriage":       "Ben\rX",
		"tab":            "Be\tn",
		"NUL":            "Ben\x00",
		"DEL":            "Ben\x7f",
		"C1 CSI":         "Ben\u009b31m",
		"RLO":            "Ben\u202etxt.exe",
		"LRE":            "\u202aBen",
		"RLI":            "Ben\u2067",
		"PDI":            "Ben\u2069",
		"line separator": "Ben\u2028Chen",
	}
	for kind, name := range bad {
		t.Run(kind, func(t *testing.T) {
			p, doc, lead, _ := newProject(t)
			before, _ := p.Journal(0)
			code := codeID(t, p, "Positive affect")
			fw, _ := p.Framework()
			withName := frameworks.Framework{Name: "F", Codes: []frameworks.Code{{Ref: "a", Name: name, Codable: true}}}
			named := frameworks.Framework{Name: name}
			cases := []struct {
				what string
				err  error
			}{
				{"AddCoder", second(p.AddCoder(name, lead.ID))},
				{"ImportSegments", second(p.ImportSegments([]NewSegment{{Document: doc, Code: code, CoderName: name, Start: 32, End: 36}}, lead.ID))},
				{"AddCode", second(p.AddCode(fw.ID, CodeFields{Name: name, Codable: true}, lead.ID))},
				{"UpdateCode", second(p.UpdateCode(code, CodeFields{Name: name, Codable: true}, lead.ID))},
				{"CreateFramework code", second(p.CreateFramework(withName, "test", lead.ID))},
				{"CreateFramework name", second(p.CreateFramework(named, "test", lead.ID))},
				{"RenameFramework", p.RenameFramework(fw.ID, name, "", lead.ID)},
				{"TagCodebook", second(p.TagCodebook(fw.ID, name, "", lead.ID))},
				{"AddCase", second(p.AddCase(name, lead.ID))},
				{"LinkCase", p.LinkCase(doc, name, nil, lead.ID)},
				{"LinkCase attribute", p.LinkCase(doc, "Patient 1", map[string]string{name: "x"}, lead.ID)},
				{"AddAttribute", p.AddAttribute(name, "text", lead.ID)},
				{"ImportCases case", second(p.ImportCases(CaseSheet{Source: "cases.csv", Cases: []SheetCase{{Name: name, Row: 2}}}, lead.ID))},
				{"ImportCases attribute", second(p.ImportCases(CaseSheet{Source: "cases.csv", Attributes: []Attribute{{Name: name, Type: "text"}},
					Cases: []SheetCase{{Name: "P1", Row: 2, Values: map[string]string{name: "x"}}}}, lead.ID))},
				{"RenameDocument", p.RenameDocument(doc, name, lead.ID)},
			}
			for _, c := range cases {
				if !errors.Is(c.err, ErrInvalid) || !strings.Contains(c.err.Error(), "name") {
					t.Errorf("%s(%q): %v, want ErrInvalid about the name", c.what, name, c.err)
				} else if strings.ContainsFunc(c.err.Error(), func(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) || (r >= 0x2028 && r <= 0x2069) }) {
					t.Errorf("%s: the message carries the character itself: %q", c.what, c.err)
				}
			}
			// Renaming a case or an attribute that exists.
			c, err := p.AddCase("Patient 9", lead.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.RenameCase(c.ID, name, lead.ID); !errors.Is(err, ErrInvalid) {
				t.Errorf("RenameCase: %v", err)
			}
			if err := p.AddAttribute("role", "text", lead.ID); err != nil {
				t.Fatal(err)
			}
			if err := p.RenameAttribute("role", name, lead.ID); !errors.Is(err, ErrInvalid) {
				t.Errorf("RenameAttribute: %v", err)
			}
			after, _ := p.Journal(0)
			if len(after) != len(before)+2 {
				t.Errorf("journal grew by %d entries, want the 2 of the valid case and attribute", len(after)-len(before))
			}
		})
	}
	if _, err := Create(filepath.Join(t.TempDir(), "x.themis"), frameworks.Keyes(), "Lead\x1b]0;owned\x07"); !errors.Is(err, ErrInvalid) {
		t.Errorf("Create with a lead named with an escape: %v", err)
	}
}

// A document's name comes from its file's name, which the user did not
// choose to type: its control characters are taken out rather than refused.
func TestDocumentNamesFromFilesLoseControlCharacters(t *testing.T) {
	p, _, lead, _ := newProject(t)
	got, err := p.ImportDocuments([]NewDocument{{
		Name: "P002\x1b[31m red\u202e", SourceName: "P002\x1b[31m red\u202e.txt", Text: "P002: fine", Hash: "h2", Words: 2,
		Turns: []Turn{{Speaker: "P002", Start: 0, ContentStart: 6, End: 10}},
	}}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	info, err := p.DocumentByName("P002[31m red")
	if err != nil || info.ID != got[0].ID {
		t.Errorf("document stored as %+v (%v), want the name without its control characters", got, err)
	}
	if info.SourceName != "P002[31m red.txt" {
		t.Errorf("source file name stored as %q", info.SourceName)
	}
	// Ordinary names in any script, with punctuation, stay as they are.
	for _, ok := range []string{"Zoë O'Neill", "مريم", "李华 (P003)", "Ben – 2nd pass", "שלום"} {
		if _, err := p.AddCoder(ok, lead.ID); err != nil {
			t.Errorf("AddCoder(%q): %v", ok, err)
		}
	}
}

func second[T any](_ T, err error) error { return err }
