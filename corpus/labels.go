package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the grammar of speaker labels at the start of a line, and the
// judgement of whether a matched label really names a speaker.

// maxLabelRunes bounds a label's length in code points.
const maxLabelRunes = 40

// labelMatch is a speaker label found at the start of one line. Byte offsets
// are relative to the line.
type labelMatch struct {
	speaker   string // as written, trimmed, inner whitespace collapsed
	timestamp string // "" when none
	start     int    // where the label (or its leading timestamp) begins
	end       int    // just after the label, its colon and closing markup
	bracket   bool   // written as a [tag]
}

// matchLabel recognises, after optional indentation:
//
//	Label: text                     Label (00:01:23): text    Label [1:02:03]: text
//	00:01:23 Label: text            [00:01:23] Label: text    (00:01:23) - Label: text
//	[id1] text                      [Label]: text             [Label] 10:03:45  (Zoom)
//	**Label:** text                 **Label**: text           __Label:__ text
//	Label  0:03                     (a label line; the words follow on the next lines)
//
// The colon may be the full-width "：". After an ASCII colon there must be
// whitespace or the end of the line, so "http://", "10:30" and "e.g.:x" are
// not labels. Whether the label is plausible is decided by classify.
func matchLabel(line string) (labelMatch, bool) {
	i := skipHSpace(line, 0)
	if i >= len(line) {
		return labelMatch{}, false
	}
	m := labelMatch{start: i}
	switch {
	case startsTimestamp(line, i):
		ts, j, ok := matchTimestampToken(line, i)
		if !ok {
			return labelMatch{}, false
		}
		k := skipHSpace(line, j)
		if k == j {
			return labelMatch{}, false
		}
		if r, w := utf8.DecodeRuneInString(line[k:]); r == '-' || r == '–' || r == '—' {
			if k2 := skipHSpace(line, k+w); k2 > k+w {
				k = k2
			} else {
				return labelMatch{}, false
			}
		}
		lab, ts2, end, ok := matchColonLabel(line, k)
		if !ok || ts2 != "" {
			return labelMatch{}, false
		}
		m.speaker, m.timestamp, m.end = lab, ts, end
		return m, true

	case line[i] == '[':
		c := strings.IndexByte(line[i:], ']')
		if c < 0 {
			return labelMatch{}, false
		}
		inner := line[i+1 : i+c]
		if strings.ContainsAny(inner, "[\n") || RuneLen(inner) > maxLabelRunes {
			return labelMatch{}, false
		}
		j := i + c + 1
		if e, ok := colonAt(line, skipHSpace(line, j)); ok {
			j = e
		} else if !atBreak(line, j) {
			return labelMatch{}, false
		}
		m.speaker, m.end, m.bracket = collapse(inner), j, true
		// "[Sarah Jones] 10:03:45" alone on its line (Zoom): the time is the label's.
		if ts, e, ok := matchTimestampToken(line, skipHSpace(line, j)); ok && skipHSpace(line, e) == len(line) {
			m.timestamp, m.end = ts, e
		}
		return m, true

	case strings.HasPrefix(line[i:], "**") || strings.HasPrefix(line[i:], "__"):
		mark := line[i : i+2]
		c := strings.Index(line[i+2:], mark)
		if c < 0 {
			return labelMatch{}, false
		}
		inner := line[i+2 : i+2+c]
		after := i + 2 + c + 2
		trimmed := strings.TrimRightFunc(inner, unicode.IsSpace)
		if body, ok := cutColonSuffix(trimmed); ok { // **Label:** text
			lab, ts, ok := parseLabelTS(body)
			if !ok || !atBreak(line, after) {
				return labelMatch{}, false
			}
			m.speaker, m.timestamp, m.end = lab, ts, after
			return m, true
		}
		e, ok := colonAt(line, skipHSpace(line, after)) // **Label**: text
		if !ok {
			return labelMatch{}, false
		}
		lab, ts, ok := parseLabelTS(inner)
		if !ok {
			return labelMatch{}, false
		}
		m.speaker, m.timestamp, m.end = lab, ts, e
		return m, true
	}
	if lab, ts, end, ok := matchColonLabel(line, i); ok {
		m.speaker, m.timestamp, m.end = lab, ts, end
		return m, true
	}
	// Label line with a trailing timestamp and nothing else (Otter, Teams).
	e := len(strings.TrimRightFunc(line, unicode.IsSpace))
	sp := strings.LastIndexFunc(line[i:e], unicode.IsSpace)
	if sp < 0 {
		return labelMatch{}, false
	}
	_, w := utf8.DecodeRuneInString(line[i+sp:])
	tokStart := i + sp + w
	if ts, j, ok := matchTimestampToken(line, tokStart); ok && j == e {
		if lab, ts2, ok := parseLabelTS(line[i:tokStart]); ok && ts2 == "" {
			m.speaker, m.timestamp, m.end = lab, ts, e
			return m, true
		}
	}
	return labelMatch{}, false
}

