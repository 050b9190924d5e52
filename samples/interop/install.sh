#!/usr/bin/env bash
# Installs the TLS servers of the interoperability matrix (InteropMatrixTest) from Debian:
# lighttpd with each of its TLS modules (OpenSSL, GnuTLS, mbedTLS, NSS, wolfSSL), GnuTLS's
# gnutls-serv and caddy (Go's crypto/tls). The JSSE server runs in the test's own JVM. Run as root;
# packages already there are left alone. The tests start every server themselves, on loopback.
set -euo pipefail

packages=(lighttpd lighttpd-mod-openssl lighttpd-mod-gnutls lighttpd-mod-mbedtls lighttpd-mod-nss
  lighttpd-mod-wolfssl gnutls-bin caddy openssl)
need=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || need+=("$package")
done
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi
# The packages start their daemons where an init system runs; the tests need the ports of
# neither, but stop them so that nothing serves TLS unasked.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl disable --now lighttpd caddy >/dev/null 2>&1 || true
fi
