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
from newsbrief.ingest.pages import PendingHtml, page_document
from newsbrief.model import RawDocument, Rejected

_HTML_TYPES = ("text/html", "application/xhtml")
_SPOOL_CHUNK = 1 << 20


def iter_warc(
    stream: BinaryIO, *, source: str, max_record_bytes: int, defer_html: bool = False
) -> Iterator[RawDocument | Rejected | PendingHtml]:
    """HTML response records of a (possibly gzipped) WARC stream as documents (``source#record N``).

    Non-HTML and non-200 responses are passed over silently (they are not articles); a truncated or
    unparseable record is a :class:`Rejected` and ends the file, since the reader cannot resynchronise.
    ``defer_html``: yield :class:`PendingHtml` pages instead of extracting them here.
    """
    if not _seekable(stream):
        # fastwarc needs a seekable stream (stdin is not): spool it to a temporary file on disk.
        with tempfile.TemporaryFile() as spool:
            shutil.copyfileobj(stream, spool, _SPOOL_CHUNK)
            spool.seek(0)
            yield from iter_warc(spool, source=source, max_record_bytes=max_record_bytes, defer_html=defer_html)
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
        yield page_document(page, source=url or where, url=url, defer=defer_html)


def _seekable(stream: BinaryIO) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False
