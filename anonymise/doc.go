// Package anonymise finds likely identifiers in transcript text, so that a
// research team can check that transcripts which were meant to arrive
// anonymised really did.
//
// Scan is pure: it reads a string and returns findings with code-point
// offsets, sorted by start and never overlapping (where two detectors claim
// the same text, the longer finding wins, then the more confident). It
// changes nothing; replacing findings with pseudonyms is store's work
// (store.ReplaceEverywhere) and grouping them project's (project.Scan, which
// also runs Scan over document names, case names and attribute values).
// Occurrences finds a known original again as whole words in any case — in
// names where the detectors do not see it, and for `themis anonymise
// replace` — and ReplaceWords rewrites it (the journal's old entries).
//
// Kinds and what each detector accepts:
//
//   - email: local@domain.tld, Unicode letters allowed.
//   - url: http(s)://…, www.…, and bare host names with a common suffix
//     (.co.uk, .org.uk, .nhs.uk, .com, .org, .net, …).
//   - phone: UK numbers starting 0 with 10–11 digits ("07700 900123",
//     "(020) 7946 0000", "01632 960123"), +44 numbers (with or without
//     "(0)"), and international +CC numbers of 8–15 digits, grouped by single
//     spaces, hyphens or dots. Dates and counts are never read as numbers.
//   - postcode: the full UK pattern, outward and inward code ("S60 2TH",
//     "SW1A 1AA"), in capitals; an outward code alone is not a finding.
//   - nhs_number: ten digits, optionally grouped 3-3-4, passing the
//     modulus-11 check (ValidNHSNumber); ten digits that fail are not NHS
//     numbers.
//   - ni_number: two letters following HMRC's prefix rules, six digits and a
//     suffix A–D, spaced or not.
//   - date: a full date in any common form ("12/03/1985", "1985-03-12",
//     "12th March 1985", "March 12, 1985"), confident (0.92) after a birth
//     cue ("born", "DOB", "date of birth", "birthday"), less so (0.55)
//     without; a day and month, a month and year, or a year count only after
//     a birth cue. A weekday or a bare year ("Tuesday", "2019") is never a
//     finding.
//   - address: a house number, capitalised words and a street type ("14 Elm
//     Tree Road"), with a flat before it ("Flat 3, 22 Station Road"); "Flat 3"
//     alone; a named street without a number ("Bramble Close") less
//     confidently.
//   - name: the corpus's speaker names (Options.Names; role labels such as
//     "Interviewer", "Link worker 2" and IDs such as "P003" are ignored) found
//     anywhere; given names from the list shipped in data/first_names.txt
//     (about 2,400 names compiled for Themis), taking a capitalised surname
//     after them; and capitalised words after a title (Mr, Mrs, Dr) or a cue
//     ("my friend", "called", "my husband"), or a capitalised pair in
//     mid-sentence. Role words, days, months, words of the service (NHS, GP,
//     Council, Age UK) and common words opening a sentence are not names;
//     given names that are also words ("Grace", "Will") count only in
//     mid-sentence, with low confidence.
//
// Every finding carries a confidence in [0, 1]. The package measures itself
// on a labelled evaluation set it generates (evalset_test.go: synthetic
// social-prescribing interviews with planted identifiers of every kind and
// clean talk between them); run
//
//	go test ./anonymise -run '^$' -bench Recall -benchtime 1x -v
//
// for recall per kind and the false-positive rate, with every miss and false
// positive listed.
package anonymise
