// Package cli is what the two binaries of Themis' command line share: the
// table of commands with their help, the dispatch and its exit statuses, and
// the flag parsing.
//
// The command line is two programs, git-style. themis runs the commands that
// need only the statistics (help, reliability) and links nothing heavier
// than package coding, so it starts in a few milliseconds; every command
// over a project file runs in themis-project, its sibling, which links the
// store (SQLite), search (bleve), the importers (excelize) and the reports
// (goldmark) — about 40 ms of package initialisation before any command can
// start. themis hands those commands over by executing themis-project from
// its own directory (cmd/themis). This package must therefore stay as light
// as themis: the standard library and package coding only.
package cli
