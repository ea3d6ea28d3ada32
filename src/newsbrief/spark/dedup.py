"""Spark dedup: the library's MinHash signatures and verification, LSH buckets checked as a whole.

Steps (the library functions run on Arrow batches, ``mapInArrow``: one Python call per batch of
rows, columns as arrays, no pickled rows):

1. *Fingerprints*: :class:`newsbrief.dedup.MinHasher` per batch (same shingles and seeds as the
   embedded path; its vectorised ``fingerprints``), the LSH bucket keys of
   :meth:`newsbrief.dedup.DuplicateIndex.band_keys` (same bands ``(b, r)``, full and head
   signatures) and a 16-bit sketch of the shingle set (kept, ~1.2 KB per article).
2. *Candidates* (:mod:`newsbrief.spark.dedup_candidates`): the buckets of ≥ 2 ids (exactly the
   buckets of the embedded ``candidate_pairs``), buckets with the same members taken once, each
   bucket's pairs checked at once against an upper bound of their common shingles from the
   sketches; the pairs that may verify, made unique.  No pair is ever a row with its shingle sets
   unless it may verify.
3. *Verification*: the texts of those pairs' articles are picked out (a broadcast of their ids) and
   fingerprinted again for their shingle sets; each pair is decided by :func:`newsbrief.dedup.verify`.
4. *Groups*: connected components of verified pairs (:mod:`newsbrief.spark.components`), canonical
   copy = longest clean text, ties by id (the rule of ``dedup.groups_from_pairs``), similarity of every
   member to the canonical copy from :func:`newsbrief.dedup.member_similarity`; every other
   article is its own group.

Output: one row per article ``(id, source, content_hash, group_id, canonical_id, similarity)``;
``group_id`` is the canonical id (the store's duplicate-group key).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from newsbrief import dedup
from newsbrief.settings import DedupOptions
from newsbrief.spark.components import connected_components
from newsbrief.spark.dedup_candidates import candidate_pairs, sketch

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

#: Candidate articles up to which their rows are broadcast to pick them out of the fingerprints
#: (no shuffle of every article's shingles); above, a plain join.
_BROADCAST_NODES = 200_000


def _shingle_bytes(values: np.ndarray | None) -> bytes:
    return b"" if values is None else np.asarray(values, dtype=np.uint64).astype("<u8").tobytes()


def _fingerprint_from(blob: bytes) -> dedup.Fingerprint:
    empty = np.zeros(0, dtype=np.uint32)
    return dedup.Fingerprint(empty, empty, np.frombuffer(blob, dtype="<u8").astype(np.uint64))


def _fingerprint_batches(batches: Iterable[pa.RecordBatch], *, options: DedupOptions,
                         shingles: bool) -> Iterator[pa.RecordBatch]:
    """Arrow batches ``(id, text)`` → ``(id, size, sketch, buckets)``, or ``(id, chars, shingles)`` if ``shingles``.

    The library's objects compute both (the vectorised ``MinHasher.fingerprints``); the bucket keys
    and sketches (:mod:`newsbrief.spark.dedup_candidates`) are needed for every article, the exact
    shingle sets only for the pairs left to verify (a second, small pass).
    """
    import pyarrow as pa

    hasher = dedup.MinHasher(options=options)
    index = dedup.DuplicateIndex(options=options)
    for batch in batches:
        texts = [t or "" for t in batch.column("text").to_pylist()]
        fps = hasher.fingerprints(texts, workers=1)
        if shingles:
            yield pa.RecordBatch.from_arrays(
                [batch.column("id"), pa.array([len(t) for t in texts], type=pa.int64()),
                 pa.array([_shingle_bytes(fp.shingles) for fp in fps], type=pa.binary())],
                names=["id", "chars", "shingles"],
            )
            continue
        keys = index.band_keys(fps)
        sizes = np.fromiter((fp.size for fp in fps), dtype=np.int32, count=len(fps))
        # Empty texts have no shingles: the embedded path never proposes them as candidates.
        offsets = np.zeros(len(fps) + 1, dtype=np.int32)
        np.cumsum(np.where(sizes > 0, keys.shape[1], 0), out=offsets[1:])
        buckets = pa.ListArray.from_arrays(pa.array(offsets), pa.array(keys[sizes > 0].ravel(), type=pa.int64()))
        values = [sketch(fp.shingles) for fp in fps if fp.size]
        sketches = pa.ListArray.from_arrays(
            pa.array(np.r_[0, np.cumsum(sizes)].astype(np.int32)),
            pa.array(np.concatenate(values) if values else np.zeros(0, dtype=np.int16), type=pa.int16()))
        yield pa.RecordBatch.from_arrays([batch.column("id"), pa.array(sizes, type=pa.int32()), sketches, buckets],
                                         names=["id", "size", "sketch", "buckets"])


def _verify_batches(batches: Iterable[pa.RecordBatch], *, options: DedupOptions) -> Iterator[pa.RecordBatch]:
    """Arrow batches ``(a, b, sa, sb)`` → verified pairs ``(src, dst, score)`` (:func:`dedup.verify`)."""
    import pyarrow as pa

    for batch in batches:
        src, dst, scores = [], [], []
        columns = (batch.column(name).to_pylist() for name in ("a", "b", "sa", "sb"))
        for a, b, sa, sb in zip(*columns, strict=True):
            score = dedup.verify(_fingerprint_from(sa), _fingerprint_from(sb), options=options)
            if score is not None:
                src.append(a)
                dst.append(b)
                scores.append(float(score))
        yield pa.RecordBatch.from_arrays(
            [pa.array(src, type=pa.string()), pa.array(dst, type=pa.string()), pa.array(scores, type=pa.float64())],
            names=["src", "dst", "score"],
        )


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
            yield member_id, canonical[0], dedup.member_similarity(_fingerprint_from(blob), reference)


def unique_articles(articles: DataFrame) -> DataFrame:
    """One row per article id (the embedded path counts an id once): the longest text, then the smallest.

    The input is returned as it is when its ids are already unique (one small job counts them):
    choosing among copies sorts every text, which is only worth it when there are copies.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ids = articles.select("id")
    if ids.count() == ids.distinct().count():
        return articles
    order = Window.partitionBy("id").orderBy(F.length("text").desc(), F.col("text"))
    return articles.withColumn("_n", F.row_number().over(order)).where(F.col("_n") == 1).drop("_n")


