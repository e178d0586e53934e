#!/usr/bin/python3
"""Reference SMTP sender for the alert benchmark: Python's smtplib pushing N messages of a given
size into an SMTP server on C connections at once (one thread and one connection each, kept open
for all its messages: MAIL FROM, RCPT TO, DATA per message, as Lookout sends).

    scripts/bench/smtp_reference.py --port 2525 --count 10000 --connections 4 --size 3800
    scripts/bench/smtp_reference.py --port 2525 --count 10000 --connections 4 --content FILE

With --size each message is plain text of that many bytes in 77-byte lines; with --content each
is that file's bytes (alerts.sh passes the sink's copy of Lookout's first alert message, so both
senders hand the sink the same lines to parse).

Prints one JSON line: {"count": N, "connections": C, "size": bytes, "content": "plain"|"sample",
"seconds": s, "per_second": r}.
The time runs from the first connection to the last message's 250. Each message goes to its own
recipient, like an alert's fan-out. (smtplib leaves Nagle's algorithm on, but writes each message
with its terminating "." in one sendall, so it never waits for a delayed ACK.)
"""

import argparse
import json
import smtplib
import sys
import threading
import time


def message(size, i):
    head = (
        f"From: Reference <reference@bench.test>\r\n"
        f"To: ref{i:06}@sink.test\r\n"
        f"Subject: Safety alert (reference)\r\n"
        f"MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    )
    line = "A reference line of ordinary alert text, wrapped like a real message body.\r\n"
    body = (line * (max(size - len(head), 0) // len(line) + 1))[: max(size - len(head), 0)]
    return head + body


def sender(port, indices, size, content, errors):
    try:
        with smtplib.SMTP("127.0.0.1", port, local_hostname="reference.bench.test") as smtp:
            for i in indices:
                body = content if content is not None else message(size, i)
                smtp.sendmail("reference@bench.test", [f"ref{i:06}@sink.test"], body)
    except Exception as e:  # noqa: BLE001 - reported, the run fails
        errors.append(repr(e))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--size", type=int, default=3800, help="bytes per message")
    parser.add_argument(
        "--content",
        help="send this file's bytes as every message (e.g. the sink's --sample of Lookout's alert) "
        "instead of a plain-text message of --size bytes",
    )
    args = parser.parse_args()
    content = None
    if args.content:
        with open(args.content, "rb") as f:
            content = f.read()
        args.size = len(content)
    errors = []
    shares = [range(c, args.count, args.connections) for c in range(args.connections)]
    threads = [
        threading.Thread(target=sender, args=(args.port, share, args.size, content, errors))
        for share in shares
    ]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    if errors:
        print("reference sender failed: " + "; ".join(errors), file=sys.stderr)
        return 1
    print(json.dumps({
        "count": args.count,
        "connections": args.connections,
        "size": args.size,
        "content": "sample" if content is not None else "plain",
        "seconds": seconds,
        "per_second": args.count / seconds,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
