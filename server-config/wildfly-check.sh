#!/usr/bin/env bash
# WildFly deploy check (CI): proves that the EAR built for Payara deploys unchanged on WildFly (standalone-full +
# MicroProfile) against PostgreSQL, with the server set up only by server-config/src/main/resources/wildfly/configure.cli.
#
#   ./mvnw -q -B install -DskipTests -pl ejb,api,web,ear,server-config -am
#   server-config/wildfly-check.sh
#
# Starts the embedded PostgreSQL (launcher db-start), unpacks a fresh WildFly, configures it offline with the CLI
# script, starts it, deploys ear/target/waymark.ear, waits until it is deployed and ready, then checks: readiness
# (with the application's waymark-database and waymark-messaging checks), the API with and without a bearer token,
# a JMS round trip through the application's MDB, OpenAPI, metrics, that the application owns "/", and the admin
# console's form login when the EAR has the console (Jakarta Security on Elytron). Finally it
# stops everything it started. Exit 0 only if every step passed; on failure the relevant server log lines are
# printed and the work directory (server-config/target/wildfly-check/) is kept for inspection.
#
# Environment (all optional):
#   WILDFLY_PORT_OFFSET=12000   WildFly port offset: HTTP 20080, management 21990 (also 20443, 16712-16713, 15528-9)
#   WILDFLY_CHECK_DB_PORT=20432 PostgreSQL port
#   WILDFLY_CHECK_EAR=...       another EAR to check
#   WILDFLY_CHECK_BOOT_TIMEOUT=180, WILDFLY_CHECK_DEPLOY_TIMEOUT=300, WILDFLY_CHECK_READY_TIMEOUT=120 (seconds)
# The ports stay below Linux's ephemeral range (32768-60999): there, any process's outgoing connection can hold a
# port just when WildFly binds it (most likely why 38080 was once taken). They are clear of Payara's quick start
# (8080, 55432) and test ports (28080, 28432).

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/server-config/target/wildfly-check
DIST=$ROOT/server-config/target/dist
LAUNCHER=$ROOT/server-config/target/waymark-launcher.jar
EAR=${WILDFLY_CHECK_EAR:-$ROOT/ear/target/waymark.ear}
CLI_SCRIPT=$ROOT/server-config/src/main/resources/wildfly/configure.cli
WILDFLY_VERSION=${WILDFLY_VERSION:-$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' "$ROOT/pom.xml")}
OFFSET=${WILDFLY_PORT_OFFSET:-12000}
HTTP_PORT=$((8080 + OFFSET))
MGMT_PORT=$((9990 + OFFSET))
DB_PORT=${WILDFLY_CHECK_DB_PORT:-20432}
BOOT_TIMEOUT=${WILDFLY_CHECK_BOOT_TIMEOUT:-180}
DEPLOY_TIMEOUT=${WILDFLY_CHECK_DEPLOY_TIMEOUT:-300}
READY_TIMEOUT=${WILDFLY_CHECK_READY_TIMEOUT:-120}

JBOSS_HOME=$WORK/wildfly
DATA_DIR=$WORK/data
SERVER_LOG=$JBOSS_HOME/standalone/log/server.log
CONSOLE_LOG=$WORK/console.log
PGID_FILE=$WORK/wildfly.pgid    # process group of standalone.sh and its java (started with setsid)
JAVA_PID_FILE=$WORK/wildfly.pid # written by standalone.sh (JBOSS_PIDFILE)
STEP_PID_FILE=$WORK/step.pid    # the long-running step in progress, for a rerun after this script was killed
BODY=$WORK/response.json
CHILD=                          # the long-running step in progress (see step)
STARTED=$(date +%s)

# fds 3/4 keep the script's own stdout/stderr: a signal trap runs inside whatever step is redirected at that moment
exec 3>&1 4>&2
log() { printf '[wildfly-check %3ds] %s\n' $(( $(date +%s) - STARTED )) "$*" >&3; }

# --- processes: only ever those this script started ----------------------------------------------------------------

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# a process is ours if its command line names our work directory (guards against pids reused since an earlier run)
ours() { alive "${1:-}" && grep -qaF -- "$WORK" "/proc/$1/cmdline" 2>/dev/null; }

wildfly_processes() { # the members of WildFly's process group that are ours
  local pgid p
  pgid=$(cat "$PGID_FILE" 2>/dev/null || true)
  [ -n "$pgid" ] || return 0
  for p in $(pgrep -g "$pgid" 2>/dev/null || true); do
    if ours "$p"; then echo "$p"; fi
  done
}

# runs a long step in the background and waits, so that INT/TERM are handled at once (cleanup ends the step)
step() {
  "$@" &
  CHILD=$!
  if [ -d "$WORK" ]; then echo "$CHILD" >"$STEP_PID_FILE"; fi
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=
  rm -f "$STEP_PID_FILE"
  return "$rc"
}

stop_wildfly() {
  local java_pid i left
  java_pid=$(cat "$JAVA_PID_FILE" 2>/dev/null || true)
  if ours "$java_pid"; then
    log "stopping WildFly (pid $java_pid)"
    kill -TERM "$java_pid" 2>/dev/null || true # graceful shutdown
    for ((i = 0; i < 60; i++)); do alive "$java_pid" || break; sleep 0.5; done
  fi
  left=$(wildfly_processes)
  if [ -n "$left" ]; then
    log "WildFly processes still running ($(echo $left)): killing them"
    kill -KILL $left 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do [ -n "$(wildfly_processes)" ] || break; sleep 0.5; done
  fi
  left=$(wildfly_processes)
  if [ -n "$left" ]; then
    log "ERROR: WildFly processes $(echo $left) are still alive"
    return 1
  fi
  rm -f "$PGID_FILE" "$JAVA_PID_FILE"
}

# PostgreSQL's files: in the data directory, or where the launcher recorded them (as root, when 'nobody' cannot reach it)
pg_base() {
  if [ -f "$DATA_DIR/postgres.location" ]; then cat "$DATA_DIR/postgres.location"; else echo "$DATA_DIR"; fi
}

stop_database() {
  local pidfile
  pidfile=$(pg_base)/pgdata/postmaster.pid
  [ -f "$pidfile" ] || return 0
  log "stopping PostgreSQL"
  timeout 120 java -Dwaymark.data-dir="$DATA_DIR" -Dwaymark.db.embedded-port="$DB_PORT" -jar "$LAUNCHER" db-stop \
    >/dev/null 2>&1 || true
  if [ -f "$pidfile" ] && alive "$(head -1 "$pidfile")"; then
    log "ERROR: PostgreSQL (pid $(head -1 "$pidfile")) is still running"
    return 1
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  exec 1>&3 2>&4
  if alive "$CHILD"; then kill -TERM "$CHILD" 2>/dev/null || true; wait "$CHILD" 2>/dev/null || true; fi
  stop_wildfly || rc=1
  stop_database || rc=1
  if [ "$rc" -eq 0 ]; then
    log "PASSED: the EAR deploys and serves on WildFly $WILDFLY_VERSION"
  else
    log "FAILED (exit $rc); work directory kept: $WORK"
  fi
  exit "$rc"
}

# --- failure reporting -------------------------------------------------------------------------------------------

server_log_excerpt() {
  local f=$SERVER_LOG
  [ -s "$f" ] || f=$CONSOLE_LOG
  [ -s "$f" ] || return 0
  echo "----- $f: errors (first 60 lines) -----"
  grep -n -E ' (ERROR|FATAL) |WFLYCTL0013|WFLYCTL0186|WFLYCTL0184|WFLYCTL0448|WFLYSRV0026|^Caused by:' "$f" \
    | cut -c1-600 | head -60 || true
  echo "----- $f: last 30 lines -----"
  tail -n 30 "$f" | cut -c1-600
  echo "-----"
}

fail() {
  exec 1>&3 2>&4
  log "FAIL: $*"
  server_log_excerpt
  local pglog
  pglog=$(pg_base)/postgresql.log
  if [ -f "$pglog" ]; then
    echo "----- $pglog: last 10 lines -----"
    tail -n 10 "$pglog"
  fi
  exit 1
}

trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

# --- preconditions ---------------------------------------------------------------------------------------------------

for f in "$EAR" "$LAUNCHER" "$DIST/postgresql.jar" "$CLI_SCRIPT"; do
  [ -f "$f" ] || fail "$f is missing: build first (./mvnw -q -B install -DskipTests -pl ejb,api,web,ear,server-config -am)"
done
command -v curl >/dev/null || fail "curl is required"

# leftovers of an earlier run that was killed before its cleanup
stale_step=$(cat "$STEP_PID_FILE" 2>/dev/null || true)
if ours "$stale_step"; then kill -TERM "$stale_step" 2>/dev/null || true; fi
stop_wildfly || fail "cannot stop the WildFly of an earlier run"
stop_database || fail "cannot stop the PostgreSQL of an earlier run"

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$HTTP_PORT" "$MGMT_PORT" $((8443 + OFFSET)) $((4712 + OFFSET)) $((4713 + OFFSET)) $((3528 + OFFSET)) \
    $((3529 + OFFSET)) "$DB_PORT"; do
  if port_taken "$port"; then fail "port $port is already in use (set WILDFLY_PORT_OFFSET / WILDFLY_CHECK_DB_PORT)"; fi
done

# --- a fresh, configured WildFly ---------------------------------------------------------------------------------------

ZIP=$DIST/wildfly.zip
if [ ! -f "$ZIP" ]; then
  log "fetching org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip with Maven"
  (cd "$ROOT" && step timeout 900 ./mvnw -q -B dependency:copy -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" \
      -DoutputDirectory="$DIST" -Dmdep.stripVersion=true) || fail "cannot get the WildFly distribution"
  mv "$DIST/wildfly-dist.zip" "$ZIP"
fi

rm -rf "$WORK"
mkdir -p "$WORK/unpack" "$DATA_DIR"
log "unpacking WildFly $WILDFLY_VERSION into $JBOSS_HOME"
if command -v unzip >/dev/null; then
  step unzip -q "$ZIP" -d "$WORK/unpack"
else
  (cd "$WORK/unpack" && step jar xf "$ZIP")
fi
mv "$WORK/unpack/wildfly-$WILDFLY_VERSION" "$JBOSS_HOME"
rmdir "$WORK/unpack"
chmod +x "$JBOSS_HOME"/bin/*.sh

log "configuring WildFly offline with ${CLI_SCRIPT#"$ROOT"/}"
if ! step timeout 300 "$JBOSS_HOME/bin/jboss-cli.sh" --file="$CLI_SCRIPT" \
    -Dwaymark.postgresql.jar="$DIST/postgresql.jar" >"$WORK/configure.log" 2>&1 \
    || grep -q '"outcome" => "failed"' "$WORK/configure.log"; then
  grep -v ' INFO ' "$WORK/configure.log" | tail -40
  fail "the CLI configuration failed (full output: $WORK/configure.log)"
fi
# the embedded server wrote its own boot into server.log: the real server's log starts empty
mv "$SERVER_LOG" "$WORK/configure-server.log"

# --- PostgreSQL --------------------------------------------------------------------------------------------------------

log "starting PostgreSQL on 127.0.0.1:$DB_PORT"
step timeout 240 java -Dwaymark.data-dir="$DATA_DIR" -Dwaymark.db.embedded-port="$DB_PORT" -jar "$LAUNCHER" db-start \
  || fail "PostgreSQL did not start"

# --- WildFly -------------------------------------------------------------------------------------------------------------

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
API_TOKEN=wfcheck-$(random_hex 16)
ADMIN_EMAIL=admin@wildfly-check.example.com
ADMIN_PASSWORD=$(random_hex 12)

log "starting WildFly (standalone-full.xml, HTTP $HTTP_PORT, management $MGMT_PORT)"
(
  # the application's configuration, as on any server: WAYMARK_* environment variables (MicroProfile Config)
  export WAYMARK_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/waymark"
  export WAYMARK_DB_USER=waymark
  # the embedded PostgreSQL's logins have generated passwords, kept 0600 in the data directory
  export WAYMARK_DB_PASSWORD=$(cat "$DATA_DIR/db-waymark.password")
  export WAYMARK_SEGMENTS_SANDBOX_USER=waymark_segments
  export WAYMARK_SEGMENTS_SANDBOX_PASSWORD=$(cat "$DATA_DIR/db-waymark_segments.password")
  export WAYMARK_DATA_DIR=$DATA_DIR
  export WAYMARK_BOOTSTRAP_API_TOKEN=$API_TOKEN
  export WAYMARK_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL
  export WAYMARK_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD
  export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$JAVA_PID_FILE
  exec setsid "$JBOSS_HOME/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" </dev/null >"$CONSOLE_LOG" 2>&1
) &
echo $! >"$PGID_FILE" # setsid ran in place (a background child is no group leader): this pid is the group id

# booted = WFLYSRV0025 "started" (or WFLYSRV0026 "started (with errors)")
deadline=$(( $(date +%s) + BOOT_TIMEOUT ))
until grep -q -E 'WFLYSRV002[56]' "$SERVER_LOG" 2>/dev/null; do
  [ -n "$(wildfly_processes)" ] || fail "WildFly exited during boot (console: $CONSOLE_LOG)"
  [ "$(date +%s)" -lt "$deadline" ] || fail "WildFly did not boot within $BOOT_TIMEOUT s"
  sleep 1
done
if grep -q 'WFLYSRV0026' "$SERVER_LOG"; then fail "WildFly booted with errors"; fi
log "WildFly is up; deploying ${EAR#"$ROOT"/}"

cli() {
  step timeout "$DEPLOY_TIMEOUT" "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller="remote+http://127.0.0.1:$MGMT_PORT" "$@"
}
# local CLI connections authenticate silently (same user, same machine): no management user needed
if ! cli --command="deploy $EAR --name=waymark.ear" >"$WORK/deploy.log" 2>&1; then
  cut -c1-2000 "$WORK/deploy.log"
  fail "the deployment failed"
fi
status=$(cli --command="/deployment=waymark.ear:read-attribute(name=status)" 2>&1 \
  | sed -n 's/.*"result" => "\([A-Z]*\)".*/\1/p') || true
[ "$status" = "OK" ] || fail "deployment status is '${status:-unknown}', not OK"
log "deployed"

# --- checks ------------------------------------------------------------------------------------------------------------

BASE=http://127.0.0.1:$HTTP_PORT
MGMT=http://127.0.0.1:$MGMT_PORT

request() { # METHOD URL [curl args...]: prints the HTTP status; the body is in $BODY
  local method=$1 url=$2 code
  shift 2
  code=$(curl -sS -o "$BODY" -w '%{http_code}' --max-time 30 -X "$method" "$@" "$url") || true
  echo "${code:-000}"
}

expect() { # STATUS ACTUAL WHAT
  if [ "$2" != "$1" ]; then
    echo "response body:"; cut -c1-2000 "$BODY" 2>/dev/null; echo
    fail "$3: HTTP $2, expected $1"
  fi
  log "ok: $3 -> $2"
}

body_has() { # FIXED-STRING WHAT (whitespace-insensitive)
  tr -d ' \n\t\r' <"$BODY" | grep -qF -- "$1" || { echo "response body:"; cut -c1-2000 "$BODY"; echo; fail "$2"; }
}

# readiness: UP, with the application's own checks in it (they run only once the deployment is up)
deadline=$(( $(date +%s) + READY_TIMEOUT ))
while :; do
  code=$(request GET "$MGMT/health/ready")
  health=$(tr -d ' \n\t\r' <"$BODY" 2>/dev/null || true)
  if [ "$code" = 200 ] && grep -qF '"name":"waymark-database","status":"UP"' <<<"$health" \
      && grep -qF '"name":"waymark-messaging","status":"UP"' <<<"$health"; then
    break
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "last /health/ready (HTTP $code): $health"
    fail "/health/ready did not report UP with waymark-database and waymark-messaging within $READY_TIMEOUT s"
  fi
  sleep 1
done
log "ok: GET /health/ready (management port) -> $health"

expect 200 "$(request GET "$MGMT/health/live")" "GET /health/live (management port)"
body_has '"name":"waymark","status":"UP"' "the application's liveness check is missing"

# the application's error model (403 no_authorization), not a server page
expect 403 "$(request GET "$BASE/api/v1/api-resources")" "GET /api/v1/api-resources without a token"
body_has '"code":"no_authorization"' "unexpected body without a token"

AUTH="Authorization: Bearer $API_TOKEN"
expect 200 "$(request GET "$BASE/api/v1/api-resources" -H "$AUTH")" "GET /api/v1/api-resources with the bootstrap token"
body_has '"status":"ok","resources":[' "unexpected body of GET /api/v1/api-resources"

email="wf-$(random_hex 6)@example.com"
expect 201 "$(request POST "$BASE/api/v1/users" -H "$AUTH" -H 'Content-Type: application/json' \
  --data "{\"email\":\"$email\"}")" "POST /api/v1/users ($email)"
body_has "\"email\":\"$email\"" "the created user is not in the response"
user_id=$(tr -d ' \n\t\r' <"$BODY" | sed -n 's/.*"user":{"id":\([0-9]*\).*/\1/p')
[ -n "$user_id" ] || fail "no user id in $(cat "$BODY")"

# templates: a preview renders on the server's default managed executor; a 20,000,000 range is a named 422
template="wf-$(random_hex 4)"
expect 201 "$(request POST "$BASE/api/v1/email-templates" -H "$AUTH" -H 'Content-Type: application/json' \
  --data "{\"code\":\"$template\",\"name\":\"WildFly\",\"subject\":\"Hi {{ user.email }}\",\"html_body\":\"<p>{% for i in range(1, 3) %}{{ i }}{% endfor %}</p>\",\"text_body\":\"x\"}")" \
  "POST /api/v1/email-templates"
expect 200 "$(request POST "$BASE/api/v1/email-templates/$template/preview" -H "$AUTH" -H 'Content-Type: application/json' \
  --data "{\"user_id\":$user_id}")" "POST /api/v1/email-templates/$template/preview"
body_has '"html":"<p>123</p>"' "the preview did not render"
expect 422 "$(request POST "$BASE/api/v1/email-templates" -H "$AUTH" -H 'Content-Type: application/json' \
  --data '{"code":"wf-bomb","name":"Bomb","subject":"s","html_body":"{% for i in range(1, 20000000) %}x{% endfor %}","text_body":"x"}')" \
  "POST /api/v1/email-templates (a 20,000,000 range)"
body_has 'rangeover20,000,000itemsexceedsthelimitof10,000' "the 422 does not name the limit"

# raw-SQL segments run as the sandbox login on the application's own pool (the PostgreSQL driver from the EAR's lib/):
# a SELECT of ids is counted, a server function is a named 422 at save
segment="wf-sql-$(random_hex 4)"
expect 201 "$(request POST "$BASE/api/v1/segments" -H "$AUTH" -H 'Content-Type: application/json' \
  --data "{\"code\":\"$segment\",\"name\":\"WildFly\",\"sql\":\"select id from users where email = '$email'\"}")" \
  "POST /api/v1/segments (raw SQL)"
expect 200 "$(request POST "$BASE/api/v1/segments/$segment/recount" -H "$AUTH")" "POST /api/v1/segments/$segment/recount"
body_has '"count":1' "the raw-SQL segment was not counted by the sandbox"
expect 422 "$(request POST "$BASE/api/v1/segments" -H "$AUTH" -H 'Content-Type: application/json' \
  --data '{"code":"wf-sql-sleep","name":"Sleep","sql":"select id from users where pg_sleep(1) is null"}')" \
  "POST /api/v1/segments (raw SQL calling pg_sleep)"
body_has 'permissiondeniedforfunctionpg_sleep' "the 422 does not name the refused function"

# banner HTML is sanitised on save (jsoup from the EAR's lib/)
expect 201 "$(request POST "$BASE/api/v1/campaigns" -H "$AUTH" -H 'Content-Type: application/json' \
  --data '{"name":"WildFly","banners":[{"name":"b","position":"top","html":"<b>ok</b><script>alert(1)</script><img src=\"https://x.example/a.png\" onerror=\"alert(2)\">"}]}')" \
  "POST /api/v1/campaigns (banner with a script)"
