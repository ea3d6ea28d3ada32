"""Attribution precision and recall of the quotes section on hand-labelled real quotations.

``eval/labels/quote_speakers.tsv`` holds rows ``path, source, start, end, sha1, speaker`` (tab-separated,
a header line): ``path`` is a story folder relative to the shared data directory (a DUC cluster), or a
file pattern in one (``wikiref220/WikiRef220/malaysia.airlines.flight.*.txt``: one topic of a folder of
several; its files in sorted order are the story),
``source`` the labelled article's ``Article.source`` relative to that directory, ``start``/``end`` the
quotation's offsets in ``Article.text`` (the words between the quote marks, trailing comma excluded),
``sha1`` the SHA-1 of those words (so that a changed cleaner shows up as *stale* rows instead of
silently moved offsets; the words themselves are never stored) and ``speaker`` the speaker as the
article names them, judged by reading the article — ``-`` when the article does not say who speaks or
the words are no statement of a person or body (a chant, a listed phrase).  A speaker may list the
forms the story uses for one person, separated by ``|`` ("Bob Livingston|Robert Livingston").

:func:`evaluate` runs :func:`newsbrief.quotes.extract_quotes` on each labelled story (with
:func:`newsbrief.entities.extract_entities`, as the briefing does) and matches each labelled quotation to
the extracted quote with a span in the same article that overlaps it most.  The quote's (merged)
``speaker`` is what the briefing shows; it is *right* when it names the labelled speaker
(:func:`same_speaker`).  Precision = right / attributed found quotes (an attribution of a ``-`` quote is
wrong); recall = right / quotations with a labelled speaker (found or not).

>>> def said(speaker): return QuoteLabel("d1", "d1/a", 0, 9, "0" * 40, speaker)
>>> outcomes = [Outcome(said("Ali Alatas"), True, "Alatas"), Outcome(said("-"), True, "Ali Alatas"),
...             Outcome(said("Hun Sen"), True, None), Outcome(said("Hun Sen"), False, None)]
>>> s = score(outcomes)
>>> (s.attributed, s.right, s.precision, s.recall, s.not_found)
(2, 1, 0.5, 0.3333333333333333, 1)
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsbrief.entities import extract_entities
from newsbrief.label_files import read_rows, write_rows
from newsbrief.model import Article, Quote, Span
from newsbrief.names import name_similarity, name_tokens, surname_matches
from newsbrief.nlp import NlpModels
from newsbrief.quotes import extract_quotes
from newsbrief.settings import Settings

HEADER = ("path", "source", "start", "end", "sha1", "speaker")
NO_SPEAKER = "-"
_PATTERN = "*"  # a story path with it is a file pattern, not a folder
_SHA1 = re.compile(r"^[0-9a-f]{40}$")
# generational suffixes are no part of the name a speaker is matched by ("John Conyers Jr." ~ "John Conyers")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

Extract = Callable[..., Sequence[Quote]]


@dataclass(frozen=True, slots=True)
class QuoteLabel:
    """One labelled quotation: where it is and who speaks (``-``: nobody named)."""

    path: str
    source: str
    start: int
    end: int
    sha1: str
    speaker: str

    @property
    def names(self) -> tuple[str, ...]:
        """The speaker's forms (empty for ``-``)."""
        return () if self.speaker == NO_SPEAKER else tuple(self.speaker.split("|"))


@dataclass(frozen=True, slots=True)
class Outcome:
    """A labelled quotation with what the program made of it."""

    label: QuoteLabel
    found: bool
    speaker: str | None

    @property
    def right(self) -> bool:
        """The program's speaker names the labelled speaker."""
        return self.speaker is not None and any(same_speaker(self.speaker, n) for n in self.label.names)


@dataclass(frozen=True, slots=True)
class QuoteScore:
    """Counts and rates of speaker attribution on labelled quotations."""

    quotes: int
    with_speaker: int
    not_found: int
    attributed: int
    right: int

    @property
    def precision(self) -> float:
        """Right speakers / attributed found quotes (1.0 when nothing was attributed)."""
        return self.right / self.attributed if self.attributed else 1.0

    @property
    def recall(self) -> float:
        """Right speakers / quotations with a labelled speaker."""
        return self.right / self.with_speaker if self.with_speaker else 0.0


