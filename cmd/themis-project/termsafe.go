package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"themis/store"
)

// safeWriter is what every command prints through: it replaces the control
// characters and bidirectional overrides that names may not hold
// (store.ControlRune) — other than line breaks and tabs, which the output
// itself is made of — with U+FFFD. Names are checked when they enter a
// project now, but an older project may hold an escape sequence in a coder's
// or a document's name, and printed raw it would reach the terminal.
type safeWriter struct {
	w        io.Writer
	terminal bool   // w is a terminal: even data is made safe
	pending  []byte // the start of a character split across writes
}

func newSafeWriter(w io.Writer) *safeWriter {
	sw := &safeWriter{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			sw.terminal = true
		}
	}
	return sw
}

func (s *safeWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(s.pending) > 0 {
		p = append(s.pending, p...)
		s.pending = nil
	}
	var out bytes.Buffer
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(p) {
			s.pending = append([]byte(nil), p...)
			break
		}
		if r != '\n' && r != '\t' && store.ControlRune(r) {
			out.WriteRune(utf8.RuneError)
		} else {
			out.Write(p[:size])
		}
		p = p[size:]
	}
	if _, err := s.w.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return n, nil
}

// Flush writes out a character left incomplete by the last write.
func (s *safeWriter) Flush() error {
	if len(s.pending) == 0 {
		return nil
	}
	p := s.pending
	s.pending = nil
	_, err := s.w.Write(bytes.ToValidUTF8(p, []byte(string(utf8.RuneError))))
	return err
}

// dataOut is where a command writes data rather than messages — a
// document's text, CSV, Markdown, HTML, JSON —, which must reach a file or a
// pipe exactly as stored; only a terminal gets it made safe.
func dataOut(out io.Writer) io.Writer {
	if s, ok := out.(*safeWriter); ok && !s.terminal {
		if err := s.Flush(); err != nil {
			return out
		}
		return s.w
	}
	return out
}

// jsonEscapes makes encoded JSON safe to print without changing what it
// says: encoding/json already writes C0 controls and U+2028/U+2029 as \u
// escapes, and this does the same for DEL, C1 controls and bidirectional
// overrides, which are valid in a JSON string only as what they are.
func jsonEscapes(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if store.ControlRune(r) && r >= 0x7f {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.Bytes()
}
