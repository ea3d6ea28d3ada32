"""The story clusterer's shared pieces: its story record, date ordinals and the sparse dot product.

Split out of :mod:`newsbrief.cluster` so that the agglomeration (:mod:`newsbrief.cluster_merge`) and the
refinement (:mod:`newsbrief.cluster_refine`) can use them without importing the clusterer itself.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass
from itertools import repeat

import numpy as np

#: A dot product of two sparse vectors looks the smaller one's terms up in the larger one (Python) when
#: the larger has this many times more terms; otherwise both are gathered with NumPy.
SPARSE_RATIO = 8
UNDATED = -1


@dataclass(slots=True)
class StoryState:
    id: str
    units: list[int]
    first: int
    last: int
    centroid: dict[int, float]
    norm: float
    alive: bool = True
    cache: tuple[np.ndarray, np.ndarray] | None = None


def ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day is not None else UNDATED


def span(first: int, last: int, other_first: int, other_last: int) -> tuple[int, int]:
    if first == UNDATED:
        return other_first, other_last
    if other_first == UNDATED:
        return first, last
    return min(first, other_first), max(last, other_last)

def sparse_dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(map(operator.mul, a.values(), map(b.get, a.keys(), repeat(0.0))))


def date_of(ordinal: int) -> dt.date | None:
    return None if ordinal == UNDATED else dt.date.fromordinal(ordinal)
