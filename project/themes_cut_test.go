package project

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCutKeepsExactlyTheIncludedCodePoints checks cut against the plain
// answer, code point by code point, on random sorted disjoint exclusions.
func TestCutKeepsExactlyTheIncludedCodePoints(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 2000; n++ {
		var excluded []span
		for at := r.IntN(5); at < 60; {
			l := 1 + r.IntN(6)
			excluded = append(excluded, span{at, at + l})
			at += l + 1 + r.IntN(8)
		}
		start := r.IntN(60)
		s := span{start, start + 1 + r.IntN(20)}
		var want []int // the code points of s outside every exclusion
		touched := false
		for cp := s.start; cp < s.end; cp++ {
			if slices.ContainsFunc(excluded, func(x span) bool { return x.start <= cp && cp < x.end }) {
				touched = true
				continue
			}
			want = append(want, cp)
		}
		got := cut(s, excluded)
		if !touched {
			if got != nil {
				t.Fatalf("cut(%v, %v) = %v, want nil (the whole span)", s, excluded, got)
			}
			continue
		}
		var have []int
		for i, p := range got {
			if p.end <= p.start || (i > 0 && p.start <= got[i-1].end) {
				t.Fatalf("cut(%v, %v) = %v: empty or unordered pieces", s, excluded, got)
			}
			for cp := p.start; cp < p.end; cp++ {
				have = append(have, cp)
			}
		}
		if got == nil || !slices.Equal(have, want) {
			t.Fatalf("cut(%v, %v) = %v: keeps %v, want %v", s, excluded, got, have, want)
		}
	}
}
