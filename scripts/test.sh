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
# Folders import one way, with no cycle (.dependency-cruiser.cjs says which folder may import which).
npm run -s deps
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
results=$(mktemp -d)
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$results/unit.json"
# Every e2e test runs once per builder; without buildx here, say so once (its tests count as skipped).
if bash scripts/testbed.sh env | grep -q '^export IB_BUILDX=available$'; then :; else
  echo "buildx unavailable on this machine: the buildx e2e tests (remote builder, docker driver) are skipped; only the classic builder runs"
fi
e2e_status=0
npx vitest run --project e2e --reporter=default --reporter=json --outputFile="$results/e2e.json" || e2e_status=$?
# One plain closing line for whoever reads the log: every test of both projects, skipped ones too.
node -e '
  const runs = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
  const sum = (...keys) => runs.reduce((n, r) => n + keys.reduce((m, key) => m + (r[key] ?? 0), 0), 0);
  console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests", "numTodoTests")} skipped`);
' "$results/unit.json" "$results/e2e.json"
exit "$e2e_status"
