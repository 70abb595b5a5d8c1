package corpus

import (
	"fmt"
	"html"
	"strings"
	"unicode"

	"themis/internal/prose"
)

// This file reads subtitle files: WebVTT (.vtt) and SubRip (.srt).

// cue is one timed cue, cut where the speaker changes inside it.
type cue struct {
	start, end int // seconds; -1 when the time line cannot be read
	segs       []cueSeg
}

// badTimings counts the cues whose time line could not be read and keeps
// the first, for the warning.
type badTimings struct {
	n         int
	cue, line int // 1-based, of the first
	text      string
}

type cueSeg struct {
	speaker string   // "" when the cue names nobody: the speaker goes on
	parts   []string // its lines' words, to be joined with spaces
}

func (s cueSeg) text() string { return strings.Join(s.parts, " ") }

// pauseSecs is the silence between cues that starts a new turn when the
// file names no speakers.
const pauseSecs = 2

// cueParse reads a WebVTT or SubRip file: every cue "start --> end" and its
// lines, skipping the WEBVTT header and NOTE, STYLE and REGION blocks, cue
// identifiers and inline tags. The speaker is the <v Name> voice tag, or a
// "Name:" (or "- Name:", ">> NAME:") at the start of a cue line; a cue that
// names nobody continues the turn before it. Consecutive cues of one
// speaker are merged into one turn whose timestamp is its first cue's start.
// Blank lines between cues may be missing; CRLF and a BOM are fine.
func cueParse(text, format string, po parseOpts) (parsed, error) {
	what := map[string]string{"vtt": "WebVTT file", "srt": "SubRip file"}[format]
	lines := splitLines(Normalize(text))
	// Turns go to the builder as soon as the next one starts, so that only
	// the one being merged is kept apart from the text.
	type turn struct {
		speaker string
		start   int // -1: unknown
		words   []string
		nwords  int
	}
	var (
		bl   builder
		cur  turn
		open bool // cur holds a turn
	)
	emit := func() {
		if open {
			clock := ""
			if cur.start >= 0 {
				clock = formatClock(cur.start)
			}
			bl.turn(cur.speaker, clock, strings.Join(cur.words, " "))
		}
	}
	// The turns' text is shorter than the file (time lines go, a voice tag
	// is longer than "Name: "): size it once, not by doubling, which would
	// hold two copies of a long file's text.
	bl.b.Grow(len(text))
	speaker, lastEnd, ncues := "", -1, 0
	// Each cue is made into turns as it is read, so that a long file's cues
	// are never all held at once.
	n, bad := readCues(lines, func(c *cue) {
		counted := false
		for k, s := range c.segs {
			text := strings.TrimSpace(s.text())
			if text == "" && s.speaker == "" {
				continue
			}
			if !counted {
				ncues++
				counted = true
			}
			next := speaker
			if s.speaker != "" {
				next = s.speaker
			}
			switch {
			case !open, next != speaker:
			case next == "" && k == 0 && (c.start >= 0 && c.start-lastEnd >= pauseSecs || cur.nwords >= 150 && endsSentence(cur.words)):
			default:
				if text != "" {
					cur.words = append(cur.words, text)
					cur.nwords += CountWords(text)
				}
				continue
			}
			emit()
			speaker = next
			cur, open = turn{speaker: next, start: c.start}, true
			if text != "" {
				cur.words = []string{text}
				cur.nwords = CountWords(text)
			}
		}
		lastEnd = max(lastEnd, c.end)
	})
	if n == 0 {
		return parsed{}, corruptIn(what, "no cue with a start --> end time")
	}
	emit()
	p, err := bl.finish()
	if err != nil {
		return parsed{}, err
	}
	if len(p.turns) < ncues {
		p.warnings = append(p.warnings, prose.Count(ncues, "cue", "cues")+" merged into "+prose.Count(len(p.turns), "turn", "turns"))
	}
	switch {
	case bad.n == 1:
		p.warnings = append(p.warnings, fmt.Sprintf("cue %d (line %d): its time line %q cannot be read; its text was kept, without a time", bad.cue, bad.line, bad.text))
	case bad.n > 1:
		p.warnings = append(p.warnings, fmt.Sprintf("%d cues have time lines that cannot be read (the first is cue %d, line %d: %q); their text was kept, without a time", bad.n, bad.cue, bad.line, bad.text))
	}
	if po.pattern != nil {
		p.warnings = append(p.warnings, "the speaker pattern is not used for subtitles; speakers come from <v> voice tags and Name: at the start of cues")
	}
	return p, nil
}

