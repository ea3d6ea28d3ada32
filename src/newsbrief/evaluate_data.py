"""Readers for the summary benchmarks (DUC 2003, DUC 2004, MultiLing 2011) used by :mod:`newsbrief.evaluate`.

Each benchmark becomes a list of :class:`Topic`: the topic's articles, read through the real pipeline
(``pipeline.iter_articles``: ingest, clean, meta — exactly what ``newsbrief brief`` reads), and its human
reference summaries.  Only the pairing of folders with references is benchmark-specific.

>>> [WORD_LIMITS[d] for d in DATASETS]
[100, 100, 250]
"""

from __future__ import annotations

import csv
import html
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsbrief.errors import NewsbriefError, UsageError
from newsbrief.model import Article
from newsbrief.settings import Settings

DATASETS = ("duc2004", "duc2003", "multiling")
WORD_LIMITS = {"duc2004": 100, "duc2003": 100, "multiling": 250}


@dataclass(frozen=True, slots=True)
class Topic:
    """One benchmark topic: its articles and its reference summaries."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]


def read_articles(paths: list[Path]) -> tuple[Article, ...]:
    """The articles of ``paths`` through the real pipeline (ingest, clean, meta), as ``brief`` reads them.

    Inputs the pipeline rejects are left out (the benchmarks have none).
    """
    from newsbrief.pipeline import iter_articles

    items = iter_articles([str(p) for p in paths], settings=Settings())
    return tuple(a for a in items if isinstance(a, Article))


def semeval_rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a SemEval-2022 task 8 CSV file (``pair_id,lang1,lang2,text1,text2,…``; texts span lines)."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def read_reference(path: Path) -> str:
    """A reference (or peer) summary as one line of text."""
    return " ".join(html.unescape(path.read_text(encoding="utf-8", errors="replace")).split())


#: Each dataset's folder of articles under the shared data folder.
_DATASET_FOLDERS = {"duc2004": "duc2004/docs", "duc2003": "duc2003/docs.without.headlines", "multiling": "multiling2011-en/source"}


def topic_layout(dataset: str, data_dir: Path) -> list[tuple[str, list[Path], list[Path]]]:
    """``(topic id, article files, reference files)`` of every topic of ``dataset`` (nothing read yet).

    A data folder without the dataset is a :class:`NewsbriefError` naming the folder, as the other evals say.
    """
    if dataset not in _DATASET_FOLDERS:
        raise UsageError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    articles = data_dir / _DATASET_FOLDERS[dataset]
    if not articles.is_dir():
        raise NewsbriefError(f"{articles}: not found ({dataset} data; pass --data with the shared data folder)")
    layout = []
    if dataset == "duc2004":
        root = data_dir / "duc2004"
        for folder in sorted(articles.iterdir()):
            tid = folder.name.rstrip("t")
            refs = sorted((root / "models-txt").glob(f"{tid}.m.100.t.*"))
            layout.append((tid, sorted(folder.iterdir()), refs))
    elif dataset == "duc2003":
        root = data_dir / "duc2003"
        for folder in sorted(articles.glob("d3*")):
            tid = folder.name.rstrip("t").upper()
            refs = sorted((root / "detagged.duc2003.abstracts" / "models").glob(f"{tid}.M.100.T.*"))
            layout.append((tid, sorted(folder.iterdir()), refs))
    else:  # multiling
        root = data_dir / "multiling2011-en"
        for t in range(10):
            tid = f"M00{t}"
            docs = sorted(articles.glob(f"{tid}?.english"))
            layout.append((tid, docs, sorted((root / "models").glob(f"{tid}.?.250"))))
    return layout


def load_topics(dataset: str, data_dir: Path, *, with_articles: bool = True) -> list[Topic]:
    """The topics of ``dataset`` (``duc2004``, ``duc2003`` or ``multiling``) under ``data_dir``.

    ``with_articles=False`` reads only the references (enough to score published outputs).
    """
    return [
        Topic(tid, read_articles(docs) if with_articles else (), tuple(read_reference(r) for r in refs))
        for tid, docs, refs in topic_layout(dataset, data_dir)
    ]


def peer_outputs(data_dir: Path, topic_ids: list[str]) -> dict[str, dict[str, str]]:
    """DUC 2004 published systems' outputs: system name → topic id → summary text."""
    peers: dict[str, dict[str, str]] = {}
    for path in sorted((data_dir / "duc2004" / "peers-txt").iterdir()):
        tid, _, system = path.name.partition(".")
        if tid in topic_ids:
            peers.setdefault(system, {})[tid] = read_reference(path)
    return peers
