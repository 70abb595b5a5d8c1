package qdpx

import (
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
		Name: raw.name, Origin: raw.origin,
		Users: raw.users, Codes: raw.codes, Variables: raw.variables, Cases: raw.cases,
		NotImported: raw.notImported,
	}
	users := map[string]bool{}
	for _, u := range raw.users {
		users[u.GUID] = true
	}
	codes := map[string]bool{}
	var walk func([]Code)
	walk = func(cs []Code) {
		for _, c := range cs {
			codes[c.GUID] = true
			walk(c.Children)
		}
	}
	walk(raw.codes)

	// The texts, before anything is converted: a missing one refuses the
	// whole archive, naming every source that lacks its file.
	texts := make([]string, len(raw.sources))
	have := make([]bool, len(raw.sources))
	var missing []string
	for i := range raw.sources {
		s := &raw.sources[i]
		if s.hasInline {
			texts[i], have[i] = s.inline, true
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
		data, err := a.readText(f)
		if err != nil {
			return nil, err
		}
		text, err := decodeText(data)
		if err != nil {
			return nil, errs.Errorf(errs.Invalid, "source %q: its text file %s cannot be read: %v", sourceLabel(s.Source), f.Name, err)
		}
		texts[i], have[i] = text, true
	}
	if len(missing) > 0 && !opt.SkipMissingSources {
		list := missing
		more := ""
		if len(list) > 10 {
			list, more = list[:10], fmt.Sprintf(" and %d more", len(missing)-10)
		}
		return nil, fmt.Errorf("%w (%d): %s%s; the archive does not hold their text (import without them to leave them out)", ErrMissingSources, len(missing), strings.Join(list, ", "), more)
	}

	utf16Units := countsUTF16(raw, texts, have)
	for i := range raw.sources {
		s := &raw.sources[i]
		if !have[i] {
			p.count("text sources without their file", 1)
			p.count("selections of text sources without their file", len(s.Selections))
			continue
		}
		src, err := p.convert(s, texts[i], utf16Units, codes, users)
		if err != nil {
			return nil, err
		}
		texts[i] = "" // let the file's text go as soon as it is stored
		p.Sources = append(p.Sources, src)
	}

	if err := p.notes(raw, a); err != nil {
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
// An origin naming NVivo settles it. Otherwise the selections vote: a
// position inside a surrogate pair or past the end counts against a unit,
// and a name that previews the passage (ATLAS.ti's) for the unit under which
// it matches the text. Ties go to the standard.
func countsUTF16(raw *rawProject, texts []string, have []bool) bool {
	if strings.Contains(strings.ToLower(raw.origin), "nvivo") {
		return true
	}
	var v unitVotes
	for i, s := range raw.sources {
		if have[i] {
			v.add(texts[i], s.Selections)
		}
	}
	return v.u16 > v.cp
}

// convert makes a Source of a raw one and its decoded text.
func (p *Project) convert(s *rawSource, text string, utf16Units bool, codes, users map[string]bool) (Source, error) {
	src := s.Source
	src.Selections = nil
	cps, units := unitLengths(text)
	length, unit := cps, "characters"
	if utf16Units {
		length, unit = units, "UTF-16 code units"
	}
	qs := make([]int, 0, 2*len(s.Selections))
	for _, sel := range s.Selections {
		if sel.End < sel.Start {
			return src, errs.Errorf(errs.Invalid, "source %q: selection %s ends (%d) before it starts (%d)", sourceLabel(s.Source), selectionLabel(sel), sel.End, sel.Start)
		}
		if sel.End > length {
			return src, errs.Errorf(errs.Invalid, "source %q: selection %s runs from %d to %d, past the end of the text (%d %s)", sourceLabel(s.Source), selectionLabel(sel), sel.Start, sel.End, length, unit)
		}
		qs = append(qs, sel.Start, sel.End)
	}
	sorted := sortedUnique(qs)
	m := newPosMap(sorted)
	src.Text = storeText(text, utf16Units, m)
	for _, sel := range s.Selections {
		k0, k1 := sort.SearchInts(sorted, sel.Start), sort.SearchInts(sorted, sel.End)
		sel.Start, sel.End = m.lo[k0], m.hi[k1]
		if sel.End <= sel.Start {
			p.count("empty selections", 1)
			continue
		}
		codings := sel.Codings[:0:0]
		for _, c := range sel.Codings {
			if !codes[c.CodeGUID] {
				p.count("codings of codes not in the codebook", 1)
				continue
			}
			if !users[c.CreatingUser] {
				c.CreatingUser = ""
			}
			codings = append(codings, c)
		}
		if len(codings) == 0 {
			p.count("selections without a code", 1)
			continue
		}
		sel.Codings = codings
		// The selection's author is its coder; a tool that does not say
		// who made the selection says who coded it.
		if !users[sel.CreatingUser] {
			sel.CreatingUser = ""
			for _, c := range codings {
				if c.CreatingUser != "" {
					sel.CreatingUser = c.CreatingUser
					break
				}
			}
		}
		src.Selections = append(src.Selections, sel)
	}
	if !users[src.CreatingUser] {
		src.CreatingUser = ""
	}
	return src, nil
}

// notes reads the notes' texts, takes Themis' turns notes into the sources
// that refer to them, and drops references to notes that are not there.
func (p *Project) notes(raw *rawProject, a *archive) error {
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
		if note.CreatingUser != "" && !p.hasUser(note.CreatingUser) {
			note.CreatingUser = ""
		}
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

func (p *Project) hasUser(g string) bool {
	for _, u := range p.Users {
		if u.GUID == g {
			return true
		}
	}
	return false
}
