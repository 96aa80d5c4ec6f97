#!/usr/bin/env bash
# npm test: every check, on a fresh Debian machine with Node 20. Installs what is missing
# (Chromium, PostgreSQL, ClamAV, npm packages), then runs lint, type-check, unit and integration tests
# (against a real PostgreSQL database made for the run), the production build, and the
# end-to-end tests in Chromium. Ends with one line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
source scripts/lib/system.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "System packages"
ensure_chromium
ensure_postgres   # exports TEST_DATABASE_ADMIN_URL
ensure_clamd      # clamd on 127.0.0.1:3310 for the scan tests; exports CLAMAV_HOST/PORT

step "npm packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent db:generate >/dev/null

results=test-results/counts
rm -rf "$results" && mkdir -p "$results"

step "Security advisories in production dependencies (npm audit)"
# High or critical advisories fail the run (the other checks still run, so their results are seen
# too). A registry that refuses the audit request is reported, not taken for a pass or a failure.
audit_status=0
{ npm audit --omit=dev --json 2>/dev/null || true; } | node scripts/lib/audit-verdict.mjs || audit_status=$?

step "Lint"
npx eslint .
step "Type-check"
npx tsc --noEmit

step "Unit and integration tests (vitest, PostgreSQL)"
vitest_status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json" || vitest_status=$?

step "Production build"
npx next build

step "End-to-end tests (Playwright, Chromium)"
e2e_status=0
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json || e2e_status=$?

[ "$audit_status" -eq 0 ] || echo "npm audit failed (exit $audit_status): see its step above; the run fails" >&2
node scripts/lib/count-results.mjs "$results"
exit $(( vitest_status || e2e_status || audit_status ))
