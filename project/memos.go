package project

import (
	"fmt"
	"strings"
	"time"

	"themis/errs"
	"themis/report"
	"themis/store"
)

// MemoView is a memo as it is shown: what it is on, by whom, and its
// Markdown rendered (raw HTML never passes).
type MemoView struct {
	store.Memo
	AuthorName string
	// Code is the code of a code memo or of a segment memo's segment.
	Code     int64
	CodeName string
	// DocumentName is the document of a document or segment memo.
	DocumentName string
	// Start, End and Excerpt are a segment memo's span (code points) and
	// the words it covers, shortened.
	Start, End int
	Excerpt    string
	HTML       string
}

// On describes what the memo is on, e.g. `code “Positive affect”`.
func (m MemoView) On() string {
	switch m.Kind {
	case store.MemoDocument:
		return "document “" + m.DocumentName + "”"
	case store.MemoCode:
		return "code “" + m.CodeName + "”"
	case store.MemoSegment:
		return fmt.Sprintf("segment %d (%s, “%s”) in “%s”", m.Target, m.CodeName, m.Excerpt, m.DocumentName)
	}
	return "the project"
}

// memoNames caches the names a list of memos refers to.
type memoNames struct {
	p      *store.Project
	coders map[int64]store.Coder
	codes  map[int64]string
	docs   map[int64]store.Document
}

func newMemoNames(p *store.Project) (*memoNames, error) {
	n := &memoNames{p: p, coders: map[int64]store.Coder{}, codes: map[int64]string{}, docs: map[int64]store.Document{}}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	for _, c := range coders {
		n.coders[c.ID] = c
	}
	codes, err := p.Codes()
	if err != nil {
		return nil, err
	}
	for _, c := range codes {
		n.codes[c.ID] = c.Name
	}
	return n, nil
}

func (n *memoNames) doc(id int64) (store.Document, error) {
	if d, ok := n.docs[id]; ok {
		return d, nil
	}
	d, err := n.p.Document(id)
	if err != nil {
		return d, err
	}
	n.docs[id] = d
	return d, nil
}

// view resolves a memo's names and renders it; a segment memo also returns
// the segment's coder, whose layer decides who may see it.
func (n *memoNames) view(m store.Memo) (MemoView, int64, error) {
	v := MemoView{Memo: m, AuthorName: n.coders[m.Author].Name}
	v.CreatedAt, v.UpdatedAt = seconds(m.CreatedAt), seconds(m.UpdatedAt)
	var layer int64
	switch m.Kind {
	case store.MemoCode:
		v.Code, v.CodeName = m.Target, n.codes[m.Target]
	case store.MemoSegment:
		s, err := n.p.Segment(m.Target)
		if err != nil {
			return v, 0, err
		}
		layer = s.Coder
		v.Code, v.CodeName, v.Start, v.End = s.Code, n.codes[s.Code], s.Start, s.End
		d, err := n.doc(m.Document)
		if err != nil {
			return v, 0, err
		}
		v.Excerpt = excerpt(d.Text, s.Start, s.End)
	}
	if m.Document != 0 {
		d, err := n.doc(m.Document)
		if err != nil {
			return v, 0, err
		}
		v.DocumentName = d.Name
	}
	html, err := report.MemoHTML(m.Text)
	if err != nil {
		return v, 0, err
	}
	v.HTML = html
	return v, layer, nil
}

// excerpt is the span's words, at most about 60 characters, on one line.
func excerpt(text string, start, end int) string {
	r := []rune(text)
	start, end = max(0, min(start, len(r))), max(0, min(end, len(r)))
	s := strings.Join(strings.Fields(string(r[start:end])), " ")
	if rs := []rune(s); len(rs) > 60 {
		cut := string(rs[:60])
		if i := strings.LastIndex(cut, " "); i > 30 {
			cut = cut[:i]
		}
		s = cut + "…"
	}
	return s
}

