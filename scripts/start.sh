#!/usr/bin/env bash
# npm start: install what is missing, build when the sources changed, and serve the portal and
# API on port 9084. With no DATABASE_URL the embedded database in ./data is used, and an empty
# one gets the demo catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent db:generate >/dev/null

stamp=.next/BUILD_ID
if [ ! -f "$stamp" ] || [ -n "$(find app components lib prisma proxy.ts instrumentation.ts next.config.mjs package-lock.json -newer "$stamp" -type f -not -path 'lib/generated/*' -print -quit)" ]; then
  npx next build
fi

# clamd for artifact scans, best effort: the portal and API work without it; scans then fail with
# "clamd is unreachable" until it runs. Skipped when CLAMAV_HOST points at another machine's clamd.
if [ -z "${CLAMAV_HOST:-}" ] || [ "${CLAMAV_HOST}" = localhost ] || [ "${CLAMAV_HOST}" = 127.0.0.1 ]; then
  ( source scripts/lib/system.sh && CLAMD_PORT="${CLAMAV_PORT:-3310}" ensure_clamd ) || echo "clamd is not running: scans will fail until it does (scripts/clamd.sh)" >&2
fi

echo "budmodel: http://localhost:${PORT:-9084} (database: ${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-embedded, in ${BUDMODEL_DATA_DIR:-./data}})"
PORT="${PORT:-9084}" exec npx tsx scripts/server/main.ts
