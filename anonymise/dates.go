package anonymise

import (
	"strconv"
	"strings"
)

// Dates: a full date (day, month and year, in any common format) is a
// finding — confident when birth is mentioned just before it ("born",
// "DOB", "date of birth", "birthday"), less so otherwise, since most full
// dates in an interview are appointments. A partial date (day and month, or
// month and year, or a bare year) counts only with birth context. A weekday
// or a year on its own is never a finding.

const month = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
const day = `(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?`

var (
	reNumericDate = newLazyRegexp(`\b(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4}|\d{2})\b`)
	reISODate     = newLazyRegexp(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reDayMonYear  = newLazyRegexp(`\b(?:the\s+)?` + day + `(?:\s+of)?\s+` + month + `,?\s+(?:(?:19|20)\d{2}|'\d{2})\b`)
	reMonDayYear  = newLazyRegexp(`\b` + month + `\s+(?:the\s+)?` + day + `,?\s+(?:19|20)\d{2}\b`)
	reDayMon      = newLazyRegexp(`\b(?:the\s+)?` + day + `(?:\s+of)?\s+` + month + `\b`)
	reMonDay      = newLazyRegexp(`\b` + month + `\s+(?:the\s+)?` + day + `\b`)
	reMonYear     = newLazyRegexp(`\b` + month + `,?\s+(?:19|20)\d{2}\b`)
	reYear        = newLazyRegexp(`\b(?:19|20)\d{2}\b`)
	reBirthCue    = newLazyRegexp(`(?i)\b(?:born|d\.?o\.?b\b\.?|date of birth|birth ?date|birthday)`)
)

// birthContext reports a birth cue shortly before s (in the same sentence),
// or "birthday" just after e.
func birthContext(text string, s, e int) bool {
	before := text[max(0, s-45):s]
	if i := strings.LastIndexAny(before, ".!?\n"); i >= 0 && i < len(before)-1 {
		before = before[i+1:]
	}
	if reBirthCue.MatchString(before) {
		return true
	}
	after := text[e:min(len(text), e+20)]
	return strings.Contains(strings.ToLower(after), "birthday")
}

func validDayMonth(a, b int) bool {
	return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12)
}

var reDigitSep = newLazyRegexp(`\d[/.\-]\d`)

// hasMonth is a quick test for a month's name (or its abbreviation).
func hasMonth(s string) bool {
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

func scanDates(text string, out []candidate) []candidate {
	full := func(s, e int) {
		conf := 0.55
		if birthContext(text, s, e) {
			conf = 0.92
		}
		out = append(out, candidate{s, e, KindDate, conf})
	}
	numeric := reDigitSep.MatchString(text)
	months := hasMonth(text)
	if !numeric && !months && !reBirthCue.MatchString(text) {
		return out
	}
	for _, m := range reNumericDate.FindAllStringSubmatchIndex(text, -1) {
		if !numeric {
			break
		}
		if text[m[4]:m[5]] != text[m[8]:m[9]] {
			continue // mixed separators
		}
		a, _ := strconv.Atoi(text[m[2]:m[3]])
		b, _ := strconv.Atoi(text[m[6]:m[7]])
		if !validDayMonth(a, b) {
			continue
		}
		if m[1] < len(text) && (text[m[1]] == '/' || text[m[1]] == '-' || (text[m[1]] == '.' && m[1]+1 < len(text) && text[m[1]+1] >= '0' && text[m[1]+1] <= '9')) {
			continue // part of a longer number
		}
		if m[0] > 0 && strings.IndexByte("/-.", text[m[0]-1]) >= 0 {
			continue
		}
		full(m[0], m[1])
	}
	for _, m := range reISODate.FindAllStringSubmatchIndex(text, -1) {
		if !numeric {
			break
		}
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			full(m[0], m[1])
		}
	}
	if !months {
		return scanBirthYears(text, out)
	}
	for _, re := range []*lazyRegexp{reDayMonYear, reMonDayYear} {
		for _, m := range re.FindAllStringIndex(text, -1) {
			full(m[0], m[1])
		}
	}
	for _, re := range []*lazyRegexp{reDayMon, reMonDay, reMonYear} {
		for _, m := range re.FindAllStringIndex(text, -1) {
			if birthContext(text, m[0], m[1]) {
				out = append(out, candidate{m[0], m[1], KindDate, 0.8})
			}
		}
	}
	return scanBirthYears(text, out)
}

// scanBirthYears: "born in 1962", "DOB 1962".
func scanBirthYears(text string, out []candidate) []candidate {
	if !reBirthCue.MatchString(text) {
		return out
	}
	for _, m := range reYear.FindAllStringIndex(text, -1) {
		before := strings.ToLower(text[max(0, m[0]-16):m[0]])
		if strings.Contains(before, "born") || strings.Contains(before, "dob") || strings.Contains(before, "d.o.b") {
			out = append(out, candidate{m[0], m[1], KindDate, 0.6})
		}
	}
	return out
}
