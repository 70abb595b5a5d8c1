// Package corpus turns transcript files into the text Themis stores and the
// speaker turns that coders work through.
//
// # From file to Document
//
// [Parse] (or [ReadFile]) takes the bytes of one file and returns a
// [Document]: its name, format, encoding, text, a hash of that text, its
// word count, its speaker turns and warnings. [ParseWith] and
// [ReadFileWith] take [Options]; ReadFileWith reads the file in 1 MiB
// chunks and reports progress through a callback, so a 50 MB file keeps a
// progress bar moving. The format is chosen by the extension (any case):
//
//   - .txt, .text — plain text. The encoding is detected: a UTF-8 or UTF-16
//     byte-order mark; UTF-16 without one when NUL bytes fall regularly on
//     every other byte (with a warning); UTF-8 when the bytes are valid
//     UTF-8; otherwise Windows-1252, with a warning saying so.
//     Options.Encoding forces an encoding ("utf-8", "utf-16le", "utf-16be",
//     "windows-1252" or any WHATWG label such as "latin1" or "shift_jis");
//     invalid bytes in forced UTF-8 or UTF-16 are an error naming the line
//     and byte offset, never silently replaced. Document.Encoding says which
//     encoding was used.
//   - .md, .markdown — Markdown (CommonMark with tables) rendered as the
//     text a reader sees: heading marks, emphasis, link targets, code marks
//     and HTML tags go; link text and image alt text stay; list items keep
//     a "- " or "1. " bullet unless they start with a speaker label; table
//     cells are separated by tabs. "**Interviewer:** words" reads
//     "Interviewer: words".
//   - .docx — Word, read with archive/zip and encoding/xml: one line per
//     paragraph, tracked changes accepted (inserted text kept, deleted text
//     dropped, with a warning), text boxes as paragraphs of their own.
//   - .odt — OpenDocument text: content.xml's paragraphs and headings (also
//     in lists and frames), spans, text:s spaces, tabs and line breaks;
//     tracked changes accepted, notes and comments left out; bold from the
//     automatic and common styles.
//   - .rtf — Rich Text Format through a tokenizer: groups, control words,
//     \par \line \tab, \'hh in the \ansicpg code page (1252 by default),
//     \uN with \ucN fallbacks, \b for bold, \intbl…\cell…\row tables; font
//     and colour tables, style sheets, document information, pictures,
//     headers, footers, footnotes, comments, field instructions and every
//     {\*…} destination are skipped.
//   - .vtt (WebVTT) and .srt (SubRip) — cues: the WEBVTT header, NOTE, STYLE
//     and REGION blocks, cue identifiers and inline tags (<i>, <c.x>, <lang>,
//     <00:01.000>, <font>, {\an8}) are dropped and entities decoded; missing
//     blank lines, CRLF and a BOM are tolerated. The speaker of a cue is its
//     <v Name> voice tag, or a "Name:" (also "- Name:", ">> NAME:", "[Name]")
//     at the start of a cue line; a cue that names nobody continues the
//     turn before it. Consecutive cues of one speaker are merged into one
//     turn (warning "12 cues merged into 4 turns") whose timestamp is the
//     first cue's start; with no speakers at all a silence of 2 s or more
//     starts a new turn. A time line that cannot be read but is meant as
//     one (digits and time punctuation before "-->", such as
//     "00:00:00:500 --> 00:00:02,000") still starts a cue: its text is kept,
//     without a time, and a warning names the cue and its line, rather than
//     the cue being dropped or glued onto the one before.
//   - .csv (comma, semicolon or tab, whichever the first lines use
//     consistently), .tsv and .xlsx (the first sheet, cells as Excel shows
//     them) — a turns table, one turn per row. A first row naming its
//     columns is a header, case-insensitively: speaker, name, participant,
//     who (speaker); text, utterance, transcript, content, said (text);
//     time, timestamp, start, begin (time). Without a header two columns are
//     speaker | text, and three are time | speaker | text or speaker | text
//     | time, whichever column holds times. No column of text is
//     [ErrMissingColumn], naming the headers found. Empty rows and rows
//     without text are skipped with a warning ("3 empty rows skipped").
//
// In .docx, .odt and .rtf files, a table whose rows are turns (by the same
// rules, its speaker cells short labels, at least two rows) becomes turns,
// and speaker names in bold at the start of paragraphs ("Interviewer" or
// "Interviewer:" in bold, then the words) start turns when at least two
// paragraphs have them; a paragraph wholly in bold without a colon is a
// heading, not a label. Otherwise the paragraphs are lines and turns are
// found as in plain text.
//
// Every failure is a [*FileError] that names the file and wraps one of the
// sentinel errors ([ErrEmpty], [ErrBinary], [ErrInvalidUTF8], [ErrCorrupt],
// [ErrUnsupported], [ErrTooLarge], [ErrUnknownEncoding], [ErrBadPattern],
// [ErrMissingColumn]), so callers can both show the message and test it with
// errors.Is. Nothing panics on hostile input; every parser has a fuzz test.
//
// # Limits
//
// Files over [MaxFileSize] (64 MiB) are refused before they are read, and
// WebVTT and SubRip files over [MaxSubtitleSize] (16 MiB), whose cues cost
// several times the file in memory, before they are parsed. In
// .docx, .odt and .xlsx archives the number of entries is bounded (10,000),
// an archive declaring more than four times MaxFileSize in all, a part
// declaring more than MaxFileSize, or a part over 8 MiB expanding more than
// 500 times is refused as [ErrTooLarge] (a zip bomb), and parts are read
// through a limit so that a part lying about its size cannot exhaust memory.
// A file with NUL bytes (outside UTF-16) or more than 10% control
// characters is [ErrBinary]. RTF groups may nest 10,000 deep. The XML of a
// .docx or .odt may nest 512 elements deep (deeper is [ErrCorrupt], "XML
// nested more than 512 elements deep"), and hold at most 250,000 paragraphs
// and table cells ([ErrTooLarge]): each costs memory however little text it
// holds, so without the bound a small archive of empty or nested paragraphs
// took gigabytes. Paragraphs joined by deleted paragraph marks are appended,
// never copied again for each, so reading stays linear. A sheet is
// read up to 1,048,576 rows and 64 columns, and its rows may spread over at
// most 4,000,000 cells, counted from the XML before the sheet is read
// ([ErrTooLarge] otherwise): excelize builds a row with an empty cell for
// every column before its last value, so one cell in column XFD per row
// made a 7 kB workbook take 400 MB. A cell far to the right on a few rows
// is still read (and left out, beyond column 64). A .csv or .tsv in which a
// quote opens a cell and is never closed is [ErrCorrupt], naming the line
// where it opened, rather than every row below being read into that cell. Markdown with a line nested more
// than 32 quotes or list items deep (which would make parsing quadratic) is
// read as plain text, with a warning. Parsing is linear in the size of the
// file (see BenchmarkParseText50MB).
//
// # The stored text and the offset convention
//
// Document.Text is exactly what every offset in Themis counts: UTF-8,
// NFC-normalised, "\n" line endings, no byte-order mark, no trailing
// whitespace at the end of the document (see [Normalize]). Speaker labels stay
// in the text; turns point into it. For cue and table formats, and tables of
// turns in word-processor files, the text is one paragraph per turn written
// "Speaker: words", with a blank line between turns; the turn's ContentStart
// is just after "Speaker: ".
//
// Offsets are Unicode code points (not bytes, not UTF-16 units) into that
// text, 0-based, end exclusive — the REFI-QDA convention. "😀" is one code
// point, "é" is one code point after NFC even when the file spelled it as "e"
// plus a combining accent, "👩🏽‍⚕️" is five. Use [RuneLen] and [Slice] to
// measure and cut text in the same units; conversion to UTF-16 for the
// frontend happens at the app boundary, never here.
//
// # Speaker turns
//
// [DetectTurns] finds lines that begin with a speaker label —
// "Interviewer: …", "P003: …", "[id1] …" (QualCoder), "Speaker 1 (00:01:23): …",
// "00:01:23 Speaker 1: …", "**Interviewer:** …" (Markdown), or a label line
// such as "Speaker 1  0:03" (Otter) or "[Sarah Jones] 10:03:45" (Zoom)
// followed by the words on the next lines.
// A turn runs from its label to the next labelled line, with trailing
// whitespace excluded; text before the first label is a turn of its own with
// no speaker. Known role words, participant IDs, single capital letters and
// bracket tags such as [id1] count as labels wherever they occur; other
// capitalised names and all-caps words count only when the same label starts
// at least two lines, so a stray "Because: …" does not split a turn. When
// fewer than two lines carry a label, the document is cut into paragraphs
// (blocks separated by blank lines, or single lines when there are no blank
// lines), each a turn with no speaker.
//
// [LikelyInterviewers] proposes the speakers who look like the interviewer,
// for the import to leave out of coding: labels naming the role
// ([IsInterviewerLabel]: Interviewer, I, Int, Facilitator, Moderator,
// Researcher, Q, maybe numbered), else the one speaker who clearly asks
// most of the questions (turns ending in "?").
//
// Options.SpeakerPattern replaces this detection in the text-like formats
// (.txt, .md, .docx, .odt, .rtf): a Go regular expression matched at the
// start of each line, with a group named "speaker" and optionally one named
// "time"; each matching line starts a turn whose words begin after the
// match. A pattern that does not compile or has no speaker group is
// [ErrBadPattern] ([CompileSpeakerPattern] checks one for the import
// screen); a pattern that matches no line gives paragraph turns and a
// warning. Cue and table formats take speakers from their structure and
// ignore the pattern, with a warning. [SpeakerPresets] lists ready-made
// patterns: automatic, "Name:", "NAME:", "[Name]", "Name (00:01:02):",
// "00:01:02 Name:", "Name<Tab>" and "Name – ".
//
// Turn.Timestamp: for cues and table rows it is the start time normalised to
// "hh:mm:ss" (fractions dropped, e.g. "00:01:02"), empty when the turn's
// first cue has a time line that cannot be read; a table cell that is not
// a time is kept as written. For labels in text it is kept as written in
// the label ("01:24", "1:02:03", "00:01:23.450").
//
// Every non-whitespace code point of the text belongs to exactly one turn, and
// turns are sorted and do not overlap.
//
// # Warnings
//
// Document.Warnings are sentences for the import report, for example "read
// as Windows-1252 because it is not valid UTF-8 (first at line 3); …",
// "read as UTF-16LE (no byte-order mark)", "tracked changes accepted: …",
// "speaker names were taken from bold text at the start of paragraphs",
// "a table of 12 turns was read as speaker | text | time", "12 cues merged
// into 4 turns", "cue 2 (line 6): its time line "00:00:00:500 --> …" cannot
// be read; its text was kept, without a time", "columns read as time | speaker | text", "3 empty rows
// skipped", "only the first sheet ("Sheet1") was read; the workbook has 2",
// "the speaker pattern matched no line; the text is one turn per paragraph".
//
// The package is pure Go with no global mutable state and no dependency on
// Wails or the store.
package corpus
