"""The JSONL schema of ``clean --format jsonl`` and the round trip back through ingest."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import EXAMPLES
from newsbrief.model import Article, Removal
from newsbrief.pipeline import iter_articles
from newsbrief.render.article import article_to_json_line
from newsbrief.serialize import SCHEMA_KEYS, article_from_dict, article_to_dict
from newsbrief.settings import Settings

PART = Article(
    id="p1",
    content_hash="h2",
    source="page.html#appended1",
    title="River bursts its banks",
    text="The river burst its banks on Sunday.",
    outlet="AFP",
    dateline="RIVERTON",
    published=dt.date(2025, 3, 2),
    language="en",
    provenance={"outlet": "text:dateline"},
    removed=(Removal("RIVERTON (AFP) -", "dateline", 12),),
)
ARTICLE = Article(
    id="a1",
    content_hash="h1",
    source="page.html",
    title="Quake shakes port",
    text="A strong earthquake shook the port.\n\nEngineers inspected bridges.",
    outlet="portnews.example",
    published=dt.date(2025, 3, 4),
    language="en",
    url="https://portnews.example/q",
    provenance={"outlet": "url", "published": "html:meta", "title": "html:meta"},
    removed=(Removal("Share this", "share prompt", 3),),
    appended=(PART,),
)


def test_schema_keys_and_values() -> None:
    data = article_to_dict(ARTICLE)
    assert tuple(data) == SCHEMA_KEYS
    assert data["published"] == "2025-03-04"
    assert data["removed"] == [{"line": "Share this", "reason": "share prompt", "line_no": 3}]
    assert tuple(data["appended"][0]) == SCHEMA_KEYS
    assert json.loads(json.dumps(data)) == data


def test_dict_round_trip() -> None:
    assert article_from_dict(article_to_dict(ARTICLE)) == ARTICLE


@pytest.mark.parametrize(
    "broken",
    [{}, {"id": "x", "content_hash": "y", "source": "z"}, {**article_to_dict(ARTICLE), "published": "not a date"}],
)
def test_bad_dicts_raise(broken: dict) -> None:
    with pytest.raises((KeyError, ValueError, TypeError)):
        article_from_dict(broken)


def test_clean_jsonl_output_read_back_by_ingest_is_the_same(tmp_path: Path) -> None:
    settings = Settings()
    first = list(iter_articles([str(EXAMPLES / "variants"), str(EXAMPLES / "iran-sailors-2007")], settings=settings))
    assert first and all(isinstance(a, Article) for a in first)
    out = tmp_path / "clean.jsonl"
    out.write_text("\n".join(article_to_json_line(a) for a in first) + "\n", encoding="utf-8")  # type: ignore[arg-type]
    second = list(iter_articles([str(out)], settings=settings))
    assert second == first
    assert any(a.appended for a in second)  # the scraped variant's split-off story survives
