#!/bin/sh
# docker compose's RabbitMQ: writes the definitions of the administrator and every service's user (definitions.sh,
# with passwords from the environment) for the broker to load at boot, then starts it as the image does. Loading
# definitions at boot replaces the image's default user, which is why the administrator is among them.
set -eu
here=$(dirname "$0")
definitions=/etc/rabbitmq/ics-definitions.json
echo "load_definitions = $definitions" >/etc/rabbitmq/conf.d/90-ics-definitions.conf
# Passwords inside: readable by the broker only, from the moment the file exists.
umask 077
sh "$here/definitions.sh" "$here/permissions.tsv" >"$definitions"
chown rabbitmq:rabbitmq "$definitions"
umask 022
exec docker-entrypoint.sh rabbitmq-server
