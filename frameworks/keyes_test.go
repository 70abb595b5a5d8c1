package frameworks

import "testing"

// legacyKeyes is the Keyes framework as it was written in Go before it moved
// to builtin/keyes.yaml; other packages' tests depend on these values.
func legacyKeyes() Framework {
	return Framework{
		Name: "Keyes: flourishing",
		Description: "Keyes' model of mental health as flourishing: emotional, psychological " +
			"and social well-being, thirteen dimensions in all. Code what a participant says " +
			"about their own functioning and feelings, not what staff hope for them.",
		Codes: []Code{
			{Ref: "emotional", Name: "Emotional well-being", Codable: false, Color: "#c2410c",
				Definition: "Hedonic well-being: how people feel about and rate their lives."},
			{Ref: "positive-affect", Parent: "emotional", Name: "Positive affect", Codable: true, Key: "1", Color: "#f97316",
				Definition: "Talk of feeling good in the moment or lately: cheerful, calm, settled, interested in things, having energy, enjoying an activity."},
			{Ref: "avowed-quality-of-life", Parent: "emotional", Name: "Avowed quality of life", Codable: true, Key: "2", Color: "#eab308",
				Definition: "An overall judgement that life, or one part of it, is going well or is satisfying; comparisons with how life was before."},

			{Ref: "psychological", Name: "Psychological well-being", Codable: false, Color: "#1d4ed8",
				Definition: "Positive functioning as a person: how someone relates to themselves, their development and their circumstances."},
			{Ref: "self-acceptance", Parent: "psychological", Name: "Self-acceptance", Codable: true, Key: "3", Color: "#3b82f6",
				Definition: "Liking or making peace with oneself, including one's past and one's illness; confidence and self-worth."},
			{Ref: "personal-growth", Parent: "psychological", Name: "Personal growth", Codable: true, Key: "4", Color: "#06b6d4",
				Definition: "Taking on challenges, learning skills, seeing oneself change and develop, recognising untapped potential."},
			{Ref: "purpose-in-life", Parent: "psychological", Name: "Purpose in life", Codable: true, Key: "5", Color: "#0d9488",
				Definition: "Having direction, goals or a reason to get up; feeling that what one does each day has meaning."},
			{Ref: "environmental-mastery", Parent: "psychological", Name: "Environmental mastery", Codable: true, Key: "6", Color: "#16a34a",
				Definition: "Managing everyday life and surroundings: routines, money, housing, appointments; shaping circumstances to fit one's needs."},
			{Ref: "autonomy", Parent: "psychological", Name: "Autonomy", Codable: true, Key: "7", Color: "#65a30d",
				Definition: "Making one's own choices by one's own standards; resisting pressure; deciding for oneself what to take part in."},
			{Ref: "positive-relations", Parent: "psychological", Name: "Positive relations with others", Codable: true, Key: "8", Color: "#6366f1",
				Definition: "Warm, trusting, close relationships: friendships made, trust in a link worker or peers, caring for and being cared for."},

			{Ref: "social", Name: "Social well-being", Codable: false, Color: "#7e22ce",
				Definition: "Positive functioning in society: how someone sees and takes part in their community and the wider world."},
			{Ref: "social-acceptance", Parent: "social", Name: "Social acceptance", Codable: true, Key: "9", Color: "#a855f7",
				Definition: "Positive, accepting attitudes to other people and their differences; trusting that others are generally decent."},
			{Ref: "social-actualisation", Parent: "social", Name: "Social actualisation", Codable: true, Key: "0", Color: "#d946ef",
				Definition: "Belief that people, groups and society can change for the better and have potential to grow."},
			{Ref: "social-contribution", Parent: "social", Name: "Social contribution", Codable: true, Key: "q", Color: "#ec4899",
				Definition: "Feeling that one has something of value to give and that one's activities matter to others: volunteering, helping, giving back."},
			{Ref: "social-coherence", Parent: "social", Name: "Social coherence", Codable: true, Key: "w", Color: "#e11d48",
				Definition: "Finding the social world understandable and worth being interested in; making sense of what goes on in one's community."},
			{Ref: "social-integration", Parent: "social", Name: "Social integration", Codable: true, Key: "e", Color: "#9333ea",
				Definition: "Belonging: feeling part of a group or community, having common ground with others, being included rather than isolated."},
		},
	}
}

func TestKeyesFileKeepsTheLegacyValues(t *testing.T) {
	got, want := Keyes(), legacyKeyes()
	if got.Name != want.Name || got.Description != want.Description {
		t.Errorf("name/description changed:\n%q %q\nwant\n%q %q", got.Name, got.Description, want.Name, want.Description)
	}
	if len(got.Codes) != len(want.Codes) {
		t.Fatalf("%d codes, want %d", len(got.Codes), len(want.Codes))
	}
	for i, w := range want.Codes {
		g := got.Codes[i]
		if g.Ref != w.Ref || g.Parent != w.Parent || g.Name != w.Name || g.Definition != w.Definition ||
			g.Color != w.Color || g.Key != w.Key || g.Codable != w.Codable {
			t.Errorf("code %d = %+v\nwant %+v", i, g, w)
		}
		if w.Parent != "" && (g.WhenToUse == "" || g.WhenNotToUse == "" || len(g.Examples) == 0) {
			t.Errorf("dimension %q lacks when to use / when not to use / examples", g.Name)
		}
	}
}
