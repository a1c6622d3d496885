#!/usr/bin/env bash
# Walks the authentication acceptance list over real HTTP: starts `./tool-ocr dev-ad` and
# `./tool-ocr serve` (pointed at it) on free ports with a throw-away data directory, then checks
# each point with curl and prints PASS/FAIL per point. Exit code 1 when any point fails.
# Needs: curl, jq, a built tree (the launcher builds on first use).
set -uo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null
  [ -n "${AD_PID:-}" ] && kill "$AD_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
AD_PORT="$(free_port)"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT/api/v2/auth"

cat > "$work/users.yml" <<'EOF'
users:
  - username: alice
    password: "Alice-pw-1"
    email: Alice@Example.com
    name: Alice Chen
  - username: bob
    password: "Bob-pw-1"
    email: bob@example.com
    name: Bob Lin
EOF

./tool-ocr dev-ad --port "$AD_PORT" --users "$work/users.yml" > "$work/dev-ad.log" 2>&1 &
AD_PID=$!
EXTERNAL_AUTH_API_URL="http://127.0.0.1:$AD_PORT" SERVER_PORT="$PORT" TOOL_OCR_DATA_DIR="$work/data" \
  ./tool-ocr serve > "$work/server.log" 2>&1 &
SERVER_PID=$!

# The launcher may first rebuild the tree (minutes); give it time, but not forever.
ready=""
for _ in $(seq 1 900); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1 && { ready=1; break; }
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited:"; tail -20 "$work/server.log"; exit 1; }
  sleep 1
done
[ -n "$ready" ] || { echo "server not ready after 15 minutes:"; tail -20 "$work/server.log"; exit 1; }

failures=0
check() { # check NAME CONDITION-RESULT(0/1) DETAIL
  if [ "$2" -eq 0 ]; then echo "PASS  $1"; else echo "FAIL  $1 ($3)"; failures=$((failures + 1)); fi
}
# request METHOD PATH [curl args...] -> sets STATUS, BODY, HEADERS
request() {
  local method="$1" path="$2"; shift 2
  BODY="$(curl -s -X "$method" -D "$work/headers" -o - -w '\n%{http_code}' "$BASE$path" "$@")"
  STATUS="${BODY##*$'\n'}"
  BODY="${BODY%$'\n'*}"
  HEADERS="$(cat "$work/headers")"
}
login() { # login USER PASSWORD COOKIEJAR
  request POST /login -H 'Content-Type: application/json' -c "$3" \
    --data "{\"username\":\"$1\",\"password\":\"$2\"}"
}

login alice Alice-pw-1 "$work/jar1"
ACCESS="$(jq -r .access_token <<< "$BODY")"
check "alice logs in (200, bearer token)" "$([ "$STATUS" = 200 ] && [ "$(jq -r .token_type <<< "$BODY")" = bearer ]; echo $?)" "status $STATUS"
check "refresh cookie is HttpOnly, SameSite=Strict, scoped to /api/v2/auth" \
  "$(grep -i '^set-cookie:' <<< "$HEADERS" | grep -qi 'HttpOnly' && grep -i '^set-cookie:' <<< "$HEADERS" | grep -qi 'SameSite=Strict' && grep -i '^set-cookie:' <<< "$HEADERS" | grep -qi 'Path=/api/v2/auth'; echo $?)" "$(grep -i '^set-cookie:' <<< "$HEADERS")"

request GET /me -H "Authorization: Bearer $ACCESS"
check "/me returns her e-mail, lower-cased" "$([ "$STATUS" = 200 ] && [ "$(jq -r .email <<< "$BODY")" = alice@example.com ]; echo $?)" "status $STATUS body $BODY"

cp "$work/jar1" "$work/jar1-old"
request POST /refresh -b "$work/jar1" -c "$work/jar1"
NEW_ACCESS="$(jq -r .access_token <<< "$BODY")"
check "refresh returns a new access token" "$([ "$STATUS" = 200 ] && [ -n "$NEW_ACCESS" ] && [ "$NEW_ACCESS" != null ] && [ "$NEW_ACCESS" != "$ACCESS" ]; echo $?)" "status $STATUS"

