"""``newsbrief eval timeline``: the timeline's dates against hand-labelled sentences of real stories."""

from __future__ import annotations

from pathlib import Path

import typer
from rich import box
from rich.table import Table

from newsbrief.cli.common import SHARED_DATA, library_errors, progress, require_label_file, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.settings import Settings


@eval_app.command("timeline")
def timeline(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder the label paths are relative to."),
    labels: Path = typer.Option(
        Path("eval/labels/timeline_dates.tsv"), "--labels", help="Labelled sentences (TSV)."
    ),
    second_labels: Path | None = typer.Option(
        None, "--second-labels", help="A second labelling of some of the sentences: print the labellers' agreement."
    ),
    show_errors: bool = typer.Option(
        False, "--show-errors", help="List the tuning half's wrong, missed, left-out and spurious sentences."
    ),
) -> None:
    """Timeline dates against hand-labelled sentences: the tuning half of the stories, then the report half.

    P = right / dated by the timeline; R = right / dated by the labels (wrong: another day; missed: no date
    found; left out: a date found, the sentence left out; spurious: dated, labelled none; kept out: both none).
    """
    require_label_file(labels)
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_timeline import agreement, outcomes, read_labels, score

    with library_errors():
        rows = read_labels(labels)
        results = list(
            progress(outcomes(rows, data=data, settings=Settings()), description="sentences", total=len(rows))
        )
    scores = score(results)
    # compact, so that an 80-column terminal or pipe shows every figure whole
    table = Table(
        "half", "labelled", "right", "wrong", "missed", "left out", "spurious", "kept out", "P", "R",
        box=box.SIMPLE_HEAD, pad_edge=False,
    )
    for part in ("tune", "report", "all"):
        s = scores[part]
        table.add_row(
            part, str(s.labelled), str(s.right), str(s.wrong), str(s.missed), str(s.left_out), str(s.spurious),
            str(s.kept_out),
            f"{s.precision:.3f}", f"{s.recall:.3f}",
        )
    stdout.print(table)
    stale = sum(1 for _, verdict, _, _ in results if verdict == "stale")
    if stale:
        stdout.print(f"{stale} labels name sentences no longer found in their articles (not counted)")
    if second_labels is not None:
        with library_errors():
            agreed = agreement(rows, read_labels(second_labels))
        kappa = "n/a" if agreed.kappa_dated is None else f"{agreed.kappa_dated:.3f}"
        stdout.print(
            f"labellers: {agreed.identical} of {agreed.sentences} sentences labelled alike; "
            f"{agreed.dated_or_not} dated by one only (kappa of dated or not {kappa}), {agreed.other_date} dated differently"
        )
    if show_errors:
        for line in scores["tune"].errors:
            stdout.print(line, markup=False, highlight=False)
