#!/usr/bin/env bash
# Writes prisma/<provider>/migrations/<timestamp>_NAME/migration.sql for both providers, from the
# committed models (HEAD) to the edited prisma/models.prisma (migrate dev does not work here).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/new-migration.sh NAME}"
ts="$(date -u +%Y%m%d%H%M%S)"
export CHECKPOINT_DISABLE=1
for p in sqlite postgresql; do
  tmp="$(mktemp -d)"
  cp "prisma/$p/base.prisma" "$tmp/base.prisma"
  git show HEAD:prisma/models.prisma > "$tmp/models.prisma"
  mkdir -p "prisma/$p/migrations/${ts}_$name"
  url="file:./data/app.db"
  [ "$p" = postgresql ] && url="${PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
  mkdir -p data
  DATABASE_URL="$url" node_modules/.bin/prisma migrate diff --from-schema-datamodel "$tmp" --to-schema-datamodel "prisma/$p" \
    --script -o "prisma/$p/migrations/${ts}_$name/migration.sql"
  rm -rf "$tmp"
  echo "wrote prisma/$p/migrations/${ts}_$name/migration.sql"
done
