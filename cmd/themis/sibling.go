package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"themis/internal/cli"
)

// runSibling runs a command over a project file in themis-project, the
// binary beside this one (the directory of the executable, symbolic links
// followed, so a link to themis on the PATH works). Under go run, which
// builds themis alone, it is run with go run from the source tree. It
// returns only when it could not be run.
func runSibling(args []string) error {
	exe, err := os.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err != nil {
		return fmt.Errorf("cannot find %s: %w", cli.Sibling, err)
	}
	path := siblingPath(exe)
	if _, err := os.Stat(path); err == nil {
		return execute(path, append([]string{path}, args...))
	}
	if goTool, err := exec.LookPath("go"); err == nil && inSourceTree() {
		return execute(goTool, append([]string{"go", "run", "themis/cmd/" + cli.Sibling}, args...))
	}
	return fmt.Errorf("this command runs in %s, which is not beside %s: build both with 'make cli' (or 'go build -o %s ./cmd/%s' in the Themis source)",
		cli.Sibling, exe, siblingPath(exe), cli.Sibling)
}

// siblingPath is where themis-project belongs, beside the executable exe.
func siblingPath(exe string) string {
	name := cli.Sibling
	if strings.EqualFold(filepath.Ext(exe), ".exe") {
		name += ".exe"
	}
	return filepath.Join(filepath.Dir(exe), name)
}

// inSourceTree reports whether the working directory is inside the source
// tree this themis was built from — as under go run — so that go run can
// build the sibling from the same source. The tree is the one compiled in
// (the path of this file, absent under -trimpath), never merely a go.mod
// found above the working directory: themis run in someone else's folder
// must not compile and run the code in it.
func inSourceTree() bool {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return false
	}
	root := filepath.Dir(filepath.Dir(filepath.Dir(file))) // file is ROOT/cmd/themis/sibling.go
	dir, err := os.Getwd()
	if err != nil {
		return false
	}
	for !exists(filepath.Join(dir, "go.mod")) {
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
	return sameDir(dir, root) && exists(filepath.Join(root, "cmd", cli.Sibling))
}

func sameDir(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}
