package anonymise

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// The labelled evaluation set: synthetic social-prescribing interviews with
// planted identifiers of every kind at known spans, and clean turns between
// them. It is written for Themis; no sentence comes from a real transcript.

type planted struct {
	Start, End int // code points
	Kind       string
	Text       string
	Label      bool // a speaker label at the start of a turn
}

type evalDoc struct {
	Text     string
	Speakers []string
	Planted  []planted
	Words    int
}

// evalBuilder writes a document and remembers where identifiers were put.
type evalBuilder struct {
	b       strings.Builder
	n       int // code points written
	planted []planted
}

func (w *evalBuilder) text(s string) {
	w.b.WriteString(s)
	w.n += utf8.RuneCountInString(s)
}

func (w *evalBuilder) plant(kind, s string) {
	n := utf8.RuneCountInString(s)
	w.planted = append(w.planted, planted{Start: w.n, End: w.n + n, Kind: kind, Text: s})
	w.text(s)
}

// fill writes a template: {kind} placeholders are filled by gen and planted;
// {*kind} placeholders are filled but not planted (they are not identifiers).
func (w *evalBuilder) fill(tmpl string, gen func(kind string) string) {
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			w.text(tmpl)
			return
		}
		j := strings.IndexByte(tmpl[i:], '}') + i
		w.text(tmpl[:i])
		kind := tmpl[i+1 : j]
		w.plant(kind, gen(kind))
		tmpl = tmpl[j+1:]
	}
}

var (
	evalFirstListed = []string{"Sarah", "Jenny", "Kwame", "Priya", "Tomasz", "Aisha", "Gareth", "Niamh", "Mohammed", "Linda", "Derek", "Fatima", "Callum", "Bethany", "Oluwaseun", "Agnieszka", "Harpreet", "Colin", "Maureen", "Yusuf", "Eilidh", "Winston", "Chidi", "Bernadette", "Rhys", "Shabana", "Trevor", "Deirdre", "Ioana", "Imran"}
	// given names deliberately left out of the shipped list, so that recall
	// also measures the context rules
	evalFirstUnlisted = []string{"Oluwatobiloba", "Saoirse", "Kasimir", "Leofric", "Ottoline", "Bartholomew", "Tamsyn", "Anwen", "Jolyon", "Perpetua", "Zbyszek", "Ngaio", "Cosmo", "Eluned", "Tryphena"}
	evalSurnames      = []string{"Whitfield", "Holt", "Mensah", "Okafor", "Patel", "Kowalski", "Hughes", "Brennan", "Chaudhry", "Barraclough", "Ackroyd", "Nwosu", "Sutcliffe", "Begum", "Fairweather", "Lindqvist", "O'Neill", "McAllister", "Haworth", "Oyelaran", "Szymańska", "Dąbrowski", "Gallagher", "Thistlethwaite", "Kaur", "Moreau", "Ferreira", "Pickersgill", "Rahman", "Greenhalgh"}
	evalStreets       = []string{"Elm Tree", "Bramble", "Station", "Mill", "Chapel", "Wharncliffe", "Moorgate", "Canklow", "Herringthorpe", "Kimberworth", "Badsley Moor", "Clifton", "Albion", "Broom Valley", "Saint Ann's"}
	evalStreetTypes   = []string{"Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Grove", "Terrace", "Gardens", "Court", "Mews", "Rd", "St"}
	evalDomains       = []string{"example.co.uk", "example.com", "mailbox.org", "nhs.net", "outlook.example", "rotherham-sp.org.uk"}
)

type evalGen struct {
	r        *rand.Rand
	speaker  string // the participant's own name, when the labels use names
	lastName string
}

func (g *evalGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *evalGen) first() string {
	if g.r.IntN(4) == 0 {
		return g.pick(evalFirstUnlisted)
	}
	return g.pick(evalFirstListed)
}

func (g *evalGen) digits(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + g.r.IntN(10)))
	}
	return b.String()
}

