package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
)

// ownUsage is a binary's own usage error type, as cmd/themis keeps one.
type ownUsage struct{ msg string }

func (e ownUsage) Error() string { return e.msg }
func (ownUsage) UsageError()     {}

func TestRunStatusesAndMessages(t *testing.T) {
	var handed []string
	handlers := map[string]Handler{
		"docs": func(args []string, out io.Writer) error {
			switch {
			case len(args) == 0:
				return ownUsage{"missing arguments"}
			case args[0] == "bad":
				return errors.New("bad.themis: not a project")
			}
			_, err := io.WriteString(out, "ok\n")
			return err
		},
	}
	elsewhere := func(args []string) error {
		handed = args
		return errors.New("not here")
	}
	tests := []struct {
		args            []string
		code            int
		stdout, stderr  string
		handedElsewhere string
	}{
		{nil, 2, "Commands:", "", ""},
		{[]string{"help"}, 0, "themis reliability", "", ""},
		{[]string{"docs", "x.themis"}, 0, "ok\n", "", ""},
		{[]string{"docs"}, 2, "", "themis docs: missing arguments\nusage: themis docs FILE.themis [--json]\n", ""},
		{[]string{"docs", "bad"}, 1, "", "themis docs: bad.themis: not a project\n", ""},
		{[]string{"frobnicate"}, 2, "", `themis: unknown command "frobnicate"`, ""},
		{[]string{"coders", "x.themis"}, 1, "", "themis coders: not here\n", "coders x.themis"},
	}
	for _, tt := range tests {
		handed = nil
		var out, errOut bytes.Buffer
		code := Run(tt.args, &out, &errOut, handlers, elsewhere)
		if code != tt.code || !strings.Contains(out.String(), tt.stdout) || !strings.Contains(errOut.String(), tt.stderr) ||
			strings.Join(handed, " ") != tt.handedElsewhere {
			t.Errorf("Run(%q) = %d, stdout %q, stderr %q, handed on %q; want %d, %q, %q, %q",
				tt.args, code, out.String(), errOut.String(), handed, tt.code, tt.stdout, tt.stderr, tt.handedElsewhere)
		}
	}
}

func TestParseTakesFlagsAnywhere(t *testing.T) {
	fs := newFlags()
	asJSON := fs.Bool("json", false, "")
	pos, err := Parse(fs, []string{"a.themis", "--json", "b"}, 1, 2)
	if err != nil || strings.Join(pos, " ") != "a.themis b" || !*asJSON {
		t.Errorf("Parse = %q, %v, json %v", pos, err, *asJSON)
	}
	var ue UsageError
	if _, err := Parse(newFlags(), nil, 1, 1); !errors.As(err, &ue) || ue.Msg != "missing arguments" {
		t.Errorf("no arguments: %v", err)
	}
	if _, err := Parse(newFlags(), []string{"a", "b"}, 1, 1); !errors.As(err, &ue) || ue.Msg != "unexpected argument b" {
		t.Errorf("one too many: %v", err)
	}
	if got := SplitList(" A, ,B ,"); strings.Join(got, "|") != "A|B" {
		t.Errorf("SplitList = %q", got)
	}
}

func newFlags() *flag.FlagSet { return flag.NewFlagSet("test", flag.ContinueOnError) }

// --as NAME may stand before the command's name; the sibling must still be
// handed every argument as given, since it records the name itself.
func TestRunPassesAsToTheSibling(t *testing.T) {
	var got []string
	var out, errOut strings.Builder
	code := Run([]string{"--as", "Ben", "docs", "study.themis"}, &out, &errOut, nil, func(args []string) error {
		got = args
		return nil
	})
	if code != 0 || strings.Join(got, " ") != "--as Ben docs study.themis" {
		t.Fatalf("exit %d, sibling got %q, stderr %q", code, got, errOut.String())
	}
	if code := Run([]string{"docs", "--as"}, &out, &errOut, nil, func([]string) error { return nil }); code != 2 {
		t.Errorf("--as without a name: exit %d, want 2", code)
	}
}
