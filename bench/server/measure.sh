# Sourced by bulk.sh and fleet.sh: one generator run against one receiver, timed the same way
# for every receiver. A run starts when the generator starts writing (its start_ns, after every
# connection is open and has said hello) and ends when the receiver has everything: for the sink
# the time of its last byte read, for the server the time it received its last reading, or
# committed its last readings, by its own clock (/status). Nothing polls the server while the
# generator runs: a curl and a jq process every 20 ms near the end took 1.3 CPU seconds of a 9 s
# fleet run from the two measured cores, a handicap the sink never had. The rate is readings
# sent / that time. Each run
# appends a row to $RESULTS: receiver, readings, seconds, rate, receiver CPU seconds, CPU seconds
# other processes took during the run (the machine's busy time less ours), note.

STORE_COUNT_SQL="${STORE_COUNT_SQL:-select count(*) from readings}"

# measure_sink CONNECTIONS LOADGEN_ARGS...: sets SINK_RATE.
measure_sink() {
  local connections="$1"
  shift
  local port out
  wait_for_quiet
  port="$(free_port)"
  out="$OUT/sink${RUN_TAG:-}.out"
  "$SINK" --port "$port" --connections "$connections" --timeout 900 >"$out" 2>"$OUT/sink${RUN_TAG:-}.err" &
  local sink_pid=$!
  BG_PIDS="$sink_pid"
  local deadline=$(( $(date +%s) + 10 ))
  until grep -q '^listening' "$out" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "the sink did not start listening (see $OUT/sink.err)"
    sleep 0.05
  done
  local gen busy0 busy1
  busy0="$(machine_busy_seconds)"
  gen="$("$LOADGEN" --port "$port" "$@")"
  echo "$gen" >"$OUT/sink${RUN_TAG:-}.loadgen.out"
  wait "$sink_pid"
  busy1="$(machine_busy_seconds)"
  BG_PIDS=""
  local s lines start last secs others
  s="$(grep '^sink ' "$out")"
  lines="$(kv "$gen" lines)"; start="$(kv "$gen" start_ns)"; last="$(kv "$s" last_ns)"
  if [ "$(kv "$s" lines)" -ne $(( lines + $(kv "$gen" hellos) )) ]; then
    log "warning: the sink counted $(kv "$s" lines) lines, the generator sent $lines readings + hellos"
  fi
  secs="$(calc "($last - $start) / 1e9")"
  local rate
  rate="$(calc "$lines / $secs")"
  # Over several rounds the best sink run is the reference: the most demanding one.
  if [ -z "$SINK_RATE" ] || awk -v a="$rate" -v b="$SINK_RATE" 'BEGIN { exit !(a > b) }'; then SINK_RATE="$rate"; fi
  others="$(calc "$busy1 - $busy0 - $(kv "$gen" cpu_s) - $(kv "$s" cpu_s)")"
  printf 'raw sink (C)\t%s\t%s\t%s\t%s\t%s\tgenerator alone: %s readings/s; CPU s: generator %s, sink %s\n' \
    "$lines" "$secs" "$rate" "$(kv "$s" cpu_s)" "$others" "$(fmt_rate "$(kv "$gen" rate)")" \
    "$(kv "$gen" cpu_s)" "$(kv "$s" cpu_s)" >>"$RESULTS"
  log "sink: $lines readings in $secs s = $(fmt_rate "$rate")/s"
}