func endsSentence(words []string) bool {
	if len(words) == 0 {
		return false
	}
	w := words[len(words)-1]
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!")
}

// readCues finds the cues in the lines of a subtitle file and passes each to
// yield, in order, once its text is complete (when the next cue starts, or at
// the end); it returns how many there were. A time line that looks like one
// but cannot be read (see looksTimed) still starts a cue, with no time, and
// is counted in bad.
func readCues(lines textLines, yield func(*cue)) (n int, bad badTimings) {
	var last cue // the cue read last, not yet yielded when n > 0
	blockStart := true
	for i := 0; i < lines.len(); i++ {
		line := strings.TrimSpace(lines.at(i))
		switch {
		case line == "":
			blockStart = true
			continue
		case blockStart && (i == 0 || n == 0) && strings.HasPrefix(line, "WEBVTT"):
			i = skipBlock(lines, i)
			continue
		case blockStart && (isBlockWord(line, "NOTE") || isBlockWord(line, "STYLE") || isBlockWord(line, "REGION")):
			i = skipBlock(lines, i)
			continue
		}
		blockStart = false
		start, end, ok := cueTiming(line)
		if !ok && looksTimed(line) {
			start, end, ok = -1, -1, true
			if bad.n++; bad.n == 1 {
				bad.cue, bad.line, bad.text = n+1, i+1, line
			}
		}
		if !ok {
			// A cue identifier, or text separated from its cue by a stray
			// blank line: keep the text.
			if n > 0 && !isCueID(lines, i) {
				last.segs = appendCueLine(last.segs, line)
			}
			continue
		}
		c := cue{start: start, end: end}
		for i+1 < lines.len() {
			next := strings.TrimSpace(lines.at(i + 1))
			if next == "" {
				break
			}
			if _, _, ok := cueTiming(next); ok || looksTimed(next) || isDigits(next) && isCueID(lines, i+1) {
				break // the next cue, its blank line missing
			}
			i++
			c.segs = appendCueLine(c.segs, next)
		}
		if n > 0 {
			yield(&last)
		}
		last = c
		n++
	}
	if n > 0 {
		yield(&last)
	}
	return n, bad
}

