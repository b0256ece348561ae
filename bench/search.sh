#!/usr/bin/env bash
# Measures the public search page with wrk: a mix of one-word, two-word, phrase and rare-word queries (bench/search.lua)
# over ARTICLES generated articles, and times the index build (done as the articles are written, see the log lines).
# Usage: bench/search.sh                     (SQLite; needs wrk and curl)
#        DATABASE_URL=jdbc:postgresql://localhost:5432/bench DATABASE_USER=… DATABASE_PASSWORD=… bench/search.sh
# Environment: ARTICLES (default 100000), CONNECTIONS (default 32), DURATION (seconds, default 15), WARMUP (default 10),
#              JAVA_OPTS (default "-Xmx256m -XX:+UseSerialGC").
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-100000}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
PORT=18090
WORK=$(mktemp -d /tmp/dispatch-search-bench.XXXXXX)
PID=

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install wrk curl" >&2; exit 1; }
done
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests

# The rate limit is per address, and every request here comes from one.
DISPATCH_DATA_DIR=$WORK/data SERVER_PORT=$PORT DISPATCH_SEED_ARTICLES=$ARTICLES DISPATCH_DEMO=true DISPATCH_SEARCH_PER_MINUTE=1000000 \
  DISPATCH_DATABASE_URL=${DATABASE_URL:-} DISPATCH_DATABASE_USER=${DATABASE_USER:-} DISPATCH_DATABASE_PASSWORD=${DATABASE_PASSWORD:-} \
  java $JAVA_OPTS -jar target/dispatch.jar > "$WORK/server.log" 2>&1 &
PID=$!
for i in $(seq 1 3600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/search?q=logistics")" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || { echo "server stopped; see $WORK/server.log" >&2; exit 1; }
  sleep 1
done
grep -E "filler articles|Search index" "$WORK/server.log" || true

wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/search.lua "http://127.0.0.1:$PORT" > /dev/null
echo "--- $(date -u +%FT%TZ), $(nproc) cores, $ARTICLES articles, ${DATABASE_URL:-SQLite}, wrk -t2 -c$CONNECTIONS -d${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/search.lua "http://127.0.0.1:$PORT" | grep -E "Latency|50%|90%|99%|Requests\/sec|Non-2xx|p95"
