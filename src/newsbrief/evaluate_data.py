r"""Readers for the summary benchmarks (DUC 2003, DUC 2004, MultiLing 2011) used by :mod:`newsbrief.evaluate`.

Each benchmark becomes a list of :class:`Topic` (the topic's articles as clean :class:`Article` objects
and its human reference summaries).  The readers are benchmark-specific on purpose: they know each
corpus' layout (which folders pair with which references) and unwrap the hard-wrapped newswire lines into
paragraphs, so that the summariser sees the same clean text the pipeline would give it.

>>> _unwrap("A line\nwrapped here.\n\tNew paragraph\nhere.")
'A line wrapped here.\n\nNew paragraph here.'
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from newsbrief import text as textmod
from newsbrief.errors import UsageError
from newsbrief.model import Article

DATASETS = ("duc2004", "duc2003", "multiling")
WORD_LIMITS = {"duc2004": 100, "duc2003": 100, "multiling": 250}

_TEXT_BLOCK = re.compile(r"<TEXT>(.*?)</TEXT>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_DOCNO_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_ML_DATE_LINE = re.compile(r"^\s*(?:[A-Z][a-z]+day,\s+)?([A-Z][a-z]+ \d{1,2}, \d{4})\s*$")
_ML_TITLE_DATE = re.compile(r"^(\d{4})/(\d{2})/(\d{2})\s+")


@dataclass(frozen=True, slots=True)
class Topic:
    """One benchmark topic: its articles and its reference summaries."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]


def _unwrap(body: str) -> str:
    """Join hard-wrapped lines; a blank line or an indented line starts a new paragraph."""
    paras: list[list[str]] = [[]]
    for line in body.splitlines():
        if not line.strip():
            if paras[-1]:
                paras.append([])
            continue
        if line[:1] in ("\t", " ") and paras[-1]:
            paras.append([])
        paras[-1].append(line.strip())
    return "\n\n".join(" ".join(p) for p in paras if p)


def _article(source: str, title: str | None, body: str, published: dt.date | None) -> Article:
    clean = textmod.clean_chars(body)
    chash = textmod.content_hash(clean)
    return Article(
        id=textmod.article_id(source, chash),
        content_hash=chash,
        source=source,
        title=title,
        text=clean,
        outlet=None,
        published=published,
        language="en",
    )


def read_sgml_article(path: Path) -> Article:
    """One DUC newswire file (``<DOC>…<TEXT>…</TEXT>``) as an :class:`Article`; the date comes from the DOCNO."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    blocks = _TEXT_BLOCK.findall(raw)
    body = _unwrap(html.unescape(_TAG.sub(" ", "\n".join(blocks))))
    match = _DOCNO_DATE.search(path.name)
    published = None
    if match:
        try:
            published = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            published = None
    return _article(path.name, None, body, published)


def read_multiling_article(path: Path) -> Article:
    """One MultiLing/WikiNews file: first line the title (maybe ``YYYY/MM/DD`` first), then a date line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines[0].strip() if lines else None
    published = None
    if title and (m := _ML_TITLE_DATE.match(title)):
        published = dt.date(int(m[1]), int(m[2]), int(m[3]))
        title = title[m.end() :]
    rest = lines[1:]
    for i, line in enumerate(rest[:4]):
        if m2 := _ML_DATE_LINE.match(line):
            try:
                published = dt.datetime.strptime(m2[1], "%B %d, %Y").date()
            except ValueError:
                pass
            rest = rest[:i] + rest[i + 1 :]
            break
    return _article(path.name, title, _unwrap("\n".join(rest)), published)


def _reference(path: Path) -> str:
    return " ".join(html.unescape(path.read_text(encoding="utf-8", errors="replace")).split())


def load_topics(dataset: str, data_dir: Path) -> list[Topic]:
    """The topics of ``dataset`` (``duc2004``, ``duc2003`` or ``multiling``) under ``data_dir``."""
    if dataset == "duc2004":
        root = data_dir / "duc2004"
        topics = []
        for folder in sorted((root / "docs").iterdir()):
            tid = folder.name.rstrip("t")
            refs = sorted((root / "models-txt").glob(f"{tid}.m.100.t.*"))
            arts = tuple(read_sgml_article(p) for p in sorted(folder.iterdir()))
            topics.append(Topic(tid, arts, tuple(_reference(r) for r in refs)))
        return topics
    if dataset == "duc2003":
        root = data_dir / "duc2003"
        topics = []
        for folder in sorted((root / "docs.without.headlines").glob("d3*")):
            tid = folder.name.rstrip("t").upper()
            refs = sorted((root / "detagged.duc2003.abstracts" / "models").glob(f"{tid}.M.100.T.*"))
            arts = tuple(read_sgml_article(p) for p in sorted(folder.iterdir()))
            topics.append(Topic(tid, arts, tuple(_reference(r) for r in refs)))
        return topics
    if dataset == "multiling":
        root = data_dir / "multiling2011-en"
        topics = []
        for t in range(10):
            tid = f"M00{t}"
            arts = tuple(read_multiling_article(p) for p in sorted((root / "source").glob(f"{tid}?.english")))
            refs = sorted((root / "models").glob(f"{tid}.?.250"))
            topics.append(Topic(tid, arts, tuple(_reference(r) for r in refs)))
        return topics
    raise UsageError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")


def peer_outputs(data_dir: Path, topic_ids: list[str]) -> dict[str, dict[str, str]]:
    """DUC 2004 published systems' outputs: system name → topic id → summary text."""
    peers: dict[str, dict[str, str]] = {}
    for path in sorted((data_dir / "duc2004" / "peers-txt").iterdir()):
        tid, _, system = path.name.partition(".")
        if tid in topic_ids:
            peers.setdefault(system, {})[tid] = _reference(path)
    return peers
