"""Appended-story detection: where a page switches to a different, unrelated story.

A candidate split point is a headline-like line, a new dateline, or prose under a byline or date line
(:func:`split_appended`, which the cleaner calls with its units and reasons).  The page is split there
when the content words of the two parts are nearly disjoint: the cosine of sublinear term-frequency
vectors over :func:`newsbrief.text.content_words`, each word weighed by its inverse document frequency
in a background drawn from English word frequencies (:func:`background_idf`), so that shared common
words ("said", "government") count little and shared names much.  Sections of one long article share their names and topic words, so their cosine stays
above the thresholds and they are not split.  Measured by ``newsbrief eval clean appended``
(:mod:`newsbrief.evaluate_appended`).

>>> a = ["The central bank raised interest rates again on Tuesday, citing inflation and wages."] * 3
>>> b = ["The striker scored twice as the home side won the cup final in extra time."] * 3
>>> round(topic_similarity(a, b), 2), round(topic_similarity(a, a), 2)
(0.0, 1.0)
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from newsbrief.clean_dates import META_REASONS
from newsbrief.clean_lines import Unit, is_numbered
from newsbrief.clean_shape import LineShape
from newsbrief.text import content_words, word_frequencies

# "LONDON (Reuters) -", "PARIS, Nov 14 (AFP) —", "WASHINGTON —": a wire dateline opening a paragraph.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{2,30}(?:,\s*[A-Za-z.' ]{2,30}){0,2}(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*"
    r"(?:\((?:[A-Z][\w.\- ]{1,25})\))?\s*[-—–_:]{1,2}\s+\S"
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


def reads_as_headline(shape: LineShape) -> bool:
    """Not prose, or a long line that reads like a sentence but does not end like one (a long headline)."""
    return not shape.sentence_like or not shape.terminal


def _split_candidates(units: list[Unit], reasons: list[str | None], body: list[int]) -> list[int]:
    """Positions in ``body`` where a new story could start.

    A headline-like line followed by prose (or by one line and prose), a paragraph opening with a wire
    dateline, or prose right after a byline/date line.
    """
    candidates = []
    for pos, i in enumerate(body):
        unit = units[i]
        shape = unit.shape
        nxt = units[body[pos + 1]] if pos + 1 < len(body) else None
        headline_like = (
            reads_as_headline(shape)
            and 3 <= shape.words <= 20
            and shape.separators == 0
            and not unit.text.rstrip().endswith(":")
            and not is_numbered(unit.text)
            and nxt is not None
            # prose under it, or under one line (a standfirst, a photo's caption) below it
            and (nxt.shape.anchor or (pos + 2 < len(body) and units[body[pos + 2]].shape.anchor))
        )
        after_meta = i > 0 and reasons[i - 1] in META_REASONS and shape.anchor
        if headline_like or after_meta or (shape.anchor and DATELINE.match(unit.text)):
            candidates.append(pos)
    return candidates


# Chosen on the tuning half of ``newsbrief eval clean appended`` (real articles glued together; no
# unglued article of either half is cut at them): the parts' IDF-weighted cosine below 0.10 (0.05 after
# a short heading of at most 5 words with no byline under it, the shape of a long article's section
# headings: "Aid appeals and international reaction" opens a section sharing few rare words with the
# text above — unless no word of the page's headline comes after it: a section goes on about the page's
# subject, a glued story of the same section need not (session 24: BBC same-category stories under their
# headline 0.55 -> 0.68 on the tuning half)), the heading naming at most a third (by weight) of what the
# text above talks about, the part after it at most 30 % of the page headline's weight.
_SPLIT_THRESHOLD = 0.10
_SHORT_HEADING_THRESHOLD = 0.05
_SHORT_HEADING_WORDS = 5
_HEADING_ABOVE = 0.34
_HEADLINE_AFTER = 0.3
# The part after a cut: three prose anchors, or, for a story opening with a wire dateline, one long
# paragraph (a wire story without paragraph breaks; after a headline-like line, a long paragraph is as
# often one item of a list of reviews)
_MIN_APPENDED_ANCHORS = 3
_MIN_APPENDED_WORDS = 120
# headline-shaped lines above an appended story's byline / date line that go with it
_HEAD_LINES = 3
# The background of the word weights: the clustering's (settings.ClusterOptions: 500 virtual documents
# of 300 words drawn from English word frequencies), so that "said", "year" or "government" weigh
# little and names and rare words much — a page needs no batch to weigh its words.
_BACKGROUND_DOCS = 500.0
_BACKGROUND_WORDS = 300.0
# Not cut: a story glued on with no heading and no dateline, which shows only as a change of topic
# between two prose paragraphs. Tried in session 23 (every prose paragraph after another a candidate,
# IDF cosine < 0.03, 80 content words above): bare glued stories separated 0.09 → 0.38, no false split,
# but it compares the two parts' words at every paragraph of every page — cleaning 0.53 → 0.78 CPU-ms
# per article, the plain-text ingest target's margin on a slow machine (docs/cleaning.md).


@functools.lru_cache(maxsize=1 << 16)  # bounded: a long stream meets ever more names and misspellings
def background_idf(word: str) -> float:
    """A word's inverse document frequency in a background drawn from English word frequencies.

    wordfreq's "small" list (29k words, frequencies down to 1e-6): a rarer word weighs 7.07 as listed,
    7.22 unlisted — the same for the split — and the list is a few MB in each worker, not 40.

    >>> background_idf("said") < background_idf("economy") < background_idf("cyprus") < background_idf("qwzx")
    True
    """
    frequency = word_frequencies("en", wordlist="small").get(word, 0.0)
    df = _BACKGROUND_DOCS * -math.expm1(-_BACKGROUND_WORDS * frequency)
    return math.log((1.0 + _BACKGROUND_DOCS) / (1.0 + df)) + 1.0


def _weighted_share(words: set[str], seen: Counter[str] | set[str]) -> float:
    """The share of ``words``' background weight that is in ``seen``."""
    total = sum(background_idf(w) for w in words)
    return sum(background_idf(w) for w in words if w in seen) / total if total else 0.0


