"""``newsbrief eval names``: merge precision/recall of the entity name merger on labelled real name pairs."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from newsbrief.cli.common import SHARED_DATA, library_errors, progress, require_label_file, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.settings import Settings


@eval_app.command("names")
def names(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder the pair paths are relative to."),
    labels: Path = typer.Option(
        Path("eval/labels/name_pairs.tsv"), "--labels", help="Labelled name pairs (TSV)."
    ),
    show_errors: bool = typer.Option(False, "--show-errors", help="List the pairs the merger got wrong."),
) -> None:
    """Merge precision and recall of entity name merging on hand-labelled name pairs from real stories."""
    require_label_file(labels)
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_entities import merged_pairs, read_pairs, score
    from newsbrief.nlp import NlpModels

    with library_errors():
        pairs = read_pairs(labels)
        outcomes = list(
            progress(
                merged_pairs(pairs, data=data, models=NlpModels(), settings=Settings()),
                description="pairs",
                total=len(pairs),
            )
        )
    table = Table("kind", "pairs", "true pairs", "merged", "merge precision", "merge recall")
    for kind in ("PERSON", "ORG", "GPE", "all"):
        chosen = [(p.label, merged) for p, merged in outcomes if kind in ("all", p.kind)]
        if not chosen:
            continue
        s = score(chosen)
        table.add_row(
            kind, str(s.pairs), str(s.true_pairs), str(s.merged), f"{s.precision:.3f}", f"{s.recall:.3f}"
        )
    stdout.print(table)
    if show_errors:
        for pair, merged in outcomes:
            if merged != (pair.label == "same"):
                verdict = "merged" if merged else "kept apart"
                stdout.print(
                    f"{pair.label}\t{verdict}\t{pair.path}\t{pair.name_a}\t{pair.name_b}", markup=False
                )


@eval_app.command("kinds")
def kinds(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder the story paths are relative to."),
    labels: Path = typer.Option(
        Path("eval/labels/entity_kinds.tsv"), "--labels", help="Labelled names and what they name (TSV)."
    ),
    show_errors: bool = typer.Option(False, "--show-errors", help="List the tuning half's names listed with another kind, and the lost ones."),
) -> None:
    """Kind precision of the listed people, organisations and places on hand-labelled names of real stories."""
    require_label_file(labels)
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_kinds import evaluate, read_kind_labels, score
    from newsbrief.evaluate_merges import HALVES, story_half
    from newsbrief.nlp import NlpModels

    with library_errors():
        rows = read_kind_labels(labels)
        outcomes = list(
            progress(evaluate(rows, data=data, settings=Settings(), models=NlpModels()), description="names", total=len(rows))
        )
    table = Table(
        "half", "names", "lost", "PERSON listed / right", "ORG listed / right", "GPE listed / right", "kind accuracy"
    )
    for half in (*HALVES, "all"):
        s = score(outcomes, half)
        cells = [f"{s.listed[k]} / {s.right[k]} ({s.precision(k):.3f})" for k in ("PERSON", "ORG", "GPE")]
        table.add_row(half, str(s.found + s.lost), str(s.lost), *cells, f"{s.accuracy:.3f}")
    stdout.print(table)
    if show_errors:
        for outcome in outcomes:
            label = outcome.label
            if story_half(label.path) == "tune" and outcome.listed != label.label:
                stdout.print(f"{outcome.listed or 'lost'}\t{label.label}\t{label.path}\t{label.name}", markup=False)
