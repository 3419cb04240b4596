#!/usr/bin/env bash
# Framer + codec parse rate on one core (JMH): bench/jmh, FramerCodecBenchmark.
. "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF2
usage: bench/server/jmh.sh [--only LIST] [--no-pin] [--quick] [--no-build] [-- JMH options...]

Builds bench/jmh (./mvnw -f bench/jmh/pom.xml package; the first build fetches JMH from Maven
Central) and runs FramerCodecBenchmark: LineFramer cutting a realistic classroom stream (hello,
CR LF and LF, one and two decimals, 0.1 % nan lines) into lines, LineCodec decoding each one,
with reads of 65536, 16384 and 1460 bytes and one line per read. Score: lines/s, one thread.
Then SqliteInsertBenchmark: SQLite alone with the server's readings table and settings, the
reference for the benchmarks with storage (rows/s), in big and in small transactions, bound with
executeBatch (as the server does) or one executeUpdate per row.

  --only LIST  comma-separated benchmark names or regexps (default FramerCodecBenchmark,
               SqliteInsertBenchmark)
  --no-pin     do not pin the benchmark JVM to one CPU (default: taskset -c 1, the JVM's
               compiler and GC threads included, so "one core" is literal)
  --quick      2 warm-up and 3 measured iterations of 1 s (default 4 x 2 s and 5 x 2 s)
  --no-build   use bench/jmh/target/benchmarks.jar as it is
  -- ...       further options for JMH itself (e.g. -- -p chunk=65536)
  -h, --help   this text

Target (issue 2): >= 10,000,000 lines/s for frameAndDecode. Exit status: 0 met at every chunk
size, 1 missed or failed, 2 bad usage. Results: bench/target/results/jmh-<time>/.
EOF2
}

PIN=yes QUICK=no BUILD=yes EXTRA=() BENCHMARKS=(FramerCodecBenchmark SqliteInsertBenchmark)
while [ $# -gt 0 ]; do
  case "$1" in
    --no-pin) PIN=no; shift ;;
    --quick) QUICK=yes; shift ;;
    --only) read -r -a BENCHMARKS <<<"${2//,/ }"; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; echo "jmh.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

make_out_dir jmh
BENCH_JAR="$BENCH_DIR/jmh/target/benchmarks.jar"
if [ "$BUILD" = yes ]; then
  # bench/jmh resolves the protocol module and its parent pom from ~/.m2, like any dependency.
  repo="$HOME/.m2/repository/dev/hilbench"
  if [ ! -d "$repo/hilbench-parent" ] || [ ! -d "$repo/hilbench-protocol" ]; then
    log "installing the parent pom and the protocol module into ~/.m2 (bench/jmh depends on them)"
    (cd "$ROOT" && ./mvnw -q install -N && ./mvnw -q install -pl protocol -DskipTests) >"$OUT/install.log" 2>&1 \
      || { tail -n 30 "$OUT/install.log" >&2; die "installing the protocol module failed (log: $OUT/install.log)"; }
  fi
  log "building bench/jmh"
  (cd "$ROOT" && ./mvnw -q -f bench/jmh/pom.xml package) >"$OUT/build.log" 2>&1 \
    || { tail -n 30 "$OUT/build.log" >&2; die "building bench/jmh failed (log: $OUT/build.log)"; }
fi
[ -f "$BENCH_JAR" ] || die "$BENCH_JAR does not exist (run without --no-build)"

RUN=("$JAVA" -jar "$BENCH_JAR" "${BENCHMARKS[@]}" -rf json -rff "$OUT/jmh.json")
[ "$QUICK" = yes ] && RUN+=(-wi 2 -w 1 -i 3 -r 1)
RUN+=("${EXTRA[@]}")
[ "$PIN" = yes ] && RUN=(taskset -c 1 "${RUN[@]}")
wait_for_quiet
log "running: ${RUN[*]}"
"${RUN[@]}" >"$OUT/jmh.log" 2>&1 || { tail -n 30 "$OUT/jmh.log" >&2; die "JMH failed (log: $OUT/jmh.log)"; }

{
  echo "jmh: one thread$([ "$PIN" = yes ] && echo ", pinned to CPU 1 (taskset -c 1)"); lines/s (rows/s for insert)"
  printf '%-16s %-22s %14s %14s  %s\n' benchmark "chunk / params" "per second" "99.9% error" verdict
  # insert scores transactions/s: times rows per transaction gives rows/s.
  jq -r '.[] | [(.benchmark | sub(".*\\."; "")),
                (if .params.chunk then .params.chunk else "\(.params.rows) rows/tx, \(.params.bind)" end),
                (.primaryMetric.score * ((.params.rows // "1") | tonumber)),
                (.primaryMetric.scoreError * ((.params.rows // "1") | tonumber))] | @tsv' "$OUT/jmh.json" \
    | while IFS=$'\t' read -r name chunk score err; do
        v=""
        case "$name" in
          frameAndDecode) v="$(verdict "$score" 10000000) (target >= 10,000,000)" ;;
          insert) v="rows/s: SQLite alone, the server's table" ;;
        esac
        printf '%-16s %-22s %14s %14s  %s\n' "$name" "$chunk" "$(fmt_rate "$score")" "± $(fmt_rate "$err")" "$v"
      done
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), kernel $(uname -r), $("$JAVA" -version 2>&1 | head -n 1)"
} | tee "$OUT/summary.txt"
if grep -q MISS "$OUT/summary.txt"; then exit 1; fi
