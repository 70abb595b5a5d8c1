package search

import (
	"bufio"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/gofrs/flock"
)

// FormatVersion is the version of the index layout and analysis. An index
// of another version is rebuilt.
const FormatVersion = 3

// Document is one document of a Source.
type Document struct {
	ID   int64
	Name string
}

// Coding is one code applied to (part of) a turn by one coder.
type Coding struct {
	Coder string
	Code  string
}

// Turn is one speaker turn as it is indexed.
type Turn struct {
	Index      int               // of the turn in its document
	Speaker    string            // as the turn spells it
	Start      int               // code point offset of Text in the document
	Text       string            // what the speaker said (without the speaker label)
	Case       string            // the case the turn is attributed to, "" without one
	Attributes map[string]string // the case's attributes
	Excluded   bool              // the speaker is left out of coding and analysis
	Codes      []Coding          // every coder's codes on segments overlapping the turn
	Memos      []MemoText        // memos on the turn's document (first turn) and on segments overlapping it
}

// MemoText is a memo's text as a turn carries it. Coder is the coder whose
// own segment the memo is on and who wrote it: in blind mode only they find
// it. A shared memo (on the document) has no coder; a memo one coder wrote
// on another's segment has Hidden set and is found only when blind mode is
// off.
type MemoText struct {
	Text   string
	Coder  string
	Hidden bool
}

// Source is what an index is built from: a project, or a generated corpus.
type Source interface {
	// Identity names the source (a project's absolute path); an index
	// built from another source is rebuilt.
	Identity() string
	// Version identifies the state of the source (for a project, its newest
	// journal entry); an index built from another version is stale.
	Version() (string, error)
	// Documents lists the documents in the order results show them.
	Documents() ([]Document, error)
	// Turns returns the turns of one document.
	Turns(d Document) ([]Turn, error)
}

// ChangeSource is a Source that can tell which documents changed since a
// version, so that a stale index is updated instead of rebuilt.
type ChangeSource interface {
	Source
	// Changed lists the documents whose turns may differ since version;
	// ok is false when that cannot be told (the index is then rebuilt).
	Changed(since string) (documents []int64, ok bool, err error)
}

// Progress is told how many of the total documents are indexed; it may be nil.
type Progress func(done, total int)

// ErrBusy means another process has the index folder open.
var ErrBusy = errors.New("the search index is in use by another Themis")

// meta is what an index records about what it was built from. It is
// written last, so an index without it is incomplete and is rebuilt.
type meta struct {
	Format     int                `json:"format"`
	Source     string             `json:"source"`
	Version    string             `json:"version"`
	Built      string             `json:"built"`
	Documents  map[string]docMeta `json:"documents"`
	Attributes []string           `json:"attributes"` // field names of the case attributes, sorted
}

type docMeta struct {
	Name  string `json:"name"`
	Turns int    `json:"turns"`
	Order int    `json:"order"`
}

// Index is an open search index of turns.
type Index struct {
	mu    sync.RWMutex
	dir   string
	idx   bleve.Index
	meta  meta
	turns map[string]turnRecord // by turn id: what a hit shows, without asking bleve for stored fields
	lock  *flock.Flock
}

// turnRecord is what a hit needs of its turn. The records are kept in
// memory and in turnsFile beside the bleve index: loading stored fields
// from bleve for every hit was the largest cost of a query with many hits.
type turnRecord struct {
	DocID    int64
	Document string
	Turn     int
	Start    int
	Speaker  string
	Case     string
	Excluded bool
	Text     string
}

func readTurns(dir string) (map[string]turnRecord, error) {
	f, err := os.Open(filepath.Join(dir, turnsFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var turns map[string]turnRecord
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&turns); err != nil {
		return nil, fmt.Errorf("%s: %w", turnsFile, err)
	}
	return turns, nil
}

func writeTurns(dir string, turns map[string]turnRecord) error {
	tmp := filepath.Join(dir, turnsFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := gob.NewEncoder(w).Encode(turns); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, turnsFile))
}

