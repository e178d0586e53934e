#!/usr/bin/env python3
"""The load generator of scripts/bench/soak.sh: a paced, mixed load against one running Lookout.

Python 3 standard library only. A scheduler thread hands requests, by kind, to a fixed set of worker
threads (each with its own keep-alive connection), at fixed rates per second; if the workers fall
behind, requests wait in a short queue and, past a second of delay, are skipped and counted as
"shed" (so in-flight requests never exceed the number of workers and a slow server is not buried).
Beside them:
  - one staff session: logs in once, then every few seconds lists the received cases and views one,
    every 10 s replies to one, and every 30 s publishes an alert from a viewed case (draft first);
  - a mail reader: reads every message the service writes to its outbox folder, confirms each
    subscription through the link in its confirmation email, counts alert emails, deletes the files;
  - a sampler: the server's VmRSS, VmHWM, threads and open files every 10 s.

Every answer is checked: anything but the status the contract gives for what was sent (or a connection
error, or a check of a published number that does not match) is an error. At the end it prints
requests per kind, latencies, errors, resident size per minute and a verdict, writes the whole result
as JSON (--out), and exits 1 on any error or if the mean resident size in the last minute exceeds the
second minute's by more than max(--tolerance-pct, --tolerance-mib).
"""

import argparse
import collections
import email
import email.policy
import http.client
import json
import os
import queue
import random
import re
import sys
import threading
import time
import urllib.parse

RATES = {  # requests per second at --scale 1
    "report": 40,
    "status": 60,
    "message": 20,
    "check": 150,
    "subscribe": 3,
}
WORKERS_DEFAULT = 12
STAFF_EVERY = 3.0  # s between list + view
REPLY_EVERY = 10.0
PUBLISH_EVERY = 30.0
IDLE_RECONNECT = 2.0  # s; actix closes idle keep-alive connections after 5 s

# ---------------------------------------------------------------------------------------------
# Realistic reports

REGIONS_WEIGHTED = ["south-wales"] * 6 + ["metropolitan", "greater-manchester", "west-yorkshire", "merseyside"]
CATEGORIES = ["violence", "robbery", "theft", "non_payment", "threats_blackmail", "stalking_harassment",
              "sexual_assault", "fraud", "online_abuse", "suspicious_behaviour"]
AREAS = ["Cardiff city centre", "Newport, near the station", "Swansea, off the high street", "Splott",
         "Cathays", "Grangetown", "Bridgend retail park", "the industrial estate by the ring road",
         "a hotel near the motorway", "Pontypridd", ""]
OPENINGS = [
    "I met him through a website after he sent a few messages saying he was visiting for work.",
    "The booking was made by text the day before and he seemed normal on the phone.",
    "He was a regular for a couple of months and never caused trouble until this time.",
    "We agreed the price and the time in advance and he came to the flat a bit late.",
    "He picked me up in his car and said we were going to his hotel.",
    "I was working with a friend that night and he asked for both of us.",
    "He contacted me on a new number and said a friend had recommended me.",
]
MIDDLES = [
    "Once inside he refused to pay and said he would call people if I complained.",
    "He took the money back from my bag while I was in the bathroom.",
    "He became aggressive when I said no to something we had not agreed and grabbed my wrist.",
    "He took off the condom without asking and laughed when I noticed.",
    "He kept filming on his phone even though I told him to stop several times.",
    "He pushed me against the wall and I hit my head on the door frame.",
    "He threatened to post my photos online unless I saw him again for free.",
    "He followed me to the bus stop afterwards and waited outside for an hour.",
    "He said he knew where I lived and described the street to prove it.",
    "He paid with notes that turned out to be fake and left quickly.",
    "He had a knife in his jacket and showed it to me when I asked for the money.",
    "He kept texting me for days afterwards from different numbers.",
]
ENDINGS = [
    "I did not go to the police at the time because I was scared.",
    "A friend helped me afterwards and I had a bruise on my arm for a week.",
    "I want other workers to know so they can avoid him.",
    "I have blocked the number but he has tried again since.",
    "I think he has done this to other women in the area.",
    "Please warn people, he is still advertising himself as a client on the same site.",
]
PERP_DESCRIPTIONS = ["White man, about 40, shaved head, tattoo of a swallow on his neck",
                     "Tall, slim, dark beard, Welsh accent, wears a grey tracksuit",
                     "Mid fifties, glasses, says he is a builder, smells of cigarettes",
                     "Young, maybe 25, blond hair, drives a black hatchback",
                     "Heavy build, scar above the left eyebrow, gold chain",
                     ""]
