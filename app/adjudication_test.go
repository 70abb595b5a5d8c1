package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"themis/coding"
)

func TestAdjudicationFromTheApp(t *testing.T) {
	sv := newServices(t)
	adj := NewAdjudicationService(sv.projects.s)
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	var lead, ben CoderDTO
	for _, c := range info.Coders {
		if c.ID == info.Lead.ID {
			lead = c
		} else {
			ben = c
		}
	}
	if _, err := sv.projects.SelectCoder(lead.ID); err != nil {
		t.Fatal(err)
	}
	in := ReviewInput{CoderA: ben.ID, CoderB: lead.ID}
	rv, err := adj.Review(in)
	if err != nil {
		t.Fatal(err)
	}
	// The lead coded one of the layers: she may read them but not settle them.
	if _, err := adj.Start(in); err == nil || decodeUIError(t, err).Kind != "forbidden" ||
		!strings.Contains(decodeUIError(t, err).Message, "only an adjudicator the lead names") {
		t.Fatalf("the lead started adjudicating her own pair: %v", err)
	}
	// A third person joins; the lead names them adjudicator, and they settle.
	info, err = sv.projects.AddCoder("Chen")
	if err != nil {
		t.Fatal(err)
	}
	chen := *info.Current
	if _, err := sv.projects.SelectCoder(lead.ID); err != nil {
		t.Fatal(err)
	}
	if info, err = sv.projects.SetAdjudicator(chen.ID); err != nil || info.Adjudicator == nil || info.Adjudicator.ID != chen.ID {
		t.Fatalf("SetAdjudicator: %+v, %v", info, err)
	}
	if _, err := sv.projects.SelectCoder(ben.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SetAdjudicator(ben.ID); err == nil {
		t.Fatal("a coder named the adjudicator")
	}
	if _, err := adj.Start(in); err == nil || decodeUIError(t, err).Kind != "forbidden" {
		t.Fatalf("Ben started adjudicating his own pair: %v", err)
	}
	if _, err := sv.projects.SelectCoder(chen.ID); err != nil {
		t.Fatal(err)
	}
	if rv.Consensus != nil || rv.CoderA.ID != lead.ID || rv.Total == 0 || rv.Total != len(rv.Items) {
		t.Fatalf("review: %+v", rv)
	}
	it := rv.Items[0]
	runes := utf8.RuneCountInString(it.Context.Text)
	if it.Context.Start > it.Extent.Start || it.Context.Start+runes < it.Extent.End || it.Speaker == "" || it.DocumentName == "" {
		t.Errorf("context %d+%d does not hold extent %+v (speaker %q)", it.Context.Start, runes, it.Extent, it.Speaker)
	}
	if _, err := adj.Decide(DecisionInput{ReviewInput: in, Key: it.Key, Action: "accept-b"}); err == nil ||
		!strings.Contains(decodeUIError(t, err).Message, "start adjudication") {
		t.Errorf("deciding before starting: %v", err)
	}
	rv, err = adj.Start(in)
	if err != nil || rv.Consensus == nil || !rv.Consensus.Consensus || rv.Consensus.Name != "Consensus" {
		t.Fatalf("Start: %+v, %v", rv, err)
	}
	rv, err = adj.Decide(DecisionInput{ReviewInput: in, Key: it.Key, Action: "accept-b", Rationale: "B's reading fits the definition"})
	if err != nil || rv.Settled != 1 || rv.Items[0].Decision == nil || rv.Items[0].Decision.DecidedBy != chen.Name {
		t.Fatalf("Decide: settled %d, %+v, %v", rv.Settled, rv.Items[0].Decision, err)
	}
	// The consensus is listed with the coders, can be compared, and cannot be coded as.
	info, _ = sv.projects.Info()
	var consensus CoderDTO
	for _, c := range info.Coders {
		if c.Consensus {
			consensus = c
		}
	}
	if consensus.ID != rv.Consensus.ID {
		t.Fatalf("coders %+v lack the consensus", info.Coders)
	}
	if _, err := sv.agreement.Compute(AgreementInput{CoderA: consensus.ID, CoderB: lead.ID}); err != nil {
		t.Errorf("comparing the consensus: %v", err)
	}
	if _, err := sv.projects.SelectCoder(consensus.ID); err == nil {
		t.Error("selected the consensus as the current coder")
	}
	rv, err = adj.Reopen(in, it.Key)
	if err != nil || rv.Settled != 0 {
		t.Errorf("Reopen: settled %d, %v", rv.Settled, err)
	}
}

func TestUnitizedFromTheApp(t *testing.T) {
	sv := newServices(t)
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SelectCoder(info.Lead.ID); err != nil {
		t.Fatal(err)
	}
	u, err := sv.agreement.Unitized([]int64{info.Coders[0].ID, info.Coders[1].ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The demo's coders apply overlapping codes: (k)uα, like cuα, says so,
	// and each code's binary uα is computed.
	if u.Documents != 9 || len(u.PerCode) != 13 || len(u.Coders) != 2 || u.PerCode[0].BinaryUAlpha.Value == nil ||
		u.PerCode[0].KUAlpha.Undefined != coding.ReasonUnitizedOverlap {
		t.Errorf("unitized: %+v", u)
	}
	if (u.UAlpha.Value == nil) == (u.UAlpha.Undefined == "") {
		t.Errorf("uα is neither a value nor explained: %+v", u.UAlpha)
	}
}

// In blind mode the lead keeps the agreement figures but not Review: the
// project info says so, and the service refuses.
func TestBlindModeClosesReviewToTheLead(t *testing.T) {
	sv := newServices(t)
	adj := NewAdjudicationService(sv.projects.s)
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SelectCoder(info.Lead.ID); err != nil {
		t.Fatal(err)
	}
	if info, err = sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	if !info.CanCompare || info.CanReview {
		t.Errorf("lead in blind mode: canCompare %v, canReview %v; want true, false", info.CanCompare, info.CanReview)
	}
	in := ReviewInput{CoderA: info.Coders[0].ID, CoderB: info.Coders[1].ID}
	if _, err := sv.agreement.Compute(AgreementInput{CoderA: in.CoderA, CoderB: in.CoderB}); err != nil {
		t.Errorf("the lead's agreement figures in blind mode: %v", err)
	}
	if _, err := adj.Review(in); err == nil || decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Review as the lead in blind mode: %v", err)
	}
}

// Review's context shows whole words: cut 240 characters from a disagreement,
// it used to begin and end in the middle of one.
func TestContextWindowKeepsWholeWords(t *testing.T) {
	words := strings.Repeat("interview ", 60) // 600 characters, words of 9 and a space
	text := []rune(words + "ab PASSAGE " + words)
	start := len([]rune(words)) + 3
	end := start + len("PASSAGE")
	from, to := contextWindow(text, start, end)
	got := string(text[from:to])
	if !strings.HasPrefix(got, "interview ") || !strings.HasSuffix(got, " interview") {
		t.Errorf("context begins %q and ends %q: not whole words", got[:12], got[len(got)-12:])
	}
	if from > start || to < end || start-from > contextChars || to-end > contextChars {
		t.Errorf("window [%d, %d) for [%d, %d)", from, to, start, end)
	}
	// Near the document's ends nothing is cut; a passage in one long word stays whole.
	short := []rune("a few words")
	if f, e := contextWindow(short, 2, 5); f != 0 || e != len(short) {
		t.Errorf("short text: [%d, %d)", f, e)
	}
	long := []rune(strings.Repeat("x", 1000))
	if f, e := contextWindow(long, 500, 510); f != 500 || e != 510 {
		t.Errorf("one long word: [%d, %d)", f, e)
	}
}
