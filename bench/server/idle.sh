#!/usr/bin/env bash
# Idle connections: how many silent connections the server holds, what stops it, and what each
# costs in heap. Generators and server are separate processes, each with its own descriptor
# limit (ulimit -Hn), so the default asks for more connections than the server may have: its
# own limit is then what stops it, and the run shows how it copes.
. "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF2
usage: bench/server/idle.sh [--connections N] [--measure M] [--generators K] [--no-build]

Starts 'serve --store sqlite --idle-timeout 0' and measures its live heap (jcmd
GC.class_histogram, after a full GC). Phase 1: M connections from K generator processes
(hb-loadgen --mode idle: each connection says hello, sends one reading, then stays silent);
once the server's count settles, /status gives the connections held and the heap is measured
again: (heap after - heap before) / connections held, with the classes that grew. Phase 2:
one more generator opens the remaining N - M connections, past the server's descriptor limit;
the connections it holds then are counted from its descriptors (at the limit neither /status
nor jcmd can get one), and the run checks that it recovers once they leave.

  --connections N  connections in all (default 20500: more than one process may hold here)
  --measure M      connections of phase 1, where the heap is measured (default 19000)
  --generators K   generator processes of phase 1 (default 2; each may open ulimit -Hn fds)
  --no-build       use cli/target/hilbench.jar as it is (default: package it first)
  -h, --help       this text

Targets (issue 2): hold >= 19,000 idle connections; heap per connection < 4 KB. Exit status:
0 both met, 1 missed or a run failed, 2 bad usage. Results: bench/target/results/idle-<time>/.
EOF2
}

CONNECTIONS=20500 MEASURE=19000 GENERATORS=2 BUILD=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$(count_of "$2")"; shift 2 ;;
    --measure) MEASURE="$(count_of "$2")"; shift 2 ;;
    --generators) GENERATORS="$2"; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; echo "idle.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$GENERATORS" =~ ^[1-9][0-9]*$ ]] || { echo "idle.sh: --generators must be a positive number" >&2; exit 2; }
[ "$MEASURE" -le "$CONNECTIONS" ] || { echo "idle.sh: --measure must not exceed --connections" >&2; exit 2; }

make_out_dir idle
build_tools
ensure_server_jar "$BUILD"
FAILED=0

start_server idle sqlite --max-connections $(( CONNECTIONS + 1000 )) --idle-timeout 0
SERVER_FD_LIMIT="$(awk '/^Max open files/ { print $4 }' "/proc/$SERVER_PID/limits")"
FDS0="$(fd_count "$SERVER_PID")"
HEAP0="$(heap_live_bytes "$SERVER_PID" "$OUT/histogram-before.txt")"
RSS0="$(rss_kb "$SERVER_PID")"
log "before: live heap $(fmt_rate "$HEAP0") B, RSS $RSS0 kB, $FDS0 fds open (limit $SERVER_FD_LIMIT)"

# start_generators PREFIX COUNT PROCESSES: idle generators in the background, COUNT connections
# shared equally; waits until each says it is ready; sets OPENED to how many they opened.
start_generators() {
  local prefix="$1" count="$2" procs="$3" per g n
  per=$(( (count + procs - 1) / procs ))
  for g in $(seq 0 $(( procs - 1 ))); do
    n=$(( g == procs - 1 ? count - per * (procs - 1) : per ))
    "$LOADGEN" --port "$SERVER_PORT" --mode idle --connections "$n" --sources 32 --hold 900 \
      --first-lines 1 --device-prefix "$prefix$g" --connect-timeout 60 >"$OUT/$prefix-$g.out" 2>"$OUT/$prefix-$g.err" &
    BG_PIDS="$BG_PIDS $!"
  done
  local deadline=$(( $(date +%s) + 180 ))
  OPENED=0
  for g in $(seq 0 $(( procs - 1 ))); do
    until grep -q '^ready' "$OUT/$prefix-$g.out" 2>/dev/null; do
      [ "$(date +%s)" -lt "$deadline" ] || die "generator $prefix-$g was not ready within 180 s (see $OUT/$prefix-$g.*)"
      sleep 0.2
    done
    OPENED=$(( OPENED + $(kv "$(grep '^ready' "$OUT/$prefix-$g.out")" connected) ))
  done
}

# Connections the server holds: its descriptors beyond those it had before any connection.
# Works when /status cannot answer (at the descriptor limit it cannot accept an HTTP client).
held_by_fds() { echo $(( $(fd_count "$SERVER_PID") - FDS0 )); }

# Waits until the number of connections the server holds is the same three seconds in a row.
settle() {
  local last="" same=0 v
  for _ in $(seq 120); do
    v="$(held_by_fds)"
    if [ "$v" = "$last" ]; then same=$(( same + 1 )); else same=0; fi
    last="$v"
    [ "$same" -ge 3 ] && break
    sleep 1
  done
}

