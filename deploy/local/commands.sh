# Sourced by ./ics: the commands that inspect, test and use a running installation (status, env, test, logs,
# bench, import, rebuild-reporting, credentials, token). Settings and helpers come from ./ics, infrastructure.sh
# and services.sh.

token_for() {
  # An access token by the password grant (development profile only).
  local user=${1:?user name, see ./ics credentials} org=${2:-}
  ensure_secrets
  curl -fsS "${GATEWAY_URL}connect/token" -d grant_type=password -d client_id=ics-cli -d scope=ics-api \
    --data-urlencode "username=$user" --data-urlencode "password=$ICS_DEMO_PASSWORD" ${org:+-d "org=$org"} |
    sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p'
}

cmd_credentials() {
  ensure_secrets
  cat <<EOF
Demo users (development profile only). Password for every user: $ICS_DEMO_PASSWORD

  providers RJ1, RJZ, Y99901 (GP practice, fictional), R0A:
    handler.<ods>  investigator.<ods>  responsible.<ods>  quality.<ods>         e.g. handler.rj1
  ICBs QKK (commissions RJ1, RJZ, Y99901) and QOP (commissions R0A):
    handler.<ods>  investigator.<ods>  responsible.<ods>  commissioner.<ods>  quality.<ods>
  advocacy services ADV01 (London) and ADV02 (North West), both fictional:  advocate.adv01  advocate.adv02
  platform administrator:  admin
  complainants:  complainant  complainant2

Integration clients (client credentials), secret: $ICS_DEMO_CLIENT_SECRET
  pals-rj1 (acts for RJ1)   pals-rjz (acts for RJZ)

Tokens:  ./ics token handler.rj1
         curl -s ${GATEWAY_URL}connect/token -d grant_type=client_credentials -d client_id=pals-rj1 \\
              -d client_secret=$ICS_DEMO_CLIENT_SECRET -d scope=ics-api

PostgreSQL 127.0.0.1:$PG_PORT and RabbitMQ 127.0.0.1:$RABBIT_PORT (every password is in $STATE/secrets.env):
  administrator of both (tests; the management UI http://127.0.0.1:$RABBIT_MGMT_PORT): ics,
    password $ICS_PG_PASSWORD for PostgreSQL and $ICS_RABBIT_PASSWORD for RabbitMQ
  each service's database <name>db: owner ics_<name>_owner (migrate only) and runtime role ics_<name>
  each service's RabbitMQ user: its own name ($(broker_users | paste -sd , - | sed 's/,/, /g'))
EOF
}

cmd_status() {
  local svc name pid
  connection_env
  printf '%-18s %-8s %s\n' NAME PID STATE
  pid=$(cat "$STATE/pg/data/postmaster.pid" 2>/dev/null | head -n 1 || true)
  if alive "$pid"; then printf '%-18s %-8s %s\n' postgres "$pid" "running 127.0.0.1:$PG_PORT"; else printf '%-18s %-8s %s\n' postgres - stopped; fi
  pid=$(pid_of "$STATE/rabbitmq/rabbit.pid")
  if alive "$pid"; then printf '%-18s %-8s %s\n' rabbitmq "$pid" "running 127.0.0.1:$RABBIT_PORT"; else printf '%-18s %-8s %s\n' rabbitmq - stopped; fi
  pid=$(pid_of "$STATE/clamd.pid")
  if alive "$pid"; then printf '%-18s %-8s %s\n' clamd "$pid" "running 127.0.0.1:$CLAMD_PORT"; else printf '%-18s %-8s %s\n' clamd - stopped; fi
  for svc in "${SERVICES[@]}"; do
    name=$(field "$svc" 0); pid=$(pid_of "$STATE/run/$name.pid")
    if alive "$pid"; then
      local health
      health=$(curl -s "http://127.0.0.1:$(field "$svc" 3)/health/ready" || echo unreachable)
      printf '%-18s %-8s %s\n' "$name" "$pid" "running :$(field "$svc" 3) $health"
    else
      printf '%-18s %-8s %s\n' "$name" - stopped
    fi
  done
}

test_env() {
  connection_env
  cat <<EOF
ICS_TEST_INFRA=env
ICS_TEST_POSTGRES=$PG_CS;Database=postgres
ICS_TEST_RABBITMQ=$RABBIT_URI/
ICS_TEST_RABBITMQ_MANAGEMENT=$RABBIT_MGMT
ICS_TEST_SMTP4DEV=$SMTP4DEV
ICS_TEST_CLAMD=127.0.0.1:$CLAMD_PORT
EOF
}

cmd_env() {
  # For a shell: eval "$(./ics env)". A service's settings stay NAME=value lines: the gateway's cluster settings
  # have names with "-", which a shell cannot export but env(1) and .env files take.
  local line svc
  if [ $# -gt 0 ]; then
    svc=$(service_named "$1")
    service_env "$svc"
    return
  fi
  while IFS= read -r line; do printf "export %s='%s'\n" "${line%%=*}" "${line#*=}"; done < <(test_env)
}

STARTED_PG=0
STARTED_RABBIT=0
STARTED_CLAMD=0
stop_what_test_started() {
  [ "$STARTED_CLAMD" = 1 ] && stop_clamd
  [ "$STARTED_RABBIT" = 1 ] && stop_rabbitmq
  [ "$STARTED_PG" = 1 ] && stop_postgres
  return 0
}

cmd_test() {
  ensure_packages
  ensure_secrets
  [ -f "$STATE/pg/data/postmaster.pid" ] || STARTED_PG=1
  alive "$(pid_of "$STATE/rabbitmq/rabbit.pid")" || STARTED_RABBIT=1
  alive "$(pid_of "$STATE/clamd.pid")" || STARTED_CLAMD=1
  # Stop afterwards only what this command started.
  trap stop_what_test_started EXIT
  start_postgres
  start_rabbitmq
  # The document tests scan uploads with this clamd (ICS_TEST_CLAMD), whose database knows EICAR alone.
  start_clamd
  # The tests start their own mail catchers from the installed tool, on ports of their own.
  ensure_smtp4dev
  build
  ensure_helm
  wait_rabbitmq
  local log="$STATE/logs/test.log"
  mkdir -p "$STATE/logs"
  mapfile -t envs < <(test_env)
  envs+=("ICS_HELM=$ICS_HELM")
  set +e
  env "${envs[@]}" dotnet test --solution "$ROOT/IcsComplaints.sln" -c "$CONFIGURATION" --no-build --no-progress "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  summarise "$log" "$rc"
}

summarise() {
  # Microsoft.Testing.Platform prints one summary per test assembly and a total; report the total plainly.
  local log=$1 rc=$2 passed failed skipped
  read -r passed failed skipped < <(awk '
    /^ *total:/ { t = $2 } /^ *failed:/ { f = $2 } /^ *succeeded:/ { p = $2 } /^ *skipped:/ { s = $2 }
    END { print p + 0, f + 0, s + 0 }' "$log")
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    # Fall back to counting per-assembly result lines.
    passed=$(grep -Eo 'succeeded: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
    failed=$(grep -Eo 'failed: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
  fi
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ "$failed" -gt 0 ]; then
    # Repeat each failure's name and first lines last, where a truncated CI log still shows them.
    echo "Failures (whole output in $log):"
    awk '/^failed / { n = 12 } n > 0 { print "  " substr($0, 1, 300); n-- }' "$log"
  fi
  echo "$passed passed, $failed failed"
  return "$rc"
}

cmd_logs() {
  local name=${1:?name: identity, intake, case, advocacy-referral, learning, reporting, gateway, postgres, rabbitmq or clamd}
  case "$name" in
    postgres) tail -n 100 -f "$STATE/pg/server.log" ;;
    rabbitmq) tail -n 100 -f "$STATE/rabbitmq/log/"*.log ;;
    *) tail -n 100 -f "$STATE/logs/$name.log" ;;
  esac
}

cmd_bench() {
  local name=${1:?benchmark name: relay}; shift || true
  case "$name" in intake | lag | memory | store | growth | lifecycle) bench_stack "$name" "$@"; return ;; esac
  start_infra
  wait_rabbitmq
  mapfile -t envs < <(test_env)
  case "$name" in
    relay) env "${envs[@]}" dotnet run --project "$ROOT/bench/OutboxRelay.Benchmark" -c Release -- "$@" ;;
    import) env "${envs[@]}" dotnet run --project "$ROOT/bench/ComplaintImport.Benchmark" -c Release -- "$@" ;;
    reporting) env "${envs[@]}" dotnet run --project "$ROOT/bench/Reporting.Benchmark" -c Release -- "$@" ;;
    # The fuzz suite of ./ics test at length: 20,000 requests over every write route (docs/security.md).
    fuzz) env "${envs[@]}" ICS_FUZZ_REST="${ICS_FUZZ_REST:-10000}" ICS_FUZZ_GRPC="${ICS_FUZZ_GRPC:-5000}" ICS_FUZZ_EXAMPLES="${ICS_FUZZ_EXAMPLES:-5000}" \
      dotnet test --project "$ROOT/tests/IcsComplaints.EndToEnd.Tests" -c Release --filter-class '*InputFuzzTests' --output Detailed "$@" ;;
    # Faults over the running stack (started here when it is not): broker and database outages, services killed
    # (docs/reliability.md). It stops and starts parts of this installation through ./ics itself.
    faults)
      local built=()
      # ./ics up builds the whole solution, this project with it.
      services_running || { cmd_up; built=(--no-build); }
      mapfile -t -O ${#envs[@]} envs < <(faults_env)
      env "${envs[@]}" dotnet run --project "$ROOT/bench/Faults.Benchmark" -c Release "${built[@]}" -- "$@" ;;
    *) die "unknown benchmark: $name" ;;
  esac
}

