#!/usr/bin/env bash
# Backs up a platform's data directory (the one ./kc run uses, .data by default) into a dated folder:
#   backup.sh DATA_DIR BACKUP_ROOT [KEEP]
# - every database with pg_dump in custom format (the identity service's signing keys live in identitydb)
#   and the server's roles (pg_dumpall --globals-only);
# - the local secrets (database and broker passwords, the first administrator's password, client secrets);
# - RabbitMQ's definitions (users, vhosts, queues, exchanges, bindings) when the broker is running;
# - SHA256SUMS over all of it; the folder is written as *.partial and renamed when complete.
# The platform may be running (pg_dump takes a consistent snapshot of each database); when PostgreSQL is not
# running, a temporary server is started on the data directory for the backup. Only the KEEP newest backups
# (default 14) are kept. Backups hold secrets: the folders are readable by their owner only.
set -euo pipefail
data_dir=$(realpath "$1"); backup_root=$2; keep=${3:-14}
here=$(cd "$(dirname "$0")" && pwd)
# Production mode keeps the secrets in their own folder (KC_SECRETS_DIR); locally they lie beside the data.
secrets_dir=${KC_SECRETS_DIR:-$1}
source "$here/postgres-access.sh"

[ -f "$secrets_dir/local-secrets" ] || { echo "no platform data in $data_dir (local-secrets is missing)" >&2; exit 1; }
mkdir -p "$backup_root"; chmod 700 "$backup_root"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$backup_root/kc-backup-$stamp"
work="$target.partial"
rm -rf "$work"; mkdir -m 700 "$work"

postgres_open "$data_dir"
databases=$(pg psql -d postgres -Atc "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1")
for database in $databases; do
  pg pg_dump -Fc -d "$database" -f "$work/$database.dump"
  echo "  $database: $(du -h "$work/$database.dump" | cut -f1)" >&2
done
pg pg_dumpall --globals-only --no-role-passwords -f "$work/globals.sql"
postgres_close

install -m 600 "$secrets_dir/local-secrets" "$work/local-secrets"

if node=$(rabbitmq_node "$data_dir") && rabbitmq_ctl "$data_dir" "$node" export_definitions - > "$work/rabbitmq-definitions.json" 2>/dev/null; then
  echo "  RabbitMQ definitions of $node" >&2
else
  rm -f "$work/rabbitmq-definitions.json"
  echo "  RabbitMQ is not running: its definitions are made again by the services at start" >&2
fi

{
  echo "created: $stamp"
  echo "databases: $databases" | tr '\n' ' '; echo
  echo "postgresql: $(pg psql --version 2>/dev/null || true)"
} > "$work/backup.txt"
(cd "$work" && sha256sum -- * > SHA256SUMS)
chmod 600 "$work"/*
mv "$work" "$target"
echo "$target"

# Retention: the newest $keep backups stay.
ls -1d "$backup_root"/kc-backup-*[0-9]Z 2>/dev/null | sort | head -n -"$keep" | while read -r old; do
  rm -rf -- "$old"; echo "  removed $old (older than the $keep newest)" >&2
done
