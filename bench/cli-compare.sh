#!/usr/bin/env bash
# Times two published builds of duban against each other, alternating runs so that both see the same machine load:
# `parse --json` on a tiny sample (start-up) and on a 3 MB input. Prints medians of wall time and of CPU time (user +
# system, from /usr/bin/time), and the 3 MB − tiny difference as MB/s ("process start excluded", as in
# bench/cli-throughput.sh). CPU time moves less than wall time when other processes share the machine.
# Usage: bench/cli-compare.sh DIR_A DIR_B INPUT_3MB [runs]   (DIR_x: a `dotnet publish` output folder holding duban)
set -euo pipefail
a=$1; b=$2; input=$3; runs=${4:-7}
tiny=samples/unit-clauses.txt
size=$(stat -c %s "$input")
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for _ in $(seq "$runs"); do
  for build in "$a" "$b"; do
    tag=$(echo "$build" | tr '/' '_')
    /usr/bin/time -a -o "$out/$tag.tiny" -f "%e %U %S" "$build/duban" parse "$tiny" --json >/dev/null
    /usr/bin/time -a -o "$out/$tag.big" -f "%e %U %S" "$build/duban" parse "$input" --json >/dev/null
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for build in "$a" "$b"; do
  tag=$(echo "$build" | tr '/' '_')
  tw=$(awk '{ print $1 }' "$out/$tag.tiny" | median); tc=$(awk '{ print $2 + $3 }' "$out/$tag.tiny" | median)
  bw=$(awk '{ print $1 }' "$out/$tag.big" | median); bc=$(awk '{ print $2 + $3 }' "$out/$tag.big" | median)
  awk -v n="$build" -v tw="$tw" -v tc="$tc" -v bw="$bw" -v bc="$bc" -v z="$size" 'BEGIN {
    printf "%s: tiny %.2f s (cpu %.2f s)  3 MB %.2f s (cpu %.2f s)  3 MB - tiny %.2f s wall = %.1f MB/s, %.2f s cpu = %.1f MB/s\n",
      n, tw, tc, bw, bc, bw - tw, z / (bw - tw) / 1e6, bc - tc, z / (bc - tc) / 1e6 }'
done
