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
import heapq
import io
import json
import math
import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

import numpy as np
import scipy.sparse as sp

from newsbrief.errors import UsageError
from newsbrief.model import Article, DuplicateGroup, Story
from newsbrief.represent import representation_for, representation_from_state
from newsbrief.settings import ClusterOptions
from newsbrief.text import stable_hash

STATE_VERSION = 1
#: A dot product of two sparse vectors looks the smaller one's terms up in the larger one (Python) when
#: the larger has this many times more terms; otherwise both are gathered with NumPy.
_SPARSE_RATIO = 8
_UNDATED = -1
#: Refinement: a dot product with a story's centroid of the start of the round is brought up to date
#: with the units moved in or out since, up to this many of them (beyond, the story's dot products
#: with all its planned units are computed afresh).
_MAX_CORRECTIONS = 16


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


@dataclass(slots=True)
class _Story:
    id: str
    units: list[int]
    first: int
    last: int
    centroid: dict[int, float]
    norm: float
    alive: bool = True
    cache: tuple[np.ndarray, np.ndarray] | None = None


def _ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day is not None else _UNDATED


def _span(first: int, last: int, other_first: int, other_last: int) -> tuple[int, int]:
    if first == _UNDATED:
        return other_first, other_last
    if other_first == _UNDATED:
        return first, last
    return min(first, other_first), max(last, other_last)


