"""Story clustering quality on real labelled data: B-cubed precision / recall / F1.

Data sets (under ``../shared/data``; nothing from them is copied into the repository):

* ``duc``: DUC 2003 (``duc2003/docs.without.headlines/*``, 60 folders) and DUC 2004 (``duc2004/docs/*``,
  50 folders) mixed into one stream; the gold story of an article is its cluster folder
  (``duc2003/d30003t`` and ``duc2004/d30003t`` are two gold clusters: 110 in all).
* ``wikiref``: WikiRef220; the gold topic is the file name before `` (N).txt`` or ``.N.txt``.

The reference is a plain scikit-learn pipeline (``TfidfVectorizer`` + ``AgglomerativeClustering``, cosine,
average linkage) whose distance threshold is tuned *on the evaluated set itself* (an upper bound for
it), run side by side in the same call.

>>> bcubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "y", "c": "y"}).f1
0.6666666666666666
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from newsbrief.errors import UsageError
from newsbrief.evaluate_data import semeval_rows
from newsbrief.model import Article, Rejected
from newsbrief.settings import ClusterOptions, DedupOptions, Settings


@dataclass(frozen=True, slots=True)
class BCubed:
    """B-cubed precision, recall and F1 (averaged over items), and the number of predicted clusters."""

    precision: float
    recall: float
    f1: float
    clusters: int = 0


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """B-cubed scores of ``predicted`` cluster labels against ``gold`` labels (over the gold items).

    For item i: precision = |pred(i) ∩ gold(i)| / |pred(i)|, recall = |pred(i) ∩ gold(i)| / |gold(i)|;
    both are averaged over items and F1 is their harmonic mean.  An item missing from ``predicted``
    counts as a singleton.

    >>> s = bcubed({"a": 1, "b": 1, "c": 1, "d": 2}, {"a": "x", "b": "x", "c": "y", "d": "y"})
    >>> round(s.precision, 4), round(s.recall, 4)
    (0.6667, 0.75)
    """
    if not gold:
        raise UsageError("bcubed needs at least one gold item")
    labels = {item: predicted.get(item, ("singleton", item)) for item in gold}
    pair_counts = Counter((labels[i], gold[i]) for i in gold)
    pred_sizes = Counter(labels.values())
    gold_sizes = Counter(gold.values())
    precision = recall = 0.0
    for (pred_label, gold_label), both in pair_counts.items():
        precision += both * both / pred_sizes[pred_label]
        recall += both * both / gold_sizes[gold_label]
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(pred_sizes))


# ---------------------------------------------------------------------------------------------- loading
_WIKIREF_TOPIC = re.compile(r"^(.*?)(?: \(\d+\)|\.\d+)\.txt$")
DUC_ROOTS = (("duc2003", ("duc2003", "docs.without.headlines")), ("duc2004", ("duc2004", "docs")))
WIKIREF_ROOT = ("wikiref220", "WikiRef220")


@dataclass(frozen=True, slots=True)
class LabelledSet:
    """Articles read through the newsbrief pipeline, their gold labels, and what was skipped."""

    articles: tuple[Article, ...]
    gold: Mapping[str, str]
    rejected: tuple[Rejected, ...] = ()


def _file_of(source: str) -> Path:
    """The file an article came from (SGML sources are ``<file>#<docno>``)."""
    return Path(source.split("#", 1)[0])


def _read(paths: Sequence[Path], settings: Settings) -> tuple[list[Article], list[Rejected]]:
    from newsbrief.pipeline import iter_articles

    articles: list[Article] = []
    rejected: list[Rejected] = []
    for item in iter_articles([str(p) for p in paths], settings=settings):
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            articles.append(item)  # appended stories split off a page are not labelled: left out
    return articles, rejected


def load_duc(data: Path, *, settings: Settings | None = None, gold: Literal["folder", "topic"] = "folder") -> LabelledSet:
    """DUC 2003 (60 folders) + DUC 2004 (50 folders) as one stream through ``pipeline.iter_articles``.

    ``gold="folder"``: the gold story is ``<set>/<folder>`` (110 clusters, as specified);
    ``gold="topic"``: folders of the same name in both years (the same TDT topic) are one story.
    """
    roots = [data.joinpath(*parts) for _name, parts in DUC_ROOTS]
    for root in roots:
        if not root.is_dir():
            raise UsageError(f"{root}: not found (DUC data)")
    articles, rejected = _read(roots, settings or Settings())
    labels: dict[str, str] = {}
    for article in articles:
        folder = _file_of(article.source).parent
        labels[article.id] = f"{folder.parent.parent.name}/{folder.name}" if gold == "folder" else folder.name
    return LabelledSet(tuple(articles), labels, tuple(rejected))


def wikiref_topic(file_name: str) -> str:
    """Gold topic of a WikiRef220 file name.

    >>> wikiref_topic("ParisAttacks2015 (12).txt"), wikiref_topic("NBA.draft.2.txt")
    ('ParisAttacks2015', 'NBA.draft')
    """
    match = _WIKIREF_TOPIC.match(file_name)
    if not match:
        raise UsageError(f"{file_name}: not a WikiRef file name ('<topic> (N).txt' or '<topic>.N.txt')")
    return match.group(1)


def load_wikiref(data: Path, *, settings: Settings | None = None) -> LabelledSet:
    """WikiRef220 through ``pipeline.iter_articles``; gold = topic from the file name."""
    root = data.joinpath(*WIKIREF_ROOT)
    if not root.is_dir():
        raise UsageError(f"{root}: not found (WikiRef220 data)")
    articles, rejected = _read([root], settings or Settings())
    labels = {a.id: wikiref_topic(_file_of(a.source).name) for a in articles}
    return LabelledSet(tuple(articles), labels, tuple(rejected))


# ---------------------------------------------------------------------------------------------- baseline
def _baseline_distances(articles: Sequence[Article]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    return np.asarray(cosine_distances(matrix))


def baseline_labels(
    articles: Sequence[Article], *, distance_threshold: float, distances: np.ndarray | None = None
) -> dict[str, int]:
    """The reference pipeline: scikit-learn TF-IDF + agglomerative clustering (cosine, average linkage).

    (Dense n × n distances: fine for the evaluation sets, not for a stream.)
    """
    from sklearn.cluster import AgglomerativeClustering

    if distances is None:
        distances = _baseline_distances(articles)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=distance_threshold)
    labels = model.fit_predict(distances)
    return {a.id: int(label) for a, label in zip(articles, labels, strict=True)}


def tuned_baseline(articles: Sequence[Article], gold: Mapping[str, str]) -> tuple[float, BCubed]:
    """The baseline with its distance threshold chosen on the evaluated set itself (best F1)."""
    distances = _baseline_distances(articles)
    best: tuple[float, BCubed] | None = None
    for threshold in np.arange(0.50, 1.0, 0.01):
        labels = baseline_labels(articles, distance_threshold=float(threshold), distances=distances)
        score = bcubed(labels, gold)
        if best is None or score.f1 > best[1].f1:
            best = (round(float(threshold), 2), score)
    assert best is not None
    return best


# ---------------------------------------------------------------------------------------------- calibration
SEMEVAL_DIR = ("semeval2022-task8-subset", "data")


@dataclass(frozen=True, slots=True)
class Calibration:
    """The same-story cosine threshold chosen on SemEval-2022 training pairs, checked on the test pairs."""

    threshold: float
    train_pairs: int
    train_f1: float
    test_pairs: int
    test_precision: float
    test_recall: float
    test_f1: float


def _semeval_pairs(path: Path) -> list[tuple[str, str, str, str, bool]]:
    pairs = []
    for row in semeval_rows(path):
        if row["lang1"] == "en" and row["lang2"] == "en":
            first, second = row["pair_id"].split("_", 1)
            pairs.append((first, second, row["text1"], row["text2"], float(row["Overall"]) <= 2.0))
    return pairs


def _pair_cosines(pairs: Sequence[tuple[str, str, str, str, bool]], options: ClusterOptions) -> np.ndarray:
    """Cosines of the newsbrief representation, document frequencies fitted on the split's texts."""
    from newsbrief.represent import representation_for

    texts: dict[str, str] = {}
    for first, second, text1, text2, _same in pairs:
        texts.setdefault(first, text1)
        texts.setdefault(second, text2)
    ids = sorted(texts)
    articles = [Article(id=i, content_hash=i, source=i, title=None, text=texts[i]) for i in ids]
    rep = representation_for(options)
    matrix = rep.update(articles)
    row = {article_id: n for n, article_id in enumerate(ids)}
    left = matrix[[row[p[0]] for p in pairs]]
    right = matrix[[row[p[1]] for p in pairs]]
    return np.asarray(left.multiply(right).sum(axis=1)).ravel()


def _pair_scores(cosines: np.ndarray, same: np.ndarray, threshold: float) -> tuple[float, float, float]:
    predicted = cosines >= threshold
    true_pos = float((predicted & same).sum())
    precision = true_pos / predicted.sum() if predicted.sum() else 0.0
    recall = true_pos / same.sum() if same.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def calibrate_threshold(data: Path, *, options: ClusterOptions) -> Calibration:
    """Pairwise same-story threshold: best F1 on SemEval-2022 en-en *training* pairs, checked on *testing*.

    Overall ≤ 2 counts as the same story.
    """
    folder = data.joinpath(*SEMEVAL_DIR)
    train_path, test_path = folder / "training_set.csv", folder / "testing_set.csv"
    for path in (train_path, test_path):
        if not path.is_file():
            raise UsageError(f"{path}: not found (SemEval-2022 task 8 data)")
    train, test = _semeval_pairs(train_path), _semeval_pairs(test_path)
    train_cos, test_cos = _pair_cosines(train, options), _pair_cosines(test, options)
    train_same = np.array([p[4] for p in train])
    test_same = np.array([p[4] for p in test])
    grid = [round(float(t), 3) for t in np.arange(0.02, 0.6, 0.005)]
    best = max(grid, key=lambda t: (_pair_scores(train_cos, train_same, t)[2], -t))
    precision, recall, f1 = _pair_scores(test_cos, test_same, best)
    return Calibration(best, len(train), _pair_scores(train_cos, train_same, best)[2], len(test),
                       precision, recall, f1)


# ---------------------------------------------------------------------------------------------- evaluation
@dataclass(frozen=True, slots=True)
class StoryEvaluation:
    """Scores of newsbrief and the reference baseline on one labelled set (same articles, same gold)."""

    dataset: str
    articles: int
    gold_stories: int
    rejected: int
    newsbrief: BCubed
    seconds: float
    baseline: BCubed
    baseline_threshold: float
    extra: tuple[tuple[str, BCubed], ...] = ()


def predicted_labels(articles: Sequence[Article], *, options: ClusterOptions) -> dict[str, str]:
    """Article id → story id from :func:`newsbrief.cluster.cluster_stories`."""
    from newsbrief.cluster import cluster_stories

    return {a: story.id for story in cluster_stories(articles, options=options) for a in story.article_ids}


def _by_folder(articles: Sequence[Article], gold: Mapping[str, str]) -> dict[str, list[Article]]:
    """The articles of each gold folder, in input order."""
    by_folder: dict[str, list[Article]] = {}
    for article in articles:
        by_folder.setdefault(gold[article.id], []).append(article)
    return by_folder


def _stories_as_briefed(batch: Sequence[Article], *, options: ClusterOptions, dedup: DedupOptions) -> dict[str, str]:
    """Article id → story id of one batch clustered as ``brief`` clusters a folder.

    Its duplicate groups, then :func:`newsbrief.cluster.cluster_folder`.
    """
    from newsbrief.cluster import cluster_folder
    from newsbrief.dedup import find_duplicate_groups

    groups = find_duplicate_groups(batch, options=dedup)
    return {a: story.id for story in cluster_folder(batch, groups=groups, options=options) for a in story.article_ids}


def _each_folder_alone(
    articles: Sequence[Article], gold: Mapping[str, str], *, options: ClusterOptions, dedup: DedupOptions
) -> dict[str, str]:
    """Stories found when each gold folder is clustered on its own, as ``brief FOLDER`` does.

    Its recall shows how often one story's folder is split (precision is 1 by construction).
    """
    labels: dict[str, str] = {}
    for folder, members in sorted(_by_folder(articles, gold).items()):
        for article_id, story in _stories_as_briefed(members, options=options, dedup=dedup).items():
            labels[article_id] = f"{folder}/{story}"
    return labels


def _each_folder_with_a_foreign_article(
    articles: Sequence[Article], gold: Mapping[str, str], topic: Mapping[str, str], *, options: ClusterOptions,
    dedup: DedupOptions, draws: int = 3,
) -> tuple[dict[str, str], dict[str, str]]:
    """Predicted and gold labels when each folder is clustered alone with one article of another topic.

    ``draws`` runs per folder, each adding one article drawn (seeded by folder and draw) among those of
    another ``topic`` whose text the folder does not hold.  Keys are ``run:article id`` (an article takes
    part in several runs).  Precision falls when the foreign article joins the folder's story — what
    joining a dominant story's fragments (:func:`newsbrief.cluster.cluster_folder`) must not do.
    """
    import random

    ordered = sorted(articles, key=lambda a: a.id)
    predicted: dict[str, str] = {}
    truth: dict[str, str] = {}
    for folder, members in sorted(_by_folder(articles, gold).items()):
        hashes = {a.content_hash for a in members}
        others = [a for a in ordered if topic[a.id] != topic[members[0].id] and a.content_hash not in hashes]
        for draw in range(draws):
            run = f"{folder}#{draw}"
            batch = [*members, random.Random(run).choice(others)]
            for article_id, story in _stories_as_briefed(batch, options=options, dedup=dedup).items():
                predicted[f"{run}:{article_id}"] = f"{run}:{story}"
            truth.update({f"{run}:{a.id}": f"{run}:{gold[a.id]}" for a in batch})
    return predicted, truth


def _two_folders_as_one(
    articles: Sequence[Article], gold: Mapping[str, str], topic: Mapping[str, str], *, options: ClusterOptions,
    dedup: DedupOptions, every_pair: bool = False,
) -> tuple[dict[str, str], dict[str, str]]:
    """Predicted and gold labels when two folders of different topics are clustered as one folder.

    Each folder with one folder of another ``topic`` drawn for it (seeded by the folder), or with
    ``every_pair`` every pair of folders of different topics, read as one folder as ``brief`` reads a
    folder of two stories (the second folder without the texts the first holds).  Keys are
    ``run:article id``.  Precision falls when the two stories become one (the clusterer's merges, or
    a story as large as the other joined as its fragment).
    """
    import itertools
    import random

    by_folder = _by_folder(articles, gold)
    names = sorted(by_folder)

    def apart(a: str, b: str) -> bool:
        return topic[by_folder[a][0].id] != topic[by_folder[b][0].id]

    if every_pair:
        runs = [(a, b) for a, b in itertools.combinations(names, 2) if apart(a, b)]
    else:
        runs = [(a, random.Random(a).choice([b for b in names if apart(a, b)])) for a in names]
    predicted: dict[str, str] = {}
    truth: dict[str, str] = {}
    for first, second in runs:
        run = f"{first}+{second}"
        hashes = {a.content_hash for a in by_folder[first]}
        batch = [*by_folder[first], *(a for a in by_folder[second] if a.content_hash not in hashes)]
        for article_id, story in _stories_as_briefed(batch, options=options, dedup=dedup).items():
            predicted[f"{run}:{article_id}"] = f"{run}:{story}"
        truth.update({f"{run}:{a.id}": f"{run}:{gold[a.id]}" for a in batch})
    return predicted, truth


def _folders_joined_by_shared_texts(articles: Sequence[Article], gold: Mapping[str, str]) -> dict[str, str]:
    """Gold folders, merged when one text (same content hash) is filed in both: no clusterer can part them.

    >>> arts = [Article(i, h, i, None, "x") for i, h in (("a", "h1"), ("b", "h1"), ("c", "h2"))]
    >>> sorted(set(_folders_joined_by_shared_texts(arts, {"a": "f1", "b": "f2", "c": "f3"}).values()))
    ['f1', 'f3']
    """
    parent = {label: label for label in gold.values()}

    def root(label: str) -> str:
        while parent[label] != label:
            label = parent[label]
        return label

    first_folder: dict[str, str] = {}
    for article in articles:
        folder = gold[article.id]
        seen = first_folder.setdefault(article.content_hash, folder)
        a, b = root(seen), root(folder)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {article.id: root(gold[article.id]) for article in articles}


def evaluate_stories(
    dataset: Literal["duc", "wikiref"], *, data: Path, options: ClusterOptions, settings: Settings | None = None
) -> StoryEvaluation:
    """Cluster one labelled set with newsbrief and with the baseline; B-cubed against the gold labels.

    The baseline is scored twice: with its distance threshold tuned on this very set (its best case)
    and tuned on the other labelled set (as newsbrief's threshold comes from other data).
    For ``duc`` the extra rows score the same runs against the topic gold (same-named DUC 2003 and
    2004 folders = one story) and give the score of a perfect topic clustering against the folder
    gold (the ceiling a clusterer that merges same-topic folders can reach), and that of a perfect
    clustering that keeps identical texts together (45 DUC texts are filed in two folders), and the
    stories found when each folder is clustered alone (how often one story's folder is split); for both
    sets, each folder (topic) read together with one other, as ``brief`` reads a folder of two stories.
    """
    loaders = {"duc": load_duc, "wikiref": load_wikiref}
    if dataset not in loaders:
        raise UsageError(f"unknown data set {dataset!r}; choose 'duc' or 'wikiref'")
    labelled = loaders[dataset](data, settings=settings)
    articles, gold = labelled.articles, labelled.gold
    if not articles:
        raise UsageError(f"no articles read for {dataset}")
    start = time.perf_counter()
    predicted = predicted_labels(articles, options=options)
    seconds = time.perf_counter() - start
    threshold, baseline = tuned_baseline(articles, gold)
    # The fair comparison: the baseline's threshold chosen on the *other* labelled set, as newsbrief's is
    # chosen on other data (SemEval pairs).
    other_name = "wikiref" if dataset == "duc" else "duc"
    other = loaders[other_name](data, settings=settings)
    extra: list[tuple[str, BCubed]] = []
    if other.articles:
        other_threshold, _score = tuned_baseline(other.articles, other.gold)
        extra.append((f"baseline, threshold tuned on {other_name} ({other_threshold:.2f})",
                      bcubed(baseline_labels(articles, distance_threshold=other_threshold), gold)))
    dedup = (settings or Settings()).dedup
    if dataset == "duc":
        topic = {a: label.split("/", 1)[1] for a, label in gold.items()}
        _t, baseline_topic = tuned_baseline(articles, topic)
        extra += [
            ("newsbrief, topic gold", bcubed(predicted, topic)),
            ("baseline (tuned on it), topic gold", baseline_topic),
            ("perfect topic clustering, folder gold", bcubed(topic, gold)),
            ("perfect clustering keeping identical texts together, folder gold",
             bcubed(_folders_joined_by_shared_texts(articles, gold), gold)),
            ("each folder clustered alone (as `brief FOLDER`), folder gold",
             bcubed(_each_folder_alone(articles, gold, options=options, dedup=dedup), gold)),
            ("each folder alone with one article of another topic added (3 draws), folder gold",
             bcubed(*_each_folder_with_a_foreign_article(articles, gold, topic, options=options, dedup=dedup))),
            ("each folder read with a folder of another topic (one draw), folder gold",
             bcubed(*_two_folders_as_one(articles, gold, topic, options=options, dedup=dedup))),
        ]
    if dataset == "wikiref":
        extra.append(("every two topics read as one folder, topic gold",
                      bcubed(*_two_folders_as_one(articles, gold, gold, options=options, dedup=dedup, every_pair=True))))
    return StoryEvaluation(dataset, len(articles), len(set(gold.values())), len(labelled.rejected),
                           bcubed(predicted, gold), seconds, baseline, threshold, tuple(extra))
