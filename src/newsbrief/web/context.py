"""What the web app holds for its lifetime: the store path, settings, lazily loaded models, the ingest queue.

Page views open a read-only store connection per request (SQLite connections are cheap and must not be
shared across the server's worker threads); the ingest worker and the briefing cache open their own
short-lived writer connections.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsbrief.model import Article, Story
from newsbrief.settings import Settings
from newsbrief.store import Store
from newsbrief.text import SentenceSplitter
from newsbrief.web import search
from newsbrief.web.jobs import IngestJobs, Job
from newsbrief.web.search import Catalog


@dataclass(frozen=True, slots=True)
class WebOptions:
    """Options of the web UI.

    ``per_page``: stories per page; ``max_upload_bytes``: cap per uploaded file; ``max_files``: files per
    upload; ``summary_chars``: length of the story-row summary; ``upload_dir``: where accepted uploads are
    kept (they are the articles' sources), by default ``<db>.uploads`` next to the store;
    ``idle_readers``: read-only connection pairs kept open between requests.
    """

    per_page: int = 20
    max_upload_bytes: int = 10 * 1024 * 1024
    max_files: int = 50
    summary_chars: int = 260
    upload_dir: str | None = None
    idle_readers: int = 8


@dataclass(frozen=True, slots=True)
class Reader:
    """The read-only connections of one request.

    ``con`` is a separate read-only SQLite connection for the queries the ``Store`` API does not offer
    (search, filters); it only ever runs ``SELECT`` statements.
    """

    store: Store
    con: sqlite3.Connection


class WebContext:
    """Shared, thread-safe state of one app instance (nothing at module level)."""

    def __init__(self, db_path: str | Path, *, settings: Settings, options: WebOptions) -> None:
        self.db_path = str(db_path)
        self.settings = settings
        self.options = options
        self._lock = threading.Lock()
        self._brief_lock = threading.Lock()
        self._splitter: SentenceSplitter | None = None
        self._models: Any = None
        self._catalog: Catalog | None = None
        self._catalog_files: tuple[int, ...] | None = None
        self._catalog_checked = 0.0
        self._idle: list[Reader] = []
        self._closed = False
        self.summaries = search.LruCache(20_000)
        self.upload_dir = Path(options.upload_dir or f"{self.db_path}.uploads")
        self._work_dir = tempfile.mkdtemp(prefix="newsbrief-uploads-")
        self.jobs = IngestJobs(self._work_dir, ingest=self._ingest)
        # Create / migrate the store once, so that read-only connections find it.
        Store.open(self.db_path).close()

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """Read-only connections for one request: the store, and plain SQL for :mod:`newsbrief.web.search`.

        Connections come from a small pool (opening costs more than a small query) and serve one request
        at a time; a read-only connection in WAL mode sees every commit made before each statement.
        """
        with self._lock:
            reader = self._idle.pop() if self._idle else None
        if reader is None:
            store = Store.open(self.db_path, readonly=True)
            uri = Path(self.db_path).resolve().as_uri() + "?mode=ro"
            reader = Reader(store, sqlite3.connect(uri, uri=True, check_same_thread=False))
        try:
            yield reader
        finally:
            with self._lock:
                keep = not self._closed and len(self._idle) < self.options.idle_readers
                if keep:
                    self._idle.append(reader)
            if not keep:
                _close_reader(reader)

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """A short-lived writer connection (briefing cache, ingest)."""
        store = Store.open(self.db_path)
        try:
            yield store
        finally:
            store.close()

    def catalog(self, con: sqlite3.Connection) -> Catalog:
        """Outlets and their stories, rebuilt only when the store changed (see :class:`search.Catalog`)."""
        files = _file_stamp(self.db_path)
        with self._lock:
            fresh = time.monotonic() - self._catalog_checked < 2.0
            if self._catalog is not None and files is not None and files == self._catalog_files and fresh:
                # No commit since the last check (the files are untouched); the SQL key is still checked
                # every 2 s in case a commit left size and mtime unchanged within the clock's granularity.
                return self._catalog
        key = search.catalog_key(con)
        with self._lock:
            if self._catalog is not None and self._catalog.key == key:
                self._catalog_files = files
                self._catalog_checked = time.monotonic()
                return self._catalog
        found = search.load_catalog(con)
        with self._lock:
            self._catalog = found
            self._catalog_files = files
            self._catalog_checked = time.monotonic()
        return found

    @property
    def splitter(self) -> SentenceSplitter:
        """The sentence splitter (built on first use)."""
        with self._lock:
            if self._splitter is None:
                self._splitter = SentenceSplitter()
            return self._splitter

    def briefing(self, store: Store, story: Story, articles: Sequence[Article]) -> dict[str, Any]:
        """The story's briefing as a dict: from the store's cache, or computed and cached on a miss."""
        version = store.story_version(story.id)
        payload = store.cached_briefing(story.id, version)
        if payload is None:
            with self._brief_lock:  # one briefing at a time: the NLP models are not thread-safe
                payload = self._compute_briefing(story, articles)
            with self.writer() as writer:
                writer.cache_briefing(story.id, version, payload)
        return _story_part(json.loads(payload))

    def _compute_briefing(self, story: Story, articles: Sequence[Article]) -> str:
        from newsbrief.brief import brief_story
        from newsbrief.nlp import NlpModels
        from newsbrief.render.briefing_json import briefing_to_dict

        if self._models is None:
            self._models = NlpModels()
        briefing = brief_story(
            articles, story=story, groups=story.duplicate_groups, models=self._models, options=self.settings.brief
        )
        return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, sort_keys=True)

    def _ingest(self, paths: Sequence[str], job: Job) -> list[str]:
        from newsbrief.web.ingest import ingest_paths

        with self.writer() as store:
            return ingest_paths(paths, store=store, settings=self.settings, job=job)

    def close(self) -> None:
        """Stop the ingest worker, remove the upload folder, close the pooled read-only connections."""
        self.jobs.close()
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for reader in idle:
            _close_reader(reader)


def _file_stamp(db_path: str) -> tuple[int, ...] | None:
    """Size and modification time of the database and its WAL: every commit changes one of them."""
    try:
        db = os.stat(db_path)
        wal = os.stat(db_path + "-wal") if os.path.exists(db_path + "-wal") else None
    except OSError:
        return None
    stamp = (db.st_size, db.st_mtime_ns)
    return stamp + ((wal.st_size, wal.st_mtime_ns) if wal is not None else (-1, -1))


def _close_reader(reader: Reader) -> None:
    reader.con.close()
    reader.store.close()


def _story_part(data: dict[str, Any]) -> dict[str, Any]:
    """The one story of a cached briefing payload (``{"stories": [...]}`` or a single story dict)."""
    stories = data.get("stories")
    if isinstance(stories, list) and stories:
        return dict(stories[0])
    return data
