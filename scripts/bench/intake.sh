#!/usr/bin/env bash
# Intake throughput: submissions per second and latency at concurrency 32 for plain and sealed
# reports, next to the raw Argon2id receipt-hash rate measured in the same run.
#
#   scripts/bench/intake.sh [DURATION_SECONDS]        # SQLite (the embedded default)
#   LOOKOUT_BENCH_DATABASE_URL=postgres://... scripts/bench/intake.sh   # PostgreSQL
#
# Needs wrk (Debian: apt-get install wrk). Everything runs on loopback; the server stops itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

cargo build --release --quiet --bin lookout --example hash_rate
bin=$(pwd)/target/release/lookout
work=$(mktemp -d /tmp/lookout-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export LOOKOUT__SERVER__BIND=127.0.0.1:$port
export LOOKOUT__LOG__LEVEL=warn
export LOOKOUT__DATABASE__URL=${LOOKOUT_BENCH_DATABASE_URL:-sqlite://$work/lookout.db}
export LOOKOUT__DATABASE__POOL_SIZE=16
# The benchmark is one client sending far past the anonymous limit; measure the service, not the limit.
export LOOKOUT__LIMITS__ANONYMOUS_PER_CLIENT_PER_MINUTE=1000000000
export LOOKOUT__LIMITS__ANONYMOUS_GLOBAL_PER_MINUTE=1000000000
(cd "$work" && exec "$bin" serve) > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  sleep 0.1
done

report='{"category":"robbery","region":"south-wales","area":"Cardiff city centre","incident_date":"2026-11-18","description":"He took the money back at knifepoint and drove off in a white van.","perpetrator":{"description":"White van, burn scar on left hand","phone_numbers":["07700 900123"],"vehicles":["AB12 CDE"]},"contact":{"name":"J","email":"j@example.org"}}'
public_key=$(curl -sf "http://127.0.0.1:$port/api/v1/meta" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sealed_reports"]["public_key"])')
sealed=$(printf '%s' "$report" | "$bin" seal --public-key "$public_key")

lua() { # a wrk script that POSTs one JSON body
  cat > "$work/$1.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$2]]
LUA
}
lua plain "$report"
lua sealed "$sealed"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database: ${LOOKOUT__DATABASE__URL%%://*}"
./target/release/examples/hash_rate 1 10
./target/release/examples/hash_rate "$(nproc)" 10
for kind in plain sealed; do
  path=/api/v1/reports; [ "$kind" = sealed ] && path=/api/v1/reports/sealed
  echo "== $kind intake, concurrency 32, ${duration}s"
  wrk -t2 -c32 -d"${duration}s" --latency -s "$work/$kind.lua" "http://127.0.0.1:$port$path" \
    | grep -E 'Requests/sec|Non-2xx|50%|99%|requests in|Socket errors'
done
