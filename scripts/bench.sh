#!/usr/bin/env bash
# Runs the project's benchmarks and prints a table of the figures beside the
# budgets, which budget() below holds. Budgets are checked here, by people, never by timed
# assertions in tests; the last column says "ok" or "OVER" where a budget is
# a number.
#
# Each benchmark prints one row (time per operation, memory, allocations);
# figures a benchmark reports itself (b.ReportMetric, b.SetBytes) follow on
# indented rows. A metric's unit reads "UNIT-what" ("s-import", "MB-peak-RSS",
# "ms-p95", "x-slower-than-read"); other units are printed as they are.
#
# BENCH names the blocks to run, all when it is empty or unset:
#   BENCH="cli coding" scripts/bench.sh     (or make bench BENCH=cli)
# Blocks: coding (statistics and transcript parsing: ./coding/ ./corpus/),
# hostile (the largest hostile files, peak heap),
# import, open, corpus (the 200 x 8,000-word corpus budgets), search,
# anonymise, cli (the command line as whole processes), themes (the theme
# summaries on the budget corpus with 40,000 segments), report (the themes
# report of 1,000 quotes to .docx), exchange (REFI-QDA import of the NVivo
# fixture as a new project, and a merge of a coder's copy of 20,000
# segments), themes-ui (the Themes tab's repaint after
# a filter change, per view, in jsdom: vitest bench in frontend/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
bin=$(mktemp -d)
trap 'rm -rf "$out" "$bin"' EXIT
started=$SECONDS
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
# want BLOCK... succeeds when BENCH selects one of the blocks.
want() {
  [ -z "${BENCH:-}" ] && return 0
  local b
  for b in "$@"; do
    case " $BENCH " in *" $b "*) return 0 ;; esac
  done
  return 1
}
{
  want coding && go test -run='^$' -bench=. -skip='^BenchmarkHostile' -benchmem -benchtime=5x ./coding/ ./corpus/ 2>&1
  # The hostile files of issue 13 ("Trust"), the largest each, once: each is
  # refused or read as it should be, with its peak heap.
  want hostile && go test -run='^$' -bench='^BenchmarkHostile' -benchmem -benchtime=1x ./corpus/ ./interop/ ./interop/qdpx/ 2>&1
  # One import of 200 transcripts is a few seconds of work: once is enough.
  want import && go test -run='^$' -bench='^BenchmarkImport200Transcripts$' -benchmem -benchtime=1x ./project/ 2>&1
  # Reading the NVivo for Mac REFI-QDA fixture (297 selections, two 600 kB
  # sources): the reader's share of the < 2 s import of issue 11.
  want import && go test -run='^$' -bench='^BenchmarkReadNVivo$' -benchmem -benchtime=20x ./interop/qdpx/ 2>&1
  want open && go test -run='^$' -bench='^BenchmarkOpenLargeDocument$' -benchmem -benchtime=20x ./project/ 2>&1
  # The corpus budgets: the generated 200 x 8,000 words read, imported and
  # indexed (in a child process, for its peak memory), queried and scanned.
  want corpus && go test -run='^$' -bench='^BenchmarkCorpus$' -benchmem -benchtime=1x ./project/ 2>&1
  # The theme summaries (issue 10): each view of the Themes tab on the budget
  # corpus with 40,000 segments of two coders; building the project is untimed.
  want themes && go test -run='^$' -bench='^BenchmarkThemes$' -benchmem -benchtime=5x ./project/ 2>&1
  # The reliability calculator (t-reliability): themis reliability in-process
  # (CSV parse, every statistic, JSON) on 4 coders x 100,000 units, and with
  # 1,000 bootstrap resamples; ./coding/ above has the same without the parse.
  want coding && go test -run='^$' -bench='^BenchmarkReliabilityCLI$' -benchmem -benchtime=20x ./cmd/themis/ 2>&1
  want coding && go test -run='^$' -bench='^BenchmarkReliabilityCLIBootstrap1000$' -benchmem -benchtime=2x ./cmd/themis/ 2>&1
  # The themes report: 1,000 starred quotes on the budget corpus to .docx
  # (the corpus and its 40,000 segments are built once, outside the timing).
  want report && go test -run='^$' -bench='^BenchmarkThemeReportDocx$' -benchmem -benchtime=3x ./project/ 2>&1
  # REFI-QDA exchange (issue 11): the NVivo fixture read and imported as a new
  # project, and a coder's copy of 20,000 segments merged (reading the copy
  # and copying the project file for each run are untimed).
  want exchange && go test -run='^$' -bench='^Benchmark(ImportNVivo|Merge20k)$' -benchmem -benchtime=3x ./project/ 2>&1
  # The Themes tab's repaint (issue 10): frontend/src/lib/__tests__/themes.bench.ts
  # in vitest bench, read from its JSON report and printed as benchmark rows
  # (mean as time/op, the samples as the count, median and slowest beside).
  # Needs frontend/node_modules (npm ci in frontend/ first).
  if want themes-ui; then
    (cd frontend && npx vitest bench --run --outputJson "$bin/themes-ui.json" src/lib/__tests__/themes.bench.ts >"$bin/themes-ui.log" 2>&1) &&
      node -e '
        const r = require(process.argv[1]);
        console.log("pkg: frontend/themes.bench.ts");
        for (const f of r.files) for (const g of f.groups) for (const b of g.benchmarks) {
          const view = g.fullName.split(": ").pop();
          // vitest reports a bench whose checks threw with no figures at all.
          if (typeof b.mean !== "number") { console.log(`FAIL BenchmarkThemesUI/${view}: no figures, the screen did not show the new ones`); process.exitCode = 1; continue; }
          console.log(`BenchmarkThemesUI/${view}\t${b.sampleCount}\t${Math.round(b.mean * 1e6)} ns/op\t${b.median.toFixed(2)} ms-median\t${b.max.toFixed(2)} ms-slowest`);
        }' "$bin/themes-ui.json" 2>&1 ||
      { echo "FAIL themes-ui (vitest bench):"; cat "$bin/themes-ui.log"; }
  fi
  for pkg in ./search/ ./anonymise/; do
    if want "$(basename "$pkg")" && ls "$pkg"*_test.go >/dev/null 2>&1 && grep -qs '^func Benchmark' "$pkg"*_test.go; then
      go test -run='^$' -bench=. -benchmem -benchtime=1x "$pkg" 2>&1
    fi
  done
  # The command line as a person meets it: whole processes of the built
  # binaries, start-up included, their CPU time (user + system) read from
  # each child's resource usage; the median of 20 runs (scripts/clibench).
  if want cli; then
    go build -o "$bin/themis" ./cmd/themis 2>&1 &&
      go build -o "$bin/themis-project" ./cmd/themis-project 2>&1 &&
      go run ./scripts/clibench -bin "$bin" -runs 20 2>&1
  fi
} >"$out" || true

