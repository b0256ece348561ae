#!/usr/bin/env bash
# WordPress import benchmark: a generated export of 10,000 posts, 100,000 comments and 2,000 photos, imported by the
# operator's command with a 256 MB heap on a fresh SQLite data folder. Two runs: without the uploads (text only: posts,
# pages, comments, redirects; photos are skipped) and with them (the same plus re-encoding every photo), so the image
# work is counted separately. Prints wall time, the command's own CPU time and its peak RSS for each.
# Usage: bench/import.sh [POSTS COMMENTS ATTACHMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-10000}; comments=${2:-100000}; attachments=${3:-2000}
work=$(mktemp -d /tmp/dispatch-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests
python3 bench/wxr-generate.py "$work/site" "$posts" "$comments" "$attachments"
ls -la "$work/site/export.xml"

run() {
  local name=$1; shift
  mkdir -p "$work/$name"
  local start end
  start=$(date +%s.%N)
  DISPATCH_DATA_DIR="$work/$name" /usr/bin/time -f "%e s wall, %U s user, %S s system, peak RSS %M KB" \
    java -Xmx256m -XX:+UseSerialGC -jar target/dispatch.jar import-wordpress "$work/site/export.xml" "$@" \
    > "$work/$name.report" 2> "$work/$name.err" || { cat "$work/$name.err"; exit 1; }
  end=$(date +%s.%N)
  echo "== $name: $(tail -1 "$work/$name.err")"
  sed -n '/^Import finished/,/^$/p' "$work/$name.report"
}

run text-only
run with-photos --uploads "$work/site/uploads"
