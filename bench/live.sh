#!/usr/bin/env bash
# Live coverage stream: READERS readers (default 5,000) hold the SSE stream of one live article open on one node;
# a reporter posts ROUNDS entries (default 10) from the admin; for each entry, how long it took to reach every reader
# (p50/p99/max, from just before the post was sent), and the server's RSS with every reader connected.
# The load client is press.dispatch.bench.LiveBench (test classpath), one selector thread; wrk cannot read SSE.
# Usage: bench/live.sh            (needs curl; the client and the server run on this machine)
# Environment: READERS, ROUNDS, JAVA_OPTS (server JVM flags, default "-Xmx160m -XX:+UseSerialGC -Xss512k -XX:TrimNativeHeapInterval=5000"),
#   STREAM_PORT (default 18092: the readers use the server's own stream port, dispatch.live.stream-port; 0: the site's
#   port, where Tomcat serves the streams).
set -euo pipefail
cd "$(dirname "$0")/.."
READERS=${READERS:-5000}
ROUNDS=${ROUNDS:-10}
JAVA_OPTS=${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -Xss512k -XX:TrimNativeHeapInterval=5000}
PORT=18091
STREAM_PORT=${STREAM_PORT:-18092}
EMAIL=bench@news.example
PASSWORD="live bench password"
WORK=$(mktemp -d /tmp/dispatch-live.XXXXXX)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

# Each reader is one socket on each side of this machine.
ulimit -n $(( READERS * 2 + 1000 )) 2>/dev/null || { echo "raise the open-files limit (ulimit -n) above $(( READERS * 2 + 1000 ))" >&2; exit 1; }
[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests
[ -f target/test-classes/press/dispatch/bench/LiveBench.class ] || ./mvnw -B -ntp -q test-compile
DEPS=$(./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test 2>/dev/null \
  || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
CP="target/test-classes:target/classes:$DEPS"

MALLOC_ARENA_MAX=2 java $JAVA_OPTS -jar target/dispatch.jar --server.port=$PORT --dispatch.data-dir="$WORK" --dispatch.demo=true \
  --dispatch.admin.email=$EMAIL --dispatch.admin.password="$PASSWORD" \
  --dispatch.live.stream-port=$STREAM_PORT --dispatch.live.max-readers=$(( READERS + 100 )) --dispatch.live.max-per-address=$(( READERS + 100 )) \
  > "$WORK/server.log" 2>&1 &
PID=$!
for i in $(seq 1 180); do curl -s "http://127.0.0.1:$PORT/" 2>/dev/null | grep -q 'href="/articles/' && break; sleep 1; done

echo "--- $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), server: java $JAVA_OPTS; $READERS readers on" \
  "$([ "$STREAM_PORT" = 0 ] && echo "the site's port (Tomcat)" || echo "the stream port"), $ROUNDS entries"
java -Xmx512m -cp "$CP" press.dispatch.bench.LiveBench $PORT $PID "$READERS" "$ROUNDS" $EMAIL "$PASSWORD" \
  "$([ "$STREAM_PORT" = 0 ] && echo $PORT || echo "$STREAM_PORT")"
echo "--- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
