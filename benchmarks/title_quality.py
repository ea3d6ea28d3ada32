"""Titles of stories without headlines, against the DUC reference summaries (a proxy, no title gold).

DUC 2003/2004 wire copy has no headlines, so ``brief`` titles each topic with a sentence
(:func:`newsbrief.brief.choose_headline` over :func:`newsbrief.brief._title_candidates`: the articles'
hard-news leads).  There is no gold title; the proxy is the share of the title's distinct content
stems that at least two of the topic's four human summaries use — a title that names the story's core
scores high, one about a side development or a detail one source gives scores low.  Side by side:
the earliest article's lead and the oracle (the best lead by the proxy itself, an upper bound).

Run: ``.venv/bin/python benchmarks/title_quality.py [--data ../shared/data] [--words N]``
(``--words``: the title length preferred, ``brief._TITLE_WORDS``).  DUC 2003 was used to choose the
length; DUC 2004 was measured once with it.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from newsbrief import brief
from newsbrief.align import Stems
from newsbrief.dedup import find_duplicate_groups
from newsbrief.evaluate_data import load_topics
from newsbrief.model import Article
from newsbrief.settings import DedupOptions
from newsbrief.text import SentenceSplitter

STEMS = Stems()


def proxy(title: str, references: Sequence[str]) -> float:
    """Share of the title's distinct content stems that at least two references use."""
    words = set(STEMS.content(title))
    if not words:
        return 0.0
    refs = [set(STEMS.content(r)) for r in references]
    return sum(sum(w in r for r in refs) >= 2 for w in words) / len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--words", type=int, default=brief._TITLE_WORDS)
    args = parser.parse_args()
    brief._TITLE_WORDS = args.words
    splitter = SentenceSplitter()
    print(f"title words preferred: {args.words}")
    print(f"{'set':8} {'topics':>6} {'newsbrief':>9} {'earliest':>8} {'oracle':>6} {'median words':>12}")
    for dataset in ("duc2003", "duc2004"):
        scores = {"newsbrief": [], "earliest": [], "oracle": []}
        lengths = []
        for topic in load_topics(dataset, args.data):
            articles: list[Article] = sorted(topic.articles, key=lambda a: (a.published or dt.date.min, a.source))
            sentences = {a.id: splitter.sentences(a.id, a.text) for a in articles}
            leads = brief._title_candidates(articles, sentences, ())
            if not leads:
                continue
            groups = find_duplicate_groups(articles, options=DedupOptions())
            title = brief.choose_headline(articles, groups=groups, fallback=leads)
            scores["newsbrief"].append(proxy(title, topic.references))
            scores["earliest"].append(proxy(leads[0], topic.references))
            scores["oracle"].append(max(proxy(lead, topic.references) for lead in leads))
            lengths.append(len(title.split()))
        mean = {k: sum(v) / len(v) for k, v in scores.items()}
        median = sorted(lengths)[len(lengths) // 2]
        print(f"{dataset:8} {len(lengths):>6} {mean['newsbrief']:>9.3f} {mean['earliest']:>8.3f} "
              f"{mean['oracle']:>6.3f} {median:>12}")


if __name__ == "__main__":
    main()
