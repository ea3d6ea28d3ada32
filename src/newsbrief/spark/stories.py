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
   edge floor (``threshold × edge_ratio``): the clusterer links units only through such edges.  The
   posting lists are grouped in the JVM and each is turned into edges in vectorised chunks.
4. *Blocks*: connected components of the edges (:mod:`newsbrief.spark.components`).
5. *Clustering*: units are hash-partitioned by block; each partition packs its blocks into bins of
   about 2,000 units and runs one :class:`~newsbrief.cluster.StoryClusterer` per bin, seeded with the
   global document frequencies, so vectors, the linking rule, merging and story ids are the library's.
   ``max_block`` (off by default) cuts larger blocks into time slices: bounded, approximate.

Output: one row per article ``(id, source, story_id, published)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from newsbrief.cluster import StoryClusterer
from newsbrief.model import Article, DuplicateGroup
from newsbrief.represent import article_terms, representation_for, representation_from_state
from newsbrief.settings import ClusterOptions, DedupOptions
from newsbrief.spark.components import connected_components
from newsbrief.spark.dedup import duplicate_groups, unique_articles
from newsbrief.spark.slices import slice_units, walk_slices

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

_UNDATED = -1
_COLUMNS = ("id", "content_hash", "source", "title", "text", "published")


@dataclass(frozen=True, slots=True)
class SparkStoriesOptions:
    """Options of the Spark stories job (the clustering rule itself is ``ClusterOptions``).

    ``block_floor``: cosine from which two candidate units are put in the same block; ``None`` takes
    the clusterer's own edge floor (``threshold × edge_ratio``): the clusterer only ever joins units
    through such edges, so blocks then hold whole stories.  ``block_days``: candidate pairs further
    apart in time than this are not linked (bounds block sizes on long crawls); ``None`` (default)
    links regardless of time, as the clusterer's edges do — a story's window moves with its newest
    article, so a chain of stories can span far more than ``window_days``.  ``max_block``: a block
    with more units is cut into consecutive time slices of that many units (``None``, the default:
    never cut — exact, but a giant block is clustered on one executor; measured on the benchmark
    articles, slices of 2,000 units drop the agreement to adjusted Rand 0.63, see docs/spark.md); it is
    also the size of the bins of small blocks clustered together (2,000 when ``None``).  ``partitions``: number of
    clustering partitions (``None``: the session's ``spark.sql.shuffle.partitions``).
    ``slice_days``: cluster in consecutive time slices of that many days, each slice assigned by the
    library clusterer seeded with the stories still open (:mod:`newsbrief.spark.slices`; ``None``,
    the default: the exact blocks); ``open_days``: a story stays open while its newest article is at
    most this many days before the slice (``None``: ``window_days + 3 × decay_days``);
    ``settle_days``: open stories whose newest article is less than this many days before the slice
    are clustered again together with it (closer to the batch result, more work; 0: none).
    """

    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    block_floor: float | None = None
    block_days: int | None = None
    max_block: int | None = None
    partitions: int | None = None
    slice_days: int | None = None
    open_days: int | None = None
    settle_days: int = 0

    def floor(self) -> float:
        """The block floor in effect."""
        if self.block_floor is not None:
            return self.block_floor
        return self.cluster.threshold * getattr(self.cluster, "edge_ratio", 0.5)

    def open_window(self) -> int:
        """Days a story stays open in the time-sliced mode."""
        if self.open_days is not None:
            return self.open_days
        return int(self.cluster.window_days + 3 * self.cluster.decay_days)


def _date_ordinal(row: Any) -> int:
    return row.published.toordinal() if row.published is not None else _UNDATED


def _to_article(row: Any) -> Article:
    return Article(id=row.id, content_hash=row.content_hash, source=row.source, title=row.title, text=row.text,
                   published=row.published)


def _batch_articles(batch: pa.RecordBatch) -> list[Article]:
    """The articles of an Arrow batch with columns ``id, content_hash, source, title, text, published``."""
    columns = [batch.column(name).to_pylist() for name in ("id", "content_hash", "source", "title", "text", "published")]
    return [Article(id=i, content_hash=h, source=s, title=t, text=x or "", published=d)
            for i, h, s, t, x, d in zip(*columns, strict=True)]


def _terms(batches: Iterable[pa.RecordBatch], *, max_chars: int) -> Iterator[pa.RecordBatch]:
    """Arrow batches of units → ``(unit, terms)``: its terms in the order of the library's term counts."""
    import pyarrow as pa

    for batch in batches:
        terms = [list(article_terms(article, max_chars=max_chars)) for article in _batch_articles(batch)]
        yield pa.RecordBatch.from_arrays([batch.column("id"), pa.array(terms, type=pa.list_(pa.string()))],
                                         names=["unit", "terms"])


