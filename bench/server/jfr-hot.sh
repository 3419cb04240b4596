#!/usr/bin/env bash
# Where a profiled server run spent its time: the top Java frames per thread (execution samples)
# and the native methods threads sat in, from a JFR file that --profile recorded.
set -euo pipefail
. "$(dirname "$0")/../../.mvn/find-jdk.sh"

usage() {
  cat <<EOF2
usage: bench/server/jfr-hot.sh FILE.jfr [TOP]

Prints, from a recording made by bulk.sh or fleet.sh --profile:
  - the TOP (default 12) most sampled Java frames, per thread (jdk.ExecutionSample);
  - the TOP native frames (jdk.NativeMethodSample: system calls, JNI such as SQLite's step);
  - for each, the first dev.hilbench frame below it: which server method called into the JDK
    or the driver;
  - the CPU load per thread.
EOF2
}
[ "${1:-}" = -h ] || [ "${1:-}" = --help ] && { usage; exit 0; }
[ $# -ge 1 ] && [ -f "$1" ] || { usage >&2; echo "jfr-hot.sh: a .jfr file is required" >&2; exit 2; }
file="$1" top="${2:-12}"
jfr="$JAVA_HOME/bin/jfr"

# One line per sample: thread | frame 0 | first dev.hilbench frame below it.
samples() {
  "$jfr" print --events "$1" --stack-depth 24 "$file" | awk '
    /^jdk\./ { if (t != "") print t " | " f0 " | " own; t = ""; f0 = ""; own = ""; n = 0 }
    /sampledThread = / { t = $0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t) }
    /line: / { n++; fr = $0; sub(/^[ \t]+/, "", fr); sub(/[ \t]+line:.*/, "", fr)
               if (n == 1) f0 = fr; else if (own == "" && fr ~ /^dev\.hilbench/) own = fr }
    END { if (t != "") print t " | " f0 " | " own }'
}

echo "== Java frames (jdk.ExecutionSample), by thread | frame | first hilbench caller"
samples jdk.ExecutionSample | sort | uniq -c | sort -rn | head -n "$top"
echo
echo "== native frames (jdk.NativeMethodSample: blocked or in a system call or JNI), by thread | frame"
samples jdk.NativeMethodSample | cut -d '|' -f 1-2 | sort | uniq -c | sort -rn | head -n "$top"
echo
echo "== CPU per thread (jfr view thread-cpu-load)"
"$jfr" view --width 160 thread-cpu-load "$file" | sed -n "1,$((top + 6))p"
