package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"themis/corpus"
	"themis/project"
	"themis/store"
)

// ImportOptionsDTO are the choices of one import: a forced encoding ("" detects
// it) and a speaker-label pattern ("" detects labels automatically).
type ImportOptionsDTO struct {
	Encoding       string `json:"encoding"`
	SpeakerPattern string `json:"speakerPattern"`
	// Exclude names speakers left out of coding and analysis in every file
	// where they speak (the interviewers the preview proposed and the user
	// kept checked). The preview ignores it.
	Exclude []string `json:"exclude"`
}

func (o ImportOptionsDTO) corpus() corpus.Options {
	return corpus.Options{Encoding: o.Encoding, SpeakerPattern: o.SpeakerPattern}
}

// ImportFileDTO is one file chosen for import.
type ImportFileDTO struct {
	Path string `json:"path"`
	File string `json:"file"`
	// Folder is the file's folder relative to the chosen folder ("" at its top
	// or when files were chosen one by one).
	Folder string `json:"folder"`
}

// SkippedFileDTO is a file in a chosen folder that is not a transcript.
type SkippedFileDTO struct {
	Path   string `json:"path"`
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// ImportSelectionDTO is what the user chose: the files to preview and the
// files of a folder that will be left out. Empty when they cancelled.
type ImportSelectionDTO struct {
	Folder  string           `json:"folder"`
	Files   []ImportFileDTO  `json:"files"`
	Skipped []SkippedFileDTO `json:"skipped"`
}

// PreviewTurnDTO is the start of one turn of a preview.
type PreviewTurnDTO struct {
	Speaker   string `json:"speaker"`
	Timestamp string `json:"timestamp"`
	Text      string `json:"text"`
}

// FilePreviewDTO is what importing one file would store; Error is set (and
// the rest empty) when it cannot be imported.
type FilePreviewDTO struct {
	Path     string   `json:"path"`
	File     string   `json:"file"`
	Size     int64    `json:"size"`
	Name     string   `json:"name"`
	Format   string   `json:"format"`
	Encoding string   `json:"encoding"`
	Turns    int      `json:"turns"`
	Words    int      `json:"words"`
	Speakers []string `json:"speakers"`
	// Interviewers are the speakers that look like the interviewer,
	// proposed for leaving out of coding (checked by default).
	Interviewers []string         `json:"interviewers"`
	Warnings     []string         `json:"warnings"`
	FirstTurns   []PreviewTurnDTO `json:"firstTurns"`
	Error        string           `json:"error"`
}

// KindCountDTO is how many possible identifiers of one kind a file holds.
type KindCountDTO struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// ImportedDTO reports one file of an import.
type ImportedDTO struct {
	Name        string   `json:"name"`
	ID          int64    `json:"id"`
	DuplicateOf string   `json:"duplicateOf"`
	Turns       int      `json:"turns"`
	Words       int      `json:"words"`
	File        string   `json:"file"`
	Format      string   `json:"format"`
	Encoding    string   `json:"encoding"`
	Speakers    []string `json:"speakers"`
	Excluded    []string `json:"excluded"` // speakers left out of coding at import
	Warnings    []string `json:"warnings"`
	// Identifiers is the number of likely identifiers the anonymisation check
	// found in the file, and Kinds says which.
	Identifiers int            `json:"identifiers"`
	Kinds       []KindCountDTO `json:"kinds"`
}

// ImportReportDTO is the outcome of an import: a line per file, or Cancelled
// when the user stopped it (nothing was written).
type ImportReportDTO struct {
	Files     []ImportedDTO `json:"files"`
	Cancelled bool          `json:"cancelled"`
}

// ImportProgress is sent as the "import:progress" event: Done of Total files
// are read, Name is the one being read, Read of Size of its bytes are in, and
// Saving is true while the documents are being written.
type ImportProgress struct {
	Done   int    `json:"done"`
	Total  int    `json:"total"`
	Name   string `json:"name"`
	Read   int64  `json:"read"`
	Size   int64  `json:"size"`
	Saving bool   `json:"saving"`
}

// SpeakerPresetDTO is a ready-made speaker-label pattern.
type SpeakerPresetDTO struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Pattern string `json:"pattern"`
	Example string `json:"example"`
}

