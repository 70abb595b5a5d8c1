package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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

// inSourceTree reports whether the working directory is inside Themis'
// source, so that go run can build the sibling.
func inSourceTree() bool {
	dir, err := os.Getwd()
	if err != nil {
		return false
	}
	for {
		if f, err := os.Open(filepath.Join(dir, "go.mod")); err == nil {
			s := bufio.NewScanner(f)
			module := s.Scan() && strings.TrimSpace(s.Text()) == "module themis"
			f.Close()
			return module && exists(filepath.Join(dir, "cmd", cli.Sibling))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}