// matchColonLabel matches "Label:" or "Label (ts):" at s[i:], returning the
// label, the timestamp and the offset just after the colon.
func matchColonLabel(s string, i int) (lab, ts string, end int, ok bool) {
	j := scanLabelRunes(s, i)
	lab = collapse(s[i:j])
	if lab == "" {
		return "", "", 0, false
	}
	k := skipHSpace(s, j)
	if t, e, ok := matchBracketedTimestamp(s, k); ok {
		ts = t
		k = skipHSpace(s, e)
	}
	end, ok = colonAt(s, k)
	if !ok {
		return "", "", 0, false
	}
	return lab, ts, end, true
}

// parseLabelTS parses a whole string as "Label" or "Label (ts)".
func parseLabelTS(s string) (lab, ts string, ok bool) {
	j := scanLabelRunes(s, 0)
	lab = collapse(s[:j])
	if lab == "" {
		return "", "", false
	}
	k := skipHSpace(s, j)
	if t, e, ok := matchBracketedTimestamp(s, k); ok {
		ts = t
		k = skipHSpace(s, e)
	}
	if k != len(s) {
		return "", "", false
	}
	return lab, ts, true
}

// scanLabelRunes returns the end of the run of label characters at s[i:],
// giving up (returning i) when the run is far longer than a label can be.
func scanLabelRunes(s string, i int) int {
	j, n := i, 0
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isLabelRune(r) {
			break
		}
		j += w
		if n++; n > 2*maxLabelRunes {
			return i
		}
	}
	return j
}

func isLabelRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || isHSpace(r) ||
		r == '.' || r == '\'' || r == '’' || r == '-' || r == '_'
}

func isHSpace(r rune) bool { return r != '\n' && unicode.IsSpace(r) }

func skipHSpace(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isHSpace(r) {
			break
		}
		i += w
	}
	return i
}

