package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"themis/errs"
	"themis/interop/qdpx"
	"themis/project"
	"themis/store"
)

// ExchangeService is the team's exchange (issue 11): the lead sends each
// coder a copy, merges the copies that come back (previewed first, undone
// as a whole), and projects go out to and come in from other tools as
// REFI-QDA (.qdpx) archives — into the open project, or, from the start
// screen, as a new one.
//
// A file the user chose is named to the UI by its path and read again when
// the preview is applied: nothing is held between the calls, so a preview
// and its merge cannot drift apart behind the user's back except by the file
// changing on disk, which the merge reads afresh.
type ExchangeService struct{ s *Session }

// NewExchangeService binds the exchange service to a session.
func NewExchangeService(s *Session) *ExchangeService { return &ExchangeService{s} }

var (
	copyFilters = []Filter{{"A coder's copy (*.themis, *.qdpx)", "*.themis;*.qdpx"}}
	qdpxFilters = []Filter{{"REFI-QDA projects (*.qdpx)", "*.qdpx"}}
)

// MergeReportDTO is what a merge or an import did, or would do (a preview).
type MergeReportDTO struct {
	File        string            `json:"file"`
	Documents   DocumentsMergeDTO `json:"documents"`
	Codes       CodesMergeDTO     `json:"codes"`
	Coders      []CoderMergeDTO   `json:"coders"`
	Cases       int               `json:"cases"`
	Memos       int               `json:"memos"`
	NotImported []NotImportedDTO  `json:"notImported"` // by kind, most first
	Applied     bool              `json:"applied"`
	Journal     int64             `json:"journal"` // the merge's journal entry, for UndoMerge; 0 for a preview
	Notes       []string          `json:"notes"`   // choices the merge made that the researcher should know of
	Lead        string            `json:"lead"`    // a new project's lead ("" when merging into a project)
}

// DocumentsMergeDTO is how the copy's documents met the project's.
type DocumentsMergeDTO struct {
	Matched int      `json:"matched"`
	Added   []string `json:"added"`
	Missing []string `json:"missing"`
	Differs []string `json:"differs"`
}

// CodesMergeDTO is how the copy's codes met the codebook.
type CodesMergeDTO struct {
	Matched   int               `json:"matched"`
	Added     []string          `json:"added"`
	Conflicts []CodeConflictDTO `json:"conflicts"`
}

// CodeConflictDTO is a codebook edit of the copy that differs from the
// project's: reported, never applied.
type CodeConflictDTO struct {
	Code   string `json:"code"`
	Field  string `json:"field"`
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
}

// CoderMergeDTO is one coder's layer in the copy.
type CoderMergeDTO struct {
	Name       string `json:"name"`
	New        bool   `json:"new"`
	Segments   int    `json:"segments"`
	Added      int    `json:"added"`
	Duplicates int    `json:"duplicates"`
	Skipped    int    `json:"skipped"`
}

// NotImportedDTO is a kind of thing the file holds that Themis does not
// carry across (PDF sources, sets, links …), with how many.
type NotImportedDTO struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// ExchangePreviewDTO is a chosen file and what bringing it in would do,
// before anything is written. When the file cannot be read, Refused says
// why and Report is nil; MissingSources says the refusal is for text
// sources without their file, which the user may choose to leave out.
type ExchangePreviewDTO struct {
	Path           string          `json:"path"`
	File           string          `json:"file"`
	SkipMissing    bool            `json:"skipMissing"`
	Report         *MergeReportDTO `json:"report"`
	Refused        string          `json:"refused"`
	MissingSources bool            `json:"missingSources"`
}

// MergeRecordDTO is one merge in the project's history.
type MergeRecordDTO struct {
	Journal  int64  `json:"journal"`
	At       string `json:"at"`
	File     string `json:"file"`
	By       string `json:"by"`
	Segments int    `json:"segments"`
	Undone   bool   `json:"undone"`
}

