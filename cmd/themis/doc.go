// Command themis is the headless command-line tool over a Themis project:
// create projects, import transcripts, list documents and their text, import
// and export segments as CSV, list, export, import and version codebooks,
// compute agreement between coders, compute
// reliability from spreadsheets, and export quotes. It uses the same packages as the desktop app, so it gives
// the same numbers, and it needs neither a display nor cgo.
//
// Usage:
//
//	themis new FILE.themis [--lead NAME] [--framework keyes|themes|outcomes-star|empty]
//	themis demo FILE.themis
//	themis import FILE.themis TRANSCRIPT...
//	themis docs FILE.themis [--json]
//	themis text FILE.themis DOCUMENT
//	themis coders FILE.themis [--json]
//	themis segments import FILE.themis CODINGS.csv
//	themis segments export FILE.themis [--coder NAME]
//	themis agreement FILE.themis --coders A,B[,C...] [--docs NAME,NAME] [--codes NAME,NAME] [--unit character|turn|sentence|paragraph|segment|document|unitized] [--threshold P] [--bootstrap N --seed S --resample document|turn] [--by code|factor|document [--code NAME]] [--format text|csv|md|html] [--statistic NAME] [--json]
//	themis codebook list FILE.themis
//	themis codebook export FILE.themis [--format yaml|json|qdc|md|html|csv] [--framework NAME]
//	themis codebook import FILE.themis CODEBOOK.(yaml|json|qdc)
//	themis codebook history FILE.themis [--framework NAME]
//	themis codebook tag FILE.themis NAME [--note TEXT]
//	themis quotes FILE.themis --code NAME [--coder NAME] [--format md|html]
//	themis journal FILE.themis [--limit N] [--json]
//	themis reliability DATA.csv [--level nominal|ordinal|interval|ratio] [--order A,B,C] [--categories N] [--header] [--bootstrap N --seed S] [--json]
//	themis reliability --unitized SEGMENTS.csv --length L [--json]
//
// agreement with two coders reports Cohen's κ, Scott's π, Krippendorff's α,
// Gwet's AC1 and Brennan–Prediger per code, with factor and overall rows
// pooled (De Vries et al. 2008); with three or more it reports Fleiss' κ,
// α, AC1, Brennan–Prediger and percent agreement (Gwet's p_a; formula
// fleiss-alpha/v1; --format and --by document need two coders). --unit
// segment is MAXQDA's segment match (threshold 90 % unless --threshold
// says otherwise); --unit unitized prints Krippendorff's unitizing alphas
// (uα, |uα, cuα and (k)uα per code) for two or more coders. --resample turn
// bootstraps speaker turns instead of documents, for studies with few
// interviews.
//
// codebook export writes the active framework (or the one --framework
// names) to standard output: yaml and json in Themis' codebook format (see
// package frameworks), qdc as a REFI-QDA codebook, md and html as a printable
// appendix, csv for spreadsheets. codebook import adds a file as a new,
// active framework; a file that does not parse leaves the project unchanged
// and the error names its line. Agreement output names the codebook version
// its codes were applied under, as codebook history and tag record it.
//
// reliability reads a units × coders CSV (rows units, columns coders, an
// empty cell missing) and prints percent agreement (Gwet's p_a; with three
// or more coders also ReCal's pairwise average), Cohen's κ and Scott's π for
// two coders, Fleiss' κ (Gwet's generalisation to missing ratings), AC1,
// Brennan–Prediger and Krippendorff's α; see coding.ReliabilityWith. Text
// labels at the ordinal, interval or ratio level need --order (lowest
// first); --bootstrap takes at most 100,000 resamples, as agreement's does.
//
// reliability --unitized reads rows coder,start,end,category (end
// exclusive; an optional header row is skipped) over one continuum of
// length L, where a coder's units must not overlap, and prints uα, |uα, cuα
// and (k)uα per category; --json gives u_alpha, binary_u_alpha, cu_alpha
// (each {"value","undefined","ci"}) and k_u_alpha (category → the same).
//
// Commands that change the project take its write lock and fail with
// "project is open in another window" while the desktop app has it open;
// commands that only read work alongside the app. Every command exits
// non-zero with a message on standard error when it fails.
package main
