package coding

import (
	"slices"
	"testing"
)

func TestUnion(t *testing.T) {
	tests := []struct {
		name string
		in   []Span
		want []Span
	}{
		{"nil", nil, []Span{}},
		{"single", []Span{{2, 5}}, []Span{{2, 5}}},
		{"overlapping", []Span{{0, 10}, {5, 15}}, []Span{{0, 15}}},
		{"adjacent merge", []Span{{5, 8}, {0, 5}}, []Span{{0, 8}}},
		{"contained", []Span{{0, 100}, {10, 20}, {30, 40}}, []Span{{0, 100}}},
		{"disjoint unsorted", []Span{{20, 30}, {0, 10}}, []Span{{0, 10}, {20, 30}}},
		{"duplicates", []Span{{3, 7}, {3, 7}, {3, 7}}, []Span{{3, 7}}},
		{"empty and inverted dropped", []Span{{4, 4}, {9, 2}, {1, 2}}, []Span{{1, 2}}},
		{"chain", []Span{{0, 2}, {2, 4}, {4, 6}, {7, 9}}, []Span{{0, 6}, {7, 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.in)
			got := Union(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Union(%v) = %v, want %v", tt.in, got, tt.want)
			}
			if !slices.Equal(in, tt.in) {
				t.Errorf("Union modified its input: %v -> %v", in, tt.in)
			}
		})
	}
}

func TestClip(t *testing.T) {
	got := Clip([]Span{{-5, 3}, {8, 20}, {12, 15}, {2, 4}}, 10)
	want := []Span{{0, 4}, {8, 10}}
	if !slices.Equal(got, want) {
		t.Errorf("Clip = %v, want %v", got, want)
	}
	if got := Clip([]Span{{0, 5}}, 0); len(got) != 0 {
		t.Errorf("Clip to empty document = %v", got)
	}
}

func TestIntersectLen(t *testing.T) {
	tests := []struct {
		a, b []Span
		want int
	}{
		{nil, []Span{{0, 5}}, 0},
		{[]Span{{0, 150}}, []Span{{100, 200}}, 50},
		{[]Span{{0, 10}, {20, 30}}, []Span{{5, 25}}, 10},
		{[]Span{{0, 10}}, []Span{{10, 20}}, 0}, // touching, not overlapping
		{[]Span{{0, 100}}, []Span{{1, 2}, {3, 4}, {50, 60}}, 12},
		{[]Span{{0, 3}, {4, 7}, {8, 11}}, []Span{{2, 9}}, 1 + 3 + 1},
	}
	for _, tt := range tests {
		if got := IntersectLen(tt.a, tt.b); got != tt.want {
			t.Errorf("IntersectLen(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := IntersectLen(tt.b, tt.a); got != tt.want {
			t.Errorf("IntersectLen(%v, %v) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestCharacterCounts(t *testing.T) {
	// NVivo's example layout (see TestCharacterNVivoExample).
	got := CharacterCounts(1000, []Span{{0, 150}}, []Span{{100, 200}})
	want := Counts{Both: 50, OnlyA: 100, OnlyB: 50, Neither: 800}
	if got != want {
		t.Errorf("CharacterCounts = %+v, want %+v", got, want)
	}
	// Overlaps unioned, out-of-range clipped.
	got = CharacterCounts(10, []Span{{0, 4}, {2, 6}, {-3, 1}}, []Span{{5, 50}})
	want = Counts{Both: 1, OnlyA: 5, OnlyB: 4, Neither: 0}
	if got != want {
		t.Errorf("CharacterCounts = %+v, want %+v", got, want)
	}
	if got := CharacterCounts(-1, []Span{{0, 4}}, nil); got != (Counts{}) {
		t.Errorf("CharacterCounts of negative length = %+v", got)
	}
}

func TestSpanLen(t *testing.T) {
	if (Span{3, 7}).Len() != 4 || (Span{7, 3}).Len() != 0 {
		t.Error("Span.Len")
	}
	if CoveredLen([]Span{{0, 2}, {5, 9}}) != 6 {
		t.Error("CoveredLen")
	}
}
