"""The embedded store: what the CLI, the web UI and ingest use to keep articles, groups and stories.

:class:`StoreBackend` is the protocol every backend implements; :class:`Store` is the default one,
SQLite in WAL mode (:mod:`newsbrief.store_sqlite`; schema and migrations in
:mod:`newsbrief.store_schema`).  ``Store.open(path, readonly=True)`` is safe to use from another
thread or process while a writer ingests.

>>> import tempfile, os
>>> store = Store.open(os.path.join(tempfile.mkdtemp(), "nb.db"))
>>> store.stories()
()
>>> store.close()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from newsbrief.model import Article, Story
from newsbrief.store_sqlite import SqliteStore

__all__ = ["Store", "StoreBackend"]


class StoreBackend(Protocol):
    """The store API (reading side used by the web UI and the CLI, writing side used by ingest)."""

    def close(self) -> None:
        """Release the backend's resources."""

    def write(self) -> AbstractContextManager[None]:
        """One write transaction."""

    def add_articles(self, articles: Sequence[Article]) -> tuple[str, ...]:
        """Insert articles not stored yet (idempotent); the ids inserted."""

    def article(self, article_id: str) -> Article:
        """One article (``NotFoundError`` when unknown)."""

    def articles(self, ids: Sequence[str]) -> tuple[Article, ...]:
        """Known articles in the order of ``ids``."""

    def stories(self, since: dt.date | None = None, limit: int | None = None, offset: int = 0) -> tuple[Story, ...]:
        """Stories, newest first."""

    def story(self, story_id: str) -> Story:
        """One story (``NotFoundError`` when unknown)."""

    def story_version(self, story_id: str) -> str:
        """Changes whenever the story's membership changes."""

    def cached_briefing(self, story_id: str, version: str) -> str | None:
        """A cached briefing payload or ``None``."""

    def cache_briefing(self, story_id: str, version: str, payload: str) -> None:
        """Cache a briefing payload for a story version."""


#: The default backend.
Store = SqliteStore
