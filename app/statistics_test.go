package app

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"themis/coding"
)

var updateStatistics = flag.Bool("update", false, "rewrite frontend/src/lib/statistics.gen.ts from coding.Statistics")

// statisticsFile is the frontend's copy of coding.Statistics and
// coding.MultiStatistics: generated, so that the UI's labels, symbols and
// help are the report's and the CLI's.
var statisticsFile = filepath.Join("..", "frontend", "src", "lib", "statistics.gen.ts")

func renderStatisticsFile() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated from coding.Statistics and coding.MultiStatistics (coding/statistics.go); DO NOT EDIT.\n")
	b.WriteString("// After changing them: go test -tags webkit2_41 ./app/ -run TestStatisticsFileIsCurrent -update\n\n")
	for _, l := range []struct {
		name string
		list []coding.StatisticInfo
	}{{"TWO_CODER_STATISTICS", coding.Statistics}, {"MULTI_CODER_STATISTICS", coding.MultiStatistics}} {
		data, err := json.MarshalIndent(l.list, "", "  ")
		if err != nil {
			return nil, err
		}
		b.WriteString("export const " + l.name + " = ")
		b.Write(data)
		b.WriteString(" as const;\n\n")
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func TestStatisticsFileIsCurrent(t *testing.T) {
	want, err := renderStatisticsFile()
	if err != nil {
		t.Fatal(err)
	}
	if *updateStatistics {
		if err := os.WriteFile(statisticsFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(statisticsFile)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what coding.Statistics says; run go test ./app/ -run TestStatisticsFileIsCurrent -update", statisticsFile)
	}
}
