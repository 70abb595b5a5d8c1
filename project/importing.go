package project

import (
	"fmt"
	"path/filepath"

	"themis/corpus"
	"themis/store"
)

// Progress is told how much of a long job is done; name is the item at hand.
type Progress func(done, total int, name string)

// ImportFiles parses every file first and stores them in one transaction, so
// a file that cannot be read leaves the project unchanged. The error names
// the file and the problem.
func ImportFiles(p *store.Project, paths []string, actor int64, progress Progress) ([]store.Imported, error) {
	docs := make([]store.NewDocument, 0, len(paths))
	for i, path := range paths {
		if progress != nil {
			progress(i, len(paths), filepath.Base(path))
		}
		d, err := corpus.ReadFile(path)
		if err != nil {
			return nil, err
		}
		docs = append(docs, newDocument(filepath.Base(path), d))
	}
	res, err := p.ImportDocuments(docs, actor)
	if err == nil && progress != nil {
		progress(len(paths), len(paths), "")
	}
	return res, err
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

// Summary is one line per imported file, as the CLI prints it.
func Summary(r store.Imported) string {
	if r.ID == 0 {
		return fmt.Sprintf("%s: skipped, identical to %q already in the project", r.Name, r.DuplicateOf)
	}
	return fmt.Sprintf("%s: %d turns, %d words", r.Name, r.Turns, r.Words)
}
