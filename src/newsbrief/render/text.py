r"""Plain-text rendering: only the summary sentences, one per line, stories separated by a blank line.

This is the format for external scorers (no citations, no headings).

>>> render_text({"stories": [{"summary": [{"text": "One."}, {"text": "Two."}]}, {"summary": [{"text": "Three."}]}]})
'One.\nTwo.\n\nThree.\n'
"""

from __future__ import annotations

from typing import Any


def render_text(data: dict[str, Any]) -> str:
    """The summaries of all stories of ``data``."""
    stories = ["\n".join(" ".join(s["text"].split()) for s in story.get("summary", [])) for story in data.get("stories", [])]
    return "\n\n".join(stories) + ("\n" if stories else "")
