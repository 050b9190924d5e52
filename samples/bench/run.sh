#!/usr/bin/env bash
# Fleet benchmark: starts a loopback nginx fleet (ECDSA P-256, every handshake full) and measures,
# side by side on it, wrk and two `openssl s_time -new` loops (native baselines), tlsscan's
# certificate scan over TARGETS host-list lines, sslscan over SSLSCAN_TARGETS of the same targets
# and, with DEEP=1, tlsscan's deep scan of those. wrk and the certificate scan alternate for ROUNDS
# rounds, and the aims are judged on the median of the rounds' ratios: on a shared machine the
# speed of both drifts by 10-20 % from minute to minute. Prints a markdown table. See README.md here.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION="${DURATION:-10}"            # seconds of wrk and of each s_time loop
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-256}"
TARGETS="${TARGETS:-20000}"           # host-list lines of the tlsscan certificate scan
SSLSCAN_TARGETS="${SSLSCAN_TARGETS:-200}"
CONCURRENCY="${CONCURRENCY:-}"        # empty: tlsscan's default
DEEP="${DEEP:-0}"                     # 1: also tlsscan's deep scan of the sslscan targets
DEEP_TARGETS="${DEEP_TARGETS:-2000}"  # lines of tlsscan's deep scan: the sslscan targets, repeated
DEEP_PROBES="${DEEP_PROBES:-all}"     # the deep scan's --probes; the aim is 30x sslscan for all, 50x otherwise
DEEP_ROUNDS="${DEEP_ROUNDS:-1}"       # rounds of sslscan then the deep scan (the aim: median of their ratios)
C2="${C2:-0}"                         # 1: also the certificate scan with the C2 JIT (launcher: C1 only)
PHASES="${PHASES:-wrk stime tlsscan sslscan deep}"
ROUNDS="${ROUNDS:-5}"                 # rounds of wrk then tlsscan --probes cert
RETRIES="${RETRIES:-2}"               # repeats of a phase while other processes were busy (keeps the quietest)
PAUSE="${PAUSE:-2}"                   # seconds of rest between phases, then up to QUIET_WAIT s for a quiet machine
SNI_NAME="${SNI_NAME:-}"              # e.g. bench.test: lines become "bench.test:PORT 127.0.0.1" (SNI + name check)

bench_init
ensure_tools nginx=nginx-light wrk=wrk sslscan=sslscan openssl=openssl /usr/bin/time=time jq=jq \
  java=openjdk-17-jdk-headless mvn=maven
prepare_tlsscan

conc_args=()
[ -n "$CONCURRENCY" ] && conc_args=(-c "$CONCURRENCY")
read -r -a probe_args <<<"$(cert_probe_args)"
cert_what="--probes cert"
has_probes_flag || cert_what="cert (default scan; no --probes flag yet)"

phase_on() { [[ " $PHASES " == *" $1 "* ]]; }
rest() { sleep "$PAUSE"; wait_quiet; }

# target_lines COUNT: COUNT host-list lines over the fleet's ports, round robin.
target_lines() {
  awk -v n="$1" -v ports="$FLEET_PORTS" -v base="$BASE_PORT" -v bind="$BIND" -v name="$SNI_NAME" 'BEGIN {
    for (i = 0; i < n; i++) {
      port = base + i % ports
      if (name == "") printf "%s:%d\n", bind, port; else printf "%s:%d %s\n", name, port, bind
    }
  }'
}

# check_records FILE EXPECTED: prints "lines ok" and logs the error kinds when not all are ok.
check_records() {
  local file="$1" expected="$2" lines ok
  [ -f "$file" ] || { log "WARNING: no $file"; echo "0 0"; return; }
  lines=$(wc -l <"$file")
  ok=$(jq -r '.status' "$file" | grep -c '^ok$' || true)
  if [ "$lines" -ne "$expected" ] || [ "$ok" -ne "$expected" ]; then
    log "WARNING: $file has $lines records, $ok ok, expected $expected ok; errors by kind/phase:"
    jq -r 'select(.status != "ok") | "\(.error.kind)/\(.error.phase): \(.error.message)"' "$file" |
      sort | uniq -c | sort -rn | head -10 >&2
  fi
  echo "$lines $ok"
}

log "machine: $NCPU cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load before: $(loadavg)"
LOAD_BEFORE="$(loadavg)"
fleet_start
# For wrk-ports.lua, which spreads wrk's threads over the fleet's ports.
export BENCH_BASE_PORT=$BASE_PORT BENCH_PORTS=$FLEET_PORTS BENCH_BIND=$BIND

