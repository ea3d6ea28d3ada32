"""Time-sliced story clustering: the library's clusterer walks the stream slice by slice (bounded work).

The exact Spark stories job clusters each block of linked units on one executor; on a topically
dense stream one block holds nearly everything (see docs/spark.md, "The price of exactness").  This
module bounds the work instead: units are taken in the clusterer's (date, id) order and cut into
consecutive time slices of ``slice_days``; each slice is assigned by a
:class:`~newsbrief.cluster.StoryClusterer` that already holds the stories still *open* — those whose
newest article is at most ``open_days`` before the slice starts — with their members, vectors and
blocking postings.  Every decision (candidates, edges, merges, refinement, story ids) is the
library clusterer's ``assign``: a new article may join an open story or open a new one, and open
stories may merge, exactly as in the incremental embedded path (``StoryClusterer.assign`` per
batch).  What is approximate: a story closed ``open_days`` ago is never joined again (the embedded
batch can still link it: its time decay never falls below ``time_floor``), and the clusterer sees
the batch of one slice at a time (incremental, not batch agglomeration).  Vectors use the global
document frequencies, as the exact job's do.

The seeded clusterer is built with :meth:`StoryClusterer.from_state` from the open stories (the
clusterer has no public hook to seed stories yet), and read back with :meth:`StoryClusterer.state`
after each slice: both use the state format version :data:`newsbrief.cluster.STATE_VERSION`.
Memory is bounded by the open stories: a story's articles are emitted when it closes.

Pure Python (no pyspark): :func:`walk_slices` runs inside one Spark task over the units in order.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from newsbrief.cluster import STATE_VERSION, StoryClusterer
from newsbrief.errors import UsageError
from newsbrief.model import Article, DuplicateGroup
from newsbrief.represent import representation_for
from newsbrief.settings import ClusterOptions

UNDATED = -1


@dataclass(frozen=True, slots=True)
class SliceUnit:
    """One unit of a slice: its articles (the canonical copy first) and the representative's terms."""

    articles: tuple[Article, ...]
    similarities: tuple[float, ...]
    terms: tuple[str, ...]


@dataclass(slots=True)
class _Unit:
    """An open unit: its articles (with their day ordinals), date range and global-index vector."""

    source: SliceUnit
    articles: list[str]
    dates: list[int]
    first: int
    last: int
    idx: np.ndarray
    val: np.ndarray


@dataclass(slots=True)
class _Open:
    """An open story: its id, units (keys of :attr:`SliceWalker._units`, in creation order) and range."""

    id: str
    units: list[int]
    first: int
    last: int


