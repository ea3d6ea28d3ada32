"""``newsbrief ingest`` / ``stories`` / ``story``: counts, JSON schemas, errors and exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from newsbrief.cli import app

runner = CliRunner()
STORIES = [str(EXAMPLES / name) for name in ("air-france-447", "bali-climate-2007", "iran-sailors-2007")]
COUNTS = re.compile(
    r"^read (\d+), new (\d+), duplicate copies (\d+), already stored (\d+) \(linked (\d+)\), skipped (\d+)$", re.M
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "nb.db"
    result = runner.invoke(app, ["ingest", *STORIES, "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def counts(output: str) -> tuple[int, ...]:
    match = COUNTS.search(output)
    assert match, output
    return tuple(int(x) for x in match.groups())


def test_ingest_prints_counts_and_is_idempotent(db: Path) -> None:
    result = runner.invoke(app, ["ingest", *STORIES, "--db", str(db)])
    assert result.exit_code == 0, result.output
    read, new, copies, already, linked, skipped = counts(result.stdout)
    assert (read, new, copies, already, linked, skipped) == (24, 0, 0, 24, 0, 0)


def test_ingest_reports_a_skipped_file_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "air-france-447" / "M0080.txt", folder / "M0080.txt")
    (folder / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "nb.db")])
    assert result.exit_code == 1, result.output
    assert counts(result.stdout)[0:2] == (1, 1) and counts(result.stdout)[5] == 1
    assert "empty.txt" in result.stderr


def test_stories_json_schema(db: Path) -> None:
    result = runner.invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["stories"] and data["stories"]
    keys = ["id", "headline", "articles", "independent_sources", "first_published", "last_published", "article_ids"]
    for story in data["stories"]:
        assert list(story) == keys
        assert story["articles"] == len(story["article_ids"]) >= story["independent_sources"] >= 1
    assert sum(s["articles"] for s in data["stories"]) == 24


def test_stories_since_filters_by_last_published(db: Path) -> None:
    every = json.loads(runner.invoke(app, ["stories", "--db", str(db), "--format", "json"]).stdout)["stories"]
    latest = max(s["last_published"] for s in every)
    result = runner.invoke(app, ["stories", "--db", str(db), "--format", "json", "--since", latest])
    assert result.exit_code == 0
    recent = json.loads(result.stdout)["stories"]
    assert recent and all(s["last_published"] >= latest for s in recent) and len(recent) < len(every)


def test_story_json_schema_and_table(db: Path) -> None:
    listing = json.loads(runner.invoke(app, ["stories", "--db", str(db), "--format", "json"]).stdout)["stories"]
    story_id = listing[0]["id"]
    result = runner.invoke(app, ["story", story_id, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["id", "headline", "articles", "duplicate_groups"]
    assert [list(a) for a in data["articles"]] == [["id", "source", "outlet", "title", "published", "duplicate_of"]] * len(
        data["articles"])
    assert {a["id"] for a in data["articles"]} == set(listing[0]["article_ids"])
    for group in data["duplicate_groups"]:
        assert list(group) == ["canonical", "members"]
        assert group["members"][0] == {"id": group["canonical"], "similarity": 1.0}
    table = runner.invoke(app, ["story", story_id, "--db", str(db)])
    assert table.exit_code == 0 and data["articles"][0]["id"] in table.stdout


def test_unknown_story_is_a_one_line_error_with_exit_1(db: Path) -> None:
    result = runner.invoke(app, ["story", "nosuchstory", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "nosuchstory" in result.stderr


def test_bad_usage_exits_2(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["stories", "--db", str(db), "--since", "last tuesday"])
    assert result.exit_code == 2 and "--since" in result.stderr
    missing = runner.invoke(app, ["stories", "--db", str(tmp_path / "missing.db")])
    assert missing.exit_code == 1 and "no such store" in missing.stderr


def test_brief_of_a_store_that_is_not_there_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "mistyped.db"
    result = runner.invoke(app, ["brief", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"newsbrief: error: {missing}: no such store"
    assert not missing.exists()
