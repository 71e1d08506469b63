#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine (as root): dependencies, the real engine and registry,
# static checks, unit tests, then end-to-end tests against the real parts. Stops the test bed after.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/.bin ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
bash scripts/testbed.sh up
trap 'bash scripts/testbed.sh down' EXIT

npx tsc --noEmit -p .
npx eslint src __tests__ bench scripts
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
npx vitest run --project unit
npx vitest run --project e2e
