package qdpx

import (
	"reflect"
	"testing"
)

func TestTurnsNoteRoundTrips(t *testing.T) {
	turns := []Turn{
		{Speaker: "Interviewer", Timestamp: "00:00:01", Start: 0, ContentStart: 13, End: 40},
		{Speaker: "P1 😀", Start: 41, ContentStart: 48, End: 90},
	}
	speakers := []Speaker{{Name: "Interviewer", Excluded: true}, {Name: "P1 😀", CaseGUID: "c-1"}}
	gotT, gotS, err := DecodeTurnsNote(EncodeTurnsNote(turns, speakers), 90)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotT, turns) || !reflect.DeepEqual(gotS, speakers) {
		t.Fatalf("round trip changed the turns:\n%v\n%v", gotT, gotS)
	}
	if !IsTurnsNote(EncodeTurnsNote(nil, nil)) {
		t.Fatal("an empty turns note is not recognised")
	}
}

func TestTurnsNoteRefusesWhatDoesNotFit(t *testing.T) {
	for name, text := range map[string]string{
		"not ours":    "Some memo",
		"past end":    themisTurnsHeader + "\nturn\t0\t2\t91\tA\t",
		"overlap":     themisTurnsHeader + "\nturn\t0\t2\t10\tA\t\nturn\t5\t6\t12\tB\t",
		"bad number":  themisTurnsHeader + "\nturn\tx\t2\t10\tA\t",
		"short":       themisTurnsHeader + "\nturn\t0\t2\t10",
		"bad speaker": themisTurnsHeader + "\nspeaker\tA\t\tmaybe",
		"unknown":     themisTurnsHeader + "\nsomething\t1",
	} {
		if _, _, err := DecodeTurnsNote(text, 90); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