body_has '"html":"<b>ok</b><imgsrc=\"https://x.example/a.png\">"' "the banner HTML was not sanitised"

# JMS round trip on Artemis: sent in a transaction, received by the application's MDB
expect 201 "$(request POST "$BASE/api/v1/ops/messaging-checks" -H "$AUTH" -H 'Content-Type: application/json' \
  --data '{"rollback":false}')" "POST /api/v1/ops/messaging-checks"
check_id=$(tr -d ' \n\t\r' <"$BODY" | sed -n 's/.*"check":{"id":\([0-9]*\).*/\1/p')
[ -n "$check_id" ] || fail "no messaging check id in $(cat "$BODY")"
deadline=$(( $(date +%s) + 30 ))
until [ "$(request GET "$BASE/api/v1/ops/messaging-checks/$check_id" -H "$AUTH")" = 200 ] \
    && tr -d ' \n\t\r' <"$BODY" | grep -qF '"received":true'; do
  [ "$(date +%s)" -lt "$deadline" ] || { cat "$BODY"; echo; fail "messaging check $check_id not received within 30 s"; }
  sleep 0.5
done
log "ok: messaging check $check_id received by the MDB"

# the broadcast between servers (platform.broadcast) listens on the pool's connection: its PostgreSQL classes are the
# driver deployment's, reached by reflection
grep -q 'Broadcast listener listening on waymark_broadcast' "$SERVER_LOG" \
  || fail "the broadcast listener is not listening: $(grep 'Broadcast listener' "$SERVER_LOG" | tail -3)"
