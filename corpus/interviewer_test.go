package corpus

import (
	"slices"
	"testing"
)

func TestIsInterviewerLabel(t *testing.T) {
	for label, want := range map[string]bool{
		"Interviewer": true, "INTERVIEWER": true, "Interviewer 2": true, "I": true, "I:": true, "Int": true,
		"Int.": true, "Facilitator": true, "Co-facilitator": true, "Moderator": true, "Researcher": true, "Q": true,
		"Interviewer2": true, "P003": false, "Patient 005": false, "Ben": false, "Interviewee": false, "Ingrid": false,
		"R": false, "Participant": false, "": false, "Research nurse": false,
	} {
		if got := IsInterviewerLabel(label); got != want {
			t.Errorf("IsInterviewerLabel(%q) = %v, want %v", label, got, want)
		}
	}
}

func TestLikelyInterviewers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a labelled interviewer", "Interviewer: How are you?\nP003: Fine.\nInterviewer: Good.\nP003: Yes.\n", []string{"Interviewer"}},
		{"I and R", "I: Tell me.\nR: Well, it was hard.\nI: Go on\nR: That's all.\n", []string{"I"}},
		{"two facilitators, one group", "Facilitator 1: Hello?\nP01: Hi.\nFacilitator 2: Welcome.\nP02: Thanks.\nP01: Good.\n", []string{"Facilitator 1", "Facilitator 2"}},
		{"the clear question-asker", "Sam: Where do you live?\nJo: Leeds.\nSam: Since when?\nJo: Always.\nSam: Do you like it?\nJo: Mostly, why?\nSam: Just asking.\n", []string{"Sam"}},
		{"questions shared by both", "Sam: Where?\nJo: Why?\nSam: When?\nJo: Who?\nSam: How?\nJo: Really?\n", nil},
		{"too few questions", "Sam: Where?\nJo: Leeds.\nSam: Since when?\nJo: Always.\n", nil},
		{"one speaker", "Interviewer: Hello?\nInterviewer: Anyone?\n", nil},
		{"no labels", "Just some text, a paragraph?\n\nAnother one?\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if got := LikelyInterviewers(d); !slices.Equal(got, tt.want) {
				t.Errorf("LikelyInterviewers = %q, want %q (speakers %q)", got, tt.want, d.Speakers())
			}
		})
	}
}
