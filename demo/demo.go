package demo

import "embed"

// Files holds the bundled demo project: nine transcripts, the case
// attributes and the codings of two coders.
//
//go:embed transcripts/*.txt cases.csv codings.csv
var Files embed.FS
