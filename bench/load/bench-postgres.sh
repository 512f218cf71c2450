#!/usr/bin/env bash
# A PostgreSQL server for the tracking benchmark that outlives one command (unlike .ci/with-postgres), so the
# generated database is kept between runs.
#   bench/load/bench-postgres.sh start   initdb on first use, start on 127.0.0.1:${DUBAN_BENCH_PG_PORT:-55432}
#   bench/load/bench-postgres.sh env     prints the export line for DUBAN_TEST_POSTGRES (eval "$(… env)")
#   bench/load/bench-postgres.sh stop
# Data in ${DUBAN_BENCH_PG_DIR:-/var/tmp/duban-bench-pg}. Same settings as the CI server (fsync off): a benchmark
# database, never anything to keep. shared_buffers 1 GB so the tracking tables (about 600 MB) stay in memory, as
# on a server sized for them; work_mem 16 MB so the sorts of the dashboard queries do not spill to disk.
set -euo pipefail
dir=${DUBAN_BENCH_PG_DIR:-/var/tmp/duban-bench-pg}
port=${DUBAN_BENCH_PG_PORT:-55432}
user=duban_bench
password=duban_bench
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ -z "$bin" ]; then echo "PostgreSQL is not installed (apt-get install postgresql, or run .ci/with-postgres once)" >&2; exit 1; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir/data" "$dir/socket"
      printf '%s\n' "$password" >"$dir/password"
      if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi
      as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/password" --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=1GB -c work_mem=16MB" start
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop
    ;;
  env)
    echo "export DUBAN_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=postgres'"
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac
