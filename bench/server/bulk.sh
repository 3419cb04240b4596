#!/usr/bin/env bash
# Bulk throughput: 8 connections stream classroom lines flat out (big writes, lines formatted
# before the clock starts) into, in turn, the raw C sink, the server without storage and the
# server with SQLite. Reports readings/s for each and the ratio to the sink, all in one run.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/measure.sh"

usage() {
  cat <<EOF2
usage: bench/server/bulk.sh [--lines N] [--connections N] [--only LIST] [--rounds N] [--no-build] [--profile]

Bulk streaming: N connections (default 8), each a node that says hello and then streams its
readings with 256 KiB writes, as fast as the receiver reads. Receivers, one after the other
with the same generator: the raw epoll sink (counts newlines), 'serve --store none' (readings
parsed and counted) and 'serve --store sqlite' (readings stored; the rows are counted in the
database after the server's graceful shutdown).

  --lines N        readings per receiver, k/m suffixes (default 20m)
  --connections N  connections (default 8)
  --rounds N       run every receiver N times, alternating (default 1); the best run of
                   each counts: on a shared machine, the one other work disturbed least
  --only LIST      comma-separated subset of: sink,none,sqlite (default all three)
  --no-build       use cli/target/hilbench.jar as it is (default: package it first)
  --profile        record a JFR profile of each server run in the results folder
  -h, --help       this text

Targets (issue 2): >= 2,000,000 readings/s parsed and counted without storage, >= 500,000
readings/s stored in SQLite. Exit status: 0 all targets met, 1 a target missed or a run failed,
2 bad usage. Results and logs go to bench/target/results/bulk-<time>/.
EOF2
}

LINES=20m CONNECTIONS=8 ONLY=sink,none,sqlite BUILD=yes PROFILE=no ROUNDS=1
while [ $# -gt 0 ]; do receiver_option "$@"; shift "$SHIFTED"; done
prepare_receiver_runs bulk

GEN=(--mode bulk --connections "$CONNECTIONS" --lines "$WANT" --duration 300 --device-prefix bulk)
run_receiver_rounds sink none sqlite

targets() {
  case "$1" in
    server-none) printf '>= 2,000,000/s counted\t%s' "$(verdict "$2" 2000000)" ;;
    server-sqlite) printf '>= 500,000/s stored\t%s' "$(verdict "$2" 500000)" ;;
    *) printf 'reference\t' ;;
  esac
}
print_results "bulk: $CONNECTIONS connections, $WANT readings per receiver, the same generator (hb-loadgen --mode bulk)" targets \
  | tee "$OUT/summary.txt"
if grep -q MISS "$OUT/summary.txt"; then FAILED=1; fi
exit "$FAILED"
