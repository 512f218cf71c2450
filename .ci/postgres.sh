# Sourced by .ci/run and .ci/with-postgres: start and stop a throw-away PostgreSQL server for the integration tests.
#
#   postgres_start   installs the server when missing (as root, from Debian's packages), makes a data directory
#                    in a fresh temporary folder, initdb and pg_ctl start as the postgres user (never as root) on a
#                    free loopback port, and exports DUBAN_TEST_POSTGRES for the tests.
#   postgres_stop    stops that server and removes the folder; safe to call twice or when nothing was started.

DUBAN_PG_ROOT=""
DUBAN_PG_BIN=""

# Runs a command as the server's owner: the postgres user when we are root, else ourselves.
duban_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

duban_pg_find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  fi
}

duban_pg_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "ci: PostgreSQL server binaries are missing and only root can install them (apt-get install postgresql)" >&2
    return 1
  fi
  echo "ci: installing PostgreSQL from Debian's packages" >&2
  # Keep the package's own start-up scripts from starting a cluster of their own while it installs.
  local policy=/usr/sbin/policy-rc.d added_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=1
  fi
  local status=0
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; } >&2 || status=$?
  if [ -n "$added_policy" ]; then rm -f "$policy"; fi
  return "$status"
}

# A port nothing listens on yet; the caller retries when another process takes it first.
duban_pg_free_port() {
  local port tries=0
  while [ "$tries" -lt 100 ]; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

postgres_start() {
  DUBAN_PG_BIN=$(duban_pg_find_bin)
  if [ -z "$DUBAN_PG_BIN" ]; then
    duban_pg_install || return 1
    DUBAN_PG_BIN=$(duban_pg_find_bin)
    if [ -z "$DUBAN_PG_BIN" ]; then
      echo "ci: PostgreSQL was installed but no /usr/lib/postgresql/*/bin/initdb was found" >&2
      return 1
    fi
  fi

  DUBAN_PG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/duban-pg.XXXXXX")
  mkdir -p "$DUBAN_PG_ROOT/data" "$DUBAN_PG_ROOT/socket"
  local user=duban_test password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$DUBAN_PG_ROOT/password"
  chmod 700 "$DUBAN_PG_ROOT"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$DUBAN_PG_ROOT"
  fi

  # The test role is the superuser initdb makes: the tests create and drop a database per test class.
  # Password authentication over TCP, and no TCP address but loopback.
  if ! duban_pg_as_owner "$DUBAN_PG_BIN/initdb" -D "$DUBAN_PG_ROOT/data" -U "$user" --pwfile="$DUBAN_PG_ROOT/password" \
      --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$DUBAN_PG_ROOT/initdb.log" 2>&1; then
    echo "ci: initdb failed:" >&2
    cat "$DUBAN_PG_ROOT/initdb.log" >&2
    return 1
  fi
  rm -f "$DUBAN_PG_ROOT/password"

  # A throw-away server need not survive a crash: without fsync the suite runs faster.
  local port attempt started=""
  for attempt in 1 2 3 4 5; do
    port=$(duban_pg_free_port) || break
    if duban_pg_as_owner "$DUBAN_PG_BIN/pg_ctl" -D "$DUBAN_PG_ROOT/data" -l "$DUBAN_PG_ROOT/server.log" -w -t 60 \
        -o "-p $port -k $DUBAN_PG_ROOT/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
      started=1
      break
    fi
    echo "ci: PostgreSQL did not start on port $port (attempt $attempt); trying another" >&2
  done
  if [ -z "$started" ]; then
    echo "ci: could not start PostgreSQL; its log:" >&2
    cat "$DUBAN_PG_ROOT/server.log" >&2 || true
    return 1
  fi

  local waited=0
  until "$DUBAN_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$user" -d postgres; do
    waited=$((waited + 1))
    if [ "$waited" -ge 60 ]; then
      echo "ci: PostgreSQL on port $port is not accepting connections after 60 s" >&2
      return 1
    fi
    sleep 1
  done

  export DUBAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=postgres"
  echo "ci: PostgreSQL $("$DUBAN_PG_BIN/postgres" --version | awk '{print $3}') is running on 127.0.0.1:$port (data in $DUBAN_PG_ROOT)" >&2
}

postgres_stop() {
  if [ -n "$DUBAN_PG_ROOT" ] && [ -d "$DUBAN_PG_ROOT" ]; then
    if [ -f "$DUBAN_PG_ROOT/data/postmaster.pid" ]; then
      duban_pg_as_owner "$DUBAN_PG_BIN/pg_ctl" -D "$DUBAN_PG_ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DUBAN_PG_ROOT"
  fi
  DUBAN_PG_ROOT=""
}
