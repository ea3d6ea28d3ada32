"""Merge precision and recall of the quotes section on hand-labelled pairs of real quotations.

The briefing shows one quotation per statement, its other wordings (other translations, a shorter cut)
as variants (:func:`newsbrief.quotes.extract_quotes`). Two errors are possible: two different statements
shown as one (a wrong merge: the reader loses one and reads the other as its variant), and one statement
shown twice (a missed merge). ``eval/labels/quote_merges.tsv`` holds pairs of quotations from two
articles of one story, each judged by reading both articles: ``same`` (the same speaker's same words,
reworded, translated, cut, or one holding the other) or ``different``.

Rows: ``path, a_source, a_start, a_end, a_sha1, b_source, b_start, b_end, b_sha1, label`` (tab-separated,
a header line); ``path``, the sources, offsets and SHA-1s as in ``eval/labels/quote_speakers.tsv``
(:mod:`newsbrief.evaluate_quotes`) — the words themselves are never stored.

A pair is *merged* when the quotation extracted at A's place and the one at B's place are one
:class:`~newsbrief.model.Quote`. Precision = merged ``same`` pairs / merged pairs; recall = merged ``same``
pairs / ``same`` pairs (a pair whose quotation the extractor does not list counts as not merged).

Stories are split by a hash of their path (:func:`story_half`) into a tuning half, on which merge rules are
chosen, and a report half.

>>> a, b = QuotePlace("s/1", 0, 9, "0" * 40), QuotePlace("s/2", 0, 9, "0" * 40)
>>> outcomes = [MergeOutcome(MergeLabel("s", a, b, True), True), MergeOutcome(MergeLabel("s", a, b, False), True),
...             MergeOutcome(MergeLabel("s", a, b, True), False)]
>>> s = score_merges(outcomes)
>>> (s.pairs, s.true_pairs, s.merged, s.merged_true, s.precision, s.recall)
(3, 2, 2, 1, 0.5, 0.5)
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsbrief.errors import InputError
from newsbrief.evaluate_entities import NameScore
from newsbrief.evaluate_quotes import Extract, match, quote_hash, story_quotes
from newsbrief.model import Article, Quote
from newsbrief.nlp import NlpModels
from newsbrief.quotes import extract_quotes
from newsbrief.settings import Settings

HEADER = ("path", "a_source", "a_start", "a_end", "a_sha1", "b_source", "b_start", "b_end", "b_sha1", "label")
SAME, DIFFERENT = "same", "different"
HALVES = ("tune", "report")


@dataclass(frozen=True, slots=True)
class QuotePlace:
    """Where a labelled quotation is: its article's source (relative to the data folder) and offsets."""

    source: str
    start: int
    end: int
    sha1: str


@dataclass(frozen=True, slots=True)
class MergeLabel:
    """A labelled pair of quotations of one story: the same statement or not."""

    path: str
    a: QuotePlace
    b: QuotePlace
    same: bool


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """A labelled pair and whether the briefing shows its two quotations as one."""

    label: MergeLabel
    merged: bool


@dataclass(frozen=True, slots=True)
class MergeStale:
    """A pair whose article or words are not where the label file says (the data or cleaner changed)."""

    label: MergeLabel
    reason: str


def story_half(path: str) -> str:
    """``tune`` or ``report``: the half a story belongs to, by a hash of its path (fixed, not by content)."""
    return HALVES[int(hashlib.sha1(path.encode("utf-8")).hexdigest()[:8], 16) % 2]


def read_merge_labels(path: Path) -> list[MergeLabel]:
    """Labelled pairs from a TSV file (header as :data:`HEADER`)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    if not rows or tuple(rows[0]) != HEADER:
        raise InputError(str(path), f"expected header {' '.join(HEADER)}")
    labels = []
    for number, row in enumerate(rows[1:], 2):
        problem = _row_problem(row)
        if problem:
            raise InputError(str(path), f"line {number}: {problem}")
        a = QuotePlace(row[1], int(row[2]), int(row[3]), row[4])
        b = QuotePlace(row[5], int(row[6]), int(row[7]), row[8])
        labels.append(MergeLabel(row[0], a, b, row[9] == SAME))
    return labels


def _row_problem(row: list[str]) -> str | None:
    if len(row) != len(HEADER):
        return f"expected {len(HEADER)} tab-separated fields ({', '.join(HEADER)}), got {len(row)}"
    for start, end, sha1 in ((row[2], row[3], row[4]), (row[6], row[7], row[8])):
        if not (start.isdigit() and end.isdigit() and int(start) < int(end)):
            return f"start and end must be offsets with start < end, got {start!r}, {end!r}"
        if len(sha1) != 40 or any(c not in "0123456789abcdef" for c in sha1):
            return f"sha1 must be 40 lower-case hex digits, got {sha1!r}"
    if row[9] not in (SAME, DIFFERENT):
        return f"label must be {SAME!r} or {DIFFERENT!r}, got {row[9]!r}"
    return None


def write_merge_labels(path: Path, labels: Iterable[MergeLabel]) -> int:
    """Write labelled pairs as TSV with the header; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        for lab in labels:
            a, b = lab.a, lab.b
            label = SAME if lab.same else DIFFERENT
            writer.writerow((lab.path, a.source, a.start, a.end, a.sha1, b.source, b.start, b.end, b.sha1, label))
            count += 1
    return count


def evaluate_merges(
    labels: Sequence[MergeLabel],
    *,
    data: Path,
    models: NlpModels,
    settings: Settings,
    extract: Extract = extract_quotes,
) -> Iterator[MergeOutcome | MergeStale]:
    """Each pair's outcome (or why it is stale), each story extracted once, as the briefing does."""
    by_path: dict[str, list[MergeLabel]] = {}
    for lab in labels:
        by_path.setdefault(lab.path, []).append(lab)
    for path, by_source, quotes in story_quotes(by_path, data=data, models=models, settings=settings, extract=extract):
        for lab in by_path[path]:
            found = [_quote_at(place, by_source, quotes) for place in (lab.a, lab.b)]
            reasons = [f for f in found if isinstance(f, str)]
            if reasons:
                yield MergeStale(lab, reasons[0])
            else:
                yield MergeOutcome(lab, found[0] is not None and found[0] is found[1])


def _quote_at(place: QuotePlace, by_source: dict[str, Article], quotes: Sequence[Quote]) -> Quote | str | None:
    """The quote extracted at a labelled place, None when none is, or why the label is stale."""
    article = by_source.get(place.source)
    if article is None:
        return "article not found"
    if quote_hash(article.text[place.start : place.end]) != place.sha1:
        return "quotation text changed"
    return match(place.start, place.end, article.id, quotes)


def score_merges(outcomes: Iterable[MergeOutcome]) -> NameScore:
    """Score outcomes (see the module docstring for the rates): the counts name pairs are scored by."""
    items = list(outcomes)
    return NameScore(
        pairs=len(items),
        true_pairs=sum(o.label.same for o in items),
        merged=sum(o.merged for o in items),
        merged_true=sum(o.merged and o.label.same for o in items),
    )
