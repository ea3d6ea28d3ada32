"""The data model: frozen dataclasses shared by every stage.

Nothing here does work beyond small derived properties; the stages are functions over these types.

>>> span = Span("a1", 0, 5)
>>> span.length
5
>>> Removal(line="Leave a Reply", reason="comment prompt", line_no=12).reason
'comment prompt'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

InputFormat = Literal["text", "html", "json", "sgml", "warc"]
EntityKind = Literal["PERSON", "ORG", "GPE", "OTHER"]
DatePrecision = Literal["day", "month"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read from disk, stdin or a WARC record, before cleaning.

    ``text`` is the decoded text (for HTML: trafilatura's main text, paragraphs separated by
    blank lines); ``html`` keeps the page for metadata extraction.  ``record_meta`` holds metadata
    the container gave us (JSON fields, SGML tags, HTML ``<meta>``, WARC headers), keyed by our own
    field names (``title``, ``published``, ``outlet``, ``url``, ``dateline``) with the raw value.
    """

    source: str
    text: str
    format: InputFormat = "text"
    html: str | None = None
    url: str | None = None
    record_meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read, with a one-line reason (never a silent ``None``)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A line removed by the cleaner, with the reason and its 1-based line number in the input text."""

    line: str
    reason: str
    line_no: int = 0


@dataclass(frozen=True, slots=True)
class CleanText:
    """The cleaner's output for one story on a page.

    ``title`` is the headline the cleaner found (or ``None``); ``text`` is the clean body, paragraphs
    separated by one blank line; ``meta_lines`` are lines taken out of the body because they are
    metadata (bylines, datelines, date lines), for ``meta.py`` to read.
    """

    title: str | None
    text: str
    removed: tuple[Removal, ...] = ()
    meta_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What the cleaner returns for a page: the main story and any unrelated stories appended to it."""

    main: CleanText
    appended: tuple[CleanText, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: the unit every later stage works on.

    ``content_hash`` is the hash of the normalised clean text (identical copies share it);
    ``id`` is the hash of ``source`` and ``content_hash`` (two outlets' copies are two articles).
    ``provenance`` maps a metadata field name to where its value came from.
    """

    id: str
    content_hash: str
    source: str
    title: str | None
    text: str
    outlet: str | None = None
    dateline: str | None = None
    published: dt.date | None = None
    language: str | None = None
    url: str | None = None
    provenance: Mapping[str, str] = field(default_factory=dict)
    removed: tuple[Removal, ...] = ()
    appended: tuple[Article, ...] = ()

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the clean text."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into ``Article.text`` of the article ``article_id``."""

    article_id: str
    start: int
    end: int

    @property
    def length(self) -> int:
        """Length of the span in characters."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: its span and its text (``article.text[span.start:span.end]``)."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Syndicated / near-duplicate copies: the canonical copy and every member with its similarity to it."""

    canonical_id: str
    members: tuple[tuple[str, float], ...]

    @property
    def member_ids(self) -> tuple[str, ...]:
        """Ids of all members, the canonical copy included."""
        return tuple(member for member, _ in self.members)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one real-world story."""

    id: str
    article_ids: tuple[str, ...]
    duplicate_groups: tuple[DuplicateGroup, ...] = ()
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    headline: str | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence with the spans of every equivalent sentence and the support count."""

    text: str
    spans: tuple[Span, ...]
    article_ids: tuple[str, ...]
    support: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated development; ``date`` is an ISO date.

    When ``precision`` is ``"month"`` the development is dated only to a month ("last month", "18
    months ago") and ``date`` is the month's first day.
    """

    date: dt.date
    #: the words of one of ``spans`` (its first letter capitalised when an opening connective was left out)
    text: str
    spans: tuple[Span, ...]
    article_ids: tuple[str, ...]
    precision: DatePrecision = "day"
    # still to come in every sentence giving it: told in the future ("will vote on November 18th", "is
    # scheduled to be played from June 10") or dated after the article's publication
    ahead: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place with its merged name variants."""

    name: str
    kind: EntityKind
    variants: tuple[str, ...]
    article_ids: tuple[str, ...]
    mentions: int
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation with its speaker, merged across sources (``variants`` are other wordings)."""

    text: str
    speaker: str | None
    spans: tuple[Span, ...]
    article_ids: tuple[str, ...]
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A point where sources differ: ``values`` maps each value to the ids of the articles giving it.

    ``evidence`` maps a value to the sentences that give it, so that a reader can check the difference
    (dates, numbers; a claim's values are its sentences, a name's values its spellings: none there).
    """

    kind: str
    subject: str
    values: Mapping[str, tuple[str, ...]]
    evidence: Mapping[str, tuple[Sentence, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExclusiveInfo:
    """Information carried by one independent source only."""

    text: str
    spans: tuple[Span, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a reader gets for a story."""

    story: Story
    headline: str
    summary: tuple[SummarySentence, ...]
    timeline: tuple[TimelineEntry, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    discrepancies: tuple[Discrepancy, ...]
    exclusive: tuple[ExclusiveInfo, ...]
    sources: tuple[Article, ...]
    removed: Mapping[str, int]
    left_out: tuple[Article, ...] = ()
