"""Story clustering: grouping, determinism, duplicate groups, time window, incremental mode, real text."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from conftest import shared_data
from newsbrief.cluster import StoryClusterer, cluster_folder, cluster_stories
from newsbrief.errors import UsageError
from newsbrief.evaluate_stories import bcubed
from newsbrief.model import Article, DuplicateGroup
from newsbrief.settings import ClusterOptions
from newsbrief.text import stable_hash

OPTIONS = ClusterOptions()
DAY = dt.date(2024, 3, 4)

# Texts written for these tests: three stories, three reports each, in different words.
FLOOD = [
    "Floodwaters from the Varna River swept through Kellington on Monday, forcing 3,000 residents "
    "from their homes. Mayor Ilse Brandt said the Kellington levee failed before dawn and rescue "
    "boats reached the old town by noon.",
    "Rescue boats ferried families out of Kellington after the Varna River burst the town levee. "
    "Mayor Ilse Brandt asked volunteers to bring sandbags, and about 3,000 people spent the night "
    "in school gyms.",
    "The levee at Kellington gave way overnight and the Varna River flooded the old town. Mayor "
    "Brandt said evacuation shelters were full; engineers will inspect the broken levee once the "
    "floodwaters recede.",
]
TRANSFER = [
    "Striker Tomas Okafor joined Redhaven United from Porto Azul for a club record fee, Redhaven "
    "announced. Okafor signed a five-year contract and will wear the number nine shirt.",
    "Redhaven United completed the record signing of striker Tomas Okafor, who leaves Porto Azul "
    "after scoring 31 league goals. The Redhaven manager called Okafor the missing piece.",
    "Porto Azul confirmed the sale of Tomas Okafor to Redhaven United. Supporters of Porto Azul "
    "protested outside the stadium as the striker posed with his new Redhaven shirt.",
]
ELECTION = [
    "Voters in Maristan elected Dana Quell as president, ending twelve years of Liberty Front rule. "
    "Quell won 54 percent in the runoff and promised to rewrite the Maristan budget.",
    "Dana Quell claimed victory in the Maristan presidential runoff, and the Liberty Front conceded "
    "defeat. International observers said the Maristan vote was orderly.",
    "The Liberty Front candidate conceded to Dana Quell after the runoff count in Maristan. Quell "
    "will be sworn in as president next month and named a budget minister.",
]


def art(article_id: str, text: str, day: dt.date | None = DAY, title: str | None = None) -> Article:
    """A test article."""
    return Article(id=article_id, content_hash=stable_hash(text), source=f"{article_id}.txt", title=title,
                   text=text, published=day)


def corpus() -> list[Article]:
    """The nine written reports, dated within two days."""
    articles = []
    for name, texts in (("flood", FLOOD), ("transfer", TRANSFER), ("election", ELECTION)):
        for i, text in enumerate(texts):
            articles.append(art(f"{name}{i}", text, DAY + dt.timedelta(days=i)))
    return articles


def partition(stories) -> set[frozenset[str]]:
    """Stories as a set of member sets (order-free comparison)."""
    return {frozenset(s.article_ids) for s in stories}


def test_reports_of_one_story_are_grouped_and_stories_kept_apart() -> None:
    stories = cluster_stories(corpus(), options=OPTIONS)
    assert partition(stories) == {
        frozenset({"flood0", "flood1", "flood2"}),
        frozenset({"transfer0", "transfer1", "transfer2"}),
        frozenset({"election0", "election1", "election2"}),
    }


def test_same_input_same_stories_in_any_order() -> None:
    articles = corpus()
    first = cluster_stories(articles, options=OPTIONS)
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_stories(shuffled, options=OPTIONS) == first


def test_story_fields_ids_and_dates() -> None:
    stories = cluster_stories(corpus(), options=OPTIONS)
    flood = next(s for s in stories if "flood0" in s.article_ids)
    assert flood.id == stable_hash("flood0")  # the earliest member
    assert flood.article_ids == ("flood0", "flood1", "flood2")  # by date, then id
    assert (flood.first_published, flood.last_published) == (DAY, DAY + dt.timedelta(days=2))
    assert flood.headline is None
    assert {g.canonical_id for g in flood.duplicate_groups} == {"flood0", "flood1", "flood2"}
    assert len({s.id for s in stories}) == 3


def test_duplicate_group_members_always_share_a_story() -> None:
    # A copy whose text has nothing in common with the rest still follows its canonical copy.
    articles = [*corpus(), art("copy", "Photo gallery: scenes from the day.", DAY)]
    group = DuplicateGroup("flood1", (("flood1", 1.0), ("copy", 0.81)))
    stories = cluster_stories(articles, groups=[group], options=OPTIONS)
    flood = next(s for s in stories if "flood1" in s.article_ids)
    assert "copy" in flood.article_ids
    assert group in flood.duplicate_groups
    without = cluster_stories(articles, options=OPTIONS)
    assert not any({"copy", "flood1"} <= set(s.article_ids) for s in without)


def test_group_joining_two_existing_stories_merges_them() -> None:
    clusterer = StoryClusterer(options=OPTIONS)
    clusterer.assign(corpus())
    assert clusterer.story_of("flood0") != clusterer.story_of("election0")
    bridge = art("bridge", ELECTION[0], DAY)
    changed = clusterer.assign(
        [bridge], groups=[DuplicateGroup("flood0", (("flood0", 1.0), ("election0", 0.9), ("bridge", 0.9)))]
    )
    assert clusterer.story_of("flood0") == clusterer.story_of("election0") == changed["bridge"]


def test_time_window_moves_with_the_newest_article() -> None:
    text = FLOOD[0]
    far = [art("a", text, DAY), art("b", FLOOD[1], DAY + dt.timedelta(days=30))]
    hard = replace(OPTIONS, decay_days=0.0)
    assert len(cluster_stories(far, options=hard)) == 2
    assert len(cluster_stories(far, options=replace(hard, window_days=40))) == 1
    # A steady stream keeps the story open: day 0, 6, 12, 18 stay one story with a 7-day window.
    stream = [art(f"s{i}", FLOOD[i % 3], DAY + dt.timedelta(days=6 * i)) for i in range(4)]
    assert len(cluster_stories(stream, options=OPTIONS)) == 1


def test_soft_time_decay_weakens_distant_pairs_without_cutting_them() -> None:
    from newsbrief.represent import representation_for

    pair = [art("a", FLOOD[0], DAY), art("b", FLOOD[1], DAY)]
    vectors = representation_for(OPTIONS).update(pair)
    cosine = float((vectors[0] @ vectors[1].T).toarray()[0, 0])
    # Two single articles merge when factor × cosine ≥ threshold × edge_ratio (edge_ratio > relative).
    # With this threshold they merge at factor ≥ 0.9: same week yes; 30 days apart (factor
    # 0.7 + 0.3 × exp(-23 / 30) ≈ 0.84) no; with a floor of 0.95 the decay never goes below 0.95: yes.
    options = replace(OPTIONS, threshold=0.9 * cosine / OPTIONS.edge_ratio, refine_rounds=0)
    assert options.edge_ratio > options.relative and options.decay_days == 30 and options.time_floor == 0.7
    later = [pair[0], replace(pair[1], published=DAY + dt.timedelta(days=30))]
    assert len(cluster_stories(pair, options=options)) == 1
    assert len(cluster_stories(later, options=options)) == 2
    assert len(cluster_stories(later, options=replace(options, time_floor=0.95))) == 1
    # By default (soft decay) close reports a month apart stay one story; a hard window splits them.
    assert len(cluster_stories(later, options=OPTIONS)) == 1
    assert len(cluster_stories(later, options=replace(OPTIONS, decay_days=0.0))) == 2


def test_undated_articles_cluster_by_text_alone() -> None:
    articles = [replace(a, published=None) for a in corpus()]
    articles[0] = replace(articles[0], published=DAY - dt.timedelta(days=365))
    stories = cluster_stories(articles, options=OPTIONS)
    assert len(stories) == 3
    flood = next(s for s in stories if "flood0" in s.article_ids)
    assert flood.first_published == flood.last_published == DAY - dt.timedelta(days=365)
    election = next(s for s in stories if "election0" in s.article_ids)
    assert election.first_published is None


def test_one_assign_call_equals_batch_clustering() -> None:
    clusterer = StoryClusterer(options=OPTIONS)
    mapping = clusterer.assign(corpus())
    assert clusterer.stories() == cluster_stories(corpus(), options=OPTIONS)
    assert mapping == {a: s.id for s in clusterer.stories() for a in s.article_ids}


def test_new_batches_join_existing_stories_and_keep_their_ids() -> None:
    articles = corpus()
    clusterer = StoryClusterer(options=OPTIONS)
    first = clusterer.assign([a for a in articles if not a.id.endswith("2")])
    second = clusterer.assign([a for a in articles if a.id.endswith("2")])
    assert set(second) == {"flood2", "transfer2", "election2"}  # nothing earlier changed story
    assert second["flood2"] == first["flood0"] == stable_hash("flood0")
    assert partition(clusterer.stories()) == partition(cluster_stories(articles, options=OPTIONS))
    assert clusterer.assign(articles[:2]) == {a.id: first[a.id] for a in articles[:2]}  # idempotent


def test_state_round_trip_continues_identically() -> None:
    articles = corpus()
    live = StoryClusterer(options=OPTIONS)
    live.assign(articles[:5])
    restored = StoryClusterer.from_state(live.state())
    assert restored.stories() == live.stories()
    assert restored.assign(articles[5:]) == live.assign(articles[5:])
    assert restored.stories() == live.stories()
    assert restored.state() == live.state()


def test_bad_state_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        StoryClusterer.from_state(b"not a state")


def test_empty_input() -> None:
    assert cluster_stories([], options=OPTIONS) == ()


@pytest.mark.data
def test_real_duc_clusters_and_incremental_agreement() -> None:
    from newsbrief.pipeline import iter_articles
    from newsbrief.settings import Settings

    root = shared_data("duc2004", "docs")
    folders = ["d30001t", "d30015t", "d30026t", "d30049t"]
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for folder in folders:
        for item in iter_articles([str(root / folder)], settings=Settings()):
            assert isinstance(item, Article)
            articles.append(item)
            gold[item.id] = folder
    # These TDT clusters span up to six weeks with gaps of more than 7 days between reports: a wide
    # window lets the text decide (with the default 7 days they split; see docs/clustering.md).
    options = replace(OPTIONS, window_days=60)
    batch = {a: s.id for s in cluster_stories(articles, options=options) for a in s.article_ids}
    assert bcubed(batch, gold).f1 >= 0.9
    # Incremental, in chronological batches of 8: close to the batch result.
    ordered = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))
    clusterer = StoryClusterer(options=options)
    for start in range(0, len(ordered), 8):
        clusterer.assign(ordered[start : start + 8])
    incremental = {a.id: clusterer.story_of(a.id) for a in articles}
    assert bcubed(incremental, gold).f1 >= 0.85
    assert bcubed(incremental, batch).f1 >= 0.85


def test_tight_work_bounds_still_group_each_story_and_keep_stories_apart() -> None:
    # one link per article to its closest earlier one, two candidates each: the chains still hold
    tight = replace(OPTIONS, max_neighbours=1, max_candidates=2)
    assert partition(cluster_stories(corpus(), options=tight)) == partition(cluster_stories(corpus(), options=OPTIONS))


def test_candidate_cap_keeps_the_candidates_sharing_most_keys() -> None:
    # unit 10 has keys 1, 2, 3: unit 0 shares all three (but is the oldest), units 5, 7, 9 one each
    clusterer = StoryClusterer(options=replace(OPTIONS, max_candidates=2))
    clusterer._unit_first = clusterer._unit_last = [-1] * 11
    clusterer._postings = {1: [0, 5], 2: [0, 7], 3: [0, 9]}
    assert clusterer._candidate_pairs([10], [[1, 2, 3]]).tolist() == [[10, 0], [10, 9]]  # then the newest
    clusterer = StoryClusterer(options=replace(OPTIONS, max_candidates=0))
    clusterer._unit_first = clusterer._unit_last = [-1] * 11
    clusterer._postings = {1: [0, 5], 2: [0, 7], 3: [0, 9]}
    assert clusterer._candidate_pairs([10], [[1, 2, 3]]).tolist() == [[10, 0], [10, 5], [10, 7], [10, 9]]


@pytest.mark.data
def test_default_work_bounds_give_the_unbounded_stories_on_real_duc_clusters() -> None:
    from newsbrief.pipeline import iter_articles
    from newsbrief.settings import Settings

    root = shared_data("duc2004", "docs")
    articles = [item for folder in ["d30001t", "d30015t", "d30026t", "d30049t", "d30002t", "d30003t"]
                for item in iter_articles([str(root / folder)], settings=Settings()) if isinstance(item, Article)]
    unbounded = replace(OPTIONS, max_neighbours=0, max_candidates=0)
    assert cluster_stories(articles, options=OPTIONS) == cluster_stories(articles, options=unbounded)


def test_seeded_document_frequencies_equal_clustering_after_the_other_documents() -> None:
    from newsbrief.represent import article_terms

    # clustering the floods with the IDF of all nine reports, without clustering the other six
    others, floods = corpus()[3:], corpus()[:3]
    counted = StoryClusterer(options=OPTIONS)
    counted._rep.partial_fit(others)
    frequencies: dict[str, int] = {}
    for article in others:
        for term in article_terms(article, max_chars=OPTIONS.max_chars):
            frequencies[term] = frequencies.get(term, 0) + 1
    seeded = StoryClusterer(options=OPTIONS)
    seeded.seed_document_frequencies(frequencies, n_docs=len(others))
    assert seeded.state() == counted.state()
    assert seeded.assign(floods) == counted.assign(floods)
    with pytest.raises(UsageError):
        seeded.seed_document_frequencies(frequencies, n_docs=6)


@pytest.mark.data
def test_one_real_story_folder_alone_stays_one_story() -> None:
    """A folder of ten reports of one story, clustered alone (as `newsbrief brief FOLDER` does).

    The background document frequencies keep it whole, where the folder's own ten documents split it.
    """
    from newsbrief.pipeline import iter_articles
    from newsbrief.settings import Settings

    root = shared_data("duc2004", "docs")
    folders = sorted(p for p in root.iterdir() if p.is_dir())[:12]
    settings = Settings()
    per_folder = [[a for a in iter_articles([str(f)], settings=settings) if isinstance(a, Article)] for f in folders]
    whole = sum(len(cluster_stories(arts, options=OPTIONS)) == 1 for arts in per_folder)
    without = replace(OPTIONS, background_docs=0.0, threshold=0.165)  # the calibration without a background
    whole_without = sum(len(cluster_stories(arts, options=without)) == 1 for arts in per_folder)
    assert whole >= 10 and whole_without <= 3


def test_a_folder_joins_the_fragments_of_its_dominant_story_only() -> None:
    flood = [a for a in corpus() if a.id.startswith("flood")]
    transfer = [a for a in corpus() if a.id.startswith("transfer")]
    assert len(cluster_stories([*flood, transfer[0]], options=OPTIONS)) == 2
    everything_close = replace(OPTIONS, fragment_ratio=0.0)  # any ratio passes: the share rule decides
    joined = cluster_folder([*flood, transfer[0]], options=everything_close)
    assert partition(joined) == {frozenset(a.id for a in [*flood, transfer[0]])}
    # a story split off another article's page stays apart
    apart = cluster_folder([*flood, transfer[0]], options=everything_close, apart={transfer[0].id})
    assert len(apart) == 2
    # no story holds half the folder: nothing joins
    assert partition(cluster_folder(corpus(), options=everything_close)) == partition(cluster_stories(corpus(), options=OPTIONS))
    # the default bar: an unrelated report is no fragment
    assert len(cluster_folder([*flood, transfer[0]], options=OPTIONS)) == 2


def test_a_story_half_the_size_of_the_dominant_one_is_no_fragment() -> None:
    flood = [a for a in corpus() if a.id.startswith("flood")]
    transfer = [a for a in corpus() if a.id.startswith("transfer")][:2]
    two = {frozenset(a.id for a in flood), frozenset(a.id for a in transfer)}
    assert partition(cluster_stories([*flood, *transfer], options=OPTIONS)) == two
    everything_close = replace(OPTIONS, fragment_ratio=0.0)  # any ratio would join a fragment
    # two reports beside three: a story of its own, joining only at the merge bar
    assert partition(cluster_folder([*flood, *transfer], options=everything_close)) == two
    # counted as a fragment (only a story as large as the dominant one is a story of its own), it joins
    as_fragment = replace(everything_close, fragment_size=1.0)
    assert len(cluster_folder([*flood, *transfer], options=as_fragment)) == 1


def test_a_fragment_headlined_with_the_dominant_storys_phrase_joins_it() -> None:
    titles = ["Kellington flood: levee fails", "Kellington flood forces 3,000 out", "Shelters full after Kellington flood"]
    flood = [replace(a, title=t) for a, t in zip([a for a in corpus() if a.id.startswith("flood")], titles, strict=True)]
    report = next(a for a in corpus() if a.id.startswith("transfer"))
    by_headline = replace(OPTIONS, fragment_ratio=99.0, fragment_headline_ratio=0.0)  # only the headline decides
    headed = replace(report, title="Kellington flood: striker visits the shelters")
    assert len(cluster_folder([*flood, headed], options=by_headline)) == 1
    # another headline, or the phrase in fewer than three of the dominant story's headlines: apart
    assert len(cluster_folder([*flood, replace(report, title="Okafor signs for Redhaven")], options=by_headline)) == 2
    assert len(cluster_folder([*flood[:2], headed], options=by_headline)) == 2


@pytest.mark.data
def test_real_web_folders_join_a_page_headlined_with_their_story() -> None:
    from newsbrief.pipeline import iter_articles
    from newsbrief.settings import Settings

    root = shared_data("wikiref220", "WikiRef220")

    def stories(pattern: str) -> list[list[str]]:
        arts = [a for a in iter_articles(sorted(str(p) for p in root.glob(pattern)), settings=Settings())
                if isinstance(a, Article)]
        titles = {a.id: a.title for a in arts}
        return [[titles[i] or "" for i in s.article_ids] for s in cluster_folder(arts, options=OPTIONS)]

    # a vigil on the square, in other words than the attacks' reports, under a "Paris Attacks:" headline
    assert len(stories("ParisAttacks2015 (*).txt")) == 1
    # two match reports in a folder of Premier League business news share no headline phrase: apart
    apart = sorted(len(s) for s in stories("premier.league.*.txt"))
    assert apart[:-1] == [1, 1] and apart[-1] >= 30


@pytest.mark.data
def test_real_story_folders_split_by_their_reports_words_are_one_story() -> None:
    from newsbrief.dedup import find_duplicate_groups
    from newsbrief.pipeline import iter_articles
    from newsbrief.settings import Settings

    settings = Settings()
    root = shared_data("duc2004", "docs")
    split = joined = 0
    for name in ("d30010t", "d30027t", "d31033t"):
        arts = [a for a in iter_articles([str(root / name)], settings=settings) if isinstance(a, Article)]
        groups = find_duplicate_groups(arts, options=settings.dedup)
        split += len(cluster_stories(arts, groups=groups, options=OPTIONS)) > 1
        joined += len(cluster_folder(arts, groups=groups, options=OPTIONS)) == 1
    assert split == 3 and joined == 3
