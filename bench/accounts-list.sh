#!/usr/bin/env bash
# Measures the account list (search + sort + a page of 50) end to end, then the very same SQL alone:
#   1. starts a fresh CRM (temp data dir, its own ports) and seeds it through the public API
#      (tools/Crm.Seed: N accounts spread over a few owners);
#   2. gateway: C closed-loop clients for S seconds over GET /api/v1/accounts?q=&sort=&page=&page_size=50,
#      round-robin over realistic queries (q = common 2-4 letter fragments or none, sort = name, -name,
#      phone, owner, created_at; page 1, and page 200 of the unfiltered list: offset 9,950 of 10,000),
#      through the gateway with a bearer token (tools/Crm.LoadDriver);
#   3. captures the SQL the Sales service really runs for each of those requests (PostgreSQL
#      log_statement=all, switched on only for the capture) and writes it to bench/sql/accounts-list.sql;
#   4. psql: the captured statements of each request, with its parameters, as one pgbench transaction,
#      C clients for S seconds (pgbench -n -M extended -c C -j 2 -T S --log);
#   5. prints median and p95 of both and the ratio gateway/psql.
# Usage: bench/accounts-list.sh [clients=20] [seconds=30] [accounts=10000] [owners=5]
# The shared steps are in bench/list-bench.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LIST=accounts
CLIENTS="${1:-20}"
SECONDS_PER_RUN="${2:-30}"
ACCOUNTS="${3:-10000}"
OWNERS="${4:-5}"
FRAGMENTS=(an er ro ha son ber ill dent kin mar law bak ston wood sum 55)
SORTS=(name -name phone owner created_at)
# shellcheck source=bench/list-bench.sh
source "$ROOT/bench/list-bench.sh"

bench_start

# --- data -------------------------------------------------------------------------------------------
dotnet tools/Crm.Seed/bin/Release/net10.0/Crm.Seed.dll --url "$GATEWAY" --accounts "$ACCOUNTS" --owners "$OWNERS" --seed 42 --concurrency 8 --accounts-only
"$PSQL" -qAt -d sales -c "vacuum analyze" >/dev/null
errors="$(python3 -c '
import sys
lines = [l for l in open(sys.argv[1], errors="replace") if "\"LogLevel\":\"Error\"" in l or "\"LogLevel\":\"Critical\"" in l]
print(len(lines)); [print("  " + l[:600].rstrip()) for l in lines[:3]]' "$(console sales out)")"
[ "${errors%%$'\n'*}" = 0 ] || say "the sales service logged errors while seeding (${errors%%$'\n'*}; the seeder retried them), the first ones:"$'\n'"${errors#*$'\n'}"
say "sales database: $("$PSQL" -qAt -d sales -c "select count(*) from accounts") accounts, $("$PSQL" -qAt -d sales -c "select pg_size_pretty(pg_database_size('sales'))")"

URLS="$WORK/urls.txt"
{
  for q in "" "${FRAGMENTS[@]}"; do
    for sort in "${SORTS[@]}"; do
      echo "$GATEWAY/api/v1/accounts?q=$q&sort=$sort&page=1&page_size=50"
    done
  done
  # Deep paging: the last full page of the unfiltered list in every sort.
  for sort in "${SORTS[@]}"; do
    echo "$GATEWAY/api/v1/accounts?q=&sort=$sort&page=$((ACCOUNTS / 50))&page_size=50"
  done
} >"$URLS"

bench_run "$URLS" "$ACCOUNTS"

# --- export -------------------------------------------------------------------------------------------
# The whole list as CSV (GET /accounts/export.csv), three times on the quiet CRM: seconds, rows and the
# Sales process's peak memory (VmHWM) before and after, so a regression to buffering shows.
sales_pids="$(pgrep -f 'services/Sales/bin/Release/net10.0/Crm.Sales' || true)"
peak() { for p in $sales_pids; do awk '/VmHWM/ { printf "%d MB ", $2 / 1024 }' "/proc/$p/status" 2>/dev/null; done; }
say "export: Sales peak memory before: $(peak)"
for run in 1 2 3; do
  read -r seconds bytes < <(curl -sf -o "$WORK/accounts.csv" -w '%{time_total} %{size_download}\n' \
    -H "Authorization: Bearer $token" "$GATEWAY/api/v1/accounts/export.csv")
  say "export $run: $(($(wc -l <"$WORK/accounts.csv") - 1)) rows, $bytes bytes in $seconds s"
done
say "export: Sales peak memory after: $(peak)"
