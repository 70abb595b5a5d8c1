// Command themis is the headless command-line tool over a Themis project:
// create projects, import transcripts, list documents and their text, list
// and add coders, import and export segments as CSV, compute agreement
// between coders, list, export, import and version codebooks, import case
// sheets and link cases to documents and speakers, check the transcripts for
// identifiers and replace them, search the turns, summarise the themes
// (prevalence per code and case attribute, co-occurrence), export quotes,
// write the themes report (Markdown, HTML or Word), read the journal, draw
// the double-coding plan and follow the coders' progress, send coders their
// copies and merge them back, exchange projects with other tools as REFI-QDA
// archives, and compute reliability from spreadsheets. It uses the same packages as the desktop
// app, so it gives the same numbers, and it needs neither a display nor cgo.
//
// Usage (one line per form of each command, as help lists them; a test keeps
// this block equal to internal/cli's command table):
//
//	themis new FILE.themis [--lead NAME] [--framework keyes|themes|outcomes-star|empty]
//	themis demo FILE.themis
//	themis import FILE.themis TRANSCRIPT|FOLDER... [--encoding utf-8|utf-16le|utf-16be|windows-1252] [--speaker-pattern REGEXP] [--preview] [--skip-errors] [--leave-out NAME,...]
//	themis docs FILE.themis [--json]
//	themis text FILE.themis DOCUMENT
//	themis coders FILE.themis [--json]
//	themis coders add FILE.themis NAME
//	themis coders adjudicator FILE.themis NAME|--none
//	themis segments import FILE.themis CODINGS.csv
//	themis segments export FILE.themis [--coder NAME]
//	themis agreement FILE.themis --coders A,B[,C...] [--docs NAME,... | --sample] [--codes NAME,...] [--unit character|turn|sentence|paragraph|segment|document|unitized] [--threshold P] [--bootstrap N --seed S --resample document|turn] [--by code|factor|document [--code NAME]] [--format text|csv|md|html] [--statistic NAME] [--json]
//	themis codebook list FILE.themis
//	themis codebook export FILE.themis [--format yaml|json|qdc|md|html|csv] [--framework NAME]
//	themis codebook import FILE.themis CODEBOOK.(yaml|json|qdc)
//	themis codebook history FILE.themis [--framework NAME]
//	themis codebook tag FILE.themis NAME [--note TEXT]
//	themis cases list FILE.themis [--json]
//	themis cases import FILE.themis SHEET.csv|xlsx [--name COLUMN] [--documents COLUMN|-] [--type COLUMN=text|number|date|category,...]
//	themis cases link FILE.themis DOCUMENT CASE|- [--speaker NAME]
//	themis cases exclude FILE.themis SPEAKER [--doc NAME] [--include]
//	themis scan FILE.themis [--json]
//	themis anonymise replace FILE.themis --text ORIGINAL (--with PSEUDONYM | --kind name|place|organisation|postcode|phone|email|nhs|ni|date|url) [--key KEY.csv]
//	themis search FILE.themis QUERY... [--json] [--limit N]
//	themis summary FILE.themis [--coder NAME | --consensus] [--by ATTRIBUTE] [--framework NAME] [--format text|csv|json]
//	themis cooccurrence FILE.themis [--coder NAME] [--framework NAME [--with NAME]] [--format text|csv|json] [--jaccard]
//	themis quotes FILE.themis --code NAME [--coder NAME] [--format md|html]
//	themis report FILE.themis [--framework NAME] [--coder NAME | --consensus] [--starred-only] [--memos] [--by ATTRIBUTE] --format md|html|docx -o OUT
//	themis reliability DATA.csv [--level nominal|ordinal|interval|ratio] [--order A,B,C] [--categories N] [--header] [--bootstrap N --seed S] [--json]
//	themis reliability --unitized SEGMENTS.csv --length L [--json]
//	themis plan FILE.themis --sample P [--by ATTRIBUTE] --coders A,B[,...] [--seed S] [--force] [--json]
//	themis progress FILE.themis [--done DOCUMENT | --undone DOCUMENT] [--json]
//	themis send FILE.themis --coder NAME OUT.themis|OUT.qdpx
//	themis merge FILE.themis COPY.themis|COPY.qdpx [--preview] [--json] [--skip-missing]
//	themis undo-merge FILE.themis [JOURNAL_ID]
//	themis qdpx export FILE.themis OUT.qdpx [--coders A,B] [--docs D1,D2]
//	themis qdpx import IN.qdpx FILE.themis [--preview] [--json] [--skip-missing]
//	themis journal FILE.themis [--limit N] [--json]
//	themis memos FILE.themis [--json]
//	themis memo add FILE.themis (--project | --document NAME | --code NAME | --segment ID) --text TEXT
//
// plan draws the reliability sample within each value of --by (documents
// without a value form their own stratum): P % of a stratum's documents
// rounded half up, at least one of a non-empty stratum when P > 0, picked by
// a PCG generator seeded with --seed, so the same command gives the same
// sample on every platform; see project.DrawPlan. Only the lead (--as, or
// the lead by default) draws it. progress --json gives coders (each with
// coder, assigned, done, coded, sample, sampleDone), sample and
// sampleComplete.
//
// send writes the copy a coder codes on their own machine, holding only that
// coder's layer (project.SendCopy); merge brings a returned copy (.themis or
// .qdpx) back in one journalled transaction, which undo-merge takes back
// whole; qdpx import creates FILE.themis when it is missing and otherwise
// merges, adding the documents the project lacks. merge and qdpx import
// --json give documents (matched, added, missing, differs), codes (matched,
// added, conflicts), coders (name → segments added), not_imported (kind →
// count), applied and journal; --preview writes nothing.
//
// agreement with two coders reports Cohen's κ, Scott's π, Krippendorff's α,
// Gwet's AC1 and Brennan–Prediger per code, with factor and overall rows
// pooled (De Vries et al. 2008); with three or more it reports Fleiss' κ,
// α, AC1, Brennan–Prediger and percent agreement (Gwet's p_a; formula
// fleiss-alpha/v1; --format and --by document need two coders). --unit
// segment is MAXQDA's segment match (threshold 90 % unless --threshold
// says otherwise); --unit unitized prints Krippendorff's unitizing alphas
// (uα, |uα, cuα, and per code the paper's (k)uα and the binary uα of the
// code against everything else) for two or more coders. --resample turn
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
// and per category (k)uα (eq. 13 of Krippendorff et al. 2016) and the binary
// uα of the category against everything else; --json gives u_alpha,
// binary_u_alpha, cu_alpha (each {"value","undefined","ci"}), k_u_alpha and
// binary_u_alpha_by_category (category → the same). A negative --length, or
// one so long that the exact sums would overflow, is refused.
//
// Coefficients are printed with three decimals, or more when three would
// show one reaching 0.667, 0.800 or 1 when it does not (0.79989 is 0.7999);
// percentages are never rounded to 100% or 0% unless exact ("> 99.9%",
// "< 0.1%"); see coding.FormatCoefficient. --json carries full precision.
//
// Every change a command makes is journalled under a person: the global
// --as NAME (accepted anywhere on the command line), else the project's lead
// (else the user logged in, for a project without one), so the audit trail
// names who worked from the command line as it names who worked in the app.
// The name must be one of the project's coders, so that a typo does not
// become one: a new person first adds themself with
// "themis coders add FILE NAME --as NAME". themis new takes --as as the lead
// when --lead is not given.
//
// Every project command prints through safeWriter (themis-project's
// termsafe.go): control
// characters and bidirectional overrides — which names may no longer hold,
// but an older project's may — are printed as U+FFFD, so a name cannot drive
// the terminal. Data (text, CSV, Markdown, HTML) written to a file or pipe is
// exact; JSON keeps such characters as \u escapes.
//
// themis itself runs help and reliability, and links nothing heavier than
// package coding, so that it starts in a few milliseconds; every other
// command works on a project file and runs in themis-project
// (cmd/themis-project), which themis executes from its own directory with
// the same arguments (sibling.go; package internal/cli holds the command
// table both share). themis-project links SQLite, bleve, excelize and
// goldmark, whose package initialisation alone is about 40 ms. When the
// sibling is missing, a project command says where it looked — except
// inside the source tree themis was built from, where it is run with go
// run, so that go run ./cmd/themis works for every command (never in
// another folder that merely has a go.mod saying module themis).
//
// scan lists likely identifiers in the transcripts, in document names,
// case names and attribute values, and in every memo; --json gives each
// one's place ("text", "speaker label", "document name", "case name",
// "attribute value", "memo"), its document, case and attribute, or its memo
// (id, what it is on, author), and code-point offsets into the text, the
// name or the memo. anonymise replace puts PSEUDONYM in place of every occurrence of
// ORIGINAL (whole words, any case) in the texts and those names, in one
// transaction, and prints how many occurrences changed where; without
// --with, --kind (name, place, organisation, postcode, phone, email, nhs, ni, date, url)
// picks the pseudonym the Anonymise tab would suggest ("[Name 3]" when
// [Name 1] and [Name 2] are taken). The original is then nowhere in the
// project: not in its journal, its free pages or write-ahead log, nor in the
// search index, which is rebuilt by the next search. --key adds rows
// pseudonym,original,kind,occurrences,documents to a CSV key file (created
// with its header, or added to; a file that is not a key file, a .themis
// path or a path among the project's own files is refused, before anything
// is replaced).
//
// cases list prints the cases with their typed attributes and, per
// document, its case and who speaks in it (--json: attributes, cases and
// documents in one object). cases import reads a case sheet (CSV or XLSX,
// one row a case): --name and --documents say which columns name the cases
// and their documents (by default case, name, participant or id, and
// document, transcript or file; - for no documents column), --type overrides
// the types inferred for attributes; a sheet that cannot be read leaves the
// project unchanged. cases link ties a document, or with --speaker one
// speaker in it, to a case (- unlinks); cases exclude leaves a speaker, such
// as the interviewer, out of coding and analysis, in one document (--doc) or
// every one, and --include takes them back.
//
// search runs the query syntax of the app's Search tab over the turns (see
// package search) and prints the hits by document with the match in
// [brackets]; --json gives document, start, end (code points), speaker and
// snippet per hit; --limit N gives the hits of the first N matching turns
// (0, the default, all of them). A query that cannot be read is a usage
// error that says why. The index is built from the project when it is
// missing or stale.
//
// Commands that change the project take its write lock and fail with
// "project is open in another window" while the desktop app has it open;
// commands that only read work alongside the app. Every command exits
// non-zero with a message on standard error when it fails.
package main
