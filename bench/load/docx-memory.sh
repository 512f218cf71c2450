#!/usr/bin/env bash
# The server's memory while the 导入 wizard analyses a large .docx (docs/benchmarks.md, "A large .docx").
#   bench/load/docx-memory.sh [FILE.docx]   (default: generates a 15 MB .docx with 88 MB of document.xml)
# Starts the real server (Release, production settings, demo data on SQLite in a temporary folder, plain HTTP on
# loopback), signs in as the demo administrator, uploads a small plan to warm up, then the large file through the
# wizard's form, and prints the server's resident memory (VmRSS) before and its peak (VmHWM) after. Linux only.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${DUBAN_DOCX_PORT:-5098}
work=$(mktemp -d "${TMPDIR:-/tmp}/duban-docx.XXXXXX")

dotnet build -c Release bench/Duban.Benchmarks -v q -nologo >/dev/null
bench=bench/Duban.Benchmarks/bin/Release/net10.0/Duban.Benchmarks.dll
file=${1:-$work/large.docx}
[ -f "$file" ] || dotnet "$bench" docx-memory generate "$file"

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Database__DataDirectory="$work/data" Web__HttpsOnly=false Demo__Enabled=true Jobs__Enabled=false \
  Logging__LogLevel__Default=Warning \
  dotnet src/Duban.Web/bin/Release/net10.0/Duban.Web.dll >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 1; done

base="http://127.0.0.1:$port"
jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//; s/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g'; }
curl -fs -c "$jar" -b "$jar" "$base/signin" | token >"$work/t"
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=admin" --data-urlencode "Password=duban-demo" \
  --data-urlencode "__RequestVerificationToken=$(cat "$work/t")" "$base/account/signin"
upload() {
  curl -fs -c "$jar" -b "$jar" "$base/import" | token >"$work/t"
  curl -s -o "$work/review.html" -w '%{http_code} %{time_total}s' -c "$jar" -b "$jar" \
    -F "__RequestVerificationToken=$(cat "$work/t")" -F "_handler=upload-plan" -F "regionId=" -F "file=@$1" "$base/import"
}
rss() { grep -E "^$1:" "/proc/$server/status" | awk '{ printf "%.0f MB", $2 / 1024 }'; }

echo "warm-up with samples/deadline-forms.txt: $(upload samples/deadline-forms.txt)"
sleep 2
echo "$(basename "$file") ($(stat -c %s "$file") bytes); server before: $(rss VmRSS), peak so far: $(rss VmHWM)"
echo "upload: $(upload "$file")"
echo "server after: $(rss VmRSS), peak: $(rss VmHWM)"
grep -o 'id="import-problem"[^<]*<strong>[^<]*</strong>[^<]*' "$work/review.html" | sed 's/<[^>]*>//g; s/^id="import-problem"[^>]*>//' || echo "(no problem shown: the file was analysed)"
