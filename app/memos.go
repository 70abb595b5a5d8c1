package app

import (
	"themis/project"
	"themis/store"
)

// MemosService writes, lists, edits and deletes memos on the project, a
// document, a code or a segment, and takes an edit or deletion back.
type MemosService struct{ s *Session }

// NewMemosService binds the memos service to a session.
func NewMemosService(s *Session) *MemosService { return &MemosService{s} }

// MemoDTO is a memo as the UI shows it. Html is the Markdown rendered by
// goldmark with raw HTML left out, safe to show as it is.
type MemoDTO struct {
	ID       int64  `json:"id"`
	Kind     string `json:"kind"`   // project, document, code or segment
	Target   int64  `json:"target"` // the document, code or segment (0: project)
	On       string `json:"on"`     // what it is on, in words
	Document int64  `json:"document"`
	DocName  string `json:"documentName"`
	Code     int64  `json:"code"` // of a code memo, or of a segment memo's segment
	CodeName string `json:"codeName"`
	Start    int    `json:"start"` // a segment memo's span, code points
	End      int    `json:"end"`
	Excerpt  string `json:"excerpt"`
	Author   int64  `json:"author"`
	AuthorN  string `json:"authorName"`
	Mine     bool   `json:"mine"` // the current coder wrote it, so may edit it
	Text     string `json:"text"`
	HTML     string `json:"html"`
	Created  string `json:"created"`
	Updated  string `json:"updated"`
}

// MemoChangeDTO is an edit or deletion: Change is what Revert takes back.
type MemoChangeDTO struct {
	Change int64   `json:"change"`
	Memo   MemoDTO `json:"memo"`
}

func memoDTO(m project.MemoView, v project.Viewer) MemoDTO {
	return MemoDTO{ID: m.ID, Kind: m.Kind, Target: m.Target, On: m.On(), Document: m.Document, DocName: m.DocumentName,
		Code: m.Code, CodeName: m.CodeName, Start: m.Start, End: m.End, Excerpt: m.Excerpt,
		Author: m.Author, AuthorN: m.AuthorName, Mine: m.Author == v.Coder.ID, Text: m.Text, HTML: m.HTML,
		Created: m.CreatedAt, Updated: m.UpdatedAt}
}

// List returns every memo the current coder may see (blind mode hides other
// coders' memos on segments), oldest first.
func (ms *MemosService) List() ([]MemoDTO, error) {
	out := []MemoDTO{}
	err := ms.s.withViewer(func(p *store.Project, v project.Viewer) error {
		memos, err := project.Memos(p, v, store.MemoFilter{})
		for _, m := range memos {
			out = append(out, memoDTO(m, v))
		}
		return err
	})
	return out, err
}

// Add writes a memo as the current coder on the project (kind "project",
// target 0), a document, a code or a segment.
func (ms *MemosService) Add(kind string, target int64, text string) (*MemoDTO, error) {
	var out *MemoDTO
	err := ms.s.withViewer(func(p *store.Project, v project.Viewer) error {
		m, err := project.AddMemo(p, v, kind, target, text)
		if err == nil {
			d := memoDTO(m, v)
			out = &d
		}
		return err
	})
	return out, err
}

// Edit replaces the text of one of the current coder's memos.
func (ms *MemosService) Edit(id int64, text string) (*MemoChangeDTO, error) {
	return ms.change(func(p *store.Project, v project.Viewer) (store.MemoChange, error) {
		return project.EditMemo(p, v, id, text)
	}, true)
}

// Delete deletes one of the current coder's memos; Revert with the change
// brings it back.
func (ms *MemosService) Delete(id int64) (*MemoChangeDTO, error) {
	return ms.change(func(p *store.Project, v project.Viewer) (store.MemoChange, error) {
		return project.DeleteMemo(p, v, id)
	}, false)
}

func (ms *MemosService) change(fn func(p *store.Project, v project.Viewer) (store.MemoChange, error), reread bool) (*MemoChangeDTO, error) {
	var out *MemoChangeDTO
	err := ms.s.withViewer(func(p *store.Project, v project.Viewer) error {
		ch, err := fn(p, v)
		if err != nil {
			return err
		}
		mv := project.MemoView{Memo: ch.Memo}
		if reread {
			if mv, err = project.MemoOf(p, v, ch.Memo.ID); err != nil {
				return err
			}
		}
		out = &MemoChangeDTO{Change: ch.Change, Memo: memoDTO(mv, v)}
		return nil
	})
	return out, err
}

// Revert takes back an edit (the earlier text) or a deletion (the memo,
// under its own id), if nothing changed the memo since; it is journalled.
func (ms *MemosService) Revert(change int64) (*MemoDTO, error) {
	var out *MemoDTO
	err := ms.s.withViewer(func(p *store.Project, v project.Viewer) error {
		m, err := project.RevertMemo(p, v, change)
		if err == nil {
			d := memoDTO(m, v)
			out = &d
		}
		return err
	})
	return out, err
}

// Preview renders Markdown as a memo shows it (goldmark, no raw HTML), for
// the editor's Preview before the memo is saved.
func (ms *MemosService) Preview(text string) (string, error) {
	return project.RenderMemo(text)
}
