// Command themis is the headless command-line tool over a Themis project:
// create projects, import transcripts, list documents and their text, import
// and export segments as CSV, compute agreement between two coders, and
// export quotes. It uses the same packages as the desktop app, so it gives
// the same numbers, and it needs neither a display nor cgo.
//
// Usage:
//
//	themis new FILE.themis [--lead NAME]
//	themis demo FILE.themis
//	themis import FILE.themis TRANSCRIPT...
//	themis docs FILE.themis [--json]
//	themis text FILE.themis DOCUMENT
//	themis coders FILE.themis [--json]
//	themis segments import FILE.themis CODINGS.csv
//	themis segments export FILE.themis [--coder NAME]
//	themis agreement FILE.themis --coders A,B [--docs NAME,NAME] [--unit character|turn|sentence|paragraph|document] [--threshold P] [--bootstrap N --seed S] [--by code|document [--code NAME]] [--format text|csv|md|html] [--statistic NAME] [--json]
//	themis quotes FILE.themis --code NAME [--coder NAME] [--format md|html]
//	themis journal FILE.themis [--limit N] [--json]
//	themis reliability DATA.csv [--level nominal|ordinal|interval|ratio] [--categories N] [--header] [--bootstrap N --seed S] [--json]
//
// Commands that change the project take its write lock and fail with
// "project is open in another window" while the desktop app has it open;
// commands that only read work alongside the app. Every command exits
// non-zero with a message on standard error when it fails.
package main
