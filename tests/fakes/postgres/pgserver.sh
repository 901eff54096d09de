#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Private PostgreSQL server for the tests: pgserver.sh start|stop DIR.
#
# start: initialises DIR/data once (trust authentication, role `sixbtc`, database `sixbtc_test`), starts the server
#        listening only on 127.0.0.1 at a free port with its unix socket in DIR/socket, and writes DIR/server.env
#        (PGHOST, PGPORT, PGUSER, PGDATABASE) for the tests. Does nothing more when the server already runs.
# stop:  stops the server of DIR; does nothing when it does not run.
# As root the server runs as the `postgres` OS user (PostgreSQL refuses to run as root).
set -euo pipefail

PGBIN=${SIXBTC_PGBIN:-/usr/lib/postgresql/15/bin}
ROLE=sixbtc
DATABASE=sixbtc_test

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

[ $# -eq 2 ] || usage
command=$1
dir=$(realpath -m "$2")
data="$dir/data"
socket="$dir/socket"
envfile="$dir/server.env"

# Runs a command as the server's OS user.
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

is_running() {
    [ -f "$data/PG_VERSION" ] && as_server_user "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

psql_admin() {
    as_server_user "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres -d postgres "$@"
}

start() {
    if is_running; then
        echo "pgserver: already running ($envfile)"
        return 0
    fi
    mkdir -p "$dir" "$socket"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir" "$socket"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        rm -rf "$data"
        as_server_user "$PGBIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log"
        printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_server_user tee "$data/pg_hba.conf" >/dev/null
    fi
    local attempt
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 30000))
        port_in_use "$port" && continue
        if as_server_user "$PGBIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$socket" start >/dev/null; then
            break
        fi
        echo "pgserver: start on port $port failed (attempt $attempt), see $dir/server.log" >&2
        port=""
    done
    if [ -z "${port:-}" ]; then
        echo "pgserver: could not start PostgreSQL in $data" >&2
        exit 1
    fi
    if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
        psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB"
    fi
    if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
        psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
    fi
    printf 'PGHOST=127.0.0.1\nPGPORT=%s\nPGUSER=%s\nPGDATABASE=%s\n' "$port" "$ROLE" "$DATABASE" >"$envfile"
    echo "pgserver: running on 127.0.0.1:$port ($envfile)"
}

stop() {
    if is_running; then
        as_server_user "$PGBIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null
        echo "pgserver: stopped"
    else
        echo "pgserver: not running"
    fi
    rm -f "$envfile"
}

case "$command" in
start) start ;;
stop) stop ;;
*) usage ;;
esac
