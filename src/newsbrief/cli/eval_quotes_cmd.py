"""``newsbrief eval quotes``: speaker attribution precision/recall on hand-labelled real quotations."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from newsbrief.cli.common import library_errors, progress, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.evaluate_quotes import Outcome, Stale, evaluate, read_labels, score
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

DATA = Path("../shared/data")


@eval_app.command("quotes")
def quotes(
    data: Path = typer.Option(DATA, "--data", help="The shared data folder the label paths are relative to."),
    labels: Path = typer.Option(
        Path("eval/labels/quote_speakers.tsv"), "--labels", help="Labelled quotations (TSV)."
    ),
    show_errors: bool = typer.Option(False, "--show-errors", help="List wrong, missing and stale attributions."),
) -> None:
    """Attribution precision and recall of the quotes section on hand-labelled quotations from real stories."""
    if not labels.is_file():
        raise typer.BadParameter(f"{labels}: no such label file", param_hint="--labels")
    with library_errors():
        rows = read_labels(labels)
        results = list(
            progress(
                evaluate(rows, data=data, models=NlpModels(), settings=Settings()),
                description="quotes",
                total=len(rows),
            )
        )
    outcomes = [r for r in results if isinstance(r, Outcome)]
    stale = [r for r in results if isinstance(r, Stale)]
    s = score(outcomes)
    table = Table("quotes", "with a speaker", "not found", "attributed", "right", "precision", "recall", "stale")
    table.add_row(
        str(s.quotes), str(s.with_speaker), str(s.not_found), str(s.attributed), str(s.right),
        f"{s.precision:.3f}", f"{s.recall:.3f}", str(len(stale)),
    )
    stdout.print(table)
    if show_errors:
        for o in outcomes:
            if (o.speaker is not None and not o.right) or (o.label.names and not o.right):
                got = o.speaker if o.found else "(not found)"
                stdout.print(f"{o.label.source}\t{o.label.start}\t{o.label.speaker}\t{got}", markup=False)
        for st in stale:
            stdout.print(f"{st.label.source}\t{st.label.start}\tstale: {st.reason}", markup=False)