// importJob is the running import, so that CancelImport can stop it without
// waiting for the session lock the import holds.
type importJob struct {
	mu     sync.Mutex
	cancel context.CancelFunc
}

func (j *importJob) start(cancel context.CancelFunc) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.cancel != nil {
		return false
	}
	j.cancel = cancel
	return true
}

func (j *importJob) finish() {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
}

func (j *importJob) stop() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.cancel == nil {
		return false
	}
	j.cancel()
	return true
}

func transcriptFilters() []Filter {
	exts := corpus.SupportedExtensions()
	pats := make([]string, len(exts))
	for i, e := range exts {
		pats[i] = "*" + e
	}
	return []Filter{{"Transcripts (" + strings.Join(pats, ", ") + ")", strings.Join(pats, ";")}}
}

// ChooseFiles asks for transcript files (several at once); an empty selection
// when the user cancelled. Nothing is read yet.
func (ds *DocumentService) ChooseFiles() (ImportSelectionDTO, error) {
	paths, err := ds.s.dialogs.OpenFiles("Import transcripts", transcriptFilters())
	if err != nil || len(paths) == 0 {
		return ImportSelectionDTO{Files: []ImportFileDTO{}, Skipped: []SkippedFileDTO{}}, err
	}
	return selection("", paths)
}

// ChooseFolder asks for a folder and lists every transcript inside it,
// recursively, and the other files it will leave out.
func (ds *DocumentService) ChooseFolder() (ImportSelectionDTO, error) {
	dir, err := ds.s.dialogs.ChooseFolder("Import a folder of transcripts", "")
	if err != nil || dir == "" {
		return ImportSelectionDTO{Files: []ImportFileDTO{}, Skipped: []SkippedFileDTO{}}, err
	}
	return selection(dir, []string{dir})
}

func selection(folder string, paths []string) (ImportSelectionDTO, error) {
	files, skipped, err := project.CollectFiles(paths)
	out := ImportSelectionDTO{Folder: folder, Files: make([]ImportFileDTO, len(files)), Skipped: make([]SkippedFileDTO, len(skipped))}
	if err != nil {
		return out, err
	}
	for i, f := range files {
		rel := ""
		if folder != "" {
			if r, err := filepath.Rel(folder, filepath.Dir(f)); err == nil && r != "." {
				rel = filepath.ToSlash(r)
			}
		}
		out.Files[i] = ImportFileDTO{Path: f, File: filepath.Base(f), Folder: rel}
	}
	for i, s := range skipped {
		out.Skipped[i] = SkippedFileDTO{s.Path, s.File, s.Reason}
	}
	return out, nil
}

// SpeakerPresets lists the ready-made speaker-label patterns.
func (ds *DocumentService) SpeakerPresets() []SpeakerPresetDTO {
	return speakerPresets()
}

// CheckSpeakerPattern says what is wrong with a custom speaker-label pattern;
// "" when it can be used.
func (ds *DocumentService) CheckSpeakerPattern(pattern string) string {
	if err := project.CheckSpeakerPattern(pattern); err != nil {
		return err.Error()
	}
	return ""
}

