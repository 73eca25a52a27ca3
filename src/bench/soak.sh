#!/usr/bin/env bash
# Long runs that CI does not gate on (CI stays under 30 minutes; these take as long as they are told).
#
#   soak [minutes] [req/s]   one server under a steady open-loop load of goal completions (default 60 min at
#                            300 req/s), reported minute by minute: requests, errors, p50/p99. At the end: the
#                            server is still ready, the number of SEVERE lines in its log, its heap after a full GC
#                            at the start and at the end (a steady rise is a leak), and its thread count.
#
# Two servers on one database and a cluster run are the next entries here: they come with the broadcast between
# servers (issue 15), which is what they would check. Needs the build (./mvnw install -DskipTests), psql
# (postgresql-client) and a JDK's jcmd. The server runs on the benchmark ports (18080 / 18432, data in
# src/bench/.work/) and is stopped at the end.
#
# Usage: src/bench/soak.sh soak [minutes] [req/s]
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-soak}
[ "$MODE" = soak ] || { echo "usage: src/bench/soak.sh soak [minutes] [req/s]" >&2; exit 2; }
MINUTES=${2:-60}
RATE=${3:-300}
. src/bench/common.sh

server_pid() { pgrep -f "glassfish.jar.*$WORK" | head -1; }
heap_after_gc() {
  local pid; pid=$(server_pid)
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i + 1); exit } }'
}

launcher start
GOAL=soak-complete
api POST /api/v1/onboarding-goals "{\"code\":\"$GOAL\",\"name\":\"Soak complete\",\"type\":\"simple\"}" >/dev/null
USERS=20000
FIRST=$($PSQL -c "with ins as (insert into users (uuid, email, created_at) select gen_random_uuid(), 'soak-' || g || '-' || extract(epoch from now())::bigint || '@bench.local', now() from generate_series(1, $USERS) g returning id) select min(id) from ins")
java src/bench/ApiLoad.java complete $BASE $TOKEN $GOAL $FIRST $USERS closed 8 30 >/dev/null # warm-up
HEAP_START=$(heap_after_gc)
echo "== soak: $MINUTES minute(s) at an offered $RATE req/s (open loop); heap after GC at the start: $HEAP_START"
FAILED=0
for minute in $(seq 1 "$MINUTES"); do
  line=$(java src/bench/ApiLoad.java complete $BASE $TOKEN $GOAL $FIRST $USERS open "$RATE" 60 | head -1)
  echo "minute $minute: $line"
  errors=$(echo "$line" | sed -E 's/.*errors=([0-9]+).*/\1/')
  [ "$errors" = 0 ] || FAILED=1
done
READY=$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)
SEVERE=$(grep -c SEVERE $WORK/payara6/glassfish/domains/*/logs/server.log 2>/dev/null || true)
echo "== soak: end. ready=$READY severe_log_lines=${SEVERE:-0} heap_after_gc: start $HEAP_START, end $(heap_after_gc)," \
  "threads $(ps -o nlwp= -p "$(server_pid)" | tr -d ' ')"
[ "$READY" = 200 ] && [ "$FAILED" = 0 ]
