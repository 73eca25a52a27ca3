#!/usr/bin/env bash
# Benchmark of issue 15 item 8 (side effects right after commit), measured in one run on this machine:
#   POST /onboarding-goals/complete answering 200 → the scenario's webhook received by a local receiver, and
#   → the scenario's mail accepted by a local SMTP server (end of DATA), p50 / p99 over USERS completions, one at a
#   time. One scenario: trigger goal_completed → a webhook element and an email element. The path is
#   completion → wake-up row → job run (JMS) → outbox item in the job's transaction → hand-off after commit → call.
# Needs: the build (./mvnw install -DskipTests -DskipITs), psql (Debian: postgresql-client), python3.
# The first WARMUP completions (default 20) run the same path once cold (class loading, JIT, the first SMTP and HTTP
# connections) and are reported apart, not in the figures.
# Usage: src/bench/outbox.sh        (USERS=… WARMUP=… to change the sizes)
set -euo pipefail
cd "$(dirname "$0")/../.."
RECEIVER=18099
SMTP=18025
BENCH_OPTS="-Dwaymark.outbound.allowed-hosts=127.0.0.1:$RECEIVER -Dwaymark.mail.transport=smtp
  -Dwaymark.mail.host=127.0.0.1 -Dwaymark.mail.port=$SMTP"
. src/bench/common.sh
USERS=${USERS:-200}
WARMUP=${WARMUP:-20}
mkdir -p $WORK
RUN=$(date +%s)

# the receivers: each writes "<user or email>,<epoch seconds>" when a call arrives / a message is accepted
python3 - $RECEIVER $SMTP $WORK/ob-webhooks.csv $WORK/ob-mails.csv <<'PY' &
import asyncio, json, sys, time
http_port, smtp_port, hooks, mails = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], "w"), open(sys.argv[4], "w")

