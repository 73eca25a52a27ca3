#!/usr/bin/env bash
# Issue 18 item 5: the scenario journey, measured in one run on this machine. USERS users go through
#   goal (assigned on entry, re-check 10 h) → positive: wait 1 minute → email (a mail row per user, transport `store`)
# as a goal_completed trigger would start them (jobs inserted by SQL, due now, then the scenario is enabled), while
# CLIENTS API clients complete every user's goal. Reported:
#  1. element visits/s over the whole journey: 5 visits per user (the goal entered, the goal woken positive, the wait
#     entered, the wait over, the email sent), from enabling until the last mail row; checked: one mail row per user;
#  2. complete → descendant latency during that run: for SAMPLES of the completions, from the 200 to the wait job's
#     creation (p50 / p99);
#  3. raw PostgreSQL doing the same inserts and updates per user (pgbench, one transaction per element visit, the
#     same number of connections as the server's consumers are busy with), visits/s and the ratio.
# Needs: the build (./mvnw install -DskipTests), psql and pgbench (Debian: postgresql-client), python3.
# Usage: src/bench/journey.sh        (USERS=… CLIENTS=… SAMPLES=… BATCH=…; BENCH_OPTS=-Dwaymark.scenarios.run-batch=1 …)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
USERS=${USERS:-100000}
CLIENTS=${CLIENTS:-8}
SAMPLES=${SAMPLES:-500}
RAW_CLIENTS=${RAW_CLIENTS:-8}
# users completed per request: 1 = POST /onboarding-goals/complete, more = POST /onboarding-goals/complete-batch
BATCH=${BATCH:-1}

launcher start
RUN=$(date +%s)
GOAL=bench-j-$RUN
TEMPLATE=bench-j-$RUN
api POST /api/v1/onboarding-goals "{\"code\":\"$GOAL\",\"name\":\"Bench journey goal\",\"type\":\"simple\"}" >/dev/null
api POST /api/v1/email-templates "{\"code\":\"$TEMPLATE\",\"name\":\"Bench\",\"subject\":\"Hello {{ user.email }}\",\"html_body\":\"<p>Hello</p>\",\"text_body\":\"Hello\"}" >/dev/null
seed_bench_users $USERS
# earlier runs' rows go, so every run measures on tables of the same size
$PSQL -c "delete from scenario_jobs where scenario_id in (select id from scenarios where name like 'bench journey %');
          delete from outbox_items where channel = 'mail' and payload->>'template_code' like 'bench-j-%';
          delete from user_onboarding_goals where onboarding_goal_id in (select id from onboarding_goals where code like 'bench-j-%')"

echo "== a disabled scenario: goal ($GOAL) → positive: wait 1 min → email ($TEMPLATE)"
SCENARIO=$(bench_scenario "bench journey $RUN")
GOAL_ELEMENT=$(bench_element $SCENARIO goal goal "{\"codes\":[\"$GOAL\"],\"recheckPeriodMinutes\":600}")
WAIT=$(bench_element $SCENARIO wait wait '{"minutes":1}')
EMAIL=$(bench_element $SCENARIO email email "{\"template_code\":\"$TEMPLATE\"}")
$PSQL -c "insert into scenario_element_edges (parent_id, child_id, direction) values ($GOAL_ELEMENT, $WAIT, 'positive'), ($WAIT, $EMAIL, 'positive')"
bench_jobs $SCENARIO $GOAL_ELEMENT $USERS
$PSQL -c "vacuum analyze scenario_jobs"
$PSQL -c "select user_id from scenario_jobs where element_id = $GOAL_ELEMENT order by user_id" > $WORK/j-users.txt

