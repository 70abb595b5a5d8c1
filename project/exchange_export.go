package project

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"themis/errs"
	"themis/frameworks"
	"themis/interop/qdpx"
	"themis/store"
)

// ExchangeOptions chooses what of a project goes into a REFI-QDA export.
type ExchangeOptions struct {
	Coders    []int64 // nil: every coder (incl. consensus layers)
	Documents []int64 // nil: every document
}

// ExportSummary says what ExportQDPX wrote.
type ExportSummary struct {
	Path                                             string
	Documents, Codes, Coders, Segments, Cases, Memos int
}

// Exchange builds the REFI-QDA model of p: the chosen documents (their
// stored text, turns and speakers), the chosen coders as users (and the
// lead, who speaks for the project), every framework's codes, each segment
// of a chosen coder on a chosen document as one selection with one coding,
// the cases with their attributes, and the memos. It checks no visibility:
// callers do (ExportQDPX).
//
// With one framework its codes are the codebook's top level; with several,
// each framework is a top-level code that cannot be coded, named after the
// framework and with guid qdpx.StableGUID("framework", name), holding its
// codes. Memos are included when written by a chosen coder or the lead;
// a segment memo only with its segment, a document memo only with its
// document.
//
// Every guid is made from content, never from a row id, so exporting the
// same project twice gives the same guids and a copy of the project gives
// the guids of the original: a document's from the sha256 of its text, a
// coder's from their name, a code's from frameworks.GUIDOf, a segment's
// from its document, code, coder and span, a case's and an attribute's from
// their names, a memo's from its kind, target, author and time of writing.
// The project is named after its file, without folder or extension.
func Exchange(p *store.Project, opt ExchangeOptions) (*qdpx.Project, error) {
	m, _, err := exchange(p, opt, 0)
	return m, err
}

// exchange is Exchange; when onlyMemosBy is not 0, segment memos are kept
// only when that coder wrote them, as blind mode shows a coder nothing
// else on their own segments.
func exchange(p *store.Project, opt ExchangeOptions, onlyMemosBy int64) (*qdpx.Project, ExportSummary, error) {
	x := &exporter{p: p, opt: opt, onlyMemosBy: onlyMemosBy, out: &qdpx.Project{Origin: "Themis"}}
	for _, step := range []func() error{x.users, x.documents, x.codebook, x.cases, x.segments, x.memos} {
		if err := step(); err != nil {
			return nil, ExportSummary{}, fmt.Errorf("export as REFI-QDA: %w", err)
		}
	}
	base := filepath.Base(p.Path())
	x.out.Name = strings.TrimSuffix(base, filepath.Ext(base))
	return x.out, x.sum, nil
}

// exporter carries what one export has looked up so far.
type exporter struct {
	p           *store.Project
	opt         ExchangeOptions
	onlyMemosBy int64
	out         *qdpx.Project
	sum         ExportSummary

	lead        store.Coder
	coders      map[int64]store.Coder // chosen coders by id
	userGUID    map[int64]string      // coders written as users
	docs        []store.Document      // chosen documents, in import order
	docGUID     map[int64]string
	docHash     map[int64]string
	sourceIndex map[int64]int // document id → index in out.Sources
	codeGUID    map[int64]string
	codeName    map[int64]string
	codeNotes   map[int64]*[]string // code id → its NoteRefs in out.Codes
	caseGUID    map[int64]string
	selections  map[int64]*qdpx.Selection // exported segment id → its selection
}

func (x *exporter) users() error {
	lead, err := x.p.Lead()
	if err != nil {
		return err
	}
	x.lead = lead
	all, err := x.p.Coders()
	if err != nil {
		return err
	}
	byID := map[int64]store.Coder{}
	for _, c := range all {
		byID[c.ID] = c
	}
	x.coders = map[int64]store.Coder{}
	if x.opt.Coders == nil {
		for _, c := range all {
			x.coders[c.ID] = c
		}
	}
	for _, id := range x.opt.Coders {
		c, ok := byID[id]
		if !ok {
			return fmt.Errorf("coder %d: %w", id, store.ErrNotFound)
		}
		x.coders[id] = c
	}
	// The lead comes first, as the project's own user; then the chosen
	// coders in the order they joined.
	x.userGUID = map[int64]string{}
	add := func(c store.Coder) {
		if _, ok := x.userGUID[c.ID]; ok {
			return
		}
		g := qdpx.StableGUID("coder", c.Name)
		x.userGUID[c.ID] = g
		x.out.Users = append(x.out.Users, qdpx.User{GUID: g, Name: c.Name})
	}
	add(lead)
	for _, c := range all {
		if _, ok := x.coders[c.ID]; ok {
			add(c)
		}
	}
	x.sum.Coders = len(x.coders)
	return nil
}

