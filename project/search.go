package project

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"themis/search"
	"themis/store"
)

// SearchSource is a project as the search index sees it: its documents'
// turns with their cases, attributes and every coder's codes. Its version
// is the project's newest journal entry, so any change makes an index stale.
type SearchSource struct {
	p      *store.Project
	codes  map[int64]string
	coders map[int64]string
}

// NewSearchSource reads the index's turns from p.
func NewSearchSource(p *store.Project) *SearchSource { return &SearchSource{p: p} }

// Identity is the project's absolute path.
func (s *SearchSource) Identity() string { return s.p.Path() }

// Version is "journal:N" for the newest journal entry N.
func (s *SearchSource) Version() (string, error) {
	id, err := s.newest()
	if err != nil {
		return "", err
	}
	return "journal:" + strconv.FormatInt(id, 10), nil
}

func (s *SearchSource) newest() (int64, error) {
	j, err := s.p.Journal(1)
	if err != nil {
		return 0, fmt.Errorf("%s: journal: %w", s.p.Path(), err)
	}
	if len(j) == 0 {
		return 0, nil
	}
	return j[0].ID, nil
}

// Documents lists the documents in import order, and reads the names of the
// codes and coders the turns will carry.
func (s *SearchSource) Documents() ([]search.Document, error) {
	codes, err := s.p.Codes()
	if err != nil {
		return nil, fmt.Errorf("%s: codes: %w", s.p.Path(), err)
	}
	coders, err := s.p.Coders()
	if err != nil {
		return nil, fmt.Errorf("%s: coders: %w", s.p.Path(), err)
	}
	s.codes, s.coders = map[int64]string{}, map[int64]string{}
	for _, c := range codes {
		s.codes[c.ID] = c.Name
	}
	for _, c := range coders {
		s.coders[c.ID] = c.Name
	}
	docs, err := s.p.Documents()
	if err != nil {
		return nil, fmt.Errorf("%s: documents: %w", s.p.Path(), err)
	}
	out := make([]search.Document, len(docs))
	for i, d := range docs {
		out[i] = search.Document{ID: d.ID, Name: d.Name}
	}
	return out, nil
}

// Turns returns a document's turns: the text after the speaker label, the
// case the turn is attributed to, and the codes of every segment that
// overlaps the turn.
func (s *SearchSource) Turns(d search.Document) ([]search.Turn, error) {
	if s.codes == nil {
		if _, err := s.Documents(); err != nil {
			return nil, err
		}
	}
	doc, err := s.p.Document(d.ID)
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", d.Name, err)
	}
	cases, err := s.p.TurnCases(d.ID)
	if err != nil {
		return nil, fmt.Errorf("document %q: cases: %w", d.Name, err)
	}
	segs, err := s.p.Segments(store.SegmentFilter{Document: d.ID})
	if err != nil {
		return nil, fmt.Errorf("document %q: segments: %w", d.Name, err)
	}
	memos, err := s.p.Memos(store.MemoFilter{Document: d.ID})
	if err != nil {
		return nil, fmt.Errorf("document %q: memos: %w", d.Name, err)
	}
	layer := map[int64]store.Segment{}
	for _, sg := range segs {
		layer[sg.ID] = sg
	}
	byTurn := map[int]store.TurnCase{}
	for _, c := range cases {
		byTurn[c.Turn] = c
	}
	text := []rune(doc.Text)
	out := make([]search.Turn, 0, len(doc.TurnSpans))
	for i, t := range doc.TurnSpans {
		start, end := clampSpan(t.ContentStart, t.End, len(text))
		turn := search.Turn{Index: i, Speaker: t.Speaker, Start: start, Text: string(text[start:end])}
		if c, ok := byTurn[i]; ok {
			turn.Case, turn.Attributes, turn.Excluded = c.Case, c.Attributes, c.Excluded
		}
		// A segment codes a turn when it overlaps any of it.
		for _, sg := range segs {
			if sg.Start >= t.End {
				break // sorted by start
			}
			if sg.End > t.Start {
				turn.Codes = append(turn.Codes, search.Coding{Coder: s.coders[sg.Coder], Code: s.codes[sg.Code]})
			}
		}
		turn.Memos = s.turnMemos(memos, layer, i, t)
		out = append(out, turn)
	}
	return out, nil
}

