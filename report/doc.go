// Package report turns coded quotes into documents a writer can use:
// Markdown, and a standalone HTML page rendered from that Markdown with
// goldmark.
//
// # Quotes are shown exactly
//
// A quote is transcript text, and transcript text is data, never markup: a
// participant who says "*really*", "# 1" or "<script>" must appear saying
// exactly that. [Markdown] therefore escapes every quote so that a
// CommonMark renderer shows it literally:
//
//   - the characters that are markup anywhere (\ ` * _ [ ] { } < > & # | ~ !)
//     are backslash-escaped wherever they occur;
//   - a character that would start a block at the beginning of a line
//     (- + = and an ordered-list marker such as "1." or "2)") is escaped there;
//   - a space or tab at the start or end of a line, which Markdown would
//     strip (or read as an indented code block, or a line break), is written
//     as a numeric character reference (&#32;, &#9;), and so is a backslash
//     at the end of a line (&#92;), which goldmark would otherwise misread
//     before the hard line break;
//   - every line break inside a quote becomes a hard line break ("\" at the
//     end of the line), so the lines stay inside one block quote and show as
//     lines; a trailing line break is kept as &#10;.
//
// The only changes made to quote text are those HTML cannot carry: invalid
// UTF-8 and NUL become U+FFFD, and "\r\n" or a lone "\r" become "\n" (stored
// transcripts already use "\n"). With that normalisation the escaping is
// lossless: the text content of each rendered block quote, with <br> read as
// a line break, equals the quote (checked by a fuzz test).
//
// # Trimmed quotes
//
// A starred quote may be trimmed: the writer omits words, and the project
// keeps the passage's span with the omitted ranges (cuts) beside it, never a
// shortened text. [TrimmedText] is the one function that writes a trimmed
// quote out — the app's display and every export call it — so the "…" and
// the spaces around it are the same everywhere: "a … b" inside, "…b" at the
// start, "a…" at the end, no space before closing punctuation ("a …, b").
//
// # Figures
//
// The agreement table, its HTML page and the methods paragraph print every
// coefficient and interval bound with coding.FormatCoefficient and every
// percentage with coding.FormatPercent, and read thresholds from the
// unrounded value ([Reading]), so a κ of 0.79989 is "0.7999" and
// "tentative" everywhere, never "0.800" beside "tentative", and a share just
// under 100 % is "> 99.9%". The CSV keeps full precision for software.
//
// [HTML] renders with goldmark's defaults, without html.WithUnsafe, so raw HTML
// could never pass through even if escaping failed.
//
// # CSV is data, never formulas
//
// AgreementCSV writes through internal/csvsafe, as every CSV writer in
// Themis does: a text cell beginning with = + - @, a tab or a carriage return
// (a code named =HYPERLINK(…)) gets a single quote in front so that a
// spreadsheet shows it as text instead of running it, while the counts and
// coefficients, negative κ included, stay numbers.
//
// # The themes report
//
// [ThemeReport] holds finished words and figures — headings per factor and
// code, definitions, prevalence sentences ([PrevalenceSentence]), agreement
// lines ([AgreementLine]), quotes with attribution and "coded by", the
// methods paragraph and matrices as [Table] — and the three renderers only
// lay it out, so Markdown, HTML and Word cannot say different things.
// [ThemeMarkdown] escapes every piece of data as quotes are escaped above;
// [ThemeHTML] is goldmark over it (with tables); [ThemeDocx] builds the Word
// document with github.com/gomutex/godocx on its default template: Word's
// built-in style ids (Title, Subtitle, Heading1–6, Quote, TableGrid, all in
// the template) so Word and LibreOffice see the structure, plus Definition
// and Attribution added here; every piece of text goes through docxSafe and
// docxRuns, so data stays text (a run, never markup or a field), and
// godocx's sorted parts and fixed timestamp make the same report the same
// file.
//
// # Terminal tables
//
// Every table themis agreement prints as text is rendered here:
// [AgreementText] (two coders, per code or per factor), [DocumentText] (two
// coders per document), [MultiText] and [MultiDocumentText] (three or more
// coders). Their columns follow coding.Statistics and
// coding.MultiStatistics and their figures coding.FormatCoefficient and
// FormatPercent; the per-document and multi-coder tables keep the ASCII
// headers ("kappa", "B-P") scripts already read. Golden files in testdata
// hold their exact output.
package report
