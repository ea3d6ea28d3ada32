r"""WARC files: HTML response records streamed with fastwarc, one record in memory at a time.

>>> import io
>>> body = b"<html><body><article><p>" + b"Rescuers reached the village on Monday. " * 6 + b"</p></article></body></html>"
>>> http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
>>> warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.org/a\r\n"
...         b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
...         b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n")
>>> [type(d).__name__ for d in iter_warc(io.BytesIO(warc), source="a.warc", max_record_bytes=10**6)]
['RawDocument']
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsbrief.ingest.decode import decode_bytes
from newsbrief.ingest.html import extract_html
from newsbrief.model import RawDocument, Rejected

_HTML_TYPES = ("text/html", "application/xhtml")
_SPOOL_CHUNK = 1 << 20


def iter_warc(stream: BinaryIO, *, source: str, max_record_bytes: int) -> Iterator[RawDocument | Rejected]:
    """HTML response records of a (possibly gzipped) WARC stream as documents (``source#record N``).

    Non-HTML and non-200 responses are passed over silently (they are not articles); a truncated or
    unparseable record is a :class:`Rejected` and ends the file, since the reader cannot resynchronise.
    """
    if not _seekable(stream):
        # fastwarc needs a seekable stream (stdin is not): spool it to a temporary file on disk.
        with tempfile.TemporaryFile() as spool:
            shutil.copyfileobj(stream, spool, _SPOOL_CHUNK)
            spool.seek(0)
            yield from iter_warc(spool, source=source, max_record_bytes=max_record_bytes)
        return
    number = 0
    records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except BaseException as exc:  # fastwarc raises OSError, or a Rust panic (BaseException)
            if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            yield Rejected(f"{source}#record {number + 1}", f"malformed WARC record: {type(exc).__name__}: {exc}")
            return
        number += 1
        where = f"{source}#record {number}"
        http = record.http_headers
        content_type = (http.get("Content-Type") or "") if http is not None else ""
        if http is None or http.status_code != 200 or not content_type.lower().startswith(_HTML_TYPES):
            continue
        if record.content_length > max_record_bytes:
            yield Rejected(where, f"WARC record of {record.content_length:,} bytes is over the {max_record_bytes:,}-byte cap")
            continue
        try:
            body = record.reader.read()
        except BaseException as exc:  # a Rust panic is a BaseException
            if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            yield Rejected(where, f"unreadable WARC record: {type(exc).__name__}: {exc}")
            return
        if len(body) < record.content_length:
            yield Rejected(where, f"truncated WARC record ({len(body):,} of {record.content_length:,} bytes)")
            continue
        url = record.headers.get("WARC-Target-URI") or None
        page = decode_bytes(body)
        if page is None:
            yield Rejected(where, "undecodable or binary HTML body")
            continue
        yield html_document(page, source=url or where, url=url)


def _seekable(stream: BinaryIO) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def html_document(page: str, *, source: str, url: str | None) -> RawDocument | Rejected:
    """An HTML page as a document: main text and metadata through :func:`extract_html`."""
    try:
        text, meta = extract_html(page, url=url)
    except Exception as exc:  # extraction must never stop a run; the page is reported instead
        return Rejected(source, f"HTML extraction failed: {type(exc).__name__}: {exc}")
    if not text.strip():
        return Rejected(source, "no article text found in the HTML page")
    return RawDocument(source=source, text=text, format="html", html=page, url=meta.get("url") or url, record_meta=meta)
