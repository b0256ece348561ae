#!/usr/bin/env bash
# Two Dispatch nodes behind nginx on one PostgreSQL, against one node in the same run: cached and uncached article
# pages (wrk through nginx), the delay until a purge made on node A shows on node B while both are under load
# (p50/p99 of PURGES publishes), and a newsletter of SUBSCRIBERS delivered to Postfix's smtp-sink by one node, then by two.
# Usage: bench/two-nodes.sh   (needs: wrk, nginx, curl, smtp-sink — apt-get install wrk nginx-light curl postfix ("No configuration"))
# Environment: DURATION (seconds per page run, default 15), CONNECTIONS (default 32), ARTICLES (default 2000),
#              SUBSCRIBERS (default 100000), PURGES (default 50),
#              JAVA_OPTS (default "-Xmx192m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000").
# On this 2-core machine both nodes share the cores: the figure to read is that the second node costs no throughput
# (two nodes >= 0.9x one) and that purges stay under a second at p99 under load.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
ARTICLES=${ARTICLES:-2000}
SUBSCRIBERS=${SUBSCRIBERS:-100000}
PURGES=${PURGES:-50}
JAVA_OPTS=${JAVA_OPTS:--Xmx192m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
PORT_A=18181; PORT_B=18182; NGINX_PORT=18180; SINK_PORT=2527
OWNER=bench@news.example; PASSWORD="bench horse battery"
WORK=$(mktemp -d /tmp/dispatch-two-nodes.XXXXXX)
PIDS=()

for tool in wrk nginx curl smtp-sink; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install wrk nginx-light curl postfix" >&2; exit 1; }
done
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests
./mvnw -B -ntp -q test-compile
CP=$(./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

echo "Starting embedded PostgreSQL and smtp-sink ..."
java -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.EmbeddedPostgresServer > "$WORK/pg.txt" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q '^jdbc:' "$WORK/pg.txt" && break; sleep 1; done
PGURL=$(grep '^jdbc:' "$WORK/pg.txt" | head -1)
smtp-sink -c -u nobody 127.0.0.1:$SINK_PORT 512 > "$WORK/sink.txt" 2>&1 &
PIDS+=($!)

start_node() { # name port -> pid
  mkdir -p "$WORK/$1"
  MALLOC_ARENA_MAX=2 DISPATCH_DATA_DIR="$WORK/$1" SERVER_PORT=$2 DISPATCH_DATABASE_URL="$PGURL" DISPATCH_DATABASE_USER=postgres \
    DISPATCH_DATABASE_PASSWORD=postgres DISPATCH_DEMO=true DISPATCH_SEED_ARTICLES=$ARTICLES DISPATCH_SMTP_HOST=127.0.0.1 \
    DISPATCH_SMTP_PORT=$SINK_PORT DISPATCH_MAIL_BATCH=100 DISPATCH_ADMIN_EMAIL=$OWNER DISPATCH_ADMIN_PASSWORD="$PASSWORD" \
    java $JAVA_OPTS -jar target/dispatch.jar > "$WORK/$1.log" 2>&1 &
  echo $!
}
wait_up() { # port
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/readiness")" = 200 ] && return 0
    sleep 1
  done
  echo "node on $1 never became ready" >&2; exit 1
}
nginx_for() { # ports...
  { echo "worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log; events { worker_connections 1024; }"
    echo "http { access_log off; upstream dispatch { keepalive 64;"
    for p in "$@"; do echo "  server 127.0.0.1:$p max_fails=2 fail_timeout=5s;"; done
    echo "} server { listen 127.0.0.1:$NGINX_PORT; location / { proxy_pass http://dispatch; proxy_http_version 1.1;"
    echo "  proxy_set_header Connection \"\"; proxy_set_header Host \$host; } } }"; } > "$WORK/nginx.conf"
  [ -f "$WORK/nginx.pid" ] && { kill "$(cat "$WORK/nginx.pid")"; sleep 1; }
  nginx -c "$WORK/nginx.conf" -p "$WORK"
}
rps() { wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$@" | awk '/Requests\/sec/ {print $2}'; }

A=$(start_node a $PORT_A); PIDS+=("$A"); wait_up $PORT_A
ARTICLE=$(curl -s "http://127.0.0.1:$PORT_A/" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2)
echo "Article page: $ARTICLE"

nginx_for $PORT_A
rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$ARTICLE" > /dev/null   # warm-up
ONE_CACHED=$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$ARTICLE")
ONE_UNCACHED=$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$ARTICLE?nocache=\$RANDOM")

B=$(start_node b $PORT_B); PIDS+=("$B"); wait_up $PORT_B
nginx_for $PORT_A $PORT_B
rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$ARTICLE" > /dev/null
TWO_CACHED=$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$ARTICLE")
TWO_UNCACHED=$(rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$ARTICLE?nocache=\$RANDOM")

echo "Purge delay under load (A publishes, B's home page polled) ..."
wrk -t2 -c"$CONNECTIONS" -d"$((PURGES * 2 + 30))s" "http://127.0.0.1:$NGINX_PORT$ARTICLE" > /dev/null &
LOAD=$!
java -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.PurgeDelayBench "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" \
  "$OWNER" "$PASSWORD" "$PURGES" | tee "$WORK/purges.txt"
kill $LOAD 2>/dev/null || true

send_newsletter() { # label -> seconds
  java -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.TwoNodeNewsletterBench "$PGURL" "$SUBSCRIBERS" "http://127.0.0.1:$PORT_A" \
    "$OWNER" "$PASSWORD" | tail -1
}
echo "Newsletter of $SUBSCRIBERS to smtp-sink by two nodes ..."
TWO_SEND=$(send_newsletter)
kill "$B"; while [ -e "/proc/$B" ]; do sleep 0.2; done
echo "... and by one node"
ONE_SEND=$(send_newsletter)

echo
echo "| | one node | two nodes | two / one |"
echo "|---|---|---|---|"
echo "| cached article page, requests/s | $ONE_CACHED | $TWO_CACHED | $(echo "scale=2; $TWO_CACHED / $ONE_CACHED" | bc) |"
echo "| uncached article page, requests/s | $ONE_UNCACHED | $TWO_UNCACHED | $(echo "scale=2; $TWO_UNCACHED / $ONE_UNCACHED" | bc) |"
echo "| newsletter of $SUBSCRIBERS, seconds | $ONE_SEND | $TWO_SEND | $(echo "scale=2; $ONE_SEND / $TWO_SEND" | bc) (speed) |"
cat "$WORK/purges.txt" | tail -1
echo "smtp-sink counted $(tr '\r' '\n' < "$WORK/sink.txt" | grep -o 'mesg=[0-9]*' | tail -1 | cut -d= -f2) messages in all"
