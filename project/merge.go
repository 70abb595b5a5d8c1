package project

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"themis/corpus"
	"themis/errs"
	"themis/frameworks"
	"themis/internal/prose"
	"themis/interop/qdpx"
	"themis/store"
)

// MergeOptions says how a copy is merged.
type MergeOptions struct {
	File         string // base name of the file merged, for the report and the journal entry (never a full path)
	AddDocuments bool   // importing a .qdpx: add documents the project lacks; merging a copy: report them as not merged
}

// MergeReport says what a merge does (a preview) or did.
type MergeReport struct {
	File        string         `json:"file"`
	Documents   DocumentsMerge `json:"documents"`
	Codes       CodesMerge     `json:"codes"`
	Coders      []CoderMerge   `json:"coders"`
	Cases       int            `json:"cases"`        // cases added
	Memos       int            `json:"memos"`        // memos added
	NotImported map[string]int `json:"not_imported"` // from the archive + what the merge could not carry (kind -> count)
	Applied     bool           `json:"applied"`      // false for a preview
	Journal     int64          `json:"journal"`      // the journal entry of the merge (for UndoMerge); 0 for a preview
	// Notes are sentences about choices the merge made that the researcher
	// should know of (a coder named after the archive's origin, memos given
	// to the lead).
	Notes []string `json:"notes,omitempty"`
	// Lead is who leads the new project, for ImportAsNew and its preview:
	// the lead asked for, else the archive's creator or first user.
	Lead string `json:"lead,omitempty"`
}

// DocumentsMerge is what happens to the copy's documents.
type DocumentsMerge struct {
	Matched int      `json:"matched"`
	Added   []string `json:"added"`   // names of documents added (AddDocuments)
	Missing []string `json:"missing"` // in the copy, not in the project: not merged
	Differs []string `json:"differs"` // a document of that name whose text differs: not merged
}

// CodesMerge is what happens to the copy's codebook.
type CodesMerge struct {
	Matched   int            `json:"matched"`
	Added     []string       `json:"added"`     // new codes, as "Framework › Parent › Code"
	Conflicts []CodeConflict `json:"conflicts"` // reported, never applied
}

// CodeConflict is a code the copy shares with the project (the same guid)
// whose field differs; the project's stands.
type CodeConflict struct {
	Code   string `json:"code"`
	Field  string `json:"field"` // name, definition, colour, parent
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
}

// CoderMerge is one coder's layer in the merge.
type CoderMerge struct {
	Name       string `json:"name"`
	New        bool   `json:"new"`        // the coder is added to the project
	Segments   int    `json:"segments"`   // the coder's segments in the copy
	Added      int    `json:"added"`      // segments the merge adds
	Duplicates int    `json:"duplicates"` // exact duplicates of segments already there, collapsed
	Skipped    int    `json:"skipped"`    // on documents that cannot be merged
}

// What the merge could not carry, as NotImported names it.
const (
	niEmptySource       = "empty text sources"
	niOutside           = "selections outside their source"
	niUnknownCode       = "codings of codes not in the codebook"
	niGroupCode         = "codings of codes that group others"
	niConsensus         = "segments for a consensus layer"
	niExcluded          = "segments in excluded speakers' turns"
	niValuesDiffer      = "attribute values that differ"
	niValuesBad         = "attribute values that do not fit their type"
	niCasesDiffer       = "document cases that differ"
	niMemoNotMerged     = "memos on what was not merged"
	niMemoEmpty         = "empty memos"
	niMemoTooLong       = "memos Themis cannot hold"
	niCodesNotAdded     = "codes Themis cannot hold"
	niDocumentsNotAdded = "documents Themis cannot hold"
)

// PreviewMerge says what Merge would do, writing nothing. It plans with the
// same function as Merge, so the two cannot disagree.
func PreviewMerge(p *store.Project, in *qdpx.Project, opt MergeOptions) (MergeReport, error) {
	lead, err := p.Lead()
	if err != nil {
		return MergeReport{}, err
	}
	pl, err := planMerge(p, in, opt, lead, nil)
	if err != nil {
		return MergeReport{}, err
	}
	return pl.report, nil
}

// previewWith is PreviewMerge with mergeWith's renamed.
func previewWith(p *store.Project, in *qdpx.Project, opt MergeOptions, renamed map[string]string) (MergeReport, error) {
	lead, err := p.Lead()
	if err != nil {
		return MergeReport{}, err
	}
	pl, err := planMerge(p, in, opt, lead, renamed)
	if err != nil {
		return MergeReport{}, err
	}
	return pl.report, nil
}

// Merge brings a copy into the project in one transaction with one journal
// entry ("project.merge") naming the file: documents matched by content,
// codes by guid then by name under their matched parent, coders by name.
// Only the lead merges.
func Merge(p *store.Project, in *qdpx.Project, opt MergeOptions, actor int64) (MergeReport, error) {
	return mergeWith(p, in, opt, actor, nil)
}

