"""The JSON documents of ``newsbrief stories`` and ``newsbrief story`` (schemas in docs/stories-store.md).

>>> from newsbrief.model import Article, DuplicateGroup, Story
>>> story = Story(id="s1", article_ids=("a", "b"), headline="Floods",
...               duplicate_groups=(DuplicateGroup("a", (("a", 1.0), ("b", 0.93))),))
>>> stories_to_dict([story])["stories"][0]["independent_sources"]
1
>>> arts = [Article(id=i, content_hash=i, source=f"{i}.txt", title="Floods", text="x") for i in "ab"]
>>> [a["duplicate_of"] for a in story_to_dict(story, arts)["articles"]]
[None, 'a']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from newsbrief.model import Article, Story


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def stories_to_dict(stories: Sequence[Story]) -> dict[str, Any]:
    """The ``stories`` document.

    ``{"stories": [{"id", "headline", "articles", "independent_sources", "first_published",
    "last_published", "article_ids"}]}`` (``articles`` is a count; independent sources = duplicate groups).
    """
    return {
        "stories": [
            {
                "id": story.id,
                "headline": story.headline,
                "articles": len(story.article_ids),
                "independent_sources": len(story.duplicate_groups) or len(story.article_ids),
                "first_published": _iso(story.first_published),
                "last_published": _iso(story.last_published),
                "article_ids": list(story.article_ids),
            }
            for story in stories
        ]
    }


def story_to_dict(story: Story, articles: Sequence[Article]) -> dict[str, Any]:
    """The ``story`` document.

    ``{"id", "headline", "articles": [{"id", "source", "outlet", "title", "published", "duplicate_of"}],
    "duplicate_groups": [{"canonical", "members": [{"id", "similarity"}]}]}``.

    ``duplicate_of`` is the canonical copy's id for a copy, ``None`` for a canonical or unique article.
    """
    canonical_of = {member: g.canonical_id for g in story.duplicate_groups for member in g.member_ids}
    by_id = {a.id: a for a in articles}
    return {
        "id": story.id,
        "headline": story.headline,
        "articles": [
            {
                "id": article_id,
                "source": by_id[article_id].source,
                "outlet": by_id[article_id].outlet,
                "title": by_id[article_id].title,
                "published": _iso(by_id[article_id].published),
                "duplicate_of": None
                if canonical_of.get(article_id, article_id) == article_id
                else canonical_of[article_id],
            }
            for article_id in story.article_ids
            if article_id in by_id
        ],
        "duplicate_groups": [
            {"canonical": g.canonical_id, "members": [{"id": m, "similarity": s} for m, s in g.members]}
            for g in story.duplicate_groups
        ],
    }
