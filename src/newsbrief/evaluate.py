"""ROUGE evaluation of newsbrief's summaries against peer systems on real clusters with human summaries.

Scorer: ``rouge-score`` (Porter stemming, stopwords kept); every system's output is cut to its first
N words (ROUGE-1.5.5 ``-l N``: N = 100 for DUC, 250 for MultiLing) and its scores are averaged over the
topic's references (``-f A``).  Reported: ROUGE-1/2 recall and F1 (in %), each with a 95 % bootstrap
confidence interval over topics (1,000 resamples, fixed seed).

Systems run in the same process at the same budget: newsbrief (all articles of a topic as one story:
duplicate groups, alignment, summary of ``N`` words), sumy's LexRank, TextRank, LSA and Luhn, a lead
baseline (first N words of the most recent article, as DUC's), a centroid baseline (sentences closest
to the TF-IDF centroid, skipping near-repeats).  sumy normally needs NLTK's ``punkt`` data, which cannot
be downloaded here: it gets :class:`SumyTokenizer`, a duck-typed tokenizer built on ``text.py``
(``to_sentences``/``to_words``).  On DUC 2004 the 13 published systems' outputs are scored too.

>>> cut_words("one two three four", 2)
'one two'
>>> r = RougeAverager(words=100)
>>> round(r.score("the cat sat on the mat", ["the cat sat on a mat"])["r2_recall"], 1)
60.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief import text as textmod
from newsbrief.align import align
from newsbrief.errors import UsageError
from newsbrief.evaluate_data import (
    WORD_LIMITS,
    Topic,
    peer_outputs,
    read_articles,
    read_reference,
    topic_layout,
)
from newsbrief.model import Article
from newsbrief.settings import BriefOptions, DedupOptions
from newsbrief.summarize import summarize, word_count

METRICS = ("r1_recall", "r1_f1", "r2_recall", "r2_f1")
SUMY_SYSTEMS = ("sumy-LexRank", "sumy-TextRank", "sumy-LSA", "sumy-Luhn")
# ROUGE-2 recall (%) published for the DUC 2004 systems with ROUGE-1.5.5 (duc-2004-rouge.README.txt)
PUBLISHED_R2 = {
    "Lead": 6.13, "LexRank": 7.51, "Centroid": 7.98, "FreqSum": 8.12, "TsSum": 8.16, "GreedyKL": 8.56,
    "CLASSY04": 9.02, "CLASSY11": 9.21, "Submodular": 9.37, "DPP": 9.62, "OCCAMS_V": 9.75,
    "RegSum": 9.78, "ICSISumm": 9.81,
}


def cut_words(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text`` (ROUGE-1.5.5 ``-l``)."""
    return " ".join(text.split()[:words])


class RougeAverager:
    """rouge-score ROUGE-1/2 with Porter stemming, output cut to ``words`` words, averaged over references."""

    def __init__(self, *, words: int) -> None:
        from rouge_score.rouge_scorer import RougeScorer

        self.words = words
        self._scorer = RougeScorer(["rouge1", "rouge2"], use_stemmer=True)

    def score(self, summary: str, references: Sequence[str]) -> dict[str, float]:
        """Scores (in %) of one summary against the references of its topic."""
        cand = cut_words(summary, self.words)
        totals = dict.fromkeys(METRICS, 0.0)
        for ref in references:
            s = self._scorer.score(ref, cand)
            totals["r1_recall"] += s["rouge1"].recall
            totals["r1_f1"] += s["rouge1"].fmeasure
            totals["r2_recall"] += s["rouge2"].recall
            totals["r2_f1"] += s["rouge2"].fmeasure
        return {k: 100.0 * v / max(len(references), 1) for k, v in totals.items()}


class SumyTokenizer:
    """Duck-typed sumy tokenizer on ``text.py`` (sumy's default needs NLTK punkt data, not downloadable here)."""

    language = "english"

    def __init__(self, splitter: textmod.SentenceSplitter) -> None:
        self._splitter = splitter

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of a paragraph."""
        return tuple(paragraph[s:e] for s, e in self._splitter.split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Words of a sentence."""
        return tuple(textmod.words(sentence))


@dataclass(frozen=True, slots=True)
class SystemScore:
    """Mean and 95 % bootstrap interval of each metric for one system."""

    system: str
    means: dict[str, float]
    low: dict[str, float]
    high: dict[str, float]
    published_r2: float | None = None


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    """All systems' scores on one dataset."""

    dataset: str
    topics: int
    words: int
    scores: tuple[SystemScore, ...]


def _fill(sentences: Sequence[str], words: int) -> str:
    out: list[str] = []
    for s in sentences:
        out.append(s)
        if word_count(" ".join(out)) >= words:
            break
    return cut_words(" ".join(out), words)


def lead_baseline(articles: Sequence[Article], words: int) -> str:
    """First ``words`` words of the most recent article (DUC's lead baseline)."""
    latest = max(articles, key=lambda a: (a.published or dt.date.min, a.source))
    return cut_words(latest.text, words)


