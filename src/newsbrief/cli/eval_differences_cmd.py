"""``newsbrief eval differences``: precision of "where sources differ" on hand-labelled points of real stories."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Column, Table

from newsbrief.cli.common import SHARED_DATA, library_errors, progress, require_label_file, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.settings import Settings


@eval_app.command("differences")
def differences(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder the story paths are relative to."),
    labels: Path = typer.Option(Path("eval/labels/discrepancies.tsv"), "--labels", help="Labelled points (TSV)."),
    show: bool = typer.Option(False, "--show", help="List the points labelled false, the unlabelled and the lost ones."),
) -> None:
    """Points where sources differ over 131 real stories: labelled real / false, unlabelled, lost; precision."""
    require_label_file(labels)
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_differences import evaluate, point_key, read_point_labels, score, story_paths
    from newsbrief.evaluate_merges import HALVES
    from newsbrief.nlp import NlpModels

    with library_errors():
        rows = read_point_labels(labels)
        paths = story_paths(data)
        stories = list(
            progress(evaluate(rows, data=data, settings=Settings(), models=NlpModels(), paths=paths), description="stories", total=len(paths))
        )
    table = Table(Column("half", no_wrap=True), "stories", "real", "false", "unlabelled", "lost", "precision")
    for half in (*HALVES, "all"):
        s = score(stories, half)
        table.add_row(half, str(s.stories), str(s.real), str(s.false), str(s.unlabelled), str(s.lost), f"{s.precision:.3f}")
    stdout.print(table)
    if show:
        for story in stories:
            for what, points in (("false", story.false), ("unlabelled", story.unlabelled)):
                for p in points:
                    values = " | ".join(p.values)
                    stdout.print(f"{what}\t{story.path}\t{p.kind}\t{point_key(p.kind, p.values)}\t{values}", markup=False)
            for lab in story.lost:
                stdout.print(f"lost\t{story.path}\t{lab.kind}\t{lab.key}", markup=False)
