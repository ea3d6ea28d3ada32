"""Kind precision of the names a briefing lists (person, organisation, place) on hand-labelled real stories.

``eval/labels/entity_kinds.tsv`` holds rows ``path, name, label``: ``path`` is a story of
:func:`newsbrief.evaluate_differences.story_paths` (all its articles read as one story), ``name`` a name
:func:`newsbrief.entities.extract_entities` listed there with two or more mentions (what the briefing shows),
``label`` what the name names in that story — ``PERSON``, ``ORG``, ``GPE`` (a place) or ``OTHER`` (a product,
an event, a work, a nationality, no name at all) — judged by two labellers who read the story's sentences and
never saw the code.  The sample: per story up to two listed names of each kind, the first by a hash of the
story path and the name (so it is not the most mentioned ones only).

A label's name is *found* when an entity of the story has it as its name or as a variant; the entity's kind
is then compared with the label.  Precision of a kind = found names listed with that kind and labelled so /
found names listed with that kind; a name listed as a person, organisation or place that names none of them
(``OTHER``) counts against the kind it was listed as.  *Lost*: labelled names no longer listed (the merger
or the recogniser changed) — to be read before a figure is quoted.  Stories are split into halves by the
hash of their path (:func:`newsbrief.evaluate_merges.story_half`).

>>> s = score([KindOutcome(KindLabel("d1", "Obama", "PERSON"), "PERSON"), KindOutcome(KindLabel("d1", "Apple", "ORG"), "PERSON")])
>>> s.precision("PERSON"), s.accuracy
(0.5, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsbrief.entities import extract_entities
from newsbrief.evaluate_merges import story_half
from newsbrief.evaluate_quotes import load_story_files
from newsbrief.label_files import read_rows, write_rows
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

HEADER = ("path", "name", "label")
KINDS = ("PERSON", "ORG", "GPE", "OTHER")


@dataclass(frozen=True, slots=True)
class KindLabel:
    """What one listed name of one story names."""

    path: str
    name: str
    label: str


@dataclass(frozen=True, slots=True)
class KindOutcome:
    """A label and the kind the story's entities give the name now (``None``: no longer listed)."""

    label: KindLabel
    listed: str | None


@dataclass(frozen=True, slots=True)
class KindScore:
    """Counts over outcomes: per listed kind, how many names and how many of them are of that kind."""

    listed: dict[str, int]
    right: dict[str, int]
    lost: int

    def precision(self, kind: str) -> float:
        """Names listed as ``kind`` labelled ``kind`` / names listed as ``kind`` (1.0 when none are)."""
        return self.right[kind] / self.listed[kind] if self.listed[kind] else 1.0

    @property
    def found(self) -> int:
        """Labelled names still listed."""
        return sum(self.listed.values())

    @property
    def accuracy(self) -> float:
        """Names listed with the labelled kind / names still listed."""
        return sum(self.right.values()) / self.found if self.found else 1.0


def _row_problem(row: list[str]) -> str | None:
    if len(row) != len(HEADER) or not row[0] or not row[1] or row[2] not in KINDS:
        return f"expected a story path, a name and one of {', '.join(KINDS)}"
    return None


def read_kind_labels(path: Path) -> list[KindLabel]:
    """Labelled names from a TSV file (header ``path name label``)."""
    return [KindLabel(*row) for row in read_rows(path, HEADER, _row_problem)]


def write_kind_labels(path: Path, labels: Iterable[KindLabel]) -> int:
    """Write labelled names under the header; returns the number of rows."""
    return write_rows(path, HEADER, ((lab.path, lab.name, lab.label) for lab in labels))


def listed_kinds(path: str, *, data: Path, settings: Settings, models: NlpModels) -> dict[str, str]:
    """Each listed name (two or more mentions) and variant of a story's entities, with its entity's kind.

    All the story's articles are one story, as ``newsbrief brief --one-story`` reads them (entities are
    extracted over the articles given; no briefing setting takes part).
    """
    articles = load_story_files(data, path, settings=settings)
    kinds: dict[str, str] = {}
    for entity in extract_entities(articles, models=models):
        if entity.mentions < 2:
            continue
        for form in (entity.name, *entity.variants):
            kinds.setdefault(form, entity.kind)
    return kinds


def evaluate(
    labels: Sequence[KindLabel], *, data: Path, settings: Settings, models: NlpModels
) -> Iterator[KindOutcome]:
    """Each label with the kind its name is listed with now, story by story (in the labels' order of stories)."""
    by_story: dict[str, list[KindLabel]] = {}
    for label in labels:
        by_story.setdefault(label.path, []).append(label)
    for path, story_labels in by_story.items():
        kinds = listed_kinds(path, data=data, settings=settings, models=models)
        for label in story_labels:
            yield KindOutcome(label, kinds.get(label.name))


def score(outcomes: Iterable[KindOutcome], half: str = "all") -> KindScore:
    """Counts over the outcomes of one half (``tune``/``report``) or ``all``."""
    listed = dict.fromkeys(KINDS, 0)
    right = dict.fromkeys(KINDS, 0)
    lost = 0
    for outcome in outcomes:
        if half != "all" and story_half(outcome.label.path) != half:
            continue
        if outcome.listed is None:
            lost += 1
            continue
        listed[outcome.listed] += 1
        right[outcome.listed] += outcome.listed == outcome.label.label
    return KindScore(listed, right, lost)
