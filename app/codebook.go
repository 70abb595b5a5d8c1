package app

import (
	"fmt"
	"os"
	"strings"

	"themis/frameworks"
	"themis/internal/prose"
	"themis/project"
	"themis/store"
)

// CodebookService reads and edits the project's frameworks: the codes, their
// definitions and rules, the history of changes and its tagged versions, and
// codebook files in and out.
type CodebookService struct{ s *Session }

// NewCodebookService binds the codebook service to a session.
func NewCodebookService(s *Session) *CodebookService { return &CodebookService{s} }

// Builtins lists the frameworks shipped with Themis; it needs no project.
func (cs *CodebookService) Builtins() ([]BuiltinDTO, error) {
	out := []BuiltinDTO{}
	for _, b := range frameworks.Builtins() {
		fw, err := frameworks.BuiltinFramework(b.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, BuiltinDTO{ID: b.ID, Name: b.Name, Description: b.Description, Codes: codableCount(fw)})
	}
	return out, nil
}

func codableCount(fw frameworks.Framework) int {
	n := 0
	for _, c := range fw.Codes {
		if c.Codable {
			n++
		}
	}
	return n
}

// Frameworks lists the project's frameworks, the active one marked.
func (cs *CodebookService) Frameworks() ([]FrameworkDTO, error) {
	out := []FrameworkDTO{}
	err := cs.s.withProject(func(p *store.Project) error {
		fws, err := p.Frameworks()
		if err != nil {
			return err
		}
		for _, f := range fws {
			d, err := frameworkDTO(p, f)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}

func frameworkDTO(p *store.Project, f store.Framework) (FrameworkDTO, error) {
	d := FrameworkDTO{ID: f.ID, Name: f.Name, Description: f.Description, Active: f.Active}
	codes, err := p.CodesOf(f.ID)
	if err != nil {
		return d, err
	}
	for _, c := range codes {
		if c.Codable {
			d.Codes++
		}
	}
	v, err := p.CodebookVersion(f.ID)
	if err != nil {
		return d, err
	}
	d.Revision, d.Version, d.Tag = v.Revision, v.Label(), v.Tag
	return d, nil
}

// SetActive makes a framework the one the reader codes with.
func (cs *CodebookService) SetActive(framework int64) error {
	return cs.s.withProject(func(p *store.Project) error { return p.SetActiveFramework(framework, cs.s.coder) })
}

// CreateFramework adds a framework: a copy of the built-in with that id, or
// an empty one when builtin is "". name overrides the built-in's name when
// not empty. The new framework becomes the active one.
func (cs *CodebookService) CreateFramework(builtin, name string) (*FrameworkDTO, error) {
	return cs.addFramework(func(p *store.Project) (store.Framework, error) {
		fw, origin, err := project.NewFramework(builtin, name)
		if err != nil {
			return store.Framework{}, err
		}
		return p.CreateFramework(fw, origin, cs.s.coder)
	})
}

// addFramework runs add, which puts a framework into the open project, and
// returns the framework as the frontend sees it.
func (cs *CodebookService) addFramework(add func(p *store.Project) (store.Framework, error)) (*FrameworkDTO, error) {
	var out *FrameworkDTO
	err := cs.s.withProject(func(p *store.Project) error {
		f, err := add(p)
		if err != nil {
			return err
		}
		d, err := frameworkDTO(p, f)
		out = &d
		return err
	})
	return out, err
}

// RenameFramework changes a framework's name and description.
func (cs *CodebookService) RenameFramework(framework int64, name, description string) error {
	return cs.s.withProject(func(p *store.Project) error {
		return p.RenameFramework(framework, name, description, cs.s.coder)
	})
}

// Codes lists a framework's codes in tree order (0: the active framework),
// with segment counts per coder.
func (cs *CodebookService) Codes(framework int64) ([]CodeDTO, error) {
	out := []CodeDTO{}
	err := cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		var err error
		out, err = codesWithCounts(p, v, framework)
		return err
	})
	return out, err
}

// codesWithCounts is a framework's codes with the segment counts of the
// coders the viewer may see.
func codesWithCounts(p *store.Project, v project.Viewer, framework int64) ([]CodeDTO, error) {
	codes, err := project.CodesWithCounts(p, v, framework)
	if err != nil {
		return nil, err
	}
	out := make([]CodeDTO, 0, len(codes))
	for _, c := range codes {
		d := codeDTO(c.Code)
		for _, k := range c.Counts {
			d.Counts = append(d.Counts, CodeCountDTO{Coder: k.Coder.ID, Name: k.Coder.Name, Count: k.Count})
		}
		out = append(out, d)
	}
	return out, nil
}

func codeFields(in CodeInput) store.CodeFields {
	return store.CodeFields{Parent: in.Parent, Name: in.Name, Definition: in.Definition, WhenToUse: in.WhenToUse,
		WhenNotToUse: in.WhenNotToUse, Examples: in.Examples, Color: in.Color, Key: in.Key, Codable: in.Codable, Scale: in.Scale}
}

// AddCode adds a code at the end of its parent's children.
func (cs *CodebookService) AddCode(framework int64, in CodeInput) (*CodeDTO, error) {
	var out *CodeDTO
	err := cs.s.withProject(func(p *store.Project) error {
		c, err := p.AddCode(framework, codeFields(in), cs.s.coder)
		d := codeDTO(c)
		out = &d
		return err
	})
	return out, err
}

// UpdateCode changes a code's name, definition, rules, examples, colour,
// key, codability and scale value.
func (cs *CodebookService) UpdateCode(id int64, in CodeInput) (*CodeDTO, error) {
	var out *CodeDTO
	err := cs.s.withProject(func(p *store.Project) error {
		c, err := p.UpdateCode(id, codeFields(in), cs.s.coder)
		d := codeDTO(c)
		out = &d
		return err
	})
	return out, err
}

// MoveCode puts a code under parent (0: top level) at index among its new
// siblings.
func (cs *CodebookService) MoveCode(id, parent int64, index int) error {
	return cs.s.withProject(func(p *store.Project) error { return p.MoveCode(id, parent, index, cs.s.coder) })
}

// MergeCodes recodes every segment of from as into, moves from's children
// under into, and deletes from. It returns a sentence saying what happened.
func (cs *CodebookService) MergeCodes(from, into int64) (string, error) {
	var out string
	err := cs.s.withProject(func(p *store.Project) error {
		r, err := p.MergeCodes(from, into, cs.s.coder)
		out = r.Summary + "."
		return err
	})
	return out, err
}

// SplitCode creates a new code from in and moves the listed segments of id
// to it.
func (cs *CodebookService) SplitCode(id int64, in CodeInput, segments []int64) (*CodeDTO, error) {
	var out *CodeDTO
	err := cs.s.withProject(func(p *store.Project) error {
		c, err := p.SplitCode(id, codeFields(in), segments, cs.s.coder)
		d := codeDTO(c)
		out = &d
		return err
	})
	return out, err
}

// CodeSegments lists a code's segments that the current user may see.
func (cs *CodebookService) CodeSegments(id int64) ([]CodeSegmentDTO, error) {
	out := []CodeSegmentDTO{}
	err := cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		segs, err := project.VisibleCodeSegments(p, v, id)
		if err != nil {
			return err
		}
		names, err := coderNames(p)
		if err != nil {
			return err
		}
		texts := map[int64][]rune{}
		docNames := map[int64]string{}
		for _, s := range segs {
			if _, ok := texts[s.Document]; !ok {
				d, err := p.Document(s.Document)
				if err != nil {
					return err
				}
				texts[s.Document], docNames[s.Document] = []rune(d.Text), d.Name
			}
			text := texts[s.Document]
			lo, hi := max(0, min(s.Start, len(text))), max(0, min(s.End, len(text)))
			out = append(out, CodeSegmentDTO{ID: s.ID, Document: s.Document, DocumentName: docNames[s.Document],
				Coder: s.Coder, CoderName: names[s.Coder], Start: s.Start, End: s.End, Text: prose.Excerpt(string(text[lo:max(lo, hi)]), 200)})
		}
		return nil
	})
	return out, err
}

