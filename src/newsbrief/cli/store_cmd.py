"""``newsbrief ingest`` / ``stories`` / ``story`` over the embedded store, and ``newsbrief eval dedup``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Column, Table

from newsbrief.cli import app
from newsbrief.cli.common import SHARED_DATA, library_errors, progress, report_rejected, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.errors import UsageError
from newsbrief.model import Article, Rejected
from newsbrief.settings import Settings

DEFAULT_DB = "newsbrief.db"


class ListFormat(StrEnum):
    """Output formats of ``stories`` and ``story``."""

    table = "table"
    json = "json"


def _since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--since {value!r}: expected a date like 2005-02-28") from exc


@app.command("ingest")
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files or folders (walked recursively)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The store (created if missing)."),
    batch_size: int = typer.Option(1000, "--batch-size", min=1, help="Articles per committed transaction."),
) -> None:
    """Add articles to the store: dedup against what is stored, assign stories; idempotent.

    Prints counts: read, new, duplicate copies, already stored (linked: same article under another
    path or URL), skipped.  Exit status 0 when every input was read, 1 when something was skipped.
    """
    from newsbrief.collect import ingest_articles
    from newsbrief.pipeline import iter_articles
    from newsbrief.store import Store

    settings = Settings()

    def reported(items: Iterable[Article | Rejected]) -> Iterator[Article | Rejected]:
        for item in items:
            if isinstance(item, Rejected):
                report_rejected(item.source, item.reason)
            yield item

    with library_errors():
        with Store.open(db) as store:
            items = iter_articles(inputs, settings=settings)
            counts = ingest_articles(
                progress(reported(items), description="ingesting", unit="articles"),
                store=store, settings=settings, batch_size=batch_size,
            )
    c = counts
    typer.echo(f"read {c.read}, new {c.new}, duplicate copies {c.duplicate_copies}, "
               f"already stored {c.already_stored} (linked {c.linked}), skipped {c.skipped}")
    raise typer.Exit(1 if c.skipped else 0)


@app.command("stories")
def stories(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The store."),
    since: str | None = typer.Option(None, "--since", help="Only stories last published on/after this date."),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """List the stories in the store, newest first."""
    from newsbrief.store import Store
    from newsbrief.store_json import stories_to_dict

    with library_errors():
        with Store.open(db, readonly=True) as store:
            data = stories_to_dict(store.stories(since=_since(since)))
    if output_format is ListFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(Column("id", no_wrap=True), "first", "last", "articles", "sources", "headline")
    for s in data["stories"]:
        table.add_row(s["id"], s["first_published"] or "", s["last_published"] or "", str(s["articles"]),
                      str(s["independent_sources"]), s["headline"] or "")
    stdout.print(table)


@app.command("story")
def story(
    story_id: str = typer.Argument(..., help="A story id (from `newsbrief stories`)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The store."),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """Show one story: its articles (with the copy each duplicates), duplicate groups and dates."""
    from newsbrief.store import Store
    from newsbrief.store_json import story_to_dict

    with library_errors():
        with Store.open(db, readonly=True) as store:
            found = store.story(story_id)
            data = story_to_dict(found, store.articles(list(found.article_ids)))
    if output_format is ListFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    stdout.print(f"[bold]{data['headline'] or '(no headline)'}[/bold]  ({data['id']})")
    table = Table(Column("id", no_wrap=True), "published", "outlet", "source", "duplicate of", "title")
    for a in data["articles"]:
        table.add_row(a["id"], a["published"] or "", a["outlet"] or "", a["source"], a["duplicate_of"] or "",
                      a["title"] or "")
    stdout.print(table)


@eval_app.command("dedup")
def eval_dedup(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder."),
    labels: Path = typer.Option(Path("eval/labels/bbc_duplicates.tsv"), "--labels", help="Verified BBC pairs."),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """Dedup precision/recall: real data (BBC verified pairs, SemEval hard negatives), then synthetic copies."""
    from newsbrief.evaluate_dedup import evaluate_dedup

    with library_errors():
        report = evaluate_dedup(data, labels=labels, options=Settings().dedup)
    if output_format is ListFormat.json:
        typer.echo(json.dumps(report, indent=2))
        return
    table = Table(Column("set", no_wrap=True), Column("kind", no_wrap=True), "pairs", "positives", "tp", "fp", "fn",
                  "precision", "recall")
    for row in report["results"]:
        negatives_only = row["positives"] == 0  # precision/recall undefined: the fp count is the measure
        table.add_row(row["set"], row["kind"], str(row["pairs"]), str(row["positives"]), str(row["tp"]),
                      str(row["fp"]), str(row["fn"]), "n/a" if negatives_only else f"{row['precision']:.3f}",
                      "n/a" if negatives_only else f"{row['recall']:.3f}")
    stdout.print(table)
    for row in report["results"]:
        for error in row.get("errors", [])[:10]:
            stdout.print(f"  {row['set']}: {error}", markup=False)

