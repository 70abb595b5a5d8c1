package anonymise

// Street addresses: a house number, one to three capitalised words and a
// street type ("12 Elm Tree Road", "4a Mill Lane"), optionally after a flat
// ("Flat 3, 22 Station Road"); a flat number on its own ("Flat 3"); and a
// named street without a number ("on Bramble Close"), less confidently.

const streetTypes = `(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Cres|Place|Pl|Court|Ct|Gardens|Gdns|Grove|Terrace|Hill|Park|Square|Sq|Row|Mews|View|Walk|Rise|Green|Parade|Boulevard|Croft|Fold|Gate|Vale|Wharf|Yard|Meadows?|Heights|Approach|Bank|End|Chase)`
const streetTypesNamed = `(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews|Boulevard|Parade|Croft|Way)`
const streetWord = `\p{Lu}[\p{L}'’\-]*`

var (
	reFlat          = `(?:(?:Flat|Apartment|Apt\.?|Unit)\s+\d{1,4}[A-Za-z]?,?\s+)`
	reStreetAddress = newLazyRegexp(`\b` + reFlat + `?\d{1,4}[A-Za-z]?,?\s+(?:` + streetWord + `\s+){1,3}` + streetTypes + `\b\.?`)
	reFlatOnly      = newLazyRegexp(`\b(?:Flat|Apartment|Apt\.?)\s+\d{1,4}[A-Za-z]?\b`)
	reNamedStreet   = newLazyRegexp(`\b(?:` + streetWord + `\s+){1,2}` + streetTypesNamed + `\b`)
)

func scanNumberedAddresses(text string, out []candidate) []candidate {
	for _, m := range reStreetAddress.FindAllStringIndex(text, -1) {
		e := m[1]
		if text[e-1] == '.' && !abbreviated(text[m[0]:e-1]) {
			e-- // a full stop after "Road" ends the sentence
		}
		out = append(out, candidate{m[0], e, KindAddress, 0.9})
	}
	for _, m := range reFlatOnly.FindAllStringIndex(text, -1) {
		out = append(out, candidate{m[0], m[1], KindAddress, 0.75})
	}
	return out
}

func scanNamedStreets(text string, out []candidate) []candidate {
	for _, m := range reNamedStreet.FindAllStringIndex(text, -1) {
		s := m[0]
		// the first word may be a sentence opener ("The", "Then"): drop words that are not name-like
		for s < m[1] {
			sp := indexSpace(text[s:m[1]])
			if sp < 0 || !isStopWord(text[s:s+sp]) {
				break
			}
			s += sp + 1
			for s < m[1] && (text[s] == ' ' || text[s] == '\t') {
				s++
			}
		}
		if indexSpace(text[s:m[1]]) < 0 {
			continue // only the street type is left
		}
		out = append(out, candidate{s, m[1], KindAddress, 0.6})
	}
	return out
}

func abbreviated(s string) bool {
	for _, suf := range []string{" Rd", " St", " Ln", " Ave", " Dr", " Cres", " Pl", " Ct", " Gdns", " Sq"} {
		if len(s) >= len(suf) && s[len(s)-len(suf):] == suf {
			return true
		}
	}
	return false
}

func indexSpace(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' || s[i] == '\n' {
			return i
		}
	}
	return -1
}
