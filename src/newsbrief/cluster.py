"""Stories: group articles about the same real-world story (time-aware, incremental, deterministic).

One entry point for a batch, :func:`cluster_stories`, and the incremental :class:`StoryClusterer`
behind it.  The unit of clustering is a duplicate group (syndicated copies travel together, so they
always end up in one story); it is represented by its canonical copy's vector
(:mod:`newsbrief.represent`: TF-IDF over content words and names by default).

A batch is clustered in four steps:

1. *Blocking*: units are taken in (date, id) order, undated ones last; each meets the
   ``max_postings`` most recent earlier units sharing one of its ``keys_per_article`` heaviest terms,
   so nothing is ever compared n × n.  Pairs with cosine ≥ ``threshold × edge_ratio`` are edges.
2. *Agglomeration* over the edges (each new unit starts as a story of its own; existing stories keep
   their members): the adjacent pair with the best ratio merges first, where the ratio is the average
   cosine between the two stories' members (``Ci·Cj / (ni·nj)`` from centroid sums) over the bar
   max(``threshold × edge_ratio``, ``relative`` × √(cohesion_i · cohesion_j)) — a loose story may take
   loosely related articles, a tight one only close ones.  ``threshold`` is the pairwise same-story
   cosine calibrated on SemEval-2022 pairs (``newsbrief eval stories semeval``).
3. *Time*: two stories merge only when their date ranges come within ``window_days`` (the window
   moves with a story's newest article; undated articles and stories are compared by text alone).
4. *Refinement*: ``refine_rounds`` passes move each new unit to the adjacent open story whose centroid
   is closer than its own story's centroid without it (k-means-like, deterministic order).

Story ids are ``text.stable_hash`` of the earliest member (in (date, id) order) when the story is
formed in a batch; a story keeps its id when later batches add to it, and a merged story keeps the
id of the older one.

>>> from newsbrief.model import Article
>>> from newsbrief.settings import ClusterOptions
>>> def art(i, text):
...     return Article(id=i, content_hash=i, source=i, title=None, text=text)
>>> arts = [art("a", "Hurricane Mitch floods Honduras, thousands flee Tegucigalpa"),
...         art("b", "Thousands flee Tegucigalpa as Hurricane Mitch floods Honduras"),
...         art("c", "Pinochet arrested in London at the request of a Spanish judge")]
>>> sorted(s.article_ids for s in cluster_stories(arts, options=ClusterOptions()))
[('a', 'b'), ('c',)]
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import operator
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from itertools import chain, repeat
from typing import Any

import numpy as np
import scipy.sparse as sp

from newsbrief.cluster_merge import Agglomeration
from newsbrief.cluster_parts import SPARSE_RATIO, UNDATED, StoryState, date_of, ordinal, span, sparse_dot
from newsbrief.cluster_refine import Refinement
from newsbrief.errors import UsageError
from newsbrief.model import Article, DuplicateGroup, Story
from newsbrief.represent import representation_for, representation_from_state
from newsbrief.settings import ClusterOptions
from newsbrief.text import stable_hash

STATE_VERSION = 1


def cluster_stories(
    articles: Sequence[Article],
    *,
    groups: Sequence[DuplicateGroup] = (),
    options: ClusterOptions,
) -> tuple[Story, ...]:
    """Group articles into stories (batch).  Equal to one :meth:`StoryClusterer.assign` call.

    ``groups`` are duplicate groups (``dedup.find_duplicate_groups``); members of a group always land
    in one story.  The result is sorted by (first published, id), undated stories last.
    """
    clusterer = StoryClusterer(options=options)
    clusterer.assign(articles, groups=groups)
    return clusterer.stories()


def cluster_folder(
    articles: Sequence[Article],
    *,
    groups: Sequence[DuplicateGroup] = (),
    options: ClusterOptions,
    apart: Collection[str] = (),
) -> tuple[Story, ...]:
    """Stories of one batch read as a whole, as ``brief FOLDER`` reads a folder.

    :func:`cluster_stories`, then the fragments of a dominant story joined to it
    (:meth:`StoryClusterer.join_fragments`, which reads the articles' headlines too); ``apart``: article
    ids that never join that way (stories split off another article's page).
    """
    clusterer = StoryClusterer(options=options)
    clusterer.assign(articles, groups=groups)
    clusterer.join_fragments(apart=apart, headlines={a.id: a.title for a in articles if a.title})
    return clusterer.stories()


class StoryClusterer(Agglomeration, Refinement):
    """Incremental story clustering: :meth:`assign` joins a new batch to existing stories or opens new ones.

    Guarantees: one ``assign`` call on a fresh clusterer gives exactly :func:`cluster_stories`; the
    result does not depend on the order of the articles inside a batch (units are processed in
    (date, id) order).  What depends on how the stream is cut into batches: the document frequencies
    (IDF of the stream *so far* when a batch arrives — vectors are not recomputed later) and the
    processing order across batches (an article arriving in a later batch cannot found a story that
    earlier articles would have joined).  On real data the incremental result stays close to the batch
    one (see ``tests/test_cluster.py``).  The state is exported as bytes by :meth:`state` and
    restored by :meth:`from_state`.
    """

    def __init__(self, *, options: ClusterOptions) -> None:
        self.options = options
        self._rep = representation_for(options)
        self._matrix = sp.csr_matrix((0, 1), dtype=np.float64)
        self._unit_articles: list[list[str]] = []
        self._unit_first: list[int] = []
        self._unit_last: list[int] = []
        self._unit_story: list[int] = []
        self._article_unit: dict[str, int] = {}
        self._article_date: dict[str, int] = {}
        self._stories: list[StoryState] = []
        self._postings: dict[int, list[int]] = {}
        self._groups: dict[str, DuplicateGroup] = {}
        self._scratch = np.zeros(0)

    # ------------------------------------------------------------------ public API
    def assign(self, articles: Sequence[Article], *, groups: Sequence[DuplicateGroup] = ()) -> dict[str, str]:
        """Assign a batch of new articles to existing or new stories.

        Returns article id → story id for the batch's articles and for earlier articles whose story
        id changed (their story was merged into an older one).  Articles already assigned are not processed again (their current story is returned).
        """
        before = self._story_ids()
        for group in groups:
            self._groups[group.canonical_id] = group
        by_id = {a.id: a for a in articles}
        new_units = self._make_units(by_id, groups)
        reps = [by_id[self._representative(unit, by_id)] for unit in new_units]
        vectors = self._rep.update(reps)
        first_unit = len(self._unit_articles)
        self._append_vectors(vectors)
        keys = self._rep.keys(vectors, top=self.options.keys_per_article)
        for unit in new_units:
            dates = [self._article_date[a] for a in unit if self._article_date[a] != UNDATED]
            self._unit_articles.append(list(unit))
            self._unit_first.append(min(dates) if dates else UNDATED)
            self._unit_last.append(max(dates) if dates else UNDATED)
            self._unit_story.append(-1)
            for article in unit:
                self._article_unit[article] = len(self._unit_articles) - 1
        order = sorted(range(len(new_units)), key=lambda i: self._unit_order_key(first_unit + i))
        pairs = self._candidate_pairs([first_unit + i for i in order], [keys[i] for i in order])
        edges, cosines = self._edges(pairs)
        for i in order:
            self._new_story(first_unit + i)
        self._agglomerate(edges, cosines)
        old_stories = len(self._stories) - len(order)
        self._refine([first_unit + i for i in order], edges.tolist(), old_stories)
        after = self._story_ids()
        return {a: s for a, s in after.items() if a in by_id or before.get(a) != s}

    def seed_document_frequencies(self, frequencies: Mapping[str, int], *, n_docs: int) -> None:
        """Start the TF-IDF representation from global document frequencies (before the first ``assign``).

        ``frequencies``: term → number of documents (as :func:`newsbrief.represent.article_terms` names
        terms), in the column order wanted; ``n_docs``: how many documents they were counted over.  The
        batches assigned later add their own documents, as always.  For a distributed run (e.g. Spark)
        that clusters a part of the stream with the whole stream's IDF.  No-op for representations
        without corpus statistics (embeddings).

        >>> from newsbrief.settings import ClusterOptions
        >>> clusterer = StoryClusterer(options=ClusterOptions())
        >>> clusterer.seed_document_frequencies({"flood": 40, "levee": 3}, n_docs=1000)
        """
        if self._unit_articles:
            raise UsageError("document frequencies can only be seeded before the first assign")
        seed = getattr(self._rep, "seed", None)
        if seed is not None:
            seed(frequencies, n_docs=n_docs)

    def stories(self) -> tuple[Story, ...]:
        """All current stories, sorted by (first published, id), undated stories last."""
        result = []
        for story in self._stories:
            if not story.alive:
                continue
            ids = sorted(
                (a for u in story.units for a in self._unit_articles[u]),
                key=lambda a: (self._article_date[a] == UNDATED, self._article_date[a], a),
            )
            groups = []
            for unit in sorted(story.units, key=lambda u: self._unit_articles[u][0]):
                members = self._unit_articles[unit]
                group = self._groups.get(members[0])
                if group is None or set(group.member_ids) != set(members):
                    group = DuplicateGroup(members[0], tuple((m, 1.0) for m in members))
                groups.append(group)
            result.append(
                Story(
                    id=story.id,
                    article_ids=tuple(ids),
                    duplicate_groups=tuple(groups),
                    first_published=date_of(story.first),
                    last_published=date_of(story.last),
                )
            )
        result.sort(key=lambda s: (s.first_published is None, s.first_published or dt.date.min, s.id))
        return tuple(result)

    def story_of(self, article_id: str) -> str | None:
        """The story id of an assigned article (``None`` when unknown)."""
        unit = self._article_unit.get(article_id)
        return None if unit is None else self._stories[self._unit_story[unit]].id

    # ------------------------------------------------------------------ units
    def _make_units(self, by_id: Mapping[str, Article], groups: Sequence[DuplicateGroup]) -> list[list[str]]:
        """New units (lists of new article ids); new copies of known articles join the known unit."""
        for article in by_id.values():
            if article.id not in self._article_unit:
                self._article_date[article.id] = ordinal(article.published)
        placed: set[str] = set()
        units: list[list[str]] = []
        for group in sorted(groups, key=lambda g: g.canonical_id):
            members = [m for m in group.member_ids if m in by_id or m in self._article_unit]
            known = sorted({self._article_unit[m] for m in members if m in self._article_unit})
            fresh = [m for m in members if m not in self._article_unit and m in by_id and m not in placed]
            placed.update(fresh)
            if known:
                self._extend_unit(known[0], fresh)
                for other in known[1:]:
                    self._merge_stories(self._unit_story[known[0]], self._unit_story[other])
            elif fresh:
                units.append(fresh)
        for article_id in sorted(by_id):
            if article_id not in self._article_unit and article_id not in placed:
                units.append([article_id])
        return units

    def _representative(self, unit: list[str], by_id: Mapping[str, Article]) -> str:
        group = self._groups.get(unit[0])
        if group is not None and group.canonical_id in by_id:
            return group.canonical_id
        return max(unit, key=lambda a: (len(by_id[a].text), [-ord(c) for c in a]))

    def _extend_unit(self, unit: int, fresh: list[str]) -> None:
        for article in fresh:
            self._unit_articles[unit].append(article)
            self._article_unit[article] = unit
            day = self._article_date[article]
            if day != UNDATED:
                self._unit_first[unit], self._unit_last[unit] = span(
                    self._unit_first[unit], self._unit_last[unit], day, day
                )
                story = self._stories[self._unit_story[unit]]
                story.first, story.last = span(story.first, story.last, day, day)

    def _unit_order_key(self, unit: int) -> tuple[bool, int, str]:
        first = self._unit_first[unit]
        return (first == UNDATED, first, min(self._unit_articles[unit]))

    def _append_vectors(self, vectors: sp.csr_matrix) -> None:
        width = max(self._matrix.shape[1], vectors.shape[1])
        old = sp.csr_matrix(
            (self._matrix.data, self._matrix.indices, self._matrix.indptr), shape=(self._matrix.shape[0], width)
        )
        new = sp.csr_matrix((vectors.data, vectors.indices, vectors.indptr), shape=(vectors.shape[0], width))
        self._matrix = sp.vstack([old, new], format="csr")

    # ------------------------------------------------------------------ assignment
    def _time_factor(self, first: int, last: int, other_first: int, other_last: int) -> float:
        """Weight of a similarity between two date ranges: 1 within ``window_days``, then decaying.

        The gap is the number of days between the ranges (0 when they overlap).  Beyond the window the
        factor is ``time_floor + (1 - time_floor) × exp(-(gap - window_days) / decay_days)``, or 0 (a
        hard window) when ``decay_days`` is 0.  Undated ranges get 1.
        """
        if first == UNDATED or other_first == UNDATED:
            return 1.0
        gap = max(0, other_first - last, first - other_last) - self.options.window_days
        if gap <= 0:
            return 1.0
        decay, floor = self.options.decay_days, self.options.time_floor
        return floor + (1.0 - floor) * math.exp(-gap / decay) if decay > 0 else 0.0

    def _time_factors(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """:meth:`_time_factor` of many unit pairs at once (vectorised)."""
        firsts, lasts = np.asarray(self._unit_first), np.asarray(self._unit_last)
        fa, la, fb, lb = firsts[a], lasts[a], firsts[b], lasts[b]
        gap = np.maximum(np.maximum(fb - la, fa - lb), 0) - self.options.window_days
        decay, floor = self.options.decay_days, self.options.time_floor
        if decay > 0:
            far = floor + (1.0 - floor) * np.exp(-np.maximum(gap, 0) / decay)
        else:
            far = np.zeros(len(gap))
        return np.where((fa == UNDATED) | (fb == UNDATED) | (gap <= 0), 1.0, far)

    def _candidate_pairs(self, units: Sequence[int], keys: Sequence[list[int]]) -> np.ndarray:
        """Blocking: each new unit is paired with the ``max_postings`` most recent units of each of its keys.

        Units are taken in processing order, so a unit only meets earlier ones (each pair once).
        """
        cap = self.options.max_postings
        floor = self.options.threshold * self.options.edge_ratio
        always_open = self.options.decay_days > 0 and self.options.time_floor >= floor
        firsts, lasts = self._unit_first, self._unit_last
        lefts: list[int] = []  # a pair per (left, other): flat lists, not tuples (memory at 100k articles)
        others: list[int] = []
        limit = self.options.max_candidates
        for unit, unit_keys in zip(units, keys, strict=True):
            recent = []
            for key in unit_keys:
                posting = self._postings.get(key)
                if posting is None:
                    self._postings[key] = posting = []
                else:
                    recent.append(posting[-cap:])
                posting.append(unit)
            shared = Counter(chain.from_iterable(recent))  # candidate → number of keys shared
            candidates = list(shared)
            first, last = firsts[unit], lasts[unit]
            if first != UNDATED and not always_open:  # too far apart in time to reach the edge floor
                candidates = [c for c in candidates if self._time_factor(firsts[c], lasts[c], first, last) >= floor]
            if 0 < limit < len(candidates):  # those sharing most keys, then the newest
                candidates.sort(key=lambda c: (-shared[c], -c))
                candidates = candidates[:limit]
            others.extend(sorted(candidates))
            lefts.extend([unit] * (len(others) - len(lefts)))
        return np.column_stack([np.asarray(lefts, dtype=np.int64), np.asarray(others, dtype=np.int64)]).reshape(-1, 2)

    def _edges(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Candidate pairs whose cosine × time factor is at least ``threshold × edge_ratio``.

        Returns the edges (an (n, 2) array of unit pairs, sorted) and their cosines (without the
        time factor).
        """
        floor = self.options.threshold * self.options.edge_ratio
        part = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        cosines = self._pair_cosines(part)
        sims = cosines * self._time_factors(part[:, 0], part[:, 1])
        keep = sims >= floor
        edges, sims, cosines = part[keep], sims[keep], cosines[keep]
        limit = self.options.max_neighbours
        if limit > 0 and len(edges):
            # each new unit keeps its ``max_neighbours`` closest earlier units (ties: smaller index)
            order = np.lexsort((edges[:, 1], -sims, edges[:, 0]))
            edges, cosines = edges[order], cosines[order]
            run_start = np.flatnonzero(np.r_[True, edges[1:, 0] != edges[:-1, 0]])
            rank = np.arange(len(edges)) - np.repeat(run_start, np.diff(np.r_[run_start, len(edges)]))
            edges, cosines = edges[rank < limit], cosines[rank < limit]
        order = np.lexsort((edges[:, 1], edges[:, 0]))
        return edges[order], cosines[order]

    def _pair_cosines(self, pairs: np.ndarray) -> np.ndarray:
        """Cosines of unit pairs (rows of ``pairs``; pairs of one left unit are consecutive)."""
        m = self._matrix
        sims = np.zeros(len(pairs))
        if not len(pairs):
            return sims
        left = pairs[:, 0]
        bounds = np.flatnonzero(np.r_[True, left[1:] != left[:-1], True]).tolist()
        for run_start, run_end in zip(bounds[:-1], bounds[1:], strict=True):
            unit = int(left[run_start])
            own = slice(m.indptr[unit], m.indptr[unit + 1])
            sims[run_start:run_end] = self._dots_with_rows(m.indices[own], m.data[own], pairs[run_start:run_end, 1])
        return sims

    def _dots_with_rows(self, idx: np.ndarray, val: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Dot products of one sparse vector (``idx``, ``val``) with the unit vectors ``rows``."""
        buffer = self._buffer()
        buffer[idx] = val
        result = self._gather_rows(buffer, rows)
        buffer[idx] = 0.0
        return result

    def _gather_rows(self, buffer: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Dot products of a vector spread over the dense ``buffer`` with the unit vectors ``rows``.

        All the rows' stored entries are gathered against the buffer in one NumPy call (no per-row
        work).
        """
        m = self._matrix
        indptr, indices, data = m.indptr, m.indices, m.data
        starts, lengths = indptr[rows], indptr[rows + 1] - indptr[rows]
        ends = np.cumsum(lengths)
        total = int(ends[-1]) if len(ends) else 0
        if not total:
            return np.zeros(len(rows))
        # positions of every row's entries in the CSR arrays, row by row
        offsets = np.repeat(starts - (ends - lengths), lengths) + np.arange(total)
        products = buffer[indices[offsets]] * data[offsets]
        return np.bincount(np.repeat(np.arange(len(rows)), lengths), weights=products, minlength=len(rows))

    def _new_story(self, unit: int) -> None:
        founder = min(self._unit_articles[unit], key=lambda a: (self._article_date[a] == UNDATED,
                                                                 self._article_date[a], a))
        centroid = self._row(unit)
        self._stories.append(
            StoryState(id=stable_hash(founder), units=[unit], first=self._unit_first[unit], last=self._unit_last[unit],
                   centroid=centroid, norm=math.sqrt(sum(w * w for w in centroid.values())))
        )
        self._unit_story[unit] = len(self._stories) - 1

    def _row(self, unit: int) -> dict[int, float]:
        m = self._matrix
        start, end = m.indptr[unit], m.indptr[unit + 1]
        return dict(zip(m.indices[start:end].tolist(), m.data[start:end].tolist(), strict=True))

    # ------------------------------------------------------------------ merging
    def _merge_stories(self, a: int, b: int, dot: float | None = None) -> int:
        """Merge two stories; the survivor is the older one (smaller (first date, id)).

        ``dot``: the dot product of their centroids when already known (the merge step computed it).
        """
        if a == b:
            return a
        sa, sb = self._stories[a], self._stories[b]
        if (sb.first == UNDATED, sb.first, sb.id) < (sa.first == UNDATED, sa.first, sa.id):
            a, b, sa, sb = b, a, sb, sa
        for unit in sb.units:
            self._unit_story[unit] = a
        sa.units.extend(sb.units)
        if dot is None:
            dot = sparse_dot(sa.centroid, sb.centroid)
        small, large = sorted((sa.centroid, sb.centroid), key=len)
        for term, weight in small.items():
            large[term] = large.get(term, 0.0) + weight
        sa.centroid = large
        sa.norm = math.sqrt(max(sa.norm * sa.norm + sb.norm * sb.norm + 2 * dot, 0.0))
        sa.first, sa.last = span(sa.first, sa.last, sb.first, sb.last)
        sb.alive, sb.units, sb.centroid, sb.norm = False, [], {}, 0.0
        sa.cache = sb.cache = None
        return a

    def _unit_story_dot(self, unit: int, size: int, story: StoryState, buffer: np.ndarray) -> float:
        """A unit's vector (spread over ``buffer``) · a story centroid, from the cheaper side.

        A big story's centroid has far more terms than one article: then the unit's terms are looked
        up in the centroid (cost: the article), otherwise the centroid gathers from the buffer.
        """
        if len(story.centroid) > SPARSE_RATIO * size:
            m = self._matrix
            start, end = m.indptr[unit], m.indptr[unit + 1]
            weights = map(story.centroid.get, m.indices[start:end].tolist(), repeat(0.0))
            return sum(map(operator.mul, weights, m.data[start:end].tolist()))
        idx, val = self._arrays(story)
        return float(buffer[idx] @ val)

    def _arrays(self, story: StoryState) -> tuple[np.ndarray, np.ndarray]:
        """The story's centroid as (indices, values) arrays, cached until the story changes."""
        if story.cache is None:
            n = len(story.centroid)
            story.cache = (np.fromiter(story.centroid.keys(), dtype=np.int64, count=n),
                           np.fromiter(story.centroid.values(), dtype=np.float64, count=n))
        return story.cache

    def _buffer(self) -> np.ndarray:
        """A zeroed dense scratch vector over the vocabulary (callers zero what they set)."""
        width = self._matrix.shape[1]
        if self._scratch.shape[0] < width:
            self._scratch = np.zeros(width)
        return self._scratch

    def _cohesion(self, story: StoryState) -> float:
        """Average pairwise cosine inside a story (``threshold`` for a single unit)."""
        n = len(story.units)
        if n < 2:
            return self.options.threshold
        return max((story.norm * story.norm - n) / (n * (n - 1)), 1e-6)

    # ------------------------------------------------------------------ state
    def _story_ids(self) -> dict[str, str]:
        return {a: self._stories[self._unit_story[u]].id for a, u in self._article_unit.items()
                if self._unit_story[u] >= 0}

    def state(self) -> bytes:
        """The whole state as bytes (a NumPy ``.npz`` archive: arrays plus one JSON document)."""
        meta = {
            "version": STATE_VERSION,
            "options": {k: getattr(self.options, k) for k in self.options.__dataclass_fields__},
            "representation": self._rep.state(),
            "unit_articles": self._unit_articles,
            "unit_first": self._unit_first,
            "unit_last": self._unit_last,
            "unit_story": self._unit_story,
            "article_date": self._article_date,
            "stories": [[s.id, s.units, s.first, s.last, s.alive] for s in self._stories],
            "postings": {str(k): v for k, v in self._postings.items()},
            "groups": {k: [g.canonical_id, [list(m) for m in g.members]] for k, g in self._groups.items()},
        }
        buffer = io.BytesIO()
        m = self._matrix
        np.savez(buffer, data=m.data, indices=m.indices, indptr=m.indptr,
                            shape=np.asarray(m.shape), meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
        return buffer.getvalue()

    @classmethod
    def from_state(cls, state: bytes, *, options: ClusterOptions | None = None) -> StoryClusterer:
        """Restore a clusterer saved with :meth:`state` (options default to the saved ones)."""
        try:
            archive = np.load(io.BytesIO(state), allow_pickle=False)
            meta: dict[str, Any] = json.loads(archive["meta"].tobytes().decode())
        except (OSError, ValueError, KeyError) as exc:
            raise UsageError(f"not a story clusterer state: {exc}") from exc
        if meta.get("version") != STATE_VERSION:
            raise UsageError(f"story clusterer state version {meta.get('version')!r}, expected {STATE_VERSION}")
        clusterer = cls(options=options or ClusterOptions(**meta["options"]))
        clusterer._rep = representation_from_state(meta["representation"])
        clusterer._matrix = sp.csr_matrix((archive["data"], archive["indices"], archive["indptr"]),
                                          shape=tuple(int(x) for x in archive["shape"]))
        clusterer._unit_articles = [list(u) for u in meta["unit_articles"]]
        clusterer._unit_first = list(meta["unit_first"])
        clusterer._unit_last = list(meta["unit_last"])
        clusterer._unit_story = list(meta["unit_story"])
        clusterer._article_date = dict(meta["article_date"])
        clusterer._article_unit = {a: u for u, arts in enumerate(clusterer._unit_articles) for a in arts}
        clusterer._postings = {int(k): list(v) for k, v in meta["postings"].items()}
        clusterer._groups = {k: DuplicateGroup(c, tuple((m, float(s)) for m, s in members))
                             for k, (c, members) in meta["groups"].items()}
        for story_id, units, first, last, alive in meta["stories"]:
            centroid: dict[int, float] = {}
            for unit in units:
                for term, weight in clusterer._row(unit).items():
                    centroid[term] = centroid.get(term, 0.0) + weight
            norm = math.sqrt(sum(w * w for w in centroid.values()))
            clusterer._stories.append(StoryState(story_id, list(units), first, last, centroid, norm, alive))
        return clusterer

