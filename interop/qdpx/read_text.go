package qdpx

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// decodeText turns a source's file into text: UTF-8 with or without a
// byte-order mark, or UTF-16 (little or big endian) with one. The BOM is an
// encoding mark, not a character: positions do not count it.
func decodeText(data string) (string, error) {
	switch {
	case strings.HasPrefix(data, "\xEF\xBB\xBF"):
		data = data[3:]
	case strings.HasPrefix(data, "\xFF\xFE") || strings.HasPrefix(data, "\xFE\xFF"):
		big := data[0] == 0xFE
		body := data[2:]
		if len(body)%2 != 0 {
			return "", fmt.Errorf("it is UTF-16 with an odd number of bytes")
		}
		units := make([]uint16, len(body)/2)
		for i := range units {
			if big {
				units[i] = uint16(body[2*i])<<8 | uint16(body[2*i+1])
			} else {
				units[i] = uint16(body[2*i+1])<<8 | uint16(body[2*i])
			}
		}
		return string(utf16.Decode(units)), nil
	}
	if !utf8.ValidString(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRuneInString(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", fmt.Errorf("it is not UTF-8 text (byte %d)", off)
	}
	return data, nil
}

// posMap carries the positions of a source's selections through the
// stages from the vendor's units over the file's text to code points over
// the stored text. lo[i] and hi[i] are where a selection starting at, and
// one ending at, the i-th position lands; they differ only when the
// position falls inside something a stage turns into something of another
// length (the middle of a surrogate pair; a sequence NFC composes): a
// selection then starts before and ends after it, so it covers at least
// what the other tool showed.
type posMap struct {
	lo, hi []int
	i, j   int // the next lo and hi not yet mapped by the current stage
}

func newPosMap(qs []int) *posMap {
	m := &posMap{lo: append([]int(nil), qs...), hi: append([]int(nil), qs...)}
	return m
}

// stage starts a stage over the positions, which are sorted.
func (m *posMap) stage() { m.i, m.j = 0, 0 }

// span maps the pending positions in [inA, inB) of the stage's input to its
// output span [outA, outB).
func (m *posMap) span(inA, inB, outA, outB int) { m.spanExact(inA, inB, outA, outB, nil) }

// spanExact is span with a way to place a position k code points into a
// span whose output differs in length from its input: exact returns where
// it lands, and false when it lands nowhere in particular.
func (m *posMap) spanExact(inA, inB, outA, outB int, exact func(k int) (int, bool)) {
	same := inB-inA == outB-outA
	place := func(p int, ceil bool) int {
		switch {
		case p <= inA:
			return outA
		case same:
			return outA + p - inA
		}
		if exact != nil {
			if o, ok := exact(p - inA); ok {
				return outA + o
			}
			// Else the nearest point that does land, before a start
			// and after an end, so the selection keeps what it held.
			if ceil {
				for k := p - inA + 1; k < inB-inA; k++ {
					if o, ok := exact(k); ok {
						return outA + o
					}
				}
			} else {
				for k := p - inA - 1; k > 0; k-- {
					if o, ok := exact(k); ok {
						return outA + o
					}
				}
			}
		}
		if ceil {
			return outB
		}
		return outA
	}
	for ; m.i < len(m.lo) && m.lo[m.i] < inB; m.i++ {
		m.lo[m.i] = place(m.lo[m.i], false)
	}
	for ; m.j < len(m.hi) && m.hi[m.j] < inB; m.j++ {
		m.hi[m.j] = place(m.hi[m.j], true)
	}
}

// due reports whether a position before b is still to be mapped.
func (m *posMap) due(b int) bool {
	return m.i < len(m.lo) && m.lo[m.i] < b || m.j < len(m.hi) && m.hi[m.j] < b
}

// end maps the positions at the end of the stage's input (and, were there
// any, beyond it) to the end of its output.
func (m *posMap) end(out int) {
	for ; m.i < len(m.lo); m.i++ {
		m.lo[m.i] = out
	}
	for ; m.j < len(m.hi); m.j++ {
		m.hi[m.j] = out
	}
}

// storeText returns the stored form of a source's decoded text —
// corpus.Normalize's: leading U+FEFF removed, CRLF and lone CR as LF, NFC,
// not trimmed — and carries m's positions, counted in UTF-16 code units
// when utf16Units is set and in code points otherwise, over to code points
// of the stored text. The positions must lie within the text.
func storeText(orig string, utf16Units bool, m *posMap) string {
	// Stage 1: UTF-16 code units to code points.
	if utf16Units {
		m.stage()
		u, c := 0, 0
		for _, r := range orig {
			w := 1
			if r >= 0x10000 {
				w = 2
			}
			if m.due(u + w) {
				m.span(u, u+w, c, c+1)
			}
			u += w
			c++
		}
		m.end(c)
	}
	// Stage 2: leading byte-order marks and the CR of CRLF go; a lone CR
	// becomes LF. A position between CR and LF lands before the LF.
	t := orig
	var b strings.Builder
	if strings.HasPrefix(orig, "\uFEFF") || strings.IndexByte(orig, '\r') >= 0 {
		m.stage()
		b.Grow(len(orig))
		c, k := 0, 0
		lead := true
		for i, r := range orig {
			drop := lead && r == '\uFEFF' || r == '\r' && i+1 < len(orig) && orig[i+1] == '\n'
			lead = lead && r == '\uFEFF'
			if drop {
				if m.due(c + 1) {
					m.span(c, c+1, k, k)
				}
			} else {
				if m.due(c + 1) {
					m.span(c, c+1, k, k+1)
				}
				if r == '\r' {
					r = '\n'
				}
				b.WriteRune(r)
				k++
			}
			c++
		}
		m.end(k)
		t = b.String()
		b = strings.Builder{}
	}
	// Stage 3: NFC, one normalisation segment at a time.
	if norm.NFC.IsNormalString(t) {
		return t
	}
	m.stage()
	b.Grow(len(t))
	var it norm.Iter
	it.InitString(norm.NFC, t)
	in, out, prev := 0, 0, 0
	for !it.Done() {
		seg := it.Next()
		pos := it.Pos()
		segIn := t[prev:pos]
		inN := utf8.RuneCountInString(segIn)
		outN := utf8.RuneCount(seg)
		// A position inside a sequence NFC changed lands where the
		// sequence's stored form splits in the same place, if it does:
		// in e + acute + circumflex, stored as é + circumflex, the
		// point before the circumflex is still a point of the text.
		if m.due(in + inN) {
			m.spanExact(in, in+inN, out, out+outN, func(k int) (int, bool) {
				off := 0
				for ; k > 0; k-- {
					_, w := utf8.DecodeRuneInString(segIn[off:])
					off += w
				}
				pre := norm.NFC.String(segIn[:off])
				if pre+norm.NFC.String(segIn[off:]) != string(seg) {
					return 0, false
				}
				return utf8.RuneCountInString(pre), true
			})
		}
		b.Write(seg)
		in, out, prev = in+inN, out+outN, pos
	}
	m.end(out)
	return b.String()
}

// unitLengths is the length of s in code points and in UTF-16 code units.
func unitLengths(s string) (cps, units int) {
	for _, r := range s {
		cps++
		units++
		if r >= 0x10000 {
			units++
		}
	}
	return cps, units
}

// byteOffsets returns, for each of the sorted positions qs counted in
// code points or UTF-16 code units over s, its byte offset in s; -1 when it
// falls inside a surrogate pair or beyond the end.
func byteOffsets(s string, qs []int, utf16Units bool) []int {
	out := make([]int, len(qs))
	k, u := 0, 0
	emit := func(b int) {
		for ; k < len(qs) && qs[k] <= u; k++ {
			if qs[k] == u {
				out[k] = b
			} else {
				out[k] = -1
			}
		}
	}
	for i, r := range s {
		emit(i)
		u++
		if utf16Units && r >= 0x10000 {
			u++
		}
	}
	emit(len(s))
	for ; k < len(qs); k++ {
		out[k] = -1
	}
	return out
}

// preview returns the part of a selection's name that previews its passage
// (ATLAS.ti names a quotation by its first hundred characters and an
// ellipsis), with white space collapsed; "" when the name is too short to
// tell anything.
func preview(name string) string {
	name = strings.TrimSpace(name)
	name = strings.TrimSuffix(name, "…")
	name = strings.TrimSuffix(name, "...")
	p := collapse(name)
	letters := 0
	for _, r := range p {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 4 {
		return ""
	}
	return p
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// unitVotes weighs, over one source, the evidence for each way of counting
// positions: a position that falls inside a surrogate pair or past the end
// of the text counts against a unit; a selection whose name previews the
// text at its positions counts for it.
type unitVotes struct{ cp, u16 int }

func (v *unitVotes) add(text string, sels []Selection) {
	cps, units := unitLengths(text)
	if cps == units || len(sels) == 0 {
		return // no character outside the BMP: both ways agree
	}
	qs := make([]int, 0, 2*len(sels))
	for _, s := range sels {
		qs = append(qs, s.Start, s.End)
	}
	sorted := sortedUnique(qs)
	offCP := byteOffsets(text, sorted, false)
	offU := byteOffsets(text, sorted, true)
	at := func(off []int, q int) int { return off[sort.SearchInts(sorted, q)] }
	for _, s := range sels {
		if s.End < s.Start {
			continue
		}
		a, b := at(offCP, s.Start), at(offCP, s.End)
		c, d := at(offU, s.Start), at(offU, s.End)
		okCP, okU := a >= 0 && b >= 0, c >= 0 && d >= 0
		if okCP && !okU {
			v.cp += 2
		}
		if okU && !okCP {
			v.u16 += 2
		}
		p := preview(s.Name)
		if p == "" {
			continue
		}
		// Only the start of the passage can match the preview: a
		// selection of a whole document is not collapsed whole.
		head := func(from, to int) string { return collapse(text[from:min(to, from+4*len(p)+64)]) }
		if okCP && strings.HasPrefix(head(a, b), p) {
			v.cp++
		}
		if okU && strings.HasPrefix(head(c, d), p) {
			v.u16++
		}
	}
}

func sortedUnique(qs []int) []int {
	s := append([]int(nil), qs...)
	sort.Ints(s)
	out := s[:0]
	for i, q := range s {
		if i == 0 || q != s[i-1] {
			out = append(out, q)
		}
	}
	return out
}