FOLLOW_UPS = ["He messaged me again last night from the same number.",
              "I remembered he had a sticker of a football club on the back window.",
              "Another worker told me the same man did this to her last month.",
              "Is there any news? I would like to know if the alert went out.",
              "I am safe now, thank you for reading this.",
              "He has changed his profile picture but it is the same man."]
REPLIES = ["Thank you for telling us. We have read your report and will share a warning.",
           "We are sorry this happened. Reply here if you want us to pass it to the police contact.",
           "We have published an alert so other workers can check this number."]


def phone_pool(rng, n):
    """UK mobile numbers in the ways people write them."""
    pool = []
    for _ in range(n):
        prefix = rng.choice(["7700", "7911", "7456", "7825", "7388", "7534"])
        rest = f"{rng.randrange(1000000):06d}"
        pool.append(f"0{prefix}{rest}")
    return sorted(set(pool))


def write_phone(rng, national):
    """One number, written one of the ways a worker would type it."""
    digits = national[1:]
    return rng.choice([national, f"{national[:5]} {national[5:]}", f"+44 {digits[:4]} {digits[4:]}",
                       f"0044-{digits[:4]}-{digits[4:7]}-{digits[7:]}", f"({national[:5]}) {national[5:8]} {national[8:]}"])


def plate(rng):
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    return (rng.choice(letters) + rng.choice(letters) + f"{rng.randrange(10, 75):02d} "
            + "".join(rng.choice(letters) for _ in range(3)))


def make_report(rng, phones):
    sentences = [rng.choice(OPENINGS)] + rng.sample(MIDDLES, rng.randint(1, 3)) + [rng.choice(ENDINGS)]
    day = time.gmtime(time.time() - rng.randrange(0, 60) * 86400)
    report = {
        "category": rng.choice(CATEGORIES),
        "region": rng.choice(REGIONS_WEIGHTED),
        "incident_date": time.strftime("%Y-%m-%d", day),
        "description": " ".join(sentences),
        "perpetrator": {
            "description": rng.choice(PERP_DESCRIPTIONS),
            "phone_numbers": [write_phone(rng, p) for p in rng.sample(phones, rng.choice([0, 1, 1, 1, 2]))],
            "vehicles": [plate(rng)] if rng.random() < 0.3 else [],
            "online_handles": ["@" + rng.choice(["cardiffguy", "visitor_88", "jonny.b", "realgent"]) + str(rng.randrange(100))]
            if rng.random() < 0.2 else [],
        },
        "alert": rng.random() < 0.9,
        "language": "en",
    }
    area = rng.choice(AREAS)
    if area:
        report["area"] = area
    if rng.random() < 0.3:
        report["contact"] = {"name": rng.choice(["Roxy", "Mel", "Jade", "Bea"]),
                             "email": f"worker{rng.randrange(10**6)}@example.org"}
    return report


