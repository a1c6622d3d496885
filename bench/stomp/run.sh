#!/usr/bin/env bash
# STOMP benchmark of the incident server (issue 14): 500 STOMP clients in 50 rooms, 100 messages/s
# offered for 60 s, on one node with the in-process broker and on two nodes with the RabbitMQ relay.
# Reports send-to-receive latency p50/p99, delivered/expected (exactly 1.0: nothing lost, nothing
# duplicated), and a saturation run of room messages against the echo endpoint of the same run
# (Spring profile stomp-echo-bench: the same sockets, checks and broker without the database).
#
#   bench/stomp/run.sh      # needs PostgreSQL on 127.0.0.1:5432 (postgres, trust), RabbitMQ on
#                           # 127.0.0.1:5672 (guest/guest) with the STOMP plugin on 61613
#
# Knobs: BENCH_USERS (500), BENCH_ROOMS (50), BENCH_RATE (100), BENCH_SECONDS (60),
# BENCH_SATURATE_SECONDS (15), BENCH_WINDOW (2 messages in flight per room when saturating),
# BENCH_ONLY (one|two to run one configuration). Writes bench/results/stomp-latest.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."

USERS="${BENCH_USERS:-500}"
ROOMS="${BENCH_ROOMS:-50}"
RATE="${BENCH_RATE:-100}"
DURATION="${BENCH_SECONDS:-60}"
SATURATE="${BENCH_SATURATE_SECONDS:-15}"
WINDOW="${BENCH_WINDOW:-2}"
ONLY="${BENCH_ONLY:-}"
JAR="${BENCH_JAR:-incident/server/target/incident-server.jar}"
DB=incident_bench
OUT=bench/results/stomp-latest.txt
WORK="$(mktemp -d)"
PIDS=()
mkdir -p bench/results

command -v psql >/dev/null || { echo "bench: psql is required (postgresql-client)" >&2; exit 1; }
(exec 3<>/dev/tcp/127.0.0.1/61613) 2>/dev/null \
  || { echo "bench: RabbitMQ's STOMP plugin is not on 61613: rabbitmq-plugins enable rabbitmq_stomp" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests -pl incident/server -am package

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The bench users live in a stand-in AD (sign-in is the auth module's as in production).
python3 - "$USERS" > "$WORK/users.yml" <<'PY'
import sys
print("users:")
for i in range(int(sys.argv[1])):
    print(f"  - {{username: bench{i}, password: Bench-pw-{i}, email: bench{i}@bench.local, name: Bench {i}}}")
PY
AD_PORT=$(free_port)
java -Xmx256m -cp "$JAR" -Dloader.main=dev.toolocr.platform.auth.devad.DevAdServer \
  org.springframework.boot.loader.launch.PropertiesLauncher --port "$AD_PORT" --users "$WORK/users.yml" \
  > "$WORK/dev-ad.log" 2>&1 &
PIDS+=($!)

JWT=$(head -c 32 /dev/urandom | base64)
AES=$(head -c 32 /dev/urandom | base64)

fresh_db() {
  psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
}

# start_node NAME PORT [RABBITMQ_URL]
start_node() {
  local name="$1" port="$2" rabbit="${3:-}"
  mkdir -p "$WORK/$name"
  env -i PATH="$PATH" HOME="$WORK" SERVER_PORT="$port" INCIDENT_DATA_DIR="$WORK/$name" \
    DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" \
    RABBITMQ_URL="$rabbit" PLATFORM_EVENTS_EXCHANGE="incident.events.bench-$$" \
    EXTERNAL_AUTH_API_URL="http://127.0.0.1:$AD_PORT" \
    PLATFORM_AUTH_JWT_SECRET="$JWT" PLATFORM_AUTH_TOKEN_KEYS="bench:$AES" \
    SPRING_PROFILES_ACTIVE=stomp-echo-bench \
    PLATFORM_AUTH_THROTTLE_PER_IP=100000 PLATFORM_AUTH_THROTTLE_PER_USERNAME=1000 \
    INCIDENT_MESSAGES_MAX_PER_WINDOW=1000 \
    LOGGING_LEVEL_ROOT=WARN \
    java -Xmx512m -jar "$JAR" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do
    if curl -sf "127.0.0.1:$port/actuator/health/readiness" | grep -q '"UP"'; then return 0; fi
    sleep 1
  done
  echo "bench: node $name did not become ready; its log:" >&2
  tail -50 "$WORK/$name.log" >&2
  exit 1
}

stop_nodes() {
  for p in "${PIDS[@]:1}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=("${PIDS[0]}")
}

load() {
  java -Xmx768m bench/stomp/StompLoad.java --api "$1" --users "$USERS" --rooms "$ROOMS" --rate "$RATE" \
    --seconds "$DURATION" --saturate-seconds "$SATURATE" --window "$WINDOW" --password-prefix Bench-pw-
}

{
  echo "# STOMP benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "# machine: $(nproc) cores, shared with other work; load before: $(uptime | sed 's/.*load average/load average/')"
  echo "# $USERS clients, $ROOMS rooms, $RATE msg/s offered for ${DURATION}s; saturation ${SATURATE}s, window $WINDOW per room"
} | tee "$OUT"

if [ "$ONLY" != "two" ]; then
  fresh_db
  P1=$(free_port)
  start_node one "$P1"
  echo "== one node, in-process broker" | tee -a "$OUT"
  load "http://127.0.0.1:$P1" | tee -a "$OUT"
  echo "# load after: $(uptime | sed 's/.*load average/load average/')" | tee -a "$OUT"
  stop_nodes
fi

if [ "$ONLY" != "one" ]; then
  fresh_db
  P1=$(free_port)
  P2=$(free_port)
  start_node a "$P1" amqp://guest:guest@127.0.0.1:5672
  start_node b "$P2" amqp://guest:guest@127.0.0.1:5672
  echo "== two nodes, RabbitMQ STOMP relay (each room's members split over both nodes)" | tee -a "$OUT"
  load "http://127.0.0.1:$P1,http://127.0.0.1:$P2" | tee -a "$OUT"
  echo "# load after: $(uptime | sed 's/.*load average/load average/')" | tee -a "$OUT"
  stop_nodes
fi
echo "bench: written to $OUT" >&2
