#!/usr/bin/env bash
# Starts a RabbitMQ cluster of three nodes on this machine (Debian's rabbitmq-server), every port on 127.0.0.1:
#   rabbitmq-cluster.sh DATA_DIR AMQP_PORT_1 DIST_PORT_1 AMQP_PORT_2 DIST_PORT_2 AMQP_PORT_3 DIST_PORT_3
# Node N (kc-AMQP_PORT_N@localhost) keeps its data in DATA_DIR/node-N and its log in DATA_DIR/node-N.log; the
# nodes share one Erlang cookie, and the second and third join the first. The user "kc" gets the password in
# KC_RABBITMQ_PASSWORD. Returns once the cluster has its three nodes; they run on in the background (stop each
# with kill $(cat DATA_DIR/node-N/rabbitmq.pid)).
set -euo pipefail
[ $# -eq 7 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
data_dir=$1; shift
: "${KC_RABBITMQ_PASSWORD:?KC_RABBITMQ_PASSWORD must hold the password of user kc}"
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$data_dir"
export KC_RABBITMQ_COOKIE=${KC_RABBITMQ_COOKIE:-$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F)}

ports=("$@")
nodes=()
for n in 1 2 3; do
  amqp=${ports[$(( (n - 1) * 2 ))]}; dist=${ports[$(( (n - 1) * 2 + 1 ))]}
  nodes+=("kc-$amqp@localhost")
  setsid "$here/rabbitmq.sh" "$data_dir/node-$n" "$amqp" "$dist" >"$data_dir/node-$n.log" 2>&1 < /dev/null &
done

as_rabbitmq=()
[ "$(id -u)" = 0 ] && as_rabbitmq=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups --)
ctl() {
  local n=$1; shift
  HOME="$data_dir/node-$n/home" ERL_EPMD_ADDRESS=127.0.0.1 "${as_rabbitmq[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "${nodes[$((n - 1))]}" "$@"
}

for n in 1 2 3; do
  for _ in $(seq 1 120); do
    grep -q "Server startup complete" "$data_dir/node-$n.log" 2>/dev/null && break
    sleep 0.5
  done
  grep -q "Server startup complete" "$data_dir/node-$n.log" || { tail -n 40 "$data_dir/node-$n.log" >&2; echo "node $n did not start" >&2; exit 1; }
done

for n in 2 3; do
  ctl "$n" stop_app
  ctl "$n" join_cluster "${nodes[0]}"
  ctl "$n" start_app
done
ctl 1 await_online_nodes 3 --timeout 60 >/dev/null
echo "cluster of ${nodes[*]} is running"
