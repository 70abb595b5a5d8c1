package app

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"themis/errs"
	"themis/project"
	"themis/search"
	"themis/store"
)

// SearchService is full-text search of the turns, and coding the hits.
//
// The index is a cache beside the project (see project.SearchDirs). It is
// built, updated or rebuilt when a search finds it missing or stale, from a
// read-only connection of its own, so the session stays free meanwhile;
// "search:progress" events follow the work.
type SearchService struct {
	s *Session

	mu   sync.Mutex // one index build or query at a time
	ix   *search.Index
	path string // the project the index is of
}

// NewSearchService binds the service to a session.
func NewSearchService(s *Session) *SearchService {
	ss := &SearchService{s: s}
	// The index holds a lock on its folder and the turns in memory: let go
	// of both with the project.
	s.OnClose(ss.release)
	// A replacement of identifiers purges the index's folder, which it
	// cannot while the index is open.
	s.OnRewrite(ss.release)
	return ss
}

func (ss *SearchService) release() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.ix != nil {
		ss.ix.Close()
		ss.ix, ss.path = nil, ""
	}
}

// SearchProgress is how far building or updating the index has got, in documents.
type SearchProgress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// SearchInfoDTO describes the index: its size and the fields a query can use.
type SearchInfoDTO struct {
	Documents  int      `json:"documents"`
	Turns      int      `json:"turns"`
	Fields     []string `json:"fields"`     // document, speaker, case, excluded, code, coder
	Attributes []string `json:"attributes"` // case attribute fields: role, age_group, …
	Coders     []string `json:"coders"`     // the coders whose coding a query may look at
	Blind      bool     `json:"blind"`
}

