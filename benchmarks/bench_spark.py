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
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def generate(size: int, path: Path) -> list:
    """``size`` benchmark articles, also written to ``path`` as JSONL."""
    sys.path.insert(0, str(ROOT))
    from bench_stories import Generator

    from newsbrief.serialize import article_to_dict

    generator = Generator()
    articles = [generator.article(j) for j in range(size)]
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
    return articles


def embedded(articles: list) -> tuple[dict[str, object], tuple, dict[str, str]]:
    """Time the embedded dedup and clustering."""
    from newsbrief.cluster import cluster_stories
    from newsbrief.dedup import find_duplicate_groups
    from newsbrief.settings import Settings

    settings = Settings()
    start = time.perf_counter()
    groups = find_duplicate_groups(articles, options=settings.dedup, workers=2)
    middle = time.perf_counter()
    stories = cluster_stories(articles, groups=groups, options=settings.cluster)
    end = time.perf_counter()
    story_of = {a: s.id for s in stories for a in s.article_ids}
    return {"dedup_s": round(middle - start, 1), "stories_s": round(end - middle, 1),
            "articles_per_s": round(len(articles) / (end - start), 1)}, groups, story_of


def spark_run(spark, source: Path, work: Path, size: int, partitions: int,
              block_days: int | None = None) -> tuple[dict[str, object], list, dict]:
    """Time the Spark jobs (reading the JSONL, dedup → Parquet, stories → Parquet)."""
    from newsbrief.settings import Settings
    from newsbrief.spark.clean import read_articles
    from newsbrief.spark.dedup import duplicate_groups
    from newsbrief.spark.stories import SparkStoriesOptions, story_assignments, story_blocks

    settings = Settings()
    start = time.perf_counter()
    articles = read_articles(spark, str(source)).repartition(partitions).persist()
    articles.count()
    loaded = time.perf_counter()
    duplicate_groups(articles, options=settings.dedup).write.mode("overwrite").parquet(str(work / "groups"))
    deduped = time.perf_counter()
    groups = spark.read.parquet(str(work / "groups"))
    options = SparkStoriesOptions(cluster=settings.cluster, dedup=settings.dedup, block_days=block_days)
    story_assignments(articles, groups=groups, options=options).write.mode("overwrite").parquet(str(work / "stories"))
    end = time.perf_counter()
    sizes = [r["count"] for r in story_blocks(articles, groups=groups, options=options).groupBy("block").count().collect()]
    group_rows = [r.asDict() for r in groups.collect()]
    story_of = {r.id: r.story_id for r in spark.read.parquet(str(work / "stories")).collect()}
    figures = {"read_s": round(loaded - start, 1), "dedup_s": round(deduped - loaded, 1),
               "stories_s": round(end - deduped, 1), "articles_per_s": round(size / (end - loaded), 1),
               "blocks": len(sizes), "largest_block_units": max(sizes, default=0)}
    return figures, group_rows, story_of


def main() -> None:
    """Run the benchmark for each size."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--skip-embedded", action="store_true", help="only the Spark path (e.g. for 1M)")
    parser.add_argument("--block-days", type=int, default=None, help="SparkStoriesOptions.block_days")
    args = parser.parse_args()

    from sklearn.metrics import adjusted_rand_score

    from newsbrief.spark.dedup import groups_from_rows
    from newsbrief.spark.session import SparkConfig

    spark = SparkConfig(master=args.master, shuffle_partitions=args.partitions,
                        extra={"spark.driver.memory": "4g"}).session()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
            work = Path(tmp)
            source = work / "articles.jsonl"
            articles = generate(size, source)
            line: dict[str, object] = {"articles": size}
            if not args.skip_embedded:
                figures, groups, story_of = embedded(articles)
                print(json.dumps({**line, "path": "embedded", **figures}), flush=True)
            spark_figures, group_rows, spark_story_of = spark_run(spark, source, work, size, args.partitions,
                                                                  args.block_days)
            if not args.skip_embedded:
                ids = sorted(story_of)
                spark_figures["same_groups"] = groups_from_rows(group_rows) == groups
                spark_figures["stories_ari"] = round(adjusted_rand_score(
                    [story_of[i] for i in ids], [spark_story_of[i] for i in ids]), 4)
            print(json.dumps({**line, "path": "spark", "master": args.master, **spark_figures}), flush=True)
    spark.stop()


if __name__ == "__main__":
    main()