// mayRead reports whether the viewer may see a memo: project, document and
// code memos are shared; a segment memo only when blind mode lets the viewer
// see both the segment's layer and the memo's author, so in blind mode a
// coder sees only their own memos on their own segments.
func (v Viewer) mayRead(m store.Memo, layer int64) bool {
	if m.Kind != store.MemoSegment {
		return true
	}
	return v.CanSee(layer) && v.CanSee(m.Author)
}

// RenderMemo is a memo's Markdown as HTML, as MemoView.HTML has it: for a
// preview of text not yet saved.
func RenderMemo(text string) (string, error) { return report.MemoHTML(text) }

// Memos lists the memos the viewer may see, oldest first.
func Memos(p *store.Project, v Viewer, f store.MemoFilter) ([]MemoView, error) {
	memos, err := p.Memos(f)
	if err != nil {
		return nil, err
	}
	names, err := newMemoNames(p)
	if err != nil {
		return nil, err
	}
	out := []MemoView{}
	for _, m := range memos {
		mv, layer, err := names.view(m)
		if err != nil {
			return nil, fmt.Errorf("memo %d: %w", m.ID, err)
		}
		if v.mayRead(m, layer) {
			out = append(out, mv)
		}
	}
	return out, nil
}

// MemoOf is one memo the viewer may see; one blind mode hides is not found,
// so its existence does not show.
func MemoOf(p *store.Project, v Viewer, id int64) (MemoView, error) {
	m, err := p.Memo(id)
	if err != nil {
		return MemoView{}, err
	}
	names, err := newMemoNames(p)
	if err != nil {
		return MemoView{}, err
	}
	mv, layer, err := names.view(m)
	if err != nil {
		return mv, err
	}
	if !v.mayRead(m, layer) {
		return MemoView{}, fmt.Errorf("memo %d: %w", id, store.ErrNotFound)
	}
	return mv, nil
}

// AddMemo writes a memo by the viewer. A segment memo goes only on a
// segment the viewer may see (in blind mode, their own).
func AddMemo(p *store.Project, v Viewer, kind string, target int64, text string) (MemoView, error) {
	if kind == store.MemoSegment {
		s, err := p.Segment(target)
		if err != nil {
			return MemoView{}, err
		}
		if !v.CanSee(s.Coder) {
			return MemoView{}, errs.Errorf(errs.Forbidden, "blind mode is on, so %s writes memos only on their own segments", v.Coder.Name)
		}
	}
	m, err := p.AddMemo(kind, target, text, v.Coder.ID)
	if err != nil {
		return MemoView{}, err
	}
	return MemoOf(p, v, m.ID)
}

// EditMemo replaces the text of one of the viewer's memos.
func EditMemo(p *store.Project, v Viewer, id int64, text string) (store.MemoChange, error) {
	if _, err := MemoOf(p, v, id); err != nil {
		return store.MemoChange{}, err
	}
	return p.EditMemo(id, text, v.Coder.ID)
}

// DeleteMemo deletes one of the viewer's memos; RevertMemo brings it back.
func DeleteMemo(p *store.Project, v Viewer, id int64) (store.MemoChange, error) {
	if _, err := MemoOf(p, v, id); err != nil {
		return store.MemoChange{}, err
	}
	return p.DeleteMemo(id, v.Coder.ID)
}

// RevertMemo takes back one of the viewer's memo changes (an edit or a
// deletion), the undo of the memo editor and the Memos tab.
func RevertMemo(p *store.Project, v Viewer, change int64) (MemoView, error) {
	m, err := p.RevertMemo(change, v.Coder.ID)
	if err != nil {
		return MemoView{}, err
	}
	if _, err := p.Memo(m.ID); err != nil {
		// an addition taken back: the memo is gone
		return MemoView{Memo: m}, nil
	}
	return MemoOf(p, v, m.ID)
}

// seconds is a stored time (RFC 3339 with nanoseconds) to the second, as
// memos show and export it.
func seconds(at string) string {
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return at
	}
	return t.UTC().Format(time.RFC3339)
}