# wrk_round SUFFIX: one wrk run, as phase "wrk$SUFFIX"; sets WRK_RATE. wrk takes one URL and
# connects each thread to one address; wrk-ports.lua moves thread i to port BASE_PORT+i, so the load
# spreads over WRK_THREADS ports (one nginx worker serves them all alike).
wrk_round() {
  local name="wrk$1" requests secs
  rest
  measure_quiet "$name" - wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${DURATION}s" -H 'Connection: close' \
    -s "$BENCH_DIR/wrk-ports.lua" "https://$BIND:$BASE_PORT/"
  sed "s/^/  $name: /" "$WORK/$name.out" >&2
  requests=$(awk '/requests in/ { print $1; exit }' "$WORK/$name.out")
  secs=$(awk '/requests in/ { sub(/s,$/, "", $4); print $4; exit }' "$WORK/$name.out")
  WRK_RATE=$(awk '/^Requests\/sec:/ { print $2; exit }' "$WORK/$name.out")
  if [ -z "$requests" ] || [ -z "$WRK_RATE" ]; then die "wrk printed no result; see above"; fi
  grep -q 'Socket errors\|Non-2xx' "$WORK/$name.out" && log "WARNING: wrk reported errors (above)"
  add_row "wrk${1:+ (round ${1#-})}" "HTTPS GET, Connection: close, -t$WRK_THREADS -c$WRK_CONNECTIONS" "$requests" "$secs" \
    "$(fdiv "$WRK_RATE" 1 %.0f)" "$(ms_per "${M_CPU[$name]}" "$requests")" "$(mb "${M_RSS[$name]}")" "1.00× wrk" "$name"
}

# cert_round SUFFIX [LABEL [WHAT]]: one tlsscan --probes cert run over TARGETS lines, as phase
# "tlsscan-cert$SUFFIX" writing cert$SUFFIX.jsonl, in a row named LABEL (default "tlsscan (round N)")
# described by WHAT; sets CERT_RATE and CERT_MS, and CERT_COMPLETE to 1 when the scan exited 0 with
# an ok record for every target (else its rate says nothing).
cert_round() {
  local name="tlsscan-cert$1" file="$WORK/cert$1.jsonl" lines ok
  local label="${2:-tlsscan${1:+ (round ${1#-})}}" what="${3:-$cert_what}"
  rest
  KEEP_FILES="$file" measure_quiet "$name" "$TARGETS" "${TLSSCAN[@]}" scan -i "$WORK/hosts-cert.txt" -o "$file" -q --fail-on none \
    "${probe_args[@]}" "${conc_args[@]}"
  [ "${M_RC[$name]}" -eq 0 ] || tail -n 5 "$WORK/$name.out" >&2
  read -r lines ok < <(check_records "$file" "$TARGETS")
  log "$name: $lines records, $ok ok (exit ${M_RC[$name]})"
  CERT_RATE=$(fdiv "$TARGETS" "${M_WALL[$name]}" %.0f)
  CERT_MS=$(ms_per "${M_CPU[$name]}" "$TARGETS")
  CERT_COMPLETE=0
  if [ "${M_RC[$name]}" -eq 0 ] && [ "$ok" -eq "$TARGETS" ]; then CERT_COMPLETE=1; fi
  add_row "$label" "$what, ${CONCURRENCY:-default} concurrency, $ok/$lines ok" "$TARGETS" "${M_WALL[$name]}" \
    "$CERT_RATE" "$CERT_MS" "$(mb "${M_RSS[$name]}")" "$(fdiv "$CERT_RATE" "${WRK_RATE:-0}" %.2f)× wrk" "$name"
}

# median: the median of the numbers on standard input, one a line.
median() { sort -g | awk '{ x[NR] = $1 } END { if (NR) print (NR % 2 ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2) }'; }

target_lines "$TARGETS" >"$WORK/hosts-cert.txt"
WRK_RATE=""
RATIOS=(); CERT_MS_ROUNDS=(); CERT_NAMES=()
for round in $(seq 1 "$ROUNDS"); do
  suffix=""
  [ "$ROUNDS" -gt 1 ] && suffix="-$round"
  if phase_on wrk; then wrk_round "$suffix"; fi
  if phase_on tlsscan; then
    cert_round "$suffix"
    CERT_NAMES+=("tlsscan-cert$suffix")
    if [ "$CERT_COMPLETE" = 1 ]; then
      CERT_MS_ROUNDS+=("$CERT_MS")
      if [ -n "$WRK_RATE" ]; then RATIOS+=("$(fdiv "$CERT_RATE" "$WRK_RATE" %.3f)"); fi
    else
      log "WARNING: round $round left out of the aims: the scan did not give $TARGETS ok records"
    fi
  fi
done

