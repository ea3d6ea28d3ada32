"""Spark schemas of the three outputs and the conversions between Spark rows and :class:`Article`.

The articles table is the JSONL schema of ``newsbrief clean --format jsonl``
(:mod:`newsbrief.serialize`) as Parquet columns: ``published`` is a ``DATE``, ``provenance`` a
``MAP<STRING,STRING>``, ``removed`` an ``ARRAY<STRUCT<line, reason, line_no>>`` and ``appended`` the
split-off articles as JSON strings (``ARRAY<STRING>``, each one :func:`article_to_dict`).

>>> from newsbrief.model import Article
>>> a = Article(id="1", content_hash="h", source="a.txt", title="T", text="Body.")
>>> row_to_article(article_to_row(a)) == a
True
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from newsbrief.model import Article
from newsbrief.serialize import article_from_dict, article_to_dict

if TYPE_CHECKING:
    from pyspark.sql.types import StructType

#: Column order of the articles table (the keys of ``serialize.SCHEMA_KEYS``).
ARTICLE_COLUMNS = (
    "id", "content_hash", "source", "url", "title", "outlet", "dateline", "published",
    "provenance", "language", "text", "removed", "appended",
)
GROUP_COLUMNS = ("id", "source", "content_hash", "group_id", "canonical_id", "similarity")
STORY_COLUMNS = ("id", "source", "story_id", "published")


def articles_schema() -> StructType:
    """The articles table: one row per article (the ``clean --format jsonl`` keys)."""
    from pyspark.sql import types as T

    removal = T.StructType([
        T.StructField("line", T.StringType()),
        T.StructField("reason", T.StringType()),
        T.StructField("line_no", T.IntegerType()),
    ])
    fields = {
        "published": T.DateType(),
        "provenance": T.MapType(T.StringType(), T.StringType()),
        "removed": T.ArrayType(removal),
        "appended": T.ArrayType(T.StringType()),
    }
    nullable = {"url", "title", "outlet", "dateline", "published", "language"}
    return T.StructType([
        T.StructField(name, fields.get(name, T.StringType()), nullable=name in nullable or name in fields)
        for name in ARTICLE_COLUMNS
    ])


def groups_schema() -> StructType:
    """Duplicate groups: one row per article (``similarity`` to its group's canonical copy)."""
    from pyspark.sql import types as T

    return T.StructType([
        T.StructField("id", T.StringType(), False),
        T.StructField("source", T.StringType()),
        T.StructField("content_hash", T.StringType()),
        T.StructField("group_id", T.StringType(), False),
        T.StructField("canonical_id", T.StringType(), False),
        T.StructField("similarity", T.DoubleType(), False),
    ])


def stories_schema() -> StructType:
    """Stories: one row per article."""
    from pyspark.sql import types as T

    return T.StructType([
        T.StructField("id", T.StringType(), False),
        T.StructField("source", T.StringType()),
        T.StructField("story_id", T.StringType(), False),
        T.StructField("published", T.DateType()),
    ])


def article_to_row(article: Article) -> tuple[Any, ...]:
    """An article as a tuple in :data:`ARTICLE_COLUMNS` order (via ``serialize.article_to_dict``)."""
    data = article_to_dict(article)
    data["published"] = article.published
    data["appended"] = [json.dumps(part, ensure_ascii=False) for part in data["appended"]]
    return tuple(data[name] for name in ARTICLE_COLUMNS)


def row_to_article(row: Mapping[str, Any] | Any) -> Article:
    """An :class:`Article` from a row of the articles table (a ``Row``, dict or tuple)."""
    if isinstance(row, tuple) and not hasattr(row, "asDict"):
        data = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    elif hasattr(row, "asDict"):
        data = row.asDict(recursive=True)
    else:
        data = dict(row)
    published = data.get("published")
    if isinstance(published, dt.date):
        data["published"] = published.isoformat()
    data["appended"] = [json.loads(part) for part in data.get("appended") or ()]
    return article_from_dict(data)