# What the fault suite needs of this installation: how to call ./ics on it, the gateway, each service's HTTP address
# (its health), the demo users' password, and the runtime connection strings of the databases it counts in.
faults_env() {
  local svc name flags addresses=()
  ensure_service_secrets
  echo "ICS_STATE_DIR=$STATE"
  echo "ICS_PORT_OFFSET=$PORT_OFFSET"
  echo "ICS_FAULTS_ICS=$ROOT/ics"
  echo "ICS_FAULTS_GATEWAY=$GATEWAY_URL"
  echo "ICS_DEMO_PASSWORD=$ICS_DEMO_PASSWORD"
  for svc in "${SERVICES[@]}"; do
    name=$(field "$svc" 0)
    # name=address, and |db, |broker when it has a database or a broker user: what its readiness should say under each fault.
    flags=""
    [ -z "$(field "$svc" 5)" ] || flags+="|db"
    if broker_users | grep -qx "$name"; then flags+="|broker"; fi
    addresses+=("$name=http://127.0.0.1:$(field "$svc" 3)/$flags")
    service_env "$svc" | grep -E '^ConnectionStrings__(intake|case|reporting|correspondence)db=' || true
  done
  echo "ICS_FAULTS_SERVICES=$(IFS=,; echo "${addresses[*]}")"
}

