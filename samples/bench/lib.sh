# shellcheck shell=bash
# Shared helpers of the benchmark scripts (sourced, not run): installing missing tools, the tlsscan
# jar, the loopback nginx fleet, a tarpit, CPU accounting from /proc and the result table.
# Everything started here is registered and stopped by the EXIT trap; all traffic stays on 127.0.0.0/8.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/../.." && pwd)"
JAR="$REPO_DIR/scanner-cli/target/tlsscan.jar"
CLK_TCK="$(getconf CLK_TCK)"
NCPU="$(nproc)"
BIND="${BIND:-127.0.0.1}"
FOREIGN_WARN_CORES="${FOREIGN_WARN_CORES:-0.15}"

CLEANUP_PIDS=()
SERVER_PIDS=()   # the loopback servers (nginx, tarpit, s_server): their CPU is not "foreign"
WORK=""

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

case "$BIND" in 127.*) ;; *) die "BIND=$BIND is not a loopback address (127.0.0.0/8 only)" ;; esac

# Stops every registered process (TERM, then KILL after 5 s) and removes the work dir unless KEEP=1.
bench_cleanup() {
  local pid i
  for pid in "${CLEANUP_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || continue
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
}

# Creates the work dir and installs the EXIT trap. Call once, first.
bench_init() {
  WORK="$(mktemp -d /tmp/tlsscan-bench.XXXXXX)"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

# ensure_tools COMMAND=PACKAGE... installs the packages whose command is missing (apt-get, root only).
ensure_tools() {
  local missing=() pair pkg
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  command -v apt-get >/dev/null 2>&1 || die "missing: ${missing[*]}, and no apt-get to install them"
  if [ -z "${BENCH_APT_UPDATED:-}" ]; then
    log "apt-get update"
    apt-get update -q >&2
    BENCH_APT_UPDATED=1
  fi
  local resolved=()
  for pkg in "${missing[@]}"; do
    # nginx-light is gone from newer Debian releases; plain nginx is the same server.
    if [ "$pkg" = nginx-light ] && ! apt-cache show nginx-light >/dev/null 2>&1; then pkg=nginx; fi
    resolved+=("$pkg")
  done
  log "apt-get install ${resolved[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${resolved[@]}" >&2
}

# Builds the jar when needed (through the ./tlsscan launcher) and captures `scan --help`.
# Measurements run the launcher too, so they see what a user gets: its JVM options, the native
# libraries unpacked at build time and the class-data archive (TLSSCAN_JAVA_OPTS still applies).
prepare_tlsscan() {
  SCAN_HELP="$("$REPO_DIR/tlsscan" scan --help 2>&1)" || die "tlsscan does not start: $SCAN_HELP"
  [ -f "$JAR" ] || die "no $JAR after the build"
  TLSSCAN=("$REPO_DIR/tlsscan")
}

has_probes_flag() { grep -q -- '--probes' <<<"$SCAN_HELP"; }

# Probe flags for a certificate-only scan: `--probes cert` once the flag exists, else nothing
# (a scan without the flag already does exactly the handshake and certificate analysis).
cert_probe_args() { if has_probes_flag; then echo "--probes cert"; fi; }

# A self-signed ECDSA P-256 certificate for bench.test and 127.0.0.1, written to DIR/cert.pem, DIR/key.pem.
make_cert() {
  local dir="$1"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 \
    -subj /CN=bench.test -addext "subjectAltName=DNS:bench.test,IP:127.0.0.1" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null || die "openssl could not make a certificate"
}

# ports_free FIRST LAST: true when no TCP socket on BIND (or on every address) uses a port in
# FIRST..LAST, listening or connected (a client's ephemeral port blocks a bind too); TIME_WAIT is
# ignored (servers here bind with SO_REUSEADDR). Sockets on other loopback addresses do not collide.
ports_free() {
  ! ss -Htan "sport >= :$1 and sport <= :$2" 2>/dev/null | awk -v bind="$BIND" '
    $1 == "TIME-WAIT" { next }
    { addr = $4; sub(/:[0-9]+$/, "", addr) }
    addr == bind || addr == "0.0.0.0" || addr == "*" || addr == "[::]" || addr == "[::ffff:" bind "]" { found = 1 }
    END { exit !found }'
}

# default_base_port OFFSET: a port above the kernel's ephemeral range (so that no client socket can
# be holding it), plus OFFSET; 44300 + OFFSET when the range leaves no room.
default_base_port() {
  local high
  high="$(awk '{ print $2 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 60999)"
  if [ $(( high + 1 + $1 + 400 )) -le 65535 ]; then echo $(( high + 1 + $1 )); else echo $(( 44300 + $1 )); fi
}

# wait_port HOST PORT SECONDS: waits until HOST:PORT accepts a TCP connection.
wait_port() {
  local i
  for i in $(seq 1 $(( $3 * 10 ))); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# Starts nginx on FLEET_PORTS ports from BASE_PORT on BIND (one server block, every handshake full)
# and a plain-HTTP stub_status on the port after the last one. Sets NGINX_PID, STATUS_PORT, FLEET_DIR.
fleet_start() {
  FLEET_PORTS="${FLEET_PORTS:-200}"
  BASE_PORT="${BASE_PORT:-$(default_base_port 0)}"
  local workers="${WORKERS:-1}" last=$(( BASE_PORT + FLEET_PORTS ))
  ports_free "$BASE_PORT" "$last" || die "a port in $BASE_PORT..$last is in use; set BASE_PORT"
  FLEET_DIR="$WORK/fleet"
  mkdir -p "$FLEET_DIR/logs"
  make_cert "$FLEET_DIR"
  awk -v bind="$BIND" -v base="$BASE_PORT" -v n="$FLEET_PORTS" \
    'BEGIN { for (i = 0; i < n; i++) printf "listen %s:%d ssl;\n", bind, base + i }' >"$FLEET_DIR/listen.conf"
  # Debian's build points its temp paths at /var/lib/nginx; keep them in the fleet dir instead.
  : >"$FLEET_DIR/temp-paths.conf"
  local kind
  for kind in client_body proxy fastcgi uwsgi scgi; do
    if nginx -V 2>&1 | grep -q -- "--http-${kind/client_body/client-body}-temp-path"; then
      echo "${kind}_temp_path $FLEET_DIR/tmp-$kind;" >>"$FLEET_DIR/temp-paths.conf"
    fi
  done
  STATUS_PORT=""
  : >"$FLEET_DIR/status.conf"
  if nginx -V 2>&1 | grep -q stub_status; then
    STATUS_PORT=$last
    printf 'server { listen %s:%d; location = /status { stub_status; } }\n' "$BIND" "$STATUS_PORT" >"$FLEET_DIR/status.conf"
  fi
  sed -e "s/@WORKERS@/$workers/" "$BENCH_DIR/nginx.conf.template" >"$FLEET_DIR/nginx.conf"
  local early_log=()
  if nginx -h 2>&1 | grep -q -- ' -e '; then early_log=(-e "$FLEET_DIR/logs/error.log"); fi
  nginx "${early_log[@]}" -t -q -p "$FLEET_DIR/" -c "$FLEET_DIR/nginx.conf" >&2 || die "nginx rejects $FLEET_DIR/nginx.conf"
  nginx "${early_log[@]}" -p "$FLEET_DIR/" -c "$FLEET_DIR/nginx.conf" </dev/null >"$FLEET_DIR/logs/stdout.log" 2>&1 &
  NGINX_PID=$!
  CLEANUP_PIDS+=("$NGINX_PID")
  SERVER_PIDS+=("$NGINX_PID")
  # nginx writes its pid file once every listen socket is bound (it retries a busy port for a while).
  local i
  for i in $(seq 1 100); do
    [ -s "$FLEET_DIR/nginx.pid" ] && break
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$NGINX_PID" 2>/dev/null && [ -s "$FLEET_DIR/nginx.pid" ] && wait_port "$BIND" $(( last - 1 )) 10 \
    || die "nginx did not start: $(grep -m 3 emerg "$FLEET_DIR/logs/error.log" "$FLEET_DIR/logs/stdout.log" 2>/dev/null)"
  log "fleet: nginx pid $NGINX_PID, $FLEET_PORTS ports $BIND:$BASE_PORT-$(( last - 1 )), $workers worker(s), ECDSA P-256, no session resumption"
}

# Connections nginx has accepted so far (0 without stub_status). The status request itself adds one.
fleet_accepts() {
  [ -n "${STATUS_PORT:-}" ] || { echo 0; return; }
  { timeout 5 bash -c "exec 3<>/dev/tcp/$BIND/$STATUS_PORT && printf 'GET /status HTTP/1.0\r\n\r\n' >&3 && cat <&3" 2>/dev/null || true; } |
    awk '/^ *[0-9]+ +[0-9]+ +[0-9]+ *\r?$/ { print $1; found = 1; exit } END { if (!found) print 0 }'
}

# CPU ticks (utime + stime) of the SERVER_PIDS and their children (nginx's workers).
server_ticks() {
  local pid total=0 t root
  for root in "${SERVER_PIDS[@]}"; do
    for pid in "$root" $(pgrep -P "$root" 2>/dev/null); do
      t="$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)"
      total=$(( total + t ))
    done
  done
  echo "$total"
}

# "busy steal" ticks of the whole machine: user+nice+system+irq+softirq, and steal, from /proc/stat.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $9; exit }' /proc/stat; }

# measure NAME COUNT COMMAND... runs COMMAND under /usr/bin/time, its stdout and stderr going to
# $WORK/NAME.out, and stores, under NAME:
# wall seconds, user+sys CPU seconds, peak RSS (kB), the servers' CPU seconds, the connections nginx
# accepted, and the "foreign" cores (machine busy time minus the command's and the servers' CPU,
# over the wall time).
# COUNT is the number of targets the command handles ("-" when only the command's output knows).
declare -A M_WALL M_CPU M_RSS M_SERVER M_CONNS M_FOREIGN M_RC M_STEAL
measure() {
  local name="$1" count="$2"; shift 2
  local tf="$WORK/$name.time" b0 s0 b1 s1 n0 n1 a0 a1 t0 t1 rc=0
  a0="$(fleet_accepts)"
  read -r b0 s0 < <(machine_ticks)
  n0="$(server_ticks)"
  t0="$(date +%s%N)"
  /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$WORK/$name.out" 2>&1 || rc=$?
  t1="$(date +%s%N)"
  n1="$(server_ticks)"
  read -r b1 s1 < <(machine_ticks)
  a1="$(fleet_accepts)"
  local e u s m
  read -r e u s m < <(tail -n 1 "$tf")
  M_RC[$name]=$rc
  M_WALL[$name]="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
  M_CPU[$name]="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')"
  M_RSS[$name]="$m"
  M_SERVER[$name]="$(awk -v a="$n0" -v b="$n1" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", (b - a) / hz }')"
  M_CONNS[$name]=$(( a1 > a0 ? a1 - a0 - 1 : 0 ))
  M_FOREIGN[$name]="$(awk -v b0="$b0" -v b1="$b1" -v hz="$CLK_TCK" -v c="${M_CPU[$name]}" -v n="${M_SERVER[$name]}" -v w="${M_WALL[$name]}" \
    'BEGIN { f = ((b1 - b0) / hz - c - n) / w; printf "%.2f", (f < 0 ? 0 : f) }')"
  M_STEAL[$name]="$(awk -v a="$s0" -v b="$s1" -v hz="$CLK_TCK" -v w="${M_WALL[$name]}" 'BEGIN { printf "%.2f", (b - a) / hz / w }')"
  if awk -v f="${M_FOREIGN[$name]}" -v lim="$FOREIGN_WARN_CORES" 'BEGIN { exit !(f > lim) }'; then
    log "WARNING: other processes used ${M_FOREIGN[$name]} cores during '$name' (limit $FOREIGN_WARN_CORES): its figures are low; rerun on a quiet machine"
  fi
  log "$name: ${M_WALL[$name]} s wall, ${M_CPU[$name]} s CPU, $(( m / 1024 )) MB peak RSS, servers ${M_SERVER[$name]} s CPU, ${M_CONNS[$name]} server connections, foreign ${M_FOREIGN[$name]} cores, exit $rc"
}

# measure_quiet NAME COUNT COMMAND...: measure, repeated up to RETRIES more times (default 2) while
# other processes used more than FOREIGN_WARN_CORES; keeps the attempt with the fewest foreign cores
# (its figures, its $WORK/NAME.out and the files named in KEEP_FILES, e.g. its records).
measure_quiet() {
  local name="$1" tries=$(( ${RETRIES:-2} + 1 )) i best="" f
  declare -A keep=()
  for i in $(seq 1 "$tries"); do
    [ "$i" -gt 1 ] && { log "$name: retrying ($i of $tries) for a quieter machine"; sleep "${PAUSE:-2}"; wait_quiet; }
    measure "$@"
    if [ -z "$best" ] || awk -v a="${M_FOREIGN[$name]}" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best="${M_FOREIGN[$name]}"
      keep=([wall]="${M_WALL[$name]}" [cpu]="${M_CPU[$name]}" [rss]="${M_RSS[$name]}" [server]="${M_SERVER[$name]}"
        [conns]="${M_CONNS[$name]}" [foreign]="${M_FOREIGN[$name]}" [rc]="${M_RC[$name]}" [steal]="${M_STEAL[$name]}")
      for f in "$WORK/$name.out" ${KEEP_FILES:-}; do [ -f "$f" ] && cp "$f" "$f.best"; done
    fi
    awk -v f="${M_FOREIGN[$name]}" -v lim="$FOREIGN_WARN_CORES" 'BEGIN { exit !(f <= lim) }' && break
  done
  M_WALL[$name]="${keep[wall]}"; M_CPU[$name]="${keep[cpu]}"; M_RSS[$name]="${keep[rss]}"; M_SERVER[$name]="${keep[server]}"
  M_CONNS[$name]="${keep[conns]}"; M_FOREIGN[$name]="${keep[foreign]}"; M_RC[$name]="${keep[rc]}"; M_STEAL[$name]="${keep[steal]}"
  for f in "$WORK/$name.out" ${KEEP_FILES:-}; do [ -f "$f.best" ] && mv "$f.best" "$f"; done
  [ "$i" -gt 1 ] && log "$name: kept the attempt with ${M_FOREIGN[$name]} foreign cores"
  return 0
}

# Waits, up to QUIET_WAIT seconds (default 30), for a second in which the machine's busy CPU minus
# the servers' stays under FOREIGN_WARN_CORES cores, so that a measurement starts on a quiet machine.
wait_quiet() {
  local limit="${QUIET_WAIT:-30}" waited=0 b0 b1 n0 n1 steal
  while [ "$waited" -lt "$limit" ]; do
    read -r b0 steal < <(machine_ticks); n0="$(server_ticks)"
    sleep 1
    read -r b1 steal < <(machine_ticks); n1="$(server_ticks)"
    if awk -v b=$(( b1 - b0 )) -v n=$(( n1 - n0 )) -v hz="$CLK_TCK" -v lim="$FOREIGN_WARN_CORES" \
      'BEGIN { exit !((b - n) / hz < lim) }'; then return 0; fi
    waited=$(( waited + 1 ))
  done
  log "the machine stayed busy for ${limit} s (other processes); measuring anyway"
}

# Table rows, printed by print_table: "tool|what|count|seconds|rate|ms_per_target|rss_mb|ratio|name".
TABLE_ROWS=()
add_row() { TABLE_ROWS+=("$1|$2|$3|$4|$5|$6|$7|$8|$9"); }

print_table() {
  echo
  echo "| tool | what | count | seconds | rate/s | client CPU ms/target | peak RSS MB | ratio | nginx CPU ms/conn | server conns/target | foreign cores |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|"
  local row tool what count secs rate ms rss ratio name
  for row in "${TABLE_ROWS[@]}"; do
    IFS='|' read -r tool what count secs rate ms rss ratio name <<<"$row"
    local conns="${M_CONNS[$name]:-0}" nginx_ms="-" per="-"
    if [ "$conns" -gt 0 ]; then
      nginx_ms="$(awk -v n="${M_SERVER[$name]}" -v c="$conns" 'BEGIN { printf "%.2f", n * 1000 / c }')"
      per="$(awk -v c="$conns" -v t="$count" 'BEGIN { printf "%.2f", c / t }')"
    fi
    echo "| $tool | $what | $count | $secs | $rate | $ms | $rss | $ratio | $nginx_ms | $per | ${M_FOREIGN[$name]:--} |"
  done
  echo
}

# record_span FILE: seconds from the first record's started_at to the last record's end
# (started_at + duration_ms): the scan itself, without JVM start-up and exit.
record_span() {
  jq -r 'def ms: capture("^(?<s>[^.Z]+)(\\.(?<f>[0-9]+))?Z$") | ((.s + "Z" | fromdateiso8601) * 1000 + (((.f // "0") + "000")[0:3] | tonumber));
         "\(.started_at | ms) \(.duration_ms)"' "$1" |
    awk 'NR == 1 { lo = $1; hi = $1 + $2 } { if ($1 < lo) lo = $1; if ($1 + $2 > hi) hi = $1 + $2 } END { printf "%.3f\n", (hi - lo) / 1000 }'
}

# Small float helpers for the scripts.
fdiv() { awk -v a="$1" -v b="$2" -v f="${3:-%.1f}" 'BEGIN { if (b == 0) print "-"; else printf f "\n", a / b }'; }
ms_per() { awk -v cpu="$1" -v n="$2" 'BEGIN { if (n == 0) print "-"; else printf "%.2f\n", cpu * 1000 / n }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f\n", k / 1024 }'; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
