#!/usr/bin/env bash
# The demo on a fresh Debian machine (as root): brings up the local engine and registry, then builds
# examples/demo, tags it from this checkout (plus a release version), publishes it with one push and
# manifest PUTs, and writes the report. Leaves the test bed running; `scripts/testbed.sh down` stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/.bin ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
[ -f dist/cli/index.js ] || npm run -s build
bash scripts/testbed.sh up
# The caller may pick the builder (DOCKER_CONFIG with buildx, BUILDX_BUILDER, IB_DOCKER): keep its client.
client=${IB_DOCKER:-}
eval "$(bash scripts/testbed.sh env)"
IB_DOCKER=${client:-$IB_DOCKER}

report=${DEMO_REPORT:-$PWD/.testbed/demo-report.md}
version=${DEMO_VERSION:-1.0.0}
echo "== tags for this checkout" >&2
node dist/cli/index.js tags --images "$IB_REGISTRY/demo/app" \
  --tags 'type=ref,event=branch' --tags 'type=sha' --tags "type=semver,pattern={{version}},value=$version" \
  --tags "type=semver,pattern={{major}}.{{minor}},value=$version" --tags "type=semver,pattern={{major}},value=$version"

echo "== build and publish" >&2
node dist/cli/index.js build --images "$IB_REGISTRY/demo/app" \
  --tags 'type=ref,event=branch' --tags 'type=sha' --tags "type=semver,pattern={{version}},value=$version" \
  --tags "type=semver,pattern={{major}}.{{minor}},value=$version" --tags "type=semver,pattern={{major}},value=$version" \
  --context examples/demo --build-args "BASE_IMAGE=$IB_BASE_IMAGE" --network none \
  --cache inline --push --report-file "$report"

echo "== report ($report)" >&2
cat "$report"
