#!/usr/bin/env bash
# Start a local PostgreSQL (installing Debian's package if missing) and create a test database.
# Prints the SQLAlchemy URL on standard output; everything else goes to standard error.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
version=$(ls /etc/postgresql | sort -n | tail -n 1)
if [ -z "$(pg_lsclusters -h | awk -v v="$version" '$1==v')" ]; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
su postgres -c "psql -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='cityties') THEN CREATE ROLE cityties LOGIN PASSWORD 'cityties' CREATEDB; END IF; END\\\$\\\$;\"" >&2
su postgres -c "dropdb --if-exists cityties_test && createdb -O cityties cityties_test" >&2
echo "postgresql+psycopg://cityties:cityties@127.0.0.1:5432/cityties_test"