# ---------------------------------------------------------------------------------------------
# Accounting


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.count = collections.Counter()  # kind -> requests
        self.ok = collections.Counter()
        self.errors = collections.Counter()  # (kind, what) -> n
        self.error_examples = {}  # (kind, what) -> first body
        self.latency = collections.defaultdict(list)  # kind -> seconds
        self.notes = collections.Counter()  # other facts: check matches, emails, recipients...
        self.per_minute = collections.Counter()  # minute -> requests
        self.errors_per_minute = collections.Counter()
        self.start = time.monotonic()

    def minute(self):
        return int((time.monotonic() - self.start) // 60) + 1

    def record(self, kind, seconds, error=None, example=None):
        with self.lock:
            m = self.minute()
            self.count[kind] += 1
            self.per_minute[m] += 1
            self.latency[kind].append(seconds)
            if error is None:
                self.ok[kind] += 1
            else:
                self.errors[(kind, error)] += 1
                self.errors_per_minute[m] += 1
                self.error_examples.setdefault((kind, error), example)

    def note(self, key, n=1):
        with self.lock:
            self.notes[key] += n

    def error_count(self):
        with self.lock:
            return sum(self.errors.values())


class Client:
    """One keep-alive connection; a request either answers or is an error (no retries)."""

    def __init__(self, base, stats, token=None):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.stats = stats
        self.conn = None
        self.last = 0.0
        self.token = token

    def request(self, kind, method, path, body=None, expect=200):
        """Returns (status, parsed JSON or None); records the outcome under `kind`."""
        if self.conn is None or time.monotonic() - self.last > IDLE_RECONNECT:
            if self.conn is not None:
                self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        t0 = time.monotonic()
        try:
            self.conn.request(method, path, body=data, headers=headers)
            resp = self.conn.getresponse()
            raw = resp.read()
            status = resp.status
            if resp.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
        except Exception as e:  # connection refused, reset, timeout: all errors
            self.stats.record(kind, time.monotonic() - t0, f"connection: {type(e).__name__}", str(e))
            try:
                self.conn.close()
            finally:
                self.conn = None
            return None, None
        elapsed = time.monotonic() - t0
        self.last = time.monotonic()
        parsed = None
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            pass
        if status != expect:
            what = f"{status}"
            if isinstance(parsed, dict) and "code" in parsed:
                what += f" {parsed.get('code')} ({parsed.get('type')})"
            self.stats.record(kind, elapsed, what, raw[:600].decode("utf-8", "replace"))
            return status, parsed
        self.stats.record(kind, elapsed)
        return status, parsed

    def wrong(self, kind, what, example):
        """An answer with the right status but the wrong content: counted as an error of `kind`."""
        with self.stats.lock:
            self.stats.errors[(kind, what)] += 1
            self.stats.errors_per_minute[self.stats.minute()] += 1
            self.stats.error_examples.setdefault((kind, what), example)


# ---------------------------------------------------------------------------------------------
# Shared state between the threads


class Shared:
    def __init__(self, seed):
        rng = random.Random(seed)
        self.phones = phone_pool(rng, 3000)
        self.lock = threading.Lock()
        self.receipts = []  # ring of recent receipts
        self.receipt_next = 0
        self.published = []  # national phone numbers in published alerts
        self.subscribed = 0
        self.run = f"{seed:x}"

    def add_receipt(self, receipt):
        with self.lock:
            if len(self.receipts) < 5000:
                self.receipts.append(receipt)
            else:
                self.receipts[self.receipt_next] = receipt
                self.receipt_next = (self.receipt_next + 1) % 5000

    def some_receipt(self, rng):
        with self.lock:
            return rng.choice(self.receipts) if self.receipts else None


def national(phone):
    """07700900123 from any of the written forms above (for recording what was published)."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits


def worker(base, stats, shared, tasks, seed):
    rng = random.Random(seed)
    client = Client(base, stats)
    while True:
        kind = tasks.get()
        if kind is None:
            return
        if kind in ("status", "message"):
            receipt = shared.some_receipt(rng)
            if receipt is None:
                kind = "report"
        if kind == "report":
            status, body = client.request("report", "POST", "/api/v1/reports", make_report(rng, shared.phones), 201)
            if status == 201:
                if isinstance(body, dict) and str(body.get("receipt", "")).startswith("LKT-"):
                    shared.add_receipt(body["receipt"])
                else:
                    client.wrong("report", "201 without a receipt", json.dumps(body))
        elif kind == "status":
            status, body = client.request("status", "POST", "/api/v1/receipt", {"receipt": receipt}, 200)
            if status == 200:
                if not (isinstance(body, dict) and body.get("status") in
                        ("received", "reviewed", "alert_published", "forwarded", "closed")):
                    client.wrong("status", "200 without a status", json.dumps(body)[:600])
                elif any(m.get("from") == "caseworker" for m in body.get("messages", [])):
                    stats.note("status lookups that showed a caseworker's reply")
        elif kind == "message":
            client.request("message", "POST", "/api/v1/receipt/messages",
                           {"receipt": receipt, "body": rng.choice(FOLLOW_UPS)}, 201)
        elif kind == "check":
            with shared.lock:
                published = rng.choice(shared.published) if shared.published and rng.random() < 0.3 else None
            number = published or rng.choice(shared.phones)
            status, body = client.request("check", "POST", "/api/v1/checks", {"phone": write_phone(rng, number)}, 200)
            if status == 200:
                matches = body.get("matches") if isinstance(body, dict) else None
                if not isinstance(matches, list):
                    client.wrong("check", "200 without matches", json.dumps(body)[:600])
                elif matches:
                    stats.note("checks that matched a published alert")
                elif published:
                    client.wrong("check", "a published number did not match", number)
        elif kind == "subscribe":
            with shared.lock:
                shared.subscribed += 1
                n = shared.subscribed
            regions = sorted(set(["south-wales"] * (rng.random() < 0.7) + rng.sample(REGIONS_WEIGHTED[6:], rng.randint(0, 2)))) or ["metropolitan"]
            body = {"email": f"soak-{shared.run}-{n}@example.org", "regions": regions,
                    "language": rng.choice(["en", "en", "ro", "pl", "pt-BR", "es"])}
            if rng.random() < 0.5:
                body["categories"] = rng.sample(CATEGORIES, 3)
            client.request("subscribe", "POST", "/api/v1/subscriptions", body, 202)


def scheduler(rates, tasks, stop, stats):
    """Puts kinds on the queue at the given rates (evenly spaced, kinds interleaved at random)."""
    rng = random.Random(7)
    kinds = list(rates)
    weights = [rates[k] for k in kinds]
    total = sum(weights)
    interval = 1.0 / total
    nxt = time.monotonic()
    while not stop.is_set():
        now = time.monotonic()
        if nxt > now:
            time.sleep(min(nxt - now, 0.05))
            continue
        if now - nxt > 1.0:  # a second behind: skip ahead rather than burst
            missed = int((now - nxt) / interval)
            stats.note("requests shed (workers more than 1 s behind)", missed)
            nxt = now
        kind = rng.choices(kinds, weights)[0]
        try:
            tasks.put(kind, timeout=0.5)
        except queue.Full:
            continue
        nxt += interval


def staff(base, stats, shared, email_, password, stop, list_every):
    rng = random.Random(11)
    client = Client(base, stats)
    status, body = client.request("staff login", "POST", "/api/v1/auth/login", {"email": email_, "password": password}, 200)
    if status != 200:
        return
    client.token = body["token"]
    candidates = collections.deque(maxlen=200)
    next_reply = next_publish = time.monotonic() + 10
    sizes = []
    cases, listed = [], -1e9
    while not stop.wait(STAFF_EVERY):
        t0 = time.monotonic()
        if t0 - listed >= list_every:
            listed = t0
            status, cases = client.request("staff list cases", "GET", "/api/v1/cases?status=received", None, 200)
            if status == 200 and isinstance(cases, list):
                sizes.append((round(time.monotonic() - stats.start), len(cases), time.monotonic() - t0))
            else:
                cases = []
        if cases:
            case = cases.pop(rng.randrange(len(cases)))
            status, view = client.request("staff view case", "GET", f"/api/v1/cases/{case['id']}", None, 200)
            if status == 200:
                report = view.get("report", {})
                if report.get("alert") and report.get("perpetrator", {}).get("phone_numbers"):
                    candidates.append(case["id"])
        now = time.monotonic()
        if now >= next_reply and candidates:
            next_reply = now + REPLY_EVERY
            client.request("staff reply", "POST", f"/api/v1/cases/{rng.choice(candidates)}/messages",
                           {"body": rng.choice(REPLIES)}, 201)
        if now >= next_publish and candidates:
            next_publish = now + PUBLISH_EVERY
            case_id = candidates.pop()
            status, draft = client.request("staff alert draft", "GET", f"/api/v1/cases/{case_id}/alert-draft", None, 200)
            if status != 200:
                continue
            alert = {"title": draft["title"], "body": draft["body"], "regions": [draft["region"]],
                     "category": draft["category"], "identifiers": draft["identifiers"]}
            status, published = client.request("staff publish alert", "POST", f"/api/v1/cases/{case_id}/alerts", alert, 201)
            if status == 201:
                stats.note("alert recipients (confirmed subscribers matched)", published.get("recipients", 0))
                phones = [national(p) for p in draft["identifiers"].get("phone_numbers", [])]
                with shared.lock:
                    shared.published.extend(phones)
    stats.note("staff: received cases listed, last", sizes[-1][1] if sizes else 0)
    shared.case_list = sizes


CONFIRM = re.compile(r"/subscriptions/confirm\?token=([A-Za-z0-9_\-]+)")


def mail_reader(base, stats, outbox, stop):
    """Confirms subscriptions from the confirmation emails; counts alert emails; deletes what it read."""
    client = Client(base, stats)
    while not stop.wait(1.0):
        cutoff = time.time() - 1.0  # a file the service may still be writing is left for the next pass
        try:
            entries = [e for e in os.scandir(outbox) if e.name.endswith(".eml") and e.stat().st_mtime < cutoff]
        except FileNotFoundError:
            continue
        for entry in entries:
            with open(entry.path, "rb") as f:
                msg = email.message_from_binary_file(f, policy=email.policy.default)
            text = ""
            for part in msg.walk():
                if part.get_content_type() == "text/plain":
                    text += part.get_content()
            match = CONFIRM.search(text)
            if match:
                stats.note("confirmation emails")
                status, _ = client.request("confirm", "POST", "/api/v1/subscriptions/confirm", {"token": match.group(1)}, 200)
            elif "/subscriptions/unsubscribe?token=" in text:
                stats.note("alert emails")
            else:
                stats.note("other emails")
            os.unlink(entry.path)
            if stop.is_set():
                break


def read_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                out[key] = int(value.split()[0])
    out["fds"] = len(os.listdir(f"/proc/{pid}/fd"))
    return out


def sampler(pid, stats, samples, stop, every=10.0):
    nxt = time.monotonic()
    while True:
        s = read_status(pid)
        t = time.monotonic() - stats.start
        with stats.lock:
            s["requests"] = sum(stats.count.values())
            s["errors"] = sum(stats.errors.values())
        s["t"] = round(t)
        samples.append(s)
        nxt += every
        if stop.wait(max(0.0, nxt - time.monotonic())):
            return


def pct(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--outbox", required=True)
    ap.add_argument("--staff-email", required=True)
    ap.add_argument("--staff-password", required=True)
    ap.add_argument("--workers", type=int, default=WORKERS_DEFAULT)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--tolerance-pct", type=float, default=20)
    ap.add_argument("--tolerance-mib", type=float, default=8)
    ap.add_argument("--list-every", type=float, default=STAFF_EVERY,
                    help="seconds between listings of the received cases (a case is viewed every %(default)s s)")
    ap.add_argument("--out")
    args = ap.parse_args()

    stats = Stats()
    shared = Shared(random.randrange(1 << 32))
    rates = {k: v * args.scale for k, v in RATES.items()}
    tasks = queue.Queue(maxsize=args.workers * 2)
    stop = threading.Event()
    sample_stop = threading.Event()
    samples = []

    sampler_t = threading.Thread(target=sampler, args=(args.pid, stats, samples, sample_stop), daemon=True)
    sampler_t.start()
    workers = [threading.Thread(target=worker, args=(args.url, stats, shared, tasks, i), daemon=True)
               for i in range(args.workers)]
    for w in workers:
        w.start()
    side = [threading.Thread(target=staff, args=(args.url, stats, shared, args.staff_email, args.staff_password, stop, args.list_every), daemon=True),
            threading.Thread(target=mail_reader, args=(args.url, stats, args.outbox, stop), daemon=True)]
    for t in side:
        t.start()
    sched = threading.Thread(target=scheduler, args=(rates, tasks, stop, stats), daemon=True)
    sched.start()

    deadline = stats.start + args.minutes * 60
    while time.monotonic() < deadline:
        time.sleep(min(10.0, max(0.0, deadline - time.monotonic())))
        with stats.lock:
            n, e = sum(stats.count.values()), sum(stats.errors.values())
        rss = samples[-1]["VmRSS"] / 1024 if samples else 0
        print(f"  {time.monotonic() - stats.start:5.0f} s: {n} requests, {e} errors, VmRSS {rss:.1f} MiB", file=sys.stderr, flush=True)
    stop.set()
    sched.join()
    for _ in workers:
        tasks.put(None)
    for w in workers:
        w.join()
    for t in side:
        t.join(timeout=40)
    elapsed = time.monotonic() - stats.start
    sample_stop.set()
    sampler_t.join()
    final = read_status(args.pid)

    # ---- summary
    minutes = int(round(args.minutes))
    by_minute = collections.defaultdict(list)
    for s in samples[1:]:  # the first sample is taken before any load
        m = min(minutes, max(1, -(-s["t"] // 60)))
        by_minute[m].append(s)
    mean = lambda xs: sum(xs) / len(xs)
    rss_minute = {m: mean([s["VmRSS"] for s in v]) / 1024 for m, v in sorted(by_minute.items())}
    errors = sum(stats.errors.values())

    print(f"duration {elapsed:.0f} s, {args.workers} workers, target rates /s: "
          + ", ".join(f"{k} {v:g}" for k, v in rates.items())
          + f"; staff: list every {args.list_every:g} s, view every {STAFF_EVERY:g} s, reply every {REPLY_EVERY:g} s, publish every {PUBLISH_EVERY:g} s")
    print(f"{'kind':<22}{'requests':>10}{'per s':>8}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for kind in sorted(stats.count, key=lambda k: -stats.count[k]):
        lat = stats.latency[kind]
        err = sum(v for (k, _), v in stats.errors.items() if k == kind)
        print(f"{kind:<22}{stats.count[kind]:>10}{stats.count[kind] / elapsed:>8.1f}{err:>8}"
              f"{pct(lat, 50) * 1000:>9.1f}{pct(lat, 99) * 1000:>9.1f}{max(lat) * 1000:>9.1f}")
    total = sum(stats.count.values())
    print(f"{'total':<22}{total:>10}{total / elapsed:>8.1f}{errors:>8}")
    for key, n in sorted(stats.notes.items()):
        print(f"  {key}: {n}")
    if getattr(shared, "case_list", None):
        t, n, secs = shared.case_list[-1]
        t0, n0, secs0 = shared.case_list[0]
        print(f"  staff case list: {n0} received cases in {secs0 * 1000:.0f} ms at {t0} s; {n} in {secs * 1000:.0f} ms at {t} s")
    print(f"errors: {errors}")
    for (kind, what), n in sorted(stats.errors.items(), key=lambda kv: -kv[1]):
        print(f"  {kind}: {what} x{n}; first: {stats.error_examples[(kind, what)]}")
    print("resident size (samples every 10 s; minute: mean VmRSS, min-max, threads, open files, requests in the minute):")
    print(f"  start: {samples[0]['VmRSS'] / 1024:.1f} MiB, {samples[0]['Threads']} threads, {samples[0]['fds']} files")
    for m, v in sorted(by_minute.items()):
        rs = [s["VmRSS"] / 1024 for s in v]
        print(f"  minute {m:>2}: {mean(rs):6.1f} MiB ({min(rs):.1f}-{max(rs):.1f}), {v[-1]['Threads']} threads, "
              f"{v[-1]['fds']} files, {stats.per_minute.get(m, 0)} requests")
    print(f"  after the load: VmRSS {final['VmRSS'] / 1024:.1f} MiB, VmHWM {final['VmHWM'] / 1024:.1f} MiB")

    verdict_ok = errors == 0
    reasons = []
    if errors:
        reasons.append(f"{errors} errors")
    if len(rss_minute) >= 3:
        second, last = rss_minute[2], rss_minute[max(rss_minute)]
        allowed = max(second * args.tolerance_pct / 100, args.tolerance_mib)
        growth = last - second
        line = (f"last minute {last:.1f} MiB vs second minute {second:.1f} MiB: {growth:+.1f} MiB "
                f"(tolerance {allowed:.1f} MiB = max({args.tolerance_pct:g}%, {args.tolerance_mib:g} MiB))")
        if growth > allowed:
            verdict_ok = False
            reasons.append("resident size grew: " + line)
        else:
            reasons.append("resident size flat: " + line)
    else:
        reasons.append("run shorter than 3 minutes: resident size not judged")
    print(("PASS: " if verdict_ok else "FAIL: ") + "; ".join(reasons))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"elapsed": elapsed, "rates": rates, "count": stats.count, "notes": stats.notes,
                       "errors": {f"{k} | {w}": n for (k, w), n in stats.errors.items()},
                       "samples": samples, "final": final, "rss_minute": rss_minute,
                       "per_minute": stats.per_minute, "case_list": getattr(shared, "case_list", []),
                       "verdict": verdict_ok}, f, indent=1)
    sys.exit(0 if verdict_ok else 1)


if __name__ == "__main__":
    main()
