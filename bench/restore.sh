#!/usr/bin/env bash
# Measures what a lost database costs: the recovery point (RPO, how much committed work a restore cannot bring back)
# and the recovery time (RTO, from the restore command to the CRM serving again), on the backups ./crm run keeps:
#   1. starts a fresh CRM (temp data dir, its own ports; WAL archived by pgBackRest as in ./crm run) and seeds it
#      through the public API: the demo CRM (tools/Crm.Seed, N accounts with everything around them) or, with
#      --accounts-only, N bare accounts; then ./crm backup, as the daily backup would;
#   2. a writer creates an account every 0.2 s and notes when each was acknowledged; after 75 s (more than the
#      60 s archive_timeout) PostgreSQL and the AppHost are SIGKILLed and the cluster directory deleted: the disk
#      is lost, only the backup repository is left;
#   3. ./crm restore (to the end of the archive), then the AppHost started on the same data dir: RTO is the
#      restore plus the start until the CRM serves; RPO is the time between the last acknowledged account and
#      the last one the restored CRM has.
# Usage: bench/restore.sh [accounts=1000] [--accounts-only]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ACCOUNTS="${1:-1000}"
ONLY="${2:-}"
LIST=restore
# shellcheck source=bench/list-bench.sh
source "$ROOT/bench/list-bench.sh"
APPHOST="dotnet Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll"

bench_start

# --- 1. data and a backup --------------------------------------------------------------------------
dotnet tools/Crm.Seed/bin/Release/net10.0/Crm.Seed.dll --url "$GATEWAY" --accounts "$ACCOUNTS" --seed 42 --concurrency 8 $ONLY | tail -2
bench_wait_for_events
$APPHOST backup
say "cluster: $("$PSQL" -qAt -d postgres -c "select pg_size_pretty(sum(pg_database_size(datname))) from pg_database")," \
  "sales: $("$PSQL" -qAt -d sales -c "select count(*) from accounts") accounts"

# --- 2. writes, then the disk is lost ---------------------------------------------------------------
ACKS="$WORK/acks.txt"
python3 - "$GATEWAY" "$token" "$ACKS" <<'PY' &
import json, sys, time, urllib.request
gateway, token, acks = sys.argv[1:]
with open(acks, "w", buffering=1) as out:
    n = 0
    while True:
        n += 1
        body = json.dumps({"name": f"RPO probe {n:06}"}).encode()
        req = urllib.request.Request(f"{gateway}/api/v1/accounts", body, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                if r.status == 201:
                    out.write(f"{n} {time.time():.3f}\n")
        except Exception:
            pass
        time.sleep(0.2)
PY
WRITER=$!
sleep 75
PGDATA_DIR="$(sed -n 's/^pg1-path=//p' "$DATA/backups/pgbackrest.conf")"
say "SIGKILL to PostgreSQL and the AppHost, then the cluster directory deleted ($PGDATA_DIR)"
kill -KILL "$(head -1 "$PGDATA_DIR/postmaster.pid")" "$HOST" 2>/dev/null || true
sleep 1
kill "$WRITER" 2>/dev/null || true
wait "$HOST" 2>/dev/null || true
for _ in $(seq 1 90); do pgrep -f -- "$DATA" >/dev/null || break; sleep 1; done
pkill -KILL -f -- "$DATA" 2>/dev/null || true
rm -rf "$PGDATA_DIR"
read -r last_n last_at < <(tail -1 "$ACKS")

# --- 3. restore and start ---------------------------------------------------------------------------
rto_start=$(date +%s.%N)
$APPHOST restore
restored_at=$(date +%s.%N)
dotnet Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll >"$LOG.2" 2>&1 &
HOST=$!
until grep -q "Press Ctrl+C to stop" "$LOG.2"; do
  kill -0 "$HOST" 2>/dev/null || { cat "$LOG.2"; echo "AppHost exited" >&2; exit 1; }
  sleep 0.2
done
serving_at=$(date +%s.%N)
GATEWAY="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["gateway"])' "$DATA/endpoints.json")"
export PGPORT="$(sed -n 's/^pg1-port=//p' "$DATA/backups/pgbackrest.conf")"
newest="$("$PSQL" -qAt -d sales -c "select coalesce(max(substring(name from 11)::int), 0) from accounts where name like 'RPO probe %'")"
newest_at="$(awk -v n="$newest" '$1 == n { print $2 }' "$ACKS")"
python3 - "$rto_start" "$restored_at" "$serving_at" "$last_n" "$last_at" "$newest" "${newest_at:-0}" "$ACCOUNTS" "${ONLY:-demo}" <<'PY'
import sys
rto_start, restored, serving, last_n, last_at, newest, newest_at = map(float, sys.argv[1:8])
accounts, kind = sys.argv[8], sys.argv[9]
print()
print(f"restore of a lost cluster, {accounts} accounts ({'accounts only' if kind == '--accounts-only' else 'the demo CRM'}):")
print(f"  RTO: {serving - rto_start:.1f} s (restore {restored - rto_start:.1f} s, then start and WAL replay until serving {serving - restored:.1f} s)")
print(f"  RPO: the last acknowledged write #{int(last_n)}; the restored CRM has up to #{int(newest)}: "
      f"{last_at - newest_at:.1f} s of writes lost" if newest_at else "  RPO: no probe restored")
PY
