#!/usr/bin/env bash
# Measures how fast Home (the dashboard) becomes interactive in a browser:
#   1. starts a fresh CRM (temp data dir, its own ports; bench/list-bench.sh's bench_start) and seeds the
#      default demo data through the public API (tools/Crm.Seed: 1,000 accounts with their contacts, leads,
#      deals, orders, activities and cases);
#   2. loads Home N times in Debian's headless Chromium (bench/home-tti.mjs, playwright-core) and prints the
#      median and p95 time from the start of the navigation until the six key-figure tiles show their
#      figures, and until both charts are drawn. The target is under 1.5 s.
# Usage: bench/home.sh [runs=20] [accounts=1000]
# Needs a build (dotnet build -c Release), web/node_modules (npm ci) and /usr/bin/chromium; builds web/dist if missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-20}"
ACCOUNTS="${2:-1000}"

[ -x /usr/bin/chromium ] || { echo "needs /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }
[ -d web/node_modules/playwright-core ] || (cd web && npm ci)
[ -f web/dist/index.html ] || (cd web && npm run build)

LIST=home
# shellcheck source=bench/list-bench.sh
source "$ROOT/bench/list-bench.sh"

bench_start

dotnet tools/Crm.Seed/bin/Release/net10.0/Crm.Seed.dll --url "$GATEWAY" --accounts "$ACCOUNTS" --seed 42 --concurrency 8

node bench/home-tti.mjs "$GATEWAY" "$CRM_ADMIN_EMAIL" "$CRM_ADMIN_PASSWORD" "$RUNS"
