package project

import (
	"errors"
	"strings"
	"testing"

	"themis/coding"
	"themis/store"
)

func TestUnitizedAgreement(t *testing.T) {
	p, aisha, ben := newStudy(t)
	res, err := ImportData(p, []NamedData{
		{"P1.txt", []byte("Interviewer: How is it going?\nP1: Better. I walk daily now. It helps a lot.\n")},
		{"P2.txt", []byte("Interviewer: And friends?\nP2: I met people at the café 😀. We talk.\n")},
	}, aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	d1, d2 := res[0].ID, res[1].ID
	pos, _ := p.CodeByName("Positive affect")
	rel, _ := p.CodeByName("Positive relations with others")
	if pos.ID == 0 || rel.ID == 0 {
		t.Fatal("framework codes missing")
	}
	add := func(c store.Coder, doc int64, code store.Code, start, end int) {
		t.Helper()
		if _, err := p.AddSegment(store.NewSegment{Document: doc, Code: code.ID, Coder: c.ID, Start: start, End: end}, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	add(aisha, d1, pos, 34, 52)
	add(ben, d1, pos, 30, 60)
	add(aisha, d2, rel, 30, 45)
	add(ben, d2, rel, 30, 40)
	add(ben, d2, pos, 50, 58)

	r, err := UnitizedAgreement(p, leadViewer(t, p), []int64{aisha.ID, ben.ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The same data given to coding.Unitized directly.
	docs, _ := p.Documents()
	codes, _ := AgreementCodes(p, 0)
	var cats []string
	for _, c := range codes {
		cats = append(cats, c.Name)
	}
	want, err := coding.Unitized([]int{docs[0].Chars, docs[1].Chars}, 2, []coding.UnitizedSegment{
		{Continuum: 0, Coder: 0, Start: 34, End: 52, Category: pos.Name},
		{Continuum: 0, Coder: 1, Start: 30, End: 60, Category: pos.Name},
		{Continuum: 1, Coder: 0, Start: 30, End: 45, Category: rel.Name},
		{Continuum: 1, Coder: 1, Start: 30, End: 40, Category: rel.Name},
		{Continuum: 1, Coder: 1, Start: 50, End: 58, Category: pos.Name},
	}, coding.UnitizedOptions{Categories: cats})
	if err != nil {
		t.Fatal(err)
	}
	if r.UAlpha.Value == nil || *r.UAlpha.Value != *want.UAlpha.Value || *r.CUAlpha.Value != *want.CUAlpha.Value ||
		r.KUAlpha[pos.Name].Value == nil || *r.KUAlpha[pos.Name].Value != *want.KUAlpha[pos.Name].Value ||
		*r.BinaryKUAlpha[pos.Name].Value != *want.BinaryKUAlpha[pos.Name].Value {
		t.Errorf("project report %+v\nwant %+v", r, want)
	}
	if r.Continua != 2 || r.Coders != 2 || len(r.Categories) != len(codes) || r.Length != docs[0].Chars+docs[1].Chars {
		t.Errorf("report shape: %d continua, %d coders, %d categories, length %d", r.Continua, r.Coders, len(r.Categories), r.Length)
	}
	for _, c := range codes {
		s, ok := r.KUAlpha[c.Name]
		if !ok {
			t.Errorf("no (k)uα for %q", c.Name)
		}
		if c.ID != pos.ID && c.ID != rel.ID && (s.Undefined == nil || *s.Undefined != coding.ReasonUnitizedUnused) {
			t.Errorf("(%s)uα = %+v, want unused", c.Name, s)
		}
	}

	// One document only.
	one, err := UnitizedAgreement(p, leadViewer(t, p), []int64{aisha.ID, ben.ID}, []int64{d2})
	if err != nil || one.Continua != 1 {
		t.Fatalf("%v %+v", err, one)
	}

	// Ben codes overlapping text with a second code: uα, cuα and (k)uα
	// become undefined, |uα (coded or not) and the per-code binary alphas
	// stay, and Positive affect's is that of its own segments.
	add(ben, d1, rel, 40, 50)
	over, err := UnitizedAgreement(p, leadViewer(t, p), []int64{aisha.ID, ben.ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if over.BinaryUAlpha.Value == nil {
		t.Errorf("|uα undefined with overlapping codes: %s", *over.BinaryUAlpha.Undefined)
	}
	for name, s := range map[string]coding.Statistic{"uα": over.UAlpha, "cuα": over.CUAlpha, "(pos)uα": over.KUAlpha[pos.Name]} {
		if s.Value != nil || s.Undefined == nil || !strings.Contains(*s.Undefined, "overlapping codes") {
			t.Errorf("%s = %+v, want undefined for overlapping codes", name, s)
		}
	}
	if got := over.BinaryKUAlpha[pos.Name]; got.Value == nil || *got.Value != *r.BinaryKUAlpha[pos.Name].Value {
		t.Errorf("binary (pos)uα changed with another code's overlap: %+v vs %+v", got, r.BinaryKUAlpha[pos.Name])
	}
	if over.BinaryKUAlpha[rel.Name].Value == nil {
		t.Errorf("binary (rel)uα undefined: %s", *over.BinaryKUAlpha[rel.Name].Undefined)
	}

	// Three coders.
	lead, _ := p.Lead()
	chen, err := p.AddCoder("Chen", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	add(chen, d1, pos, 34, 52)
	three, err := UnitizedAgreement(p, leadViewer(t, p), []int64{aisha.ID, ben.ID, chen.ID}, nil)
	if err != nil || three.Coders != 3 || three.BinaryKUAlpha[pos.Name].Value == nil {
		t.Fatalf("three coders: %v %+v", err, three)
	}
}

func TestUnitizedAgreementErrors(t *testing.T) {
	p, a, b := newStudy(t)
	if _, err := UnitizedAgreement(p, leadViewer(t, p), []int64{a.ID}, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("one coder: %v", err)
	}
	if _, err := UnitizedAgreement(p, leadViewer(t, p), []int64{a.ID, a.ID}, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("same coder twice: %v", err)
	}
	if _, err := UnitizedAgreement(p, leadViewer(t, p), []int64{a.ID, b.ID}, []int64{42}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown document: %v", err)
	}
	if _, err := UnitizedAgreement(p, leadViewer(t, p), []int64{a.ID, 999}, nil); err == nil {
		t.Error("unknown coder accepted")
	}
	// No documents at all: every coefficient undefined, no error.
	r, err := UnitizedAgreement(p, leadViewer(t, p), []int64{a.ID, b.ID}, nil)
	if err != nil || r.UAlpha.Undefined == nil {
		t.Errorf("empty project: %v %+v", err, r)
	}
}
