// Package prose holds the one way Themis words things for people, wherever
// the words are made: a count with its noun ("1 code", "3 codes"), an excerpt
// of user text cut at a word, and user text escaped for Markdown so that it
// renders as written.
//
// Every package that writes such words uses these helpers — corpus' import
// warnings, store's change summaries, the report and codebook printouts, the
// CLI — so that the rules cannot drift apart. It is plain Go with no Themis
// imports, so domain packages may use it.
//
// Markdown escaping follows CommonMark and the common extensions (tables,
// strikethrough, attributes): the text is kept, not trimmed — leading and
// trailing blanks become character references rather than being dropped, so
// an indented line is neither a code block nor shortened. The report package's
// fuzz tests render the escaped text with goldmark and compare it with the
// input.
package prose
