// Package project holds the use cases that the desktop app and the command
// line share, so that both give the same answers from the same inputs:
// creating projects (including the bundled demo), importing transcript files,
// what a coder may see under blind mode, character-level agreement over a
// project, quotes for a code, and segments as CSV.
//
// The anonymisation check (Scan, Replace, FindOccurrences) looks for
// identifiers in the transcripts and in the names that carry them too:
// document names, case names, and text and category attribute values (memos
// do not exist yet). Findings say their place; a group of one text is
// replaced everywhere at once, texts and names in one transaction. After a
// replacement the original is nowhere the project keeps anything: store
// scrubs the journal and wipes the file, and Replace purges the search
// index from every folder it may live in (PurgeSearch), so the next search
// rebuilds it. The key linking pseudonyms to originals is only ever written
// to files the user chooses (WriteKeyFile, OpenKeyFile), never a .themis.
//
// It composes the domain packages (corpus, coding, frameworks, report) over
// the project file (store). It never imports Wails: long work reports
// progress through a callback.
package project
