package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"themis/errs"
	"themis/interop/qdpx"
	"themis/store"
)

// SendSummary says what a coder's copy holds.
type SendSummary struct {
	Path, Coder                string
	Documents, Segments, Memos int
}

// SendCopy writes the copy a coder codes on their own machine: OUT.themis (a
// copy of the project holding only that coder's layer — no other coder's
// segments, consensus layers, adjudications, other coders' memos, nor any
// trace of them in the journal or codebook history; wiped with secure_delete
// + VACUUM; see store.CopyForCoder) or OUT.qdpx (ExportQDPX with only that
// coder, the lead acting). Lead only. An existing out is refused
// (store.ErrExists) and left as it was.
func SendCopy(p *store.Project, coder int64, out string, actor int64) (SendSummary, error) {
	lead, err := p.Lead()
	if err != nil {
		return SendSummary{}, err
	}
	if actor != lead.ID {
		return SendSummary{}, errs.E(errs.Forbidden, "send a coder's copy",
			fmt.Errorf("only the project lead (%s) sends coders their copies", lead.Name))
	}
	c, err := p.Coder(coder)
	if err != nil {
		return SendSummary{}, err
	}
	if c.Kind != store.KindCoder {
		return SendSummary{}, errs.Errorf(errs.Invalid, "%s is a consensus layer; a copy is sent to a coder", c.Name)
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case store.Extension:
		sum, err := p.CopyForCoder(coder, out, filepath.Base(p.Path()), actor)
		if err != nil {
			return SendSummary{}, err
		}
		return SendSummary{Path: out, Coder: c.Name, Documents: sum.Documents, Segments: sum.Segments, Memos: sum.Memos}, nil
	case ".qdpx":
		return sendQDPX(p, c, out)
	default:
		return SendSummary{}, errs.Errorf(errs.Invalid, "%s: a coder's copy is a %s project file or a .qdpx archive", filepath.Base(out), store.Extension)
	}
}

// sendQDPX writes the coder's layer as a REFI-QDA archive for a coder who
// codes in another tool: Exchange with that coder only, which keeps the
// lead's memos too; the lead's memos on passages are the lead's reading of
// the coder's segments, so, as in a .themis copy, only the coder's own
// passage memos stay.
func sendQDPX(p *store.Project, c store.Coder, out string) (SendSummary, error) {
	if _, err := os.Lstat(out); err == nil {
		return SendSummary{}, fmt.Errorf("%s: %w", out, store.ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return SendSummary{}, err
	}
	m, err := Exchange(p, ExchangeOptions{Coders: []int64{c.ID}})
	if err != nil {
		return SendSummary{}, err
	}
	var self string
	for _, u := range m.Users {
		if strings.EqualFold(u.Name, c.Name) {
			self = u.GUID
		}
	}
	author := make(map[string]string, len(m.Notes))
	for _, n := range m.Notes {
		author[n.GUID] = n.CreatingUser
	}
	drop := map[string]bool{}
	segments := 0
	for i := range m.Sources {
		for j := range m.Sources[i].Selections {
			sel := &m.Sources[i].Selections[j]
			segments++
			refs := sel.NoteRefs[:0]
			for _, r := range sel.NoteRefs {
				if a, ok := author[r]; ok && (self == "" || a != self) {
					drop[r] = true
					continue
				}
				refs = append(refs, r)
			}
			sel.NoteRefs = refs
		}
	}
	notes := m.Notes[:0]
	for _, n := range m.Notes {
		if !drop[n.GUID] {
			notes = append(notes, n)
		}
	}
	m.Notes = notes
	if err := qdpx.WriteFile(out, m); err != nil {
		return SendSummary{}, err
	}
	return SendSummary{Path: out, Coder: c.Name, Documents: len(m.Sources), Segments: segments, Memos: len(m.Notes)}, nil
}
