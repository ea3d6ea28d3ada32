"""The JSON form of a briefing: the stable, documented schema (``docs/briefing.md``).

``{"stories": [story, ...]}`` where each story is :func:`briefing_to_dict`; every ``spans`` entry is
``[article_id, start, end]`` with offsets into that article's clean text.

>>> from newsbrief.model import Briefing, Story, SummarySentence, Span
>>> b = Briefing(Story("s1", ("a",)), "Title", (SummarySentence("Hi.", (Span("a", 0, 3),), ("a",), 1),),
...              (), (), (), (), (), (), {})
>>> briefing_to_dict(b)["summary"]
[{'text': 'Hi.', 'sources': ['a'], 'support': 1, 'spans': [['a', 0, 3]]}]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsbrief.model import Article, Briefing, Span

SCHEMA_VERSION = 1


def _spans(spans: Sequence[Span]) -> list[list[Any]]:
    return [[s.article_id, s.start, s.end] for s in spans]


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _source(article: Article, duplicate_of: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": _date(article.published),
        "language": article.language,
        "url": article.url,
        "duplicate_of": duplicate_of,
    }


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    """One story's briefing as plain JSON-ready data (the schema in ``docs/briefing.md``)."""
    canonical = {m: g.canonical_id for g in b.story.duplicate_groups for m in g.member_ids}
    source_ids = {a.id for a in b.sources}
    return {
        "id": b.story.id,
        "headline": b.headline,
        "first_published": _date(b.story.first_published),
        "last_published": _date(b.story.last_published),
        "summary": [
            {"text": s.text, "sources": list(s.article_ids), "support": s.support, "spans": _spans(s.spans)}
            for s in b.summary
        ],
        "timeline": [
            {
                "date": e.date.isoformat()[:7] if e.precision == "month" else e.date.isoformat(),
                "text": e.text,
                "sources": list(e.article_ids),
                "spans": _spans(e.spans),
                "ahead": e.ahead,
            }
            for e in b.timeline
        ],
        "entities": [
            {
                "name": e.name,
                "kind": e.kind,
                "variants": list(e.variants),
                "sources": list(e.article_ids),
                "mentions": e.mentions,
                "role": e.role,
            }
            for e in b.entities
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "sources": list(q.article_ids),
                "variants": list(q.variants),
                "spans": _spans(q.spans),
            }
            for q in b.quotes
        ],
        "discrepancies": [
            {
                "kind": d.kind,
                "subject": d.subject,
                "values": {v: list(ids) for v, ids in d.values.items()},
                "evidence": {
                    v: [{"text": s.text, "source": s.span.article_id} for s in sentences]
                    for v, sentences in d.evidence.items()
                },
                "spans": _spans([s.span for sentences in d.evidence.values() for s in sentences]),
            }
            for d in b.discrepancies
        ],
        "exclusive": [{"text": x.text, "sources": list(x.article_ids), "spans": _spans(x.spans)} for x in b.exclusive],
        "sources": [
            _source(a, canonical.get(a.id) if canonical.get(a.id) not in (None, a.id) else None) for a in b.sources
        ],
        # in the sources' order (the order of their numbers in every rendering)
        "removed": {
            **{a.id: b.removed[a.id] for a in b.sources if a.id in b.removed},
            **{aid: n for aid, n in b.removed.items() if aid not in source_ids},
        },
        "removed_lines": {
            a.id: [{"line": r.line, "reason": r.reason, "line_no": r.line_no} for r in a.removed]
            for a in b.sources
            if a.removed
        },
        "left_out": [{"id": a.id, "source": a.source, "title": a.title} for a in b.left_out],
    }


def briefings_to_json(briefings: Sequence[Briefing | dict[str, Any]]) -> dict[str, Any]:
    """``{"schema": 1, "stories": [...]}`` from briefings (or their dicts, e.g. cached in the store)."""
    stories = [b if isinstance(b, dict) else briefing_to_dict(b) for b in briefings]
    return {"schema": SCHEMA_VERSION, "stories": stories}