async def http(reader, writer):
    while True:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next((int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")), 0)
        body = await reader.readexactly(length)
        hooks.write(f"{json.loads(body)['user_id']},{time.time():.6f}\n"); hooks.flush()
        writer.write(b"HTTP/1.1 204 No Content\r\n\r\n"); await writer.drain()

async def smtp(reader, writer):
    writer.write(b"220 bench\r\n"); rcpt = None
    while line := await reader.readline():
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
            writer.write(b"250 bench\r\n")
        elif cmd.startswith(b"RCPT"):
            rcpt = line.split(b"<")[1].split(b">")[0].decode(); writer.write(b"250 ok\r\n")
        elif cmd == b"DATA":
            writer.write(b"354 go\r\n"); await writer.drain()
            while (await reader.readline()) != b".\r\n":
                pass
            mails.write(f"{rcpt},{time.time():.6f}\n"); mails.flush()
            writer.write(b"250 accepted\r\n")
        elif cmd == b"QUIT":
            writer.write(b"221 bye\r\n"); await writer.drain(); break
        else:
            writer.write(b"250 ok\r\n")
        await writer.drain()
    writer.close()

async def main():
    await asyncio.start_server(lambda r, w: http(r, w), "127.0.0.1", http_port)
    await asyncio.start_server(smtp, "127.0.0.1", smtp_port)
    await asyncio.Event().wait()
asyncio.run(main())
PY
RECEIVERS=$!
trap 'kill $RECEIVERS 2>/dev/null; launcher stop >/dev/null 2>&1 || true' EXIT

launcher start
GOAL=bench-ob-$RUN
api POST /api/v1/onboarding-goals "{\"code\":\"$GOAL\",\"name\":\"Bench outbox goal\",\"type\":\"simple\"}" >/dev/null
api POST /api/v1/email-templates "{\"code\":\"$GOAL\",\"name\":\"Bench\",\"subject\":\"Done {{ user.email }}\",\"html_body\":\"<p>Done</p>\",\"text_body\":\"Done\"}" >/dev/null
python3 - "$BASE" "$TOKEN" "$GOAL" $RECEIVER <<'PY'
import json, sys, urllib.request, uuid
base, token, goal, port = sys.argv[1:]
hook, mail, trig = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
doc = {"name": "bench " + goal, "enabled": True, "visual": {},
       "triggers": {trig: {"id": trig, "name": "done", "type": "event", "event": {"code": "goal_completed"},
                           "options": {"goal_code": goal}, "elements": [hook, mail]}},
       "elements": {hook: {"id": hook, "name": "hook", "type": "webhook",
                           "webhook": {"url": f"http://127.0.0.1:{port}/hook", "descendants": []}},
                    mail: {"id": mail, "name": "mail", "type": "email",
                           "email": {"template_code": goal, "descendants": []}}}}
req = urllib.request.Request(base + "/api/v1/scenarios/create", method="POST", data=json.dumps(doc).encode(),
    headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
with urllib.request.urlopen(req) as r:
    assert r.status == 201, r.status
PY
$PSQL -c "insert into users (uuid, email, active, created_at) select gen_random_uuid(), 'ob-$RUN-' || g || '@bench.local', true, now()
          from generate_series(1, $USERS + $WARMUP) g"
$PSQL -F, -c "select id, email from users where email like 'ob-$RUN-%' order by id" > $WORK/ob-users.csv

echo "== $WARMUP warm-up and $USERS measured completions, one at a time, each timed from its 200 to the webhook received and the mail accepted"
python3 - "$BASE" "$TOKEN" "$GOAL" $WORK/ob-users.csv $WORK/ob-answered.csv <<'PY'
import json, sys, time, urllib.request
base, token, goal, users, out = sys.argv[1:]
with open(users) as f, open(out, "w") as o:
    for line in f:
        user = line.strip().split(",")[0]
        req = urllib.request.Request(base + "/api/v1/onboarding-goals/complete", method="POST",
            data=json.dumps({"goal_code": goal, "user_id": int(user)}).encode(),
            headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        with urllib.request.urlopen(req) as r:
            assert r.status == 200
        o.write(f"{user},{time.time():.6f}\n")   # the moment the 200 was read
        time.sleep(0.05)                          # one at a time: latency, not throughput
PY
for _ in $(seq 60); do
  [ "$(wc -l < $WORK/ob-webhooks.csv)" -ge "$((USERS + WARMUP))" ] && [ "$(wc -l < $WORK/ob-mails.csv)" -ge "$((USERS + WARMUP))" ] && break
  sleep 0.5
done
python3 - $WORK/ob-users.csv $WORK/ob-answered.csv $WORK/ob-webhooks.csv $WORK/ob-mails.csv $WARMUP <<'PY'
import sys
email = dict(reversed(l.strip().split(",")) for l in open(sys.argv[1]) if l.strip())
rows = [l.strip().split(",") for l in open(sys.argv[2]) if l.strip()]
warmup = int(sys.argv[5])
def report(name, arrivals):
    first = {}
    for k, t in arrivals:
        first.setdefault(k, float(t))
    cold = [round((first[u] - float(t)) * 1000) for u, t in rows[:warmup] if u in first]
    print(f"{name}: warm-up (not counted) ms: {cold}")
    measure(name, first)
answered = dict(rows[warmup:])
def measure(name, first):
    delays = sorted((first[u] - float(t)) * 1000 for u, t in answered.items() if u in first)
    if not delays:
        print(f"{name}: nothing arrived"); return
    p = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
    print(f"{name}: {len(delays)} of {len(answered)} arrived: p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {delays[-1]:.1f} ms")
hooks = [l.strip().split(",") for l in open(sys.argv[3]) if l.strip()]
mails = [(email.get(r), t) for r, t in (l.strip().split(",") for l in open(sys.argv[4]) if l.strip())]
report("complete → webhook received", hooks)
report("complete → mail accepted", mails)
PY