func coderNames(p *store.Project) (map[int64]string, error) {
	coders, err := p.Coders()
	names := make(map[int64]string, len(coders))
	for _, c := range coders {
		names[c.ID] = c.Name
	}
	return names, err
}

// DeleteImpact says what deleting a code would remove.
func (cs *CodebookService) DeleteImpact(id int64) (*DeleteImpactDTO, error) {
	var out *DeleteImpactDTO
	err := cs.s.withProject(func(p *store.Project) error {
		im, err := p.DeleteImpact(id)
		if err != nil {
			return err
		}
		coders, err := p.Coders()
		if err != nil {
			return err
		}
		d := impactDTO(im, coders)
		out = &d
		return nil
	})
	return out, err
}

// impactDTO says what a delete takes, naming coders in the project's order.
func impactDTO(im store.DeleteImpact, coders []store.Coder) DeleteImpactDTO {
	d := DeleteImpactDTO{Segments: im.Segments, Codes: []string{}, ByCoder: []CodeCountDTO{}}
	for _, c := range im.Codes {
		d.Codes = append(d.Codes, c.Name)
	}
	var parts []string
	for _, c := range coders {
		if n := im.ByCoder[c.ID]; n > 0 {
			d.ByCoder = append(d.ByCoder, CodeCountDTO{Coder: c.ID, Name: c.Name, Count: n})
			parts = append(parts, fmt.Sprintf("%d of %s’s", n, c.Name))
		}
	}
	what := fmt.Sprintf("“%s”", im.Code.Name)
	if n := len(im.Codes) - 1; n == 1 {
		what += " and its sub-code"
	} else if n > 1 {
		what += fmt.Sprintf(" and its %d sub-codes", n)
	}
	switch {
	case im.Segments == 0:
		d.Message = fmt.Sprintf("Deleting %s removes no coding: nobody has used it.", what)
	default:
		segs := "segments"
		if im.Segments == 1 {
			segs = "segment"
		}
		d.Message = fmt.Sprintf("Deleting %s removes %d %s: %s.", what, im.Segments, segs, joinAnd(parts))
	}
	return d
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// DeleteCode deletes a code, its descendants and their segments of every
// coder. It can be undone.
func (cs *CodebookService) DeleteCode(id int64) (string, error) {
	var out string
	err := cs.s.withProject(func(p *store.Project) error {
		c, err := p.Code(id)
		if err != nil {
			return err
		}
		if _, err := p.DeleteCode(id, cs.s.coder); err != nil {
			return err
		}
		u, ok, err := p.NextUndo(c.Framework)
		if err != nil {
			return fmt.Errorf("deleted %s, but the codebook's undo cannot be read: %w", c.Name, err)
		}
		if ok {
			out = u.Summary + "."
		}
		return nil
	})
	return out, err
}

// History lists a framework's changes and tags, newest first.
func (cs *CodebookService) History(framework int64) (*CodebookHistoryDTO, error) {
	var out *CodebookHistoryDTO
	err := cs.s.withProject(func(p *store.Project) error {
		var err error
		out, err = historyDTO(p, framework)
		return err
	})
	return out, err
}

func historyDTO(p *store.Project, framework int64) (*CodebookHistoryDTO, error) {
	f, err := p.FrameworkByID(framework)
	if err != nil {
		return nil, err
	}
	changes, err := p.CodebookHistory(f.ID)
	if err != nil {
		return nil, err
	}
	tags, err := p.CodebookTags(f.ID)
	if err != nil {
		return nil, err
	}
	names, err := coderNames(p)
	if err != nil {
		return nil, err
	}
	v, err := p.CodebookVersion(f.ID)
	if err != nil {
		return nil, err
	}
	out := &CodebookHistoryDTO{Framework: f.ID, Revision: v.Revision, Version: v.Label(), Changes: []CodebookChangeDTO{}, Tags: []CodebookTagDTO{}}
	tagsAt := map[int][]string{}
	for _, t := range tags {
		tagsAt[t.Revision] = append(tagsAt[t.Revision], t.Name)
		out.Tags = append(out.Tags, CodebookTagDTO{Name: t.Name, Note: t.Note, Revision: t.Revision, At: t.At, Who: names[t.Coder]})
	}
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		out.Changes = append(out.Changes, CodebookChangeDTO{Revision: c.Revision, At: c.At, Who: names[c.Coder], Action: c.Action,
			Summary: c.Summary, Undone: c.Undone, Tags: append([]string{}, tagsAt[c.Revision]...)})
	}
	if u, ok, err := p.NextUndo(f.ID); err != nil {
		return nil, err
	} else if ok {
		out.CanUndo, out.Undo = true, lowerFirst(u.Summary)
	}
	if r, ok, err := p.NextRedo(f.ID); err != nil {
		return nil, err
	} else if ok {
		out.CanRedo, out.Redo = true, lowerFirst(r.Summary)
	}
	return out, nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'a' && r[1] <= 'z' && r[0] >= 'A' && r[0] <= 'Z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// Undo reverses the framework's latest change; it returns what was undone.
func (cs *CodebookService) Undo(framework int64) (string, error) {
	return cs.undoRedo(framework, true)
}

// Redo repeats the latest undone change.
func (cs *CodebookService) Redo(framework int64) (string, error) {
	return cs.undoRedo(framework, false)
}

func (cs *CodebookService) undoRedo(framework int64, undo bool) (string, error) {
	var out string
	err := cs.s.withProject(func(p *store.Project) error {
		do := p.RedoCodebook
		if undo {
			do = p.UndoCodebook
		}
		c, err := do(framework, cs.s.coder)
		if err != nil {
			return err
		}
		out = c.Summary + "."
		return nil
	})
	return out, err
}

// Tag names the framework's current revision ("v1 agreed before second-round coding").
func (cs *CodebookService) Tag(framework int64, name, note string) error {
	return cs.s.withProject(func(p *store.Project) error {
		_, err := p.TagCodebook(framework, name, note, cs.s.coder)
		return err
	})
}

// Import asks for a codebook file (.yaml, .yml, .json or .qdc) and adds it
// as a new, active framework; nil when the user cancels.
func (cs *CodebookService) Import() (*FrameworkDTO, error) {
	path, err := cs.s.dialogs.OpenFile("Import a codebook", []Filter{
		{Name: "Codebooks (*.yaml, *.yml, *.json, *.qdc)", Pattern: "*.yaml;*.yml;*.json;*.qdc"},
	})
	if err != nil || path == "" {
		return nil, err
	}
	return cs.addFramework(func(p *store.Project) (store.Framework, error) {
		return project.ImportCodebookFile(p, path, cs.s.coder)
	})
}

// Export asks where to save the framework in format (yaml, json, qdc, md,
// html or csv) and writes it; it returns the path, "" when cancelled.
func (cs *CodebookService) Export(framework int64, format string) (string, error) {
	var data []byte
	var name string
	err := cs.s.withProject(func(p *store.Project) error {
		var err error
		if data, err = project.ExportCodebook(p, framework, format); err != nil {
			return err
		}
		f, err := p.FrameworkByID(framework)
		name = fileSafe(strings.TrimSpace(f.Name)) + project.CodebookExtension(format)
		return err
	})
	if err != nil {
		return "", err
	}
	path, err := cs.s.dialogs.SaveFile("Export the codebook", name, []Filter{{Name: strings.ToUpper(format), Pattern: "*" + project.CodebookExtension(format)}})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("export codebook: %w", err)
	}
	return path, nil
}
