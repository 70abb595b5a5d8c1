package search

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"themis/errs"
)

// Options shape a query's results.
type Options struct {
	// Limit is the most turns returned (0: every matching turn).
	Limit int
	// Coders, when not nil, are the only coders whose coding the query may
	// look at (blind mode: the current coder alone). code:NAME then means
	// coded by one of them, and naming another coder is an error.
	Coders []string
	// Context is how many characters of context each side of a hit the
	// snippet shows (0: 60).
	Context int
}

// Hit is one match: a span of a turn, or the whole turn when the query
// only filtered (code:…, speaker:…) and matched no words.
type Hit struct {
	DocumentID int64
	Document   string
	Turn       int // index of the turn in its document
	Speaker    string
	Case       string
	Excluded   bool // the speaker is left out of coding and analysis
	Start, End int  // code points in the document
	// TurnStart and TurnEnd are the turn's text (without its speaker label),
	// in code points in the document.
	TurnStart, TurnEnd int
	Whole              bool // the hit is the whole turn
	// Before, Match and After are the keyword in context: Match is the hit's
	// text, Before and After its surroundings in the turn, cut at word
	// boundaries with "…" where text was left out, line breaks as spaces.
	Before, Match, After string
}

// Snippet is the keyword-in-context line as plain text.
func (h Hit) Snippet() string { return h.Before + h.Match + h.After }

// DocumentCount is how many turns of one document matched.
type DocumentCount struct {
	ID    int64
	Name  string
	Turns int // matching turns, all of them (also beyond Limit)
	Hits  int // hits among the returned turns
}

// Results are a query's hits in reading order.
type Results struct {
	Query     string // the query as understood, in the query syntax
	Turns     int    // turns matched in all
	Hits      []Hit
	Documents []DocumentCount // documents with matches, in reading order
	Truncated bool            // more turns matched than Limit returned
}

// QueryError is a query that is well formed but cannot be run: an unknown
// field, a coder blind mode hides, a word too common to be indexed.
type QueryError struct {
	Query string
	Msg   string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("search %q: %s", shortQuery(e.Query), e.Msg)
}

// Kind is errs.Invalid, as for a SyntaxError: the user's query is at fault.
func (e *QueryError) Kind() errs.Kind { return errs.Invalid }

// tooComplex recognises bleve's refusals to build the automaton of a fuzzy,
// prefix, wildcard or regular-expression term (vellum's ErrTooManyStates and
// ErrCompiledTooBig, Go's regexp limits). bleve does not wrap them, so their
// words are all there is to go by.
func tooComplex(err error) bool {
	msg := err.Error()
	for _, s := range []string{"dfa contains more than", "too many instructions", "expression too large", "expression nests too deeply"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// IsQueryError reports whether err is the user's query's fault (bad
// syntax or a query that cannot be run), as opposed to a broken index.
func IsQueryError(err error) bool {
	var se *SyntaxError
	var qe *QueryError
	return errors.As(err, &se) || errors.As(err, &qe)
}

// Query parses q and runs it.
func (ix *Index) Query(q string, opt Options) (*Results, error) {
	n, err := ParseQuery(q)
	if err != nil {
		return nil, err
	}
	return ix.Run(q, n, opt)
}

// Run runs a parsed query; q is its text, for error messages.
func (ix *Index) Run(q string, n Node, opt Options) (*Results, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return nil, errors.New("search index is closed")
	}
	tr := translator{ix: ix, q: q, opt: opt}
	bq, err := tr.node(n)
	if err != nil {
		return nil, err
	}
	size := opt.Limit
	total := 0
	for _, d := range ix.meta.Documents {
		total += d.Turns
	}
	if size <= 0 || size > total {
		size = total
	}
	if size == 0 {
		size = 1
	}
	req := bleve.NewSearchRequestOptions(bq, size, 0, false)
	req.SortBy([]string{"_id"})
	req.IncludeLocations = true
	req.AddFacet("docs", bleve.NewFacetRequest(fDocID, len(ix.meta.Documents)+1))
	res, err := ix.idx.Search(req)
	if err != nil && tooComplex(err) {
		return nil, &QueryError{Query: q, Msg: "the query is too complex: a word with ~, * or ? matches too many forms; make it shorter"}
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", shortQuery(q), err)
	}
	out := &Results{Query: n.String(), Turns: int(res.Total), Hits: []Hit{}, Documents: []DocumentCount{}}
	out.Truncated = len(res.Hits) < int(res.Total)
	width := opt.Context
	if width <= 0 {
		width = 60
	}
	hitsPerDoc := map[int64]int{}
	for _, h := range res.Hits {
		rec, ok := ix.turns[h.ID]
		if !ok {
			return nil, fmt.Errorf("search %q: turn %s is not in the index's turn records; rebuild the index", q, h.ID)
		}
		hits := turnHits(rec, h.Locations, width, tr.onlyCommon)
		if len(hits) > 0 {
			hitsPerDoc[hits[0].DocumentID] += len(hits)
		}
		out.Hits = append(out.Hits, hits...)
	}
	if f, ok := res.Facets["docs"]; ok && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			id, _ := strconv.ParseInt(t.Term, 10, 64)
			dm := ix.meta.Documents[t.Term]
			out.Documents = append(out.Documents, DocumentCount{ID: id, Name: dm.Name, Turns: t.Count, Hits: hitsPerDoc[id]})
		}
	}
	sort.Slice(out.Documents, func(i, j int) bool {
		return ix.meta.Documents[strconv.FormatInt(out.Documents[i].ID, 10)].Order < ix.meta.Documents[strconv.FormatInt(out.Documents[j].ID, 10)].Order
	})
	return out, nil
}

