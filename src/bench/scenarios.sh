#!/usr/bin/env bash
# Benchmarks of issue 5 (scenario engine), measured in one run on this machine:
#  1. dispatcher throughput: 100,000 users enter a goal element at once (each run assigns the goal and leaves the
#     job waiting) — jobs/s from enabling the scenario until every job waits;
#  2. wake-up latency: with the 100,000 users waiting, time from POST /onboarding-goals/complete answering 200 to
#     the job's descendant (positive branch) being created — p50 / p99 over SAMPLES sequential completions.
# Needs: the build (./mvnw install -DskipTests -DskipITs), psql (Debian: postgresql-client), python3.
# Usage: src/bench/scenarios.sh        (USERS=… SAMPLES=… to change the sizes)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
USERS=${USERS:-100000}
SAMPLES=${SAMPLES:-500}

launcher start
RUN=$(date +%s)
GOAL=bench-sc-$RUN
api POST /api/v1/onboarding-goals "{\"code\":\"$GOAL\",\"name\":\"Bench scenario goal\",\"type\":\"simple\"}" >/dev/null
seed_bench_users $USERS

echo "== a disabled scenario: goal element ($GOAL, re-check 10 h) → positive: wait element"
SCENARIO=$(bench_scenario "bench $RUN")
GOAL_ELEMENT=$(bench_element $SCENARIO goal goal "{\"codes\":[\"$GOAL\"],\"recheckPeriodMinutes\":600}")
NEXT=$(bench_element $SCENARIO next wait '{"minutes":600}')
$PSQL -c "insert into scenario_element_edges (parent_id, child_id, direction) values ($GOAL_ELEMENT, $NEXT, 'positive')"
bench_jobs $SCENARIO $GOAL_ELEMENT $USERS
$PSQL -c "vacuum analyze scenario_jobs"

echo "== 1. dispatcher throughput: enable, wait until all $USERS jobs wait in the goal element"
START=$(date +%s.%N)
$PSQL -c "update scenarios set enabled = true, updated_at = clock_timestamp() where id = $SCENARIO"
while [ "$($PSQL -c "select count(*) from scenario_jobs where element_id = $GOAL_ELEMENT and state <> 'waiting'")" -gt 0 ]; do
  sleep 0.5
done
END=$(date +%s.%N)
python3 -c "s=$END-$START; print(f'{$USERS} jobs entered in {s:.1f} s = {$USERS/s:.0f} jobs/s')"

echo "== 2. wake-up latency: $SAMPLES completions, one at a time, each timed from its 200 to the descendant's job"
$PSQL -c "select user_id from scenario_jobs where element_id = $GOAL_ELEMENT order by random() limit $SAMPLES" > $WORK/sc-users.txt
python3 - "$BASE" "$TOKEN" "$GOAL" $WORK/sc-users.txt $WORK/sc-answered.csv <<'PY'
import json, sys, time, urllib.request
base, token, goal, users, out = sys.argv[1:]
with open(users) as f, open(out, "w") as o:
    for line in f:
        user = line.strip()
        if not user:
            continue
        req = urllib.request.Request(base + "/api/v1/onboarding-goals/complete", method="POST",
            data=json.dumps({"goal_code": goal, "user_id": int(user)}).encode(),
            headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        with urllib.request.urlopen(req) as r:
            assert r.status == 200
        o.write(f"{user},{time.time():.6f}\n")   # the moment the 200 was read
        time.sleep(0.02)                          # one at a time: latency, not throughput
PY
sleep 5
$PSQL -F, -c "select user_id, extract(epoch from created_at) from scenario_jobs where element_id = $NEXT" > $WORK/sc-created.csv
python3 - $WORK/sc-answered.csv $WORK/sc-created.csv <<'PY'
import sys
answered = dict(l.strip().split(",") for l in open(sys.argv[1]) if l.strip())
created = dict(l.strip().split(",") for l in open(sys.argv[2]) if l.strip())
delays = sorted((float(created[u]) - float(t)) * 1000 for u, t in answered.items() if u in created)
missing = len(answered) - len(delays)
if not delays:
    sys.exit("no descendant job was created")
p = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
print(f"{len(delays)} samples ({missing} without a descendant after 5 s): p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {delays[-1]:.1f} ms")
print("(negative values: the descendant was created before the client had read the answer)")
PY
