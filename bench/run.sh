#!/usr/bin/env bash
# Measures Dispatch's public pages with wrk against nginx serving a saved copy of the same article page.
# Usage: bench/run.sh            (needs: wrk, nginx, curl — apt-get install wrk nginx-light curl)
# Environment: DURATION (seconds per run, default 15), WARMUP (unrecorded seconds before each run, default 5), CONNECTIONS (default 32), ARTICLES (default 10000),
#              JAVA_OPTS (JVM flags for the server, default "-Xmx160m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000").
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
ARTICLES=${ARTICLES:-10000}
JAVA_OPTS=${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
PORT=18080
SMALL_PORT=18082
NGINX_PORT=18081
WORK=$(mktemp -d /tmp/dispatch-bench.XXXXXX)
RESULTS="$WORK/results.txt"
PIDS=()

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install wrk nginx-light curl" >&2; exit 1; }
done

cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests

start_server() { # data-dir port seed cache -> pid
  local dir=$1 port=$2 seed=$3 cache=$4
  MALLOC_ARENA_MAX=2 DISPATCH_DATA_DIR=$dir SERVER_PORT=$port DISPATCH_SEED_ARTICLES=$seed DISPATCH_PAGE_CACHE=$cache DISPATCH_DEMO=true \
    java $JAVA_OPTS -jar target/dispatch.jar > "$dir.cache-$cache.log" 2>&1 &
  echo $!
}

wait_for_articles() { # port count
  local port=$1 count=$2 page=$(( ($2 + 9) / 10 )) i
  for i in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/?page=$page")" = 200 ]; then return 0; fi
    sleep 1
  done
  echo "server on $port never reached $count articles" >&2; exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$1/status"; }

stop_server() { # pid: stops it and waits until it is gone, so the next server can take the port
  kill "$1" 2>/dev/null || true
  while [ -e "/proc/$1" ]; do sleep 0.2; done
}

measure() { # label url [seconds] -> prints "label req/s p50 p99", after a warm-up run that is not recorded
  local label=$1 url=$2 seconds=${3:-$DURATION} out
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$url" > /dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency "$url")
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  printf '%-34s %12s req/s   p50 %9s   p99 %9s\n' "$label" "$rps" "$p50" "$p99" | tee -a "$RESULTS"
  echo "$rps" > "$WORK/last-rps"
}

echo "Seeding $ARTICLES articles (demo site + filler) ..."
BIG=$WORK/big
mkdir -p "$BIG"
SERVER=$(start_server "$BIG" $PORT "$ARTICLES" true); PIDS+=("$SERVER")
wait_for_articles $PORT "$ARTICLES"
# Every measurement is of a server started on the seeded data, as in production: not of the process that just
# wrote 10,000 articles.
stop_server "$SERVER"
SERVER=$(start_server "$BIG" $PORT "$ARTICLES" true); PIDS+=("$SERVER")
wait_for_articles $PORT "$ARTICLES"
SLUG=$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
SECTION=$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'href="/sections/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
ARTICLE_URL="http://127.0.0.1:$PORT$SLUG"

mkdir -p "$WORK/www"
curl -s "$ARTICLE_URL" -o "$WORK/www/article.html"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { default_type text/html; try_files /article.html =404; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"
sleep 1

echo "Article page: $SLUG ($(wc -c < "$WORK/www/article.html") bytes)"
echo "--- $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d${DURATION}s, JAVA_OPTS=$JAVA_OPTS" | tee "$RESULTS"
measure "nginx, saved article page" "http://127.0.0.1:$NGINX_PORT$SLUG"; NGINX_RPS=$(cat "$WORK/last-rps")
kill "$(cat "$WORK/nginx.pid")"; rm -f "$WORK/nginx.pid"

curl -s -o /dev/null "$ARTICLE_URL"
measure "dispatch article (cached)" "$ARTICLE_URL"; ARTICLE_RPS=$(cat "$WORK/last-rps")
measure "dispatch section page" "http://127.0.0.1:$PORT$SECTION"
RSS_CACHED=$(rss_mb "$SERVER"); HWM_CACHED=$(hwm_mb "$SERVER")
stop_server "$SERVER"

echo "Restarting with the page cache off ..."
SERVER=$(start_server "$BIG" $PORT "$ARTICLES" false); PIDS+=("$SERVER")
wait_for_articles $PORT "$ARTICLES"
for i in $(seq 1 2000); do curl -s -o /dev/null "$ARTICLE_URL"; done
BEFORE=$(cpu_ticks "$SERVER")
START_NS=$(date +%s%N)
measure "dispatch article (cache off)" "$ARTICLE_URL"; UNCACHED_RPS=$(cat "$WORK/last-rps")
AFTER=$(cpu_ticks "$SERVER")
ELAPSED=$(( ($(date +%s%N) - START_NS) / 1000000 ))
TICK=$(getconf CLK_TCK)
CPU_MS=$(awk -v t=$((AFTER - BEFORE)) -v hz="$TICK" -v rps="$UNCACHED_RPS" -v ms="$ELAPSED" \
  'BEGIN { printf "%.3f", (t * 1000 / hz) / (rps * ms / 1000) }')
RSS_UNCACHED=$(rss_mb "$SERVER")
stop_server "$SERVER"

# The two home pages are measured on freshly started servers, so only the article count differs, in alternating
# rounds (a third of DURATION each), so that the machine's changes of pace, which come and go within minutes,
# fall on both alike.
echo "Home pages with $ARTICLES and with 20 articles, fresh servers, alternating rounds ..."
SMALL=$WORK/small
mkdir -p "$SMALL"
SERVER=$(start_server "$BIG" $PORT "$ARTICLES" true); PIDS+=("$SERVER")
SMALL_SERVER=$(start_server "$SMALL" $SMALL_PORT 20 true); PIDS+=("$SMALL_SERVER")
wait_for_articles $PORT "$ARTICLES"
wait_for_articles $SMALL_PORT 20
ROUND=$(( (DURATION + 2) / 3 ))
HOME_BIG=0; HOME_SMALL=0
for round in 1 2 3; do
  measure "dispatch home, $ARTICLES articles ($round/3)" "http://127.0.0.1:$PORT/" "$ROUND"
  HOME_BIG=$(awk -v a="$HOME_BIG" -v b="$(cat "$WORK/last-rps")" 'BEGIN { print a + b / 3 }')
  measure "dispatch home, 20 articles ($round/3)" "http://127.0.0.1:$SMALL_PORT/" "$ROUND"
  HOME_SMALL=$(awk -v a="$HOME_SMALL" -v b="$(cat "$WORK/last-rps")" 'BEGIN { print a + b / 3 }')
done
stop_server "$SERVER"
stop_server "$SMALL_SERVER"

{
  echo
  awk -v a="$ARTICLE_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "cached article / nginx:              %.2fx\n", a / n }'
  awk -v a="$UNCACHED_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "uncached article / nginx:            %.2fx\n", a / n }'
  echo "server CPU per uncached article:     $CPU_MS ms"
  awk -v b="$HOME_BIG" -v s="$HOME_SMALL" 'BEGIN { printf "home with %s / home with 20:      %.2fx\n", "'"$ARTICLES"'", b / s }'
  echo "server RSS after cached runs:        $RSS_CACHED MB (peak $HWM_CACHED MB)"
  echo "server RSS after uncached run:       $RSS_UNCACHED MB"
} | tee -a "$RESULTS"
echo "Results: $RESULTS"
