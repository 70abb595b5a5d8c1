package corpus

import (
	"strings"
	"unicode"
)

// interviewerLabels are speaker labels that name the person asking the
// questions rather than a participant ("Interviewer 2", "I:", "Q").
var interviewerLabels = map[string]bool{
	"interviewer": true, "i": true, "int": true, "iv": true, "ivr": true, "q": true,
	"facilitator": true, "co-facilitator": true, "cofacilitator": true, "fac": true,
	"moderator": true, "mod": true, "researcher": true, "res": true,
}

// Thresholds for the question-asker: a speaker is taken for the interviewer
// when at least minQuestionTurns of their turns end with "?", at least half
// of their turns do, and they ask at least dominance times as many questions
// as anyone else. An interview's questions are nearly all one person's; a
// group discussion, where several people ask, proposes nobody.
const (
	minQuestionTurns = 3
	dominance        = 2
)

// LikelyInterviewers proposes the speakers of d who look like the
// interviewer, in the order they first speak: those whose label names the
// role (Interviewer, I, Int, Facilitator, Moderator, Researcher, Q, maybe
// numbered), or, when no label does, the one speaker who asks clearly most
// of the questions (see the thresholds above). A document with fewer than
// two speakers proposes nobody: leaving its only voice out would leave
// nothing to code.
func LikelyInterviewers(d Document) []string {
	speakers := d.Speakers()
	if len(speakers) < 2 {
		return nil
	}
	var out []string
	for _, s := range speakers {
		if IsInterviewerLabel(s) {
			out = append(out, s)
		}
	}
	switch len(out) {
	case len(speakers):
		return nil // every voice named so: nobody is sure to be the participant
	case 0:
	default:
		return out
	}
	turns, questions := map[string]int{}, map[string]int{}
	for _, t := range d.Turns {
		if t.Speaker == "" {
			continue
		}
		turns[t.Speaker]++
		if strings.HasSuffix(strings.TrimRightFunc(Slice(d.Text, t.ContentStart, t.End), unicode.IsSpace), "?") {
			questions[t.Speaker]++
		}
	}
	best, second := "", 0
	for _, s := range speakers {
		switch n := questions[s]; {
		case best == "" || n > questions[best]:
			second = questions[best]
			best = s
		case n > second:
			second = n
		}
	}
	if q := questions[best]; q >= minQuestionTurns && 2*q >= turns[best] && q >= dominance*second {
		return []string{best}
	}
	return nil
}

// IsInterviewerLabel reports whether a speaker label names the interviewer's
// role: "Interviewer", "I", "Int.", "Facilitator 2", "Q" and the like, in
// any case, with or without a trailing colon or number.
func IsInterviewerLabel(label string) bool {
	s := strings.ToLower(strings.TrimSpace(label))
	s = strings.TrimRight(s, ":.")
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	if len(words) > 1 && strings.Trim(words[len(words)-1], "0123456789") == "" {
		words = words[:len(words)-1]
	}
	if len(words) != 1 {
		return false
	}
	w := strings.TrimRight(words[0], "0123456789.")
	return interviewerLabels[w]
}
