//go:build !bindings

package main

import "themis/app"

// checkDisplay refuses to start GTK without a display, which would panic.
func checkDisplay() error { return app.CheckDisplay() }
