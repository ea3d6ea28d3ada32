"""Articles ↔ plain dicts: the JSON / JSONL schema of ``newsbrief clean`` (also an ingest input).

Keys: ``id, content_hash, source, url, title, outlet, dateline, published`` (ISO date or null),
``provenance`` (field → where its value came from), ``language, text``, ``removed`` (list of
``{"line", "reason", "line_no"}``), ``appended`` (split-off articles with the same keys).

>>> from newsbrief.model import Article, Removal
>>> a = Article(id="1", content_hash="2", source="a.txt", title="T", text="Body.",
...             removed=(Removal("Share this", "share prompt", 4),))
>>> d = article_to_dict(a)
>>> d["removed"], d["published"]
([{'line': 'Share this', 'reason': 'share prompt', 'line_no': 4}], None)
>>> article_from_dict(d) == a
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from newsbrief.model import Article, Removal

__all__ = ["SCHEMA_KEYS", "article_from_dict", "article_to_dict"]

SCHEMA_KEYS = (
    "id",
    "content_hash",
    "source",
    "url",
    "title",
    "outlet",
    "dateline",
    "published",
    "provenance",
    "language",
    "text",
    "removed",
    "appended",
)


def article_to_dict(article: Article) -> dict[str, Any]:
    """The article as a JSON-ready dict with the keys of :data:`SCHEMA_KEYS`, in that order."""
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "dateline": article.dateline,
        "published": article.published.isoformat() if article.published else None,
        "provenance": dict(article.provenance),
        "language": article.language,
        "text": article.text,
        "removed": [{"line": r.line, "reason": r.reason, "line_no": r.line_no} for r in article.removed],
        "appended": [article_to_dict(part) for part in article.appended],
    }


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """Inverse of :func:`article_to_dict`; raises ``KeyError``/``ValueError``/``TypeError`` on a bad dict."""
    published = data.get("published")
    provenance = data.get("provenance") or {}
    if not isinstance(provenance, Mapping):
        raise TypeError(f"provenance must be an object, got {type(provenance).__name__}")
    return Article(
        id=str(data["id"]),
        content_hash=str(data["content_hash"]),
        source=str(data["source"]),
        title=_optional(data.get("title")),
        text=str(data["text"]),
        outlet=_optional(data.get("outlet")),
        dateline=_optional(data.get("dateline")),
        published=dt.date.fromisoformat(published) if published else None,
        language=_optional(data.get("language")),
        url=_optional(data.get("url")),
        provenance={str(k): str(v) for k, v in provenance.items()},
        removed=tuple(
            Removal(line=str(r["line"]), reason=str(r["reason"]), line_no=int(r.get("line_no", 0)))
            for r in data.get("removed") or ()
        ),
        appended=tuple(article_from_dict(part) for part in data.get("appended") or ()),
    )


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)
