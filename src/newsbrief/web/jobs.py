"""Background ingest jobs for the web UI: one worker thread, its own writer connection, pollable status.

Uploads are written to a job folder, then one worker thread (jobs run one after another, so there is a
single writer) runs the ingest function over them.  Pages poll :meth:`IngestJobs.status`.

>>> import tempfile
>>> def fake_ingest(paths, job):  # stands in for the real store ingest in this example
...     job.advance(len(paths), message="read")
...     return ["story-1"]
>>> with tempfile.TemporaryDirectory() as tmp:
...     jobs = IngestJobs(tmp, ingest=fake_ingest)
...     job = jobs.create(["a.txt"])
...     job.accept("a.txt", "/dev/null")
...     jobs.start(job.id)
...     jobs.wait(job.id, timeout=5)
...     jobs.status(job.id)["state"], jobs.status(job.id)["stories"]
...     jobs.close()
('done', ['story-1'])
"""

from __future__ import annotations

import itertools
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

JobState = Literal["uploading", "queued", "running", "done", "failed"]
FINISHED: tuple[JobState, ...] = ("done", "failed")


@dataclass(slots=True)
class FileStatus:
    """One uploaded file: ``accepted`` (queued for ingest), ``rejected`` (with the reason) or ``read``."""

    name: str
    status: str
    reason: str = ""
    path: str = ""


@dataclass(slots=True)
class Job:
    """Mutable state of one ingest job; every change goes through the job's lock."""

    id: str
    files: list[FileStatus]
    state: JobState = "uploading"
    total: int = 0
    done: int = 0
    message: str = "waiting"
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[dict[str, str]] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    story_headlines: dict[str, str] = field(default_factory=dict)
    error: str = ""
    created: float = field(default_factory=time.time)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def accept(self, name: str, path: str) -> None:
        """Record an upload that passed the checks and will be ingested."""
        with self.lock:
            self.files.append(FileStatus(name, "accepted", "", path))

    def reject(self, name: str, reason: str) -> None:
        """Record an upload refused before ingest, with its one-line reason."""
        with self.lock:
            self.files.append(FileStatus(name, "rejected", reason))

    def advance(self, step: int = 1, *, message: str | None = None) -> None:
        """Progress callback for the ingest function."""
        with self.lock:
            self.done += step
            if message is not None:
                self.message = message

    def skipped(self, source: str, reason: str) -> None:
        """An input the ingest skipped (unreadable file, bad record)."""
        with self.lock:
            self.rejected.append({"source": source, "reason": reason})

    def snapshot(self) -> dict[str, Any]:
        """A JSON-ready copy of the state."""
        with self.lock:
            return {
                "id": self.id,
                "state": self.state,
                "total": self.total,
                "done": self.done,
                "message": self.message,
                "counts": dict(self.counts),
                "files": [{"name": f.name, "status": f.status, "reason": f.reason} for f in self.files],
                "rejected": list(self.rejected),
                "stories": list(self.stories),
                "story_headlines": dict(self.story_headlines),
                "error": self.error,
            }


#: The ingest function: reads the accepted paths into the store, reports progress on the job and
#: returns the ids of the stories that received new articles.
IngestFn = Callable[[Sequence[str], Job], Sequence[str]]


class IngestJobs:
    """Owns the upload folder, the job table and the single worker thread (one writer at a time)."""

    def __init__(self, work_dir: str | Path, *, ingest: IngestFn, keep: int = 50) -> None:
        self._root = Path(work_dir)
        self._root.mkdir(parents=True, exist_ok=True)
        self._ingest = ingest
        self._keep = keep
        self._jobs: dict[str, Job] = {}
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()
        self._counter = itertools.count(1)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsbrief-ingest")

    def create(self, names: Sequence[str]) -> Job:
        """A new job in state ``uploading``; ``names`` only sizes the progress bar."""
        job = Job(id=f"{next(self._counter)}-{uuid.uuid4().hex[:8]}", files=[], total=len(names))
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        return job

    def folder(self, job_id: str) -> Path:
        """The folder where this job's uploads are written."""
        path = self._root / job_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    def start(self, job_id: str) -> None:
        """Queue the job on the worker thread (a job with no accepted file finishes at once)."""
        job = self._get(job_id)
        paths = [f.path for f in job.files if f.status == "accepted"]
        with job.lock:
            job.total = len(paths)
            if not paths:
                job.state = "done"
                job.message = "nothing to ingest"
                return
            job.state = "queued"
            job.message = "queued"
        self._futures[job_id] = self._pool.submit(self._run, job, paths)

    def status(self, job_id: str) -> dict[str, Any]:
        """The job's state as a dict; ``KeyError`` for an unknown id."""
        return self._get(job_id).snapshot()

    def wait(self, job_id: str, *, timeout: float | None = None) -> None:
        """Block until the job has finished (for tests and the CLI)."""
        future = self._futures.get(job_id)
        if future is not None:
            future.result(timeout=timeout)

    def close(self) -> None:
        """Finish the running job, stop the worker and delete the upload folders."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self._root, ignore_errors=True)

    def _get(self, job_id: str) -> Job:
        with self._lock:
            return self._jobs[job_id]

    def _run(self, job: Job, paths: list[str]) -> None:
        with job.lock:
            job.state = "running"
            job.message = "reading files"
        try:
            stories = list(self._ingest(paths, job))
        except Exception as exc:  # noqa: BLE001 - any failure is shown on the job page, never lost
            with job.lock:
                job.state = "failed"
                job.error = f"{type(exc).__name__}: {exc}"
                job.message = "failed"
        else:
            with job.lock:
                job.stories = stories
                job.state = "done"
                job.done = job.total
                job.message = "finished"
        finally:
            shutil.rmtree(self._root / job.id, ignore_errors=True)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.state in FINISHED]
        for job in sorted(finished, key=lambda j: j.created)[: max(0, len(finished) - self._keep)]:
            self._jobs.pop(job.id, None)
            self._futures.pop(job.id, None)
