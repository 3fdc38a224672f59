#!/usr/bin/env bash
# Runs a RabbitMQ node (the Debian/Ubuntu package) in the foreground, every port bound to 127.0.0.1.
#   rabbitmq.sh DATA_DIR PORT DIST_PORT [MANAGEMENT_PORT]
# The user "kc" gets the password in KC_RABBITMQ_PASSWORD. As root the node runs as the
# "rabbitmq" user, which then owns DATA_DIR. Logs go to standard output.
set -euo pipefail
data_dir=$1; port=$2; dist_port=$3; management_port=${4:-}
: "${KC_RABBITMQ_PASSWORD:?KC_RABBITMQ_PASSWORD must hold the password of user kc}"

server=/usr/lib/rabbitmq/bin/rabbitmq-server
[ -x "$server" ] || { echo "RabbitMQ is not installed (apt-get install rabbitmq-server)" >&2; exit 1; }

mkdir -p "$data_dir/mnesia" "$data_dir/log" "$data_dir/home"
# The nodes of a cluster share one Erlang cookie (KC_RABBITMQ_COOKIE); a lone node makes its own.
if [ -n "${KC_RABBITMQ_COOKIE:-}" ]; then
  rm -f "$data_dir/home/.erlang.cookie"
  printf '%s' "$KC_RABBITMQ_COOKIE" > "$data_dir/home/.erlang.cookie"
  chmod 400 "$data_dir/home/.erlang.cookie"
fi
{
  echo "listeners.tcp.1 = 127.0.0.1:$port"
  echo "default_user = kc"
  echo "default_pass = $KC_RABBITMQ_PASSWORD"
  echo "default_vhost = /"
  echo "loopback_users = none"
  if [ -n "$management_port" ]; then
    echo "management.tcp.ip = 127.0.0.1"
    echo "management.tcp.port = $management_port"
  fi
} > "$data_dir/rabbitmq.conf"
if [ -n "$management_port" ]; then echo "[rabbitmq_management]." > "$data_dir/enabled_plugins"; else echo "[]." > "$data_dir/enabled_plugins"; fi
chmod 600 "$data_dir/rabbitmq.conf"

as_rabbitmq=()
if [ "$(id -u)" = 0 ]; then
  chown -R rabbitmq:rabbitmq "$data_dir"
  as_rabbitmq=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups --)
fi

node="kc-$port@localhost"
export HOME="$data_dir/home"
export RABBITMQ_NODENAME="$node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="$dist_port"
# Erlang's distribution port and its port mapper (epmd, started by the first node) listen on the
# loopback address only, like the AMQP listener: nothing but this machine may talk to the node.
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CONFIG_FILE="$data_dir/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$data_dir/enabled_plugins"
export RABBITMQ_MNESIA_BASE="$data_dir/mnesia"
export RABBITMQ_LOG_BASE="$data_dir/log"
export RABBITMQ_LOGS=-
export RABBITMQ_PID_FILE="$data_dir/rabbitmq.pid"

# A node left running by an earlier run that was killed holds the node name: stop it.
if [ -f "$data_dir/rabbitmq.pid" ] && kill -0 "$(cat "$data_dir/rabbitmq.pid")" 2>/dev/null; then
  echo "stopping a RabbitMQ node left running on $data_dir"
  kill "$(cat "$data_dir/rabbitmq.pid")" || true
  for _ in $(seq 1 30); do kill -0 "$(cat "$data_dir/rabbitmq.pid")" 2>/dev/null || break; sleep 1; done
fi

# The services declare quorum queues; a queue cannot change type, so the data of a node from before (classic
# queues of the same names) is put aside and the node starts empty. Messages still queued there are not
# consumed; Reporting's "Rebuild read models" command replays its event ledger if in doubt.
if [ ! -f "$data_dir/quorum-queues" ] && [ -n "$(ls -A "$data_dir/mnesia" 2>/dev/null)" ]; then
  aside="$data_dir/mnesia.classic-$(date +%Y%m%d%H%M%S)"
  echo "the node's data holds classic queues: moved to $aside"
  mv "$data_dir/mnesia" "$aside"
  mkdir -p "$data_dir/mnesia"
fi
touch "$data_dir/quorum-queues"

exec "${as_rabbitmq[@]}" "$server"
