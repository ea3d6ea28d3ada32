"""Read-only queries the web pages need beyond the ``Store`` API: story lists with search and filters.

Filtered, paginated story lists with full-text search (the store's ``articles_fts`` FTS5 table), the
outlets, an article's stories.  Written here, over a read-only SQLite connection to the store, because
the store's public API lists stories but does not search, count or filter by outlet; every statement is a plain ``SELECT`` (the pages use read-only connections).

>>> fts_query('Harbour "bridge" OR 1,200')
'"harbour" "bridge" "or" "1" "200"'
>>> fts_query("<script>") , fts_query("!!!")
('"script"', None)
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Literal

from newsbrief.text import words
from newsbrief.web.views import lead_text

Sort = Literal["newest", "largest"]

_ORDER: dict[str, str] = {
    # NULL dates sort last under DESC in SQLite; the left part can use the stories_last_published index.
    "newest": "s.last_published DESC, s.article_count DESC, s.id",
    "largest": "s.article_count DESC, s.independent_sources DESC, s.last_published DESC, s.id",
}


class LruCache:
    """A small thread-safe least-recently-used map (held by the web app, never at module level).

    >>> cache = LruCache(2)
    >>> cache.put("a", 1); cache.put("b", 2); cache.put("c", 3)
    >>> cache.get("a"), cache.get("c")
    (None, 3)
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        """The value, or ``None``."""
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Any, value: Any) -> None:
        """Store a value, evicting the least recently used beyond the size."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression for free user text: every word quoted (no operator injection), all required.

    ``None`` when the text has no word at all.
    """
    tokens = words(query)[:32]
    if not tokens:
        return None
    return " ".join('"' + token.replace('"', '""') + '"' for token in tokens)


