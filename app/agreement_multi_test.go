package app

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestComputeMultiAmongThreeCoders(t *testing.T) {
	sv := newServices(t)
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	aisha, ben := info.Coders[0].ID, info.Coders[1].ID
	info, err = sv.projects.AddCoder("Chen")
	if err != nil {
		t.Fatal(err)
	}
	chen := info.Current.ID
	// Chen codes again, a little later, what Ben coded in the first two documents.
	docs, _ := sv.documents.List()
	for _, d := range docs[:2] {
		segs, err := sv.coding.Segments(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range segs {
			if s.Coder == ben {
				if _, err := sv.coding.Apply(d.ID, s.Code, s.Start+2, s.End); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	sv.projects.SelectCoder(aisha)

	got, err := sv.agreement.ComputeMulti(MultiAgreementInput{Coders: []int64{aisha, ben, chen}, Documents: []int64{docs[0].ID, docs[1].ID}, Unit: "sentence", MinShare: 0.5, Bootstrap: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Coders) != 3 || got.Coders[2].Name != "Chen" || len(got.Documents) != 2 || got.Unit != "sentence" || got.MinShare != 0.5 ||
		got.Resamples != 50 || got.Seed != BootstrapSeed || got.Formula != "fleiss-alpha/v1" {
		t.Errorf("recorded inputs: %+v", got)
	}
	if len(got.PerCode) != 13 || len(got.PerFactor) != 3 || got.Overall.Kind != "overall" || got.PerFactor[0].Kind != "factor" || got.PerCode[0].Kind != "code" {
		t.Fatalf("%d codes, %d factors, kinds %q %q %q", len(got.PerCode), len(got.PerFactor), got.PerCode[0].Kind, got.PerFactor[0].Kind, got.Overall.Kind)
	}
	o := got.Overall
	if o.FleissKappa.Value == nil || o.FleissKappa.CI == nil || o.KrippendorffAlpha.Value != nil || !strings.Contains(o.KrippendorffAlpha.Undefined, "not pooled") {
		t.Errorf("overall row = %+v", o)
	}
	if len(o.Histogram) != 4 || len(o.Coded) != 3 || o.Units == 0 {
		t.Errorf("overall histogram %v, coded %v, units %d", o.Histogram, o.Coded, o.Units)
	}

	// The names the frontend reads.
	b, _ := json.Marshal(got)
	for _, key := range []string{`"coders":[{"id":`, `"perCode":[{"label":`, `"kind":"code"`, `"histogram":[`, `"coded":[`,
		`"percentAgreement":{"value":`, `"fleissKappa":{`, `"krippendorffAlpha":{`, `"gwetAC1":{`, `"brennanPrediger":{`, `"undefined":""`, `"ci":[`, `"resampling":"document"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}

	if _, err := sv.agreement.ComputeMulti(MultiAgreementInput{Coders: []int64{aisha}}); decodeUIError(t, err).Code != "invalid" {
		t.Errorf("one coder: %v", err)
	}
	if _, err := sv.agreement.ComputeMulti(MultiAgreementInput{Coders: []int64{aisha, ben, 999}}); err == nil {
		t.Error("unknown coder accepted")
	}

	// Blind mode: Chen may not compare.
	if _, err := sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	sv.projects.SelectCoder(chen)
	if _, err := sv.agreement.ComputeMulti(MultiAgreementInput{Coders: []int64{aisha, ben, chen}}); decodeUIError(t, err).Code != "invalid" {
		t.Errorf("Chen compared in blind mode: %v", err)
	}
}
