package app

import (
	"themis/project"
	"themis/store"
)

// DocumentService lists, opens and imports documents.
type DocumentService struct{ s *Session }

// NewDocumentService binds the document service to a session.
func NewDocumentService(s *Session) *DocumentService { return &DocumentService{s} }

// List returns the project's documents in import order.
func (ds *DocumentService) List() ([]DocumentDTO, error) {
	out := []DocumentDTO{}
	err := ds.s.withProject(func(p *store.Project) error {
		docs, err := p.Documents()
		for _, d := range docs {
			out = append(out, documentDTO(d))
		}
		return err
	})
	return out, err
}

func documentDTO(d store.DocumentInfo) DocumentDTO {
	return DocumentDTO{ID: d.ID, Name: d.Name, Turns: d.Turns, Words: d.Words, Chars: d.Chars, Case: d.Case}
}

// Get returns a document's text and turns for the reader.
func (ds *DocumentService) Get(id int64) (*DocumentView, error) {
	var v *DocumentView
	err := ds.s.withProject(func(p *store.Project) error {
		d, err := p.Document(id)
		if err != nil {
			return err
		}
		v = &DocumentView{DocumentDTO: documentDTO(d.DocumentInfo), Text: d.Text, Turns: make([]TurnDTO, len(d.TurnSpans))}
		for i, t := range d.TurnSpans {
			v.Turns[i] = TurnDTO{t.Speaker, t.Timestamp, t.Start, t.ContentStart, t.End}
		}
		return nil
	})
	return v, err
}

// ChooseAndImport asks for transcript files and imports them; an empty list
// when the user cancelled.
func (ds *DocumentService) ChooseAndImport() ([]ImportedDTO, error) {
	paths, err := ds.s.dialogs.OpenFiles("Import transcripts", []Filter{{"Transcripts (*.txt, *.docx)", "*.txt;*.text;*.md;*.docx"}})
	if err != nil || len(paths) == 0 {
		return []ImportedDTO{}, err
	}
	return ds.Import(paths)
}

// Import imports transcript files in one transaction: if any file cannot be
// read, nothing is imported and the error names the file.
func (ds *DocumentService) Import(paths []string) ([]ImportedDTO, error) {
	out := []ImportedDTO{}
	err := ds.s.withProject(func(p *store.Project) error {
		res, err := project.ImportFiles(p, paths, ds.s.coder, func(done, total int, name string) {
			ds.s.emit("import:progress", ImportProgress{done, total, name})
		})
		for _, r := range res {
			out = append(out, ImportedDTO{r.Name, r.ID, r.DuplicateOf, r.Turns, r.Words})
		}
		return err
	})
	return out, err
}
