package anonymise

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Personal names come from three sources:
//   - the speaker names of the corpus (Options.Names), wherever they occur;
//   - a list of given names shipped with Themis (data/first_names.txt),
//     with a capitalised surname-like word after them taken in too;
//   - capitalised words that read as names: after a title (Mr, Mrs, Ms, Dr)
//     or a cue ("my friend", "called", "my husband"), or a pair of
//     capitalised words in mid-sentence ("met Jenny Holt").
//
// Role words (Interviewer, Patient, Link worker), participant IDs (P003),
// days, months, words of the service (NHS, GP, Council) and common words at
// the start of a sentence are not names.

//go:embed data/first_names.txt
var firstNamesFile string

// firstNames is the shipped list, lower-cased, read at first use.
var firstNames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 4096)
	for _, line := range strings.Split(firstNamesFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, n := range strings.Fields(line) {
			m[strings.ToLower(n)] = true
		}
	}
	return m
})

// FirstNameCount is the number of given names in the shipped list.
func FirstNameCount() int { return len(firstNames()) }

// wordSet returns the set of the lower-cased words of s, built at first use.
func wordSet(s string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[strings.ToLower(w)] = true
		}
		return m
	})
}

// ambiguousNames are given names that are also common words; alone they
// count only in mid-sentence and with low confidence.
var ambiguousNames = wordSet(`will mark bill pat rose grace hope faith joy dawn summer art guy sunny ray
	penny holly ivy jade ruby amber crystal heather daisy lily iris robin sandy rich frank gene carol don
	drew rob sue val max bob dean earl king miles chase hunter reed wade page lane dale glen rod victoria
	florence chelsea paris sydney jordan brook river sky storm star angel honey cherry ginger pearl
	precious patience constance prudence harmony melody mercy charity verity unity destiny trinity
	august april june may autumn winter hazel olive violet poppy jasmine willow fern rowan ash
	bay cliff clay colt doc duke earnest ernest gay jean jack jay kit mo nick norm pip ron sonny tan
	ted tim tom van vic win young noble major marshall rex sterling long an can said per floor ping sun min lin ram kit ace heath bet`)

// stopWords are capitalised words that are never part of a name.
var stopWords = wordSet(`i i'm i've i'd i'll im ive a an the and or but so then if when where what which who whom whose why how
	this that these those there here it its it's he she they we you my your his her our their them us me him
	yes no yeah yep nope ok okay oh ah um erm er mm mhm hmm well right sure really just like
	mr mrs ms miss mx dr prof sir madam dame lord lady rev father sister brother mum mom dad nan gran grandma grandad grandpa auntie aunt uncle
	monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
	mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends weekend
	january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
	christmas easter ramadan eid diwali hanukkah new year's years year day days week weeks month months
	nhs gp gps council a&e ae hospital surgery practice clinic centre center service services team group club
	church mosque temple library trust foundation network programme program project partnership board
	health mental social prescribing prescriber link worker workers patient patients participant participants
	interviewer interviewee respondent facilitator moderator researcher doctor nurse pharmacist physio therapist
	counsellor carer volunteer volunteers coordinator navigator manager staff provider commissioner commissioners
	age uk citizens advice job jobcentre food bank benefits universal credit pip dwp covid coronavirus lockdown
	english british scottish welsh irish polish pakistani indian bangladeshi african caribbean european asian
	muslim christian hindu sikh jewish catholic god jesus allah lord
	facebook whatsapp zoom teams google youtube instagram twitter tiktok tesco asda aldi lidl morrisons sainsbury's
	north south east west northern southern eastern western new old great upper lower little saint st
	road street lane avenue close drive way crescent place court gardens grove terrace park square
	hall house home school college university academy community voluntary sector
	okay alright anyway actually basically obviously because although though since after before during
	sometimes often always never maybe perhaps probably definitely absolutely honestly especially
	we've we're they're you're she's he's that's there's what's don't didn't can't couldn't wouldn't isn't wasn't
	interview transcript recording inaudible laughs pause crosstalk end
	thank thanks please sorry hello hi bye goodbye cheers
	one two three four five six seven eight nine ten first second third last next
	national insurance number date birth address email phone mobile postcode
	q a p`)

// roleWords make a speaker label a role rather than a name.
var roleWords = wordSet(`interviewer interviewee facilitator co-facilitator moderator respondent participant patient
	speaker researcher link worker linkworker social prescriber nurse doctor gp clinician practitioner therapist
	counsellor counselor client carer caregiver staff member provider commissioner volunteer coordinator
	co-ordinator navigator student teacher tutor parent mother father family relative partner friend person
	service user manager chair observer note taker notetaker translator interpreter audience unknown unidentified
	male female man woman int iv ie res resp mod fac pt lw sp host guest panellist panelist informant subject
	child young focus group all both`)

var titles = wordSet(`mr mr. mrs mrs. ms ms. miss mx mx. dr dr. doctor prof prof. professor sir dame rev rev. reverend nurse councillor cllr`)

// cues are the words before a capitalised word that make it a name.
var reCue = newLazyRegexp(`(?i)(?:\bcalled|\bnamed|\bname is|\bname's|\bnamed after|\bmy (?:friend|mate|pal|husband|wife|partner|son|daughter|sister|brother|mum|dad|neighbour|neighbor|cousin|nephew|niece|grandson|granddaughter|boyfriend|girlfriend|fiancée?|carer|support worker|link worker|key worker|social worker|colleague|boss|landlord|counsellor)|\bcalled her|\bcalled him|\bspoke to|\bspoke with|\btalked to|\bmet|\bwith|\bsaw|\bvisit|\bvisited|\bask|\basked|\btold|\bthanks to|\band|\b(?:his|her|their) (?:friend|name is|name's))\s+$`)