class StoryClusterer:
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
        self._stories: list[_Story] = []
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
            dates = [self._article_date[a] for a in unit if self._article_date[a] != _UNDATED]
            self._unit_articles.append(list(unit))
            self._unit_first.append(min(dates) if dates else _UNDATED)
            self._unit_last.append(max(dates) if dates else _UNDATED)
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
                key=lambda a: (self._article_date[a] == _UNDATED, self._article_date[a], a),
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
                    first_published=_date(story.first),
                    last_published=_date(story.last),
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
                self._article_date[article.id] = _ordinal(article.published)
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
            if day != _UNDATED:
                self._unit_first[unit], self._unit_last[unit] = _span(
                    self._unit_first[unit], self._unit_last[unit], day, day
                )
                story = self._stories[self._unit_story[unit]]
                story.first, story.last = _span(story.first, story.last, day, day)

    def _unit_order_key(self, unit: int) -> tuple[bool, int, str]:
        first = self._unit_first[unit]
        return (first == _UNDATED, first, min(self._unit_articles[unit]))

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
        if first == _UNDATED or other_first == _UNDATED:
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
        return np.where((fa == _UNDATED) | (fb == _UNDATED) | (gap <= 0), 1.0, far)

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
            if first != _UNDATED and not always_open:  # too far apart in time to reach the edge floor
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
        founder = min(self._unit_articles[unit], key=lambda a: (self._article_date[a] == _UNDATED,
                                                                 self._article_date[a], a))
        centroid = self._row(unit)
        self._stories.append(
            _Story(id=stable_hash(founder), units=[unit], first=self._unit_first[unit], last=self._unit_last[unit],
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
        if (sb.first == _UNDATED, sb.first, sb.id) < (sa.first == _UNDATED, sa.first, sa.id):
            a, b, sa, sb = b, a, sb, sa
        for unit in sb.units:
            self._unit_story[unit] = a
        sa.units.extend(sb.units)
        if dot is None:
            dot = _dot(sa.centroid, sb.centroid)
        small, large = sorted((sa.centroid, sb.centroid), key=len)
        for term, weight in small.items():
            large[term] = large.get(term, 0.0) + weight
        sa.centroid = large
        sa.norm = math.sqrt(max(sa.norm * sa.norm + sb.norm * sb.norm + 2 * dot, 0.0))
        sa.first, sa.last = _span(sa.first, sa.last, sb.first, sb.last)
        sb.alive, sb.units, sb.centroid, sb.norm = False, [], {}, 0.0
        sa.cache = sb.cache = None
        return a

    def _ratio(self, i: int, pool: list[int], known: Mapping[int, float]) -> tuple[list[float], list[float]]:
        """How far story ``i`` and each story of ``pool`` pass the merge bar (≥ 1 passes; 0 when closed).

        The *average pairwise cosine* between their members (``Ci·Cj / (ni·nj)``, from the centroid
        sums, no pairwise loop) over max(``threshold × edge_ratio``, ``relative`` × their cohesion).
        ``known``: dot products ``Ci·Cj`` already known (the others are computed); the dot products
        are returned with the ratios (0 where not needed).
        """
        si = self._stories[i]
        factors = [self._time_factor(self._stories[j].first, self._stories[j].last, si.first, si.last)
                   if si.norm and self._stories[j].norm else 0.0 for j in pool]
        missing = [j for j, factor in zip(pool, factors, strict=True) if factor and j not in known]
        computed = dict(zip(missing, self._story_dots(i, missing), strict=True))
        ratios, dots = [], []
        own_cohesion = self._cohesion(si)
        for j, factor in zip(pool, factors, strict=True):
            if factor == 0.0:
                ratios.append(0.0)
                dots.append(0.0)
                continue
            sj = self._stories[j]
            dot = known[j] if j in known else computed[j]
            average = factor * dot / (len(si.units) * len(sj.units))
            ratios.append(average / self._bar(own_cohesion, self._cohesion(sj)))
            dots.append(dot)
        return ratios, dots

    def _bar(self, cohesion_i: float, cohesion_j: float) -> float:
        """The merge bar of two stories: max(``threshold × edge_ratio``, ``relative`` × √(cohesions))."""
        opts = self.options
        return max(opts.threshold * opts.edge_ratio, opts.relative * math.sqrt(cohesion_i * cohesion_j))

    def _story_dots(self, i: int, others: Sequence[int]) -> list[float]:
        """Centroid dot products of story ``i`` with each story of ``others``, each from its cheaper side.

        When one centroid has far more terms than the other, the smaller one's terms are looked up
        in the larger (Python, cost: the smaller); otherwise ``i`` is spread over the dense scratch
        vector once and the other's terms are gathered from it (NumPy).
        """
        si = self._stories[i]
        result = []
        buffer: np.ndarray | None = None
        own_idx = own_val = np.zeros(0)
        # Spreading ``i`` first needs its arrays; rebuilding them (it changed) costs about as much as
        # looking up all the others' terms in its dictionary: then look up everything.
        size = len(si.centroid)
        spread = si.cache is not None or size < sum(min(size, len(self._stories[j].centroid)) for j in others)
        for j in others:
            sj = self._stories[j]
            small, large = sorted((size, len(sj.centroid)))
            if not spread or _SPARSE_RATIO * small < large:
                result.append(_dot(si.centroid, sj.centroid))
                continue
            if buffer is None:
                own_idx, own_val = self._arrays(si)
                buffer = self._buffer()
                buffer[own_idx] = own_val
            idx, val = self._arrays(sj)
            result.append(float(buffer[idx] @ val))
        if buffer is not None:
            buffer[own_idx] = 0.0
        return result

    def _unit_story_dot(self, unit: int, size: int, story: _Story, buffer: np.ndarray) -> float:
        """A unit's vector (spread over ``buffer``) · a story centroid, from the cheaper side.

        A big story's centroid has far more terms than one article: then the unit's terms are looked
        up in the centroid (cost: the article), otherwise the centroid gathers from the buffer.
        """
        if len(story.centroid) > _SPARSE_RATIO * size:
            m = self._matrix
            start, end = m.indptr[unit], m.indptr[unit + 1]
            weights = map(story.centroid.get, m.indices[start:end].tolist(), repeat(0.0))
            return sum(map(operator.mul, weights, m.data[start:end].tolist()))
        idx, val = self._arrays(story)
        return float(buffer[idx] @ val)

    def _arrays(self, story: _Story) -> tuple[np.ndarray, np.ndarray]:
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

    def _refine(self, units: Sequence[int], edges: Sequence[Sequence[int]], old_stories: int) -> None:
        """Move each new unit to the adjacent story whose centroid (without the unit) is closest.

        ``refine_rounds`` passes in processing order; a unit moves only when another open story's
        centroid is closer than its own story's centroid computed without it, and at least
        ``threshold`` close.  Stories opened by this batch are then re-named after their earliest
        member; older stories keep their ids.
        """
        if self.options.refine_rounds <= 0:
            return
        neighbours: dict[int, set[int]] = {}
        for a, b in edges:
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
        # A unit's decision depends only on its own story and the adjacent ones; when none of them
        # changed since the unit was last looked at without moving, it would stay again: skip it.
        # (Any change of its pool moves a neighbour, which changes a story of the new pool or home.)
        changed: dict[int, int] = {}  # story → tick of its last change (moves counted from 1)
        seen: dict[int, int] = {}  # unit → tick at which it was last looked at and stayed
        tick = 0

        def pool_of(unit: int) -> tuple[int, list[int]]:
            home = self._unit_story[unit]
            return home, sorted({self._unit_story[n] for n in neighbours.get(unit, ())} - {home})

        def stays(unit: int, home: int, pool: list[int]) -> bool:
            last = seen.get(unit)
            return last is not None and max(changed.get(s, 0) for s in (home, *pool)) <= last

        for _ in range(self.options.refine_rounds):
            base, planned = self._round_dots([(unit, [home, *pool]) for unit in units
                                              for home, pool in [pool_of(unit)] if pool and not stays(unit, home, pool)])
            # the moves of this round, per story: (unit, +1 moved in / -1 moved out); a base dot
            # product plus the moved units' dot products is the dot product with the current centroid
            delta: dict[int, list[tuple[int, float]]] = {}
            moved = 0
            for unit in units:
                home, pool = pool_of(unit)
                if not pool or stays(unit, home, pool):
                    continue
                start, end = self._matrix.indptr[unit], self._matrix.indptr[unit + 1]
                unit_idx = self._matrix.indices[start:end]
                buffer = self._buffer()
                buffer[unit_idx] = self._matrix.data[start:end]
                known = base.get(unit, {})
                for story_index in (home, *pool):
                    if len(delta.get(story_index, ())) > _MAX_CORRECTIONS and story_index in planned:
                        # many moves in or out of this story: its planned units' dot products afresh
                        self._refresh_dots(story_index, planned, base)
                        delta[story_index] = []
                size = len(unit_idx)
                story = self._stories[home]
                dot_home = self._current_dot(unit, size, home, buffer, known.get(home), delta.get(home, ()))
                own = 0.0
                if len(story.units) > 1:
                    rest = story.norm * story.norm - 2 * dot_home + 1.0
                    own = (dot_home - 1.0) / math.sqrt(max(rest, 1e-12))
                best, best_sim, best_dot = -1, max(own, self.options.threshold), 0.0
                for other in pool:
                    target = self._stories[other]
                    if not target.alive or target.norm == 0:
                        continue
                    factor = self._time_factor(target.first, target.last, self._unit_first[unit],
                                               self._unit_last[unit])
                    if factor == 0.0:
                        continue
                    dot = self._current_dot(unit, size, other, buffer, known.get(other), delta.get(other, ()))
                    if factor * dot / target.norm > best_sim:
                        best, best_sim, best_dot = other, factor * dot / target.norm, dot
                buffer[unit_idx] = 0.0
                if best >= 0:
                    self._move(unit, home, best, self._row(unit), dot_home, best_dot)
                    delta.setdefault(home, []).append((unit, -1.0))
                    delta.setdefault(best, []).append((unit, 1.0))
                    moved += 1
                    tick += 1
                    changed[home] = changed[best] = tick
                    seen.pop(unit, None)
                else:
                    seen[unit] = tick
            if not moved:
                break
        for index in range(old_stories, len(self._stories)):
            story = self._stories[index]
            if story.alive:
                founder = min((a for u in story.units for a in self._unit_articles[u]),
                              key=lambda a: (self._article_date[a] == _UNDATED, self._article_date[a], a))
                story.id = stable_hash(founder)

    def _current_dot(self, unit: int, size: int, story: int, buffer: np.ndarray, base: float | None,
                     changes: Sequence[tuple[int, float]]) -> float:
        """A unit's vector (spread over ``buffer``, ``size`` terms) · a story's current centroid.

        ``base``: the dot product with the centroid at the start of the round or of its last refresh
        (``None`` when not planned: then it is computed afresh); ``changes``: the units moved in (+1)
        or out (-1) of the story since, applied to ``base``.
        """
        if base is None:
            return self._unit_story_dot(unit, size, self._stories[story], buffer)
        m = self._matrix
        indptr, indices, data = m.indptr, m.indices, m.data
        for moved, sign in changes:
            start, end = indptr[moved], indptr[moved + 1]
            base += sign * float(buffer[indices[start:end]] @ data[start:end])
        return base

    def _round_dots(self, plan: Sequence[tuple[int, list[int]]]) -> tuple[dict[int, dict[int, float]],
                                                                         dict[int, list[int]]]:
        """Dot products of each planned unit with each of its stories' current centroids.

        ``plan``: (unit, story indices).  Grouped by story: each centroid is spread once and all its
        units are gathered against it in one NumPy call (instead of a Python loop per unit and story).
        Returns unit → story → dot product, and story → its planned units (for :meth:`_refresh_dots`).
        """
        by_story: dict[int, list[int]] = {}
        for unit, stories in plan:
            for story in stories:
                by_story.setdefault(story, []).append(unit)
        result: dict[int, dict[int, float]] = {unit: {} for unit, _ in plan}
        for story in by_story:
            self._refresh_dots(story, by_story, result)
        return result, by_story

    def _refresh_dots(self, story: int, by_story: Mapping[int, list[int]], dots: dict[int, dict[int, float]]) -> None:
        """(Re)compute the dot products of a story's current centroid with all its planned units."""
        idx, val = self._arrays(self._stories[story])
        members = by_story[story]
        rows = np.asarray(members, dtype=np.int64)
        for unit, value in zip(members, self._dots_with_rows(idx, val, rows).tolist(), strict=True):
            dots[unit][story] = value

    def _move(self, unit: int, home: int, target: int, vector: dict[int, float], dot_source: float,
              dot_dest: float) -> None:
        source, dest = self._stories[home], self._stories[target]
        source.cache = dest.cache = None
        source.units.remove(unit)
        for term, weight in vector.items():
            left = source.centroid.get(term, 0.0) - weight
            if abs(left) < 1e-12:
                source.centroid.pop(term, None)
            else:
                source.centroid[term] = left
            dest.centroid[term] = dest.centroid.get(term, 0.0) + weight
        source.norm = math.sqrt(max(source.norm * source.norm - 2 * dot_source + 1.0, 0.0)) if source.units else 0.0
        dest.norm = math.sqrt(max(dest.norm * dest.norm + 2 * dot_dest + 1.0, 0.0))
        dest.units.append(unit)
        self._unit_story[unit] = target
        if not source.units:
            source.alive, source.centroid = False, {}
        source.first, source.last = _UNDATED, _UNDATED
        for member in source.units:
            source.first, source.last = _span(source.first, source.last,
                                              self._unit_first[member], self._unit_last[member])
        dest.first, dest.last = _span(dest.first, dest.last, self._unit_first[unit], self._unit_last[unit])

    def _cohesion(self, story: _Story) -> float:
        """Average pairwise cosine inside a story (``threshold`` for a single unit)."""
        n = len(story.units)
        if n < 2:
            return self.options.threshold
        return max((story.norm * story.norm - n) / (n * (n - 1)), 1e-6)

    def _agglomerate(self, edges: np.ndarray, cosines: np.ndarray) -> None:
        """Merge adjacent stories, best ratio first, while the ratio (see :meth:`_ratio`) is ≥ ``merge_ratio``.

        ``edges``: unit pairs, with their ``cosines``.  Deterministic: pairs are taken in (ratio, story
        ids) order; entries of a story that changed since they were scored are skipped.
        """
        unit_story = np.asarray(self._unit_story, dtype=np.int64)
        left, right = unit_story[edges[:, 0]], unit_story[edges[:, 1]]
        adjacency: dict[int, set[int]] = {}
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            if i != j:
                adjacency.setdefault(i, set()).add(j)
                adjacency.setdefault(j, set()).add(i)
        version: dict[int, int] = {}
        queue = _MergeQueue(version)
        limit = self.options.max_neighbours
        # centroid dot products of story pairs, valid while neither story changed: (i, j) → (vi, vj, dot)
        cache: dict[tuple[int, int], tuple[int, int, float]] = {}

        def cached(i: int, j: int) -> float | None:
            key = (i, j) if i < j else (j, i)
            entry = cache.get(key)
            if entry is None or entry[0] != version.get(key[0], 0) or entry[1] != version.get(key[1], 0):
                return None
            return entry[2]

        def remember(i: int, j: int, value: float) -> None:
            key = (i, j) if i < j else (j, i)
            cache[key] = (version.get(key[0], 0), version.get(key[1], 0), value)

        ids = [story.id for story in self._stories]  # story ids do not change while merging

        def make_entry(i: int, j: int, ratio: float, dot: float) -> _Entry:
            a, b = (i, j) if ids[i] < ids[j] else (j, i)
            return (-ratio, ids[a], ids[b], a, b, version.get(a, 0), version.get(b, 0), dot)

        def score(i: int, pool: list[int], *, trim: bool = False,
                  known: Mapping[int, float] | None = None) -> list[_Entry]:
            """Queue entries of story ``i`` with each story of ``pool`` that passes the merge bar."""
            if not pool:
                return []
            ratios, dots = self._ratio(i, pool, known or {})
            for j, dot in zip(pool, dots, strict=True):
                remember(i, j, dot)
            if trim and 0 < limit < len(pool):
                # a grown story keeps its best-scoring neighbours only (ties: smaller story index)
                score = dict(zip(pool, ratios, strict=True))
                adjacency[i] = set(sorted(pool, key=lambda j: (-score[j], j))[:limit])
            return [make_entry(i, j, ratio, dot) for j, ratio, dot in zip(pool, ratios, dots, strict=True)
                    if ratio >= self.options.merge_ratio]

        # Pairs of two one-unit stories (all of them in a first batch) are scored at once: their
        # centroid dot product is the edge's cosine, and both cohesions are ``threshold``.
        sizes = np.asarray([len(story.units) for story in self._stories], dtype=np.int64)
        single = (sizes[left] == 1) & (sizes[right] == 1) & (left != right)
        threshold = self.options.threshold
        ratios = self._time_factors(edges[single, 0], edges[single, 1]) * cosines[single] / self._bar(threshold, threshold)
        initial: dict[int, list[_Entry]] = {}
        for i, j, ratio, dot in zip(left[single].tolist(), right[single].tolist(), ratios.tolist(),
                                    cosines[single].tolist(), strict=True):
            remember(i, j, dot)
            if ratio >= self.options.merge_ratio:
                initial.setdefault(i, []).append(make_entry(i, j, ratio, dot))
        scored = set(zip(left[single].tolist(), right[single].tolist(), strict=True))
        for i in sorted(adjacency):
            pool = sorted(j for j in adjacency[i] if j > i and (i, j) not in scored and (j, i) not in scored)
            initial.setdefault(i, []).extend(score(i, pool))
        for i, entries in initial.items():
            queue.offer(i, entries)
        while (entry := queue.pop()) is not None:
            a, b, dot = entry[3], entry[4], entry[7]
            neighbours = (adjacency.pop(a, set()) | adjacency.pop(b, set())) - {a, b}
            # (a + b)·n = a·n + b·n: dot products with the merged story without touching its centroid
            # (a·n or b·n not known yet: computed from a or b, cheaper than from the merged centroid)
            dots_a = {n: cached(a, n) for n in neighbours}
            dots_b = {n: cached(b, n) for n in neighbours}
            for part, part_dots in ((a, dots_a), (b, dots_b)):
                missing = sorted(n for n, value in part_dots.items() if value is None)
                part_dots.update(zip(missing, self._story_dots(part, missing), strict=True))
            known = {n: dots_a[n] + dots_b[n] for n in neighbours}
            survivor = self._merge_stories(a, b, dot)
            gone = b if survivor == a else a
            version[survivor] = version.get(survivor, 0) + 1
            version[gone] = version.get(gone, 0) + 1
            queue.drop(gone)
            for n in neighbours:
                adjacency.setdefault(n, set()).discard(gone)
                adjacency[n].add(survivor)
                cache.pop((gone, n) if gone < n else (n, gone), None)  # never valid again: free it
            adjacency[survivor] = neighbours
            queue.offer(survivor, score(survivor, sorted(neighbours), trim=True, known=known))

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
            clusterer._stories.append(_Story(story_id, list(units), first, last, centroid, norm, alive))
        return clusterer


#: A scored pair of stories: (-ratio, id of a, id of b, a, b, version of a, version of b, Ca·Cb), with
#: a, b ordered by story id, so that entries sort best first and ties break by ids.
_Entry = tuple[float, str, str, int, int, int, int, float]


class _MergeQueue:
    """Best-first queue of scored story pairs for the agglomeration.

    Each story keeps the entries it was last scored with, sorted; the heap holds one entry per
    story, its best one that is still valid (both stories unchanged since).  An entry whose other
    story changed is passed over when it reaches the top, and the story's next entry takes its
    place.  The pairs come out in exactly the order of one global heap of all entries, but the heap
    stays as small as the number of stories instead of growing with every re-scoring.
    """

    def __init__(self, version: dict[int, int]) -> None:
        self._version = version  # story → version (shared with the caller, who bumps it on a change)
        self._heap: list[tuple[_Entry, int, int]] = []
        self._lists: dict[int, list[_Entry]] = {}
        self._pos: dict[int, int] = {}

    def offer(self, owner: int, entries: list[_Entry]) -> None:
        """Replace the entries of story ``owner`` (scored at its current version)."""
        entries.sort()
        self._lists[owner], self._pos[owner] = entries, 0
        self._push_head(owner)

    def drop(self, owner: int) -> None:
        """Forget a story's entries (it merged into another one)."""
        self._lists.pop(owner, None)
        self._pos.pop(owner, None)

    def pop(self) -> _Entry | None:
        """The best valid entry, or ``None`` when none is left."""
        version = self._version
        while self._heap:
            entry, owner, owner_version = heapq.heappop(self._heap)
            if version.get(owner, 0) != owner_version:
                continue  # the owner changed: its entries were replaced
            if self._valid(entry):
                return entry
            self._pos[owner] += 1
            self._push_head(owner)
        return None

    def _valid(self, entry: _Entry) -> bool:
        """Neither story of the entry changed since it was scored."""
        return self._version.get(entry[3], 0) == entry[5] and self._version.get(entry[4], 0) == entry[6]

    def _push_head(self, owner: int) -> None:
        entries, pos = self._lists[owner], self._pos[owner]
        while pos < len(entries) and not self._valid(entries[pos]):
            pos += 1
        self._pos[owner] = pos
        if pos < len(entries):
            heapq.heappush(self._heap, (entries[pos], owner, self._version.get(owner, 0)))


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(map(operator.mul, a.values(), map(b.get, a.keys(), repeat(0.0))))


def _date(ordinal: int) -> dt.date | None:
    return None if ordinal == _UNDATED else dt.date.fromordinal(ordinal)