func (x *exporter) documents() error {
	infos, err := x.p.Documents()
	if err != nil {
		return err
	}
	chosen := map[int64]bool{}
	if x.opt.Documents != nil {
		known := map[int64]bool{}
		for _, d := range infos {
			known[d.ID] = true
		}
		for _, id := range x.opt.Documents {
			if !known[id] {
				return fmt.Errorf("document %d: %w", id, store.ErrNotFound)
			}
			chosen[id] = true
		}
	}
	x.docGUID, x.docHash, x.sourceIndex = map[int64]string{}, map[int64]string{}, map[int64]int{}
	for _, info := range infos {
		if x.opt.Documents != nil && !chosen[info.ID] {
			continue
		}
		d, err := x.p.Document(info.ID)
		if err != nil {
			return err
		}
		sum := sha256.Sum256([]byte(d.Text))
		h := hex.EncodeToString(sum[:])
		x.docHash[d.ID] = h
		x.docGUID[d.ID] = qdpx.StableGUID("document", h)
		x.sourceIndex[d.ID] = len(x.out.Sources)
		x.docs = append(x.docs, d)
		x.out.Sources = append(x.out.Sources, qdpx.Source{GUID: x.docGUID[d.ID], Name: d.Name, Text: d.Text})
	}
	x.sum.Documents = len(x.docs)
	return nil
}

func (x *exporter) codebook() error {
	fws, err := x.p.Frameworks()
	if err != nil {
		return err
	}
	x.codeGUID, x.codeName, x.codeNotes = map[int64]string{}, map[int64]string{}, map[int64]*[]string{}
	used := map[string]bool{}
	for _, fw := range fws {
		codes, err := x.p.CodesOf(fw.ID)
		if err != nil {
			return err
		}
		f := frameworks.Framework{Name: fw.Name}
		kids := map[int64][]store.Code{}
		for _, c := range codes {
			g := f.GUIDOf(frameworks.Code{Ref: c.Ref, GUID: c.GUID})
			if used[strings.ToLower(strings.Trim(g, "{}"))] {
				// The same imported codebook in two frameworks: the
				// second keeps a guid of its own.
				g = f.GUIDOf(frameworks.Code{Ref: c.Ref})
			}
			used[strings.ToLower(strings.Trim(g, "{}"))] = true
			x.codeGUID[c.ID], x.codeName[c.ID] = g, c.Name
			kids[c.Parent] = append(kids[c.Parent], c)
		}
		for _, list := range kids {
			sort.SliceStable(list, func(i, j int) bool { return list[i].Position < list[j].Position })
		}
		var build func(c store.Code) qdpx.Code
		build = func(c store.Code) qdpx.Code {
			out := qdpx.Code{
				GUID:    x.codeGUID[c.ID],
				Name:    c.Name,
				Color:   c.Color,
				Codable: c.Codable,
				Description: frameworks.CodeDescription(frameworks.Code{Definition: c.Definition,
					WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse, Examples: c.Examples}),
			}
			for _, k := range kids[c.ID] {
				out.Children = append(out.Children, build(k))
			}
			return out
		}
		var top []qdpx.Code
		for _, c := range kids[0] {
			top = append(top, build(c))
		}
		x.sum.Codes += len(codes)
		if len(fws) == 1 {
			x.out.Codes = append(x.out.Codes, top...)
			continue
		}
		x.out.Codes = append(x.out.Codes, qdpx.Code{
			GUID: qdpx.StableGUID("framework", fw.Name), Name: fw.Name,
			Description: fw.Description, Children: top,
		})
	}
	// NoteRefs are filled in by memos; remember where each code's are.
	var index func(cs []qdpx.Code)
	byGUID := map[string]*[]string{}
	index = func(cs []qdpx.Code) {
		for i := range cs {
			byGUID[cs[i].GUID] = &cs[i].NoteRefs
			index(cs[i].Children)
		}
	}
	index(x.out.Codes)
	for id, g := range x.codeGUID {
		x.codeNotes[id] = byGUID[g]
	}
	return nil
}

