"""``newsbrief serve``: the web UI and JSON API over a store (FastAPI/uvicorn imported only when run)."""

from __future__ import annotations

from pathlib import Path

import typer

from newsbrief.cli import app
from newsbrief.cli.common import library_errors, stderr


@app.command("serve")
def serve(
    db: Path = typer.Option(Path("newsbrief.db"), "--db", help="The store to read (created if missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback by default."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
) -> None:
    """Serve the stories, briefings, sources and an ingest page in a web browser."""
    try:
        import uvicorn

        from newsbrief.web.app import create_app
    except ImportError as exc:
        stderr.print(f"newsbrief: error: the web extra is not installed ({exc.name}): pip install 'newsbrief[web]'")
        raise typer.Exit(2) from exc
    with library_errors():
        web_app = create_app(db)
    stderr.print(f"newsbrief: serving {db} on http://{host}:{port}/", markup=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
