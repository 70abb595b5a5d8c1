package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"themis/internal/prose"
)

// This file turns the structure read from a word-processor file (.docx,
// .odt, .rtf) — paragraphs, bold runs, tables — and from cue and table
// formats into stored text and turns.

// para is one paragraph of a word-processor document.
type para struct {
	text string // "\n" for line breaks, "\t" for tabs
	bold int    // bytes of text at its start that are bold (0: none)
}

// block is a paragraph or, when rows is not nil, a table: rows of cells,
// each cell's paragraphs joined with "\n".
type block struct {
	para
	rows [][]string
}

// buildBlocks makes the stored text and turns of a word-processor document.
//
//   - With a speaker pattern, every paragraph (and table cell paragraph) is
//     a line and the pattern finds the turns.
//   - A table whose rows are turns (speaker | text, optionally a time
//     column; see tableColumns) becomes "Speaker: words" turns, one per row.
//   - Paragraphs that start with a bold label ("Interviewer" or
//     "Interviewer:" in bold, then the words) start turns when at least two
//     do; the paragraphs after one, up to the next, belong to its turn.
//   - Otherwise paragraphs are lines and DetectTurns finds the turns, as in
//     a .txt file.
func buildBlocks(blocks []block, po parseOpts) (parsed, error) {
	if po.pattern != nil {
		text, err := finishText(strings.Join(flatten(blocks), "\n"))
		if err != nil {
			return parsed{}, err
		}
		turns, warnings := patternTurns(text, po.pattern)
		return parsed{text: text, turns: turns, warnings: warnings}, nil
	}
	var bl builder
	var run []para // paragraphs since the last turn table
	var warnings []string
	flush := func() {
		if len(run) > 0 {
			text, turns, bold := paraTurns(run)
			if bold {
				warnings = appendOnce(warnings, "speaker names were taken from bold text at the start of paragraphs")
			}
			// The paragraphs are in text now: let their strings go before
			// the builder copies it, which matters for a long document.
			clear(run)
			run = run[:0]
			bl.chunk(text, turns)
		}
	}
	for i, b := range blocks {
		blocks[i] = block{} // read: let it go
		if b.rows == nil {
			run = append(run, b.para)
			continue
		}
		cols, header, err := tableColumns(b.rows, false)
		if err != nil {
			for _, row := range b.rows {
				for _, cell := range row {
					for _, line := range strings.Split(cell, "\n") {
						run = append(run, para{text: line})
					}
				}
			}
			continue
		}
		flush()
		n, empty := bl.rows(b.rows, cols, header)
		warnings = append(warnings, fmt.Sprintf("a table of %d turns was read as %s", n, cols))
		if empty > 0 {
			warnings = append(warnings, prose.Count(empty, "empty row", "empty rows")+" skipped")
		}
	}
	flush()
	p, err := bl.finish()
	p.warnings = append(warnings, p.warnings...)
	return p, err
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// flatten lists the lines of blocks: a paragraph per line, tables cell by
// cell.
func flatten(blocks []block) []string {
	var lines []string
	for _, b := range blocks {
		if b.rows == nil {
			lines = append(lines, b.text)
			continue
		}
		for _, row := range b.rows {
			lines = append(lines, row...)
		}
	}
	return lines
}

// paraTurns joins paragraphs into lines (normalised, not trimmed) and finds
// their turns: from bold labels when at least two paragraphs start with
// one, else with DetectTurns.
func paraTurns(paras []para) (text string, turns []Turn, bold bool) {
	var b strings.Builder
	var labels []labelAt
	counts := map[string]int{}
	type cand struct {
		l      labelAt
		key    string
		strong bool
	}
	var cands []cand
	size := len(paras)
	for _, p := range paras {
		size += len(p.text)
	}
	b.Grow(size) // once: doubling would hold two copies of a long document
	for i, p := range paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		at := b.Len()
		if l, strong, ok := boldLabel(p); ok {
			head, rest := Normalize(p.text[:l.end]), Normalize(p.text[l.end:])
			if norm.NFC.IsNormalString(head + rest) {
				shift := len(head) - l.end
				l.start += at
				l.end = at + l.end + shift
				b.WriteString(head)
				b.WriteString(rest)
				key := strings.ToLower(l.speaker)
				counts[key]++
				cands = append(cands, cand{l, key, strong})
				continue
			}
		}
		b.WriteString(Normalize(p.text))
	}
	text = b.String()
	for _, c := range cands {
		if c.strong || counts[c.key] >= 2 {
			labels = append(labels, c.l)
		}
	}
	if len(labels) < 2 {
		return text, DetectTurns(text), false
	}
	return text, labelledTurns(text, newLineIndex(text), labels), true
}

