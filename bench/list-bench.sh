# The parts bench/accounts-list.sh and bench/contacts-list.sh share; sourced, not run. The caller sets
# LIST (the endpoint and table: accounts, contacts), CLIENTS and SECONDS_PER_RUN, then
#   bench_start                   starts a fresh CRM (temp data dir, its own ports), sets GATEWAY, PSQL, PG*, token;
#   bench_wait_for_events        waits until the seed's events are published and consumed;
#   bench_run <urls file> <rows>  the gateway load, the SQL capture, the same SQL through pgbench, the summary.
# Needs a build (./crm run or ./crm test builds; this builds tools/Crm.Seed and the load driver).
# The machine's cores are shared by the load driver, the gateway, the services and PostgreSQL.

say() { printf 'bench: %s\n' "$*"; }

PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ ! -x "$PGBIN/pgbench" ] && ! command -v pgbench >/dev/null; then
  say "installing postgresql-client (pgbench, psql)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
fi
PGBENCH="$PGBIN/pgbench"; [ -x "$PGBENCH" ] || PGBENCH="$(command -v pgbench)"
PSQL="$PGBIN/psql"; [ -x "$PSQL" ] || PSQL="$(command -v psql)"

for project in tools/Crm.Seed tools/Crm.LoadDriver; do
  dotnet build "$project" -c Release -nologo -v quiet -tl:off >/dev/null || { echo "dotnet build $project failed" >&2; exit 1; }
done
[ -f Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll ] || { echo "build the solution first (dotnet build Crm.sln -c Release)" >&2; exit 1; }

bench_start() {
DATA="$(mktemp -d "/tmp/crm-bench-$LIST-XXXXXX")"
chmod 755 "$DATA"
export CRM_DATA_DIR="$DATA" CRM_HTTP_PORT="${CRM_HTTP_PORT:-18180}" CRM_HTTPS_PORT="${CRM_HTTPS_PORT:-0}" CRM_DASHBOARD_PORT="${CRM_DASHBOARD_PORT:-18990}"
export CRM_ADMIN_EMAIL=bench@crm.local CRM_ADMIN_PASSWORD=Bench2Crm-password
# A throw-away run: no WAL archiving or first full backup competing for the cores while a list is measured;
# bench/restore.sh measures with backups on, as ./crm run keeps them.
if [ "$LIST" = restore ]; then export CRM_BACKUPS=on; else export CRM_BACKUPS="${CRM_BACKUPS:-off}"; fi
# Traces as production keeps them: a sample (1 in 100 requests, with every span of those), not every span of
# every request shipped to the development dashboard on the same two cores. The services inherit these
# standard OpenTelemetry settings; BENCH_TRACE_SAMPLE=1 measures with every trace.
export OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG="${BENCH_TRACE_SAMPLE:-0.01}"
LOG="$DATA/apphost.log"
WORK="$DATA/bench"
mkdir -p "$WORK"
GATEWAY="http://localhost:$CRM_HTTP_PORT"

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

say "starting the CRM (data $DATA, gateway $GATEWAY)"
start=$(date +%s)
dotnet Crm.AppHost/bin/Release/net10.0/Crm.AppHost.dll >"$LOG" 2>&1 &
HOST=$!
until grep -q "Press Ctrl+C to stop" "$LOG"; do
  kill -0 "$HOST" 2>/dev/null || { cat "$LOG"; echo "AppHost exited" >&2; exit 1; }
  sleep 0.5
done
say "all resources healthy after $(($(date +%s) - start)) s"

# Where the run listens: the gateway from <data>/endpoints.json (as bench/platform.sh reads the services).
GATEWAY="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["gateway"])' "$DATA/endpoints.json")"
# A resource's console output: Aspire's dashboard has no HTTP API for it, but DCP (started with
# --monitor <AppHost pid>) keeps each process's stdout and stderr in <uid>_out / <uid>_err in its session
# dir, one "<seq> <time> <text>" line each, and names the process in resource-executable-<uid>.log.
DCP_DIR="$(dirname "$(pgrep -af -- "--monitor $HOST " | grep -o -- '--kubeconfig [^ ]*' | head -1 | cut -d' ' -f2)")"
console() { # console <resource> out|err -> the file
  local meta
  meta="$(grep -l "\"Executable\": \"/$1-" "$DCP_DIR"/resource-executable-*.log | head -1)"
  [ -n "$meta" ] || { echo "no console output of $1 in $DCP_DIR" >&2; exit 1; }
  meta="${meta##*/resource-executable-}"
  echo "$DCP_DIR/${meta%.log}_$2"
}
PG_META="$(grep -l '"Executable": "/postgres-' "$DCP_DIR"/resource-executable-*.log | head -1)"
PGPORT="$(python3 -c '
import json, sys
line = next(l for l in open(sys.argv[1]) if "Starting process" in l)
args = json.loads(line[line.index("{"):])["Args"]
print(args[args.index("-p") + 1])' "$PG_META")"
export PGHOST=127.0.0.1 PGPORT PGUSER=crm PGPASSWORD="$(cat "$DATA/secrets/postgres-password")"
token="$(curl -sf "$GATEWAY/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$CRM_ADMIN_EMAIL\",\"password\":\"$CRM_ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
}

