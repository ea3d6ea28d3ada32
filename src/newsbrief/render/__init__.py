"""Renderers of briefings: JSON (the stable schema), Markdown, self-contained HTML and plain text.

Every renderer takes the JSON form (``briefing_json.briefings_to_json``), so a briefing cached in the
store renders exactly like a fresh one.
"""

from __future__ import annotations

from typing import Any


def key_entities(entities: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The people and organisations a reader's list shows, and how many others were left out.

    Key: mentioned at least twice, or a person with a known role.  A name mentioned once without a role
    is mostly incidental (or an NER slip); the JSON keeps every entity.

    >>> shown, rest = key_entities([{"mentions": 3, "role": None}, {"mentions": 1, "role": "mayor"},
    ...                             {"mentions": 1, "role": None}])
    >>> len(shown), rest
    (2, 1)
    """
    shown = [e for e in entities if int(e.get("mentions", 0)) >= 2 or e.get("role")]
    return shown, len(entities) - len(shown)
