package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"themis/errs"
)

// Node is one part of a parsed query. String gives it back in the query
// syntax, so that parsing a node's String gives the same node again.
type Node interface {
	String() string
}

// TermKind says how a term of the text is matched.
type TermKind int

const (
	// Word matches the word and its other forms ("walking" finds "walked").
	Word TermKind = iota
	// Phrase matches words in this order ("getting out of the house").
	Phrase
	// Prefix matches words beginning with Text ("isolat*").
	Prefix
	// Wildcard matches words against a pattern with * and ? ("organi?ation").
	Wildcard
	// Fuzzy matches words within Fuzziness edits of Text ("lonley~").
	Fuzzy
)

// Term is a word, phrase, prefix, wildcard or fuzzy word searched for in the
// text of the turns.
type Term struct {
	Kind      TermKind
	Text      string
	Fuzziness int // 1 or 2, for Fuzzy
}

func (t Term) String() string {
	switch t.Kind {
	case Phrase:
		return quote(t.Text)
	case Prefix:
		return t.Text + "*"
	case Fuzzy:
		return t.Text + "~" + strconv.Itoa(t.Fuzziness)
	}
	return t.Text
}

// Filter narrows the turns by what is known about them: field:value.
type Filter struct {
	Field  string // lower case: document, speaker, case, excluded, code, coder or a case attribute
	Value  string
	Prefix bool   // value*: any value beginning with Value
	Coder  string // for code: the coder whose layer must have the code (code:NAME@CODER)
}

func (f Filter) String() string {
	field := f.Field
	if !isFieldName(field) {
		field = quote(field)
	}
	s := field + ":" + value(f.Value)
	if f.Prefix {
		s += "*"
	}
	if f.Coder != "" {
		s += "@" + value(f.Coder)
	}
	return s
}

// And matches turns that match every item.
type And struct{ Items []Node }

func (a And) String() string { return join(a.Items, " ") }

// Or matches turns that match any item.
type Or struct{ Items []Node }

func (o Or) String() string { return join(o.Items, " OR ") }

// Not matches turns that do not match Item.
type Not struct{ Item Node }

func (n Not) String() string {
	switch n.Item.(type) {
	case And, Or:
		return "-(" + n.Item.String() + ")"
	}
	return "-" + n.Item.String()
}

func join(items []Node, sep string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		switch it.(type) {
		case And, Or:
			parts[i] = "(" + it.String() + ")"
		default:
			parts[i] = it.String()
		}
	}
	return strings.Join(parts, sep)
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// value writes a filter value bare when it reads back the same, else quoted.
func value(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\r\n\"()@*:\\~") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") || isOperator(s) {
		return quote(s)
	}
	return s
}

func isOperator(s string) bool { return s == "AND" || s == "OR" || s == "NOT" }

// SyntaxError is a query that cannot be read, with where and why.
type SyntaxError struct {
	Query  string
	Offset int // in code points from the start of the query
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("search %q: %s (at character %d)", shortQuery(e.Query), e.Msg, e.Offset+1)
}

// Kind is errs.Invalid: the query is the user's input, and it is at fault.
func (e *SyntaxError) Kind() errs.Kind { return errs.Invalid }

// shortQuery cuts a query for an error message: a pasted page of text must
// not be printed back whole.
func shortQuery(q string) string {
	const max = 80
	if r := []rune(q); len(r) > max {
		return string(r[:max]) + "…"
	}
	return q
}

// Fuzzy, prefix and wildcard words are matched by automata that bleve builds
// from the word: their size grows with its length (and, for wildcards, with
// each * or ?), and past a point bleve gives up ("dfa contains more than
// 10000 states") or spends seconds on it. No word worth searching for is
// longer, so longer ones are refused before they reach the index.
const (
	maxPatternRunes = 64
	maxWildcards    = 8
)

// Fields are the filter fields every index has; any other field name is a
// case attribute.
var Fields = []string{"document", "speaker", "case", "excluded", "code", "coder", "memo"}

