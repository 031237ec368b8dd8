#!/usr/bin/env bash
# From a fresh clone: install, build, and start Catwalk on the embedded database with no configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
npm run build
echo "Catwalk: http://${CATWALK_HOST:-127.0.0.1}:${PORT:-3000}  (data in ${CATWALK_DATA_DIR:-./data})"
exec node scripts/start.mjs
