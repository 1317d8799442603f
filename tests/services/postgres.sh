# Sourced by tests/run-tests.sh: starts a throw-away PostgreSQL 15 server in a
# temporary folder (initdb + pg_ctl as the unprivileged "postgres" user when
# run as root), on a free loopback port, and exports DPP_TEST_PG_URL for the
# suites. It is stopped and deleted by the cleanup function. When the server
# binaries are missing, DPP_TEST_PG_URL stays unset and the PostgreSQL half
# of the store tests is skipped with a reason.
dpp_pg_start() {
  local bindir=""
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { bindir="$d"; break; }
  done
  if [ -z "$bindir" ]; then
    echo "postgres.sh: no PostgreSQL server binaries; PostgreSQL store tests will skip" >&2
    return 0
  fi
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres.sh: no 'postgres' user; skipping" >&2; return 0; }
    as=(runuser -u postgres --)
  fi
  DPP_PG_DIR="$(mktemp -d /tmp/dpp-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$DPP_PG_DIR"
  local port i
  # A random high port nobody answers on (bash's /dev/tcp, no extra tools).
  for i in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  if ! "${as[@]}" "$bindir/initdb" -D "$DPP_PG_DIR/data" -U dpp --auth=trust -E UTF8 --no-locale >"$DPP_PG_DIR/initdb.log" 2>&1; then
    echo "postgres.sh: initdb failed (see $DPP_PG_DIR/initdb.log); PostgreSQL tests will skip" >&2
    return 0
  fi
  if ! "${as[@]}" "$bindir/pg_ctl" -D "$DPP_PG_DIR/data" -l "$DPP_PG_DIR/server.log" -w -t 60 \
       -o "-h 127.0.0.1 -p $port -k $DPP_PG_DIR -c fsync=off -c max_connections=200" start >/dev/null; then
    echo "postgres.sh: server did not start (see $DPP_PG_DIR/server.log); PostgreSQL tests will skip" >&2
    return 0
  fi
  DPP_PG_BINDIR="$bindir"
  DPP_PG_AS="${as[*]}"
  export DPP_TEST_PG_URL="postgresql://dpp@127.0.0.1:$port/postgres"
  echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

dpp_pg_stop() {
  [ -n "${DPP_PG_DIR:-}" ] || return 0
  if [ -n "${DPP_PG_BINDIR:-}" ]; then
    $DPP_PG_AS "$DPP_PG_BINDIR/pg_ctl" -D "$DPP_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$DPP_PG_DIR"
}

dpp_pg_start
# Chain onto whatever cleanup earlier services installed.
eval "dpp_pg_prev_$(declare -f cleanup)"
cleanup() { dpp_pg_prev_cleanup; dpp_pg_stop; }
