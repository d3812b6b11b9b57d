# Sourced by ./ics: the services of deploy/services.tsv built, staged, migrated, started and stopped on 127.0.0.1,
# each with the settings it runs with (ports and addresses from the table, credentials from .ics/secrets.env).

# Every line of the table as "name|project|assembly|http|grpc|database|key|calls", in its order (the order services
# start in), with "-" read as empty and both ports moved by ICS_PORT_OFFSET.
load_services() {
  local table="$ROOT/deploy/services.tsv" number=0 line name project assembly http grpc database key calls rest
  SERVICES=()
  while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    case "$line" in '' | '#'*) continue ;; esac
    IFS=$'\t' read -r name project assembly http grpc database key calls rest <<<"$line"
    [ -n "$calls" ] && [ -z "$rest" ] || die "$table, line $number: 8 tab-separated fields expected"
    [[ "$http" =~ ^[0-9]+$ ]] && [[ "$grpc" =~ ^([0-9]+|-)$ ]] || die "$table, line $number: the ports must be numbers (or - for no gRPC)"
    [ "$grpc" = - ] && grpc="" || grpc=$((grpc + PORT_OFFSET))
    SERVICES+=("$name|$project|$assembly|$((http + PORT_OFFSET))|$grpc|${database#-}|$key|${calls#-}")
  done <"$table"
  [ ${#SERVICES[@]} -gt 0 ] || die "$table lists no service"
  local svc callee other
  local -a callees
  for svc in "${SERVICES[@]}"; do
    IFS=, read -r -a callees <<<"$(field "$svc" 7)"
    for callee in "${callees[@]}"; do
      other=$(service_named "$callee" 2>/dev/null) || die "$table: $(field "$svc" 0) calls $callee, which the table does not list"
      [ -n "$(field "$other" 4)" ] || die "$table: $(field "$svc" 0) calls $callee, which serves no gRPC"
    done
  done
}

# A service's entry of SERVICES, by name.
service_named() {
  local svc
  for svc in "${SERVICES[@]}"; do [ "$(field "$svc" 0)" = "$1" ] && { echo "$svc"; return; }; done
  die "deploy/services.tsv has no service named $1"
}

build() {
  # ICS_BUILD=0: use what is built (CI starts the fault suite's stack right after ./ics test built everything).
  if [ "${ICS_BUILD:-1}" = 0 ]; then say "not building (ICS_BUILD=0)"; return; fi
  say "building ($CONFIGURATION)"
  dotnet build "$ROOT/IcsComplaints.sln" -c "$CONFIGURATION" -nologo -clp:NoSummary -v:q -warnaserror
}

# Where a service listens and where it finds the others, all from the table: its Kestrel endpoints; the gRPC address
# of each service it calls (Services__<Key>__Grpc); for the gateway, every service's address in its clusters.
service_addresses() {
  local svc=$1 other callee key http grpc
  http=$(field "$svc" 3); grpc=$(field "$svc" 4)
  echo "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$http"
  echo "Kestrel__Endpoints__Http__Protocols=Http1"
  if [ -n "$grpc" ]; then
    echo "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$grpc"
    echo "Kestrel__Endpoints__Grpc__Protocols=Http2"
  fi
  local -a callees=()
  IFS=, read -r -a callees <<<"$(field "$svc" 7)"
  for callee in "${callees[@]}"; do
    other=$(service_named "$callee")
    key=$(field "$other" 6)
    echo "Services__${key^}__Grpc=http://127.0.0.1:$(field "$other" 4)"
  done
  [ "$(field "$svc" 0)" = gateway ] || return 0
  for other in "${SERVICES[@]}"; do
    [ "$other" = "$svc" ] && continue
    key=$(field "$other" 6)
    echo "ReverseProxy__Clusters__${key}-http__Destinations__${key}__Address=http://127.0.0.1:$(field "$other" 3)"
    [ -z "$(field "$other" 4)" ] ||
      echo "ReverseProxy__Clusters__${key}-grpc__Destinations__${key}__Address=http://127.0.0.1:$(field "$other" 4)"
  done
}

# A service's settings; with "owner", also its database owner's connection string, which only migrate is given.
service_env() {
  local db name key pg="Host=127.0.0.1;Port=$PG_PORT"
  db=$(field "$1" 5); name=$(field "$1" 0)
  ensure_service_secrets
  local -a vars=(ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
    "OTEL_SERVICE_NAME=$name"
    "Authentication__Authority=$GATEWAY_URL"
    "Authentication__RequireHttpsMetadata=false")
  mapfile -t -O ${#vars[@]} vars < <(service_addresses "$1")
  mapfile -t -O ${#vars[@]} vars < <(telemetry_env)
  if broker_users | grep -qx "$name"; then
    vars+=("ConnectionStrings__rabbitmq=amqp://$name:$(secret "ICS_RABBIT_$(var_key "$name")_PASSWORD")@127.0.0.1:$RABBIT_PORT/ics")
  fi
  if [ -n "$db" ]; then
    key=$(db_key "$db")
    vars+=("ConnectionStrings__$db=$pg;Username=ics_$key;Password=$(secret "ICS_PG_$(var_key "$key")_PASSWORD");Database=$db")
    [ "${2:-}" = owner ] &&
      vars+=("ConnectionStrings__${db}Owner=$pg;Username=ics_${key}_owner;Password=$(secret "ICS_PG_$(var_key "$key")_OWNER_PASSWORD");Database=$db")
  fi
  if [ "$name" = identity ]; then
    vars+=("Identity__Issuer=$GATEWAY_URL" "Identity__RequireHttps=false" "Identity__EnablePasswordGrant=true"
      "Identity__SigningKeyFile=$STATE/identity-signing-key.pem" "Identity__EncryptionKey=$ICS_IDENTITY_ENCRYPTION_KEY"
      "Identity__SeedDemoData=true" "Identity__DemoPassword=$ICS_DEMO_PASSWORD" "Identity__DemoClientSecret=$ICS_DEMO_CLIENT_SECRET"
      "Identity__CorrespondenceClientSecret=$ICS_CORRESPONDENCE_CLIENT_SECRET" "Identity__LearningClientSecret=$ICS_LEARNING_CLIENT_SECRET"
      "Identity__WebRedirectUris__0=${GATEWAY_URL}signin-callback" "Identity__WebPostLogoutRedirectUris__0=${GATEWAY_URL}signout-callback")
  fi
  # The portal calls the APIs through the gateway and is reached through it; on loopback each trusts the other's
  # X-Forwarded-For, so the gateway's limits count the people using the portal (ADR 22). Demo ICB: South East London.
  if [ "$name" = portal ]; then
    vars+=("Portal__Gateway=$GATEWAY_URL" "Portal__Authority=$GATEWAY_URL" "Portal__PublicAddress=$GATEWAY_URL"
      "Portal__RequireHttps=false" "Portal__IcbOdsCode=${ICS_PORTAL_ICB:-QKK}" "Portal__TrustedProxies__0=127.0.0.1")
  fi
  # The demo's cases are recorded in a burst after the first scan; overdue and near deadlines show a minute later, not 15.
  [ "$name" = case ] && vars+=("Cases__Deadlines__Interval=00:01:00")
  # Uploaded documents are scanned by the local clamd (deploy/local/scanner.sh), which knows the EICAR test file alone.
  [ "$name" = case ] && vars+=("Documents__Scanner__Host=127.0.0.1" "Documents__Scanner__Port=$CLAMD_PORT")
  [ "$name" = gateway ] && vars+=("Gateway__TrustedProxies__0=127.0.0.1")
  # ./ics bench intake and memory send hundreds of complaints a second with a few demo tokens: while they run, the
  # gateway lets each subject make ICS_BENCH_RATE_LIMIT requests a minute instead of a person's allowance (the
  # limiter still runs on every request, so its cost is measured).
  [ "$name" = gateway ] && [ -n "${ICS_BENCH_RATE_LIMIT:-}" ] &&
    vars+=("RateLimits__PerSubject__PermitLimit=$ICS_BENCH_RATE_LIMIT" "RateLimits__Authenticated__PermitLimit=$ICS_BENCH_RATE_LIMIT")
  # Every e-mail, and every letter for the post as a PDF to the print mailbox, goes to the local mail catcher
  # (deploy/local/mail.sh), whose page shows it. Its own client reads complainants' addresses from intake (ADR 36).
  # Survey links and notices to advocates and contributing organisations point at the portal, reached through the gateway.
  [ "$name" = correspondence ] && vars+=("Correspondence__Smtp__Host=127.0.0.1" "Correspondence__Smtp__Port=$SMTP_PORT"
    "Correspondence__ServiceIdentity__ClientSecret=$ICS_CORRESPONDENCE_CLIENT_SECRET" "Correspondence__PortalAddress=$GATEWAY_URL")
  # Its own client reads the changes a sent final response committed to from case (ADR 44).
  [ "$name" = learning ] && vars+=("Learning__ServiceIdentity__ClientSecret=$ICS_LEARNING_CLIENT_SECRET")
  printf '%s\n' "${vars[@]}"
}

stage() {
  # Services run from a copy of the build output, so a later build (./ics test) never rewrites files in use.
  local svc name project assembly out
  for svc in "${SERVICES[@]}"; do
    name=$(field "$svc" 0); project=$(field "$svc" 1); assembly=$(field "$svc" 2)
    out="$ROOT/$project/bin/$CONFIGURATION/net10.0"
    [ -f "$out/$assembly.dll" ] || die "$out/$assembly.dll is missing: the build failed?"
    rm -rf "$STATE/app/$name.new" && mkdir -p "$STATE/app" "$STATE/logs"
    if [ "${ICS_READY_TO_RUN:-0}" = 1 ]; then
      # Compiled ahead of time, as the images are (deploy/Dockerfile): start-up and memory as a deployment has them.
      dotnet publish "$ROOT/$project" -c "$CONFIGURATION" -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -p:UseAppHost=false -o "$STATE/app/$name.new" >"$STATE/logs/publish-$name.log" 2>&1 ||
        die "publishing $name failed: $STATE/logs/publish-$name.log"
    else
      cp -a "$out" "$STATE/app/$name.new"
    fi
    rm -rf "$STATE/app/$name" && mv "$STATE/app/$name.new" "$STATE/app/$name"
  done
}

run_service_command() {
  local svc=$1 role=runtime; shift
  [ "${1:-}" = migrate ] && role=owner
  local name assembly
  name=$(field "$svc" 0); assembly=$(field "$svc" 2)
  (cd "$STATE/app/$name" && mapfile -t envs < <(service_env "$svc" "$role") && env "${envs[@]}" dotnet "$assembly.dll" "$@")
}

migrate() {
  local svc
  mkdir -p "$STATE/logs"
  for svc in "${SERVICES[@]}"; do
    [ -n "$(field "$svc" 5)" ] || continue
    say "migrating $(field "$svc" 0)"
    run_service_command "$svc" migrate >"$STATE/logs/migrate-$(field "$svc" 0).log" 2>&1 ||
      { tail -n 30 "$STATE/logs/migrate-$(field "$svc" 0).log"; die "migration of $(field "$svc" 0) failed"; }
  done
}

start_services() {
  local svc
  mkdir -p "$STATE/run" "$STATE/logs"
  for svc in "${SERVICES[@]}"; do launch_service "$svc"; done
  for svc in "${SERVICES[@]}"; do wait_ready "$svc"; done
  say "all services ready"
}

# Starts a service in the background unless it runs already.
launch_service() {
  local svc=$1 name assembly
  name=$(field "$svc" 0); assembly=$(field "$svc" 2)
  alive "$(pid_of "$STATE/run/$name.pid")" && return 0
  mkdir -p "$STATE/run" "$STATE/logs"
  (
    cd "$STATE/app/$name"
    mapfile -t envs < <(service_env "$svc")
    env "${envs[@]}" setsid dotnet "$assembly.dll" >>"$STATE/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$STATE/run/$name.pid"
  )
  say "started $name (pid $(cat "$STATE/run/$name.pid"))"
}

# Waits (up to a minute) for a service to answer /health/ready.
wait_ready() {
  local svc=$1 name port
  name=$(field "$svc" 0); port=$(field "$svc" 3)
  for _ in $(seq 1 1200); do
    alive "$(pid_of "$STATE/run/$name.pid")" || { tail -n 40 "$STATE/logs/$name.log"; die "$name exited during start-up"; }
    curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && return 0
    sleep 0.05
  done
  tail -n 40 "$STATE/logs/$name.log"; die "$name did not become ready"
}

services_running() {
  local svc
  for svc in "${SERVICES[@]}"; do alive "$(pid_of "$STATE/run/$(field "$svc" 0).pid")" || return 1; done
}

stop_service() {
  local name=$1 pid
  pid=$(pid_of "$STATE/run/$name.pid")
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid"
    say "stopped $name"
  fi
  rm -f "$STATE/run/$name.pid"
}

stop_services() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_service "$(field "${SERVICES[$i]}" 0)"; done
}

# ---------------------------------------------------------------------------------------------------------------
# Demo data, through the platform's own commands and API
seed_learning_history() {
  # ICS_DEMO=0: a stack without the demo's history and complaints (the fault suite's own, in CI), quicker to start.
  [ "${ICS_DEMO:-1}" = 0 ] && return 0
  # A year of synthetic HCAT-coded complaints at RJ1 and RJZ (added once), so theme detection has a baseline; the
  # learning service's scan at start-up finds last month's rise in communication problems at RJ1.
  run_service_command "$(service_named learning)" demo-history RJ1 RJZ >"$STATE/logs/demo-history.log" 2>&1 ||
    say "warning: the learning demo history was not added (see $STATE/logs/demo-history.log)"
}

seed_demo() {
  # The complaints of deploy/demo/complaints.json and their steps, made through the gateway by the demo users (tools/DemoSeed),
  # each with its Idempotency-Key, so a second ./ics up the same day adds nothing. Intake forgets a key after 24 hours, so
  # once the year is in, a marker beside the database's files says so: it goes with them when the database is wiped.
  local tool="$ROOT/tools/DemoSeed/bin/$CONFIGURATION/net10.0/IcsComplaints.DemoSeed.dll" log="$STATE/logs/demo-seed.log"
  local marker="$STATE/pg/demo-seeded"
  if [ "${ICS_DEMO:-1}" = 0 ]; then
    say "demo complaints not recorded (ICS_DEMO=0)"
    return
  fi
  if [ -f "$marker" ]; then
    say "demo data already recorded on $(cat "$marker"); nothing added"
    return
  fi
  [ -f "$tool" ] || die "$tool is missing: the build failed?"
  ensure_secrets
  # The password through the environment, not the command line, where other users could read it.
  if ICS_DEMO_PASSWORD=$ICS_DEMO_PASSWORD dotnet "$tool" --gateway "$GATEWAY_URL" --fixture "$ROOT/deploy/demo/complaints.json" >"$log" 2>&1; then
    say "$(tail -n 1 "$log")"
    date -u +%F > "$marker"
  else
    grep '^warning' "$log" | while IFS= read -r line; do say "$line"; done
    say "warning: not every demo complaint was recorded (see $STATE/logs/demo-seed.log)"
  fi
}

print_urls() {
  local svc name gateway
  gateway=$(service_named gateway)
  echo
  echo "  Gateway (REST)      ${GATEWAY_URL}api/v1/...  (sign-in and tokens: /connect/token, /account/login)"
  echo "  Gateway (gRPC h2c)  http://127.0.0.1:$(field "$gateway" 4)"
  for svc in "${SERVICES[@]}"; do
    name=$(field "$svc" 0)
    [ "$name" = gateway ] && continue
    printf '  %-19s %s%s\n' "$name" "http://127.0.0.1:$(field "$svc" 3)" "$([ -z "$(field "$svc" 4)" ] || echo "  (gRPC $(field "$svc" 4))")"
  done
  cat <<EOF
  Mail (smtp4dev)     http://127.0.0.1:$SMTP_WEB_PORT  (every e-mail the demo sends, none of it leaving this machine)
$(telemetry_on && echo "  Telemetry (Aspire)  http://127.0.0.1:$TELEMETRY_PORT  (traces, metrics and logs of every service; ICS_TELEMETRY=0 leaves it out)")
  RabbitMQ management http://127.0.0.1:$RABBIT_MGMT_PORT  (user ics: ./ics credentials)
  PostgreSQL          127.0.0.1:$PG_PORT  (each service's own roles: ./ics credentials)
  Logs                $STATE/logs/

  Demo users and secrets:  ./ics credentials
  Try:  curl -s -H "Authorization: Bearer \$(./ics token handler.rj1)" ${GATEWAY_URL}api/v1/cases
EOF
}
