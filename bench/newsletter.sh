#!/usr/bin/env bash
# Sends one newsletter to N confirmed subscribers through Postfix's smtp-sink and checks the sink's count.
# Usage: bench/newsletter.sh     (needs smtp-sink: apt-get install postfix, "No configuration")
# Environment: SUBSCRIBERS (default 100000), CONNECTIONS (default 4), BATCH (default 100).
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${SUBSCRIBERS:-100000}
CONNECTIONS=${CONNECTIONS:-4}
BATCH=${BATCH:-100}
PORT=2526
command -v smtp-sink >/dev/null || { echo "needs smtp-sink: apt-get install postfix (choose 'No configuration')" >&2; exit 1; }
OUT=$(mktemp /tmp/smtp-sink.XXXXXX)
smtp-sink -c -u nobody 127.0.0.1:$PORT 512 > "$OUT" 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
./mvnw -B -ntp -q test-compile
CP=$(./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -Xmx192m -XX:+UseSerialGC -cp "target/test-classes:target/classes:$CP" \
  -Dsubscribers="$SUBSCRIBERS" -DsmtpPort=$PORT -Dconnections="$CONNECTIONS" -Dbatch="$BATCH" \
  press.dispatch.bench.NewsletterBench
sleep 1
COUNT=$(tr '\r' '\n' < "$OUT" | grep -o 'mesg=[0-9]*' | tail -1 | cut -d= -f2)
echo "smtp-sink counted ${COUNT:-0} messages (expected $SUBSCRIBERS)"
[ "${COUNT:-0}" = "$SUBSCRIBERS" ]
