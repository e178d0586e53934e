#!/usr/bin/env bash
# Soak: a mixed load for MINUTES (default 10) against one release build, with every answer checked
# and the server's resident size sampled every 10 s. The load (scripts/bench/soak_load.py, Python 3
# standard library) is paced, not flat out: at --scale 1, per second, 40 new reports (plain JSON,
# realistic text), 60 status lookups and 20 follow-up messages with receipts just received, 150
# client checks (phone numbers written the ways workers type them; 30% of them numbers from alerts
# published during the run, which must match) and 3 subscriptions, each confirmed through the link in
# its confirmation email; and one staff session (one login, then every 3 s the received cases listed
# and one viewed, every 10 s a reply, every 30 s an alert published from a viewed case's draft, to
# 1,000 seeded subscribers and whoever confirmed since). 12 workers, so at most 12 load requests are
# in flight (plus the staff session and the mail reader).
#
#   scripts/bench/soak.sh [MINUTES] [SCALE]                                 # SQLite
#   LOOKOUT_BENCH_DATABASE_URL=postgres://... scripts/bench/soak.sh [MINUTES]  # PostgreSQL (empty db)
#
# LOOKOUT_SOAK_LIST_EVERY=SECONDS lists the received cases less often than every 3 s (a control for
# what the growing list costs); LOOKOUT_SOAK_SUBSCRIBERS (1000) seeds that many confirmed subscribers;
# LOOKOUT_SOAK_RESULT=FILE keeps the whole result as JSON.
# Mail goes to the outbox folder (the default transport), which the load generator reads and empties.
# Every rate limit is lifted and proof of work turned off (one load generator on loopback is one
# client far past all of them).
# Exits non-zero on any error, or if the mean resident size in the last minute exceeds the second
# minute's by more than max(20%, 8 MiB) (see docs/performance.md, "Soak"). Everything runs on
# loopback; the server stops itself and the working folder is removed.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-10}
scale=${2:-1}
subscribers=${LOOKOUT_SOAK_SUBSCRIBERS:-1000}

cargo build --release --quiet --bin lookout --example seed_subscribers
bin=$(pwd)/target/release/lookout
work=$(mktemp -d /tmp/lookout-soak.XXXXXX)
server=
load=
cleanup() {
  set +e
  [ -n "$load" ] && kill "$load" 2>/dev/null && wait "$load" 2>/dev/null
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export LOOKOUT__SERVER__BIND=127.0.0.1:$port
export LOOKOUT__SERVER__PUBLIC_URL=http://127.0.0.1:$port
export LOOKOUT__LOG__LEVEL=warn
export LOOKOUT__DATABASE__URL=${LOOKOUT_BENCH_DATABASE_URL:-sqlite://$work/lookout.db}
export LOOKOUT__KEYS__MASTER_KEY_FILE=$work/master.key
export LOOKOUT__MAIL__TRANSPORT=outbox
export LOOKOUT__MAIL__OUTBOX_DIR=$work/outbox
source scripts/bench/unlimited.sh

"$bin" keys generate --out "$work/master.key" >/dev/null
"$bin" migrate >/dev/null
login=$(./target/release/examples/seed_subscribers "$subscribers")
read -r _ staff_email staff_password <<<"$login"
(cd "$work" && exec "$bin" serve) > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database: ${LOOKOUT__DATABASE__URL%%://*}; $subscribers confirmed subscribers seeded; ${minutes} min at scale $scale; load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
python3 scripts/bench/soak_load.py --url "http://127.0.0.1:$port" --pid "$server" --minutes "$minutes" \
  --scale "$scale" --list-every "${LOOKOUT_SOAK_LIST_EVERY:-3}" --outbox "$work/outbox" --staff-email "$staff_email" --staff-password "$staff_password" \
  --out "${LOOKOUT_SOAK_RESULT:-$work/result.json}" &
load=$!
wait "$load" || status=$?
load=
kill -0 "$server" 2>/dev/null || { echo "FAIL: the server is no longer running" >&2; status=1; }
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${LOOKOUT__DATABASE__URL%%://*}" = sqlite ]; then
  echo "database files: $(du -ch "$work"/lookout.db* | awk '/total/ {print $1}')"
fi
echo "server log: $(grep -ciE 'warn|error' "$work/server.log" || true) warning or error lines"
grep -iE 'warn|error' "$work/server.log" | head -5 | sed 's/^/  /' || true
exit "$status"
