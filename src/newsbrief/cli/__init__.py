"""The ``newsbrief`` command line.  Thin: each command parses, calls one library function, renders.

Commands live in one module per group (``cli/clean_cmd.py`` …) and register themselves on ``app``.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsbrief",
    help="Turn a pile of scraped news articles into clean, deduplicated, cited story briefings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register their commands on ``app`` when imported (one import line each, below).
from newsbrief.cli import (  # noqa: E402,F401
    brief_cmd,
    clean_cmd,
    eval_app,
    eval_clean_cmd,
    eval_differences_cmd,
    eval_entities_cmd,
    eval_merges_cmd,
    eval_quotes_cmd,
    eval_stories_cmd,
    eval_timeline_cmd,
    serve_cmd,
    spark_cmd,
    store_cmd,
)


def main() -> None:
    """Console-script entry point."""
    app()
