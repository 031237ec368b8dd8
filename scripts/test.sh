#!/usr/bin/env bash
# Every test: unit and integration (vitest, real PostgreSQL, real MCP servers from npm) and the browser suite
# (Playwright in Debian's Chromium). Installs what the tests need when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "dependencies"
if [ "${CI:-}" = "true" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# System packages: Chromium for the browser tests, bubblewrap + passt for the sandboxed local runner, git for
# analysing git URLs.
missing=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || missing+=(chromium)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v pasta >/dev/null 2>&1 || missing+=(passt)
command -v git >/dev/null 2>&1 || missing+=(git)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    step "installing ${missing[*]} with apt-get"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  else
    echo "Missing ${missing[*]} and no apt-get here: install them with your package manager (Chromium at /usr/bin/chromium or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

# PostgreSQL: DATABASE_URL's server when given, else the local one. Each suite creates its own fresh database.
server_url="${TEST_DATABASE_SERVER_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}"
export TEST_DATABASE_SERVER_URL="$server_url"
unset DATABASE_URL
if ! node -e 'const c=new (require("pg").Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end(),e=>{console.error(e.message);process.exit(1)})' "$server_url"; then
  echo "PostgreSQL is not reachable at $server_url: start it, or set DATABASE_URL to a server the tests may create databases on." >&2
  exit 1
fi

step "lint"
npm run lint

step "build (type-checks everything)"
npm run build

step "unit and integration tests (vitest)"
npx vitest run

step "browser tests (Playwright, Chromium)"
e2e_db="catwalk_e2e_$(date +%s)_$$"
node -e 'const c=new (require("pg").Client)({connectionString:process.argv[1]});c.connect().then(()=>c.query(`CREATE DATABASE "${process.argv[2]}"`)).then(()=>c.end())' "$server_url" "$e2e_db"
cleanup() {
  node -e 'const c=new (require("pg").Client)({connectionString:process.argv[1]});c.connect().then(()=>c.query(`DROP DATABASE IF EXISTS "${process.argv[2]}" WITH (FORCE)`)).then(()=>c.end())' "$server_url" "$e2e_db" || true
}
trap cleanup EXIT
export DATABASE_URL
DATABASE_URL="$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$server_url" "$e2e_db")"
rm -rf test-results/e2e-data e2e/screenshots && mkdir -p e2e/screenshots
npx playwright test

step "all tests passed"