// mergeWith is Merge; renamed maps the guids of codes ImportAsNew had to
// rename (to make names unique) to the names it gave them, which are then
// no conflict.
func mergeWith(p *store.Project, in *qdpx.Project, opt MergeOptions, actor int64, renamed map[string]string) (MergeReport, error) {
	lead, err := mayMerge(p, actor, "merges a coder's work")
	if err != nil {
		return MergeReport{}, err
	}
	pl, err := planMerge(p, in, opt, lead, renamed)
	if err != nil {
		return MergeReport{}, err
	}
	res, err := applyMerge(p, pl.set, actor)
	if err != nil {
		return MergeReport{}, err // ApplyMerge names the file
	}
	r := pl.report
	r.Applied, r.Journal = true, res.Journal
	return r, nil
}

// applyMerge writes a planned merge; a variable so that a test can make it
// fail where nothing else would (ImportAsNew's clean-up).
var applyMerge = func(p *store.Project, set store.MergeSet, actor int64) (store.MergeApplied, error) {
	return p.ApplyMerge(set, actor)
}

// mayMerge refuses anyone but the lead.
func mayMerge(p *store.Project, actor int64, what string) (store.Coder, error) {
	lead, err := p.Lead()
	if err != nil {
		return lead, err
	}
	if actor != lead.ID {
		who := "this coder"
		if c, err := p.Coder(actor); err == nil {
			who = c.Name
		}
		return lead, errs.Errorf(errs.Forbidden, "only the project lead (%s) %s; %s cannot", lead.Name, what, who)
	}
	return lead, nil
}

// MergeRecord is one merge of the project's history.
type MergeRecord struct {
	Journal  int64  `json:"journal"`
	At       string `json:"at"`
	File     string `json:"file"`
	By       string `json:"by"`
	Segments int    `json:"segments"`
	Undone   bool   `json:"undone"`
}

// MergeHistory lists the project's merges, newest first.
func MergeHistory(p *store.Project) ([]MergeRecord, error) {
	es, err := p.Merges()
	if err != nil {
		return nil, err
	}
	out := make([]MergeRecord, len(es))
	for i, e := range es {
		out[i] = MergeRecord(e)
	}
	return out, nil
}

// UndoMerge takes back a whole merge (its journal entry) in one
// transaction; it refuses (errs.Conflict) when later work depends on what
// the merge added. Only the lead undoes a merge.
func UndoMerge(p *store.Project, journal int64, actor int64) (MergeRecord, error) {
	if _, err := mayMerge(p, actor, "undoes a merge"); err != nil {
		return MergeRecord{}, err
	}
	e, err := p.UndoMerge(journal, actor)
	if err != nil {
		return MergeRecord{}, err
	}
	return MergeRecord(e), nil
}

type mergePlan struct {
	report MergeReport
	set    store.MergeSet
}

// planner holds what planMerge knows of the project and what it has decided.
type planner struct {
	p    *store.Project
	in   *qdpx.Project
	opt  MergeOptions
	lead store.Coder
	r    *MergeReport
	set  *store.MergeSet

	// coders by lower-case name → ref (id, or -(index+1) for a new one)
	coders     map[string]int64
	coderKind  map[int64]string
	coderEntry map[int64]int // ref → index in r.Coders
	users      map[string]int64

	// codebook
	frameworks map[string]int64 // lower-case name → ref
	fwNames    map[int64]string
	active     int64
	byGUID     map[string]store.Code
	children   map[[2]int64]map[string]int64 // (framework, parent) → lower name → code ref
	names      map[int64]map[string]bool     // framework → lower names taken
	paths      map[int64]string              // code ref → "Framework › … › Code"
	codable    map[int64]bool
	codeRef    map[string]int64 // copy's code guid (normal form) → ref
	renamed    map[string]string
}

func normalGUID(g string) string { return strings.ToLower(strings.Trim(strings.TrimSpace(g), "{}")) }

var guidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// planMerge decides everything a merge of in into p does: the report and
// the rows to write. It reads p and writes nothing.
func planMerge(p *store.Project, in *qdpx.Project, opt MergeOptions, lead store.Coder, renamed map[string]string) (mergePlan, error) {
	// The report and the journal name the file, never where it lies.
	opt.File = strings.TrimSpace(opt.File)
	if opt.File == "" {
		opt.File = "the copy"
	} else {
		opt.File = filepath.Base(filepath.FromSlash(opt.File))
	}
	if in == nil {
		return mergePlan{}, errs.Errorf(errs.Invalid, "merge %s: nothing to merge", opt.File)
	}
	r := MergeReport{File: opt.File, NotImported: map[string]int{}, Coders: []CoderMerge{},
		Documents: DocumentsMerge{Added: []string{}, Missing: []string{}, Differs: []string{}},
		Codes:     CodesMerge{Added: []string{}, Conflicts: []CodeConflict{}}}
	for k, v := range in.NotImported {
		r.NotImported[k] += v
	}
	set := store.MergeSet{File: opt.File}
	pl := &planner{p: p, in: in, opt: opt, lead: lead, r: &r, set: &set, renamed: renamed}
	if err := pl.planCoders(); err != nil {
		return mergePlan{}, err
	}
	if err := pl.planCodes(); err != nil {
		return mergePlan{}, err
	}
	docs, err := pl.planDocuments()
	if err != nil {
		return mergePlan{}, err
	}
	caseOf, err := pl.planCases(docs)
	if err != nil {
		return mergePlan{}, err
	}
	pl.planSpeakers(docs, caseOf)
	selSeg, err := pl.planSegments(docs)
	if err != nil {
		return mergePlan{}, err
	}
	if err := pl.planMemos(docs, selSeg); err != nil {
		return mergePlan{}, err
	}
	for k, v := range r.NotImported {
		if v == 0 {
			delete(r.NotImported, k)
		}
	}
	return mergePlan{report: r, set: set}, nil
}

