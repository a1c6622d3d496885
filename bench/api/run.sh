#!/usr/bin/env bash
# API benchmark (issue 16): PostgreSQL with N tasks (default 1,000,000) across 1,000 users, one of them
# holding a tenth of them, then wrk against the task list (default sort, a status-filtered sort, the
# next page by cursor), the file-name search, the task stats and the admin stats, next to the plain
# liveness endpoint measured in the same run as the framework's ceiling.
#
#   bench/api/run.sh                 # 1,000,000 tasks
#   BENCH_TASKS=10000000 bench/api/run.sh
#   BENCH_SEED_ONLY=1 BENCH_TASKS=10000000 bench/api/run.sh  # seed only
#   BENCH_REUSE=1 BENCH_TASKS=10000000 bench/api/run.sh      # measure the database seeded before
#
# Each size has its own database (toolocr_bench_<tasks>). With BENCH_REUSE=1 an existing one that a
# finished seed marked is measured as it is, so a long seed can run while the machine is busy and the
# measurement later, when it is quiet; the seed time printed is the one recorded then.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), psql and wrk (apt-get install wrk).
# Prints a table and writes it to bench/results/api-<tasks>-latest.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."

TASKS="${BENCH_TASKS:-1000000}"
HEAVY_TASKS=$((TASKS / 10))
PORT="${BENCH_PORT:-8050}"
DB="toolocr_bench_${TASKS}"
REUSE="${BENCH_REUSE:-0}"
DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
PASSWORD='Bench-admin-password-1'
HEAVY_PASSWORD='Bench-heavy-password-1'
DATA="$(mktemp -d)"
OUT="bench/results/api-${TASKS}-latest.txt"
mkdir -p bench/results

command -v wrk >/dev/null || { echo "bench: wrk is required: apt-get install wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench: psql is required: apt-get install postgresql-client" >&2; exit 1; }
JAR="${BENCH_JAR:-ocr/server/target/tool-ocr-server.jar}"
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests -pl ocr/server -am package

PSQL=(psql -q -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1)
SEEDED=""
if [ "$REUSE" = 1 ]; then
  SEEDED=$("${PSQL[@]}" -d "$DB" -tAc "SELECT seconds FROM bench_seed WHERE tasks = $TASKS" 2>/dev/null || true)
  [ -n "$SEEDED" ] || echo "bench: no finished seed of $TASKS tasks in $DB; seeding anew" >&2
