#!/usr/bin/env bash
# All the server benchmarks of issue 2, one after the other, with their summaries at the end.
# Each one can be run alone too: bench/server/{jmh,bulk,fleet,idle}.sh --help.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

usage() {
  cat <<EOF2
usage: bench/run-server-bench.sh [--only LIST] [--rounds N] [--quick] [--no-build] [--profile]

Runs, in this order, on this machine and on loopback only:
  jmh    framer + codec parse rate on one core           bench/server/jmh.sh
  bulk   8 connections flat out: sink, no store, SQLite  bench/server/bulk.sh
  fleet  5,000 connections, one line per write           bench/server/fleet.sh
  idle   as many idle connections as one process may hold, heap per connection
                                                         bench/server/idle.sh
then prints every summary (also saved under bench/target/results/).

  --only LIST  comma-separated subset of jmh,bulk,fleet,idle (default all)
  --rounds N   bulk and fleet run each receiver N times, alternating, and count the best run
               of each: the least disturbed by other work on this shared machine (default 3)
  --quick      smaller runs: JMH 1 s iterations, bulk 5m and fleet 1m readings
  --no-build   use the jars as they are (default: package cli/target/hilbench.jar once first)
  --profile    record JFR profiles of the server runs (bulk, fleet)
  -h, --help   this text

Exit status: 0 every target met, 1 a target missed or a run failed, 2 bad usage.
The server must be installed in ~/.m2 (./mvnw -q -o install -pl server -DskipTests).
EOF2
}

ONLY=jmh,bulk,fleet,idle QUICK=no BUILD=yes PROFILE=() ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --quick) QUICK=yes; shift ;;
    --no-build) BUILD=no; shift ;;
    --profile) PROFILE=(--profile); shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; echo "run-server-bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

status=0 summaries=()
run() { # run NAME SCRIPT ARGS...: runs one benchmark into its own results folder
  local name="$1" script="$2"
  shift 2
  local out
  out="$here/target/results/$name-$(date +%Y%m%d-%H%M%S)"
  echo "=== $name: $script $*" >&2
  HB_OUT="$out" "$here/server/$script" "$@" || status=1
  summaries+=("$out/summary.txt")
}

build=()
[ "$BUILD" = no ] && build=(--no-build)
if wants jmh; then
  if [ "$QUICK" = yes ]; then run jmh jmh.sh "${build[@]}" --quick; else run jmh jmh.sh "${build[@]}"; fi
fi
# The server jar is packaged by the first server benchmark only.
server_build=("${build[@]}")
next_build() { server_build=(--no-build); }
if wants bulk; then
  lines=(); [ "$QUICK" = yes ] && lines=(--lines 5m)
  run bulk bulk.sh "${server_build[@]}" "${PROFILE[@]}" --rounds "$ROUNDS" "${lines[@]}"; next_build
fi
if wants fleet; then
  lines=(); [ "$QUICK" = yes ] && lines=(--lines 1m)
  run fleet fleet.sh "${server_build[@]}" "${PROFILE[@]}" --rounds "$ROUNDS" "${lines[@]}"; next_build
fi
if wants idle; then
  run idle idle.sh "${server_build[@]}"; next_build
fi

echo
echo "===================== summaries ====================="
for s in "${summaries[@]}"; do
  if [ -f "$s" ]; then cat "$s"; else echo "(no summary: $s; the run failed early)"; fi
  echo
done
exit "$status"
