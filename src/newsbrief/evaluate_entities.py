"""Merge precision and recall of the entity name merger on hand-labelled real name pairs.

``eval/labels/name_pairs.tsv`` holds rows ``path, kind, name_a, name_b, label`` (tab-separated, a header
line): ``path`` is a story folder relative to the shared data directory (a DUC cluster), the names are
two surface forms spaCy found in that story, ``label`` is ``same`` (spelling/transliteration variants or
short forms of one name) or ``different`` (different people/organisations with similar names), judged by
reading the articles.  The pairs were proposed by :func:`candidate_pairs` (similar strings, shared
tokens) and labelled by hand.

A pair counts as *merged* when :func:`newsbrief.entities.extract_entities`, run on the whole story,
puts both names into one entity's variants.  Precision = merged true pairs / merged pairs; recall =
merged true pairs / true pairs.

>>> score([("same", True), ("same", False), ("different", False), ("different", True)]).precision
0.5
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import JaroWinkler

from newsbrief.entities import collect_mentions, extract_entities, unify_kinds
from newsbrief.label_files import read_rows, write_rows
from newsbrief.model import Article, Entity
from newsbrief.names import name_tokens
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

LABELS = ("same", "different")
HEADER = ("path", "kind", "name_a", "name_b", "label")


@dataclass(frozen=True, slots=True)
class NamePair:
    """One labelled pair of names found in one story."""

    path: str
    kind: str
    name_a: str
    name_b: str
    label: str


@dataclass(frozen=True, slots=True)
class NameScore:
    """Counts and rates of a merger on labelled pairs (names; quotations, :mod:`newsbrief.evaluate_merges`)."""

    pairs: int
    true_pairs: int
    merged: int
    merged_true: int

    @property
    def precision(self) -> float:
        """Merged true pairs / merged pairs (1.0 when nothing was merged)."""
        return self.merged_true / self.merged if self.merged else 1.0

    @property
    def recall(self) -> float:
        """Merged true pairs / true pairs."""
        return self.merged_true / self.true_pairs if self.true_pairs else 0.0


def read_pairs(path: Path) -> list[NamePair]:
    """Labelled pairs from a TSV file (header ``path kind name_a name_b label``)."""
    def problem(row: list[str]) -> str | None:
        if len(row) != len(HEADER) or row[4] not in LABELS:
            return f"expected 5 fields with label one of {', '.join(LABELS)}"
        return None

    return [NamePair(*row) for row in read_rows(path, HEADER, problem)]


def score(outcomes: Iterable[tuple[str, bool]]) -> NameScore:
    """Score (label, merged?) outcomes."""
    items = list(outcomes)
    return NameScore(
        pairs=len(items),
        true_pairs=sum(label == "same" for label, _ in items),
        merged=sum(merged for _, merged in items),
        merged_true=sum(merged and label == "same" for label, merged in items),
    )


def load_story(folder: Path, *, settings: Settings) -> list[Article]:
    """The articles of one story folder, through the ingest pipeline."""
    from newsbrief.pipeline import iter_articles

    return [a for a in iter_articles([str(folder)], settings=settings) if isinstance(a, Article)]


def merged_pairs(
    pairs: Sequence[NamePair], *, data: Path, models: NlpModels, settings: Settings
) -> Iterator[tuple[NamePair, bool]]:
    """Each pair with whether the merger put both names into one entity (stories parsed once each)."""
    by_path: dict[str, list[NamePair]] = {}
    for pair in pairs:
        by_path.setdefault(pair.path, []).append(pair)
    for path, story_pairs in by_path.items():
        entities = extract_entities(load_story(data / path, settings=settings), models=models)
        for pair in story_pairs:
            yield pair, _together(entities, pair.name_a, pair.name_b)


def _together(entities: Sequence[Entity], a: str, b: str) -> bool:
    return any(a in e.variants and b in e.variants for e in entities)


def candidate_pairs(articles: Sequence[Article], *, models: NlpModels, path: str) -> list[NamePair]:
    """Unlabelled candidate pairs of one story, for hand labelling (``label`` left empty).

    Candidates are names of one kind that share a word or are similar strings (Jaro-Winkler ≥ 0.85).
    """
    docs = models.docs(articles)
    mentions = unify_kinds([m for a in articles for m in collect_mentions(a, docs[a.id])])
    forms: dict[tuple[str, str], str] = {}
    for m in mentions:
        forms.setdefault((m.kind, " ".join(name_tokens(m.form))), m.form)
    items = sorted(forms.items())
    found = []
    for i, ((kind_a, key_a), form_a) in enumerate(items):
        for (kind_b, key_b), form_b in items[i + 1 :]:
            if kind_a != kind_b:
                continue
            shared = set(key_a.split()) & set(key_b.split())
            similar = JaroWinkler.normalized_similarity(key_a, key_b) >= 0.85
            if shared or similar:
                found.append(NamePair(path, kind_a, form_a, form_b, ""))
    return found


def write_pairs(pairs: Iterable[NamePair], path: Path) -> None:
    """Write pairs as TSV with the header."""
    write_rows(path, HEADER, ((p.path, p.kind, p.name_a, p.name_b, p.label) for p in pairs))