request POST /refresh -b "$work/jar1-old"
check "replaying the previous refresh cookie answers 401" "$([ "$STATUS" = 401 ]; echo $?)" "status $STATUS"
request GET /me -H "Authorization: Bearer $NEW_ACCESS"
check "...and kills the session (its newest access token is refused)" "$([ "$STATUS" = 401 ]; echo $?)" "status $STATUS"
request POST /refresh -b "$work/jar1"
check "...and its newest refresh cookie too" "$([ "$STATUS" = 401 ]; echo $?)" "status $STATUS"

login alice Alice-pw-1 "$work/jar2"
ACCESS="$(jq -r .access_token <<< "$BODY")"
# Flip one character of the signature.
sig="${ACCESS##*.}"
first="${sig:0:1}"; [ "$first" = A ] && repl=B || repl=A
TAMPERED="${ACCESS%.*}.$repl${sig:1}"
request GET /me -H "Authorization: Bearer $TAMPERED"
check "a tampered JWT answers 401" "$([ "$STATUS" = 401 ]; echo $?)" "status $STATUS"
payload="$(cut -d. -f2 <<< "$ACCESS")"
request GET /me -H "Authorization: Bearer eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.$payload."
check "an alg=none token with the same claims answers 401" "$([ "$STATUS" = 401 ]; echo $?)" "status $STATUS"

request POST /logout -H "Authorization: Bearer $ACCESS" -b "$work/jar2"
check "logout succeeds" "$([ "$STATUS" = 204 ] || [ "$STATUS" = 200 ]; echo $?)" "status $STATUS"
request GET /me -H "Authorization: Bearer $ACCESS"
check "logout invalidates the still-unexpired access token" "$([ "$STATUS" = 401 ]; echo $?)" "status $STATUS"

login nobody Whatever-1 "$work/jar3"
UNKNOWN_STATUS="$STATUS"; UNKNOWN_BODY="$(jq -S 'del(.instance, .request_id, .timestamp)' <<< "$BODY")"
login bob Wrong-pw-1 "$work/jar3"
WRONG_STATUS="$STATUS"; WRONG_BODY="$(jq -S 'del(.instance, .request_id, .timestamp)' <<< "$BODY")"
check "unknown user and wrong password get identical answers" \
  "$([ "$UNKNOWN_STATUS" = 401 ] && [ "$UNKNOWN_STATUS" = "$WRONG_STATUS" ] && [ "$UNKNOWN_BODY" = "$WRONG_BODY" ]; echo $?)" \
  "$UNKNOWN_STATUS $UNKNOWN_BODY vs $WRONG_STATUS $WRONG_BODY"

last=""
for _ in $(seq 1 10); do
  login bob Wrong-pw-1 "$work/jar3"
  last="$STATUS"
  [ "$STATUS" = 429 ] && break
done
RETRY_AFTER="$(grep -i '^retry-after:' <<< "$HEADERS" | tr -d '\r' | awk '{print $2}')"
check "a burst of wrong passwords for one user ends in 429 with Retry-After" \
  "$([ "$last" = 429 ] && [ -n "$RETRY_AFTER" ] && [ "$RETRY_AFTER" -gt 0 ]; echo $?)" "last status $last, Retry-After '$RETRY_AFTER'"
THROTTLED_BODY="$(jq -r .type <<< "$BODY")"
check "the 429 is problem+json with a stable type" "$([ "$(jq -r .status <<< "$BODY")" = 429 ] && [[ "$THROTTLED_BODY" == urn:tool-ocr:problem:* ]]; echo $?)" "$BODY"

secrets=(-e 'Alice-pw-1' -e 'Bob-pw-1' -e 'Wrong-pw-1')
[ -n "$ACCESS" ] && [ "$ACCESS" != null ] && secrets+=(-e "$ACCESS")
leaked="$(grep -c -F "${secrets[@]}" "$work/server.log" "$work/dev-ad.log" | awk -F: '{s+=$2} END {print s}')"
check "no password or token in the server and dev-ad logs" "$([ "$leaked" = 0 ]; echo $?)" "$leaked occurrences"

echo
if [ "$failures" -eq 0 ]; then echo "all points hold"; else echo "$failures point(s) failed; logs: $work (kept)"; trap - EXIT; kill "$SERVER_PID" "$AD_PID" 2>/dev/null; fi
[ "$failures" -eq 0 ]
