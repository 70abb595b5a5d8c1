// Package search is Themis' full-text search of speaker turns: a bleve index
// with one document per turn, a query syntax of its own shared by the
// search screen and `themis search`, and keyword-in-context results whose
// offsets are code points in the document.
//
// # The index
//
// Each turn is indexed with its text twice — "text" through bleve's English
// analyser (lower case, stop words out, Porter stemming: walking finds
// walked) and "exact" split into lower-case words and nothing more (for
// phrases, prefixes, wildcards and fuzzy words) — and with keyword fields:
// document, speaker, case, excluded (yes/no), the case's attributes under
// attr.NAME (NAME lower case, spaces as underscores: "Age group" is
// age_group), code (every code on a segment overlapping the turn), codeby
// ("code@coder") and coder; and the text of the memos on the turn (a
// document's memos on its first turn, a segment's on every turn it
// overlaps) under memo (all of them), memoshared (document memos) and
// memoby.CODER (a coder's memos on their own segments), so that blind mode
// can search only what it shows. What a hit shows — the turn's text with its
// code-point offset in the document, its speaker, case and document — is
// kept beside the index in turns.gob and in memory while it is open, not as
// bleve stored fields: loading those for every hit was most of the time a
// query with thousands of hits took. A hit's byte offsets map back to code
// points exactly.
// Turns are keyed "%08d.%07d" (document order, turn), so results sorted by
// key come in reading order.
//
// An index is built from a Source (a project: project.SearchSource; a
// generated corpus in the benchmarks). It lives in a folder of its own —
// for a project "NAME.themis-search" beside the project file, else the user
// cache or temporary directory (project.SearchDirs) — holding bleve's files
// in bleve/, the turn records in turns.gob, and themis-search.json, written last, which records the index
// format (FormatVersion), the source's identity (the project's path) and
// version (its newest journal entry, "journal:N"), and each document's order
// and turn count. A folder lock keeps a second Themis out (ErrBusy; it then
// uses the next folder).
//
// The index is a cache: Ensure opens it when it is current; when the source
// has moved on it re-indexes only the documents a ChangeSource names (coding
// and undo change one document's codes), else rebuilds it; a missing,
// partial (no themis-search.json), corrupt, foreign or older-format index is
// deleted and rebuilt. Progress reports documents done of total. Purge
// empties a folder outright, for when text taken out of the source must be
// gone from the cache too (a replaced identifier), not just out of date.
//
// # Queries
//
// ParseQuery reads:
//
//	walking              the word and its other forms
//	"out of the house"   a phrase, matched as written (common words included)
//	isolat*  organi?ation  prefix, wildcard (as written, not stemmed)
//	lonley~  lonley~2    within one or two edits
//	a b   a AND b        both (the default);  a OR b: either
//	                     (OR binds tighter: a b OR c is a AND (b OR c))
//	-a  NOT a  +a        must not, must not, must (as without +)
//	( … )                grouping
//	document:NAME speaker:NAME case:NAME excluded:yes|no coder:NAME
//	code:NAME code:NAME@CODER ATTRIBUTE:VALUE
//	memo:WORD memo:"a phrase" memo:WOR*
//	                     turns with a memo holding the word (stemmed), the
//	                     phrase or a word so beginning; in blind mode only
//	                     document memos and one's own memos on one's own
//	                     segments (project and code memos are on no turn)
//	                     filters, exact and case-insensitive; VALUE* is a prefix;
//	                     quote values with spaces: code:"Social integration"@Aisha
//
// "Turns coded Social integration by Aisha but not by Ben" is
// code:"Social integration"@Aisha -code:"Social integration"@Ben. A query
// of filters only (or only -words) matches whole turns. Errors say what is
// wrong and where: *SyntaxError for what cannot be read, *QueryError for an
// unknown field or a coder that blind mode hides (Options.Coders). A fuzzy,
// prefix or wildcard word longer than 64 letters, or with more than 8 * or ?,
// is refused as too complex before bleve builds its automaton, and bleve's
// own refusal of an automaton is reported the same way; messages cut the
// query they quote to 80 characters.
//
// # Results
//
// Query returns the hits of up to Options.Limit turns in reading order, with
// the number of matching turns per document (all of them, from a facet).
// Matched words with only spaces, punctuation or stop words between them
// form one hit, so a phrase is one hit; a hit's Before, Match and After are
// its keyword in context, cut at word boundaries.
package search
