"""The summary's first sentence against the first sentences of the reference summaries.

A reader takes a summary's first sentence for what happened.  Human summaries of DUC 2003/2004 and
MultiLing 2011 open with the story's main development, so the proxy here is the ROUGE F1 (rouge-score,
Porter stemming) of the summary's first sentence against each reference summary's first sentence,
averaged over the references, then over the topics.  Side by side, from the same summary:

* ``lead`` — what newsbrief opens with (``summarize``: the sentence standing earliest in an article
  that carries it, among equals the better carried);
* ``best-carried`` — the sentence carried by more sources than any other, which opened the summary
  until session 15 (when no sentence is carried by more sources than every other, the first one in
  chronological order);
* ``second`` — the summary's second sentence (how much the first position matters at all).

``--undated`` reads every article without its publication date, as scraped pages often come (the
WikiRef220 pages mostly have none): the lead is then chosen without knowing which report came first.

Run: ``.venv/bin/python benchmarks/lead_quality.py [--data ../shared/data] [--sets duc2003 duc2004 multiling]
[--undated]`` (needs the ``eval`` extra for rouge-score).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from statistics import mean

from rouge_score import rouge_scorer

from newsbrief.align import Alignment, align
from newsbrief.dedup import find_duplicate_groups
from newsbrief.evaluate_data import load_topics
from newsbrief.model import SummarySentence
from newsbrief.settings import BriefOptions, DedupOptions
from newsbrief.summarize import summarize
from newsbrief.text import SentenceSplitter


def best_carried(al: Alignment, summary: tuple[SummarySentence, ...]) -> str:
    """The opening of the earlier rule: the best-carried sentence if it beats all others, else the chronologically first."""
    index = {al.sentences[i].text: i for i in range(len(al.sentences))}
    chosen = [index[s.text] for s in summary]
    dates = [a.published for a in al.articles]

    def key(i: int) -> tuple[dt.date, int, int, int]:
        earliest = min((dates[al.article_of[j]] or dt.date.max) for j in (i, *al.carriers[i]))
        return (earliest, -al.support[i], al.position[i], al.article_of[i])

    ordered = sorted(chosen, key=key)
    supports = sorted((al.support[i] for i in ordered), reverse=True)
    if len(supports) > 1 and supports[0] > max(supports[1], 1):
        return al.sentences[next(i for i in ordered if al.support[i] == supports[0])].text
    return al.sentences[ordered[0]].text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sets", nargs="+", default=["duc2003", "duc2004", "multiling"])
    parser.add_argument("--undated", action="store_true", help="read every article without its publication date")
    args = parser.parse_args()
    splitter = SentenceSplitter()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    options = BriefOptions(one_story=True)
    print(f"{'set':10} {'topics':>6} {'opening':>13} {'R-1 F1':>7} {'R-2 F1':>7}")
    for name in args.sets:
        scores: dict[str, list[tuple[float, float]]] = {"lead": [], "best-carried": [], "second": []}
        topics = load_topics(name, args.data)
        for topic in topics:
            if args.undated:
                topic = dataclasses.replace(topic, articles=tuple(dataclasses.replace(a, published=None) for a in topic.articles))
            groups = find_duplicate_groups(topic.articles, options=DedupOptions())
            al = align(topic.articles, groups=groups, splitter=splitter, options=options)
            summary = summarize(al, options=options)
            if not summary:
                continue
            firsts = [(splitter.sentences("ref", r) or [None])[0] for r in topic.references]
            firsts_text = [s.text for s in firsts if s is not None]
            openings = {
                "lead": summary[0].text,
                "best-carried": best_carried(al, summary),
                "second": summary[min(1, len(summary) - 1)].text,
            }
            for system, opening in openings.items():
                results = [scorer.score(first, opening) for first in firsts_text]
                scores[system].append(
                    (mean(r["rouge1"].fmeasure for r in results), mean(r["rouge2"].fmeasure for r in results))
                )
        for system, values in scores.items():
            r1, r2 = mean(v[0] for v in values), mean(v[1] for v in values)
            print(f"{name:10} {len(values):>6} {system:>13} {r1:7.3f} {r2:7.3f}")


if __name__ == "__main__":
    main()