def _representation(options: ClusterOptions, terms: Sequence[str], df: Sequence[int], n_docs: int) -> Any:
    """The library's representation with the given vocabulary (in index order) and document frequencies."""
    state = representation_for(options).state()
    state.update(terms=list(terms), df=[int(d) for d in df], n_docs=int(n_docs))
    return representation_from_state(state)


def _vectors(batches: Iterable[pa.RecordBatch], *, options: ClusterOptions, vocabulary: Any) -> Iterator[pa.RecordBatch]:
    """Arrow batches of units → the unit's TF-IDF vector (global indices) and blocking keys, from the library."""
    import pyarrow as pa

    terms, df, n_docs = vocabulary.value
    rep = _representation(options, terms, df, n_docs)
    for batch in batches:
        matrix = rep.transform(_batch_articles(batch))
        keys = rep.keys(matrix, top=options.keys_per_article)
        offsets = pa.array(matrix.indptr.astype(np.int32))
        yield pa.RecordBatch.from_arrays(
            [batch.column("id"), pa.ListArray.from_arrays(offsets, pa.array(matrix.indices.astype(np.int32))),
             pa.ListArray.from_arrays(offsets, pa.array(matrix.data.astype(np.float64))),
             pa.array(keys, type=pa.list_(pa.int32()))],
            names=["unit", "idx", "val", "keys"],
        )


def _band_pairs(n: int, cap: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs ``(i, j)``, ``i - cap <= j < i``, of a posting list of ``n`` units."""
    if n <= cap + 1:
        j, i = np.triu_indices(n, 1)
        return i, j
    counts = np.minimum(np.arange(n), cap)
    i = np.repeat(np.arange(n), counts)
    within = np.arange(len(i)) - np.repeat(np.cumsum(counts) - counts, counts)
    return i, np.repeat(np.maximum(np.arange(n) - cap, 0), counts) + within


def _edges_among(matrix: Any, units: np.ndarray, first: np.ndarray, last: np.ndarray, left: list[np.ndarray],
                 right: list[np.ndarray], *, floor: float, days: int | None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """``(src, dst)`` unit-id arrays (``src < dst``) of the candidate pairs whose cosine reaches ``floor``."""
    if not left:
        return
    a_all, b_all, chunk = np.concatenate(left), np.concatenate(right), 50_000
    for start in range(0, len(a_all), chunk):
        a, b = a_all[start : start + chunk], b_all[start : start + chunk]
        sims = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
        keep = sims >= floor - 1e-9  # a superset of the clusterer's edges is safe for blocking
        if days is not None:
            fa, la, fb, lb = first[a], last[a], first[b], last[b]
            keep &= (fa == _UNDATED) | (fb == _UNDATED) | ((fa <= lb + days) & (la >= fb - days))
        ua, ub = units[a[keep]], units[b[keep]]
        swap = ua > ub
        yield np.where(swap, ub, ua), np.where(swap, ua, ub)


def _edge_batches(batches: Iterable[pa.RecordBatch], *, floor: float, cap: int,
                  days: int | None) -> Iterator[pa.RecordBatch]:
    """Arrow batches of posting lists (column ``m``: one list per key, ≥ 2 units) → edges ``(src, dst)``.

    A unit is ``struct<first, smallest, unit, idx, val, last>`` (days as ordinals, ``first`` null
    when undated; ``idx``/``val`` its L2-normalised TF-IDF vector).  Each posting list is taken in the
    clusterer's order ((date, smallest id), undated last) and each unit meets the ``cap`` units before
    it, as the embedded blocking meets the ``cap`` most recent earlier units of a key; the cosines are
    computed in vectorised chunks, as the clusterer computes its edges.  ``days``: pairs further apart
    in time than this are not linked.  The whole batch is arrays: no Python object per unit.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import scipy.sparse as sp

    for batch in batches:
        lists = batch.column("m")
        offsets = np.asarray(lists.offsets, dtype=np.int64)
        offsets -= offsets[0]
        members = lists.flatten()
        if not len(members):
            continue
        fields = dict(zip([f.name for f in members.type], members.flatten(), strict=True))
        list_of = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
        undated = fields["first"].is_null()
        first = fields["first"].fill_null(_UNDATED).to_numpy().astype(np.int64)
        last = fields["last"].fill_null(_UNDATED).to_numpy().astype(np.int64)
        order = pc.sort_indices(
            pa.table({"l": list_of, "u": undated, "f": first, "s": fields["smallest"]}),
            sort_keys=[("l", "ascending"), ("u", "ascending"), ("f", "ascending"), ("s", "ascending")],
        ).to_numpy()
        idx, val = fields["idx"], fields["val"]
        indptr = np.asarray(idx.offsets, dtype=np.int64)
        indptr -= indptr[0]
        indices = idx.flatten().to_numpy().astype(np.int64)
        matrix = sp.csr_matrix((val.flatten().to_numpy().astype(np.float64), indices, indptr),
                               shape=(len(members), int(indices.max(initial=0)) + 1))[order]
        units = np.asarray(fields["unit"].to_pylist(), dtype=object)[order]
        first, last = first[order], last[order]
        left: list[np.ndarray] = []
        right: list[np.ndarray] = []
        pairs = 0
        src: list[np.ndarray] = []
        dst: list[np.ndarray] = []
        for start, end in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True):
            if end - start < 2:
                continue
            i, j = _band_pairs(end - start, cap)
            left.append(i + start)
            right.append(j + start)
            pairs += len(i)
            if pairs >= 2_000_000:
                for x, y in _edges_among(matrix, units, first, last, left, right, floor=floor, days=days):
                    src.append(x)
                    dst.append(y)
                left, right, pairs = [], [], 0
        for x, y in _edges_among(matrix, units, first, last, left, right, floor=floor, days=days):
            src.append(x)
            dst.append(y)
        if src:
            yield pa.RecordBatch.from_arrays(
                [pa.array(np.concatenate(src), type=pa.string()), pa.array(np.concatenate(dst), type=pa.string())],
                names=["src", "dst"],
            )


