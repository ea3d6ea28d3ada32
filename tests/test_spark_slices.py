"""The time-sliced story walk (``spark/slices.py``) without Spark: the library clusterer seeded per slice."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from newsbrief.cluster import cluster_stories
from newsbrief.model import Article, DuplicateGroup
from newsbrief.represent import article_terms
from newsbrief.settings import ClusterOptions
from newsbrief.spark.slices import UNDATED, SliceUnit, walk_slices
from spark_data import spark  # noqa: F401  (spark is a fixture)

TOPICS = [
    "Flood waters rose along the Danube river as engineers reinforced the levees near Budapest and villagers "
    "moved cattle to higher ground while the Hungarian army delivered sandbags",
    "The central bank raised interest rates by half a point to curb inflation, and the governor warned that "
    "mortgage costs would climb for households already squeezed by energy bills",
    "Striking dock workers blocked the container terminal in Rotterdam demanding higher wages, and shipping "
    "companies diverted freighters to Antwerp while the union threatened a longer walkout",
    "A volcano on the island erupted overnight, sending ash over the capital; airlines cancelled flights and "
    "the civil defence agency evacuated villages on the northern slopes",
]
EXTRA = ["officials said on {d}", "reporters counted {n} trucks", "the mayor spoke to residents",
         "police closed two roads", "volunteers arrived from nearby towns", "a statement followed later"]


def _articles() -> list[Article]:
    """Four stories, each reported over several weeks, with a repeat of the flood story months later."""
    out = []
    start = dt.date(2020, 1, 1)
    for t, topic in enumerate(TOPICS):
        for k in range(8):
            day = start + dt.timedelta(days=t * 9 + k * 6)
            text = f"{topic}. {EXTRA[k % len(EXTRA)].format(d=day.isoformat(), n=k * 7)}."
            out.append(Article(id=f"t{t}-{k}", content_hash=f"h{t}-{k}", source=f"s{t}-{k}", title=None, text=text,
                               published=day))
    for k in range(4):  # the flood story again, 200 days later: beyond any open window used below
        day = start + dt.timedelta(days=200 + k * 5)
        out.append(Article(id=f"late-{k}", content_hash=f"hl{k}", source=f"sl{k}", title=None,
                           text=f"{TOPICS[0]}. {EXTRA[k]}.".format(d=day.isoformat(), n=k), published=day))
    copy = out[3]
    out.append(Article(id="copy", content_hash=copy.content_hash, source="wire", title=None, text=copy.text,
                       published=copy.published))
    return out


def _walk(articles, groups, options, **kwargs):
    """The walk over the articles' units in the clusterer's order, with the batch's document frequencies."""
    canonical = {m: g.canonical_id for g in groups for m in g.member_ids}
    units: dict[str, list[Article]] = {}
    for article in articles:
        units.setdefault(canonical.get(article.id, article.id), []).append(article)
    terms = {u: list(article_terms(next(a for a in arts if a.id == u), max_chars=options.max_chars))
             for u, arts in units.items()}
    df = Counter(t for ts in terms.values() for t in ts)
    vocabulary = list(df)

    def key(u):
        days = [a.published.toordinal() for a in units[u] if a.published]
        return (not days, min(days) if days else UNDATED, min(a.id for a in units[u]))

    seq = []
    for u in sorted(units, key=key):
        members = sorted(units[u], key=lambda a: (a.id != u, a.id))
        seq.append((key(u)[1], SliceUnit(tuple(members), tuple(1.0 for _ in members), tuple(terms[u]))))
    return list(walk_slices(seq, options=options, terms=vocabulary, df=[df[t] for t in vocabulary],
                            n_docs=len(units), **kwargs))


@pytest.fixture
def corpus():
    articles = _articles()
    groups = [DuplicateGroup("t0-3", (("t0-3", 1.0), ("copy", 1.0)))]
    return articles, groups


def test_one_slice_is_exactly_the_batch_clusterer(corpus):
    articles, groups = corpus
    options = ClusterOptions()
    want = {a: s.id for s in cluster_stories(articles, groups=groups, options=options) for a in s.article_ids}
    pairs = _walk(articles, groups, options, slice_days=10_000, open_days=10_000)
    assert dict(pairs) == want
    assert len(pairs) == len(articles)


@pytest.mark.parametrize(("slice_days", "open_days", "settle_days"), [(7, 30, 0), (7, 30, 14), (20, 60, 20)])
def test_every_article_gets_one_story_and_duplicates_stay_together(corpus, slice_days, open_days, settle_days):
    articles, groups = corpus
    pairs = _walk(articles, groups, ClusterOptions(), slice_days=slice_days, open_days=open_days,
                  settle_days=settle_days)
    assert sorted(a for a, _ in pairs) == sorted(a.id for a in articles)
    story = dict(pairs)
    assert story["copy"] == story["t0-3"]
    # the four topics stay apart
    assert len({story[f"t{t}-0"] for t in range(4)}) == 4


def test_a_story_closed_beyond_the_open_window_is_not_joined_again(corpus):
    articles, groups = corpus
    options = ClusterOptions()
    batch = {a: s.id for s in cluster_stories(articles, groups=groups, options=options) for a in s.article_ids}
    assert batch["late-0"] == batch["t0-0"]  # the batch clusterer links them (soft time decay)
    story = dict(_walk(articles, groups, options, slice_days=14, open_days=60))
    assert story["late-0"] != story["t0-0"]
    assert story["late-0"] == story["late-3"]
    story = dict(_walk(articles, groups, options, slice_days=14, open_days=400))
    assert story["late-0"] == story["t0-0"]


def test_walk_refuses_units_out_of_order(corpus):
    articles, groups = corpus
    unit = SliceUnit((articles[0],), (1.0,), tuple(article_terms(articles[0])))
    other = SliceUnit((articles[1],), (1.0,), tuple(article_terms(articles[1])))
    from newsbrief.errors import UsageError

    terms = sorted(set(unit.terms) | set(other.terms))
    with pytest.raises(UsageError):
        list(walk_slices([(10, unit), (5, other)], options=ClusterOptions(), terms=terms, df=[1] * len(terms),
                         n_docs=2, slice_days=7, open_days=30))


@pytest.mark.spark
def test_spark_sliced_stories_run_the_walk_in_order(spark, corpus):  # noqa: F811
    from newsbrief.spark.schema import article_to_row, articles_schema, groups_schema
    from newsbrief.spark.stories import SparkStoriesOptions, story_assignments

    articles, groups = corpus
    options = ClusterOptions()
    frame = spark.createDataFrame([article_to_row(a) for a in articles], articles_schema()).repartition(3)
    member = {m: (g.canonical_id, s) for g in groups for m, s in g.members}
    group_rows = [(a.id, a.source, a.content_hash, member.get(a.id, (a.id,))[0], member.get(a.id, (a.id,))[0],
                   member.get(a.id, (a.id, 1.0))[1]) for a in articles]
    known = spark.createDataFrame(group_rows, groups_schema())
    whole = {r.id: r.story_id for r in story_assignments(
        frame, groups=known, options=SparkStoriesOptions(slice_days=10_000, open_days=10_000)).collect()}
    want = {a: s.id for s in cluster_stories(articles, groups=groups, options=options) for a in s.article_ids}
    assert whole == want
    sliced = {r.id: r.story_id for r in story_assignments(
        frame, groups=known, options=SparkStoriesOptions(slice_days=14, open_days=60)).collect()}
    assert sliced == dict(_walk(articles, groups, options, slice_days=14, open_days=60))
