//go:build bindings

package main

// Generating bindings (wails generate module) runs the app without opening a
// window, so it needs no display.
func checkDisplay() error { return nil }
