r"""Render a clean :class:`Article` for ``newsbrief clean``: Markdown (default), JSON, JSONL.

>>> from newsbrief.model import Article, Removal
>>> a = Article(id="ab12", content_hash="cd34", source="a.txt", title="Quake hits Chile",
...             text="A quake hit Chile.\n\nRescuers arrived.", outlet="AP",
...             provenance={"outlet": "text:dateline"}, removed=(Removal("Share this", "share prompt", 3),))
>>> print(article_to_markdown(a, explain=True))
# Quake hits Chile
<BLANKLINE>
- source: a.txt
- outlet: AP (text:dateline)
- id: ab12 · content hash: cd34
<BLANKLINE>
A quake hit Chile.
<BLANKLINE>
Rescuers arrived.
<BLANKLINE>
**Removed lines (1)**
<BLANKLINE>
- line 3 · share prompt: `Share this`
"""

from __future__ import annotations

import json

from newsbrief.model import Article
from newsbrief.serialize import article_to_dict

__all__ = ["article_to_json_line", "article_to_markdown"]

_META_FIELDS = ("outlet", "dateline", "published", "language", "url")


def article_to_markdown(article: Article, *, explain: bool = False, heading: str = "#") -> str:
    """The article as Markdown: headline, metadata with provenance, body; ``explain`` adds removals.

    Appended stories split off the page follow as articles of their own (one heading level down).
    """
    lines = [f"{heading} {_inline(article.title) if article.title else '(no headline)'}", "", f"- source: {article.source}"]
    for name in _META_FIELDS:
        value = getattr(article, name)
        if value is None:
            continue
        where = article.provenance.get(name)
        shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
        lines.append(f"- {name}: {_inline(shown)}" + (f" ({where})" if where and explain or name == "outlet" and where else ""))
    lines.append(f"- id: {article.id} · content hash: {article.content_hash}")
    lines += ["", article.text.strip() or "(empty body)"]
    if explain:
        lines += ["", f"**Removed lines ({len(article.removed)})**", ""]
        lines += [f"- line {r.line_no} · {r.reason}: `{_code(r.line)}`" for r in article.removed] or ["- none"]
        if article.appended:
            lines += ["", f"**Appended stories split off ({len(article.appended)})**", ""]
            lines += [f"- {part.source}: {_inline(part.title or '(no headline)')}" for part in article.appended]
    for part in article.appended:
        lines += ["", article_to_markdown(part, explain=explain, heading=heading + "#")]
    return "\n".join(lines)


def article_to_json_line(article: Article) -> str:
    """One line of ``clean --format jsonl`` (the schema of :func:`newsbrief.serialize.article_to_dict`)."""
    return json.dumps(article_to_dict(article), ensure_ascii=False)


def _inline(text: str) -> str:
    return " ".join(text.split())


def _code(text: str) -> str:
    return _inline(text).replace("`", "'")