// boldLabel reads a speaker label written in bold at the start of a
// paragraph: "Interviewer" or "Interviewer:" (the colon bold or not), maybe
// with a time ("Speaker 1 (00:01:02)"), followed by the words in the same
// paragraph — or, with a colon, alone in its paragraph. A paragraph wholly
// in bold without a colon is a heading, not a label. strong is true for
// labels with a colon or that classify as strong.
func boldLabel(p para) (l labelAt, sure, ok bool) {
	if p.bold <= 0 || p.bold > len(p.text) {
		return labelAt{}, false, false
	}
	start := skipHSpace(p.text, 0)
	if start >= p.bold {
		return labelAt{}, false, false
	}
	inner := strings.TrimRightFunc(p.text[start:p.bold], unicode.IsSpace)
	body, colon := cutColonSuffix(inner)
	end := start + len(inner) // the label ends at its last visible character
	if !colon {
		if e, ok := colonAt(p.text, skipHSpace(p.text, end)); ok {
			colon, end = true, e
		}
	}
	if strings.ContainsAny(p.text[:end], "\r\n") {
		return labelAt{}, false, false
	}
	lab, ts, ok := parseLabelTS(strings.TrimSpace(body))
	if !ok {
		if b := strings.TrimSpace(body); len(b) > 2 && b[0] == '[' && b[len(b)-1] == ']' {
			lab, ts, ok = collapse(b[1:len(b)-1]), "", true
		}
	}
	if !ok {
		return labelAt{}, false, false
	}
	if !colon && (strings.TrimSpace(p.text[end:]) == "" || !atBreak(p.text, end)) {
		return labelAt{}, false, false
	}
	st := classify(lab, false)
	if st == notLabel {
		return labelAt{}, false, false
	}
	return labelAt{speaker: lab, timestamp: ts, start: start, end: end}, colon || st == strong, true
}

// builder assembles the stored text piece by piece with the turns that point
// into it. Pieces are normalised one by one and joined with newlines, which
// keeps the whole text in NFC.
type builder struct {
	b     strings.Builder
	runes int
	turns []Turn
}

func (bl *builder) write(s string) {
	bl.b.WriteString(s)
	bl.runes += RuneLen(s)
}

// gap starts a new paragraph: a blank line after what is there.
func (bl *builder) gap() {
	if bl.b.Len() > 0 {
		bl.write("\n\n")
	}
}

// chunk appends normalised text whose turns have been found already.
func (bl *builder) chunk(text string, turns []Turn) {
	if strings.TrimSpace(text) == "" {
		return
	}
	bl.gap()
	base := bl.runes
	bl.b.Grow(len(text)) // exactly, not doubling: a chunk can be most of a long document
	bl.write(text)
	for _, t := range turns {
		t.Start += base
		t.ContentStart += base
		t.End += base
		bl.turns = append(bl.turns, t)
	}
}

// turn appends "Speaker: words" (or just the words when there is no
// speaker) as a paragraph and a turn of its own. It reports false, writing
// nothing, when words is blank.
func (bl *builder) turn(speaker, ts, words string) bool {
	words = strings.TrimFunc(cleanPiece(words), unicode.IsSpace)
	if words == "" {
		return false
	}
	speaker = collapse(cleanPiece(speaker))
	bl.gap()
	t := Turn{Speaker: speaker, Timestamp: ts, Start: bl.runes}
	if speaker != "" {
		bl.write(speaker + ": ")
	}
	t.ContentStart = bl.runes
	bl.write(words)
	t.End = bl.runes
	bl.turns = append(bl.turns, t)
	return true
}

