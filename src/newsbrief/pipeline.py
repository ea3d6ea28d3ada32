r"""Ingest → clean → meta, streamed in chunks: the front half of every newsbrief command.

Each chunk of raw documents is first shown to :meth:`Cleaner.observe` (batch statistics such as lines
recurring across an outlet's pages), then cleaned and described, in input order.  With ``workers``
> 1 the chunks are processed in a process pool; the output order is the same as with one worker.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "quake.txt").write_text(
...     "Strong quake hits central Chile\n\nSaturday, February 27, 2010\n\n"
...     "A strong earthquake struck central Chile on Saturday, damaging buildings in the capital. "
...     "Officials said rescue teams had been sent to the worst-hit towns.\n")
>>> [(a.title, a.published.isoformat()) for a in iter_articles([str(folder)], settings=Settings())]
[('Strong quake hits central Chile', '2010-02-27')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import BinaryIO

from newsbrief.clean import Cleaner
from newsbrief.ingest import PendingHtml, iter_documents
from newsbrief.ingest.records import NEWSBRIEF_RECORD
from newsbrief.meta import LanguageDetector, describe
from newsbrief.model import Article, RawDocument, Rejected
from newsbrief.serialize import article_from_dict
from newsbrief.settings import Settings

__all__ = ["DEFAULT_CHUNK_SIZE", "iter_articles", "process_chunk"]

DEFAULT_CHUNK_SIZE = 500
# A chunk also ends at this many characters of text/HTML, which bounds memory on large HTML pages.
CHUNK_CHARS = 20_000_000


def iter_articles(
    paths: Sequence[str],
    *,
    settings: Settings,
    stdin: BinaryIO | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    workers: int = 1,
) -> Iterator[Article | Rejected]:
    """Every input of ``paths`` as a clean :class:`Article` (or :class:`Rejected`), in input order.

    ``chunk_size`` documents are observed together by the cleaner, so batch-level statistics see
    that many documents at a time; ``workers`` > 1 cleans chunks in parallel processes (same output).
    Records written by ``newsbrief clean --format jsonl`` are read back as they were, not re-cleaned.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    # With workers, HTML pages are extracted (trafilatura, the costly part of HTML ingest) in the workers.
    documents = iter_documents(paths, options=settings.ingest, stdin=stdin, defer_html=workers > 1)
    chunks = _chunks(documents, chunk_size)
    if workers == 1:
        detector = LanguageDetector()
        for chunk in chunks:
            yield from process_chunk(chunk, settings=settings, detector=detector)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
        pending: list[Future[list[Article | Rejected]]] = []
        for chunk in chunks:
            pending.append(pool.submit(_worker_chunk, chunk, settings=settings))
            # At most one chunk per worker in flight besides the one being read: bounded memory, ordered output.
            while len(pending) > workers:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


# The one language detector of a worker process, made by the pool's initializer so that its
# profiles load once per process rather than once per chunk.  Only ever set inside worker processes.
_WORKER: dict[str, LanguageDetector] = {}


def _start_worker() -> None:
    _WORKER["detector"] = LanguageDetector()


def _worker_chunk(chunk: Sequence[RawDocument | Rejected | PendingHtml], *, settings: Settings) -> list[Article | Rejected]:
    return process_chunk(chunk, settings=settings, detector=_WORKER.get("detector"))


def _chunks(
    items: Iterable[RawDocument | Rejected | PendingHtml], size: int
) -> Iterator[list[RawDocument | Rejected | PendingHtml]]:
    """Chunks of at most ``size`` documents and about :data:`CHUNK_CHARS` characters (HTML pages are big)."""
    chunk: list[RawDocument | Rejected | PendingHtml] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += _chars(item)
        if len(chunk) >= size or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _chars(item: RawDocument | Rejected | PendingHtml) -> int:
    if isinstance(item, PendingHtml):
        return len(item.page)
    if isinstance(item, RawDocument):
        return len(item.text) + len(item.html or "")
    return 0


def process_chunk(
    chunk: Sequence[RawDocument | Rejected | PendingHtml],
    *,
    settings: Settings,
    detector: LanguageDetector | None = None,
) -> list[Article | Rejected]:
    """Clean and describe one chunk (a fresh :class:`Cleaner` observes the whole chunk first).

    Pure given its input: the same chunk gives the same articles in any process.  Pending HTML pages
    are extracted first.
    """
    detector = detector if detector is not None else LanguageDetector()
    documents = [item.extract() if isinstance(item, PendingHtml) else item for item in chunk]
    cleaner = Cleaner(options=settings.clean)
    for item in documents:
        if isinstance(item, RawDocument) and NEWSBRIEF_RECORD not in item.record_meta:
            cleaner.observe(item)
    out: list[Article | Rejected] = []
    for item in documents:
        if isinstance(item, Rejected):
            out.append(item)
        elif NEWSBRIEF_RECORD in item.record_meta:
            out.append(_read_back(item))
        else:
            out.append(_article(item, cleaner=cleaner, settings=settings, detector=detector))
    return out


def _read_back(raw: RawDocument) -> Article | Rejected:
    """A record of ``clean --format jsonl`` output: already clean, rebuilt as it was written."""
    try:
        return article_from_dict(json.loads(raw.record_meta[NEWSBRIEF_RECORD]))
    except (KeyError, TypeError, ValueError) as exc:
        return Rejected(raw.source, f"not a valid newsbrief record: {exc}")


def _article(raw: RawDocument, *, cleaner: Cleaner, settings: Settings, detector: LanguageDetector) -> Article | Rejected:
    cleaned = cleaner.clean(raw)
    if not cleaned.main.text.strip() and not cleaned.appended:
        return Rejected(raw.source, "no article text left after cleaning")
    return describe(raw, cleaned, options=settings.meta, detector=detector)
