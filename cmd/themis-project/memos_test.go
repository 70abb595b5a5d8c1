package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"themis/store"
)

func TestMemoAddAndMemosList(t *testing.T) {
	_, project := newProjectWithTranscripts(t)
	mustRun(t, "coders", "add", project, "Ben")
	p, err := store.Open(project)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := p.DocumentByName("P003 interview")
	code, _ := p.CodeByName("Positive affect")
	ben, _ := p.CoderByName("Ben")
	seg, err := p.AddSegment(store.NewSegment{Document: doc.ID, Code: code.ID, Coder: ben.ID, Start: 40, End: 48}, ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--project", "--text", "Twenty interviews, two coders."}, "memo 1 added on the project\n"},
		{[]string{"--document", "P003 interview", "--text", "Recorded in a *café*."}, "memo 2 added on document “P003 interview”\n"},
		{[]string{"--code", "Positive affect", "--text", "Calm counts."}, "memo 3 added on code “Positive affect”\n"},
		{[]string{"--segment", strconv.FormatInt(seg.ID, 10), "--as", "Ben", "--text", "Relief, not joy?"}, "memo 4 added on segment 1\n"},
	} {
		out := mustRun(t, append([]string{"memo", "add", project}, tc.args...)...)
		if out != tc.want {
			t.Errorf("memo add %v printed %q, want %q", tc.args, out, tc.want)
		}
	}

	var list []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "memos", project, "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 {
		t.Fatalf("memos --json = %v", list)
	}
	want := []struct{ kind, target, author, text string }{
		{"project", "", "Aisha", "Twenty interviews, two coders."},
		{"document", "P003 interview", "Aisha", "Recorded in a *café*."},
		{"code", "Positive affect", "Aisha", "Calm counts."},
		{"segment", "segment 1 in P003 interview", "Ben", "Relief, not joy?"},
	}
	for i, w := range want {
		m := list[i]
		if m["kind"] != w.kind || m["target"] != w.target || m["author"] != w.author || m["text"] != w.text || m["created"] == "" {
			t.Errorf("memo %d = %v, want %+v", i+1, m, w)
		}
	}
	if list[3]["start"] != 40.0 || list[3]["end"] != 48.0 {
		t.Errorf("segment memo span = %v–%v", list[3]["start"], list[3]["end"])
	}
	text := mustRun(t, "memos", project)
	if !strings.HasPrefix(text, "id  kind") || !strings.Contains(text, "Relief, not joy?") {
		t.Errorf("memos printed\n%s", text)
	}
	if md := mustRun(t, "report", project, "--format", "md", "-o", "-", "--memos", "--by", "-"); !strings.Contains(md, "**Memo (Aisha, ") || !strings.Contains(md, "Calm counts.") {
		t.Errorf("report --memos lacks the code memo:\n%.800s", md)
	}
	if md := mustRun(t, "report", project, "--format", "md", "-o", "-", "--by", "-"); strings.Contains(md, "Calm counts.") {
		t.Errorf("report without --memos carries the code memo")
	}
	journal := mustRun(t, "journal", project, "--limit", "1")
	if !strings.Contains(journal, "memo.add") || !strings.Contains(journal, "Ben") {
		t.Errorf("the last memo is not journalled as Ben's:\n%s", journal)
	}
}

func TestMemoAddRefusesBadInputAndLeavesTheProject(t *testing.T) {
	_, project := newProjectWithTranscripts(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--text", "x"}, 2, "exactly one of"},
		{[]string{"--project", "--code", "Positive affect", "--text", "x"}, 2, "exactly one of"},
		{[]string{"--project"}, 2, "--text TEXT is needed"},
		{[]string{"--segment", "abc", "--text", "x"}, 2, "whole number"},
		{[]string{"--document", "Nobody", "--text", "x"}, 1, `--document "Nobody"`},
		{[]string{"--code", "No such code", "--text", "x"}, 1, `--code "No such code"`},
		{[]string{"--segment", "99", "--text", "x"}, 1, "segment 99"},
		{[]string{"--project", "--as", "Zed", "--text", "x"}, 1, "not a coder"},
	} {
		_, errOut, code := themis(t, append([]string{"memo", "add", project}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("memo add %v: exit %d, %q; want %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
	if _, errOut, code := themis(t, "memo", "list", project); code != 2 || !strings.Contains(errOut, "subcommand is add") {
		t.Errorf("memo list: exit %d, %q", code, errOut)
	}
	if out := mustRun(t, "memos", project); !strings.Contains(out, "has no memos") {
		t.Errorf("memos after refused adds printed %q", out)
	}
}