func (x *exporter) cases() error {
	cases, err := x.p.Cases()
	if err != nil {
		return err
	}
	attrs, err := x.p.Attributes()
	if err != nil {
		return err
	}
	varGUID := map[string]string{}
	for _, a := range attrs {
		typ := qdpx.TypeText
		switch a.Type {
		case store.AttrDate:
			typ = qdpx.TypeDate
		case store.AttrNumber:
			typ = numberType(a.Name, cases)
		}
		g := qdpx.StableGUID("attribute", a.Name)
		varGUID[a.Name] = g
		x.out.Variables = append(x.out.Variables, qdpx.Variable{GUID: g, Name: a.Name, Type: typ})
	}
	speakers, err := x.p.Speakers()
	if err != nil {
		return err
	}
	docCase := map[int64]int64{}
	for _, d := range speakers {
		docCase[d.Document] = d.Case
	}
	x.caseGUID = map[int64]string{}
	for _, c := range cases {
		g := qdpx.StableGUID("case", c.Name)
		x.caseGUID[c.ID] = g
		out := qdpx.Case{GUID: g, Name: c.Name}
		for name, v := range c.Attributes {
			if v == "" {
				continue
			}
			if out.Values == nil {
				out.Values = map[string]string{}
			}
			if vg, ok := varGUID[name]; ok {
				out.Values[vg] = v
			}
		}
		// A case's sources are the documents that belong to it; speakers
		// linked to other cases travel in each source's turns note.
		for _, d := range x.docs {
			if docCase[d.ID] == c.ID {
				out.Sources = append(out.Sources, x.docGUID[d.ID])
			}
		}
		x.out.Cases = append(x.out.Cases, out)
	}
	x.sum.Cases = len(cases)
	// Turns and speakers of each chosen document.
	for _, ds := range speakers {
		i, ok := x.sourceIndex[ds.Document]
		if !ok {
			continue
		}
		src := &x.out.Sources[i]
		d := x.docs[i]
		if len(d.TurnSpans) == 0 && len(ds.Speakers) == 0 {
			continue
		}
		src.Turns = make([]qdpx.Turn, 0, len(d.TurnSpans))
		for _, t := range d.TurnSpans {
			src.Turns = append(src.Turns, qdpx.Turn{Speaker: t.Speaker, Timestamp: t.Timestamp, Start: t.Start, ContentStart: t.ContentStart, End: t.End})
		}
		src.Speakers = make([]qdpx.Speaker, 0, len(ds.Speakers))
		for _, s := range ds.Speakers {
			sp := qdpx.Speaker{Name: s.Name, Excluded: s.Excluded}
			if s.Case != 0 {
				sp.CaseGUID = x.caseGUID[s.Case]
			}
			src.Speakers = append(src.Speakers, sp)
		}
	}
	return nil
}

// numberType is Integer when every value of the number attribute name is
// a whole number, else Float: other tools then show whole numbers as such.
// A value no decimal can write (the store takes "Inf") makes it Text, so
// that the value still goes out as written.
func numberType(name string, cases []store.Case) string {
	typ := qdpx.TypeInteger
	for _, c := range cases {
		v := strings.TrimSpace(c.Attributes[name])
		if v == "" {
			continue
		}
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return qdpx.TypeText
		}
		typ = qdpx.TypeFloat
	}
	return typ
}

func (x *exporter) segments() error {
	segs, err := x.p.Segments(store.SegmentFilter{})
	if err != nil {
		return err
	}
	type sel struct {
		seg  store.Segment
		code string
		name string
	}
	per := map[int64][]sel{}
	for _, s := range segs {
		c, ok := x.coders[s.Coder]
		if _, chosen := x.sourceIndex[s.Document]; !ok || !chosen {
			continue
		}
		per[s.Document] = append(per[s.Document], sel{seg: s, code: x.codeGUID[s.Code], name: c.Name})
	}
	x.selections = map[int64]*qdpx.Selection{}
	for _, d := range x.docs {
		list := per[d.ID]
		// Order by what the guids are made of, not by row id, so a copy of
		// the project lists its selections as the original does.
		sort.Slice(list, func(i, j int) bool {
			a, b := list[i], list[j]
			if a.seg.Start != b.seg.Start {
				return a.seg.Start < b.seg.Start
			}
			if a.seg.End != b.seg.End {
				return a.seg.End < b.seg.End
			}
			if a.name != b.name {
				return a.name < b.name
			}
			return a.code < b.code
		})
		src := &x.out.Sources[x.sourceIndex[d.ID]]
		src.Selections = make([]qdpx.Selection, 0, len(list))
		for _, s := range list {
			user := x.userGUID[s.seg.Coder]
			g := qdpx.StableGUID("segment", x.docHash[d.ID], s.code, s.name, strconv.Itoa(s.seg.Start), strconv.Itoa(s.seg.End))
			src.Selections = append(src.Selections, qdpx.Selection{
				GUID: g, Start: s.seg.Start, End: s.seg.End, CreatingUser: user,
				Codings: []qdpx.Coding{{GUID: qdpx.StableGUID("coding", g), CodeGUID: s.code, CreatingUser: user}},
			})
		}
		for i := range src.Selections {
			// The slice is complete: pointers into it stay valid.
			x.selections[list[i].seg.ID] = &src.Selections[i]
		}
		x.sum.Segments += len(list)
	}
	return nil
}

