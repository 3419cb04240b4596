# Sourced by ./mvnw and ./hilbench: makes JAVA_HOME point at a JDK 21 or newer.
#
# Machines often keep an older default java (17 here) beside a newer JDK under
# /usr/lib/jvm. Rather than make every user export JAVA_HOME, we look for one,
# and stop with a message naming what to install when there is none.

hilbench_jdk_major() {
  # Prints the feature release (17, 21, 25) of the JDK at $1, or nothing.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

hilbench_find_jdk() {
  _hb_best="" _hb_best_major=0 _hb_seen=""
  _hb_java="$(command -v java 2>/dev/null || true)"
  _hb_path_home=""
  [ -n "$_hb_java" ] && _hb_path_home="$(dirname "$(dirname "$(readlink -f "$_hb_java")")")"
  set +f  # mvnw runs with globbing off; we need it for the candidate list
  for _hb_home in "${JAVA_HOME:-}" "$_hb_path_home" /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$_hb_home" ] && [ -d "$_hb_home" ] || continue
    _hb_major="$(hilbench_jdk_major "$_hb_home")"
    [ -n "$_hb_major" ] || continue
    _hb_seen="$_hb_seen $_hb_home ($_hb_major)"
    # An explicit JAVA_HOME that is new enough wins; otherwise take the newest.
    if [ "$_hb_major" -ge 21 ] && [ "$_hb_home" = "${JAVA_HOME:-}" ]; then _hb_best="$_hb_home"; break; fi
    if [ "$_hb_major" -ge 21 ] && [ "$_hb_major" -gt "$_hb_best_major" ]; then
      _hb_best="$_hb_home" _hb_best_major="$_hb_major"
    fi
  done
  if [ -z "$_hb_best" ]; then
    echo "hilbench needs a JDK 21 or newer and found none." >&2
    echo "  looked at:${_hb_seen:- nothing (no java on PATH, no JAVA_HOME, nothing in /usr/lib/jvm)}" >&2
    echo "  install one, for example: apt-get install openjdk-21-jdk-headless (or Temurin 21+)," >&2
    echo "  or set JAVA_HOME to a JDK 21+ you already have." >&2
    exit 1
  fi
  JAVA_HOME="$_hb_best"
  export JAVA_HOME
}

hilbench_find_jdk
