"""Throughput and peak memory of dedup → story clustering → store ingest for 1k, 10k, 100k articles.

    .venv/bin/python benchmarks/bench_stories.py [--sizes 1000 10000 100000] [--workers 2] [--store-max 10000]

Inputs are built from real articles: the 2,225 BBC articles (``bbc-news-2225``, first line the title)
and the DUC 2003 + 2004 newswire (``duc2003/docs.without.headlines``, ``duc2004/docs``, read through
:func:`newsbrief.pipeline.iter_articles`).  Article *j*
of a run is base article ``j mod N`` in round ``r = j div N``:

* round 0 is the real article as it is (with its real near-duplicate copies, e.g. BBC's);
* round r ≥ 1 is a *distinct story*, not a near-copy: sentence *i* is the base article's sentence *i*
  for even *i* and sentence *i* of another article of the same topic folder for odd *i* (a different
  partner per round; so it holds half of each, never a whole text), every
  capitalised name after the first word of a sentence is swapped for another name of the corpus (a
  round-specific rotation of the name pool), every number is changed (``n → n + 3r + 1``), and the
  date is shifted by ``45 r`` days (beyond the 7-day story window; with the soft time decay of
  ``ClusterOptions`` rounds whose texts stay close still merge, so stories grow with the rounds).

Each size runs in a fresh subprocess (its own peak RSS): generation (not timed), then
1. ``dedup``: :func:`newsbrief.dedup.find_duplicate_groups` (signatures of whole chunks of texts
   vectorised, on ``--workers`` processes; LSH banding; exact verification);
2. ``cluster``: :func:`newsbrief.cluster.cluster_stories` over the articles and groups;
3. ``store`` (sizes ≤ ``--store-max``): :func:`newsbrief.collect.ingest_articles` into a new SQLite
   store in batches of 2,000 (dedup against the store, incremental clustering, transactions).

Prints one JSON line per size on stdout (and the partial line after each stage on stderr).  CPU
seconds are user + system of the process and its workers; peak RSS is reported after each stage
(it only grows), workers separately.  File reading and cleaning (the pipeline) is measured by
``benchmarks/bench_ingest.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def base_articles() -> list[tuple[str, str, str, dt.date]]:
    """``(topic, title, text, date)`` of the real articles used as bases."""
    from newsbrief.model import Article
    from newsbrief.pipeline import iter_articles
    from newsbrief.settings import Settings

    bases = []
    start = dt.date(2004, 1, 1)
    for i, path in enumerate(sorted((DATA / "bbc-news-2225" / "bbc").glob("*/*.txt"))):
        title, _, body = path.read_bytes().decode("utf-8", errors="replace").partition("\n")
        bases.append((f"bbc/{path.parent.name}", title.strip(), body.strip(), start + dt.timedelta(days=i % 365)))
    duc = [DATA / "duc2003" / "docs.without.headlines", DATA / "duc2004" / "docs"]
    for item in iter_articles([str(p) for p in duc], settings=Settings()):
        if isinstance(item, Article) and item.text:
            topic = Path(item.source.split("#", 1)[0]).parent.name  # the DUC cluster folder
            bases.append((f"duc/{topic}", item.title or "", item.text, item.published or start))
    return bases


class Generator:
    """Builds the benchmark articles (see the module docstring)."""

    def __init__(self) -> None:
        from newsbrief.text import SentenceSplitter, word_spans

        self.bases = base_articles()
        splitter = SentenceSplitter()
        self.sentences = [[text[s:e] for s, e in splitter.split(text)] for _, _, text, _ in self.bases]
        names: set[str] = set()
        for sentences in self.sentences:
            for sentence in sentences:
                for s, e in word_spans(sentence)[1:]:
                    if sentence[s].isupper() and sentence[s + 1 : e].islower():
                        names.add(sentence[s:e])
        self.names = sorted(names)
        self.name_index = {name: i for i, name in enumerate(self.names)}
        self.by_topic: dict[str, list[int]] = {}
        for i, (topic, *_rest) in enumerate(self.bases):
            self.by_topic.setdefault(topic, []).append(i)

    def _rewrite(self, sentence: str, round_: int) -> str:
        from newsbrief.text import word_spans

        out, last = [], 0
        for s, e in word_spans(sentence):
            token = sentence[s:e]
            if token.isdigit():
                token = str(int(token) + 3 * round_ + 1)
            elif s > 0 and token in self.name_index:
                token = self.names[(self.name_index[token] + 7919 * round_) % len(self.names)]
            out.append(sentence[last:s] + token)
            last = e
        out.append(sentence[last:])
        return "".join(out)

    def article(self, j: int) -> object:
        from newsbrief.model import Article
        from newsbrief.text import article_id, content_hash

        base = j % len(self.bases)
        round_ = j // len(self.bases)
        topic, title, text, date = self.bases[base]
        if round_:
            peers = self.by_topic[topic]
            partner = peers[(peers.index(base) + 7 * round_ + 1) % len(peers)]
            own, other = self.sentences[base], self.sentences[partner]
            # even positions from the base, odd ones from the partner: half of each, never a whole text
            mixed = [(own if i % 2 == 0 else other)[i] for i in range(min(len(own), len(other)))]
            mixed = mixed if len(mixed) >= 2 else own[:1] + other[1:3]
            text = " ".join(self._rewrite(s, round_) for s in mixed)
            title = self._rewrite(title, round_)
            date = date + dt.timedelta(days=45 * round_)
        source = f"bench/{j:07d}.txt"
        chash = content_hash(text)
        return Article(id=article_id(source, chash), content_hash=chash, source=source, title=title, text=text,
                       published=date)


def cpu_seconds() -> float:
    """User + system CPU time of this process and its waited-for children (the signature pool)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_mib() -> tuple[float, float]:
    """Peak RSS of this process and of its (waited-for) children, MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def run_one(size: int, *, workers: int, store_max: int) -> dict[str, object]:
    from newsbrief.cluster import cluster_stories
    from newsbrief.collect import ingest_articles
    from newsbrief.dedup import find_duplicate_groups
    from newsbrief.settings import Settings
    from newsbrief.store import Store

    settings = Settings()
    started = time.perf_counter()
    generator = Generator()
    articles = [generator.article(j) for j in range(size)]
    result: dict[str, object] = {"articles": size, "bases": len(generator.bases),
                                 "generate_s": round(time.perf_counter() - started, 1),
                                 "peak_rss_after_generate_mib": peak_mib()[0]}
    t0, c0 = time.perf_counter(), cpu_seconds()
    groups = find_duplicate_groups(articles, options=settings.dedup, workers=workers)  # type: ignore[arg-type]
    t1, c1 = time.perf_counter(), cpu_seconds()
    result.update({
        "dedup_s": round(t1 - t0, 2), "dedup_articles_per_s": round(size / (t1 - t0)),
        "dedup_cpu_s": round(c1 - c0, 2), "dedup_articles_per_cpu_s": round(size / (c1 - c0)),
        "peak_rss_after_dedup_mib": peak_mib()[0], "peak_rss_dedup_workers_mib": peak_mib()[1],
        "duplicate_groups": sum(1 for g in groups if len(g.members) > 1),
    })
    print(json.dumps(result), file=sys.stderr, flush=True)  # partial result: long runs show progress
    stories = cluster_stories(articles, groups=groups, options=settings.cluster)  # type: ignore[arg-type]
    t2, c2 = time.perf_counter(), cpu_seconds()
    result.update({"cluster_s": round(t2 - t1, 2), "cluster_cpu_s": round(c2 - c1, 2), "stories": len(stories),
                   "largest_story": max((len(s.article_ids) for s in stories), default=0),
                   "peak_rss_after_cluster_mib": peak_mib()[0]})
    print(json.dumps(result), file=sys.stderr, flush=True)
    if size <= store_max:
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
            t3, c3 = time.perf_counter(), cpu_seconds()
            counts = ingest_articles(articles, store=store, settings=settings, batch_size=2000,  # type: ignore[arg-type]
                                     workers=workers)
            t4, c4 = time.perf_counter(), cpu_seconds()
            result.update({"store_s": round(t4 - t3, 2), "store_articles_per_s": round(size / (t4 - t3)),
                           "store_cpu_s": round(c4 - c3, 2),
                           "store_counts": counts.as_dict(), "store_stories": store.counts()["stories"],
                           "db_mib": round((Path(tmp) / "bench.db").stat().st_size / 2**20, 1)})
    own, children = peak_mib()
    result.update({"peak_rss_mib": own, "peak_rss_workers_mib": children,
                   "load_average_1m": round(os.getloadavg()[0], 1)})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store-max", type=int, default=10000, help="largest size also ingested into a store")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, workers=args.workers, store_max=args.store_max)), flush=True)
        return
    for size in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size), "--workers", str(args.workers),
                        "--store-max", str(args.store_max)], check=True)


if __name__ == "__main__":
    main()
