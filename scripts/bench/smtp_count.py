#!/usr/bin/python3
"""SMTP delivery counter for benchmarks: a real SMTP server (aiosmtpd) on loopback that accepts
every message, throws its content away and counts deliveries (one per RCPT TO of an accepted
message).

    scripts/bench/smtp_count.py --port 2525 --expect 10000 --out /tmp/smtp-count.json [--rounds 2]

Prints one line to stdout once it listens ("smtp_count: listening on 127.0.0.1:PORT ..."; with
--port 0 the kernel picks the port and that line names it). When the count reaches --expect it
writes one JSON line to --out (written to a temporary name and renamed, so a caller polling for
the file never reads half of it; a stale --out is removed at start-up):

    {"count": N, "expect": N, "first": t0, "last": tN, "seconds": tN - t0, "per_second": ...,
     "first_epoch": ..., "last_epoch": ..., "messages": M, "mean_bytes": ..., "cpu_seconds": ...}

With --rounds K it then starts counting afresh, up to K times: round 2's line goes to OUT.2,
round 3's to OUT.3 and so on (the benchmark measures Lookout and the reference sender into the
same sink this way). With --sample FILE the content of the first message accepted is written to
FILE (the reference sender can then send that very message).

first/last are time.monotonic() at the first accepted delivery and at the one that reached
--expect; *_epoch are the same moments as time.time(). count can exceed --expect when the last
message had several recipients. per_second is the deliveries after the first message divided by
seconds (null if seconds is 0). It then keeps accepting and counting until killed (SIGTERM or
SIGINT end it quietly).

cpu_seconds is the CPU time this process used between the first and the last delivery: when it
comes close to seconds, the sink itself was the bottleneck (one core handles about 3,500-4,000
small messages a second here, each on its own MAIL/RCPT/DATA round trips).

Needs Debian's python3-aiosmtpd (hence /usr/bin/python3).
"""

import argparse
import asyncio
import json
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class Counter:
    """aiosmtpd handler that does nothing but count."""

    def __init__(self, expect, out, rounds, sample):
        self.sample = sample
        self.expect = expect
        self.out = out
        self.rounds = rounds
        self.round = 1
        self.reset()

    def reset(self):
        self.count = 0
        self.bytes = 0
        self.messages = 0
        self.first = None
        self.first_epoch = None
        self.first_count = 0
        self.first_cpu = None
        self.done = False

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        self.messages += 1
        if self.sample:
            with open(self.sample, "wb") as f:
                f.write(envelope.original_content or b"")
            self.sample = None
        self.bytes += len(envelope.original_content or b"")
        self.count += len(envelope.rcpt_tos)
        if self.first is None:
            self.first, self.first_epoch, self.first_count = now, time.time(), self.count
            self.first_cpu = time.process_time()
        if not self.done and self.count >= self.expect:
            self.done = True
            self.report(now, time.time())
            if self.round < self.rounds:
                self.round += 1
                self.reset()
        return "250 OK"

    def report(self, last, last_epoch):
        seconds = last - self.first
        result = {
            "count": self.count,
            "expect": self.expect,
            "first": self.first,
            "last": last,
            "seconds": seconds,
            "per_second": (self.count - self.first_count) / seconds if seconds > 0 else None,
            "first_epoch": self.first_epoch,
            "last_epoch": last_epoch,
            "messages": self.messages,
            "mean_bytes": self.bytes / self.messages,
            "cpu_seconds": time.process_time() - self.first_cpu,
        }
        out = self.out if self.round == 1 else f"{self.out}.{self.round}"
        tmp = f"{out}.tmp.{os.getpid()}"
        with open(tmp, "w") as f:
            f.write(json.dumps(result) + "\n")
        os.replace(tmp, out)


async def serve(args):
    loop = asyncio.get_running_loop()
    stopped = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopped.set)
    counter = Counter(args.expect, args.out, args.rounds, args.sample)
    server = await loop.create_server(
        lambda: SMTP(
            counter,
            hostname="smtp-count",  # a fixed name: no DNS look-up per connection
            ident="smtp_count",
            data_size_limit=None,
            decode_data=False,
            enable_SMTPUTF8=True,
        ),
        host="127.0.0.1",
        port=args.port,
        reuse_address=True,
        backlog=1024,
    )
    port = server.sockets[0].getsockname()[1]
    print(
        f"smtp_count: listening on 127.0.0.1:{port}, expecting {args.expect} deliveries, "
        f"result to {args.out}",
        flush=True,
    )
    await stopped.wait()
    server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True, help="port on 127.0.0.1 (0: any free one)")
    parser.add_argument("--expect", type=int, required=True, help="deliveries to wait for")
    parser.add_argument("--out", required=True, help="file for the JSON result line")
    parser.add_argument("--rounds", type=int, default=1, help="count to --expect this many times")
    parser.add_argument("--sample", help="file for the content of the first message accepted")
    args = parser.parse_args()
    if args.expect < 1:
        parser.error("--expect must be at least 1")
    for stale in [args.out] + [f"{args.out}.{r}" for r in range(2, args.rounds + 1)]:
        try:
            os.remove(stale)
        except FileNotFoundError:
            pass
    asyncio.run(serve(args))


if __name__ == "__main__":
    sys.exit(main())