# budget NAME prints the budget of a row as "text" or "text|limit", where the
# limit is in the row's unit (milliseconds for time/op).
budget() {
  case "$1" in
    BenchmarkCharacterAgreement) echo "< 500 ms (13 codes x 2 coders x 200 transcripts)|500" ;;
    BenchmarkBootstrap1000) echo "bootstrap, 1,000 resamples of 200 transcripts < 10 s|10000" ;;
    BenchmarkBootstrapTurns1000) echo "bootstrap, 1,000 resamples of 48,000 turns < 10 s|10000" ;;
    BenchmarkSegmentAgreement) echo "segment match, same workload < 500 ms|500" ;;
    BenchmarkDisagreements) echo "disagreement list for review, same workload (no budget set)" ;;
    BenchmarkMultiAgreementBootstrap) echo "3 coders, bootstrap 1,000 resamples < 10 s|10000" ;;
    BenchmarkMultiAgreement) echo "Fleiss/alpha, 13 codes x 3 coders x 200 transcripts < 500 ms|500" ;;
    BenchmarkUnitizedExclusive) echo "unitizing alphas, exclusive codes (uα, cuα computed) < 5 s|5000" ;;
    BenchmarkUnitized) echo "unitizing alphas, 13 codes x 2 coders x 200 transcripts < 5 s|5000" ;;
    BenchmarkReliability4x100000) echo "themis reliability, 4 coders x 100,000 units < 1 s|1000" ;;
    # The reliability calculator's CPU budgets (t-reliability block).
    BenchmarkReliabilityNominal4x100000) echo "every statistic, 4 coders x 100,000 nominal units with missing cells, parsed cells" ;;
    BenchmarkReliabilityNominal4x100000:ms-cpu) echo "CPU time, all threads|50" ;;
    BenchmarkReliabilityBootstrap1000) echo "the same with 1,000 bootstrap resamples < 2 s|2000" ;;
    BenchmarkReliabilityBootstrap1000:ms-cpu) echo "CPU time, all threads < 2 s|2000" ;;
    BenchmarkReliabilityCLI) echo "themis reliability in-process: read + parse the CSV, every statistic, JSON (no process start)" ;;
    BenchmarkReliabilityCLI:ms-cpu) echo "CPU < 50 ms, so that with process start the command can be < 80 ms|50" ;;
    BenchmarkReliabilityCLIBootstrap1000) echo "themis reliability --bootstrap 1000, in-process < 2 s|2000" ;;
    BenchmarkReliabilityCLIBootstrap1000:ms-cpu) echo "CPU time, all threads < 2 s|2000" ;;
    BenchmarkParseText) echo "part of: import 200 x 8,000 words < 20 s" ;;
    BenchmarkReadNVivo) echo "read the NVivo .qdpx fixture (297 selections, UTF-16 positions): part of importing it < 2 s|2000" ;;
    BenchmarkImport200Transcripts) echo "import from memory, no index (see BenchmarkCorpus/ImportIndex)" ;;
    BenchmarkOpenLargeDocument) echo "backend share of < 300 ms first paint (30,000 words, 2,000 segments)" ;;
    BenchmarkCorpus/Read) echo "read the same files as cat does — for the ratio" ;;
    BenchmarkCorpus/Read:MB/s) echo "cat read speed (warm page cache)" ;;
    BenchmarkCorpus/ImportIndex) echo "import+index 200×8,000 words < 20 s (.txt files into a new project)|20000" ;;
    BenchmarkCorpus/ImportIndex:s-import) echo "of which: parse and store, one transaction" ;;
    BenchmarkCorpus/ImportIndex:s-index) echo "of which: build the search index" ;;
    BenchmarkCorpus/ImportIndex:s-import-cpu) echo "CPU time of the import, all threads (wall time on a busy machine waits for a CPU)" ;;
    BenchmarkCorpus/ImportIndex:s-index-cpu) echo "CPU time of the indexing, all threads" ;;
    BenchmarkCorpus/ImportIndex:MB-peak-RSS) echo "peak memory < 500 MB|500" ;;
    BenchmarkCorpus/ImportIndex:x-slower-than-read) echo "import+index time / cat read time" ;;
    BenchmarkCorpus/ImportIndex:MB/s) echo "import+index speed, beside the cat read speed" ;;
    BenchmarkCorpus/Query) echo "one query, mean of 200 varied ones over the 200 x 8,000-word index" ;;
    BenchmarkCorpus/Query:ms-p95) echo "query p95 < 50 ms (every matching turn, with snippets)|50" ;;
    BenchmarkCorpus/Query:ms-p95-screen) echo "query p95 < 50 ms (the first 500 turns, as the search screen asks)|50" ;;
    BenchmarkCorpus/Query:hits/query) echo "hits per query, on average" ;;
    BenchmarkCorpus/Query:pct-no-hit) echo "queries that find nothing" ;;
    BenchmarkCorpus/Scan) echo "scan < 10 s (anonymisation, the whole 200 x 8,000-word project)|10000" ;;
    BenchmarkCorpus/Scan:s-cpu) echo "CPU time, all threads (the scan runs on every core)" ;;
    BenchmarkThemes/FirstRead) echo "first view after a change: reads the project (no budget; once per change)" ;;
    BenchmarkThemes/FirstRead:ms-cpu) echo "CPU time, all threads" ;;
    BenchmarkThemes/Summary) echo "prevalence, all coders, 200 x 8,000 words, 40,000 segments < 100 ms|100" ;;
    BenchmarkThemes/SummaryOneCoder) echo "prevalence, one coder < 100 ms|100" ;;
    BenchmarkThemes/SummaryPatients) echo "prevalence, attribute filter (role = patient) < 100 ms|100" ;;
    BenchmarkThemes/ByAttribute) echo "code x role matrix < 100 ms|100" ;;
    BenchmarkThemes/CaseCode) echo "case x code matrix (200 cases) < 100 ms|100" ;;
    BenchmarkThemes/Cooccurrence) echo "co-occurrence with Jaccard < 100 ms|100" ;;
    BenchmarkThemes/CellPassages) echo "drill-down into one cell, with context (no budget set)" ;;
    BenchmarkThemes/*:ms-cpu) echo "CPU time, all threads < 100 ms|100" ;;
    BenchmarkThemesUI/*:ms-median) echo "median filter change" ;;
    BenchmarkThemesUI/*:ms-slowest) echo "slowest filter change (a garbage collection lands in some)" ;;
    BenchmarkThemesUI/*) echo "< 200 ms (filter change repaints, jsdom; the backend's part is BenchmarkThemes)|200" ;;
    BenchmarkCLIStart) echo "CLI start, trivial command (CPU) < 0.02 s (themis help, median CPU time)|20" ;;
    BenchmarkCLIStart:ms-wall) echo "wall time, median (waits for a CPU on a busy machine)" ;;
    BenchmarkCLIStart:ms-cpu-fastest) echo "CPU time of the fastest run" ;;
    BenchmarkCLIReliability4x100000) echo "themis reliability 4 coders x 100,000 units, every statistic (CPU) < 0.08 s|80" ;;
    BenchmarkCLIReliability4x100000:ms-wall) echo "wall time, median" ;;
    BenchmarkCLIReliability4x100000:ms-cpu-fastest) echo "CPU time of the fastest run" ;;
    BenchmarkThemeReportDocx) echo "themes report of 1,000 quotes to .docx < 2 s (200 x 8,000 words, 40,000 segments)|2000" ;;
    BenchmarkThemeReportDocx:quotes) echo "quotes in the report" ;;
    BenchmarkThemeReportDocx:MB-docx) echo "size of the .docx" ;;
    BenchmarkImportNVivo) echo "import a .qdpx as new: NVivo, 297 selections, two ~600 kB sources < 2 s|2000" ;;
    BenchmarkMerge20k) echo "merge a coder's copy with 20,000 segments < 3 s (one transaction)|3000" ;;
    BenchmarkHostile*:MB-peak-heap) echo "peak heap < 300 MB reading any accepted or refused file (issue 13)|300" ;;
    BenchmarkHostile*:kB-file) echo "size of the hostile file" ;;
    BenchmarkHostile*) echo "hostile file, refused or read as it should be; memory/op is all it allocated" ;;
    *) echo "" ;;
  esac
}

# rows: one line per figure, tab-separated: key, label, value, unit.
rows() {
  awk '
  function num(v) { return v + 0 }
  /^pkg: / { print "pkg\t" $2 }
  /^Benchmark/ {
    name = $1; sub(/-[0-9]+$/, "", name)
    ns = mem = allocs = mbs = "-"
    extra = ""
    for (i = 3; i < NF; i += 2) {
      v = $i; u = $(i+1)
      if (u == "ns/op") ns = v
      else if (u == "B/op") mem = sprintf("%.1f MB", v / 1048576)
      else if (u == "allocs/op") allocs = v
      else extra = extra u "\t" v "\n"
    }
    print "main\t" name "\t" ns "\t" mem "\t" allocs
    n = split(extra, lines, "\n")
    for (j = 1; j <= n; j++) if (lines[j] != "") print "metric\t" name "\t" lines[j]
  }' "$out"
}

# fmt_time NS prints nanoseconds as ms, or as s from 10 s up.
fmt_time() {
  awk -v ns="$1" 'BEGIN {
    if (ns == "-") print "-"
    else if (ns >= 1e10) printf "%.2f s\n", ns / 1e9
    else printf "%.2f ms\n", ns / 1e6 }'
}

# fmt_metric UNIT VALUE prints "label<TAB>value with unit<TAB>number".
fmt_metric() {
  awk -v u="$1" -v v="$2" 'BEGIN {
    p = index(u, "-"); pre = substr(u, 1, p - 1); rest = substr(u, p + 1)
    if (p > 0 && (pre == "s" || pre == "ms" || pre == "MB" || pre == "x" || pre == "pct")) {
      shown = (pre == "x") ? sprintf("%.0f×", v) : (pre == "pct") ? sprintf("%.1f %%", v) : sprintf("%.2f %s", v, pre)
      if (pre == "MB") shown = sprintf("%.0f MB", v)
      printf "%s\t%s\t%s\n", rest, shown, v
    } else if (u == "MB/s") {
      printf "%s\t%.1f MB/s\t%s\n", "speed", v, v
    } else {
      printf "%s\t%s\t%s\n", u, (v == int(v)) ? sprintf("%d", v) : sprintf("%.3f", v), v
    }
  }'
}

verdict() { # verdict VALUE LIMIT
  [ -n "$2" ] || { echo ""; return; }
  awk -v v="$1" -v l="$2" 'BEGIN { print (v + 0 < l + 0) ? "ok" : "OVER" }'
}

printf '%-36s %12s %11s %11s  %-4s  %s\n' benchmark "time/op" "memory/op" "allocs/op" "" budget
printf '%s\n' "$(printf '%.0s-' {1..120})"
rows | while IFS=$'\t' read -r kind name a b c; do
  if [ "$kind" = pkg ]; then
    [ "$name" = "${lastpkg:-}" ] || printf 'package %s\n' "$name"
    lastpkg=$name
  elif [ "$kind" = main ]; then
    IFS='|' read -r text limit <<<"$(budget "$name")"
    ms=$(awk -v ns="$a" 'BEGIN { print (ns == "-") ? "" : ns / 1e6 }')
    printf '%-36s %12s %11s %11s  %-4s  %s\n' "$name" "$(fmt_time "$a")" "$b" "$c" \
      "$([ -n "$ms" ] && verdict "$ms" "$limit")" "${text:--}"
  else
    IFS=$'\t' read -r label shown value <<<"$(fmt_metric "$a" "$b")"
    IFS='|' read -r text limit <<<"$(budget "$name:$a")"
    printf '  %-34s %12s %11s %11s  %-4s  %s\n' "$label" "$shown" "" "" "$(verdict "$value" "$limit")" "$text"
  fi
done
printf '%s\n' "$(printf '%.0s-' {1..120})"
echo "$(nproc 2>/dev/null || echo '?') CPUs, $(go env GOVERSION), load average at the start $load, $((SECONDS - started)) s in all"
if grep -q -e '^FAIL' -e '^panic' -e '^--- FAIL' "$out"; then
  echo "Some benchmarks failed:" >&2
  cat "$out" >&2
  exit 1
fi
