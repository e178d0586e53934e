#!/usr/bin/env bash
# Pages: pages per second and latency at concurrency 32 for GET /report and for a report form POST
# that fails validation (the page comes back with everything typed and the errors), next to
# GET /api/v1/health measured in the same run.
#
#   scripts/bench/pages.sh [DURATION_SECONDS]
#
# Needs wrk (Debian: apt-get install wrk). Everything runs on loopback; the server stops itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

cargo build --release --quiet --bin lookout
bin=$(pwd)/target/release/lookout
work=$(mktemp -d /tmp/lookout-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export LOOKOUT__SERVER__BIND=127.0.0.1:$port
export LOOKOUT__LOG__LEVEL=warn
export LOOKOUT__DATABASE__URL=${LOOKOUT_BENCH_DATABASE_URL:-sqlite://$work/lookout.db}
export LOOKOUT__KEYS__MASTER_KEY_FILE=$work/master.key
source scripts/bench/unlimited.sh

"$bin" keys generate --out "$work/master.key" >/dev/null
"$bin" migrate >/dev/null
(cd "$work" && exec "$bin" serve) > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done

# A realistic report whose category is missing: the whole form comes back (422) with the error.
body='region=south-wales&area=Cardiff+city+centre&incident_date=2026-11-18&description=He+took+the+money+back+at+knifepoint+and+drove+off.+White+van%2C+burn+scar+on+left+hand.&perpetrator.description=White+van&perpetrator.phone_numbers=07700+900123&perpetrator.phone_numbers=&perpetrator.vehicles=AB12+CDE&alert=true&contact.name=&contact.email=&consent.police=none&consent.statement_version=2026-12-04&language=en&step=preview'
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/report" \
  -H 'Content-Type: application/x-www-form-urlencoded' --data "$body")
[ "$status" = 422 ] || { echo "the failing form answered $status, not 422" >&2; exit 1; }
cat > "$work/form.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "$body"
LUA

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database: ${LOOKOUT__DATABASE__URL%%://*}"
run() {
  echo "== $1, concurrency 32, ${duration}s"
  shift
  wrk -t2 -c32 -d"${duration}s" --latency "$@" | grep -E 'Requests/sec|Non-2xx|50%|99%|requests in|Socket errors'
}
run "GET /report" "http://127.0.0.1:$port/report"
run "POST /report failing validation (422)" -s "$work/form.lua" "http://127.0.0.1:$port/report"
run "GET /api/v1/health" "http://127.0.0.1:$port/api/v1/health"
