#!/usr/bin/env bash
# Installs the Debian package with apt, checks the installed command (version, a scan of a local
# openssl s_server, its class-data archive, man pages, completion), removes it and checks that
# nothing of it is left. Usage: packaging/test-deb.sh [DEB] (default: build it). Run as root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb="${1:-$("$here/packaging/build-deb.sh")}"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
ok() { echo "test-deb: ok: $*" >&2; }

if dpkg -s tlsscan >/dev/null 2>&1; then fail "tlsscan is installed already; remove it first"; fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "$(readlink -f "$deb")" >"$work/apt.log" 2>&1 || fail "apt install: $(tail -5 "$work/apt.log")"
dpkg -L tlsscan >"$work/files"

# The command, with an empty environment: no PATH, no JAVA_HOME; it brings its own runtime.
[ "$(readlink -f /usr/bin/tlsscan)" = /usr/lib/tlsscan/bin/tlsscan ] || fail "/usr/bin/tlsscan"
env -i /usr/bin/tlsscan --version >"$work/version" || fail "tlsscan --version"
grep -q '^tlsscan ' "$work/version" && grep -q '^TLS: BoringSSL' "$work/version" \
  || fail "tlsscan --version: $(cat "$work/version")"
ok "$(head -1 "$work/version"), $(sed -n 3p "$work/version")"

# A scan of one local server through the installed command.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=deb.test \
  -addext subjectAltName=DNS:deb.test -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
port=$((20000 + RANDOM % 20000))
openssl s_server -accept "127.0.93.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" -www -quiet \
  </dev/null >"$work/s_server.log" 2>&1 &
server=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.93.1/$port") 2>/dev/null && break; sleep 0.1; done
env -i /usr/bin/tlsscan scan -q -f jsonl --fail-on none --ca-file "$work/cert.pem" \
  "deb.test:$port 127.0.93.1" >"$work/record.json" || fail "tlsscan scan exited $?"
jq -e '.status == "ok" and .certificate.trusted == true and .protocols["TLSv1.3"] == true
  and (.ciphers["TLSv1.2"] | map(.openssl_name) | index("ECDHE-ECDSA-AES128-GCM-SHA256") != null)' \
  "$work/record.json" >/dev/null || fail "record: $(cat "$work/record.json")"
ok "scan of deb.test:$port (127.0.93.1): ok, trusted, TLS 1.3"

# The installed command maps its class-data archive: -Xshare:on makes the JVM fail, not carry on
# without it, when the archive does not match the installed runtime and jar.
env -i TLSSCAN_JAVA_OPTS=-Xshare:on /usr/bin/tlsscan --version >/dev/null || fail "the class-data archive does not map"
ok "class-data archive maps"

# A man page per command, and the bash completion.
for command in $(tlsscan --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
  grep -qx "/usr/share/man/man1/tlsscan-$command.1.gz" "$work/files" || fail "no man page for $command"
done
grep -qx /usr/share/man/man1/tlsscan.1.gz "$work/files" || fail "no man page tlsscan(1)"
zcat /usr/share/man/man1/tlsscan-scan.1.gz | grep -q 'per\\-host\\-connections' || fail "man page of scan"
bash -c 'source /usr/share/bash-completion/completions/tlsscan && complete -p tlsscan' >/dev/null \
  || fail "bash completion"
ok "man pages and bash completion"

# Removal leaves nothing: none of the package's files, no directory of its own.
apt-get remove -y -q tlsscan >"$work/apt.log" 2>&1 || fail "apt remove: $(tail -5 "$work/apt.log")"
dpkg -s tlsscan >/dev/null 2>&1 && [ "$(dpkg-query -W -f='${Status}' tlsscan)" != "deinstall ok config-files" ] \
  && fail "still installed: $(dpkg-query -W -f='${Status}' tlsscan)"
left=()
while read -r path; do
  case "$path" in /usr/lib/tlsscan* | */tlsscan* | /usr/bin/tlsscan) [ -e "$path" ] && left+=("$path") ;; esac
done <"$work/files"
[ "${#left[@]}" -eq 0 ] || fail "left behind: ${left[*]}"
[ ! -e /usr/lib/tlsscan ] || fail "/usr/lib/tlsscan is still there"
ok "removed: none of its $(wc -l <"$work/files") paths is left"
