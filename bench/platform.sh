#!/usr/bin/env bash
# Measures the running platform, all in one run:
#   - time from the start of the AppHost (an up-to-date build) to every resource healthy,
#   - memory (PSS: shared pages counted once) of every process of the run: the AppHost, Aspire's DCP and
#     dashboard, PostgreSQL, Redis, RabbitMQ, the services and the gateway,
#   - gateway overhead: the same authenticated request (GET /api/v1/auth/me) through the gateway and
#     straight to Identity, the same clients alternating between the two, reported as median / p95 of
#     each, their ratio and their difference.
# Usage: bench/platform.sh [clients=10] [seconds=15]. Needs a build (./crm run or ./crm test builds).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLIENTS="${1:-10}"
SECONDS_PER_RUN="${2:-15}"
DATA="$(mktemp -d /tmp/crm-bench-XXXXXX)"
chmod 755 "$DATA"
export CRM_DATA_DIR="$DATA" CRM_HTTP_PORT="${CRM_HTTP_PORT:-18080}" CRM_HTTPS_PORT="${CRM_HTTPS_PORT:-0}" CRM_DASHBOARD_PORT="${CRM_DASHBOARD_PORT:-18890}"
export CRM_ADMIN_EMAIL=bench@crm.local CRM_ADMIN_PASSWORD=Bench2Crm-password
LOG="$DATA/apphost.log"
RESULTS="$DATA/results.jsonl"

start=$(date +%s.%N)
setsid dotnet Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll >"$LOG" 2>&1 </dev/null &
HOST=$!
cleanup() {
  kill -TERM "$HOST" 2>/dev/null || true
  wait "$HOST" 2>/dev/null || true
  # DCP stops the resources after the AppHost has gone; PostgreSQL's files belong to its own user.
  for _ in $(seq 1 60); do pgrep -f "$DATA" >/dev/null || break; sleep 0.5; done
  rm -rf "$DATA" 2>/dev/null || true
}
trap cleanup EXIT

until grep -q "Press Ctrl+C to stop" "$LOG"; do
  kill -0 "$HOST" 2>/dev/null || { cat "$LOG"; echo "AppHost exited" >&2; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
python3 -c "import sys; print('startup: all resources healthy after %.1f s' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$ready"
# The AppHost's ResourceStateLogger lines: "+<seconds>s <resource> <state>/<health>".
grep -oE '\+[0-9.]+s [a-z0-9-]+ [A-Za-z]+/[A-Za-z-]+' "$LOG" | sed 's/^/  /' || true

gateway="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["gateway"])' "$DATA/endpoints.json")"
token="$(curl -s "$gateway/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$CRM_ADMIN_EMAIL\",\"password\":\"$CRM_ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

# Memory: the AppHost, and DCP (started detached, watching the AppHost's pid) with every resource under it, PSS per group.
python3 - "$HOST" <<'PY'
import os, sys
host = int(sys.argv[1])
def parent(pid):
    try:
        with open(f"/proc/{pid}/stat") as f: return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError): return None
def cmd(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f: return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError: return ""
def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("Pss:")) / 1024
    except (OSError, StopIteration): return 0
parents = {int(p): parent(int(p)) for p in os.listdir("/proc") if p.isdigit()}
tree, changed = {host} | {p for p in parents if f"--monitor {host} " in cmd(p) + " "}, True
while changed:
    changed = False
    for p, pp in parents.items():
        if pp in tree and p not in tree: tree.add(p); changed = True
def group(pid):
    c = cmd(pid)
    for key, name in [("Crm.AppHost", "apphost"), ("Aspire.Dashboard", "dashboard"), ("/dcp ", "dcp"), ("postgres", "postgres"),
                      ("redis-server", "redis"), ("beam.smp", "rabbitmq"), ("epmd", "rabbitmq"), ("rabbitmq", "rabbitmq"),
                      ("erl_child_setup", "rabbitmq"), ("inet_gethost", "rabbitmq"), ("Crm.Gateway", "gateway"), ("Crm.Identity", "identity"),
                      ("Crm.Sales", "sales"), ("Crm.Billing", "billing"), ("Crm.Activities", "activities")]:
        if key in c: return name
    return "other"
totals = {}
for p in tree: totals[group(p)] = totals.get(group(p), 0) + pss(p)
print("memory (PSS): total %.0f MB (%s)" % (sum(totals.values()), ", ".join("%s=%.0fMB" % kv for kv in sorted(totals.items(), key=lambda kv: -kv[1]))))
PY

DRIVER="dotnet tools/Crm.LoadDriver/bin/Release/net10.0/Crm.LoadDriver.dll"
# The same clients alternate: direct, gateway, direct, gateway... so both see the same load at the same moments.
$DRIVER --alternate "direct=$identity/api/v1/auth/me" "gateway=http://localhost:$CRM_HTTP_PORT/api/v1/auth/me" \
  -c "$CLIENTS" -d "$SECONDS_PER_RUN" -w 3 -H "Authorization: Bearer $token" -o "$RESULTS"
python3 - "$RESULTS" <<'PY'
import json, sys
r = {j["Label"]: j for j in map(json.loads, open(sys.argv[1]))}
d, g = r["direct"], r["gateway"]
print("gateway overhead (alternating): median %.2f ms vs %.2f ms direct (x%.2f, %+.2f ms); p95 %.2f ms vs %.2f ms direct (x%.2f, %+.2f ms)"
      % (g["Median"], d["Median"], g["Median"] / d["Median"], g["Median"] - d["Median"],
         g["P95"], d["P95"], g["P95"] / d["P95"], g["P95"] - d["P95"]))
PY
