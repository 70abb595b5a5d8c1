package corpus

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/turns/*.golden")

// turnSummary renders a turn as "speaker|timestamp|label|content" so that a
// table row states both what was detected and where the offsets point.
func turnSummary(text string, t Turn) string {
	return t.Speaker + "|" + t.Timestamp + "|" + Slice(text, t.Start, t.ContentStart) + "|" + Slice(text, t.ContentStart, t.End)
}

func summaries(text string, turns []Turn) []string {
	out := make([]string, len(turns))
	for i, t := range turns {
		out[i] = turnSummary(text, t)
	}
	return out
}

func TestDetectTurns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"role words", "Interviewer: How are you?\nInterviewee: Fine.\nFacilitator: Next.\nModerator: Ok.\nRespondent: Yes.\nParticipant: No.",
			[]string{"Interviewer||Interviewer: |How are you?", "Interviewee||Interviewee: |Fine.", "Facilitator||Facilitator: |Next.",
				"Moderator||Moderator: |Ok.", "Respondent||Respondent: |Yes.", "Participant||Participant: |No."}},
		{"single letters I R", "I: Hello.\nR: Hi.", []string{"I||I: |Hello.", "R||R: |Hi."}},
		{"single letters Q A", "Q: Why?\nA: Because.", []string{"Q||Q: |Why?", "A||A: |Because."}},
		{"ids", "P003: one\nPatient 005: two\nLink worker 2: three\nSpeaker 1: four\nParticipant 12: five",
			[]string{"P003||P003: |one", "Patient 005||Patient 005: |two", "Link worker 2||Link worker 2: |three", "Speaker 1||Speaker 1: |four", "Participant 12||Participant 12: |five"}},
		{"lower-case ids and roles", "id1: a\ninterviewer: b", []string{"id1||id1: |a", "interviewer||interviewer: |b"}},
		{"qualcoder brackets", "[id1] hello\n\n[id2] world\n[id1]", []string{"id1||[id1] |hello", "id2||[id2] |world", "id1||[id1]|"}},
		{"zoom bracket and time", "[Sarah Jones] 10:03:45\nHello.\n\n[Amir] 10:03:50\nHi.\n[Amir] 10:04 is late\n[Sarah Jones] (1:10:03)",
			[]string{"Sarah Jones|10:03:45|[Sarah Jones] 10:03:45\n|Hello.", "Amir|10:03:50|[Amir] 10:03:50\n|Hi.", "Amir||[Amir] |10:04 is late", "Sarah Jones|1:10:03|[Sarah Jones] (1:10:03)|"}},
		{"bracket with colon", "[Interviewer]: So?\n[P2]: Well.", []string{"Interviewer||[Interviewer]: |So?", "P2||[P2]: |Well."}},
		{"bracket annotation is not a speaker", "[id1] one\n[inaudible] two\n[laughs] three\n[id2] four",
			[]string{"id1||[id1] |one\n[inaudible] two\n[laughs] three", "id2||[id2] |four"}},
		{"bracket needs a space", "[id1]one\n[id2] two\n[id3] three", []string{"|||[id1]one", "id2||[id2] |two", "id3||[id3] |three"}},
		{"timestamp in parentheses", "Speaker 1 (00:01:23): text\nSpeaker 2 (00:01:30): more",
			[]string{"Speaker 1|00:01:23|Speaker 1 (00:01:23): |text", "Speaker 2|00:01:30|Speaker 2 (00:01:30): |more"}},
		{"timestamp in brackets", "Speaker 1 [00:01:23]: text\nSpeaker 2 [1:01:30]: more",
			[]string{"Speaker 1|00:01:23|Speaker 1 [00:01:23]: |text", "Speaker 2|1:01:30|Speaker 2 [1:01:30]: |more"}},
		{"leading timestamp", "00:01:23 Speaker 1: text\n01:24 Speaker 2: more\n[0:01:25] Speaker 1: again\n(00:01:26) - Speaker 2: dash",
			[]string{"Speaker 1|00:01:23|00:01:23 Speaker 1: |text", "Speaker 2|01:24|01:24 Speaker 2: |more",
				"Speaker 1|0:01:25|[0:01:25] Speaker 1: |again", "Speaker 2|00:01:26|(00:01:26) - Speaker 2: |dash"}},
		{"timestamp with fraction", "00:01:23.450 Speaker 1: a\n00:01:24,100 Speaker 2: b",
			[]string{"Speaker 1|00:01:23.450|00:01:23.450 Speaker 1: |a", "Speaker 2|00:01:24,100|00:01:24,100 Speaker 2: |b"}},
		{"otter label lines", "Speaker 1  0:03\nHello there.\n\nSpeaker 2  0:09\nHi.\nSecond line.",
			[]string{"Speaker 1|0:03|Speaker 1  0:03\n|Hello there.", "Speaker 2|0:09|Speaker 2  0:09\n|Hi.\nSecond line."}},
		{"markdown", "**Interviewer:** a\n**P1**: b\n__Interviewer:__ c", []string{"Interviewer||**Interviewer:** |a", "P1||**P1**: |b", "Interviewer||__Interviewer:__ |c"}},
		{"preamble", "Interview 3\nDate: 4 May\n\nInterviewer: Hi.\nP1: Hello.",
			[]string{"|||Interview 3\nDate: 4 May", "Interviewer||Interviewer: |Hi.", "P1||P1: |Hello."}},
		{"turn spans lines and blank lines", "Interviewer: one\n\ntwo\n\n\nP1: three\n\n",
			[]string{"Interviewer||Interviewer: |one\n\ntwo", "P1||P1: |three"}},
		{"label alone on its line", "Interviewer:\n\n  Words below.\nP1: x", []string{"Interviewer||Interviewer:\n\n  |Words below.", "P1||P1: |x"}},
		{"empty turn", "Interviewer:\nP1:   \nInterviewer: ok", []string{"Interviewer||Interviewer:|", "P1||P1:|", "Interviewer||Interviewer: |ok"}},
		{"indented labels", "  Interviewer: a\n\tP1: b", []string{"Interviewer||Interviewer: |a", "P1||P1: |b"}},
		{"spaces before colon (French)", "Intervieweur : Bonjour.\nP1 : Salut.", []string{"Intervieweur||Intervieweur : |Bonjour.", "P1||P1 : |Salut."}},
		{"full-width colon", "Interviewer：你好\nP1：好", []string{"Interviewer||Interviewer：|你好", "P1||P1：|好"}},
		{"names need two lines", "Sarah: one\nInterviewer: two\nSarah: three\nBecause: four\nDr. Okafor: five",
			[]string{"Sarah||Sarah: |one", "Interviewer||Interviewer: |two", "Sarah||Sarah: |three\nBecause: four\nDr. Okafor: five"}},
		{"capitalised names repeated", "Mary Ann Smith: a\nDr. Okafor: b\nMary Ann Smith: c\nDr. Okafor: d",
			[]string{"Mary Ann Smith||Mary Ann Smith: |a", "Dr. Okafor||Dr. Okafor: |b", "Mary Ann Smith||Mary Ann Smith: |c", "Dr. Okafor||Dr. Okafor: |d"}},
		{"all caps repeated", "JOHN SMITH: a\nMODERATOR: b\nJOHN SMITH: c", []string{"JOHN SMITH||JOHN SMITH: |a", "MODERATOR||MODERATOR: |b", "JOHN SMITH||JOHN SMITH: |c"}},
		{"note is not a speaker", "Interviewer: a\nNote: the recording stopped\nNote: again\nP1: b",
			[]string{"Interviewer||Interviewer: |a\nNote: the recording stopped\nNote: again", "P1||P1: |b"}},
		{"sentences with colons", "Interviewer: a\nThe main thing is this: I was lonely.\nThen I said: no.\nmy doctor: she said\nhttp://example.org\nAt 10:30 we met.\nP1: b",
			[]string{"Interviewer||Interviewer: |a\nThe main thing is this: I was lonely.\nThen I said: no.\nmy doctor: she said\nhttp://example.org\nAt 10:30 we met.", "P1||P1: |b"}},
		{"colon needs a space", "Interviewer:a\nP1:b\nP2: c\nP3: d", []string{"|||Interviewer:a\nP1:b", "P2||P2: |c", "P3||P3: |d"}},
		{"label too long", "Interviewer: a\nThis Label Is Far Too Long To Be Speaker: x\nP1: b",
			[]string{"Interviewer||Interviewer: |a\nThis Label Is Far Too Long To Be Speaker: x", "P1||P1: |b"}},
		{"collapses spaces in speaker", "Speaker   1: a\nSpeaker 2: b", []string{"Speaker 1||Speaker   1: |a", "Speaker 2||Speaker 2: |b"}},
		{"not a timestamp", "Interviewer: a\n10:75 Speaker 1: no\n1:2 P1: no\nP1: b",
			[]string{"Interviewer||Interviewer: |a\n10:75 Speaker 1: no\n1:2 P1: no", "P1||P1: |b"}},
		{"one label is paragraphs", "Interviewer: only one label\n\nThen prose.", []string{"|||Interviewer: only one label", "|||Then prose."}},
		{"paragraphs", "First para\nstill first.\n\n\nSecond para.\n", []string{"|||First para\nstill first.", "|||Second para."}},
		{"lines when no blank line", "  one\ntwo  \nthree", []string{"|||one", "|||two", "|||three"}},
		{"leading blank lines do not make paragraphs", "\n\none\ntwo", []string{"|||one", "|||two"}},
		{"empty", "", nil},
		{"whitespace", " \n\t\n", nil},
		{"CRLF input", "Interviewer: a\r\nP1: b\r\n", []string{"Interviewer||Interviewer: |a", "P1||P1: |b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turns := DetectTurns(tt.text)
			checkTurns(t, tt.text, turns)
			got := summaries(tt.text, turns)
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DetectTurns(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectTurnsOffsets pins offsets in code points, not bytes, with emoji
// (one and several code points), accents and CJK before and inside turns.
func TestDetectTurnsOffsets(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Turn
	}{
		{"ascii", "I: ab\nR: cd", []Turn{{"I", "", 0, 3, 5}, {"R", "", 6, 9, 11}}},
		{"emoji", "I: 😀😀\nR: x", []Turn{{"I", "", 0, 3, 5}, {"R", "", 6, 9, 10}}},
		{"emoji sequence", "I: 👩🏽‍⚕️!\nR: x", []Turn{{"I", "", 0, 3, 9}, {"R", "", 10, 13, 14}}}, // 👩🏽‍⚕️ is 5 code points
		{"accents", "Zoë: café\nRené: é", []Turn{}},                                              // names, each once: paragraphs below
		{"cjk", "采访者：你好吗\n受访者：好\n采访者：谢谢\n受访者：😀", []Turn{{"采访者", "", 0, 4, 7}, {"受访者", "", 8, 12, 13}, {"采访者", "", 14, 18, 20}, {"受访者", "", 21, 25, 26}}},
		{"emoji in preamble", "😀 title\nI: a\nR: b", []Turn{{"", "", 0, 0, 7}, {"I", "", 8, 11, 12}, {"R", "", 13, 16, 17}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DetectTurns(tt.text)
			checkTurns(t, tt.text, got)
			if tt.name == "accents" {
				if want := []Turn{{"", "", 0, 0, 9}, {"", "", 10, 10, 17}}; !reflect.DeepEqual(got, want) {
					t.Errorf("got %+v, want %+v", got, want)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestDecomposedInput checks that a transcript written with decomposed
// accents (e + U+0301) is stored composed and the offsets count the composed
// code points.
func TestDecomposedInput(t *testing.T) {
	in := "Interviewer: Cafe\u0301?\nRene\u0301: Oui, cafe\u0301.\nInterviewer: Bien.\nRene\u0301: Oui."
	doc, err := Parse("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(doc.Text, "\u0301") || !strings.Contains(doc.Text, "René") {
		t.Fatalf("text not NFC: %q", doc.Text)
	}
	want := []string{"Interviewer||Interviewer: |Café?", "René||René: |Oui, café.", "Interviewer||Interviewer: |Bien.", "René||René: |Oui."}
	if got := summaries(doc.Text, doc.Turns); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := doc.Turns[1]; got.Start != 19 || got.ContentStart != 25 || got.End != 35 {
		t.Errorf("René turn offsets = %+v, want 19/25/35", got)
	}
}

func TestTimestampAndClassify(t *testing.T) {
	for _, tt := range []struct {
		in, ts string
		ok     bool
	}{
		{"00:01:23", "00:01:23", true}, {"1:02:03", "1:02:03", true}, {"12:07", "12:07", true}, {"0:03", "0:03", true},
		{"00:01:23.456", "00:01:23.456", true}, {"00:01:23,4", "00:01:23,4", true},
		{"1:2", "", false}, {"10:75", "", false}, {"123:45", "", false}, {"00:01:23:45", "", false}, {"12", "", false}, {"1:234", "", false},
	} {
		ts, end, ok := matchTimestamp(tt.in, 0)
		if ok != tt.ok || ts != tt.ts || (ok && end != len(tt.in)) {
			t.Errorf("matchTimestamp(%q) = %q, %d, %v; want %q, %v", tt.in, ts, end, ok, tt.ts, tt.ok)
		}
	}
	for _, tt := range []struct {
		label   string
		bracket bool
		want    strength
	}{
		{"Interviewer", false, strong}, {"Link worker 2", false, strong}, {"Patient 005", false, strong}, {"Participant12", false, strong},
		{"P003", false, strong}, {"id1", true, strong}, {"FG-2", false, strong}, {"I", false, strong}, {"Q", false, strong},
		{"Sarah", false, weak}, {"Dr. Okafor", false, weak}, {"Anne de la Cruz", false, notLabel}, {"Ana de Souza", false, weak},
		{"JOHN SMITH", false, weak}, {"张伟", false, weak},
		{"Note", false, notLabel}, {"note", false, notLabel}, {"Date", false, notLabel}, {"inaudible", true, notLabel}, {"Inaudible", true, notLabel},
		{"i", false, notLabel}, {"my doctor", false, notLabel}, {"Then I said", false, notLabel}, {"The main thing is this", false, notLabel},
		{"1st", false, notLabel}, {"", false, notLabel}, {"Interviewer (SJ)", false, notLabel},
		{"A Label Far Too Long For Anyone To Be A Speaker", false, notLabel},
	} {
		if got := classify(tt.label, tt.bracket); got != tt.want {
			t.Errorf("classify(%q, %v) = %v, want %v", tt.label, tt.bracket, got, tt.want)
		}
	}
}

// TestGoldenTurns writes the detected turns of every testdata/turns/*.txt
// next to it as .golden; run with -update to accept changes.
func TestGoldenTurns(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "turns", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no turn fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			checkTurns(t, doc.Text, doc.Turns)
			got := goldenTurns(doc)
			golden := strings.TrimSuffix(file, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGoldenTurns -update)", err)
			}
			if got != string(want) {
				t.Errorf("turns of %s differ from %s:\n--- got\n%s--- want\n%s", file, golden, got, want)
			}
		})
	}
}

func goldenTurns(doc Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# speaker | timestamp | start | contentStart | end | first 40 code points of content\n")
	for _, t := range doc.Turns {
		fmt.Fprintf(&b, "%s | %s | %d | %d | %d | %s\n", t.Speaker, t.Timestamp, t.Start, t.ContentStart, t.End,
			strconv.Quote(Slice(doc.Text, t.ContentStart, min(t.End, t.ContentStart+40))))
	}
	return b.String()
}

// checkTurns asserts the invariants every turn list must keep: sorted,
// non-overlapping, within the text, Start <= ContentStart <= End, each turn
// starting and ending on non-whitespace, and every non-whitespace code point
// of the text inside exactly one turn.
func checkTurns(t testing.TB, text string, turns []Turn) {
	t.Helper()
	runes := []rune(text)
	n := len(runes)
	if n != RuneLen(text) {
		t.Fatalf("[]rune length %d != RuneLen %d", n, RuneLen(text))
	}
	covered := make([]bool, n)
	prevEnd := 0
	for i, tr := range turns {
		if tr.Start < prevEnd || tr.Start > tr.ContentStart || tr.ContentStart > tr.End || tr.End > n || tr.Start >= tr.End {
			t.Fatalf("turn %d %+v breaks order/bounds (previous end %d, text length %d)", i, tr, prevEnd, n)
		}
		if unicode.IsSpace(runes[tr.Start]) || unicode.IsSpace(runes[tr.End-1]) {
			t.Fatalf("turn %d %+v starts or ends with whitespace: %q", i, tr, string(runes[tr.Start:tr.End]))
		}
		if tr.ContentStart < tr.End && unicode.IsSpace(runes[tr.ContentStart]) {
			t.Fatalf("turn %d %+v: content starts with whitespace", i, tr)
		}
		if tr.Speaker != strings.TrimSpace(tr.Speaker) {
			t.Fatalf("turn %d: speaker %q not trimmed", i, tr.Speaker)
		}
		if tr.Speaker == "" && tr.Start != tr.ContentStart {
			t.Fatalf("turn %d %+v: no speaker but a label", i, tr)
		}
		if utf8.ValidString(text) && Slice(text, tr.Start, tr.End) != string(runes[tr.Start:tr.End]) {
			t.Fatalf("turn %d: Slice disagrees with []rune", i)
		}
		for k := tr.Start; k < tr.End; k++ {
			covered[k] = true
		}
		prevEnd = tr.End
	}
	for k, r := range runes {
		if !covered[k] && !unicode.IsSpace(r) {
			t.Fatalf("code point %d (%q) is in no turn", k, r)
		}
	}
}