# Phase 1: MEASURE connections, below the limit, so that /status and jcmd (each needs a
# descriptor in the server) still work: connections held and heap per connection.
T0="$(now_ns)"
BG_PIDS=""
start_generators idle "$MEASURE" "$GENERATORS"
log "phase 1: generators report $OPENED connections open"
settle
T1="$(now_ns)"
HELD1="$(status_value "$STATUS_CONNECTIONS" || true)"
[ -n "$HELD1" ] || die "the server's /status did not answer with $STATUS_CONNECTIONS"
FDS1="$(fd_count "$SERVER_PID")"
HEAP1="$(heap_live_bytes "$SERVER_PID" "$OUT/histogram-after.txt")"
RSS1="$(rss_kb "$SERVER_PID")"
status_json >"$OUT/status-phase1.json" || true
log "phase 1: server holds $HELD1; live heap $(fmt_rate "$HEAP1") B, RSS $RSS1 kB, $FDS1 fds open"

# Phase 2: the rest, past the server's descriptor limit: how many can it hold, and does it cope?
EXTRA=$(( CONNECTIONS - MEASURE ))
HELD2="$HELD1" STATUS_AT_LIMIT="-" RECOVERED="-" OPENED2=0
if [ "$EXTRA" -gt 0 ]; then
  PHASE1_PIDS="$BG_PIDS"
  BG_PIDS=""
  start_generators more "$EXTRA" 1
  OPENED2="$OPENED"
  settle
  HELD2="$(held_by_fds)"
  if status_json >/dev/null 2>&1; then STATUS_AT_LIMIT=yes; else STATUS_AT_LIMIT=no; fi
  log "phase 2: $OPENED2 more opened by the generator; server holds $HELD2 (by its descriptors); /status answers: $STATUS_AT_LIMIT"
  for p in $BG_PIDS; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $BG_PIDS; do wait "$p" 2>/dev/null || true; done
  BG_PIDS="$PHASE1_PIDS"
  # Once the extra connections are gone, /status must answer again, with phase 1's count.
  RECOVERED=no
  for _ in $(seq 30); do
    v="$(status_value "$STATUS_CONNECTIONS" 2>/dev/null || true)"
    if [ -n "$v" ] && [ "$v" -le "$HELD1" ]; then RECOVERED="yes ($v open)"; break; fi
    sleep 1
  done
fi
SERVER_ERRORS="$(grep -ci 'too many open files' "$OUT/idle.server.log" || true)"

for p in $BG_PIDS; do kill -TERM "$p" 2>/dev/null || true; done
for p in $BG_PIDS; do wait "$p" 2>/dev/null || true; done
BG_PIDS=""
GEN_REPORT=""
for f in "$OUT"/idle-*.out "$OUT"/more-*.out; do
  [ -f "$f" ] || continue
  s="$(grep '^loadgen' "$f" || true)"
  GEN_REPORT="$GEN_REPORT
    $(basename "$f" .out): connected=$(kv "$s" connections) failed=$(kv "$s" connect_failed) closed_by_server=$(kv "$s" peer_closed) $(sed -n 's/.*\(first_error="[^"]*"\).*/\1/p' <<<"$s")"
done
stop_server

# The classes whose live bytes grew most between the two histograms.
top_growth() {
  awk 'FNR == NR && $1 ~ /^[0-9]+:$/ { before[$4] = $3; next }
       $1 ~ /^[0-9]+:$/ { d = $3 - before[$4]; if (d > 0) printf "%12d %s\n", d, $4 }' \
    "$OUT/histogram-before.txt" "$OUT/histogram-after.txt" | sort -rn | head -n 12
}

PER_CONN="$(calc "($HEAP1 - $HEAP0) / $HELD1")"
RSS_PER_CONN="$(calc "($RSS1 - $RSS0) * 1024 / $HELD1")"
{
  echo "idle: hb-loadgen --mode idle (hello + 1 reading per connection, then silent); server: serve --store sqlite --idle-timeout 0"
  echo "phase 1, $MEASURE connections from $GENERATORS generator processes:"
  echo "  server held (/status $STATUS_CONNECTIONS): $HELD1    target >= 19,000: $(verdict "$HELD1" 19000)"
  echo "  time to open and settle: $(printf %.1f "$(calc "($T1 - $T0) / 1e9")") s"
  echo "  live heap after full GC: $(fmt_rate "$HEAP0") B before, $(fmt_rate "$HEAP1") B held"
  echo "  heap per connection: $(fmt_rate "$PER_CONN") B    target < 4,096 B: $(awk -v v="$PER_CONN" 'BEGIN { print (v < 4096 ? "PASS" : "MISS") }')"
  echo "  RSS per connection (process memory: heap as committed, native buffers; not kernel socket buffers): $(fmt_rate "$RSS_PER_CONN") B"
  echo "  live bytes that grew most (bytes, class):"
  top_growth | sed 's/^/    /'
  if [ "$EXTRA" -gt 0 ]; then
    echo "phase 2, $EXTRA more connections from one more generator (the generator opened $OPENED2):"
    echo "  server held (its descriptors less those before): $HELD2 of $CONNECTIONS asked; its fd limit: $SERVER_FD_LIMIT, $FDS0 in use before any connection"
    echo "  'too many open files' reports in its log: $SERVER_ERRORS; /status answered at the limit: $STATUS_AT_LIMIT; after the extra generator left: $RECOVERED"
  fi
  echo "generators:$GEN_REPORT"
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), kernel $(uname -r), ulimit -Hn $(ulimit -Hn), $("$JAVA" -version 2>&1 | head -n 1)"
} | tee "$OUT/summary.txt"
if grep -q MISS "$OUT/summary.txt"; then FAILED=1; fi
exit "$FAILED"