if grep -q 'Broadcast listener lost its connection' "$SERVER_LOG"; then
  fail "the broadcast listener lost its connection: $(grep 'Broadcast listener' "$SERVER_LOG" | tail -3)"
fi
log "ok: the broadcast listener listens"

# the application's own metrics (ADR 0020), the same as on Payara
expect 200 "$(request GET "$BASE/api/v1/ops/metrics" -H "$AUTH")" "GET /api/v1/ops/metrics"
grep -q '^waymark_sweep_runs_total{sweep="outbox.deliver"}' "$BODY" \
  || fail "no application metric in /api/v1/ops/metrics: $(head -c 400 "$BODY")"
log "ok: the application's metrics list the sweeps"

expect 200 "$(request GET "$BASE/openapi")" "GET /openapi"
# the API is a web module of its own at /api (ADR 0015): its paths start at /v1/, the server URL carries /api
grep -q '/v1/users' "$BODY" || fail "the OpenAPI document does not list /v1/users: $(head -c 400 "$BODY")"
grep -A3 '^servers:' "$BODY" | grep -q -- '/api' || fail "the OpenAPI document's servers do not carry /api: $(head -c 400 "$BODY")"
log "ok: the OpenAPI document lists the API under /api"
expect 200 "$(request GET "$MGMT/metrics")" "GET /metrics (management port)"

