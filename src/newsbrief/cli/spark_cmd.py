"""``newsbrief spark clean|dedup|stories``: the scale-out jobs (pyspark imported only when they run)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from newsbrief.cli import app
from newsbrief.cli.common import library_errors, report_rejected, stderr

spark_app = typer.Typer(help="Run clean / dedup / stories on Apache Spark (needs the 'spark' extra and Java).",
                        no_args_is_help=True)
app.add_typer(spark_app, name="spark")

MASTER = typer.Option("local[*]", "--master", help="Spark master; 'cluster' keeps what spark-submit set.")
PARTITIONS = typer.Option(8, "--shuffle-partitions", min=1, help="spark.sql.shuffle.partitions.")


@contextmanager
def _session(master: str, partitions: int) -> Iterator[Any]:
    """The Spark session; stopped at the end unless it was already running (e.g. inside a notebook)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        stderr.print("newsbrief: error: pyspark is not installed: pip install 'newsbrief[spark]'", markup=False)
        raise typer.Exit(2) from exc
    from newsbrief.spark.session import SparkConfig

    running = SparkSession.getActiveSession() is not None
    spark = SparkConfig(master=None if master == "cluster" else master, shuffle_partitions=partitions).session()
    try:
        yield spark
    finally:
        if not running:
            spark.stop()


@spark_app.command("clean")
def spark_clean(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs or URIs (s3a://, hdfs://)."),
    out: str = typer.Option(..., "--out", help="Output Parquet path (the articles table)."),
    master: str = MASTER,
    partitions: int = PARTITIONS,
) -> None:
    """Clean every input into an articles table (the `clean --format jsonl` schema as Parquet columns)."""
    from newsbrief.settings import Settings
    from newsbrief.spark.clean import clean_inputs

    with _session(master, partitions) as spark, library_errors():
        result = clean_inputs(spark, inputs, settings=Settings())
        result.articles.orderBy("position").drop("position").write.mode("overwrite").parquet(out)
    for rejected in result.rejected:
        report_rejected(rejected.source, rejected.reason)
    raise typer.Exit(1 if result.rejected else 0)


def _articles(spark: Any, path: str) -> Any:
    from newsbrief.errors import UsageError
    from newsbrief.spark.clean import read_articles

    if not path.startswith(("s3a://", "gs://", "hdfs://", "file://")) and not Path(path).exists():
        raise UsageError(f"no such articles table: {path} (Parquet from 'spark clean' or JSONL from 'clean')")
    return read_articles(spark, path)


@spark_app.command("dedup")
def spark_dedup(
    articles: str = typer.Argument(..., help="Articles: Parquet (spark clean) or JSONL (clean --format jsonl)."),
    out: str = typer.Option(..., "--out", help="Output Parquet path: (id, source, content_hash, group_id, canonical_id, similarity)."),
    master: str = MASTER,
    partitions: int = PARTITIONS,
) -> None:
    """Find syndicated / near-duplicate copies: one row per article with its group and canonical copy."""
    from newsbrief.settings import Settings
    from newsbrief.spark.dedup import duplicate_groups

    with _session(master, partitions) as spark, library_errors():
        duplicate_groups(_articles(spark, articles), options=Settings().dedup).write.mode("overwrite").parquet(out)


@spark_app.command("stories")
def spark_stories(
    articles: str = typer.Argument(..., help="Articles: Parquet (spark clean) or JSONL (clean --format jsonl)."),
    out: str = typer.Option(..., "--out", help="Output Parquet path: (id, source, story_id, published)."),
    window_days: int | None = typer.Option(None, "--window-days", min=0, help="Story time window (default: Settings)."),
    groups: str | None = typer.Option(None, "--groups", help="Duplicate groups from 'spark dedup' (else computed)."),
    max_block: int | None = typer.Option(
        None, "--max-block", min=1,
        help="Cut story blocks above N units into time slices: bounded work, but stories may split (default: exact)."),
    slice_days: int | None = typer.Option(
        None, "--slice-days", min=1,
        help="Walk the stream in time slices of N days, each clustered with the stories still open (bounded, "
             "approximate; default: exact)."),
    open_days: int | None = typer.Option(None, "--open-days", min=0,
                                         help="With --slice-days: days a story stays open after its newest article."),
    settle_days: int = typer.Option(0, "--settle-days", min=0,
                                    help="With --slice-days: re-cluster stories active in the last N days with the slice."),
    master: str = MASTER,
    partitions: int = PARTITIONS,
) -> None:
    """Group articles into stories, with the embedded clusterer's rule run per block of candidates."""
    import dataclasses

    from newsbrief.settings import Settings
    from newsbrief.spark.stories import SparkStoriesOptions, story_assignments

    settings = Settings()
    cluster = settings.cluster if window_days is None else dataclasses.replace(settings.cluster, window_days=window_days)
    with _session(master, partitions) as spark, library_errors():
        frame = _articles(spark, articles)
        known = spark.read.parquet(groups) if groups else None
        options = SparkStoriesOptions(cluster=cluster, dedup=settings.dedup, max_block=max_block,
                                      slice_days=slice_days, open_days=open_days, settle_days=settle_days)
        story_assignments(frame, groups=known, options=options).write.mode("overwrite").parquet(out)