# Waits until every event the seed wrote is published (Sales' outbox empty) and consumed (no message left in any
# queue), so no dispatcher or consumer competes for the cores with what is measured next.
bench_wait_for_events() {
local rabbit_api drained_at
rabbit_api="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rabbitmq_management"])' "$DATA/endpoints.json")"
drained_at=$(date +%s)
until [ "$("$PSQL" -qAt -d sales -c "select count(*) from outbox_messages where dispatched_at is null")" = 0 ] &&
  [ "$(curl -sf -u guest:guest "$rabbit_api/api/queues?columns=messages" | python3 -c 'import json,sys; print(sum(q.get("messages") or 0 for q in json.load(sys.stdin)))')" = 0 ]; do
  [ $(($(date +%s) - drained_at)) -lt 300 ] || { echo "events still pending after 300 s" >&2; exit 1; }
  sleep 2
done
say "events published and consumed $(($(date +%s) - drained_at)) s after the seed"
}

# CPU seconds used so far by each part of the run (from /proc), and by the whole machine: diffed around a
# measurement, it says where each request's CPU goes, which latency on two shared cores follows.
cpu_snapshot() {
python3 - "$DATA" <<'PY'
import json, os, sys
data = sys.argv[1]
tick = os.sysconf("SC_CLK_TCK")
parts = {"gateway": "Crm.Gateway", "sales": "Crm.Sales", "identity": "Crm.Identity", "billing": "Crm.Billing",
         "activities": "Crm.Activities", "load driver": "Crm.LoadDriver", "postgres": "postgres", "redis": "redis-server",
         "rabbitmq": "beam.smp", "apphost and dcp": "Crm.AppHost"}
used = {k: 0.0 for k in parts}
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    for name, marker in parts.items():
        if marker in cmd or (name == "apphost and dcp" and "dcp" in cmd and "run-controllers" in cmd):
            used[name] += (int(fields[11]) + int(fields[12])) / tick
            break
cpu = open("/proc/stat").readline().split()[1:]
used["machine"] = (sum(map(int, cpu)) - int(cpu[3]) - int(cpu[4])) / tick
print(json.dumps(used))
PY
}

# Prints each part's CPU per request between two snapshots.
cpu_report() {
python3 - "$1" "$2" "$3" <<'PY'
import json, sys
before, after, requests = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
spent = {k: after[k] - before[k] for k in after}
spent["other"] = spent["machine"] - sum(v for k, v in spent.items() if k != "machine")
print(f"bench: CPU per request (ms, ~{requests} requests):", ", ".join(
    f"{k} {1000 * v / requests:.2f}" for k, v in spent.items() if v > 0.005))
PY
}

# CLIENTS closed-loop clients for SECONDS_PER_RUN (after a 3 s warm-up) over the URLs in $1, round-robin, through the
# gateway (tools/Crm.LoadDriver); the latencies go to $2, and each part's CPU per request is printed.
bench_gateway_load() {
local urls="$1" results="$2" cpu_before cpu_after
cpu_before="$(cpu_snapshot)"
dotnet tools/Crm.LoadDriver/bin/Release/net10.0/Crm.LoadDriver.dll -f "$urls" -c "$CLIENTS" -d "$SECONDS_PER_RUN" -w 3 -l gateway \
  -H "Authorization: Bearer $token" -o "$results"
cpu_after="$(cpu_snapshot)"
# Requests in the whole window, the 3 s warm-up included (the driver counts only those after it).
cpu_report "$cpu_before" "$cpu_after" "$(python3 -c 'import json,sys; print(round(next(j for j in map(json.loads, open(sys.argv[1])) if j["Label"] == "gateway")["Rps"] * (float(sys.argv[2]) + 3)))' "$results" "$SECONDS_PER_RUN")"
}