// turnMemos are the memos a turn carries: the document's memos on its first
// turn, and the memos on segments that overlap the turn. A memo on a segment
// is its author's to find in blind mode only when the segment is their own
// too (project.Viewer.mayRead); otherwise it is found only with blind mode
// off.
func (s *SearchSource) turnMemos(memos []store.Memo, segs map[int64]store.Segment, i int, t store.Turn) []search.MemoText {
	var out []search.MemoText
	for _, m := range memos {
		switch m.Kind {
		case store.MemoDocument:
			if i == 0 {
				out = append(out, search.MemoText{Text: m.Text})
			}
		case store.MemoSegment:
			sg, ok := segs[m.Target]
			if !ok || sg.Start >= t.End || sg.End <= t.Start {
				continue
			}
			out = append(out, search.MemoText{Text: m.Text, Coder: s.coders[m.Author], Hidden: sg.Coder != m.Author})
		}
	}
	return out
}

func clampSpan(start, end, n int) (int, int) {
	start = max(0, min(start, n))
	end = max(start, min(end, n))
	return start, end
}

// unchanged are journal actions that do not change what the index holds.
var unchanged = map[string]bool{"coder.add": true, "settings.blind": true, "codebook.tag": true,
	"plan.draw": true, "plan.done": true, "plan.undone": true}

// maxFollow is how many journal entries an update follows before a rebuild
// is simpler.
const maxFollow = 5000

// Changed names the documents whose segments or memos changed since the
// version, when every change since is a segment added or removed (coding,
// undo) or a memo written, edited, deleted or taken back; any other
// change (an import, a case, the codebook) cannot be followed and the index
// is rebuilt.
func (s *SearchSource) Changed(since string) ([]int64, bool, error) {
	from, err := strconv.ParseInt(strings.TrimPrefix(since, "journal:"), 10, 64)
	if err != nil || !strings.HasPrefix(since, "journal:") {
		return nil, false, nil
	}
	now, err := s.newest()
	if err != nil {
		return nil, false, err
	}
	if now < from || now-from > maxFollow {
		return nil, false, nil
	}
	entries, err := s.p.Journal(int(now - from))
	if err != nil {
		return nil, false, fmt.Errorf("%s: journal: %w", s.p.Path(), err)
	}
	var docs []int64
	for _, e := range entries {
		if e.ID <= from || unchanged[e.Action] {
			continue
		}
		memo := strings.HasPrefix(e.Action, "memo.")
		if e.Action != "segment.add" && e.Action != "segment.remove" && !memo {
			return nil, false, nil
		}
		var seg struct{ Document int64 }
		if err := json.Unmarshal([]byte(e.Detail), &seg); err != nil {
			return nil, false, nil
		}
		if seg.Document == 0 {
			if memo {
				continue // a project or code memo: no turn carries it
			}
			return nil, false, nil
		}
		docs = append(docs, seg.Document)
	}
	return docs, true, nil
}

// SearchDirs are the folders the project's search index may live in, in the
// order they are tried: "NAME.themis-search" beside the project file, then
// a folder per project in the user's cache directory, then one in the
// temporary directory (for a project in a folder that cannot be written, or
// whose index another Themis has open).
func SearchDirs(path string) []string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	sum := sha256.Sum256([]byte(abs))
	key := strings.TrimSuffix(filepath.Base(abs), store.Extension) + "-" + hex.EncodeToString(sum[:8])
	dirs := []string{strings.TrimSuffix(abs, store.Extension) + store.Extension + "-search"}
	if cache, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(cache, "themis", "search", key))
	}
	return append(dirs, filepath.Join(os.TempDir(), "themis-search", key))
}

// PurgeSearch deletes the project's search index in every folder it may
// live in (SearchDirs), so that text taken out of the project is out of its
// cache too; the next search builds the index afresh. An index another
// Themis has open cannot be purged: the error names its folder.
func PurgeSearch(path string) error {
	var errs []error
	for _, dir := range SearchDirs(path) {
		if err := search.Purge(dir); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// OpenSearch opens the project's search index, building or updating it
// first when it is missing or stale (progress counts documents). It tries
// each of SearchDirs in turn.
func OpenSearch(p *store.Project, progress search.Progress) (*search.Index, error) {
	return OpenSearchIn(SearchDirs(p.Path()), p, progress)
}

// OpenSearchIn is OpenSearch with the folders to try.
func OpenSearchIn(dirs []string, p *store.Project, progress search.Progress) (*search.Index, error) {
	src := NewSearchSource(p)
	var errs []error
	for _, dir := range dirs {
		ix, err := search.Ensure(dir, src, progress)
		if err == nil {
			return ix, nil
		}
		errs = append(errs, err)
		if !errors.Is(err, search.ErrBusy) && !errors.Is(err, os.ErrPermission) && !isFolderError(err) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("no folder to keep the search index of %s in: %w", p.Path(), errors.Join(errs...))
}

// isFolderError is a failure to make or write the index folder (a read-only
// file system, a file in the way).
func isFolderError(err error) bool {
	var pe *os.PathError
	return errors.As(err, &pe) || errors.Is(err, os.ErrExist) || errors.Is(err, os.ErrNotExist)
}