// SearchHitDTO is one hit; offsets are code points in the document.
type SearchHitDTO struct {
	Document  int64  `json:"document"`
	Name      string `json:"name"`
	Turn      int    `json:"turn"`
	Speaker   string `json:"speaker"`
	Case      string `json:"case"`
	Excluded  bool   `json:"excluded"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	TurnStart int    `json:"turnStart"`
	TurnEnd   int    `json:"turnEnd"`
	Whole     bool   `json:"whole"`
	Before    string `json:"before"`
	Match     string `json:"match"`
	After     string `json:"after"`
}

// SearchDocumentDTO counts one document's matches.
type SearchDocumentDTO struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Turns int    `json:"turns"` // matching turns, all of them
	Hits  int    `json:"hits"`  // hits among those shown
}

// SearchResultsDTO is a query's results in reading order.
type SearchResultsDTO struct {
	Query     string              `json:"query"` // as understood
	Turns     int                 `json:"turns"`
	Hits      []SearchHitDTO      `json:"hits"`
	Documents []SearchDocumentDTO `json:"documents"`
	Truncated bool                `json:"truncated"`
}

// CodeHitsDTO says what coding every hit did.
type CodeHitsDTO struct {
	Coded     int        `json:"coded"`     // new segments
	Already   int        `json:"already"`   // spans the coder had already coded with the code
	Skipped   int        `json:"skipped"`   // hits in turns of speakers left out of coding
	Documents []int64    `json:"documents"` // the documents that got segments
	Done      string     `json:"done"`      // e.g. "Coded 12 search hits as Positive affect"
	History   HistoryDTO `json:"history"`
}

// searchScope is what the current coder may search: the project and, in
// blind mode, only their own layer.
type searchScope struct {
	path   string
	coder  store.Coder
	coders []string // nil: every coder
}

func (ss *SearchService) scope() (searchScope, error) {
	var sc searchScope
	err := ss.s.withViewer(func(p *store.Project, v project.Viewer) error {
		sc.path, sc.coder, sc.coders = p.Path(), v.Coder, v.SearchCoders()
		return nil
	})
	return sc, err
}

// index returns the project's index, up to date, building it when needed.
// The caller holds ss.mu.
func (ss *SearchService) index(path string) (*search.Index, error) {
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	defer ro.Close()
	progress := func(done, total int) { ss.s.emit("search:progress", SearchProgress{done, total}) }
	if ss.ix != nil && ss.path == path {
		err := ss.ix.Refresh(project.NewSearchSource(ro), progress)
		if err == nil {
			return ss.ix, nil
		}
		// A broken index: start again from nothing.
		ss.ix.Close()
		ss.ix = nil
	}
	if ss.ix != nil {
		ss.ix.Close()
		ss.ix = nil
	}
	ix, err := project.OpenSearch(ro, progress)
	if err != nil {
		return nil, err
	}
	ss.ix, ss.path = ix, path
	return ix, nil
}

// Prepare builds or updates the index (with progress events) and describes it.
func (ss *SearchService) Prepare() (*SearchInfoDTO, error) {
	sc, err := ss.scope()
	if err != nil {
		return nil, err
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ix, err := ss.index(sc.path)
	if err != nil {
		return nil, err
	}
	docs, turns := ix.Size()
	info := &SearchInfoDTO{Documents: docs, Turns: turns, Fields: append([]string{}, search.Fields...),
		Attributes: ix.Attributes(), Coders: sc.coders, Blind: sc.coders != nil}
	if info.Coders == nil {
		err := ss.s.withProject(func(p *store.Project) error {
			cs, err := p.Coders()
			for _, c := range cs {
				info.Coders = append(info.Coders, c.Name)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return info, nil
}

func (ss *SearchService) run(sc searchScope, q string, limit int) (*search.Results, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ix, err := ss.index(sc.path)
	if err != nil {
		return nil, err
	}
	r, err := ix.Query(q, search.Options{Limit: limit, Coders: sc.coders})
	if search.IsQueryError(err) {
		// The query error is kept under the message for errors.As; its kind
		// (invalid input) is what the UI reads.
		return nil, &errs.Error{Kind: errs.Invalid, Msg: queryMessage(err), Err: err}
	}
	return r, err
}

// queryMessage is a query error without the query repeated, for the UI.
func queryMessage(err error) string {
	var se *search.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s (at character %d)", se.Msg, se.Offset+1)
	}
	var qe *search.QueryError
	if errors.As(err, &qe) {
		return qe.Msg
	}
	return err.Error()
}

// Search runs a query (the syntax of search.ParseQuery) and returns at most
// limit turns' hits (0: all), with every coder's coding searchable unless
// blind mode limits the current coder to their own.
func (ss *SearchService) Search(query string, limit int) (*SearchResultsDTO, error) {
	sc, err := ss.scope()
	if err != nil {
		return nil, err
	}
	r, err := ss.run(sc, query, limit)
	if err != nil {
		return nil, err
	}
	out := &SearchResultsDTO{Query: r.Query, Turns: r.Turns, Truncated: r.Truncated, Hits: []SearchHitDTO{}, Documents: []SearchDocumentDTO{}}
	for _, h := range r.Hits {
		out.Hits = append(out.Hits, SearchHitDTO{Document: h.DocumentID, Name: h.Document, Turn: h.Turn, Speaker: h.Speaker, Case: h.Case,
			Excluded: h.Excluded, Start: h.Start, End: h.End, TurnStart: h.TurnStart, TurnEnd: h.TurnEnd, Whole: h.Whole,
			Before: h.Before, Match: h.Match, After: h.After})
	}
	for _, d := range r.Documents {
		out.Documents = append(out.Documents, SearchDocumentDTO{ID: d.ID, Name: d.Name, Turns: d.Turns, Hits: d.Hits})
	}
	return out, nil
}

// CodeHits codes every hit of a query — the matched words, or with whole
// the whole turn of each hit — with a code as the current coder, in one
// transaction and one step that Undo reverses. Hits in the turns of
// speakers left out of coding are skipped.
func (ss *SearchService) CodeHits(query string, code int64, whole bool) (*CodeHitsDTO, error) {
	sc, err := ss.scope()
	if err != nil {
		return nil, err
	}
	r, err := ss.run(sc, query, 0)
	if err != nil {
		return nil, err
	}
	out := &CodeHitsDTO{Documents: []int64{}}
	type span struct {
		doc        int64
		start, end int
	}
	var spans []span
	seen := map[span]bool{}
	for _, h := range r.Hits {
		if h.Excluded {
			out.Skipped++
			continue
		}
		sp := span{h.DocumentID, h.Start, h.End}
		if whole {
			sp.start, sp.end = h.TurnStart, h.TurnEnd
		}
		if sp.end <= sp.start || seen[sp] {
			continue
		}
		seen[sp] = true
		spans = append(spans, sp)
	}
	err = ss.s.withViewer(func(p *store.Project, v project.Viewer) error {
		if p.Path() != sc.path || v.Coder.ID != sc.coder.ID {
			return fmt.Errorf("%w: the project or the coder changed while searching; search again", store.ErrInvalid)
		}
		c, err := p.Code(code)
		if err != nil {
			return err
		}
		if !c.Codable {
			return fmt.Errorf("%w: %q groups other codes and is not codable itself", store.ErrInvalid, c.Name)
		}
		if len(spans) == 0 {
			return fmt.Errorf("%w: no hits to code (hits in turns left out of coding are skipped)", store.ErrInvalid)
		}
		news := make([]store.NewSegment, len(spans))
		for i, sp := range spans {
			news[i] = store.NewSegment{Document: sp.doc, Code: code, Start: sp.start, End: sp.end}
		}
		label := func(n int) string {
			what := countOf(n, "search hit", "search hits")
			if whole {
				what = countOf(n, "turn with a search hit", "turns with search hits")
			}
			return fmt.Sprintf("coding %s for %s as %s", what, clipQuery(query), c.Name)
		}
		segs, created, err := ss.s.history.CodeAll(p, v, news, label)
		if err != nil {
			return err
		}
		docs := map[int64]bool{}
		for i, seg := range segs {
			if !created[i] {
				out.Already++
				continue
			}
			out.Coded++
			if !docs[seg.Document] {
				docs[seg.Document] = true
				out.Documents = append(out.Documents, seg.Document)
			}
		}
		if out.Coded > 0 {
			out.Done = "Coded " + strings.TrimPrefix(label(out.Coded), "coding ")
		} else {
			out.Done = fmt.Sprintf("Every hit was already coded as %s", c.Name)
		}
		h, err := ss.s.history.State(p, v)
		out.History = codingHistoryDTO(h)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func clipQuery(q string) string {
	q = strings.TrimSpace(q)
	if r := []rune(q); len(r) > 40 {
		q = string(r[:37]) + "…"
	}
	return "“" + q + "”"
}
