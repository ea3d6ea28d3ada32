"""Spark clean equals the embedded pipeline; connected components; the ``newsbrief spark`` commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import iter_articles
from newsbrief.serialize import article_to_dict
from newsbrief.settings import Settings
from newsbrief.spark.clean import clean_inputs, read_articles
from newsbrief.spark.components import connected_components
from newsbrief.spark.schema import row_to_article
from spark_data import shared_data, spark  # noqa: F401  (spark is a fixture)

pytestmark = pytest.mark.spark

QUAKE = """Strong earthquake shakes central Chile

Saturday, February 27, 2010

A strong earthquake struck central Chile early on Saturday, damaging buildings in the capital and
cutting power to several towns, officials said.

Rescue teams were sent to the worst-hit coastal towns, where roads had cracked and bridges fell.
"""
FLOOD = """Floods close schools across the valley

Rivers burst their banks after three days of rain, and the regional council closed forty schools
while engineers checked the bridges. Hundreds of families spent the night in sports halls.
"""
SGML = """<DOC>
<DOCNO> XIE19990101.0001 </DOCNO>
<DATE_TIME> 01/01/1999 08:11:00 </DATE_TIME>
<TEXT>
   BEIJING, January 1 (Xinhua) _ The new currency went on sale in eleven countries on Friday,
and banks reported long queues at their counters in the morning.
</TEXT>
</DOC>
<DOC>
<DOCNO> XIE19990101.0002 </DOCNO>
<TEXT>
   The port handled a record volume of containers last year, the harbour authority said on
Friday, citing new routes to Asia and a deeper channel.
</TEXT>
</DOC>
"""


def _corpus(folder: Path) -> Path:
    (folder / "news" / "wire").mkdir(parents=True)
    (folder / "news" / "quake.txt").write_text(QUAKE)
    (folder / "news" / "flood.txt").write_text(FLOOD)
    (folder / "news" / "copy-of-flood.txt").write_text(FLOOD.replace("forty", "forty-two"))
    (folder / "news" / "wire" / "xinhua.sgml").write_text(SGML)
    (folder / "news" / "empty.txt").write_text("")
    return folder / "news"


def test_spark_clean_gives_the_embedded_articles_in_input_order(spark, tmp_path):  # noqa: F811
    news = _corpus(tmp_path)
    settings = Settings()
    embedded = list(iter_articles([str(news)], settings=settings, chunk_size=2))
    result = clean_inputs(spark, [str(news)], settings=settings, chunk_size=2)
    rows = result.articles.orderBy("position").collect()
    got = [article_to_dict(row_to_article(row)) for row in rows]
    assert got == [article_to_dict(a) for a in embedded if isinstance(a, Article)]
    assert len(got) == 5
    assert list(result.rejected) == [r for r in embedded if isinstance(r, Rejected)]
    assert [r.source for r in result.rejected] == [str(news / "empty.txt")]


def test_spark_clean_reads_duc_sgml_like_the_pipeline(spark):  # noqa: F811
    folders = [str(p) for p in sorted((shared_data() / "duc2004" / "docs").iterdir())[:2]]
    embedded = [a for a in iter_articles(folders, settings=Settings()) if isinstance(a, Article)]
    rows = clean_inputs(spark, folders, settings=Settings()).articles.orderBy("position").collect()
    assert [row_to_article(row) for row in rows] == embedded
    assert len(embedded) == 20


def test_jsonl_articles_are_read_as_article_from_dict_reads_them(spark, tmp_path):  # noqa: F811
    import dataclasses
    import datetime as dt
    import json

    from newsbrief.model import Removal
    from newsbrief.serialize import article_from_dict

    news = _corpus(tmp_path)
    pages = [a for a in iter_articles([str(news)], settings=Settings()) if isinstance(a, Article)]
    split = dataclasses.replace(pages[1], id="s1", source="wire.txt#appended1", published=None)
    host = dataclasses.replace(pages[0], appended=(split,), removed=(Removal("Share this", "share prompt", 3),),
                               published=dt.date(2010, 2, 27), provenance={"published": "text:dateline"})
    lines = [json.dumps(article_to_dict(a), ensure_ascii=False) for a in (host, *pages[1:])]
    # the optional keys may be missing (article_from_dict's defaults: no provenance, no removals, line_no 0)
    sparse = {"id": "t1", "content_hash": "h", "source": "t.txt", "text": "Body.", "removed": [{"line": "x", "reason": "y"}]}
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join([*lines, json.dumps(sparse)]) + "\n", encoding="utf-8")
    want = []
    for line in path.read_text(encoding="utf-8").splitlines():
        article = article_from_dict(json.loads(line))
        want.extend([article, *article.appended])
    got = [row_to_article(row) for row in read_articles(spark, str(path)).collect()]
    assert sorted(got, key=lambda a: a.id) == sorted(want, key=lambda a: a.id)
    assert len(got) == len(pages) + 2


def test_connected_components_label_chains_and_stars_with_their_smallest_id(spark):  # noqa: F811
    edges = [("e", "d"), ("d", "c"), ("c", "b"), ("b", "a"), ("x", "z"), ("y", "z"), ("q", "q")]
    frame = spark.createDataFrame(edges, "src string, dst string")
    want = {"a": "a", "b": "a", "c": "a", "d": "a", "e": "a", "x": "x", "y": "x", "z": "x"}
    # both ways: Spark rounds only (driver_edges=0) and finished on the driver
    for driver_edges in (0, 100):
        labels = {row.node: row.component for row in connected_components(frame, driver_edges=driver_edges).collect()}
        assert labels == want


def test_spark_commands_write_articles_groups_and_stories(spark, tmp_path):  # noqa: F811
    import pyarrow.parquet as pq

    news = _corpus(tmp_path)
    runner = CliRunner()
    articles = tmp_path / "articles.parquet"
    result = runner.invoke(app, ["spark", "clean", str(news), "--out", str(articles), "--master", "local[2]"])
    assert result.exit_code == 1  # the empty file was skipped
    assert "empty.txt" in result.output
    groups = tmp_path / "groups.parquet"
    result = runner.invoke(app, ["spark", "dedup", str(articles), "--out", str(groups)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(groups).to_pylist()
    assert sorted(table[0]) == sorted(["id", "source", "content_hash", "group_id", "canonical_id", "similarity"])
    by_source = {Path(r["source"]).name: r for r in table}
    assert by_source["flood.txt"]["group_id"] == by_source["copy-of-flood.txt"]["group_id"]
    assert by_source["quake.txt"]["group_id"] != by_source["flood.txt"]["group_id"]
    stories = tmp_path / "stories.parquet"
    result = runner.invoke(app, ["spark", "stories", str(articles), "--out", str(stories), "--window-days", "3",
                                 "--groups", str(groups)])
    assert result.exit_code == 0, result.output
    story_rows = pq.read_table(stories).to_pylist()
    assert len(story_rows) == 5
    story = {Path(r["source"]).name: r["story_id"] for r in story_rows}
    assert story["flood.txt"] == story["copy-of-flood.txt"] != story["quake.txt"]
    assert runner.invoke(app, ["spark", "dedup", str(tmp_path / "missing.parquet"), "--out", str(groups)]).exit_code == 2
