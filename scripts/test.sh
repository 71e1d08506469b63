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
results=$(mktemp -d)
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$results/unit.json"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile="$results/e2e.json"
# One plain closing line for whoever reads the log: every test of both projects.
node -e '
  const runs = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
  const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
  console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' "$results/unit.json" "$results/e2e.json"
