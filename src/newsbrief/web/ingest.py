"""The ingest job of the web UI: uploaded files → :func:`newsbrief.collect.ingest_paths` → stories touched.

Runs on the ingest worker thread with its own writer connection; reports per-file progress and every
skipped input on the :class:`~newsbrief.web.jobs.Job`.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.collect import ingest_paths as collect_paths
from newsbrief.model import Article, Rejected
from newsbrief.settings import Settings
from newsbrief.store import Store
from newsbrief.web.jobs import Job


def ingest_paths(paths: Sequence[str], *, store: Store, settings: Settings, job: Job) -> list[str]:
    r"""Ingest ``paths`` into ``store``; returns the ids of the stories holding the articles read.

    >>> import tempfile, os, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Flood in the valley\n\n" + "Heavy rain flooded the valley on Monday. " * 5)
    >>> job = Job(id="1", files=[])
    >>> with Store.open(str(folder / "nb.db")) as store:
    ...     len(ingest_paths([str(folder / "a.txt")], store=store, settings=Settings(), job=job))
    1
    >>> job.snapshot()["counts"]["new"], job.snapshot()["done"]
    (1, 1)
    """
    pending = list(paths)
    seen_files: set[str] = set()
    article_ids: list[str] = []

    def on_item(item: Article | Rejected) -> None:
        source = item.source
        path = next((p for p in pending if source == p or source.startswith(p + "#") or source.startswith(p + ":")), None)
        if path is not None and path not in seen_files:
            seen_files.add(path)
            job.advance(1, message=f"reading {len(seen_files)} of {len(pending)} files")
        if isinstance(item, Rejected):
            job.skipped(_display(source, paths), item.reason)
        else:
            article_ids.append(item.id)
            article_ids.extend(child.id for child in item.appended)

    counts = collect_paths(paths, store=store, settings=settings, on_item=on_item)
    with job.lock:
        job.counts = counts.as_dict()
    story_of = store.story_ids_of(article_ids)
    stories = list(dict.fromkeys(story_of[a] for a in article_ids if a in story_of))
    headlines = {}
    for story_id in stories[:50]:
        headlines[story_id] = store.story(story_id).headline or story_id
    with job.lock:
        job.story_headlines = headlines
    return stories


def _display(source: str, paths: Sequence[str]) -> str:
    """The source as the user knows it: the uploaded file's name, not the server-side folder."""
    for path in paths:
        if source.startswith(path):
            name = path.rsplit("/", 1)[-1]
            return name + source[len(path) :]
    return source
