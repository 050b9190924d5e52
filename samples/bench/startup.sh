#!/usr/bin/env bash
# Start-up: time from start to the first record for one host, against a local `openssl s_server`
# (ECDSA P-256) on 127.0.0.1, side by side for the source launcher (./tlsscan) and the installed
# command (INSTALLED, default /usr/bin/tlsscan when the package is installed; INSTALLED= skips it),
# with a bare `java -version` as the floor. Reports the median, mean ± standard deviation, min and
# max over RUNS runs (after WARMUP) of
#   - `java -version` and `tlsscan --version` (JVM, command line and TLS library, no network),
#   - `tlsscan scan HOST` as a whole process (hyperfine when installed, else a loop),
#   - `tlsscan scan HOST` until its first record line reaches the pipe (a loop of RUNS), with
#     `--probes cert` and with the default probes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
PORT="${PORT:-$(default_base_port 350)}"
INSTALLED="${INSTALLED-$(if dpkg-query -W -f='${Status}' tlsscan 2>/dev/null | grep -q 'ok installed'; then echo /usr/bin/tlsscan; fi)}"

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
# The commands compared: the source launcher, and the installed command when there is one.
COMMANDS=("./tlsscan")
[ -n "$INSTALLED" ] && COMMANDS+=("$INSTALLED")
# tlsscan_of LABEL: the command line of one of COMMANDS.
tlsscan_of() { if [ "$1" = ./tlsscan ]; then echo "${TLSSCAN[@]}"; else echo "$1"; fi; }
for command in "${COMMANDS[@]}"; do
  # (the exit code tells of findings, e.g. the self-signed certificate: only the record counts here)
  { $(tlsscan_of "$command") scan -q -f jsonl $(cert_probe_args) "$TARGET" || true; } |
    jq -e 'select(.status == "ok")' >/dev/null || die "$command: scanning $TARGET gave no ok record"
done

# stats: reads milliseconds, one a line; prints "median | mean ± stddev (min, max, n)".
stats() {
  sort -n | awk '{ x[NR] = $1; s += $1 } END {
    m = s / NR; for (i = 1; i <= NR; i++) v += (x[i] - m) ^ 2
    med = (NR % 2 ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2)
    printf "%.0f ms | %.0f ± %.0f ms (min %.0f, max %.0f, %d runs)\n", med, m, (NR > 1 ? sqrt(v / (NR - 1)) : 0), x[1], x[NR], NR }'
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
    hyperfine -N -i --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$WORK/hf.json" "$*" >/dev/null 2>&1 \
      || die "hyperfine failed on: $*"
    jq -r '.results[0] | "\(.median * 1000 | round) ms | \(.mean * 1000 | round) ± \(.stddev * 1000 | round) ms (min \(.min * 1000 | round), max \(.max * 1000 | round), \(.times | length) runs, hyperfine)"' "$WORK/hf.json" |
      while IFS= read -r line; do echo "| $label | $line |"; done
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
echo "| measured | median | mean ± sd |"
echo "|---|---:|---|"
whole "java -version (the JVM alone)" java -version
for command in "${COMMANDS[@]}"; do
  read -ra cmd <<<"$(tlsscan_of "$command")"
  whole "$command --version (JVM + CLI + TLS library, no network)" "${cmd[@]}" --version
  whole "$command scan one host, whole process" "${cmd[@]}" scan -q -f jsonl $(cert_probe_args) "$TARGET"
  echo "| $command scan one host, start to first record | $(first_record "${cmd[@]}" scan -q -f jsonl $(cert_probe_args) "$TARGET" | stats) |"
  if has_probes_flag; then
    # The default probes (cert, protocols, ciphers): about 20 connections to the one host.
    echo "| $command scan one host with the default probes, start to first record |" \
      "$(first_record "${cmd[@]}" scan -q -f jsonl "$TARGET" | stats) |"
  fi
done
echo
echo "load average before: $LOAD_BEFORE, after: $(loadavg); $NCPU cores. Aim: first record under 500 ms (median)."
