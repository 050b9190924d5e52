#!/usr/bin/env bash
# Dead hosts and memory: (a) DEAD_TARGETS targets on a loopback tarpit that accepts and never
# speaks, scanned at DEAD_CONCURRENCY with --timeout DEAD_TIMEOUT, against the ideal
# ceil(targets / concurrency) × timeout; (b) peak RSS of a MEM_SMALL-line and (unless MILLION=0) a
# MEM_LARGE-line list of mostly refused loopback targets at MEM_CONCURRENCY. See README.md here.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEAD_TARGETS="${DEAD_TARGETS:-10000}"
DEAD_CONCURRENCY="${DEAD_CONCURRENCY:-1000}"
DEAD_TIMEOUT="${DEAD_TIMEOUT:-2}"           # seconds
TARPIT_BASE_PORT="${TARPIT_BASE_PORT:-$(default_base_port 300)}"
TARPIT_PORTS="${TARPIT_PORTS:-4}"
MEM_SMALL="${MEM_SMALL:-10000}"
MEM_LARGE="${MEM_LARGE:-1000000}"
MEM_CONCURRENCY="${MEM_CONCURRENCY:-2000}"
MILLION="${MILLION:-1}"                     # 0 skips the MEM_LARGE run (about 1 min on 2 busy cores)
CLOSED_PORT="${CLOSED_PORT:-9}"             # nothing may listen on it: every connect is refused
LIVE_EVERY="${LIVE_EVERY:-100}"             # every LIVE_EVERY-th memory line is a live TLS target; 0: none
PARTS="${PARTS:-dead memory}"

bench_init
ensure_tools python3=python3 nginx=nginx-light openssl=openssl /usr/bin/time=time jq=jq \
  java=openjdk-17-jdk-headless mvn=maven
prepare_tlsscan

declare -a ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | ${10} | $5 | $6 | $7 | $8 | $9 |"); }

# kinds FILE: "N kind/phase, ..." of the records' outcomes.
kinds() {
  jq -r 'if .status == "ok" then "ok" else "\(.error.kind)/\(.error.phase)" end' "$1" |
    sort | uniq -c | sort -rn | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 } END { print "" }'
}

log "machine: $NCPU cores, load before: $(loadavg)"
LOAD_BEFORE="$(loadavg)"
DEAD_LINE=""

if [[ " $PARTS " == *" dead "* ]]; then
  last=$(( TARPIT_BASE_PORT + TARPIT_PORTS - 1 ))
  ports_free "$TARPIT_BASE_PORT" "$last" || die "a port in $TARPIT_BASE_PORT..$last is in use; set TARPIT_BASE_PORT"
  python3 "$BENCH_DIR/tarpit.py" --bind "$BIND" $(seq "$TARPIT_BASE_PORT" "$last") >"$WORK/tarpit.out" 2>&1 &
  TARPIT_PID=$!
  CLEANUP_PIDS+=("$TARPIT_PID")
  SERVER_PIDS+=("$TARPIT_PID")
  wait_port "$BIND" "$last" 10 || die "the tarpit did not start: $(cat "$WORK/tarpit.out")"
  awk -v n="$DEAD_TARGETS" -v ports="$TARPIT_PORTS" -v base="$TARPIT_BASE_PORT" -v bind="$BIND" \
    'BEGIN { for (i = 0; i < n; i++) printf "%s:%d\n", bind, base + i % ports }' >"$WORK/dead.txt"
  log "tarpit: pid $TARPIT_PID on $BIND:$TARPIT_BASE_PORT-$last; scanning $DEAD_TARGETS targets at -c $DEAD_CONCURRENCY --timeout ${DEAD_TIMEOUT}s"
  wait_quiet
  measure dead "$DEAD_TARGETS" "${TLSSCAN[@]}" scan -i "$WORK/dead.txt" -o "$WORK/dead.jsonl" -q --fail-on none \
    -c "$DEAD_CONCURRENCY" --timeout "${DEAD_TIMEOUT}s" $(cert_probe_args)
  ideal=$(awk -v n="$DEAD_TARGETS" -v c="$DEAD_CONCURRENCY" -v t="$DEAD_TIMEOUT" 'BEGIN { w = int((n + c - 1) / c); print w * t }')
  ratio=$(fdiv "${M_WALL[dead]}" "$ideal" %.2f)
  outcome="$(wc -l <"$WORK/dead.jsonl") records: $(kinds "$WORK/dead.jsonl")"
  log "dead: $outcome"
  row "never answer (tarpit)" "$DEAD_TARGETS" "$DEAD_CONCURRENCY" "${M_WALL[dead]}" "$ideal" "${ratio}×" \
    "${M_CPU[dead]}" "$(mb "${M_RSS[dead]}")" "$outcome" "$(record_span "$WORK/dead.jsonl")"
  DEAD_LINE="aim dead hosts ≤ 1.2× the ideal ${ideal} s: ${ratio}× $(awk -v r="$ratio" 'BEGIN { print (r <= 1.2 ? "met" : "MISSED") }')"
  kill -TERM "$TARPIT_PID" 2>/dev/null || true
  wait "$TARPIT_PID" 2>/dev/null || true
  log "tarpit: $(tail -n 1 "$WORK/tarpit.out")"
