"""Spark dedup and stories vs the embedded path on the same generated articles (local mode).

    .venv/bin/python benchmarks/bench_spark.py [--sizes 10000 100000] [--data DIR] [--stages dedup stories]
        [--skip-embedded | --skip-spark] [--deadline SECONDS] [--master local[2]] [--partitions 8]

Articles: the stories benchmark's (``benchmarks/bench_stories.py``: real BBC + DUC articles; beyond
the first round every article is a distinct story — sentences mixed with another article of its
topic, names rotated, numbers changed, dates shifted by 45 days per round), written once as JSONL
(``clean --format jsonl`` schema) by ``benchmarks/bench_data.py`` (the same articles, generated
each sentence tokenised once, on 2 processes; 1M articles ≈ 2.2 GB in ~9 min) into ``--data`` (reused when present), not timed.
Then, per size:

* ``embedded``: :func:`newsbrief.dedup.find_duplicate_groups` (2 worker processes) then
  :func:`newsbrief.cluster.cluster_stories`, in this process;
* ``spark`` (``local[2]``): :func:`newsbrief.spark.clean.read_articles` of the JSONL (``read``, not
  in articles/s), :func:`newsbrief.spark.dedup.duplicate_groups` written to Parquet, then
  :func:`newsbrief.spark.stories.story_assignments` with those groups written to Parquet (the
  session start-up is not counted; each stage's wall time is).

``--slice-days S [--open-days O] [--settle-days T]`` runs the time-sliced stories
(``SparkStoriesOptions``); ``--walk S:O[:T] ...`` runs that walk in this process instead of Spark, one
line per variant (a parameter scan; needs the embedded result, ``--embedded-cache`` keeps it);
``--groups-dir`` keeps / reuses the Spark duplicate groups; ``--embedded-max N`` compares with the
embedded path only up to N articles.  ``--stages dedup`` runs only dedup on both paths (what a 1M run can finish here); ``--deadline``
cancels a Spark stage still running after that many seconds (its line says ``"finished": false``)
and the session always stops at the end.  Prints one JSON line per stage as it finishes (to follow
long runs) and one per size and path: wall and CPU seconds per stage, CPU split into the JVM and the
Python workers, articles/s (wall and per CPU-second), the 1-minute load average before and after,
and (for Spark, when both paths ran) whether the duplicate groups equal the embedded ones, the
adjusted Rand index of the stories, and the number of story blocks and the largest block (units) —
computed after the timed stages.
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


def tree_cpu_split() -> dict[str, float]:
    """CPU seconds (user + system) of this process and all its descendants, living or reaped.

    The Spark driver's JVM and the Python workers it forks are descendants of this process, so this
    counts the whole local Spark run, not just the driver.  Split into ``java`` (the JVM and what
    it reaped), ``python`` (everything else: this process, Python workers, dedup's process pool).
    """
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    names: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                head, fields_text = handle.read().rsplit(")", 1)
        except OSError:
            continue
        fields = fields_text.split()
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = sum(int(x) for x in fields[11:15]) / tick
        names[int(entry)] = head.split("(", 1)[-1]
    mine, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in mine:
                mine.add(pid)
                frontier.append(pid)
    split = {"java": 0.0, "python": 0.0}
    for pid in mine:
        split["java" if names.get(pid) == "java" else "python"] += times.get(pid, 0.0)
    return split


def adopt_orphans() -> None:
    """Make this process the reaper of its orphaned descendants (Linux ``PR_SET_CHILD_SUBREAPER``).

    Spark's Python workers are forked by a daemon; a worker or daemon whose parent ends first would be
    re-parented to init and its CPU would leave this process tree unseen (a 1M dedup run reported
    less Python CPU than its fingerprints alone take).  Adopted orphans that exit stay zombies of
    this process (never waited for), so :func:`tree_cpu_split` still reads their CPU.
    """
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # 36 = PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass  # not Linux: the figures may then miss orphaned workers


def tree_cpu() -> float:
    """Total CPU seconds of this process tree (:func:`tree_cpu_split`)."""
    return sum(tree_cpu_split().values())


def load() -> float:
    """The 1-minute load average (other jobs on the machine slow every wall-clock figure)."""
    return round(os.getloadavg()[0], 2)


def generate(size: int, path: Path) -> None:
    """``size`` benchmark articles written to ``path`` as JSONL (``bench_data.write_jsonl``, 2 processes)."""
    sys.path.insert(0, str(ROOT))
    from bench_data import write_jsonl

    write_jsonl(size, path, workers=2)


def load_articles(path: Path) -> list:
    """The articles of a benchmark JSONL file."""
    from newsbrief.serialize import article_from_dict

    with path.open(encoding="utf-8") as lines:
        return [article_from_dict(json.loads(line)) for line in lines]


class Stage:
    """Wall and CPU seconds (split JVM / Python) and the load average around one timed stage."""

    def __init__(self, name: str, out: dict[str, object]) -> None:
        self.name, self.out = name, out

    def __enter__(self) -> Stage:
        self.load, self.cpu, self.start = load(), tree_cpu_split(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        wall, cpu = time.perf_counter() - self.start, tree_cpu_split()
        used = {kind: cpu[kind] - self.cpu[kind] for kind in cpu}
        self.out.update({f"{self.name}_s": round(wall, 1), f"{self.name}_cpu_s": round(sum(used.values()), 1),
                         f"{self.name}_jvm_cpu_s": round(used["java"], 1),
                         f"{self.name}_python_cpu_s": round(used["python"], 1),
                         f"{self.name}_load": [self.load, load()]})
        print(json.dumps({"stage": self.name, **self.out}), file=sys.stderr, flush=True)


def _rates(out: dict[str, object], size: int, stages: list[str]) -> None:
    wall = sum(float(out[f"{stage}_s"]) for stage in stages)  # type: ignore[arg-type]
    cpu = sum(float(out[f"{stage}_cpu_s"]) for stage in stages)  # type: ignore[arg-type]
    out["articles_per_s"] = round(size / max(wall, 1e-9), 1)
    out["articles_per_cpu_s"] = round(size / max(cpu, 1e-9), 1)


def embedded(articles: list, stages: list[str]) -> tuple[dict[str, object], tuple, dict[str, str]]:
    """Time the embedded dedup and clustering."""
    from newsbrief.cluster import cluster_stories
    from newsbrief.dedup import find_duplicate_groups
    from newsbrief.settings import Settings

    settings = Settings()
    out: dict[str, object] = {"articles": len(articles), "path": "embedded"}
    with Stage("dedup", out):
        groups = find_duplicate_groups(articles, options=settings.dedup, workers=2)
    out["duplicate_groups"] = sum(1 for g in groups if len(g.members) > 1)
    story_of: dict[str, str] = {}
    if "stories" in stages:
        with Stage("stories", out):
            stories = cluster_stories(articles, groups=groups, options=settings.cluster)
        story_of = {a: s.id for s in stories for a in s.article_ids}
        out["stories"] = len(stories)
    _rates(out, len(articles), stages)
    return out, groups, story_of


def embedded_cached(cache: Path | None, source: Path, stages: list[str]) -> tuple[dict[str, object], tuple, dict]:
    """:func:`embedded` on the articles of ``source``, or its saved result (``cache``: a JSON file).

    The saved figures say ``"cached": true``; the groups and story ids are those of the saved run,
    so a later Spark variant is compared with the very same embedded result without re-running it.
    """
    from newsbrief.model import DuplicateGroup

    if cache is not None and cache.exists():
        saved = json.loads(cache.read_text())
        if "stories" not in stages or saved["story_of"]:
            groups = tuple(DuplicateGroup(c, tuple((m, float(s)) for m, s in members)) for c, members in saved["groups"])
            return {**saved["figures"], "cached": True}, groups, saved["story_of"]
    started = time.perf_counter()
    articles = load_articles(source)
    loaded = round(time.perf_counter() - started, 1)
    figures, groups, story_of = embedded(articles, stages)
    figures["json_load_s"] = loaded
    if cache is not None:
        cache.write_text(json.dumps({"figures": figures, "story_of": story_of,
                                     "groups": [[g.canonical_id, [list(m) for m in g.members]] for g in groups]}))
    return figures, groups, story_of


def spark_run(spark, source: Path, work: Path, size: int, partitions: int, *, stages: list[str],
              block_days: int | None = None, max_block: int | None = None, slice_days: int | None = None,
              open_days: int | None = None, settle_days: int = 0,
              keep_rows: bool = True, deadline: float | None = None,
              groups_dir: Path | None = None) -> tuple[dict[str, object], list, dict]:
    """Time the Spark jobs (reading the JSONL, dedup → Parquet, stories → Parquet).

    ``deadline``: seconds after which a running stage's jobs are cancelled (``"finished": false``).
    ``groups_dir``: keep the duplicate groups in ``groups_dir/groups-<size>.parquet``, and when that
    is already there, read it instead of running the dedup (the line then has no dedup figures).
    """
    import threading

    from newsbrief.settings import Settings
    from newsbrief.spark.clean import read_articles
    from newsbrief.spark.dedup import duplicate_groups
    from newsbrief.spark.stories import SparkStoriesOptions, story_assignments

    settings = Settings()
    out: dict[str, object] = {"articles": size, "path": "spark", "master": spark.sparkContext.master,
                              "partitions": partitions, "max_block": max_block, "slice_days": slice_days,
                              "open_days": open_days, "settle_days": settle_days}
    timer = threading.Timer(deadline, spark.sparkContext.cancelAllJobs) if deadline else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    done: list[str] = []
    try:
        with Stage("read", out):
            articles = read_articles(spark, str(source)).repartition(partitions).persist()
            articles.count()
        kept = groups_dir / f"groups-{size}.parquet" if groups_dir is not None else work / "groups"
        if groups_dir is not None and kept.exists():
            out["dedup_reused"] = str(kept)
        else:
            with Stage("dedup", out):
                duplicate_groups(articles, options=settings.dedup).write.mode("overwrite").parquet(str(kept))
            done.append("dedup")
        groups = spark.read.parquet(str(kept))
        out["duplicate_groups"] = groups.where("id != canonical_id").select("canonical_id").distinct().count()
        if "stories" in stages:
            extra = {"slice_days": slice_days, "open_days": open_days, "settle_days": settle_days} if slice_days else {}
            options = SparkStoriesOptions(cluster=settings.cluster, dedup=settings.dedup, block_days=block_days,
                                          max_block=max_block, **extra)
            with Stage("stories", out):
                story_assignments(articles, groups=groups, options=options, with_block=True).write.mode(
                    "overwrite").parquet(str(work / "stories"))
            done.append("stories")
    except Exception as error:  # noqa: BLE001 - a cancelled (deadline) or failed stage is reported, not fatal
        out["finished"] = False
        out["error"] = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        return out, [], {}
    finally:
        if timer is not None:
            timer.cancel()
    out["finished"] = True
    if done:
        _rates(out, size, done)
    group_rows = [r.asDict() for r in groups.collect()] if keep_rows else []
    story_of: dict[str, str] = {}
    if "stories" in stages:
        stories = spark.read.parquet(str(work / "stories"))
        if slice_days is None:
            sizes = [r["count"] for r in stories.groupBy("block").count().collect()]
            out.update({"blocks": len(sizes), "largest_block_articles": max(sizes, default=0)})
        out["stories"] = stories.select("story_id").distinct().count()
        if keep_rows:
            story_of = {r.id: r.story_id for r in stories.select("id", "story_id").collect()}
    articles.unpersist()
    return out, group_rows, story_of


def walk_variants(source: Path, groups: tuple, story_of: dict[str, str], variants: list[str]) -> None:
    """The time-sliced walk (``spark/slices.py``) in this process, no Spark, against the embedded stories.

    ``variants``: ``SLICE:OPEN[:SETTLE]`` days.  The units, their terms and the global document
    frequencies are built as the Spark job builds them (terms in order of first appearance over the
    units sorted by id); prints one JSON line per variant (wall and CPU seconds of the walk alone,
    stories, adjusted Rand and the share of articles with the very same story id).
    """
    from sklearn.metrics import adjusted_rand_score

    from newsbrief.represent import article_terms
    from newsbrief.settings import Settings
    from newsbrief.spark.slices import UNDATED, SliceUnit, walk_slices

    options = Settings().cluster
    articles = load_articles(source)
    member = {m: (g.canonical_id, s) for g in groups for m, s in g.members}
    units: dict[str, list] = {}
    for article in articles:
        units.setdefault(member.get(article.id, (article.id,))[0], []).append(article)
    by_id = {a.id: a for a in articles}
    terms = {u: list(article_terms(by_id[u], max_chars=options.max_chars)) for u in sorted(units)}
    df: dict[str, int] = {}
    for unit_terms in terms.values():
        for term in unit_terms:
            df[term] = df.get(term, 0) + 1  # dict order: first appearance over the units sorted by id
    vocabulary = list(df)

    def first_day(unit: str) -> int:
        days = [a.published.toordinal() for a in units[unit] if a.published is not None]
        return min(days) if days else UNDATED

    order = sorted(units, key=lambda u: (first_day(u) == UNDATED, first_day(u), min(a.id for a in units[u])))
    walk = []
    for unit in order:
        arts = sorted(units[unit], key=lambda a: (a.id != unit, a.id))
        walk.append((first_day(unit), SliceUnit(tuple(arts), tuple(member.get(a.id, (a.id, 1.0))[1] for a in arts),
                                                tuple(terms[unit]))))
    ids = sorted(story_of)
    for variant in variants:
        slice_days, open_days, settle_days = ([int(x) for x in variant.split(":")] + [0])[:3]
        started, cpu = time.perf_counter(), time.process_time()
        got = dict(walk_slices(walk, options=options, terms=vocabulary, df=[df[t] for t in vocabulary],
                               n_docs=len(units), slice_days=slice_days, open_days=open_days, settle_days=settle_days))
        print(json.dumps({"articles": len(articles), "path": "walk", "slice_days": slice_days, "open_days": open_days,
                          "settle_days": settle_days, "walk_s": round(time.perf_counter() - started, 1),
                          "walk_cpu_s": round(time.process_time() - cpu, 1), "load": load(),
                          "stories": len(set(got.values())),
                          "stories_ari": round(adjusted_rand_score([story_of[i] for i in ids], [got[i] for i in ids]), 4),
                          "same_story_id": round(sum(story_of[i] == got[i] for i in ids) / len(ids), 4)}), flush=True)


def main() -> None:
    """Run the benchmark for each size."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--driver-memory", default="4g")
    parser.add_argument("--stages", nargs="+", choices=["dedup", "stories"], default=["dedup", "stories"],
                        help="dedup only, or dedup then stories (stories needs the groups)")
    parser.add_argument("--skip-embedded", action="store_true", help="only the Spark path")
    parser.add_argument("--skip-spark", action="store_true", help="only the embedded path")
    parser.add_argument("--deadline", type=float, default=None,
                        help="cancel the Spark jobs of a size still running after this many seconds")
    parser.add_argument("--data", type=Path, default=None,
                        help="keep the generated articles in DIR/articles-<size>.jsonl and reuse them when present")
    parser.add_argument("--block-days", type=int, default=None, help="SparkStoriesOptions.block_days")
    parser.add_argument("--max-block", type=int, default=0,
                        help="SparkStoriesOptions.max_block (default 0: never cut a block, exact)")
    parser.add_argument("--slice-days", type=int, default=0,
                        help="SparkStoriesOptions.slice_days (default 0: one pass over all units, exact)")
    parser.add_argument("--open-days", type=int, default=None, help="SparkStoriesOptions.open_days")
    parser.add_argument("--settle-days", type=int, default=0, help="SparkStoriesOptions.settle_days")
    parser.add_argument("--walk", nargs="+", default=None, metavar="SLICE:OPEN[:SETTLE]",
                        help="no Spark: the time-sliced walk in this process for each variant, against the embedded stories")
    parser.add_argument("--embedded-max", type=int, default=None,
                        help="run (or read from the cache) the embedded path only for sizes up to N")
    parser.add_argument("--embedded-cache", type=Path, default=None,
                        help="save the embedded result in DIR/embedded-<size>.json and reuse it when present")
    parser.add_argument("--groups-dir", type=Path, default=None,
                        help="keep the Spark duplicate groups in DIR/groups-<size>.parquet and reuse them when present")
    args = parser.parse_args()
    adopt_orphans()
    stages = ["dedup"] + (["stories"] if "stories" in args.stages else [])

    from sklearn.metrics import adjusted_rand_score

    from newsbrief.spark.dedup import groups_from_rows
    from newsbrief.spark.session import SparkConfig

    spark = None if args.skip_spark or args.walk else SparkConfig(
        master=args.master, shuffle_partitions=args.partitions,
        extra={"spark.driver.memory": args.driver_memory}).session()
    try:
        for size in args.sizes:
            with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
                work = Path(tmp)
                source = (args.data or work) / f"articles-{size}.jsonl"
                if not source.exists():
                    started = time.perf_counter()
                    generate(size, source)
                    print(json.dumps({"articles": size, "generated_s": round(time.perf_counter() - started, 1)}),
                          flush=True)
                groups: tuple = ()
                story_of: dict[str, str] = {}
                compare = not args.skip_embedded and (args.embedded_max is None or size <= args.embedded_max)
                if compare:
                    cache = args.embedded_cache / f"embedded-{size}.json" if args.embedded_cache else None
                    figures, groups, story_of = embedded_cached(cache, source, stages)
                    print(json.dumps(figures), flush=True)
                    if args.walk:
                        walk_variants(source, groups, story_of, args.walk)
                if spark is None:
                    continue
                spark_figures, group_rows, spark_story_of = spark_run(
                    spark, source, work, size, args.partitions, stages=stages, block_days=args.block_days,
                    max_block=args.max_block or None, slice_days=args.slice_days or None, open_days=args.open_days,
                    settle_days=args.settle_days, keep_rows=compare, deadline=args.deadline, groups_dir=args.groups_dir)
                if compare and spark_figures.get("finished"):
                    spark_figures["same_groups"] = groups_from_rows(group_rows) == groups
                    if story_of:
                        ids = sorted(story_of)
                        spark_figures["stories_ari"] = round(adjusted_rand_score(
                            [story_of[i] for i in ids], [spark_story_of[i] for i in ids]), 4)
                        spark_figures["same_story_id"] = round(
                            sum(story_of[i] == spark_story_of[i] for i in ids) / len(ids), 4)
                print(json.dumps(spark_figures), flush=True)
    finally:
        if spark is not None:
            spark.stop()


if __name__ == "__main__":
    main()
