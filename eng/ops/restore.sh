#!/usr/bin/env bash
# Restores a backup made by backup.sh into a platform data directory whose platform is stopped:
#   restore.sh DATA_DIR BACKUP_FOLDER
# The checksums are verified first. The local secrets come back (a different file is kept as
# local-secrets.before-restore), every database is dropped and restored from its dump (a data directory
# that was lost is initialised anew first), and RabbitMQ's definitions are imported at the next start of
# the broker by the services' own declarations (queues and exchanges) and by this script when the broker runs.
set -euo pipefail
data_dir=$1; backup=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
# Production mode keeps the secrets in their own folder (KC_SECRETS_DIR); locally they lie beside the data.
secrets_dir=${KC_SECRETS_DIR:-$1}
source "$here/postgres-access.sh"

[ -f "$backup/SHA256SUMS" ] || { echo "$backup is not a backup (SHA256SUMS is missing)" >&2; exit 1; }
(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || { echo "the backup in $backup is damaged: a checksum differs" >&2; exit 1; }
mkdir -p "$data_dir"; data_dir=$(realpath "$data_dir"); chmod 755 "$data_dir"
if [ -f "$data_dir/postgres/postmaster.pid" ] && kill -0 "$(head -n1 "$data_dir/postgres/postmaster.pid")" 2>/dev/null; then
  echo "the platform on $data_dir is running: stop it (Ctrl+C in ./kc run) before restoring" >&2; exit 1
fi

if [ -f "$secrets_dir/local-secrets" ] && ! cmp -s "$secrets_dir/local-secrets" "$backup/local-secrets"; then
  cp -p "$secrets_dir/local-secrets" "$secrets_dir/local-secrets.before-restore"
fi
[ -d "$secrets_dir" ] || mkdir -p -m 700 "$secrets_dir"
install -m 600 "$backup/local-secrets" "$secrets_dir/local-secrets"
# A server initialised with another password cannot be reached with the restored one: start it afresh.
if [ -f "$secrets_dir/local-secrets.before-restore" ] && [ -d "$data_dir/postgres" ]; then
  mv "$data_dir/postgres" "$data_dir/postgres.before-restore.$(date -u +%Y%m%dT%H%M%SZ)"
fi

postgres_open "$data_dir"
trap postgres_close EXIT
for dump in "$backup"/*.dump; do
  database=$(basename "$dump" .dump)
  pg dropdb --if-exists --force "$database"
  pg createdb "$database"
  pg pg_restore --exit-on-error --no-owner -d "$database" "$dump"
  echo "  $database restored" >&2
done
postgres_close
trap - EXIT

if [ -f "$backup/rabbitmq-definitions.json" ] && node=$(rabbitmq_node "$data_dir"); then
  rabbitmq_ctl "$data_dir" "$node" import_definitions - < "$backup/rabbitmq-definitions.json"
  echo "  RabbitMQ definitions imported into $node" >&2
fi
echo "restored $backup into $data_dir"
