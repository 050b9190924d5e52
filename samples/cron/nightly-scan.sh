#!/usr/bin/env bash
# Nightly compliance scan: scans a host list, diffs the result against the previous night's, writes
# the HTML report (and Prometheus metrics when PROM_DIR is set), and exits non-zero when the policy
# failed or something got worse, so cron mails the diff and a CI or Kubernetes job fails.
#
#   usage: nightly-scan.sh HOSTS.txt RESULTS_DIR
#   crontab: 15 2 * * *  /opt/tlsscan/samples/cron/nightly-scan.sh /etc/tlsscan/hosts.txt /var/lib/tlsscan
#
# Environment: TLSSCAN (the command, default `tlsscan`; e.g. `java -jar /opt/tlsscan/tlsscan.jar`),
# FAIL_ON (severity that fails the run, default high), PROM_DIR (node_exporter's textfile
# directory), KEEP_DAYS (scans and reports kept, default 30).
# A second run on the same day continues that day's scan (--resume) instead of starting over.
set -uo pipefail

hosts="${1:?usage: nightly-scan.sh HOSTS.txt RESULTS_DIR}"
dir="${2:?usage: nightly-scan.sh HOSTS.txt RESULTS_DIR}"
fail_on="${FAIL_ON:-high}"
keep_days="${KEEP_DAYS:-30}"
# shellcheck disable=SC2206 # TLSSCAN may be a command with arguments
tlsscan=(${TLSSCAN:-tlsscan})

mkdir -p "$dir"
today="$(date -u +%F)"
scan="$dir/scan-$today.jsonl"
previous="$(find "$dir" -maxdepth 1 -name 'scan-*.jsonl' ! -name "scan-$today.jsonl" | sort | tail -n 1)"

"${tlsscan[@]}" scan -i "$hosts" -o "$scan" --resume -q --fail-on "$fail_on"
scan_code=$?
# 0 every target scanned, 3 some could not be (their records say why): both leave a whole scan.
case "$scan_code" in
  0 | 3) ;;
  1) echo "nightly-scan: findings at or above $fail_on" >&2 ;;
  *) echo "nightly-scan: scan failed (exit $scan_code); see above" >&2; exit "$scan_code" ;;
esac

"${tlsscan[@]}" report "$scan" -f html -o "$dir/report-$today.html"
if [ -n "${PROM_DIR:-}" ]; then
  # Written beside, then renamed: the collector never reads half a file.
  "${tlsscan[@]}" report "$scan" -f prometheus -o "$PROM_DIR/tlsscan.prom.tmp" \
    && mv "$PROM_DIR/tlsscan.prom.tmp" "$PROM_DIR/tlsscan.prom"
fi

diff_code=0
if [ -n "$previous" ]; then
  "${tlsscan[@]}" diff "$previous" "$scan" -f text -o "$dir/diff-$today.txt" --fail-on "$fail_on" \
    --temp-dir "$dir"
  diff_code=$?
  if [ "$diff_code" -ne 0 ]; then
    echo "nightly-scan: changes since $(basename "$previous") (exit $diff_code):" >&2
    cat "$dir/diff-$today.txt" >&2
  fi
fi

find "$dir" -maxdepth 1 \( -name 'scan-*.jsonl' -o -name 'report-*.html' -o -name 'diff-*.txt' \) \
  -mtime +"$keep_days" -delete

if [ "$scan_code" -eq 1 ] || [ "$diff_code" -ne 0 ]; then
  exit 1
fi
exit 0