if phase_on stime; then
  rest
  measure_quiet stime - bash -c '
    openssl s_time -new -connect "$1:$2" -time "$4" >"$5/stime.1" 2>&1 &
    openssl s_time -new -connect "$1:$3" -time "$4" >"$5/stime.2" 2>&1 &
    wait
    cat "$5/stime.1" "$5/stime.2"' stime "$BIND" "$BASE_PORT" $(( BASE_PORT + 1 )) "$DURATION" "$WORK"
  conns=$(awk '/real seconds/ { n += $1 } END { print n + 0 }' "$WORK/stime.out")
  grep -i 'error' "$WORK/stime.out" | head -3 >&2 || true
  rate=$(fdiv "$conns" "${M_WALL[stime]}" %.0f)
  add_row "openssl s_time ×2" "-new, two parallel loops" "$conns" "${M_WALL[stime]}" "$rate" \
    "$(ms_per "${M_CPU[stime]}" "$conns")" "$(mb "${M_RSS[stime]}")" "$(fdiv "$rate" "${WRK_RATE:-0}" %.2f)× wrk" stime
fi

# C2=1: the same scan once more with the full tiered JIT (C1 then C2) instead of the launcher's C1
# only. On a run of this size C2 compilation costs more CPU than its faster code saves.
if phase_on tlsscan && [ "$C2" = 1 ]; then
  TLSSCAN_JAVA_OPTS="-XX:TieredStopAtLevel=4 -XX:CompileThresholdScaling=1 ${TLSSCAN_JAVA_OPTS:-}" \
    cert_round -c2 "tlsscan, C1 + C2 JIT" "$cert_what, -XX:TieredStopAtLevel=4"
fi

target_lines "$SSLSCAN_TARGETS" >"$WORK/hosts-deep.txt"
target_lines "$DEEP_TARGETS" >"$WORK/hosts-deep-tlsscan.txt"
DEEP_AIM=50
[ "$DEEP_PROBES" = all ] && DEEP_AIM=30

# sslscan_round SUFFIX: sslscan over the deep targets, as phase "sslscan$SUFFIX"; sets SSLSCAN_RATE.
sslscan_round() {
  local name="sslscan$1" scanned
  rest
  measure_quiet "$name" "$SSLSCAN_TARGETS" sslscan --no-colour --targets="$WORK/hosts-deep.txt"
  scanned=$(grep -c '^Testing SSL server' "$WORK/$name.out" || true)
  [ "$scanned" -eq "$SSLSCAN_TARGETS" ] || log "WARNING: sslscan tested $scanned of $SSLSCAN_TARGETS targets"
  SSLSCAN_RATE=$(fdiv "$SSLSCAN_TARGETS" "${M_WALL[$name]}" %.1f)
  add_row "sslscan${1:+ (round ${1#-})}" "--targets, deep scan, one host at a time" "$SSLSCAN_TARGETS" "${M_WALL[$name]}" "$SSLSCAN_RATE" \
    "$(ms_per "${M_CPU[$name]}" "$SSLSCAN_TARGETS")" "$(mb "${M_RSS[$name]}")" "deep baseline" "$name"
}

