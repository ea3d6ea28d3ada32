r"""Measuring the cleaner against data it was not built from.

Two measurements (``newsbrief eval clean extraction`` / ``newsbrief eval clean lines``):

* **Extraction**: the article-extraction benchmark (181 pages with hand-made gold bodies), scored with
  that benchmark's own metric: ``\w+`` tokens, bags of 4-gram word shingles, per-page TP/FP/FN
  normalised by their sum, precision and recall averaged over pages, F1 from the two averages.  Our
  pipeline (:func:`newsbrief.ingest.html.extract_html` + :class:`~newsbrief.clean.Cleaner`) runs side by
  side with plain ``trafilatura.extract`` in the same run.  Pages are split by a hash of their id into
  a *tune* half and a *report* half (:func:`half`).
* **Lines**: line labels (see :mod:`newsbrief.evaluate_clean_lines`).

>>> tp, fp, fn = shingle_counts("a b c d e", "a b c d x")
>>> round(tp, 3), round(fp, 3), round(fn, 3)
(0.333, 0.333, 0.333)
>>> precision_recall(tp, fp, fn)
(0.5, 0.5)
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from newsbrief.errors import UsageError
from newsbrief.text import stable_hash

if TYPE_CHECKING:
    from newsbrief.ingest.html import HtmlOptions

Half = Literal["tune", "report"]
_TOKEN = re.compile(r"\w+", re.UNICODE)


def half(page_id: str) -> Half:
    """Which half a page (or file) belongs to: a stable hash of its id, about 50/50.

    >>> half("abc") in ("tune", "report")
    True
    """
    return "tune" if int(stable_hash("newsbrief-eval-split", page_id), 16) % 2 == 0 else "report"


def _shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(gold: str, predicted: str, *, n: int = 4) -> tuple[float, float, float]:
    """The benchmark's per-page TP, FP, FN over bags of ``n``-gram word shingles, normalised by their sum."""
    true, pred = _shingles(gold, n), _shingles(predicted, n)
    tp = fp = fn = 0
    for key in true.keys() | pred.keys():
        t, p = true.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def precision_recall(tp: float, fp: float, fn: float) -> tuple[float, float]:
    """Per-page precision and recall as the benchmark defines them (both 1 when nothing differs)."""
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall averaged over pages, F1 from the two averages."""

    pages: int
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of the averaged precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: Sequence[tuple[str, str]]) -> Score:
    """Score ``(gold, predicted)`` pairs with the benchmark's metric.

    >>> s = score([("one two three four five", "one two three four five")])
    >>> (s.precision, s.recall, s.f1)
    (1.0, 1.0, 1.0)
    """
    if not pairs:
        return Score(0, 0.0, 0.0)
    prs = [precision_recall(*shingle_counts(gold, pred)) for gold, pred in pairs]
    return Score(len(prs), sum(p for p, _ in prs) / len(prs), sum(r for _, r in prs) / len(prs))


@dataclass(frozen=True, slots=True)
class BenchmarkPage:
    """One page of the article-extraction benchmark."""

    id: str
    html: str
    gold: str
    url: str | None


def load_benchmark(root: str | Path) -> Iterator[BenchmarkPage]:
    """Pages of the article-extraction benchmark (``html/<id>.html.gz`` + ``ground-truth.json``), by id."""
    root = Path(root)
    truth_path = root / "ground-truth.json"
    if not truth_path.is_file():
        raise UsageError(f"{root}: not the article-extraction benchmark (no ground-truth.json)")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = root / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        raw = gzip.decompress(path.read_bytes())
        html = raw.decode("utf-8", errors="replace")
        yield BenchmarkPage(page_id, html, truth[page_id].get("articleBody") or "", truth[page_id].get("url"))


Extractor = Callable[[BenchmarkPage], str]


def trafilatura_alone(page: BenchmarkPage) -> str:
    """The baseline: plain ``trafilatura.extract`` with its defaults."""
    import trafilatura

    return trafilatura.extract(page.html) or ""


def newsbrief_pipeline(
    page: BenchmarkPage, *, residue_model: bool = False, options: HtmlOptions | None = None, clean: bool = True
) -> str:
    """Our pipeline on a page: :func:`extract_html` then the cleaner; the headline is not body."""
    from newsbrief.clean import Cleaner
    from newsbrief.ingest.html import extract_html
    from newsbrief.model import RawDocument
    from newsbrief.settings import CleanOptions

    text, meta = extract_html(page.html, url=page.url, options=options)
    if not clean:
        return text
    raw = RawDocument(page.id, text, format="html", url=page.url, record_meta=meta)
    return Cleaner(options=CleanOptions(residue_model=residue_model)).clean(raw).main.text


def newsbrief_with_model(page: BenchmarkPage) -> str:
    """:func:`newsbrief_pipeline` with the residue-line model after the rules (off by default), for comparison."""
    return newsbrief_pipeline(page, residue_model=True)


#: The :class:`HtmlOptions` fields that switch off every markup fix (trafilatura alone extracts).
_OLD = {
    "lift_posts": False,
    "unwrap_layout": False,
    "drop_link_lists": False,
    "drop_lead_headings": False,
}
#: Extraction settings compared by ``newsbrief eval clean extraction --sweep`` (tuning half only): the
#: trafilatura options (the first rounds; the markup fixes off), then the markup fixes one by one.
SWEEP: dict[str, dict[str, Any]] = {
    "default": {**_OLD, "include_comments": True, "fast": False},
    "favor_precision": {**_OLD, "include_comments": True, "fast": False, "favor_precision": True},
    "favor_recall": {**_OLD, "include_comments": True, "fast": False, "favor_recall": True},
    "no_tables": {**_OLD, "include_comments": True, "fast": False, "include_tables": False},
    "fast": {**_OLD, "include_comments": True},
    "no_comments": {**_OLD, "fast": False},
    "no_comments+fast": {**_OLD},
    "no_comments+favor_recall": {**_OLD, "fast": False, "favor_recall": True},
    "no_comments+favor_precision+fast": {**_OLD, "favor_precision": True},
    "no_comments+fast+lift_posts": {**_OLD, "lift_posts": True},
    "no_comments+fast+unwrap_layout": {**_OLD, "unwrap_layout": True},
    "no_comments+fast+lift_posts+unwrap_layout": {"drop_link_lists": False, "drop_lead_headings": False},
    "no_comments+fast+lift_posts+unwrap_layout+drop_link_lists": {"drop_lead_headings": False},
    "no_comments+fast+lift_posts+unwrap_layout+drop_link_lists+drop_lead_headings": {},
    "no_comments+favor_recall+fast+all_fixes": {"favor_recall": True},
    "no_comments+all_fixes (fallbacks on)": {"fast": False},
}


def without_markup_fixes(page: BenchmarkPage) -> str:
    """:func:`newsbrief_pipeline` with trafilatura's extraction as it is (no markup fixes), for comparison."""
    return pipeline_with(_OLD)(page)


