"""Spark dedup: the library's MinHash signatures and verification, LSH banding as a join.

Steps (each a Spark stage; the library functions run inside ``mapPartitions``):

1. *Fingerprints*: :class:`newsbrief.dedup.MinHasher` per partition (same shingles and seeds as the
   embedded path) and the LSH bucket keys of :meth:`newsbrief.dedup.DuplicateIndex.band_keys` (same
   bands ``(b, r)``, full and head signatures).
2. *Candidates*: rows ``(band, bucket, id)`` self-joined on ``(band, bucket)`` — a shuffle of
   ``b`` small rows per article — exactly the pairs the embedded ``candidate_pairs`` finds.
3. *Verification*: each candidate pair joined with both shingle sets and checked by
   :func:`newsbrief.dedup.verify`.
4. *Groups*: connected components of verified pairs (:mod:`newsbrief.spark.components`), canonical
   copy = longest clean text, ties by id (the rule of ``dedup.groups_from_pairs``), similarity of every
   member to the canonical copy from :func:`newsbrief.dedup.similarity`.

Output: one row per article ``(id, source, content_hash, group_id, canonical_id, similarity)``;
``group_id`` is the canonical id (the store's duplicate-group key).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy as np

from newsbrief import dedup
from newsbrief.settings import DedupOptions
from newsbrief.spark.components import connected_components

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

_BATCH = 512


def _shingle_bytes(values: np.ndarray) -> bytes:
    return np.asarray(values, dtype=np.uint64).astype("<u8").tobytes()


def _fingerprint_from(blob: bytes) -> dedup.Fingerprint:
    empty = np.zeros(0, dtype=np.uint32)
    return dedup.Fingerprint(empty, empty, np.frombuffer(blob, dtype="<u8").astype(np.uint64))


def _fingerprints(rows: Iterable[Any], *, options: DedupOptions) -> Iterator[tuple[Any, ...]]:
    """Per partition: (id, text length, shingle hashes, LSH bucket keys) with the library's objects."""
    hasher = dedup.MinHasher(options=options)
    index = dedup.DuplicateIndex(options=options)
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH)):
        # The library's vectorised path (one array per batch, the same values as ``fingerprint``).
        fps = hasher.fingerprints([row.text for row in batch], workers=1)
        keys = index.band_keys(fps).tolist()
        for row, fp, row_keys in zip(batch, fps, keys, strict=True):
            # Empty texts have no shingles: the embedded path never proposes them as candidates.
            buckets = row_keys if fp.size else []
            yield row.id, len(row.text), _shingle_bytes(fp.shingles if fp.shingles is not None else []), buckets


def _verify(rows: Iterable[Any], *, options: DedupOptions) -> Iterator[tuple[str, str, float]]:
    for row in rows:
        score = dedup.verify(_fingerprint_from(row.sa), _fingerprint_from(row.sb), options=options)
        if score is not None:
            yield row.a, row.b, float(score)


def _member_similarity(member: dedup.Fingerprint, canonical: dedup.Fingerprint) -> float:
    """Similarity of a member to its canonical copy, as ``dedup.groups_from_pairs`` records it.

    Uses ``dedup.member_similarity`` when the library exposes it; otherwise the same expression as
    ``groups_from_pairs`` (``max(jaccard, containment)`` of :func:`dedup.similarity`, 4 decimals).
    """
    exposed = getattr(dedup, "member_similarity", None)
    if exposed is not None:
        return float(exposed(member, canonical))
    jaccard, containment = dedup.similarity(member, canonical)
    return round(max(jaccard, containment), 4)


def _finish_group(item: tuple[str, Iterable[Any]]) -> Iterator[tuple[str, str, float]]:
    """One component → (id, canonical id, similarity to the canonical copy) per member.

    Canonical copy: longest clean text, ties by id — the rule of ``dedup.groups_from_pairs``.
    """
    _, members = item
    rows = list(members)
    canonical = min(rows, key=lambda row: (-row[1], row[0]))
    reference = _fingerprint_from(canonical[2])
    for member_id, _chars, blob in rows:
        if member_id == canonical[0]:
            yield member_id, canonical[0], 1.0
        else:
            yield member_id, canonical[0], _member_similarity(_fingerprint_from(blob), reference)


