"""Spark dedup and stories vs the embedded path on the same generated articles (local mode).

    .venv/bin/python benchmarks/bench_spark.py [--sizes 10000 100000] [--master local[2]] [--partitions 8]

Articles are generated on the fly by the stories benchmark's generator
(``benchmarks/bench_stories.py``: real BBC + DUC articles; beyond the first round every article is a
distinct story — sentences mixed with another article of its topic, names rotated, numbers changed,
dates shifted by 45 days per round).  They are written once as JSONL (``clean --format jsonl``
schema), not timed.  Then, per size:

* ``embedded``: :func:`newsbrief.dedup.find_duplicate_groups` (2 worker processes) then
  :func:`newsbrief.cluster.cluster_stories`, in this process;
* ``spark``: :func:`newsbrief.spark.clean.read_articles` of the JSONL (``read_s``, not in articles/s),
  :func:`newsbrief.spark.dedup.duplicate_groups` written to Parquet, then
  :func:`newsbrief.spark.stories.story_assignments` with those groups written to Parquet (the
  session start-up is not counted; each stage's wall time is).

Prints one JSON line per size and path: seconds per stage, articles/s, and (for Spark) whether the
duplicate groups equal the embedded ones, the adjusted Rand index of the stories, and the number of
story blocks and the largest block (units) — computed after the timed stages.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def tree_cpu() -> float:
    """CPU seconds (user + system) of this process and all its descendants, living or reaped.

    The Spark driver's JVM and the Python workers it forks are descendants of this process, so this
    counts the whole local Spark run, not just the driver.
    """
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = sum(int(x) for x in fields[11:15]) / tick
    mine, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in mine:
                mine.add(pid)
                frontier.append(pid)
    return sum(times.get(pid, 0.0) for pid in mine)


def load() -> float:
    """The 1-minute load average (other jobs on the machine slow every wall-clock figure)."""
    return round(os.getloadavg()[0], 2)


def generate(size: int, path: Path, *, keep: bool = True) -> list:
    """``size`` benchmark articles written to ``path`` as JSONL (and returned when ``keep``)."""
    sys.path.insert(0, str(ROOT))
    from bench_stories import Generator

    from newsbrief.serialize import article_to_dict

    generator = Generator()
    articles = []
    with path.open("w", encoding="utf-8") as out:
        for j in range(size):
            article = generator.article(j)
            out.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
            if keep:
                articles.append(article)
    return articles


def embedded(articles: list) -> tuple[dict[str, object], tuple, dict[str, str]]:
    """Time the embedded dedup and clustering."""
    from newsbrief.cluster import cluster_stories
    from newsbrief.dedup import find_duplicate_groups
    from newsbrief.settings import Settings

    settings = Settings()
    load_before, cpu0 = load(), tree_cpu()
    start = time.perf_counter()
    groups = find_duplicate_groups(articles, options=settings.dedup, workers=2)
    middle, cpu1 = time.perf_counter(), tree_cpu()
    stories = cluster_stories(articles, groups=groups, options=settings.cluster)
    end, cpu2 = time.perf_counter(), tree_cpu()
    story_of = {a: s.id for s in stories for a in s.article_ids}
    return {"dedup_s": round(middle - start, 1), "stories_s": round(end - middle, 1),
            "articles_per_s": round(len(articles) / (end - start), 1),
            "dedup_cpu_s": round(cpu1 - cpu0, 1), "stories_cpu_s": round(cpu2 - cpu1, 1),
            "articles_per_cpu_s": round(len(articles) / max(cpu2 - cpu0, 1e-9), 1),
            "stories": len(stories), "load_before": load_before, "load_after": load()}, groups, story_of


def spark_run(spark, source: Path, work: Path, size: int, partitions: int, *, block_days: int | None = None,
              max_block: int | None = None, keep_rows: bool = True) -> tuple[dict[str, object], list, dict]:
    """Time the Spark jobs (reading the JSONL, dedup → Parquet, stories → Parquet)."""
    from newsbrief.settings import Settings
    from newsbrief.spark.clean import read_articles
    from newsbrief.spark.dedup import duplicate_groups
    from newsbrief.spark.stories import SparkStoriesOptions, story_assignments

    settings = Settings()
    load_before, cpu0 = load(), tree_cpu()
    start = time.perf_counter()
    articles = read_articles(spark, str(source)).repartition(partitions).persist()
    articles.count()
    loaded, cpu1 = time.perf_counter(), tree_cpu()
    duplicate_groups(articles, options=settings.dedup).write.mode("overwrite").parquet(str(work / "groups"))
    deduped, cpu2 = time.perf_counter(), tree_cpu()
    groups = spark.read.parquet(str(work / "groups"))
    options = SparkStoriesOptions(cluster=settings.cluster, dedup=settings.dedup, block_days=block_days,
                                  max_block=max_block)
    story_assignments(articles, groups=groups, options=options, with_block=True).write.mode("overwrite").parquet(
        str(work / "stories"))
    end, cpu3 = time.perf_counter(), tree_cpu()
    load_after = load()
    stories = spark.read.parquet(str(work / "stories"))
    sizes = [r["count"] for r in stories.groupBy("block").count().collect()]
    group_rows = [r.asDict() for r in groups.collect()] if keep_rows else []
    story_of = {r.id: r.story_id for r in stories.select("id", "story_id").collect()} if keep_rows else {}
    figures = {"read_s": round(loaded - start, 1), "dedup_s": round(deduped - loaded, 1),
               "stories_s": round(end - deduped, 1), "articles_per_s": round(size / (end - loaded), 1),
               "read_cpu_s": round(cpu1 - cpu0, 1), "dedup_cpu_s": round(cpu2 - cpu1, 1),
               "stories_cpu_s": round(cpu3 - cpu2, 1), "articles_per_cpu_s": round(size / max(cpu3 - cpu1, 1e-9), 1),
               "blocks": len(sizes), "largest_block_articles": max(sizes, default=0),
               "stories": stories.select("story_id").distinct().count(),
               "load_before": load_before, "load_after": load_after}
    articles.unpersist()
    return figures, group_rows, story_of


def main() -> None:
    """Run the benchmark for each size."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--skip-embedded", action="store_true", help="only the Spark path (e.g. for 1M)")
    parser.add_argument("--skip-spark", action="store_true", help="only the embedded path")
    parser.add_argument("--data", type=Path, default=None,
                        help="keep the generated articles in DIR/articles-<size>.jsonl and reuse them when present")
    parser.add_argument("--block-days", type=int, default=None, help="SparkStoriesOptions.block_days")
    parser.add_argument("--max-block", type=int, default=0,
                        help="SparkStoriesOptions.max_block (default 0: never cut a block, exact)")
    args = parser.parse_args()

    from sklearn.metrics import adjusted_rand_score

    from newsbrief.serialize import article_from_dict
    from newsbrief.spark.dedup import groups_from_rows
    from newsbrief.spark.session import SparkConfig

    spark = None if args.skip_spark else SparkConfig(
        master=args.master, shuffle_partitions=args.partitions, extra={"spark.driver.memory": "4g"}).session()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
            work = Path(tmp)
            source = (args.data or work) / f"articles-{size}.jsonl"
            line: dict[str, object] = {"articles": size}
            if source.exists():
                with source.open(encoding="utf-8") as lines:
                    articles = [] if args.skip_embedded else [article_from_dict(json.loads(x)) for x in lines]
            else:
                started = time.perf_counter()
                articles = generate(size, source, keep=not args.skip_embedded)
                print(json.dumps({**line, "generated_s": round(time.perf_counter() - started, 1)}), flush=True)
            if not args.skip_embedded:
                figures, groups, story_of = embedded(articles)
                print(json.dumps({**line, "path": "embedded", **figures}), flush=True)
            if spark is None:
                continue
            spark_figures, group_rows, spark_story_of = spark_run(
                spark, source, work, size, args.partitions, block_days=args.block_days,
                max_block=args.max_block or None, keep_rows=not args.skip_embedded)
            if not args.skip_embedded:
                ids = sorted(story_of)
                spark_figures["same_groups"] = groups_from_rows(group_rows) == groups
                spark_figures["stories_ari"] = round(adjusted_rand_score(
                    [story_of[i] for i in ids], [spark_story_of[i] for i in ids]), 4)
                spark_figures["same_story_id"] = round(sum(story_of[i] == spark_story_of[i] for i in ids) / len(ids), 4)
            print(json.dumps({**line, "path": "spark", "master": args.master, "max_block": args.max_block,
                              **spark_figures}), flush=True)
    if spark is not None:
        spark.stop()

if __name__ == "__main__":
    main()
