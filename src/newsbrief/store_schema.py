"""The SQLite schema of the store, as ordered migrations keyed by ``PRAGMA user_version``.

Migration *n* (1-based) moves a database from ``user_version = n - 1`` to ``n``.  Never edit a
released migration: append a new one.  :func:`migrate` applies the missing ones in one transaction.

>>> import sqlite3
>>> con = sqlite3.connect(":memory:", isolation_level=None)
>>> migrate(con)
2
>>> con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
True
"""

from __future__ import annotations

import sqlite3

from newsbrief.errors import StoreError

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, their sources/aliases, duplicate groups, stories, cluster state, briefings cache.
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        dateline TEXT,
        title TEXT,
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        text_chars INTEGER NOT NULL,
        provenance TEXT NOT NULL DEFAULT '{}',
        removed TEXT NOT NULL DEFAULT '[]',
        parent_id TEXT,
        signature BLOB,
        added_at TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_parent ON articles(parent_id);

    -- every (content_hash, source) ever seen, pointing at the stored article: the same article under
    -- another path or URL is a row here, not a second article.
    CREATE TABLE article_sources (
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        url TEXT,
        article_id TEXT NOT NULL REFERENCES articles(id),
        first_seen TEXT NOT NULL,
        PRIMARY KEY (content_hash, source)
    );
    CREATE INDEX article_sources_article ON article_sources(article_id);

    CREATE TABLE duplicate_groups (
        id TEXT PRIMARY KEY,
        canonical_id TEXT NOT NULL REFERENCES articles(id)
    );
    CREATE TABLE duplicate_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        group_id TEXT NOT NULL REFERENCES duplicate_groups(id),
        similarity REAL NOT NULL
    );
    CREATE INDEX duplicate_members_group ON duplicate_members(group_id);

    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL DEFAULT 1,
        version TEXT NOT NULL,
        headline TEXT,
        first_published TEXT,
        last_published TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        independent_sources INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX stories_last_published ON stories(last_published);
    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id TEXT NOT NULL
    );
    CREATE INDEX story_members_story ON story_members(story_id);

    -- plain data the incremental story clusterer needs between runs (JSON or bytes by key).
    CREATE TABLE cluster_state (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL,
        updated_at TEXT NOT NULL
    );

    CREATE TABLE briefings (
        story_id TEXT NOT NULL,
        story_version TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (story_id, story_version)
    );
    """,
    # 2: full-text search over title + text (the web UI searches it), kept in sync by triggers.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid'
    );
    INSERT INTO articles_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
    END;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(con: sqlite3.Connection) -> int:
    """The database's ``PRAGMA user_version``."""
    return int(con.execute("PRAGMA user_version").fetchone()[0])


def migrate(con: sqlite3.Connection) -> int:
    """Apply the missing migrations in one ``BEGIN IMMEDIATE`` transaction; returns the new version.

    ``con`` must be in autocommit mode (``isolation_level=None``).  A database newer than this code
    raises :class:`StoreError`.
    """
    con.execute("BEGIN IMMEDIATE")
    try:
        version = schema_version(con)
        if version > SCHEMA_VERSION:
            raise StoreError(f"store schema version {version} is newer than this newsbrief ({SCHEMA_VERSION})")
        if version == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError("not a newsbrief store: the database has tables but no schema version")
        for number in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[number - 1]):
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {number}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (``executescript`` would commit)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
