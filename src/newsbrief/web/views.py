r"""View models: plain dicts built from store objects for the templates and the JSON API (no web framework).

The story page marks, in each source's text, the sentences cited by each briefing item, so that a click
on a citation can highlight them: :func:`cited_segments` cuts the text at every cited span boundary.

>>> from newsbrief.model import Article
>>> art = Article("a1", "h", "a.txt", "T", "One fact. Two facts.\n\nThird.")
>>> cited_segments(art, [("s0", 10, 20)])
[[('One fact. ', ''), ('Two facts.', 's0')], [('Third.', '')]]
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsbrief.model import Article, Story
from newsbrief.serialize import article_to_dict
from newsbrief.text import paragraphs

#: Briefing sections whose items carry spans, and the citation-key prefix of each.
SPAN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "s"),
    ("timeline", "t"),
    ("quotes", "q"),
    ("exclusive", "x"),
    ("discrepancies", "d"),
)


def iso(value: dt.date | None) -> str | None:
    """ISO date or ``None``.

    >>> iso(dt.date(2024, 5, 1)), iso(None)
    ('2024-05-01', None)
    """
    return value.isoformat() if value is not None else None


def parse_span(span: Any) -> tuple[str, int, int] | None:
    """A span from a briefing dict: ``[id, start, end]`` or ``{"article_id", "start", "end"}``.

    >>> parse_span(["a", 1, 4]), parse_span({"article_id": "a", "start": 1, "end": 4}), parse_span("x")
    (('a', 1, 4), ('a', 1, 4), None)
    """
    if isinstance(span, Mapping):
        aid, start, end = span.get("article_id") or span.get("id"), span.get("start"), span.get("end")
    elif isinstance(span, Sequence) and not isinstance(span, str) and len(span) == 3:
        aid, start, end = span
    else:
        return None
    if not isinstance(aid, str) or not isinstance(start, int) or not isinstance(end, int):
        return None
    return aid, start, end


def citation_spans(briefing: Mapping[str, Any]) -> dict[str, list[tuple[str, int, int]]]:
    """Per article id, the ``(key, start, end)`` of every span a briefing item cites (key ``s0``, ``t3`` …).

    >>> citation_spans({"summary": [{"text": "x", "spans": [["a", 0, 3]]}]})
    {'a': [('s0', 0, 3)]}
    """
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for section, prefix in SPAN_SECTIONS:
        for index, item in enumerate(briefing.get(section) or ()):
            for raw in item.get("spans") or ():
                span = parse_span(raw)
                if span is not None:
                    out[span[0]].append((f"{prefix}{index}", span[1], span[2]))
    return dict(out)


def cited_segments(article: Article, spans: Iterable[tuple[str, int, int]]) -> list[list[tuple[str, str]]]:
    """The article's paragraphs, each cut into ``(text, citation keys)`` pieces at every cited span boundary.

    Spans outside the text are ignored; overlapping spans give pieces carrying several keys.
    """
    text = article.text
    starts: dict[int, list[str]] = defaultdict(list)
    ends: dict[int, list[str]] = defaultdict(list)
    for key, start, end in spans:
        if 0 <= start < end <= len(text):
            starts[start].append(key)
            ends[end].append(key)
    cuts = sorted(set(starts) | set(ends))
    # One sweep over the cut points with the set of spans open at each point (spans may overlap).
    active: Counter[str] = Counter()
    open_at: dict[int, str] = {}
    for cut in cuts:
        for key in ends.get(cut, ()):
            active[key] -= 1
            if not active[key]:
                del active[key]
        for key in starts.get(cut, ()):
            active[key] += 1
        open_at[cut] = " ".join(sorted(active))
    out: list[list[tuple[str, str]]] = []
    index = 0
    for pstart, pend in paragraphs(text):
        while index < len(cuts) and cuts[index] <= pstart:
            index += 1
        keys = open_at[cuts[index - 1]] if index else ""
        bounds = [pstart]
        labels = [keys]
        j = index
        while j < len(cuts) and cuts[j] < pend:
            bounds.append(cuts[j])
            labels.append(open_at[cuts[j]])
            j += 1
        bounds.append(pend)
        pieces: list[tuple[str, str]] = []
        for start, end, label in zip(bounds, bounds[1:], labels, strict=False):
            if start == end:
                continue
            if pieces and pieces[-1][1] == label:
                pieces[-1] = (pieces[-1][0] + text[start:end], label)
            else:
                pieces.append((text[start:end], label))
        out.append(pieces)
    return out


def story_summary_row(
    story: Story, *, outlets: Sequence[str], summary: str, headline: str | None = None
) -> dict[str, Any]:
    """One row of the stories list (the JSON schema of ``newsbrief stories`` plus outlets and a summary)."""
    return {
        "id": story.id,
        "headline": headline or story.headline,
        "articles": len(story.article_ids),
        "independent_sources": len(story.duplicate_groups) or len(story.article_ids),
        "first_published": iso(story.first_published),
        "last_published": iso(story.last_published),
        "article_ids": list(story.article_ids),
        "outlets": list(outlets),
        "summary": summary,
    }


def lead_text(text: str, *, max_chars: int = 260) -> str:
    """The opening of a text, cut at a word boundary, for the two-line summary of a story row.

    >>> lead_text("Alpha beta gamma delta", max_chars=12)
    'Alpha beta …'
    """
    flat = " ".join(text.split())
    if len(flat) <= max_chars:
        return flat
    cut = flat[:max_chars].rsplit(" ", 1)[0]
    return cut + " …"


def story_dict(story: Story, articles: Mapping[str, Article]) -> dict[str, Any]:
    """The ``newsbrief story`` JSON schema (issue 3): articles with ``duplicate_of``, duplicate groups."""
    canonical_of = {
        member: group.canonical_id
        for group in story.duplicate_groups
        for member in group.member_ids
        if member != group.canonical_id
    }
    rows = []
    for aid in story.article_ids:
        art = articles.get(aid)
        rows.append(
            {
                "id": aid,
                "source": art.source if art else None,
                "outlet": art.outlet if art else None,
                "title": art.title if art else None,
                "published": iso(art.published) if art else None,
                "duplicate_of": canonical_of.get(aid),
            }
        )
    return {
        "id": story.id,
        "headline": story.headline,
        "first_published": iso(story.first_published),
        "last_published": iso(story.last_published),
        "articles": rows,
        "duplicate_groups": [
            {"canonical": g.canonical_id, "members": [{"id": m, "similarity": round(s, 4)} for m, s in g.members]}
            for g in story.duplicate_groups
        ],
    }


def source_panel(story: Story, briefing: Mapping[str, Any], articles: Mapping[str, Article]) -> list[dict[str, Any]]:
    """Sources in display order (briefing order first, syndicated copies right after their canonical copy)."""
    listed = [str(s.get("id")) for s in briefing.get("sources") or () if isinstance(s, Mapping)]
    order = [aid for aid in listed if aid in articles]
    order += [aid for aid in story.article_ids if aid in articles and aid not in order]
    canonical_of = {
        m: g.canonical_id for g in story.duplicate_groups for m in g.member_ids if m != g.canonical_id
    }
    copies: dict[str, list[str]] = defaultdict(list)
    for aid in order:
        if aid in canonical_of and canonical_of[aid] in articles:
            copies[canonical_of[aid]].append(aid)
    ordered: list[str] = []
    for aid in order:
        if aid in canonical_of and canonical_of[aid] in articles:
            continue
        ordered.append(aid)
        ordered.extend(copies.get(aid, ()))
    rows = []
    for aid in ordered:
        art = articles[aid]
        rows.append(
            {
                "id": aid,
                "source": art.source,
                "outlet": art.outlet,
                "title": art.title,
                "published": iso(art.published),
                "language": art.language,
                "duplicate_of": canonical_of.get(aid),
                "also": [articles[c].outlet or articles[c].source for c in copies.get(aid, ())],
            }
        )
    return rows


def article_dict(article: Article, *, stories: Sequence[str] = ()) -> dict[str, Any]:
    """An article for the article page and ``/api/articles/{id}``: text, metadata, provenance, residue.

    The ``clean --format jsonl`` record (:func:`serialize.article_to_dict`), with appended stories as
    ids, plus the word count and the stories the article belongs to.
    """
    data = article_to_dict(article)
    data["appended"] = [part.id for part in article.appended]
    data["words"] = article.words
    data["stories"] = list(stories)
    return data


#: Metadata rows of the article page, in display order.
META_FIELDS: tuple[str, ...] = ("title", "outlet", "dateline", "published", "language", "source", "url", "words")
