#!/usr/bin/env bash
# Installs the real STARTTLS servers that RealStarttlsServersTest scans from Debian: PostgreSQL
# (its server binaries; the test runs a fresh cluster in the foreground as the postgres user on a
# loopback address). Run as root; packages already there are left alone.
set -euo pipefail

packages=(postgresql openssl)
need=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || need+=("$package")
done
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi
# The package starts a cluster where an init system runs; the test needs none of it.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl disable --now postgresql >/dev/null 2>&1 || true
fi
