# Sourced by ./ics: the local mail catcher (smtp4dev, a dotnet tool) that every e-mail of the demo and the tests goes
# to instead of anyone's inbox (ADR 35). Loopback only, mail kept in memory; its web page shows what was sent.
# Uses ./ics's settings (ROOT, STATE, SMTP_PORT, SMTP_WEB_PORT) and helpers (say, die, alive, pid_of, port_open).

SMTP4DEV_VERSION=3.15.0
# ICS_SMTP4DEV: an smtp4dev already installed elsewhere (another checkout's), used instead of installing one here.
SMTP4DEV=${ICS_SMTP4DEV:-$STATE/tools/smtp4dev/smtp4dev}

ensure_smtp4dev() {
  [ -x "$SMTP4DEV" ] && return
  say "installing smtp4dev $SMTP4DEV_VERSION (dotnet tool)"
  dotnet tool install Rnwood.Smtp4dev --version "$SMTP4DEV_VERSION" --tool-path "$(dirname "$SMTP4DEV")" >/dev/null ||
    die "could not install smtp4dev"
}

start_smtp4dev() {
  ensure_smtp4dev
  local pid
  pid=$(pid_of "$STATE/smtp4dev.pid")
  alive "$pid" && return
  port_open "$SMTP_WEB_PORT" && die "port $SMTP_WEB_PORT is taken: set ICS_PORT_OFFSET or ICS_SMTP_WEB_PORT"
  mkdir -p "$STATE/logs" "$STATE/smtp4dev"
  # Empty --db keeps the mail in memory; empty IMAP and POP3 ports turn them off; without
  # --allowremoteconnections- the SMTP port would listen on every interface.
  setsid "$SMTP4DEV" --urls="http://127.0.0.1:$SMTP_WEB_PORT" --smtpport="$SMTP_PORT" --imapport= --pop3port= --db= \
    --tlsmode=None --nousersettings --baseappdatapath="$STATE/smtp4dev" --allowremoteconnections- \
    >"$STATE/logs/smtp4dev.log" 2>&1 </dev/null &
  echo $! >"$STATE/smtp4dev.pid"
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$SMTP_WEB_PORT/api/messages" >/dev/null 2>&1 && { say "smtp4dev on 127.0.0.1:$SMTP_PORT (mail at http://127.0.0.1:$SMTP_WEB_PORT)"; return; }
    sleep 0.2
  done
  die "smtp4dev did not start (see $STATE/logs/smtp4dev.log)"
}

stop_smtp4dev() {
  local pid
  pid=$(pid_of "$STATE/smtp4dev.pid")
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.2; done
    alive "$pid" && kill -KILL "$pid"
    say "smtp4dev stopped"
  fi
  rm -f "$STATE/smtp4dev.pid"
}
