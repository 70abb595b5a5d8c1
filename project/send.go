package project

import (
	"fmt"
	"path/filepath"
	"strings"

	"themis/errs"
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
	default:
		return SendSummary{}, errs.Errorf(errs.Invalid, "%s: a coder's copy is a %s project file or a .qdpx archive", filepath.Base(out), store.Extension)
	}
}