// Preview parses one file with the options and says what importing it would
// store, without writing anything; a file that cannot be read has Error set.
// It does not wait for the session, so a folder can be previewed file by
// file while the UI stays responsive. An unusable speaker pattern rejects.
func (ds *DocumentService) Preview(path string, opt ImportOptionsDTO) (FilePreviewDTO, error) {
	if err := project.CheckSpeakerPattern(opt.SpeakerPattern); err != nil {
		return FilePreviewDTO{}, fmt.Errorf("%w: %v", store.ErrInvalid, err)
	}
	pv := project.PreviewFile(context.Background(), path, opt.corpus(), 5)
	out := FilePreviewDTO{
		Path: pv.Path, File: pv.File, Size: pv.Size, Name: pv.Name, Format: pv.Format, Encoding: pv.Encoding,
		Turns: pv.Turns, Words: pv.Words, Speakers: nonNilStrings(pv.Speakers), Warnings: nonNilStrings(pv.Warnings),
		Interviewers: nonNilStrings(pv.Interviewers), FirstTurns: make([]PreviewTurnDTO, len(pv.FirstTurns)),
	}
	for i, t := range pv.FirstTurns {
		out.FirstTurns[i] = PreviewTurnDTO{t.Speaker, t.Timestamp, t.Text}
	}
	if pv.Err != nil {
		out.Error = pv.Err.Error()
	}
	return out, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ChooseAndImport asks for transcript files and imports them with automatic
// options; an empty list when the user cancelled.
func (ds *DocumentService) ChooseAndImport() ([]ImportedDTO, error) {
	paths, err := ds.s.dialogs.OpenFiles("Import transcripts", transcriptFilters())
	if err != nil || len(paths) == 0 {
		return []ImportedDTO{}, err
	}
	return ds.Import(paths)
}

// Import imports transcript files with automatic options in one
// transaction: if any file cannot be read, nothing is imported and the error
// names the file.
func (ds *DocumentService) Import(paths []string) ([]ImportedDTO, error) {
	r, err := ds.ImportWith(paths, ImportOptionsDTO{})
	if r.Cancelled {
		return []ImportedDTO{}, project.ErrCancelled
	}
	return r.Files, err
}

// ImportWith imports transcript files (folders are expanded) with the options in
// one transaction: if any file cannot be read, nothing is imported and the
// error names every such file. Progress goes out as "import:progress";
// CancelImport stops it, and the report then says Cancelled with the project
// unchanged.
func (ds *DocumentService) ImportWith(paths []string, opt ImportOptionsDTO) (ImportReportDTO, error) {
	out := ImportReportDTO{Files: []ImportedDTO{}}
	if err := project.CheckSpeakerPattern(opt.SpeakerPattern); err != nil {
		return out, fmt.Errorf("%w: %v", store.ErrInvalid, err)
	}
	files, _, err := project.CollectFiles(paths)
	if err != nil {
		return out, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	if !ds.imp.start(cancel) {
		cancel()
		return out, fmt.Errorf("%w: an import is already running", store.ErrInvalid)
	}
	defer ds.imp.finish()
	err = ds.s.withProject(func(p *store.Project) error {
		res, err := project.ImportExcluding(ctx, p, files, opt.corpus(), opt.Exclude, ds.s.coder, func(st project.ImportStep) {
			ds.s.emit("import:progress", ImportProgress{st.Done, st.Total, st.File, st.Read, st.Size, st.Saving})
		})
		for _, r := range res {
			out.Files = append(out.Files, importedDTO(r))
		}
		return err
	})
	if errors.Is(err, project.ErrCancelled) {
		return ImportReportDTO{Files: []ImportedDTO{}, Cancelled: true}, nil
	}
	return out, err
}

func importedDTO(r project.FileReport) ImportedDTO {
	d := ImportedDTO{
		Name: r.Name, ID: r.ID, DuplicateOf: r.DuplicateOf, Turns: r.Turns, Words: r.Words,
		File: r.File, Format: r.Format, Encoding: r.Encoding,
		Speakers: nonNilStrings(r.Speakers), Excluded: nonNilStrings(r.Excluded), Warnings: nonNilStrings(r.Warnings),
		Identifiers: r.IdentifierCount(), Kinds: make([]KindCountDTO, len(r.Identifiers)),
	}
	for i, k := range r.Identifiers {
		d.Kinds[i] = KindCountDTO{k.Kind, k.N}
	}
	return d
}

// CancelImport stops the running import, if any; it reports whether there
// was one. The import then returns Cancelled and the project is unchanged.
func (ds *DocumentService) CancelImport() bool {
	return ds.imp.stop()
}

// speakerPresets are corpus's ready-made patterns, without automatic
// detection (the dialog offers that itself).
func speakerPresets() []SpeakerPresetDTO {
	out := []SpeakerPresetDTO{}
	for _, p := range corpus.SpeakerPresets() {
		if p.Pattern != "" {
			out = append(out, SpeakerPresetDTO{p.ID, p.Label, p.Pattern, p.Example})
		}
	}
	return out
}