# One part of an installation started again after ./ics down <what> or a crash: postgres, rabbitmq or a service (any
# service not running is started, and every one waited for until ready).
cmd_start() {
  local what=${1:?what to start: postgres, rabbitmq or a service}
  ensure_secrets
  case "$what" in
    postgres) start_postgres ;;
    rabbitmq) start_rabbitmq; wait_rabbitmq ;;
    *) service_named "$what" >/dev/null; start_services ;;
  esac
}

# ./ics bench intake and ./ics bench memory measure the running stack (bench/Intake.Benchmark), which they start as
# ./ics up does when it is not running. The gateway runs with the benchmark's rate limits while they do and with its
# own again afterwards. memory restarts the services one at a time, in the table's order, to time each one's start.
bench_stack() {
  local what=$1 svc name pid readiness="$STATE/logs/bench-readiness.tsv"; shift
  ensure_secrets
  services_running || cmd_up
  export ICS_BENCH_RATE_LIMIT=1000000
  trap 'unset ICS_BENCH_RATE_LIMIT; stop_service gateway; start_services >/dev/null' EXIT
  if [ "$what" = memory ]; then
    stop_services
    : >"$readiness"
    for svc in "${SERVICES[@]}"; do
      name=$(field "$svc" 0)
      launch_service "$svc"
      # From just after the process was forked, so the time is the service's own, not this script's.
      local started
      started=$(date +%s%3N)
      wait_ready "$svc"
      printf '%s\t%s\n' "$name" "$(($(date +%s%3N) - started))" >>"$readiness"
    done
    set -- --readiness "$readiness" "$@"
  else
    pid=$(pid_of "$STATE/run/gateway.pid")
    if ! tr '\0' '\n' <"/proc/$pid/environ" | grep -qx "RateLimits__PerSubject__PermitLimit=$ICS_BENCH_RATE_LIMIT"; then
      stop_service gateway
      start_services
    fi
  fi
  mapfile -t envs < <(test_env)
  # What intake, case and reporting stored is read as their runtime roles: the administrator may not connect (ADR 17).
  # Intake's broker address names the virtual host whose queues must be empty before the work of a run is counted.
  for name in intake case reporting; do
    mapfile -t -O ${#envs[@]} envs < <(service_env "$(service_named "$name")" | grep '^ConnectionStrings__[a-z]*db=')
  done
  mapfile -t -O ${#envs[@]} envs < <(service_env "$(service_named intake)" | grep '^ConnectionStrings__rabbitmq=')
  # store, growth and lifecycle write complaints "already stored" straight into intakedb, casedb and reportingdb, as
  # each one's owner (the role migrate uses): the runtime roles may not write every table filled, and no grant is
  # widened for it. What they measure still goes through the services.
  case "$what" in store | growth | lifecycle)
    for name in intake case reporting; do
      mapfile -t -O ${#envs[@]} envs < <(service_env "$(service_named "$name")" owner | grep '^ConnectionStrings__[a-z]*dbOwner=')
    done ;;
  esac
  # The demo's password and client secret through the environment, not the command line, where other users could read them.
  env "${envs[@]}" ICS_DEMO_PASSWORD="$ICS_DEMO_PASSWORD" ICS_DEMO_CLIENT_SECRET="$ICS_DEMO_CLIENT_SECRET" \
    dotnet run --project "$ROOT/bench/Intake.Benchmark" -c Release -- "$what" --state "$STATE" \
    --intake "http://127.0.0.1:$(field "$(service_named intake)" 3)/" --gateway "$GATEWAY_URL" "$@"
}

cmd_import() {
  [ $# -ge 1 ] && [ -f "$1" ] || die "usage: ./ics import <file.csv> --source <name> [--report <file>]"
  local args=() file
  file=$(realpath "$1"); shift
  # The command runs in the staged service directory: hand it absolute paths.
  while [ $# -gt 0 ]; do
    case "$1" in
      --report) args+=("$1" "$(realpath -m "${2:?--report needs a file}")"); shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  start_infra
  provision
  if [ ! -f "$STATE/app/intake/IcsComplaints.Intake.Api.dll" ]; then
    build
    stage
    migrate
  fi
  run_service_command "$(service_named intake)" import "$file" "${args[@]}"
}

cmd_rebuild_reporting() {
  start_infra
  provision
  [ -f "$STATE/app/reporting/IcsComplaints.Reporting.Api.dll" ] || { build; stage; migrate; }
  run_service_command "$(service_named reporting)" rebuild
}
