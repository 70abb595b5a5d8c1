package app

import (
	"errors"
	"os"
	"runtime"
)

// ErrNoDisplay explains what to do when the desktop app cannot open a window.
var ErrNoDisplay = errors.New("Themis needs a graphical display, and neither DISPLAY nor WAYLAND_DISPLAY is set.\n" +
	"On a desktop, start it from your session; for a headless check run: xvfb-run make run\n" +
	"The command-line tool works without a display: go run ./cmd/themis help")

// CheckDisplay reports ErrNoDisplay on Linux without X11 or Wayland, where GTK
// would otherwise abort with a panic.
func CheckDisplay() error {
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return ErrNoDisplay
	}
	return nil
}