// cleanName makes a name from another tool one Themis takes: control
// characters out, surrounding space trimmed.
func cleanName(s string) string { return strings.TrimSpace(store.StripControls(s)) }

// originCoder is the coder named after the archive's origin, for
// selections whose user the archive does not say: "NVivo user".
func originCoder(origin string) string {
	o := strings.Fields(cleanName(origin))
	if len(o) == 0 {
		return "Unknown coder"
	}
	return o[0] + " user"
}

func (pl *planner) planCoders() error {
	cs, err := pl.p.Coders()
	if err != nil {
		return err
	}
	pl.coders, pl.coderKind, pl.coderEntry, pl.users = map[string]int64{}, map[int64]string{}, map[int64]int{}, map[string]int64{}
	for _, c := range cs {
		pl.coders[strings.ToLower(c.Name)] = c.ID
		pl.coderKind[c.ID] = c.Kind
	}
	for _, u := range pl.in.Users {
		name := cleanName(u.Name)
		if name == "" || store.CheckName("a coder", name) != nil {
			continue
		}
		pl.users[u.GUID] = pl.coder(name)
	}
	return nil
}

// coder is the ref of the coder called name, planning a new one (and its
// line in the report) when the project has none.
func (pl *planner) coder(name string) int64 {
	key := strings.ToLower(name)
	ref, ok := pl.coders[key]
	if !ok {
		pl.set.Coders = append(pl.set.Coders, name)
		ref = -int64(len(pl.set.Coders))
		pl.coders[key] = ref
		pl.coderKind[ref] = store.KindCoder
	}
	if _, ok := pl.coderEntry[ref]; !ok {
		shown := name
		if ref > 0 {
			if c, err := pl.p.Coder(ref); err == nil {
				shown = c.Name
			}
		}
		pl.coderEntry[ref] = len(pl.r.Coders)
		pl.r.Coders = append(pl.r.Coders, CoderMerge{Name: shown, New: ref < 0})
	}
	return ref
}

// selectionCoder is who made a selection: its creatingUser, else its
// coding's, else a coder named after the archive's origin.
func (pl *planner) selectionCoder(sel qdpx.Selection, c qdpx.Coding) int64 {
	if ref, ok := pl.users[sel.CreatingUser]; ok {
		return ref
	}
	if ref, ok := pl.users[c.CreatingUser]; ok {
		return ref
	}
	name := originCoder(pl.in.Origin)
	key := strings.ToLower(name)
	if _, ok := pl.coders[key]; !ok {
		pl.r.Notes = append(pl.r.Notes, fmt.Sprintf("%s does not say who made some selections; they are the layer of a coder called %q.", pl.opt.File, name))
	}
	return pl.coder(name)
}

// isFrameworkWrapper says whether a top-level code of the copy stands for a
// whole framework (how Themis writes a project with several).
func isFrameworkWrapper(c qdpx.Code) bool {
	return normalGUID(c.GUID) == normalGUID(qdpx.StableGUID("framework", c.Name))
}

func (pl *planner) planCodes() error {
	fws, err := pl.p.Frameworks()
	if err != nil {
		return err
	}
	codes, err := pl.p.Codes()
	if err != nil {
		return err
	}
	pl.frameworks, pl.fwNames = map[string]int64{}, map[int64]string{}
	for _, f := range fws {
		pl.frameworks[strings.ToLower(f.Name)] = f.ID
		pl.fwNames[f.ID] = f.Name
		if f.Active {
			pl.active = f.ID
		}
	}
	pl.byGUID, pl.children, pl.names = map[string]store.Code{}, map[[2]int64]map[string]int64{}, map[int64]map[string]bool{}
	pl.paths, pl.codable, pl.codeRef = map[int64]string{}, map[int64]bool{}, map[string]int64{}
	for _, c := range codes { // tree order: parents first
		g := frameworks.Framework{Name: pl.fwNames[c.Framework]}.GUIDOf(frameworks.Code{Ref: c.Ref, GUID: c.GUID})
		pl.byGUID[normalGUID(g)] = c
		pl.addName(c.Framework, c.Parent, c.Name, c.ID)
		parent := pl.fwNames[c.Framework]
		if c.Parent != 0 {
			parent = pl.paths[c.Parent]
		}
		pl.paths[c.ID] = parent + " › " + c.Name
		pl.codable[c.ID] = c.Codable
	}
	// Codes outside any wrapper belong where most of those the project
	// knows already are (the lead may have made another framework active
	// since sending the copy), else in the active framework.
	var loose []qdpx.Code
	for _, c := range pl.in.Codes {
		if !isFrameworkWrapper(c) {
			loose = append(loose, c)
		}
	}
	top := &fwTarget{ref: pl.majority(loose)}
	if top.ref == 0 {
		top.ref = pl.active
	}
	for _, c := range pl.in.Codes {
		if isFrameworkWrapper(c) {
			// The framework the wrapper's known codes are in (it may have
			// been renamed), else the one of its name, else a new one, made
			// only when a new code needs it.
			t := &fwTarget{ref: pl.majority(c.Children), name: cleanName(c.Name)}
			if t.ref == 0 {
				t.ref = pl.frameworks[strings.ToLower(t.name)]
			}
			for _, k := range c.Children {
				pl.planCode(k, t, true, 0, t.name)
			}
			continue
		}
		pl.planCode(c, top, false, 0, pl.fwNames[top.ref])
	}
	return nil
}

