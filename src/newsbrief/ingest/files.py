r"""Paths and streams → documents: walking folders, choosing the reader by extension or content.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "b.txt").write_text("Second headline\n\nBody two.")
>>> _ = (folder / "a.txt").write_text("First headline\n\nBody one.")
>>> _ = (folder / ".hidden.txt").write_text("skipped")
>>> [d.text.split("\n")[0] for d in read_path(str(folder), options=IngestOptions())]
['First headline', 'Second headline']
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsbrief.ingest.decode import decode_text, looks_binary, sniff_text, stream_encoding
from newsbrief.ingest.pages import PendingHtml, page_document
from newsbrief.ingest.records import (
    CSV_DELIMITERS,
    csv_header_delimiter,
    iter_csv_records,
    iter_json_document,
    iter_json_lines,
)
from newsbrief.ingest.sgml import parse_sgml
from newsbrief.ingest.warc import iter_warc
from newsbrief.model import RawDocument, Rejected
from newsbrief.settings import IngestOptions

STDIN_SOURCE = "<stdin>"
_HTML_EXT = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_JSONL_EXT = frozenset({".jsonl", ".ndjson"})
_SGML_EXT = frozenset({".sgml", ".sgm"})
# Files that document a folder of articles rather than being articles (read only when named explicitly).
_FOLDER_DOCS = frozenset({"README", "LICENSE", "LICENCE", "ATTRIBUTION", "COPYING", "NOTICE", "SOURCES", "CHANGELOG"})
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096
_CSV_SNIFF_BYTES = 1 << 16
Document = RawDocument | Rejected | PendingHtml
# What reading a broken file or stream raises (gzip.BadGzipFile is an OSError).
_READ_ERRORS = (OSError, EOFError, zlib.error, ValueError)


def read_path(path: str, *, options: IngestOptions, defer_html: bool = False) -> Iterator[Document]:
    """Documents of one path: a file, or every visible file under a folder in sorted order.

    Walking a folder skips hidden files and folders and the folder's own documentation
    (``README``, ``LICENSE``, ``ATTRIBUTION`` … with any extension); a file named explicitly is read.
    """
    target = Path(path)
    if not target.exists():
        yield Rejected(path, "no such file or directory")
    elif target.is_dir():
        for file in _walk(target):
            if isinstance(file, Rejected):
                yield file
            else:
                yield from read_file(file, options=options, defer_html=defer_html)
    else:
        yield from read_file(path, options=options, defer_html=defer_html)


def is_folder_documentation(name: str) -> bool:
    """True for a folder's own documentation (README, LICENSE, ATTRIBUTION …), skipped when walking.

    >>> is_folder_documentation("ATTRIBUTION.md"), is_folder_documentation("M0020.txt")
    (True, False)
    """
    return name.split(".", 1)[0].upper() in _FOLDER_DOCS


def _walk(folder: Path, seen: set[str] | None = None) -> Iterator[str | Rejected]:
    """Visible files under ``folder`` in sorted order (as ``str(Path(...))``); an unreadable folder is a :class:`Rejected`.

    Symbolic links to folders are followed once (a link back to an ancestor is not walked again).
    """
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    normal = str(folder) != "."
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Rejected(str(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.startswith("__"):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path), seen)
        elif entry.is_file() and not is_folder_documentation(entry.name):
            # entry.path is "<folder>/<name>", already in Path's normal form unless the folder is "."
            # ("./name" becomes "name"): no Path object per file (its parsing cost more than the read).
            yield entry.path if normal else str(Path(entry.path))


def _kind(name: str) -> tuple[str, bool]:
    """(extension without ``.gz``, gzipped?) of a file name, lower case."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    dot = lower.rfind(".")  # Path(lower).suffix, without building a Path
    return (lower[dot:] if 0 < dot < len(lower) - 1 else ""), gz


