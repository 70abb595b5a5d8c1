package store

import "testing"

func TestDerivedKeptUntilTheProjectChanges(t *testing.T) {
	p, doc, lead, _ := newProject(t)
	builds := 0
	count := func() int {
		v, err := p.Derived("segments", func() (any, error) {
			builds++
			segs, err := p.Segments(SegmentFilter{})
			return len(segs), err
		})
		if err != nil {
			t.Fatal(err)
		}
		return v.(int)
	}
	before := count()
	if count() != before || builds != 1 {
		t.Fatalf("a second read built again: %d builds", builds)
	}
	if _, err := p.AddSegment(NewSegment{Document: doc, Code: codeID(t, p, "Autonomy"), Coder: lead.ID, Start: 32, End: 38}, lead.ID); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != before+1 || builds != 2 {
		t.Errorf("after coding: %d segments (want %d), %d builds (want 2)", got, before+1, builds)
	}
	p.ForgetDerived()
	count()
	if builds != 3 {
		t.Errorf("ForgetDerived kept the value: %d builds", builds)
	}
}

// A project opened read-only is written by another process, whose writes
// this Project's generation cannot see: nothing may be kept.
func TestDerivedNotKeptReadOnly(t *testing.T) {
	p, _, _, _ := newProject(t)
	path := p.Path()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	builds := 0
	for range 2 {
		if _, err := ro.Derived("k", func() (any, error) { builds++; return builds, nil }); err != nil {
			t.Fatal(err)
		}
	}
	if builds != 2 {
		t.Errorf("read-only project kept a derived value: %d builds, want 2", builds)
	}
}
