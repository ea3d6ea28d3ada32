"""Agglomeration of the story clusterer (step 2 of :mod:`newsbrief.cluster`).

Adjacent stories merge best ratio first, through a best-first queue of scored story pairs.  A mixin of
:class:`newsbrief.cluster.StoryClusterer` (it works on the clusterer's stories, options and matrix),
split out to keep each module readable.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from newsbrief.cluster_parts import SPARSE_RATIO, headline_pairs, headline_phrase, sparse_dot

if TYPE_CHECKING:
    from newsbrief.cluster import StoryClusterer

    _Base = StoryClusterer
else:
    _Base = object


class Agglomeration(_Base):
    """Merge scoring and the agglomeration loop of :class:`newsbrief.cluster.StoryClusterer`."""

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
            if not spread or SPARSE_RATIO * small < large:
                result.append(sparse_dot(si.centroid, sj.centroid))
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

    def join_fragments(self, *, apart: Collection[str] = (), headlines: Mapping[str, str] | None = None) -> int:
        """Join the fragments of a dominant story to it; the number of stories joined.

        For a batch read as a whole (a folder given to ``brief``), never for a stream: when the largest
        story holds at least ``fragment_share`` of the articles, each other story whose merge ratio with
        it (see :meth:`_ratio`, measured before any joins) reaches ``fragment_ratio`` joins it.  One
        story's reports told in their own words fall apart at the pairwise bar (DUC folders alone: 23
        of 110 split off a report or two); a folder mostly about one story says what the rest is about.
        Stories holding an article of ``apart`` stay apart.  A story of at least ``fragment_size`` × the
        largest one's articles is no fragment: it joins only at the merge bar itself (``merge_ratio``;
        two related stories of five reports each, Greece's election and Cyprus's bank rescue, met at
        0.90, one story's two halves that blocking never compared at 1.07 and 1.09).  ``headlines``
        (article id → headline): a fragment whose headlines carry the largest story's headline phrase
        (:func:`newsbrief.cluster_parts.headline_phrase`: "Paris attacks" in 23 of its 35 headlines) joins
        it from ``fragment_headline_ratio`` up — the headline says what the page is about when its text
        is a side of the story told in other words (a vigil on the square after the attacks).
        """
        alive = [i for i, story in enumerate(self._stories) if story.alive]
        if len(alive) < 2:
            return 0
        members = {i: [a for unit in self._stories[i].units for a in self._unit_articles[unit]] for i in alive}
        total = sum(len(m) for m in members.values())
        largest = min(alive, key=lambda i: (-len(members[i]), self._stories[i].id))
        if len(members[largest]) < self.options.fragment_share * total:
            return 0
        pool = [i for i in alive if i != largest and not any(a in apart for a in members[i])]
        ratios, _dots = self._ratio(largest, pool, {})
        big = self.options.fragment_size * len(members[largest])
        heads = headlines or {}
        phrase = headline_phrase(heads[a] for a in members[largest] if heads.get(a)) if heads else None

        def headed(story: int) -> bool:
            """Half of the story's headlines or more carry the largest story's headline phrase."""
            titles = [heads[a] for a in members[story] if heads.get(a)]
            return phrase is not None and bool(titles) and 2 * sum(phrase in headline_pairs(t) for t in titles) >= len(titles)

        joining = [
            j for j, ratio in zip(pool, ratios, strict=True)
            if ratio >= (self.options.merge_ratio if len(members[j]) >= big else self.options.fragment_ratio)
            or (len(members[j]) < big and ratio >= self.options.fragment_headline_ratio and headed(j))
        ]
        for j in joining:
            largest = self._merge_stories(largest, j)
        return len(joining)

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