def split_appended(
    units: list[Unit], body: list[int], reasons: list[str | None], title: str | None
) -> list[list[int]]:
    """The body (unit indices) cut into the main story and up to four appended stories.

    Candidates come from :func:`_split_candidates` (moved up to the headline over a byline or date line);
    :func:`_least_similar` picks the least similar one below its threshold (IDF-weighted,
    :func:`background_idf`).
    """
    headline = set(content_words(title or ""))
    parts: list[list[int]] = []
    rest = body
    for _ in range(4):
        anchors_after = [0] * (len(rest) + 1)
        for pos in range(len(rest) - 1, -1, -1):
            anchors_after[pos] = anchors_after[pos + 1] + units[rest[pos]].shape.anchor
        # a story's first paragraph under a byline or date line starts with the headline above those
        starts = {pos: _story_start(units, reasons, rest, pos) for pos in _split_candidates(units, reasons, rest)}
        marked = {start for pos, start in starts.items() if anchors_after[pos]}
        bylined = {start for pos, start in starts.items() if reasons[rest[pos] - 1] in META_REASONS}
        cut = _least_similar(units, rest, sorted(marked), anchors_after, headline if not parts else set(), bylined)
        if cut is None:
            break
        parts.append(rest[:cut])
        rest = rest[cut:]
    parts.append(rest)
    return parts


def _story_start(units: list[Unit], reasons: list[str | None], rest: list[int], pos: int) -> int:
    """Where the story whose candidate paragraph is ``rest[pos]`` starts.

    With the headline (and a byline the top-of-page rules did not take) above the byline or date line
    over it, when there is one.
    """
    if reasons[rest[pos] - 1] not in META_REASONS:
        return pos
    start = pos
    while start > max(1, pos - _HEAD_LINES) and _title_shaped(units[rest[start - 1]]):
        start -= 1
    return start


def _title_shaped(unit: Unit) -> bool:
    """A line shaped like a headline of any length ("NATIONAL FORECAST", "Storm hits coast")."""
    shape = unit.shape
    return (
        not shape.sentence_like
        and 1 <= shape.words <= 20
        and shape.separators == 0
        and not unit.text.rstrip().endswith(":")
        and not is_numbered(unit.text)
    )