func (g *evalGen) gen(kind string) string {
	switch kind {
	case "name": // a full name
		return g.first() + " " + g.pick(evalSurnames)
	case "first":
		return g.first()
	case "surname":
		return g.pick(evalSurnames)
	case "listed":
		return g.pick(evalFirstListed)
	case "email":
		f, s := strings.ToLower(g.pick(evalFirstListed)), strings.ToLower(strings.ReplaceAll(g.pick(evalSurnames)[:4], "'", ""))
		switch g.r.IntN(3) {
		case 0:
			return f + "." + s + "@" + g.pick(evalDomains)
		case 1:
			return f + s + g.digits(2) + "@" + g.pick(evalDomains)
		}
		return strings.ToUpper(f[:1]) + "_" + s + "@" + g.pick(evalDomains)
	case "phone":
		switch g.r.IntN(8) {
		case 0:
			return "07700 " + g.digits(6)
		case 1:
			return "07" + g.digits(3) + " " + g.digits(3) + " " + g.digits(3)
		case 2:
			return "+44 7700 " + g.digits(6)
		case 3:
			return "(020) 7946 " + g.digits(4)
		case 4:
			return "01709 " + g.digits(6)
		case 5:
			return "0114 496 " + g.digits(4)
		case 6:
			return "+1 555 " + g.digits(3) + " " + g.digits(4)
		}
		return "+33 1 " + g.digits(2) + " " + g.digits(2) + " " + g.digits(2) + " " + g.digits(2)
	case "postcode":
		letters := "ABCDEFGHJKLMNOPRSTUWYZ"
		inward := "ABDEFGHJLNPQRSTUWXYZ"
		l := func(s string) string { return string(s[g.r.IntN(len(s))]) }
		in := g.digits(1) + l(inward) + l(inward)
		sep := " "
		if g.r.IntN(6) == 0 {
			sep = ""
		}
		switch g.r.IntN(4) {
		case 0:
			return l(letters) + g.digits(1) + sep + in
		case 1:
			return l(letters) + g.digits(2) + sep + in
		case 2:
			return "S" + l("AEHKLNR") + g.digits(1) + sep + in
		}
		return l("BLMS") + l("EKLNOR") + g.digits(2) + sep + in
	case "nhs_number":
		for {
			d := string(byte('4'+g.r.IntN(6))) + g.digits(8)
			sum := 0
			for i := range 9 {
				sum += int(d[i]-'0') * (10 - i)
			}
			c := 11 - sum%11
			if c == 11 {
				c = 0
			}
			if c == 10 {
				continue
			}
			d += string(byte('0' + c))
			if g.r.IntN(3) == 0 {
				return d
			}
			return d[:3] + " " + d[3:6] + " " + d[6:]
		}
	case "ni_number":
		for {
			p := string(byte('A'+g.r.IntN(26))) + string(byte('A'+g.r.IntN(26)))
			if !validNIPrefix(p) {
				continue
			}
			d := g.digits(6)
			s := string(byte('A' + g.r.IntN(4)))
			if g.r.IntN(2) == 0 {
				return p + d + s
			}
			return p + " " + d[:2] + " " + d[2:4] + " " + d[4:] + " " + s
		}
	case "date":
		day, mon, year := 1+g.r.IntN(28), 1+g.r.IntN(12), 1940+g.r.IntN(65)
		months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
		suffix := func(d int) string {
			switch {
			case d == 1 || d == 21:
				return "st"
			case d == 2 || d == 22:
				return "nd"
			case d == 3 || d == 23:
				return "rd"
			}
			return "th"
		}
		switch g.r.IntN(8) {
		case 0:
			return fmt.Sprintf("%02d/%02d/%d", day, mon, year)
		case 1:
			return fmt.Sprintf("%d/%d/%02d", day, mon, year%100)
		case 2:
			return fmt.Sprintf("%02d.%02d.%d", day, mon, year)
		case 3:
			return fmt.Sprintf("%d-%02d-%02d", year, mon, day)
		case 4:
			return fmt.Sprintf("%d %s %d", day, months[mon-1], year)
		case 5:
			return fmt.Sprintf("%d%s %s %d", day, suffix(day), months[mon-1], year)
		case 6:
			return fmt.Sprintf("%s %d, %d", months[mon-1], day, year)
		}
		return fmt.Sprintf("the %d%s of %s %d", day, suffix(day), months[mon-1], year)
	case "address":
		street := g.pick(evalStreets) + " " + g.pick(evalStreetTypes)
		n := fmt.Sprint(1 + g.r.IntN(180))
		if g.r.IntN(5) == 0 {
			return fmt.Sprintf("Flat %d, %s %s", 1+g.r.IntN(20), n, street)
		}
		if g.r.IntN(8) == 0 {
			n += "a"
		}
		return n + " " + street
	case "url":
		switch g.r.IntN(4) {
		case 0:
			return "https://www." + g.pick([]string{"walkingforhealth", "rotherhamallotments", "cafe-connect", "menssheds-south"}) + ".org.uk/groups"
		case 1:
			return "www." + g.pick([]string{"facebook.com/groups/canklowknitters", "meetup.com/rotherham-walkers", "justgiving.com/sarahs-run"})
		case 2:
			return "http://" + g.pick([]string{"example.org", "wellbeing-hub.example.com", "localgarden.net"}) + "/join"
		}
		return g.pick([]string{"rotherhamsocialprescribing.org.uk", "sheffieldmind.co.uk", "parkrun.org.uk"})
	}
	panic("unknown kind " + kind)
}

