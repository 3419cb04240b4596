#!/usr/bin/env bash
# Flashes the test images with esptool through rom-pty (the ROM emulator on a pseudo-terminal)
# and checks what the emulated chip would boot. Skipped, saying so, when esptool is not installed.
#
#   test/esptool_check.sh ROM_PTY GOOD_IMAGE CORRUPT_IMAGE
#   ESPTOOL="python3 -m esptool" test/esptool_check.sh ...   to choose the esptool to run
set -euo pipefail

rom_pty=$1 good=$2 corrupt=$3

if [[ -n "${ESPTOOL:-}" ]]; then
  read -r -a esptool <<<"$ESPTOOL"
elif command -v esptool >/dev/null; then
  esptool=(esptool)
elif command -v esptool.py >/dev/null; then
  esptool=(esptool.py)
else
  echo "esptool not found: skipping the esptool check (set ESPTOOL or install esptool)"
  exit 0
fi

work=$(mktemp -d)
pty_pid=
cleanup() {
  if [[ -n "$pty_pid" ]]; then kill "$pty_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts rom-pty on a fresh flash file and sets $port to its pseudo-terminal.
start_rom() {
  rm -f "$work/flash.bin"
  : >"$work/out"
  "$rom_pty" --flash "$work/flash.bin" >>"$work/out" 2>"$work/trace" &
  pty_pid=$!
  for _ in $(seq 100); do
    port=$(awk '/^serial /{print $2}' "$work/out")
    [[ -n "$port" ]] && return 0
    sleep 0.05
  done
  echo "FAIL: rom-pty printed no serial line"; cat "$work/trace"; exit 1
}

# Waits for rom-pty to exit by itself (it does once the flashed code is started).
wait_rom() {
  local status=0
  timeout 10 tail --pid="$pty_pid" -f /dev/null || { echo "FAIL: rom-pty did not leave download mode"; exit 1; }
  wait "$pty_pid" || status=$?
  pty_pid=
  return "$status"
}

flash() {  # flash IMAGE: esptool ROM-only write, then "run user code"
  timeout 120 "${esptool[@]}" --port "$port" --before no_reset --after soft_reset --no-stub \
    write_flash 0 "$1" >"$work/esptool.log" 2>&1 || { echo "FAIL: esptool write_flash $1"; cat "$work/esptool.log"; exit 1; }
}

passed=0 failed=0
expect() {  # expect WHAT PATTERN FILE
  if grep -q -- "$2" "$3"; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: no '$2' in $3:"; cat "$3"
  fi
}

echo "esptool: $("${esptool[@]}" version 2>/dev/null | tail -1)"

start_rom
flash "$good"
wait_rom || true
expect "good image boots" "^boot ok version=" "$work/out"
expect "esptool saw an ESP8266EX" "ESP8266EX" "$work/esptool.log"
expect "esptool read the MAC" "18:fe:34:a1:b2:c3" "$work/esptool.log"

start_rom
flash "$corrupt"
wait_rom || true
expect "corrupt image is refused" "^boot fail csum err" "$work/out"

start_rom
timeout 60 "${esptool[@]}" --port "$port" --before no_reset --after no_reset --no-stub flash_id >"$work/esptool.log" 2>&1 || true
expect "flash id" "Device: 4016" "$work/esptool.log"
expect "flash size detected" "Detected flash size: 4MB" "$work/esptool.log"

echo "esptool_check: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