fi
if [ -z "$SEEDED" ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
fi

DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" SERVER_PORT="$PORT" TOOL_OCR_DATA_DIR="$DATA" \
  TOOL_OCR_ADMIN_PASSWORD="$PASSWORD" ADMIN_EMAILS=admin@localhost TOOL_OCR_TASKS_WORKERS_POOL_SIZE=0 \
  MAX_TASKS_PER_USER=1000000 LOGGING_STRUCTURED_FORMAT_CONSOLE= LOGGING_LEVEL_ROOT=WARN \
  java -Xmx1g -jar "$JAR" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 300); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null || { echo "bench: the server did not start:" >&2; tail -40 "$DATA/server.log" >&2; exit 1; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
login() { curl -sf -X POST "localhost:$PORT/api/v2/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['access_token']"; }

ADMIN=$(login admin@localhost "$PASSWORD")
if [ -n "$SEEDED" ]; then
  HEAVY_ID=$("${PSQL[@]}" -d "$DB" -tAc "SELECT id FROM tool_ocr_users WHERE email = 'heavy@bench.local'")
  SEED_SECONDS="$SEEDED (earlier, reused)"
else
HEAVY_ID=$(curl -sf -X POST "localhost:$PORT/api/v2/admin/users" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' \
  -d "{\"email\":\"heavy@bench.local\",\"display_name\":\"Heavy\",\"password\":\"$HEAVY_PASSWORD\"}" | json "['id']")

echo "bench: seeding 999 users and $TASKS tasks (heavy user: $HEAVY_TASKS)..." >&2
SEED_START=$(date +%s)
# The bulk load skips triggers and foreign-key checks (session_replication_role) and builds the task
# indexes after the load, as one would restore a dump; the counters are then computed in one pass by
# the same statements as the V5 migration runs for existing rows.
"${PSQL[@]}" -d "$DB" <<SQL
SET maintenance_work_mem = '1GB';
SET session_replication_role = replica;
INSERT INTO tool_ocr_users (id, email, display_name, provider, is_active, created_at, updated_at, last_login_at)
SELECT md5('user' || g)::uuid::text, 'user' || g || '@bench.local', 'User ' || g, 'local', true,
       now() - interval '60 days', now(), now() - (g % 40) * interval '1 day'
FROM generate_series(1, 999) g;

CREATE TEMP TABLE owners AS
SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM tool_ocr_users WHERE email LIKE 'user%@bench.local';
CREATE TEMP TABLE index_defs AS
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tool_ocr_tasks' AND indexname <> 'tool_ocr_pk_tasks';
DO \$\$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM index_defs LOOP EXECUTE 'DROP INDEX ' || r.indexname; END LOOP;
END \$\$;

INSERT INTO tool_ocr_tasks (task_id, user_id, filename, file_type, status, options, attempts, recoveries, pages_total,
  pages_done, processing_time_ms, result_bytes, created_at, updated_at, completed_at, file_deleted, version)
SELECT md5('task' || g)::uuid::text,
       CASE WHEN g <= $HEAVY_TASKS THEN '$HEAVY_ID' ELSE o.id END,
       'scan-' || g || (CASE WHEN g % 3 = 0 THEN '.pdf' ELSE '.png' END),
       CASE WHEN g % 3 = 0 THEN 'application/pdf' ELSE 'image/png' END,
       s.status,
       '{"engine":"auto","formats":["json","markdown","pdf","txt"],"lang":"eng","pdf_mode":"skip"}',
       1, 0, 1 + g % 7, 1 + g % 7,
       CASE WHEN s.status IN ('completed', 'failed') THEN 500 + (g::bigint * 7919) % 20000 END,
       CASE WHEN s.status = 'completed' THEN 10000 + g % 50000 END,
       c.at, c.at, CASE WHEN s.status IN ('completed', 'failed', 'cancelled') THEN c.at + interval '20 seconds' END,
       false, 0
FROM generate_series(1, $TASKS) g
JOIN owners o ON o.n = g % 999
CROSS JOIN LATERAL (SELECT (ARRAY['completed','completed','completed','completed','failed','cancelled','pending',
  'queued'])[1 + g % 8] AS status) s
CROSS JOIN LATERAL (SELECT now() - ((g::bigint * 13) % 86400) * interval '30 seconds' AS at) c;

DO \$\$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM index_defs LOOP EXECUTE r.indexdef; END LOOP;
END \$\$;
SET session_replication_role = origin;

DELETE FROM tool_ocr_task_counters; DELETE FROM tool_ocr_task_days;
DELETE FROM tool_ocr_task_time_buckets; DELETE FROM tool_ocr_task_storage;
$(cat bench/api/recount.sql)
VACUUM ANALYZE;
SQL
SEED_SECONDS=$(( $(date +%s) - SEED_START ))
"${PSQL[@]}" -d "$DB" -c "CREATE TABLE bench_seed (tasks bigint PRIMARY KEY, seconds int NOT NULL)" \
  -c "INSERT INTO bench_seed VALUES ($TASKS, $SEED_SECONDS)"
fi
[ "${BENCH_SEED_ONLY:-0}" = 1 ] && { echo "bench: seeded $TASKS tasks in ${SEED_SECONDS}s; measure with BENCH_REUSE=1" >&2; exit 0; }
HEAVY=$(login heavy@bench.local "$HEAVY_PASSWORD")
q() { curl -sf -H "Authorization: Bearer $HEAVY" "localhost:$PORT$1"; }
CURSOR=$(q "/api/v2/tasks?page_size=20" | json "['next_cursor']")
# EXPLAIN (ANALYZE, BUFFERS) of the statements behind each endpoint, as the server sends them.
"${PSQL[@]}" -d "$DB" -v heavy="'$HEAVY_ID'" -f bench/api/explain.sql > "bench/results/api-${TASKS}-explain.txt" 2>&1 || true

run() {
  local name="$1" token="$2" path="$3"
  local args=(-t2 -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  wrk "${args[@]}" "http://127.0.0.1:$PORT$path" > "$DATA/$name.wrk"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/$name.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$DATA/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$DATA/$name.wrk")
  errors=$(awk '/Non-2xx/ {print $NF}' "$DATA/$name.wrk")
  printf '%-30s %12s %10s %10s %s\n' "$name" "$rps" "$p50" "$p99" "${errors:+(non-2xx: $errors)}"
  echo "$rps" > "$DATA/$name.rps"
}

{
  echo "Tool_OCR API benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "PostgreSQL $(psql -V | awk '{print $3}'), $TASKS tasks / 1,000 users (heavy user: $HEAVY_TASKS), seeded in ${SEED_SECONDS}s"
  echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION per endpoint; server and wrk share the machine"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  for i in 1 2 3 4 5 6 7; do
    sleep 5.1 # past the admin overview's 5 s cache, so every request reads the counters
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/v2/admin/stats"
  done | sort -n | awk '{t[NR]=$1} END {printf "admin-stats, one request at a time (7 runs): median %.1f ms, worst %.1f ms\n\n", t[4]*1000, t[7]*1000}'
  # Every endpoint is exercised first, so that each is measured with the JIT warm, the ceiling too.
  for path in /actuator/health/liveness "/api/v2/tasks?page_size=20" \
      "/api/v2/tasks?status=completed&page=1&page_size=20&sort_by=created_at" "/api/v2/tasks?page_size=20&cursor=$CURSOR" \
      "/api/v2/tasks?filename=scan-99&page_size=20" /api/v2/tasks/stats; do
    wrk -t2 -c"$CONNECTIONS" -d"${BENCH_WARMUP:-5s}" -H "Authorization: Bearer $HEAVY" "http://127.0.0.1:$PORT$path" >/dev/null
  done
  wrk -t2 -c"$CONNECTIONS" -d"${BENCH_WARMUP:-5s}" -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/api/v2/admin/stats" >/dev/null
  printf '%-30s %12s %10s %10s\n' endpoint requests/s p50 p99
  run health-liveness "" /actuator/health/liveness
  run task-list-default "$HEAVY" "/api/v2/tasks?page_size=20"
  run task-list-status-filter "$HEAVY" "/api/v2/tasks?status=completed&page=1&page_size=20&sort_by=created_at"
  run task-list-next-by-cursor "$HEAVY" "/api/v2/tasks?page_size=20&cursor=$CURSOR"
  run task-list-filename-search "$HEAVY" "/api/v2/tasks?filename=scan-99&page_size=20"
  run task-stats "$HEAVY" /api/v2/tasks/stats
  run admin-stats "$ADMIN" /api/v2/admin/stats
  echo
  python3 - "$DATA" <<'PY'
import sys
d = sys.argv[1]
def rps(n): return float(open(f"{d}/{n}.rps").read())
h = rps("health-liveness")
for n in ("task-list-default", "task-list-status-filter", "task-list-next-by-cursor", "task-list-filename-search",
          "task-stats", "admin-stats"):
    print(f"ratio {n} / health: {rps(n) / h:.2f}")
PY
} | tee "$OUT"
