"""Time and peak memory to brief 10-, 50- and 200-article stories, models loaded once.

Run: ``.venv/bin/python benchmarks/bench_brief.py [--data ../shared/data] [--sizes 10 50 200]``.
Articles: DUC 2004 newswire read through the pipeline (10 per topic; the 50- and 200-article stories
join 5 and 20 topics, briefed as one story with ``brief_story``).  The spaCy models are loaded and
warmed up on other articles first; each size is timed over ``--repeat`` runs on fresh article
objects (so NLP caches keyed by article do not help), then run once more under ``tracemalloc`` for the
peak of Python allocations during the brief.  Each timed run reports wall-clock seconds and the
process's CPU seconds (``time.process_time``: both threads — spaCy NER runs in a second thread while
alignment and the summary run) and the part of it spent in the spaCy parse; on a shared machine the CPU
figures are the steadier ones.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsbrief.brief import brief_story
from newsbrief.dedup import find_duplicate_groups
from newsbrief.evaluate_data import read_articles
from newsbrief.model import Article, Story
from newsbrief.nlp import NlpModels
from newsbrief.settings import BriefOptions, DedupOptions

if TYPE_CHECKING:
    from spacy.tokens import Doc


class _TimedModels(NlpModels):
    """``NlpModels`` that adds up the CPU time of the spaCy parse (in the thread that runs it)."""

    def __init__(self) -> None:
        super().__init__()
        self.ner_cpu = 0.0

    def docs(self, articles: Sequence[Article]) -> dict[str, Doc]:
        start = time.thread_time()
        try:
            return super().docs(articles)
        finally:
            self.ner_cpu += time.thread_time() - start


def _fresh(articles: list[Article], run: int) -> list[Article]:
    """Copies with new ids, so per-article caches start cold (as for a story never seen before)."""
    return [replace(a, id=f"{a.id}-{run}", content_hash=f"{a.content_hash}-{run}") for a in articles]


def _brief(articles: list[Article], models: NlpModels) -> int:
    groups = find_duplicate_groups(articles, options=DedupOptions())
    story = Story("bench", tuple(a.id for a in articles), groups)
    b = brief_story(articles, story=story, groups=groups, models=models, options=BriefOptions())
    return len(b.summary)


def main() -> None:
    """Print one line per story size: mean/min seconds and peak traced MiB."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folders = sorted((Path(args.data) / "duc2004" / "docs").iterdir())
    needed = max(args.sizes) // 10 + 1
    pool: list[Article] = []
    for folder in folders[:needed]:
        pool.extend(read_articles(sorted(folder.iterdir())))
    models = _TimedModels()
    t0 = time.perf_counter()
    _brief(pool[-10:], models)  # load spaCy and warm up on articles not in the smallest story
    print(f"model load + warm-up: {time.perf_counter() - t0:.2f} s; load average {os.getloadavg()[0]:.1f}")
    for size in args.sizes:
        articles = pool[:size]
        times, cpu, ner = [], [], []
        for run in range(args.repeat):
            fresh = _fresh(articles, run)
            models.ner_cpu = 0.0
            start, start_cpu = time.perf_counter(), time.process_time()
            _brief(fresh, models)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            ner.append(models.ner_cpu)
        tracemalloc.start()
        _brief(_fresh(articles, 99), models)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        words = sum(a.words for a in articles)
        print(
            f"{size:4d} articles ({words:6d} words): mean {statistics.mean(times):.2f} s, "
            f"min {min(times):.2f} s over {args.repeat} runs (CPU mean {statistics.mean(cpu):.2f} s, "
            f"of which spaCy NER {statistics.mean(ner):.2f} s in its own thread); "
            f"peak traced memory {peak / 2**20:.1f} MiB",
            flush=True,
        )


if __name__ == "__main__":
    main()
