package project

import (
	"sort"

	"themis/corpus"

	"themis/store"
)

// themeSnapshot is what every theme view reads from the project besides
// the codebook: documents with their turns, cases and texts, every segment,
// the cases and attributes. Reading 40,000 segments and 30,000 turns through
// SQLite takes longer than a view may (the Themes tab repaints on every
// filter change), so the snapshot is read once and kept until the project
// changes (store.Project.Generation); each view then filters and counts in
// memory.
type themeSnapshot struct {
	docs  []*docBase // by id
	cases []store.Case
	attrs []store.Attribute
}

// snapshotOf returns the project's snapshot, kept by the project until it
// next changes (store.Project.Derived).
func snapshotOf(p *store.Project) (*themeSnapshot, error) {
	v, err := p.Derived("project.themeSnapshot", func() (any, error) { return readSnapshot(p) })
	if err != nil {
		return nil, err
	}
	return v.(*themeSnapshot), nil
}

func readSnapshot(p *store.Project) (*themeSnapshot, error) {
	snap := &themeSnapshot{}
	var err error
	if snap.cases, err = p.Cases(); err != nil {
		return nil, err
	}
	if snap.attrs, err = p.Attributes(); err != nil {
		return nil, err
	}
	docs, err := p.Documents()
	if err != nil {
		return nil, err
	}
	turns, err := p.AllTurnCases()
	if err != nil {
		return nil, err
	}
	segs, err := p.Segments(store.SegmentFilter{})
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	texts, err := p.DocumentTexts(ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*docBase, len(docs))
	for _, info := range docs {
		d := &docBase{info: info}
		tcs := turns[info.ID]
		d.hasTurns = len(tcs) > 0
		for _, t := range tcs {
			if t.Excluded {
				if n := len(d.excluded); n > 0 && t.Start <= d.excluded[n-1].end {
					d.excluded[n-1].end = max(d.excluded[n-1].end, t.End)
				} else {
					d.excluded = append(d.excluded, span{t.Start, t.End})
				}
				continue
			}
			d.turns = append(d.turns, themeTurn{start: t.Start, end: t.End, speaker: t.Speaker, caseOf: t.Case})
			if t.Case != "" {
				d.turns[len(d.turns)-1].cases = []string{t.Case}
			}
		}
		if !d.hasTurns {
			d.turns = []themeTurn{{start: 0, end: info.Chars, caseOf: info.Case}}
			if info.Case != "" {
				d.turns[0].cases = []string{info.Case}
			}
		}
		sort.Slice(d.turns, func(i, j int) bool { return d.turns[i].start < d.turns[j].start })
		d.text = corpus.NewWordIndex(texts[info.ID])
		snap.docs = append(snap.docs, d)
		byID[info.ID] = d
	}
	for _, s := range segs { // in document order already
		if d := byID[s.Document]; d != nil {
			d.segs = append(d.segs, s)
		}
	}
	return snap, nil
}
