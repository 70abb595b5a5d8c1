package corpus

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
)

// Options adjust how a file is read. The zero value detects everything, as
// Parse does.
type Options struct {
	// Encoding of a text-based file (.txt, .md, .vtt, .srt, .csv): ""
	// detects it (UTF-8; UTF-16 with a byte-order mark or a regular pattern
	// of NUL bytes; else Windows-1252), or one of "utf-8", "utf-16le",
	// "utf-16be", "windows-1252" (or any WHATWG label, e.g. "latin1",
	// "iso-8859-15", "shift_jis") forces it. Ignored for other formats.
	Encoding string
	// SpeakerPattern, when not empty, replaces automatic speaker detection
	// in text-like formats (.txt, .md, .docx, .odt, .rtf): a Go regular
	// expression matched at the start of each line, with a capture group
	// named "speaker" and optionally one named "time"; the turn's words
	// start after the match. Cue and table formats take their speakers from
	// their structure and ignore it, with a warning. See SpeakerPresets.
	SpeakerPattern string
}

// parseOpts is Options checked and compiled.
type parseOpts struct {
	encoding string
	pattern  *regexp.Regexp
}

func (o Options) compile() (parseOpts, error) {
	po := parseOpts{encoding: o.Encoding}
	if strings.TrimSpace(o.SpeakerPattern) == "" {
		return po, nil
	}
	re, err := CompileSpeakerPattern(o.SpeakerPattern)
	if err != nil {
		return parseOpts{}, err
	}
	po.pattern = re
	return po, nil
}

// CompileSpeakerPattern checks a speaker pattern as ParseWith would and
// returns it compiled, anchored at the start of a line. Errors wrap
// ErrBadPattern and say what is wrong, for showing beside the input.
func CompileSpeakerPattern(pattern string) (*regexp.Regexp, error) {
	if _, err := regexp.Compile(pattern); err != nil {
		msg := err.Error()
		if e, ok := err.(*syntax.Error); ok {
			msg = fmt.Sprintf("%s: %s", e.Code, e.Expr)
		}
		return nil, detail(ErrBadPattern, "%s (%s)", ErrBadPattern, msg)
	}
	re, err := regexp.Compile(`^(?:` + pattern + `)`)
	if err != nil {
		return nil, detail(ErrBadPattern, "%s (unbalanced parentheses)", ErrBadPattern)
	}
	if re.SubexpIndex("speaker") < 0 {
		return nil, detail(ErrBadPattern, `%s (it needs a group named speaker, written (?P<speaker>…))`, ErrBadPattern)
	}
	return re, nil
}

// patternTurns finds turns with a speaker pattern: every line the pattern
// matches at its start (with a non-empty speaker group) begins a turn. When
// no line matches, the text is cut into paragraphs, with a warning.
func patternTurns(text string, re *regexp.Regexp) ([]Turn, []string) {
	idx := newLineIndex(text)
	si, ti := re.SubexpIndex("speaker"), re.SubexpIndex("time")
	var labels []labelAt
	for li := range idx.starts {
		lo, hi := idx.line(li)
		line := text[lo:hi]
		m := re.FindStringSubmatchIndex(line)
		if m == nil || m[1] == 0 || m[2*si] < 0 {
			continue
		}
		speaker := collapse(line[m[2*si]:m[2*si+1]])
		if speaker == "" {
			continue
		}
		l := labelAt{speaker: speaker, start: lo + skipSpace(line, 0, m[1]), end: lo + m[1]}
		if ti >= 0 && m[2*ti] >= 0 {
			l.timestamp = strings.TrimSpace(line[m[2*ti]:m[2*ti+1]])
		}
		labels = append(labels, l)
	}
	if len(labels) == 0 {
		return paragraphTurns(text, idx), []string{"the speaker pattern matched no line; the text is one turn per paragraph"}
	}
	return labelledTurns(text, idx, labels), nil
}

// Preset is a ready-made speaker pattern for the import screen.
type Preset struct {
	ID      string // stable identifier, e.g. "colon"
	Label   string // what the user picks, e.g. "Name: words"
	Pattern string // the Options.SpeakerPattern; "" for automatic detection
	Example string // a line the pattern reads, e.g. "Interviewer: How did you hear about it?"
}

// SpeakerPresets lists the speaker patterns offered for import, automatic
// detection first. Every Pattern compiles with CompileSpeakerPattern and
// matches its Example.
func SpeakerPresets() []Preset {
	const name = `[\p{L}\p{N}][\p{L}\p{M}\p{N} .'’_-]{0,39}?`
	const clock = `\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`
	return []Preset{
		{ID: "auto", Label: "Automatic (Name:, [id1], times, bold names in Word)", Pattern: "",
			Example: "Interviewer: How did you hear about the walking group?"},
		{ID: "colon", Label: "Name: words", Pattern: `\s*(?P<speaker>` + name + `)\s*[:：]\s`,
			Example: "Mrs Adébáyọ̀: My GP told me about it."},
		{ID: "caps", Label: "NAME: words (capitals only)", Pattern: `\s*(?P<speaker>\p{Lu}[\p{Lu}\p{N} .'’_-]{0,39}?)\s*:\s`,
			Example: "INTERVIEWER: And the café on Tuesdays?"},
		{ID: "brackets", Label: "[Name] words", Pattern: `\s*\[(?P<speaker>[^\]\n]{1,40})\]:?\s`,
			Example: "[P07] I go every week now 😀"},
		{ID: "name-time", Label: "Name (00:01:02): words", Pattern: `\s*(?P<speaker>` + name + `)\s*[(\[](?P<time>` + clock + `)[)\]]\s*:?\s`,
			Example: "Link worker (00:04:31): Shall we try the choir?"},
		{ID: "time-name", Label: "00:01:02 Name: words", Pattern: `\s*[(\[]?(?P<time>` + clock + `)[)\]]?\s+(?:[-–—]\s+)?(?P<speaker>` + name + `)\s*:\s`,
			Example: "00:04:31 Participant: I felt less alone."},
		{ID: "tab", Label: "Name<Tab>words", Pattern: `\s*(?P<speaker>[^\t\n]{1,40}?)\t+`,
			Example: "Interviewer\tWhat happened next?"},
		{ID: "dash", Label: "Name – words", Pattern: `\s*(?P<speaker>` + name + `)\s+[-–—]\s+`,
			Example: "Chloé – It got me out of the house."},
	}
}
