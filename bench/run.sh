#!/usr/bin/env bash
# Measures Dispatch's public pages with wrk against nginx serving a saved copy of the same article page.
# Usage: bench/run.sh            (needs: wrk, nginx, curl — apt-get install wrk nginx-light curl — and the JDK's jstat)
# Each server is loaded until its JIT compiler has settled before it is measured (see warm_until_compiled).
# Environment: DURATION (seconds per run, default 15), WARMUP (unrecorded seconds before each run, default 5), CONNECTIONS (default 32), ARTICLES (default 10000),
#              HOME_ROUNDS and HOME_ROUND (alternating rounds of the two home pages and their seconds, default 10 and 3),
#              JAVA_OPTS (JVM flags for the server, default "-Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000").
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
ARTICLES=${ARTICLES:-10000}
HOME_ROUNDS=${HOME_ROUNDS:-10}
HOME_ROUND=${HOME_ROUND:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
PORT=18080
SMALL_PORT=18082
NGINX_PORT=18081
WORK=$(mktemp -d /tmp/dispatch-bench.XXXXXX)
RESULTS="$WORK/results.txt"
PIDS=()

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install wrk nginx-light curl" >&2; exit 1; }
done
command -v jstat >/dev/null || { echo "bench needs jstat, which comes with the JDK (its bin folder on PATH)" >&2; exit 1; }

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

ms_per_request() { # cpu-ticks requests -> milliseconds of server CPU per request
  awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t * 1000 / hz / n }'
}

jit_seconds() { jstat -compiler "$1" | awk 'NR == 2 {print $4}'; }

# Loads the server until its JIT compiler has settled: until ten seconds of load add less than half a second of
# compiling (at most eight minutes). Before that, on two cores, the compiler takes most of a core for the first
# minutes under load, and a request's CPU would include compiling the code that serves it.
warm_until_compiled() { # pid url
  local pid=$1 url=$2 before after i
  for i in $(seq 1 48); do
    before=$(jit_seconds "$pid")
    wrk -t2 -c"$CONNECTIONS" -d10s "$url" > /dev/null
    after=$(jit_seconds "$pid")
    if awk -v b="$before" -v a="$after" 'BEGIN { exit !(a - b < 0.5) }'; then
      echo "JIT compiler settled after $((i * 10)) s of load on $url" | tee -a "$RESULTS"
      return 0
    fi
  done
  echo "JIT compiler still busy after 480 s of load on $url" | tee -a "$RESULTS"
}

measure() { # label url [seconds] [pid] -> prints "label req/s p50 p99 [server CPU per request]", after a warm-up run that is not recorded
  local label=$1 url=$2 seconds=${3:-$DURATION} pid=${4:-} out before after
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$url" > /dev/null
  [ -n "$pid" ] && before=$(cpu_ticks "$pid")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency "$url")
  [ -n "$pid" ] && after=$(cpu_ticks "$pid")
  local rps p50 p99 cpu=""
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  if [ -n "$pid" ]; then
    # CPU ticks of the server process over the recorded run, per request answered in it
    cpu=$(ms_per_request $((after - before)) "$(echo "$out" | awk '/requests in/ {print $1}')")
    echo "$cpu" > "$WORK/last-cpu"
    cpu="   server CPU $cpu ms/request"
  fi
  printf '%-34s %12s req/s   p50 %9s   p99 %9s%s\n' "$label" "$rps" "$p50" "$p99" "$cpu" | tee -a "$RESULTS"
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
curl -s -o /dev/null "$ARTICLE_URL"
warm_until_compiled "$SERVER" "$ARTICLE_URL"
# nginx right before Dispatch, so that both meet the machine at the same pace
measure "nginx, saved article page" "http://127.0.0.1:$NGINX_PORT$SLUG"; NGINX_RPS=$(cat "$WORK/last-rps")
kill "$(cat "$WORK/nginx.pid")"; rm -f "$WORK/nginx.pid"
measure "dispatch article (cached)" "$ARTICLE_URL" "$DURATION" "$SERVER"; ARTICLE_RPS=$(cat "$WORK/last-rps")
measure "dispatch section page" "http://127.0.0.1:$PORT$SECTION"
RSS_CACHED=$(rss_mb "$SERVER"); HWM_CACHED=$(hwm_mb "$SERVER")
stop_server "$SERVER"

echo "Restarting with the page cache off ..."
SERVER=$(start_server "$BIG" $PORT "$ARTICLES" false); PIDS+=("$SERVER")
wait_for_articles $PORT "$ARTICLES"
warm_until_compiled "$SERVER" "$ARTICLE_URL"
measure "dispatch article (cache off)" "$ARTICLE_URL" "$DURATION" "$SERVER"; UNCACHED_RPS=$(cat "$WORK/last-rps"); CPU_MS=$(cat "$WORK/last-cpu")
RSS_UNCACHED=$(rss_mb "$SERVER")
stop_server "$SERVER"

