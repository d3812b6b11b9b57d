# Sourced by ./ics: the virus scanner (clamd, from Debian's clamav-daemon) that the case service sends every uploaded
# document to before anyone may download it (INSTREAM over TCP). Runs as this user on 127.0.0.1, in the foreground of
# its own session, with its own configuration and database under .ics/clamav; the stock /etc/clamav/clamd.conf (a
# user, a socket under /var/run and an empty database) is not used.
# Uses ./ics's settings (STATE, CLAMD_PORT) and helpers (say, die, alive, pid_of, port_open).
#
# Its database holds one signature, the EICAR test file's, made here with sigtool: the official signatures cannot be
# downloaded on these machines (freshclam is never run), and the demo and the tests need only a file clamd calls
# infected. In production Documents__Scanner__Host and Documents__Scanner__Port point at a clamd whose signatures are
# updated normally (docker compose and the Helm chart run the clamav/clamav image, which updates its own).

# The EICAR test file: 68 bytes, no newline (the "$" before "H+H*" belongs to it).
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

# Whether clamd answers zPING with PONG on a port (bash's /dev/tcp, no netcat needed).
clamd_answers() {
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'zPING\0' >&3 && timeout 2 tr -d '\0' <&3) 2>/dev/null) || return 1
  [ "$reply" = PONG ]
}

start_clamd() {
  local dir="$STATE/clamav" pid hex
  pid=$(pid_of "$STATE/clamd.pid")
  alive "$pid" && return
  command -v clamd >/dev/null && command -v sigtool >/dev/null || die "clamd and sigtool are missing: apt-get install clamav-daemon clamav"
  port_open "$CLAMD_PORT" && die "port $CLAMD_PORT is taken: set ICS_PORT_OFFSET or ICS_CLAMD_PORT"
  mkdir -p "$dir/db" "$STATE/logs"
  # A body signature (.ndb): name, target type 0 (any file), offset * (anywhere), the bytes in hex. It also finds
  # EICAR with bytes before or after it. clamd reports it as Local.EICAR-Test-NDB.UNOFFICIAL FOUND.
  hex=$(printf '%s' "$EICAR" | sigtool --hex-dump) && [ -n "$hex" ] || die "sigtool could not make the EICAR signature"
  printf 'Local.EICAR-Test-NDB:0:*:%s\n' "$hex" >"$dir/db/eicar.ndb"
  # Foreground: the PID recorded below stays clamd's. Loopback TCP only, no unix socket. A stream longer than
  # StreamMaxLength is refused (INSTREAM size limit exceeded), above any size an upload may have.
  cat >"$dir/clamd.conf" <<EOF
DatabaseDirectory $dir/db
Foreground yes
TCPSocket $CLAMD_PORT
TCPAddr 127.0.0.1
PidFile $dir/clamd.pid
LogTime yes
StreamMaxLength 30M
EOF
  setsid clamd -c "$dir/clamd.conf" >"$STATE/logs/clamd.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/clamd.pid"
  for _ in $(seq 1 100); do
    clamd_answers "$CLAMD_PORT" && { say "clamd on 127.0.0.1:$CLAMD_PORT (EICAR test signature only)"; return; }
    alive "$pid" || break
    sleep 0.2
  done
  tail -n 20 "$STATE/logs/clamd.log" >&2
  stop_clamd
  die "clamd did not answer PING on 127.0.0.1:$CLAMD_PORT (see $STATE/logs/clamd.log)"
}

stop_clamd() {
  local pid
  pid=$(pid_of "$STATE/clamd.pid")
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.2; done
    alive "$pid" && kill -KILL "$pid"
    say "clamd stopped"
  fi
  rm -f "$STATE/clamd.pid"
}
