#!/usr/bin/env bash
# Benchmarks of issue 3, each a ratio app / raw PostgreSQL measured in one run on this machine:
#  1. POST /onboarding-goals/complete: throughput at saturation vs pgbench running the same statements, and the
#     latency percentiles at a fixed 1,000 requests/s;
#  2. goal timeout sweep: 1,000,000 active goals of which 100,000 are due, time until the sweeper has timed them
#     all out, vs one raw UPDATE ... RETURNING.
# Needs: the build (./mvnw install -DskipTests), psql and pgbench (Debian: postgresql-client).
# Usage: src/bench/run.sh [seconds-per-load-run] [all|complete|sweep]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
PART=${2:-all}
. src/bench/common.sh

launcher start
GOAL=bench-complete
api POST /api/v1/onboarding-goals "{\"code\":\"$GOAL\",\"name\":\"Bench complete\",\"type\":\"simple\"}" >/dev/null
if [ "$PART" = all ] || [ "$PART" = complete ]; then
USERS=20000
FIRST=$($PSQL -c "with ins as (insert into users (uuid, email, created_at) select gen_random_uuid(), 'bench-' || g || '-' || extract(epoch from now())::bigint || '@bench.local', now() from generate_series(1, $USERS) g returning id) select min(id) from ins")
$PSQL -c "vacuum analyze"

echo "== complete: warm-up (30 s rounds, at least 5, until the throughput stops rising by 5 %; the JIT needs minutes on 2 cores)"
prev=0
for round in 1 2 3 4 5 6 7 8 9 10; do
  rps=$(java src/bench/ApiLoad.java complete $BASE $TOKEN $GOAL $FIRST $USERS closed 16 30 | sed -E 's/.*throughput_rps=([0-9]+).*/\1/')
  echo "warm-up round $round: $rps req/s"
  if [ "$round" -ge 5 ] && [ $((rps * 100)) -lt $((prev * 105)) ]; then break; fi
  prev=$rps
done
GOAL_ID=$($PSQL -c "select id from onboarding_goals where code = '$GOAL'")
sed -e "s/@GOAL_ID@/$GOAL_ID/" -e "s/@FIRST_USER@/$FIRST/g" -e "s/@USERS@/$USERS/g" \
  src/bench/complete.pgbench.sql.template > $WORK/complete.pgbench.sql
echo "== complete: app (16 closed-loop connections) and raw PostgreSQL (pgbench, same statements, 16 clients),"
echo "   alternated three times so that a drift of the machine's speed hits both sides; the median ratio counts"
RATIOS=()
for pair in 1 2 3; do
  APP=$(java src/bench/ApiLoad.java complete $BASE $TOKEN $GOAL $FIRST $USERS closed 16 $SECONDS_PER_RUN)
  RAW=$(pgbench -h 127.0.0.1 -p $DB -U waymark -n -c 16 -j 2 -T $SECONDS_PER_RUN -f $WORK/complete.pgbench.sql waymark 2>&1 | grep -E "^tps" | sed -E 's/tps = ([0-9.]+).*/\1/')
  app_rps=$(echo "$APP" | sed -E 's/.*throughput_rps=([0-9]+).*/\1/')
  ratio=$(awk -v a="$app_rps" -v r="$RAW" 'BEGIN { printf "%.2f", a / r }')
  RATIOS+=("$ratio")
  echo "pair $pair: app $APP"
  echo "pair $pair: raw tps=$RAW  -> ratio $ratio"
done
echo "median ratio: $(printf '%s\n' "${RATIOS[@]}" | sort -n | sed -n 2p)"
# the closed-loop runs wrote ~300,000 goal rows: vacuum now, so that autovacuum does not land in the latency runs
# (it did twice in session 10: p99 157 and 391 ms for the app, 14 ms for raw, both in the window of its run)
$PSQL -c "vacuum analyze user_onboarding_goals"
echo "== complete: app at an offered 1,000 req/s (open loop, latency from the scheduled start)"
cpu_during java src/bench/ApiLoad.java complete $BASE $TOKEN $GOAL $FIRST $USERS open 1000 $SECONDS_PER_RUN
echo "== complete: raw PostgreSQL at a fixed 1,000 tx/s (pgbench --rate; latency from the scheduled start = time + lag)"
rm -f $WORK/pgbench_log.*
cpu_during bash -c "cd $WORK && pgbench -h 127.0.0.1 -p $DB -U waymark -n -c 16 -j 2 -T $SECONDS_PER_RUN --rate 1000 -l \
  -f complete.pgbench.sql waymark >/dev/null 2>&1"
