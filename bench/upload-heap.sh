#!/usr/bin/env bash
# The smallest Java heap one 24 MP camera JPEG (6,000 x 4,000, about 5 MB) goes through the upload pipeline in:
# decode within the memory budget, then the 480/960/1600 variants in JPEG and WebP (UploadHeapBench, no server). Found
# by bisection with -XX:+UseSerialGC; then the pipeline's own time at -Xmx128m (the goal: at most 3 s), and the wall
# time and peak RSS at -Xmx512m.
# Usage: bench/upload-heap.sh [photo.jpg]     (needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test-compile
CP="target/test-classes:target/classes:$(./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
WORK=$(mktemp -d /tmp/dispatch-upload-heap.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PHOTO=${1:-$WORK/camera24.jpg}
[ -n "${1:-}" ] || java -cp "$CP" press.dispatch.media.UploadHeapBench --make "$PHOTO"
run() { java -Xmx"$1"m -XX:+UseSerialGC -cp "$CP" press.dispatch.media.UploadHeapBench "$PHOTO" > /dev/null 2>&1; }
lo=8; hi=512
run $hi || { echo "does not go through even at ${hi} MB"; exit 1; }
while [ $((hi - lo)) -gt 2 ]; do
  mid=$(((lo + hi) / 2))
  if run $mid; then hi=$mid; else lo=$mid; fi
done
echo "smallest heap: ${hi} MB ($(stat -c %s "$PHOTO") bytes in)"
echo "at -Xmx128m: $(java -Xmx128m -XX:+UseSerialGC -cp "$CP" press.dispatch.media.UploadHeapBench "$PHOTO")"
/usr/bin/time -f "at -Xmx512m: %e s wall, peak RSS %M KB" java -Xmx512m -XX:+UseSerialGC -cp "$CP" press.dispatch.media.UploadHeapBench "$PHOTO"
