#!/usr/bin/env bash
# Measures global search (GET /api/v1/search) end to end through the gateway:
#   1. starts a fresh CRM (temp data dir, its own ports) and seeds it through the public API
#      (tools/Crm.Seed: N accounts with their contacts, leads and deals spread over a few owners);
#   2. C closed-loop clients for S seconds over GET /api/v1/search?q=..., round-robin over a realistic mix:
#      2-4 letter fragments (what the dropdown asks while typing), whole words, a word with a typo, e-mail
#      and web fragments, phone digits and record numbers (ORD-, CTR-, case numbers), all types at the
#      dropdown's limit of 5, some at the results page's 50 for one type (tools/Crm.LoadDriver);
#   3. prints median and p95. The target is p95 <= 100 ms with 10 clients on 1,000 accounts.
# Usage: bench/search.sh [clients=10] [seconds=30] [accounts=1000] [owners=5]
# Needs a build (./crm run or ./crm test builds; this builds tools/Crm.Seed and the load driver).
# The machine's cores are shared by the load driver, the gateway, the services and PostgreSQL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLIENTS="${1:-10}"
SECONDS_PER_RUN="${2:-30}"
ACCOUNTS="${3:-1000}"
OWNERS="${4:-5}"
# As typed: fragments first, then words, near misses, contact details and numbers.
QUERIES=(an er ma ro son ber kin mar law ston wood smith studio digital agency media
  smiht studoi digitel "web studio" "@example" ".com" www 555 0100 ORD-0 ORD-00001 CTR-0 0000100)

say() { printf 'bench: %s\n' "$*"; }

for project in tools/Crm.Seed tools/Crm.LoadDriver; do
  dotnet build "$project" -c Release -nologo -v quiet -tl:off >/dev/null || { echo "dotnet build $project failed" >&2; exit 1; }
done
[ -f Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll ] || { echo "build the solution first (dotnet build Crm.sln -c Release)" >&2; exit 1; }

DATA="$(mktemp -d /tmp/crm-bench-search-XXXXXX)"
chmod 755 "$DATA"
export CRM_DATA_DIR="$DATA" CRM_HTTP_PORT="${CRM_HTTP_PORT:-18182}" CRM_DASHBOARD_PORT="${CRM_DASHBOARD_PORT:-18992}"
export CRM_ADMIN_EMAIL=bench@crm.local CRM_ADMIN_PASSWORD=Bench2Crm-password
LOG="$DATA/apphost.log"
WORK="$DATA/bench"
mkdir -p "$WORK"

HOST=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$HOST" ] && kill -0 "$HOST" 2>/dev/null; then
    say "stopping the CRM"
    kill -TERM "$HOST" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$HOST" 2>/dev/null || break; sleep 1; done
    kill -KILL "$HOST" 2>/dev/null || true
    wait "$HOST" 2>/dev/null || true
  fi
  rm -rf "$DATA"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "starting the CRM (data $DATA)"
start=$(date +%s)
dotnet Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll >"$LOG" 2>&1 &
HOST=$!
until grep -q "Press Ctrl+C to stop" "$LOG"; do
  kill -0 "$HOST" 2>/dev/null || { cat "$LOG"; echo "AppHost exited" >&2; exit 1; }
  sleep 0.5
done
say "all resources healthy after $(($(date +%s) - start)) s"
GATEWAY="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["gateway"])' "$DATA/endpoints.json")"

# --- 1. data -------------------------------------------------------------------------------------
dotnet tools/Crm.Seed/bin/Release/net10.0/Crm.Seed.dll --url "$GATEWAY" --accounts "$ACCOUNTS" --owners "$OWNERS" --seed 42 --concurrency 8

token="$(curl -sf "$GATEWAY/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$CRM_ADMIN_EMAIL\",\"password\":\"$CRM_ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

URLS="$WORK/urls.txt"
for q in "${QUERIES[@]}"; do
  encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")"
  echo "$GATEWAY/api/v1/search?q=$encoded"
done >"$URLS"
# The results page: one type, 50 of it.
for q in ma studio son; do
  echo "$GATEWAY/api/v1/search?q=$q&types=Account&limit=50"
  echo "$GATEWAY/api/v1/search?q=$q&types=Contact&limit=50"
done >>"$URLS"
say "$(wc -l <"$URLS") distinct searches, e.g. $(sed -n 5p "$URLS")"
say "a sample answer: $(curl -sf -H "Authorization: Bearer $token" "$(sed -n 14p "$URLS")" | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(", ".join(g["type"] + " " + str(g["total"]) for g in a["groups"]), "partial" if a["partial"] else "")')"

# --- 2. through the gateway ----------------------------------------------------------------------
RESULTS="$WORK/results.jsonl"
dotnet tools/Crm.LoadDriver/bin/Release/net10.0/Crm.LoadDriver.dll -f "$URLS" -c "$CLIENTS" -d "$SECONDS_PER_RUN" -w 3 -l gateway \
  -H "Authorization: Bearer $token" -o "$RESULTS"

python3 - "$RESULTS" "$SECONDS_PER_RUN" "$CLIENTS" "$ACCOUNTS" <<'PY'
import json, sys
results, seconds, clients, accounts = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
g = next(j for j in map(json.loads, open(results)) if j["Label"] == "gateway")
print()
print(f"global search, {accounts} accounts, {clients} clients, {seconds:.0f} s:")
print(f"  gateway (HTTP, end to end): {g['Requests']} requests ({g['Rps']:.0f}/s), {g['Errors']} errors, median {g['Median']:.2f} ms, p95 {g['P95']:.2f} ms")
PY
