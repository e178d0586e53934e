#!/usr/bin/env bash
# Alert fan-out: the time from publishing one alert to its delivery to N confirmed subscribers
# through a local SMTP sink, and emails per second; then, into the same sink, a reference sender
# (Python's smtplib, scripts/bench/smtp_reference.py) pushing N messages on the same number of
# connections, twice: plain-text messages of the same mean size, then copies of Lookout's own first
# alert message (the same headers, MIME parts and lines for the sink to parse); and the ratio of
# Lookout's rate to each.
#
#   scripts/bench/alerts.sh [N] [SENDERS]                    # SQLite
#   LOOKOUT_BENCH_DATABASE_URL=postgres://... scripts/bench/alerts.sh [N] [SENDERS]
#
# Needs /usr/bin/python3 with aiosmtpd (Debian: python3-aiosmtpd). Everything runs on loopback.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
senders=${2:-4}

cargo build --release --quiet --bin lookout --example seed_subscribers
bin=$(pwd)/target/release/lookout
work=$(mktemp -d /tmp/lookout-bench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
smtp_port=$(free_port)
export LOOKOUT__SERVER__BIND=127.0.0.1:$port
export LOOKOUT__LOG__LEVEL=warn
export LOOKOUT__DATABASE__URL=${LOOKOUT_BENCH_DATABASE_URL:-sqlite://$work/lookout.db}
export LOOKOUT__KEYS__MASTER_KEY_FILE=$work/master.key
export LOOKOUT__MAIL__TRANSPORT=smtp
export LOOKOUT__MAIL__SMTP_URL=smtp://127.0.0.1:$smtp_port
export LOOKOUT__MAIL__SENDERS=$senders
export LOOKOUT__MAIL__WORKER_POLL_MS=200

/usr/bin/python3 scripts/bench/smtp_count.py --port "$smtp_port" --expect "$n" --rounds 3 --out "$work/sink.json" --sample "$work/sample.eml" > "$work/sink.log" 2>&1 &
sink=$!
"$bin" keys generate --out "$work/master.key" >/dev/null
"$bin" migrate >/dev/null
login=$(./target/release/examples/seed_subscribers "$n")
(cd "$work" && exec "$bin" serve) > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server $sink 2>/dev/null; wait $server $sink 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done

api="http://127.0.0.1:$port/api/v1"
read -r _ email password <<<"$login"
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -sf "$api/reports" -H 'Content-Type: application/json' \
  -d '{"category":"robbery","region":"south-wales","description":"He took the money back at knifepoint.","perpetrator":{"phone_numbers":["07700 900123"],"vehicles":["AB12 CDE"]}}' >/dev/null
case_id=$(curl -sf "$api/cases?status=received" -H "Authorization: Bearer $token" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
draft=$(curl -sf "$api/cases/$case_id/alert-draft" -H "Authorization: Bearer $token")
body=$(printf '%s' "$draft" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"title":d["title"],"body":d["body"],"regions":["south-wales"],"category":d["category"],"identifiers":d["identifiers"]}))')

cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# CPU of every local PostgreSQL process (server and backends), as "pid ticks" lines: what the
# database spent during the fan-out, when it runs on this machine.
pg_cpu() { for p in $(pgrep -x postgres); do echo "$p $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)"; done; }
pg_before=$(pg_cpu)
cpu_before=$(cpu)
start=$(python3 -c 'import time; print(time.time())')
published=$(curl -sf "$api/cases/$case_id/alerts" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")
after_publish=$(python3 -c 'import time; print(time.time())')
for _ in $(seq 1 6000); do [ -s "$work/sink.json" ] && break; sleep 0.1; done
[ -s "$work/sink.json" ] || { echo "not all $n delivered in 10 minutes" >&2; exit 1; }
cpu_after=$(cpu)
pg_after=$(pg_cpu)
pg_ticks=$(python3 -c 'import sys
before = dict(l.split() for l in sys.argv[1].splitlines() if l.strip())
print(sum(int(t) - int(before.get(p, 0)) for p, t in (l.split() for l in sys.argv[2].splitlines() if l.strip())))' "$pg_before" "$pg_after")

size=$(python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["mean_bytes"]))' "$work/sink.json")
reference=$(/usr/bin/python3 scripts/bench/smtp_reference.py --port "$smtp_port" --count "$n" --connections "$senders" --size "$size")
for _ in $(seq 1 600); do [ -s "$work/sink.json.2" ] && break; sleep 0.1; done
same=$(/usr/bin/python3 scripts/bench/smtp_reference.py --port "$smtp_port" --count "$n" --connections "$senders" --content "$work/sample.eml")
for _ in $(seq 1 600); do [ -s "$work/sink.json.3" ] && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database: ${LOOKOUT__DATABASE__URL%%://*}, senders: $senders"
echo "publish answered: $published in $(python3 -c "print(round($after_publish - $start, 3))") s"
python3 - "$work/sink.json" "$start" "$n" "$reference" "$work/sink.json.2" "$((cpu_after - cpu_before))" "$pg_ticks" "$same" "$work/sink.json.3" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
start, n = float(sys.argv[2]), int(sys.argv[3])
ref = json.loads(sys.argv[4])
sink_ref = json.loads(open(sys.argv[5]).read().strip().splitlines()[-1])
total = d["last_epoch"] - start
rate = n / total
print(f"delivered {d['count']} emails of {d['mean_bytes']:.0f} bytes on average; first to last {d['seconds']:.2f} s ({d['per_second']:.0f}/s); sink CPU {d['cpu_seconds']:.1f} s")
print(f"publish to last delivery: {total:.2f} s ({rate:.0f} emails/s overall); lookout CPU {float(sys.argv[6]) / 100:.1f} s; local PostgreSQL CPU {float(sys.argv[7]) / 100:.1f} s")
same = json.loads(sys.argv[8])
sink_same = json.loads(open(sys.argv[9]).read().strip().splitlines()[-1])
print(f"reference (smtplib, {ref['connections']} connections, plain text of {ref['size']} bytes): {ref['count']} in {ref['seconds']:.2f} s ({ref['per_second']:.0f}/s); sink counted {sink_ref['count']}, CPU {sink_ref['cpu_seconds']:.1f} s")
print(f"reference (smtplib, {same['connections']} connections, Lookout's own message, {same['size']} bytes): {same['count']} in {same['seconds']:.2f} s ({same['per_second']:.0f}/s); sink counted {sink_same['count']}, CPU {sink_same['cpu_seconds']:.1f} s")
print(f"ratio Lookout / reference: {rate / ref['per_second']:.2f} (plain text), {rate / same['per_second']:.2f} (same message)")
PY
