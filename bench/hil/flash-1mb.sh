#!/bin/sh
# How close does the hil flasher get to the wire's own limit? Flashes a 1 MiB image through the
# virtual NodeMCU with its UART paced at 115200 baud (10 bits a byte, as a real one) and prints
# the ratio of the flashing time to the time the bytes it sent need on the wire. Target: <= 1.25.
#
#   bench/hil/flash-1mb.sh              # BAUD=115200 by default; takes about 95 s
#   BAUD=460800 bench/hil/flash-1mb.sh
#   HILBENCH="java -jar cli/target/hilbench.jar" bench/hil/flash-1mb.sh
#
# The ROM takes 1 KiB FLASH_DATA blocks and answers each before the next is sent (no stub, no
# compression), so the only overhead beyond the bytes themselves is one reply per block and
# the SLIP framing, which the wire time below already counts (it is the bytes actually sent).
set -eu

root="$(cd "$(dirname "$0")/../.." && pwd)"
baud="${BAUD:-115200}"
hilbench="${HILBENCH:-$root/hilbench}"
binary="$root/firmware/build/virtual-nodemcu"
image="$root/firmware/build/test-image-1mb.bin"

if [ ! -x "$binary" ]; then
  echo "flash-1mb: $binary is missing; build it with: make -C firmware host" >&2
  exit 1
fi
if [ ! -f "$image" ]; then
  make -s -C "$root/firmware/rom" big-image >&2
fi

work="$(mktemp -d)"
board=""
cleanup() {
  if [ -n "$board" ] && kill -0 "$board" 2>/dev/null; then
    kill "$board"
    wait "$board" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$binary" --download --pace-baud "$baud" --flash "$work/flash.bin" >"$work/announce" 2>"$work/board.log" &
board=$!

# The board announces its pseudo-terminal, side channel and mode on stdout.
tries=0
until [ "$(grep -c '' "$work/announce")" -ge 3 ]; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ] || ! kill -0 "$board" 2>/dev/null; then
    echo "flash-1mb: the virtual NodeMCU did not start; its log:" >&2
    cat "$work/board.log" >&2
    exit 1
  fi
  sleep 0.1
done
pts="$(sed -n 's/^serial //p' "$work/announce")"
control="$(sed -n 's/^control //p' "$work/announce")"

echo "Flashing $(wc -c <"$image") bytes through $pts paced at $baud baud..."
$hilbench flash --port "$pts" --control "$control" --before no-reset --after no-reset --stats "$image" \
  >"$work/flash.out" 2>&1 || { cat "$work/flash.out" >&2; exit 1; }
grep -E '^(Wrote|Wire:)' "$work/flash.out"

# "Wire: 1069370 bytes out, 12288 bytes in, 93.456 s"
awk -v baud="$baud" '/^Wire:/ {
  out = $2; in_ = $5; seconds = $8;
  wire_out = out * 10 / baud;
  wire_both = (out + in_) * 10 / baud;
  printf "wire time of the bytes sent: %.2f s (%d bytes x 10 bits / %d baud)\n", wire_out, out, baud;
  printf "flashing took:               %.2f s\n", seconds;
  printf "ratio:                       %.3f (target <= 1.25)\n", seconds / wire_out;
  printf "ratio counting replies too:  %.3f (if the wire carried both directions in turn)\n", seconds / wire_both;
  if (seconds / wire_out > 1.25) { exit 3 }
}' "$work/flash.out"
