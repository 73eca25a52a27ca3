# Shared by the benchmark scripts: a quick-start server on its own ports and data directory.
WORK=src/bench/.work
HTTP=18080
DB=18432
TOKEN=bench-$(date +%s)
BASE=http://127.0.0.1:$HTTP
PSQL="psql -X -q -t -A -h 127.0.0.1 -p $DB -U waymark waymark"
launcher() { java -Dwaymark.data-dir=$WORK -Dwaymark.http.port=$HTTP -Dwaymark.db.embedded-port=$DB \
  -Dwaymark.bootstrap.api-token=$TOKEN -Dwaymark.goals.sweep-period=PT1S ${SWEEP_BATCH:+-Dwaymark.goals.sweep-batch=$SWEEP_BATCH} \
  ${BENCH_OPTS:-} -jar server-config/target/waymark-launcher.jar "$@"; local rc=$?
  # the embedded database's logins have generated passwords, kept 0600 in the data directory: psql and pgbench
  # read the application's from PGPASSWORD
  [ -f $WORK/db-waymark.password ] && export PGPASSWORD=$(cat $WORK/db-waymark.password)
  return $rc; }
api() { curl -s -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" ${3:+-d "$3"}; }
trap 'launcher stop >/dev/null 2>&1 || true' EXIT
command -v pgbench >/dev/null || { echo "pgbench/psql missing: apt-get install -y postgresql-client" >&2; exit 1; }
# Runs a command and then prints the CPU split of the machine during it (vmstat): this is a VM, and the hypervisor's
# steal time (CPU our vCPUs wanted but did not get) decides latency tails as much as our code does.
cpu_during() {
  vmstat 1 > $WORK/vmstat.txt & local vm=$!
  "$@"
  kill $vm 2>/dev/null; wait $vm 2>/dev/null || true
  awk 'NR > 3 { us += $13; sy += $14; id += $15; st += $17; n++ } END { if (n) printf "  cpu during the run: user %.0f%%, system %.0f%%, idle %.0f%%, steal %.0f%%\n", us / n, sy / n, id / n, st / n }' $WORK/vmstat.txt
}
# Seeds N users sc-1 … sc-N@bench.local once (the scenario benchmarks share them).
seed_bench_users() {
  if [ "$($PSQL -c "select count(*) from users where email like 'sc-%@bench.local'")" -lt "$1" ]; then
    echo "== seeding $1 users"
    $PSQL -c "insert into users (uuid, email, active, created_at) select gen_random_uuid(), 'sc-' || g || '@bench.local', true, now()
              from generate_series(1, $1) g on conflict do nothing"
  fi
}
# A disabled scenario named $1; prints its id.
bench_scenario() {
  $PSQL -c "insert into scenarios (name, enabled, created_at, updated_at) values ('$1', false, now(), now()) returning id" | head -1
}
# An element of scenario $1: name $2, type $3, options $4 (JSON); prints its id.
bench_element() {
  $PSQL -c "insert into scenario_elements (scenario_id, uuid, name, type, options) values ($1, gen_random_uuid(), '$2', '$3', '$4') returning id" | head -1
}
# The jobs a trigger would have inserted in scenario $1 at element $2: one per seeded user (up to $3), created, due
# now, ids from the engine's sequence.
bench_jobs() {
  $PSQL -c "insert into scenario_jobs (id, scenario_id, element_id, user_id, state, due_at, context, created_at, updated_at)
            select nextval('scenario_jobs_seq'), $1, $2, id, 'created', now(), '{}', now(), now()
            from users where email like 'sc-%@bench.local' order by id limit $3"
}