// SendSummaryDTO is the copy written for a coder.
type SendSummaryDTO struct {
	Path      string `json:"path"`
	File      string `json:"file"`
	Coder     string `json:"coder"`
	Documents int    `json:"documents"`
	Segments  int    `json:"segments"`
	Memos     int    `json:"memos"`
}

// ExportSummaryDTO is the .qdpx archive written.
type ExportSummaryDTO struct {
	Path      string `json:"path"`
	File      string `json:"file"`
	Documents int    `json:"documents"`
	Codes     int    `json:"codes"`
	Coders    int    `json:"coders"`
	Segments  int    `json:"segments"`
	Cases     int    `json:"cases"`
	Memos     int    `json:"memos"`
}

// ImportedProjectDTO is the project an archive became, now open, and what
// the import did.
type ImportedProjectDTO struct {
	Project *ProjectInfo   `json:"project"`
	Report  MergeReportDTO `json:"report"`
}

func mergeReportDTO(r project.MergeReport) *MergeReportDTO {
	out := &MergeReportDTO{
		File: r.File,
		Documents: DocumentsMergeDTO{Matched: r.Documents.Matched, Added: nonNil(r.Documents.Added),
			Missing: nonNil(r.Documents.Missing), Differs: nonNil(r.Documents.Differs)},
		Codes:       CodesMergeDTO{Matched: r.Codes.Matched, Added: nonNil(r.Codes.Added), Conflicts: []CodeConflictDTO{}},
		Coders:      []CoderMergeDTO{},
		Cases:       r.Cases,
		Memos:       r.Memos,
		NotImported: []NotImportedDTO{},
		Applied:     r.Applied,
		Journal:     r.Journal,
		Notes:       nonNil(r.Notes),
		Lead:        r.Lead,
	}
	for _, c := range r.Codes.Conflicts {
		out.Codes.Conflicts = append(out.Codes.Conflicts, CodeConflictDTO{Code: c.Code, Field: c.Field, Ours: c.Ours, Theirs: c.Theirs})
	}
	for _, c := range r.Coders {
		out.Coders = append(out.Coders, CoderMergeDTO{Name: c.Name, New: c.New, Segments: c.Segments, Added: c.Added,
			Duplicates: c.Duplicates, Skipped: c.Skipped})
	}
	for kind, n := range r.NotImported {
		if n > 0 {
			out.NotImported = append(out.NotImported, NotImportedDTO{kind, n})
		}
	}
	// A map has no order: the most numerous kind first, then by name, so the
	// preview reads the same every time.
	sort.Slice(out.NotImported, func(i, j int) bool {
		a, b := out.NotImported[i], out.NotImported[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Kind < b.Kind
	})
	return out
}

func mergeRecordDTO(r project.MergeRecord) MergeRecordDTO {
	return MergeRecordDTO{Journal: r.Journal, At: r.At, File: r.File, By: r.By, Segments: r.Segments, Undone: r.Undone}
}

// readExchange reads the file at path as the model a merge or an import
// takes. A file that cannot be read is not an error of the call: the
// preview says why it was refused.
func readExchange(path string, skipMissing bool) (*qdpx.Project, *ExchangePreviewDTO) {
	pv := &ExchangePreviewDTO{Path: path, File: filepath.Base(path), SkipMissing: skipMissing}
	in, err := project.ReadCopy(path, qdpx.ReadOptions{SkipMissingSources: skipMissing})
	if err != nil {
		pv.Refused = refusal(err)
		pv.MissingSources = errors.Is(err, qdpx.ErrMissingSources)
		return nil, pv
	}
	return in, pv
}

// refusal is why a file was refused, as a person reads it.
func refusal(err error) string {
	return strings.TrimPrefix(err.Error(), store.ErrInvalid.Error()+": ")
}

// requireExt refuses a path whose extension is none of exts, naming the file.
func requireExt(path string, exts ...string) error {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range exts {
		if ext == e {
			return nil
		}
	}
	return errs.New(errs.Unsupported, fmt.Sprintf("%s: choose a %s file", filepath.Base(path), strings.Join(exts, " or ")))
}

// ChooseCopy asks for a coder's returned copy (.themis or .qdpx) and
// previews merging it into the open project; nil when cancelled.
func (es *ExchangeService) ChooseCopy() (*ExchangePreviewDTO, error) {
	path, err := es.s.dialogs.OpenFile("Merge a coder's work", copyFilters)
	if err != nil || path == "" {
		return nil, err
	}
	return es.PreviewCopy(path, false)
}

// PreviewCopy previews merging the copy at path: per coder, the segments it
// adds and the duplicates it collapses; the documents that match and those
// that cannot be merged; new codes and conflicting codebook edits.
func (es *ExchangeService) PreviewCopy(path string, skipMissing bool) (*ExchangePreviewDTO, error) {
	return es.preview(path, skipMissing, false, ".themis", ".qdpx")
}

// MergeCopy merges the copy at path into the open project: one
// transaction, one journal entry naming the file, undone as a whole with
// UndoMerge. Lead only.
func (es *ExchangeService) MergeCopy(path string, skipMissing bool) (*MergeReportDTO, error) {
	return es.apply(path, skipMissing, false, ".themis", ".qdpx")
}

// ChooseImport asks for a .qdpx archive and previews importing it into the
// open project (its documents added where the project lacks them); nil when
// cancelled.
func (es *ExchangeService) ChooseImport() (*ExchangePreviewDTO, error) {
	path, err := es.s.dialogs.OpenFile("Import a REFI-QDA project into this one", qdpxFilters)
	if err != nil || path == "" {
		return nil, err
	}
	return es.PreviewImport(path, false)
}

// PreviewImport previews importing the archive at path into the open project.
func (es *ExchangeService) PreviewImport(path string, skipMissing bool) (*ExchangePreviewDTO, error) {
	return es.preview(path, skipMissing, true, ".qdpx")
}

// Import imports the archive at path into the open project, adding the
// documents it lacks; undone like a merge. Lead only.
func (es *ExchangeService) Import(path string, skipMissing bool) (*MergeReportDTO, error) {
	return es.apply(path, skipMissing, true, ".qdpx")
}

func (es *ExchangeService) preview(path string, skipMissing, addDocs bool, exts ...string) (*ExchangePreviewDTO, error) {
	if err := requireExt(path, exts...); err != nil {
		return nil, err
	}
	var out *ExchangePreviewDTO
	err := es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		if !v.IsLead {
			return errs.New(errs.Forbidden, "only the project lead merges coders' work into the project")
		}
		if same(p.Path(), path) {
			return errs.New(errs.Invalid, fmt.Sprintf("%s is the open project itself: choose the copy a coder sent back", filepath.Base(path)))
		}
		in, pv := readExchange(path, skipMissing)
		out = pv
		if in == nil {
			return nil
		}
		r, err := project.PreviewMerge(p, in, project.MergeOptions{File: pv.File, AddDocuments: addDocs})
		if err != nil {
			return err
		}
		pv.Report = mergeReportDTO(r)
		return nil
	})
	return out, err
}

