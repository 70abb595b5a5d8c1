package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plural is the English plural of a noun or noun phrase, made on its last
// word: "link worker" → "link workers", "nurse" → "nurses", "coach" →
// "coaches", "family" → "families", "day" → "days". It knows the regular
// rules and the few irregular nouns a study's roles and groups are likely to
// use ("person" → "people", "child" → "children", "staff" stays). Text it
// cannot read as a word (ending in a digit or a symbol) is returned as it is.
func Plural(noun string) string {
	i := strings.LastIndexAny(noun, " -/") + 1
	head, word := noun[:i], noun[i:]
	last, _ := utf8.DecodeLastRuneInString(word)
	if word == "" || !unicode.IsLetter(last) {
		return noun
	}
	lower := strings.ToLower(word)
	if p, ok := irregular[lower]; ok {
		if p == "" {
			return noun
		}
		if unicode.IsUpper([]rune(word)[0]) {
			r := []rune(p)
			r[0] = unicode.ToUpper(r[0])
			p = string(r)
		}
		return head + p
	}
	suffix := "s"
	if !upperOnly(word) { // an acronym just takes "s": "GPs"
		switch {
		case hasAnySuffix(lower, "s", "x", "z", "ch", "sh"):
			suffix = "es"
		case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
			word = word[:len(word)-1]
			suffix = "ies"
		}
	}
	return head + word + suffix
}

// irregular maps nouns whose plural is not regular; "" means unchanged.
var irregular = map[string]string{
	"person": "people", "child": "children", "man": "men", "woman": "women",
	"staff": "", "personnel": "", "police": "", "sheep": "", "series": "", "species": "",
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func upperOnly(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}
