# Sourced by backup.sh and restore.sh: reaches the PostgreSQL server of a platform data directory,
# starting a temporary one on it when none runs, and its RabbitMQ node.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
pg_started_pid=""

# pg PROGRAM ARGS...: a PostgreSQL client program against the server, as its superuser.
pg() { local program=$1; shift; PGPASSWORD=$pg_password "$pg_bin/$program" -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }

postgres_open() {
  local data_dir=$1
  pg_password=$(sed -n 1p "${KC_SECRETS_DIR:-$data_dir}/local-secrets")
  if [ -f "$data_dir/postgres/postmaster.pid" ] && kill -0 "$(head -n1 "$data_dir/postgres/postmaster.pid")" 2>/dev/null; then
    pg_port=$(sed -n 4p "$data_dir/postgres/postmaster.pid")
  else
    pg_port=$((20000 + RANDOM % 40000))
    KC_PG_PASSWORD=$pg_password setsid "$here/../infra/postgres.sh" "$data_dir/postgres" "$pg_port" >"$data_dir/postgres-maintenance.log" 2>&1 &
    pg_started_pid=$!
    echo "  started PostgreSQL on $data_dir/postgres (port $pg_port) for the operation" >&2
  fi
  for _ in $(seq 1 120); do "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && return 0; sleep 0.5; done
  cat "$data_dir/postgres-maintenance.log" >&2 2>/dev/null || true
  echo "PostgreSQL on port $pg_port does not answer" >&2; return 1
}

postgres_close() {
  if [ -n "$pg_started_pid" ]; then
    kill -- -"$pg_started_pid" 2>/dev/null || kill "$pg_started_pid" 2>/dev/null || true
    wait "$pg_started_pid" 2>/dev/null || true
    pg_started_pid=""
  fi
}

# The running RabbitMQ node of the data directory (kc-PORT@localhost), or nothing.
rabbitmq_node() {
  local data_dir=$1 conf="$1/rabbitmq/rabbitmq.conf" port
  [ -f "$data_dir/rabbitmq/rabbitmq.pid" ] && kill -0 "$(cat "$data_dir/rabbitmq/rabbitmq.pid")" 2>/dev/null || return 1
  port=$(sed -n 's/^listeners.tcp.1 = 127.0.0.1:\([0-9]*\)$/\1/p' "$conf")
  [ -n "$port" ] && echo "kc-$port@localhost"
}

# rabbitmq_ctl DATA_DIR NODE ARGS...: rabbitmqctl against the node, with its Erlang cookie.
rabbitmq_ctl() {
  local data_dir=$1 node=$2; shift 2
  local as=()
  [ "$(id -u)" = 0 ] && as=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups --)
  HOME="$data_dir/rabbitmq/home" ERL_EPMD_ADDRESS=127.0.0.1 "${as[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" "$@"
}
