package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	w := func(s string) Term { return Term{Kind: Word, Text: s} }
	for _, tc := range []struct {
		q    string
		want Node
	}{
		{"walking", w("walking")},
		{"  walking  ", w("walking")},
		{`"out of the house"`, Term{Kind: Phrase, Text: "out of the house"}},
		{`"say \"no\""`, Term{Kind: Phrase, Text: `say "no"`}},
		{"Isolat*", Term{Kind: Prefix, Text: "isolat"}},
		{"organi?ation", Term{Kind: Wildcard, Text: "organi?ation"}},
		{"lonley~", Term{Kind: Fuzzy, Text: "lonley", Fuzziness: 1}},
		{"lonley~2", Term{Kind: Fuzzy, Text: "lonley", Fuzziness: 2}},
		{"a b", And{[]Node{w("a"), w("b")}}},
		{"a AND b", And{[]Node{w("a"), w("b")}}},
		{"+a -b", And{[]Node{w("a"), Not{w("b")}}}},
		{"a NOT b", And{[]Node{w("a"), Not{w("b")}}}},
		{"--a", w("a")},
		{"a OR b c", And{[]Node{Or{[]Node{w("a"), w("b")}}, w("c")}}},
		{"a (b OR c)", And{[]Node{w("a"), Or{[]Node{w("b"), w("c")}}}}},
		{"-(a b)", Not{And{[]Node{w("a"), w("b")}}}},
		{"and or", And{[]Node{w("and"), w("or")}}}, // operators are upper case
		{"10:30", w("10:30")},
		{"speaker:P003", Filter{Field: "speaker", Value: "P003"}},
		{`Document:"Interview 03"`, Filter{Field: "document", Value: "Interview 03"}},
		{"document:Inter*", Filter{Field: "document", Value: "Inter", Prefix: true}},
		{`document:"Inter"*`, Filter{Field: "document", Value: "Inter", Prefix: true}},
		{"excluded:TRUE", Filter{Field: "excluded", Value: "yes"}},
		{"role:patient", Filter{Field: "role", Value: "patient"}},
		{`"age group":65+`, Filter{Field: "age group", Value: "65+"}},
		{`code:"Social integration"@Aisha`, Filter{Field: "code", Value: "Social integration", Coder: "Aisha"}},
		{`code:Autonomy@"Ben Smith"`, Filter{Field: "code", Value: "Autonomy", Coder: "Ben Smith"}},
		{`code:Auto*@Ben`, Filter{Field: "code", Value: "Auto", Prefix: true, Coder: "Ben"}},
		{`code:"Social integration"@A -code:"Social integration"@B`, And{[]Node{
			Filter{Field: "code", Value: "Social integration", Coder: "A"},
			Not{Filter{Field: "code", Value: "Social integration", Coder: "B"}}}}},
		{"café zoë", And{[]Node{w("café"), w("zoë")}}},
		{"naïve-ish", w("naïve-ish")},
	} {
		t.Run(tc.q, func(t *testing.T) {
			got, err := ParseQuery(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %#v, want %#v", got, tc.want)
			}
			again, err := ParseQuery(got.String())
			if err != nil || !reflect.DeepEqual(again, got) {
				t.Errorf("String() %q parses to %#v, %v", got.String(), again, err)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	for _, tc := range []struct {
		q, want string
		at      int
	}{
		{"", "type something", 1},
		{"   ", "type something", 1},
		{`walk "out of`, "quote is not closed", 6},
		{"(walk", "“(” is not closed", 1},
		{"walk)", "“)” without a matching “(”", 5},
		{"()", "empty parentheses", 1},
		{"walk OR", "OR needs something after it", 6},
		{"OR walk", "OR needs something before it", 1},
		{"AND walk", "AND needs something before it", 1},
		{"walk AND", "AND needs something after it", 6},
		{"walk -", "nothing after “-”", 6},
		{"NOT", "NOT needs something after it", 1},
		{"walk~3", "1 or 2", 1},
		{"walk~x", "1 or 2", 1},
		{"~", "fuzzy search is one word", 1},
		{"*", "at least one letter before *", 1},
		{"?*?", "needs letters", 1},
		{"...", "no letters or digits", 1},
		{"speaker:", "speaker: needs a value", 1},
		{`code:""`, "code: needs a value", 1},
		{"excluded:maybe", "yes or no", 1},
		{"speaker:a@b@c", "", 0}, // not an error: @ belongs to code: only
		{"role:x@y", "", 0},
		{`role:"x"@y`, "@coder goes with code:", 9},
		{`code:x@`, "coder: needs a value", 8},
		{`"a"b`, "put a space after the closing quote", 4},
		{`"  "`, "empty phrase", 1},
		{strings.Repeat("(", 200) + "a" + strings.Repeat(")", 200), "too deeply nested", 0},
	} {
		t.Run(tc.q, func(t *testing.T) {
			_, err := ParseQuery(tc.q)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("err %v, want none", err)
				}
				return
			}
			se, ok := err.(*SyntaxError)
			if !ok || !strings.Contains(se.Msg, tc.want) {
				t.Fatalf("err %v, want a SyntaxError with %q", err, tc.want)
			}
			if tc.at > 0 && se.Offset+1 != tc.at {
				t.Errorf("at character %d, want %d", se.Offset+1, tc.at)
			}
		})
	}
}

// FuzzParseQuery: any input parses or fails with a SyntaxError, never
// panics, and what parses prints back to a query that parses the same.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"walking", `"out of the house"`, "isolat*", "lonley~2", "+a -b", "a OR (b c)",
		`code:"Social integration"@Aisha -code:x@Ben`, `"age group":65+`, "excluded:yes", `"a \" b"`, "café 🙂", "((", "-", "a~", `role:"x"*`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		n, err := ParseQuery(q)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("%q: %T %v, want a *SyntaxError", q, err, err)
			}
			return
		}
		again, err := ParseQuery(n.String())
		if err != nil {
			t.Fatalf("%q → %q: %v", q, n.String(), err)
		}
		if !reflect.DeepEqual(again, n) {
			t.Fatalf("%q → %q parses to %#v, want %#v", q, n.String(), again, n)
		}
	})
}
