// Package demo bundles the sample project that Themis offers to new users.
//
// The content is entirely synthetic. It imitates a small qualitative
// evaluation of a social prescribing service, in which a GP or a community
// mental health team refers a patient to a link worker, who helps them join
// community activities such as a gardening project, an arts charity or a
// peer-led walking group. No transcript is a record of a real interview, and
// every person, place and organisation is invented; where a speaker would
// name a person or a place the text uses a placeholder such as "[name]" or
// "[town]".
//
// Contents of Files:
//
//   - transcripts/*.txt: nine interviews (five patients, two link workers, an
//     arts-charity provider and a commissioner). Each turn is a paragraph
//     starting with a speaker label ("Interviewer: ", "P001: ", "LW01: ",
//     "PR01: ", "C01: " ...); turns are separated by a blank line. The files
//     are UTF-8, NFC-normalised, LF-only, without a BOM or trailing
//     whitespace, and include non-ASCII text (é, ï, £, em dashes, curly
//     quotes and, in patient-004, two emoji outside the Basic Multilingual
//     Plane) so that code point offsets are exercised.
//   - cases.csv: one case per transcript with the attributes role,
//     nested_case (1 = gardening project, 2 = arts charity, 3 = peer-led
//     walking and peer support; empty for the commissioner), age_group and
//     referral_route (empty for staff).
//   - codings.csv: the coding of two coders, Aisha and Ben, with the 13
//     codes of Keyes' flourishing framework (Positive affect, Avowed quality
//     of life, Self-acceptance, Personal growth, Purpose in life,
//     Environmental mastery, Autonomy, Positive relations with others, Social
//     acceptance, Social actualisation, Social contribution, Social coherence,
//     Social integration). start and end are 0-based, end-exclusive Unicode
//     code point offsets into the transcript text, and text is the coded
//     substring. The two coders agree only partly (per-code Cohen's kappa
//     roughly 0.45 to 0.75), so the demo shows meaningful inter-coder
//     agreement statistics.
//
// codings.csv is generated: edit demo/gen/spec.txt and run
//
//	go run demo/gen/main.go
//
// from the repository root.
package demo