fi

# mem_list COUNT: COUNT lines over 127.1.0.1 upwards on CLOSED_PORT; every LIVE_EVERY-th a fleet port.
mem_list() {
  awk -v n="$1" -v port="$CLOSED_PORT" -v live="$LIVE_EVERY" -v base="${BASE_PORT:-0}" -v ports="${FLEET_PORTS:-1}" -v bind="$BIND" 'BEGIN {
    for (i = 0; i < n; i++) {
      if (live > 0 && i % live == live - 1) { printf "%s:%d\n", bind, base + i % ports; continue }
      printf "127.%d.%d.%d:%d\n", 1 + int(i / 65024) % 254, int(i / 254) % 256, 1 + i % 254, port
    }
  }'
}

# mem_run NAME COUNT: scans a memory list of COUNT lines and adds its row.
mem_run() {
  local name="$1" count="$2"
  mem_list "$count" >"$WORK/$name.txt"
  log "$name: scanning $count lines at -c $MEM_CONCURRENCY"
  wait_quiet
  measure "$name" "$count" "${TLSSCAN[@]}" scan -i "$WORK/$name.txt" -o "$WORK/$name.jsonl" -q --fail-on none \
    -c "$MEM_CONCURRENCY" --timeout 5s $(cert_probe_args)
  local outcome
  outcome="$(wc -l <"$WORK/$name.jsonl") records: $(kinds "$WORK/$name.jsonl")"
  log "$name: $outcome"
  row "mostly refused, 1 in $LIVE_EVERY live" "$count" "$MEM_CONCURRENCY" "${M_WALL[$name]}" - - \
    "${M_CPU[$name]}" "$(mb "${M_RSS[$name]}")" "$(fdiv "$count" "${M_WALL[$name]}" %.0f) targets/s; $outcome" \
    "$(record_span "$WORK/$name.jsonl")"
  rm -f "$WORK/$name.txt" "$WORK/$name.jsonl"
}

MEM_LINE=""
if [[ " $PARTS " == *" memory "* ]]; then
  [ -z "$(ss -Htln "sport = :$CLOSED_PORT")" ] || die "something listens on port $CLOSED_PORT; set CLOSED_PORT"
  if [ "$LIVE_EVERY" -gt 0 ]; then FLEET_PORTS="${FLEET_PORTS:-20}"; fleet_start; fi
  mem_run mem-small "$MEM_SMALL"
  if [ "$MILLION" = 1 ]; then
    mem_run mem-large "$MEM_LARGE"
    MEM_LINE="$(awk -v s="${M_RSS[mem-small]}" -v l="${M_RSS[mem-large]}" 'BEGIN {
      r = l / s; ok = (r <= 1.10 && r >= 0.90 && l < 400 * 1024 && s < 400 * 1024)
      printf "aim memory flat: peak RSS %.0f MB (large) / %.0f MB (small) = %.2f, both under 400 MB: %s\n", l / 1024, s / 1024, r, (ok ? "met" : "MISSED") }')"
  else
    MEM_LINE="memory: MILLION=0, the $MEM_LARGE-line run was skipped"
  fi
fi

echo
echo "| run | targets | concurrency | seconds | in-scan s | ideal s | ratio | CPU s | peak RSS MB | outcome |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "seconds: wall time of the whole command; in-scan s: first target started to last record finished (no JVM start-up or exit)."
echo "load average before: $LOAD_BEFORE, after: $(loadavg); foreign cores per run: $(for k in "${!M_FOREIGN[@]}"; do printf '%s %s  ' "$k" "${M_FOREIGN[$k]}"; done)"
[ -n "$DEAD_LINE" ] && echo "$DEAD_LINE"
[ -n "$MEM_LINE" ] && echo "$MEM_LINE"
exit 0
