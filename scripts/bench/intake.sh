#!/usr/bin/env bash
# Intake, receipt lookups and client checks at concurrency 32, next to two references measured in
# the same run: GET /api/v1/health and a minimal write (one row in its own transaction through the
# same pool, examples/minimal_write.rs). For each load, requests/s, p50/p99, and the server's peak
# resident size during it (VmHWM, reset before each load through /proc/PID/clear_refs); at the end
# a burst of 20 parallel staff logins (the one place Argon2id still runs) and the resident size
# during and 3 s after it. Each load also reports the CPU time spent per request by the server and,
# on PostgreSQL, by every local postgres process (a ratio that noise moves less than a rate).
#
#   scripts/bench/intake.sh [DURATION_SECONDS]                            # SQLite
#   LOOKOUT_BENCH_DATABASE_URL=postgres://... scripts/bench/intake.sh        # PostgreSQL (empty db)
#
# Needs wrk (Debian: apt-get install wrk). Everything runs on loopback; the server stops itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

cargo build --release --quiet --bin lookout --example minimal_write --example seed_identifiers
bin=$(pwd)/target/release/lookout
work=$(mktemp -d /tmp/lookout-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export LOOKOUT__SERVER__BIND=127.0.0.1:$port
export LOOKOUT__LOG__LEVEL=warn
export LOOKOUT__DATABASE__URL=${LOOKOUT_BENCH_DATABASE_URL:-sqlite://$work/lookout.db}
export LOOKOUT__DATABASE__POOL_SIZE=16
export LOOKOUT__KEYS__MASTER_KEY_FILE=$work/master.key
source scripts/bench/unlimited.sh

"$bin" keys generate --out "$work/master.key" >/dev/null
"$bin" migrate >/dev/null
./target/release/examples/seed_identifiers 20000 >/dev/null
printf 'a password for the benchmark\n' | "$bin" admin create --email bench@lookout.test --password-stdin >/dev/null
(cd "$work" && exec "$bin" serve) > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  sleep 0.1
done
url=http://127.0.0.1:$port

report='{"category":"robbery","region":"south-wales","area":"Cardiff city centre","incident_date":"2026-11-18","description":"He took the money back at knifepoint and drove off in a white van.","perpetrator":{"description":"White van, burn scar on left hand","phone_numbers":["07700 900123"],"vehicles":["AB12 CDE"]},"contact":{"name":"J","email":"j@example.org"}}'
public_key=$(curl -sf "$url/api/v1/meta" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sealed_reports"]["public_key"])')
sealed=$(printf '%s' "$report" | "$bin" seal --public-key="$public_key")
receipt=$(curl -sf "$url/api/v1/reports" -H 'Content-Type: application/json' -d "$report" | python3 -c 'import json,sys; print(json.load(sys.stdin)["receipt"])')

lua() { # a wrk script that POSTs one JSON body
  cat > "$work/$1.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$2]]
LUA
}
lua plain "$report"
lua sealed "$sealed"
lua receipt "{\"receipt\":\"$receipt\"}"
lua check '{"phone":"07700 012345"}'

hz=$(getconf CLK_TCK)
ticks() { # CPU time used so far, in clock ticks: by the server, or by every local postgres process
  if [ "$1" = server ]; then
    awk '{print $14 + $15}' "/proc/$server/stat"
  else
    # A backend can exit between pgrep and awk (the minimal write's connections closing): skip
    # it, or pipefail would end the whole run there without a word.
    for p in $(pgrep -x postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done |
      awk '{s += $1} END {print s + 0}'
  fi
}
per_request() { python3 -c "print(round(($2 - $1) / $hz / $3 * 1e6))"; }
rss() { awk -v k="$1:" '$1==k {printf "%.1f MiB", $2/1024}' "/proc/$server/status"; }
load() { # name, path, [lua]
  echo 5 > "/proc/$server/clear_refs"
  server0=$(ticks server) postgres0=$(ticks postgres)
  echo "== $1, concurrency 32, ${duration}s"
  if [ -n "${3:-}" ]; then
    wrk -t2 -c32 -d"${duration}s" --latency -s "$work/$3.lua" "$url$2"
  else
    wrk -t2 -c32 -d"${duration}s" --latency "$url$2"
  fi > "$work/wrk.out"
  grep -E 'Requests/sec|Non-2xx|50%|99%|requests in|Socket errors' "$work/wrk.out"
  rate=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
  cpu="server $(per_request "$server0" "$(ticks server)" "$requests") µs"
  if [ "${LOOKOUT__DATABASE__URL%%://*}" = postgres ]; then
    cpu="$cpu, PostgreSQL $(per_request "$postgres0" "$(ticks postgres)" "$requests") µs"
  fi
  echo "   CPU time per request: $cpu"
  echo "   peak resident size during it (VmHWM): $(rss VmHWM)"
}
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database: ${LOOKOUT__DATABASE__URL%%://*}"
echo "server resident size at start: $(rss VmRSS)"
load "GET /api/v1/health (reference)" /api/v1/health
health=$rate
echo "== minimal write (reference)"
./target/release/examples/minimal_write "$LOOKOUT__DATABASE__URL" "$work/master.key" 32 "$duration" | tee "$work/minimal.out"
minimal=$(awk '{for (i = 1; i < NF; i++) if ($(i + 1) == "/s") print $i}' "$work/minimal.out")
load "plain intake" /api/v1/reports plain
plain=$rate
load "sealed intake" /api/v1/reports/sealed sealed
sealed_rate=$rate
load "receipt lookups (a real receipt)" /api/v1/receipt receipt
load "client checks (20,000 identifiers)" /api/v1/checks check
echo "== ratios: plain intake / minimal write $(ratio "$plain" "$minimal"), sealed intake / minimal write $(ratio "$sealed_rate" "$minimal"), checks / health $(ratio "$rate" "$health")"
echo "== 20 parallel staff logins"
echo 5 > "/proc/$server/clear_refs"
start=$(date +%s.%N)
for _ in $(seq 1 20); do
  curl -s -o /dev/null -w '%{http_code}\n' "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@lookout.test","password":"a password for the benchmark"}' &
done | sort | uniq -c | sed 's/^/   answers: /'   # the pipe ends when the last curl has answered
echo "   took $(echo "$(date +%s.%N) - $start" | bc) s; peak resident size: $(rss VmHWM); now: $(rss VmRSS)"
sleep 3
echo "   resident size 3 s later: $(rss VmRSS)"
