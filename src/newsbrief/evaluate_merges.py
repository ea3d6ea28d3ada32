"""Merge precision and recall on hand-labelled pairs: quotations (the quotes section), dated sentences (the timeline).

Two sections of the briefing show one item for what several sources say: the quotes section one quotation
per statement, its other wordings (other translations, a shorter cut) as variants
(:func:`newsbrief.quotes.extract_quotes`); the timeline one entry per development of a day, the other
sources' sentences as its citations (:func:`newsbrief.timeline.build_timeline`). Two errors are possible:
two different things shown as one (a wrong merge: the reader loses one) and one thing shown twice (a missed
merge). A label file holds pairs of places (a quotation, or a dated sentence) in two articles of one story,
each pair judged by reading both articles: ``same`` (the same speaker's same words, reworded, translated,
cut, or one holding the other; the same development of that day, in other words) or ``different``:
``eval/labels/quote_merges.tsv`` and ``eval/labels/timeline_merges.tsv``.

Rows: ``path, a_source, a_start, a_end, a_sha1, b_source, b_start, b_end, b_sha1, label`` (tab-separated,
a header line); ``path``, the sources, offsets and SHA-1s as in ``eval/labels/quote_speakers.tsv``
(:mod:`newsbrief.evaluate_quotes`) — the words themselves are never stored.

A pair is *merged* when the item shown at A's place and the one at B's place are one (a
:class:`~newsbrief.model.Quote`, a :class:`~newsbrief.model.TimelineEntry`: one group of spans). Precision =
merged ``same`` pairs / merged pairs; recall = merged ``same`` pairs / ``same`` pairs (a pair whose place
is in no group counts as not merged).

Stories are split by a hash of their path (:func:`story_half`) into a tuning half, on which merge rules are
chosen, and a report half.

>>> a, b = Place("s/1", 0, 9, "0" * 40), Place("s/2", 0, 9, "0" * 40)
>>> outcomes = [MergeOutcome(MergeLabel("s", a, b, True), True), MergeOutcome(MergeLabel("s", a, b, False), True),
...             MergeOutcome(MergeLabel("s", a, b, True), False)]
>>> s = score_merges(outcomes)
>>> (s.pairs, s.true_pairs, s.merged, s.merged_true, s.precision, s.recall)
(3, 2, 2, 1, 0.5, 0.5)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsbrief.entities import extract_entities
from newsbrief.evaluate_entities import NameScore
from newsbrief.evaluate_quotes import best_group, load_story_files, quote_hash, relative_source
from newsbrief.label_files import read_rows, write_rows
from newsbrief.model import Article, Span
from newsbrief.nlp import NlpModels
from newsbrief.quotes import extract_quotes
from newsbrief.settings import Settings
from newsbrief.timeline import build_timeline, story_sentences

#: The items of a story a section shows, each as the spans it cites (one group per quotation or entry).
Groups = Callable[[Sequence[Article]], Sequence[Sequence[Span]]]

HEADER = ("path", "a_source", "a_start", "a_end", "a_sha1", "b_source", "b_start", "b_end", "b_sha1", "label")
SAME, DIFFERENT = "same", "different"
HALVES = ("tune", "report")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a labelled quotation or sentence is: its article's source (relative to the data folder) and offsets."""

    source: str
    start: int
    end: int
    sha1: str


@dataclass(frozen=True, slots=True)
class MergeLabel:
    """A labelled pair of places of one story: the same statement (development) or not."""

    path: str
    a: Place
    b: Place
    same: bool


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """A labelled pair and whether the briefing shows its two places as one item."""

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
    labels = []
    for row in read_rows(path, HEADER, _row_problem):
        a = Place(row[1], int(row[2]), int(row[3]), row[4])
        b = Place(row[5], int(row[6]), int(row[7]), row[8])
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
    rows = (
        (lab.path, lab.a.source, lab.a.start, lab.a.end, lab.a.sha1, lab.b.source, lab.b.start, lab.b.end, lab.b.sha1,
         SAME if lab.same else DIFFERENT)
        for lab in labels
    )
    return write_rows(path, HEADER, rows)


def quote_groups(models: NlpModels) -> Groups:
    """The quotes section's groups: each quotation's spans, extracted as the briefing does (with entities)."""

    def groups(articles: Sequence[Article]) -> list[tuple[Span, ...]]:
        entities = extract_entities(articles, models=models)
        return [quote.spans for quote in extract_quotes(articles, models=models, entities=entities)]

    return groups


def timeline_groups(articles: Sequence[Article]) -> list[tuple[Span, ...]]:
    """The timeline's groups: each entry's spans, every entry of every day (no ``per_day`` cut)."""
    return [entry.spans for entry in build_timeline(articles, sentences=story_sentences(articles, {}))]


#: One story's judge: given its articles, a function that says of a labelled pair's two places (each with
#: the article it is in, its text checked) whether the briefing puts them together — or, as a string, why
#: the label no longer fits the briefing's items (stale).
Together = Callable[[Sequence[Article]], Callable[[Article, Place, Article, Place], "bool | str"]]


def evaluate_pairs(
    labels: Sequence[MergeLabel], *, data: Path, settings: Settings, together: Together
) -> Iterator[MergeOutcome | MergeStale]:
    """Each pair's outcome (or why it is stale), each story read and judged once (``together``)."""
    by_path: dict[str, list[MergeLabel]] = {}
    for lab in labels:
        by_path.setdefault(lab.path, []).append(lab)
    for path, story_labels in by_path.items():
        articles = load_story_files(data, path, settings=settings)
        by_source = {relative_source(a.source, data): a for a in articles}
        judge = together(articles)
        for lab in story_labels:
            a, b = (_article_at(place, by_source) for place in (lab.a, lab.b))
            outcome = a if isinstance(a, str) else b if isinstance(b, str) else judge(a, lab.a, b, lab.b)
            yield MergeStale(lab, outcome) if isinstance(outcome, str) else MergeOutcome(lab, outcome)


def _article_at(place: Place, by_source: dict[str, Article]) -> Article | str:
    """The article a labelled place is in, or why the label is stale."""
    article = by_source.get(place.source)
    if article is None:
        return "article not found"
    if quote_hash(article.text[place.start : place.end]) != place.sha1:
        return "text changed"
    return article


def evaluate_merges(
    labels: Sequence[MergeLabel], *, data: Path, settings: Settings, groups: Groups
) -> Iterator[MergeOutcome | MergeStale]:
    """Each pair's outcome (or why it is stale): merged when one group is shown at both places."""

    def together(articles: Sequence[Article]) -> Callable[[Article, Place, Article, Place], bool | str]:
        story_groups = groups(articles)

        def judge(first: Article, a: Place, second: Article, b: Place) -> bool:
            group = best_group(a.start, a.end, first.id, story_groups)
            return group is not None and group == best_group(b.start, b.end, second.id, story_groups)

        return judge

    return evaluate_pairs(labels, data=data, settings=settings, together=together)


def score_merges(outcomes: Iterable[MergeOutcome]) -> NameScore:
    """Score outcomes (see the module docstring for the rates): the counts name pairs are scored by."""
    items = list(outcomes)
    return NameScore(
        pairs=len(items),
        true_pairs=sum(o.label.same for o in items),
        merged=sum(o.merged for o in items),
        merged_true=sum(o.merged and o.label.same for o in items),
    )
