r"""Measuring the appended-story split on real articles glued together (``newsbrief eval clean appended``).

No data set labels pages that carry a second, unrelated story, so the positives are built from real
articles: a *host* page (as read from disk, scraping residue included) with another real story of
the same collection glued after it, the way a scraper that follows a site's "next story" or infinite
scroll picks it up. The glued story is the other article's clean headline and body (the cleaner's
output for it alone); the ways it is joined (:data:`STYLES`):

* ``headline``: its headline line, then its body;
* ``headline+byline``: its headline, a byline and a date line (written here: ``By Staff Reporter`` /
  ``Published 12 March 2005``), then its body;
* ``dateline``: no headline; its first paragraph opens with a wire dateline (its own when it has one,
  otherwise ``LONDON (Reuters) -``);
* ``bare``: its body alone, right after the host's text — only the change of topic shows where it starts.

The other story comes from the same collection and the same half (:func:`newsbrief.evaluate_clean.half`
of the host's source) but another story: another topic folder (WikiRef220, DUC, MultiLing), another
page of the extraction benchmark, another BBC article — of another category (``other``) or of the
same category (``same``: two business stories, two football reports; harder, as they share the
section's vocabulary).

A glued page is **separated** when the cleaner returns at least one appended story, none of the glued
story's paragraphs stays in the main story and none of the host's paragraphs moves into an appended
one (paragraphs compared whitespace-normalised, against each article cleaned alone). The negatives are
every article alone: a **false split** is an unglued article the cleaner cuts in two. Pages are cleaned
one at a time without batch statistics (a glued story observed next to its own page would recur).

>>> glue(["Host headline", "Host body."], "Other headline", ["Other body."], "headline")
'Host headline\n\nHost body.\n\nOther headline\n\nOther body.'
>>> glue(["Host body."], "Other headline", ["Other body."], "dateline")
'Host body.\n\nLONDON (Reuters) - Other body.'
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsbrief.clean_split import DATELINE
from newsbrief.errors import UsageError
from newsbrief.evaluate_clean import Half, half

if TYPE_CHECKING:
    from newsbrief.clean import Cleaner
    from newsbrief.model import RawDocument

STYLES = ("headline", "headline+byline", "dateline", "bare")
COLLECTIONS = ("bbc", "wikiref", "duc", "multiling", "benchmark")
_TUNED_UNDER = "/work/shared/data/"
# DUC's newswire has no headlines (7 of its 1,124 texts carry one): its stories are glued with their
# datelines and bare only
_HEADLINELESS = frozenset({"duc"})
_BYLINE = ("By Staff Reporter", "Published 12 March 2005")
_DATELINE = "LONDON (Reuters) - "


@dataclass(frozen=True, slots=True)
class Story:
    """One real article of a collection: the raw document and its clean parts (cleaned alone)."""

    collection: str
    group: str  # the story it belongs to (topic folder, BBC category + file)
    category: str  # BBC's section; the group elsewhere
    raw: RawDocument
    title: str | None
    paragraphs: tuple[str, ...]
    split_alone: bool  # the cleaner cut the unglued article
    key: str = ""  # the path under the data folder (``path#docno`` for SGML), or the benchmark page's id

    @property
    def half(self) -> Half:
        """The story's half: a hash of its path as first read, under ``/work/shared/data/``.

        The prefix keeps the halves the thresholds were chosen on, wherever the data folder is.
        """
        return half(self.key if self.collection == "benchmark" else _TUNED_UNDER + self.key)


@dataclass
class SplitScore:
    """Glued pages separated / split at all, and unglued articles split, for one slice."""

    glued: int = 0
    split: int = 0
    separated: int = 0
    articles: int = 0
    false_splits: int = 0
    false_split_sources: list[str] = field(default_factory=list)
    missed_sources: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.separated / self.glued if self.glued else 0.0

    @property
    def false_split_rate(self) -> float:
        return self.false_splits / self.articles if self.articles else 0.0


def glue(host: Sequence[str], title: str | None, paragraphs: Sequence[str], style: str) -> str:
    """The host page's lines with another story glued after them in ``style`` (see the module docstring)."""
    body = list(paragraphs)
    if style == "dateline":
        if body and not DATELINE.match(body[0]):  # already opens with one ("WASHINGTON (AP) _")
            body[0] = _DATELINE + body[0]
        head: list[str] = []
    elif style == "bare":
        head = []
    else:
        head = [title or ""]
        if style == "headline+byline":
            head.extend(_BYLINE)
    return "\n\n".join([*host, *head, *body])