func (es *ExchangeService) apply(path string, skipMissing, addDocs bool, exts ...string) (*MergeReportDTO, error) {
	if err := requireExt(path, exts...); err != nil {
		return nil, err
	}
	var out *MergeReportDTO
	err := es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		if same(p.Path(), path) {
			return errs.New(errs.Invalid, fmt.Sprintf("%s is the open project itself: choose the copy a coder sent back", filepath.Base(path)))
		}
		in, err := project.ReadCopy(path, qdpx.ReadOptions{SkipMissingSources: skipMissing})
		if err != nil {
			return err
		}
		r, err := project.Merge(p, in, project.MergeOptions{File: filepath.Base(path), AddDocuments: addDocs}, es.s.coder)
		if err != nil {
			return err
		}
		out = mergeReportDTO(r)
		return nil
	})
	return out, err
}

// same says whether two paths name the same file.
func same(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// Merges lists the project's merges and imports, newest first.
func (es *ExchangeService) Merges() ([]MergeRecordDTO, error) {
	out := []MergeRecordDTO{}
	err := es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		rs, err := project.MergeHistory(p)
		for _, r := range rs {
			out = append(out, mergeRecordDTO(r))
		}
		return err
	})
	return out, err
}

// UndoMerge takes a whole merge back out of the project (lead only); it is
// refused when later work depends on it.
func (es *ExchangeService) UndoMerge(journal int64) (*MergeRecordDTO, error) {
	var out *MergeRecordDTO
	err := es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		r, err := project.UndoMerge(p, journal, es.s.coder)
		if err != nil {
			return err
		}
		rec := mergeRecordDTO(r)
		out = &rec
		return nil
	})
	return out, err
}

