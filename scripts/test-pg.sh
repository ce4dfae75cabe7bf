#!/usr/bin/env bash
# PostgreSQL for the test suite, called by scripts/test-setup.sh (npm pretest).
#   scripts/test-pg.sh start   initialise (once) and start a throw-away cluster on 127.0.0.1:54329,
#                              then write its admin URL to data/test-pg-url for the tests to read
#   scripts/test-pg.sh stop    stop it
# Tests create one database per test db (CREATE DATABASE … TEMPLATE template0) and drop it after.
# Durability is switched off (fsync, synchronous_commit, full_page_writes): the data is disposable.
# Never fails the caller: without PostgreSQL the URL file is absent and the PostgreSQL tests skip.
set -uo pipefail
PORT="${DONDOC_TEST_PG_PORT:-54329}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
URL_FILE="$ROOT/data/test-pg-url"
DATA="${DONDOC_TEST_PG_DIR:-/tmp/dondoc-test-pg-$PORT}"
LOG="$DATA.log"
URL="postgresql://postgres@127.0.0.1:$PORT/postgres"

pg_bin() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  # Debian keeps the server binaries off PATH.
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# PostgreSQL refuses to run as root: as root, run the cluster as the `postgres` user (Debian's
# package creates it); otherwise as whoever runs the tests.
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  mkdir -p "$ROOT/data"
  rm -f "$URL_FILE"
  local bin; bin="$(pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "test-pg: PostgreSQL not installed (apt-get install postgresql) — PostgreSQL tests will skip."
    return 0
  fi
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
      echo "test-pg: no 'postgres' user to run the server as — PostgreSQL tests will skip."
      return 0
    fi
    if [ ! -s "$DATA/PG_VERSION" ]; then
      rm -rf "$DATA" && mkdir -p "$DATA"
      [ "$(id -u)" = "0" ] && chown postgres: "$DATA"
      # --no-locale: byte-order collation, the order SQLite's BINARY gives the same queries.
      as_owner "$bin/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-locale >"$LOG" 2>&1 \
        || { echo "test-pg: initdb failed, see $LOG — PostgreSQL tests will skip."; return 0; }
    fi
    touch "$LOG" && { [ "$(id -u)" != "0" ] || chown postgres: "$LOG"; }
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o \
      "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null 2>&1 || { echo "test-pg: the server did not start, see $LOG — PostgreSQL tests will skip."; return 0; }
  fi
  echo "$URL" >"$URL_FILE"
  echo "test-pg: PostgreSQL ready at 127.0.0.1:$PORT ($DATA)"
}

stop() {
  local bin; bin="$(pg_bin)"
  [ -n "$bin" ] && [ -s "$DATA/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1
  rm -f "$URL_FILE"
  return 0
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop"; exit 2 ;;
esac
exit 0