def _normalise(paragraph: str) -> str:
    return " ".join(paragraph.split())


def _paragraphs(text: str) -> list[str]:
    return [_normalise(p) for p in text.split("\n\n") if p.strip()]


def _documents(collection: str, data: Path) -> Iterator[tuple[str, str, RawDocument]]:
    """``(group, category, raw document)`` of every article of ``collection`` under ``data``."""
    from newsbrief.ingest import read_inputs
    from newsbrief.model import RawDocument
    from newsbrief.settings import IngestOptions

    options = IngestOptions()
    roots = {
        "bbc": [data / "bbc-news-2225" / "bbc"],
        "wikiref": [data / "wikiref220" / "WikiRef220"],
        "duc": [data / "duc2004" / "docs", data / "duc2003" / "docs.without.headlines"],
        "multiling": [data / "multiling2011-en" / "source"],
        "benchmark": [data / "article-extraction-benchmark"],
    }
    if collection not in roots:
        raise ValueError(f"unknown collection {collection!r}")
    root = roots[collection][0]
    if not root.is_dir():
        raise UsageError(f"{root}: not found (the {collection!r} collection)")

    def read(path: Path) -> Iterator[RawDocument]:
        for item in read_inputs([str(path)], options=options):
            if isinstance(item, RawDocument):
                yield item

    if collection == "bbc":
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            for path in sorted(folder.glob("*.txt")):
                for raw in read(path):
                    yield f"{folder.name}/{path.name}", folder.name, raw
    elif collection == "wikiref":
        for path in sorted(root.glob("*.txt")):
            topic = re.sub(r"(?: \(\d+\)|\.\d+)\.txt$", "", path.name)
            for raw in read(path):
                yield topic, topic, raw
    elif collection == "duc":
        for docs in (r for r in roots["duc"] if r.is_dir()):
            for folder in sorted(p for p in docs.iterdir() if p.is_dir()):
                for path in sorted(folder.iterdir()):
                    for raw in read(path):
                        yield folder.name, folder.name, raw
    elif collection == "multiling":
        for path in sorted(root.glob("M*.english")):
            topic = path.name[:4]
            for raw in read(path):
                yield topic, topic, raw
    else:  # the extraction benchmark
        from newsbrief.evaluate_clean import load_benchmark
        from newsbrief.ingest.html import extract_html

        for page in load_benchmark(root):
            text, meta = extract_html(page.html, url=page.url)
            yield page.id, page.id, RawDocument(page.id, text, format="html", url=page.url, record_meta=meta)


def load_stories(
    collections: Iterable[str], data: Path, *, cleaner: Cleaner, progress: Callable[[Iterable], Iterable] = iter
) -> list[Story]:
    """Every readable article of ``collections``, cleaned alone (its parts and whether it was split)."""
    stories = []
    root = str(data.resolve()) + "/"
    for collection in collections:
        for group, category, raw in progress(_documents(collection, data)):
            result = cleaner.clean(raw)
            paragraphs = tuple(_paragraphs(result.main.text))
            if not paragraphs:
                continue
            key = raw.source
            path, hash_mark, record = raw.source.partition("#")
            resolved = str(Path(path).resolve())
            if collection != "benchmark" and resolved.startswith(root):
                key = resolved[len(root) :] + hash_mark + record
            stories.append(
                Story(collection, group, category, raw, result.main.title, paragraphs, bool(result.appended), key)
            )
    return stories


