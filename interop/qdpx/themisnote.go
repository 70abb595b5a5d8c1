package qdpx

import (
	"fmt"
	"strconv"
	"strings"
)

// ThemisTurnsNote is the name of the Note in which Themis writes a text
// source's speaker turns and speakers. Its first line is themisTurnsHeader;
// each further line is tab-separated:
//
//	turn	START	CONTENT_START	END	SPEAKER	TIMESTAMP
//	speaker	NAME	CASE_GUID	excluded|included
//
// Positions are code points over the source's text. Names cannot hold tabs
// or line breaks (Themis refuses control characters in names).
const ThemisTurnsNote = "Themis: speaker turns"

const themisTurnsHeader = "Themis speaker turns, format 1. Themis reads this note to restore the document's speaker turns; other tools may ignore it."

// EncodeTurnsNote is the text of a source's ThemisTurnsNote.
func EncodeTurnsNote(turns []Turn, speakers []Speaker) string {
	var b strings.Builder
	b.WriteString(themisTurnsHeader)
	for _, t := range turns {
		fmt.Fprintf(&b, "\nturn\t%d\t%d\t%d\t%s\t%s", t.Start, t.ContentStart, t.End, t.Speaker, t.Timestamp)
	}
	for _, s := range speakers {
		state := "included"
		if s.Excluded {
			state = "excluded"
		}
		fmt.Fprintf(&b, "\nspeaker\t%s\t%s\t%s", s.Name, s.CaseGUID, state)
	}
	return b.String()
}

// IsTurnsNote reports whether a note's text is a ThemisTurnsNote.
func IsTurnsNote(text string) bool { return strings.HasPrefix(text, themisTurnsHeader) }

// DecodeTurnsNote reads a ThemisTurnsNote back. textLen is the length of the
// source's text in code points: every turn must lie inside it, in order and
// without overlap, as Themis' turns do.
func DecodeTurnsNote(text string, textLen int) ([]Turn, []Speaker, error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if len(lines) == 0 || lines[0] != themisTurnsHeader {
		return nil, nil, fmt.Errorf("not a Themis speaker-turns note")
	}
	var turns []Turn
	var speakers []Speaker
	prevEnd := 0
	for i, l := range lines[1:] {
		line := i + 2
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		switch f[0] {
		case "turn":
			if len(f) != 6 {
				return nil, nil, fmt.Errorf("line %d: a turn has 5 fields, not %d", line, len(f)-1)
			}
			var n [3]int
			for k := range n {
				v, err := strconv.Atoi(f[k+1])
				if err != nil {
					return nil, nil, fmt.Errorf("line %d: %q is not a position", line, f[k+1])
				}
				n[k] = v
			}
			t := Turn{Start: n[0], ContentStart: n[1], End: n[2], Speaker: f[4], Timestamp: f[5]}
			if t.Start < prevEnd || t.ContentStart < t.Start || t.End < t.ContentStart || t.End > textLen {
				return nil, nil, fmt.Errorf("line %d: turn %d–%d does not fit the text (%d characters) after the turn before it", line, t.Start, t.End, textLen)
			}
			prevEnd = t.End
			turns = append(turns, t)
		case "speaker":
			if len(f) != 4 || (f[3] != "excluded" && f[3] != "included") {
				return nil, nil, fmt.Errorf("line %d: a speaker is NAME, CASE and excluded or included", line)
			}
			speakers = append(speakers, Speaker{Name: f[1], CaseGUID: f[2], Excluded: f[3] == "excluded"})
		default:
			return nil, nil, fmt.Errorf("line %d: unknown entry %q", line, f[0])
		}
	}
	return turns, speakers, nil
}