// looksTimed reports a line that is meant as a cue's time line but may not
// be one cueTiming reads, such as "00:00:00:500 --> 00:00:02,000": what
// stands before "-->" is only digits and time punctuation. A line of speech
// with an arrow in it ("from home --> to the group") is not.
func looksTimed(line string) bool {
	a, _, found := strings.Cut(line, "-->")
	a = strings.TrimSpace(a)
	return found && a != "" && strings.Trim(a, "0123456789:.,;") == "" && strings.ContainsAny(a, "0123456789")
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func isBlockWord(line, word string) bool {
	rest, ok := strings.CutPrefix(line, word)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// skipBlock returns the index of the last line of the block starting at i.
func skipBlock(lines textLines, i int) int {
	for i+1 < lines.len() && strings.TrimSpace(lines.at(i+1)) != "" {
		i++
	}
	return i
}

// isCueID reports that line i is a cue identifier: the next line is a
// timing line.
func isCueID(lines textLines, i int) bool {
	if i+1 >= lines.len() {
		return false
	}
	next := strings.TrimSpace(lines.at(i + 1))
	_, _, ok := cueTiming(next)
	return ok || looksTimed(next)
}

// cueTiming parses "00:01:02.500 --> 00:01:05.000 align:start" (WebVTT)
// or "00:01:02,500 --> 00:01:05,000" (SubRip), in seconds.
func cueTiming(line string) (start, end int, ok bool) {
	a, b, found := strings.Cut(line, "-->")
	if !found {
		return 0, 0, false
	}
	start, ok = parseClock(strings.TrimSpace(a))
	if !ok {
		return 0, 0, false
	}
	if f := strings.Fields(b); len(f) > 0 {
		if e, ok := parseClock(f[0]); ok {
			return start, e, true
		}
	}
	return start, start, true
}

// appendCueLine reads one line of cue text — voice tags, other tags,
// entities, a "Name:" prefix — onto segs.
func appendCueLine(segs []cueSeg, line string) []cueSeg {
	var cur strings.Builder
	speaker := ""
	if n := len(segs); n > 0 {
		speaker = segs[n-1].speaker
	}
	emit := func() {
		s := strings.TrimSpace(cur.String())
		cur.Reset()
		if s == "" {
			return
		}
		s = html.UnescapeString(s)
		lab, rest := cueLabel(s)
		if lab != "" {
			segs = append(segs, cueSeg{speaker: lab, parts: []string{rest}})
			speaker = lab
			return
		}
		if n := len(segs); n > 0 && segs[n-1].speaker == speaker {
			segs[n-1].parts = append(segs[n-1].parts, s)
			return
		}
		segs = append(segs, cueSeg{speaker: speaker, parts: []string{s}})
	}
	for i := 0; i < len(line); {
		switch {
		case line[i] == '<':
			j := strings.IndexByte(line[i:], '>')
			if j < 0 {
				cur.WriteString(line[i:])
				i = len(line)
				continue
			}
			tag := line[i+1 : i+j]
			i += j + 1
			if v, ok := voiceName(tag); ok {
				emit()
				if n := len(segs); n == 0 || segs[n-1].speaker != v || len(segs[n-1].parts) > 0 {
					segs = append(segs, cueSeg{speaker: v})
				}
				speaker = v
			} else if !isTag(tag) {
				cur.WriteString("<" + tag + ">")
			}
		case line[i] == '{' && strings.HasPrefix(line[i:], `{\`):
			j := strings.IndexByte(line[i:], '}')
			if j < 0 {
				cur.WriteString(line[i:])
				i = len(line)
				continue
			}
			i += j + 1 // an ASS override such as {\an8}
		default:
			cur.WriteByte(line[i])
			i++
		}
	}
	emit()
	return segs
}

// voiceName reads a WebVTT voice tag "v Name" or "v.loud Name".
func voiceName(tag string) (string, bool) {
	if len(tag) < 2 || tag[0] != 'v' || (tag[1] != ' ' && tag[1] != '.' && tag[1] != '\t') {
		return "", false
	}
	_, name, ok := strings.Cut(strings.TrimSpace(tag), " ")
	if !ok {
		_, name, ok = strings.Cut(tag, "\t")
	}
	name = collapse(html.UnescapeString(name))
	return name, ok && name != ""
}

// isTag reports markup that is dropped: WebVTT and SubRip inline tags
// (<i>, </b>, <c.yellow>, <lang en>, <00:00:01.000>, <font color=…>).
func isTag(tag string) bool {
	t := strings.TrimPrefix(tag, "/")
	if t == "" {
		return true
	}
	if _, ok := parseClock(t); ok {
		return true
	}
	f := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '.' || r == '\t' })
	if len(f) == 0 {
		return true
	}
	switch strings.ToLower(f[0]) {
	case "i", "b", "u", "c", "v", "lang", "ruby", "rt", "font", "s", "span", "br":
		return true
	}
	return false
}

// cueLabel reads a speaker written at the start of a cue line: "Name: …",
// "- Name: …", ">> NAME: …" or "[Name] …".
func cueLabel(s string) (lab, rest string) {
	t := strings.TrimLeftFunc(s, func(r rune) bool { return r == '-' || r == '>' || r == '–' || unicode.IsSpace(r) })
	if strings.HasPrefix(t, "[") {
		if j := strings.IndexByte(t, ']'); j > 1 {
			name := collapse(t[1:j])
			if classify(name, true) != notLabel {
				return name, strings.TrimSpace(t[j+1:])
			}
		}
		return "", s
	}
	name, _, end, ok := matchColonLabel(t, 0)
	if !ok || classify(name, false) == notLabel {
		return "", s
	}
	return name, strings.TrimSpace(t[end:])
}

// textLines are the lines of a text, found by their offsets rather than cut
// into a slice of strings: a long subtitle file has millions of short lines,
// and the offsets take a quarter of the memory.
type textLines struct {
	text   string
	starts []int32 // byte offset of each line; the text is under 2 GiB (MaxFileSize)
}

func splitLines(text string) textLines {
	l := textLines{text: text, starts: make([]int32, 0, strings.Count(text, "\n")+1)}
	for b := 0; ; {
		l.starts = append(l.starts, int32(b))
		nl := strings.IndexByte(text[b:], '\n')
		if nl < 0 {
			return l
		}
		b += nl + 1
	}
}

func (l textLines) len() int { return len(l.starts) }

// at returns line i without its "\n".
func (l textLines) at(i int) string {
	end := len(l.text)
	if i+1 < len(l.starts) {
		end = int(l.starts[i+1]) - 1
	}
	return l.text[l.starts[i]:end]
}