def _partner(
    host: Story, pool: Sequence[Story], *, same_category: bool | None, needs_title: bool, seed: str
) -> Story | None:
    """A seeded choice of another story of the host's collection and half to glue after it.

    The styles that glue a headline take only stories that have one.
    """
    candidates = [
        s
        for s in pool
        if s.group != host.group
        and (s.title or not needs_title)
        and (same_category is None or (s.category == host.category) == same_category)
    ]
    if not candidates:
        return None
    return random.Random(seed).choice(candidates)


def evaluate_appended(
    stories: Sequence[Story],
    *,
    cleaner: Cleaner,
    styles: Sequence[str] = STYLES,
    progress: Callable[[Iterable], Iterable] = iter,
) -> dict[tuple[str, str, str], dict[Half | str, SplitScore]]:
    """Scores keyed by ``(collection, pairing, style)`` and half (``tune``, ``report``, ``all``).

    ``pairing`` is ``other`` or ``same`` (BBC: another / the same category) or ``any`` (the other
    collections: another topic).  The row ``(collection, "alone", "-")`` counts false splits.
    """
    from newsbrief.model import RawDocument

    by_half: dict[tuple[str, Half], list[Story]] = defaultdict(list)
    for story in stories:
        by_half[(story.collection, story.half)].append(story)
    scores: dict[tuple[str, str, str], dict[Half | str, SplitScore]] = defaultdict(
        lambda: {"tune": SplitScore(), "report": SplitScore(), "all": SplitScore()}
    )
    for host in progress(stories):
        part = host.half
        alone = scores[(host.collection, "alone", "-")]
        for key in (part, "all"):
            alone[key].articles += 1
            if host.split_alone:
                alone[key].false_splits += 1
                alone[key].false_split_sources.append(host.key)
        pool = by_half[(host.collection, part)]
        pairings: list[tuple[str, bool | None]] = (
            [("other", False), ("same", True)] if host.collection == "bbc" else [("any", None)]
        )
        host_paragraphs = set(host.paragraphs)
        for pairing, same in pairings:
            for style in styles:
                if style.startswith("headline") and host.collection in _HEADLINELESS:
                    continue
                other = _partner(
                    host,
                    pool,
                    same_category=same,
                    needs_title=style.startswith("headline"),
                    seed=f"{_TUNED_UNDER}{host.key}|{pairing}|{style}",
                )
                if other is None:
                    continue
                text = glue([host.raw.text], other.title, other.paragraphs, style)
                glued = RawDocument(
                    host.raw.source, text, format=host.raw.format, url=host.raw.url, record_meta=host.raw.record_meta
                )
                result = cleaner.clean(glued)
                main = set(_paragraphs(result.main.text))
                moved = {p for a in result.appended for p in _paragraphs(a.text)}
                other_paragraphs = {_normalise(p) for p in other.paragraphs}
                # the dateline style changes the first paragraph; compare the others and its tail
                first = _normalise(other.paragraphs[0])
                kept_other = {p for p in main if p in other_paragraphs or p.endswith(first)}
                if style.startswith("headline") and other.title and _normalise(other.title) in main:
                    kept_other.add(other.title)  # its headline left in the main story
                separated = bool(result.appended) and not kept_other and not (moved & host_paragraphs)
                slot = scores[(host.collection, pairing, style)]
                for key in (part, "all"):
                    slot[key].glued += 1
                    slot[key].split += bool(result.appended)
                    slot[key].separated += separated
                    if not separated:
                        slot[key].missed_sources.append(f"{host.key} + {other.key}")
    return dict(scores)


def totals(
    scores: dict[tuple[str, str, str], dict[Half | str, SplitScore]], *, bare: bool
) -> dict[str, SplitScore]:
    """Glued pages of the headed styles (or of ``bare``) and unglued articles, summed per half."""
    out = {part: SplitScore() for part in ("tune", "report", "all")}
    for (_collection, pairing, style), halves in scores.items():
        for part, score in halves.items():
            total = out[part]
            if pairing == "alone":
                total.articles += score.articles
                total.false_splits += score.false_splits
            elif (style == "bare") == bare:
                total.glued += score.glued
                total.split += score.split
                total.separated += score.separated
    return out
