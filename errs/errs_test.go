package errs

import (
	"errors"
	"fmt"
	"testing"
)

type queryErr struct{}

func (queryErr) Error() string { return "bad query" }
func (queryErr) Kind() Kind    { return Invalid }

func TestKindOf(t *testing.T) {
	sentinel := New(NotFound, "not found")
	tests := []struct {
		name string
		err  error
		want Kind
	}{
		{"nil", nil, Other},
		{"plain", errors.New("disk on fire"), Other},
		{"sentinel wrapped by %w", fmt.Errorf("segment 7: %w", sentinel), NotFound},
		{"E", E(TooLarge, "import", errors.New("64 MiB")), TooLarge},
		{"bare kind", fmt.Errorf("x: %w", Locked), Locked},
		{"kinder", fmt.Errorf("search: %w", queryErr{}), Invalid},
		{"outer wins", E(Conflict, "save", fmt.Errorf("x: %w", sentinel)), Conflict},
		{"Other passes through", E(Other, "op", sentinel), NotFound},
		{"joined", errors.Join(errors.New("a"), fmt.Errorf("b: %w", Forbidden)), Forbidden},
	}
	for _, tt := range tests {
		if got := KindOf(tt.err); got != tt.want {
			t.Errorf("%s: KindOf(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}

func TestIsByKindAndIdentity(t *testing.T) {
	a, b := New(Invalid, "invalid"), New(Invalid, "invalid")
	err := fmt.Errorf("%w: give the project a name", a)
	if !errors.Is(err, a) || !errors.Is(err, Invalid) {
		t.Errorf("%v should be a and Invalid", err)
	}
	if errors.Is(err, b) || errors.Is(err, NotFound) || errors.Is(err, Other) {
		t.Errorf("%v should be neither b, NotFound nor Other", err)
	}
	if got := err.Error(); got != "invalid: give the project a name" {
		t.Errorf("message %q", got)
	}
	if got := E(NotFound, "open", errors.New("no such file")).Error(); got != "open: no such file" {
		t.Errorf("E message %q", got)
	}
	if E(Invalid, "op", nil) != nil {
		t.Error("E of nil should be nil")
	}
}

func TestKindNames(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds() {
		n := k.String()
		if n == "" || seen[n] {
			t.Errorf("kind %d has name %q (empty or repeated)", k, n)
		}
		seen[n] = true
	}
	if Kind(200).String() != "error" {
		t.Errorf("an unknown kind should read as Other")
	}
}