func (x *exporter) memos() error {
	memos, err := x.p.Memos(store.MemoFilter{})
	if err != nil {
		return err
	}
	all, err := x.p.Coders()
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, c := range all {
		names[c.ID] = c.Name
	}
	docName := map[int64]string{}
	for _, d := range x.docs {
		docName[d.ID] = d.Name
	}
	used := map[string]bool{}
	for _, m := range memos {
		if _, chosen := x.coders[m.Author]; !chosen && m.Author != x.lead.ID {
			continue
		}
		var target, name string
		var refs *[]string
		switch m.Kind {
		case store.MemoProject:
			target, name, refs = "project", "Project memo", &x.out.ProjectNotes
		case store.MemoDocument:
			i, ok := x.sourceIndex[m.Target]
			if !ok {
				continue
			}
			target, name, refs = x.docGUID[m.Target], "Memo on "+docName[m.Target], &x.out.Sources[i].NoteRefs
		case store.MemoCode:
			if x.codeNotes[m.Target] == nil {
				continue
			}
			target, name, refs = x.codeGUID[m.Target], "Memo on "+x.codeName[m.Target], x.codeNotes[m.Target]
		case store.MemoSegment:
			sel, ok := x.selections[m.Target]
			if !ok || (x.onlyMemosBy != 0 && m.Author != x.onlyMemosBy) {
				continue
			}
			target, name, refs = sel.GUID, "Memo on a passage of "+docName[m.Document], &sel.NoteRefs
		default:
			continue
		}
		author := x.userGUID[m.Author] // the lead is always a user
		g := qdpx.StableGUID("memo", m.Kind, target, names[m.Author], m.CreatedAt)
		for n := 2; used[g]; n++ {
			g = qdpx.StableGUID("memo", m.Kind, target, names[m.Author], m.CreatedAt, strconv.Itoa(n))
		}
		used[g] = true
		x.out.Notes = append(x.out.Notes, qdpx.Note{GUID: g, Name: name, Text: m.Text, CreatingUser: author, Created: m.CreatedAt})
		*refs = append(*refs, g)
	}
	x.sum.Memos = len(x.out.Notes)
	return nil
}

// ExportQDPX writes the chosen part of p to path as a REFI-QDA project
// (.qdpx), atomically, and says what it wrote. In blind mode a coder who
// is not the lead may export only their own layer, as they may see only
// it; the segment memos they get are then only their own.
func ExportQDPX(p *store.Project, opt ExchangeOptions, actor int64, path string) (ExportSummary, error) {
	v, err := ViewerFor(p, actor)
	if err != nil {
		return ExportSummary{}, err
	}
	var onlyMemosBy int64
	if v.Blind && !v.IsLead {
		if !onlyCoder(opt.Coders, actor) {
			return ExportSummary{}, errs.Errorf(errs.Forbidden, "blind mode is on, so %s may export only their own coding; choose only %s's layer, or ask the project lead (%s) for the others",
				v.Coder.Name, v.Coder.Name, v.Lead.Name)
		}
		onlyMemosBy = actor
	}
	m, sum, err := exchange(p, opt, onlyMemosBy)
	if err != nil {
		return ExportSummary{}, err
	}
	if err := qdpx.WriteFile(path, m); err != nil {
		return ExportSummary{}, err
	}
	sum.Path = path
	return sum, nil
}

// onlyCoder reports whether coders names exactly one coder, id (repeats
// allowed).
func onlyCoder(coders []int64, id int64) bool {
	if len(coders) == 0 {
		return false
	}
	for _, c := range coders {
		if c != id {
			return false
		}
	}
	return true
}