// ParseQuery reads the query syntax shared by the search screen and the CLI:
//
//	walking              the word and its other forms (walk, walked, walks)
//	"out of the house"   a phrase
//	isolat*              words beginning with isolat
//	lonley~  lonley~2    words within one (or two) edits
//	a b   a AND b        both (the default)
//	a OR b               either; OR binds tighter than AND: a b OR c is a (b OR c)
//	-a  NOT a            not a;  +a  a (required, as without the +)
//	( … )                grouping
//	field:value          filters: document:, speaker:, case:, excluded:yes|no,
//	                     code:NAME, code:NAME@CODER, coder:NAME, memo:WORD, and any case
//	                     attribute (role:patient, "age group":65+); value* is a prefix
//
// Values with spaces are quoted: code:"Social integration"@Aisha.
func ParseQuery(q string) (Node, error) {
	p := &parser{src: q, runes: []rune(q)}
	if err := p.lex(); err != nil {
		return nil, err
	}
	if len(p.toks) == 0 {
		return nil, &SyntaxError{Query: q, Msg: "type something to search for"}
	}
	n, err := p.and()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		t := p.toks[p.pos]
		if t.kind == tRParen {
			return nil, p.errAt(t, "“)” without a matching “(”")
		}
		return nil, p.errAt(t, fmt.Sprintf("unexpected %q", t.text))
	}
	return n, nil
}

type tokKind int

const (
	tTerm tokKind = iota
	tFilter
	tLParen
	tRParen
	tAnd
	tOr
	tNot  // NOT or a leading -
	tPlus // a leading +
)

type token struct {
	kind tokKind
	at   int // code point offset
	text string
	node Node
}

type parser struct {
	src   string
	runes []rune
	i     int
	toks  []token
	pos   int
	depth int
}

func (p *parser) err(at int, msg string) error {
	return &SyntaxError{Query: p.src, Offset: at, Msg: msg}
}

func (p *parser) errAt(t token, msg string) error { return p.err(t.at, msg) }

// special ends a bare word.
func special(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"'
}

func (p *parser) lex() error {
	for p.i < len(p.runes) {
		r := p.runes[p.i]
		switch {
		case unicode.IsSpace(r):
			p.i++
		case r == '(':
			p.toks = append(p.toks, token{kind: tLParen, at: p.i, text: "("})
			p.i++
		case r == ')':
			p.toks = append(p.toks, token{kind: tRParen, at: p.i, text: ")"})
			p.i++
		case r == '-' || r == '+':
			at := p.i
			p.i++
			if p.i >= len(p.runes) || unicode.IsSpace(p.runes[p.i]) || p.runes[p.i] == ')' {
				return p.err(at, fmt.Sprintf("nothing after “%c”: put it right before a word, e.g. %cword", r, r))
			}
			k := tNot
			if r == '+' {
				k = tPlus
			}
			p.toks = append(p.toks, token{kind: k, at: at, text: string(r)})
		case r == '"':
			at := p.i
			s, err := p.quoted()
			if err != nil {
				return err
			}
			if p.i < len(p.runes) && p.runes[p.i] == ':' {
				// "age group":65+ — a quoted field name.
				p.i++
				if err := p.filter(at, s); err != nil {
					return err
				}
				continue
			}
			if strings.TrimSpace(s) == "" {
				return p.err(at, "an empty phrase: put words between the quotes")
			}
			if p.i < len(p.runes) && !special(p.runes[p.i]) {
				return p.err(p.i, "put a space after the closing quote")
			}
			p.toks = append(p.toks, token{kind: tTerm, at: at, text: s, node: Term{Kind: Phrase, Text: s}})
		default:
			if err := p.bare(); err != nil {
				return err
			}
		}
	}
	return nil
}

// quoted reads a quoted string at p.i; \" and \\ are escapes.
func (p *parser) quoted() (string, error) {
	at := p.i
	p.i++ // opening quote
	var b strings.Builder
	for p.i < len(p.runes) {
		r := p.runes[p.i]
		switch r {
		case '\\':
			if p.i+1 < len(p.runes) {
				b.WriteRune(p.runes[p.i+1])
				p.i += 2
				continue
			}
			p.i++
		case '"':
			p.i++
			return b.String(), nil
		default:
			b.WriteRune(r)
			p.i++
		}
	}
	return "", p.err(at, "a quote is not closed: add the closing \"")
}

// bareWord reads up to the next space, parenthesis or quote.
func (p *parser) bareWord() string {
	start := p.i
	for p.i < len(p.runes) && !special(p.runes[p.i]) {
		p.i++
	}
	return string(p.runes[start:p.i])
}