var reTitle = newLazyRegexp(`(?i)\b(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|reverend|nurse|councillor|cllr)\.?\s+$`)

// reToken is a capitalised word: "Sarah", "McDonald", "O'Brien", "Smith-Jones", "Zoë".
var reToken = newLazyRegexp(`(?:\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?)(?:-\p{Lu}\p{Ll}+)?`)

// nameSet holds the words of the corpus' speaker names.
type nameSet map[string]bool

func newNameSet(names []string) nameSet {
	set := nameSet{}
	for _, n := range names {
		if i := strings.IndexAny(n, "(["); i >= 0 {
			n = n[:i]
		}
		words := strings.Fields(n)
		if len(words) == 0 || isRoleLabel(words) {
			continue
		}
		for _, w := range words {
			w = strings.Trim(w, ".,:;'\"")
			lw := strings.ToLower(w)
			r, _ := utf8.DecodeRuneInString(w)
			if utf8.RuneCountInString(w) < 2 || !unicode.IsUpper(r) || stopWords()[lw] || titles()[lw] || roleWords()[lw] || hasDigit(w) || isAllUpper(w) {
				continue
			}
			set[w] = true
		}
	}
	return set
}

// isRoleLabel: a role ("Interviewer", "Link worker 2") or an ID ("P003", "R1", "A").
func isRoleLabel(words []string) bool {
	allRole := true
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,:;#"))
		switch {
		case roleWords()[lw], hasDigit(lw), utf8.RuneCountInString(lw) <= 1:
		default:
			allRole = false
		}
	}
	return allRole
}

func hasDigit(s string) bool { return strings.IndexAny(s, "0123456789") >= 0 }

func isAllUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func isStopWord(w string) bool { return stopWords()[strings.ToLower(w)] }

// sentenceStart reports that the word at s opens a sentence, a line or a turn.
func sentenceStart(text string, s int) bool {
	i := s
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '\n':
			return true
		case r == ' ' || r == '\t' || r == '"' || r == '\'' || r == '“' || r == '‘' || r == '(' || r == '[' || r == '*' || r == '-' || r == '–' || r == '—':
			i -= size
			continue
		case r == '.' || r == '!' || r == '?' || r == ':' || r == '…' || r == ']':
			return true
		}
		return false
	}
	return true
}

type token struct {
	s, e int
	word string
}

func scanNames(text string, speakers nameSet, out []candidate) []candidate {
	locs := reToken.FindAllStringIndex(text, -1)
	toks := make([]token, 0, len(locs))
	for _, m := range locs {
		if !boundaryOK(text, m[0], m[1]) {
			continue
		}
		toks = append(toks, token{m[0], m[1], text[m[0]:m[1]]})
	}
	for i := 0; i < len(toks); {
		// a run of capitalised words separated by single spaces
		j := i + 1
		for j < len(toks) && j-i < 5 && text[toks[j-1].e:toks[j].s] == " " {
			j++
		}
		out = nameRun(text, toks[i:j], speakers, out)
		i = j
	}
	return out
}

func nameRun(text string, run []token, speakers nameSet, out []candidate) []candidate {
	titled, cued := false, false
	for len(run) > 0 {
		t := run[0]
		lw := strings.ToLower(t.word)
		if speakers[t.word] || (!stopWords()[lw] && !roleWords()[lw] && !titles()[lw]) {
			break
		}
		run = run[1:]
	}
	if len(run) == 0 {
		return out
	}
	// the word before the run: a title ("Dr Okafor", "Mrs. Hale") or a cue ("my friend Kwame")
	before := text[max(0, run[0].s-24):run[0].s]
	if reTitle.MatchString(before) {
		titled = true
	} else if reCue.MatchString(before) {
		cued = true
	}
	// the name words: up to three words that are not stop words
	n := 0
	for n < len(run) && n < 3 {
		lw := strings.ToLower(run[n].word)
		if !speakers[run[n].word] && (stopWords()[lw] || roleWords()[lw]) {
			break
		}
		n++
	}
	if n == 0 {
		if len(run) > 1 {
			return nameRun(text, run[1:], speakers, out)
		}
		return out
	}
	name := run[:n]
	first := strings.ToLower(name[0].word)
	start := sentenceStart(text, name[0].s)
	inList := firstNames()[first]
	ambiguous := ambiguousNames()[first]
	speaker := false
	for _, t := range name {
		if speakers[t.word] {
			speaker = true
		}
	}
	conf := 0.0
	switch {
	case speaker:
		conf = 0.9
	case titled:
		conf = 0.95
	case len(name) >= 2 && inList:
		conf = 0.9
		if ambiguous && start {
			conf = 0.6
		}
	case len(name) >= 2 && cued:
		conf = 0.8
	case len(name) >= 2 && !start:
		conf = 0.6
	case inList && !ambiguous && cued:
		conf = 0.85
	case inList && !ambiguous && !start:
		conf = 0.75
	case inList && !ambiguous && start:
		conf = 0.6
	case inList && ambiguous && (cued || !start):
		conf = 0.45
	case cued && !start:
		conf = 0.7
	}
	if conf == 0 {
		// a sentence-opening word that is no name: try the rest of the run
		if len(run) > 1 {
			return nameRun(text, run[1:], speakers, out)
		}
		return out
	}
	if len(name) >= 2 && start && !inList && !speakers[name[0].word] && !titled {
		// "Rotherham Council", "Then Sarah": the opener is not part of the name
		return nameRun(text, run[1:], speakers, out)
	}
	out = append(out, candidate{name[0].s, name[len(name)-1].e, KindName, conf})
	if n < len(run) {
		return nameRun(text, run[n:], speakers, out)
	}
	return out
}