// SendToCoder writes the copy the coder named codes on their own machine,
// holding only their layer, as format "themis" (a Themis project) or "qdpx"
// (a REFI-QDA archive, for a coder working in another tool), where the save
// dialog says; nil when cancelled. A name the project does not know yet is
// added as a coder once the dialog has answered, so the lead can hand a copy
// to someone new in one step. Lead only.
func (es *ExchangeService) SendToCoder(name, format string) (*SendSummaryDTO, error) {
	ext, filters, err := sendFormat(format)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errs.New(errs.Invalid, "choose the coder to send a copy to")
	}
	var file string
	err = es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		if !v.IsLead {
			return errs.New(errs.Forbidden, "only the project lead sends coders their copies")
		}
		c, err := p.CoderByName(name)
		switch {
		case errors.Is(err, errs.NotFound):
		case err != nil:
			return err
		case c.Kind == store.KindConsensus:
			return errs.New(errs.Invalid, fmt.Sprintf("%s is a consensus layer, not a coder: send the copy to a person", c.Name))
		default:
			name = c.Name
		}
		file = fmt.Sprintf("%s – for %s%s", projectName(p.Path()), name, ext)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The dialog is asked outside the session's lock: it waits on a person.
	path, err := es.s.dialogs.SaveFile("Send a copy to "+name, file, filters)
	if err != nil || path == "" {
		return nil, err
	}
	if err := requireExt(path, ext); err != nil {
		return nil, err
	}
	var out *SendSummaryDTO
	err = es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		if same(p.Path(), path) {
			return errs.New(errs.Invalid, "the copy cannot replace the project itself: choose another name")
		}
		c, err := p.CoderByName(name)
		if errors.Is(err, errs.NotFound) {
			c, err = p.AddCoder(name, es.s.coder)
		}
		if err != nil {
			return err
		}
		sum, err := project.SendCopy(p, c.ID, path, es.s.coder)
		if err != nil {
			return err
		}
		out = &SendSummaryDTO{Path: sum.Path, File: filepath.Base(sum.Path), Coder: sum.Coder, Documents: sum.Documents,
			Segments: sum.Segments, Memos: sum.Memos}
		return nil
	})
	return out, err
}

func sendFormat(format string) (string, []Filter, error) {
	switch format {
	case "themis":
		return store.Extension, []Filter{{"Themis projects (*.themis)", "*.themis"}}, nil
	case "qdpx":
		return ".qdpx", qdpxFilters, nil
	}
	return "", nil, errs.New(errs.Invalid, fmt.Sprintf("no such format %q: choose themis or qdpx", format))
}

