#!/usr/bin/env bash
# Times the full sitemap set of a site with 100,000 articles, generated once (page cache empty) with the heap at
# 128 MB, then measures feeds and sitemaps served from the page cache with wrk. Reports the requests' wall time and
# the server's CPU time for them (on a shared, loaded machine the CPU time is the steadier figure).
# Usage: bench/sitemaps.sh       (needs: wrk, curl)
# Environment: ARTICLES (default 100000), DURATION (seconds per wrk run, default 15), CONNECTIONS (default 32),
#              JAVA_OPTS (default "-Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"),
#              DATA (a data folder seeded by an earlier run, to skip the ten minutes of seeding),
#              JAR (default target/dispatch.jar: another build, to compare two builds on copies of one data folder),
#              ROUNDS (default 5), CACHED (default 1: then measure feeds and sitemaps served from the cache; 0 skips that).
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-100000}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
JAVA_OPTS=${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
PORT=18090
WORK=$(mktemp -d /tmp/dispatch-sitemaps.XXXXXX)
BASE="http://127.0.0.1:$PORT"
PID=

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install wrk curl" >&2; exit 1; }
done
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && while [ -e "/proc/$PID" ]; do sleep 0.2; done || true; }
trap cleanup EXIT

JAR=${JAR:-target/dispatch.jar}
ROUNDS=${ROUNDS:-5}
CACHED=${CACHED:-1}
[ -f "$JAR" ] || ./mvnw -B -ntp -q package -DskipTests

DATA=${DATA:-$WORK/data}
MALLOC_ARENA_MAX=2 DISPATCH_DATA_DIR=$DATA SERVER_PORT=$PORT DISPATCH_SEED_ARTICLES=$ARTICLES DISPATCH_DEMO=true \
  java $JAVA_OPTS -jar "$JAR" > "$WORK/server.log" 2>&1 &
PID=$!
# The filler runs before the port opens; wait for the port.
for i in $(seq 1 3600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/robots.txt")" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || { echo "server stopped; see $WORK/server.log" >&2; exit 1; }
  sleep 1
done
# The site address setting names the public address; the sitemaps' own addresses are fetched on this port.
echo "Articles: $ARTICLES, heap: $JAVA_OPTS, $JAR, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

fetch() { # path -> "seconds bytes"
  curl -s -o "$WORK/body" -w '%{time_total} %{size_download}\n' "$BASE$1"
}

# Round 1 is the first generation after start (cold JIT); later rounds ask for the same sitemaps with a query string
# the page cache has not seen (?round=N), so each is generated again, on a warmed-up server.
for round in $(seq 1 "$ROUNDS"); do
  total=0; urls=0; bytes=0; ticks=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  read -r t b < <(fetch "/sitemap.xml?round=$round"); total=$(awk -v a="$total" -v b="$t" 'BEGIN{print a+b}'); bytes=$((bytes + b))
  for loc in $(grep -o '<loc>[^<]*</loc>' "$WORK/body" | sed -e 's|<loc>[^/]*//[^/]*||' -e 's|</loc>||'); do
    read -r t b < <(fetch "$loc?round=$round")
    total=$(awk -v a="$total" -v b="$t" 'BEGIN{print a+b}'); bytes=$((bytes + b))
    urls=$((urls + $(grep -o '<url>' "$WORK/body" | wc -l)))
  done
  cpu=$(awk -v a="$ticks" -v b="$(awk '{print $14 + $15}' "/proc/$PID/stat")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
  echo "round $round: full sitemap set generated (not cached) in ${total} s of requests, ${cpu} s of server CPU: $urls addresses, $bytes bytes"
done
grep -q OutOfMemoryError "$WORK/server.log" && { echo "OutOfMemoryError: see $WORK/server.log" >&2; exit 1; }
[ "$CACHED" = 1 ] || exit 0

article=$(curl -s "$BASE/feed" | grep -o '/articles/[a-z0-9-]*' | head -1)
for path in /feed /sitemap.xml /sitemap-news.xml /sitemaps/sections-1.xml /sitemaps/articles-1.xml "$article"; do
  curl -s -o /dev/null "$BASE$path"
  wrk -t2 -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "$BASE$path" > /dev/null
  result=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H 'Accept-Encoding: gzip' "$BASE$path")
  echo "$path cached: $(echo "$result" | awk '/Requests\/sec/ {print $2}') req/s, p99 $(echo "$result" | awk '$1 == "99%" {print $2}')"
done