// fwTarget is the framework a wrapper's codes go into: ref 0 until a new
// framework called name is needed.
type fwTarget struct {
	ref  int64
	name string
}

func (pl *planner) fwRef(t *fwTarget) int64 {
	if t.ref == 0 {
		t.ref = pl.framework(t.name)
	}
	return t.ref
}

// majority is the project framework holding most of the codes among cs
// (and their descendants) that the project knows by guid; 0 when none.
func (pl *planner) majority(cs []qdpx.Code) int64 {
	count := map[int64]int{}
	var walk func(cs []qdpx.Code)
	walk = func(cs []qdpx.Code) {
		for _, c := range cs {
			if ours, ok := pl.byGUID[normalGUID(c.GUID)]; ok && c.GUID != "" {
				count[ours.Framework]++
			}
			walk(c.Children)
		}
	}
	walk(cs)
	var best int64
	for fw, n := range count {
		if best == 0 || n > count[best] || (n == count[best] && fw < best) {
			best = fw
		}
	}
	return best
}

func (pl *planner) addName(fw, parent int64, name string, ref int64) {
	key := [2]int64{fw, parent}
	if pl.children[key] == nil {
		pl.children[key] = map[string]int64{}
	}
	pl.children[key][strings.ToLower(name)] = ref
	if pl.names[fw] == nil {
		pl.names[fw] = map[string]bool{}
	}
	pl.names[fw][strings.ToLower(name)] = true
}

// framework is the ref of the framework called name, planning a new one
// when the project has none.
func (pl *planner) framework(name string) int64 {
	if ref, ok := pl.frameworks[strings.ToLower(name)]; ok {
		return ref
	}
	pl.set.Frameworks = append(pl.set.Frameworks, name)
	ref := -int64(len(pl.set.Frameworks))
	pl.frameworks[strings.ToLower(name)] = ref
	pl.fwNames[ref] = name
	return ref
}

// planCode maps one code of the copy (and its children) under parent (0:
// the top level) of framework t: by guid (any framework), else by name
// among parent's children, else as a new code. explicit says the copy
// itself put the code in t (a wrapper or a parent), so a code the project
// keeps in another framework differs in its place.
func (pl *planner) planCode(c qdpx.Code, t *fwTarget, explicit bool, parent int64, parentPath string) {
	name := cleanName(c.Name)
	def, when, whenNot, examples, _ := frameworks.SplitCodeDescription(c.Description)
	if ours, ok := pl.byGUID[normalGUID(c.GUID)]; ok && c.GUID != "" {
		pl.r.Codes.Matched++
		pl.codeRef[normalGUID(c.GUID)] = ours.ID
		moved := ours.Parent != parent || (parent == 0 && explicit && t.ref != 0 && ours.Framework != t.ref)
		if pl.renamed[normalGUID(c.GUID)] == ours.Name {
			name = ours.Name
		}
		pl.conflicts(ours, name, def, c.Color, moved, parentPath)
		for _, k := range c.Children {
			pl.planCode(k, &fwTarget{ref: ours.Framework}, true, ours.ID, pl.paths[ours.ID])
		}
		return
	}
	if ref, ok := pl.children[[2]int64{t.ref, parent}][strings.ToLower(name)]; ok && name != "" && t.ref != 0 {
		pl.r.Codes.Matched++
		if c.GUID != "" {
			pl.codeRef[normalGUID(c.GUID)] = ref
		}
		for _, k := range c.Children {
			pl.planCode(k, &fwTarget{ref: t.ref}, true, ref, pl.paths[ref])
		}
		return
	}
	fw := pl.fwRef(t)
	// A new code: its name must be unique in its framework.
	unique := name
	if pl.names[fw][strings.ToLower(unique)] && parent != 0 {
		unique = fmt.Sprintf("%s (%s)", name, lastPart(parentPath))
	}
	base := unique
	for n := 2; pl.names[fw][strings.ToLower(unique)]; n++ {
		unique = fmt.Sprintf("%s (%d)", base, n)
	}
	guid := normalGUID(c.GUID)
	if !guidPattern.MatchString(guid) {
		guid = ""
	}
	fc, err := frameworks.CleanCode(frameworks.Code{Name: unique, Definition: def, WhenToUse: when, WhenNotToUse: whenNot,
		Examples: examples, Color: c.Color, Codable: c.Codable, GUID: guid})
	if err != nil && fc.Color != "" {
		fc.Color = "" // a colour Themis cannot read: the code gets one of its own
		fc, err = frameworks.CleanCode(fc)
	}
	if err == nil {
		err = store.CheckName("a code", fc.Name)
	}
	if err != nil {
		pl.r.NotImported[niCodesNotAdded]++
		return
	}
	pl.set.Codes = append(pl.set.Codes, store.MergeCode{Framework: fw, Parent: parent, Code: fc})
	ref := -int64(len(pl.set.Codes))
	pl.addName(fw, parent, fc.Name, ref)
	pl.paths[ref] = parentPath + " › " + fc.Name
	pl.codable[ref] = fc.Codable
	if c.GUID != "" {
		pl.codeRef[normalGUID(c.GUID)] = ref
	}
	pl.r.Codes.Added = append(pl.r.Codes.Added, pl.paths[ref])
	for _, k := range c.Children {
		pl.planCode(k, &fwTarget{ref: fw}, true, ref, pl.paths[ref])
	}
}