const (
	metaFile  = "themis-search.json"
	turnsFile = "turns.gob"
	bleveDir  = "bleve"
	lockFile  = "lock"
	batchSize = 1000
)

// Field names in the index.
const (
	fText     = "text"     // English analysis, stemmed; stored for snippets
	fExact    = "exact"    // the same text, lower-cased words unstemmed: prefix, wildcard, fuzzy
	fDocument = "document" // document name
	fDocID    = "docid"
	fTurn     = "turn"
	fStart    = "start"
	fSpeaker  = "speaker"
	fCase     = "case"
	fExcluded = "excluded"   // "yes" or "no"
	fCode     = "code"       // code names, any coder
	fCodeBy   = "codeby"     // "code@coder"
	fCoder    = "coder"      // coders with any code on the turn
	attrField = "attr."      // prefix of case attribute fields
	fMemo     = "memo"       // every memo's text on the turn, English analysis
	fMemoAll  = "memoshared" // memos everyone may find: on the document
	memoBy    = "memoby."    // prefix: a coder's memos on their own segments
	kwLower   = "themis_keyword_lower"
	// exactAnalyzer splits words and lower-cases them, nothing more.
	exactAnalyzer = "themis_exact"
)

// AttributeField is the field name a case attribute is searched under:
// lower case, spaces as underscores ("Age group" → age_group).
func AttributeField(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), "_")
}

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(kwLower, map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomAnalyzer(exactAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	dm := bleve.NewDocumentMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = false // the text is in the turn records
	text.IncludeTermVectors = true
	text.IncludeInAll = false
	exact := bleve.NewTextFieldMapping()
	exact.Name = fExact
	exact.Analyzer = exactAnalyzer
	exact.Store = false
	exact.IncludeTermVectors = true
	exact.IncludeInAll = false
	dm.AddFieldMappingsAt(fText, text, exact)
	keyword := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = kwLower
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		return f
	}
	for _, name := range []string{fDocument, fSpeaker, fCase, fDocID, fExcluded} {
		dm.AddFieldMappingsAt(name, keyword(true))
	}
	for _, name := range []string{fCode, fCodeBy, fCoder} {
		dm.AddFieldMappingsAt(name, keyword(false))
	}
	for _, name := range []string{fTurn, fStart} {
		n := bleve.NewNumericFieldMapping()
		n.Store = true
		n.Index = false
		n.IncludeInAll = false
		dm.AddFieldMappingsAt(name, n)
	}
	memo := bleve.NewTextFieldMapping()
	memo.Analyzer = en.AnalyzerName
	memo.Store = false
	memo.IncludeTermVectors = true // positions, for phrases
	memo.IncludeInAll = false
	dm.AddFieldMappingsAt(fMemo, memo)
	dm.AddFieldMappingsAt(fMemoAll, memo)
	memos := bleve.NewDocumentMapping()
	memos.Dynamic = true
	memos.DefaultAnalyzer = en.AnalyzerName
	dm.AddSubDocumentMapping(strings.TrimSuffix(memoBy, "."), memos)
	attrs := bleve.NewDocumentMapping()
	attrs.Dynamic = true
	attrs.DefaultAnalyzer = kwLower
	dm.AddSubDocumentMapping(strings.TrimSuffix(attrField, "."), attrs)
	im.DefaultMapping = dm
	im.DefaultAnalyzer = kwLower
	im.StoreDynamic = false
	im.IndexDynamic = true
	im.DocValuesDynamic = false
	return im, nil
}

// turnID orders turns by document and position, so that sorting by id
// gives results in reading order.
func turnID(order, turn int) string { return fmt.Sprintf("%08d.%07d", order, turn) }