bench_run() {
local URLS="$1" ROWS="$2"
say "$(wc -l <"$URLS") distinct list requests, e.g. $(sed -n 7p "$URLS")"
# Measure the steady state, not the seed's aftermath.
bench_wait_for_events
# --- through the gateway ---
RESULTS="$WORK/results.jsonl"
bench_gateway_load "$URLS" "$RESULTS"

# --- the SQL the Sales service runs for each request -------------------------------------------
# log_statement=all only while each request is replayed once; the statements on the sales database that
# read the list's table between the request's start and its answer are its page (and count) queries, with
# the read of list_count_generation that decides whether the total is counted again (left out: the outbox dispatcher's polling, health checks, and the DISCARD ALL that Npgsql pipelines
# in front of the first query on a connection taken from its pool).
"$PSQL" -qAt -d postgres -c "alter system set log_statement = 'all'" -c "alter system set log_line_prefix = '%m [%p] db=%d '" -c "select pg_reload_conf()" >/dev/null
sleep 1
python3 - "$URLS" "$token" "$(console postgres err)" "$WORK" "$ROOT/bench/sql/$LIST-list.sql" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$LIST" <<'PY'
import json, os, re, sys, time, urllib.request
urls_file, token, pg_log, work, sql_out, commit, table = sys.argv[1:]
urls = [u.strip() for u in open(urls_file) if u.strip()]

def logs_after(offset):
    """PostgreSQL's log lines written after byte offset, without DCP's "<seq> <time> " prefix."""
    with open(pg_log, "rb") as f:
        f.seek(offset)
        lines = f.read().decode(errors="replace").splitlines()
    return [{"text": l.split(" ", 2)[2] if l.count(" ") >= 2 else ""} for l in lines]

def last_seq():
    return os.path.getsize(pg_log)

ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] db=(\S*) ([A-Z]+):  (.*)$")

def entries(lines):
    out = []
    for line in lines:
        m = ENTRY.match(line["text"])
        if m:
            out.append([m.group(1), m.group(2), m.group(3)])
        elif out:
            out[-1][2] += "\n" + line["text"]
    return out

PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")

def statements(es):
    """(sql with $n, {n: literal}) for every statement on the sales database that reads the list's table, or the
    generation its kept total is checked against (Crm.ServiceDefaults/Lists/ListCountCache.cs)."""
    out, current = [], None
    for db, level, text in es:
        if db != "sales":
            continue
        if level == "LOG":
            m = re.match(r"(?:execute [^:]*|statement): (.*)", text, re.S)
            current = [m.group(1).strip(), {}] if m and re.search(r"\bFROM %s\b|list_count_generation\(\)" % table, m.group(1)) else None
            if current:
                out.append(current)
        elif level == "DETAIL" and current is not None and text.startswith("parameters: "):
            current[1] = {int(n): v for n, v in PARAM.findall(text)}
    return out

def inline(sql, params):
    for n in sorted(params, reverse=True):
        sql = re.sub(r"\$%d(?!\d)" % n, lambda _: params[n], sql)
    return sql

transactions, shapes = [], {}
for i, url in enumerate(urls):
    seq = last_seq()
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req) as r:
        assert r.status == 200, (url, r.status)
        total = json.load(r)["total"]
    found = []
    for _ in range(50):
        time.sleep(0.1)
        found = statements(entries(logs_after(seq)))
        if found and all(p or "$" not in s for s, p in found):
            time.sleep(0.2)  # let the tail of the request's log arrive
            found = statements(entries(logs_after(seq)))
            break
    if not found:
        sys.exit(f"no SQL captured for {url}; is log_statement on?")
    query = url.split("?", 1)[1]
    transactions.append((query, total, [inline(s, p) for s, p in found]))
    for s, p in found:
        shapes.setdefault(s, (query, p))
    with open(f"{work}/tx{i:03}.sql", "w") as f:
        f.write(f"-- GET /api/v1/{table}?{query} (total {total})\n")
        for s, p in found:
            f.write(inline(s, p) + ";\n")

