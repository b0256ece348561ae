#!/usr/bin/env bash
# Measures the public search page with wrk: a mix of one-word, two-word, phrase and rare-word queries (bench/search.lua)
# over ARTICLES generated articles, once with the results cache on (the default) and once with it off
# (DISPATCH_SEARCH_CACHED_RESULTS=0, every request ranks), one server after the other on the same data.
# Usage: bench/search.sh                     (SQLite; needs wrk and curl)
#        DATA=/tmp/…/data bench/search.sh    (a data folder seeded before: no seeding; the log shows the index check)
#        DATABASE_URL=jdbc:postgresql://localhost:5432/bench DATABASE_USER=… DATABASE_PASSWORD=… bench/search.sh
# Environment: ARTICLES (default 100000), CONNECTIONS (default 32), DURATION (seconds, default 15), WARMUP (default 30),
#              MODES (default "cached uncached"), JAVA_OPTS (default "-Xmx256m -XX:+UseSerialGC"),
#              JAR (default target/dispatch.jar).
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-100000}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-30}
MODES=${MODES:-cached uncached}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
PORT=18090
WORK=$(mktemp -d /tmp/dispatch-search-bench.XXXXXX)
DATA=${DATA:-$WORK/data}
PID=

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install wrk curl" >&2; exit 1; }
done
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

JAR=${JAR:-target/dispatch.jar}
[ -f "$JAR" ] || ./mvnw -B -ntp -q package -DskipTests

for mode in $MODES; do
  cached=2000; [ "$mode" = uncached ] && cached=0
  # The rate limit is per address, and every request here comes from one.
  DISPATCH_DATA_DIR=$DATA SERVER_PORT=$PORT DISPATCH_SEED_ARTICLES=$ARTICLES DISPATCH_DEMO=true DISPATCH_SEARCH_PER_MINUTE=1000000 \
    DISPATCH_SEARCH_CACHED_RESULTS=$cached \
    DISPATCH_DATABASE_URL=${DATABASE_URL:-} DISPATCH_DATABASE_USER=${DATABASE_USER:-} DISPATCH_DATABASE_PASSWORD=${DATABASE_PASSWORD:-} \
    java $JAVA_OPTS -jar "$JAR" > "$WORK/server-$mode.log" 2>&1 &
  PID=$!
  for i in $(seq 1 3600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/search?q=logistics")" = 200 ] && break
    kill -0 "$PID" 2>/dev/null || { echo "server stopped; see $WORK/server-$mode.log" >&2; exit 1; }
    sleep 1
  done
  # The start-up index check runs before the port opens; wait until it has logged its end, if it had work.
  grep -E "filler articles|Search index: indexed" "$WORK/server-$mode.log" | sed 's/.*: //' || true

  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/search.lua "http://127.0.0.1:$PORT" > /dev/null
  echo "--- $mode: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $ARTICLES articles," \
    "${DATABASE_URL:-SQLite}, wrk -t2 -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s unrecorded"
  ticks=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/search.lua "http://127.0.0.1:$PORT" > "$WORK/wrk-$mode.txt"
  grep -E "Latency|50%|90%|99%|Requests\/sec|Non-2xx|p95" "$WORK/wrk-$mode.txt"
  # On a shared machine the server's own CPU time per request is the steadier figure (user + system, from /proc).
  awk -v a="$ticks" -v b="$(awk '{print $14 + $15}' "/proc/$PID/stat")" -v hz="$(getconf CLK_TCK)" \
      -v n="$(awk '/requests in/ {print $1}' "$WORK/wrk-$mode.txt")" \
      'BEGIN { printf "server CPU: %.2f s for %d requests, %.3f ms per request\n", (b - a) / hz, n, (b - a) / hz / n * 1000 }'
  kill "$PID"; while [ -e "/proc/$PID" ]; do sleep 0.2; done; PID=
done
