#!/usr/bin/env bash
# Measures the contact list (search + sort + a page of 50) end to end, then the very same SQL alone, as
# bench/accounts-list.sh does for accounts (the shared steps are in bench/list-bench.sh):
#   1. starts a fresh CRM, seeds N accounts through the public API (tools/Crm.Seed) and M contacts spread
#      over them, written straight into the Sales database in one statement (the list only reads the
#      table; creating 20,000 contacts through the API would take longer than the measurement);
#   2. gateway: C closed-loop clients for S seconds over GET /api/v1/contacts?q=&sort=&page=&page_size=50
#      (q = common name fragments or none; sort = name, -name, account_name, email, owner, created_at;
#      page 1, and page 200 of the unfiltered list);
#   3. captures the SQL the Sales service runs for each request into bench/sql/contacts-list.sql;
#   4. runs that SQL through pgbench, C clients for S seconds;
#   5. prints median and p95 of both and the ratio gateway/psql.
# Usage: bench/contacts-list.sh [clients=20] [seconds=30] [contacts=20000] [accounts=2000] [owners=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LIST=contacts
CLIENTS="${1:-20}"
SECONDS_PER_RUN="${2:-30}"
CONTACTS="${3:-20000}"
ACCOUNTS="${4:-2000}"
OWNERS="${5:-5}"
FRAGMENTS=(an er li son mar jo ber ill kin ste wil rob dent law)
SORTS=(name -name account_name email owner created_at)
# shellcheck source=bench/list-bench.sh
source "$ROOT/bench/list-bench.sh"

bench_start

# --- data -------------------------------------------------------------------------------------------
dotnet tools/Crm.Seed/bin/Release/net10.0/Crm.Seed.dll --url "$GATEWAY" --accounts "$ACCOUNTS" --owners "$OWNERS" --seed 42 --concurrency 8 --accounts-only
# Contact i: a first and a last name from common ones (picked by two strides, so the pairs vary), a unique
# e-mail, and account i mod N with that account's owner, as a contact created through the API would be.
"$PSQL" -qAt -d sales -v contacts="$CONTACTS" <<'SQL' >/dev/null
WITH names AS (
    SELECT '{James,Mary,Robert,Patricia,John,Jennifer,Michael,Linda,David,Elizabeth,William,Barbara,Richard,Susan,Joseph,Jessica,Thomas,Sarah,Charles,Karen,Daniel,Lisa,Matthew,Nancy,Anthony,Betty,Mark,Sandra,Steven,Ashley,Andrew,Emily,Joshua,Donna,Kevin,Michelle,Brian,Carol,George,Amanda}'::text[] AS first,
           '{Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Rodriguez,Martinez,Hernandez,Lopez,Gonzalez,Wilson,Anderson,Thomas,Taylor,Moore,Jackson,Martin,Lee,Perez,Thompson,White,Harris,Sanchez,Clark,Ramirez,Lewis,Robinson,Walker,Young,Allen,King,Wright,Scott,Torres,Nguyen,Hill,Flores,Green,Adams,Nelson,Baker,Hall,Rivera,Campbell,Mitchell,Carter,Roberts}'::text[] AS last,
           '{Owner,Office Manager,Marketing Manager,CEO,Founder,Practice Manager,Director,Assistant,Partner,Head of Sales}'::text[] AS title
), accounts AS (
    SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, owner_id FROM accounts WHERE is_active
), picked AS (
    SELECT g, a.id AS account_id, a.owner_id,
           n.first[1 + g % array_length(n.first, 1)] AS first_name,
           n.last[1 + (g * 7 + g / 40) % array_length(n.last, 1)] AS last_name,
           n.title[1 + (g / 3) % array_length(n.title, 1)] AS title
    FROM generate_series(0, :contacts - 1) AS g
    CROSS JOIN names AS n
    JOIN accounts AS a ON a.i = g % (SELECT count(*) FROM accounts)
)
INSERT INTO contacts (id, first_name, last_name, title, email, phone, account_id, owner_id, is_active, version,
                      created_at, created_by, updated_at, updated_by)
SELECT md5('bench-contact-' || g)::uuid, first_name, last_name, title,
       lower(first_name || '.' || last_name || '.' || g || '@example.com'),
       '+1 555 ' || lpad(((g * 7919) % 10000000)::text, 7, '0'),
       account_id, owner_id, true, 1,
       now() - g * interval '1 minute', owner_id, now() - g * interval '1 minute', owner_id
FROM picked;
SQL
"$PSQL" -qAt -d sales -c "vacuum analyze" >/dev/null
say "sales database: $("$PSQL" -qAt -d sales -c "select count(*) from accounts") accounts, $("$PSQL" -qAt -d sales -c "select count(*) from contacts") contacts, $("$PSQL" -qAt -d sales -c "select pg_size_pretty(pg_database_size('sales'))")"

URLS="$WORK/urls.txt"
{
  for q in "" "${FRAGMENTS[@]}"; do
    for sort in "${SORTS[@]}"; do
      echo "$GATEWAY/api/v1/contacts?q=$q&sort=$sort&page=1&page_size=50"
    done
  done
  # Deep paging: the last full page of the unfiltered list in every sort.
  for sort in "${SORTS[@]}"; do
    echo "$GATEWAY/api/v1/contacts?q=&sort=$sort&page=$((CONTACTS / 50))&page_size=50"
  done
} >"$URLS"

bench_run "$URLS" "$CONTACTS"
