# Sourced by the server benchmark scripts (bulk.sh, fleet.sh, idle.sh, jmh.sh): finding and
# building the tools, starting and stopping the server, reading its admin /status, timing.
# Everything here runs on loopback only (127.0.0.0/8) and every wait has a timeout.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
. "$ROOT/.mvn/find-jdk.sh"
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
SINK="$BENCH_DIR/c/build/hb-sink"
LOADGEN="$BENCH_DIR/c/build/hb-loadgen"
JAR="${HB_JAR:-$ROOT/cli/target/hilbench.jar}"

# Where the server's /status JSON keeps the counters the benchmarks read (jq paths). Kept in one
# place so that a renamed counter is a one-line change here.
STATUS_READINGS='.readings_received'     # valid readings parsed and counted (duplicates included)
STATUS_STORED='.readings_stored'          # readings committed to the store
STATUS_LAST_READING='.last_reading_at'    # when the server received its latest reading (its clock)
STATUS_LAST_STORED='.last_stored_at'      # when the server's latest commit of readings ended
STATUS_CONNECTIONS='.connections_open'    # connections open now

SERVER_PID=""
ADMIN_PORT=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# A results folder per run: bench/target/results/<name>-<time>/ (ignored by git).
make_out_dir() {
  OUT="${HB_OUT:-$BENCH_DIR/target/results/$1-$(date +%Y%m%d-%H%M%S)}"
  mkdir -p "$OUT"
  log "results and logs: $OUT"
  # Other work on this 2-core machine skews every figure: record it, and say so when it is busy.
  { uptime; top -bn1 -o %CPU | sed -n '7,17p'; } >"$OUT/load-at-start.txt" 2>&1 || true
  local load
  load="$(cut -d ' ' -f 1 /proc/loadavg)"
  if awk -v l="$load" 'BEGIN { exit !(l > 0.7) }'; then
    log "warning: load average $load before the run; other processes share these $(nproc) cores (see $OUT/load-at-start.txt)"
  fi
}

build_tools() {
  make -s -C "$BENCH_DIR/c" >"$OUT/make.log" 2>&1 || { cat "$OUT/make.log" >&2; die "building the C tools failed"; }
}

# Packages cli/target/hilbench.jar against the hilbench-server installed in ~/.m2, unless
# --no-build was given (then the jar must exist).
ensure_server_jar() {
  local build="$1"
  if [ "$build" = yes ]; then
    [ -d "$HOME/.m2/repository/dev/hilbench/hilbench-server" ] \
      || die "hilbench-server is not installed in ~/.m2: ./mvnw -q -o install -pl server -DskipTests first"
    log "packaging $JAR (./mvnw -q -o package -pl cli -DskipTests)"
    (cd "$ROOT" && ./mvnw -q -o package -pl cli -DskipTests) >"$OUT/build.log" 2>&1 \
      || { tail -n 30 "$OUT/build.log" >&2; die "packaging the cli jar failed (log: $OUT/build.log)"; }
  fi
  [ -f "$JAR" ] || die "$JAR does not exist (run without --no-build, or set HB_JAR)"
}

# A TCP port in 20000..32767 (below the ephemeral range, so no client takes it) that nothing
# listens on now.
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 12768))
    if [ -z "$(ss -Htln "sport = :$p")" ]; then echo "$p"; return; fi
  done
  die "no free port found in 20000..32767"
}

now_ns() { date +%s%N; }
# An ISO-8601 instant (as /status writes them) in ns since the epoch.
instant_ns() { date -d "$1" +%s%N; }

# The value of key=value in a line of key=value pairs (numbers and bare words only).
kv() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" <<<" $1" | head -n 1; }

# Floating-point arithmetic: calc 'expression'.
calc() { awk "BEGIN { printf \"%.10g\", $1 }"; }
# A number rounded, with thousands separators: 2345678.9 -> 2,345,679.
fmt_rate() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

cpu_seconds() { # user + system CPU seconds a live process has used
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  awk -v t="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / t }' <<<"$stat"
}

