#!/usr/bin/env bash
# Installs the real STARTTLS servers that RealStarttlsServersTest scans, from Debian: PostgreSQL,
# Postfix (SMTP), Dovecot (IMAP, POP3), OpenLDAP's slapd, MariaDB, vsftpd (FTP) and Prosody (XMPP).
# The test runs each in the foreground with a configuration of its own in a temp dir, on a loopback
# address, and stops it; none of them runs system-wide. Run as root; packages already there are
# left alone.
set -euo pipefail

packages=(postgresql postfix dovecot-imapd dovecot-pop3d slapd mariadb-server vsftpd prosody
  openssl)
need=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || need+=("$package")
done
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # No daemon starts while the packages install: without a policy of the machine's own, one that
  # denies every start is in place for the installation only.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get update -q
  # No fsync after every file: a crash during the installation is no concern here.
  apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "${need[@]}"
fi
# Where an init system runs, it would start them at boot; the test needs none of that.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl disable --now postgresql postfix dovecot slapd mariadb vsftpd prosody \
    >/dev/null 2>&1 || true
fi
