#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 with a `test` database that the
# `postgres` role reaches without a password over local TCP (the logbook tests need it).
# Uses the running server when there is one; otherwise installs (Debian/Ubuntu, as root)
# and starts one. Idempotent; safe to run on every CI build.
set -euo pipefail

HOST=127.0.0.1
PORT=5432

ready() {
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$HOST" -p "$PORT"
    else
        (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
    fi
}

if ! ready; then
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        echo "ensure-postgres: installing PostgreSQL" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
    fi
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "$version/main"; then
        pg_createcluster "$version" main >/dev/null
    fi
    conf_dir="/etc/postgresql/$version/main"
    # Trust local TCP for the test role only on loopback; never expose it beyond.
    if ! grep -q "legday-ci" "$conf_dir/pg_hba.conf"; then
        sed -i '1i host all all 127.0.0.1/32 trust # legday-ci\nhost all all ::1/128 trust # legday-ci' \
            "$conf_dir/pg_hba.conf"
    fi
    sed -i "s/^#\?listen_addresses.*/listen_addresses = 'localhost'/" "$conf_dir/postgresql.conf"
    sed -i "s/^#\?port = .*/port = $PORT/" "$conf_dir/postgresql.conf"
    pg_ctlcluster "$version" main start || pg_ctlcluster "$version" main restart
    for _ in $(seq 1 30); do ready && break; sleep 1; done
    ready || { echo "ensure-postgres: server did not start" >&2; exit 1; }
fi

if command -v psql >/dev/null 2>&1; then
    if ! psql -w -h "$HOST" -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" postgres | grep -q 1; then
        psql -w -h "$HOST" -p "$PORT" -U postgres -c "CREATE DATABASE test" postgres >/dev/null
    fi
    psql -w -h "$HOST" -p "$PORT" -U postgres -tAc "SELECT 1" test >/dev/null
fi
echo "ensure-postgres: PostgreSQL ready on $HOST:$PORT (database test)"
