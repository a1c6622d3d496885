#!/usr/bin/env bash
# API load benchmark (issues 5 and 6): PostgreSQL with 1,000,000 tasks across 1,000 users (one of
# them with 100,000), then wrk against the task list, the task stats and the admin stats, next to
# the plain liveness endpoint measured in the same run as the framework's ceiling.
#
#   bench/api-load.sh            # needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)
#
# Prints a table and writes it to bench/results/api-load-latest.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-8050}"
DB=toolocr_bench
DURATION="${BENCH_DURATION:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
PASSWORD='Bench-admin-password-1'
HEAVY_PASSWORD='Bench-heavy-password-1'
DATA="$(mktemp -d)"
OUT=bench/results/api-load-latest.txt
mkdir -p bench/results

command -v wrk >/dev/null || { echo "bench: wrk is required: sudo apt-get install wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench: psql is required: sudo apt-get install postgresql-client" >&2; exit 1; }
[ -f ocr/server/target/tool-ocr-server.jar ] || ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl ocr/server -am package

PSQL=(psql -q -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" SERVER_PORT="$PORT" TOOL_OCR_DATA_DIR="$DATA" \
  TOOL_OCR_ADMIN_PASSWORD="$PASSWORD" ADMIN_EMAILS=admin@localhost TOOL_OCR_TASKS_WORKERS_POOL_SIZE=0 \
  LOGGING_STRUCTURED_FORMAT_CONSOLE= LOGGING_LEVEL_ROOT=WARN \
  java -Xmx1g -jar ocr/server/target/tool-ocr-server.jar > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
login() { curl -sf -X POST "localhost:$PORT/api/v2/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['access_token']"; }

ADMIN=$(login admin@localhost "$PASSWORD")
HEAVY_ID=$(curl -sf -X POST "localhost:$PORT/api/v2/admin/users" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' \
  -d "{\"email\":\"heavy@bench.local\",\"display_name\":\"Heavy\",\"password\":\"$HEAVY_PASSWORD\"}" | json "['id']")

echo "bench: seeding 999 users and 1,000,000 tasks..." >&2
SEED_START=$(date +%s)
"${PSQL[@]}" -d "$DB" <<SQL
INSERT INTO tool_ocr_users (id, email, display_name, provider, is_active, created_at, updated_at, last_login_at)
SELECT md5('user' || g)::uuid::text, 'user' || g || '@bench.local', 'User ' || g, 'local', true,
       now() - interval '60 days', now(), now() - (g % 40) * interval '1 day'
FROM generate_series(1, 999) g;

CREATE TEMP TABLE owners AS
SELECT row_number() OVER () - 1 AS n, id FROM tool_ocr_users WHERE email LIKE 'user%@bench.local';

INSERT INTO tool_ocr_tasks (task_id, user_id, filename, file_type, status, options, attempts, recoveries, pages_total,
  pages_done, processing_time_ms, created_at, updated_at, completed_at, file_deleted, version)
SELECT md5('task' || g)::uuid::text,
       CASE WHEN g <= 100000 THEN '$HEAVY_ID' ELSE (SELECT id FROM owners WHERE n = g % 999) END,
       'scan-' || g || (CASE WHEN g % 3 = 0 THEN '.pdf' ELSE '.png' END),
       CASE WHEN g % 3 = 0 THEN 'application/pdf' ELSE 'image/png' END,
       (ARRAY['completed','completed','completed','completed','failed','cancelled','pending','queued'])[1 + g % 8],
       '{"engine":"auto","formats":["json","markdown","pdf","txt"],"lang":"eng","pdf_mode":"skip"}',
       1, 0, 1 + g % 7, 1 + g % 7, 500 + (g::bigint * 7919) % 20000,
       now() - ((g::bigint * 13) % 86400) * interval '30 seconds', now(), now(), false, 0
FROM generate_series(1, 1000000) g;
ANALYZE;
SQL
SEED_SECONDS=$(( $(date +%s) - SEED_START ))
HEAVY=$(login heavy@bench.local "$HEAVY_PASSWORD")

run() {
  local name="$1" token="$2" path="$3"
  local args=(-t2 -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  wrk "${args[@]}" "http://127.0.0.1:$PORT$path" > "$DATA/$name.wrk"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/$name.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$DATA/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$DATA/$name.wrk")
  printf '%-28s %12s %10s %10s\n' "$name" "$rps" "$p50" "$p99"
  echo "$rps" > "$DATA/$name.rps"
}

{
  echo "Tool_OCR API load benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "PostgreSQL $(psql -V | awk '{print $3}'), 1,000,000 tasks / 1,000 users (heavy user: 100,000), seeded in ${SEED_SECONDS}s"
  echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION per endpoint"
  echo
  for i in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/v2/admin/stats"
  done | sort -n | sed -n 3p | awk '{printf "admin-stats, one request at a time (median of 5): %.0f ms\n\n", $1 * 1000}'
  printf '%-28s %12s %10s %10s\n' endpoint requests/s p50 p99
  run health-liveness "" /actuator/health/liveness
  run task-list-heavy-user "$HEAVY" "/api/v2/tasks?status=completed&page=1&page_size=20&sort_by=created_at"
  run task-list-filename "$HEAVY" "/api/v2/tasks?filename=scan-99&page_size=20"
  run task-stats-heavy-user "$HEAVY" /api/v2/tasks/stats
  run admin-stats "$ADMIN" /api/v2/admin/stats
  echo
  python3 - "$DATA" <<'PY'
import sys
d = sys.argv[1]
def rps(n): return float(open(f"{d}/{n}.rps").read())
h = rps("health-liveness")
for n in ("task-list-heavy-user", "task-list-filename", "task-stats-heavy-user", "admin-stats"):
    print(f"ratio {n} / health: {rps(n) / h:.2f}")
PY
} | tee "$OUT"
