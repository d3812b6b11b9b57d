#!/bin/sh
# Builds the image of every service and the gateway from deploy/Dockerfile, with the project and assembly of its line
# in deploy/services.tsv, named as the Helm chart pulls it: <registry>/<name>:<tag> (values image.registry and
# image.tag; services.<key>.image is the name). With --push, pushes each one after building it.
#   deploy/build-images.sh registry.example.nhs.uk/ics 0.1.0 --push
set -eu
registry=${1:?usage: deploy/build-images.sh <registry> <tag> [--push]}
tag=${2:?usage: deploy/build-images.sh <registry> <tag> [--push]}
push=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
awk -F '\t' '!/^#/ && NF { print $1, $2, $3 }' "$root/deploy/services.tsv" | while read -r name project assembly; do
  docker build -f "$root/deploy/Dockerfile" --build-arg "PROJECT=$project" --build-arg "ASSEMBLY=$assembly" \
    -t "$registry/$name:$tag" "$root" </dev/null
  [ "$push" != --push ] || docker push "$registry/$name:$tag" </dev/null
done
