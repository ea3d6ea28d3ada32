"""Appended-story detection: where a page switches to a different, unrelated story.

A candidate split point is a headline-like line or a new dateline inside the body
(:func:`split_appended`, which the cleaner calls with its units and reasons).  The page is split
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

from newsbrief.clean_dates import META_REASONS
from newsbrief.clean_lines import Unit, is_numbered
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


def _split_candidates(units: list[Unit], reasons: list[str | None], body: list[int]) -> list[int]:
    """Positions in ``body`` where a new story could start.

    A headline-like line followed by prose, a paragraph opening with a wire dateline, or prose right
    after a byline/date line.
    """
    candidates = []
    for pos, i in enumerate(body):
        unit = units[i]
        shape = unit.shape
        nxt = units[body[pos + 1]] if pos + 1 < len(body) else None
        headline_like = (
            not shape.sentence_like
            and 3 <= shape.words <= 20
            and shape.separators == 0
            and not unit.text.rstrip().endswith(":")
            and not is_numbered(unit.text)
            and nxt is not None
            and nxt.shape.anchor
        )
        after_meta = i > 0 and reasons[i - 1] in META_REASONS and shape.anchor
        if headline_like or after_meta or (shape.anchor and DATELINE.match(unit.text)):
            candidates.append(pos)
    return candidates


_SPLIT_THRESHOLD = 0.07
_MIN_APPENDED_ANCHORS = 3


def _heading_of_same_story(unit: Unit, before: list[str]) -> bool:
    """A headline-like line that names something the text above already talks about is a section heading."""
    if unit.shape.sentence_like:
        return False
    seen = {w for text in before for w in content_words(text)}
    return any(w in seen for w in content_words(unit.text))


def _shares_headline(title: str | None, after: list[str]) -> bool:
    """The part after a candidate still talks about the page's headline: same story."""
    words = set(content_words(title or ""))
    if not words:
        return False
    seen = {w for text in after for w in content_words(text)}
    return len(words & seen) >= max(1, round(len(words) / 3))


def split_appended(
    units: list[Unit], body: list[int], reasons: list[str | None], title: str | None
) -> list[list[int]]:
    """The body (unit indices) cut into the main story and up to four appended stories.

    Candidates come from :func:`_split_candidates`; a candidate needs three prose anchors after it, a
    heading that names nothing the text above talks about, and (for the first cut) a part that does
    not talk about the page's headline; :func:`find_split` picks the least similar one below
    ``_SPLIT_THRESHOLD``.  Moved here from :mod:`newsbrief.clean` (same code).
    """
    parts: list[list[int]] = []
    rest = body
    for _ in range(4):
        texts = [units[i].text for i in rest]
        candidates = [
            pos
            for pos in _split_candidates(units, reasons, rest)
            if sum(units[i].shape.anchor for i in rest[pos:]) >= _MIN_APPENDED_ANCHORS
            and not _heading_of_same_story(units[rest[pos]], [units[i].text for i in rest[:pos]])
            and not (not parts and _shares_headline(title, [units[i].text for i in rest[pos:]]))
        ]
        cut = find_split(texts, candidates, threshold=_SPLIT_THRESHOLD)
        if cut is None:
            break
        parts.append(rest[:cut])
        rest = rest[cut:]
    parts.append(rest)
    return parts
