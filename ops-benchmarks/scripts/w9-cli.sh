#!/usr/bin/env bash
# W9 (BENCHMARKS.md): the whole-process time of `./opsbook classify` against the floor, `java -version`, with the
# same java. Runs both N times in alternation (after one unreported warm-up each, which also lets the launcher
# write its class-data-sharing archive) and prints each median, the spread, and the ratio of the medians.
#   ops-benchmarks/scripts/w9-cli.sh [runs, default 21]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-21}"
request='{ "affectsNormalCommunication": true, "affectedCustomersConfirmed": 600, "keyInterfaceOutageMinutes": 20 }'

ms() { # runs "$@" once and prints its wall time in milliseconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 </dev/null || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
classify() { printf '%s' "$request" | "$root/opsbook" classify; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s %s %s", m, a[1], a[NR]}'; }

classify >/dev/null # builds the jar if needed and writes the archive
java -version >/dev/null 2>&1
floor=(); ours=()
for _ in $(seq 1 "$runs"); do
  floor+=("$(ms java -version)")
  ours+=("$(ms classify)")
done
read -r fm fmin fmax <<<"$(printf '%s\n' "${floor[@]}" | median)"
read -r om omin omax <<<"$(printf '%s\n' "${ours[@]}" | median)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command | median ms | min–max ms |"
echo "|---|---|---|"
echo "| java -version (floor) | $fm | $fmin–$fmax |"
echo "| ./opsbook classify | $om | $omin–$omax |"
awk -v o="$om" -v f="$fm" 'BEGIN { printf "ratio of medians: %.2f (goal ≤ 2.0)\n", o / f }'
