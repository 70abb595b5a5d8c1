package app

import (
	"themis/store"
)

// DocumentService lists, opens and imports documents.
type DocumentService struct {
	s   *Session
	imp importJob // the running import, for CancelImport
}

// NewDocumentService binds the document service to a session.
func NewDocumentService(s *Session) *DocumentService { return &DocumentService{s: s} }

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
		tcs, err := p.TurnCases(id)
		if err != nil {
			return err
		}
		v = &DocumentView{DocumentDTO: documentDTO(d.DocumentInfo), Text: d.Text, Turns: make([]TurnDTO, len(d.TurnSpans))}
		for i, t := range d.TurnSpans {
			v.Turns[i] = TurnDTO{Speaker: t.Speaker, Timestamp: t.Timestamp, Start: t.Start, ContentStart: t.ContentStart, End: t.End}
			if i < len(tcs) {
				v.Turns[i].Case, v.Turns[i].Excluded = tcs[i].Case, tcs[i].Excluded
			}
		}
		return nil
	})
	return v, err
}
