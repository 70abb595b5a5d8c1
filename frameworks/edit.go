package frameworks

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"themis/internal/prose"
)

// This file holds the rules and the words of editing a stored codebook:
// what a code's fields may hold, and how the codebook's history names each
// change. The store applies them inside its transactions; they live
// here, beside Validate, because they are the codebook's rules, not SQL.

// CleanCode trims c's text fields, lower-cases its key and colour, drops
// blank examples, and checks the fields a code must get right on its own: a
// name, a colour #rrggbb, a key 0-9 or a-z, a finite scale value. Checks
// against the other codes (a unique name and key) are CheckUnique's.
func CleanCode(c Code) (Code, error) {
	c.Name = strings.TrimSpace(c.Name)
	c.Definition, c.WhenToUse, c.WhenNotToUse = strings.TrimSpace(c.Definition), strings.TrimSpace(c.WhenToUse), strings.TrimSpace(c.WhenNotToUse)
	c.Key = strings.ToLower(strings.TrimSpace(c.Key))
	c.Color = strings.ToLower(strings.TrimSpace(c.Color))
	var examples []string
	for _, e := range c.Examples {
		if e = strings.TrimSpace(e); e != "" {
			examples = append(examples, e)
		}
	}
	c.Examples = examples
	switch {
	case c.Name == "":
		return c, fmt.Errorf("a code needs a name")
	case c.Color != "" && !colorPattern.MatchString(c.Color):
		return c, fmt.Errorf("colour %q: expected #rrggbb", c.Color)
	case c.Key != "" && !keyPattern.MatchString(c.Key):
		return c, fmt.Errorf("key %q: expected one of 0-9 or a-z", c.Key)
	case c.Scale != nil && (math.IsNaN(*c.Scale) || math.IsInf(*c.Scale, 0)):
		return c, fmt.Errorf("the scale value must be a number")
	}
	return c, nil
}

// CheckUnique refuses c when another code of the codebook (others, which
// may include c itself, told apart by isSelf) has its name, ignoring case, or
// its key.
func CheckUnique(c Code, others []Code, isSelf func(i int) bool) error {
	for i, o := range others {
		if isSelf(i) {
			continue
		}
		if strings.EqualFold(o.Name, c.Name) {
			return fmt.Errorf("this codebook already has a code called “%s”", o.Name)
		}
		if c.Key != "" && o.Key == c.Key {
			return fmt.Errorf("the key %s is already used by “%s”", c.Key, o.Name)
		}
	}
	return nil
}

// DescribeEdit names what an edit of a code changed, in the words of the
// codebook's history: the action ("rename", "recolour", "rekey", "edit")
// and a summary. Both are "" when nothing changed.
func DescribeEdit(old, now Code) (action, summary string) {
	var parts []string
	add := func(changed bool, what string) {
		if changed {
			parts = append(parts, what)
		}
	}
	add(old.Name != now.Name, "name")
	add(old.Definition != now.Definition, "definition")
	add(old.WhenToUse != now.WhenToUse, "when to use")
	add(old.WhenNotToUse != now.WhenNotToUse, "when not to use")
	add(strings.Join(old.Examples, "\x00") != strings.Join(now.Examples, "\x00"), "examples")
	add(old.Color != now.Color, "colour")
	add(old.Key != now.Key, "key")
	add(old.Codable != now.Codable, "codable")
	add(scaleText(old.Scale) != scaleText(now.Scale), "scale value")
	switch {
	case len(parts) == 0:
		return "", ""
	case len(parts) == 1 && parts[0] == "name":
		return "rename", fmt.Sprintf("Renamed “%s” to “%s”", old.Name, now.Name)
	case len(parts) == 1 && parts[0] == "colour":
		return "recolour", fmt.Sprintf("Recoloured “%s” from %s to %s", now.Name, old.Color, now.Color)
	case len(parts) == 1 && parts[0] == "key":
		return "rekey", fmt.Sprintf("Changed the key of “%s” from %s to %s", now.Name, keyText(old.Key), keyText(now.Key))
	case parts[0] == "name":
		return "edit", fmt.Sprintf("Renamed “%s” to “%s” and changed its %s", old.Name, now.Name, strings.Join(parts[1:], ", "))
	}
	return "edit", fmt.Sprintf("Changed the %s of “%s”", strings.Join(parts, ", "), now.Name)
}

// MergeSummary is the history's words for merging the code from into into:
// moved segments recoded, collapsed duplicates, children moved under it.
func MergeSummary(from, into string, moved, collapsed, children int) string {
	s := fmt.Sprintf("Merged “%s” into “%s”: %s recoded", from, into, prose.Count(moved, "segment", "segments"))
	if collapsed > 0 {
		s += fmt.Sprintf(", %s collapsed", prose.Count(collapsed, "duplicate", "duplicates"))
	}
	if children > 0 {
		s += fmt.Sprintf(", %s moved under it", prose.Count(children, "sub-code", "sub-codes"))
	}
	return s
}

// under is " under “parent”", or "" for the top level.
func under(parent string) string {
	if parent == "" {
		return ""
	}
	return " under “" + parent + "”"
}

// AddSummary is the history's words for adding the code name under parent
// ("" for the top level); fromSelection says it was made from a selection
// and coded there (in vivo).
func AddSummary(name, parent string, fromSelection bool) string {
	s := "Added “" + name + "”" + under(parent)
	if fromSelection {
		s += " from a selection, coding it"
	}
	return s
}

// MoveSummary is the history's words for moving the code name: among its
// siblings to place (1-based) when it kept its parent, else under parent
// ("" for the top level).
func MoveSummary(name string, place int, parent string, sameParent bool) string {
	switch {
	case sameParent:
		return fmt.Sprintf("Moved “%s” to place %d%s", name, place, under(parent))
	case parent == "":
		return fmt.Sprintf("Moved “%s” to the top level", name)
	}
	return fmt.Sprintf("Moved “%s”%s", name, under(parent))
}

// SplitSummary is the history's words for splitting the code made off from
// from, moving moved of its total segments.
func SplitSummary(made, from string, moved, total int) string {
	return fmt.Sprintf("Split “%s” from “%s”, moving %s of %d", made, from, prose.Count(moved, "segment", "segments"), total)
}

// DeleteSummary is the history's words for deleting the code name with its
// sub-codes and segments.
func DeleteSummary(name string, subCodes, segments int) string {
	s := "Deleted “" + name + "”"
	if subCodes > 0 {
		s += " and " + prose.Count(subCodes, "sub-code", "sub-codes")
	}
	if segments > 0 {
		s += " with " + prose.Count(segments, "segment", "segments")
	}
	return s
}

// CreateSummary is the history's words for creating the framework name with
// codes codes, from origin ("" when not said).
func CreateSummary(name string, codes int, origin string) string {
	s := fmt.Sprintf("Created “%s” with %s", name, prose.Count(codes, "code", "codes"))
	if origin != "" {
		s += " from " + origin
	}
	return s
}

// RenameFrameworkSummary names a change of a framework's name or
// description, with its action ("rename" or "edit").
func RenameFrameworkSummary(old, now string) (action, summary string) {
	if old != now {
		return "rename", fmt.Sprintf("Renamed the framework “%s” to “%s”", old, now)
	}
	return "edit", fmt.Sprintf("Changed the description of “%s”", now)
}

func keyText(k string) string {
	if k == "" {
		return "none"
	}
	return k
}

func scaleText(s *float64) string {
	if s == nil {
		return ""
	}
	return strconv.FormatFloat(*s, 'g', -1, 64)
}
