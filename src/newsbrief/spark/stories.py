"""Spark stories: blocking by time window and shared heavy terms, then the library's own clusterer.

The embedded clusterer (:class:`newsbrief.cluster.StoryClusterer`) decides, unit by unit, whether an
article (a duplicate group, represented by its canonical copy) joins a story.  Spark does not
re-implement that rule; it makes sure every unit that could end up in the same story is on the same
executor, then runs the clusterer there:

1. *Document frequencies* over the representatives (one per duplicate group) with the library's
   :func:`newsbrief.represent.article_terms`; collected and broadcast (the vocabulary grows much more
   slowly than the number of articles), with each term's first appearance in the embedded path's unit
   order so that ties between equal weights break the same way.
2. *Vectors and blocking keys* per unit with the library's TF-IDF representation built from those
   global document frequencies (identical vectors to the embedded path's), in ``mapPartitions``.
3. *Candidate pairs*: units sharing one of their ``keys_per_article`` heaviest terms, at most
   ``max_postings`` apart in the term's posting list in the clusterer's (date, id) order (the embedded
   path also meets only that many recent units per term); optionally (``block_days``) only units
   within that many days of each other.  A pair is an edge when its cosine is ≥ the clusterer's own
   edge floor (``threshold × edge_ratio``): the clusterer links units only through such edges.
4. *Blocks*: connected components of the edges (:mod:`newsbrief.spark.components`).
5. *Clustering*: units are hash-partitioned by block; each partition runs one
   :class:`~newsbrief.cluster.StoryClusterer` over its blocks, seeded with the global document
   frequencies, so vectors, the linking rule, merging and story ids are the library's.

Output: one row per article ``(id, source, story_id, published)``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy as np

from newsbrief.cluster import StoryClusterer
from newsbrief.model import Article, DuplicateGroup
from newsbrief.represent import article_terms, make_representation, representation_from_state
from newsbrief.settings import ClusterOptions, DedupOptions
from newsbrief.spark.components import connected_components
from newsbrief.spark.dedup import duplicate_groups, unique_articles

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

_BATCH = 512
_UNDATED = -1


@dataclass(frozen=True, slots=True)
class SparkStoriesOptions:
    """Options of the Spark stories job (the clustering rule itself is ``ClusterOptions``).

    ``block_floor``: cosine from which two candidate units are put in the same block; ``None`` takes
    the clusterer's own edge floor (``threshold × edge_ratio``): the clusterer only ever joins units
    through such edges, so blocks then hold whole stories.  ``block_days``: candidate pairs further
    apart in time than this are not linked (bounds block sizes on long crawls); ``None`` (default)
    links regardless of time, as the clusterer's edges do — a story's window moves with its newest
    article, so a chain of stories can span far more than ``window_days``.  ``partitions``: number of
    clustering partitions (``None``: the session's ``spark.sql.shuffle.partitions``).
    """

    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    block_floor: float | None = None
    block_days: int | None = None
    partitions: int | None = None

    def floor(self) -> float:
        """The block floor in effect."""
        if self.block_floor is not None:
            return self.block_floor
        return self.cluster.threshold * getattr(self.cluster, "edge_ratio", 0.5)


def _date_ordinal(row: Any) -> int:
    return row.published.toordinal() if row.published is not None else _UNDATED


def _to_article(row: Any) -> Article:
    return Article(id=row.id, content_hash=row.content_hash, source=row.source, title=row.title, text=row.text,
                   published=row.published)


def _terms(rows: Iterable[Any], *, max_chars: int) -> Iterator[tuple[str, str, int]]:
    """(unit, term, position of the term in the unit's term counts) — the library's terms."""
    for row in rows:
        for position, term in enumerate(article_terms(_to_article(row), max_chars=max_chars)):
            yield row.id, term, position


def _representation(options: ClusterOptions, terms: Sequence[str], df: Sequence[int], n_docs: int) -> Any:
    """The library's representation with the given vocabulary (in index order) and document frequencies."""
    state = make_representation(options.representation, name_weight=options.name_weight,
                                max_chars=options.max_chars).state()
    state.update(terms=list(terms), df=[int(d) for d in df], n_docs=int(n_docs))
    return representation_from_state(state)


def _vectors(rows: Iterable[Any], *, options: ClusterOptions, vocabulary: Any) -> Iterator[tuple[Any, ...]]:
    """Per partition: the unit's TF-IDF vector (global indices) and blocking keys, from the library."""
    terms, df, n_docs = vocabulary.value
    rep = _representation(options, terms, df, n_docs)
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH)):
        matrix = rep.transform([_to_article(row) for row in batch])
        keys = rep.keys(matrix, top=options.keys_per_article)
        for i, row in enumerate(batch):
            start, end = matrix.indptr[i], matrix.indptr[i + 1]
            yield (row.id, matrix.indices[start:end].tolist(), matrix.data[start:end].tolist(), keys[i])


