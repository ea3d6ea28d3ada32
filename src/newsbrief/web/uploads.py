"""Checking uploaded files before ingest: a size cap, an allowed type, and content that matches the type.

Each bad file gets a one-line reason; good files are written to a job folder under a safe name.

>>> check_upload("notes.txt", b"Plain words.", size=12, max_bytes=100)
>>> check_upload("evil.exe", b"MZ", size=2, max_bytes=100)
'unsupported file type .exe (allowed: .txt, .text, .html, .htm, .jsonl, .json, .ndjson, .csv, .tsv, .warc, .warc.gz, .arc.gz)'
>>> check_upload("big.txt", b"x", size=101, max_bytes=100)
'file is larger than the 100 byte upload limit'
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

#: Extension → kind.  JSON is accepted as JSONL (one object per line, or a single object).
ALLOWED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
}

_GZIP_MAGIC = b"\x1f\x8b"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def upload_suffix(name: str) -> str | None:
    """The allowed suffix a file name ends with (longest match), or ``None``.

    >>> upload_suffix("crawl.WARC.gz"), upload_suffix("a.tar.gz")
    ('.warc.gz', None)
    """
    lower = name.lower()
    for suffix in sorted(ALLOWED_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return suffix
    return None


def check_upload(name: str, head: bytes, *, size: int, max_bytes: int) -> str | None:
    """Why this upload is refused (one line), or ``None`` when it may be ingested.

    ``head`` is the first few kilobytes of the file; the check sniffs them to make sure the content
    matches the extension (a binary file renamed ``.txt`` is refused).
    """
    suffix = upload_suffix(name)
    if suffix is None:
        shown = PurePosixPath(name.lower()).suffix or "(none)"
        return f"unsupported file type {shown} (allowed: {', '.join(ALLOWED_SUFFIXES)})"
    if size > max_bytes:
        return f"file is larger than the {max_bytes} byte upload limit"
    if size == 0:
        return "file is empty"
    kind = ALLOWED_SUFFIXES[suffix]
    if kind == "warc":
        if suffix.endswith(".gz"):
            return None if head.startswith(_GZIP_MAGIC) else "not a gzip-compressed WARC file"
        return None if head.startswith(b"WARC/") else "not a WARC file (no WARC/ header)"
    if b"\x00" in head:
        return f"binary content in a {kind} file"
    if kind == "jsonl":
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if first not in (b"{", b"["):
            return "not JSON lines (the first record does not start with '{')"
    return None


def safe_name(name: str, index: int) -> str:
    r"""A file name safe to create in a job folder: no directories, only plain characters, unique prefix.

    >>> safe_name("../../etc/passwd.txt", 3)
    '003-passwd.txt'
    >>> safe_name("C:\\Users\\x\\my story.html", 0)
    '000-my_story.html'
    """
    base = PureWindowsPath(PurePosixPath(name).name).name
    base = _UNSAFE.sub("_", base).lstrip(".") or "upload"
    return f"{index:03d}-{base[-120:]}"
