#!/usr/bin/env bash
# Starts the image's PostgreSQL 15 (installing it from Debian's packages when missing), creates the
# test role and database, and prints the JDBC URL the tests read from SCHEMAGOV_PG_URL.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
  as_root pg_createcluster 15 main >&2
fi
if ! pg_lsclusters -h | grep -q '^15 \+main .* online'; then
  as_root pg_ctlcluster 15 main start >&2
fi
for _ in $(seq 1 30); do
  as_root su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done
psql_su() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(psql_su "select 1 from pg_roles where rolname='schemagov'")" != "1" ]; then
  psql_su "create role schemagov login password 'schemagov' createdb"
fi
if [ "$(psql_su "select 1 from pg_database where datname='schemagov_test'")" != "1" ]; then
  psql_su "create database schemagov_test owner schemagov"
fi
echo "jdbc:postgresql://127.0.0.1:5432/schemagov_test?user=schemagov&password=schemagov"