def read_file(path: str, *, options: IngestOptions, defer_html: bool = False) -> Iterator[Document]:
    """Documents of one file, by extension (``.warc``, ``.jsonl``, ``.json``, ``.html`` …) or content."""
    name = os.path.basename(path)
    ext, gz = _kind(name if name and name != "." else Path(path).name)  # Path(path).name, cheaply
    try:
        if ext in (".warc", ".arc"):
            with open(path, "rb") as stream:
                yield from iter_warc(stream, source=path, max_record_bytes=options.max_record_bytes, defer_html=defer_html)
            return
        if ext in _JSONL_EXT:
            with gzip.open(path, "rb") if gz else open(path, "rb") as stream:
                yield from iter_json_lines(stream, source=path, max_record_bytes=options.max_record_bytes)
            return
        if ext in CSV_DELIMITERS:
            with gzip.open(path, "rb") if gz else open(path, "rb") as stream:
                yield from _csv_records(stream, source=path, delimiter=CSV_DELIMITERS[ext], options=options)
            return
        size = os.path.getsize(path)
        if size == 0:
            yield Rejected(path, "empty file")
            return
        # A plain file over the cap is rejected without reading it; a gzipped one is capped after
        # decompression (read at most one byte past the cap).
        limit = None if ext == ".json" else options.max_file_bytes
        if limit is not None and not gz and size > limit:
            yield Rejected(path, f"file of {size:,} bytes is over the {limit:,}-byte cap")
            return
        with open(path, "rb") as stream:
            data = _read_capped(gzip.GzipFile(fileobj=stream) if gz else stream, limit, expected=None if gz else size)
    except _READ_ERRORS as exc:
        yield Rejected(path, f"cannot read: {type(exc).__name__}: {exc}")
        return
    if limit is not None and len(data) > limit:
        yield Rejected(path, f"file is over the {limit:,}-byte cap once decompressed")
        return
    yield from _read_bytes(data, source=path, ext=ext, defer_html=defer_html)


def _csv_records(stream: BinaryIO | gzip.GzipFile, *, source: str, delimiter: str, options: IngestOptions) -> Iterator[Document]:
    """A CSV/TSV file's rows, streamed; its encoding guessed from its first 64 KiB (UTF-8 first)."""
    buffered = io.BufferedReader(_Raw(stream), buffer_size=_CSV_SNIFF_BYTES)
    head = buffered.peek(_CSV_SNIFF_BYTES)[:_CSV_SNIFF_BYTES]
    if not head.strip():
        yield Rejected(source, "empty file")
        return
    if looks_binary(head):
        yield Rejected(source, "binary file (not text)")
        return
    encoding = stream_encoding(head)
    if encoding is None:
        yield Rejected(source, "undecodable: neither UTF-8 nor a detectable text encoding")
        return
    yield from iter_csv_records(
        buffered, source=source, delimiter=delimiter, max_record_bytes=options.max_record_bytes, encoding=encoding
    )


def _read_capped(stream: BinaryIO | gzip.GzipFile, limit: int | None, *, expected: int | None = None) -> bytes:
    """At most ``limit + 1`` bytes of ``stream`` (all of it without a limit).

    ``read(limit + 1)`` allocates a buffer of the full cap (10 MiB) for every small file, which costs
    more than reading it; with the file's size known, read that much first (and go on only if the
    file grew meanwhile).  Same bytes either way.
    """
    if limit is None:
        return stream.read()
    if expected is None or expected >= limit:
        return stream.read(limit + 1)
    data = stream.read(expected + 1)
    if len(data) <= expected:
        return data
    return data + stream.read(limit + 1 - len(data))