// atBreak reports whether s[i:] is empty or starts with whitespace.
func atBreak(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// colonAt matches a label colon at s[i:]: ":" followed by whitespace or the
// end of the line, or a full-width "：" (CJK text puts no space after it).
func colonAt(s string, i int) (end int, ok bool) {
	switch {
	case strings.HasPrefix(s[i:], ":") && atBreak(s, i+1):
		return i + 1, true
	case strings.HasPrefix(s[i:], "："):
		return i + len("："), true
	}
	return 0, false
}

func cutColonSuffix(s string) (string, bool) {
	if b, ok := strings.CutSuffix(s, ":"); ok {
		return b, true
	}
	return strings.CutSuffix(s, "：")
}

// collapse trims s and collapses inner runs of whitespace to one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func startsTimestamp(s string, i int) bool {
	if i < len(s) && (s[i] == '[' || s[i] == '(') {
		i++
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// matchTimestampToken matches a timestamp at s[i:], bare or in [] or ().
func matchTimestampToken(s string, i int) (ts string, end int, ok bool) {
	if ts, end, ok := matchBracketedTimestamp(s, i); ok {
		return ts, end, true
	}
	return matchTimestamp(s, i)
}

func matchBracketedTimestamp(s string, i int) (ts string, end int, ok bool) {
	if i >= len(s) {
		return "", 0, false
	}
	var closer byte
	switch s[i] {
	case '[':
		closer = ']'
	case '(':
		closer = ')'
	default:
		return "", 0, false
	}
	ts, j, ok := matchTimestamp(s, skipHSpace(s, i+1))
	if !ok {
		return "", 0, false
	}
	j = skipHSpace(s, j)
	if j >= len(s) || s[j] != closer {
		return "", 0, false
	}
	return ts, j + 1, true
}

// matchTimestamp matches h:mm, mm:ss, h:mm:ss or hh:mm:ss, optionally with
// a fraction of a second (".250" or ",250"), at s[i:].
func matchTimestamp(s string, i int) (ts string, end int, ok bool) {
	digits := func(j, min, max int) int { // returns end of a digit run, or -1
		k := j
		for k < len(s) && k-j < max && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k-j < min {
			return -1
		}
		return k
	}
	j := digits(i, 1, 2)
	if j < 0 {
		return "", 0, false
	}
	fields := 1
	for fields < 3 && j+1 < len(s) && s[j] == ':' {
		k := digits(j+1, 2, 2)
		if k < 0 || s[j+1] > '5' {
			break
		}
		j = k
		fields++
	}
	if fields < 2 {
		return "", 0, false
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') {
		if k := digits(j+1, 1, 3); k > 0 {
			j = k
		}
	}
	if j < len(s) && (s[j] == ':' || (s[j] >= '0' && s[j] <= '9')) {
		return "", 0, false
	}
	return s[i:j], j, true
}

// strength is how sure we are that a matched label names a speaker.
type strength int

const (
	notLabel strength = iota
	weak              // a name or all-caps word: a label only if it starts two or more lines
	strong            // a role, an ID or a tag: a label wherever it occurs
)

// classify judges a matched label. Strong: a known role word, optionally
// numbered ("Interviewer", "Patient 005", "Link worker 2"), an ID such as
// "P003" or "id1", or a single capital letter ("I", "R", "Q", "A"). Weak: a
// capitalised name of 1–3 words ("Sarah", "Dr. Okafor") or an all-caps label
// ("MODERATOR ONE"). Everything else — lower-case phrases, sentences, long
// labels, words such as "Note" or "Date", and bracketed transcription notes
// such as "[inaudible]" — is not a label.
func classify(lab string, bracket bool) strength {
	if lab == "" || RuneLen(lab) > maxLabelRunes {
		return notLabel
	}
	first, _ := utf8.DecodeRuneInString(lab)
	if !unicode.IsLetter(first) {
		return notLabel
	}
	for _, r := range lab {
		if !isLabelRune(r) {
			return notLabel
		}
	}
	words := strings.Fields(lab)
	if len(words) > 4 {
		return notLabel
	}
	key := strings.ToLower(strings.Join(words, " "))
	if isStopLabel(key) || (bracket && isAnnotation(key)) {
		return notLabel
	}
	switch {
	case isID(lab):
		return strong
	case len(words) == 1 && utf8.RuneCountInString(lab) == 1 && unicode.IsUpper(first):
		return strong
	case isRole(strings.Fields(key)):
		return strong
	case isAllCaps(lab):
		return weak
	case isCapitalisedName(words):
		return weak
	}
	return notLabel
}

// isID matches participant identifiers: 1–4 ASCII letters, an optional
// "-", "_" or space, 1–4 digits and an optional letter: P003, id1, FG-2, R1,
// INT07, P12b.
func isID(s string) bool {
	i := 0
	for i < len(s) && i < 4 && isASCIILetter(s[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	if i < len(s) && (s[i] == '-' || s[i] == '_' || s[i] == ' ') {
		i++
	}
	j := i
	for j < len(s) && j-i < 4 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return false
	}
	if j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	return j == len(s)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isNumbering reports a word that numbers a role: "2", "005", "12b", "#3",
// "A", "b".
func isNumbering(w string) bool {
	w = strings.TrimPrefix(w, "#")
	if w == "" {
		return false
	}
	if len(w) == 1 && isASCIILetter(w[0]) {
		return true
	}
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	return i > 0 && (i == len(w) || (i == len(w)-1 && isASCIILetter(w[i])))
}

// isRole reports a known role, optionally numbered, given lower-case words.
func isRole(words []string) bool {
	if len(words) > 1 && isNumbering(words[len(words)-1]) {
		words = words[:len(words)-1]
	} else if len(words) == 1 {
		words = []string{strings.TrimRight(words[0], "0123456789")} // "participant12"
	}
	return isRoleWord(strings.Join(words, " "))
}

func isRoleWord(s string) bool {
	switch s {
	case "interviewer", "interviewee", "facilitator", "co-facilitator", "cofacilitator",
		"moderator", "respondent", "participant", "patient", "speaker", "researcher",
		"link worker", "linkworker", "social prescriber", "social prescribing link worker",
		"nurse", "doctor", "gp", "clinician", "practitioner", "therapist", "counsellor", "counselor",
		"client", "carer", "caregiver", "care giver", "staff", "staff member", "provider",
		"commissioner", "volunteer", "coordinator", "co-ordinator", "navigator", "worker",
		"student", "teacher", "tutor", "parent", "mother", "father", "family member",
		"relative", "partner", "friend", "member", "person", "service user", "user",
		"manager", "chair", "observer", "note taker", "notetaker", "translator", "interpreter",
		"audience", "unknown", "unidentified", "unknown speaker", "male", "female", "man", "woman",
		"int", "iv", "ie", "ivr", "ive", "res", "resp", "mod", "fac", "pt", "lw", "sp",
		"host", "guest", "panellist", "panelist", "informant", "subject", "child", "young person",
		"entrevistador", "entrevistado", "entrevistadora", "entrevistada", "intervieweur",
		"enquêteur", "enquêtrice", "interviewé", "interviewée", "interviewerin", "befragte", "befragter":
		return true
	}
	return false
}

// isStopLabel lists words that are often followed by a colon at the start of
// a line but never name a speaker.
func isStopLabel(s string) bool {
	switch s {
	case "note", "notes", "nb", "n.b.", "ps", "p.s.", "pps", "re", "fyi", "tbc", "todo", "e.g.", "i.e.",
		"subject", "date", "time", "location", "place", "venue", "duration", "length", "title",
		"transcript", "transcription", "transcriber", "transcriber's note", "interview", "recording",
		"file", "filename", "example", "examples", "summary", "update", "edit", "correction", "warning",
		"caution", "important", "source", "sources", "tags", "keywords", "topic", "theme", "themes",
		"code", "codes", "memo", "comment", "comments", "background", "context", "purpose", "aim",
		"aims", "objective", "objectives", "prompt", "prompts", "probe", "probes", "follow up",
		"follow-up", "action", "actions", "agenda", "attendees", "present", "apologies", "from", "to",
		"cc", "sent", "page", "version", "age", "gender", "sex", "ethnicity", "occupation", "site",
		"also", "however", "but", "and", "so", "then", "well", "yes", "no", "ok", "okay", "total",
		"step", "tip", "hint", "see", "translation", "abstract", "introduction", "conclusion",
		"results", "methods", "discussion", "http", "https", "mailto", "ftp", "www":
		return true
	}
	return false
}

// isAnnotation lists transcription notes written in square brackets at the
// start of a line, which are not speaker tags.
func isAnnotation(s string) bool {
	switch s {
	case "inaudible", "unclear", "unintelligible", "indistinct", "inaudible speech",
		"laughs", "laughing", "laughter", "laugh", "both laugh", "all laugh", "chuckles",
		"crosstalk", "cross talk", "cross-talk", "overlapping", "overlap", "overtalk", "overlapping speech",
		"pause", "paused", "long pause", "short pause", "silence", "break", "interruption", "interrupted",
		"noise", "background noise", "coughs", "cough", "sighs", "sigh", "music", "applause", "crying", "cries",
		"tearful", "emotional", "whispers", "whispering", "nods", "smiles", "phone rings", "knock",
		"redacted", "removed", "name", "name removed", "names", "place", "location", "organisation",
		"organization", "anonymised", "anonymized", "date", "number", "address", "sic", "end", "end of recording",
		"end of interview", "recording ends", "recording stops", "recording stopped", "recording paused",
		"recording resumed", "translated", "translation", "audio cuts out", "video", "audio", "transcript":
		return true
	}
	return false
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// isCapitalisedName: 1–3 words, the first starting with a capital (or a
// letter of a script without case), the others capitalised, numbers, or name
// particles ("de", "van", "of").
func isCapitalisedName(words []string) bool {
	if len(words) > 3 {
		return false
	}
	for k, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsLetter(r) && !unicode.IsLower(r):
		case k > 0 && (isNumbering(w) || isParticle(w)):
		default:
			return false
		}
	}
	return true
}

func isParticle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos", "das",
		"bin", "binti", "al", "el", "ter", "ten", "of", "y":
		return true
	}
	return false
}
