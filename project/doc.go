// Package project holds the use cases that the desktop app and the command
// line share, so that both give the same answers from the same inputs:
// creating projects (including the bundled demo), importing transcript files,
// what a coder may see under blind mode, character-level agreement over a
// project, quotes for a code, and segments as CSV.
//
// It composes the domain packages (corpus, coding, frameworks, report) over
// the project file (store). It never imports Wails: long work reports
// progress through a callback.
package project