def _read_bytes(data: bytes, *, source: str, ext: str, defer_html: bool = False) -> Iterator[Document]:
    """Documents of a whole file's bytes, the reader chosen by extension and then by content."""
    if not data or data.isspace():  # not data.strip(), without copying the data
        yield Rejected(source, "empty file")
        return
    if looks_binary(data):
        yield Rejected(source, "binary file (not text)")
        return
    text = decode_text(data)  # decode_bytes without its second binary check
    if text is None:
        yield Rejected(source, "undecodable: neither UTF-8 nor a detectable text encoding")
        return
    if not text or text.isspace():  # not text.strip(), without copying the text
        yield Rejected(source, "empty file")
        return
    sniffed = sniff_text(text)
    delimiter = None
    if not ext and sniffed == "text":
        newline = text.find("\n")  # the first line sliced out (split() would copy the whole text)
        delimiter = csv_header_delimiter(text if newline < 0 else text[:newline])
    if delimiter is not None:  # an extension-less CSV (stdin): a header row naming a text column
        yield from iter_csv_records(
            io.BytesIO(text.encode()), source=source, delimiter=delimiter, max_record_bytes=len(data) + 1, encoding="utf-8"
        )
    elif ext in _HTML_EXT or (sniffed == "html" and ext not in (".txt", ".json")):
        yield page_document(text, source=source, url=None, defer=defer_html)
    elif ext in _SGML_EXT or sniffed == "sgml":
        yield from _sgml_documents(text, source=source)
    elif ext == ".json":
        yield from iter_json_document(text, source=source)
    elif sniffed == "json" and ext != ".txt":
        docs = list(iter_json_document(text, source=source))
        if len(docs) == 1 and isinstance(docs[0], Rejected) and docs[0].reason.startswith("malformed JSON"):
            # Not JSON after all (a text starting with "[" …): a JSONL file, or plain text.
            lines = list(iter_json_lines(io.BytesIO(data), source=source, max_record_bytes=len(data) + 1))
            if lines and all(isinstance(d, RawDocument) for d in lines):
                yield from lines
            else:
                yield RawDocument(source=source, text=text, format="text")
        else:
            yield from docs
    else:
        yield RawDocument(source=source, text=text, format="text")


def _sgml_documents(text: str, *, source: str) -> Iterator[Document]:
    found = False
    for doc in parse_sgml(text):
        found = True
        where = f"{source}#{doc.docno or f'doc {doc.index}'}"
        if not doc.text.strip():
            yield Rejected(where, "SGML document without text")
            continue
        meta = {
            key: value
            for key, value in (
                ("title", doc.headline),
                ("published", doc.date),
                ("dateline", doc.dateline),
                ("docno", doc.docno),
            )
            if value
        }
        yield RawDocument(source=where, text=doc.text, format="sgml", record_meta=meta)
    if not found:
        yield Rejected(source, "SGML file without a <DOC> element")


def read_stream(
    stream: BinaryIO, *, source: str, options: IngestOptions, defer_html: bool = False
) -> Iterator[Document]:
    """Documents of a binary stream (stdin), its format sniffed from the first bytes.

    WARC and JSONL are streamed; anything else is read whole, up to ``options.max_file_bytes``.
    A stream that breaks (bad gzip data …) ends with a :class:`Rejected`.
    """
    try:
        yield from _read_stream(stream, source=source, options=options, defer_html=defer_html)
    except _READ_ERRORS as exc:
        yield Rejected(source, f"cannot read: {type(exc).__name__}: {exc}")


def _read_stream(stream: BinaryIO, *, source: str, options: IngestOptions, defer_html: bool) -> Iterator[Document]:
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(_Raw(stream))
    head = buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    if head.startswith(_GZIP_MAGIC):
        inner = gzip.GzipFile(fileobj=buffered)
        yield from _read_stream(inner, source=source, options=options, defer_html=defer_html)  # type: ignore[arg-type]
        return
    if head.startswith(b"WARC/"):
        yield from iter_warc(buffered, source=source, max_record_bytes=options.max_record_bytes, defer_html=defer_html)
        return
    first_line = head.split(b"\n", 1)[0].strip()
    if first_line.startswith(b"{") and first_line.endswith(b"}"):
        yield from iter_json_lines(buffered, source=source, max_record_bytes=options.max_record_bytes)
        return
    data = buffered.read(options.max_file_bytes + 1)
    if len(data) > options.max_file_bytes:
        yield Rejected(source, f"input is over the {options.max_file_bytes:,}-byte cap")
        return
    yield from _read_bytes(data, source=source, ext="", defer_html=defer_html)


class _Raw(io.RawIOBase):
    """Adapts any object with ``read(n)`` to :class:`io.RawIOBase` so it can be buffered and peeked."""

    def __init__(self, stream: BinaryIO | gzip.GzipFile) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self._stream.read(len(buffer))
        if not chunk:
            return 0
        buffer[: len(chunk)] = chunk
        return len(chunk)
