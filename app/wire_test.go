package app

import (
	"fmt"
	"reflect"
	"testing"
)

// nilSlices lists where v holds a nil slice or map: JSON sends it as null,
// and the frontend's types (the generated wailsjs models) promise arrays and
// objects.
func nilSlices(v reflect.Value, path string) []string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return nilSlices(v.Elem(), path)
	case reflect.Struct:
		var out []string
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				out = append(out, nilSlices(v.Field(i), path+"."+f.Name)...)
			}
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return []string{path}
		}
		var out []string
		for i := 0; i < v.Len(); i++ {
			out = append(out, nilSlices(v.Index(i), fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return []string{path}
		}
	}
	return nil
}

// Every DTO a bound method returns has its slices non-nil, also where they
// are empty: no factors, no undo step, no blind mode, no bootstrap.
func TestBoundResultsCarryNoNilSlices(t *testing.T) {
	sv := newServices(t)
	ss, info := demoAs(t, sv, "Aisha")
	aisha, ben := info.Coders[0].ID, info.Coders[1].ID
	if _, err := sv.projects.SetBlindMode(false); err != nil {
		t.Fatal(err)
	}
	docs, err := sv.documents.List()
	if err != nil {
		t.Fatal(err)
	}
	codes, err := sv.coding.Codes()
	if err != nil {
		t.Fatal(err)
	}
	var code int64
	for _, c := range codes {
		if c.Codable {
			code = c.ID
			break
		}
	}
	check := func(name string) func(v any, err error) {
		return func(v any, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, p := range nilSlices(reflect.ValueOf(v), name) {
				t.Errorf("%s is nil: the UI gets null, not []", p)
			}
		}
	}
	check("Start")(sv.projects.Start())
	check("Info")(sv.projects.Info())
	check("List")(docs, nil)
	check("Get")(sv.documents.Get(docs[0].ID))
	check("Codes")(codes, nil)
	check("Segments")(sv.coding.Segments(docs[0].ID))
	check("Undo")(sv.coding.Undo())
	check("Redo")(sv.coding.Redo())
	check("History")(sv.coding.History())
	check("Frameworks")(sv.codebook.Frameworks())
	check("Builtins")(sv.codebook.Builtins())
	check("CodebookHistory")(sv.codebook.History(0))
	check("Compute")(sv.agreement.Compute(AgreementInput{CoderA: aisha, CoderB: ben, Codes: []int64{code}, Resample: "document"}))
	check("ComputeMulti")(sv.agreement.ComputeMulti(MultiAgreementInput{Coders: []int64{aisha, ben}, Codes: []int64{code}}))
	check("Unitized")(sv.agreement.Unitized([]int64{aisha, ben}, nil))
	check("Units")(sv.agreement.Units(), nil)
	check("Quotes")(sv.quotes.List(code, 0))
	check("Prepare")(ss.Prepare())
	check("Search")(ss.Search("nothing-matches-this-word", 0))

	// A codebook without factors: the table has no factor rows, and says so with [].
	if _, err := sv.codebook.CreateFramework("", "Flat"); err != nil {
		t.Fatal(err)
	}
	flat, err := sv.codebook.AddCode(0, CodeInput{Name: "Hope", Codable: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []int64{aisha, ben} {
		if _, err := sv.projects.SelectCoder(c); err != nil {
			t.Fatal(err)
		}
		if _, err := sv.coding.Apply(docs[0].ID, flat.ID, 0, 20); err != nil {
			t.Fatal(err)
		}
	}
	check("Compute(flat)")(sv.agreement.Compute(AgreementInput{CoderA: aisha, CoderB: ben, Resample: "document"}))
	check("ComputeMulti(flat)")(sv.agreement.ComputeMulti(MultiAgreementInput{Coders: []int64{aisha, ben}}))
}
