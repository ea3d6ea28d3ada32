"""A learned residue-line classifier over structural signals, applied after the rules.

The rules of :mod:`newsbrief.clean` keep their removals; this model looks only at the lines they keep
(the body candidates, never the headline) and removes those it scores as residue with probability at
or above a threshold chosen on the tuning half of the labels (precision first).  Its features are the
shape of the line (length, terminal punctuation, case, stopwords, digits, URLs and handles,
separators, interface-word share, reader address), its position (top, tail, distance to the headline,
inside the body), its neighbours (removed by the rules or not, their length, runs of short lines),
its similarity to the headline, the share of its words other body lines use, and whether it recurs in the batch — no
phrase table.  The model is a small gradient-boosted tree ensemble trained with scikit-learn
(:mod:`newsbrief.evaluate_clean_train`, ``newsbrief eval clean train``) and shipped as JSON
(``data/clean_residue_model.json``); it is evaluated here with NumPy, all trees at once.

Written here rather than taken from a library: scikit-learn trains the trees, but loading a fitted
estimator needs pickle (unsafe, version-bound); evaluating shipped trees is a few array look-ups.

>>> from newsbrief.clean_lines import units_of
>>> units = units_of("Storm hits coast\\nA storm hit the coast on Monday, cutting power to thousands of homes.")
>>> x = features(units, [None, None], rows=[1], title="Storm hits coast", title_idx=0, english=True, recurring=[False, False])
>>> x.shape == (1, len(FEATURES))
True
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate, repeat
from pathlib import Path

import numpy as np

from newsbrief.clean_lines import Unit, has_url
from newsbrief.clean_shape import QUOTE_OPENERS
from newsbrief.text import STOPWORDS

__all__ = ["FEATURES", "MAX_WORDS", "MODEL_RESOURCE", "ResidueModel", "eligible", "features", "model_reason"]

#: The model never removes a line longer than this (residue lines are short; a table or a whole text
#: scraped as one line is not; the one such out-of-fold error on the tuning half had 2,058 words).
MAX_WORDS = 60

#: Where the shipped model lives inside the package.
MODEL_RESOURCE = "data/clean_residue_model.json"

#: The feature names, in column order (the JSON model names them too and is checked against this).
FEATURES: tuple[str, ...] = (
    "log_words",
    "log_chars",
    "terminal",
    "sentence_like",
    "anchor",
    "lower_ratio",
    "title_ratio",
    "interface_ratio",
    "strong_interface",
    "reader",
    "addressed",
    "imperative",
    "separators",
    "digit_share",
    "url_or_handle",
    "quoted",
    "ends_colon",
    "first_person",
    "stopword_share",
    "rel_position",
    "log_from_top",
    "log_from_tail",
    "before_first_anchor",
    "after_last_anchor",
    "removed_after_share",
    "removed_before_share",
    "prev_removed",
    "next_removed",
    "prev_log_words",
    "next_log_words",
    "prev_sentence_like",
    "next_sentence_like",
    "log_short_run",
    "title_overlap",
    "body_overlap",
    "log_from_title",
    "recurring",
    "english",
    "body_rel_position",
    "log_body_lines",
)

_FIRST_PERSON = frozenset("i i'm i've i'd my me mine".split())
_HANDLE_CHARS = ("@", "#")
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’«»…-–—*|/"


def _digit_share(head: str) -> float:
    """Share of digits among the characters (ASCII: counted by deleting them from the bytes, in C)."""
    if not head:
        return 0.0
    if head.isascii():
        data = head.encode("ascii")
        return (len(data) - len(data.translate(None, b"0123456789"))) / len(data)
    return sum(map(str.isdigit, head)) / len(head)


def features(
    units: Sequence[Unit],
    reasons: Sequence[str | None],
    *,
    rows: Sequence[int],
    title: str | None,
    title_idx: int | None,
    english: bool,
    recurring: Sequence[bool],
) -> np.ndarray:
    """The feature matrix (one row per unit index in ``rows``, columns as :data:`FEATURES`).

    ``reasons`` are the rules' decisions (``None`` = kept: the body is the kept units but the
    headline), ``recurring[i]`` whether unit ``i`` was seen in another document of the batch.  At run
    time ``rows`` are the body lines; for training they are every labelled line.
    """
    n = len(units)
    if not rows:
        return np.zeros((0, len(FEATURES)), dtype=np.float64)
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    first, last = (anchors[0], anchors[-1]) if anchors else (n, -1)
    removed = [r is not None for r in reasons]
    removed_before = list(accumulate(removed, initial=0))  # removed_before[i] = removed among units[:i]
    body = [i for i in range(n) if not removed[i] and i != title_idx]
    # Each line's lower-cased words (punctuation stripped), and in how many body lines each content
    # word occurs (a line's own words count once).  Whitespace tokens, not text.words(): the loops
    # run in C, and the model was trained on exactly these tokens.
    tokens = {i: _tokens(units[i].text) for i in {*body, *rows}}
    spread: Counter[str] = Counter()
    for i in body:
        spread.update(tokens[i].difference(STOPWORDS))
    in_body = set(body)
    title_words = _tokens(title).difference(STOPWORDS) if title else set()
    run = _runs([not u.shape.sentence_like and u.shape.words <= 12 for u in units])
    origin = title_idx if title_idx is not None else -1
    out = []
    for i in rows:
        unit = units[i]
        shape, text = unit.shape, unit.text
        head = text[:300]
        words = tokens[i]
        own = words.difference(STOPWORDS)
        prev_shape = units[i - 1].shape if i > 0 else None
        next_shape = units[i + 1].shape if i + 1 < n else None
        out.append((
            math.log1p(shape.words),
            math.log1p(len(text)),
            shape.terminal,
            shape.sentence_like,
            shape.anchor,
            shape.lower_ratio,
            shape.title_ratio,
            shape.interface_ratio,
            min(shape.strong, 3),
            shape.reader,
            shape.addressed,
            shape.imperative,
            shape.separators > 0,
            _digit_share(head),
            has_url(text) or any(map(head.__contains__, _HANDLE_CHARS)),
            text[:1] in QUOTE_OPENERS,
            text.endswith(":"),
            not _FIRST_PERSON.isdisjoint(words),
            (len(words) - len(own)) / max(len(words), 1),
            i / max(n - 1, 1),
            math.log1p(i),
            math.log1p(n - 1 - i),
            i < first,
            i > last,
            (removed_before[n] - removed_before[i + 1]) / max(n - 1 - i, 1),
            removed_before[i] / max(i, 1),
            removed[i - 1] if i > 0 else True,
            removed[i + 1] if i + 1 < n else True,
            math.log1p(prev_shape.words) if prev_shape else 0.0,
            math.log1p(next_shape.words) if next_shape else 0.0,
            prev_shape.sentence_like if prev_shape else False,
            next_shape.sentence_like if next_shape else False,
            math.log1p(run[i]),
            len(title_words.intersection(own)) / len(own) if own and title_words else 0.0,
            _shared_share(own, spread, inside=i in in_body),
            math.log1p(abs(i - origin)),
            recurring[i],
            english,
            bisect_left(body, i) / max(len(body) - 1, 1),
            math.log1p(len(body)),
        ))
    return np.array(out, dtype=np.float64)


def _tokens(text: str) -> set[str]:
    """The distinct lower-cased whitespace tokens of ``text``, punctuation stripped from their ends.

    >>> sorted(_tokens("Storm hits the coast, again!"))
    ['again', 'coast', 'hits', 'storm', 'the']
    """
    found = set(map(str.strip, text.lower().split(), repeat(_PUNCTUATION)))
    found.discard("")
    return found


def eligible(units: Sequence[Unit], reasons: Sequence[str | None], i: int) -> bool:
    """Whether the model may remove unit ``i`` (kept by the rules): not too long, not inside the prose.

    A line of more than :data:`MAX_WORDS` words is never residue here, and neither is a prose
    paragraph (an anchor) between two kept sentence-like lines: the model looks at the edges of the
    prose and at the lines that do not read like it (which also keeps its cost low: most lines of an
    article are skipped).
    """
    shape = units[i].shape
    if shape.words > MAX_WORDS:
        return False
    if not shape.anchor or i == 0 or i + 1 >= len(units):
        return True
    return not (
        reasons[i - 1] is None
        and reasons[i + 1] is None
        and units[i - 1].shape.sentence_like
        and units[i + 1].shape.sentence_like
    )


def _shared_share(own: set[str], spread: Counter[str], *, inside: bool) -> float:
    """Share of a line's content words that another body line also uses (1 for a line without any).

    >>> _shared_share({"storm", "coast"}, Counter({"storm": 2, "coast": 1}), inside=True)
    0.5
    """
    if not own:
        return 1.0
    floor = 1 if inside else 0  # a body line's own occurrence is not another line's
    return sum(1 for w in own if spread[w] > floor) / len(own)


def _runs(flags: Sequence[bool]) -> list[int]:
    """For each position, the length of the run of ``True`` flags it belongs to (0 when it is ``False``)."""
    out = [0] * len(flags)
    start = 0
    for i in range(len(flags) + 1):
        if i == len(flags) or not flags[i]:
            for k in range(start, i):
                out[k] = i - start
            start = i + 1
    return out


@dataclass(frozen=True, slots=True)
class ResidueModel:
    """Gradient-boosted trees as complete binary trees of one depth, in flat arrays, and the cut-off.

    Every tree is padded to ``depth`` levels (a leaf above the last level becomes a test that always
    goes left, to copies of itself), stored in heap order: tree ``t``'s internal node ``k`` (children
    ``2k+1``, ``2k+2``) tests column ``feature[t, k]`` against ``threshold[t, k]``; its leaf ``j`` holds
    ``value[t, j]``.  Then all tests of all trees are one comparison of a gathered matrix, and each
    level of the walk one gather.  ``raw = base + scale * sum(leaf values)``; probability =
    logistic(raw).
    """

    feature: np.ndarray
    threshold: np.ndarray
    value: np.ndarray
    depth: int
    base: float
    scale: float
    cutoff: float

    @classmethod
    def from_dict(cls, data: dict) -> ResidueModel:
        """The model from its JSON form (see ``evaluate_clean_train.export``); the feature names must match."""
        if tuple(data["features"]) != FEATURES:
            raise ValueError("residue model features do not match clean_model.FEATURES; retrain it")
        depth = int(data["depth"])
        inner, leaves = 2**depth - 1, 2**depth
        trees = data["trees"]
        feature = np.zeros((len(trees), inner), dtype=np.intp)
        threshold = np.full((len(trees), inner), np.inf)
        value = np.zeros((len(trees), leaves))
        for t, tree in enumerate(trees):
            # (node in the fitted tree, heap position, level); a leaf above the last level fills the
            # leaves below its heap position (always-left tests are the padding's defaults).
            stack = [(0, 0, 0)]
            while stack:
                node, pos, level = stack.pop()
                if tree["left"][node] < 0:
                    first = pos
                    for _ in range(depth - level):
                        first = 2 * first + 1
                    span = 2 ** (depth - level)
                    value[t, first - inner : first - inner + span] = tree["value"][node]
                    continue
                feature[t, pos] = tree["feature"][node]
                threshold[t, pos] = tree["threshold"][node]
                stack.append((tree["left"][node], 2 * pos + 1, level + 1))
                stack.append((tree["right"][node], 2 * pos + 2, level + 1))
        return cls(feature, threshold, value, depth, float(data["base"]), float(data["scale"]), float(data["cutoff"]))

    @classmethod
    def load(cls, path: str | Path | None = None) -> ResidueModel:
        """The model shipped with the package, or the one at ``path``."""
        if path is None:
            text = resources.files("newsbrief").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Probability of residue for each row of ``x``."""
        if not len(x):
            return np.zeros(0)
        trees, inner = self.feature.shape
        # Every test of every tree at once: (rows, trees × inner nodes), tree t's nodes at t × inner.
        tests = x[:, self.feature.ravel()] <= self.threshold.ravel()
        rows = np.arange(len(x))[:, None]
        offsets = np.arange(trees) * inner
        node = np.zeros((len(x), trees), dtype=np.intp)
        for _ in range(self.depth):
            node = 2 * node + 2 - tests[rows, offsets + node]
        raw = self.base + self.scale * self.value.ravel()[offsets // inner * (inner + 1) + node - inner].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


def model_reason(probability: float) -> str:
    """The removal reason of a line the model takes out.

    >>> model_reason(0.934)
    'residue-like line (model p=0.93)'
    """
    return f"residue-like line (model p={probability:.2f})"