type span struct {
	start, end int // bytes in the turn's text
	pos, last  int // word positions of its first and last word
}

// turnHits maps the term locations of one matching turn to hits in code
// points of the document.
func turnHits(rec turnRecord, locs bsearch.FieldTermLocationMap, width int, onlyCommon func(string) bool) []Hit {
	text := rec.Text
	base := rec.Start
	turnLen := utf8.RuneCountInString(text)
	h := Hit{DocumentID: rec.DocID, Document: rec.Document, Turn: rec.Turn, Speaker: rec.Speaker,
		Case: rec.Case, Excluded: rec.Excluded, TurnStart: base, TurnEnd: base + turnLen}
	var spans []span
	seen := map[[2]uint64]bool{}
	for _, field := range []string{fText, fExact} {
		for _, ls := range locs[field] {
			for _, l := range ls {
				k := [2]uint64{l.Start, l.End}
				if seen[k] || l.End > uint64(len(text)) || l.Start >= l.End {
					continue
				}
				seen[k] = true
				spans = append(spans, span{start: int(l.Start), end: int(l.End), pos: int(l.Pos), last: int(l.Pos)})
			}
		}
	}
	if len(spans) == 0 {
		h.Whole = true
		h.Start, h.End = h.TurnStart, h.TurnEnd
		h.Before, h.Match, h.After = "", "", clip(text, 3*width)
		return []Hit{h}
	}
	sort.Slice(spans, func(i, j int) bool {
		return spans[i].start < spans[j].start || (spans[i].start == spans[j].start && spans[i].end > spans[j].end)
	})
	merged := []span{spans[0]}
	for _, s := range spans[1:] {
		cur := &merged[len(merged)-1]
		if s.start <= cur.end || onlyCommon(text[cur.end:s.start]) {
			if s.end > cur.end {
				cur.end = s.end
			}
			if s.pos > cur.last {
				cur.last = s.pos
			}
			continue
		}
		merged = append(merged, s)
	}
	out := make([]Hit, 0, len(merged))
	cp := newRuneCounter(text)
	for _, s := range merged {
		hit := h
		hit.Start, hit.End = base+cp.at(s.start), base+cp.at(s.end)
		hit.Before = before(text[:s.start], width)
		hit.Match = oneLine(text[s.start:s.end])
		hit.After = after(text[s.end:], width)
		out = append(out, hit)
	}
	return out
}

// runeCounter converts increasing byte offsets of one string to code point
// offsets in one pass.
type runeCounter struct {
	s          string
	byte, rune int
}

func newRuneCounter(s string) *runeCounter { return &runeCounter{s: s} }