# start_server NAME STORE [extra serve options...]: starts the server on a free port with quiet
# output and an admin port; waits until /status answers. Sets SERVER_PID, SERVER_PORT, ADMIN_PORT.
start_server() {
  local name="$1" store="$2"
  shift 2
  SERVER_PORT="$(free_port)"
  ADMIN_PORT="$(free_port)"
  local db_opts=()
  if [ "$store" = sqlite ]; then
    SERVER_DB="$OUT/$name.db"
    rm -f "$SERVER_DB" "$SERVER_DB-wal" "$SERVER_DB-shm"
    db_opts=(--db "$SERVER_DB")
  fi
  local jfr=()
  if [ "${PROFILE:-no}" = yes ]; then
    jfr=("-XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile,dumponexit=true")
  fi
  # The JVM options ./hilbench uses by default, so that the figures are those of the server as
  # users run it; HB_SERVER_JAVA_OPTS, when set, replaces them.
  if [ -z "${HB_SERVER_JAVA_OPTS+set}" ]; then
    . "$(dirname "${BASH_SOURCE[0]}")/../../.mvn/java-opts.sh"
    HB_SERVER_JAVA_OPTS="$(hilbench_default_java_opts)"
  fi
  # shellcheck disable=SC2086 # HB_SERVER_JAVA_OPTS is a list of JVM options on purpose
  "$JAVA" ${HB_SERVER_JAVA_OPTS:-} "${jfr[@]}" -jar "$JAR" serve --port "$SERVER_PORT" --bind 127.0.0.1 \
    --store "$store" "${db_opts[@]}" --output quiet --admin-port "$ADMIN_PORT" "$@" \
    >"$OUT/$name.server.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$(( $(date +%s) + 60 ))
  until status_json >/dev/null 2>&1; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$OUT/$name.server.log" >&2; die "the server exited at start (log: $OUT/$name.server.log)"; }
    [ "$(date +%s)" -lt "$deadline" ] || die "the server's /status did not answer within 60 s"
    sleep 0.2
  done
  log "server $name: pid $SERVER_PID, port $SERVER_PORT, admin $ADMIN_PORT, store $store"
}

# Stops the server with SIGTERM (its graceful path: flush and close) and waits up to 120 s.
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  local deadline=$(( $(date +%s) + 120 ))
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "the server did not stop within 120 s of SIGTERM; killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

status_json() { curl -sf --max-time 2 "http://127.0.0.1:$ADMIN_PORT/status"; }
status_value() { status_json | jq -r "$1 // empty"; }

# wait_counter JQPATH TARGET TIMEOUT_S: waits until the /status counter reaches TARGET and prints
# the wall-clock ns when it was seen. Polls every 0.5 s while far from the target and every 20 ms
# near it, so that polling (a curl process each) costs the measured machine little CPU.
# Fails (status 1, printing the last value) when the time is out or the counter stops moving
# for 15 s.
wait_counter() {
  local path="$1" target="$2" timeout="$3"
  local deadline=$(( $(date +%s) + timeout )) last=-1 last_change
  last_change=$(date +%s)
  while :; do
    local v
    v="$(status_value "$path" 2>/dev/null || true)"
    v="${v:-0}"
    local t
    t=$(now_ns)
    if [ "$v" -ge "$target" ] 2>/dev/null; then echo "$t"; return 0; fi
    if [ "$v" != "$last" ]; then last="$v"; last_change=$(date +%s); fi
    if [ "$(date +%s)" -ge "$deadline" ] || [ $(( $(date +%s) - last_change )) -ge 15 ]; then
      log "counter $path stuck at $v of $target"
      echo "$v"
      return 1
    fi
    if [ "$v" -ge $(( target * 9 / 10 )) ] 2>/dev/null; then sleep 0.02; else sleep 0.5; fi
  done
}

# Live heap after a full GC, in bytes: the class histogram's total (jcmd forces the GC).
heap_live_bytes() {
  "$JCMD" "$1" GC.class_histogram >"$2" 2>&1 || die "jcmd GC.class_histogram failed: $(tail -n 3 "$2")"
  awk '/^Total/ { print $3 }' "$2"
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
fd_count() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }

# Prints a verdict word for a measured figure against a minimum.
verdict() { awk -v v="$1" -v min="$2" 'BEGIN { print (v >= min ? "PASS" : "MISS") }'; }

cleanup_processes() {
  stop_server
  local p
  for p in ${BG_PIDS:-}; do kill -TERM "$p" 2>/dev/null || true; done
}
trap cleanup_processes EXIT

# count_of 20m -> 20000000
count_of() {
  awk -v n="$1" 'BEGIN { m = 1; if (n ~ /[mM]$/) m = 1e6; else if (n ~ /[kK]$/) m = 1e3;
    sub(/[kKmM]$/, "", n); if (n !~ /^[0-9.]+$/) exit 1; printf "%d", n * m }' \
    || { echo "not a count: $1 (a number, k and m suffixes allowed)" >&2; exit 2; }
}

