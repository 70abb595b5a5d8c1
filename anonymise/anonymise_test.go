package anonymise

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestScanPositivesAndNegatives(t *testing.T) {
	speakers := []string{"Interviewer", "P003", "Link worker 2", "Sarah Whitfield"}
	cases := []struct {
		text string
		kind string // "" means nothing is found
		want string // the text of the finding
	}{
		{"Email me at jo.bloggs+sp@example.co.uk please.", KindEmail, "jo.bloggs+sp@example.co.uk"},
		{"Not an email: @sarah or name@ alone.", "", ""},
		{"Ring me on 07700 900123 tomorrow.", KindPhone, "07700 900123"},
		{"Ring me on 07700900123.", KindPhone, "07700900123"},
		{"It's +44 7700 900123, the mobile.", KindPhone, "+44 7700 900123"},
		{"The office is (020) 7946 0000.", KindPhone, "(020) 7946 0000"},
		{"Try 01632 960123 after nine.", KindPhone, "01632 960123"},
		{"My cousin is on +1 555 123 4567.", KindPhone, "+1 555 123 4567"},
		{"In Paris it's +33 1 42 68 53 00.", KindPhone, "+33 1 42 68 53 00"},
		{"I took 20 tablets over 3 weeks in 2019.", "", ""},
		{"Tuesdays and Thursdays, and sometimes a Saturday.", "", ""}, // days, not names
		{"We live near S60 2TH these days.", KindPostcode, "S60 2TH"},
		{"Send it to SW1A 1AA.", KindPostcode, "SW1A 1AA"},
		{"The M18 and the A630 were closed.", "", ""},
		{"NHS number 943 476 5919 on the card.", KindNHSNumber, "943 476 5919"},
		{"NHS number 943 476 5918 on the card.", "", ""}, // fails modulus 11
		{"My NI is AB 12 34 56 C.", KindNINumber, "AB 12 34 56 C"},
		{"My NI is AB123456C.", KindNINumber, "AB123456C"},
		{"Not an NI: QQ123456C or BG123456A.", "", ""},
		{"I was born on 12/03/1985 in Rotherham.", KindDate, "12/03/1985"},
		{"Date of birth: 3rd March 1962.", KindDate, "3rd March 1962"},
		{"It was a Tuesday, back in 2019.", "", ""},
		{"She lives at 14 Elm Tree Road now.", KindAddress, "14 Elm Tree Road"},
		{"I'm in Flat 3 at the moment.", KindAddress, "Flat 3"},
		{"See https://www.example.org.uk/groups for times.", KindURL, "https://www.example.org.uk/groups"},
		{"It's on www.example.com.", KindURL, "www.example.com"},
		{"Look at parkrun.org.uk for a run.", KindURL, "parkrun.org.uk"},
		{"Then I met Jenny Holt at the café.", KindName, "Jenny Holt"},
		{"Dr Okafor was very good.", KindName, "Okafor"},
		{"There's a lad called Kasimir there.", KindName, "Kasimir"},
		{"Sarah Whitfield: I go on Mondays.", KindName, "Sarah Whitfield"},
		{"Interviewer: How are you?", "", ""},
		{"P003: Fine, thanks.", "", ""},
		{"Link worker 2: We meet at the NHS centre, not the Council.", "", ""},
		{"Monday was hard, and March was worse.", "", ""},
		{"Well, my GP sent me to Age UK.", "", ""},
		{"Grace was there.", "", ""}, // a name that is also a word, opening a sentence
		{"I said to Zoë that it was fine.", KindName, "Zoë"},
	}
	for _, c := range cases {
		fs := Scan(c.text, Options{Names: speakers})
		if c.kind == "" {
			if len(fs) != 0 {
				t.Errorf("Scan(%q) = %+v, want nothing", c.text, fs)
			}
			continue
		}
		found := false
		for _, f := range fs {
			if f.Kind == c.kind && f.Text == c.want {
				found = true
			}
		}
		if !found {
			t.Errorf("Scan(%q) = %+v, want %s %q", c.text, fs, c.kind, c.want)
		}
	}
}

func TestValidNHSNumber(t *testing.T) {
	for _, c := range []struct {
		n    string
		want bool
	}{{"9434765919", true}, {"9434765918", false}, {"4010232137", true}, {"123456789", false}, {"12345678a0", false}} {
		if got := ValidNHSNumber(c.n); got != c.want {
			t.Errorf("ValidNHSNumber(%q) = %v, want %v", c.n, got, c.want)
		}
	}
}

func TestScanOffsetsAreCodePoints(t *testing.T) {
	text := "Zoë 😀 said: ring 07700 900123."
	fs := Scan(text, Options{})
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	f := fs[len(fs)-1]
	runes := []rune(text)
	if string(runes[f.Start:f.End]) != "07700 900123" || f.Kind != KindPhone {
		t.Errorf("finding %+v does not slice the text by code points", f)
	}
}

func checkFindings(t *testing.T, text string, fs []Finding) {
	t.Helper()
	runes := []rune(text)
	prevEnd := 0
	for _, f := range fs {
		if f.Start < prevEnd || f.End <= f.Start || f.End > len(runes) {
			t.Fatalf("bad span %+v after %d in %q", f, prevEnd, text)
		}
		if string(runes[f.Start:f.End]) != f.Text {
			t.Fatalf("Text %q != slice %q", f.Text, string(runes[f.Start:f.End]))
		}
		if f.Confidence <= 0 || f.Confidence > 1 {
			t.Fatalf("confidence %v out of range", f.Confidence)
		}
		prevEnd = f.End
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"Sarah: ring 07700 900123 or +44 (0)7700 900123", "AB 12 34 56 C 943 476 5919 S60 2TH",
		"born 12/03/85, 14 Elm Tree Road, www.x.org.uk", "Dr. O'Brien-Smith met Zoë 😀 Ünal", "\xff\xfe+((0", ""} {
		f.Add(s, "Sarah Whitfield")
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		checkFindings(t, text, Scan(text, Options{Names: []string{name}}))
	})
}

func TestScanEvalSetInvariants(t *testing.T) {
	for _, d := range buildEvalSet(1, 5) {
		checkFindings(t, d.Text, Scan(d.Text, Options{Names: d.Speakers}))
	}
}

func TestOccurrencesAreWholeWordsInAnyCase(t *testing.T) {
	for _, tc := range []struct {
		text, original string
		want           [][2]int
	}{
		{"Ann's daughter, ANN, and Annual Joanne", "Ann", [][2]int{{0, 3}, {16, 19}}},
		{"Zoë Ünal rang; zoë ünal again", "Zoë Ünal", [][2]int{{0, 8}, {15, 23}}},
		{"call 07700 900123.", "07700 900123", [][2]int{{5, 17}}},
		{"x@y.org,x@y.org", "x@y.org", [][2]int{{0, 7}, {8, 15}}},
		{"", "Ann", nil},
		{"Ann", "", nil},
	} {
		got := Occurrences(tc.text, tc.original)
		if len(got) != len(tc.want) {
			t.Errorf("Occurrences(%q, %q) = %v, want %v", tc.text, tc.original, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Occurrences(%q, %q) = %v, want %v", tc.text, tc.original, got, tc.want)
			}
		}
	}
	if s, ok := ReplaceWords("Ann and ann, not Annual", "ANN", "[Name 1]"); !ok || s != "[Name 1] and [Name 1], not Annual" {
		t.Errorf("ReplaceWords = %q, %v", s, ok)
	}
}
