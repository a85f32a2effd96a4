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

LIST=search
# shellcheck source=bench/list-bench.sh
source "$ROOT/bench/list-bench.sh"

bench_start

# --- 1. data -------------------------------------------------------------------------------------
dotnet tools/Crm.Seed/bin/Release/net10.0/Crm.Seed.dll --url "$GATEWAY" --accounts "$ACCOUNTS" --owners "$OWNERS" --seed 42 --concurrency 8

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
bench_wait_for_events
bench_gateway_load "$URLS" "$RESULTS"

python3 - "$RESULTS" "$SECONDS_PER_RUN" "$CLIENTS" "$ACCOUNTS" <<'PY'
import json, sys
results, seconds, clients, accounts = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
g = next(j for j in map(json.loads, open(results)) if j["Label"] == "gateway")
print()
print(f"global search, {accounts} accounts, {clients} clients, {seconds:.0f} s:")
print(f"  gateway (HTTP, end to end): {g['Requests']} requests ({g['Rps']:.0f}/s), {g['Errors']} errors, median {g['Median']:.2f} ms, p95 {g['P95']:.2f} ms")
PY
