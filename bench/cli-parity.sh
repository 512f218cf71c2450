#!/usr/bin/env bash
# Checks that a published build of duban writes the bytes the JIT build writes, on every sample (samples/, PDFs,
# .docx, spreadsheets and web pages included) and every seed (../shared/seeds). Meant for the Native AOT build
# (docs/cli.md, "A faster duban parse").
#   bench/cli-parity.sh DIR          `parse FILE --json` of DIR/duban against the digests JsonDigestTests holds for the
#                                    JIT build (tests/Duban.Cli.Tests/Golden/json-digests.txt); what .ci/run does
#   bench/cli-parity.sh DIR_A DIR_B  the same, and `parse FILE --json` and `parse FILE --table` of the two builds
#                                    compared byte for byte (stdout, stderr, exit code)
# DIR_x: a `dotnet publish` output folder holding duban. Run from the repository root. Exits 1 on any difference.
set -euo pipefail
a=$1; b=${2:-}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
digests=tests/Duban.Cli.Tests/Golden/json-digests.txt
files=$(git ls-files samples | grep -Ev '(README\.md|\.py|\.sh)$' | grep -v '/tools/' | sort)
if [ -d ../shared/seeds ]; then files="$files $(ls ../shared/seeds/*.txt | sort)"; fi
modes="--json"; if [ -n "$b" ]; then modes="--json --table"; fi
runs=0; differ=0; off=0
for f in $files; do
  for mode in $modes; do
    # COLUMNS fixes the table's width, so that both builds lay it out alike whatever the terminal.
    set +e
    COLUMNS=160 "$a/duban" parse "$f" $mode >"$out/a" 2>"$out/a.err"; ea=$?
    set -e
    runs=$((runs + 1))
    if [ -n "$b" ]; then
      set +e
      COLUMNS=160 "$b/duban" parse "$f" $mode >"$out/b" 2>"$out/b.err"; eb=$?
      set -e
      if [ "$ea" != "$eb" ] || ! cmp -s "$out/a" "$out/b" || ! cmp -s "$out/a.err" "$out/b.err"; then
        differ=$((differ + 1)); echo "different: $f $mode (exit $ea / $eb)"
      fi
    fi
    if [ "$mode" = --json ]; then
      entry=$f; case $f in ../shared/seeds/*) entry="seeds/${f#../shared/seeds/}";; esac
      want=$(awk -v e="$entry" '$2 == e { print $1 }' "$digests")
      got=$(sha256sum <"$out/a" | cut -d' ' -f1)
      if [ "$want" != "$got" ]; then off=$((off + 1)); echo "not the recorded digest: $f (exit $ea)"; fi
    fi
  done
done
echo "cli-parity: $runs runs of $a over $(echo $files | wc -w) files: $off JSON outputs off the recorded digests${b:+, $differ different from $b}"
[ "$differ" = 0 ] && [ "$off" = 0 ]
