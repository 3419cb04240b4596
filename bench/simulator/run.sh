#!/usr/bin/env bash
# The simulator benchmarks of issue 3, on this machine and on loopback only:
#   scale  as many simulated nodes as one process may open (ulimit -Hn is 20,000 here), connected
#          and reporting to one server in another process: connect rate, heap per node, and the
#          ledger reconciled with the server's store;
#   storm  a reconnect storm: 15,000 nodes connected, the server killed for 10 s and started
#          again on the same port (backlog 4,096), once per reconnect policy (base 1 s, cap 30 s).
# Results go to bench/target/results/simulator-*.md; docs/performance.md quotes them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

usage() {
  cat <<EOF2
usage: bench/simulator/run.sh [--only scale|storm] [--nodes N] [--storm-nodes N] [--multiplier X] [--no-build]

  --only WHAT       run only the scale or the storm benchmark (default both)
  --nodes N         nodes of the scale benchmark (default 19000)
  --storm-nodes N   nodes of the storm benchmark (default 15000)
  --multiplier X    growth per attempt of the exponential policies in the storm (default 2; 1.5 also run for full jitter)
  --no-build        use cli/target/hilbench.jar as it is
Exit status: 0 when the targets are met, 1 when one is missed, 2 on bad usage.
EOF2
}

ONLY=all NODES=19000 STORM_NODES=15000 MULT=2 BUILD=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --nodes) NODES="$2"; shift 2 ;;
    --storm-nodes) STORM_NODES="$2"; shift 2 ;;
    --multiplier) MULT="$2"; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

. "$root/.mvn/find-jdk.sh"
if [ "$BUILD" = yes ]; then
  ./mvnw -q -o install -pl protocol,server,simulator -DskipTests
  ./mvnw -q -o package -pl cli -DskipTests
fi
mkdir -p bench/target/results
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "cli/target/hilbench.jar:cli/target/lib/*")
status=0
echo "hard limit on open files: $(ulimit -Hn); cores: $(nproc)"

if [ "$ONLY" = all ] || [ "$ONLY" = scale ]; then
  ulimit -n "$(ulimit -Hn)"
  echo "== scale: $NODES nodes, all at once, 30 s of readings"
  "${java[@]}" bench/simulator/ScaleBench.java "$NODES" 0 30 2 bench/target/results/simulator-scale.md || status=1
fi
if [ "$ONLY" = all ] || [ "$ONLY" = storm ]; then
  ulimit -n "$(ulimit -Hn)"
  echo "== storm: $STORM_NODES nodes, server down 10 s, each policy"
  "${java[@]}" bench/simulator/StormBench.java "$STORM_NODES" 10 "$MULT" bench/target/results/simulator-storm.md \
    fixed exponential full-jitter decorrelated-jitter || status=1
  "${java[@]}" bench/simulator/StormBench.java "$STORM_NODES" 10 1.5 bench/target/results/simulator-storm-m1.5.md \
    full-jitter exponential || true
fi
exit $status
