// Package errs is Themis' vocabulary of error kinds: what sort of failure an
// error is (invalid input, not found, a conflict, forbidden, too large, the
// project locked …), independent of which package found it.
//
// It follows upspin's errors package in a small way. An *Error carries a
// Kind, the operation that failed and the error underneath; a Kind is itself
// an error, so errors.Is(err, errs.Invalid) asks "is this invalid input?"
// whatever the chain holds. Sentinels made with New (store.ErrInvalid,
// store.ErrNotFound …) keep their identity for errors.Is and also answer to
// their kind, so code that wraps a sentinel with %w needs no change.
//
// The package is plain Go with no dependencies, so every Themis package,
// domain packages included, may import it. app/ turns KindOf(err) into the
// "kind" of the JSON error the UI branches on; the CLI prints messages only.
package errs