def extraction_only(page: BenchmarkPage) -> str:
    """:func:`extract_html`'s text without the cleaner: how much of the score is the extraction's."""
    return newsbrief_pipeline(page, clean=False)


def pipeline_with(settings: dict[str, Any], *, clean: bool = True) -> Extractor:
    """:func:`newsbrief_pipeline` with :class:`HtmlOptions` fields changed by ``settings``, for the sweep."""
    from newsbrief.ingest.html import HtmlOptions

    options = HtmlOptions(**settings)

    def extract(page: BenchmarkPage) -> str:
        return newsbrief_pipeline(page, options=options, clean=clean)

    return extract


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    """Scores per system and per half (``tune``, ``report``, ``all``)."""

    scores: dict[str, dict[str, Score]] = field(default_factory=dict)
    per_page: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)


def evaluate_extraction(
    pages: Sequence[BenchmarkPage] | Iterator[BenchmarkPage],
    *,
    systems: dict[str, Extractor],
    progress: Callable[[Iterator[BenchmarkPage]], Iterator[BenchmarkPage]] | None = None,
) -> ExtractionReport:
    """Run every system on every page; score each half and all pages with the benchmark's metric."""
    pairs: dict[str, dict[str, list[tuple[str, str]]]] = {
        name: {"tune": [], "report": [], "all": []} for name in systems
    }
    per_page: dict[str, dict[str, tuple[float, float]]] = {name: {} for name in systems}
    iterator = iter(pages)
    for page in progress(iterator) if progress else iterator:
        for name, extract in systems.items():
            predicted = extract(page)
            pair = (page.gold, predicted)
            pairs[name][half(page.id)].append(pair)
            pairs[name]["all"].append(pair)
            per_page[name][page.id] = precision_recall(*shingle_counts(*pair))
    scores = {name: {part: score(p) for part, p in parts.items()} for name, parts in pairs.items()}
    return ExtractionReport(scores, per_page)
