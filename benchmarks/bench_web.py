"""Latency of the web pages (stories list, story page) with N articles in the store, under a bounded load.

    .venv/bin/python benchmarks/bench_web.py [--articles 10000] [--requests 400] [--concurrency 4]

1. Builds a store of N articles: the BBC articles of ``../shared/data/bbc-news-2225`` (title = first
   line), each used several times with perturbations that make distinct reports (every number changed,
   the date shifted by a different number of days per copy, the outlet changed), ingested with
   :func:`newsbrief.collect.ingest_articles` (dedup + stories).  Cached under ``--work`` between runs.
2. Starts ``newsbrief serve`` on 127.0.0.1 (a free port) in a subprocess.
3. Warms the briefing cache of ``--stories`` story pages (a briefing is computed once per story version
   and then served from the store's cache), timing those cold requests separately.
4. Sends ``--requests`` requests per page type from ``--concurrency`` loopback client threads
   (keep-alive connections): stories pages (various pages, searches, outlet and date filters) and
   cached story pages; prints p50/p95/max latency and requests/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "data" / "bbc-news-2225" / "bbc"
OUTLETS = ("Wire One", "Daily Courier", "Evening Post", "Harbour Times", "City Ledger", "Morning Star")
NUMBER = re.compile(r"\d+")


def base_articles() -> list[tuple[str, str]]:
    """(title, text) of the BBC articles (falls back to the bundled examples when the data is absent)."""
    from newsbrief.text import content_hash

    files = sorted(BBC.glob("*/*.txt")) if BBC.exists() else sorted((REPO / "examples").rglob("*.txt"))
    out = []
    seen: set[str] = set()
    for path in files:
        raw = path.read_text(encoding="latin-1").strip()
        title, _, body = raw.partition("\n")
        key = content_hash(body)
        if len(body.split()) > 50 and key not in seen:  # the BBC set holds exact copies: keep one
            seen.add(key)
            out.append((title.strip(), body.strip()))
    return out


def perturbed(index: int, title: str, text: str, copy: int) -> tuple[str, str, dt.date, str]:
    """Copy ``copy`` of a base article: numbers changed, a date and an outlet of its own."""
    rng = random.Random(index * 1000 + copy)

    def renumber(match: re.Match[str]) -> str:
        return str(int(match.group()) + rng.randint(1, 97)) if copy else match.group()

    day = dt.date(2004, 1, 1) + dt.timedelta(days=(index * 7 + copy * 37) % 700)
    return NUMBER.sub(renumber, title), NUMBER.sub(renumber, text), day, OUTLETS[(index + copy) % len(OUTLETS)]


def build_store(db: Path, count: int) -> None:
    from newsbrief.collect import ingest_articles
    from newsbrief.model import Article
    from newsbrief.settings import Settings
    from newsbrief.store import Store
    from newsbrief.text import article_id, content_hash

    bases = base_articles()
    articles = []
    for n in range(count):
        index, copy = n % len(bases), n // len(bases)
        title, text, day, outlet = perturbed(index, *bases[index], copy)
        source = f"bench/{outlet.replace(' ', '-').lower()}/{index:04d}-{copy}.txt"
        digest = content_hash(text)
        articles.append(
            Article(id=article_id(source, digest), content_hash=digest, source=source, title=title, text=text,
                    outlet=outlet, published=day, language="en", provenance={"outlet": "benchmark"})
        )
    started = time.perf_counter()
    with Store.open(str(db)) as store:
        counts = ingest_articles(articles, store=store, settings=Settings())
    print(f"store: {count} articles ingested in {time.perf_counter() - started:.1f} s: {counts.as_dict()}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(conn: http.client.HTTPConnection, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    return time.perf_counter() - started, response.status


def load(port: int, paths: list[str], concurrency: int) -> tuple[list[float], float, int]:
    """Fetch ``paths`` from ``concurrency`` threads; returns latencies, wall time, non-200 count."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    queue = list(reversed(paths))

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            seconds, status = get(conn, path)
            with lock:
                latencies.append(seconds)
                errors += status != 200
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - started, errors


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by the server process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(name: str, latencies: list[float], wall: float, errors: int, cpu: float) -> None:
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
    print(f"{name:<20} n={len(ms):<4} p50={statistics.median(ms):7.1f} ms  p95={p95:7.1f} ms  "
          f"max={ms[-1]:7.1f} ms  {len(ms) / wall:6.1f} req/s  server CPU {cpu / len(ms) * 1000:5.1f} ms/req  "
          f"non-200={errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400, help="requests per page type")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--stories", type=int, default=40, help="story pages to warm and then request")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsbrief-bench-web")
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"web-{args.articles}.db"
    if not db.exists():
        build_store(db, args.articles)
    with sqlite3.connect(db) as con:  # start cold: no cached briefing
        con.execute("DELETE FROM briefings")
    port = free_port()
    newsbrief = shutil.which("newsbrief", path=str(Path(sys.executable).parent)) or "newsbrief"
    server = subprocess.Popen([newsbrief, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
        for _ in range(300):
            try:
                listing = json.loads((conn.request("GET", "/api/stories?sort=largest"), conn.getresponse().read())[1])
                break
            except OSError:
                conn.close()
                time.sleep(0.2)
        else:
            raise SystemExit("server did not start")
        total = listing["total"]
        pages = listing["pages"]
        print(f"server: {total} stories ({pages} pages), concurrency {args.concurrency}, "
              f"{args.requests} requests per page type")
        rng = random.Random(7)
        # Story pages: a seeded sample of stories from every part of the list (typical sizes, not only
        # the largest: briefing a 130-article story takes minutes here, see docs/web.md).
        story_ids: list[str] = []
        for number in rng.sample(range(1, pages + 1), min(pages, args.stories)):
            conn.request("GET", f"/api/stories?page={number}")
            story_ids.append(rng.choice(json.loads(conn.getresponse().read())["stories"])["id"])
        story_ids = story_ids[: args.stories]
        cold = []
        cpu = server_cpu(server.pid)
        for story_id in story_ids:
            seconds, _ = get(conn, f"/stories/{story_id}")
            cold.append(seconds)
        report("story page, cold", cold, sum(cold), 0, server_cpu(server.pid) - cpu)
        words = ["government", "profit", "music", "election", "film", "market", "police", "football", "phone"]
        stories_paths = []
        for i in range(args.requests):
            kind = i % 4
            if kind == 0:
                stories_paths.append(f"/?page={rng.randint(1, pages)}")
            elif kind == 1:
                stories_paths.append("/?" + urllib.parse.urlencode({"q": rng.choice(words)}))
            elif kind == 2:
                stories_paths.append("/?" + urllib.parse.urlencode({"outlet": rng.choice(OUTLETS), "sort": "largest"}))
            else:
                stories_paths.append("/?since=2004-06-01&until=2004-09-30")
        cpu = server_cpu(server.pid)
        result = load(port, stories_paths, args.concurrency)
        report("stories page", *result, server_cpu(server.pid) - cpu)
        story_paths = [f"/stories/{rng.choice(story_ids)}" for _ in range(args.requests)]
        cpu = server_cpu(server.pid)
        result = load(port, story_paths, args.concurrency)
        report("story page, cached", *result, server_cpu(server.pid) - cpu)
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
