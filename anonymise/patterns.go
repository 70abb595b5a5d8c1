package anonymise

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The pattern detectors: each appends candidates in byte offsets.

var (
	reEmail = newLazyRegexp(`[\p{L}\p{N}][\p{L}\p{N}._%+\-]*@[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)*\.\p{L}{2,}`)

	reURL       = newLazyRegexp(`(?i)(?:https?://|www\.)[^\s<>"'\[\]{}]+`)
	reBareHost  = newLazyRegexp(`(?i)(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?:co\.uk|org\.uk|ac\.uk|gov\.uk|nhs\.uk|me\.uk|com|org|net|uk|io|info|biz|eu|de|fr|ie|us|ca|au|nz|app|dev)(?:/[^\s<>"'\[\]{}]*)?`)
	reTLD       = newLazyRegexp(`(?i)\.(?:com|org|net|uk|io|info|biz|eu|de|fr|ie|us|ca|au|nz|app|dev)\b`)
	rePostcode  = newLazyRegexp(`(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})`)
	reNHS       = newLazyRegexp(`\d{3}([ \-]?)\d{3}([ \-]?)\d{4}`)
	reNI        = newLazyRegexp(`(?i)([A-Z]{2})[ \-]?(\d{2})[ \-]?(\d{2})[ \-]?(\d{2})[ \-]?([A-D])`)
	reNHSCue    = newLazyRegexp(`(?i)\bnhs\b|\bnumber\b`)
	reTrailPunc = ".,;:!?)]'\"’”"
)

// boundaryBefore reports that text[s:] does not continue a word.
func boundaryBefore(text string, s int) bool {
	if s == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:s])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// boundaryOK reports that text[s:e] is not glued to letters or digits on
// either side.
func boundaryOK(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func scanEmails(text string, out []candidate) []candidate {
	if !strings.Contains(text, "@") {
		return out
	}
	for _, m := range reEmail.FindAllStringIndex(text, -1) {
		if boundaryOK(text, m[0], m[1]) {
			out = append(out, candidate{m[0], m[1], KindEmail, 0.99})
		}
	}
	return out
}

func scanURLs(text string, out []candidate) []candidate {
	schemed := strings.Contains(text, "www") || strings.Contains(text, "WWW") || strings.Contains(text, "://")
	for _, m := range reURL.FindAllStringIndex(text, -1) {
		if !schemed {
			break
		}
		e := trimRight(text, m[0], m[1])
		if e-m[0] > 4 && boundaryBefore(text, m[0]) {
			out = append(out, candidate{m[0], e, KindURL, 0.97})
		}
	}
	if !reTLD.MatchString(text) {
		return out
	}
	for _, m := range reBareHost.FindAllStringIndex(text, -1) {
		s, e := m[0], trimRight(text, m[0], m[1])
		if !boundaryOK(text, s, e) || (s > 0 && (text[s-1] == '@' || text[s-1] == '.' || text[s-1] == '/')) {
			continue
		}
		host := strings.ToLower(text[s:e])
		if i := strings.IndexByte(host, '/'); i >= 0 {
			host = host[:i]
		}
		// a host needs a label of two or more letters before its suffix
		first := host[:strings.IndexByte(host, '.')]
		if len(first) < 2 {
			continue
		}
		out = append(out, candidate{s, e, KindURL, 0.85})
	}
	return out
}

// trimRight drops sentence punctuation that ends a URL-like match.
func trimRight(text string, s, e int) int {
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !strings.ContainsRune(reTrailPunc, r) {
			break
		}
		if r == ')' && strings.Contains(text[s:e], "(") {
			break
		}
		e -= size
	}
	return e
}

func scanPostcodes(text string, out []candidate) []candidate {
	for _, m := range rePostcode.FindAllStringIndex(text, -1) {
		if !boundaryOK(text, m[0], m[1]) {
			continue
		}
		conf := 0.95
		if !strings.Contains(text[m[0]:m[1]], " ") {
			conf = 0.85
		}
		out = append(out, candidate{m[0], m[1], KindPostcode, conf})
	}
	return out
}

// ValidNHSNumber reports whether ten digits pass the NHS modulus-11 check:
// the first nine weighted 10 down to 2, 11 minus the sum modulo 11 (11 read
// as 0, 10 invalid) must be the tenth.
func ValidNHSNumber(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && digits[9] >= '0' && digits[9] <= '9' && check == int(digits[9]-'0')
}

func onlyDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func scanNHSNumbers(text string, out []candidate) []candidate {
	for _, m := range reNHS.FindAllStringSubmatchIndex(text, -1) {
		s, e := m[0], m[1]
		if !boundaryOK(text, s, e) || (s > 0 && text[s-1] == '+') {
			continue
		}
		sep1, sep2 := text[m[2]:m[3]], text[m[4]:m[5]]
		if sep1 != sep2 { // 3-3-4 grouping is written consistently
			continue
		}
		if !ValidNHSNumber(onlyDigits(text[s:e])) {
			continue
		}
		conf := 0.9
		if sep1 != "" || reNHSCue.MatchString(text[max(0, s-40):s]) {
			conf = 0.96
		}
		out = append(out, candidate{s, e, KindNHSNumber, conf})
	}
	return out
}

// validNIPrefix applies HMRC's rules for the two letters of a National
// Insurance number.
func validNIPrefix(p string) bool {
	if len(p) != 2 {
		return false
	}
	a, b := p[0], p[1]
	if strings.IndexByte("DFIQUV", a) >= 0 || strings.IndexByte("DFIOQUV", b) >= 0 {
		return false
	}
	switch p {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

func scanNINumbers(text string, out []candidate) []candidate {
	for _, m := range reNI.FindAllStringSubmatchIndex(text, -1) {
		s, e := m[0], m[1]
		if !boundaryOK(text, s, e) {
			continue
		}
		raw := text[s:e]
		prefix := text[m[2]:m[3]]
		upper := strings.ToUpper(raw) == raw
		if !validNIPrefix(strings.ToUpper(prefix)) {
			continue
		}
		conf := 0.95
		if !upper {
			if strings.ToLower(raw) != raw { // mixed case: "Ab 12 34 56 C" reads as words
				continue
			}
			conf = 0.75
		}
		out = append(out, candidate{s, e, KindNINumber, conf})
	}
	return out
}

// scanPhones finds UK and international phone numbers: a run of digit
// groups separated by single spaces, hyphens or dots, optionally starting
// with +CC or a bracketed area code, whose digit count fits a real number.
func scanPhones(text string, out []candidate) []candidate {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c == '+' || c == '(' || (c >= '0' && c <= '9')) {
			continue
		}
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '(' || r == '/' || r == '.' || r == ':' {
				continue
			}
		}
		ends := phoneGroups(text, i)
		if len(ends) == 0 {
			continue
		}
		for k := len(ends) - 1; k >= 0; k-- {
			e := ends[k]
			if conf, ok := phoneValid(text[i:e]); ok && boundaryOK(text, i, e) {
				out = append(out, candidate{i, e, KindPhone, conf})
				i = e - 1
				break
			}
		}
	}
	return out
}

// phoneGroups parses digit groups from i and returns the end of each group
// (candidate ends, shortest first). At most eight groups.
func phoneGroups(text string, i int) []int {
	var ends []int
	j := i
	if text[j] == '+' {
		j++
		k := j
		for k < len(text) && k-j < 3 && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k == j {
			return nil
		}
		j = k
		ends = append(ends, j)
	}
	for len(ends) < 9 {
		// separator (not before the first group)
		k := j
		if len(ends) > 0 {
			if k < len(text) && (text[k] == ' ' || text[k] == '-' || text[k] == '.') {
				k++
			}
		}
		if k < len(text) && text[k] == '(' {
			m := k + 1
			for m < len(text) && m-k <= 6 && text[m] >= '0' && text[m] <= '9' {
				m++
			}
			if m == k+1 || m >= len(text) || text[m] != ')' {
				break
			}
			j = m + 1
			ends = append(ends, j)
			continue
		}
		m := k
		for m < len(text) && text[m] >= '0' && text[m] <= '9' {
			m++
		}
		if m == k {
			break
		}
		j = m
		ends = append(ends, j)
	}
	if len(ends) > 0 && text[i] == '+' {
		ends = ends[1:] // "+44" alone is not a number
	}
	return ends
}

// phoneValid checks the digits of a phone-number candidate.
func phoneValid(s string) (float64, bool) {
	national := strings.ReplaceAll(s, "(0)", "")
	d := onlyDigits(national)
	switch {
	case strings.HasPrefix(s, "+"):
		if strings.HasPrefix(d, "44") {
			if len(d) < 11 || len(d) > 12 {
				return 0, false
			}
			if d[2] == '7' {
				return 0.95, true
			}
			return 0.9, true
		}
		if len(d) < 8 || len(d) > 15 {
			return 0, false
		}
		return 0.85, true
	case strings.HasPrefix(d, "00"):
		if len(d) < 11 || len(d) > 17 {
			return 0, false
		}
		return 0.8, true
	case strings.HasPrefix(d, "0"):
		if len(d) < 10 || len(d) > 11 {
			return 0, false
		}
		if strings.Count(s, ".") > 0 && strings.Count(s, " ") == 0 && len(d) < 11 {
			return 0, false
		}
		if strings.HasPrefix(d, "07") {
			return 0.95, true
		}
		return 0.9, true
	}
	return 0, false
}
