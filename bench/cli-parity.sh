#!/usr/bin/env bash
# Checks that two published builds of duban write the same bytes: `parse FILE --json` and `parse FILE --table` on every
# sample (samples/, PDFs included) and every seed (../shared/seeds), with the same exit code. Meant for the Native AOT
# build against the JIT/ReadyToRun one (docs/cli.md, "A faster duban parse"); it also checks the first build's JSON
# against the digests JsonDigestTests holds (tests/Duban.Cli.Tests/Golden/json-digests.txt).
# Usage: bench/cli-parity.sh DIR_A DIR_B   (from the repository root; DIR_x: a `dotnet publish` output folder holding duban)
set -euo pipefail
a=$1; b=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
digests=tests/Duban.Cli.Tests/Golden/json-digests.txt
files=$(git ls-files samples | grep -Ev '(README\.md|\.py|\.sh)$' | grep -v '/tools/' | sort)
if [ -d ../shared/seeds ]; then files="$files $(ls ../shared/seeds/*.txt | sort)"; fi
checked=0; differ=0; stale=0
for f in $files; do
  for mode in --json --table; do
    # COLUMNS fixes the table's width, so that both builds lay it out alike whatever the terminal.
    set +e
    COLUMNS=160 "$a/duban" parse "$f" $mode >"$out/a" 2>"$out/a.err"; ea=$?
    COLUMNS=160 "$b/duban" parse "$f" $mode >"$out/b" 2>"$out/b.err"; eb=$?
    set -e
    checked=$((checked + 1))
    if [ "$ea" != "$eb" ] || ! cmp -s "$out/a" "$out/b" || ! cmp -s "$out/a.err" "$out/b.err"; then
      differ=$((differ + 1)); echo "DIFFERENT: $f $mode (exit $ea / $eb)"
    fi
    if [ "$mode" = --json ]; then
      entry=$f; case $f in ../shared/seeds/*) entry="seeds/${f#../shared/seeds/}";; esac
      want=$(awk -v e="$entry" '$2 == e { print $1 }' "$digests")
      got=$(sha256sum <"$out/a" | cut -d' ' -f1)
      if [ -n "$want" ] && [ "$want" != "$got" ]; then stale=$((stale + 1)); echo "not the recorded digest: $f ($a)"; fi
    fi
  done
done
echo "$checked runs compared ($(echo $files | wc -w) files, --json and --table): $differ different; $stale JSON outputs off the recorded digests"
[ "$differ" = 0 ]
