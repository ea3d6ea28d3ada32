"""Spark clean: files, folders and globs → the articles table, with the library's ingest, clean and meta.

The file list is expanded on the driver (folders walked recursively in sorted order, hidden entries
skipped, as ``newsbrief clean`` does) and distributed; each task reads its files with
:func:`newsbrief.ingest.read_inputs`.  Documents are then numbered in input order and cut into the
same chunks of ``chunk_size`` documents as the embedded pipeline, and each chunk goes through
:func:`newsbrief.pipeline.process_chunk` (the cleaner observes the whole chunk, then cleans and
describes it) — so the articles are exactly those of ``newsbrief clean --format jsonl`` on the same
inputs, in the same order (a ``position`` column keeps it).

Inputs with a URI scheme (``s3a://``, ``gs://``, ``hdfs://``, ``file://``) are read through Spark's
Hadoop file systems (``binaryFiles``) and their format is sniffed from the content
(:func:`newsbrief.ingest.files.read_stream`), since the library's readers open local paths.
"""

from __future__ import annotations

import glob
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsbrief.ingest import read_inputs
from newsbrief.ingest.files import read_stream
from newsbrief.model import Article, RawDocument, Rejected
from newsbrief.pipeline import DEFAULT_CHUNK_SIZE, process_chunk
from newsbrief.settings import IngestOptions, Settings
from newsbrief.spark.schema import ARTICLE_COLUMNS, article_to_row, articles_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class CleanedInputs:
    """The articles table (with a ``position`` column: input order) and every rejected input."""

    articles: DataFrame
    rejected: tuple[Rejected, ...]


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Files of some paths, in the order ``newsbrief clean`` reads them; globs are expanded (sorted).

    URIs are kept as they are.  A path that does not exist is kept (the reader rejects it by name).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a/c.txt", ".hidden"):
    ...     (folder / name).parent.mkdir(exist_ok=True); _ = (folder / name).write_text("x")
    >>> [pathlib.Path(p).relative_to(folder).as_posix() for p in expand_inputs([str(folder)])]
    ['a/c.txt', 'b.txt']
    """
    files: list[str] = []
    for item in inputs:
        if _URI.match(item):
            files.append(item)
            continue
        matches = sorted(glob.glob(item)) if glob.has_magic(item) else [item]
        for match in matches:
            files.extend(_walk(Path(match)) if Path(match).is_dir() else [match])
    return files


def _walk(folder: Path) -> Iterator[str]:
    # The same walk as the ingest package's folder reader: entries sorted by name, hidden ones skipped.
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield entry.path


Key = tuple[int, str, int]


def _read(item: tuple[int, str], *, options: IngestOptions) -> Iterator[tuple[Key, RawDocument | Rejected]]:
    index, path = item
    for n, doc in enumerate(read_inputs([path], options=options)):
        yield (index, "", n), doc


def _read_remote(
    item: tuple[str, bytes], *, index: int, options: IngestOptions
) -> Iterator[tuple[Key, RawDocument | Rejected]]:
    path, data = item
    for n, doc in enumerate(read_stream(io.BytesIO(data), source=path, options=options)):
        yield (index, path, n), doc


def _clean_chunk(item: tuple[int, Iterable[tuple[int, Any]]], *, settings: Settings) -> Iterator[tuple[int, Any]]:
    _, numbered = item
    ordered = sorted(numbered, key=lambda pair: pair[0])
    outputs = process_chunk([doc for _, doc in ordered], settings=settings)
    for (position, _), out in zip(ordered, outputs, strict=True):
        yield position, out


def clean_inputs(
    spark: SparkSession,
    inputs: Sequence[str],
    *,
    settings: Settings,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    partitions: int | None = None,
) -> CleanedInputs:
    """Read and clean ``inputs`` (local paths, folders, globs, or URIs) on Spark.

    ``partitions``: read tasks (default: Spark's default parallelism).  Rejected inputs come back
    as :class:`Rejected` (one line each on the CLI); the articles table has the
    :func:`newsbrief.spark.schema.articles_schema` columns plus ``position``.
    """
    from pyspark.sql import types as T

    sc = spark.sparkContext
    files = expand_inputs(inputs)
    local = [(i, f) for i, f in enumerate(files) if not _URI.match(f)]
    slices = max(1, min(len(local), partitions or sc.defaultParallelism))
    docs = sc.parallelize(local, slices).flatMap(partial(_read, options=settings.ingest))
    for index, uri in enumerate(files):
        if _URI.match(uri):
            docs = docs.union(sc.binaryFiles(uri).flatMap(partial(_read_remote, index=index, options=settings.ingest)))
    numbered = docs.sortByKey().zipWithIndex().map(lambda pair: (pair[1], pair[0][1]))
    chunks = numbered.map(lambda pair: (pair[0] // chunk_size, pair)).groupByKey()
    cleaned = chunks.flatMap(partial(_clean_chunk, settings=settings)).persist()
    rejected = tuple(
        out for _, out in sorted(cleaned.filter(lambda pair: isinstance(pair[1], Rejected)).collect(),
                                 key=lambda pair: pair[0])
    )
    schema = articles_schema().add(T.StructField("position", T.LongType(), False))
    rows = cleaned.filter(lambda pair: isinstance(pair[1], Article)).map(
        lambda pair: (*article_to_row(pair[1]), pair[0])
    )
    return CleanedInputs(spark.createDataFrame(rows, schema), rejected)


def _json_schema() -> Any:
    """The articles schema for Spark's JSON reader: ``published`` read as text, ``appended`` as raw JSON.

    A ``STRING`` field whose JSON value is an object keeps the object's JSON text, so each split-off
    story arrives as the JSON string the articles table stores.
    """
    from pyspark.sql import types as T

    fields = [T.StructField(f.name, T.StringType(), True) if f.name == "published" else f
              for f in articles_schema().fields]
    return T.StructType(fields)


def read_articles(spark: SparkSession, path: str, *, expand_appended: bool = True) -> DataFrame:
    """An articles table from Parquet (``spark clean`` output) or JSONL (``clean --format jsonl``).

    ``expand_appended``: split-off stories become rows of their own (as the store keeps them).
    JSONL is read by Spark's own JSON reader (no Python per row; only split-off stories go through
    :func:`newsbrief.serialize.article_from_dict`), with the conversions of ``article_from_dict``:
    a missing ``provenance``/``removed`` is empty, a removal's missing ``line_no`` is 0.
    """
    from pyspark.sql import functions as F

    if path.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        raw = spark.read.schema(_json_schema()).option("mode", "FAILFAST").json(path)
        frame = raw.select(
            *[
                F.to_date("published", "yyyy-MM-dd").alias(name) if name == "published"
                else F.coalesce(name, F.create_map()).alias(name) if name == "provenance"
                else F.transform(F.coalesce(name, F.array()), lambda r: F.struct(
                    r["line"].alias("line"), r["reason"].alias("reason"),
                    F.coalesce(r["line_no"], F.lit(0)).alias("line_no"))).alias(name) if name == "removed"
                else F.coalesce(name, F.array().cast("array<string>")).alias(name) if name == "appended"
                else F.col(name)
                for name in ARTICLE_COLUMNS
            ]
        )
    else:
        frame = spark.read.parquet(path).select(*ARTICLE_COLUMNS)
    if not expand_appended:
        return frame

    def appended(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
        import json

        from newsbrief.serialize import article_from_dict

        for row in rows:
            for part in row.appended or ():
                yield article_to_row(article_from_dict(json.loads(part)))

    extra = spark.createDataFrame(
        frame.where(F.size("appended") > 0).rdd.mapPartitions(appended), articles_schema(), verifySchema=False
    )
    return frame.unionByName(extra)