# measure_server NAME STORE COUNTER WHEN WANT LOADGEN_ARGS...: the generator against a fresh
# server; once the generator is done, waits for the /status COUNTER to reach WANT and takes the
# /status time WHEN as the end. With the SQLite store the rows are counted in the database after a
# graceful shutdown, and must be WANT. Sets FAILED=1 when something is off.
measure_server() {
  local name="$1" store="$2" counter="$3" when="$4" want="$5"
  shift 5
  local tag="$name${RUN_TAG:-}"
  start_server "$tag" "$store" "${SERVE_OPTS[@]}"
  # Warm-up: a long-running server has its hot paths compiled; a fresh JVM spends the first
  # seconds of a run in the JIT compilers, on the same two cores as the generator. The warm-up
  # readings come from other devices, are not timed, and are counted out of every figure.
  local warm=0
  if [ "${WARMUP_COUNT:-0}" -gt 0 ]; then
    warm="$WARMUP_COUNT"
    log "$tag: warming up with $warm readings (not measured)"
    "$LOADGEN" --port "$SERVER_PORT" "$@" --lines "$warm" --device-prefix warmup >"$OUT/$tag.warmup.out" \
      || die "the warm-up generator failed (see $OUT/$tag.warmup.out)"
    wait_counter "$counter" "$warm" 300 >/dev/null || die "the server did not take the warm-up readings"
  fi
  wait_for_quiet
  local cpu0 busy0 gen_out="$OUT/$tag.loadgen.out"
  cpu0="$(cpu_seconds "$SERVER_PID")"
  busy0="$(machine_busy_seconds)"
  "$LOADGEN" --port "$SERVER_PORT" "$@" >"$gen_out" &
  local gen_pid=$!
  BG_PIDS="$gen_pid"
  local done_ns
  wait "$gen_pid" || true
  BG_PIDS=""
  if ! done_ns="$(wait_counter "$counter" $(( want + warm )) 900)"; then
    FAILED=1
    status_json >"$OUT/$tag.status.json" || true
    stop_server
    printf '%s\t%s\t-\t0\t-\t-\tstuck: %s reached %s of %s\n' "$name" "$want" "$counter" "$done_ns" "$want" >>"$RESULTS"
    return
  fi
  local cpu1 busy1 last_at
  cpu1="$(cpu_seconds "$SERVER_PID")"
  busy1="$(machine_busy_seconds)"
  # The server's own time of its last reading or commit, like the sink's time of its last byte;
  # the moment the poll saw the counter is a few ms later.
  last_at="$(status_value "$when")" && [ -n "$last_at" ] && done_ns="$(instant_ns "$last_at")" \
    || log "warning: /status has no $when; the run ends when the poll saw the counter"
  local gen start secs rate note server_cpu others
  gen="$(cat "$gen_out")"
  server_cpu="$(calc "$cpu1 - $cpu0")"
  others="$(calc "$busy1 - $busy0 - $server_cpu - $(kv "$gen" cpu_s)")"
  start="$(kv "$gen" start_ns)"
  secs="$(calc "($done_ns - $start) / 1e9")"
  rate="$(calc "$want / $secs")"
  note="generator alone: $(fmt_rate "$(kv "$gen" rate)") readings/s; CPU s: generator $(kv "$gen" cpu_s), server $server_cpu"
  [ "$(kv "$gen" lines)" = "$want" ] || { FAILED=1; note="$note; it sent $(kv "$gen" lines), not $want"; }
  status_json >"$OUT/$tag.status.json" || true
  stop_server
  if [ "$store" = sqlite ]; then
    local rows
    rows="$(sqlite3 "$SERVER_DB" "$STORE_COUNT_SQL" 2>&1)" || rows="error: $rows"
    note="$note; rows in the database after shutdown: $rows"
    [ "$warm" = 0 ] || note="$note (with the $warm warm-up readings)"
    [ "$rows" = $(( want + warm )) ] || { FAILED=1; note="$note (expected $(( want + warm )))"; }
    # The database has served its purpose; bulk runs leave hundreds of MB each.
    [ -n "${HB_KEEP_DB:-}" ] || rm -f "$SERVER_DB" "$SERVER_DB-wal" "$SERVER_DB-shm"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$want" "$secs" "$rate" "$server_cpu" "$others" "$note" >>"$RESULTS"
  log "$name: $want readings in $secs s = $(fmt_rate "$rate")/s; $note"
}

# print_results TITLE TARGET_FN: the table of $RESULTS, then the best run of each receiver
# (several rounds: the least disturbed by other work); TARGET_FN NAME RATE prints
# "target<TAB>verdict" for a receiver's best rate. Ratios are to the best sink run.
print_results() {
  local fmt='%-16s %10s %8s %13s %8s %8s %9s %8s  %-26s %s\n'
  echo "$1"
  printf "$fmt" receiver readings seconds readings/s "vs sink" "rcv CPU" "us/line" "others" target verdict
  tail -n +2 "$RESULTS" | while IFS=$'\t' read -r name n secs rate cpu others note; do
    local ratio="-" per_line="-"
    if [ -n "$SINK_RATE" ] && [ "$name" != "raw sink (C)" ]; then
      ratio="$(printf %.3f "$(calc "$rate / $SINK_RATE")")"
    fi
    [ "$cpu" = - ] || per_line="$(printf %.2f "$(calc "$cpu * 1e6 / $n")")"
    [ "$secs" = - ] || secs="$(printf %.3f "$secs")"
    [ "$others" = - ] || others="$(printf %.1f "$others")"
    printf "$fmt" "$name" "$n" "$secs" "$(fmt_rate "$rate")" "$ratio" "$cpu" "$per_line" "$others" "" ""
    if [ -n "$note" ]; then printf '    %s\n' "$note"; fi
  done
  echo "best run of each receiver:"
  local name best tv
  for name in $(tail -n +2 "$RESULTS" | cut -f 1 | tr ' ' '_' | awk '!seen[$0]++'); do
    best="$(tail -n +2 "$RESULTS" | tr ' ' '_' | awk -F '\t' -v n="$name" '$1 == n && $4 > b { b = $4 } END { printf "%.10g", b }')"
    tv="$($2 "${name//_/ }" "$best")"
    local ratio="-"
    if [ -n "$SINK_RATE" ] && [ "$name" != "raw_sink_(C)" ]; then ratio="$(printf %.3f "$(calc "$best / $SINK_RATE")")"; fi
    printf '  %-16s %13s/s  vs sink %6s  %-26s %s\n' "${name//_/ }" "$(fmt_rate "$best")" "$ratio" "${tv%%$'\t'*}" "${tv#*$'\t'}"
  done
  echo "rcv CPU: CPU seconds the receiver used (us/line: per reading); others: CPU seconds other processes took meanwhile (noise)"
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), kernel $(uname -r), $("$JAVA" -version 2>&1 | head -n 1)"
}