func (c *runeCounter) at(b int) int {
	if b < c.byte {
		c.byte, c.rune = 0, 0
	}
	c.rune += utf8.RuneCountInString(c.s[c.byte:b])
	c.byte = b
	return c.rune
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// before is the last width code points of s, cut at a word boundary.
func before(s string, width int) string {
	// Only the last width code points matter: convert no more than those
	// (at most UTFMax bytes each), or long turns with many hits go quadratic.
	if keep := (width + 2) * utf8.UTFMax; len(s) > keep {
		s = s[len(s)-keep:]
		for len(s) > 0 && !utf8.RuneStart(s[0]) {
			s = s[1:]
		}
	}
	r := []rune(s)
	if len(r) <= width {
		return oneLine(s)
	}
	cut := len(r) - width
	for i := cut; i < len(r) && i < cut+20; i++ {
		if unicode.IsSpace(r[i]) {
			cut = i + 1
			break
		}
	}
	return "…" + oneLine(string(r[cut:]))
}

// after is the first width code points of s, cut at a word boundary.
func after(s string, width int) string {
	// Only the first width+1 code points matter (see before).
	if keep := (width + 2) * utf8.UTFMax; len(s) > keep {
		cut := keep
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	r := []rune(s)
	if len(r) <= width {
		return oneLine(s)
	}
	cut := width
	for i := cut; i > 0 && i > width-20; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	return oneLine(strings.TrimRightFunc(string(r[:cut]), unicode.IsSpace)) + "…"
}

func clip(s string, width int) string { return after(s, width) }

type translator struct {
	ix  *Index
	q   string
	opt Options
}

func (t translator) errf(format string, args ...any) error {
	return &QueryError{Query: t.q, Msg: fmt.Sprintf(format, args...)}
}

func matchAll() query.Query { return bleve.NewMatchAllQuery() }

func (t translator) node(n Node) (query.Query, error) {
	switch n := n.(type) {
	case Term:
		return t.term(n)
	case Filter:
		return t.filter(n)
	case Not:
		inner, err := t.node(n.Item)
		if err != nil {
			return nil, err
		}
		b := bleve.NewBooleanQuery()
		b.AddMust(matchAll())
		b.AddMustNot(inner)
		return b, nil
	case Or:
		var qs []query.Query
		for _, it := range n.Items {
			q, err := t.node(it)
			if err != nil {
				return nil, err
			}
			qs = append(qs, q)
		}
		return bleve.NewDisjunctionQuery(qs...), nil
	case And:
		var must, not []query.Query
		for _, it := range n.Items {
			target := &must
			if neg, ok := it.(Not); ok {
				it, target = neg.Item, &not
			}
			q, err := t.node(it)
			if err != nil {
				return nil, err
			}
			*target = append(*target, q)
		}
		if len(not) == 0 {
			return bleve.NewConjunctionQuery(must...), nil
		}
		if len(must) == 0 {
			must = []query.Query{matchAll()}
		}
		b := bleve.NewBooleanQuery()
		b.AddMust(must...)
		b.AddMustNot(not...)
		return b, nil
	}
	return nil, t.errf("cannot search for %T", n)
}

// onlyCommon reports whether s has no words the index keeps: punctuation,
// spaces and very common words ("out of the"). Matched words with only such
// text between them form one hit, as a phrase's words do.
func (t translator) onlyCommon(s string) bool {
	return len(s) < 40 && t.analysed(s) == 0
}

func (t translator) analysed(s string) int {
	a := t.ix.idx.Mapping().AnalyzerNamed(en.AnalyzerName)
	if a == nil {
		return 1
	}
	return len(a.Analyze([]byte(s)))
}

func (t translator) term(n Term) (query.Query, error) {
	switch n.Kind {
	case Phrase:
		// Phrases match the words as written (not stemmed, common words
		// kept), so "what matters to them" is not just "matter".
		q := bleve.NewMatchPhraseQuery(n.Text)
		q.SetField(fExact)
		q.Analyzer = exactAnalyzer
		return q, nil
	case Prefix:
		q := bleve.NewPrefixQuery(n.Text)
		q.SetField(fExact)
		return q, nil
	case Wildcard:
		q := bleve.NewWildcardQuery(n.Text)
		q.SetField(fExact)
		return q, nil
	case Fuzzy:
		q := bleve.NewFuzzyQuery(n.Text)
		q.SetField(fExact)
		q.SetFuzziness(n.Fuzziness)
		return q, nil
	}
	q := bleve.NewMatchQuery(n.Text)
	q.SetField(fText)
	if t.analysed(n.Text) == 0 {
		// A word too common for the stemmed text ("the"): match it as written.
		q.SetField(fExact)
		q.Analyzer = exactAnalyzer
	}
	q.SetOperator(query.MatchQueryOperatorAnd)
	return q, nil
}

func keywordQuery(field, value string, prefix bool) query.Query {
	value = strings.ToLower(value)
	if prefix {
		q := bleve.NewPrefixQuery(value)
		q.SetField(field)
		return q
	}
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

// visible returns the coder as the index spells it, or an error when blind
// mode hides their coding.
func (t translator) visible(coder string) (string, error) {
	if t.opt.Coders == nil {
		return coder, nil
	}
	for _, c := range t.opt.Coders {
		if strings.EqualFold(c, coder) {
			return c, nil
		}
	}
	return "", t.errf("blind mode is on, so you can search only your own coding, not %s's", coder)
}

func (t translator) filter(f Filter) (query.Query, error) {
	switch f.Field {
	case "document":
		return keywordQuery(fDocument, f.Value, f.Prefix), nil
	case "speaker":
		return keywordQuery(fSpeaker, f.Value, f.Prefix), nil
	case "case":
		return keywordQuery(fCase, f.Value, f.Prefix), nil
	case "excluded":
		return keywordQuery(fExcluded, f.Value, false), nil
	case "coder":
		c, err := t.visible(f.Value)
		if err != nil {
			return nil, err
		}
		return keywordQuery(fCoder, c, f.Prefix && t.opt.Coders == nil), nil
	case "code":
		if f.Coder != "" {
			c, err := t.visible(f.Coder)
			if err != nil {
				return nil, err
			}
			if f.Prefix {
				// code:Social*@Aisha — any code beginning so, by that coder.
				q := bleve.NewRegexpQuery(regexpQuote(strings.ToLower(f.Value)) + ".*@" + regexpQuote(strings.ToLower(c)))
				q.SetField(fCodeBy)
				return q, nil
			}
			return keywordQuery(fCodeBy, f.Value+"@"+c, false), nil
		}
		if t.opt.Coders == nil {
			return keywordQuery(fCode, f.Value, f.Prefix), nil
		}
		var qs []query.Query
		for _, c := range t.opt.Coders {
			if f.Prefix {
				q := bleve.NewRegexpQuery(regexpQuote(strings.ToLower(f.Value)) + ".*@" + regexpQuote(strings.ToLower(c)))
				q.SetField(fCodeBy)
				qs = append(qs, q)
				continue
			}
			qs = append(qs, keywordQuery(fCodeBy, f.Value+"@"+c, false))
		}
		if len(qs) == 0 {
			return bleve.NewMatchNoneQuery(), nil
		}
		return bleve.NewDisjunctionQuery(qs...), nil
	}
	if f.Field == "memo" {
		return t.memo(f), nil
	}
	name := AttributeField(strings.TrimPrefix(f.Field, attrField))
	for _, a := range t.ix.meta.Attributes {
		if a == name {
			return keywordQuery(attrField+name, f.Value, f.Prefix), nil
		}
	}
	known := append([]string{}, Fields...)
	known = append(known, t.ix.meta.Attributes...)
	return nil, t.errf("there is no field %q; the fields are %s", f.Field+":", strings.Join(withColons(known), ", "))
}

func withColons(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n + ":"
	}
	return out
}

func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`.+*?()|[]{}^$\"#@&<>~`, r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// memo finds turns with a memo holding the words (memo:"a phrase" as a
// phrase, memo:word* as a prefix): in any memo, or in blind mode only in
// shared memos and the coder's own memos on their own segments.
func (t translator) memo(f Filter) query.Query {
	fields := []string{fMemo}
	if t.opt.Coders != nil {
		fields = []string{fMemoAll}
		for _, c := range t.opt.Coders {
			fields = append(fields, memoBy+AttributeField(c))
		}
	}
	var qs []query.Query
	for _, field := range fields {
		switch {
		case f.Prefix:
			q := bleve.NewPrefixQuery(strings.ToLower(f.Value))
			q.SetField(field)
			qs = append(qs, q)
		case strings.ContainsAny(strings.TrimSpace(f.Value), " \t"):
			q := bleve.NewMatchPhraseQuery(f.Value)
			q.SetField(field)
			qs = append(qs, q)
		default:
			q := bleve.NewMatchQuery(f.Value)
			q.SetField(field)
			q.SetOperator(query.MatchQueryOperatorAnd)
			qs = append(qs, q)
		}
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}
