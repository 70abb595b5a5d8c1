package qdpx

import (
	"archive/zip"
	"fmt"
	"sort"
	"strings"

	"themis/corpus"
	"themis/errs"
)

// build reads the sources' texts and turns the raw project into the model:
// positions converted, users and codes resolved, Themis' turns notes taken
// out of the notes and into their sources.
func build(raw *rawProject, a *archive, opt ReadOptions) (*Project, error) {
	p := &Project{
		Name: raw.name, Origin: raw.origin, CreatingUser: raw.creatingUser,
		Users: raw.users, Codes: raw.codes, Variables: raw.variables, Cases: raw.cases,
		NotImported: raw.notImported,
	}
	// GUIDs are interned: every selection names its coder and every
	// coding its code, and 100,000 copies of the same 36 bytes add up.
	// A GUID names one thing: two codes or two sources under one GUID
	// would send codings and case links to whichever came first.
	users := map[string]string{}
	p.Users = nil
	for _, u := range raw.users {
		if _, dup := users[u.GUID]; dup || u.GUID == "" {
			continue // the same user twice: one coder
		}
		users[u.GUID] = u.GUID
		if u.Name == "" {
			u.Name = "User " + u.GUID[:min(8, len(u.GUID))]
		}
		p.Users = append(p.Users, u)
	}
	codes := map[string]string{}
	var walk func([]Code) error
	walk = func(cs []Code) error {
		for _, c := range cs {
			if c.GUID == "" {
				return errs.Errorf(errs.Invalid, "code %q has no guid", c.Name)
			}
			if _, dup := codes[c.GUID]; dup {
				return errs.Errorf(errs.Invalid, "two codes share the guid %s (one is %q)", c.GUID, c.Name)
			}
			codes[c.GUID] = c.GUID
			if err := walk(c.Children); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(raw.codes); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, s := range raw.sources {
		if s.GUID == "" {
			return nil, errs.Errorf(errs.Invalid, "source %q has no guid", s.Name)
		}
		if seen[s.GUID] {
			return nil, errs.Errorf(errs.Invalid, "two sources share the guid %s (one is %q)", s.GUID, s.Name)
		}
		seen[s.GUID] = true
	}

	// Every source's file is found before any is read: a missing one
	// refuses the whole archive, naming every source that lacks its file.
	files := make([]*zip.File, len(raw.sources))
	have := make([]bool, len(raw.sources))
	var missing []string
	for i := range raw.sources {
		s := &raw.sources[i]
		if s.hasInline {
			have[i] = true
			continue
		}
		f, err := a.locate(s.textPath)
		if err != nil {
			return nil, err
		}
		if f == nil {
			missing = append(missing, fmt.Sprintf("%q", sourceLabel(s.Source)))
			continue
		}
		files[i], have[i] = f, true
	}
	if len(missing) > 0 && !opt.SkipMissingSources {
		list := missing
		more := ""
		if len(list) > 10 {
			list, more = list[:10], fmt.Sprintf(" and %d more", len(missing)-10)
		}
		return nil, fmt.Errorf("%w (%d): %s%s; the archive does not hold their text (import without them to leave them out)", ErrMissingSources, len(missing), strings.Join(list, ", "), more)
	}
	// One source's text at a time is read, converted and stored, so that
	// memory holds the stored texts and one file's, not every file twice.
	text := func(i int) (string, error) {
		s := &raw.sources[i]
		if files[i] == nil {
			return s.inline, nil
		}
		data, err := a.readText(files[i])
		if err != nil {
			return "", err
		}
		t, err := decodeText(data)
		if err != nil {
			return "", errs.Errorf(errs.Invalid, "source %q: its text file %s cannot be read: %v", sourceLabel(s.Source), files[i].Name, err)
		}
		return t, nil
	}

	utf16Units, err := countsUTF16(raw, have, text)
	if err != nil {
		return nil, err
	}
	a.read = 0 // the vote may have read every text once already
	var made []Note
	for i := range raw.sources {
		s := &raw.sources[i]
		if !have[i] {
			p.count("text sources without their file", 1)
			p.count("selections of text sources without their file", len(s.Selections))
			continue
		}
		t, err := text(i)
		if err != nil {
			return nil, err
		}
		s.inline = ""
		src, notes, err := p.convert(s, t, utf16Units, codes, users)
		if err != nil {
			return nil, err
		}
		made = append(made, notes...)
		p.Sources = append(p.Sources, src)
	}

	// A case keeps its links to the sources that came across and its
	// values of the variables the archive declares.
	present := map[string]bool{}
	for _, s := range p.Sources {
		present[s.GUID] = true
	}
	declared := map[string]bool{}
	for _, v := range p.Variables {
		declared[v.GUID] = true
	}
	for i := range p.Cases {
		c := &p.Cases[i]
		var srcs []string
		for _, g := range c.Sources {
			if present[g] {
				srcs = append(srcs, g)
			}
		}
		c.Sources = srcs
		for g := range c.Values {
			if !declared[g] {
				delete(c.Values, g)
				p.count("values of undeclared variables", 1)
			}
		}
	}

	for _, n := range made {
		raw.notes = append(raw.notes, rawNote{Note: n, hasInline: true})
	}
	if err := p.notes(raw, a, users); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Project) count(kind string, n int) {
	if n <= 0 {
		return
	}
	if p.NotImported == nil {
		p.NotImported = map[string]int{}
	}
	p.NotImported[kind] += n
}

func sourceLabel(s Source) string {
	if strings.TrimSpace(s.Name) != "" {
		return s.Name
	}
	return s.GUID
}

// countsUTF16 decides how the archive counts positions. REFI-QDA says code
// points, and most tools do; NVivo counts UTF-16 code units (so does every
// tool built on .NET or Java strings that forgets), which differ as soon as
// a text holds a character outside the Basic Multilingual Plane — an emoji.
// An origin naming NVivo settles it, as does Themis' own. Otherwise the selections vote: a
// position inside a surrogate pair or past the end counts against a unit,
// and a name that previews the passage (ATLAS.ti's) for the unit under which
// it matches the text. Ties go to the standard.
func countsUTF16(raw *rawProject, have []bool, text func(int) (string, error)) (bool, error) {
	origin := strings.ToLower(raw.origin)
	if strings.Contains(origin, "nvivo") {
		return true, nil
	}
	if strings.HasPrefix(origin, "themis") {
		return false, nil
	}
	var v unitVotes
	for i, s := range raw.sources {
		if !have[i] || len(s.Selections) == 0 {
			continue
		}
		t, err := text(i)
		if err != nil {
			return false, err
		}
		v.add(t, s.Selections)
	}
	return v.u16 > v.cp, nil
}

// convert makes a Source of a raw one and its decoded text.
// Descriptions of the source and its selections come back as notes.
func (p *Project) convert(s *rawSource, text string, utf16Units bool, codes, users map[string]string) (src Source, made []Note, err error) {
	src = s.Source
	cps, units := unitLengths(text)
	length, unit := cps, "characters"
	if utf16Units {
		length, unit = units, "UTF-16 code units"
	}
	qs := make([]int, 0, 2*len(s.Selections))
	for _, sel := range s.Selections {
		if sel.End < sel.Start {
			return src, nil, errs.Errorf(errs.Invalid, "source %q: selection %s ends (%d) before it starts (%d)", sourceLabel(s.Source), selectionLabel(sel), sel.End, sel.Start)
		}
		if sel.End > length {
			return src, nil, errs.Errorf(errs.Invalid, "source %q: selection %s runs from %d to %d, past the end of the text (%d %s)", sourceLabel(s.Source), selectionLabel(sel), sel.Start, sel.End, length, unit)
		}
		qs = append(qs, sel.Start, sel.End)
	}
	sorted := sortedUnique(qs)
	m := newPosMap(sorted)
	src.Text = storeText(text, utf16Units, m)
	kept := s.Selections[:0] // in place: a selection is written after it is read
	for i, sel := range s.Selections {
		k0, k1 := sort.SearchInts(sorted, sel.Start), sort.SearchInts(sorted, sel.End)
		sel.Start, sel.End = m.lo[k0], m.hi[k1]
		if sel.End <= sel.Start {
			p.count("empty selections", 1)
			continue
		}
		codings := sel.Codings[:0]
		for _, c := range sel.Codings {
			code, ok := codes[c.CodeGUID]
			if !ok {
				p.count("codings of codes not in the codebook", 1)
				continue
			}
			c.CodeGUID, c.CreatingUser = code, users[c.CreatingUser]
			codings = append(codings, c)
		}
		if len(codings) == 0 {
			p.count("selections without a code", 1)
			continue
		}
		sel.Codings = codings
		// The selection's author is its coder; a tool that does not say
		// who made the selection says who coded it.
		sel.CreatingUser = users[sel.CreatingUser]
		if sel.CreatingUser == "" {
			for _, c := range codings {
				if c.CreatingUser != "" {
					sel.CreatingUser = c.CreatingUser
					break
				}
			}
		}
		if n, ok := descriptionNote("selection "+sel.GUID, "Comment on "+selectionLabel(sel), s.selDesc[i], sel.CreatingUser); ok {
			made = append(made, n)
			sel.NoteRefs = append(sel.NoteRefs, n.GUID)
		}
		kept = append(kept, sel)
	}
	src.Selections = kept
	src.CreatingUser = users[src.CreatingUser]
	if n, ok := descriptionNote("source "+src.GUID, "Description of "+sourceLabel(src), s.description, src.CreatingUser); ok {
		made = append(made, n)
		src.NoteRefs = append(src.NoteRefs, n.GUID)
	}
	return src, made, nil
}

// notes reads the notes' texts, takes Themis' turns notes into the sources
// that refer to them, and drops references to notes that are not there.
func (p *Project) notes(raw *rawProject, a *archive, users map[string]string) error {
	turns := map[string]string{} // guid -> text of a Themis turns note
	known := map[string]bool{}
	for _, n := range raw.notes {
		note := n.Note
		if !n.hasInline && n.textPath != "" {
			f, err := a.locate(n.textPath)
			if err != nil {
				return err
			}
			if f == nil {
				p.count("notes without their text", 1)
			} else {
				data, err := a.readText(f)
				if err != nil {
					return err
				}
				if note.Text, err = decodeText(data); err != nil {
					return errs.Errorf(errs.Invalid, "note %q: its text file %s cannot be read: %v", note.Name, f.Name, err)
				}
			}
		}
		note.Text = corpus.Normalize(note.Text)
		if IsTurnsNote(note.Text) {
			turns[note.GUID] = note.Text
			continue
		}
		p.count("selections in notes", n.selections)
		if known[note.GUID] {
			continue // the same note twice: keep the first
		}
		known[note.GUID] = true
		note.CreatingUser = users[note.CreatingUser]
		p.Notes = append(p.Notes, note)
	}
	keep := func(refs []string) []string {
		var out []string
		for _, g := range refs {
			if known[g] {
				out = append(out, g)
			}
		}
		return out
	}
	p.ProjectNotes = keep(raw.projectNotes)
	for i := range p.Sources {
		s := &p.Sources[i]
		for _, g := range s.NoteRefs {
			text, ok := turns[g]
			if !ok || s.Turns != nil || s.Speakers != nil {
				continue
			}
			t, sp, err := DecodeTurnsNote(text, corpus.RuneLen(s.Text))
			if err != nil {
				p.count("unreadable Themis turn notes", 1)
				continue
			}
			s.Turns, s.Speakers = t, sp
		}
		s.NoteRefs = keep(s.NoteRefs)
		for j := range s.Selections {
			s.Selections[j].NoteRefs = keep(s.Selections[j].NoteRefs)
		}
	}
	var codes func([]Code)
	codes = func(cs []Code) {
		for i := range cs {
			cs[i].NoteRefs = keep(cs[i].NoteRefs)
			codes(cs[i].Children)
		}
	}
	codes(p.Codes)
	return nil
}