def duplicate_groups(articles: DataFrame, *, options: DedupOptions) -> DataFrame:
    """Duplicate groups of an articles DataFrame (columns ``id, source, content_hash, text`` at least).

    Returns one row per article: ``(id, source, content_hash, group_id, canonical_id, similarity)``;
    the same groups as :func:`newsbrief.dedup.find_duplicate_groups` on the same articles.
    """
    from pyspark.sql import functions as F

    spark = articles.sparkSession
    base = unique_articles(articles.select("id", "source", "content_hash", "text"))
    fingerprints = base.select("id", "text").mapInArrow(
        partial(_fingerprint_batches, options=options, shingles=False),
        "id string, size int, sketch array<smallint>, buckets array<long>").persist()
    candidates = candidate_pairs(fingerprints, options=options).persist()
    nodes = candidates.select(F.col("a").alias("id")).union(candidates.select(F.col("b").alias("id"))).distinct()
    n_nodes = nodes.count()
    fingerprints.unpersist()  # the candidates are computed and kept
    # Shingle sets only for the candidates (their texts picked out with a broadcast of the few ids).
    picked = base.select("id", "text").join(F.broadcast(nodes) if n_nodes <= _BROADCAST_NODES else nodes, "id",
                                            "left_semi")
    shingles = picked.mapInArrow(partial(_fingerprint_batches, options=options, shingles=True),
                                 "id string, chars long, shingles binary").persist()
    with_sets = (
        candidates.join(shingles.select(F.col("id").alias("a"), F.col("shingles").alias("sa")), "a")
        .join(shingles.select(F.col("id").alias("b"), F.col("shingles").alias("sb")), "b")
        .select("a", "b", "sa", "sb")
    )
    edges = with_sets.mapInArrow(partial(_verify_batches, options=options), "src string, dst string, score double")
    labels = connected_components(edges.select("src", "dst"))
    members = shingles.join(labels.withColumnRenamed("node", "id"), "id")
    grouped = members.rdd.map(lambda row: (row.component, (row.id, row.chars, bytes(row.shingles)))).groupByKey()
    finished = spark.createDataFrame(grouped.flatMap(_finish_group), "id string, canonical_id string, similarity double",
                                     verifySchema=False)
    # Every article not in a verified pair is its own group (canonical = itself, similarity 1.0).
    result = (
        base.select("id", "source", "content_hash")
        .join(finished, "id", "left")
        .select("id", "source", "content_hash",
                F.coalesce("canonical_id", "id").alias("group_id"), F.coalesce("canonical_id", "id").alias("canonical_id"),
                F.coalesce("similarity", F.lit(1.0)).alias("similarity"))
    )
    return result


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
