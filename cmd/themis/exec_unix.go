//go:build unix

package main

import (
	"os"
	"syscall"
)

// execute replaces this process with the program at path, so its exit
// status, signals and standard streams are the command's own.
func execute(path string, argv []string) error {
	return syscall.Exec(path, argv, os.Environ())
}
