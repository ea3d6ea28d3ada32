"""Renderers of briefings: JSON (the stable schema), Markdown, self-contained HTML and plain text.

Every renderer takes the JSON form (``briefing_json.briefings_to_json``), so a briefing cached in the
store renders exactly like a fresh one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newsbrief.meta_language import is_english

_TEX_QUOTES = (("``", "\u201c"), ("''", "\u201d"))
# the AP wire's typewriter dash, an underscore between spaces ("600,000 people _ 10 percent of them _ fled")
_TYPEWRITER_DASH = re.compile(r"(?<=\s)_(?=\s)")


def display_quotes(value: Any) -> Any:
    """Old newswire's typewriter quotes (DUC/LDC: ````…''``) shown as “…” and its dash `` _ `` as "—"; other values unchanged.

    For the reader-facing renderers only: the JSON keeps the article text as it is, so that every
    span still points into it.

    >>> display_quotes("He said ``we will win,'' and left. It's 5 o'clock.")
    "He said \u201cwe will win,\u201d and left. It's 5 o'clock."
    >>> display_quotes("600,000 people _ 10 percent _ fled; snake_case stays")
    '600,000 people \u2014 10 percent \u2014 fled; snake_case stays'
    >>> display_quotes(3)
    3
    """
    if type(value) is not str:  # Markup (already rendered HTML) and non-text values pass through
        return value
    for old, new in _TEX_QUOTES:
        value = value.replace(old, new)
    return _TYPEWRITER_DASH.sub("\u2014", value) if "_" in value else value


def other_languages(story: dict[str, Any]) -> list[tuple[str, str]]:
    """The story's sources written in another language than English: ``(article id, language)``, in order.

    The briefing is read from the English articles when the story has any
    (:func:`newsbrief.brief.brief_story`); a reader is told which sources it leaves out.

    >>> other_languages({"sources": [{"id": "a", "language": "en"}, {"id": "b", "language": "de"}, {"id": "c"}]})
    [('b', 'de')]
    """
    return [(s["id"], s["language"]) for s in story.get("sources", []) if not is_english(s.get("language"))]


def other_languages_note(
    story: dict[str, Any], numbers: dict[str, int], escape: Callable[[str], str] = str
) -> str | None:
    """The line telling which sources the briefing leaves out for their language, or ``None`` when none.

    ``escape`` is applied to each language as the source gave it (the rest of the line is plain text).

    >>> other_languages_note({"sources": [{"id": "a", "language": "en"}, {"id": "b", "language": "de"}]}, {"a": 1, "b": 2})
    'This briefing is read from the English sources only, not from [2] (de).'
    >>> other_languages_note({"sources": [{"id": "b", "language": "de"}]}, {"b": 1})
    'No source is in English: people, quotes and where sources differ (read from English text only) are left out.'
    """
    others = [(aid, language) for aid, language in other_languages(story) if aid in numbers]
    if not others:
        return None
    if len(others) == len([s for s in story.get("sources", []) if s["id"] in numbers]):
        return "No source is in English: people, quotes and where sources differ (read from English text only) are left out."
    listed = ", ".join(f"[{numbers[aid]}] ({escape(language)})" for aid, language in others)
    return f"This briefing is read from the English sources only, not from {listed}."


def key_entities(entities: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The people and organisations a reader's list shows, and how many others were left out.

    Key: mentioned at least twice, or a person with a known role.  A name mentioned once without a role
    is mostly incidental (or an NER slip); the JSON keeps every entity.  People and organisations come
    before places (each in the given order, most mentioned first): the countries and cities a story
    happens in are mentioned most, but the reader looks for who acted.

    >>> shown, rest = key_entities([{"mentions": 3, "role": None}, {"mentions": 1, "role": "mayor"},
    ...                             {"mentions": 1, "role": None}])
    >>> len(shown), rest
    (2, 1)
    >>> [e["name"] for e in key_entities([{"name": "Japan", "kind": "GPE", "mentions": 9},
    ...                                  {"name": "Naoto Kan", "kind": "PERSON", "mentions": 4}])[0]]
    ['Naoto Kan', 'Japan']
    """
    shown = [e for e in entities if int(e.get("mentions", 0)) >= 2 or e.get("role")]
    return people_first(shown), len(entities) - len(shown)


#: Quotations a reader's list shows at most (the JSON keeps every one).
KEY_QUOTES = 25


def key_quotes(quotes: list[dict[str, Any]], limit: int = KEY_QUOTES) -> tuple[list[dict[str, Any]], int]:
    """The quotations a reader's list shows, and how many others were left out.

    Key: a quotation with a speaker, or one that two or more sources carry; at most ``limit``, in the
    given order (most carried first).  A speakerless quotation from one source says nothing of who
    spoke; the JSON keeps every quotation.

    >>> quotes = [{"speaker": "Ann Lee", "sources": ["a"]}, {"speaker": None, "sources": ["a", "b"]},
    ...           {"speaker": None, "sources": ["b"]}]
    >>> shown, rest = key_quotes(quotes); len(shown), rest
    (2, 1)
    >>> len(key_quotes(quotes, limit=1)[0]), key_quotes(quotes, limit=1)[1]
    (1, 2)
    """
    shown = [q for q in quotes if q.get("speaker") or len(q.get("sources", [])) >= 2][:limit]
    return shown, len(quotes) - len(shown)


def counted(n: int, noun: str) -> str:
    """``n`` with its noun in the singular or plural.

    >>> counted(1, "independent source"), counted(3, "article")
    ('1 independent source', '3 articles')
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def people_first(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """People and organisations, then places, then other names, each group in the given order.

    (The web page's order too; other names: events, laws, products.)
    """
    return sorted(entities, key=lambda e: {"GPE": 1, "OTHER": 2}.get(e.get("kind", ""), 0))
