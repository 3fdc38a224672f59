#!/usr/bin/env bash
# Runs a PostgreSQL server (the Debian/Ubuntu package) in the foreground, bound to 127.0.0.1.
#   postgres.sh DATA_DIR PORT [extra postgres -c settings...]
# The superuser is "postgres"; its password comes from KC_PG_PASSWORD and is set when the data
# directory is first initialised. PostgreSQL refuses to run as root, so as root it runs as the
# "postgres" user, which then owns DATA_DIR.
set -euo pipefail
data_dir=$1; port=$2; shift 2
: "${KC_PG_PASSWORD:?KC_PG_PASSWORD must hold the superuser password}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -x "$bin/postgres" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_postgres=()
if [ "$(id -u)" = 0 ]; then
  as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi

mkdir -p "$data_dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$data_dir"
chmod 700 "$data_dir"

if [ ! -s "$data_dir/PG_VERSION" ]; then
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s\n' "$KC_PG_PASSWORD" > "$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
  "${as_postgres[@]}" "$bin/initdb" -D "$data_dir" -U postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "initialised a new PostgreSQL data directory in $data_dir"
fi

# A server left running by an earlier run that was killed holds the data directory: stop it.
if [ -f "$data_dir/postmaster.pid" ] && "${as_postgres[@]}" "$bin/pg_ctl" status -D "$data_dir" >/dev/null 2>&1; then
  echo "stopping a PostgreSQL server left running on $data_dir"
  "${as_postgres[@]}" "$bin/pg_ctl" stop -D "$data_dir" -m fast >/dev/null || true
fi

settings=(-c listen_addresses=127.0.0.1 -c "unix_socket_directories=$data_dir" -c max_connections=800)
for setting in "$@"; do settings+=(-c "$setting"); done
exec "${as_postgres[@]}" "$bin/postgres" -D "$data_dir" -p "$port" "${settings[@]}"
