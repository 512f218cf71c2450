#!/usr/bin/env bash
# Load test of the tracking pages at 50 concurrent connections (docs/benchmarks.md, "Tracking at province scale").
#   bench/load/run-wrk.sh [DURATION]        (default 30s; needs wrk: apt-get install -y wrk)
#   THINK_MS=2000 bench/load/run-wrk.sh     50 users who each wait 2 s after a page before the next (default 0: back to back)
# Starts the bench PostgreSQL server (bench/load/bench-postgres.sh) if needed, builds the dataset if it is not there
# (tracking --load-only), makes API tokens for the bench users, starts the real server (Release, production settings,
# plain HTTP on loopback, scheduled jobs off), runs wrk against each endpoint and stops the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30s}
port=${DUBAN_WRK_PORT:-5099}
database=${DUBAN_WRK_DATABASE:-duban_tracking_100_5}
work=$(mktemp -d "${TMPDIR:-/tmp}/duban-wrk.XXXXXX")

bench/load/bench-postgres.sh start >/dev/null 2>&1 || true  # already running is fine
eval "$(bench/load/bench-postgres.sh env)"
connection="${DUBAN_TEST_POSTGRES/Database=postgres/Database=$database}"

# The benchmark project references the web application: one build makes both.
dotnet build -c Release bench/Duban.Benchmarks -v q -nologo >/dev/null
dotnet run -c Release --no-build --project bench/Duban.Benchmarks -- tracking --provider postgres --database "$database" --tokens "$work/tokens.env"
# shellcheck disable=SC1091
. "$work/tokens.env"

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Database__Provider=PostgreSQL Database__ConnectionString="$connection" Database__DataDirectory="$work/data" \
  Web__HttpsOnly=false Demo__Enabled=false Jobs__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --no-launch-profile --project src/Duban.Web >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
up=""
for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then up=1; break; fi
  sleep 1
done
if [ -z "$up" ]; then
  echo "the server did not answer on port $port; its log:" >&2
  cat "$work/server.log" >&2
  exit 1
fi

run() {
  local name=$1 token=$2 path=$3
  # Warm the server (JIT, connection pool, query caches) before measuring.
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
  TOKEN=$token wrk -t2 -c50 -d5s --timeout 30s -s bench/load/auth.lua "http://127.0.0.1:$port$path" >/dev/null
  echo "### $name: GET $path (think time ${THINK_MS:-0} ms)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo '```'
  # A 30 s timeout, so that slow answers are measured rather than counted as socket timeouts (wrk's default is 2 s).
  TOKEN=$token THINK_MS=${THINK_MS:-0} wrk -t2 -c50 -d"$duration" --timeout 30s --latency -s bench/load/auth.lua "http://127.0.0.1:$port$path"
  echo '```'
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
}

run "总览, province administrator" "$PROVINCE_TOKEN" "/api/v1/dashboard"
run "总览, city administrator" "$CITY_TOKEN" "/api/v1/dashboard"
run "我的任务, reporter" "$REPORTER_TOKEN" "/my"
run "tasks?status=overdue, province administrator" "$PROVINCE_TOKEN" "/api/v1/tasks?status=overdue"
