package project

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"themis/anonymise"
	"themis/corpus"
	"themis/internal/prose"
	"themis/store"
)

// Progress is told how much of a long job is done; name is the item at hand.
type Progress func(done, total int, name string)

// ErrCancelled is returned by an import that was cancelled; nothing was written.
var ErrCancelled = errors.New("the import was cancelled; nothing was imported")

// ImportStep is how far an import has got: Done of Total files are read, File
// is the one being read (empty while the documents are being saved), and Read
// of Size bytes of it are in.
type ImportStep struct {
	Done, Total int
	File        string
	Read, Size  int64
	// Saving is true once every file is read and the documents are being
	// written in their one transaction.
	Saving bool
}

// Skipped is a file inside a chosen folder that Themis does not import.
type Skipped struct {
	Path   string
	File   string // base name
	Reason string
}

// CollectFiles expands the paths the user chose: files are kept as they are
// (an unsupported one then fails with a named error when read), folders are
// walked recursively and give every supported file inside, in name order;
// the other files found in folders are returned as skipped with the reason.
// Hidden files and folders (".DS_Store", ".git") are passed over silently.
// A path that appears twice is kept once.
func CollectFiles(paths []string) (files []string, skipped []Skipped, err error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil || !info.IsDir() {
			add(root) // reading it reports what is wrong, naming the file
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			if corpus.Supported(p) {
				add(p)
			} else if !seen[p] {
				seen[p] = true
				skipped = append(skipped, Skipped{Path: p, File: d.Name(), Reason: unsupportedReason(p)})
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return files, skipped, nil
}

func unsupportedReason(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return "no file extension"
	}
	return "not a transcript format Themis reads (" + ext + ")"
}

// PreviewTurn is the start of one turn, to show that speakers were found.
type PreviewTurn struct {
	Speaker   string
	Timestamp string
	Text      string // the first words of the turn, without its label
}

// FilePreview is what importing a file would store, worked out without
// writing anything.
type FilePreview struct {
	Path     string
	File     string // base name
	Size     int64
	Name     string // the document name it would get (before making it unique)
	Format   string
	Encoding string
	Turns    int
	Words    int
	Speakers []string
	// Interviewers are the speakers that look like the interviewer
	// (corpus.LikelyInterviewers), proposed for leaving out of coding.
	Interviewers []string
	Warnings     []string
	// FirstTurns are the first few turns, their words cut to a line.
	FirstTurns []PreviewTurn
	// Err is why the file cannot be imported, naming it; nil when it can.
	Err error
}

// previewWords is how much of a turn's words a preview shows.
const previewWords = 160

// PreviewFile parses one file with the options and says what importing it
// would store, with its first turns (at most turns of them).
func PreviewFile(ctx context.Context, path string, opt corpus.Options, turns int) FilePreview {
	pv := FilePreview{Path: path, File: filepath.Base(path)}
	if info, err := os.Stat(path); err == nil {
		pv.Size = info.Size()
	}
	d, err := corpus.ReadFileContext(ctx, path, opt, nil)
	if err != nil {
		pv.Err = err
		return pv
	}
	m := metaOf(path, d)
	pv.Name, pv.Format, pv.Encoding, pv.Warnings = d.Name, m.Format, m.Encoding, m.Warnings
	pv.Turns, pv.Words, pv.Speakers = len(d.Turns), d.Words, nonNil(d.Speakers())
	pv.Interviewers = nonNil(corpus.LikelyInterviewers(d))
	for _, t := range d.Turns {
		if len(pv.FirstTurns) == turns {
			break
		}
		pv.FirstTurns = append(pv.FirstTurns, PreviewTurn{Speaker: t.Speaker, Timestamp: t.Timestamp, Text: prose.Excerpt(corpus.Slice(d.Text, t.ContentStart, t.End), previewWords)})
	}
	return pv
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// fileMeta is what a parse found out about a file beyond its text.
type fileMeta struct {
	Format   string // corpus.Document.Format: "text", "docx", "vtt", …
	Encoding string // of a text-based file, e.g. "utf-8", "windows-1252"; "" for other formats
	Warnings []string
}

// metaOf reads a Document's format, encoding and warnings.
func metaOf(_ string, d corpus.Document) fileMeta {
	return fileMeta{Format: d.Format, Encoding: d.Encoding, Warnings: nonNil(d.Warnings)}
}

// KindCount is how many possible identifiers of one kind a file holds.
type KindCount struct {
	Kind string
	N    int
}

// FileReport is what an import did with one file.
type FileReport struct {
	Path        string
	File        string // base name
	Name        string // the document's name in the project
	ID          int64  // 0 when skipped as a duplicate
	DuplicateOf string // the identical document already there, when skipped
	Format      string
	Encoding    string
	Turns       int
	Words       int
	Speakers    []string
	Excluded    []string // speakers left out of coding at import
	Warnings    []string
	// Identifiers counts the likely identifiers (names, phone numbers, …)
	// the anonymisation check found, by kind, most frequent first.
	Identifiers []KindCount
}

// IdentifierCount is the number of possible identifiers in the file.
func (r FileReport) IdentifierCount() int {
	n := 0
	for _, k := range r.Identifiers {
		n += k.N
	}
	return n
}

// Import reads and parses every file with the options, checks each for
// identifiers, and stores them all in one transaction. If any file cannot be
// read nothing is stored and the error names every such file (errors.Join of
// *corpus.FileError). Cancelling ctx stops the work between files, inside a
// long read, or while saving, and returns ErrCancelled with the project
// unchanged. A file identical to a document already in the project is
// reported as a duplicate and not stored again.
func Import(ctx context.Context, p *store.Project, paths []string, opt corpus.Options, actor int64, progress func(ImportStep)) ([]FileReport, error) {
	return ImportExcluding(ctx, p, paths, opt, nil, actor, progress)
}

// ImportExcluding is Import that also leaves the named speakers out of
// coding and analysis (the document_speakers excluded flag) in every file
// where they speak, in the same transaction: the interviewer, so that their
// questions neither count in agreement nor are quoted, nor take a
// participant's case attributes in search. A name no file's speaker has is
// ignored (a file chosen for import may not have the interviewer the
// preview of another proposed).
func ImportExcluding(ctx context.Context, p *store.Project, paths []string, opt corpus.Options, exclude []string, actor int64, progress func(ImportStep)) ([]FileReport, error) {
	if progress == nil {
		progress = func(ImportStep) {}
	}
	total := len(paths)
	reports := make([]FileReport, 0, total)
	docs := make([]store.NewDocument, 0, total)
	var bad []error
	for i, path := range paths {
		if ctx.Err() != nil {
			return nil, ErrCancelled
		}
		base := filepath.Base(path)
		progress(ImportStep{Done: i, Total: total, File: base})
		d, err := corpus.ReadFileContext(ctx, path, opt, func(read, size int64) {
			progress(ImportStep{Done: i, Total: total, File: base, Read: read, Size: size})
		})
		if ctx.Err() != nil {
			return nil, ErrCancelled
		}
		if err != nil {
			bad = append(bad, err)
			continue
		}
		m := metaOf(path, d)
		speakers := nonNil(d.Speakers())
		reports = append(reports, FileReport{
			Path: path, File: base, Format: m.Format, Encoding: m.Encoding,
			Turns: len(d.Turns), Words: d.Words, Speakers: speakers, Warnings: m.Warnings,
			Identifiers: countKinds(anonymise.Scan(d.Text, anonymise.Options{Names: speakers})),
		})
		nd := newDocument(base, d)
		for _, sp := range speakers {
			if slices.Contains(exclude, sp) {
				nd.Excluded = append(nd.Excluded, sp)
			}
		}
		reports[len(reports)-1].Excluded = nd.Excluded
		docs = append(docs, nd)
	}
	if len(bad) > 0 {
		return nil, errors.Join(bad...)
	}
	progress(ImportStep{Done: total, Total: total, Saving: true})
	res, err := p.ImportDocumentsContext(ctx, docs, actor)
	if ctx.Err() != nil {
		// Whatever the database said, a cancelled context rolled the
		// transaction back (or it never began).
		if err == nil {
			// The commit won the race: the documents are in.
			return withResults(reports, res), nil
		}
		return nil, ErrCancelled
	}
	if err != nil {
		return nil, err
	}
	return withResults(reports, res), nil
}

func withResults(reports []FileReport, res []store.Imported) []FileReport {
	for i, r := range res {
		reports[i].Name, reports[i].ID, reports[i].DuplicateOf = r.Name, r.ID, r.DuplicateOf
	}
	return reports
}

func countKinds(fs []anonymise.Finding) []KindCount {
	by := map[string]int{}
	for _, f := range fs {
		by[f.Kind]++
	}
	out := make([]KindCount, 0, len(by))
	for k, n := range by {
		out = append(out, KindCount{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// ImportFiles parses every file first and stores them in one transaction, so
// a file that cannot be read leaves the project unchanged. The error names
// the file and the problem. It is Import with automatic options and no way to
// cancel.
func ImportFiles(p *store.Project, paths []string, actor int64, progress Progress) ([]store.Imported, error) {
	reports, err := Import(context.Background(), p, paths, corpus.Options{}, actor, func(s ImportStep) {
		if progress != nil && s.Read == 0 {
			progress(s.Done, s.Total, s.File)
		}
	})
	if err != nil {
		return nil, err
	}
	out := make([]store.Imported, len(reports))
	for i, r := range reports {
		out[i] = store.Imported{Name: r.Name, ID: r.ID, DuplicateOf: r.DuplicateOf, Turns: r.Turns, Words: r.Words}
	}
	return out, nil
}

// NamedData is a file's name and content, for imports that do not come from disk.
type NamedData struct {
	Name string
	Data []byte
}

// ImportData is ImportFiles for content already in memory.
func ImportData(p *store.Project, files []NamedData, actor int64) ([]store.Imported, error) {
	docs := make([]store.NewDocument, 0, len(files))
	for _, f := range files {
		d, err := corpus.Parse(f.Name, f.Data)
		if err != nil {
			return nil, err
		}
		docs = append(docs, newDocument(f.Name, d))
	}
	return p.ImportDocuments(docs, actor)
}

func newDocument(source string, d corpus.Document) store.NewDocument {
	turns := make([]store.Turn, len(d.Turns))
	for i, t := range d.Turns {
		turns[i] = store.Turn{Speaker: t.Speaker, Timestamp: t.Timestamp, Start: t.Start, ContentStart: t.ContentStart, End: t.End}
	}
	return store.NewDocument{Name: d.Name, SourceName: source, Text: d.Text, Hash: d.Hash, Words: d.Words, Turns: turns}
}

// ImportLine is one line per imported file, as the CLI prints it.
func ImportLine(r store.Imported) string {
	if r.ID == 0 {
		return fmt.Sprintf("%s: skipped, identical to %q already in the project", r.Name, r.DuplicateOf)
	}
	return fmt.Sprintf("%s: %d turns, %d words", r.Name, r.Turns, r.Words)
}

// CheckSpeakerPattern says what is wrong with a custom speaker-label pattern,
// as corpus.ParseWith would read it: a Go regular expression with a group
// named "speaker" (and optionally one named "time"). "" is fine: labels are
// then found automatically.
func CheckSpeakerPattern(pattern string) error {
	if pattern == "" {
		return nil
	}
	_, err := corpus.CompileSpeakerPattern(pattern)
	if err == nil {
		return nil
	}
	// corpus words it to follow a file name: "has an invalid speaker pattern (why)".
	msg := err.Error()
	if i := strings.IndexByte(msg, '('); i >= 0 && strings.HasSuffix(msg, ")") {
		msg = msg[i+1 : len(msg)-1]
	}
	return &patternError{"the speaker pattern cannot be used: " + msg}
}

// patternError is an unusable speaker pattern; errors.Is(err, corpus.ErrBadPattern) holds.
type patternError struct{ msg string }

func (e *patternError) Error() string { return e.msg }
func (e *patternError) Unwrap() error { return corpus.ErrBadPattern }