func turnDoc(d Document, t Turn) map[string]any {
	codes, byCoder, coders := []string{}, []string{}, []string{}
	seen := map[string]bool{}
	add := func(list *[]string, v string) {
		if !seen[v] {
			seen[v] = true
			*list = append(*list, v)
		}
	}
	for _, c := range t.Codes {
		add(&codes, "c:"+c.Code)
		add(&byCoder, "b:"+c.Code+"@"+c.Coder)
		add(&coders, "r:"+c.Coder)
	}
	strip := func(l []string) []string {
		for i := range l {
			l[i] = l[i][2:]
		}
		return l
	}
	excluded := "no"
	if t.Excluded {
		excluded = "yes"
	}
	attrs := map[string]any{}
	for k, v := range t.Attributes {
		if f := AttributeField(k); f != "" && v != "" {
			attrs[f] = v
		}
	}
	var all, shared []string
	by := map[string]any{}
	for _, m := range t.Memos {
		all = append(all, m.Text)
		switch {
		case m.Hidden:
		case m.Coder == "":
			shared = append(shared, m.Text)
		default:
			f := AttributeField(m.Coder)
			prev, _ := by[f].(string)
			by[f] = strings.TrimSpace(prev + "\n" + m.Text)
		}
	}
	return map[string]any{
		fMemo:     strings.Join(all, "\n"),
		fMemoAll:  strings.Join(shared, "\n"),
		"memoby":  by,
		fText:     t.Text,
		fDocument: d.Name,
		fDocID:    strconv.FormatInt(d.ID, 10),
		fTurn:     float64(t.Index),
		fStart:    float64(t.Start),
		fSpeaker:  t.Speaker,
		fCase:     t.Case,
		fExcluded: excluded,
		fCode:     strip(codes),
		fCodeBy:   strip(byCoder),
		fCoder:    strip(coders),
		"attr":    attrs,
	}
}

// Dir returns the folder the index lives in.
func (ix *Index) Dir() string { return ix.dir }

// Version is the source version the index reflects.
func (ix *Index) Version() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.meta.Version
}

// Attributes are the field names of the case attributes the index holds
// (role, age_group, …), sorted.
func (ix *Index) Attributes() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return append([]string{}, ix.meta.Attributes...)
}

// Size is how many documents and turns the index holds.
func (ix *Index) Size() (documents, turns int) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for _, d := range ix.meta.Documents {
		turns += d.Turns
	}
	return len(ix.meta.Documents), turns
}

// Close closes the index and releases its folder.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var err error
	if ix.idx != nil {
		err = ix.idx.Close()
		ix.idx = nil
	}
	if ix.lock != nil {
		ix.lock.Unlock()
		ix.lock = nil
	}
	return err
}

func lockDir(dir string) (*flock.Flock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	l := flock.New(filepath.Join(dir, lockFile))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("search index %s: lock: %w", dir, err)
	}
	if !ok {
		return nil, fmt.Errorf("search index %s: %w", dir, ErrBusy)
	}
	return l, nil
}

func readMeta(dir string) (meta, error) {
	var m meta
	b, err := os.ReadFile(filepath.Join(dir, metaFile))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s: %w", metaFile, err)
	}
	return m, nil
}

func writeMeta(dir string, m meta) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, metaFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, metaFile))
}

// Open opens the index in dir as it is, fresh or not; it fails when there is
// no complete index there.
func Open(dir string) (*Index, error) {
	l, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	ix, err := openLocked(dir, l)
	if err != nil {
		l.Unlock()
		return nil, err
	}
	return ix, nil
}

func openLocked(dir string, l *flock.Flock) (*Index, error) {
	m, err := readMeta(dir)
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	if m.Format != FormatVersion {
		return nil, fmt.Errorf("search index %s: format %d, this Themis writes format %d", dir, m.Format, FormatVersion)
	}
	turns, err := readTurns(dir)
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	idx, err := bleve.Open(filepath.Join(dir, bleveDir))
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	return &Index{dir: dir, idx: idx, meta: m, turns: turns, lock: l}, nil
}

