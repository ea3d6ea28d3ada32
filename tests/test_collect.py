"""Ingest into the store on real BBC articles.

Idempotence, aliases, duplicate groups against the store, stories, incremental batches, a SIGKILL
mid-ingest, two concurrent writers.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_data
from newsbrief.collect import IngestCounts, ingest_articles, ingest_paths
from newsbrief.model import Article
from newsbrief.settings import Settings
from newsbrief.store import Store

pytestmark = pytest.mark.data

SETTINGS = Settings()
# Copies of files among tech/001-050 (hand-verified in eval/labels/bbc_duplicates.tsv): 252 = 008 exactly,
# 379 = 009 + reader comments, 326 = 043 edited, 380 = 022 edited, 335 = 032 edited.
PARTNERS = ("tech/252.txt", "tech/379.txt", "tech/326.txt", "tech/380.txt", "tech/335.txt")


def bbc_files() -> list[str]:
    root = shared_data("bbc-news-2225", "bbc")
    files = sorted((root / "tech").glob("*.txt"))[:50] + [root / p for p in PARTNERS]
    return [str(f) for f in files]


def snapshot(db: Path) -> dict[str, object]:
    """What must not depend on how the ingest was run."""
    with Store.open(db, readonly=True) as store:
        counts = store.counts()
        members = store._con.execute("SELECT count(*), count(DISTINCT article_id) FROM story_members").fetchone()
        groups = sorted(g.member_ids for g in store.groups_of(store.article_ids()).values())
        return {
            "articles": counts["articles"],
            "sources": counts["sources"],
            "duplicate_copies": counts["duplicate_copies"],
            "groups": sorted(set(groups)),
            "story_members": members,
            "integrity": store.integrity_check(),
        }


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestCounts]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    with Store.open(db) as store:
        counts = ingest_paths(bbc_files(), store=store, settings=SETTINGS, batch_size=40)
    return db, counts


def test_counts_add_up_and_copies_are_grouped(reference: tuple[Path, IngestCounts]) -> None:
    db, counts = reference
    assert counts.read == len(bbc_files()) and counts.skipped == 0
    assert counts.read == counts.new + counts.duplicate_copies + counts.already_stored
    assert counts.linked == counts.already_stored > 0  # exact copies of the same (outlet-less) article
    assert counts.duplicate_copies >= 2
    with Store.open(db, readonly=True) as store:
        groups = store.groups_of(store.article_ids())
        # tech/009 and tech/379 (reader comments appended) end up in one group, the longer one canonical
        by_source = {a.source.rsplit("/", 2)[-2] + "/" + a.source.rsplit("/", 1)[-1]: a
                     for a in store.articles(store.article_ids())}
        short, long = by_source["tech/009.txt"], by_source["tech/379.txt"]
        assert groups[short.id] == groups[long.id] and groups[short.id].canonical_id == long.id
        story = store.story(store.story_ids_of([short.id])[short.id])
        assert {short.id, long.id} <= set(story.article_ids)
    snap = snapshot(db)
    assert snap["story_members"] == (snap["articles"], snap["articles"])
    assert snap["integrity"] == "ok"


def test_reingesting_adds_nothing_and_other_paths_are_linked(
    reference: tuple[Path, IngestCounts], tmp_path: Path
) -> None:
    db = tmp_path / "nb.db"
    shutil.copy(reference[0], db)
    before = snapshot(db)
    with Store.open(db) as store:
        again = ingest_paths(bbc_files(), store=store, settings=SETTINGS)
    assert again.already_stored == again.read and again.new == again.duplicate_copies == again.linked == 0
    copies = tmp_path / "mirror"
    copies.mkdir()
    for path in bbc_files()[:5]:
        shutil.copy(path, copies / Path(path).name)
    with Store.open(db) as store:
        mirrored = ingest_paths([str(copies)], store=store, settings=SETTINGS)
        assert mirrored == IngestCounts(read=5, already_stored=5, linked=5)
        assert store.counts()["sources"] == before["sources"] + 5  # type: ignore[operator]
    after = snapshot(db)
    assert after["articles"] == before["articles"] and after["groups"] == before["groups"]


def test_ingesting_in_two_runs_gives_the_same_articles_and_groups(
    reference: tuple[Path, IngestCounts], tmp_path: Path
) -> None:
    files = bbc_files()
    db = tmp_path / "nb.db"
    with Store.open(db) as store:
        first = ingest_paths(files[::2], store=store, settings=SETTINGS, batch_size=25)
        second = ingest_paths(files[1::2], store=store, settings=SETTINGS, batch_size=25)
    total = first + second
    assert (total.new + total.duplicate_copies, total.linked) == (
        reference[1].new + reference[1].duplicate_copies, reference[1].linked)
    mine, ref = snapshot(db), snapshot(reference[0])
    assert {k: mine[k] for k in ("articles", "sources", "duplicate_copies", "groups")} == {
        k: ref[k] for k in ("articles", "sources", "duplicate_copies", "groups")}


def test_appended_story_is_stored_with_its_page_and_clustered_apart(tmp_path: Path) -> None:
    root = shared_data("bbc-news-2225", "bbc")
    page_text = (root / "sport" / "001.txt").read_text(encoding="utf-8", errors="replace").partition("\n")[2]
    extra_text = (root / "business" / "001.txt").read_text(encoding="utf-8", errors="replace").partition("\n")[2]
    appended = Article(id="page#1", content_hash="x1", source="page.html#appended1", title="Extra", text=extra_text)
    page = Article(id="page", content_hash="x0", source="page.html", title="Page", text=page_text, appended=(appended,))
    with Store.open(tmp_path / "nb.db") as store:
        counts = ingest_articles([page], store=store, settings=SETTINGS)
        assert (counts.read, counts.new) == (2, 2)
        assert store.parent_of("page#1") == "page"
        stories = store.story_ids_of(["page", "page#1"])
        assert stories["page"] != stories["page#1"]


def _ingest_command(db: Path, files: list[str], batch: int) -> list[str]:
    code = "from newsbrief.cli import main; main()"
    return [sys.executable, "-c", code, "ingest", *files, "--db", str(db), "--batch-size", str(batch)]


def _articles(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_loses_nothing_committed(reference: tuple[Path, IngestCounts], tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    files = bbc_files()
    proc = subprocess.Popen(_ingest_command(db, files, 8), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _articles(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    killed = snapshot(db)
    assert killed["integrity"] == "ok"
    assert 0 < killed["articles"] < snapshot(reference[0])["articles"]  # type: ignore[operator]
    assert killed["story_members"] == (killed["articles"], killed["articles"])  # batches are all-or-nothing
    with Store.open(db) as store:
        resumed = ingest_paths(files, store=store, settings=SETTINGS)
    assert resumed.already_stored >= killed["articles"]  # type: ignore[operator]
    final, ref = snapshot(db), snapshot(reference[0])
    assert {k: final[k] for k in ("articles", "sources", "duplicate_copies", "groups", "integrity")} == {
        k: ref[k] for k in ("articles", "sources", "duplicate_copies", "groups", "integrity")}


def test_two_concurrent_writers_lose_nothing(reference: tuple[Path, IngestCounts], tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    files = bbc_files()
    Store.open(db).close()
    procs = [subprocess.Popen(_ingest_command(db, order, 10), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for order in (files, files[::-1])]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    final, ref = snapshot(db), snapshot(reference[0])
    assert {k: final[k] for k in ("articles", "sources", "duplicate_copies", "groups", "integrity")} == {
        k: ref[k] for k in ("articles", "sources", "duplicate_copies", "groups", "integrity")}
    assert final["story_members"] == (final["articles"], final["articles"])
