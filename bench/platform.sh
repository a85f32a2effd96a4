#!/usr/bin/env bash
# Measures the running platform, all in one run:
#   - time from `crm run`'s start of the AppHost to every resource healthy,
#   - memory (RSS) of every process of the system,
#   - gateway overhead: the same authenticated request (GET /api/v1/auth/me) through the gateway
#     and straight to Identity, with the same load, reported as median / p95 and their ratio.
# Usage: bench/platform.sh [clients=10] [seconds=15]. Needs a build (./crm run or ./crm test builds).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLIENTS="${1:-10}"
SECONDS_PER_RUN="${2:-15}"
DATA="$(mktemp -d /tmp/crm-bench-XXXXXX)"
chmod 755 "$DATA"
export CRM_DATA_DIR="$DATA" CRM_HTTP_PORT="${CRM_HTTP_PORT:-18080}" CRM_DASHBOARD_PORT="${CRM_DASHBOARD_PORT:-18890}"
export CRM_ADMIN_EMAIL=bench@crm.local CRM_ADMIN_PASSWORD=Bench2Crm-password
LOG="$DATA/apphost.log"
RESULTS="$DATA/results.jsonl"

start=$(date +%s.%N)
dotnet Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll >"$LOG" 2>&1 &
HOST=$!
cleanup() { kill -TERM "$HOST" 2>/dev/null || true; wait "$HOST" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

until grep -q "Press Ctrl+C to stop" "$LOG"; do
  kill -0 "$HOST" 2>/dev/null || { cat "$LOG"; echo "AppHost exited" >&2; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
python3 -c "import sys; print('startup: all resources healthy after %.1f s' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$ready"

resources="$(curl -s "http://localhost:$CRM_DASHBOARD_PORT/api/resources")"
identity="$(python3 -c 'import json,sys; print(next(r["endpoint"] for r in json.load(sys.stdin) if r["name"].startswith("identity")))' <<<"$resources")"
token="$(curl -s "$identity/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$CRM_ADMIN_EMAIL\",\"password\":\"$CRM_ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

# Memory: every process of ours, children included (postgres backends, the Erlang VM...).
python3 - "$resources" "$HOST" <<'PY'
import json, sys, os
resources = json.loads(sys.argv[1]); host = int(sys.argv[2])
def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) // 1024
    except (FileNotFoundError, StopIteration, ProcessLookupError):
        return 0
def tree(pid):
    out = {pid}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) in out: out.add(int(p))
            except OSError: pass
    return out
total = 0
rows = []
seen = set()
for r in resources:
    if not r.get("pid"): continue
    pids = set()
    for _ in range(3): pids |= tree(r["pid"]) | {q for q in tree(r["pid"])}
    pids -= seen; seen |= pids
    mb = sum(rss(p) for p in pids); total += mb
    rows.append(f"{r['name']}={mb}MB")
mb = rss(host); total += mb; rows.append(f"apphost={mb}MB")
print("memory: total %d MB (%s)" % (total, ", ".join(rows)))
PY

DRIVER="dotnet tools/Crm.LoadDriver/bin/Release/net10.0/Crm.LoadDriver.dll"
$DRIVER "$identity/api/v1/auth/me" -c "$CLIENTS" -d "$SECONDS_PER_RUN" -l direct -H "Authorization: Bearer $token" -o "$RESULTS"
$DRIVER "http://localhost:$CRM_HTTP_PORT/api/v1/auth/me" -c "$CLIENTS" -d "$SECONDS_PER_RUN" -l gateway -H "Authorization: Bearer $token" -o "$RESULTS"
python3 - "$RESULTS" <<'PY'
import json, sys
r = {j["Label"]: j for j in map(json.loads, open(sys.argv[1]))}
d, g = r["direct"], r["gateway"]
print("gateway overhead: median %.2f ms vs %.2f ms direct (x%.2f, +%.2f ms); p95 %.2f ms vs %.2f ms (x%.2f)"
      % (g["Median"], d["Median"], g["Median"] / d["Median"], g["Median"] - d["Median"], g["P95"], d["P95"], g["P95"] / d["P95"]))
PY
