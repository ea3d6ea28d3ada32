r"""Ingest: files, folders, stdin → :class:`RawDocument` (or :class:`Rejected`), streamed.

Formats: plain text, HTML (trafilatura), JSON / JSONL records, TREC/DUC/LDC SGML newswire, WARC
(fastwarc), each optionally gzipped (``.gz``).  Bad input never raises: it comes back as
``Rejected(source, reason)`` and the stream goes on.

>>> import io
>>> stdin = io.BytesIO(b'{"title": "Quake hits Chile", "text": "A quake hit Chile."}\n{bad json\n')
>>> [type(d).__name__ for d in read_inputs(["-"], options=IngestOptions(), stdin=stdin)]
['RawDocument', 'Rejected']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from newsbrief.ingest.files import STDIN_SOURCE, read_path, read_stream
from newsbrief.ingest.pages import PendingHtml
from newsbrief.model import RawDocument, Rejected
from newsbrief.settings import IngestOptions

__all__ = ["STDIN_SOURCE", "PendingHtml", "iter_documents", "read_inputs"]


def read_inputs(
    paths: Sequence[str], *, options: IngestOptions, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Rejected]:
    """Every document of ``paths`` in order; folders are walked recursively in sorted order.

    ``-`` reads ``stdin`` (format sniffed from the content).  Hidden files and folders are skipped.
    """
    for item in iter_documents(paths, options=options, stdin=stdin, defer_html=False):
        yield item.extract() if isinstance(item, PendingHtml) else item  # nothing is deferred here


def iter_documents(
    paths: Sequence[str], *, options: IngestOptions, stdin: BinaryIO | None = None, defer_html: bool = False
) -> Iterator[RawDocument | Rejected | PendingHtml]:
    """:func:`read_inputs`, optionally leaving HTML extraction for later (:meth:`PendingHtml.extract`).

    The pipeline defers extraction when it cleans in worker processes, so that trafilatura runs there.
    """
    for path in paths:
        if path == "-":
            if stdin is None:
                yield Rejected(STDIN_SOURCE, "stdin requested but no stdin stream given")
            else:
                yield from read_stream(stdin, source=STDIN_SOURCE, options=options, defer_html=defer_html)
        else:
            yield from read_path(path, options=options, defer_html=defer_html)
