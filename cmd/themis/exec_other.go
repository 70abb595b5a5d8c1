//go:build !unix

package main

import (
	"errors"
	"os"
	"os/exec"
)

// execute runs the program at path with this process's standard streams and
// exits with its status; where there is no exec(2) this is the nearest.
func execute(path string, argv []string) error {
	cmd := exec.Command(path, argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		os.Exit(0)
	case errors.As(err, &exit):
		os.Exit(exit.ExitCode())
	}
	return err
}
