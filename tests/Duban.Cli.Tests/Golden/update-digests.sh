#!/usr/bin/env bash
# Rewrites json-digests.txt from the built CLI, for a deliberate change to what `duban parse --json` writes (a parser
# rule, a new field). Review the sample tests first: the digests only guard against changes nobody meant.
#   flock /tmp/dotnet.lock dotnet build tests/Duban.Cli.Tests && tests/Duban.Cli.Tests/Golden/update-digests.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
dll=$(ls "$root"/tests/Duban.Cli.Tests/bin/*/net10.0/duban.dll | head -n 1)
seeds="$root/../shared/seeds"
out="$root/tests/Duban.Cli.Tests/Golden/json-digests.txt"
{
  echo '# SHA-256 of `duban parse FILE --json` (stdout bytes): the output must not change unless meant to.'
  echo '# samples/… are in the repository, seeds/… in ../shared/seeds. Regenerate with update-digests.sh beside this file.'
  cd "$root"
  for f in $(git ls-files samples | grep -Ev '(README\.md|\.py)$' | grep -v '/tools/' | sort); do
    echo "$({ dotnet "$dll" parse "$f" --json 2>/dev/null || true; } | sha256sum | cut -d' ' -f1) $f"
  done
  if [ -d "$seeds" ]; then
    for f in $(cd "$seeds" && ls *.txt | sort); do
      echo "$({ dotnet "$dll" parse "$seeds/$f" --json 2>/dev/null || true; } | sha256sum | cut -d' ' -f1) seeds/$f"
    done
  fi
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $(grep -vc '^#' "$out") digests to $out"
