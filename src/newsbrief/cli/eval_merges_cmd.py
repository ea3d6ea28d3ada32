"""``newsbrief eval quote-merges``, ``eval timeline-merges`` and ``eval citations``: hand-labelled pairs of places.

Quotations and same-day sentences merged across sources, and summary sentences citing another article's
sentence: precision and recall of the pairs the briefing puts together, tuning and report half.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Column, Table

from newsbrief.cli.common import SHARED_DATA, library_errors, progress, require_label_file, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.settings import Settings

if TYPE_CHECKING:
    from newsbrief.evaluate_merges import Groups, MergeLabel, MergeOutcome, MergeStale

    Evaluate = Callable[[list[MergeLabel], Path], Iterable[MergeOutcome | MergeStale]]

QUOTE_MERGE_LABELS = Path("eval/labels/quote_merges.tsv")
TIMELINE_MERGE_LABELS = Path("eval/labels/timeline_merges.tsv")
CITATION_LABELS = Path("eval/labels/citations.tsv")
_DATA_HELP = "The shared data folder the label paths are relative to."
_ERRORS_HELP = "List wrong and missed merges and stale pairs."


@eval_app.command("quote-merges")
def quote_merges(
    data: Path = typer.Option(SHARED_DATA, "--data", help=_DATA_HELP),
    labels: Path = typer.Option(QUOTE_MERGE_LABELS, "--labels", help="Labelled pairs of quotations (TSV)."),
    show_errors: bool = typer.Option(False, "--show-errors", help=_ERRORS_HELP),
) -> None:
    """Quotations merged across sources, on hand-labelled pairs: precision and recall, tuning and report half."""
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_merges import quote_groups
    from newsbrief.nlp import NlpModels

    _report(labels, data, show_errors, evaluate=_merges(lambda: quote_groups(NlpModels())))


@eval_app.command("timeline-merges")
def timeline_merges(
    data: Path = typer.Option(SHARED_DATA, "--data", help=_DATA_HELP),
    labels: Path = typer.Option(TIMELINE_MERGE_LABELS, "--labels", help="Labelled pairs of same-day sentences (TSV)."),
    show_errors: bool = typer.Option(False, "--show-errors", help=_ERRORS_HELP),
) -> None:
    """Same-day sentences merged into one timeline entry, on hand-labelled pairs: precision and recall."""
    from newsbrief.evaluate_merges import timeline_groups

    _report(labels, data, show_errors, evaluate=_merges(lambda: timeline_groups))


@eval_app.command("citations")
def citations(
    data: Path = typer.Option(SHARED_DATA, "--data", help=_DATA_HELP),
    labels: Path = typer.Option(CITATION_LABELS, "--labels", help="Labelled pairs of a summary sentence and another article's sentence (TSV)."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List wrong and missed citations and stale pairs."),
) -> None:
    """Summary sentences citing another article's sentence, on hand-labelled pairs: precision and recall."""
    from newsbrief.evaluate_citations import evaluate_citations
    from newsbrief.nlp import NlpModels

    def evaluate(rows: list[MergeLabel], data: Path) -> Iterable[MergeOutcome | MergeStale]:
        return evaluate_citations(rows, data=data, settings=Settings(), models=NlpModels())

    _report(labels, data, show_errors, evaluate=evaluate, merged="cited", what="citation")


def _merges(groups_of: Callable[[], Groups]) -> Evaluate:
    """The pairs' outcomes when the section's items are the groups ``groups_of()`` gives."""
    from newsbrief.evaluate_merges import evaluate_merges

    return lambda rows, data: evaluate_merges(rows, data=data, settings=Settings(), groups=groups_of())


def _report(
    labels: Path, data: Path, show_errors: bool, *, evaluate: Evaluate, merged: str = "merged", what: str = "merge"
) -> None:
    """The tuning, report and all rows (and with ``show_errors`` the pairs put together wrongly or missed)."""
    require_label_file(labels)
    from newsbrief.evaluate_merges import (
        HALVES,
        MergeOutcome,
        MergeStale,
        read_merge_labels,
        score_merges,
        story_half,
    )

    with library_errors():
        rows = read_merge_labels(labels)
        results = list(progress(evaluate(rows, data), description=labels.name, total=len(rows)))
    outcomes = [r for r in results if isinstance(r, MergeOutcome)]
    stale = [r for r in results if isinstance(r, MergeStale)]
    table = Table(Column("half", no_wrap=True), "pairs", "same", merged, "right", "precision", "recall", "stale")
    for half in (*HALVES, "all"):
        s = score_merges([o for o in outcomes if half == "all" or story_half(o.label.path) == half])
        stale_here = sum(half == "all" or story_half(st.label.path) == half for st in stale)
        table.add_row(
            half, str(s.pairs), str(s.true_pairs), str(s.merged), str(s.merged_true), f"{s.precision:.3f}", f"{s.recall:.3f}",
            str(stale_here),
        )
    stdout.print(table)
    if show_errors:
        for o in outcomes:
            if o.merged != o.label.same:
                a, b = o.label.a, o.label.b
                error = f"wrong {what}" if o.merged else f"missed {what}"
                stdout.print(f"{error}\t{a.source}\t{a.start}\t{b.source}\t{b.start}", markup=False)
        for st in stale:
            stdout.print(f"stale: {st.reason}\t{st.label.a.source}\t{st.label.b.source}", markup=False)