// Templates of participant talk with planted identifiers. {kind} is planted
// as that kind; {name}, {first}, {surname} and {listed} are all names.
var evalTemplates = []string{
	"My link worker, {name}, rang me the week after and we talked for ages.",
	"I go to the knitting group with {first} on a Thursday, she's lovely.",
	"Dr {surname} was the one who said I should try it.",
	"There's a lad called {first} who runs the allotment now.",
	"Me and {listed} go walking on a Sunday if the weather's all right.",
	"Mrs {surname} next door keeps an eye on me since the operation.",
	"I met {name} at the café and we've been friends ever since.",
	"My daughter {first} drives me to the group when she can.",
	"You can ring me on {phone} if you need anything else.",
	"They gave me a number, {phone}, and said to call if I felt low.",
	"The centre's number is {phone}, it's on the leaflet.",
	"My email is {email}, I check it most days now.",
	"She sent it all through to {email} so I had it written down.",
	"I'm at {address}, just off the main road.",
	"We moved to {address} about four years ago.",
	"The group meets at {address}, in the church hall.",
	"My postcode is {postcode} if that helps with the form.",
	"It's {address}, {postcode}, the house with the green door.",
	"They wanted my NHS number, it's {nhs_number}, I keep it on a card.",
	"The letter had my NHS number on it, {nhs_number}, and the date.",
	"For the benefits form I needed my National Insurance number, {ni_number}.",
	"My NI number is {ni_number}, I had to read it out twice.",
	"I was born on {date}, so I'm not as young as I was.",
	"Date of birth? {date}.",
	"My DOB is {date}, they always ask for it at the surgery.",
	"It was my birthday, {date}, when it all started going wrong.",
	"The walking group's on {url} if you want to look.",
	"She showed me {url} and I signed up there and then.",
	"They've got a page, {url}, with all the times on.",
	"{name} from the Men's Shed came round with a leaflet.",
	"I told {first} I wasn't ready, and she said that was fine.",
	"We had a talk with Mr {surname} about the housing.",
}

// Clean talk: capitalised words, numbers and dates that are not identifiers.
var evalClean = []string{
	"Interviewer: How did you first hear about the social prescribing service?",
	"It was my GP who mentioned it, at the surgery, back in 2019.",
	"I go every Tuesday and sometimes on a Friday as well.",
	"Before that I didn't leave the house for about three months.",
	"The NHS has been good to me, I can't complain about that.",
	"Age UK sent someone round to help with the forms in March.",
	"Interviewer: What difference has it made to your wellbeing?",
	"Honestly, it's given me a reason to get up in the morning.",
	"We do a bit of gardening, a bit of cooking, nothing fancy.",
	"The Council paid for the first twelve weeks, then it was up to us.",
	"I was on 20 mg of something for my nerves, now it's down to 10.",
	"It takes about 15 minutes on the number 7 bus.",
	"Link worker: We usually meet people three or four times at first.",
	"Interviewer: Is there anything you would change about the service?",
	"Maybe more sessions in the evening, for people who work.",
	"Christmas was hard, but the group did a dinner on the 20th.",
	"I used to work at the steelworks for 32 years, man and boy.",
	"The Citizens Advice people sorted my Universal Credit out.",
	"Patient: I felt listened to, which doesn't happen often.",
	"Well, I'd say it's been one of the best things since I retired.",
	"My mood score went from 4 to 7 out of 10 over the summer.",
	"We meet at 10:30 and finish about half twelve.",
	"Monday and Wednesday are my good days, Friday not so much.",
	"There were 12 of us at the start and about 8 now.",
	"I think Social Prescribing should be on offer at every practice.",
	"The Mental Health team were stretched, you could tell.",
	"Since lockdown I've been on WhatsApp with the group every day.",
	"It's a big thing, going through the door the first time.",
	"Interviewer: Thank you, that's really helpful.",
	"Yes, I'd recommend it to anyone, really I would.",
}

// buildEvalSet returns the documents of the evaluation set (deterministic
// for a seed). Half the documents label the participant by name, so the
// speaker names of the corpus are exercised too.
func buildEvalSet(seed uint64, docs int) []evalDoc {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]evalDoc, 0, docs)
	for d := range docs {
		g := &evalGen{r: r}
		w := &evalBuilder{}
		label := fmt.Sprintf("P%03d", d+1)
		var speakers []string
		if d%2 == 1 {
			first, last := g.pick(evalFirstListed), g.pick(evalSurnames)
			label = first + " " + last
			speakers = []string{"Interviewer", label}
		} else {
			speakers = []string{"Interviewer", label}
		}
		for t := 0; t < 24; t++ {
			if t%2 == 0 {
				w.text("Interviewer: " + evalClean[r.IntN(len(evalClean))] + "\n")
				continue
			}
			if d%2 == 1 {
				w.plant("name", label)
				w.planted[len(w.planted)-1].Label = true
			} else {
				w.text(label)
			}
			w.text(": ")
			w.text(evalClean[r.IntN(len(evalClean))] + " ")
			w.fill(evalTemplates[r.IntN(len(evalTemplates))], g.gen)
			if t%4 == 1 {
				w.text(" ")
				w.fill(evalTemplates[r.IntN(len(evalTemplates))], g.gen)
			}
			w.text("\n")
		}
		ps := w.planted
		for i := range ps {
			switch ps[i].Kind {
			case "first", "surname", "listed":
				ps[i].Kind = KindName
			}
		}
		out = append(out, evalDoc{Text: w.b.String(), Speakers: speakers, Planted: ps, Words: len(strings.Fields(w.b.String()))})
	}
	return out
}
