"""The stories benchmark's articles, generated fast enough for 1M (``bench_spark.py``'s data).

    .venv/bin/python benchmarks/bench_data.py SIZE OUT.jsonl [--workers 2] [--check 2000]

Same articles, byte for byte, as :class:`bench_stories.Generator` (imported, not copied): its
``_rewrite`` tokenises every sentence again for every article (``text.word_spans`` and a Python
loop over every token, ~1 ms per article); here each base sentence and title is tokenised once into
a *template* — literal text and the slots the rewrite changes (numbers, names after the first
word) — and a round only fills the slots.  ``write_jsonl`` splits the index range over ``workers``
forked processes (the generator is built once, before the fork) and concatenates their parts in
order.  ``--check N`` compares N articles spread over the rounds with the original generator.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stories import Generator  # noqa: E402

_DIGIT, _NAME = 0, 1


class FastGenerator(Generator):
    """:class:`bench_stories.Generator` with each sentence tokenised once (same articles)."""

    def __init__(self) -> None:
        super().__init__()
        self._templates: dict[str, tuple[object, ...]] = {}

    def _template(self, sentence: str) -> tuple[object, ...]:
        """Literal strings and ``(kind, value)`` slots, in order: what ``_rewrite`` changes."""
        from newsbrief.text import word_spans

        found = self._templates.get(sentence)
        if found is not None:
            return found
        parts: list[object] = []
        literal, last = [], 0
        for s, e in word_spans(sentence):
            token = sentence[s:e]
            slot: tuple[int, int] | None = None
            if token.isdigit():
                slot = (_DIGIT, int(token))
            elif s > 0 and token in self.name_index:
                slot = (_NAME, self.name_index[token])
            if slot is None:
                continue
            literal.append(sentence[last:s])
            parts.append("".join(literal))
            parts.append(slot)
            literal, last = [], e
        parts.append(sentence[last:])
        template = tuple(parts)
        self._templates[sentence] = template
        return template

    def _rewrite(self, sentence: str, round_: int) -> str:
        names, n_names = self.names, len(self.names)
        out = []
        for part in self._template(sentence):
            if isinstance(part, str):
                out.append(part)
            elif part[0] == _DIGIT:  # type: ignore[index]
                out.append(str(part[1] + 3 * round_ + 1))  # type: ignore[index,operator]
            else:
                out.append(names[(part[1] + 7919 * round_) % n_names])  # type: ignore[index,operator]
        return "".join(out)


def _line(generator: Generator, j: int) -> str:
    from newsbrief.serialize import article_to_dict

    return json.dumps(article_to_dict(generator.article(j)), ensure_ascii=False) + "\n"


_SHARED: dict[str, FastGenerator] = {}  # the generator handed to forked workers (set only in write_jsonl)


def _write_part(job: tuple[int, int, str]) -> str:
    start, end, path = job
    generator = _SHARED["generator"]
    with open(path, "w", encoding="utf-8") as out:
        for j in range(start, end):
            out.write(_line(generator, j))
    return path


def write_jsonl(size: int, path: Path, *, workers: int = 2, generator: FastGenerator | None = None) -> None:
    """Write ``size`` benchmark articles to ``path`` (JSONL, ``clean --format jsonl`` keys)."""
    generator = generator or FastGenerator()
    path.parent.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(workers, size // 1000 or 1))
    cuts = [size * w // workers for w in range(workers + 1)]
    jobs = [(cuts[w], cuts[w + 1], f"{path}.part{w}") for w in range(workers)]
    _SHARED["generator"] = generator
    try:
        if workers == 1:
            parts = [_write_part(jobs[0])]
        else:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                parts = pool.map(_write_part, jobs)
    finally:
        _SHARED.clear()
    with path.open("wb") as out:
        for part in parts:
            with open(part, "rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 24)
            os.unlink(part)


def check(count: int, size: int) -> int:
    """Number of articles (of ``count`` spread over ``0..size``) that differ from the original generator."""
    original, fast = Generator(), FastGenerator()
    step = max(1, size // count)
    return sum(original.article(j) != fast.article(j) for j in range(0, size, step))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--check", type=int, default=0, help="compare this many articles with bench_stories")
    args = parser.parse_args()
    if args.check:
        print(json.dumps({"checked": args.check, "different": check(args.check, args.size)}), flush=True)
    started, cpu = time.perf_counter(), time.process_time()
    write_jsonl(args.size, args.out, workers=args.workers)
    print(json.dumps({"articles": args.size, "generated_s": round(time.perf_counter() - started, 1),
                      "parent_cpu_s": round(time.process_time() - cpu, 1),
                      "mib": round(args.out.stat().st_size / 2**20, 1)}), flush=True)


if __name__ == "__main__":
    main()
