package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// decoded is the text of a text-based file (.txt, .md, .vtt, .srt, .csv)
// after its encoding has been found and removed.
type decoded struct {
	text     string // valid UTF-8, byte-order mark removed, not yet normalised
	encoding string // "utf-8", "utf-16le", "utf-16be", "windows-1252", …
	warnings []string
}

// decodeText finds the encoding of data and converts it to UTF-8.
//
// With enc == "" it detects: a UTF-8 or UTF-16 byte-order mark; UTF-16
// without a mark when NUL bytes fall regularly on every other byte (ASCII
// text in UTF-16); UTF-8 when the bytes are valid UTF-8; else Windows-1252,
// with a warning. A named enc ("utf-8", "utf-16le", "windows-1252", or any
// WHATWG label such as "latin1" or "shift_jis") is used as given; invalid
// bytes in forced UTF-8 or UTF-16 are an error naming the line.
//
// Files with NUL bytes (outside UTF-16) or many control characters are
// refused as binary; invalid bytes are never silently replaced, because
// replacement would change what the researcher coded.
func decodeText(data []byte, enc string) (decoded, error) {
	if len(bytes.TrimSpace(data)) == 0 || (len(data) == 3 && string(data) == bom) {
		return decoded{}, ErrEmpty
	}
	name := strings.ToLower(strings.TrimSpace(enc))
	if name == "" {
		return detectEncoding(data)
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return decoded{}, detail(ErrUnknownEncoding, "%s: %q (use utf-8, utf-16le, utf-16be or windows-1252)", ErrUnknownEncoding, enc)
	}
	canon, _ := htmlindex.Name(e)
	switch canon {
	case "utf-8":
		body := bytes.TrimPrefix(data, []byte(bom))
		if bad := invalidUTF8At(body); bad >= 0 {
			off := len(data) - len(body) + bad
			return decoded{}, detail(ErrInvalidUTF8, "%s (line %d, byte offset %d)", ErrInvalidUTF8, lineAt(data, off), off)
		}
		return checkDecoded(decoded{text: string(body), encoding: "utf-8"})
	case "utf-16le", "utf-16be":
		big := canon == "utf-16be"
		if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
			big = data[0] == 0xFE
			data = data[2:]
			canon = map[bool]string{false: "utf-16le", true: "utf-16be"}[big]
		}
		s, err := decodeUTF16(data, big, 0)
		if err != nil {
			return decoded{}, err
		}
		return checkDecoded(decoded{text: s, encoding: canon})
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return decoded{}, ErrBinary
	}
	s, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, detail(ErrInvalidUTF8, "is not valid %s text", canon)
	}
	return checkDecoded(decoded{text: strings.TrimPrefix(string(s), bom), encoding: canon})
}

func detectEncoding(data []byte) (decoded, error) {
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE,
		len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		big := data[0] == 0xFE
		s, err := decodeUTF16(data[2:], big, 2)
		if err != nil {
			return decoded{}, err
		}
		return checkDecoded(decoded{text: s, encoding: map[bool]string{false: "utf-16le", true: "utf-16be"}[big]})
	case bytes.HasPrefix(data, []byte(bom)):
		body := data[3:]
		if bad := invalidUTF8At(body); bad >= 0 {
			return decoded{}, detail(ErrInvalidUTF8, "%s (line %d, byte offset %d)", ErrInvalidUTF8, lineAt(data, bad+3), bad+3)
		}
		return checkDecoded(decoded{text: string(body), encoding: "utf-8"})
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if big, ok := looksUTF16(data); ok {
			if s, err := decodeUTF16(data, big, 0); err == nil {
				d, err := checkDecoded(decoded{text: s, encoding: map[bool]string{false: "utf-16le", true: "utf-16be"}[big]})
				if err == nil {
					d.warnings = append(d.warnings, fmt.Sprintf("read as %s (no byte-order mark)", map[bool]string{false: "UTF-16LE", true: "UTF-16BE"}[big]))
				}
				return d, err
			}
		}
		return decoded{}, ErrBinary
	}
	if utf8.Valid(data) {
		return checkDecoded(decoded{text: string(data), encoding: "utf-8"})
	}
	// Not UTF-8: most likely a Western European file saved by an older
	// Windows program. Binary data has far more high and control bytes than
	// such text.
	high, ctrl := 0, 0
	for _, c := range data {
		switch {
		case c >= 0x80:
			high++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f':
			ctrl++
		}
	}
	if ctrl*10 > len(data) || len(data) >= 64 && high*10 > len(data)*3 {
		return decoded{}, ErrBinary
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, ErrBinary
	}
	d, err := checkDecoded(decoded{text: string(s), encoding: "windows-1252"})
	if err == nil {
		at := invalidUTF8At(data)
		d.warnings = append(d.warnings, fmt.Sprintf("read as Windows-1252 because it is not valid UTF-8 (first at line %d); choose another encoding if accented letters look wrong", lineAt(data, at)))
	}
	return d, err
}

// checkDecoded refuses decoded text that is empty or binary.
func checkDecoded(d decoded) (decoded, error) {
	if strings.TrimSpace(d.text) == "" || strings.TrimSpace(strings.TrimPrefix(d.text, bom)) == "" {
		return decoded{}, ErrEmpty
	}
	if strings.IndexByte(d.text, 0) >= 0 || controlHeavy(d.text) {
		return decoded{}, ErrBinary
	}
	return d, nil
}

// looksUTF16 reports UTF-16 without a byte-order mark: in the first 4 KiB,
// at least a quarter of the bytes on one parity are NUL and (almost) none on
// the other — the shape of mostly-ASCII text in UTF-16.
func looksUTF16(data []byte) (big, ok bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return false, false
	}
	n := min(len(data), 4096)
	var even, odd int
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := n / 2
	switch {
	case odd*4 >= half && even*50 <= half:
		return false, true // "a\x00" little-endian
	case even*4 >= half && odd*50 <= half:
		return true, true
	}
	return false, false
}

// plainText turns the bytes of a plain-text transcript into stored text,
// detecting the encoding. It is decodeText followed by finishText.
func plainText(data []byte) (string, error) {
	d, err := decodeText(data, "")
	if err != nil {
		return "", err
	}
	return finishText(d.text)
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
		if r < 0x20 {
			if r != '\t' && r != '\n' && r != '\r' && r != '\f' {
				ctrl++
			}
		} else if r >= 0x7F && r < 0xA0 {
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

// lineAt returns the 1-based line number of byte offset off in data.
func lineAt(data []byte, off int) int {
	if off < 0 || off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// decodeUTF16 converts UTF-16 (without its byte-order mark) to UTF-8,
// refusing an odd length and unpaired surrogates rather than replacing them.
// base is the byte offset of data in the file, for messages.
func decodeUTF16(data []byte, big bool, base int) (string, error) {
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if big {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	bad := func(unit int) error {
		line := 1
		for _, u := range units[:unit] {
			if u == '\n' {
				line++
			}
		}
		return detail(ErrInvalidUTF8, "is not valid UTF-16 text (line %d, byte offset %d)", line, base+2*unit)
	}
	if len(data)%2 != 0 {
		return "", bad(len(units))
	}
	for i := 0; i < len(units); i++ {
		switch u := units[i]; {
		case u >= 0xD800 && u < 0xDC00:
			if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] >= 0xE000 {
				return "", bad(i)
			}
			i++
		case u >= 0xDC00 && u < 0xE000:
			return "", bad(i)
		}
	}
	return strings.TrimPrefix(string(utf16.Decode(units)), bom), nil
}
