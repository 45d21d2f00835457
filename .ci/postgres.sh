# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1:55432 for the test run and exports
# TEST_DATABASE_URL. Used by .ci/run; developers can source it too.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=${PG_DIR:-/tmp/wxshop-ci-pg}
PG_PORT=${PG_PORT:-55432}

start_test_postgres() {
  [ -x "$PG_BIN/initdb" ] || return 1
  local as=()
  # initdb refuses to run as root: use the postgres system user when we are root
  if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || return 1; as=(runuser -u postgres --); fi
  rm -rf "$PG_DIR" && mkdir -p "$PG_DIR" && chmod 777 "$PG_DIR"
  "${as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U wxshop --auth=trust -E UTF8 >/dev/null || return 1
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null || return 1
  "${as[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U wxshop wxshop_test || return 1
  export TEST_DATABASE_URL="postgres://wxshop@127.0.0.1:$PG_PORT/wxshop_test"
  echo "PostgreSQL ready: $TEST_DATABASE_URL"
}

stop_test_postgres() {
  [ -d "$PG_DIR/data" ] || return 0
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
