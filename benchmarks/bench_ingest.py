"""Throughput and peak memory of ingest + clean + meta (:func:`newsbrief.pipeline.iter_articles`).

    .venv/bin/python benchmarks/bench_ingest.py [--articles 10000] [--html 1000] [--workers 2] [--chunk-size 500]

1. Plain text: writes ``--articles`` files into a temporary folder, made from the BBC articles of
   ``../shared/data/bbc-news-2225`` (first line the title), each copy perturbed so that no two files
   are identical (every number in the body changed, a copy-specific sentence order of the last
   paragraphs, a short outlet line), then times ``iter_articles`` over the folder.
2. HTML: copies the article-extraction benchmark's pages (``html/*.html.gz``, 181 real pages) until
   there are ``--html`` files, and times the same call (trafilatura extraction runs during ingest).

3. Stages: ``--stages`` plain-text documents timed stage by stage in one process (CPU ms per
   document of ingest, clean, meta, ``time.process_time``), to show where the time goes.

Prints one JSON line per run: articles, rejected, seconds, articles/s, CPU seconds of the main
process and its workers together (user + system, ``resource.getrusage``) and CPU ms per article,
peak resident memory of the main process and of the worker processes (MiB).  Generating the inputs
is not timed.  Run it on an otherwise idle machine: the articles/s figure scales with free cores;
the CPU time per article is the load-independent figure (N cores give about N / that).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from newsbrief.clean import Cleaner
from newsbrief.ingest import read_inputs
from newsbrief.meta import LanguageDetector, describe
from newsbrief.model import Article, RawDocument
from newsbrief.pipeline import iter_articles
from newsbrief.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
BBC = DATA / "bbc-news-2225" / "bbc"
HTML = DATA / "article-extraction-benchmark" / "html"
NUMBER = re.compile(r"\d+")
OUTLETS = ("Wire One", "Daily Courier", "Evening Post", "Harbour Times", "City Ledger", "Morning Star")


def make_text_corpus(folder: Path, count: int, *, seed: int = 1) -> int:
    """Write ``count`` perturbed copies of the BBC articles under ``folder``; returns the bytes written."""
    rng = random.Random(seed)
    sources = sorted(BBC.glob("*/*.txt"))
    if not sources:
        raise SystemExit(f"no BBC articles under {BBC}")
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sources]
    written = 0
    for number in range(count):
        copy, index = divmod(number, len(texts))
        lines = texts[index].split("\n")
        title, body = lines[0], "\n".join(lines[1:])
        if copy:
            body = NUMBER.sub(lambda m, shift=copy: str(int(m.group()) + shift), body)
            paragraphs = [p for p in body.split("\n\n") if p.strip()]
            tail = paragraphs[2:]
            rng.shuffle(tail)
            body = "\n\n".join(paragraphs[:2] + tail)
        text = f"{title}\n\n{OUTLETS[number % len(OUTLETS)]}\n\n{body.strip()}\n"
        target = folder / f"{copy:03d}" / f"{index:04d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        written += target.write_bytes(text.encode("utf-8"))
    return written


def make_html_corpus(folder: Path, count: int) -> int:
    """Copy the extraction benchmark's gzipped pages until there are ``count`` files."""
    pages = sorted(HTML.glob("*.html.gz"))
    if not pages:
        raise SystemExit(f"no pages under {HTML}")
    written = 0
    for number in range(count):
        copy, index = divmod(number, len(pages))
        target = folder / f"{copy:03d}" / pages[index].name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pages[index], target)
        written += target.stat().st_size
    return written


def run(folder: Path, *, kind: str, workers: int, chunk_size: int, input_bytes: int) -> dict[str, object]:
    """Time one full pass of ``iter_articles`` over ``folder``."""
    articles = rejected = appended = 0
    cpu_start = _cpu_seconds()
    start = time.perf_counter()
    for item in iter_articles([str(folder)], settings=Settings(), workers=workers, chunk_size=chunk_size):
        if isinstance(item, Article):
            articles += 1
            appended += len(item.appended)
        else:
            rejected += 1
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_start
    return {
        "kind": kind,
        "inputs": articles + rejected,
        "articles": articles,
        "appended_split_off": appended,
        "rejected": rejected,
        "workers": workers,
        "chunk_size": chunk_size,
        "input_mib": round(input_bytes / 2**20, 1),
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 1),
        "cpu_seconds": round(cpu, 2),
        "cpu_ms_per_article": round(cpu / max(articles, 1) * 1000, 3),
        "peak_rss_main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_workers_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished children (the worker processes).

    On a shared machine the wall-clock rate depends on the load; the CPU time per article does not
    (much), and on an idle machine with N cores the rate is about N / (CPU time per article).
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_stages(folder: Path, *, kind: str) -> dict[str, object]:
    """Milliseconds per document of each stage, in one process: ingest, clean (observe + clean), meta."""
    settings = Settings()
    clock = time.process_time  # CPU time of this process: the stage costs, whatever the machine's load
    start = clock()
    raws = [d for d in read_inputs([str(folder)], options=settings.ingest) if isinstance(d, RawDocument)]
    ingest = clock() - start
    cleaner = Cleaner(options=settings.clean)
    start = clock()
    for raw in raws:
        cleaner.observe(raw)
    cleaned = [cleaner.clean(raw) for raw in raws]
    clean = clock() - start
    detector = LanguageDetector()
    start = clock()
    for raw, result in zip(raws, cleaned, strict=True):
        describe(raw, result, options=settings.meta, detector=detector)
    meta = clock() - start
    n = max(len(raws), 1)
    return {
        "kind": f"{kind}-stages",
        "documents": len(raws),
        "ingest_ms_per_doc": round(ingest / n * 1000, 2),
        "clean_ms_per_doc": round(clean / n * 1000, 2),
        "meta_ms_per_doc": round(meta / n * 1000, 2),
    }


def main() -> None:
    """Generate the inputs, run the plain-text and HTML passes, print one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="plain-text articles (default 10000)")
    parser.add_argument("--html", type=int, default=1_000, help="HTML pages (default 1000; 0 skips)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--chunk-size", type=int, default=500, help="documents per chunk (default 500)")
    parser.add_argument("--stages", type=int, default=1_000, help="documents timed stage by stage in one process (0 skips)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        root = Path(tmp)
        if args.articles:
            size = make_text_corpus(root / "text", args.articles)
            result = run(root / "text", kind="text", workers=args.workers, chunk_size=args.chunk_size, input_bytes=size)
            print(json.dumps(result), flush=True)
            if args.stages:
                make_text_corpus(root / "stages", min(args.stages, args.articles))
                print(json.dumps(run_stages(root / "stages", kind="text")), flush=True)
        if args.html:
            size = make_html_corpus(root / "html", args.html)
            result = run(root / "html", kind="html", workers=args.workers, chunk_size=args.chunk_size, input_bytes=size)
            print(json.dumps(result), flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