class _TwoParts:
    """The text above and below a moving cut, with the IDF-weighted cosine of the two kept up to date.

    Moving a paragraph from below to above touches only its words (the dot product and both norms are
    updated word by word), so scanning a page's candidates costs one pass over its words instead of one
    pass over its vocabulary per candidate.  A word weighs its sublinear term frequency times its
    background IDF.
    """

    def __init__(self, counters: list[Counter[str]]) -> None:
        self.above: Counter[str] = Counter()
        self.below: Counter[str] = Counter()
        for counter in counters:
            self.below.update(counter)
        self.idf = {word: background_idf(word) for word in self.below}
        self.above_size = 0
        self.below_size = self.below.total()
        self.dot = 0.0
        self.norm_above = 0.0
        self.norm_below = sum(((1.0 + math.log(c)) * self.idf[w]) ** 2 for w, c in self.below.items())

    def move_up(self, counter: Counter[str]) -> None:
        """Move one paragraph's words from the part below the cut to the part above it."""
        above, below, log = self.above, self.below, math.log
        for word, n in counter.items():
            idf = self.idf[word]
            a, b = above[word], below[word]
            old_a = (1.0 + log(a)) * idf if a else 0.0
            old_b = (1.0 + log(b)) * idf
            new_a = (1.0 + log(a + n)) * idf
            new_b = (1.0 + log(b - n)) * idf if b > n else 0.0
            above[word] = a + n
            if b > n:
                below[word] = b - n
            else:
                del below[word]
            self.norm_above += new_a * new_a - old_a * old_a
            self.norm_below += new_b * new_b - old_b * old_b
            self.dot += new_a * new_b - old_a * old_b
        size = counter.total()
        self.above_size += size
        self.below_size -= size

    def cosine(self) -> float:
        norms = self.norm_above * self.norm_below
        return max(0.0, self.dot) / math.sqrt(norms) if norms > 0 else 1.0


def _least_similar(
    units: list[Unit],
    rest: list[int],
    positions: list[int],
    anchors_after: list[int],
    headline: set[str],
    bylined: set[int],
) -> int | None:
    """The candidate position whose two parts are least similar, below the threshold, or ``None``.

    Both parts need ``MIN_PART_WORDS`` content words, the part after three prose anchors (or, opening
    with a wire dateline, ``_MIN_APPENDED_WORDS``); a candidate line whose words are mostly what the
    text above talks about, or after which the page's ``headline`` is still talked about, is passed over.
    """
    if not positions:
        return None
    counters = [Counter(content_words(units[i].text)) for i in rest]
    parts = _TwoParts(counters)
    done = 0
    best: tuple[float, int] | None = None
    for pos in positions:
        while done < pos:
            parts.move_up(counters[done])
            done += 1
        if parts.above_size < MIN_PART_WORDS or parts.below_size < MIN_PART_WORDS:
            continue
        if anchors_after[pos] < _MIN_APPENDED_ANCHORS and not (
            parts.below_size >= _MIN_APPENDED_WORDS and DATELINE.match(units[rest[pos]].text)
        ):
            continue
        if _weighted_share(set(counters[pos]), parts.above) > _HEADING_ABOVE:
            continue  # a heading naming what the text above talks about: a section of the same story
        headline_after = _weighted_share(headline, parts.below) if headline else None
        if headline_after is not None and headline_after > _HEADLINE_AFTER:
            continue  # the part after still talks about the page's headline
        shape = units[rest[pos]].shape
        # a short heading, unless a byline or date line under it says a story starts there, or nothing after
        # it names what the page's headline does
        short = (
            not shape.sentence_like
            and shape.words <= _SHORT_HEADING_WORDS
            and pos not in bylined
            and not (headline_after is not None and headline_after == 0.0)
        )
        sim = parts.cosine()
        limit = _SHORT_HEADING_THRESHOLD if short else _SPLIT_THRESHOLD
        if sim < limit and (best is None or sim < best[0]):
            best = (sim, pos)
    return best[1] if best else None
