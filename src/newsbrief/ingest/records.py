"""JSON / JSONL / CSV news records → :class:`RawDocument`: the field names common news datasets use.

>>> doc = record_to_document({"headline": "Quake hits Chile", "maintext": "A quake hit.",
...                           "date_publish": "2010-02-27", "url": "https://x.org/a"}, source="f.jsonl#line 1")
>>> doc.text, doc.record_meta["title"], doc.record_meta["published"], doc.url
('A quake hit.', 'Quake hits Chile', '2010-02-27', 'https://x.org/a')
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from newsbrief.model import RawDocument, Rejected

TEXT_FIELDS = ("text", "body", "maintext", "content", "article", "article_body", "articleBody")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "date_publish", "date_published", "datePublished", "pubdate")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("outlet", "source_domain", "sitename", "publisher", "publication")
DATELINE_FIELDS = ("dateline",)
LANGUAGE_FIELDS = ("language", "lang")
# A record carrying these keys was written by ``newsbrief clean --format jsonl``: it is read back as is.
NEWSBRIEF_KEYS = frozenset({"id", "content_hash", "source", "text", "provenance"})
NEWSBRIEF_RECORD = "newsbrief_record"


def _first(record: Mapping[str, Any], names: Iterable[str], *, strip: bool = True, numbers: bool = True) -> str | None:
    """The first of ``names`` holding text (or, with ``numbers``, a number, as a date or a title may be)."""
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip() if strip else value
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


_JSON_KINDS = {int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "an object"}


def _paragraph_list(record: Mapping[str, Any]) -> str | None:
    """A text field holding the body as a list of paragraph strings (as some datasets store it), joined."""
    for name in TEXT_FIELDS:
        value = record.get(name)
        if isinstance(value, list) and value and all(isinstance(p, str) for p in value):
            text = "\n\n".join(p.strip() for p in value if p.strip())
            if text:
                return text
    return None


def record_to_document(record: Any, *, source: str) -> RawDocument | Rejected:
    """One JSON record as a document, or :class:`Rejected` when it is not an object with a text field."""
    if not isinstance(record, Mapping):
        return Rejected(source, f"JSON record is a {type(record).__name__}, not an object")
    # a string, or a list of paragraph strings; never a number ({"text": 5} would be briefed as the article "5")
    text = _first(record, TEXT_FIELDS, strip=False, numbers=False) or _paragraph_list(record)
    if text is None:
        present = next((name for name in TEXT_FIELDS if record.get(name) is not None), None)
        if present is not None:
            value = record[present]
            if isinstance(value, str) or (isinstance(value, list) and all(isinstance(p, str) for p in value)):
                return Rejected(source, f"JSON record's {present!r} field is empty")
            kind = _JSON_KINDS.get(type(value), type(value).__name__)
            return Rejected(source, f"JSON record's {present!r} field holds {kind}, not text")
        return Rejected(source, f"JSON record has no text field (one of: {', '.join(TEXT_FIELDS)})")
    meta: dict[str, str] = {}
    for key, names in (
        ("title", TITLE_FIELDS),
        ("published", DATE_FIELDS),
        ("url", URL_FIELDS),
        ("outlet", OUTLET_FIELDS),
        ("dateline", DATELINE_FIELDS),
        ("language", LANGUAGE_FIELDS),
    ):
        value = _first(record, names)
        if value is not None:
            meta[key] = value
    if NEWSBRIEF_KEYS <= record.keys():
        meta[NEWSBRIEF_RECORD] = json.dumps(record, ensure_ascii=False)
        source = str(record["source"]) or source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return RawDocument(source=source, text=text, format="json", url=meta.get("url"), record_meta=meta)


def iter_json_lines(lines: Iterable[bytes], *, source: str, max_record_bytes: int) -> Iterator[RawDocument | Rejected]:
    """Records of a JSONL stream (``source#line N``); a bad line is a :class:`Rejected`, the rest goes on."""
    for number, line in enumerate(lines, 1):
        where = f"{source}#line {number}"
        if not line.strip():
            continue
        if len(line) > max_record_bytes:
            yield Rejected(where, f"JSON line of {len(line):,} bytes is over the {max_record_bytes:,}-byte cap")
            continue
        try:
            record = json.loads(line)
        except (UnicodeDecodeError, ValueError) as exc:
            yield Rejected(where, f"malformed JSON line: {exc}")
            continue
        yield record_to_document(record, source=where)


def iter_json_document(text: str, *, source: str) -> Iterator[RawDocument | Rejected]:
    """Records of a whole JSON document: one object, or a list of objects (``source#record N``)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield Rejected(source, f"malformed JSON: {exc}")
        return
    if isinstance(data, list):
        for number, record in enumerate(data, 1):
            yield record_to_document(record, source=f"{source}#record {number}")
    elif isinstance(data, Mapping) and _first(data, TEXT_FIELDS) is None and isinstance(data.get("articles"), list):
        for number, record in enumerate(data["articles"], 1):
            yield record_to_document(record, source=f"{source}#record {number}")
    else:
        yield record_to_document(data, source=source)


#: Delimiter of each CSV-like extension.
CSV_DELIMITERS = {".csv": ",", ".tsv": "\t"}
_ALIASES = {
    name.lower(): name
    for names in (TEXT_FIELDS, TITLE_FIELDS, DATE_FIELDS, URL_FIELDS, OUTLET_FIELDS, DATELINE_FIELDS, LANGUAGE_FIELDS)
    for name in names
}


def iter_csv_records(
    stream: BinaryIO, *, source: str, delimiter: str, max_record_bytes: int, encoding: str = "utf-8-sig"
) -> Iterator[RawDocument | Rejected]:
    r"""Rows of a CSV/TSV file with a header row (``source#row N``), read as records with JSON's field names.

    Header names match case-insensitively (``Title``, ``CONTENT``).  Streamed row by row (no size cap on
    the file).  A row over ``max_record_bytes``, with another number of fields than the header, with an
    empty text column or with bytes that are not ``encoding`` (the caller's guess from the file's first
    bytes) is a :class:`Rejected` and the rest goes on; a file without a text column, or that the csv
    module cannot parse any further, stops with one.  Rows count from the first after the header (a
    quoted field may span lines: they are not line numbers).

    >>> rows = b'Title,Content,Date\r\nQuake hits Chile,"A quake hit.\n\nMore.",2010-02-27\r\n'
    >>> [(d.source, d.text, d.record_meta["title"]) for d in iter_csv_records(io.BytesIO(rows),
    ...     source="n.csv", delimiter=",", max_record_bytes=1000)]
    [('n.csv#row 1', 'A quake hit.\n\nMore.', 'Quake hits Chile')]
    >>> next(iter_csv_records(io.BytesIO(b"a,b\n1,2\n"), source="x.csv", delimiter=",", max_record_bytes=9)).reason
    'CSV has no text column (one of: text, body, maintext, content, article, article_body, articleBody); its columns: a, b'
    """
    # the csv module's field limit is process-wide; an article may be longer than its default 128 KiB
    csv.field_size_limit(max(csv.field_size_limit(), min(max_record_bytes, sys.maxsize)))
    damaged = [0]  # lines that did not decode (read with replacement characters)
    reader = csv.reader(_decoded_lines(stream, encoding, damaged), delimiter=delimiter)
    number, seen = 0, 0
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
        if header is None:
            yield Rejected(source, "empty file")
            return
        names = [_ALIASES.get(h.strip().lower(), h.strip()) for h in header]
        if not set(names) & set(TEXT_FIELDS):
            columns = ", ".join(h.strip() for h in header)[:200]
            yield Rejected(source, f"CSV has no text column (one of: {', '.join(TEXT_FIELDS)}); its columns: {columns}")
            return
        seen = damaged[0]
        for number, row in enumerate(reader, 1):
            where = f"{source}#row {number}"
            # the reader reads a row's lines when it yields the row, never further
            broken, seen = damaged[0] > seen, damaged[0]
            if not any(cell.strip() for cell in row):
                continue
            if broken:
                yield Rejected(where, f"undecodable CSV row: bytes that are not {encoding}")
                continue
            if len(row) != len(names):
                yield Rejected(where, f"CSV row has {len(row)} fields, its header {len(names)}")
                continue
            size = sum(len(cell.encode("utf-8", "replace")) for cell in row)
            if size > max_record_bytes:
                yield Rejected(where, f"CSV row of {size:,} bytes is over the {max_record_bytes:,}-byte cap")
                continue
            record = dict(zip(names, row, strict=True))
            if _first(record, TEXT_FIELDS) is None:
                yield Rejected(where, "CSV row has an empty text column")
                continue
            yield record_to_document(record, source=where)
    except (csv.Error, UnicodeDecodeError) as exc:
        yield Rejected(f"{source}#row {number + 1}", f"malformed CSV: {exc}; the rest of the file is skipped")


def csv_header_delimiter(line: str) -> str | None:
    r"""The delimiter (``,`` or tab) of ``line`` when it reads as a CSV/TSV header naming a text column, else ``None``.

    For input without an extension (stdin): an article's first line is never a short list of column names
    one of which is ``text``, ``body``, ``content`` ….

    >>> csv_header_delimiter("title,text,date"), csv_header_delimiter("Headline\tBody"), csv_header_delimiter("Body, text and more")
    (',', '\t', None)
    """
    for delimiter in (",", "\t"):
        cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter), [])]
        if len(cells) >= 2 and all(0 < len(c) <= 40 for c in cells):
            if {_ALIASES.get(c.lower()) for c in cells} & set(TEXT_FIELDS) and all(" " not in c for c in cells):
                return delimiter
    return None


def _decoded_lines(stream: BinaryIO, encoding: str, damaged: list[int]) -> Iterator[str]:
    """``stream``'s lines decoded one by one (line ends kept, as the csv module needs).

    ``damaged`` counts those that do not decode (they are read with replacement characters).

    UTF-16/32 lines cannot be split on the byte ``\n``: those files are decoded as a whole stream, and
    a decoding error there stops the file (:class:`UnicodeDecodeError`).
    """
    if encoding.startswith(("utf-16", "utf-32")):
        yield from io.TextIOWrapper(stream, encoding=encoding, newline="")
        return
    for raw in stream:
        try:
            yield raw.decode(encoding)
        except UnicodeDecodeError:
            damaged[0] += 1
            yield raw.decode(encoding, "replace")