def unique_articles(articles: DataFrame) -> DataFrame:
    """One row per article id (the embedded path counts an id once): the longest text, then the smallest."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    order = Window.partitionBy("id").orderBy(F.length("text").desc(), F.col("text"))
    return articles.withColumn("_n", F.row_number().over(order)).where(F.col("_n") == 1).drop("_n")


def duplicate_groups(articles: DataFrame, *, options: DedupOptions) -> DataFrame:
    """Duplicate groups of an articles DataFrame (columns ``id, source, content_hash, text`` at least).

    Returns one row per article: ``(id, source, content_hash, group_id, canonical_id, similarity)``;
    the same groups as :func:`newsbrief.dedup.find_duplicate_groups` on the same articles.
    """
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    spark = articles.sparkSession
    base = unique_articles(articles.select("id", "source", "content_hash", "text"))
    fp_schema = T.StructType([
        T.StructField("id", T.StringType(), False),
        T.StructField("chars", T.LongType(), False),
        T.StructField("shingles", T.BinaryType(), False),
        T.StructField("buckets", T.ArrayType(T.LongType()), False),
    ])
    # verifySchema=False: the rows come from our own code with this schema; checking every field
    # in Python cost more than the fingerprints themselves.
    fps = spark.createDataFrame(
        base.select("id", "text").rdd.mapPartitions(partial(_fingerprints, options=options)), fp_schema,
        verifySchema=False,
    ).persist()
    bands = fps.select("id", F.posexplode("buckets").alias("band", "bucket"))
    left, right = bands.alias("l"), bands.alias("r")
    candidates = (
        left.join(right, (F.col("l.band") == F.col("r.band")) & (F.col("l.bucket") == F.col("r.bucket")))
        .where(F.col("l.id") < F.col("r.id"))
        .select(F.col("l.id").alias("a"), F.col("r.id").alias("b"))
        .distinct()
    )
    shingles = fps.select("id", "shingles")
    with_sets = candidates.join(shingles.withColumnRenamed("id", "a").withColumnRenamed("shingles", "sa"), "a").join(
        shingles.withColumnRenamed("id", "b").withColumnRenamed("shingles", "sb"), "b"
    )
    edge_schema = "src string, dst string, score double"
    edges = spark.createDataFrame(with_sets.rdd.mapPartitions(partial(_verify, options=options)), edge_schema,
                                  verifySchema=False)
    labels = connected_components(edges.select("src", "dst"))
    nodes = fps.join(labels.withColumnRenamed("node", "id"), "id", "left").select(
        F.coalesce("component", "id").alias("component"), "id", "chars", "shingles"
    )
    # Singletons need no shingles: their row is (id, id, 1.0).  Groups meet in one shuffle.
    singles = nodes.where(F.col("component") == F.col("id")).join(
        labels.select(F.col("component").alias("id")).distinct(), "id", "left_anti"
    )
    members = nodes.join(singles.select("id"), "id", "left_anti")
    grouped = members.rdd.map(lambda row: (row.component, (row.id, row.chars, bytes(row.shingles)))).groupByKey()
    finished = spark.createDataFrame(
        grouped.flatMap(_finish_group), "id string, canonical_id string, similarity double", verifySchema=False
    ).unionByName(singles.select("id", F.col("id").alias("canonical_id"), F.lit(1.0).alias("similarity")))
    # group_id = the canonical id, as the store keys its duplicate groups (store_sqlite.save_groups).
    return (
        base.select("id", "source", "content_hash")
        .join(finished, "id")
        .select("id", "source", "content_hash", F.col("canonical_id").alias("group_id"), "canonical_id", "similarity")
    )


def groups_from_rows(rows: Iterable[Any]) -> tuple[dedup.DuplicateGroup, ...]:
    """:class:`DuplicateGroup` objects from collected group rows, in the embedded path's order.

    >>> rows = [{"id": "b", "canonical_id": "a", "similarity": 0.9}, {"id": "a", "canonical_id": "a", "similarity": 1.0}]
    >>> groups_from_rows(rows)
    (DuplicateGroup(canonical_id='a', members=(('a', 1.0), ('b', 0.9))),)
    """
    by_canonical: dict[str, list[tuple[str, float]]] = {}
    for row in rows:
        by_canonical.setdefault(row["canonical_id"], []).append((row["id"], float(row["similarity"])))
    groups = []
    for canonical, members in by_canonical.items():
        others = sorted(m for m in members if m[0] != canonical)
        groups.append(dedup.DuplicateGroup(canonical, ((canonical, 1.0), *others)))
    return tuple(sorted(groups, key=lambda g: g.canonical_id))
