#!/usr/bin/env bash
# Two Dispatch nodes behind nginx on one PostgreSQL, against one node in the same run: cached and uncached article
# pages (wrk through nginx, in alternating rounds: nginx in front of A alone, then of A and B; uncached pages from the
# same nodes restarted with their page cache off), the same rounds in front of A and an unconnected node C (its own
# database on the same server: two Dispatch processes that share the cores but not the site, which tells the cost of
# a second process on shared cores from the cost of the two nodes' coordination), the delay until a purge made on node A shows on node B while both
# are under load (p50/p99 of PURGES publishes), and a newsletter of SUBSCRIBERS delivered to Postfix's smtp-sink by two
# nodes, then by one. Last, controls that are not Dispatch: the same rounds in front of two nginx servers serving a file
# the size of the cached page against one, and of two bare Tomcats (press.dispatch.bench.BareTomcat) against one.
# Usage: bench/two-nodes.sh   (needs: wrk, nginx, curl, smtp-sink, bc — apt-get install wrk nginx-light curl bc postfix
#        ("No configuration"); PostgreSQL from /usr/lib/postgresql/*/bin when installed, else an embedded one)
# Environment: DURATION (seconds per page run, default 15), WARMUP (seconds per node and page kind, default 90),
#              ROUNDS (default 5), CONNECTIONS (default 32),
#              ARTICLES (default 2000), SUBSCRIBERS (default 100000), PURGES (default 50),
#              JAVA_OPTS (default "-Xmx192m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"), PORT_BASE (default 18180).
#              NODE_ENV (default empty): more settings for both nodes, e.g. NODE_ENV="DISPATCH_DATABASE_CONNECTIONS=8".
#              PIN (default 0): PIN=1 gives each node its own half of the cores while both work (taskset); node A
#              alone always has every core. On this 2-core VM it helped in one run and hurt in another (bench/README.md).
# On this 2-core machine both nodes share the machine: the figure to read is that the second node costs no throughput
# (two nodes >= 0.9x one) and that purges stay under a second at p99 under load.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-90}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-32}
ARTICLES=${ARTICLES:-2000}
SUBSCRIBERS=${SUBSCRIBERS:-100000}
PURGES=${PURGES:-50}
JAVA_OPTS=${JAVA_OPTS:--Xmx192m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
PORT_BASE=${PORT_BASE:-18180}
PIN=${PIN:-0}
NGINX_PORT=$PORT_BASE; PORT_A=$((PORT_BASE + 1)); PORT_B=$((PORT_BASE + 2)); SINK_PORT=$((PORT_BASE + 3)); PG_PORT=$((PORT_BASE + 4))
PORT_C=$((PORT_BASE + 5))
OWNER=bench@news.example; PASSWORD="bench horse battery"
WORK=$(mktemp -d /tmp/dispatch-two-nodes.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

for tool in wrk nginx curl smtp-sink bc taskset pgrep; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install wrk nginx-light curl bc postfix" >&2; exit 1; }
done
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for pidfile in "$WORK"/static-*/nginx.pid; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
  [ -f "$WORK/pg/postmaster.pid" ] && su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

[ -f target/dispatch.jar ] || ./mvnw -B -ntp -q package -DskipTests
./mvnw -B -ntp -q test-compile
CP=$(./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

if [ -n "$PG_BIN" ] && [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
  echo "Starting PostgreSQL ($PG_BIN) on port $PG_PORT and smtp-sink ..."
  mkdir "$WORK/pg" && chown postgres "$WORK/pg"
  su postgres -c "$PG_BIN/initdb -D $WORK/pg -U postgres --auth=trust" > "$WORK/initdb.log"
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -l $WORK/pg/server.log -w start -o '-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1'" > /dev/null
  PGURL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
  su postgres -c "$PG_BIN/createdb -h 127.0.0.1 -p $PG_PORT control"
  CONTROL_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/control"
else
  echo "Starting embedded PostgreSQL and smtp-sink ..."
  java -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.EmbeddedPostgresServer > "$WORK/pg.txt" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q '^jdbc:' "$WORK/pg.txt" && break; sleep 1; done
  PGURL=$(grep '^jdbc:' "$WORK/pg.txt" | head -1)
  CONTROL_URL=""
  echo "(no unconnected node C: its database needs PostgreSQL from /usr/lib/postgresql, apt-get install postgresql)"
fi
smtp-sink -c -u nobody 127.0.0.1:$SINK_PORT 512 > "$WORK/sink.txt" 2>&1 &
PIDS+=($!)

start_node() { # name port [page cache: true|false] [database URL] -> pid
  mkdir -p "$WORK/$1"
  env ${NODE_ENV:-} DISPATCH_PAGE_CACHE=${3:-true} MALLOC_ARENA_MAX=2 DISPATCH_DATA_DIR="$WORK/$1" SERVER_PORT=$2 DISPATCH_DATABASE_URL="${4:-$PGURL}" DISPATCH_DATABASE_USER=postgres \
    DISPATCH_DATABASE_PASSWORD=postgres DISPATCH_DEMO=true DISPATCH_SEED_ARTICLES=$ARTICLES DISPATCH_SMTP_HOST=127.0.0.1 \
    DISPATCH_SMTP_PORT=$SINK_PORT DISPATCH_MAIL_BATCH=100 DISPATCH_ADMIN_EMAIL=$OWNER DISPATCH_ADMIN_PASSWORD="$PASSWORD" \
    java $JAVA_OPTS -jar target/dispatch.jar >> "$WORK/$1.log" 2>&1 &
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
  if [ -f "$WORK/nginx.pid" ]; then
    kill "$(cat "$WORK/nginx.pid")"
    while [ -f "$WORK/nginx.pid" ]; do sleep 0.2; done
  fi
  nginx -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/nginx-error.log"
}
CPUS=$(nproc)
# one_node: A alone has every core; two_nodes [second pid, default B]: with PIN=1 each node has half of them (A the
# first half, the other node the second).
one_node() { taskset -a -p -c "0-$((CPUS - 1))" "$A" > /dev/null; }
two_nodes() {
  if [ "$PIN" = 1 ] && [ "$CPUS" -ge 2 ]; then
    taskset -a -p -c "0-$((CPUS / 2 - 1))" "$A" > /dev/null; taskset -a -p -c "$((CPUS / 2))-$((CPUS - 1))" "${1:-$B}" > /dev/null
  else
    one_node; taskset -a -p -c "0-$((CPUS - 1))" "${1:-$B}" > /dev/null
  fi
}
rps() { wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN:-$DURATION}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
cached() { rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1$ARTICLE"; }
# On nodes with the page cache off (a query string would not do: the cache answers parameters a page does not read).
uncached() { rps -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1$ARTICLE"; }
sum() { echo "$@" | tr ' ' '\n' | paste -sd+ | bc; }
cpu_ticks() { # pids... -> user+system clock ticks of those processes
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo $total
}
sink_count() { tr '\r' '\n' < "$WORK/sink.txt" | grep -o 'mesg=[0-9]*' | tail -1 | cut -d= -f2 | grep . || echo 0; }

A=$(start_node a $PORT_A); PIDS+=("$A"); wait_up $PORT_A
B=$(start_node b $PORT_B); PIDS+=("$B"); wait_up $PORT_B
C=""
if [ -n "$CONTROL_URL" ]; then C=$(start_node c $PORT_C true "$CONTROL_URL"); PIDS+=("$C"); wait_up $PORT_C; fi
ARTICLE=$(curl -s "http://127.0.0.1:$PORT_A/" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2)
# The size of the cached, compressed article page: the controls below answer with a body of this size.
read -r PAGE_STATUS PAGE_BYTES <<< "$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$PORT_A$ARTICLE")"
[ "$PAGE_STATUS" = 200 ] && [ "${PAGE_BYTES:-0}" -gt 0 ] || { echo "node A answered $PAGE_STATUS, not its article page, at $ARTICLE" >&2; exit 1; }
if [ -n "$C" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_C$ARTICLE")" != 200 ]; then
  echo "node C's demo site has no $ARTICLE" >&2; exit 1
fi
# Warm-up long enough for each node's JIT compiler to settle (on these 2 cores it works through the first minutes of
# load, bench/run.sh step 3): a node still compiling spends CPU the other does not.
echo "Article page: $ARTICLE; warming each node directly (${WARMUP}s each) ..."
for port in $PORT_A $PORT_B ${C:+$PORT_C}; do SECONDS_PER_RUN=$WARMUP cached $port > /dev/null; done

# Each run also records the CPU time of A and of the round's second node (also while that one idles), for CPU per
# request. In every round all three nodes run; only the ones behind nginx get requests.
ONE_C=(); TWO_C=(); CTL_C=(); ONE_U=(); TWO_U=(); CTL_U=()
measure() { # key kind second-pid -> req/s (and the nodes' CPU ticks appended to $WORK/ticks-key)
  local t0 r
  t0=$(cpu_ticks "$A" "$3")
  r=$($2 $NGINX_PORT)
  echo $(( $(cpu_ticks "$A" "$3") - t0 )) >> "$WORK/ticks-$1"
  echo "$r"
}
cpu_per_request() { # key total-req/s -> ms of node CPU per request
  echo "scale=3; $(paste -sd+ "$WORK/ticks-$1" | bc) * 1000 / $(getconf CLK_TCK) / ($2 * $DURATION)" | bc
}
rounds() { # kind (cached|uncached) key (c|u) one-array two-array control-array: ROUNDS rounds of nginx in front of A
  # alone, then of A and B, then of A and C
  local -n one=$3 two=$4 ctl=$5
  local round
  for round in $(seq 1 "$ROUNDS"); do
    nginx_for $PORT_A; one_node
    one+=("$(measure "one_$2" "$1" "$B")")
    nginx_for $PORT_A $PORT_B; two_nodes
    two+=("$(measure "two_$2" "$1" "$B")")
    if [ -n "$C" ]; then
      nginx_for $PORT_A $PORT_C; two_nodes "$C"
      ctl+=("$(measure "ctl_$2" "$1" "$C")")
    fi
    echo "round $round: $1 one ${one[-1]} two ${two[-1]}${C:+ unconnected ${ctl[-1]}} req/s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
}
rounds cached c ONE_C TWO_C CTL_C

echo "Purge delay under load (A publishes, B's home page polled) ..."
two_nodes
wrk -t2 -c"$CONNECTIONS" -d"$((PURGES * 2 + 60))s" "http://127.0.0.1:$NGINX_PORT$ARTICLE" > "$WORK/purge-load.txt" &
LOAD=$!
java -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.PurgeDelayBench "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" \
  "$OWNER" "$PASSWORD" "$PURGES" | tee "$WORK/purges.txt"
kill $LOAD 2>/dev/null || true
wait $LOAD 2>/dev/null || true

echo "Restarting the nodes with their page cache off, warming each (${WARMUP}s) ..."
stop_node() { kill "$1"; while [ -e "/proc/$1" ]; do sleep 0.2; done; }
stop_node "$A"; stop_node "$B"; [ -z "$C" ] || stop_node "$C"
A=$(start_node a $PORT_A false); PIDS+=("$A"); wait_up $PORT_A
B=$(start_node b $PORT_B false); PIDS+=("$B"); wait_up $PORT_B
if [ -n "$C" ]; then C=$(start_node c $PORT_C false "$CONTROL_URL"); PIDS+=("$C"); wait_up $PORT_C; fi
for port in $PORT_A $PORT_B ${C:+$PORT_C}; do SECONDS_PER_RUN=$WARMUP uncached $port > /dev/null; done
rounds uncached u ONE_U TWO_U CTL_U
[ -z "$C" ] || stop_node "$C"  # the newsletters run as before, on A and B only

send_newsletter() { # subscribers pids... -> "seconds messages node-cpu-seconds"
  local before after seconds cpu n=$1
  shift
  before=$(sink_count)
  cpu=$(cpu_ticks "$@")
  seconds=$(java -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.TwoNodeNewsletterBench "$PGURL" "$n" \
    "http://127.0.0.1:$PORT_A" "$OWNER" "$PASSWORD" | tail -1)
  sleep 2
  after=$(sink_count)
  echo "$seconds $((after - before)) $(echo "scale=1; ($(cpu_ticks "$@") - $cpu) / $(getconf CLK_TCK)" | bc)"
}
# A first, unrecorded newsletter to half of them, so that both nodes have compiled their sending code before either
# recorded send (the one-node send comes second and would otherwise have the warmer node).
echo "Warm-up newsletter of $((SUBSCRIBERS / 2)) by two nodes ..."
read -r WARM_SEND WARM_SENT WARM_CPU <<< "$(send_newsletter $((SUBSCRIBERS / 2)) "$A" "$B")"
echo "  $WARM_SEND s, $WARM_SENT messages"
echo "Newsletter of $SUBSCRIBERS to smtp-sink by two nodes ..."
read -r TWO_SEND TWO_SENT TWO_CPU <<< "$(send_newsletter "$SUBSCRIBERS" "$A" "$B")"
echo "  $TWO_SEND s, $TWO_SENT messages, nodes' CPU $TWO_CPU s; load $(cut -d' ' -f1-3 /proc/loadavg)"
stop_node "$B"
one_node
echo "... and by one node"
read -r ONE_SEND ONE_SENT ONE_CPU <<< "$(send_newsletter "$SUBSCRIBERS" "$A")"
echo "  $ONE_SEND s, $ONE_SENT messages, node's CPU $ONE_CPU s; load $(cut -d' ' -f1-3 /proc/loadavg)"

# Controls: the same alternating rounds in front of servers that are not Dispatch, answering every request with a body
# the size of the cached article page: nginx serving a file (one worker each), and the Tomcat Dispatch embeds with
# one servlet (press.dispatch.bench.BareTomcat). Two of either against one tell what a second server process costs on
# this machine whatever it runs. Dispatch's nodes are stopped first.
stop_node "$A"
head -c "$PAGE_BYTES" /dev/urandom > "$WORK/page.bin"
chmod 644 "$WORK/page.bin"
# A control answers the article's address with 200 and the page's size, or the run stops: wrk would count errors as
# requests served.
control_ready() { # port
  local answer
  for _ in $(seq 1 150); do
    answer=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$1$ARTICLE" || true)
    [ "$answer" = "200 $PAGE_BYTES" ] && return 0
    sleep 0.2
  done
  echo "the control on port $1 answered '$answer', not 200 with $PAGE_BYTES bytes" >&2; exit 1
}
static_server() { # port -> pid of its worker
  mkdir -p "$WORK/static-$1"
  echo "worker_processes 1; pid $WORK/static-$1/nginx.pid; error_log $WORK/static-$1/error.log;
    events { worker_connections 1024; }
    http { access_log off; server { listen 127.0.0.1:$1; root $WORK; location / { default_type text/html; try_files /page.bin =404; } } }" \
    > "$WORK/static-$1/nginx.conf"
  nginx -c "$WORK/static-$1/nginx.conf" -p "$WORK/static-$1" -e "$WORK/static-$1/error.log"
  for _ in $(seq 1 50); do [ -s "$WORK/static-$1/nginx.pid" ] && pgrep -n -P "$(cat "$WORK/static-$1/nginx.pid")" && return 0; sleep 0.1; done
  echo "static server on $1 did not start" >&2; exit 1
}
stop_static() { # port: stops that nginx and waits (at most 10 s) until its processes, and so its socket, are gone
  local master
  master=$(cat "$WORK/static-$1/nginx.pid")
  kill "$master"
  for _ in $(seq 1 50); do [ -e "/proc/$master" ] || return 0; sleep 0.2; done
  echo "static server on $1 did not stop" >&2; exit 1
}
bare_tomcat() { # port -> pid
  java $JAVA_OPTS -cp "target/test-classes:target/classes:$CP" press.dispatch.bench.BareTomcat "$1" "$PAGE_BYTES" > "$WORK/bare-$1.log" 2>&1 &
  echo $!
}
control_rounds() { # name first-pid second-pid first-port second-port one-array two-array
  local -n cone=$6 ctwo=$7
  local round port
  A=$2  # measure, one_node and two_nodes act on $A; Dispatch's A is stopped by now
  for port in $4 $5; do SECONDS_PER_RUN=$((WARMUP / 3)) cached "$port" > /dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    nginx_for "$4"; one_node
    cone+=("$(measure "one_$1" cached "$3")")
    nginx_for "$4" "$5"; two_nodes "$3"
    ctwo+=("$(measure "two_$1" cached "$3")")
    echo "round $round: $1 one ${cone[-1]} two ${ctwo[-1]} req/s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
}
echo "Controls: nginx serving a file of $PAGE_BYTES bytes, then a bare Tomcat answering the same ..."
S1=$(static_server $PORT_A); S2=$(static_server $PORT_B)
control_ready $PORT_A; control_ready $PORT_B
ONE_S=(); TWO_S=()
control_rounds static "$S1" "$S2" $PORT_A $PORT_B ONE_S TWO_S
stop_static $PORT_A; stop_static $PORT_B
T1=$(bare_tomcat $PORT_A); PIDS+=("$T1"); T2=$(bare_tomcat $PORT_B); PIDS+=("$T2")
control_ready $PORT_A; control_ready $PORT_B
ONE_T=(); TWO_T=()
control_rounds tomcat "$T1" "$T2" $PORT_A $PORT_B ONE_T TWO_T
stop_node "$T1"; stop_node "$T2"

ONE_CACHED=$(sum "${ONE_C[@]}"); TWO_CACHED=$(sum "${TWO_C[@]}"); ONE_UNCACHED=$(sum "${ONE_U[@]}"); TWO_UNCACHED=$(sum "${TWO_U[@]}")
mean() { echo "scale=0; $1 / $ROUNDS" | bc; }
ratio() { echo "scale=2; $1 / $2" | bc; }
# The unconnected pair's columns: "-" without node C.
ctl_columns() { # total-req/s-of-C-rounds one-total key -> "| req/s | ratio |" or "| ms | |"
  if [ -z "$CONTROL_URL" ]; then echo "| - | - |"
  elif [ "$3" = rps ]; then echo "| $(mean "$1") | $(ratio "$1" "$2")x |"
  else echo "| $(cpu_per_request "$3" "$1") | |"; fi
}
CTL_CACHED=$(sum "${CTL_C[@]:-0}"); CTL_UNCACHED=$(sum "${CTL_U[@]:-0}")
echo
echo "| | one node | two nodes (A + B) | two / one | A + unconnected C | unconnected / one |"
echo "|---|---|---|---|---|---|"
echo "| cached article page, req/s (mean of $ROUNDS rounds of ${DURATION}s) | $(mean "$ONE_CACHED") | $(mean "$TWO_CACHED") | $(ratio "$TWO_CACHED" "$ONE_CACHED")x $(ctl_columns "$CTL_CACHED" "$ONE_CACHED" rps)"
echo "| uncached article page, req/s (mean of $ROUNDS rounds of ${DURATION}s) | $(mean "$ONE_UNCACHED") | $(mean "$TWO_UNCACHED") | $(ratio "$TWO_UNCACHED" "$ONE_UNCACHED")x $(ctl_columns "$CTL_UNCACHED" "$ONE_UNCACHED" rps)"
echo "| cached article page, nodes' CPU per request, ms | $(cpu_per_request one_c "$ONE_CACHED") | $(cpu_per_request two_c "$TWO_CACHED") | $(ctl_columns "$CTL_CACHED" "" ctl_c)"
echo "| uncached article page, nodes' CPU per request, ms | $(cpu_per_request one_u "$ONE_UNCACHED") | $(cpu_per_request two_u "$TWO_UNCACHED") | $(ctl_columns "$CTL_UNCACHED" "" ctl_u)"
echo "| control: nginx serving a $PAGE_BYTES-byte file, req/s | $(mean "$(sum "${ONE_S[@]}")") | $(mean "$(sum "${TWO_S[@]}")") | $(ratio "$(sum "${TWO_S[@]}")" "$(sum "${ONE_S[@]}")")x | | |"
echo "| control: bare Tomcat answering $PAGE_BYTES bytes, req/s | $(mean "$(sum "${ONE_T[@]}")") | $(mean "$(sum "${TWO_T[@]}")") | $(ratio "$(sum "${TWO_T[@]}")" "$(sum "${ONE_T[@]}")")x | | |"
echo "| control: bare Tomcat, CPU per request, ms | $(cpu_per_request one_tomcat "$(sum "${ONE_T[@]}")") | $(cpu_per_request two_tomcat "$(sum "${TWO_T[@]}")") | | | |"
echo "| newsletter of $SUBSCRIBERS, publish to sent, s (messages the sink counted) | $ONE_SEND ($ONE_SENT) | $TWO_SEND ($TWO_SENT) | $(ratio "$ONE_SEND" "$TWO_SEND")x speed | | |"
echo "| newsletter of $SUBSCRIBERS, CPU seconds of the nodes | $ONE_CPU | $TWO_CPU | $(ratio "$TWO_CPU" "$ONE_CPU")x | | |"
tail -1 "$WORK/purges.txt"
echo "cores: $CPUS; PIN=$PIN (two nodes each on half of them: $([ "$PIN" = 1 ] && [ "$CPUS" -ge 2 ] && echo yes || echo no))"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); node logs in $WORK"
grep -c -i ' ERROR ' "$WORK"/a.log "$WORK"/b.log ${C:+"$WORK"/c.log} || true