func lastPart(path string) string {
	if i := strings.LastIndex(path, " › "); i >= 0 {
		return path[i+len(" › "):]
	}
	return path
}

// conflicts reports how a code the copy shares (by guid) with the project
// differs from ours; ours stands.
func (pl *planner) conflicts(ours store.Code, name, def, color string, moved bool, parentPath string) {
	add := func(field, o, t string) {
		pl.r.Codes.Conflicts = append(pl.r.Codes.Conflicts, CodeConflict{Code: ours.Name, Field: field, Ours: o, Theirs: t})
	}
	if name != "" && name != ours.Name {
		add("name", ours.Name, name)
	}
	if def != strings.TrimSpace(ours.Definition) {
		add("definition", ours.Definition, def)
	}
	if color != "" && !strings.EqualFold(color, ours.Color) {
		add("colour", ours.Color, strings.ToLower(color))
	}
	if moved {
		oursParent := pl.fwNames[ours.Framework]
		if ours.Parent != 0 {
			oursParent = pl.paths[ours.Parent]
		}
		add("parent", oursParent, parentPath)
	}
}

// docPlan is where one source of the copy goes.
type docPlan struct {
	ref   int64 // document id, -(index+1) for a new one, 0 when not merged
	runes int
	excl  store.Exclusion
	hasEx bool
	doc   *store.MergeDocument
}

