"""``newsbrief brief`` (cited story briefings) and ``newsbrief eval summaries`` (ROUGE against peers)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import typer

from newsbrief.cli import app
from newsbrief.cli.common import (
    SHARED_DATA,
    library_errors,
    progress,
    report_nothing_read,
    report_rejected,
    stdout,
)
from newsbrief.cli.eval_app import eval_app
from newsbrief.errors import NewsbriefError, UsageError
from newsbrief.model import Rejected
from newsbrief.settings import Settings

FORMATS = ("md", "json", "html", "text")


def _render(data: dict, fmt: str, *, explain: bool) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from newsbrief.render.html import render_html

        return render_html(data, explain=explain)
    if fmt == "text":
        from newsbrief.render.text import render_text

        return render_text(data)
    from newsbrief.render.markdown import render_markdown

    return render_markdown(data, explain=explain)


def _check_output(output: Path) -> None:
    """A usage error for an output path that cannot be a file: a folder, or in a folder that is not there."""
    if output.is_dir():
        raise UsageError(f"-o {output}: is a folder; give a file name")
    if not output.parent.is_dir():
        raise UsageError(f"-o {output}: no folder {output.parent}")


@app.command("brief")
def brief(
    inputs: list[str] = typer.Argument(None, help="Files/folders (as for `clean`); `-` for stdin."),
    one_story: bool = typer.Option(False, "--one-story", help="Treat all input articles as one story."),
    words: int = typer.Option(200, "--words", min=1, help="Hard cap on summary words per story."),
    fmt: str = typer.Option("md", "--format", help="md | json | html | text"),
    explain: bool = typer.Option(False, "--explain", help="List every removed line with its reason."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    db: Path | None = typer.Option(None, "--db", help="Brief stories of this store (cached by story version)."),
    story: list[str] = typer.Option(None, "--story", help="With --db: only these story ids."),
) -> None:
    """Brief every story of INPUTS (largest first), or stories of a store with --db."""
    from newsbrief.brief import brief_inputs, brief_stored
    from newsbrief.nlp import NlpModels
    from newsbrief.render.briefing_json import briefings_to_json

    skipped: list[Rejected] = []

    def rejected(item: Rejected) -> None:
        skipped.append(item)
        report_rejected(item.source, item.reason)

    with library_errors():
        if fmt not in FORMATS:
            raise UsageError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
        if bool(db) == bool(inputs):
            raise UsageError("give INPUTS or --db (one of them)")
        if output is not None:
            _check_output(output)  # before the briefing, which takes a while
        base = Settings()
        settings = replace(base, brief=replace(base.brief, words=words, one_story=one_story))
        models = NlpModels()
        if db is not None:
            from newsbrief.store import Store

            store = Store.open(str(db), create=False)
            try:
                briefings: list = brief_stored(store, story or None, settings=settings, models=models)
            finally:
                store.close()
        else:
            briefings = brief_inputs(inputs, settings=settings, models=models, on_rejected=rejected)
            if not briefings and not skipped:
                report_nothing_read(inputs)
        text = _render(briefings_to_json(briefings), fmt, explain=explain)
    if output is not None:
        with library_errors():
            try:
                output.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise NewsbriefError(f"cannot write {output}: {exc.strerror or exc}") from exc
    else:
        stdout.file.write(text)
        stdout.file.flush()
    raise typer.Exit(1 if skipped else 0)


@eval_app.command("summaries")
def eval_summaries(
    dataset: str = typer.Argument(..., help="duc2004 | duc2003 | multiling"),
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder."),
    workers: int = typer.Option(1, "--workers", min=1, help="Topics in parallel processes (same output)."),
    systems: str = typer.Option("", "--systems", help="Comma-separated subset of systems (default: all)."),
) -> None:
    """ROUGE-1/2 (recall, F1, 95 % CI) of newsbrief vs sumy, lead and centroid baselines (and DUC 2004 peers)."""
    from newsbrief.evaluate import SUMY_SYSTEMS, evaluate
    from newsbrief.evaluate_data import DATASETS

    with library_errors():
        if dataset not in DATASETS:
            raise UsageError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
        chosen = tuple(x.strip() for x in systems.split(",") if x.strip()) or ("newsbrief", *SUMY_SYSTEMS, "lead", "centroid")
        result = evaluate(
            dataset, data_dir=data, workers=workers, systems=chosen,
            topic_progress=lambda topics: progress(topics, description=dataset, unit="topics"),
        )
    stdout.print(f"{result.dataset}: {result.topics} topics, outputs cut to {result.words} words, "
                 "rouge-score (Porter stemming, stopwords kept), averaged over references; 95 % bootstrap CI", markup=False)
    header = "| system | R-1 recall | R-1 F1 | R-2 recall | R-2 F1 | published R-2 |"
    stdout.print(header + "\n|---|---|---|---|---|---|", markup=False)
    for s in result.scores:
        cells = [f"{s.means[m]:.2f} [{s.low[m]:.2f}, {s.high[m]:.2f}]" for m in ("r1_recall", "r1_f1", "r2_recall", "r2_f1")]
        published = "" if s.published_r2 is None else f"{s.published_r2:.2f} ({s.means['r2_recall'] - s.published_r2:+.2f})"
        stdout.print(f"| {s.system} | " + " | ".join(cells) + f" | {published} |", markup=False)
