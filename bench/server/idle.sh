#!/usr/bin/env bash
# Idle connections: how many silent connections the server holds, what stops it, and what each
# costs in heap. Generators and server are separate processes, each with its own descriptor
# limit (ulimit -Hn), so the default asks for more connections than the server can have: the
# server's own limit is then what stops it, and the run shows how it copes.
. "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF2
usage: bench/server/idle.sh [--connections N] [--generators K] [--no-build]

Starts 'serve --store sqlite', measures its live heap (jcmd GC.class_histogram, after a full
GC), opens N connections from K generator processes (hb-loadgen --mode idle: each connection
says hello, sends one reading, then stays silent), waits until the server's open-connection
count settles, measures the heap again, and reports (heap after - heap before) / connections
held, with the classes that grew. Then closes everything.

  --connections N  connections in all (default 20500: more than one process may hold here)
  --generators K   generator processes sharing them (default 2; each may open ulimit -Hn fds)
  --no-build       use cli/target/hilbench.jar as it is (default: package it first)
  -h, --help       this text

Targets (issue 2): hold >= 19,000 idle connections; heap per connection < 4 KB. Exit status:
0 both met, 1 missed or a run failed, 2 bad usage. Results: bench/target/results/idle-<time>/.
EOF2
}

CONNECTIONS=20500 GENERATORS=2 BUILD=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$(count_of "$2")"; shift 2 ;;
    --generators) GENERATORS="$2"; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; echo "idle.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$GENERATORS" =~ ^[1-9][0-9]*$ ]] || { echo "idle.sh: --generators must be a positive number" >&2; exit 2; }

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

# Each generator takes an equal share, its own device ids and its own source addresses' order.
T0="$(now_ns)"
BG_PIDS=""
per=$(( (CONNECTIONS + GENERATORS - 1) / GENERATORS ))
for g in $(seq 0 $(( GENERATORS - 1 ))); do
  n=$(( g == GENERATORS - 1 ? CONNECTIONS - per * (GENERATORS - 1) : per ))
  "$LOADGEN" --port "$SERVER_PORT" --mode idle --connections "$n" --sources 32 --hold 900 \
    --first-lines 1 --device-prefix "idle$g" --connect-timeout 60 >"$OUT/loadgen-$g.out" 2>"$OUT/loadgen-$g.err" &
  BG_PIDS="$BG_PIDS $!"
done
deadline=$(( $(date +%s) + 180 ))
for g in $(seq 0 $(( GENERATORS - 1 ))); do
  until grep -q '^ready' "$OUT/loadgen-$g.out" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "generator $g was not ready within 180 s (see $OUT/loadgen-$g.*)"
    sleep 0.2
  done
done
OPENED=0
for g in $(seq 0 $(( GENERATORS - 1 ))); do
  OPENED=$(( OPENED + $(kv "$(grep '^ready' "$OUT/loadgen-$g.out")" connected) ))
done
log "generators report $OPENED connections open (handshake done; the server may not have accepted all)"

# Wait for the server's count to settle: the same value three polls in a row, one second apart.
HELD="" same=0
for _ in $(seq 120); do
  v="$(status_value "$STATUS_CONNECTIONS" || true)"
  if [ -n "$v" ] && [ "$v" = "$HELD" ]; then same=$(( same + 1 )); else same=0; fi
  HELD="$v"
  [ "$same" -ge 3 ] && break
  sleep 1
done
[ -n "$HELD" ] || die "the server's /status has no $STATUS_CONNECTIONS"
T1="$(now_ns)"
FDS1="$(fd_count "$SERVER_PID")"
ESTABLISHED="$(ss -Htn state established "( sport = :$SERVER_PORT )" | wc -l)"
HEAP1="$(heap_live_bytes "$SERVER_PID" "$OUT/histogram-after.txt")"
RSS1="$(rss_kb "$SERVER_PID")"
status_json >"$OUT/status-held.json" || true
log "held: $HELD connections; live heap $(fmt_rate "$HEAP1") B, RSS $RSS1 kB, $FDS1 fds open"

# Still answering while full? One more /status round trip, and the server process is alive.
ALIVE=yes
kill -0 "$SERVER_PID" 2>/dev/null && status_json >/dev/null || ALIVE=no

for p in $BG_PIDS; do kill -TERM "$p" 2>/dev/null || true; done
for p in $BG_PIDS; do wait "$p" 2>/dev/null || true; done
BG_PIDS=""
GEN_ERRORS=""
for g in $(seq 0 $(( GENERATORS - 1 ))); do
  s="$(grep '^loadgen' "$OUT/loadgen-$g.out" || true)"
  GEN_ERRORS="$GEN_ERRORS
    generator $g: connected=$(kv "$s" connections) failed=$(kv "$s" connect_failed) closed_by_server=$(kv "$s" peer_closed) stopped_early=$(kv "$s" connect_stopped_early) $(sed -n 's/.*\(first_error="[^"]*"\).*/\1/p' <<<"$s")"
done
SERVER_ERRORS="$(grep -ci 'too many open files' "$OUT/idle.server.log" || true)"
stop_server

# The classes whose live bytes grew most between the two histograms.
top_growth() {
  awk 'FNR == NR && $1 ~ /^[0-9]+:$/ { before[$4] = $3; next }
       $1 ~ /^[0-9]+:$/ { d = $3 - before[$4]; if (d > 0) printf "%12d %s\n", d, $4 }' \
    "$OUT/histogram-before.txt" "$OUT/histogram-after.txt" | sort -rn | head -n 12
}

PER_CONN="$(calc "($HEAP1 - $HEAP0) / $HELD")"
RSS_PER_CONN="$(calc "($RSS1 - $RSS0) * 1024 / $HELD")"
{
  echo "idle: $CONNECTIONS connections asked from $GENERATORS generator processes (hb-loadgen --mode idle, hello + 1 reading each, then silent)"
  echo "  generators had open (handshake done): $OPENED$GEN_ERRORS"
  echo "  server held (/status $STATUS_CONNECTIONS): $HELD    target >= 19,000: $(verdict "$HELD" 19000)"
  echo "  established TCP connections on the server port (kernel, incl. not yet accepted): $ESTABLISHED"
  echo "  server fds: $FDS0 before, $FDS1 held, limit $SERVER_FD_LIMIT; 'too many open files' in its log: $SERVER_ERRORS lines"
  echo "  server still answering /status while full: $ALIVE"
  echo "  time to open and settle: $(printf %.1f "$(calc "($T1 - $T0) / 1e9")") s"
  echo "  live heap after full GC: $(fmt_rate "$HEAP0") B before, $(fmt_rate "$HEAP1") B held"
  echo "  heap per connection: $(fmt_rate "$PER_CONN") B    target < 4,096 B: $(awk -v v="$PER_CONN" 'BEGIN { print (v < 4096 ? "PASS" : "MISS") }')"
  echo "  RSS per connection (process memory: heap as committed, native buffers; not kernel socket buffers): $(fmt_rate "$RSS_PER_CONN") B"
  echo "  live bytes that grew most (bytes, class):"
  top_growth | sed 's/^/    /'
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), kernel $(uname -r), ulimit -Hn $(ulimit -Hn), $("$JAVA" -version 2>&1 | head -n 1)"
} | tee "$OUT/summary.txt"
if grep -q MISS "$OUT/summary.txt" || [ "$ALIVE" = no ]; then FAILED=1; fi
exit "$FAILED"
