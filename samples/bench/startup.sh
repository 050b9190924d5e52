#!/usr/bin/env bash
# Start-up: time from JVM start to the first record for one host, against a local
# `openssl s_server` (ECDSA P-256). Reports mean ± standard deviation over RUNS runs of
#   - `tlsscan --version` (JVM, command line and TLS library start, no network),
#   - `tlsscan scan HOST` as a whole process (hyperfine when installed, else a loop),
#   - `tlsscan scan HOST` until its first record line reaches the pipe (a loop of RUNS), with
#     `--probes cert` and with the default probes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
PORT="${PORT:-$(default_base_port 350)}"

bench_init
ensure_tools openssl=openssl jq=jq java=openjdk-17-jdk-headless mvn=maven
# hyperfine is optional (HYPERFINE=0 skips it): without it the whole-process rows use a timed loop.
if [ "${HYPERFINE:-1}" = 1 ]; then (ensure_tools hyperfine=hyperfine) || log "no hyperfine; timing with a loop"; fi
prepare_tlsscan

ports_free "$PORT" "$PORT" || die "port $PORT is in use; set PORT"
make_cert "$WORK"
openssl s_server -accept "$BIND:$PORT" -cert "$WORK/cert.pem" -key "$WORK/key.pem" -www -quiet \
  </dev/null >"$WORK/s_server.log" 2>&1 &
CLEANUP_PIDS+=("$!")
wait_port "$BIND" "$PORT" 10 || die "openssl s_server did not start: $(cat "$WORK/s_server.log")"
TARGET="$BIND:$PORT"
SCAN=("${TLSSCAN[@]}" scan -q -f jsonl $(cert_probe_args) "$TARGET")
"${SCAN[@]}" | jq -e 'select(.status == "ok")' >/dev/null || die "scanning $TARGET gave no ok record"

# stats: reads milliseconds, one a line; prints "mean ± stddev ms (min … max, n)".
stats() {
  awk '{ x[NR] = $1; s += $1 } END {
    m = s / NR; for (i = 1; i <= NR; i++) v += (x[i] - m) ^ 2
    lo = x[1]; hi = x[1]; for (i = 2; i <= NR; i++) { if (x[i] < lo) lo = x[i]; if (x[i] > hi) hi = x[i] }
    printf "%.0f ± %.0f ms (min %.0f, max %.0f, %d runs)\n", m, (NR > 1 ? sqrt(v / (NR - 1)) : 0), lo, hi, NR }'
}

# loop_whole COMMAND...: wall milliseconds of RUNS whole runs after WARMUP unmeasured ones.
loop_whole() {
  local i t0 t1
  for i in $(seq 1 "$WARMUP"); do "$@" >/dev/null 2>&1 || true; done
  for i in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
  done
}

# whole LABEL COMMAND...: mean ± stddev of the whole command, with hyperfine when installed.
whole() {
  local label="$1"; shift
  if [ "${HYPERFINE:-1}" = 1 ] && command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$WORK/hf.json" "$*" >/dev/null 2>&1 \
      || die "hyperfine failed on: $*"
    jq -r '.results[0] | "\(.mean * 1000 | round) ± \(.stddev * 1000 | round) ms (min \(.min * 1000 | round), max \(.max * 1000 | round), \(.times | length) runs, hyperfine)"' "$WORK/hf.json" |
      sed "s/^/| $label | /; s/\$/ |/"
  else
    echo "| $label | $(loop_whole "$@" | stats) |"
  fi
}

# first_record COMMAND...: the time from launching the JVM until the first line of COMMAND's
# output can be read, one line a run.
first_record() {
  local i t0 t1 line
  for i in $(seq 1 "$WARMUP"); do "$@" >/dev/null 2>&1 || true; done
  for i in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N)
    { IFS= read -r line; t1=$(date +%s%N); cat >/dev/null; } < <("$@" 2>/dev/null)
    [ -n "$line" ] || die "no record from $*"
    echo $(( (t1 - t0) / 1000000 ))
  done
}

log "load before: $(loadavg); target $TARGET (openssl s_server); java ${TLSSCAN_JAVA_OPTS:-}"
LOAD_BEFORE="$(loadavg)"
echo
wait_quiet
echo "| measured | time |"
echo "|---|---|"
whole "java -version (the JVM alone)" java -version
whole "tlsscan --version (JVM + CLI + TLS library, no network)" "${TLSSCAN[@]}" --version
whole "tlsscan scan one host, whole process" "${SCAN[@]}"
echo "| tlsscan scan one host, JVM start to first record | $(first_record "${SCAN[@]}" | stats) |"
if has_probes_flag; then
  # The default probes (cert, protocols, ciphers): about 20 connections to the one host.
  echo "| tlsscan scan one host with the default probes, JVM start to first record |" \
    "$(first_record "${TLSSCAN[@]}" scan -q -f jsonl "$TARGET" | stats) |"
fi
echo
echo "load average before: $LOAD_BEFORE, after: $(loadavg); $NCPU cores. Aim: first record under 600 ms."
