#!/usr/bin/env bash
# Comment intake: accepted comments per second with wrk (rate limits off, distinct authors), on SQLite and on
# PostgreSQL (embedded server from the test classpath), then a kill -9 in the middle of a run to check that
# every comment answered with success is in the database.
# Usage: bench/comments.sh      (needs wrk, curl, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-90}   # unrecorded seconds first, so the JIT has compiled the hot path (as on a server that has been up a while;
                       # jstat showed C2 still compiling about one core's worth 60 s into a run, and settled after ~110 s)
CONNECTIONS=${CONNECTIONS:-32}
PORT=18085
WORK=$(mktemp -d /tmp/dispatch-comments.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests

start() { # data-dir [extra args...] -> pid
  local dir=$1; shift
  java -Xmx192m -XX:+UseSerialGC -jar target/dispatch.jar --server.port=$PORT --dispatch.data-dir="$dir" --dispatch.demo=true \
    --dispatch.comments.rate-limits=false "$@" > "$dir.log" 2>&1 &
  echo $!
}
wait_up() { # until the demo site is loaded
  for i in $(seq 1 120); do curl -s "http://127.0.0.1:$PORT/" 2>/dev/null | grep -q 'href="/articles/' && return 0; sleep 1; done
  echo "server did not start" >&2; exit 1
}
stop() { kill "$1" 2>/dev/null || true; while [ -e "/proc/$1" ]; do sleep 0.2; done; }

run() { # label -> prints accepted/s, p50, p99; leaves wrk output in $WORK/wrk.txt
  local label=$1
  SLUG=$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
  TOKEN=$(curl -s "http://127.0.0.1:$PORT$SLUG" | grep -o 'name="token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  sleep 4   # the form token must be at least 3 s old
  TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/comment.lua "http://127.0.0.1:$PORT$SLUG/comments" > /dev/null
  TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/comment.lua "http://127.0.0.1:$PORT$SLUG/comments" > "$WORK/wrk.txt"
  local total bad
  total=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
  bad=$(awk '/Non-2xx or 3xx/ {print $5}' "$WORK/wrk.txt"); bad=${bad:-0}
  printf '%-40s %8.0f accepted/s  p50 %8s  p99 %8s  (%s requests, %s refused)\n' "$label" \
    "$(awk -v t="$total" -v b="$bad" -v d="$DURATION" 'BEGIN { print (t - b) / d }')" \
    "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")" "$total" "$bad"
  if [ "$bad" != 0 ]; then
    echo "  $bad requests were refused: with rate limits off and distinct authors there should be none; the latencies above include them" >&2
  fi
}

echo "--- $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s unrecorded"
S=$WORK/sqlite; mkdir -p "$S"
SERVER=$(start "$S"); PIDS+=("$SERVER"); wait_up
run "SQLite"
stop "$SERVER"

echo "Starting embedded PostgreSQL ..."
./mvnw -B -ntp -q test-compile
CP=$(./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.EmbeddedPostgresServer > "$WORK/pg.txt" 2>&1 &
PG=$!; PIDS+=("$PG")
for i in $(seq 1 60); do grep -q '^jdbc:' "$WORK/pg.txt" && break; sleep 1; done
PGURL=$(grep '^jdbc:' "$WORK/pg.txt")
P=$WORK/postgres; mkdir -p "$P"
SERVER=$(start "$P" --dispatch.database.url="$PGURL" --dispatch.database.user=postgres --dispatch.database.password=postgres); PIDS+=("$SERVER"); wait_up
run "PostgreSQL"
stop "$SERVER"
kill "$PG" 2>/dev/null || true

echo "kill -9 in the middle of a run (SQLite) ..."
K=$WORK/kill; mkdir -p "$K"
SERVER=$(start "$K"); PIDS+=("$SERVER"); wait_up
SLUG=$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
TOKEN=$(curl -s "http://127.0.0.1:$PORT$SLUG" | grep -o 'name="token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
sleep 4
(TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d10s -s bench/comment.lua "http://127.0.0.1:$PORT$SLUG/comments" > "$WORK/kill.txt" 2>&1) &
WRK=$!
sleep 5
kill -9 "$SERVER"
wait "$WRK" || true
ANSWERED=$(python3 - "$WORK/kill.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
total = int(re.search(r'(\d+) requests in', text).group(1))
bad = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
print(total - (int(bad.group(1)) if bad else 0))
PY
)
STORED=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT COUNT(*) FROM comments WHERE author_email LIKE '%@bench.example'\").fetchone()[0])" "$K/dispatch.db")
echo "answered with success before the kill: $ANSWERED; in the database after it: $STORED"
[ "$STORED" -ge "$ANSWERED" ] && echo "no acknowledged comment was lost" || { echo "LOST $((ANSWERED - STORED)) acknowledged comments"; exit 1; }