class SliceWalker:
    """Assigns consecutive slices of units to stories, keeping only the open stories between slices.

    ``terms``, ``df``, ``n_docs``: the global vocabulary (column order), document frequencies and the
    number of units they were counted over.  :meth:`add_slice` returns nothing; closed stories come
    out of :meth:`closed` (and every story at :meth:`finish`) as ``(article id, story id)`` pairs.
    """

    def __init__(self, *, options: ClusterOptions, terms: Sequence[str], df: Sequence[int], n_docs: int,
                 open_days: int, settle_days: int = 0) -> None:
        if options.representation != "tfidf":
            raise UsageError("time-sliced stories need the tfidf representation (its document frequencies)")
        self.options = options
        self.open_days = open_days
        self.settle_days = settle_days
        self._terms = list(terms)
        self._df = np.asarray(df, dtype=np.int64)
        self._n_docs = int(n_docs)
        self._index = {term: i for i, term in enumerate(self._terms)}
        self._units: dict[int, _Unit] = {}
        self._stories: list[_Open] = []
        self._postings: dict[int, list[int]] = {}  # global key → open units, oldest first
        self._next_unit = 0
        self._done: list[tuple[str, str]] = []

    def add_slice(self, units: Sequence[SliceUnit], *, start: int) -> None:
        """Assign a slice of units starting on day ``start`` (:data:`UNDATED` for the undated ones).

        First the stories whose newest article is more than ``open_days`` before ``start`` close;
        those whose newest article is less than ``settle_days`` before it are dissolved, and their
        units are clustered again together with the slice (as one batch, as the embedded path
        would); the other open stories stay as they are and may take new articles.
        """
        if start != UNDATED:
            self._close(lambda story: story.last != UNDATED and story.last < start - self.open_days)
            if units and self.settle_days > 0:
                units = [*self._dissolve(lambda story: story.last == UNDATED or story.last >= start - self.settle_days),
                         *units]
        if not units:
            return
        clusterer, vocab, local_units = self._seeded(units)
        articles = [a for unit in units for a in unit.articles]
        groups = [DuplicateGroup(u.articles[0].id, tuple((a.id, s) for a, s in zip(u.articles, u.similarities,
                                                                                    strict=True)))
                  for u in units if len(u.articles) > 1]
        clusterer.assign(articles, groups=groups)
        self._read_back(clusterer, vocab, local_units, {unit.articles[0].id: unit for unit in units})

    def closed(self) -> list[tuple[str, str]]:
        """The ``(article id, story id)`` pairs of the stories closed since the last call."""
        done, self._done = self._done, []
        return done

    def finish(self) -> list[tuple[str, str]]:
        """Close every story; all pairs not returned yet."""
        self._close(lambda story: True)
        return self.closed()

    @property
    def open_units(self) -> int:
        """Number of units held by the open stories."""
        return len(self._units)

    # ------------------------------------------------------------------ internals
    def _dissolve(self, is_dissolved: Any) -> list[SliceUnit]:
        """Take the units of some open stories out (in unit order), to be clustered again."""
        keep, taken = [], []
        for story in self._stories:
            if is_dissolved(story):
                taken.extend(story.units)
            else:
                keep.append(story)
        self._stories = keep
        sources = [self._units.pop(unit).source for unit in sorted(taken)]
        self._prune_postings()
        return sources

    def _prune_postings(self) -> None:
        for key in list(self._postings):
            posting = [u for u in self._postings[key] if u in self._units]
            if posting:
                self._postings[key] = posting
            else:
                del self._postings[key]

    def _close(self, is_closed: Any) -> None:
        keep = []
        for story in self._stories:
            if not is_closed(story):
                keep.append(story)
                continue
            for unit in story.units:
                self._done.extend((article, story.id) for article in self._units.pop(unit).articles)
        self._stories = keep
        self._prune_postings()

    def _seeded(self, units: Sequence[SliceUnit]) -> tuple[StoryClusterer, np.ndarray, list[int]]:
        """A clusterer holding the open stories, its document frequencies global once the slice is added."""
        local = Counter(term for unit in units for term in unit.terms)
        slice_terms = np.fromiter((self._index[t] for t in local), dtype=np.int64, count=len(local))
        old = [self._units[u] for u in sorted(self._units)]
        vocab = np.unique(np.concatenate([slice_terms, *(u.idx for u in old)])) if old else np.unique(slice_terms)
        df = self._df[vocab].copy()
        df[np.searchsorted(vocab, slice_terms)] -= np.fromiter(local.values(), dtype=np.int64, count=len(local))
        rep = representation_for(self.options).state()
        rep.update(terms=[self._terms[i] for i in vocab.tolist()], df=df.tolist(), n_docs=self._n_docs - len(units))
        local_units = sorted(self._units)
        position = {u: i for i, u in enumerate(local_units)}
        indptr = np.r_[0, np.cumsum([len(u.idx) for u in old])].astype(np.int64)
        indices = np.searchsorted(vocab, np.concatenate([u.idx for u in old])) if old else np.zeros(0, np.int64)
        data = np.concatenate([u.val for u in old]) if old else np.zeros(0)
        unit_story = [0] * len(old)
        stories = []
        for s, story in enumerate(self._stories):
            members = [position[u] for u in story.units]
            for member in members:
                unit_story[member] = s
            stories.append([story.id, members, story.first, story.last, True])
        meta = {
            "version": STATE_VERSION,
            "options": {k: getattr(self.options, k) for k in self.options.__dataclass_fields__},
            "representation": rep,
            "unit_articles": [u.articles for u in old],
            "unit_first": [u.first for u in old],
            "unit_last": [u.last for u in old],
            "unit_story": unit_story,
            "article_date": {a: d for u in old for a, d in zip(u.articles, u.dates, strict=True)},
            "stories": stories,
            "postings": {str(int(np.searchsorted(vocab, key))): [position[u] for u in posting]
                         for key, posting in self._postings.items()},
            "groups": {},
        }
        buffer = io.BytesIO()
        np.savez(buffer, data=data, indices=indices, indptr=indptr, shape=np.asarray([len(old), max(len(vocab), 1)]),
                 meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
        return StoryClusterer.from_state(buffer.getvalue(), options=self.options), vocab, local_units

    def _read_back(self, clusterer: StoryClusterer, vocab: np.ndarray, local_units: list[int],
                   sources: Mapping[str, SliceUnit]) -> None:
        """The clusterer's stories, units, vectors and postings after the slice, in global terms."""
        archive = np.load(io.BytesIO(clusterer.state()), allow_pickle=False)
        meta: dict[str, Any] = json.loads(archive["meta"].tobytes().decode())
        matrix = sp.csr_matrix((archive["data"], archive["indices"], archive["indptr"]),
                               shape=tuple(int(x) for x in archive["shape"]))
        if len(meta["representation"]["terms"]) != len(vocab):
            raise UsageError("the slice clusterer grew its vocabulary: its document frequencies were not seeded")
        ids = list(local_units)
        dates = meta["article_date"]
        for row in range(len(local_units), len(meta["unit_articles"])):
            articles = list(meta["unit_articles"][row])
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            source = next(sources[a] for a in articles if a in sources)
            self._units[self._next_unit] = _Unit(source, articles, [int(dates[a]) for a in articles],
                                                 int(meta["unit_first"][row]), int(meta["unit_last"][row]),
                                                 vocab[matrix.indices[start:end]], matrix.data[start:end].copy())
            ids.append(self._next_unit)
            self._next_unit += 1
        for row, unit in enumerate(ids[: len(local_units)]):  # old units may have taken new copies
            articles = list(meta["unit_articles"][row])
            if len(articles) != len(self._units[unit].articles):
                self._units[unit].articles = articles
                self._units[unit].dates = [int(dates[a]) for a in articles]
                self._units[unit].first = int(meta["unit_first"][row])
                self._units[unit].last = int(meta["unit_last"][row])
        self._stories = [_Open(story_id, [ids[u] for u in units], int(first), int(last))
                         for story_id, units, first, last, alive in meta["stories"] if alive and units]
        cap = self.options.max_postings
        self._postings = {int(vocab[int(key)]): [ids[u] for u in posting[-cap:]]
                          for key, posting in meta["postings"].items() if posting}


def walk_slices(units: Iterable[tuple[int, SliceUnit]], *, options: ClusterOptions, terms: Sequence[str],
                df: Sequence[int], n_docs: int, slice_days: int, open_days: int,
                settle_days: int = 0) -> Iterator[tuple[str, str]]:
    """``(first day, unit)`` in the clusterer's order (undated last) → ``(article id, story id)``.

    Consecutive units whose first day falls in the same ``slice_days`` window (counted from the first
    dated unit; all undated units form the last slice) are one slice.
    """
    walker = SliceWalker(options=options, terms=terms, df=df, n_docs=n_docs, open_days=open_days,
                         settle_days=settle_days)
    origin: int | None = None
    current: tuple[bool, int] | None = None
    start = UNDATED
    batch: list[SliceUnit] = []
    last_key: tuple[bool, int] = (False, -(10**9))
    for first, unit in units:
        key_order = (first == UNDATED, first)
        if key_order < last_key:
            raise UsageError("units must come in the clusterer's (date, id) order, undated last")
        last_key = key_order
        if first != UNDATED and origin is None:
            origin = first
        slot = (True, 0) if first == UNDATED else (False, (first - origin) // slice_days)  # type: ignore[operator]
        if slot != current:
            walker.add_slice(batch, start=start)
            yield from walker.closed()
            batch, current = [], slot
            start = UNDATED if first == UNDATED else origin + slot[1] * slice_days  # type: ignore[operator]
        batch.append(unit)
    walker.add_slice(batch, start=start)
    yield from walker.finish()


def slice_units(rows: Iterable[Mapping[str, Any]]) -> Iterator[tuple[int, SliceUnit]]:
    """Article rows sorted by unit (the clusterer's order) → ``(first day, unit)``.

    A row has ``id, content_hash, source, title, text, published, canonical_id, similarity, first``
    (the unit's first day ordinal or :data:`UNDATED`) and ``terms`` (the representative's, on the
    canonical copy's row).  A unit's rows are consecutive.
    """
    unit: list[Mapping[str, Any]] = []
    for row in rows:
        if unit and row["canonical_id"] != unit[0]["canonical_id"]:
            yield _unit(unit)
            unit = []
        unit.append(row)
    if unit:
        yield _unit(unit)


def _unit(rows: list[Mapping[str, Any]]) -> tuple[int, SliceUnit]:
    canonical = rows[0]["canonical_id"]
    rows = sorted(rows, key=lambda r: (r["id"] != canonical, r["id"]))
    articles = tuple(Article(id=r["id"], content_hash=r["content_hash"], source=r["source"], title=r["title"],
                             text=r["text"] or "", published=r["published"]) for r in rows)
    similarities = tuple(1.0 if r["id"] == canonical else float(r["similarity"]) for r in rows)
    first = rows[0]["first"]
    return (UNDATED if first is None else int(first)), SliceUnit(articles, similarities, tuple(rows[0]["terms"] or ()))
