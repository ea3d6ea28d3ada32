"""Precision of "where sources differ" on hand-labelled points of real stories.

Every point (:class:`~newsbrief.model.Discrepancy`) the briefing lists over a fixed set of real
multi-source stories — the DUC 2003 and DUC 2004 folders, the MultiLing 2011 topics and the WikiRef220
topics of several articles (:func:`story_paths`), each read as one story — was judged by reading the
sentences that give its values: ``real`` (the values speak of the same fact and the sources give it
differently: another figure, day, spelling or a denial) or ``false`` (two different things, or no
difference in meaning). ``eval/labels/discrepancies.tsv`` holds rows ``path, kind, key, label``: the story
path as :func:`newsbrief.evaluate_quotes.load_story_files` reads it, the point's kind and :func:`point_key`
(a hash of its kind and values — the values themselves are not stored).

:func:`evaluate` briefs every story again and sorts its points into labelled ``real``, labelled ``false``
and *unlabelled* (a point no labelled version produced: to be read and labelled before a figure is
quoted), and lists the labelled ``real`` points no longer produced (*lost*, the only recall there is:
nobody labelled the differences no version found). Precision = real / (real + false).

>>> point_key("number", ["127", "at least 128"]) == point_key("number", ["at least 128", "127"])
True
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsbrief.evaluate_merges import story_half
from newsbrief.evaluate_quotes import load_story_files
from newsbrief.label_files import read_rows, write_rows
from newsbrief.model import Discrepancy
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

HEADER = ("path", "kind", "key", "label")
REAL, FALSE = "real", "false"
_KINDS = frozenset({"date", "weekday", "number", "name", "claim"})
# the WikiRef220 topics of several articles (the others are single pages of noise topics)
WIKIREF_TOPICS = (
    "ParisAttacks2015 (*).txt", "malaysia.airlines.flight.*.txt", "michelle.obama.*.txt", "premier.league.*.txt",
    "samsung.galaxy.s5.*.txt", "barack.obama.*.txt", "cypriot.financial.crisis.*.txt", "debt.crisis.greece.*.txt",
    "greek.elections.*.txt", "smartphone.*.txt", "tohoku.earthquake.tsunami.*.txt",
)


def point_key(kind: str, values: Iterable[str]) -> str:
    """The label key of a point: SHA-1 of its kind and sorted values, first 12 hex digits."""
    return hashlib.sha1("\x1f".join([kind, *sorted(values)]).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class PointLabel:
    """One labelled point: its story, kind, key and whether the difference is real."""

    path: str
    kind: str
    key: str
    real: bool


@dataclass(frozen=True, slots=True)
class StoryPoints:
    """One story's points as the briefing lists them now, sorted by the labels."""

    path: str
    real: tuple[Discrepancy, ...]
    false: tuple[Discrepancy, ...]
    unlabelled: tuple[Discrepancy, ...]
    lost: tuple[PointLabel, ...]  # labelled real, no longer listed


@dataclass(frozen=True, slots=True)
class DifferenceScore:
    """Counts and precision over stories."""

    stories: int
    real: int
    false: int
    unlabelled: int
    lost: int

    @property
    def precision(self) -> float:
        """Labelled real points / labelled points listed (1.0 when none is)."""
        return self.real / (self.real + self.false) if self.real + self.false else 1.0


def story_paths(data: Path) -> list[str]:
    """The stories measured, relative to ``data`` (folders and file patterns), in a fixed order."""
    paths = [f"duc2004/docs/{p.name}" for p in sorted((data / "duc2004" / "docs").glob("d*")) if p.is_dir()]
    paths += [f"duc2003/docs.without.headlines/{p.name}" for p in sorted((data / "duc2003" / "docs.without.headlines").glob("d*")) if p.is_dir()]
    paths += [f"multiling2011-en/source/M00{topic}*.english" for topic in range(10)]
    paths += [f"wikiref220/WikiRef220/{pattern}" for pattern in WIKIREF_TOPICS]
    return paths


def read_point_labels(path: Path) -> list[PointLabel]:
    """Labelled points from a TSV file (header ``path kind key label``)."""
    def problem(row: list[str]) -> str | None:
        if len(row) != len(HEADER) or row[1] not in _KINDS or len(row[2]) != 12 or row[3] not in (REAL, FALSE):
            return f"expected a story path, a kind, a 12-digit key and {REAL!r} or {FALSE!r}"
        return None

    return [PointLabel(row[0], row[1], row[2], row[3] == REAL) for row in read_rows(path, HEADER, problem)]


def write_point_labels(path: Path, labels: Iterable[PointLabel]) -> int:
    """Write labelled points as TSV with the header; returns the number of rows."""
    return write_rows(path, HEADER, ((lab.path, lab.kind, lab.key, REAL if lab.real else FALSE) for lab in labels))


def story_points(path: str, *, data: Path, settings: Settings, models: NlpModels) -> tuple[Discrepancy, ...]:
    """The points the briefing lists for one story, all its articles read as one story."""
    from newsbrief.brief import brief_articles

    one_story = dataclasses.replace(settings, brief=dataclasses.replace(settings.brief, one_story=True))
    articles = load_story_files(data, path, settings=one_story)
    if len(articles) < 2:
        return ()
    (briefing,) = brief_articles(articles, settings=one_story, models=models)
    return briefing.discrepancies


def evaluate(
    labels: Sequence[PointLabel], *, data: Path, settings: Settings, models: NlpModels, paths: Sequence[str] | None = None
) -> Iterator[StoryPoints]:
    """Each story's points sorted by the labels (``paths``: the stories, :func:`story_paths` by default)."""
    by_key = {(lab.path, lab.kind, lab.key): lab for lab in labels}
    for path in paths if paths is not None else story_paths(data):
        listed = story_points(path, data=data, settings=settings, models=models)
        sorted_: dict[str, list[Discrepancy]] = {REAL: [], FALSE: [], "": []}
        keys = set()
        for point in listed:
            key = (path, point.kind, point_key(point.kind, point.values))
            keys.add(key)
            lab = by_key.get(key)
            sorted_["" if lab is None else REAL if lab.real else FALSE].append(point)
        lost = tuple(lab for k, lab in by_key.items() if k[0] == path and lab.real and k not in keys)
        yield StoryPoints(path, tuple(sorted_[REAL]), tuple(sorted_[FALSE]), tuple(sorted_[""]), lost)


def score(stories: Iterable[StoryPoints], half: str = "all") -> DifferenceScore:
    """Counts over the stories of one half (one of :data:`~newsbrief.evaluate_merges.HALVES`; ``all``)."""
    chosen = [s for s in stories if half == "all" or story_half(s.path) == half]
    return DifferenceScore(
        stories=len(chosen),
        real=sum(len(s.real) for s in chosen),
        false=sum(len(s.false) for s in chosen),
        unlabelled=sum(len(s.unlabelled) for s in chosen),
        lost=sum(len(s.lost) for s in chosen),
    )
