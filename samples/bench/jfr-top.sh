#!/usr/bin/env bash
# Hot frames of a JFR recording: the top N (default 10) methods on top of the sampled stacks for
# Java code (jdk.ExecutionSample) and for threads inside native methods (jdk.NativeMethodSample),
# and the top N packages of Java code. The first row of each list is the total. Record with e.g.
#   TLSSCAN_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile' PHASES=tlsscan ./run.sh
set -euo pipefail
file="${1:?usage: jfr-top.sh FILE.jfr [N]}"
n="${2:-10}"
command -v jfr >/dev/null 2>&1 || { echo "jfr-top.sh: the jfr tool (from the JDK) is not on PATH" >&2; exit 1; }

# top EVENT KEY: counts the top frames of EVENT's stacks, keyed by method (KEY=method) or package.
top() {
  jfr print --events "$1" --stack-depth 1 "$file" | awk -v key="$2" '
    /stackTrace = \[/ { want = 1; next }
    want && NF {
      sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*$/, ""); frame = $0
      if (key == "package") {
        sub(/\(.*$/, "", frame); k = split(frame, part, "."); frame = part[1]
        for (i = 2; i < k - 1; i++) frame = frame "." part[i]
      }
      count[frame]++; total++; want = 0
    }
    END {
      printf "%d\t100%%\t(all samples)\n", total
      for (f in count) printf "%d\t%.1f%%\t%s\n", count[f], 100 * count[f] / total, f
    }' | sort -t $'\t' -k1,1rn | head -n $(( n + 1 )) | column -t -s $'\t'
}

echo "## Java code (jdk.ExecutionSample), top $n frames"
top jdk.ExecutionSample method
echo
echo "## Threads in native methods (jdk.NativeMethodSample), top $n frames"
top jdk.NativeMethodSample method
echo
echo "## Java code by package of the top frame, top $n"
top jdk.ExecutionSample package