def _clusterer(options: ClusterOptions, reps: Sequence[Sequence[str]], vocabulary: tuple[Sequence[str], Sequence[int], int],
               index: Mapping[str, int]) -> StoryClusterer:
    """A fresh clusterer whose representation already counts every *other* unit's document.

    The clusterer adds this partition's representatives itself (``assign`` → ``update``), so it starts
    from the global document frequencies minus theirs: its IDF is then the global one, as in the
    embedded path over the whole input.  ``reps``: the representatives' terms (``article_terms``, computed
    once per unit by the vocabulary step and carried here).
    """
    fresh = StoryClusterer(options=options)
    if options.representation != "tfidf":
        return fresh
    terms, df, n_docs = vocabulary
    local: dict[str, int] = {}
    for rep_terms in reps:
        for term in rep_terms:
            local[term] = local.get(term, 0) + 1
    ordered = sorted(local, key=index.__getitem__)
    fresh.seed_document_frequencies({t: df[index[t]] - local[t] for t in ordered}, n_docs=n_docs - len(reps))
    return fresh


def _cluster_bin(rows: Sequence[Any], *, options: ClusterOptions, terms: Sequence[str], df: Sequence[int],
                 n_docs: int, index: Mapping[str, int]) -> Iterator[tuple[str, str]]:
    """Whole blocks → (article id, story id), by one library clusterer."""
    articles: dict[str, Article] = {}
    members: dict[str, list[tuple[str, float]]] = {}
    rep_terms: dict[str, Sequence[str]] = {}
    for row in rows:
        articles[row.id] = _to_article(row)
        members.setdefault(row.canonical_id, []).append((row.id, float(row.similarity)))
        if row.id == row.canonical_id:
            rep_terms[row.id] = row.terms or ()
    groups = [
        DuplicateGroup(canonical, ((canonical, 1.0), *sorted(m for m in found if m[0] != canonical)))
        for canonical, found in members.items()
    ]
    clusterer = _clusterer(options, [rep_terms[canonical] for canonical in members], (terms, df, n_docs), index)
    clusterer.assign(list(articles.values()), groups=groups)
    for story in clusterer.stories():
        for article_id in story.article_ids:
            yield article_id, story.id


def _cluster_partition(
    items: Iterable[tuple[str, Any]], *, options: ClusterOptions, vocabulary: Any, bin_units: int
) -> Iterator[tuple[str, str]]:
    """One partition of whole blocks → (article id, story id), by the library's clusterer.

    The partition's blocks are taken in block order and packed into bins of about ``bin_units``
    units, one clusterer per bin: the clusterer's cost grows faster than linearly with the number of
    units it holds, and units of different blocks never meet (no edge between them), so binning only
    bounds the work.
    """
    terms, df, n_docs = vocabulary.value
    index = {term: i for i, term in enumerate(terms)}
    by_block: dict[str, list[Any]] = {}
    for block, row in items:
        by_block.setdefault(block, []).append(row)
    pending: list[Any] = []
    units: set[str] = set()
    for block in sorted(by_block):
        pending.extend(by_block[block])
        units.update(row.canonical_id for row in by_block[block])
        if len(units) >= bin_units:
            yield from _cluster_bin(pending, options=options, terms=terms, df=df, n_docs=n_docs, index=index)
            pending, units = [], set()
    if pending:
        yield from _cluster_bin(pending, options=options, terms=terms, df=df, n_docs=n_docs, index=index)


