package synth

// The words of the generated interviews. Templates are lower case (a
// sentence is capitalised when it is written) and never put a colon after
// a line's first word, so no sentence is mistaken for a speaker label.

var slots = map[string][]string{
	"activity": {
		"the walking group", "the allotment", "the knit and natter", "the men's shed", "the art class",
		"the coffee morning", "the gardening project", "chair yoga", "the choir", "the community café",
		"the swimming sessions", "the cookery course", "the book club", "the befriending service",
		"volunteering at the food bank", "the tai chi class", "the photography walks", "the crafts group",
		"the dementia café", "the singing for breathing group", "bowls", "the repair café",
	},
	"helper": {
		"my link worker", "the GP", "the practice nurse", "the social prescriber", "the volunteer",
		"my daughter", "my neighbour", "the housing officer", "someone from Citizens Advice",
		"the receptionist", "my son", "the group leader", "the health coach", "my wife", "my husband",
		"the pharmacist", "the mental health nurse", "the lady at the library",
	},
	"feeling": {
		"lonely", "anxious", "calmer", "more confident", "low", "isolated", "welcome", "useful",
		"nervous", "happier", "exhausted", "like myself again", "part of something", "a bit lost",
		"stuck", "hopeful", "overwhelmed", "less on edge", "proud", "naïve about it all",
	},
	"time": {
		"on Tuesdays", "every morning", "last winter", "after my husband died", "since the lockdown",
		"once a week", "in the evenings", "before Christmas", "at the weekend", "for about six months",
		"most days", "when the clocks went back", "over the summer", "twice a week", "after the operation",
		"for years", "straight away", "in the end",
	},
	"problem": {
		"money", "the housing", "debt", "my back", "my mood", "sleeping", "the benefits forms",
		"getting out of the house", "the bus fares", "my weight", "my diabetes", "the stairs", "the council",
		"the heating bills", "my breathing", "the damp in the flat", "my memory", "the loneliness",
		"paying the rent", "my confidence", "the pain", "the waiting list",
	},
	"yourhelper": {
		"your link worker", "the GP", "the social prescriber", "the volunteer", "your family",
		"the group leader", "the health coach",
	},
	"place": {
		"the library", "the church hall", "the leisure centre", "town", "the park", "the surgery",
		"the community centre", "the café on the high street", "the allotments", "the Jobcentre",
		"the market", "the bus station", "the garden centre", "the mosque", "the food bank",
	},
	"name": {
		"Sarah", "José", "Zoë", "Margaret", "Dev", "Siobhán", "Tom", "Aisha", "Bernadette", "Kwame",
		"Renée", "Gareth", "Bogdan", "Priya", "Maureen", "Chloé",
	},
	"town": {"Rotherham", "Sheffield", "Doncaster", "Barnsley", "Leeds", "Wakefield"},
	"amount": {
		"£20 a week", "a few pounds", "£3.50 each time", "nothing at all", "about £40 a month",
		"two pounds for the tea", "half my pension",
	},
	"service": {
		"social prescribing", "the link worker service", "the scheme", "the programme",
		"the referral", "the service", "the project",
	},
}

// clauses are the parts of a participant's sentences.
var clauses = []string{
	"I started going to {activity} {time}",
	"{helper} put me in touch with {activity}",
	"I was feeling really {feeling} {time}",
	"it got me out of the house, which I hadn't done for a long time",
	"I didn't know anybody at first",
	"now I feel {feeling} most of the time",
	"the hardest thing was {problem}",
	"{helper} sorted out {problem} for me",
	"we meet at {place} {time}",
	"it costs {amount}",
	"I'd never have gone on my own",
	"you sit with a cup of tea and people just talk to you",
	"I was {feeling} about going",
	"{helper} rang me every week to see how I was getting on",
	"I still struggle with {problem}",
	"the people there are lovely",
	"it's not like going to the doctor's",
	"I look forward to it now",
	"it gave me a reason to get up in the morning",
	"my GP said it would do me good",
	"I was on the waiting list for counselling {time}",
	"{name} from {activity} gave me a lift",
	"we went on a trip to {town}",
	"it's the only time I talk to anyone all week",
	"I got the bus into {town} for the first time in years",
	"I've made some proper friends",
	"I help out with the teas now",
	"I wasn't sleeping because of {problem}",
	"the link worker listened, which nobody else had",
	"I felt {feeling} when it stopped over Christmas",
	"I'd recommend {service} to anyone",
	"they helped me fill in the forms for my Attendance Allowance",
	"I don't think the tablets were helping",
	"going to {place} was a big step for me",
	"I was worried it would be all old people",
	"it's made a real difference to {problem}",
	"I can manage {problem} a lot better now",
	"there was a bit of a mix-up with the referral",
	"the first session I just sat in the car outside",
	"my daughter says I'm more like my old self",
	"I'd been stuck in the flat since the fall",
	"I know everyone by name now",
	"it's a bit of a déjà vu, going back to school",
	"the café does a lovely crème brûlée",
	"the sessions are only six weeks, which isn't long enough",
	"I felt listened to for the first time",
	"we've got a WhatsApp group now",
	"it's hard when you've got {problem} on your mind",
	"I never thought I'd be doing {activity}",
	"I'm a volunteer there myself now",
}

// connectors join clauses into longer sentences.
var connectors = []string{", and ", " but ", " because ", ", so ", " and then ", ", although ", " when ", ", which meant "}

// hedges open a sentence now and then, as people speak.
var hedges = []string{"Well,", "I mean,", "To be honest,", "You know,", "Honestly,", "So", "Yeah,", "Erm,", "Oh,", "Like I said,"}

// notes are the transcriber's.
var notes = []string{"[laughs]", "[pause]", "[inaudible]", "[name]", "[crosstalk]", "[sighs]", "[laughs] 😊", "[place]"}

// participantShort are answers of a word or two.
var participantShort = []string{
	"yeah.", "no, not really.", "definitely.", "I suppose so.", "mm.", "oh yes.", "not at first.",
	"a bit.", "yes, every week.", "I don't know, really.", "that's right.", "exactly.", "sometimes.",
}

// questions are what the interviewer asks.
var questions = []string{
	"how did you first hear about {service}?",
	"what was life like before you were referred?",
	"can you tell me a bit about {activity}?",
	"how did you feel the first time you went?",
	"what difference has it made, if any?",
	"was there anything that made it hard to go?",
	"how did {yourhelper} help?",
	"what would you change about {service}?",
	"do you still go to {activity}?",
	"how are things with {problem} now?",
	"who else has been involved in your support?",
	"what happens when the sessions finish?",
	"would you recommend it to someone in your position?",
	"how do you get to {place}?",
	"what does a good week look like for you now?",
	"has it changed how you feel about yourself?",
	"how did your family feel about it?",
	"is there anything we haven't talked about that you'd like to add?",
	"what did your link worker do in that first meeting?",
	"how long had you been feeling {feeling}?",
}

// prompts are the interviewer's short acknowledgements and follow-ups.
var prompts = []string{
	"right.", "okay.", "mm-hm.", "that's really helpful, thank you.", "and how was that?", "I see.",
	"go on.", "can you say a bit more about that?", "that sounds difficult.", "yes, of course.",
	"so it was {activity} first?", "thank you.",
}
