"""Helpers shared by the CLI commands: consoles, progress bars, error mapping, input reporting."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsbrief.errors import NewsbriefError

T = TypeVar("T")

#: The shared data folder next to the repository (the default of every command's ``--data``).
SHARED_DATA = Path("..") / "shared" / "data"

# Piped or redirected output (not a terminal, no COLUMNS) gets room for a wide table: at rich's default of
# 80 columns the evaluation tables cut their figures short ("0.9…").
_PIPE_WIDTH = None if sys.stdout.isatty() or "COLUMNS" in os.environ else 200
stdout = Console(highlight=False, soft_wrap=True, width=_PIPE_WIDTH)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def report_rejected(source: str, reason: str) -> None:
    """One line on stderr naming the bad input and the reason."""
    stderr.print(f"newsbrief: skipped {source}: {reason}", markup=False)


def report_nothing_read(inputs: Iterable[str]) -> None:
    """One line on stderr when the inputs held no article at all (an empty folder, a filter-less glob)."""
    stderr.print(f"newsbrief: no articles found in {', '.join(inputs)}", markup=False)


def require_label_file(path: Path) -> None:
    """A usage error (exit 2) naming ``--labels`` when the label file is missing."""
    if not path.is_file():
        raise typer.BadParameter(f"{path}: no such label file", param_hint="--labels")


@contextmanager
def library_errors() -> Iterator[None]:
    """Map :class:`NewsbriefError` to a one-line message and its exit code."""
    try:
        yield
    except NewsbriefError as exc:
        stderr.print(f"newsbrief: error: {exc}", markup=False)
        raise typer.Exit(exc.exit_code) from exc


def progress(items: Iterable[T], *, description: str, total: int | None = None, unit: str = "items") -> Iterator[T]:
    """Iterate with a rich progress bar (items/s) when stderr is a terminal; silently otherwise."""
    if not sys.stderr.isatty():
        yield from items
        return
    columns = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task(description, total=total, rate="")
        for count, item in enumerate(items, 1):
            yield item
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{count / elapsed:,.0f} {unit}/s" if elapsed > 0 else ""
            bar.update(task, advance=1, rate=rate)
