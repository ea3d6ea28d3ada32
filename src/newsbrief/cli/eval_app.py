"""The ``newsbrief eval`` command group: each evaluation registers a sub-command here."""

from __future__ import annotations

import typer

from newsbrief.cli import app

eval_app = typer.Typer(help="Measure quality against real labelled data (cleaning, dedup, stories, summaries, names, quotes, timeline).")
app.add_typer(eval_app, name="eval")
