// Package app is the desktop shell's adapter: the services bound to the
// Svelte frontend through Wails. It translates between DTOs and the domain
// packages, turns errors into JSON the UI can read (see FormatError: the
// errs.Kind the UI branches on, a finer code and the message), emits
// progress events, and opens native dialogs. It holds no domain logic.
//
// Offsets in every DTO are Unicode code points, as stored; the frontend's
// API layer converts them to and from UTF-16 string indices.
//
// This is the only package besides main that imports Wails.
package app
