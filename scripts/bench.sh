#!/usr/bin/env bash
# Runs the project's benchmarks and prints a table of the figures beside the
# budgets in DESIGN.md. Budgets are checked here, by people, never by timed
# assertions in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
{
  go test -run='^$' -bench=. -benchmem -benchtime=5x ./coding/ ./corpus/ 2>&1
  # One import of 200 transcripts is a few seconds of work: once is enough.
  go test -run='^$' -bench=Import -benchmem -benchtime=1x ./project/ 2>&1
  go test -run='^$' -bench=OpenLargeDocument -benchmem -benchtime=20x ./project/ 2>&1
} >"$out"
budget() {
  case "$1" in
    BenchmarkCharacterAgreement*) echo "< 500 ms (13 codes x 2 coders x 200 transcripts)" ;;
    BenchmarkBootstrap1000*) echo "bootstrap, 1,000 resamples of 200 transcripts < 10 s" ;;
    BenchmarkBootstrapTurns1000*) echo "bootstrap, 1,000 resamples of 48,000 turns < 10 s" ;;
    BenchmarkSegmentAgreement*) echo "segment match, same workload < 500 ms" ;;
    BenchmarkDisagreements*) echo "disagreement list for review, same workload (no budget set)" ;;
    BenchmarkMultiAgreementBootstrap*) echo "3 coders, bootstrap 1,000 resamples < 10 s" ;;
    BenchmarkMultiAgreement*) echo "Fleiss/alpha, 13 codes x 3 coders x 200 transcripts < 500 ms" ;;
    BenchmarkUnitizedExclusive*) echo "unitizing alphas, exclusive codes (uα, cuα computed) < 5 s" ;;
    BenchmarkUnitized*) echo "unitizing alphas, 13 codes x 2 coders x 200 transcripts < 5 s" ;;
    BenchmarkReliability4x100000*) echo "themis reliability, 4 coders x 100,000 units < 1 s" ;;
    BenchmarkParseText*) echo "part of: import 200 x 8,000 words < 20 s" ;;
    BenchmarkImport*) echo "import 200 x 8,000 words < 20 s (index: later)" ;;
    BenchmarkOpenLargeDocument*) echo "backend share of < 300 ms first paint (30,000 words, 2,000 segments)" ;;
    *) echo "-" ;;
  esac
}
printf '%-44s %12s %12s %12s  %s\n' benchmark "time/op" "memory/op" "allocs/op" budget
awk '/^Benchmark/ {
  ns = mem = allocs = "-"
  for (i = 2; i <= NF; i++) {
    if ($i == "ns/op") ns = sprintf("%.2f ms", $(i-1) / 1e6)
    if ($i == "B/op") mem = sprintf("%.1f MB", $(i-1) / 1048576)
    if ($i == "allocs/op") allocs = $(i-1)
  }
  print $1 "\t" ns "\t" mem "\t" allocs
}' "$out" | while IFS=$'\t' read -r name ns mem allocs; do
  printf '%-44s %12s %12s %12s  %s\n' "$name" "$ns" "$mem" "$allocs" "$(budget "$name")"
done
if grep -q '^FAIL' "$out"; then cat "$out"; exit 1; fi
rm -f "$out"
