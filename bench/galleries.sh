#!/usr/bin/env bash
# Gallery pages against the cached article page, in one run: a gallery page (/galleries/{slug}, 8 photos) and the
# Pictures page (/pictures) should come from the page cache at the cached-page rate. One server (the demo site plus
# filler articles), a gallery made through the admin's own forms, the JIT settled on the article page, then
# alternating rounds of the three pages (ABC, CBA, ...), each after 1 s of unrecorded load; the ratios are those of the
# requests answered over all rounds. The machine is shared: the load average is printed before and after.
# Usage: bench/galleries.sh      (needs wrk, curl and the JDK's jstat)
# Environment: ARTICLES (default 1000), ROUNDS (default 6), ROUND (seconds, default 5), CONNECTIONS (default 32),
#              JAVA_OPTS (default "-Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000", as bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-1000}
ROUNDS=${ROUNDS:-6}
ROUND=${ROUND:-5}
CONNECTIONS=${CONNECTIONS:-32}
JAVA_OPTS=${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
PORT=18087
EMAIL=owner@bench.example
PASSWORD='correct horse battery'
WORK=$(mktemp -d /tmp/dispatch-galleries.XXXXXX)
JAR="$WORK/cookies"
SERVER=

for tool in wrk curl jstat; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install wrk curl; jstat comes with the JDK)" >&2; exit 1; }
done
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; while [ -e "/proc/$SERVER" ]; do sleep 0.2; done; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests

MALLOC_ARENA_MAX=2 DISPATCH_DATA_DIR="$WORK/data" SERVER_PORT=$PORT DISPATCH_SEED_ARTICLES=$ARTICLES DISPATCH_DEMO=true \
  DISPATCH_ADMIN_EMAIL=$EMAIL DISPATCH_ADMIN_PASSWORD="$PASSWORD" java $JAVA_OPTS -jar target/dispatch.jar > "$WORK/server.log" 2>&1 &
SERVER=$!
for i in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 1; done

csrf() { curl -s -b "$JAR" -c "$JAR" "http://127.0.0.1:$PORT$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
post() { # path field=value... -> the Location answered
  local token; token=$(csrf "${FORM:-$1}")
  local args=(); for f in "${@:2}"; do args+=(--data-urlencode "$f"); done
  curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR" -c "$JAR" --data-urlencode "_csrf=$token" "${args[@]}" "http://127.0.0.1:$PORT$1"
}

FORM=/admin/sign-in post /admin/sign-in "email=$EMAIL" "password=$PASSWORD" > /dev/null
PHOTOS=$(curl -s -b "$JAR" "http://127.0.0.1:$PORT/admin/media" | grep -o 'href="/admin/media/[0-9]*"' | grep -o '[0-9]*' | awk '!seen[$0]++' | head -8 | paste -sd,)
[ -n "$PHOTOS" ] || { echo "the demo site has no photos to make a gallery of" >&2; exit 1; }
GALLERY=$(FORM=/admin/galleries/new post /admin/galleries "title=Bench gallery" "slug=bench-gallery" "description=Photos of the demo site")
GALLERY=${GALLERY##*/}
FORM=/admin/galleries/$GALLERY post "/admin/galleries/$GALLERY/photos" "media=$PHOTOS" > /dev/null
FORM=/admin/galleries/$GALLERY post "/admin/galleries/$GALLERY" "action=publish" > /dev/null
SLUG=$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
declare -A URL=([article]="http://127.0.0.1:$PORT$SLUG" [gallery]="http://127.0.0.1:$PORT/galleries/bench-gallery"
                [pictures]="http://127.0.0.1:$PORT/pictures")
for name in article gallery pictures; do
  code=$(curl -s -o "$WORK/$name.html" -w '%{http_code}' "${URL[$name]}")
  [ "$code" = 200 ] || { echo "${URL[$name]} answered $code" >&2; exit 1; }
done
echo "gallery page: $(grep -o 'data-full="' "$WORK/gallery.html" | wc -l) photos, $(wc -c < "$WORK/gallery.html") bytes;" \
  "pictures: $(wc -c < "$WORK/pictures.html") bytes; article $SLUG: $(wc -c < "$WORK/article.html") bytes"

jit_seconds() { jstat -compiler "$SERVER" | awk 'NR == 2 {print $4}'; }
for i in $(seq 1 48); do # until ten seconds of load add less than half a second of compiling, as bench/run.sh
  before=$(jit_seconds)
  for name in article gallery pictures; do wrk -t2 -c"$CONNECTIONS" -d4s "${URL[$name]}" > /dev/null; done
  after=$(jit_seconds)
  awk -v b="$before" -v a="$after" 'BEGIN { exit !(a - b < 0.5) }' && { echo "JIT compiler settled after $((i * 12)) s of load"; break; }
done

echo "--- $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c$CONNECTIONS, $ROUNDS rounds of ${ROUND} s, JAVA_OPTS=$JAVA_OPTS"
declare -A REQS
for round in $(seq 1 "$ROUNDS"); do
  order="article gallery pictures"; [ $((round % 2)) = 0 ] && order="pictures gallery article"
  line="  round $round"
  for name in $order; do
    wrk -t2 -c"$CONNECTIONS" -d1s "${URL[$name]}" > /dev/null
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${ROUND}s" --latency "${URL[$name]}")
    REQS[$name]=$(( ${REQS[$name]:-0} + $(echo "$out" | awk '/requests in/ {print $1}') ))
    line+=$(printf '   %-8s %9s req/s (p99 %s)' "$name" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  done
  echo "$line"
done
secs=$((ROUNDS * ROUND))
awk -v a="${REQS[article]}" -v g="${REQS[gallery]}" -v p="${REQS[pictures]}" -v s=$secs 'BEGIN {
  printf "article (cached) %.0f req/s, gallery %.0f req/s, pictures %.0f req/s over %d s each\n", a / s, g / s, p / s, s
  printf "gallery / cached article:  %.2fx\npictures / cached article: %.2fx\n", g / a, p / a }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
