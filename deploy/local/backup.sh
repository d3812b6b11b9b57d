# Sourced by ./ics: backup and restore of every service's database (docs/deploy.md, "Backups and restore").
# Uses ./ics's settings (ROOT, STATE, PG_PORT, SERVICES) and helpers (say, die, field, db_key, var_key, secret,
# pg_bin, pg_dir, start_postgres, services_running).
#
# A backup is a directory: one pg_dump archive in custom format per database (compressed; pg_restore can restore it
# whole or in part) and manifest.tsv, one line per database with its owner and runtime roles, the archive's size in
# bytes, its SHA-256 and when it was taken. Role passwords are not in it: a restore gives the roles the passwords of
# the installation it restores into (its .ics/secrets.env, as ./ics up does), so a backup taken on one machine can be
# restored on another without carrying credentials along.

BACKUP_MANIFEST=manifest.tsv

# A PostgreSQL client program (psql, pg_dump, pg_restore) as the superuser over the installation's own socket (local
# connections are trusted, ./ics initdb), so that pg_dump reads every object whoever owns it.
as_superuser() {
  local program=$1; shift
  "$(pg_bin)/$program" -h "$(readlink -f "$(pg_dir)")/socket" -p "$PG_PORT" -U postgres "$@"
}

database_exists() {
  [ "$(as_superuser psql -X -At -d postgres -v db="$1" <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")" = 1 ]
}

cmd_backup() {
  local dir=${1:-$STATE/backups/$(date -u +%Y%m%dT%H%M%SZ)} svc db key archive taken bytes sum count=0
  ensure_secrets
  start_postgres
  [ ! -e "$dir/$BACKUP_MANIFEST" ] || die "$dir already holds a backup: give another directory"
  services_running &&
    say "warning: services are running: each database is backed up consistent in itself, not with the others (./ics down services first)"
  # The archives hold personal data: readable by this user alone.
  umask 077
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  printf '# database\towner\truntime\tbytes\tsha256\ttaken\n' >"$dir/$BACKUP_MANIFEST.new"
  for svc in "${SERVICES[@]}"; do
    db=$(field "$svc" 5); [ -n "$db" ] || continue
    if ! database_exists "$db"; then say "no database $db yet: not in the backup"; continue; fi
    key=$(db_key "$db")
    archive="$dir/$db.dump"
    taken=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    # One consistent snapshot per database. Across databases the set is consistent only with the services stopped:
    # an event relayed between two snapshots would be in neither (docs/deploy.md).
    as_superuser pg_dump --format=custom --no-password -d "$db" -f "$archive" ||
      die "pg_dump of $db failed"
    bytes=$(stat -c %s "$archive")
    sum=$(sha256sum "$archive" | cut -d ' ' -f 1)
    printf '%s\tics_%s_owner\tics_%s\t%s\t%s\t%s\n' "$db" "$key" "$key" "$bytes" "$sum" "$taken" >>"$dir/$BACKUP_MANIFEST.new"
    say "backed up $db ($bytes bytes)"
    count=$((count + 1))
  done
  umask 022
  [ "$count" -gt 0 ] || { rm -f "$dir/$BACKUP_MANIFEST.new"; die "no service database to back up: ./ics up or ./ics migrate first"; }
  # The manifest is written last: a directory without one is a backup that did not finish.
  mv "$dir/$BACKUP_MANIFEST.new" "$dir/$BACKUP_MANIFEST"
  say "$count databases backed up in $dir"
}

# Every archive of a backup as "database|owner|runtime|file", after checking each one's size and checksum against
# the manifest: a damaged or partial backup is refused before any database is touched.
verified_archives() {
  local dir=$1 db owner runtime bytes sum taken
  [ -f "$dir/$BACKUP_MANIFEST" ] || die "$dir/$BACKUP_MANIFEST is missing: not a finished backup"
  while IFS=$'\t' read -r db owner runtime bytes sum taken; do
    case "$db" in '' | '#'*) continue ;; esac
    [ -f "$dir/$db.dump" ] || die "$dir/$db.dump is missing"
    [ "$(stat -c %s "$dir/$db.dump")" = "$bytes" ] || die "$dir/$db.dump is not the size the manifest says"
    [ "$(sha256sum "$dir/$db.dump" | cut -d ' ' -f 1)" = "$sum" ] || die "$dir/$db.dump does not match its checksum"
    [ "$owner" = "ics_$(db_key "$db")_owner" ] && [ "$runtime" = "ics_$(db_key "$db")" ] ||
      die "$dir/$BACKUP_MANIFEST: $db's roles are not the ones ./ics gives it"
    echo "$db|$owner|$runtime|$dir/$db.dump"
  done <"$dir/$BACKUP_MANIFEST"
}

cmd_restore() {
  local dir=${1:?usage: ./ics restore <backup directory>} entry entries db owner runtime archive key
  [ -d "$dir" ] || die "$dir is not a directory"
  dir=$(cd "$dir" && pwd)
  local listed
  listed=$(verified_archives "$dir") || exit 1
  mapfile -t entries <<<"$listed"
  [ ${#entries[@]} -gt 0 ] || die "$dir/$BACKUP_MANIFEST lists no database"
  # A service writing while its database is replaced would lose what it wrote, or fail half-way.
  services_running && die "services are running: ./ics down services first"
  ensure_service_secrets
  start_postgres
  for entry in "${entries[@]}"; do
    db=$(field "$entry" 0); owner=$(field "$entry" 1); runtime=$(field "$entry" 2); archive=$(field "$entry" 3)
    key=$(db_key "$db")
    say "restoring $db"
    as_superuser psql -X -q -d postgres -v ON_ERROR_STOP=1 -v db="$db" \
      <<<'SET client_min_messages = warning; DROP DATABASE IF EXISTS :"db" WITH (FORCE);' || die "could not drop $db"
    # The roles and an empty database owned by the owner role, as ./ics up makes them, with this installation's passwords.
    (
      export ICS_OWNER_PASSWORD ICS_RUNTIME_PASSWORD
      ICS_OWNER_PASSWORD=$(secret "ICS_PG_$(var_key "$key")_OWNER_PASSWORD")
      ICS_RUNTIME_PASSWORD=$(secret "ICS_PG_$(var_key "$key")_PASSWORD")
      as_superuser psql -X -q -d postgres -v ON_ERROR_STOP=1 \
        -v db="$db" -v owner="$owner" -v runtime="$runtime" <"$ROOT/deploy/postgres/service-database.sql" >/dev/null
    ) || die "could not make the database $db and its roles"
    # Objects, rows, sequences, owners and grants as they were; all or nothing.
    as_superuser pg_restore --no-password --exit-on-error --single-transaction -d "$db" "$archive" ||
      die "pg_restore of $db failed"
    # A database-level grant is not in a database's archive: the one migrate gives the runtime role.
    as_superuser psql -X -q -d postgres -v ON_ERROR_STOP=1 -v db="$db" -v runtime="$runtime" \
      <<<'GRANT CONNECT ON DATABASE :"db" TO :"runtime";' || die "could not grant $runtime its database"
  done
  say "${#entries[@]} databases restored from $dir"
}