func (p *parser) bare() error {
	at := p.i
	w := p.bareWord()
	if isOperator(w) {
		k := map[string]tokKind{"AND": tAnd, "OR": tOr, "NOT": tNot}[w]
		p.toks = append(p.toks, token{kind: k, at: at, text: w})
		return nil
	}
	if c := strings.IndexRune(w, ':'); c > 0 && isFieldName(w[:c]) {
		// Rewind to just after the colon: the value may be quoted.
		p.i = at + utf8.RuneCountInString(w[:c]) + 1
		return p.filter(at, w[:c])
	}
	t, err := p.term(at, w)
	if err != nil {
		return err
	}
	p.toks = append(p.toks, token{kind: tTerm, at: at, text: w, node: t})
	return nil
}

func isFieldName(s string) bool {
	for i, r := range s {
		if !(unicode.IsLetter(r) || r == '_' || (i > 0 && (unicode.IsDigit(r) || r == '-' || r == '.'))) {
			return false
		}
	}
	return s != ""
}

// filter reads the value of field: at p.i (bare or quoted, with an optional
// * and, for code:, @coder).
func (p *parser) filter(at int, field string) error {
	field = strings.ToLower(strings.TrimSpace(field))
	if field == "" {
		return p.err(at, "a field name is empty")
	}
	f := Filter{Field: field}
	val, prefix, err := p.filterValue(at, field)
	if err != nil {
		return err
	}
	f.Value, f.Prefix = val, prefix
	if p.i < len(p.runes) && p.runes[p.i] == '@' {
		if field != "code" {
			return p.err(p.i, fmt.Sprintf("@coder goes with code:, not %s:", field))
		}
		p.i++
		coder, cp, err := p.filterValue(p.i, "coder")
		if err != nil {
			return err
		}
		if cp {
			return p.err(p.i, "a coder's name cannot end in *")
		}
		f.Coder = coder
	}
	if p.i < len(p.runes) && !special(p.runes[p.i]) {
		return p.err(p.i, fmt.Sprintf("unexpected %q after %s:%s", string(p.runes[p.i]), field, value(f.Value)))
	}
	if field == "excluded" {
		switch strings.ToLower(f.Value) {
		case "yes", "true":
			f.Value = "yes"
		case "no", "false":
			f.Value = "no"
		default:
			return p.err(at, "excluded: is yes or no (excluded:yes finds the turns of speakers left out of coding, such as interviewers)")
		}
		if f.Prefix {
			return p.err(at, "excluded: is yes or no, without *")
		}
	}
	p.toks = append(p.toks, token{kind: tFilter, at: at, text: f.String(), node: f})
	return nil
}

func (p *parser) filterValue(at int, field string) (string, bool, error) {
	var v string
	prefix := false
	if p.i < len(p.runes) && p.runes[p.i] == '"' {
		s, err := p.quoted()
		if err != nil {
			return "", false, err
		}
		v = s
		if p.i < len(p.runes) && p.runes[p.i] == '*' {
			p.i++
			prefix = true
		}
	} else {
		start := p.i
		for p.i < len(p.runes) && !special(p.runes[p.i]) && !(field == "code" && p.runes[p.i] == '@') {
			p.i++
		}
		v = string(p.runes[start:p.i])
		if strings.HasSuffix(v, "*") {
			v, prefix = strings.TrimSuffix(v, "*"), true
		}
	}
	if strings.TrimSpace(v) != v {
		v = strings.TrimSpace(v)
	}
	if v == "" {
		return "", false, p.err(at, fmt.Sprintf("%s: needs a value, e.g. %s", field, example(field)))
	}
	return v, prefix, nil
}

func example(field string) string {
	switch field {
	case "document":
		return `document:"Interview 03"`
	case "speaker":
		return "speaker:P003"
	case "case":
		return `case:"Patient 003"`
	case "code":
		return `code:"Social integration"@Aisha`
	case "coder":
		return "coder:Aisha"
	}
	return field + ":patient"
}

