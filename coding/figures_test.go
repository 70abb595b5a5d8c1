package coding

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
)

type figureCases struct {
	Coefficients []struct {
		Value float64 `json:"value"`
		Text  string  `json:"text"`
	} `json:"coefficients"`
	Percents []struct {
		Value float64 `json:"value"`
		Text  string  `json:"text"`
	} `json:"percents"`
}

// The table is shared with the frontend's format.test.ts.
func TestFormatFigures(t *testing.T) {
	data, err := os.ReadFile("testdata/figures.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases figureCases
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases.Coefficients {
		if got := FormatCoefficient(c.Value); got != c.Text {
			t.Errorf("FormatCoefficient(%v) = %q, want %q", c.Value, got, c.Text)
		}
	}
	for _, c := range cases.Percents {
		if got := FormatPercent(c.Value); got != c.Text {
			t.Errorf("FormatPercent(%v) = %q, want %q", c.Value, got, c.Text)
		}
	}
}

// Whatever the value, the printed figure is on the same side of every
// threshold as the value, and is the three-decimal rounding whenever that
// is.
func TestFormatCoefficientNeverCrossesAThreshold(t *testing.T) {
	for i := -20000; i <= 20000; i++ {
		for _, v := range []float64{float64(i) / 20000, Tentative + float64(i)*1e-9, Reliable + float64(i)*1e-9, 1 - float64(i)*1e-9} {
			s := FormatCoefficient(v)
			r, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%v printed %q", v, s)
			}
			for _, th := range []float64{Tentative, Reliable, 1} {
				if (v >= th) != (r >= th) {
					t.Fatalf("%v printed %q, on the other side of %v", v, s, th)
				}
			}
			if three := strconv.FormatFloat(v, 'f', 3, 64); len(s) > len(three) && !promoted(v, three) {
				t.Fatalf("%v printed %q though %q is on its side", v, s, three)
			}
		}
	}
}