# deep_round SUFFIX: tlsscan --probes DEEP_PROBES over the deep lines, as phase "tlsscan-deep$SUFFIX"
# writing deep$SUFFIX.jsonl; sets DEEP_RATE, and DEEP_COMPLETE to 1 when every record is ok.
deep_round() {
  local name="tlsscan-deep$1" file="$WORK/deep$1.jsonl" lines ok conn_mean conn_median
  rest
  KEEP_FILES="$file" measure_quiet "$name" "$DEEP_TARGETS" "${TLSSCAN[@]}" scan -i "$WORK/hosts-deep-tlsscan.txt" -o "$file" -q \
    --fail-on none --probes "$DEEP_PROBES" "${conc_args[@]}"
  [ "${M_RC[$name]}" -eq 0 ] || tail -n 5 "$WORK/$name.out" >&2
  read -r lines ok < <(check_records "$file" "$DEEP_TARGETS")
  read -r conn_mean conn_median < <(jq -s -r '[.[].connections // 0] | sort
    | "\(if length > 0 then (add / length * 10 | round / 10) else 0 end) \(if length > 0 then .[length / 2 | floor] else 0 end)"' "$file")
  log "$name: $lines records, $ok ok, connections per host mean $conn_mean, median $conn_median"
  DEEP_RATE=$(fdiv "$DEEP_TARGETS" "${M_WALL[$name]}" %.1f)
  DEEP_COMPLETE=0
  if [ "${M_RC[$name]}" -eq 0 ] && [ "$ok" -eq "$DEEP_TARGETS" ]; then DEEP_COMPLETE=1; fi
  add_row "tlsscan deep${1:+ (round ${1#-})}" "--probes $DEEP_PROBES, $ok/$lines ok, connections/host mean $conn_mean median $conn_median" \
    "$DEEP_TARGETS" "${M_WALL[$name]}" "$DEEP_RATE" "$(ms_per "${M_CPU[$name]}" "$DEEP_TARGETS")" \
    "$(mb "${M_RSS[$name]}")" "$(fdiv "$DEEP_RATE" "${SSLSCAN_RATE:-0}" %.1f)× sslscan" "$name"
}

# sslscan and the deep scan alternate for DEEP_ROUNDS rounds; the aim is judged on the median of
# the ratios of the rounds whose deep scan gave an ok record for every target, as the machine's
# speed drifts between phases a minute apart. Without the deep scan, sslscan runs once.
DEEP_RATIOS=(); DEEP_NAMES=()
deep_on=0
if phase_on deep && [ "$DEEP" = 1 ]; then
  if has_probes_flag; then deep_on=1; else echo "deep scan: --probes not available yet"; fi
fi
rounds=1
[ "$deep_on" = 1 ] && rounds="$DEEP_ROUNDS"
for round in $(seq 1 "$rounds"); do
  suffix=""
  [ "$rounds" -gt 1 ] && suffix="-$round"
  SSLSCAN_RATE=""; DEEP_RATE=""
  if phase_on sslscan; then sslscan_round "$suffix"; fi
  if [ "$deep_on" = 1 ]; then
    deep_round "$suffix"
    DEEP_NAMES+=("tlsscan-deep$suffix")
    if [ "$DEEP_COMPLETE" != 1 ]; then
      log "WARNING: deep round $round left out of the aim: the scan did not give $DEEP_TARGETS ok records"
    elif [ -n "$SSLSCAN_RATE" ]; then
      DEEP_RATIOS+=("$(fdiv "$DEEP_RATE" "$SSLSCAN_RATE" %.2f)")
    fi
  fi
done

LOAD_AFTER="$(loadavg)"
print_table
for name in "${CERT_NAMES[@]}" tlsscan-cert-c2 "${DEEP_NAMES[@]}"; do
  file="$WORK/${name#tlsscan-}.jsonl"
  [ -n "${M_WALL[$name]:-}" ] && [ -s "$file" ] || continue
  span=$(record_span "$file")
  echo "$name: first target started to last record finished in $span s of ${M_WALL[$name]} s wall: $(fdiv "$(wc -l <"$file")" "$span" %.0f) targets/s without JVM start-up and exit."
done
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), ${WORKERS:-1} worker(s), $FLEET_PORTS ports on $BIND, $NCPU cores; load average before: $LOAD_BEFORE, after: $LOAD_AFTER."
echo "foreign cores = machine busy time (/proc/stat) minus the measured command's and the servers' CPU, over the wall time; above $FOREIGN_WARN_CORES the rates are depressed by other work."

# The aims of issue 4.
if [ "${#RATIOS[@]}" -gt 0 ]; then
  ratio=$(printf '%s\n' "${RATIOS[@]}" | median)
  awk -v x="$ratio" -v all="${RATIOS[*]}" 'BEGIN { printf "aim tlsscan cert ≥ 1.2× wrk: %.2f× (median of rounds: %s) %s\n", x, all, (x >= 1.2 ? "met" : "MISSED") }'
fi
if [ "${#CERT_MS_ROUNDS[@]}" -gt 0 ]; then
  ms=$(printf '%s\n' "${CERT_MS_ROUNDS[@]}" | median)
  awk -v m="$ms" -v all="${CERT_MS_ROUNDS[*]}" 'BEGIN { printf "aim ≤ 1.0 ms client CPU per target: %.2f ms (median of rounds: %s) %s\n", m, all, (m <= 1.0 ? "met" : "MISSED") }'
fi
if [ "$deep_on" = 1 ] && [ "${#DEEP_RATIOS[@]}" -eq 0 ]; then
  echo "aim deep scan (--probes $DEEP_PROBES) ≥ ${DEEP_AIM}× sslscan hosts/s: not judged, no round with sslscan and $DEEP_TARGETS ok deep records"
elif [ "${#DEEP_RATIOS[@]}" -gt 0 ]; then
  ratio=$(printf '%s\n' "${DEEP_RATIOS[@]}" | median)
  awk -v x="$ratio" -v all="${DEEP_RATIOS[*]}" -v aim="$DEEP_AIM" -v p="$DEEP_PROBES" 'BEGIN { printf "aim deep scan (--probes %s) ≥ %d× sslscan hosts/s: %.1f× (median of rounds: %s) %s\n", p, aim, x, all, (x >= aim ? "met" : "MISSED") }'
fi
