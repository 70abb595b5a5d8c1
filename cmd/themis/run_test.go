package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"themis/internal/cli"
)

// themis runs the command line in-process and returns stdout, stderr and the exit status.
func themis(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := themis(t, args...)
	if code != 0 {
		t.Fatalf("themis %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHelpListsEveryCommand(t *testing.T) {
	out := mustRun(t, "help")
	for _, c := range cli.Commands {
		if !strings.Contains(out, "  themis "+c.Name+" ") {
			t.Errorf("help does not list %s:\n%s", c.Name, out)
		}
	}
	if _, _, code := themis(t); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	if _, errOut, code := themis(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errOut)
	}
}

// TestThemisRunsTheLightCommands: themis handles exactly the commands the
// table marks light; the sibling's test checks it handles all the others.
func TestThemisRunsTheLightCommands(t *testing.T) {
	var light, here []string
	for _, c := range cli.Commands {
		if c.Light {
			light = append(light, c.Name)
		}
	}
	for name := range handlers {
		here = append(here, name)
	}
	sort.Strings(light)
	sort.Strings(here)
	if strings.Join(light, " ") != strings.Join(here, " ") {
		t.Errorf("themis handles %v; the commands marked light are %v", here, light)
	}
}

// TestThemisLinksOnlyTheStatistics keeps themis quick to start: every package
// a program links is initialised before main, and the project's packages
// bring SQLite, bleve, excelize and goldmark, about 40 ms of it. A command
// that needs them belongs in cmd/themis-project.
func TestThemisLinksOnlyTheStatistics(t *testing.T) {
	goTool := lookGo(t)
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	allowed := map[string]bool{"themis/cmd/themis": true, "themis/internal/cli": true, "themis/coding": true}
	for _, pkg := range strings.Fields(string(out)) {
		if !allowed[pkg] {
			t.Errorf("themis links %s; only %v may be linked (project commands run in %s)", pkg, allowed, cli.Sibling)
		}
	}
}

func lookGo(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	return goTool
}

// build builds the named command of this module into dir.
func build(t *testing.T, goTool, dir, name string) string {
	t.Helper()
	bin := filepath.Join(dir, name)
	if out, err := exec.Command(goTool, "build", "-o", bin, "themis/cmd/"+name).CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", name, err, out)
	}
	return bin
}

// runBin runs a built binary in dir and returns stdout, stderr and the exit status.
func runBin(t *testing.T, dir, bin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

func TestProjectCommandsRunInTheSibling(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both binaries")
	}
	goTool := lookGo(t)
	bin := t.TempDir()
	themisBin := build(t, goTool, bin, "themis")
	build(t, goTool, bin, cli.Sibling)
	work := t.TempDir()

	project := filepath.Join(work, "study.themis")
	if _, errOut, code := runBin(t, work, themisBin, "new", project, "--lead", "Aisha"); code != 0 {
		t.Fatalf("themis new: exit %d\n%s", code, errOut)
	}
	out, errOut, code := runBin(t, work, themisBin, "coders", project)
	if code != 0 || !strings.Contains(out, "Aisha") {
		t.Errorf("themis coders: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Exit statuses and messages are the sibling's, unchanged.
	if _, errOut, code := runBin(t, work, themisBin, "docs"); code != 2 || !strings.Contains(errOut, "themis docs: missing arguments\nusage: themis docs ") {
		t.Errorf("themis docs: exit %d, stderr %q; want 2 and the usage", code, errOut)
	}
	missing := filepath.Join(work, "missing.themis")
	if _, errOut, code := runBin(t, work, themisBin, "docs", missing); code != 1 || !strings.Contains(errOut, "missing.themis") {
		t.Errorf("themis docs missing.themis: exit %d, stderr %q; want 1 naming the file", code, errOut)
	}

	// A link to themis elsewhere (as on the PATH) finds the sibling beside
	// the file it points to.
	link := filepath.Join(t.TempDir(), "themis")
	if err := os.Symlink(themisBin, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if out, errOut, code := runBin(t, work, link, "coders", project); code != 0 || !strings.Contains(out, "Aisha") {
		t.Errorf("through a link: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestMissingSiblingIsNamed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds themis")
	}
	goTool := lookGo(t)
	alone := build(t, goTool, t.TempDir(), "themis")
	outside := t.TempDir() // not in the source tree, so go run cannot stand in
	_, errOut, code := runBin(t, outside, alone, "docs", "x.themis")
	want := "themis docs: this command runs in " + cli.Sibling + ", which is not beside " + alone
	if code != 1 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "make cli") {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut, want)
	}
	// The light commands need no sibling.
	if out, _, code := runBin(t, outside, alone, "help"); code != 0 || !strings.Contains(out, "themis reliability") {
		t.Errorf("help without the sibling: exit %d, %q", code, out)
	}
}

// TestGoRunRunsTheSibling: under go run ./cmd/themis there is no sibling
// beside the temporary binary, and go run builds it from the source tree.
func TestGoRunRunsTheSibling(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sibling with go run")
	}
	goTool := lookGo(t)
	alone := build(t, goTool, t.TempDir(), "themis")
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.themis")
	_, errOut, code := runBin(t, root, alone, "docs", missing)
	// go run reports any failure of the program as its own exit status 1.
	if code != 1 || !strings.Contains(errOut, "themis docs: ") || !strings.Contains(errOut, missing) {
		t.Errorf("exit %d, stderr %q; want the sibling's error naming %s", code, errOut, missing)
	}
}

// TestForeignSourceTreeIsNotRun: without its sibling, themis run inside a
// folder that merely looks like Themis' source (someone else's download)
// must not build and run the code in it; only the tree themis was built
// from stands in, under go run.
func TestForeignSourceTreeIsNotRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds themis")
	}
	goTool := lookGo(t)
	alone := build(t, goTool, t.TempDir(), "themis")
	foreign := t.TempDir()
	marker := filepath.Join(foreign, "ran")
	writeFile(t, foreign, "go.mod", "module themis\n\ngo 1.21\n")
	if err := os.MkdirAll(filepath.Join(foreign, "cmd", cli.Sibling), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(foreign, "cmd", cli.Sibling), "main.go",
		"package main\n\nimport \"os\"\n\nfunc main() { os.WriteFile("+strconv.Quote(marker)+", nil, 0o644) }\n")
	_, errOut, code := runBin(t, foreign, alone, "docs", "x.themis")
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("themis built and ran the foreign folder's themis-project")
	}
	if code != 1 || !strings.Contains(errOut, "which is not beside") {
		t.Errorf("exit %d, stderr %q; want 1 and where the sibling was looked for", code, errOut)
	}
}
