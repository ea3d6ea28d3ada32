"""The SQLite backend of the store: WAL mode, versioned schema, batched ``BEGIN IMMEDIATE`` writes.

One :class:`SqliteStore` wraps one connection.  Readers (the web UI) open it with ``readonly=True``
(another thread or process can write meanwhile: WAL readers see the last committed state).  Writers
group their changes in :meth:`SqliteStore.write` blocks: one ``BEGIN IMMEDIATE`` transaction each, so
two processes writing at once queue on the lock (``busy_timeout``) instead of failing, and a killed
process loses only its uncommitted block.

>>> import tempfile, os
>>> from newsbrief.model import Article
>>> path = os.path.join(tempfile.mkdtemp(), "nb.db")
>>> store = SqliteStore.open(path)
>>> a = Article(id="a1", content_hash="h1", source="a.txt", title="Floods", text="Rivers rose.")
>>> with store.write():
...     store.add_articles([a])
('a1',)
>>> store.article("a1").title
'Floods'
>>> store.close()
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsbrief.errors import NotFoundError, StoreError
from newsbrief.model import Article, DuplicateGroup, Removal, Story
from newsbrief.store_schema import SCHEMA_VERSION, migrate, schema_version
from newsbrief.text import stable_hash

BUSY_TIMEOUT_MS = 60_000
_ARTICLE_COLUMNS = (
    "id, content_hash, source, url, outlet, dateline, title, published, language, text, provenance, removed, parent_id"
)
_CHUNK = 500


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SqliteStore:
    """Articles, duplicate groups, stories, cluster state and cached briefings in one SQLite file."""

    def __init__(self, con: sqlite3.Connection, path: str, *, readonly: bool) -> None:
        self._con = con
        self.path = path
        self.readonly = readonly
        self._depth = 0

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, create: bool = True) -> SqliteStore:
        """Open (and create / migrate unless ``readonly``) the store at ``path``.

        ``create=False``: a store that is not there is an error, not a new empty one (a command that only
        reads stories and writes back caches, such as ``brief --db``: a mistyped path is no empty store).
        """
        path = str(path)
        try:
            if readonly or not create:
                if not Path(path).exists():
                    raise StoreError(f"{path}: no such store")
                con = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not readonly:
                con.execute("PRAGMA journal_mode = WAL")
                con.execute("PRAGMA synchronous = NORMAL")
                migrate(con)
            elif schema_version(con) != SCHEMA_VERSION:
                raise StoreError(f"{path}: store schema version {schema_version(con)}, expected {SCHEMA_VERSION}")
            con.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: {exc}") from exc
        return cls(con, path, readonly=readonly)

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``); nested blocks join the outer one."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._con.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._con.execute("ROLLBACK")
            raise
        self._depth = 0
        self._con.execute("COMMIT")

    def _writing(self) -> None:
        if not self._depth:
            raise StoreError("store writes must happen inside `with store.write():`")

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check`` (``'ok'`` when healthy)."""
        return str(self._con.execute("PRAGMA integrity_check").fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Row counts: articles, sources, duplicate groups with more than one member, stories, briefings."""
        one = self._one
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "sources": one("SELECT count(*) FROM article_sources"),
            "duplicate_groups": one(
                "SELECT count(*) FROM (SELECT group_id FROM duplicate_members GROUP BY group_id HAVING count(*) > 1)"
            ),
            "duplicate_copies": one(
                "SELECT count(*) FROM duplicate_members m JOIN duplicate_groups g ON g.id = m.group_id "
                "WHERE m.article_id != g.canonical_id"
            ),
            "stories": one("SELECT count(*) FROM stories"),
            "briefings": one("SELECT count(*) FROM briefings"),
        }

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._con.execute(sql, params).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ articles
    def add_articles(
        self, articles: Sequence[Article], *, signatures: Mapping[str, bytes] | None = None, parent_id: str | None = None
    ) -> tuple[str, ...]:
        """Insert articles (and their appended stories, with ``parent_id``) not stored yet; idempotent.

        Also records each ``(content_hash, source)`` in the sources table.  Returns the ids inserted.
        """
        self._writing()
        signatures = signatures or {}
        added: list[str] = []
        now = _now()
        for article in articles:
            cursor = self._con.execute(
                "INSERT OR IGNORE INTO articles (id, content_hash, source, url, outlet, dateline, title, published,"
                " language, text, text_chars, provenance, removed, parent_id, signature, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id, article.content_hash, article.source, article.url, article.outlet, article.dateline,
                    article.title, _iso(article.published), article.language, article.text, len(article.text),
                    json.dumps(dict(article.provenance), sort_keys=True),
                    json.dumps([[r.line, r.reason, r.line_no] for r in article.removed]),
                    parent_id, signatures.get(article.id), now,
                ),
            )
            if cursor.rowcount:
                added.append(article.id)
            self.link_source(article.content_hash, article.source, article.id, url=article.url)
            if article.appended:
                added.extend(self.add_articles(article.appended, signatures=signatures, parent_id=article.id))
        return tuple(added)

    def link_source(self, content_hash: str, source: str, article_id: str, *, url: str | None = None) -> bool:
        """Record that ``article_id`` was seen as ``(content_hash, source)``; False if already known."""
        self._writing()
        cursor = self._con.execute(
            "INSERT OR IGNORE INTO article_sources (content_hash, source, url, article_id, first_seen)"
            " VALUES (?, ?, ?, ?, ?)",
            (content_hash, source, url, article_id, _now()),
        )
        return bool(cursor.rowcount)

    def known_sources(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """``(content_hash, source) → article id`` for the keys already seen."""
        keys = list(dict.fromkeys(keys))
        found: dict[tuple[str, str], str] = {}
        for chunk in _chunks(keys, 400):
            where = " OR ".join("(content_hash = ? AND source = ?)" for _ in chunk)
            params = [value for key in chunk for value in key]
            for content_hash, source, article_id in self._con.execute(
                f"SELECT content_hash, source, article_id FROM article_sources WHERE {where}", params
            ):
                found[(content_hash, source)] = article_id
        return found

    def same_content(self, content_hashes: Iterable[str]) -> dict[str, list[tuple[str, str | None, str | None]]]:
        """``content_hash → [(article id, outlet, url)]`` of stored top-level articles with that exact text."""
        hashes = list(dict.fromkeys(content_hashes))
        found: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for chunk in _chunks(hashes):
            marks = ",".join("?" * len(chunk))
            for content_hash, article_id, outlet, url in self._con.execute(
                f"SELECT content_hash, id, outlet, url FROM articles WHERE content_hash IN ({marks})"
                " ORDER BY rowid",
                list(chunk),
            ):
                found.setdefault(content_hash, []).append((article_id, outlet, url))
        return found

    def article(self, article_id: str) -> Article:
        """One stored article (appended stories are articles of their own, not nested)."""
        found = self.articles([article_id])
        if not found:
            raise NotFoundError(f"no article {article_id!r} in the store")
        return found[0]

    def articles(self, ids: Sequence[str]) -> tuple[Article, ...]:
        """Stored articles in the order of ``ids`` (unknown ids are left out)."""
        rows: dict[str, Article] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for row in self._con.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", list(chunk)):
                rows[row[0]] = _article(row)
        return tuple(rows[i] for i in ids if i in rows)

    def article_ids(self) -> tuple[str, ...]:
        """Every stored article id, in insertion order."""
        return tuple(row[0] for row in self._con.execute("SELECT id FROM articles ORDER BY rowid"))

    def parent_of(self, article_id: str) -> str | None:
        """The page article an appended story was split from (``None`` for a top-level article)."""
        return self._one("SELECT parent_id FROM articles WHERE id = ?", (article_id,))

    def texts(self, ids: Sequence[str]) -> dict[str, str]:
        """``id → clean text``."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            found.update(self._con.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", list(chunk)))
        return found

    def signatures(self, *, after_rowid: int = 0) -> Iterator[tuple[int, str, bytes]]:
        """``(rowid, id, signature)`` of articles stored after ``after_rowid`` that have a signature."""
        yield from self._con.execute(
            "SELECT rowid, id, signature FROM articles WHERE rowid > ? AND signature IS NOT NULL ORDER BY rowid",
            (after_rowid,),
        )

    def search(self, query: str, *, limit: int = 50) -> tuple[str, ...]:
        """Article ids matching an FTS5 query over title + text, best first."""
        try:
            rows = self._con.execute(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
                " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return tuple(row[0] for row in rows)

    # ------------------------------------------------------------------ duplicate groups
    def groups_of(self, article_ids: Iterable[str]) -> dict[str, DuplicateGroup]:
        """``article id → its stored duplicate group`` (articles without a group are left out)."""
        ids = list(dict.fromkeys(article_ids))
        group_ids: dict[str, str] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            group_ids.update(
                self._con.execute(f"SELECT article_id, group_id FROM duplicate_members WHERE article_id IN ({marks})",
                                  list(chunk))
            )
        groups = self._groups(set(group_ids.values()))
        return {article: groups[group] for article, group in group_ids.items()}

    def _groups(self, group_ids: Iterable[str]) -> dict[str, DuplicateGroup]:
        result: dict[str, DuplicateGroup] = {}
        for chunk in _chunks(sorted(group_ids)):
            marks = ",".join("?" * len(chunk))
            canon = dict(self._con.execute(f"SELECT id, canonical_id FROM duplicate_groups WHERE id IN ({marks})",
                                           list(chunk)))
            members: dict[str, list[tuple[str, float]]] = {}
            for group, article, similarity in self._con.execute(
                f"SELECT group_id, article_id, similarity FROM duplicate_members WHERE group_id IN ({marks})"
                " ORDER BY article_id",
                list(chunk),
            ):
                members.setdefault(group, []).append((article, float(similarity)))
            for group, canonical in canon.items():
                ordered = sorted(members.get(group, []), key=lambda m: (m[0] != canonical, m[0]))
                result[group] = DuplicateGroup(canonical, tuple(ordered))
        return result

    def save_groups(self, groups: Sequence[DuplicateGroup], *, replaces: Iterable[str] = ()) -> None:
        """Store duplicate groups (the group id is the canonical id); ``replaces``: group ids to drop first."""
        self._writing()
        for old in set(replaces):
            self._con.execute("DELETE FROM duplicate_members WHERE group_id = ?", (old,))
            self._con.execute("DELETE FROM duplicate_groups WHERE id = ?", (old,))
        for group in groups:
            self._con.execute("DELETE FROM duplicate_members WHERE group_id = ?", (group.canonical_id,))
            self._con.execute("INSERT OR REPLACE INTO duplicate_groups (id, canonical_id) VALUES (?, ?)",
                              (group.canonical_id, group.canonical_id))
            self._con.executemany(
                "INSERT OR REPLACE INTO duplicate_members (article_id, group_id, similarity) VALUES (?, ?, ?)",
                [(member, group.canonical_id, similarity) for member, similarity in group.members],
            )

    # ------------------------------------------------------------------ stories
    def assign_stories(self, mapping: Mapping[str, str]) -> set[str]:
        """Set ``article id → story id`` and refresh every touched story (version, dates, headline).

        Stories left without members are deleted (merged into another).  Returns the touched story ids.
        """
        self._writing()
        if not mapping:
            return set()
        previous: dict[str, str] = {}
        for chunk in _chunks(list(mapping)):
            marks = ",".join("?" * len(chunk))
            previous.update(self._con.execute(
                f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})", list(chunk)))
        changed = {a: s for a, s in mapping.items() if previous.get(a) != s}
        self._con.executemany("INSERT OR REPLACE INTO story_members (article_id, story_id) VALUES (?, ?)",
                              list(changed.items()))
        touched = set(changed.values()) | {previous[a] for a in changed if a in previous}
        for story_id in sorted(touched):
            self._refresh_story(story_id)
        return touched

    def _refresh_story(self, story_id: str) -> None:
        rows = self._con.execute(
            "SELECT a.id, a.title, a.published, a.text_chars, coalesce(m.group_id, a.id) FROM story_members s"
            " JOIN articles a ON a.id = s.article_id LEFT JOIN duplicate_members m ON m.article_id = a.id"
            " WHERE s.story_id = ? ORDER BY a.id",
            (story_id,),
        ).fetchall()
        if not rows:
            self._con.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            return
        ids = [r[0] for r in rows]
        groups: dict[str, list[tuple]] = {}
        for row in rows:
            groups.setdefault(row[4], []).append(row)
        dates = sorted(r[2] for r in rows if r[2])
        version = stable_hash(*ids, "|", *sorted(f"{a}>{g}" for a, *_, g in rows))
        headline = _headline(groups)
        self._con.execute(
            "INSERT INTO stories (id, revision, version, headline, first_published, last_published, article_count,"
            " independent_sources, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET revision = CASE WHEN version != excluded.version THEN revision + 1"
            " ELSE revision END, version = excluded.version,"
            # a briefed headline stays while the membership does (cache_briefing)
            " headline = CASE WHEN version != excluded.version THEN excluded.headline ELSE headline END,"
            " first_published = excluded.first_published, last_published = excluded.last_published,"
            " article_count = excluded.article_count, independent_sources = excluded.independent_sources,"
            " updated_at = excluded.updated_at",
            (story_id, version, headline, dates[0] if dates else None, dates[-1] if dates else None, len(ids),
             len(groups), _now()),
        )

    def refresh_stories_of(self, article_ids: Iterable[str]) -> None:
        """Recompute the stories holding these articles (after their duplicate groups changed)."""
        self._writing()
        ids = list(dict.fromkeys(article_ids))
        stories: set[str] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            stories.update(r[0] for r in self._con.execute(
                f"SELECT story_id FROM story_members WHERE article_id IN ({marks})", list(chunk)))
        for story_id in sorted(stories):
            self._refresh_story(story_id)

    def story_version(self, story_id: str) -> str:
        """A token that changes whenever the story's membership (or its duplicate grouping) changes."""
        version = self._one("SELECT version FROM stories WHERE id = ?", (story_id,))
        if version is None:
            raise NotFoundError(f"no story {story_id!r} in the store")
        return str(version)

    def story(self, story_id: str) -> Story:
        """One story with its articles (by date, then id) and duplicate groups."""
        row = self._con.execute(
            "SELECT id, headline, first_published, last_published FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no story {story_id!r} in the store")
        return self._story(row)

    def _story(self, row: Sequence[Any]) -> Story:
        members = self._con.execute(
            "SELECT a.id, a.published FROM story_members s JOIN articles a ON a.id = s.article_id"
            " WHERE s.story_id = ?",
            (row[0],),
        ).fetchall()
        ids = [m[0] for m in sorted(members, key=lambda m: (m[1] is None, m[1] or "", m[0]))]
        by_article = self.groups_of(ids)
        groups: dict[str, DuplicateGroup] = {}
        for article in ids:
            group = by_article.get(article) or DuplicateGroup(article, ((article, 1.0),))
            members_in = tuple(m for m in group.members if m[0] in set(ids))
            groups[group.canonical_id] = DuplicateGroup(group.canonical_id, members_in)
        return Story(
            id=row[0],
            article_ids=tuple(ids),
            duplicate_groups=tuple(groups[g] for g in sorted(groups)),
            first_published=_date(row[2]),
            last_published=_date(row[3]),
            headline=row[1],
        )

    def stories(self, since: dt.date | None = None, limit: int | None = None, offset: int = 0) -> tuple[Story, ...]:
        """Stories, newest first (by last published date, undated last, then id).

        ``since``: only stories last published on or after that date.
        """
        sql = "SELECT id, headline, first_published, last_published FROM stories"
        params: list[Any] = []
        if since is not None:
            sql += " WHERE last_published >= ?"
            params.append(since.isoformat())
        sql += " ORDER BY last_published IS NULL, last_published DESC, id LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return tuple(self._story(row) for row in self._con.execute(sql, params).fetchall())

    def story_ids_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """``article id → story id`` for stored members."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            found.update(self._con.execute(
                f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})", list(chunk)))
        return found

    # ------------------------------------------------------------------ cluster state, briefings
    def cluster_state(self, key: str) -> tuple[bytes, str] | None:
        """The clusterer state saved under ``key`` and its revision stamp, or ``None``."""
        row = self._con.execute("SELECT value, updated_at FROM cluster_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else (bytes(row[0]), str(row[1]))

    def cluster_state_stamp(self, key: str) -> str | None:
        """The revision stamp of the clusterer state under ``key`` (cheap: the state is not read)."""
        return self._one("SELECT updated_at FROM cluster_state WHERE key = ?", (key,))

    def max_rowid(self) -> int:
        """The highest article rowid (0 for an empty store)."""
        return int(self._one("SELECT coalesce(max(rowid), 0) FROM articles"))

    def save_cluster_state(self, key: str, value: bytes, *, stamp: str) -> None:
        """Save the clusterer state under ``key`` with a revision ``stamp`` (compare it to detect changes)."""
        self._writing()
        self._con.execute("INSERT OR REPLACE INTO cluster_state (key, value, updated_at) VALUES (?, ?, ?)",
                          (key, value, stamp))

    def cached_briefing(self, story_id: str, version: str) -> str | None:
        """The cached briefing payload of a story at a version, or ``None``."""
        return self._one("SELECT payload FROM briefings WHERE story_id = ? AND story_version = ?", (story_id, version))

    def cache_briefing(self, story_id: str, version: str, payload: str) -> None:
        """Cache a briefing payload; older versions of that story's briefing are dropped.

        The briefing's headline (chosen over every article's headline and text, :func:`newsbrief.brief.
        choose_headline`) becomes the story's while its membership stays as briefed, so that the story
        lists show what the story page shows (until then, the largest duplicate group's title).
        """
        try:
            headline = json.loads(payload).get("headline")
        except (ValueError, AttributeError):  # not a briefing's JSON object: cached as it is
            headline = None
        with self.write():
            self._con.execute("DELETE FROM briefings WHERE story_id = ? AND story_version != ?", (story_id, version))
            self._con.execute(
                "INSERT OR REPLACE INTO briefings (story_id, story_version, payload, created_at) VALUES (?, ?, ?, ?)",
                (story_id, version, payload, _now()),
            )
            if isinstance(headline, str) and headline:
                self._con.execute(
                    "UPDATE stories SET headline = ? WHERE id = ? AND version = ?", (headline, story_id, version)
                )


def _headline(groups: Mapping[str, list[tuple]]) -> str | None:
    """Title of the canonical copy of the largest duplicate group (ties: earliest, then id)."""
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), min(r[2] or "9999" for r in kv[1]), kv[0]))
    for _, rows in ranked:
        titled = sorted((r for r in rows if r[1]), key=lambda r: (-r[3], r[0]))
        if titled:
            return str(titled[0][1])
    return None


def _article(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        content_hash=row[1],
        source=row[2],
        url=row[3],
        outlet=row[4],
        dateline=row[5],
        title=row[6],
        published=_date(row[7]),
        language=row[8],
        text=row[9],
        provenance=json.loads(row[10]),
        removed=tuple(Removal(line, reason, line_no) for line, reason, line_no in json.loads(row[11])),
    )
