// Package synth generates the synthetic corpus Themis measures itself on:
// interview transcripts from an evaluation of social prescribing, written by
// a seeded generator so that every run of a benchmark sees the same bytes.
//
// # What a transcript looks like
//
// A transcript opens with a one-line heading, then alternates an
// "Interviewer:" and a participant labelled with an ID ("P017:" for a
// patient, "LW03:" for a link worker, "PR02:" for a provider, "CM01:" for a
// commissioner). Interviewer turns are short questions and prompts;
// participant turns are longer answers of one to four paragraphs. Sentences
// vary from "Yeah." to long clauses joined by "because" and "but", with
// hesitations, transcription notes ("[laughs]", "[pause]", "[name]"), accented
// words (café, Zoë, naïve), an occasional emoji, and now and then a first
// name or a place, as real transcripts that were meant to be anonymised
// have. About one transcript in three carries a timestamp on every turn
// ("P017 (00:12:34): …"), advancing at a speaking pace.
//
// The vocabulary is the domain's (link workers, walking groups, allotments,
// benefits advice, loneliness, confidence), so that full-text queries built
// by [Queries] find realistic numbers of hits.
//
// # Size and determinism
//
// [Transcript] writes exactly the requested number of words, counted as
// corpus.CountWords counts them (labels and timestamps included). The same
// seed, index and size always give the same bytes, on every platform and Go
// release: the generator uses math/rand/v2's PCG, whose sequence is fixed.
// Each transcript has a stream of its own, derived from the corpus seed and
// its index, so [Spec.Files] and [Spec.Write] can be asked for any subset.
//
// [Budget] is the corpus the performance budgets (scripts/bench.sh) are
// stated for: 200 transcripts of 8,000 words.
//
// To import or profile the same corpus by hand,
// `go run ./internal/synth/cmd/synthcorpus DIR` writes it to a folder.
//
// The package has no dependency on the rest of Themis; it is for benchmarks
// and tests.
package synth