// rows appends the turns of a table's data rows; it returns how many turns
// it wrote and how many rows had no text.
func (bl *builder) rows(rows [][]string, cols columns, header bool) (n, empty int) {
	if header {
		rows = rows[1:]
	}
	for _, row := range rows {
		speaker := strings.TrimSpace(cell(row, cols.speaker))
		if s, ok := cutColonSuffix(speaker); ok {
			speaker = strings.TrimSpace(s)
		}
		ts := strings.TrimSpace(cell(row, cols.time))
		if secs, ok := parseClock(ts); ok {
			ts = formatClock(secs)
		}
		if bl.turn(speaker, collapse(cleanPiece(ts)), cell(row, cols.text)) {
			n++
		} else {
			empty++
		}
	}
	return n, empty
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// finish checks the text as finishText does and returns it with the turns.
func (bl *builder) finish() (parsed, error) {
	text := strings.TrimRightFunc(bl.b.String(), unicode.IsSpace)
	if strings.TrimSpace(text) == "" {
		return parsed{}, ErrEmpty
	}
	if strings.IndexByte(text, 0) >= 0 || controlHeavy(text) {
		return parsed{}, ErrBinary
	}
	if !norm.NFC.IsNormalString(text) || Normalize(text) != text {
		// Cannot happen with pieces joined by newlines; stay safe anyway.
		text, err := finishText(text)
		return parsed{text: text, turns: DetectTurns(text)}, err
	}
	return parsed{text: text, turns: bl.turns}, nil
}

// cleanPiece normalises a piece of text and drops control characters other
// than tab and newline, which have no place in a transcript.
func cleanPiece(s string) string {
	s = Normalize(strings.ToValidUTF8(s, "\uFFFD"))
	if strings.IndexFunc(s, isJunkControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isJunkControl(r) {
			return -1
		}
		return r
	}, s)
}

func isJunkControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r < 0xA0) || r == '\uFEFF'
}

// columns says which cells of a turns table hold what; -1 when absent.
type columns struct{ speaker, text, time int }

func (c columns) String() string {
	names := map[int]string{}
	if c.speaker >= 0 {
		names[c.speaker] = "speaker"
	}
	names[c.text] = "text"
	if c.time >= 0 {
		names[c.time] = "time"
	}
	var out []string
	for i := 0; i < 3; i++ {
		if n, ok := names[i]; ok {
			out = append(out, n)
		}
	}
	if len(out) < len(names) { // a column beyond the third
		return fmt.Sprintf("speaker column %d, text column %d, time column %d", c.speaker+1, c.text+1, c.time+1)
	}
	return strings.Join(out, " | ")
}

// headerKind recognises a column header, case-insensitively.
func headerKind(h string) string {
	h = strings.ToLower(strings.Join(strings.FieldsFunc(h, func(r rune) bool {
		return unicode.IsSpace(r) || r == '_' || r == '-' || r == '.' || r == ':'
	}), " "))
	switch h {
	case "speaker", "speaker name", "speaker id", "name", "participant", "participant id", "who", "person", "voice", "spk", "role":
		return "speaker"
	case "text", "utterance", "transcript", "transcription", "content", "said", "what was said", "words",
		"speech", "dialogue", "dialog", "turn", "message", "statement", "line", "response":
		return "text"
	case "time", "timestamp", "time stamp", "start", "start time", "starttime", "begin", "begin time", "timecode",
		"time code", "in", "from", "tc":
		return "time"
	}
	return ""
}

// tableColumns finds the speaker, text and time columns of a table whose
// rows are turns. rows are the non-empty rows. A first row naming the
// columns (speaker/name/participant/who, text/utterance/transcript/content/
// said, time/timestamp/start/begin — any case) is a header. Without one, two
// columns are speaker | text and three are time | speaker | text or speaker
// | text | time, whichever column holds times. In a word-processor table
// (strict false) the speaker cells must also look like labels. Errors wrap
// ErrMissingColumn and list the headers found.
func tableColumns(rows [][]string, strict bool) (columns, bool, error) {
	if len(rows) == 0 {
		return columns{}, false, ErrEmpty
	}
	cols := columns{-1, -1, -1}
	named := false
	for i, h := range rows[0] {
		switch headerKind(h) {
		case "speaker":
			if cols.speaker < 0 {
				cols.speaker = i
			}
			named = true
		case "text":
			if cols.text < 0 {
				cols.text = i
			}
			named = true
		case "time":
			if cols.time < 0 {
				cols.time = i
			}
			named = true
		}
	}
	if named {
		if cols.text < 0 {
			return columns{}, false, missingColumn(rows[0])
		}
		if !strict && len(rows) < 2 {
			return columns{}, false, ErrEmpty
		}
		return cols, true, nil
	}
	width := 0
	for _, r := range rows {
		width = max(width, trimmedWidth(r))
	}
	data := rows
	switch width {
	case 2:
		cols = columns{0, 1, -1}
	case 3:
		switch {
		case mostly(data, 0, isClock):
			cols = columns{1, 2, 0}
		case mostly(data, 2, isClock):
			cols = columns{0, 1, 2}
		case mostly(data, 1, isClock):
			cols = columns{0, 2, 1}
		default:
			return columns{}, false, missingColumn(rows[0])
		}
	default:
		return columns{}, false, missingColumn(rows[0])
	}
	if !strict && (len(rows) < 2 || !mostly(data, cols.speaker, looksSpeaker)) {
		return columns{}, false, missingColumn(rows[0])
	}
	return cols, false, nil
}

