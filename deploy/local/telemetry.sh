# Sourced by ./ics: the local telemetry viewer, the Aspire dashboard (NuGet Aspire.Dashboard.Sdk.linux-x64, which
# ships it as a self-contained program), run on its own: every service and the gateway send it their traces, metrics
# and logs over OTLP, so one complaint can be followed from the gateway through intake, RabbitMQ, case and reporting.
# Loopback only and without sign-in (ADR 54); kept in memory, gone when it stops. ICS_TELEMETRY=0 leaves it out.
# Uses ./ics's settings (STATE, TELEMETRY_PORT, TELEMETRY_OTLP_PORT) and helpers (say, die, alive, pid_of, port_open).

ASPIRE_DASHBOARD_VERSION=13.6.5
TELEMETRY=${ICS_TELEMETRY:-1}
ASPIRE_DASHBOARD_DIR=$STATE/tools/aspire-dashboard
ASPIRE_DASHBOARD=$ASPIRE_DASHBOARD_DIR/packages/aspire.dashboard.sdk.linux-x64/$ASPIRE_DASHBOARD_VERSION/tools/Aspire.Dashboard

telemetry_on() { [ "$TELEMETRY" != 0 ]; }

# The package holds a program, not a library: a project of nothing but a PackageDownload fetches it.
ensure_aspire_dashboard() {
  [ -x "$ASPIRE_DASHBOARD" ] && return
  say "fetching the Aspire dashboard $ASPIRE_DASHBOARD_VERSION (NuGet)"
  mkdir -p "$ASPIRE_DASHBOARD_DIR"
  cat >"$ASPIRE_DASHBOARD_DIR/fetch.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Aspire.Dashboard.Sdk.linux-x64" Version="[$ASPIRE_DASHBOARD_VERSION]" />
  </ItemGroup>
</Project>
XML
  dotnet restore "$ASPIRE_DASHBOARD_DIR/fetch.csproj" --packages "$ASPIRE_DASHBOARD_DIR/packages" >"$STATE/logs/aspire-dashboard-fetch.log" 2>&1 ||
    die "could not fetch the Aspire dashboard (see $STATE/logs/aspire-dashboard-fetch.log)"
  [ -x "$ASPIRE_DASHBOARD" ] || die "the Aspire dashboard package has no $ASPIRE_DASHBOARD"
}

start_telemetry() {
  telemetry_on || return 0
  mkdir -p "$STATE/logs"
  ensure_aspire_dashboard
  local pid
  pid=$(pid_of "$STATE/aspire-dashboard.pid")
  alive "$pid" && return
  port_open "$TELEMETRY_PORT" && die "port $TELEMETRY_PORT is taken: set ICS_PORT_OFFSET or ICS_TELEMETRY_PORT"
  # Unsecured sign-in and OTLP are safe only because both listen on loopback; the OTLP/HTTP port is for browsers'
  # telemetry, which nothing here sends, so it is not opened.
  ASPNETCORE_URLS="http://127.0.0.1:$TELEMETRY_PORT" \
    DOTNET_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$TELEMETRY_OTLP_PORT" \
    DASHBOARD__FRONTEND__AUTHMODE=Unsecured DASHBOARD__OTLP__AUTHMODE=Unsecured ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    DASHBOARD__TELEMETRYLIMITS__MAXTRACECOUNT=20000 \
    setsid "$ASPIRE_DASHBOARD" >"$STATE/logs/aspire-dashboard.log" 2>&1 </dev/null &
  echo $! >"$STATE/aspire-dashboard.pid"
  for _ in $(seq 1 100); do
    port_open "$TELEMETRY_OTLP_PORT" && curl -fs -o /dev/null "http://127.0.0.1:$TELEMETRY_PORT/" &&
      { say "telemetry viewer at http://127.0.0.1:$TELEMETRY_PORT (OTLP on 127.0.0.1:$TELEMETRY_OTLP_PORT)"; return; }
    sleep 0.2
  done
  die "the Aspire dashboard did not start (see $STATE/logs/aspire-dashboard.log)"
}

stop_telemetry() {
  local pid
  pid=$(pid_of "$STATE/aspire-dashboard.pid")
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.2; done
    alive "$pid" && kill -KILL "$pid"
    say "telemetry viewer stopped"
  fi
  rm -f "$STATE/aspire-dashboard.pid"
}

# The services' OTLP setting: to the viewer when it runs, else none (they then send nothing anywhere). The exporters'
# default queue (2,048 spans, sent every 5 s) can overflow while the demo's complaints are loaded, dropping the consumers'
# spans, so a complaint's trace would lack case and reporting: locally the queue is larger and sent every second.
telemetry_env() {
  telemetry_on || return 0
  echo "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$TELEMETRY_OTLP_PORT"
  echo "OTEL_BSP_SCHEDULE_DELAY=1000"
  echo "OTEL_BSP_MAX_QUEUE_SIZE=65536"
  echo "OTEL_BSP_MAX_EXPORT_BATCH_SIZE=4096"
}
