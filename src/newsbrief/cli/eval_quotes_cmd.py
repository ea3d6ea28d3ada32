"""``newsbrief eval quotes``: speaker attribution precision/recall on hand-labelled real quotations."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Column, Table

from newsbrief.cli.common import SHARED_DATA, library_errors, progress, require_label_file, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.settings import Settings

# The labelled sets `newsbrief eval quotes` reports, relative to the repository: (row name, label file);
# tune: 223 quotations of DUC 2003 d100a-d106c, report: 176 of 9 DUC 2004 clusters; wikiref_tune: 141 of
# WikiRef220's MH370 story, wikiref_report: 167 of its Paris attacks story (web news, session 21).
# Rules are tuned on the *tune sets; the *report sets are reported (see docs/analysis.md, "Quotes").
LABEL_SETS = (
    ("tune", "eval/labels/quote_speakers_tune.tsv"),
    ("report", "eval/labels/quote_speakers.tsv"),
    ("wikiref_tune", "eval/labels/quote_speakers_wikiref_tune.tsv"),
    ("wikiref_report", "eval/labels/quote_speakers_wikiref_report.tsv"),
)


@eval_app.command("quotes")
def quotes(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder the label paths are relative to."),
    labels: list[Path] = typer.Option(
        [Path(p) for _, p in LABEL_SETS], "--labels", help="Labelled quotations (TSV); repeat for several sets."
    ),
    show_errors: bool = typer.Option(False, "--show-errors", help="List wrong, missing and stale attributions."),
) -> None:
    """Attribution precision and recall on hand-labelled quotations: the tuning set, then the report set."""
    for path in labels:
        require_label_file(path)
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_quotes import Outcome, Stale, evaluate, read_labels, score
    from newsbrief.nlp import NlpModels

    names = {Path(p): name for name, p in LABEL_SETS}
    # the set's name whole on a narrow terminal (the numbers' headers wrap instead)
    name_column = Column("set", no_wrap=True, min_width=max(len(n) for n, _ in LABEL_SETS))
    table = Table(name_column, "quotes", "with a speaker", "not found", "attributed", "right", "precision", "recall", "stale")
    errors: list[str] = []
    models = NlpModels()
    for path in labels:
        with library_errors():
            rows = read_labels(path)
            results = list(
                progress(evaluate(rows, data=data, models=models, settings=Settings()), description=path.name, total=len(rows))
            )
        outcomes = [r for r in results if isinstance(r, Outcome)]
        stale = [r for r in results if isinstance(r, Stale)]
        s = score(outcomes)
        table.add_row(
            names.get(path, path.name), str(s.quotes), str(s.with_speaker), str(s.not_found), str(s.attributed),
            str(s.right), f"{s.precision:.3f}", f"{s.recall:.3f}", str(len(stale)),
        )
        errors += [
            f"{o.label.source}\t{o.label.start}\t{o.label.speaker}\t{o.speaker if o.found else '(not found)'}"
            for o in outcomes
            if (o.speaker is not None and not o.right) or (o.label.names and not o.right)
        ]
        errors += [f"{st.label.source}\t{st.label.start}\tstale: {st.reason}" for st in stale]
    stdout.print(table)
    if show_errors:
        for line in errors:
            stdout.print(line, markup=False)