def _cosines(rows: Iterable[Any], *, floor: float) -> Iterator[tuple[str, str]]:
    for row in rows:
        a = dict(zip(row.ia, row.va, strict=True))
        dot = sum(a.get(i, 0.0) * v for i, v in zip(row.ib, row.vb, strict=True))
        if dot >= floor:
            yield row.a, row.b


def _clusterer(options: ClusterOptions, reps: Sequence[Article], vocabulary: tuple[Sequence[str], Sequence[int], int],
               index: Mapping[str, int]) -> StoryClusterer:
    """A fresh clusterer whose representation already counts every *other* unit's document.

    The clusterer adds this partition's representatives itself (``assign`` → ``update``), so it starts
    from the global document frequencies minus theirs: its IDF is then the global one, as in the
    embedded path over the whole input.
    """
    fresh = StoryClusterer(options=options)
    if options.representation != "tfidf":
        return fresh
    terms, df, n_docs = vocabulary
    local: dict[str, int] = {}
    for rep in reps:
        for term in article_terms(rep, max_chars=options.max_chars):
            local[term] = local.get(term, 0) + 1
    ordered = sorted(local, key=index.__getitem__)
    rep_state = _representation(
        options, ordered, [df[index[t]] - local[t] for t in ordered], n_docs - len(reps)
    ).state()
    archive = np.load(io.BytesIO(fresh.state()), allow_pickle=False)
    meta = json.loads(archive["meta"].tobytes().decode())
    meta["representation"] = rep_state
    buffer = io.BytesIO()
    arrays = {name: archive[name] for name in archive.files if name != "meta"}
    np.savez(buffer, **arrays, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
    return StoryClusterer.from_state(buffer.getvalue(), options=options)


def _cluster_partition(
    items: Iterable[tuple[str, Any]], *, options: ClusterOptions, vocabulary: Any
) -> Iterator[tuple[str, str]]:
    """One partition of whole blocks → (article id, story id), by the library's clusterer."""
    terms, df, n_docs = vocabulary.value
    index = {term: i for i, term in enumerate(terms)}
    articles: dict[str, Article] = {}
    members: dict[str, list[tuple[str, float]]] = {}
    for _block, row in items:
        articles[row.id] = _to_article(row)
        members.setdefault(row.canonical_id, []).append((row.id, float(row.similarity)))
    if not articles:
        return
    groups = [
        DuplicateGroup(canonical, ((canonical, 1.0), *sorted(m for m in found if m[0] != canonical)))
        for canonical, found in members.items()
    ]
    reps = [articles[canonical] for canonical in members]
    clusterer = _clusterer(options, reps, (terms, df, n_docs), index)
    clusterer.assign(list(articles.values()), groups=groups)
    for story in clusterer.stories():
        for article_id in story.article_ids:
            yield article_id, story.id


@dataclass(frozen=True, slots=True)
class _Plan:
    articles: DataFrame
    membership: DataFrame
    unit_block: DataFrame
    vocabulary: Any


def story_blocks(articles: DataFrame, *, groups: DataFrame | None = None, options: SparkStoriesOptions) -> DataFrame:
    """The blocks of the stories job: one row per duplicate group ``(unit, block)`` (both canonical ids)."""
    return _plan(articles, groups=groups, options=options).unit_block


def story_assignments(
    articles: DataFrame, *, groups: DataFrame | None = None, options: SparkStoriesOptions
) -> DataFrame:
    """Stories of an articles DataFrame: one row per article ``(id, source, story_id, published)``.

    ``groups``: the output of :func:`newsbrief.spark.dedup.duplicate_groups` (computed when omitted).
    Agrees with :func:`newsbrief.cluster.cluster_stories` given the same duplicate groups.
    """
    from pyspark.sql import functions as F

    plan = _plan(articles, groups=groups, options=options)
    spark = articles.sparkSession
    rows = plan.articles.join(plan.membership, "id").join(
        plan.unit_block.withColumnRenamed("unit", "canonical_id"), "canonical_id"
    )
    partitions = options.partitions or int(spark.conf.get("spark.sql.shuffle.partitions"))
    assigned = spark.createDataFrame(
        rows.rdd.map(lambda row: (row.block, row))
        .partitionBy(partitions)
        .mapPartitions(partial(_cluster_partition, options=options.cluster, vocabulary=plan.vocabulary)),
        "id string, story_id string",
    )
    return (
        plan.articles.select("id", "source", "published")
        .join(assigned, "id")
        .select("id", "source", F.col("story_id"), "published")
    )


def _plan(articles: DataFrame, *, groups: DataFrame | None, options: SparkStoriesOptions) -> _Plan:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spark = articles.sparkSession
    copts = options.cluster
    arts = unique_articles(articles.select("id", "content_hash", "source", "title", "text", "published")).persist()
    if groups is None:
        groups = duplicate_groups(arts, options=options.dedup)
    membership = groups.select("id", "canonical_id", "similarity")
    dated = arts.select("id", F.when(F.col("published").isNull(), F.lit(_UNDATED))
                        .otherwise(F.datediff("published", F.lit("0001-01-01")) + 1).alias("day"))
    units = (
        membership.join(dated, "id")
        .groupBy("canonical_id")
        .agg(
            F.min(F.when(F.col("day") != _UNDATED, F.col("day"))).alias("first"),
            F.max(F.when(F.col("day") != _UNDATED, F.col("day"))).alias("last"),
            F.min("id").alias("smallest"),
        )
        .withColumnRenamed("canonical_id", "unit")
        .persist()
    )
    reps = arts.join(units.select(F.col("unit").alias("id")), "id").persist()
    n_units = units.count()

    # 1. Document frequencies and each term's first appearance in the embedded unit order.
    term_rows = spark.createDataFrame(
        reps.rdd.mapPartitions(partial(_terms, max_chars=copts.max_chars)), "unit string, term string, pos int"
    )
    stats = term_rows.groupBy("term").agg(
        F.count("*").alias("df"), F.min(F.struct("unit", "pos")).alias("first_seen")
    ).orderBy("first_seen").collect()
    vocabulary = spark.sparkContext.broadcast(([r.term for r in stats], [int(r.df) for r in stats], n_units))

    # 2. Vectors and blocking keys (global term indices).
    vectors = spark.createDataFrame(
        reps.rdd.mapPartitions(partial(_vectors, options=copts, vocabulary=vocabulary)),
        "unit string, idx array<int>, val array<double>, keys array<int>",
    ).persist()

    # 3. Candidate pairs: shared key, close enough in the posting list and in time.
    order = Window.partitionBy("key").orderBy(F.col("first").isNull(), "first", "smallest")
    postings = (
        vectors.select("unit", F.explode("keys").alias("key"))
        .join(units, "unit")
        .withColumn("rank", F.row_number().over(order))
    )
    left, right = postings.alias("l"), postings.alias("r")
    if options.block_days is None:
        in_time = F.lit(True)
    else:
        days = options.block_days
        in_time = (
            F.col("l.first").isNull() | F.col("r.first").isNull()
            | ((F.col("l.first") <= F.col("r.last") + days) & (F.col("l.last") >= F.col("r.first") - days))
        )
    pairs = (
        left.join(right, (F.col("l.key") == F.col("r.key")) & (F.col("r.rank") < F.col("l.rank"))
                  & (F.col("l.rank") - F.col("r.rank") <= copts.max_postings))
        .where(in_time)
        .select(F.least("l.unit", "r.unit").alias("a"), F.greatest("l.unit", "r.unit").alias("b"))
        .distinct()
    )
    vec = vectors.select("unit", "idx", "val")
    with_vectors = pairs.join(vec.toDF("a", "ia", "va"), "a").join(vec.toDF("b", "ib", "vb"), "b")
    edges = spark.createDataFrame(
        with_vectors.rdd.mapPartitions(partial(_cosines, floor=options.floor())), "src string, dst string"
    )

    # 4. Blocks (step 5, the clusterer per partition of whole blocks, is in story_assignments).
    blocks = connected_components(edges)
    unit_block = units.select("unit").join(blocks.toDF("unit", "block"), "unit", "left").select(
        "unit", F.coalesce("block", "unit").alias("block")
    )
    return _Plan(arts, membership, unit_block, vocabulary)
