#!/usr/bin/env bash
# Checks the C tools against each other on loopback, in a few seconds: every line the generator
# says it sent is counted by the sink, in each mode, and the generator's bounds hold.
# Run by `make -C bench/c check`. Prints 'N passed, N failed'; exit status 1 if any failed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sink="$here/build/hb-sink" gen="$here/build/hb-loadgen"
passed=0 failed=0
kv() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" <<<" $1" | head -n 1; }
port() { echo $((20000 + RANDOM % 12768)); }

check() { # check NAME CONDITION-RESULT DETAIL
  if [ "$2" = ok ]; then passed=$((passed + 1)); echo "ok    $1"; else failed=$((failed + 1)); echo "FAIL  $1: $3"; fi
}

# run_pair NAME SINK_CONNECTIONS GEN_ARGS...: sink in the background, generator in front.
run_pair() {
  local name="$1" conns="$2" p out
  shift 2
  p="$(port)"
  out="$(mktemp)"
  "$sink" --port "$p" --connections "$conns" --timeout 30 >"$out" &
  local pid=$!
  for _ in $(seq 100); do grep -q '^listening' "$out" && break; sleep 0.05; done
  GEN_OUT="$("$gen" --port "$p" "$@")"
  wait "$pid"
  SINK_OUT="$(grep '^sink' "$out")"
  rm -f "$out"
}

run_pair bulk 4 --mode bulk --connections 4 --lines 100003
want=$(( 100003 + 4 ))
got="$(kv "$SINK_OUT" lines)"
check "bulk: the sink counts every reading and hello" "$([ "$got" = "$want" ] && echo ok)" "sink $got, expected $want"
check "bulk: the generator reports what it sent" "$([ "$(kv "$GEN_OUT" lines)" = 100003 ] && echo ok)" "$GEN_OUT"
check "bulk: the sink closed every connection (drained)" "$([ "$(kv "$GEN_OUT" drained)" = 4 ] && echo ok)" "$GEN_OUT"

run_pair fleet 300 --mode fleet --connections 300 --sources 4 --lines 20000
got="$(kv "$SINK_OUT" lines)"
check "fleet: the sink counts every reading and hello" "$([ "$got" = $(( 20000 + 300 )) ] && echo ok)" "sink $got"
check "fleet: 300 connections from 4 source addresses" "$([ "$(kv "$SINK_OUT" connections)" = 300 ] && echo ok)" "$SINK_OUT"

run_pair paced 50 --mode fleet --connections 50 --lines 1000000 --rate 2000 --duration 2
sent="$(kv "$GEN_OUT" lines)"
check "fleet: --rate 2000 for --duration 2 sends about 4000" \
  "$([ "$sent" -ge 3600 ] && [ "$sent" -le 4400 ] && echo ok)" "sent $sent"
check "fleet: paced lines all counted" "$([ "$(kv "$SINK_OUT" lines)" = $(( sent + 50 )) ] && echo ok)" "$SINK_OUT"

p="$(port)"
out="$(mktemp)"
"$sink" --port "$p" --connections 500 --timeout 30 >"$out" &
pid=$!
for _ in $(seq 100); do grep -q '^listening' "$out" && break; sleep 0.05; done
GEN_OUT="$("$gen" --port "$p" --mode idle --connections 500 --hold 1 --first-lines 2)"
wait "$pid"
check "idle: 500 connections opened and held" "$(grep -q '^ready connected=500' <<<"$GEN_OUT" && echo ok)" "$GEN_OUT"
check "idle: hello + 2 readings each" "$([ "$(kv "$(grep '^sink' "$out")" lines)" = 1500 ] && echo ok)" "$(cat "$out")"
rm -f "$out"

"$gen" --port 1 --mode bulk --lines 10 >/dev/null 2>&1
check "nothing listening: the generator fails with status 1" "$([ $? = 1 ] && echo ok)" ""
"$gen" --mode sideways --port 5 >/dev/null 2>&1
check "bad usage: status 2" "$([ $? = 2 ] && echo ok)" ""

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
