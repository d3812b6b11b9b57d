#!/bin/sh
# docker compose's postgres-init step: every service's database of deploy/services.tsv with its owner and runtime
# roles (service-database.sql), as the administrator of PGHOST/PGUSER/PGPASSWORD. Each database's passwords come
# from ICS_DB_<NAME>_OWNER_PASSWORD and ICS_DB_<NAME>_PASSWORD (<NAME>: the database without "db", upper-cased).
# Safe to run at every start.
set -eu
here=$(dirname "$0")
for name in $(awk -F '\t' '!/^#/ && NF && $6 != "-" { sub(/db$/, "", $6); print $6 }' "$here/../services.tsv"); do
  key=$(echo "$name" | tr 'a-z-' 'A-Z_')
  eval "ICS_OWNER_PASSWORD=\${ICS_DB_${key}_OWNER_PASSWORD:?ICS_DB_${key}_OWNER_PASSWORD is not set}"
  eval "ICS_RUNTIME_PASSWORD=\${ICS_DB_${key}_PASSWORD:?ICS_DB_${key}_PASSWORD is not set}"
  export ICS_OWNER_PASSWORD ICS_RUNTIME_PASSWORD
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="${name}db" -v owner="ics_${name}_owner" -v runtime="ics_${name}" \
    -f "$here/service-database.sql"
  echo "${name}db: roles ics_${name}_owner and ics_${name} ready"
done
