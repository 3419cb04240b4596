# Sourced by ./hilbench and the server benchmarks: the JVM options the server runs with by default.
#
# On two cores or fewer, G1's concurrent threads compete with the receiver for the CPU, while the
# receiver allocates next to nothing per reading: the serial collector costs less there (the fleet
# benchmark in docs/performance.md). Prints nothing on bigger machines.
hilbench_default_java_opts() {
  if [ "$(nproc 2>/dev/null || echo 4)" -le 2 ]; then
    echo "-XX:+UseSerialGC"
  fi
}
