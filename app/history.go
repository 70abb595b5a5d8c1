package app

import (
	"errors"

	"themis/project"
	"themis/store"
)

// HistoryDTO tells the UI what Undo and Redo would do.
type HistoryDTO struct {
	CanUndo bool   `json:"canUndo"`
	CanRedo bool   `json:"canRedo"`
	Undo    string `json:"undo"` // e.g. "coding “poster” as Positive affect"
	Redo    string `json:"redo"`
}

// UndoResult says what an undo or redo changed, so the UI can refresh the
// document it touched.
type UndoResult struct {
	Document  int64      `json:"document"`  // the (first) document it touched
	Documents []int64    `json:"documents"` // every document it touched
	Done      string     `json:"done"`      // e.g. "Undid coding “poster” as Positive affect"
	History   HistoryDTO `json:"history"`
}

func codingHistoryDTO(h project.HistoryState) HistoryDTO {
	return HistoryDTO{CanUndo: h.CanUndo, CanRedo: h.CanRedo, Undo: h.Undo, Redo: h.Redo}
}

// step undoes or redoes the current coder's latest coding step (see
// project.History). Before anyone is chosen to code there is nothing to undo.
func (s *Session) step(undo bool) (*UndoResult, error) {
	out := &UndoResult{}
	err := s.withCoding(func(p *store.Project, v project.Viewer) error {
		move := s.history.Redo
		if undo {
			move = s.history.Undo
		}
		r, err := move(p, v)
		if err != nil {
			return err
		}
		out = &UndoResult{Documents: r.Documents, Done: r.Done, History: codingHistoryDTO(r.State)}
		if len(r.Documents) > 0 {
			out.Document = r.Documents[0]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// historyState says what Undo and Redo would do; nothing before a coder is
// chosen or a project opened.
func (s *Session) historyState() (HistoryDTO, error) {
	var out HistoryDTO
	err := s.withCoding(func(p *store.Project, v project.Viewer) error {
		h, err := s.history.State(p, v)
		out = codingHistoryDTO(h)
		return err
	})
	if errors.Is(err, errNoProject) {
		return HistoryDTO{}, nil
	}
	return out, err
}

// withCoding is withViewer for the coding history, which is empty while
// nobody is chosen to code: then fn is not called and there is no error.
func (s *Session) withCoding(fn func(p *store.Project, v project.Viewer) error) error {
	err := s.withViewer(fn)
	if errors.Is(err, errNoCoder) {
		return nil
	}
	return err
}
