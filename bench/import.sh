#!/usr/bin/env bash
# Measures the CSV import of accounts end to end:
#   1. starts a fresh CRM (temp data dir, its own ports; bench/list-bench.sh's bench_start);
#   2. writes a file of N accounts (name, phone, website, type, billing address; about 1 MB for 10,000);
#   3. POST /api/v1/accounts/import?dry_run=true through the gateway (every row checked, nothing written), timed;
#   4. POST /api/v1/accounts/import through the gateway (one transaction: the accounts and their AccountCreated
#      events in the outbox), timed; then checks the accounts table and the outbox;
#   5. waits until the outbox dispatcher has published every AccountCreated event and prints how long that took.
# Usage: bench/import.sh [rows=10000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LIST=import
ROWS="${1:-10000}"
# shellcheck source=bench/list-bench.sh
source "$ROOT/bench/list-bench.sh"

bench_start

FILE="$WORK/accounts.csv"
python3 - "$FILE" "$ROWS" <<'PY'
import random, sys
path, rows = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
words = ["North", "Blue", "Cedar", "Harbor", "Pixel", "Summit", "Maple", "Atlas", "Nova", "Orchard", "River", "Stone"]
kinds = ["Studio", "Bakery", "Dental", "Legal", "Fitness", "Garden", "Motors", "Books", "Cafe", "Clinic"]
types = ["Prospect", "Customer", "Partner", "Other", ""]
with open(path, "w", newline="") as f:
    f.write("Account Name,Phone,Website,Type,Billing Address\r\n")
    for i in range(rows):
        name = f"{rng.choice(words)} {rng.choice(kinds)} {i:05d}"
        slug = name.lower().replace(" ", "-")
        f.write(f'{name},+1 555 {rng.randrange(1000, 9999)},https://{slug}.example.com,{rng.choice(types)},"{i} Main Street\nSpringfield"\r\n')
PY
say "file: $ROWS accounts, $(du -h "$FILE" | cut -f1)"

post() { # post <query> -> "<status> <seconds>" and the answer in $WORK/answer.json
  curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' "$GATEWAY/api/v1/accounts/import$1" \
    -H "Authorization: Bearer $token" -H 'content-type: text/csv; charset=utf-8' --data-binary "@$FILE"
}
summary() { python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print("rows %d, created %d, errors %d, duplicates %d" % (a["rows"], a["created"], len(a["errors"]), len(a["duplicates"])))' "$WORK/answer.json"; }

read -r status seconds <<<"$(post '?dry_run=true')"
[ "$status" = 200 ] || { cat "$WORK/answer.json"; echo; echo "dry run answered $status" >&2; exit 1; }
say "dry run: $status in ${seconds} s ($(summary))"

outbox_before="$("$PSQL" -qAt -d sales -c "select count(*) from outbox_messages where message_type like '%AccountCreated%'")"
read -r status seconds <<<"$(post '')"
[ "$status" = 200 ] || { cat "$WORK/answer.json"; echo; echo "import answered $status" >&2; exit 1; }
imported_at=$(date +%s.%N)
say "import: $status in ${seconds} s ($(summary))"

accounts="$("$PSQL" -qAt -d sales -c "select count(*) from accounts")"
events="$("$PSQL" -qAt -d sales -c "select count(*) from outbox_messages where message_type like '%AccountCreated%'")"
say "sales database: $accounts accounts, $((events - outbox_before)) new AccountCreated events in the outbox"
[ "$accounts" -ge "$ROWS" ] && [ $((events - outbox_before)) -eq "$ROWS" ] || { echo "expected $ROWS accounts and events" >&2; exit 1; }

for _ in $(seq 1 600); do
  pending="$("$PSQL" -qAt -d sales -c "select count(*) from outbox_messages where dispatched_at is null")"
  [ "$pending" = 0 ] && break
  sleep 0.5
done
say "outbox: every event published $(python3 -c "import sys,time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$imported_at") s after the import answered ($pending pending)"