# the application, not WildFly's welcome page, owns "/"
request GET "$BASE/" >/dev/null
if grep -qi 'welcome to wildfly' "$BODY"; then fail "WildFly's welcome content still answers on /"; fi
log "ok: / is not WildFly's welcome page"

# the admin console's form login (Jakarta Security with the application's identity store, on Elytron because of
# integrated-jaspi=false): any hidden fields of the login form are sent back as they came (JSF view state, CSRF)
console_login() {
  local jar=$WORK/cookies.txt page=$WORK/login.html out code location action user_field pass_field button input
  local -a fields=()
  out=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 30 -c "$jar" -b "$jar" "$BASE/admin/") || true
  code=${out%% *} location=${out#* }
  if [ "$code" = 404 ]; then log "skip: this EAR has no admin console (GET /admin/ -> 404)"; return 0; fi
  case "$code $location" in
    30[12378]\ *login*) ;;
    *) fail "GET /admin/ -> $out, expected a redirect to the login page" ;;
  esac
  code=$(curl -sS -o "$page" -w '%{http_code}' --max-time 30 -c "$jar" -b "$jar" "$location") || true
  [ "$code" = 200 ] || fail "GET $location -> $code"
  action=$(grep -o '<form[^>]*>' "$page" | grep -m1 -E 'method="post"' | sed -n 's/.* action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')
  user_field=$(grep -o '<input[^>]*autocomplete="username"[^>]*>' "$page" | head -1 | sed -n 's/.* name="\([^"]*\)".*/\1/p')
  pass_field=$(grep -o '<input[^>]*type="password"[^>]*>' "$page" | head -1 | sed -n 's/.* name="\([^"]*\)".*/\1/p')
  button=$(grep -o '<button[^>]*type="submit"[^>]*>' "$page" | head -1 | sed -n 's/.* name="\([^"]*\)".*/\1/p')
  [ -n "$action" ] && [ -n "$user_field" ] && [ -n "$pass_field" ] \
    || fail "cannot find the login form (action '$action', user '$user_field', password '$pass_field') in $page"
  while IFS= read -r input; do
    fields+=(--data-urlencode "$(sed -n 's/.* name="\([^"]*\)".*/\1/p' <<<"$input")=$(sed -n 's/.* value="\([^"]*\)".*/\1/p' <<<"$input")")
  done < <(grep -o '<input[^>]*type="hidden"[^>]*>' "$page")
  if [ -n "$button" ]; then fields+=(--data-urlencode "$button="); fi
  out=$(curl -sS -o "$BODY" -w '%{http_code} %{redirect_url}' --max-time 30 -c "$jar" -b "$jar" "${fields[@]}" \
    --data-urlencode "$user_field=$ADMIN_EMAIL" --data-urlencode "$pass_field=$ADMIN_PASSWORD" "$BASE$action") || true
  code=${out%% *} location=${out#* }
  case "$code $location" in
    30[12378]\ */admin/*) ;;
    *) echo "response body:"; cut -c1-2000 "$BODY"; echo; fail "console sign-in as $ADMIN_EMAIL -> $out, expected a redirect into /admin/" ;;
  esac
  code=$(curl -sS -o "$BODY" -w '%{http_code}' --max-time 30 -c "$jar" -b "$jar" "$location") || true
  [ "$code" = 200 ] && grep -qF "$ADMIN_EMAIL" "$BODY" \
    || { cut -c1-2000 "$BODY"; echo; fail "GET $location after sign-in -> $code, without the signed-in user"; }
  log "ok: admin console sign-in as $ADMIN_EMAIL -> ${location#"$BASE"}"
}
console_login

if grep -q -E ' (ERROR|FATAL) ' "$SERVER_LOG"; then
  log "note: the server log has ERROR lines (the checks passed):"
  grep -E ' (ERROR|FATAL) ' "$SERVER_LOG" | cut -c1-400 | head -20
fi