@dataclass(frozen=True, slots=True)
class _Plan:
    articles: DataFrame
    membership: DataFrame
    unit_block: DataFrame
    unit_terms: DataFrame
    vocabulary: Any


def story_blocks(articles: DataFrame, *, groups: DataFrame | None = None, options: SparkStoriesOptions) -> DataFrame:
    """The blocks of the stories job: one row per duplicate group ``(unit, block)`` (both canonical ids)."""
    return _plan(articles, groups=groups, options=options).unit_block


def story_assignments(
    articles: DataFrame, *, groups: DataFrame | None = None, options: SparkStoriesOptions, with_block: bool = False
) -> DataFrame:
    """Stories of an articles DataFrame: one row per article ``(id, source, story_id, published)``.

    ``groups``: the output of :func:`newsbrief.spark.dedup.duplicate_groups` (computed when omitted).
    Agrees with :func:`newsbrief.cluster.cluster_stories` given the same duplicate groups.
    ``with_block``: add a column ``block`` (the story block the article was clustered in; diagnostics).
    """
    from pyspark.sql import functions as F

    if options.slice_days is not None:
        return _sliced_assignments(articles, groups=groups, options=options, with_block=with_block)
    plan = _plan(articles, groups=groups, options=options)
    spark = articles.sparkSession
    rows = (
        plan.articles.join(plan.membership, "id")
        .join(plan.unit_block.withColumnRenamed("unit", "canonical_id"), "canonical_id")
        .join(plan.unit_terms.withColumnRenamed("unit", "id"), "id", "left")
    )
    partitions = options.partitions or int(spark.conf.get("spark.sql.shuffle.partitions"))
    assigned = spark.createDataFrame(
        rows.rdd.map(lambda row: (row.block, row))
        .partitionBy(partitions)
        .mapPartitions(partial(_cluster_partition, options=options.cluster, vocabulary=plan.vocabulary,
                               bin_units=options.max_block or 2000)),
        "id string, story_id string",
        verifySchema=False,
    )
    result = (
        plan.articles.select("id", "source", "published")
        .join(assigned, "id")
        .select("id", "source", F.col("story_id"), "published")
    )
    if with_block:
        blocks = plan.membership.join(plan.unit_block.withColumnRenamed("unit", "canonical_id"), "canonical_id")
        result = result.join(blocks.select("id", "block"), "id")
    return result


@dataclass(frozen=True, slots=True)
class _Units:
    articles: DataFrame
    membership: DataFrame
    units: DataFrame
    reps: DataFrame
    unit_terms: DataFrame
    vocabulary: Any


def _prepare(articles: DataFrame, *, groups: DataFrame | None, options: SparkStoriesOptions) -> _Units:
    """The units (duplicate groups: date range, smallest id), their terms and the broadcast vocabulary."""
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

    # 1. Document frequencies and each term's first appearance in the embedded unit order (the terms
    #    are computed once per unit in Python; counting happens in the JVM).
    unit_terms = reps.select(*_COLUMNS).mapInArrow(partial(_terms, max_chars=copts.max_chars),
                                                   "unit string, terms array<string>").persist()
    stats = (
        unit_terms.select("unit", F.posexplode("terms").alias("pos", "term"))
        .groupBy("term").agg(F.count("*").alias("df"), F.min(F.struct("unit", "pos")).alias("first_seen"))
        .orderBy("first_seen").select("term", "df").collect()
    )
    vocabulary = spark.sparkContext.broadcast(([r.term for r in stats], [int(r.df) for r in stats], n_units))
    return _Units(arts, membership, units, reps, unit_terms, vocabulary)


