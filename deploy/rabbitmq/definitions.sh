#!/bin/sh
# Prints RabbitMQ definitions (JSON) for the services' users of permissions.tsv: the virtual host, one user per
# service with its password and no tags (so none can use the management UI), and each user's permissions on the
# virtual host. RabbitMQ loads the result at boot (docker compose) or imports it into a running broker
# (POST /api/definitions, ./ics); both create what is missing and update the rest, so running it again is safe.
#
#   ICS_BROKER_<USER>_PASSWORD   each user's password (<USER> upper-cased, "-" as "_": ICS_BROKER_ADVOCACY_REFERRAL_PASSWORD)
#   ICS_BROKER_VHOST             the virtual host (default ics)
#   ICS_BROKER_ADMIN_USER and ICS_BROKER_ADMIN_PASSWORD
#                                optional: also the administrator (management UI, operators), which no service uses;
#                                needed at boot, when RabbitMQ creates no default user because definitions are loaded
#
# POSIX sh and awk only: it runs in the RabbitMQ image (busybox) as well as on the host.
set -eu
table=${1:?usage: definitions.sh permissions.tsv}
[ -r "$table" ] || { echo "definitions.sh: cannot read $table" >&2; exit 1; }

ICS_BROKER_VHOST=${ICS_BROKER_VHOST:-ics} awk -F '\t' '
  # JSON string escaping by character: gsub replacement rules for backslashes differ between awk implementations.
  function json(s,    out, i, c) {
    out = ""
    for (i = 1; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (c == "\\") out = out "\\\\"
      else if (c == "\"") out = out "\\\""
      else out = out c
    }
    return "\"" out "\""
  }
  function password(user,    name) {
    name = "ICS_BROKER_" toupper(user) "_PASSWORD"
    gsub(/-/, "_", name)
    if (ENVIRON[name] == "") { print "definitions.sh: " name " is not set" > "/dev/stderr"; failed = 1; exit 1 }
    return ENVIRON[name]
  }
  function user(name, secret, tags) {
    users = users (users == "" ? "" : ",\n    ") "{\"name\": " json(name) ", \"password\": " json(secret) ", \"tags\": [" tags "]}"
  }
  function permit(name, configure, write, read) {
    permissions = permissions (permissions == "" ? "" : ",\n    ") "{\"user\": " json(name) ", \"vhost\": " json(vhost) \
      ", \"configure\": " json(configure) ", \"write\": " json(write) ", \"read\": " json(read) "}"
  }
  BEGIN {
    vhost = ENVIRON["ICS_BROKER_VHOST"]
    if (ENVIRON["ICS_BROKER_ADMIN_USER"] != "") {
      if (ENVIRON["ICS_BROKER_ADMIN_PASSWORD"] == "") { print "definitions.sh: ICS_BROKER_ADMIN_PASSWORD is not set" > "/dev/stderr"; failed = 1; exit 1 }
      user(ENVIRON["ICS_BROKER_ADMIN_USER"], ENVIRON["ICS_BROKER_ADMIN_PASSWORD"], "\"administrator\"")
      permit(ENVIRON["ICS_BROKER_ADMIN_USER"], ".*", ".*", ".*")
    }
  }
  /^#/ || NF == 0 { next }
  NF != 4 { print "definitions.sh: line " NR " of the table has " NF " fields, not 4" > "/dev/stderr"; failed = 1; exit 1 }
  { user($1, password($1), ""); permit($1, $2, $3, $4) }
  END {
    if (failed) exit 1
    print "{\n  \"vhosts\": [{\"name\": " json(vhost) "}],"
    print "  \"users\": [\n    " users "\n  ],"
    print "  \"permissions\": [\n    " permissions "\n  ]\n}"
  }
' "$table"
