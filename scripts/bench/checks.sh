#!/usr/bin/env bash
# Client checks: checks per second and latency at concurrency 64 against N stored identifiers,
# next to GET /api/v1/health measured in the same run.
#
#   scripts/bench/checks.sh [N] [DURATION_SECONDS]                   # SQLite
#   LOOKOUT_BENCH_DATABASE_URL=postgres://... scripts/bench/checks.sh   # PostgreSQL (empty database)
#
# Needs wrk (Debian: apt-get install wrk). Everything runs on loopback; the server stops itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
duration=${2:-20}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

cargo build --release --quiet --bin lookout --example seed_identifiers
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
./target/release/examples/seed_identifiers "$n"
(cd "$work" && exec "$bin" serve) > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
# One seeded number, written the way a worker would type it.
curl -sf "http://127.0.0.1:$port/api/v1/checks" -H 'Content-Type: application/json' -d '{"phone":"07700 012345"}' \
  | grep -q '"alert_id"' || { echo "the seeded number does not match" >&2; exit 1; }
cat > "$work/check.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"phone":"07700 012345"}'
LUA

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database: ${LOOKOUT__DATABASE__URL%%://*}, identifiers: $n"
echo "== POST /api/v1/checks, concurrency 64, ${duration}s"
wrk -t2 -c64 -d"${duration}s" --latency -s "$work/check.lua" "http://127.0.0.1:$port/api/v1/checks" \
  | grep -E 'Requests/sec|Non-2xx|50%|99%|requests in|Socket errors'
echo "== GET /api/v1/health, concurrency 64, ${duration}s"
wrk -t2 -c64 -d"${duration}s" --latency "http://127.0.0.1:$port/api/v1/health" \
  | grep -E 'Requests/sec|Non-2xx|50%|99%|requests in|Socket errors'
