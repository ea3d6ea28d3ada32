"""``newsbrief clean``: print every input as a clean article (Markdown, JSON or JSONL)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum

import typer

from newsbrief.cli import app
from newsbrief.cli.common import library_errors, progress, report_nothing_read, report_rejected
from newsbrief.model import Rejected
from newsbrief.pipeline import iter_articles
from newsbrief.render.article import article_to_json_line, article_to_markdown
from newsbrief.serialize import article_to_dict
from newsbrief.settings import Settings


class OutputFormat(StrEnum):
    """Output formats of ``clean``."""

    md = "md"
    json = "json"
    jsonl = "jsonl"


@app.command("clean")
def clean(
    inputs: list[str] = typer.Argument(..., help="Files or folders (walked recursively); '-' reads stdin."),
    output_format: OutputFormat = typer.Option(OutputFormat.md, "--format", "-f", help="md (default), json or jsonl."),
    explain: bool = typer.Option(False, "--explain", help="List every removed line with its reason, and split-off stories."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes for cleaning (same output)."),
) -> None:
    """Print every input as a clean article: headline, outlet, dateline, date, language, body.

    Exit status: 0 when every input was read, 1 when something was skipped, 2 for a usage error.
    """
    skipped = written = 0
    stdin = sys.stdin.buffer if "-" in inputs else None
    with library_errors():
        items = iter_articles(inputs, settings=Settings(), stdin=stdin, workers=workers)
        for item in progress(items, description="cleaning", unit="articles"):
            if isinstance(item, Rejected):
                report_rejected(item.source, item.reason)
                skipped += 1
                continue
            if output_format is OutputFormat.jsonl:
                typer.echo(article_to_json_line(item))
            elif output_format is OutputFormat.json:
                typer.echo(("[\n" if not written else ",\n") + json.dumps(article_to_dict(item), ensure_ascii=False, indent=2), nl=False)
            else:
                typer.echo(("" if not written else "\n---\n\n") + article_to_markdown(item, explain=explain))
            written += 1
    if output_format is OutputFormat.json:
        typer.echo("\n]" if written else "[]")
    if not written and not skipped:
        report_nothing_read(inputs)
    raise typer.Exit(1 if skipped else 0)
