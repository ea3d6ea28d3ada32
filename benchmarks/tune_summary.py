"""Choose the summary parameters on DUC 2003 (the tuning set) only: a small grid, ROUGE-2 recall at 100 words.

Run: ``.venv/bin/python benchmarks/tune_summary.py [--data ../shared/data]``.  Prints one line per setting;
the chosen defaults live in ``settings.BriefOptions`` (see ``docs/briefing.md``).
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np

from newsbrief import text as textmod
from newsbrief.align import align
from newsbrief.dedup import find_duplicate_groups
from newsbrief.evaluate import RougeAverager
from newsbrief.evaluate_data import load_topics
from newsbrief.settings import BriefOptions, DedupOptions
from newsbrief.summarize import summarize

GRID = {
    "lead_bonus": (0.0, 1.0, 2.0),
    "concept_min_support": (2, 3),
    "min_sentence_words": (8, 12),
    "lead_sentences": (3,),
}


def main() -> None:
    """Run the grid and print ROUGE-2 recall per setting."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    args = parser.parse_args()
    topics = load_topics("duc2003", Path(args.data))
    splitter = textmod.SentenceSplitter()
    base = BriefOptions(words=100, one_story=True)
    alignments = [
        align(t.articles, groups=find_duplicate_groups(t.articles, options=DedupOptions()), splitter=splitter, options=base)
        for t in topics
    ]
    rouge = RougeAverager(words=100)
    keys = list(GRID)
    for values in itertools.product(*(GRID[k] for k in keys)):
        opts = replace(base, **dict(zip(keys, values, strict=True)))
        scores = [
            rouge.score(" ".join(s.text for s in summarize(al, options=opts)), t.references)["r2_recall"]
            for al, t in zip(alignments, topics, strict=True)
        ]
        print(" ".join(f"{k}={v}" for k, v in zip(keys, values, strict=True)), f"R2={np.mean(scores):.2f}", flush=True)


if __name__ == "__main__":
    main()
