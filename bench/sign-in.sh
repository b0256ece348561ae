#!/usr/bin/env bash
# Sign-in and password-reset timing, known address against unknown one. The tests only count the work both
# answers do (one Argon2id check at sign-in; one row written for a reset request); this measures what an outsider
# with a stopwatch sees. Each request comes "through the proxy" from its own documentation address
# (X-Forwarded-For, trusted from loopback), so the per-IP limits never interfere; the owner signs in correctly
# after each wrong password, which clears the per-address count.
# Usage: bench/sign-in.sh      (needs curl; ROUNDS=40 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-40}
PORT=18086
EMAIL=owner@bench.example
PASSWORD='correct horse battery'
WORK=$(mktemp -d /tmp/dispatch-sign-in.XXXXXX)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT
[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests

java -Xmx128m -XX:+UseSerialGC -jar target/dispatch.jar --server.port=$PORT --dispatch.data-dir="$WORK/data" --dispatch.demo=false \
  --dispatch.admin.email=$EMAIL --dispatch.admin.password="$PASSWORD" > "$WORK/server.log" 2>&1 &
SERVER=$!
for i in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/admin/sign-in" && break; sleep 1; done

N=0
post() { # path form-fields -> seconds the POST took (the form and its CSRF token are fetched first, untimed)
  N=$((N + 1))
  local ip="198.51.$((N / 250)).$((N % 250 + 1))" jar="$WORK/jar.$N" token
  token=$(curl -s -c "$jar" -H "X-Forwarded-For: $ip" "http://127.0.0.1:$PORT$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$jar" -H "X-Forwarded-For: $ip" -w '%{time_total}\n' "http://127.0.0.1:$PORT$1" \
    --data-urlencode "_csrf=$token" "${@:2}"
  rm -f "$jar"
}
stats() { # file -> median and 90th percentile in ms
  sort -n "$1" | awk '{ v[NR] = $1 * 1000 } END { printf "median %6.1f ms   p90 %6.1f ms   (%d requests)", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], NR }'
}

# Warm-up: the JIT and Argon2's first runs, unrecorded.
for i in $(seq 1 10); do
  post /admin/sign-in --data-urlencode "email=$EMAIL" --data-urlencode "password=wrong $i" > /dev/null
  post /admin/sign-in --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" > /dev/null
  post /admin/sign-in --data-urlencode "email=nobody-$i@bench.example" --data-urlencode "password=wrong $i" > /dev/null
  post /admin/password-reset --data-urlencode "email=$EMAIL" > /dev/null
  post /admin/password-reset --data-urlencode "email=nobody-$i@bench.example" > /dev/null
done

for i in $(seq 1 "$ROUNDS"); do  # alternating, so both kinds meet the machine at the same pace
  if [ $((i % 2)) = 0 ]; then  # which goes first alternates too
    post /admin/sign-in --data-urlencode "email=$EMAIL" --data-urlencode "password=not it $i" >> "$WORK/known-sign-in"
    post /admin/sign-in --data-urlencode "email=stranger-$i@bench.example" --data-urlencode "password=not it $i" >> "$WORK/unknown-sign-in"
  else
    post /admin/sign-in --data-urlencode "email=stranger-$i@bench.example" --data-urlencode "password=not it $i" >> "$WORK/unknown-sign-in"
    post /admin/sign-in --data-urlencode "email=$EMAIL" --data-urlencode "password=not it $i" >> "$WORK/known-sign-in"
  fi
  post /admin/sign-in --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" > /dev/null
  if [ $((i % 2)) = 0 ]; then
    post /admin/password-reset --data-urlencode "email=$EMAIL" >> "$WORK/known-reset"
    post /admin/password-reset --data-urlencode "email=stranger-$i@bench.example" >> "$WORK/unknown-reset"
  else
    post /admin/password-reset --data-urlencode "email=stranger-$i@bench.example" >> "$WORK/unknown-reset"
    post /admin/password-reset --data-urlencode "email=$EMAIL" >> "$WORK/known-reset"
  fi
done

echo "--- $(date -u +%FT%TZ), $(nproc) cores, $ROUNDS rounds, commit $(git rev-parse --short HEAD)"
echo "sign-in, staff address, wrong password   $(stats "$WORK/known-sign-in")"
echo "sign-in, unknown address                 $(stats "$WORK/unknown-sign-in")"
echo "reset request, staff address             $(stats "$WORK/known-reset")"
echo "reset request, unknown address           $(stats "$WORK/unknown-reset")"