func missingColumn(first []string) error {
	var hs []string
	for _, h := range first {
		if h = collapse(h); h != "" {
			hs = append(hs, strconv.Quote(truncate(h, 30)))
		}
	}
	return detail(ErrMissingColumn, "%s (the first row holds %s; name the columns speaker, text and time, or give two columns speaker, text)",
		ErrMissingColumn, strings.Join(hs, ", "))
}

func truncate(s string, n int) string {
	if RuneLen(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func trimmedWidth(row []string) int {
	n := len(row)
	for n > 0 && strings.TrimSpace(row[n-1]) == "" {
		n--
	}
	return n
}

// mostly reports that at least 80% of rows have a cell i satisfying ok.
func mostly(rows [][]string, i int, ok func(string) bool) bool {
	yes := 0
	for _, r := range rows {
		if ok(strings.TrimSpace(cell(r, i))) {
			yes++
		}
	}
	return yes*5 >= len(rows)*4
}

func isClock(s string) bool { _, ok := parseClock(s); return ok }

// looksSpeaker: a short single-line cell starting with a letter, digit or
// bracket, as speaker cells of a table of turns are.
func looksSpeaker(s string) bool {
	s, _ = cutColonSuffix(s)
	if s == "" || strings.ContainsRune(s, '\n') || RuneLen(s) > maxLabelRunes || len(strings.Fields(s)) > 4 {
		return false
	}
	r := []rune(s)[0]
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '['
}

// parseClock reads a time written h:mm, mm:ss, h:mm:ss or hh:mm:ss, with an
// optional fraction (".250" or ",250") and optional brackets, as seconds.
func parseClock(s string) (secs int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '[' && s[len(s)-1] == ']' || s[0] == '(' && s[len(s)-1] == ')') {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		frac := s[i+1:]
		if frac == "" || len(frac) > 3 || strings.Trim(frac, "0123456789") != "" {
			return 0, false
		}
		s = s[:i]
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	for k, p := range parts {
		if p == "" || len(p) > 3 || strings.Trim(p, "0123456789") != "" {
			return 0, false
		}
		n, _ := strconv.Atoi(p)
		if k > 0 && (len(p) != 2 || n > 59) {
			return 0, false
		}
		secs = secs*60 + n
	}
	return secs, true
}

// formatClock writes seconds as hh:mm:ss, the form of every timestamp read
// from a cue or a table row.
func formatClock(secs int) string {
	return fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
}

// tableReader follows the tables of a Word or OpenDocument body as its XML
// streams by and keeps the outermost one's rows; the paragraphs of a nested
// table join the cell that holds it.
type tableReader struct {
	depth int
	rows  [][]string
	row   []string
	cell  []string // paragraphs of the cell
}

func (t *tableReader) startTable() {
	t.depth++
	if t.depth == 1 {
		t.rows, t.row, t.cell = nil, nil, nil
	}
}

func (t *tableReader) startRow() {
	if t.depth == 1 {
		t.row = nil
	}
}

func (t *tableReader) startCell() {
	if t.depth == 1 {
		t.cell = nil
	}
}

// paragraph takes a paragraph that lies in a table; false outside one.
func (t *tableReader) paragraph(text string) bool {
	if t.depth == 0 {
		return false
	}
	t.cell = append(t.cell, text)
	return true
}

// endCell closes a cell that stands for repeat columns; it returns the
// bytes the repeats added.
func (t *tableReader) endCell(repeat int) int {
	if t.depth != 1 {
		return 0
	}
	text := strings.Join(t.cell, "\n")
	for range repeat {
		t.row = append(t.row, text)
	}
	t.cell = nil
	return (repeat - 1) * len(text)
}

func (t *tableReader) endRow() {
	if t.depth == 1 {
		t.rows = append(t.rows, t.row)
		t.row = nil
	}
}

// endTable closes a table; when it was the outermost, its rows are a block.
func (t *tableReader) endTable(blocks []block) []block {
	if t.depth == 0 {
		return blocks
	}
	t.depth--
	if t.depth == 0 {
		blocks = t.flush(blocks)
	}
	return blocks
}

// flush adds the rows read so far as a block (also for a table left open by
// truncated XML).
func (t *tableReader) flush(blocks []block) []block {
	if len(t.rows) > 0 {
		blocks = append(blocks, block{rows: t.rows})
	}
	t.rows = nil
	return blocks
}
