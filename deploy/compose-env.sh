#!/bin/sh
# ./ics compose-env [.env]: prints the settings docker-compose.yml needs, with fresh random passwords and keys: the
# administrators of PostgreSQL and RabbitMQ, each service's own database roles (deploy/services.tsv) and RabbitMQ
# user (deploy/rabbitmq/permissions.tsv), identity's keys and the demo users' password. Given the .env of an existing
# installation, only what it lacks (new services' credentials after an upgrade): ./ics compose-env .env >> .env
set -eu
here=$(dirname "$0")
existing=${1:-}
if [ -n "$existing" ] && [ ! -f "$existing" ]; then
  echo "no such file: $existing" >&2
  exit 1
fi

fresh() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
put() { { [ -n "$existing" ] && grep -q "^$1=" "$existing"; } || echo "$1=$2"; }
# Upper case with "_" for "-", for variable names: advocacy-referral -> ADVOCACY_REFERRAL.
var_key() { echo "$1" | tr 'a-z-' 'A-Z_'; }

[ -n "$existing" ] || echo "# docker compose settings; keep this file out of version control."
# Administrators of PostgreSQL and RabbitMQ (and its management UI); no service uses them.
put ICS_DB_PASSWORD "$(fresh)"
put ICS_BROKER_PASSWORD "$(fresh)"
# Each service's own credentials: its database's owner (migrate only) and runtime roles, and its RabbitMQ user.
for db in $(awk -F '\t' '!/^#/ && NF && $6 != "-" { print $6 }' "$here/services.tsv"); do
  key=$(var_key "${db%db}")
  put "ICS_DB_${key}_OWNER_PASSWORD" "$(fresh)"
  put "ICS_DB_${key}_PASSWORD" "$(fresh)"
done
for user in $(awk -F '\t' '!/^#/ && NF == 4 { print $1 }' "$here/rabbitmq/permissions.tsv"); do
  put "ICS_BROKER_$(var_key "$user")_PASSWORD" "$(fresh)"
done
put ICS_IDENTITY_SIGNING_KEY "$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | base64 -w0)"
put ICS_IDENTITY_ENCRYPTION_KEY "$(head -c 32 /dev/urandom | base64 -w0)"
# The correspondence service's own client at the identity service (ADR 36): identity registers it, correspondence uses it.
put ICS_CORRESPONDENCE_CLIENT_SECRET "$(fresh)"
# The learning service's own client (ADR 44): identity registers it, learning reads committed changes from case with it.
put ICS_LEARNING_CLIENT_SECRET "$(fresh)"
if [ -z "$existing" ]; then
  echo "# Demo organisations and users (./ics credentials lists them). For a real deployment set"
  echo "# ICS_ENVIRONMENT=Production and ICS_DEMO_DATA=false, then create the first administrator with"
  echo "# docker compose run -e ICS_ADMIN_PASSWORD=... identity create-admin <user name>."
  echo "ICS_ENVIRONMENT=Development"
  echo "ICS_DEMO_DATA=true"
fi
put ICS_DEMO_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
put ICS_DEMO_CLIENT_SECRET "$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