// ExportQDPX writes the chosen coders' layers on the chosen documents (nil:
// all) as a REFI-QDA archive where the save dialog says; nil when
// cancelled. In blind mode a coder who is not the lead may export only
// their own layer.
func (es *ExchangeService) ExportQDPX(coders, documents []int64) (*ExportSummaryDTO, error) {
	var name string
	if err := es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		name = projectName(p.Path()) + ".qdpx"
		return nil
	}); err != nil {
		return nil, err
	}
	path, err := es.s.dialogs.SaveFile("Export as REFI-QDA", name, qdpxFilters)
	if err != nil || path == "" {
		return nil, err
	}
	if err := requireExt(path, ".qdpx"); err != nil {
		return nil, err
	}
	var out *ExportSummaryDTO
	err = es.s.withViewer(func(p *store.Project, v project.Viewer) error {
		sum, err := project.ExportQDPX(p, project.ExchangeOptions{Coders: coders, Documents: documents}, es.s.coder, path)
		if err != nil {
			return err
		}
		out = &ExportSummaryDTO{Path: sum.Path, File: filepath.Base(sum.Path), Documents: sum.Documents, Codes: sum.Codes,
			Coders: sum.Coders, Segments: sum.Segments, Cases: sum.Cases, Memos: sum.Memos}
		return nil
	})
	return out, err
}

// ChooseImportAsNew asks, on the start screen, for a .qdpx archive and
// previews the project it would become; nil when cancelled.
func (es *ExchangeService) ChooseImportAsNew() (*ExchangePreviewDTO, error) {
	path, err := es.s.dialogs.OpenFile("Import a REFI-QDA project", qdpxFilters)
	if err != nil || path == "" {
		return nil, err
	}
	return es.PreviewImportAsNew(path, false)
}

// PreviewImportAsNew previews the project the archive at path would become.
func (es *ExchangeService) PreviewImportAsNew(path string, skipMissing bool) (*ExchangePreviewDTO, error) {
	if err := requireExt(path, ".qdpx"); err != nil {
		return nil, err
	}
	in, pv := readExchange(path, skipMissing)
	if in == nil {
		return pv, nil
	}
	r, err := project.PreviewImportAsNew(in, project.MergeOptions{File: pv.File, AddDocuments: true})
	if err != nil {
		return nil, err
	}
	pv.Report = mergeReportDTO(r)
	return pv, nil
}

// ImportAsNew asks where to save the new project (a save dialog offering
// the archive's name as a .themis in the projects folder), imports the
// archive at path into it with lead as its lead ("" the archive's first
// user), and opens it as the lead; nil when cancelled. Nothing is left
// behind when the import fails.
func (es *ExchangeService) ImportAsNew(path string, skipMissing bool, lead string) (*ImportedProjectDTO, error) {
	if err := requireExt(path, ".qdpx"); err != nil {
		return nil, err
	}
	name := projectName(path) + store.Extension
	out, err := es.s.dialogs.SaveFile("Save the imported project as", name, []Filter{{"Themis projects (*.themis)", "*.themis"}})
	if err != nil || out == "" {
		return nil, err
	}
	if !strings.EqualFold(filepath.Ext(out), store.Extension) {
		out += store.Extension
	}
	if _, err := os.Stat(out); err == nil {
		return nil, errs.New(errs.Conflict, fmt.Sprintf("%s already exists: choose another name, or open it and import into it", filepath.Base(out)))
	}
	in, err := project.ReadCopy(path, qdpx.ReadOptions{SkipMissingSources: skipMissing})
	if err != nil {
		return nil, err
	}
	r, err := project.ImportAsNew(in, project.MergeOptions{File: filepath.Base(path), AddDocuments: true}, out, strings.TrimSpace(lead))
	if err != nil {
		return nil, err
	}
	s := es.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.openLocked(out); err != nil {
		return nil, err
	}
	l, err := s.project.Lead()
	if err != nil {
		return nil, err
	}
	s.coder = l.ID
	s.updateTitleLocked()
	info, err := s.infoLocked()
	if err != nil {
		return nil, err
	}
	return &ImportedProjectDTO{Project: info, Report: *mergeReportDTO(r)}, nil
}
