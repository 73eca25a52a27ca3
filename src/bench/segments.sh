#!/usr/bin/env bash
# Benchmarks of issue 4, measured in one run on this machine with 1,000,000 users:
#  1. count of a goal segment (POST /api/v1/segments/{code}/recount) vs the same SQL in psql (target <= 1.2 x);
#  2. GET /api/v1/user-segments/check latency (target p99 <= 2 ms): one client back to back (the target's figure),
#     and an open loop at 200 requests/s, each beside a static file measured the same way (the machine's floor);
#  3. time from a complete answering 200 to the goal's campaign banner no longer being returned (target <= 100 ms).
# Needs: the build (./mvnw install -DskipTests -DskipITs), psql (Debian: postgresql-client), python3.
# Usage: src/bench/segments.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
USERS=1000000

launcher start
GOAL=bench-seg
SEGMENT=onboarding_$GOAL
api POST /api/v1/onboarding-goals "{\"code\":\"$GOAL\",\"name\":\"Bench segment\",\"type\":\"simple\"}" >/dev/null
GOAL_ID=$($PSQL -c "select id from onboarding_goals where code = '$GOAL'")
if [ "$($PSQL -c "select count(*) from users where email like 'seg-%@bench.local'")" -lt $USERS ]; then
  echo "== seeding $USERS users (10 % inactive), half of them with the goal active"
  $PSQL -c "insert into users (uuid, email, active, created_at) select gen_random_uuid(), 'seg-' || g || '@bench.local', g % 10 <> 0, now() from generate_series(1, $USERS) g"
fi
FIRST=$($PSQL -c "select min(id) from users where email like 'seg-%@bench.local'")
$PSQL -c "insert into user_onboarding_goals (user_id, onboarding_goal_id, created_at, updated_at)
          select id, $GOAL_ID, now(), now() from users where email like 'seg-%@bench.local' and id % 2 = 0
          on conflict do nothing"
$PSQL -c "vacuum analyze"

echo "== 1. goal segment count: app (recount through the API) vs the same SQL in psql, one unmeasured run of each to"
echo "   warm the caches, then 5 runs of each alternated (so a drift of the machine's speed hits both sides), medians"
median() { sort -n | sed -n 3p; }
app_once() {
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$BASE/api/v1/segments/$SEGMENT/recount" -H "Authorization: Bearer $TOKEN" \
    | awk '{ printf "%.1f\n", $1 * 1000 }'
}
# the statement SegmentSql runs for this segment (CriteriaCompiler's output for the goal segment's tree)
raw_once() {
  psql -X -q -h 127.0.0.1 -p $DB -U waymark waymark <<SQL 2>&1 | grep -E "^Time:" | sed -E 's/Time: ([0-9.]+) ms.*/\1/'
prepare seg(boolean, text) as select count(*) from (select u.id from users u where ((u.active = \$1) and (exists (select 1
  from user_onboarding_goals ug join onboarding_goals g on g.id = ug.onboarding_goal_id where ug.user_id = u.id
  and g.code = \$2 and ug.completed_at is null and ug.timedout_at is null)))) s;
\\timing on
\\o /dev/null
execute seg(true, '$GOAL');
SQL
}
app_once >/dev/null
raw_once >/dev/null
: > $WORK/count-app.txt
: > $WORK/count-raw.txt
for i in 1 2 3 4 5; do
  app_once >> $WORK/count-app.txt
  raw_once >> $WORK/count-raw.txt
done
APP_MS=$(median < $WORK/count-app.txt)
RAW_MS=$(median < $WORK/count-raw.txt)
COUNT=$(api GET "/api/v1/segments/$SEGMENT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["segment"]["count"])')
echo "app runs (ms): $(tr '\n' ' ' < $WORK/count-app.txt)"
echo "raw runs (ms): $(tr '\n' ' ' < $WORK/count-raw.txt)"
echo "count=$COUNT app_ms=$APP_MS raw_ms=$RAW_MS ratio=$(awk -v a="$APP_MS" -v r="$RAW_MS" 'BEGIN { printf "%.2f", a / r }') (target <= 1.2)"

echo "== 2. check: warm-up 90 s, then an offered 200 req/s for 30 s over members and non-members, then one client"
echo "   sending the next check when the previous answered (30 s); after each, a static file of the console's WAR"
echo "   the same way: the floor of any HTTP request on this machine in that mode"
java src/bench/ApiLoad.java check $BASE $TOKEN $SEGMENT $FIRST $USERS closed 8 90 >/dev/null
cpu_during java src/bench/ApiLoad.java check $BASE $TOKEN $SEGMENT $FIRST $USERS open 200 30
cpu_during java src/bench/ApiLoad.java static $BASE $TOKEN /resources/waymark/admin.css 0 1 open 200 30
cpu_during java src/bench/ApiLoad.java check $BASE $TOKEN $SEGMENT $FIRST $USERS closed 1 30
cpu_during java src/bench/ApiLoad.java static $BASE $TOKEN /resources/waymark/admin.css 0 1 closed 1 30

echo "== 3. complete -> banner gone, 200 users after 20 for warm-up (a campaign on the goal segment, no display cap)"
CAMPAIGN=$(api POST /api/v1/campaigns "{\"name\":\"Bench banner\",\"status\":\"active\",\"include_segments\":[\"$SEGMENT\"],
  \"exclude_segments\":[],\"banners\":[{\"name\":\"finish\",\"position\":\"top\",\"text\":\"Finish your onboarding\",
  \"html\":\"<b>Finish</b>\",\"colors\":{\"background\":\"#000000\",\"text\":\"#ffffff\"}}]}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["campaign"]["id"])')
# active users without any row of the goal, so the assign creates the active row
$PSQL -c "select id from users u where email like 'seg-%@bench.local' and active
          and not exists (select 1 from user_onboarding_goals g where g.user_id = u.id and g.onboarding_goal_id = $GOAL_ID)
          order by id limit 220" > $WORK/banner-users.txt
java src/bench/ApiLoad.java banner-gone $BASE $TOKEN $GOAL $CAMPAIGN $WORK/banner-users.txt
