"""Side-by-side comparison of two articles: shared sentences aligned, differences marked word by word.

Pure functions over :class:`~newsbrief.model.Article` (no web framework here), so that the page, the
JSON API and the tests use the same alignment.

>>> from newsbrief.model import Article
>>> from newsbrief.text import SentenceSplitter
>>> a = Article("a", "h1", "a.txt", "T", "The vote was on Monday. Turnout was high.")
>>> b = Article("b", "h2", "b.txt", "T", "The vote was on Tuesday. Turnout was high. More later.")
>>> rows = compare_articles(a, b, splitter=SentenceSplitter()).rows
>>> [row.kind for row in rows]
['changed', 'same', 'right']
>>> [(op, text) for op, text in rows[0].right_parts if op != "equal"]
[('insert', 'Tuesday')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from newsbrief.model import Article, Sentence
from newsbrief.text import SentenceSplitter, normalise

RowKind = Literal["same", "changed", "left", "right"]
PartOp = Literal["equal", "insert", "delete"]

#: Two sentences whose token-sort similarity (0-100) reaches this are the same sentence, reworded.
DEFAULT_MIN_SIMILARITY = 60.0

_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One line of the comparison: a sentence on either side (or both) and how they differ.

    ``left_parts`` / ``right_parts`` split each sentence into ``(op, text)`` pieces: ``delete`` marks
    words only the left sentence has, ``insert`` words only the right one has.
    """

    kind: RowKind
    left: Sentence | None
    right: Sentence | None
    similarity: float
    left_parts: tuple[tuple[PartOp, str], ...] = ()
    right_parts: tuple[tuple[PartOp, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """The aligned rows of two articles and a summary count of each row kind."""

    left: Article
    right: Article
    rows: tuple[CompareRow, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Number of rows of each kind."""
        counts = {"same": 0, "changed": 0, "left": 0, "right": 0}
        for row in self.rows:
            counts[row.kind] += 1
        return counts


def compare_articles(
    left: Article,
    right: Article,
    *,
    splitter: SentenceSplitter,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
) -> Comparison:
    """Align the sentences of two articles in reading order and mark what changed.

    >>> from newsbrief.model import Article
    >>> a = Article("a", "h", "a", None, "One. Two.")
    >>> compare_articles(a, a, splitter=SentenceSplitter()).counts
    {'same': 2, 'changed': 0, 'left': 0, 'right': 0}
    """
    left_sents = splitter.sentences(left.id, left.text)
    right_sents = splitter.sentences(right.id, right.text)
    pairs = align_sentences(
        [s.text for s in left_sents], [s.text for s in right_sents], min_similarity=min_similarity
    )
    rows: list[CompareRow] = []
    for i, j, score in pairs:
        lsent = left_sents[i] if i is not None else None
        rsent = right_sents[j] if j is not None else None
        if lsent is not None and rsent is not None:
            if normalise(lsent.text) == normalise(rsent.text):
                rows.append(CompareRow("same", lsent, rsent, 100.0, (("equal", lsent.text),), (("equal", rsent.text),)))
            else:
                lparts, rparts = word_diff(lsent.text, rsent.text)
                rows.append(CompareRow("changed", lsent, rsent, score, lparts, rparts))
        elif lsent is not None:
            rows.append(CompareRow("left", lsent, None, 0.0, (("delete", lsent.text),), ()))
        elif rsent is not None:
            rows.append(CompareRow("right", None, rsent, 0.0, (), (("insert", rsent.text),)))
    return Comparison(left=left, right=right, rows=tuple(rows))


def align_sentences(
    left: Sequence[str], right: Sequence[str], *, min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> list[tuple[int | None, int | None, float]]:
    """Monotonic alignment of two sentence lists maximising the summed similarity of paired sentences.

    Returns ``(left index | None, right index | None, similarity)`` in reading order; unpaired sentences
    come with ``None`` on the other side.  Written here because difflib only aligns exactly equal items
    and rapidfuzz scores pairs but does not align sequences: this is the weighted LCS over rapidfuzz
    scores (O(n·m), fine for article-sized inputs).

    >>> align_sentences(["a b c", "x y z"], ["x y z", "q"])
    [(0, None, 0.0), (1, 0, 100.0), (None, 1, 0.0)]
    """
    norm_left = [normalise(s) for s in left]
    norm_right = [normalise(s) for s in right]
    n, m = len(left), len(right)
    sim = [[_similarity(a, b, min_similarity) for b in norm_right] for a in norm_left]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if sim[i][j] > 0:
                options.append(best[i + 1][j + 1] + sim[i][j])
            best[i][j] = max(options)
    out: list[tuple[int | None, int | None, float]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] > 0 and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            out.append((i, j, round(sim[i][j], 1)))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None, 0.0))
            i += 1
        else:
            out.append((None, j, 0.0))
            j += 1
    out.extend((k, None, 0.0) for k in range(i, n))
    out.extend((None, k, 0.0) for k in range(j, m))
    return out


def _similarity(a: str, b: str, threshold: float) -> float:
    if a == b:
        return 100.0
    score = fuzz.token_sort_ratio(a, b, score_cutoff=threshold)
    return float(score)


def word_diff(left: str, right: str) -> tuple[tuple[tuple[PartOp, str], ...], tuple[tuple[PartOp, str], ...]]:
    """Word-level difference of two sentences: pieces of each side marked ``equal``/``delete``/``insert``.

    Whitespace is kept, so joining a side's pieces gives its sentence back.

    >>> lparts, rparts = word_diff("Five people died", "Six people died")
    >>> "".join(t for _, t in rparts)
    'Six people died'
    >>> [t for op, t in lparts if op == "delete"]
    ['Five']
    """
    ltoks = _TOKEN.findall(left)
    rtoks = _TOKEN.findall(right)
    matcher = difflib.SequenceMatcher(a=[t.lower() for t in ltoks], b=[t.lower() for t in rtoks], autojunk=False)
    lparts: list[tuple[PartOp, str]] = []
    rparts: list[tuple[PartOp, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _push(lparts, "equal", "".join(ltoks[i1:i2]))
            _push(rparts, "equal", "".join(rtoks[j1:j2]))
        else:
            _push(lparts, "delete", "".join(ltoks[i1:i2]))
            _push(rparts, "insert", "".join(rtoks[j1:j2]))
    return tuple(lparts), tuple(rparts)


def _push(parts: list[tuple[PartOp, str]], op: PartOp, text: str) -> None:
    """Append a piece, merging with the previous one of the same kind; whitespace-only changes are equal."""
    if not text:
        return
    if op != "equal" and not text.strip():
        op = "equal"
    if parts and parts[-1][0] == op:
        parts[-1] = (op, parts[-1][1] + text)
    else:
        parts.append((op, text))