per_request = {len(t[2]) for t in transactions}
print(f"bench: captured {sum(len(t[2]) for t in transactions)} statements for {len(transactions)} requests "
      f"({'/'.join(map(str, sorted(per_request)))} per request, {len(shapes)} distinct statements)")
with open(sql_out, "w") as f:
    f.write(f"-- The SQL the Sales service runs for GET /api/v1/{table} (EF Core -> Npgsql), as PostgreSQL received it.\n"
            f"-- Captured by bench/{table}-list.sh (log_statement = 'all' on its own PostgreSQL while it replayed each list\n"
            f"-- request once through the gateway), at commit {commit}; rewritten on every run, so `git diff` shows when\n"
            "-- the service's SQL changed. The benchmark runs these with each request's parameters inlined, one pgbench\n"
            "-- transaction per request.\n\n")
    for n, (sql, (query, params)) in enumerate(shapes.items(), 1):
        f.write(f"-- statement {n}, first seen for ?{query}\n")
        if params:
            f.write("-- parameters: " + ", ".join(f"${k} = {v}" for k, v in sorted(params.items())) + "\n")
        f.write(sql + ";\n\n")
PY
"$PSQL" -qAt -d postgres -c "alter system reset log_statement" -c "alter system reset log_line_prefix" -c "select pg_reload_conf()" >/dev/null
say "SQL written to bench/sql/$LIST-list.sql"

# --- the same SQL straight against PostgreSQL ----------------------------------------------------
# Npgsql runs unprepared statements over the extended protocol: -M extended does the same. (Auto-prepared, the
# list queries got generic plans after five runs and cost PostgreSQL five times the CPU: measured, not kept.)
SCRIPTS=()
for f in "$WORK"/tx*.sql; do SCRIPTS+=(-f "$f"); done
"$PGBENCH" -n -M extended -c "$CLIENTS" -j 2 -T 3 "${SCRIPTS[@]}" sales >"$WORK/pgbench.out" 2>&1 || { cat "$WORK/pgbench.out"; exit 1; } # warm-up
mkdir -p "$WORK/pgbench"
(cd "$WORK/pgbench" && "$PGBENCH" -n -M extended -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" "${SCRIPTS[@]}" --log --log-prefix=tx sales \
  >"$WORK/pgbench.out" 2>&1) || { cat "$WORK/pgbench.out"; exit 1; }
grep -E "^(number of (transactions|failed)|latency average|tps)" "$WORK/pgbench.out" | sed 's/^/pgbench: /'

# --- summary -----------------------------------------------------------------------------------
python3 - "$RESULTS" "$WORK/pgbench" "$SECONDS_PER_RUN" "$CLIENTS" "$LIST" "$ROWS" <<'PY'
import glob, json, math, sys
results, logdir, seconds, clients, table, rows = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
g = next(j for j in map(json.loads, open(results)) if j["Label"] == "gateway")
lat = []
for path in glob.glob(logdir + "/tx*"):
    for line in open(path):
        f = line.split()
        if len(f) >= 3 and f[2].isdigit():
            lat.append(int(f[2]) / 1000.0)  # µs -> ms
lat.sort()
at = lambda q: lat[min(len(lat) - 1, math.ceil(q * len(lat)) - 1)]
pm, pp = at(0.5), at(0.95)
print()
print(f"{table} list, {rows} rows, page of 50, {clients} clients, {seconds:.0f} s each:")
print(f"  gateway (HTTP, end to end): {g['Requests']} requests ({g['Rps']:.0f}/s), {g['Errors']} errors, median {g['Median']:.2f} ms, p95 {g['P95']:.2f} ms")
print(f"  psql (same SQL, pgbench):   {len(lat)} transactions ({len(lat) / seconds:.0f}/s), median {pm:.2f} ms, p95 {pp:.2f} ms")
print(f"  ratio gateway/psql: median x{g['Median'] / pm:.2f}, p95 x{g['P95'] / pp:.2f}")
PY
}