# Percent of both cores busy over the next second (from /proc/stat).
cpu_busy_percent() {
  local a b
  a="$(head -n 1 /proc/stat)"
  sleep 1
  b="$(head -n 1 /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x); split(b, y); total = 0; idle = 0
    for (i = 2; i <= n; i++) total += y[i] - x[i]
    idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%d", (total > 0 ? 100 * (total - idle) / total : 0) }'
}

# Waits (up to HB_QUIET_WAIT seconds, default 300) until other processes leave the machine
# nearly idle (< 10 % busy over a second): others build and test on these same 2 cores, and a
# benchmark run beside a compiler measures the compiler. Proceeds with a warning after that.
wait_for_quiet() {
  local limit="${HB_QUIET_WAIT:-300}" waited=0 busy
  while busy="$(cpu_busy_percent)"; [ "$busy" -ge 10 ]; do
    if [ "$waited" -eq 0 ]; then log "the machine is $busy % busy (other processes); waiting up to $limit s for it to settle"; fi
    waited=$((waited + 1))
    if [ "$waited" -ge "$limit" ]; then
      log "warning: still $busy % busy after $limit s; measuring anyway (figures will be low)"
      echo "busy $busy % at start" >>"$OUT/interference.txt"
      return
    fi
  done
  [ "$waited" -eq 0 ] || log "quiet after ${waited} s"
}

# CPU seconds the whole machine has been busy since boot (all cores; idle and iowait excluded).
machine_busy_seconds() {
  awk -v t="$(getconf CLK_TCK)" '/^cpu / { b = 0; for (i = 2; i <= NF; i++) if (i != 5 && i != 6) b += $i; printf "%.2f", b / t }' /proc/stat
}

# --- What bulk.sh and fleet.sh share: the same receivers measured in turn with one generator. ---

# One of the options both take; sets SHIFTED to the words it used. The caller handles its own
# options first and defines usage(). Unknown option: usage on stderr, exit 2.
receiver_option() {
  case "$1" in
    --lines) LINES="$2"; SHIFTED=2 ;;
    --connections) CONNECTIONS="$2"; SHIFTED=2 ;;
    --only) ONLY="$2"; SHIFTED=2 ;;
    --rounds) ROUNDS="$2"; SHIFTED=2 ;;
    --warmup) WARMUP="$2"; SHIFTED=2 ;;
    --no-build) BUILD=no; SHIFTED=1 ;;
    --profile) PROFILE=yes; SHIFTED=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; echo "$(basename "$0"): unknown option $1" >&2; exit 2 ;;
  esac
}

# Whether --only names receiver $1 (sink, none or sqlite).
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

# After the options: checks --rounds, sets WANT (readings per receiver), makes the results folder
# bench/target/results/$1-<time>/ and the tools, and starts results.tsv.
prepare_receiver_runs() {
  [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "$(basename "$0"): --rounds must be a positive number" >&2; exit 2; }
  WANT="$(count_of "$LINES")"
  WARMUP_COUNT="$(count_of "${WARMUP:-0}")"
  make_out_dir "$1"
  build_tools
  if wants none || wants sqlite; then ensure_server_jar "$BUILD"; fi
  RESULTS="$OUT/results.tsv"
  printf 'receiver\treadings\tseconds\trate\treceiver_cpu_s\tothers_cpu_s\tnote\n' >"$RESULTS"
  SINK_RATE="" FAILED=0 SERVE_OPTS=()
}

# Measures the receivers named (in this order, those --only wants) with the generator options in
# GEN, --rounds times, alternating, each run tagged -r<round> when there are several.
run_receiver_rounds() {
  local round receiver
  for round in $(seq "$ROUNDS"); do
    RUN_TAG=""
    if [ "$ROUNDS" != 1 ]; then RUN_TAG="-r$round"; log "round $round of $ROUNDS"; fi
    for receiver in "$@"; do
      wants "$receiver" || continue
      case "$receiver" in
        sink) measure_sink "$CONNECTIONS" "${GEN[@]}" ;;
        none) measure_server server-none none "$STATUS_READINGS" "$STATUS_LAST_READING" "$WANT" "${GEN[@]}" ;;
        sqlite) measure_server server-sqlite sqlite "$STATUS_STORED" "$STATUS_LAST_STORED" "$WANT" "${GEN[@]}" ;;
        *) die "unknown receiver $receiver" ;;
      esac
    done
  done
}
