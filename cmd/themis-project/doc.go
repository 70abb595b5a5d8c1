// Command themis-project runs the commands of themis (see cmd/themis) that
// work on a project file: new, demo, import, docs, text, coders, segments,
// agreement, codebook, cases, scan, search, summary, cooccurrence, quotes,
// report and journal. themis executes it, with the same arguments, from its
// own directory; it is a binary of its own so that themis, which links only
// the statistics, starts without initialising SQLite, bleve, excelize and
// goldmark. Run directly, it behaves exactly as themis does for these
// commands.
package main
