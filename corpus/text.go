package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// plainText turns the bytes of a plain-text transcript into stored text.
//
// The file must be UTF-8, with or without a byte-order mark; a UTF-16 file
// that starts with its byte-order mark (as Windows Notepad writes "Unicode")
// is converted to UTF-8 first. Invalid UTF-8 is an error, never silently
// replaced, because replacement would change what the researcher coded.
func plainText(data []byte) (string, error) {
	if u, ok, err := fromUTF16(data); ok {
		if err != nil {
			return "", err
		}
		data = u
	}
	body := bytes.TrimPrefix(data, []byte(bom))
	if len(bytes.TrimSpace(body)) == 0 {
		return "", ErrEmpty
	}
	if bytes.IndexByte(body, 0) >= 0 {
		return "", ErrBinary
	}
	if !utf8.Valid(body) {
		if controlHeavy(string(body)) {
			return "", ErrBinary
		}
		off := len(data) - len(body) + invalidUTF8At(body)
		return "", fmt.Errorf("%w (byte offset %d)", ErrInvalidUTF8, off)
	}
	return finishText(string(body))
}

// finishText normalises extracted text, trims the whitespace at its end and
// refuses text that is empty or mostly control characters. The checks run on
// the text as it will be stored, so importing stored text again gives the
// same text.
func finishText(s string) (string, error) {
	s = strings.TrimRightFunc(Normalize(s), unicode.IsSpace)
	if strings.TrimSpace(s) == "" {
		return "", ErrEmpty
	}
	if strings.IndexByte(s, 0) >= 0 || controlHeavy(s) {
		return "", ErrBinary
	}
	return s, nil
}

// controlHeavy reports more than 10% control characters (C0, DEL, C1) other
// than tab, newline, carriage return and form feed, counted in code points
// (each invalid byte counting as one).
func controlHeavy(s string) bool {
	ctrl, n := 0, 0
	for _, r := range s {
		n++
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > n
}

// invalidUTF8At returns the byte offset of the first invalid UTF-8 sequence
// in b, or -1.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// fromUTF16 converts data to UTF-8 when it starts with a UTF-16 byte-order
// mark. ok is false when data is not UTF-16 with a BOM.
func fromUTF16(data []byte) (u []byte, ok bool, err error) {
	var big bool
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		big = false
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		big = true
	default:
		return nil, false, nil
	}
	bad := func(off int) error {
		return &detailError{
			msg: fmt.Sprintf("is not valid UTF-16 text (byte offset %d)", off),
			err: ErrInvalidUTF8,
		}
	}
	if len(data)%2 != 0 {
		return nil, true, bad(len(data) - 1)
	}
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i < len(data); i += 2 {
		if big {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	// Reject unpaired surrogates rather than replacing them.
	for i := 0; i < len(units); i++ {
		switch u := units[i]; {
		case u >= 0xD800 && u < 0xDC00:
			if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] >= 0xE000 {
				return nil, true, bad(2 + 2*i)
			}
			i++
		case u >= 0xDC00 && u < 0xE000:
			return nil, true, bad(2 + 2*i)
		}
	}
	return []byte(string(utf16.Decode(units))), true, nil
}
