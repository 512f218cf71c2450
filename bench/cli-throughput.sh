#!/usr/bin/env bash
# End-to-end throughput of `duban parse` on a ~3 MB text input (the five seed plans repeated), against the start-up
# cost of the same command on a tiny sample. Throughput "process start excluded" is the 3 MB time minus the best
# tiny-sample time of the same build (JIT, ReadyToRun and, where clang is installed, Native AOT). Not a test: figures
# depend on the machine and its load.
# Usage: bench/cli-throughput.sh [runs]   (from the repository root; needs ../shared/seeds)
set -euo pipefail
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/input-3mb.txt" <<'PY'
import glob, sys
parts = [open(f, encoding='utf-8').read() for f in sorted(glob.glob('../shared/seeds/*.txt'))]
s = "\n\n".join(parts); out = ""
while len(out.encode()) < 3_000_000: out += s + "\n\n"
open(sys.argv[1], 'w', encoding='utf-8').write(out)
PY
size=$(stat -c %s "$work/input-3mb.txt")
dotnet publish src/Duban.Cli -c Release -o "$work/jit" >/dev/null
# Published for a runtime, the CLI is ReadyToRun (Duban.Cli.csproj): this is how it is meant to be installed.
dotnet publish src/Duban.Cli -c Release -r linux-x64 --self-contained false -o "$work/r2r" >/dev/null
builds="jit r2r"
# Native AOT, parse-only (docs/cli.md, "A faster duban parse"): needs clang and zlib1g-dev to link.
if command -v clang >/dev/null 2>&1 && [ -e /usr/include/zlib.h ]; then
  dotnet publish src/Duban.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >/dev/null
  builds="$builds aot"
else
  echo "note: clang or zlib1g-dev missing, so no Native AOT build" >&2
fi
for build in $builds; do
  startup=99
  for what in "tiny samples/unit-clauses.txt --json" "3mb $work/input-3mb.txt --json" "3mb $work/input-3mb.txt --table"; do
    set -- $what
    for _ in $(seq "$runs"); do
      start=$(date +%s.%N)
      "$work/$build/duban" parse "$2" "$3" >/dev/null
      end=$(date +%s.%N)
      if [ "$1" = tiny ]; then startup=$(awk -v s="$start" -v e="$end" -v m="$startup" 'BEGIN { t = e - s; print (t < m) ? t : m }'); fi
      awk -v b="$build" -v n="$1" -v f="$3" -v s="$start" -v e="$end" -v z="$size" -v u="$startup" \
        'BEGIN { t = e - s; printf "%s %s %s %.2f s", b, n, f, t;
                 if (n == "3mb") printf "  %.1f MB/s end to end, %.1f MB/s start-up (%.2f s) excluded", z / t / 1e6, z / (t - u) / 1e6, u;
                 printf "\n" }'
    done
  done
done
