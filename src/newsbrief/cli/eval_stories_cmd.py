"""``newsbrief eval stories duc|wikiref|semeval``: B-cubed story clustering quality on real labelled data."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Literal

import typer
from rich.table import Table

from newsbrief.cli.common import SHARED_DATA, library_errors, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.settings import Settings


class StorySet(StrEnum):
    """Labelled sets (``semeval`` calibrates the same-story threshold instead)."""

    duc = "duc"
    wikiref = "wikiref"
    semeval = "semeval"


class Representation(StrEnum):
    """Article representations of the clusterer."""

    tfidf = "tfidf"
    embeddings = "embeddings"


@eval_app.command("stories")
def stories(
    dataset: StorySet = typer.Argument(..., help="duc (DUC 2003+2004 mixed), wikiref (WikiRef220) or semeval."),
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder."),
    window_days: int | None = typer.Option(None, "--window-days", min=0, help="Override the story window."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                           help="Override the pairwise same-story threshold."),
    representation: Representation = typer.Option(
        Representation.tfidf, "--representation",
        help="Article vectors: tfidf (default) or embeddings (needs the embeddings extra; calibrate its "
             "threshold with `eval stories semeval --representation embeddings`)."),
) -> None:
    """B-cubed precision/recall/F1 of newsbrief's stories and of the reference baseline, same run."""
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_stories import calibrate_threshold, evaluate_stories

    options = replace(Settings().cluster, representation=representation.value)
    if window_days is not None:
        options = replace(options, window_days=window_days)
    if threshold is not None:
        options = replace(options, threshold=threshold)
    with library_errors():
        if dataset is StorySet.semeval:
            cal = calibrate_threshold(data, options=options)
            stdout.print(f"threshold {cal.threshold:.3f} (best F1 {cal.train_f1:.3f} on {cal.train_pairs} en-en "
                         f"training pairs); testing pairs ({cal.test_pairs}): P {cal.test_precision:.3f} "
                         f"R {cal.test_recall:.3f} F1 {cal.test_f1:.3f}")
            return
        name: Literal["duc", "wikiref"] = "duc" if dataset is StorySet.duc else "wikiref"
        result = evaluate_stories(name, data=data, options=options)
    stdout.print(f"{result.dataset}: {result.articles} articles, {result.gold_stories} gold stories, "
                 f"{result.rejected} skipped; {options.representation}, window {options.window_days} days, "
                 f"threshold {options.threshold}")
    table = Table("system", "P", "R", "F1", "stories")
    table.add_row(f"newsbrief ({result.seconds:.1f} s)", *_cells(result.newsbrief))
    table.add_row(f"baseline, threshold tuned on this set ({result.baseline_threshold:.2f})",
                  *_cells(result.baseline))
    for label, score in result.extra:
        table.add_row(label, *_cells(score))
    stdout.print(table)


def _cells(score: object) -> tuple[str, str, str, str]:
    p, r, f, k = (getattr(score, name) for name in ("precision", "recall", "f1", "clusters"))
    return f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(k)