def _walk(batches: Iterable[pa.RecordBatch], *, options: ClusterOptions, vocabulary: Any, slice_days: int,
          open_days: int, settle_days: int) -> Iterator[pa.RecordBatch]:
    """Arrow batches of article rows in the clusterer's order (one task) → ``(id, story_id)`` batches."""
    import pyarrow as pa

    terms, df, n_docs = vocabulary.value
    rows = (row for batch in batches for row in batch.to_pylist())
    pairs = walk_slices(slice_units(rows), options=options, terms=terms, df=df, n_docs=n_docs,
                        slice_days=slice_days, open_days=open_days, settle_days=settle_days)
    ids: list[str] = []
    stories: list[str] = []
    for article_id, story_id in pairs:
        ids.append(article_id)
        stories.append(story_id)
        if len(ids) >= 50_000:
            yield pa.RecordBatch.from_arrays([pa.array(ids, pa.string()), pa.array(stories, pa.string())],
                                             names=["id", "story_id"])
            ids, stories = [], []
    if ids:
        yield pa.RecordBatch.from_arrays([pa.array(ids, pa.string()), pa.array(stories, pa.string())],
                                         names=["id", "story_id"])


def _sliced_assignments(articles: DataFrame, *, groups: DataFrame | None, options: SparkStoriesOptions,
                        with_block: bool) -> DataFrame:
    """The time-sliced stories: units sorted in the clusterer's order, walked slice by slice in one task.

    The terms and document frequencies are computed in parallel as in the exact job; the walk
    itself is sequential (each slice starts from the stories the previous ones left open).
    """
    from pyspark.sql import functions as F

    prepared = _prepare(articles, groups=groups, options=options)
    rows = (
        prepared.articles.join(prepared.membership, "id")
        .join(prepared.units.select(F.col("unit").alias("canonical_id"), "first", "smallest"), "canonical_id")
        .join(prepared.unit_terms.withColumnRenamed("unit", "id"), "id", "left")
        .select(*_COLUMNS, "canonical_id", "similarity", "first", "smallest", "terms")
        .orderBy(F.col("first").isNull(), "first", "smallest", "id")
        .coalesce(1)  # one task walks the slices in order (coalesce keeps the sorted partitions' order)
    )
    assigned = rows.mapInArrow(
        partial(_walk, options=options.cluster, vocabulary=prepared.vocabulary, slice_days=options.slice_days,
                open_days=options.open_window(), settle_days=options.settle_days),
        "id string, story_id string",
    )
    result = prepared.articles.select("id", "source", "published").join(assigned, "id").select(
        "id", "source", "story_id", "published")
    if with_block:
        result = result.withColumn("block", F.lit(None).cast("string"))
    return result


def _plan(articles: DataFrame, *, groups: DataFrame | None, options: SparkStoriesOptions) -> _Plan:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    copts = options.cluster
    prepared = _prepare(articles, groups=groups, options=options)
    arts, membership, units, reps = prepared.articles, prepared.membership, prepared.units, prepared.reps
    unit_terms, vocabulary = prepared.unit_terms, prepared.vocabulary
    columns = _COLUMNS

    # 2. Vectors and blocking keys (global term indices).
    vectors = reps.select(*columns).mapInArrow(
        partial(_vectors, options=copts, vocabulary=vocabulary),
        "unit string, idx array<int>, val array<double>, keys array<int>",
    ).join(units, "unit").persist()

    # 3. Edges: per key, each unit against the max_postings units before it in the clusterer's order.
    postings = (
        vectors.select(F.explode("keys").alias("key"), "first", "smallest", "unit", "idx", "val", "last")
        .groupBy("key")
        .agg(F.collect_list(F.struct("first", "smallest", "unit", "idx", "val", "last")).alias("m"))
        .where(F.size("m") >= 2)
    )
    edges = postings.select("m").mapInArrow(
        partial(_edge_batches, floor=options.floor(), cap=copts.max_postings, days=options.block_days),
        "src string, dst string",
    ).distinct()

    # 4. Blocks (step 5, the clusterer per partition of whole blocks, is in story_assignments).
    blocks = connected_components(edges)
    unit_block = units.join(blocks.toDF("unit", "block"), "unit", "left").select(
        "unit", F.coalesce("block", "unit").alias("block"), "first", "smallest"
    )
    if options.max_block is not None:
        # A block larger than max_block units is cut into consecutive time slices of max_block units
        # in the clusterer's order: the only place where the Spark result may differ from the
        # embedded one (stories crossing a slice boundary are split).
        size = F.count("*").over(Window.partitionBy("block"))
        rank = F.row_number().over(Window.partitionBy("block").orderBy(F.col("first").isNull(), "first", "smallest"))
        unit_block = unit_block.withColumn(
            "block",
            F.when(size > options.max_block,
                   F.concat("block", F.lit("#"), F.format_string("%06d", F.floor((rank - 1) / options.max_block))))
            .otherwise(F.col("block")),
        )
    unit_block = unit_block.select("unit", "block").persist()
    return _Plan(arts, membership, unit_block, unit_terms, vocabulary)
