#!/usr/bin/env bash
# Fleet: thousands of connections, each writing one line per write() (one segment each), the
# generator flat out or paced. The realistic shape and the expensive one: one system call per
# reading on both sides. The server, storing in SQLite, must reach 0.9 of what the raw sink
# reaches with the same generator in the same run.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/measure.sh"

usage() {
  cat <<EOF2
usage: bench/server/fleet.sh [--connections N] [--lines N] [--rate R] [--warmup N] [--only LIST] [--rounds N] [--no-build] [--profile]

Fleet: N connections (default 5000) from 16 source addresses 127.0.0.1..16, each a node that
says hello and then writes one reading per write(), round robin, as fast as the generator can
(or paced to R readings/s in all). Receivers, one after the other with the same generator: the
raw epoll sink, then 'serve --store sqlite' (readings stored, rows counted afterwards).

  --connections N  connections (default 5000)
  --lines N        readings per receiver, k/m suffixes (default 2m)
  --rate R         readings/s over all connections; 0 = flat out (default 0)
  --warmup N       readings sent to each fresh server before the timed run, untimed and
                   from other devices, so that the JIT has compiled the hot paths (default 1m)
  --rounds N       run every receiver N times, alternating (default 1); the best run of
                   each counts: on a shared machine, the one other work disturbed least
  --only LIST      comma-separated subset of: sink,sqlite,none (default sink,sqlite)
  --no-build       use cli/target/hilbench.jar as it is (default: package it first)
  --profile        record a JFR profile of each server run in the results folder
  -h, --help       this text

Target (issue 2): the server, storage on, at >= 0.9 of the sink's rate. Exit status: 0 target
met, 1 missed or a run failed, 2 bad usage. Results go to bench/target/results/fleet-<time>/.
EOF2
}

CONNECTIONS=5000 LINES=2m RATE=0 ONLY=sink,sqlite BUILD=yes PROFILE=no ROUNDS=1 WARMUP=1m
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) RATE="$2"; shift 2 ;;
    *) receiver_option "$@"; shift "$SHIFTED" ;;
  esac
done
prepare_receiver_runs fleet
# Room for every fleet connection, and no idle timeout inside a run.
SERVE_OPTS=(--max-connections $(( CONNECTIONS + 100 )))

GEN=(--mode fleet --connections "$CONNECTIONS" --sources 16 --lines "$WANT" --rate "$RATE" --duration 300
     --device-prefix fleet)
run_receiver_rounds sink sqlite none

targets() {
  case "$1" in
    server-*)
      if [ -n "$SINK_RATE" ]; then
        printf '>= 0.9 x sink (%s/s)\t%s' "$(fmt_rate "$(calc "0.9 * $SINK_RATE")")" \
          "$(verdict "$(calc "$2 / $SINK_RATE")" 0.9)"
      else
        printf 'needs the sink run\t'
      fi ;;
    *) printf 'reference\t' ;;
  esac
}
pace="flat out"; [ "$RATE" = 0 ] || pace="paced to $RATE/s"
print_results "fleet: $CONNECTIONS connections, one reading per write(), $pace, $WANT readings per receiver, the same generator (hb-loadgen --mode fleet)" targets \
  | tee "$OUT/summary.txt"
if grep -q MISS "$OUT/summary.txt"; then FAILED=1; fi
exit "$FAILED"
