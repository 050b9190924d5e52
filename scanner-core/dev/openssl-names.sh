#!/usr/bin/env bash
# Writes the table of OpenSSL's names for the cipher suites (io/tlsscan/tls/openssl-names.txt)
# from what the local OpenSSL says: `openssl ciphers -V` lists each suite it knows with its code
# point. Run it by hand with a new OpenSSL and commit the result; OpenSslNamesTest compares the
# committed table with the local openssl on every build.
set -euo pipefail
out="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/main/resources/io/tlsscan/tls/openssl-names.txt"
{
  echo "# Cipher suite code point and OpenSSL's name for it, from \`$(openssl version | cut -d' ' -f1-2)\`"
  echo "# \`openssl ciphers -V 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'\` (scanner-core/dev/openssl-names.sh)."
  openssl ciphers -V 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' |
    awk '{ split($1, b, ","); printf "%s%s %s\n", substr(b[1], 3), substr(b[2], 3), $3 }' | sort
} >"$out"
echo "wrote $(grep -vc '^#' "$out") names to $out"