# The home page with ARTICLES articles against the home page of a second site with 20, cached and then with the page
# cache off. Two JVMs side by side differ by several per cent even on identical data (two servers on copies of one
# data folder measured 0.95-0.98x of each other in three tries, rounds ranging 0.80-1.19x), and the machine's pace
# changes within minutes, so each comparison is many short rounds in alternating order (ABBA...), summed.
SMALL=$WORK/small
mkdir -p "$SMALL"
declare -A REQS TICKS
home_round() { # name pid port round -> adds to REQS[name] and TICKS[name], prints one line
  local name=$1 pid=$2 port=$3 round=$4 out before after count
  wrk -t2 -c"$CONNECTIONS" -d1s "http://127.0.0.1:$port/" > /dev/null
  before=$(cpu_ticks "$pid")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${HOME_ROUND}s" --latency "http://127.0.0.1:$port/")
  after=$(cpu_ticks "$pid")
  count=$(echo "$out" | awk '/requests in/ {print $1}')
  REQS[$name]=$(( ${REQS[$name]:-0} + count )); TICKS[$name]=$(( ${TICKS[$name]:-0} + after - before ))
  printf '  round %2d  %-22s %10s req/s   p99 %9s   server CPU %s ms/request\n' "$round" "$name" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
    "$(ms_per_request $((after - before)) "$count")" | tee -a "$RESULTS"
}
compare_home() { # cache(true|false) -> prints the ratio line; leaves it in $WORK/last-home
  local cache=$1 big small round big_name="$ARTICLES articles" small_name="20 articles"
  REQS=(); TICKS=()
  echo "Home pages with $ARTICLES and with 20 articles, page cache $cache: fresh servers side by side, $HOME_ROUNDS alternating rounds of ${HOME_ROUND} s ..."
  big=$(start_server "$BIG" $PORT "$ARTICLES" "$cache"); PIDS+=("$big")
  small=$(start_server "$SMALL" $SMALL_PORT 20 "$cache"); PIDS+=("$small")
  wait_for_articles $PORT "$ARTICLES"
  wait_for_articles $SMALL_PORT 20
  warm_until_compiled "$big" "http://127.0.0.1:$PORT/"
  warm_until_compiled "$small" "http://127.0.0.1:$SMALL_PORT/"
  for round in $(seq 1 "$HOME_ROUNDS"); do
    if [ $(( (round / 2) % 2 )) = 0 ]; then # rounds 1, 4, 5, 8, 9...: the big site first; 2, 3, 6, 7...: the small one
      home_round "$big_name" "$big" $PORT "$round"; home_round "$small_name" "$small" $SMALL_PORT "$round"
    else
      home_round "$small_name" "$small" $SMALL_PORT "$round"; home_round "$big_name" "$big" $PORT "$round"
    fi
  done
  stop_server "$big"
  stop_server "$small"
  awk -v b="${REQS[$big_name]}" -v s="${REQS[$small_name]}" -v secs=$((HOME_ROUNDS * HOME_ROUND)) -v cache="$cache" -v n="$ARTICLES" \
    -v cb="$(ms_per_request "${TICKS[$big_name]}" "${REQS[$big_name]}")" -v cs="$(ms_per_request "${TICKS[$small_name]}" "${REQS[$small_name]}")" 'BEGIN {
      printf "home with %s / home with 20, page cache %-6s %.2fx   (%.0f / %.0f req/s; server CPU %s / %s ms/request)\n",
        n, cache ":", b / s, b / secs, s / secs, cb, cs }' | tee -a "$RESULTS" > "$WORK/last-home"
}
compare_home true; HOME_CACHED=$(cat "$WORK/last-home")
compare_home false; HOME_UNCACHED=$(cat "$WORK/last-home")

{
  echo
  awk -v a="$ARTICLE_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "cached article / nginx:              %.2fx\n", a / n }'
  awk -v a="$UNCACHED_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "uncached article / nginx:            %.2fx\n", a / n }'
  echo "server CPU per uncached article:     $CPU_MS ms"
  echo "$HOME_CACHED"
  echo "$HOME_UNCACHED"
  echo "server RSS after cached runs:        $RSS_CACHED MB (peak $HWM_CACHED MB)"
  echo "server RSS after uncached run:       $RSS_UNCACHED MB"
} | tee -a "$RESULTS"
echo "Results: $RESULTS"
