"""Builders for the Spark equivalence tests: real articles plus synthetic copies, chains and threshold pairs.

The synthetic articles are derived on the fly from real articles of ../shared/data (nothing is copied
into the repository).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import random
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from newsbrief import text as textmod
from newsbrief.dedup import MinHasher, find_duplicate_groups, similarity
from newsbrief.model import Article
from newsbrief.pipeline import iter_articles
from newsbrief.settings import DedupOptions, Settings


def real_articles(paths: Sequence[Path]) -> list[Article]:
    """Clean articles of some files/folders through the library's pipeline (appended stories included)."""
    out: list[Article] = []
    for item in iter_articles([str(p) for p in paths], settings=Settings()):
        if isinstance(item, Article):
            out.append(item)
            out.extend(item.appended)
    return out


def _article(source: str, text: str, *, like: Article, title: str | None = None) -> Article:
    digest = textmod.content_hash(text)
    return dataclasses.replace(
        like, id=textmod.article_id(source, digest), content_hash=digest, source=source, text=text,
        title=title if title is not None else like.title, appended=(), removed=(),
    )


def syndicated_copies(articles: Sequence[Article], *, seed: int = 7) -> list[Article]:
    """Copies as other outlets publish them.

    A few words changed, another headline, a residue line, a trimmed ending.
    """
    rng = random.Random(seed)
    out = []
    for n, original in enumerate(articles):
        words = original.text.split(" ")
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(["reportedly", "officials", "Tuesday", "agency"])
        paras = " ".join(words).split("\n\n")
        if len(paras) > 3 and n % 2:
            paras = paras[:-1]
        body = "\n\n".join(paras) + "\n\nCopyright Wire Service. All rights reserved."
        out.append(_article(f"wire/outlet{n % 5}/{original.id}.txt", body, like=original, title=f"WIRE: {original.title}"))
    return out


def chains(articles: Sequence[Article]) -> list[Article]:
    """For each article, three overlapping windows A, B, C: A~B and B~C are duplicates, A and C are not."""
    out = []
    for n, original in enumerate(articles):
        words = original.text.split(" ")
        size = len(words)
        cut = [round(size * f) for f in (0.0, 0.125, 0.25, 0.75, 0.875, 1.0)]
        for name, (start, end) in zip("abc", ((cut[0], cut[3]), (cut[1], cut[4]), (cut[2], cut[5])), strict=True):
            out.append(_article(f"chain/{n}/{name}.txt", " ".join(words[start:end]), like=original))
    return out


def threshold_pairs(articles: Sequence[Article], filler: Sequence[Article], *, options: DedupOptions) -> list[Article]:
    """Copies whose exact Jaccard or containment lies just above or just below the verification threshold.

    Article ``n`` gets one copy (``edge/<n>/above`` or ``edge/<n>/below``, alternating; Jaccard copies
    for even pairs of ``n``, containment copies — the first 60 % of the text — for odd ones): its tail
    is replaced word by word with another article's words until the score crosses the threshold.
    """
    hasher = MinHasher(options=options)
    out = []
    for n, (original, other) in enumerate(zip(articles, filler, strict=False)):
        words = original.text.split(" ")
        extra = other.text.split(" ")
        by_containment = (n // 2) % 2 == 1
        head = words[: round(len(words) * 0.6)] if by_containment else words
        threshold = options.containment_threshold if by_containment else options.jaccard_threshold
        base = hasher.fingerprint(original.text)
        previous = None
        for k in range(1, min(len(head), len(extra))):
            candidate = " ".join(head[: len(head) - k] + extra[:k])
            jaccard, containment = similarity(base, hasher.fingerprint(candidate))
            score = containment if by_containment else jaccard
            if score >= threshold:
                previous = candidate
                continue
            if previous is not None:
                name, body = ("above", previous) if n % 2 == 0 else ("below", candidate)
                out.append(_article(f"edge/{n}/{name}.txt", body, like=original))
                out.append(_article(f"edge/{n}/original.txt", original.text, like=original))
            break
    return out


@functools.cache
def mixed_corpus() -> tuple[Article, ...]:
    """≥ 1,000 real articles plus syndicated copies, chains and threshold pairs (built once per process).

    Real: BBC business + politics, DUC 2004 via the SGML reader; the synthetic articles are made from
    them and from BBC tech articles.
    """
    data = shared_data()
    bbc = real_articles([data / "bbc-news-2225/bbc/business", data / "bbc-news-2225/bbc/politics"])
    duc = real_articles(sorted((data / "duc2004/docs").iterdir())[:20])
    # BBC republished some tech articles (nearly) verbatim: keep only articles without a copy, so that
    # the chains and threshold pairs made from them do not meet through one.
    tech_all = real_articles([data / "bbc-news-2225/bbc/tech"])[:120]
    alone = {g.canonical_id for g in find_duplicate_groups(tech_all, options=DedupOptions()) if len(g.members) == 1}
    tech = [a for a in tech_all if a.id in alone][:60]
    synthetic = (
        syndicated_copies(duc[:40] + bbc[:20])
        + chains(tech[:20])
        + threshold_pairs(tech[20:40], tech[40:60], options=DedupOptions())
    )
    return tuple(bbc + duc + synthetic)


def shared_data() -> Path:
    """../shared/data, or skip the test."""
    from conftest import shared_data as locate

    return locate()


def spark_available() -> bool:
    """Pyspark importable and a ``java`` on PATH."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return shutil.which("java") is not None


def skip_without_spark() -> None:
    """Skip when pyspark or java is missing — except under CI, where they must be installed."""
    if not spark_available():
        if os.environ.get("CI", "").lower() == "true":
            raise RuntimeError("CI=true but pyspark or java is missing")
        pytest.skip("pyspark or java not available")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local[2] session for the whole run (modules importing this fixture share the session)."""
    skip_without_spark()
    from newsbrief.spark.session import SparkConfig

    session = SparkConfig(master="local[2]", shuffle_partitions=4, app_name="newsbrief-tests").session()
    yield session
    session.stop()