// term reads a bare word: word, prefix*, wild?card, fuzzy~ or fuzzy~2.
func (p *parser) term(at int, w string) (Node, error) {
	if i := strings.LastIndex(w, "~"); i >= 0 {
		word, n := w[:i], w[i+1:]
		fz := 1
		if n != "" {
			v, err := strconv.Atoi(n)
			if err != nil || v < 1 || v > 2 {
				return nil, p.err(at, fmt.Sprintf("after ~ comes 1 or 2 (the number of letters that may differ), not %q", n))
			}
			fz = v
		}
		if word == "" || strings.ContainsAny(word, "*?~") {
			return nil, p.err(at, "a fuzzy search is one word followed by ~, e.g. lonley~")
		}
		if utf8.RuneCountInString(word) > maxPatternRunes {
			return nil, p.err(at, fmt.Sprintf("the query is too complex: a word searched for with ~ may be at most %d letters long", maxPatternRunes))
		}
		return Term{Kind: Fuzzy, Text: strings.ToLower(word), Fuzziness: fz}, nil
	}
	if strings.ContainsAny(w, "*?") {
		if utf8.RuneCountInString(strings.NewReplacer("*", "", "?", "").Replace(w)) > maxPatternRunes {
			return nil, p.err(at, fmt.Sprintf("the query is too complex: a word with * or ? may be at most %d letters long", maxPatternRunes))
		}
		if strings.Count(w, "*")+strings.Count(w, "?") > maxWildcards {
			return nil, p.err(at, fmt.Sprintf("the query is too complex: a word may have at most %d * or ?", maxWildcards))
		}
		stem := strings.TrimRight(w, "*")
		if !strings.ContainsAny(stem, "*?") && stem != w {
			if !hasLetterOrDigit(stem) {
				return nil, p.err(at, "put at least one letter before *, e.g. isolat*")
			}
			return Term{Kind: Prefix, Text: strings.ToLower(stem)}, nil
		}
		if !hasLetterOrDigit(w) {
			return nil, p.err(at, "a wildcard needs letters as well as * or ?")
		}
		return Term{Kind: Wildcard, Text: strings.ToLower(w)}, nil
	}
	if !hasLetterOrDigit(w) {
		return nil, p.err(at, fmt.Sprintf("%q has no letters or digits to search for", w))
	}
	return Term{Kind: Word, Text: w}, nil
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func (p *parser) peek() (token, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return token{}, false
}

// and := or { [AND] or }
func (p *parser) and() (Node, error) {
	var items []Node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tRParen {
			break
		}
		if t.kind == tAnd {
			if len(items) == 0 {
				return nil, p.errAt(t, "AND needs something before it")
			}
			p.pos++
			if n, ok := p.peek(); !ok || n.kind == tRParen || n.kind == tAnd || n.kind == tOr {
				return nil, p.errAt(t, "AND needs something after it")
			}
			continue
		}
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		items = append(items, n)
	}
	if len(items) == 0 {
		t, _ := p.peek()
		return nil, p.errAt(t, "nothing to search for here")
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return And{Items: items}, nil
}

// or := unary { OR unary }
func (p *parser) or() (Node, error) {
	first, err := p.unary()
	if err != nil {
		return nil, err
	}
	items := []Node{first}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		p.pos++
		if n, ok := p.peek(); !ok || n.kind == tRParen || n.kind == tAnd || n.kind == tOr {
			return nil, p.errAt(t, "OR needs something after it")
		}
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		items = append(items, n)
	}
	if len(items) == 1 {
		return first, nil
	}
	return Or{Items: items}, nil
}

func (p *parser) unary() (Node, error) {
	t, ok := p.peek()
	if !ok {
		return nil, p.err(len(p.runes), "the query ends too early")
	}
	switch t.kind {
	case tNot, tPlus:
		p.pos++
		if n, ok := p.peek(); !ok || n.kind == tRParen || n.kind == tAnd || n.kind == tOr {
			return nil, p.errAt(t, fmt.Sprintf("%s needs something after it", t.text))
		}
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > 100 {
			return nil, p.errAt(t, "too deeply nested")
		}
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		if t.kind == tPlus {
			return n, nil
		}
		if inner, ok := n.(Not); ok {
			return inner.Item, nil
		}
		return Not{Item: n}, nil
	case tLParen:
		p.pos++
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > 100 {
			return nil, p.errAt(t, "too deeply nested")
		}
		if n, ok := p.peek(); ok && n.kind == tRParen {
			return nil, p.errAt(t, "empty parentheses")
		}
		n, err := p.and()
		if err != nil {
			return nil, err
		}
		if c, ok := p.peek(); !ok || c.kind != tRParen {
			return nil, p.errAt(t, "“(” is not closed: add “)”")
		}
		p.pos++
		return n, nil
	case tTerm, tFilter:
		p.pos++
		return t.node, nil
	case tRParen:
		return nil, p.errAt(t, "“)” without a matching “(”")
	}
	return nil, p.errAt(t, fmt.Sprintf("%s needs something before it", t.text))
}