func trimEnd(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

func hashText(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (pl *planner) planDocuments() (map[string]*docPlan, error) {
	hashes, err := pl.p.DocumentHashes()
	if err != nil {
		return nil, err
	}
	infos, err := pl.p.Documents()
	if err != nil {
		return nil, err
	}
	byName := map[string]int64{}
	for _, d := range infos {
		byName[d.Name] = d.ID
	}
	exclusions, err := pl.p.Exclusions()
	if err != nil {
		return nil, err
	}
	out := map[string]*docPlan{}
	added := map[string]int64{}
	trailing := 0
	for i := range pl.in.Sources {
		src := &pl.in.Sources[i]
		dp := &docPlan{runes: utf8.RuneCountInString(src.Text)}
		out[src.GUID] = dp
		name := cleanName(src.Name)
		h := hashText(src.Text)
		if id, ok := hashes[h]; ok {
			dp.ref = id
			dp.excl, dp.hasEx = exclusions[id]
			pl.r.Documents.Matched++
			continue
		}
		if ref, ok := added[h]; ok {
			dp.ref = ref
			dp.doc = &pl.set.Documents[-ref-1]
			dp.excl, dp.hasEx = exclusionOf(dp.doc.Doc)
			continue
		}
		same := byName[name]
		if same == 0 {
			same = byName[strings.TrimSuffix(name, ".txt")]
		}
		if same != 0 {
			// Another tool may have added or dropped white space at the
			// end; positions before it are the same.
			d, err := pl.p.Document(same)
			if err != nil {
				return nil, err
			}
			if trimEnd(d.Text) == trimEnd(src.Text) {
				dp.ref = same
				dp.runes = min(dp.runes, utf8.RuneCountInString(d.Text))
				dp.excl, dp.hasEx = exclusions[same]
				pl.r.Documents.Matched++
				trailing++
				continue
			}
		}
		switch {
		case same != 0:
			pl.r.Documents.Differs = append(pl.r.Documents.Differs, name)
		case !pl.opt.AddDocuments:
			pl.r.Documents.Missing = append(pl.r.Documents.Missing, name)
		case strings.TrimSpace(src.Text) == "":
			pl.r.NotImported[niEmptySource]++
		default:
			d, err := newMergeDocument(src, name, h)
			if err != nil {
				pl.r.NotImported[niDocumentsNotAdded]++
				continue
			}
			pl.set.Documents = append(pl.set.Documents, d)
			dp.ref = -int64(len(pl.set.Documents))
			added[h] = dp.ref
			dp.doc = &pl.set.Documents[len(pl.set.Documents)-1]
			dp.excl, dp.hasEx = exclusionOf(d.Doc)
			pl.r.Documents.Added = append(pl.r.Documents.Added, name)
		}
	}
	if trailing > 0 {
		pl.r.Notes = append(pl.r.Notes, fmt.Sprintf("%s of %s differ from the project's only in white space at the end; they are matched.",
			prose.Count(trailing, "document", "documents"), pl.opt.File))
	}
	// dp.doc points into set.Documents, which appends may have moved.
	for _, dp := range out {
		if dp.ref < 0 {
			dp.doc = &pl.set.Documents[-dp.ref-1]
		}
	}
	return out, nil
}

// newMergeDocument is a source of the copy as a new document: its turns
// from a Themis export, else detected as for any imported transcript.
func newMergeDocument(src *qdpx.Source, name, hash string) (store.MergeDocument, error) {
	if name == "" {
		name = "Untitled"
	}
	d := store.NewDocument{Name: strings.TrimSuffix(name, ".txt"), SourceName: name, Text: src.Text, Hash: hash, Words: corpus.CountWords(src.Text)}
	md := store.MergeDocument{SpeakerCases: map[string]int64{}}
	if src.Turns != nil && turnsFit(src.Turns, utf8.RuneCountInString(src.Text)) {
		for _, t := range src.Turns {
			d.Turns = append(d.Turns, store.Turn{Speaker: t.Speaker, Timestamp: t.Timestamp, Start: t.Start, ContentStart: t.ContentStart, End: t.End})
		}
	} else {
		for _, t := range corpus.DetectTurns(src.Text) {
			d.Turns = append(d.Turns, store.Turn{Speaker: t.Speaker, Timestamp: t.Timestamp, Start: t.Start, ContentStart: t.ContentStart, End: t.End})
		}
	}
	speaks := map[string]bool{}
	for _, t := range d.Turns {
		speaks[t.Speaker] = true
	}
	for _, s := range src.Speakers {
		if s.Excluded && speaks[s.Name] {
			d.Excluded = append(d.Excluded, s.Name)
		}
	}
	md.Doc = d
	return md, nil
}

func turnsFit(ts []qdpx.Turn, n int) bool {
	prev := 0
	for _, t := range ts {
		if t.Start < prev || t.ContentStart < t.Start || t.End < t.ContentStart || t.End > n {
			return false
		}
		prev = t.End
	}
	return true
}

// exclusionOf is where a new document's excluded and included turns lie,
// as store.Exclusions says it for a stored one.
func exclusionOf(d store.NewDocument) (store.Exclusion, bool) {
	if len(d.Excluded) == 0 {
		return store.Exclusion{}, false
	}
	ex := map[string]bool{}
	for _, s := range d.Excluded {
		ex[s] = true
	}
	var e store.Exclusion
	for _, t := range d.Turns {
		s := store.Span{Start: t.Start, End: t.End}
		if ex[t.Speaker] {
			e.Excluded = append(e.Excluded, s)
		} else {
			e.Included = append(e.Included, s)
		}
	}
	return e, true
}

// attrType is the Themis attribute type of a REFI-QDA variable type.
func attrType(t string) string {
	switch t {
	case qdpx.TypeInteger, qdpx.TypeFloat:
		return store.AttrNumber
	case qdpx.TypeDate:
		return store.AttrDate
	case qdpx.TypeBoolean:
		return store.AttrCategory
	}
	return store.AttrText
}

// attrValue is a REFI-QDA value as Themis would store it under typ.
func attrValue(typ, varType, v string) (string, error) {
	v = strings.TrimSpace(v)
	if typ == store.AttrDate && len(v) > 10 {
		if _, err := time.Parse("2006-01-02", v[:10]); err == nil {
			v = v[:10]
		}
	}
	if varType == qdpx.TypeBoolean {
		switch strings.ToLower(v) {
		case "1", "true":
			v = "true"
		case "0", "false":
			v = "false"
		}
	}
	return store.NormalizeValue(typ, v)
}

// planCases adds the copy's cases the project lacks, sets attribute values
// the project's cases have not set, links documents that have no case, and
// returns each copy case's ref by guid.
func (pl *planner) planCases(docs map[string]*docPlan) (map[string]int64, error) {
	cases, err := pl.p.Cases()
	if err != nil {
		return nil, err
	}
	attrs, err := pl.p.Attributes()
	if err != nil {
		return nil, err
	}
	infos, err := pl.p.Documents()
	if err != nil {
		return nil, err
	}
	byName := map[string]store.Case{}
	for _, c := range cases {
		byName[c.Name] = c
	}
	types := map[string]string{}
	for _, a := range attrs {
		types[a.Name] = a.Type
	}
	docCase := map[int64]string{}
	for _, d := range infos {
		docCase[d.ID] = d.Case
	}
	vars := map[string]qdpx.Variable{}
	for _, v := range pl.in.Variables {
		vars[v.GUID] = v
	}
	out := map[string]int64{}
	newValues := map[int64]map[string]string{}
	linked := map[int64]int64{}
	for _, c := range pl.in.Cases {
		name := cleanName(c.Name)
		if name == "" || store.CheckName("a case", name) != nil {
			continue
		}
		ours, exists := byName[name]
		var ref int64
		if exists {
			ref = ours.ID
		} else if r, ok := out["name:"+name]; ok {
			ref = r
		} else {
			pl.set.Cases = append(pl.set.Cases, name)
			ref = -int64(len(pl.set.Cases))
			pl.r.Cases++
		}
		out[c.GUID], out["name:"+name] = ref, ref
		guids := make([]string, 0, len(c.Values))
		for g := range c.Values {
			guids = append(guids, g)
		}
		sort.Strings(guids)
		for _, g := range guids {
			v, ok := vars[g]
			attr := cleanName(v.Name)
			if !ok || attr == "" || store.CheckName("an attribute", attr) != nil || strings.TrimSpace(c.Values[g]) == "" {
				continue
			}
			typ, known := types[attr]
			if !known {
				typ = attrType(v.Type)
				types[attr] = typ
				pl.set.Attributes = append(pl.set.Attributes, store.Attribute{Name: attr, Type: typ})
			}
			val, err := attrValue(typ, v.Type, c.Values[g])
			if err != nil {
				pl.r.NotImported[niValuesBad]++
				continue
			}
			had, set := "", false
			if exists {
				had, set = ours.Attributes[attr]
			}
			if !set {
				had, set = newValues[ref][attr]
			}
			if set {
				if had != val {
					pl.r.NotImported[niValuesDiffer]++
				}
				continue
			}
			if newValues[ref] == nil {
				newValues[ref] = map[string]string{}
			}
			newValues[ref][attr] = val
			pl.set.Values = append(pl.set.Values, store.MergeValue{Case: ref, Name: attr, Value: val})
		}
		for _, sg := range c.Sources {
			dp := docs[sg]
			if dp == nil || dp.ref == 0 {
				continue
			}
			if dp.ref > 0 && docCase[dp.ref] != "" {
				if docCase[dp.ref] != name {
					pl.r.NotImported[niCasesDiffer]++
				}
				continue
			}
			if had, ok := linked[dp.ref]; ok {
				if had != ref {
					pl.r.NotImported[niCasesDiffer]++
				}
				continue
			}
			linked[dp.ref] = ref
			pl.set.Links = append(pl.set.Links, store.MergeLink{Document: dp.ref, Case: ref})
		}
	}
	return out, nil
}

// planSpeakers links a new document's speakers to their cases.
func (pl *planner) planSpeakers(docs map[string]*docPlan, caseOf map[string]int64) {
	for _, src := range pl.in.Sources {
		dp := docs[src.GUID]
		if dp == nil || dp.ref >= 0 || dp.doc == nil {
			continue
		}
		speaks := map[string]bool{}
		for _, t := range dp.doc.Doc.Turns {
			speaks[t.Speaker] = true
		}
		for _, s := range src.Speakers {
			if ref, ok := caseOf[s.CaseGUID]; ok && s.CaseGUID != "" && speaks[s.Name] {
				dp.doc.SpeakerCases[s.Name] = ref
			}
		}
	}
}

type segKey struct {
	doc, code, coder int64
	start, end       int
}

// planSegments turns every coding into a segment of its coder's layer and
// returns, for each selection guid, the index of its first segment.
func (pl *planner) planSegments(docs map[string]*docPlan) (map[string]int, error) {
	existing := map[segKey]bool{}
	read := map[int64]bool{}
	for _, src := range pl.in.Sources {
		dp := docs[src.GUID]
		if dp == nil || dp.ref <= 0 || len(src.Selections) == 0 || read[dp.ref] {
			continue
		}
		read[dp.ref] = true
		segs, err := pl.p.Segments(store.SegmentFilter{Document: dp.ref})
		if err != nil {
			return nil, err
		}
		for _, s := range segs {
			existing[segKey{s.Document, s.Code, s.Coder, s.Start, s.End}] = true
		}
	}
	// first is the index of a segment's first occurrence in the copy: a
	// later exact duplicate collapses onto it.
	first := map[segKey]int{}
	selSeg := map[string]int{}
	for _, src := range pl.in.Sources {
		dp := docs[src.GUID]
		for _, sel := range src.Selections {
			for _, c := range sel.Codings {
				coder := pl.selectionCoder(sel, c)
				cm := &pl.r.Coders[pl.coderEntry[coder]]
				cm.Segments++
				code, known := pl.codeRef[normalGUID(c.CodeGUID)]
				switch {
				case dp == nil || dp.ref == 0:
					cm.Skipped++
					continue
				case !known:
					pl.r.NotImported[niUnknownCode]++
					continue
				case !pl.codable[code]:
					pl.r.NotImported[niGroupCode]++
					continue
				case sel.Start < 0 || sel.End <= sel.Start || sel.End > dp.runes:
					pl.r.NotImported[niOutside]++
					continue
				}
				k := segKey{dp.ref, code, coder, sel.Start, sel.End}
				at, seen := first[k]
				dup := existing[k] || seen
				switch {
				case dup:
				case pl.coderKind[coder] == store.KindConsensus:
					pl.r.NotImported[niConsensus]++
					continue
				case dp.hasEx && dp.excl.Contains(sel.Start, sel.End):
					pl.r.NotImported[niExcluded]++
					continue
				}
				if !seen {
					at = len(pl.set.Segments)
					first[k] = at
				}
				if dup {
					cm.Duplicates++
				} else {
					cm.Added++
				}
				if _, ok := selSeg[sel.GUID]; !ok && sel.GUID != "" {
					selSeg[sel.GUID] = at
				}
				pl.set.Segments = append(pl.set.Segments, store.MergeSegment{Document: dp.ref, Code: code, Coder: coder, Start: sel.Start, End: sel.End})
			}
		}
	}
	return selSeg, nil
}

type memoKey struct {
	kind   string
	target int64
	author int64
	text   string
}

// planMemos adds the copy's notes as memos by their authors, on what they
// are attached to; a note attached to nothing is a project memo.
func (pl *planner) planMemos(docs map[string]*docPlan, selSeg map[string]int) error {
	if len(pl.in.Notes) == 0 {
		return nil
	}
	memos, err := pl.p.Memos(store.MemoFilter{})
	if err != nil {
		return err
	}
	have := map[memoKey]bool{}
	for _, m := range memos {
		have[memoKey{m.Kind, m.Target, m.Author, m.Text}] = true
	}
	notes := map[string]qdpx.Note{}
	for _, n := range pl.in.Notes {
		notes[n.GUID] = n
	}
	used := map[string]bool{}
	unknownAuthor := 0
	add := func(ref, kind string, target int64, segTarget int64) {
		n, ok := notes[ref]
		if !ok {
			return
		}
		used[ref] = true
		text := strings.TrimSpace(n.Text)
		if text == "" {
			pl.r.NotImported[niMemoEmpty]++
			return
		}
		if store.CheckMemoText(n.Text) != nil {
			pl.r.NotImported[niMemoTooLong]++
			return
		}
		author, ok := pl.users[n.CreatingUser]
		if !ok {
			author = pl.lead.ID
			unknownAuthor++
		}
		k := memoKey{kind, segTarget, author, n.Text}
		if have[k] {
			return
		}
		have[k] = true
		created := ""
		if _, err := time.Parse(time.RFC3339, n.Created); err == nil {
			created = n.Created
		}
		pl.set.Memos = append(pl.set.Memos, store.MergeMemo{Kind: kind, Target: target, Author: author, Text: n.Text, Created: created})
		pl.r.Memos++
	}
	skip := func(refs []string) {
		for _, ref := range refs {
			if _, ok := notes[ref]; ok && !used[ref] {
				used[ref] = true
				pl.r.NotImported[niMemoNotMerged]++
			}
		}
	}
	for _, ref := range pl.in.ProjectNotes {
		add(ref, store.MemoProject, 0, 0)
	}
	var walk func(cs []qdpx.Code)
	walk = func(cs []qdpx.Code) {
		for _, c := range cs {
			if code, ok := pl.codeRef[normalGUID(c.GUID)]; ok && c.GUID != "" {
				for _, ref := range c.NoteRefs {
					add(ref, store.MemoCode, code, code)
				}
			} else {
				skip(c.NoteRefs)
			}
			walk(c.Children)
		}
	}
	walk(pl.in.Codes)
	for _, src := range pl.in.Sources {
		dp := docs[src.GUID]
		if dp == nil || dp.ref == 0 {
			skip(src.NoteRefs)
			for _, sel := range src.Selections {
				skip(sel.NoteRefs)
			}
			continue
		}
		for _, ref := range src.NoteRefs {
			add(ref, store.MemoDocument, dp.ref, dp.ref)
		}
		for _, sel := range src.Selections {
			i, ok := selSeg[sel.GUID]
			if !ok {
				skip(sel.NoteRefs)
				continue
			}
			// The duplicate check needs the segment's id: an existing
			// segment's when the selection collapses onto one, else a
			// stand-in no stored segment has.
			target := -int64(i) - 1
			s := pl.set.Segments[i]
			if s.Document > 0 && s.Code > 0 && s.Coder > 0 {
				if id, err := pl.segmentID(s); err != nil {
					return err
				} else if id != 0 {
					target = id
				}
			}
			for _, ref := range sel.NoteRefs {
				add(ref, store.MemoSegment, int64(i), target)
			}
		}
	}
	for _, n := range pl.in.Notes {
		if !used[n.GUID] {
			add(n.GUID, store.MemoProject, 0, 0)
		}
	}
	if unknownAuthor > 0 {
		pl.r.Notes = append(pl.r.Notes, fmt.Sprintf("%d memos of %s do not say who wrote them; they are the lead's (%s).", unknownAuthor, pl.opt.File, pl.lead.Name))
	}
	return nil
}

// segmentID is the id of the stored segment s duplicates, 0 when none.
func (pl *planner) segmentID(s store.MergeSegment) (int64, error) {
	segs, err := pl.p.Segments(store.SegmentFilter{Document: s.Document, Code: s.Code, Coder: s.Coder})
	if err != nil {
		return 0, err
	}
	for _, o := range segs {
		if o.Start == s.Start && o.End == s.End {
			return o.ID, nil
		}
	}
	return 0, nil
}
