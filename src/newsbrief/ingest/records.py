"""JSON / JSONL news records → :class:`RawDocument`: the field names common news datasets use.

>>> doc = record_to_document({"headline": "Quake hits Chile", "maintext": "A quake hit.",
...                           "date_publish": "2010-02-27", "url": "https://x.org/a"}, source="f.jsonl#line 1")
>>> doc.text, doc.record_meta["title"], doc.record_meta["published"], doc.url
('A quake hit.', 'Quake hits Chile', '2010-02-27', 'https://x.org/a')
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsbrief.model import RawDocument, Rejected

TEXT_FIELDS = ("text", "body", "maintext", "content", "article", "article_body", "articleBody")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "date_publish", "date_published", "datePublished", "pubdate")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("outlet", "source_domain", "sitename", "publisher")
DATELINE_FIELDS = ("dateline",)
LANGUAGE_FIELDS = ("language", "lang")
# A record carrying these keys was written by ``newsbrief clean --format jsonl``: it is read back as is.
NEWSBRIEF_KEYS = frozenset({"id", "content_hash", "source", "text", "provenance"})
NEWSBRIEF_RECORD = "newsbrief_record"


def _first(record: Mapping[str, Any], names: Iterable[str], *, strip: bool = True) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip() if strip else value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


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
    text = _first(record, TEXT_FIELDS, strip=False) or _paragraph_list(record)
    if text is None:
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
