"""The story clusterer's shared pieces: its story record, date ordinals and the sparse dot product.

Split out of :mod:`newsbrief.cluster` so that the agglomeration (:mod:`newsbrief.cluster_merge`) and the
refinement (:mod:`newsbrief.cluster_refine`) can use them without importing the clusterer itself.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from newsbrief.text import content_words

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


#: A story's headline phrase is a pair of adjacent content words in at least this share of its titled
#: articles' headlines, and in HEADLINE_MIN_TITLES of them or more.
HEADLINE_SHARE, HEADLINE_MIN_TITLES = 1 / 3, 3


def headline_pairs(title: str) -> set[tuple[str, str]]:
    """The pairs of adjacent content words of a headline (words of one letter, the "s" of "Obama's", left out)."""
    tokens = [w for w in content_words(title) if len(w) > 1]
    return set(zip(tokens, tokens[1:], strict=False))


def headline_phrase(titles: Iterable[str]) -> tuple[str, str] | None:
    """The pair of adjacent content words most of a story's headlines carry, when enough of them do.

    >>> headline_phrase(["Paris attacks: who were the attackers?", "Paris attacks death toll rises",
    ...                  "Hollande says Paris attacks were an act of war", "Life on the Boulevard Voltaire"])
    ('paris', 'attacks')
    >>> headline_phrase(["Quake hits Chile", "Aid for Haiti", "Torch relay in London"]) is None
    True
    """
    counts: Counter[tuple[str, str]] = Counter()
    n = 0
    for title in titles:
        n += 1
        counts.update(headline_pairs(title))
    if not counts:
        return None
    phrase, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return phrase if count >= max(HEADLINE_MIN_TITLES, HEADLINE_SHARE * n) else None
