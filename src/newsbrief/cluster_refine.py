"""Refinement of the story clusterer (step 4 of :mod:`newsbrief.cluster`).

Each new unit moves to the adjacent story whose centroid is closest, k-means-like, in a deterministic
order.  A mixin of :class:`newsbrief.cluster.StoryClusterer`, split out to keep each module readable.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from newsbrief.cluster_parts import UNDATED, span
from newsbrief.text import stable_hash

if TYPE_CHECKING:
    from newsbrief.cluster import StoryClusterer

    _Base = StoryClusterer
else:
    _Base = object

#: A dot product with a story's centroid of the start of the round is brought up to date with the units
#: moved in or out since, up to this many of them (beyond, the story's dot products with all its
#: planned units are computed afresh).
_MAX_CORRECTIONS = 16


class Refinement(_Base):
    """The refinement passes of :class:`newsbrief.cluster.StoryClusterer`."""

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
                              key=lambda a: (self._article_date[a] == UNDATED, self._article_date[a], a))
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
        source.first, source.last = UNDATED, UNDATED
        for member in source.units:
            source.first, source.last = span(source.first, source.last,
                                              self._unit_first[member], self._unit_last[member])
        dest.first, dest.last = span(dest.first, dest.last, self._unit_first[unit], self._unit_last[unit])
