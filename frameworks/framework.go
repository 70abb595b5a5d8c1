package frameworks

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Code is one node of a framework tree: a codable code or a grouping factor.
type Code struct {
	// Ref identifies the code inside its framework and links children to
	// parents; it is stable across renames.
	Ref        string
	Parent     string // Ref of the parent factor, "" for a top-level node
	Name       string
	Definition string
	Color      string // "#rrggbb"
	Key        string // keyboard shortcut: one of 0-9 or a-z, "" for none
	Codable    bool
}

// Framework is a named codebook.
type Framework struct {
	Name        string
	Description string
	Codes       []Code // parents come before their children
}

var (
	colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	keyPattern   = regexp.MustCompile(`^[0-9a-z]$`)
)

// Validate reports every problem that would make the framework unusable:
// duplicate refs, names or keys, unknown or later-defined parents, bad colours.
func (f Framework) Validate() error {
	var problems []error
	if strings.TrimSpace(f.Name) == "" {
		problems = append(problems, errors.New("the framework has no name"))
	}
	refs := map[string]bool{}
	names := map[string]bool{}
	keys := map[string]string{}
	for i, c := range f.Codes {
		where := fmt.Sprintf("code %d (%q)", i+1, c.Name)
		switch {
		case strings.TrimSpace(c.Ref) == "":
			problems = append(problems, fmt.Errorf("%s has no ref", where))
		case refs[c.Ref]:
			problems = append(problems, fmt.Errorf("%s repeats the ref %q", where, c.Ref))
		}
		if strings.TrimSpace(c.Name) == "" {
			problems = append(problems, fmt.Errorf("%s has no name", where))
		} else if names[strings.ToLower(c.Name)] {
			problems = append(problems, fmt.Errorf("%s repeats a name already used", where))
		}
		if c.Parent != "" && !refs[c.Parent] {
			problems = append(problems, fmt.Errorf("%s names parent %q, which is not defined before it", where, c.Parent))
		}
		if c.Color != "" && !colorPattern.MatchString(c.Color) {
			problems = append(problems, fmt.Errorf("%s has colour %q; expected #rrggbb", where, c.Color))
		}
		if c.Key != "" {
			if !keyPattern.MatchString(c.Key) {
				problems = append(problems, fmt.Errorf("%s has key %q; expected one of 0-9 or a-z", where, c.Key))
			} else if other, ok := keys[c.Key]; ok {
				problems = append(problems, fmt.Errorf("%s uses key %q, already used by %q", where, c.Key, other))
			} else {
				keys[c.Key] = c.Name
			}
		}
		refs[c.Ref] = true
		names[strings.ToLower(c.Name)] = true
	}
	return errors.Join(problems...)
}

// Children returns the codes whose parent is ref, in framework order.
func (f Framework) Children(ref string) []Code {
	var out []Code
	for _, c := range f.Codes {
		if c.Parent == ref {
			out = append(out, c)
		}
	}
	return out
}
