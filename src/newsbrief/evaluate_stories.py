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

import csv
import datetime as dt
import re
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from newsbrief.errors import UsageError
from newsbrief.model import Article
from newsbrief.settings import ClusterOptions
from newsbrief.text import content_hash
from newsbrief.text import article_id as make_article_id


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
_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_HEADLINE = re.compile(r"<HEADLINE>(.*?)</HEADLINE>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[A-Za-z0-9#]+;")
_DOCNO_DATE = re.compile(r"(\d{8})")
_WIKIREF_TOPIC = re.compile(r"^(.*?)(?: \(\d+\)|\.\d+)\.txt$")


def _sgml_articles(path: Path) -> Iterable[Article]:
    """Minimal reader for the DUC SGML files (one or more ``<DOC>``), used until ingest covers SGML."""
    content = path.read_text(encoding="latin-1")
    for block in _DOC.findall(content) or [content]:
        docno_match = _DOCNO.search(block)
        docno = docno_match.group(1) if docno_match else path.name
        text_match = _TEXT.search(block)
        body = _ENTITY.sub(" ", _TAG.sub(" ", text_match.group(1) if text_match else block))
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n\t", body)]
        text = "\n\n".join(p for p in paras if p)
        headline_match = _HEADLINE.search(block)
        title = " ".join(_TAG.sub(" ", headline_match.group(1)).split()) if headline_match else None
        date_match = _DOCNO_DATE.search(docno)
        published = None
        if date_match:
            try:
                published = dt.datetime.strptime(date_match.group(1), "%Y%m%d").date()
            except ValueError:
                published = None
        source = str(path)
        chash = content_hash(text)
        yield Article(id=make_article_id(source, chash), content_hash=chash, source=source, title=title or None,
                      text=text, published=published)


def load_duc(data: Path) -> tuple[list[Article], dict[str, str]]:
    """DUC 2003 (60 folders) + DUC 2004 (50 folders) as one stream, gold = ``<set>/<folder>``."""
    roots = [("duc2003", data / "duc2003" / "docs.without.headlines"), ("duc2004", data / "duc2004" / "docs")]
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for name, root in roots:
        if not root.is_dir():
            raise UsageError(f"{root}: not found (DUC data)")
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            for file in sorted(folder.iterdir()):
                for article in _sgml_articles(file):
                    articles.append(article)
                    gold[article.id] = f"{name}/{folder.name}"
    return articles, gold


def wikiref_topic(file_name: str) -> str:
    """Gold topic of a WikiRef220 file name.

    >>> wikiref_topic("ParisAttacks2015 (12).txt"), wikiref_topic("NBA.draft.2.txt")
    ('ParisAttacks2015', 'NBA.draft')
    """
    match = _WIKIREF_TOPIC.match(file_name)
    if not match:
        raise UsageError(f"{file_name}: not a WikiRef file name ('<topic> (N).txt' or '<topic>.N.txt')")
    return match.group(1)


def load_wikiref(data: Path) -> tuple[list[Article], dict[str, str]]:
    """WikiRef220 as undated plain-text articles (first non-empty line = title), gold = topic."""
    root = data / "wikiref220" / "WikiRef220"
    if not root.is_dir():
        raise UsageError(f"{root}: not found (WikiRef220 data)")
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for file in sorted(root.glob("*.txt")):
        raw = file.read_text(encoding="utf-8", errors="replace")
        lines = [line.strip() for line in raw.splitlines()]
        nonempty = [i for i, line in enumerate(lines) if line]
        title = lines[nonempty[0]] if nonempty else None
        text = "\n".join(lines[nonempty[0] + 1 :]).strip() if nonempty else ""
        chash = content_hash(text)
        article = Article(id=make_article_id(str(file), chash), content_hash=chash, source=str(file),
                          title=title, text=text)
        articles.append(article)
        gold[article.id] = wikiref_topic(file.name)
    return articles, gold


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
