package qdpx

import "flag"

// update rewrites the golden files in testdata (go test -update).
var update = flag.Bool("update", false, "rewrite the golden files in testdata")