echo "== 1. the journey: enable; $CLIENTS clients complete each user's goal once the user waits in the goal element ($BATCH per request)"
START=$(date +%s.%N)
$PSQL -c "update scenarios set enabled = true, updated_at = clock_timestamp() where id = $SCENARIO"
journey() {
  java src/bench/ApiLoad.java journey "$BASE" "$TOKEN" "$GOAL" $WORK/j-users.txt $WORK/j-answered.csv "$CLIENTS" "$SAMPLES" "$BATCH" \
    $PSQL -c "select user_id from scenario_jobs where scenario_id = $SCENARIO and state in ('created', 'scheduled', 'waiting')
              and state = 'waiting' and element_id = $GOAL_ELEMENT"
}
cpu_during journey
# (both polls read indexes: pending jobs by scenario, finished ones by element, not the whole table)
while [ "$($PSQL -c "select count(*) from scenario_jobs where element_id = $EMAIL and finished_at is not null and state = 'finished'")" -lt "$USERS" ]; do
  sleep 0.5
done
END=$(date +%s.%N)
MAILS=$($PSQL -c "select count(*) || ' rows, ' || count(distinct payload->>'user_id') || ' users' from outbox_items where channel = 'mail' and payload->>'template_code' = '$TEMPLATE'")
APP=$(python3 -c "print(5 * $USERS / ($END - $START))")
python3 -c "s=$END-$START; print(f'{5 * $USERS} visits of {$USERS} users in {s:.1f} s = {5 * $USERS / s:.0f} visits/s; mail: $MAILS')"

echo "== 2. complete → descendant during the run"
$PSQL -F, -c "select user_id, extract(epoch from created_at) from scenario_jobs where element_id = $WAIT" > $WORK/j-created.csv
python3 - $WORK/j-answered.csv $WORK/j-created.csv <<'PY'
import sys
answered = dict(l.strip().split(",") for l in open(sys.argv[1]) if l.strip())
created = dict(l.strip().split(",") for l in open(sys.argv[2]) if l.strip())
delays = sorted((float(created[u]) - float(t)) * 1000 for u, t in answered.items() if u in created)
if not delays:
    sys.exit("no descendant job was created")
p = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
print(f"{len(delays)} samples: p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {delays[-1]:.1f} ms"
      " (negative: the descendant was created before the client had read the answer)")
PY

echo "== 3. raw PostgreSQL: the same inserts and updates, one transaction per visit, $RAW_CLIENTS connections"
RAW_SCENARIO=$(bench_scenario "bench journey raw $RUN")
GOAL_ID=$($PSQL -c "select id from onboarding_goals where code = '$GOAL'")
bench_jobs $RAW_SCENARIO $GOAL_ELEMENT $USERS
$PSQL -c "drop sequence if exists bench_journey; create sequence bench_journey;
          drop table if exists bench_journey_users; create table bench_journey_users as
          select row_number() over (order by id) as n, id as job_id, user_id from scenario_jobs where scenario_id = $RAW_SCENARIO;
          create unique index on bench_journey_users (n)"
sed -e "s/:scenario/$RAW_SCENARIO/g" -e "s/:goal_element/$GOAL_ELEMENT/g" -e "s/:wait_element/$WAIT/g" \
    -e "s/:email_element/$EMAIL/g" -e "s/:goal_id/$GOAL_ID/g" -e "s/:template/$TEMPLATE-raw/g" \
    src/bench/journey.pgbench.sql.template > $WORK/journey.pgbench.sql
PER_CLIENT=$(( USERS / RAW_CLIENTS ))
RAW_START=$(date +%s.%N)
pgbench -n -h 127.0.0.1 -p $DB -U waymark -c $RAW_CLIENTS -j 2 -t $PER_CLIENT -f $WORK/journey.pgbench.sql waymark > $WORK/journey-pgbench.txt
RAW_END=$(date +%s.%N)
RAW_USERS=$(( PER_CLIENT * RAW_CLIENTS ))
RAW=$(python3 -c "print(5 * $RAW_USERS / ($RAW_END - $RAW_START))")
python3 -c "print(f'raw: {5 * $RAW_USERS} visits in {$RAW_END - $RAW_START:.1f} s = {$RAW:.0f} visits/s; app / raw = {$APP / $RAW:.2f}')"
$PSQL -c "delete from scenario_jobs where scenario_id = $RAW_SCENARIO; delete from outbox_items where channel = 'mail' and payload->>'template_code' = '$TEMPLATE-raw';
          drop table bench_journey_users"
