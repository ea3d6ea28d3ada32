"""The SQLite store: schema and migrations, articles, groups, stories, versions, briefing cache, readers."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest

from newsbrief.errors import NotFoundError, StoreError
from newsbrief.model import Article, DuplicateGroup, Removal
from newsbrief.store import Store
from newsbrief.store_schema import MIGRATIONS, SCHEMA_VERSION, _statements

# Texts written for these tests.
FLOOD = "Heavy rain caused the river to burst its banks on Monday, flooding dozens of homes in the lower town."
FLOOD_2 = "Residents of the lower town began clearing mud from their homes on Tuesday as the river level fell."
BUDGET = "The finance minister presented a budget that raises fuel duty and cuts the basic rate of income tax."


def art(article_id: str, text: str, *, published: str | None = None, **extra: object) -> Article:
    return Article(id=article_id, content_hash=f"h-{article_id}", source=f"{article_id}.txt",
                   title=f"Title {article_id}", text=text,
                   published=dt.date.fromisoformat(published) if published else None, **extra)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "nb.db")
    yield opened  # type: ignore[misc]
    opened.close()


def test_new_store_is_wal_and_at_the_current_schema_version(tmp_path: Path) -> None:
    Store.open(tmp_path / "nb.db").close()
    con = sqlite3.connect(tmp_path / "nb.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    Store.open(tmp_path / "nb.db").close()  # reopening migrates nothing and keeps the version
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_old_schema_is_migrated_and_fts_filled(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        con.execute(statement)
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO articles (id, content_hash, source, text, text_chars, added_at)"
                " VALUES ('x', 'h', 'x.txt', ?, 10, 'now')", (FLOOD,))
    con.close()
    with Store.open(tmp_path / "old.db") as store:
        assert store.search("river") == ("x",)


def test_newer_or_foreign_database_is_refused(tmp_path: Path) -> None:
    newer = sqlite3.connect(tmp_path / "newer.db")
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(tmp_path / "newer.db")
    foreign = sqlite3.connect(tmp_path / "foreign.db")
    foreign.execute("CREATE TABLE t (x)")
    foreign.close()
    with pytest.raises(StoreError, match="not a newsbrief store"):
        Store.open(tmp_path / "foreign.db")
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store.open(tmp_path / "junk.db")


def test_readonly_store_must_exist_and_cannot_write(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "missing.db", readonly=True)
    Store.open(tmp_path / "nb.db").close()
    with Store.open(tmp_path / "nb.db", readonly=True) as reader, pytest.raises(StoreError, match="read-only"):
        with reader.write():
            pass


def test_articles_round_trip_and_adding_twice_adds_nothing(store: Store) -> None:
    a = art("a", FLOOD, published="2024-03-04", outlet="Daily", url="https://x.test/a", language="en",
            dateline="LEEDS", provenance={"published": "dateline"}, removed=(Removal("Share this", "share prompt", 3),))
    with store.write():
        assert store.add_articles([a]) == ("a",)
    with store.write():
        assert store.add_articles([a]) == ()
    assert store.article("a") == a
    assert store.counts()["articles"] == 1
    with pytest.raises(NotFoundError):
        store.article("nope")


def test_appended_story_is_an_article_of_its_own_with_its_parent(store: Store) -> None:
    child = art("child", BUDGET)
    with store.write():
        assert store.add_articles([art("page", FLOOD, appended=(child,))]) == ("page", "child")
    assert store.parent_of("child") == "page"
    assert store.article("page").appended == ()
    assert store.article("child").text == BUDGET


def test_writes_outside_a_transaction_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="inside"):
        store.add_articles([art("a", FLOOD)])


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write():
        store.add_articles([art("a", FLOOD)])
        raise RuntimeError("boom")
    assert store.counts()["articles"] == 0


def test_story_version_changes_with_membership_and_invalidates_briefings(store: Store) -> None:
    with store.write():
        store.add_articles([art("a", FLOOD, published="2024-03-04"), art("b", FLOOD_2, published="2024-03-05"),
                            art("c", BUDGET, published="2024-03-01")])
        store.assign_stories({"a": "s1", "c": "s2"})
    v1 = store.story_version("s1")
    assert store.story("s1").headline == "Title a"  # the largest duplicate group's title, until briefed
    store.cache_briefing("s1", v1, '{"headline": "Floods"}')
    assert store.cached_briefing("s1", v1) == '{"headline": "Floods"}'
    assert store.story("s1").headline == "Floods"  # the lists show what the story page shows
    with store.write():
        store.refresh_stories_of(["a"])  # the same membership keeps the briefed headline
    assert store.story("s1").headline == "Floods"
    with store.write():
        store.assign_stories({"b": "s1"})
    v2 = store.story_version("s1")
    assert v2 != v1
    assert store.story("s1").headline == "Title a"
    assert store.cached_briefing("s1", v2) is None
    store.cache_briefing("s1", v2, "{}")
    assert store.cached_briefing("s1", v1) is None  # older versions are dropped
    story = store.story("s1")
    assert story.article_ids == ("a", "b")
    assert (story.first_published, story.last_published) == (dt.date(2024, 3, 4), dt.date(2024, 3, 5))
    with pytest.raises(NotFoundError):
        store.story("zzz")
    with pytest.raises(NotFoundError):
        store.story_version("zzz")


def test_merged_story_disappears_and_groups_count_as_one_source(store: Store) -> None:
    with store.write():
        store.add_articles([art("a", FLOOD, published="2024-03-04"), art("b", FLOOD + " More.", published="2024-03-04"),
                            art("c", FLOOD_2, published="2024-03-05")])
        store.save_groups([DuplicateGroup("b", (("b", 1.0), ("a", 1.0)))])
        store.assign_stories({"a": "s1", "b": "s1", "c": "s2"})
        store.assign_stories({"c": "s1"})
    assert [s.id for s in store.stories()] == ["s1"]
    (story,) = store.stories()
    assert [g.member_ids for g in story.duplicate_groups] == [("b", "a"), ("c",)]
    assert store.groups_of(["a"])["a"].canonical_id == "b"


def test_stories_since_and_paging(store: Store) -> None:
    with store.write():
        store.add_articles([art("a", FLOOD, published="2024-03-04"), art("c", BUDGET, published="2024-01-01"),
                            art("u", FLOOD_2)])
        store.assign_stories({"a": "new", "c": "old", "u": "undated"})
    assert [s.id for s in store.stories()] == ["new", "old", "undated"]
    assert [s.id for s in store.stories(since=dt.date(2024, 2, 1))] == ["new"]
    assert [s.id for s in store.stories(limit=1, offset=1)] == ["old"]


def test_full_text_search_over_title_and_text(store: Store) -> None:
    with store.write():
        store.add_articles([art("a", FLOOD), art("c", BUDGET)])
    assert store.search("river") == ("a",)
    assert store.search("budget") == ("c",)
    with pytest.raises(StoreError):
        store.search('"unbalanced')


def test_reader_in_another_thread_sees_only_committed_data(tmp_path: Path) -> None:
    writer = Store.open(tmp_path / "nb.db")
    seen: list[int] = []

    def read() -> None:
        with Store.open(tmp_path / "nb.db", readonly=True) as reader:
            seen.append(reader.counts()["articles"])

    with writer.write():
        writer.add_articles([art("a", FLOOD)])
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    read()
    writer.close()
    assert seen == [0, 1]