cat $WORK/pgbench_log.* | awk '{ print ($3 + $7) / 1000 }' | sort -n | awk '{ v[NR] = $1 } END {
  printf "raw rate=1000 tx=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", NR, v[int(NR*0.50)], v[int(NR*0.95)], v[int(NR*0.99)], v[NR] }'
fi

if [ "$PART" = all ] || [ "$PART" = sweep ]; then
echo "== timeout sweep: seeding 1,000,000 active goals (100,000 due)"
# every run measures on the same table size: the rows of earlier runs go first
$PSQL <<SQL
delete from user_onboarding_goals where onboarding_goal_id in (select id from onboarding_goals where code like 'sweep-%');
vacuum full user_onboarding_goals;
insert into users (uuid, email, created_at) select gen_random_uuid(), 'sweep-' || g || '-' || extract(epoch from now())::bigint || '@bench.local', now() from generate_series(1, 10000) g;
insert into onboarding_goals (code, name, type, created_at, updated_at)
  select 'sweep-' || extract(epoch from now())::bigint || '-' || g, 'Sweep ' || g, 'simple', now(), now() from generate_series(1, 100) g;
create temporary table sweep_users as select id from users where email like 'sweep-%' order by id desc limit 10000;
create temporary table sweep_goals as select id from onboarding_goals where code like 'sweep-%' order by id desc limit 100;
insert into user_onboarding_goals (user_id, onboarding_goal_id, created_at, updated_at, expires_at)
  select u.id, g.id, now(), now(), now() + interval '1 day' from sweep_users u cross join sweep_goals g;
vacuum analyze user_onboarding_goals;
SQL
due_sql="update user_onboarding_goals set expires_at = now() - interval '1 minute' where id in (select id from user_onboarding_goals where completed_at is null and timedout_at is null and expires_at > now() order by id limit 100000)"
echo "-- app: the running server's sweeper (period PT1S, default batches of 5,000, an event per row)"
$PSQL -c "$due_sql"
t0=$(date +%s%N)
# exists, not count(*): the poll stops at the first due row, so it takes next to nothing from the sweeper's CPU
while [ "$($PSQL -c "select exists (select 1 from user_onboarding_goals where expires_at <= now() and completed_at is null and timedout_at is null)")" != "f" ]; do sleep 0.1; done
t1=$(date +%s%N)
APP_SWEEP_MS=$(( (t1 - t0) / 1000000 ))
# the first batch's claim stamps its rows' updated_at: from there on the sweeper works, before it the timer waits
FIRST_CLAIM_MS=$($PSQL -c "select (extract(epoch from min(updated_at)) * 1000)::bigint from user_onboarding_goals where timedout_at is not null and updated_at >= to_timestamp($t0 / 1e9)")
APP_WORK_MS=$(( t1 / 1000000 - FIRST_CLAIM_MS ))
echo "app_sweep_ms=$APP_SWEEP_MS (from the commit that made the rows due; includes up to one sweep period)"
echo "app_work_ms=$APP_WORK_MS (from the sweeper's first claim to the last row seen timed out: the ratio's figure)"
echo "-- raw: one UPDATE ... RETURNING of another 100,000 due rows, with the server stopped (so no sweeper takes them)"
launcher stop >/dev/null
launcher db-start >/dev/null
$PSQL -c "$due_sql"
RAW_SWEEP_MS=$(psql -X -q -h 127.0.0.1 -p $DB -U waymark waymark <<SQL 2>&1 | grep -E "^Time:" | tail -1 | sed -E 's/Time: ([0-9.]+) ms.*/\1/'
\\timing on
\\o /dev/null
update user_onboarding_goals set timedout_at = expires_at, updated_at = now() where expires_at <= now() and completed_at is null and timedout_at is null returning id, user_id, onboarding_goal_id, created_at, updated_at, completed_at, timedout_at, expires_at;
\\o
SQL
)
echo "raw_sweep_ms=$RAW_SWEEP_MS"
# leave the table as it was: a million rows more would slow every later benchmark's statements and autovacuum
$PSQL -c "delete from user_onboarding_goals where onboarding_goal_id in (select id from onboarding_goals where code like 'sweep-%')" >/dev/null
$PSQL -c "vacuum analyze user_onboarding_goals" >/dev/null
awk -v r="$RAW_SWEEP_MS" -v a="$APP_WORK_MS" 'BEGIN { printf "sweep ratio (raw / app work): %.2f\n", r / a }'
launcher db-stop >/dev/null
fi
