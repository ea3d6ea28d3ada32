"""Appended-story detection: where a page switches to a different, unrelated story.

A candidate split point is a headline-like line or a new dateline inside the body.  The page is split
there when the content words of the two parts are nearly disjoint (cosine of sublinear term-frequency
vectors over :func:`newsbrief.text.content_words`, weighted by inverse document frequency when the
cleaner has observed a batch).  Sections of one long article share their names and topic words, so
their cosine stays well above the threshold and they are not split.

>>> a = ["The central bank raised interest rates again on Tuesday, citing inflation and wages."] * 3
>>> b = ["The striker scored twice as the home side won the cup final in extra time."] * 3
>>> round(topic_similarity(a, b), 2), round(topic_similarity(a, a), 2)
(0.0, 1.0)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from newsbrief.text import content_words

# "LONDON (Reuters) -", "PARIS, Nov 14 (AFP) —", "WASHINGTON —": a wire dateline opening a paragraph.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{2,30}(?:,\s*[A-Za-z.' ]{2,30}){0,2}(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*"
    r"(?:\((?:[A-Z][\w.\- ]{1,25})\))?\s*[-—–:]{1,2}\s+\S"
)

MIN_PART_WORDS = 40


def _weights(counts: Counter[str], idf: Callable[[str], float] | None) -> dict[str, float]:
    weight = idf or (lambda _w: 1.0)
    return {w: (1.0 + math.log(c)) * weight(w) for w, c in counts.items()}


def _cosine(va: dict[str, float], vb: dict[str, float]) -> float:
    if not va or not vb:
        return 1.0
    dot = sum(v * vb.get(w, 0.0) for w, v in va.items())
    na = math.sqrt(sum(v * v for v in va.values()))
    nb = math.sqrt(sum(v * v for v in vb.values()))
    return dot / (na * nb) if na and nb else 1.0


def topic_similarity(
    first: Sequence[str], second: Sequence[str], *, idf: Callable[[str], float] | None = None
) -> float:
    """Cosine of the content-word vectors of two parts of a page (0 = disjoint, 1 = same words)."""
    ca = Counter(w for line in first for w in content_words(line))
    cb = Counter(w for line in second for w in content_words(line))
    return _cosine(_weights(ca, idf), _weights(cb, idf))


def find_split(
    units: Sequence[str],
    candidates: Sequence[int],
    *,
    threshold: float,
    idf: Callable[[str], float] | None = None,
) -> int | None:
    """Index in ``units`` where an unrelated story starts, or ``None``.

    ``candidates`` are indices of headline-like lines / new datelines.  Both parts need at least
    ``MIN_PART_WORDS`` content words; among the candidates whose parts' similarity is below
    ``threshold`` the least similar wins.
    """
    if not candidates:
        return None
    counters = [Counter(content_words(unit)) for unit in units]
    cum: list[int] = [0]
    for counter in counters:
        cum.append(cum[-1] + sum(counter.values()))
    total = cum[-1]
    best: tuple[float, int] | None = None
    for k in candidates:
        if k <= 0 or k >= len(units):
            continue
        if cum[k] < MIN_PART_WORDS or total - cum[k] < MIN_PART_WORDS:
            continue
        first: Counter[str] = Counter()
        second: Counter[str] = Counter()
        for counter in counters[:k]:
            first.update(counter)
        for counter in counters[k:]:
            second.update(counter)
        sim = _cosine(_weights(first, idf), _weights(second, idf))
        if sim < threshold and (best is None or sim < best[0]):
            best = (sim, k)
    return best[1] if best else None