// Build indexes every turn of src into dir afresh, replacing whatever was
// there.
func Build(dir string, src Source, progress Progress) (*Index, error) {
	l, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	ix, err := buildLocked(dir, l, src, progress)
	if err != nil {
		l.Unlock()
		return nil, err
	}
	return ix, nil
}

// Purge deletes the index in dir, leaving the folder (and its lock file)
// empty: for when the source's text must be gone from the cache, not only
// out of date. A missing folder is nothing to purge; ErrBusy means another
// Themis (or an Index of this process) has it open.
func Purge(dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	l, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer l.Unlock()
	return clearDir(dir)
}

func clearDir(dir string) error {
	for _, name := range []string{metaFile, metaFile + ".tmp", turnsFile, turnsFile + ".tmp", bleveDir} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("search index %s: %w", dir, err)
		}
	}
	return nil
}

func buildLocked(dir string, l *flock.Flock, src Source, progress Progress) (*Index, error) {
	if err := clearDir(dir); err != nil {
		return nil, err
	}
	version, err := src.Version()
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing(filepath.Join(dir, bleveDir), im, "scorch", "scorch", nil)
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	ix := &Index{dir: dir, idx: idx, lock: l, turns: map[string]turnRecord{},
		meta: meta{Format: FormatVersion, Source: src.Identity(), Version: version, Documents: map[string]docMeta{}}}
	docs, err := src.Documents()
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("search index: %w", err)
	}
	attrs := map[string]bool{}
	if progress != nil {
		progress(0, len(docs))
	}
	batch := idx.NewBatch()
	for i, d := range docs {
		n, err := addDocument(batch, ix.turns, src, d, i, attrs)
		if err != nil {
			idx.Close()
			return nil, err
		}
		ix.meta.Documents[strconv.FormatInt(d.ID, 10)] = docMeta{Name: d.Name, Turns: n, Order: i}
		if batch.Size() >= batchSize || i == len(docs)-1 {
			if err := idx.Batch(batch); err != nil {
				idx.Close()
				return nil, fmt.Errorf("search index %s: %w", dir, err)
			}
			batch.Reset()
		}
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	ix.meta.Attributes = sortedKeys(attrs)
	ix.meta.Built = time.Now().UTC().Format(time.RFC3339)
	if err := writeTurns(dir, ix.turns); err != nil {
		idx.Close()
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	if err := writeMeta(dir, ix.meta); err != nil {
		idx.Close()
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	return ix, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func addDocument(batch *bleve.Batch, records map[string]turnRecord, src Source, d Document, order int, attrs map[string]bool) (int, error) {
	turns, err := src.Turns(d)
	if err != nil {
		return 0, fmt.Errorf("search index: document %q: %w", d.Name, err)
	}
	for _, t := range turns {
		for k := range t.Attributes {
			if f := AttributeField(k); f != "" {
				attrs[f] = true
			}
		}
		id := turnID(order, t.Index)
		if err := batch.Index(id, turnDoc(d, t)); err != nil {
			return 0, fmt.Errorf("search index: document %q turn %d: %w", d.Name, t.Index+1, err)
		}
		records[id] = turnRecord{DocID: d.ID, Document: d.Name, Turn: t.Index, Start: t.Start, Speaker: t.Speaker, Case: t.Case, Excluded: t.Excluded, Text: t.Text}
	}
	return len(turns), nil
}

// sourceError is a failure to read the source, as opposed to a broken index.
type sourceError struct{ err error }

func (e sourceError) Error() string { return e.err.Error() }
func (e sourceError) Unwrap() error { return e.err }

// Ensure opens the index in dir and brings it up to date with src: a
// missing, partial, corrupt or foreign index, or one of another format, is
// deleted and rebuilt; a stale one is updated (only the changed documents,
// when src can tell them) or rebuilt. progress follows a rebuild or update.
func Ensure(dir string, src Source, progress Progress) (*Index, error) {
	l, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	ix, err := openLocked(dir, l)
	if err == nil && ix.meta.Source != src.Identity() {
		ix.idx.Close()
		ix, err = nil, errors.New("built from another project")
	}
	if err == nil {
		err = ix.Refresh(src, progress)
		var se sourceError
		if errors.As(err, &se) {
			ix.Close()
			return nil, err
		}
		if err != nil {
			ix.mu.Lock()
			if ix.idx != nil {
				ix.idx.Close()
				ix.idx = nil
			}
			ix.mu.Unlock()
		}
	}
	if err == nil {
		return ix, nil
	}
	ix, err = buildLocked(dir, l, src, progress)
	if err != nil {
		l.Unlock()
		return nil, err
	}
	return ix, nil
}

// Stale reports whether src has changed since the index was built or last
// refreshed.
func (ix *Index) Stale(src Source) (bool, error) {
	v, err := src.Version()
	if err != nil {
		return false, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return v != ix.meta.Version || ix.meta.Source != src.Identity(), nil
}

// Refresh brings a stale index up to date with src: the changed documents
// are re-indexed when src is a ChangeSource that can name them, else the
// whole index is rebuilt. A fresh index is left alone.
func (ix *Index) Refresh(src Source, progress Progress) error {
	version, err := src.Version()
	if err != nil {
		return sourceError{fmt.Errorf("search index: %w", err)}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.idx == nil {
		return errors.New("search index is closed")
	}
	if version == ix.meta.Version && ix.meta.Source == src.Identity() {
		return nil
	}
	if cs, ok := src.(ChangeSource); ok && ix.meta.Source == src.Identity() {
		changed, ok, err := cs.Changed(ix.meta.Version)
		if err != nil {
			return sourceError{fmt.Errorf("search index: %w", err)}
		}
		if ok {
			return ix.update(src, version, changed, progress)
		}
	}
	if err := ix.idx.Close(); err != nil {
		return err
	}
	ix.idx = nil
	fresh, err := buildLocked(ix.dir, ix.lock, src, progress)
	if err != nil {
		return err
	}
	ix.idx, ix.meta, ix.turns = fresh.idx, fresh.meta, fresh.turns
	return nil
}

// update re-indexes the turns of the changed documents.
func (ix *Index) update(src Source, version string, changed []int64, progress Progress) error {
	docs, err := src.Documents()
	if err != nil {
		return sourceError{fmt.Errorf("search index: %w", err)}
	}
	byID := map[int64]Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	changed = uniqueIDs(changed)
	if progress != nil {
		progress(0, len(changed))
	}
	attrs := map[string]bool{}
	for _, a := range ix.meta.Attributes {
		attrs[a] = true
	}
	for i, id := range changed {
		key := strconv.FormatInt(id, 10)
		dm, known := ix.meta.Documents[key]
		d, exists := byID[id]
		if !known || !exists {
			return fmt.Errorf("search index: document %d came or went; rebuilding", id)
		}
		batch := ix.idx.NewBatch()
		for t := 0; t < dm.Turns; t++ {
			batch.Delete(turnID(dm.Order, t))
			delete(ix.turns, turnID(dm.Order, t))
		}
		n, err := addDocument(batch, ix.turns, src, d, dm.Order, attrs)
		if err != nil {
			return sourceError{err}
		}
		if err := ix.idx.Batch(batch); err != nil {
			return fmt.Errorf("search index %s: %w", ix.dir, err)
		}
		dm.Turns, dm.Name = n, d.Name
		ix.meta.Documents[key] = dm
		if progress != nil {
			progress(i+1, len(changed))
		}
	}
	ix.meta.Attributes = sortedKeys(attrs)
	ix.meta.Version = version
	if err := writeTurns(ix.dir, ix.turns); err != nil {
		return fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	if err := writeMeta(ix.dir, ix.meta); err != nil {
		return fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	return nil
}

func uniqueIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