def centroid_baseline(sentences: Sequence[str], words: int, *, redundancy: float = 0.5) -> str:
    """Sentences closest to the TF-IDF centroid of the topic, skipping near-repeats, up to ``words``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences)
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    scores = matrix @ centroid
    chosen: list[int] = []
    for i in np.argsort(-scores, kind="stable"):
        if word_count(sentences[i]) < 5:
            continue
        if chosen and max((matrix[i] @ matrix[j].T).toarray()[0, 0] for j in chosen) > redundancy:
            continue
        chosen.append(int(i))
        if sum(word_count(sentences[j]) for j in chosen) >= words:
            break
    return _fill([sentences[i] for i in chosen], words)


def sumy_baseline(name: str, articles: Sequence[Article], tokenizer: SumyTokenizer, words: int) -> str:
    """Sumy's ``name`` summariser with the smallest sentence count that reaches ``words`` words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer, "Luhn": LuhnSummarizer}
    summarizer = classes[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    document = PlaintextParser.from_string("\n\n".join(a.text for a in articles), tokenizer).document
    total = len(document.sentences)
    if total == 0:
        return ""

    def top(count: int) -> str:
        return " ".join(str(s) for s in summarizer(document, count))

    # the smallest count whose output reaches ``words`` (top-k sets are nested, so word counts grow with k);
    # start from an estimate by the mean sentence length instead of scanning up from 1
    mean = max(1.0, sum(word_count(str(s)) for s in document.sentences) / total)
    count = min(total, max(1, round(words / mean)))
    out = top(count)
    while count > 1 and word_count(out) >= words:
        shorter = top(count - 1)
        if word_count(shorter) < words:
            break
        count, out = count - 1, shorter
    while word_count(out) < words and count < total:
        count += 1
        out = top(count)
    return cut_words(out, words)


def newsbrief_summary(
    articles: Sequence[Article], words: int, *, splitter: textmod.SentenceSplitter, options: BriefOptions | None = None
) -> str:
    """Newsbrief's summary of ``articles`` as one story (what ``brief --one-story --format text`` prints)."""
    from newsbrief.dedup import find_duplicate_groups

    groups = find_duplicate_groups(articles, options=DedupOptions())
    base = options or BriefOptions()
    opts = BriefOptions(**{**{f: getattr(base, f) for f in base.__slots__}, "words": words, "one_story": True})
    summary = summarize(align(articles, groups=groups, splitter=splitter, options=opts), options=opts)
    return " ".join(s.text for s in summary)


def _bootstrap(values: np.ndarray, *, resamples: int = 1000, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(resamples, len(values)))
    means = values[idx].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def score_systems(outputs: dict[str, dict[str, str]], topics: Sequence[Topic], words: int) -> tuple[SystemScore, ...]:
    """Score every system's outputs (system → topic id → text) against the topics' references."""
    rouge = RougeAverager(words=words)
    result = []
    for system, by_topic in outputs.items():
        rows = [rouge.score(by_topic.get(t.id, ""), t.references) for t in topics]
        means, low, high = {}, {}, {}
        for m in METRICS:
            values = np.array([r[m] for r in rows])
            means[m] = float(values.mean())
            low[m], high[m] = _bootstrap(values)
        result.append(SystemScore(system, means, low, high, PUBLISHED_R2.get(system)))
    return tuple(sorted(result, key=lambda s: -s.means["r2_recall"]))


def topic_outputs(
    job: tuple[str, list[Path], list[Path]], *, systems: Sequence[str], words: int, options: BriefOptions | None
) -> tuple[Topic, dict[str, str]]:
    """Read one topic (``(id, article files, reference files)``) and run every system on it."""
    tid, docs, refs = job
    topic = Topic(tid, read_articles(docs), tuple(read_reference(r) for r in refs))
    splitter = textmod.SentenceSplitter()
    tokenizer = SumyTokenizer(splitter)
    arts = topic.articles
    out: dict[str, str] = {}
    for system in systems:
        if system == "newsbrief":
            out[system] = newsbrief_summary(arts, words, splitter=splitter, options=options)
        elif system == "lead":
            out[system] = lead_baseline(arts, words)
        elif system == "centroid":
            sents = [a.text[s:e] for a in arts for s, e in splitter.split(a.text)]
            out[system] = centroid_baseline(sents, words)
        elif system in SUMY_SYSTEMS:
            out[system] = sumy_baseline(system.removeprefix("sumy-"), arts, tokenizer, words)
        else:
            raise UsageError(f"unknown system {system!r}; choose from newsbrief, lead, centroid, {', '.join(SUMY_SYSTEMS)}")
    return topic, out


def evaluate(
    dataset: str,
    *,
    data_dir: Path,
    options: BriefOptions | None = None,
    systems: Sequence[str] = ("newsbrief", *SUMY_SYSTEMS, "lead", "centroid"),
    workers: int = 1,
    topic_progress: Callable[[Iterable[Any]], Iterable[Any]] = lambda t: t,
) -> EvaluationResult:
    """Run newsbrief and the baselines on ``dataset`` and score them (plus DUC 2004's published systems).

    ``workers`` > 1 runs topics in parallel processes (same output); ``topic_progress`` wraps the
    iterator of finished topics (a progress bar).
    """
    layout = topic_layout(dataset, data_dir)
    words = WORD_LIMITS[dataset]
    run = partial(topic_outputs, systems=tuple(systems), words=words, options=options)
    outputs: dict[str, dict[str, str]] = {s: {} for s in systems}
    topics: list[Topic] = []
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(topic_progress(pool.map(run, layout)))
    else:
        results = list(topic_progress(map(run, layout)))
    for topic, out in results:
        topics.append(topic)
        for system, text in out.items():
            outputs[system][topic.id] = text
    if dataset == "duc2004":
        outputs.update(peer_outputs(data_dir, [t.id for t in topics]))
    return EvaluationResult(dataset, len(topics), words, score_systems(outputs, topics, words))
