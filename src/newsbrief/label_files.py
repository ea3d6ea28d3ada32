"""Label files of the evaluations: tab-separated rows under a header line, read and written one way.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "labels.tsv"
>>> write_rows(path, ("story", "label"), [("d1", "same"), ("d2", "different")])
2
>>> read_rows(path, ("story", "label"))
[['d1', 'same'], ['d2', 'different']]
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsbrief.errors import InputError


def read_rows(
    path: Path, header: Sequence[str], problem: Callable[[list[str]], str | None] | None = None
) -> list[list[str]]:
    """The rows under the header line.

    InputError when the file cannot be read, does not open with ``header``, or ``problem`` finds one in a
    row (the message names its line).
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    if not rows or tuple(rows[0]) != tuple(header):
        raise InputError(str(path), f"expected header {' '.join(header)}")
    for number, row in enumerate(rows[1:], 2):
        found = problem(row) if problem is not None else None
        if found:
            raise InputError(str(path), f"line {number}: {found}")
    return rows[1:]


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``rows`` under ``header``, tab-separated; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