def quote_hash(text: str) -> str:
    """SHA-1 (hex) of a quotation's words, as stored in the label file."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_labels(path: Path) -> list[QuoteLabel]:
    """Labelled quotations from a TSV file (header ``path source start end sha1 speaker``)."""
    rows = read_rows(path, HEADER, _row_problem)
    return [QuoteLabel(row[0], row[1], int(row[2]), int(row[3]), row[4], row[5]) for row in rows]


def _row_problem(row: list[str]) -> str | None:
    if len(row) != len(HEADER):
        return f"expected {len(HEADER)} tab-separated fields ({', '.join(HEADER)}), got {len(row)}"
    path, source, start, end, sha1, speaker = row
    inside = fnmatch.fnmatchcase(source, path) if _PATTERN in path else source.startswith(path.rstrip("/") + "/")
    if not path or not inside:
        return f"source {source!r} is not inside path {path!r}"
    if not (start.isdigit() and end.isdigit() and int(start) < int(end)):
        return f"start and end must be offsets with start < end, got {start!r}, {end!r}"
    if not _SHA1.match(sha1):
        return f"sha1 must be 40 lower-case hex digits, got {sha1!r}"
    if not speaker.strip() or any(not name.strip() for name in speaker.split("|")):
        return f"speaker must be a name, names separated by '|', or {NO_SPEAKER!r}"
    return None


def write_labels(path: Path, labels: Iterable[QuoteLabel]) -> int:
    """Write labels as TSV with the header; returns the number of rows."""
    return write_rows(path, HEADER, ((lab.path, lab.source, lab.start, lab.end, lab.sha1, lab.speaker) for lab in labels))


def _tokens(name: str) -> list[str]:
    tokens = name_tokens(name)
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens.pop()
    return tokens


def same_speaker(predicted: str, labelled: str) -> bool:
    """True when the program's speaker names the labelled one (the names module's variant tests).

    Same words, a surname alone against the full name, a spelling variant, or an acronym:

    >>> same_speaker("Alatas", "Ali Alatas"), same_speaker("John Conyers", "John Conyers Jr.")
    (True, True)
    >>> same_speaker("European Union", "EU"), same_speaker("Darren Hickey", "Deborah")
    (True, False)
    """
    a, b = " ".join(_tokens(predicted)), " ".join(_tokens(labelled))
    if not a or not b:
        return False
    if a == b or surname_matches(a, b) or surname_matches(b, a):
        return True
    return any(name_similarity(a, b, kind=kind) is not None for kind in ("PERSON", "ORG"))


def score(outcomes: Iterable[Outcome]) -> QuoteScore:
    """Score outcomes (see the module docstring for the rates)."""
    items = list(outcomes)
    return QuoteScore(
        quotes=len(items),
        with_speaker=sum(bool(o.label.names) for o in items),
        not_found=sum(not o.found for o in items),
        attributed=sum(o.found and o.speaker is not None for o in items),
        right=sum(o.found and o.right for o in items),
    )


def load_story_files(data: Path, path: str, *, settings: Settings) -> list[Article]:
    """The articles of a labelled story: a folder, or the sorted files matching a pattern in one."""
    from newsbrief.pipeline import iter_articles

    paths = sorted(str(p) for p in data.glob(path)) if _PATTERN in path else [str(data / path)]
    return [a for a in iter_articles(paths, settings=settings) if isinstance(a, Article)]


def relative_source(source: str, data: Path) -> str:
    """An article's source relative to the shared data folder, as the label files keep it."""
    prefix = str(data).rstrip("/") + "/"
    return source[len(prefix) :] if source.startswith(prefix) else source


def match(start: int, end: int, article_id: str, quotes: Sequence[Quote]) -> Quote | None:
    """The extracted quote with a span in the article that overlaps the labelled quotation (``start:end``) most."""
    best = best_group(start, end, article_id, [quote.spans for quote in quotes])
    return quotes[best] if best is not None else None


def best_group(start: int, end: int, article_id: str, groups: Sequence[Sequence[Span]]) -> int | None:
    """The index of the group with a span in the article that overlaps ``start:end`` most (None: none does)."""
    best, best_overlap = None, 0
    for index, spans in enumerate(groups):
        for span in spans:
            if span.article_id == article_id:
                overlap = min(span.end, end) - max(span.start, start)
                if overlap > best_overlap:
                    best, best_overlap = index, overlap
    return best


@dataclass(frozen=True, slots=True)
class Stale:
    """A label whose article or words are not where the label file says (the data or cleaner changed)."""

    label: QuoteLabel
    reason: str


def evaluate(
    labels: Sequence[QuoteLabel],
    *,
    data: Path,
    models: NlpModels,
    settings: Settings,
    extract: Extract = extract_quotes,
) -> Iterator[Outcome | Stale]:
    """Each label's outcome (or why it is stale), each story parsed once.

    ``extract`` is the quote extractor under test (``extract_quotes``; another version for a before/after
    comparison), called as the briefing calls it: ``extract(articles, models=…, entities=…)``.
    """
    by_path: dict[str, list[QuoteLabel]] = {}
    for lab in labels:
        by_path.setdefault(lab.path, []).append(lab)
    for path, story_labels in by_path.items():
        articles = load_story_files(data, path, settings=settings)
        quotes = extract(articles, models=models, entities=extract_entities(articles, models=models))
        by_source = {relative_source(a.source, data): a for a in articles}
        for lab in story_labels:
            article = by_source.get(lab.source)
            if article is None:
                yield Stale(lab, "article not found")
            elif quote_hash(article.text[lab.start : lab.end]) != lab.sha1:
                yield Stale(lab, "quotation text changed")
            else:
                quote = match(lab.start, lab.end, article.id, quotes)
                yield Outcome(lab, quote is not None, quote.speaker if quote is not None else None)