def list_stories(
    con: sqlite3.Connection,
    *,
    query: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
    sort: Sort = "newest",
    page: int = 1,
    per_page: int = 20,
    summary_chars: int = 260,
    catalog: Catalog | None = None,
    summary_cache: LruCache | None = None,
) -> dict[str, Any]:
    """One page of stories matching the filters, each row with outlets and a two-line summary.

    A story matches a date range when its span overlaps it, an outlet when one of its articles comes
    from that outlet, a query when one of its articles' title or text matches (FTS5).  The search and
    outlet filters are evaluated once into a set of story ids, then the page is one indexed query.
    ``catalog``: a cached :class:`Catalog`: filters, order and page are then taken in memory from its
    story table (without it, all in SQL; both give the same rows);
    ``summary_cache``: row headlines and summaries taken from cached briefings, keyed by (story id, story
    version).  A briefed story's row shows its briefing's headline, as its page does.
    """
    where: list[str] = []
    args: list[Any] = []
    if since is not None:
        where.append("s.last_published >= ?")
        args.append(since.isoformat())
    if until is not None:
        where.append("s.first_published <= ?")
        args.append(until.isoformat())
    wanted: set[str] | frozenset[str] | None = None
    if query is not None:
        match = fts_query(query)
        if match is None:
            return _page([], 0, page, per_page)
        if catalog is not None:
            rowids = con.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchall()
            wanted = {catalog.story_of_rowid[r[0]] for r in rowids if r[0] in catalog.story_of_rowid}
        else:
            wanted = _column(
                con,
                "SELECT DISTINCT m.story_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
                " JOIN story_members m ON m.article_id = a.id WHERE articles_fts MATCH ?",
                (match,),
            )
    if outlet:
        by_outlet = (catalog or load_catalog(con)).stories_by_outlet.get(outlet, frozenset())
        wanted = by_outlet if wanted is None else wanted & by_outlet
    if wanted is not None:
        if not wanted:
            return _page([], 0, page, per_page)
        if catalog is None:
            where.append("s.id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(sorted(wanted)))
    if catalog is not None:
        rows, total = _select_in_memory(catalog, wanted, since, until, sort, page, per_page)
    else:
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        total = con.execute(f"SELECT count(*) FROM stories s {clause}", args).fetchone()[0]
        pages = max(1, math.ceil(total / per_page))
        rows = con.execute(
            "SELECT s.id, s.headline, s.first_published, s.last_published, s.article_count,"
            f" s.independent_sources, s.version FROM stories s {clause}"
            f" ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?",
            [*args, per_page, (min(page, pages) - 1) * per_page],
        ).fetchall()
    ids = [r[0] for r in rows]
    versions = {r[0]: r[6] for r in rows}
    briefed: dict[str, tuple[str | None, str]] = {}
    if summary_cache is not None:
        briefed = {sid: row for sid in ids if (row := summary_cache.get((sid, versions[sid]))) is not None}
    fresh = _cached_summaries(con, [i for i in ids if i not in briefed], summary_chars)
    if summary_cache is not None:
        for sid, row in fresh.items():
            summary_cache.put((sid, versions[sid]), row)
    briefed.update(fresh)
    summaries = {sid: text for sid, (_headline, text) in briefed.items() if text}
    outlets_of = _outlets_of(con, ids)
    leads = _leads(con, [i for i in ids if i not in summaries], summary_chars)
    out = []
    for sid, headline, first, last, count, independent, _version in rows:
        lead, title = leads.get(sid, ("", None))
        out.append(
            {
                "id": sid,
                "headline": briefed.get(sid, (None, ""))[0] or headline or title,
                "articles": count,
                "independent_sources": independent,
                "first_published": first,
                "last_published": last,
                "outlets": outlets_of.get(sid, [])[:5],
                "summary": summaries.get(sid) or lead,
            }
        )
    return _page(out, total, page, per_page)


def _select_in_memory(
    catalog: Catalog,
    wanted: set[str] | frozenset[str] | None,
    since: dt.date | None,
    until: dt.date | None,
    sort: Sort,
    page: int,
    per_page: int,
) -> tuple[list[tuple[Any, ...]], int]:
    """The page's story rows and the total, from the catalog's pre-sorted story table (same rules as SQL)."""
    low = since.isoformat() if since is not None else None
    high = until.isoformat() if until is not None else None
    selected = [
        row
        for row in (catalog.newest if sort == "newest" else catalog.largest)
        if (wanted is None or row[0] in wanted)
        and (low is None or (row[3] is not None and row[3] >= low))
        and (high is None or (row[2] is not None and row[2] <= high))
    ]
    pages = max(1, math.ceil(len(selected) / per_page))
    start = (min(page, pages) - 1) * per_page
    return selected[start : start + per_page], len(selected)


def _column(con: sqlite3.Connection, sql: str, args: tuple[Any, ...]) -> set[str]:
    return {row[0] for row in con.execute(sql, args)}


def _page(rows: list[dict[str, Any]], total: int, page: int, per_page: int) -> dict[str, Any]:
    pages = max(1, math.ceil(total / per_page))
    return {"stories": rows, "total": total, "page": min(page, pages), "pages": pages, "per_page": per_page}


def _outlets_of(con: sqlite3.Connection, story_ids: list[str]) -> dict[str, list[str]]:
    """Per story, its outlets, most frequent first."""
    out: dict[str, list[str]] = {}
    if not story_ids:
        return out
    for sid, outlet in con.execute(
        "SELECT m.story_id, a.outlet FROM story_members m JOIN articles a ON a.id = m.article_id"
        " WHERE m.story_id IN (SELECT value FROM json_each(?)) AND a.outlet IS NOT NULL"
        " GROUP BY m.story_id, a.outlet ORDER BY m.story_id, count(*) DESC, a.outlet",
        (json.dumps(story_ids),),
    ):
        out.setdefault(sid, []).append(outlet)
    return out


def _leads(con: sqlite3.Connection, story_ids: list[str], max_chars: int) -> dict[str, tuple[str, str | None]]:
    """Per story, the opening of its longest article and that article's title (two small queries)."""
    if not story_ids:
        return {}
    best = {
        sid: aid
        for sid, aid, _ in con.execute(
            # SQLite's bare-column rule: with max(), ``a.id`` comes from the row holding the maximum.
            "SELECT m.story_id, a.id, max(a.text_chars) FROM story_members m JOIN articles a ON a.id = m.article_id"
            " WHERE m.story_id IN (SELECT value FROM json_each(?)) GROUP BY m.story_id",
            (json.dumps(story_ids),),
        )
    }
    texts = {
        aid: (lead, title)
        for aid, lead, title in con.execute(
            "SELECT id, substr(text, 1, ?), title FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (max_chars * 2, json.dumps(sorted(set(best.values())))),
        )
    }
    return {
        sid: (lead_text(texts[aid][0], max_chars=max_chars), texts[aid][1]) for sid, aid in best.items() if aid in texts
    }


def _cached_summaries(
    con: sqlite3.Connection, story_ids: list[str], max_chars: int
) -> dict[str, tuple[str | None, str]]:
    """The headline and summary (cut for a two-line row) of each story's cached briefing (current version only).

    SQLite's JSON functions pull out only these two, so a large cached payload is not parsed in Python.
    """
    if not story_ids:
        return {}
    out: dict[str, tuple[str | None, str]] = {}
    for sid, headline, summary in con.execute(
        "SELECT b.story_id, CASE WHEN json_valid(b.payload) THEN"
        " coalesce(json_extract(b.payload, '$.headline'), json_extract(b.payload, '$.stories[0].headline')) END,"
        " CASE WHEN json_valid(b.payload) THEN"
        " coalesce(json_extract(b.payload, '$.summary'), json_extract(b.payload, '$.stories[0].summary')) END"
        " FROM briefings b JOIN stories s ON s.id = b.story_id AND s.version = b.story_version"
        " WHERE b.story_id IN (SELECT value FROM json_each(?))",
        (json.dumps(story_ids),),
    ):
        try:
            sentences = json.loads(summary) if summary else []
        except ValueError:
            sentences = []
        text = " ".join(s.get("text", "") for s in sentences if isinstance(s, dict) and s.get("text"))
        title = headline if isinstance(headline, str) and headline.strip() else None
        if text or title:
            out[sid] = (title, lead_text(text, max_chars=max_chars) if text else "")
    return out


@dataclass(frozen=True, slots=True)
class Catalog:
    """Outlets, each outlet's stories, each article's (rowid's) story: one scan, cached by the web app.

    The articles table has no index on ``outlet`` and its rows carry the full text, so filtering by
    outlet, or joining full-text hits back to stories, reads many large rows per request; these maps are
    built once per change of the store instead (an FTS5 query then only reads the FTS index).
    """

    key: tuple[Any, ...]
    outlets: tuple[str, ...]
    stories_by_outlet: dict[str, frozenset[str]]
    story_of_rowid: dict[int, str]
    #: story rows ``(id, headline, first, last, articles, independent, version)`` in each order
    newest: tuple[tuple[Any, ...], ...] = ()
    largest: tuple[tuple[Any, ...], ...] = ()


def catalog_key(con: sqlite3.Connection) -> tuple[Any, ...]:
    """Changes whenever articles are added or story membership changes (cheap: indexes, small table)."""
    return tuple(
        con.execute(
            "SELECT (SELECT max(rowid) FROM articles), (SELECT count(*) FROM story_members),"
            " (SELECT max(updated_at) FROM stories), (SELECT count(*) FROM stories)"
        ).fetchone()
    )


def load_catalog(con: sqlite3.Connection) -> Catalog:
    """Build the :class:`Catalog` from the store (one pass over the articles and their stories)."""
    key = catalog_key(con)
    by_outlet: dict[str, set[str]] = {}
    story_of_rowid: dict[int, str] = {}
    for rowid, outlet, story_id in con.execute(
        "SELECT a.rowid, a.outlet, m.story_id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id"
    ):
        if story_id is not None:
            story_of_rowid[rowid] = story_id
        if outlet is not None:
            stories = by_outlet.setdefault(outlet, set())
            if story_id is not None:
                stories.add(story_id)
    rows = con.execute(
        "SELECT id, headline, first_published, last_published, article_count, independent_sources, version"
        " FROM stories ORDER BY id"
    ).fetchall()
    # Stable sorts from the last key to the first reproduce the SQL orders of ``_ORDER`` (NULL dates last).
    newest = sorted(rows, key=lambda r: r[4], reverse=True)
    newest.sort(key=lambda r: r[3] or "", reverse=True)
    largest = sorted(rows, key=lambda r: r[3] or "", reverse=True)
    largest.sort(key=lambda r: (r[4], r[5]), reverse=True)
    return Catalog(
        key,
        tuple(sorted(by_outlet)),
        {k: frozenset(v) for k, v in by_outlet.items()},
        story_of_rowid,
        tuple(newest),
        tuple(largest),
    )


def outlets(con: sqlite3.Connection) -> list[str]:
    """Every outlet in the store, sorted."""
    return list(load_catalog(con).outlets)


def stories_of_article(con: sqlite3.Connection, article_id: str) -> list[str]:
    """Ids of the stories an article belongs to."""
    return [row[0] for row in con.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,))]


def story_links(con: sqlite3.Connection, article_id: str) -> list[tuple[str, str | None]]:
    """``(story id, headline)`` of the stories an article belongs to."""
    return [
        (row[0], row[1])
        for row in con.execute(
            "SELECT s.id, s.headline FROM story_members m JOIN stories s ON s.id = m.story_id WHERE m.article_id = ?",
            (article_id,),
        )
    ]


def page_links(con: sqlite3.Connection, article_id: str) -> dict[str, list[tuple[str, str | None]]]:
    """The page an appended story was split from (``parent``) and the stories split off this page (``appended``)."""
    parent = con.execute(
        "SELECT p.id, p.title FROM articles a JOIN articles p ON p.id = a.parent_id WHERE a.id = ?", (article_id,)
    ).fetchall()
    children = con.execute(
        "SELECT id, title FROM articles WHERE parent_id = ? ORDER BY rowid", (article_id,)
    ).fetchall()
    return {"parent": [(r[0], r[1]) for r in parent], "appended": [(r[0], r[1]) for r in children]}
