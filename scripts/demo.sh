#!/usr/bin/env bash
# The demo on a fresh Debian machine (as root): brings up the local engine, registry and builders
# (scripts/testbed.sh), then builds the example graph in examples/graph (a runtime base, an ML base on
# it, two services on that, a gateway straight on the runtime base, one of them multi-stage), publishes
# it as release 1.0.0 of the `prod` environment, runs it a second time to show that unchanged images are
# reused (nothing built, nothing uploaded), and prints the report and the path of the summary file.
# Leaves the test bed running; `bash scripts/testbed.sh down` stops it.
#
#   DEMO_VERSION=2.0.0 DEMO_SUMMARY=/tmp/summary.md DEMO_REGISTRY=<host/path> bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/.bin ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
[ -f dist/cli/index.js ] || npm run -s build
# The caller may pick the builder (DOCKER_CONFIG with buildx, BUILDX_BUILDER, IB_DOCKER): keep it.
caller_config=${DOCKER_CONFIG:-}
caller_client=${IB_DOCKER:-}
bash scripts/testbed.sh up
eval "$(bash scripts/testbed.sh env)"
if [ -n "$caller_config" ]; then
  export DOCKER_CONFIG=$caller_config IB_DOCKER=${caller_client:-$IB_DOCKER}
elif [ "${IB_BUILDX:-}" = available ]; then
  # What GitHub runners build with: docker CLI 28, the buildx plugin and a BuildKit builder.
  export DOCKER_CONFIG=$IB_BUILDX_CONFIG BUILDX_BUILDER=$IB_BUILDX_REMOTE IB_DOCKER=$IB_BUILDX_DOCKER
fi

version=${DEMO_VERSION:-1.0.0}
summary=${DEMO_SUMMARY:-$PWD/.testbed/demo-summary.md}
# The runtime base starts FROM this (the test bed's busybox image: nothing is pulled from the internet).
export RUNTIME_FROM=$IB_BASE_IMAGE
graph=(--images-file examples/graph/image-build.yml --registry "${DEMO_REGISTRY:-$IB_REGISTRY/demo}" --network none)
release=(--push --env prod --version "$version")
cli() { node dist/cli/index.js "$@"; }

echo "== the graph: levels build in order, images of a level at once" >&2
cli plan "${graph[@]}" "${release[@]}"

echo "== first run: build what is not published yet, parents first, and publish release $version" >&2
cli graph "${graph[@]}" "${release[@]}" --summary "$summary"

echo "== second run, nothing changed: every image is reused, only its tags are written" >&2
cli graph "${graph[@]}" "${release[@]}" --summary "$summary.second-run"

echo "== the report of the first run" >&2
cat "$summary"
echo >&2
echo "summary file: $summary (the second run's: $summary.second-run)" >&2
