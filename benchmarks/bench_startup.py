"""Start-up cost of the command line: wall time of short commands, and the heavy packages they import.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]

Times, in fresh processes, ``newsbrief --help`` and ``newsbrief clean`` on the one plain-text example
(``examples/variants/``'s first ``.txt``, output discarded), and ``python -c "import newsbrief.cli"``
with the list of heavy packages that import loads (nltk, scipy, sklearn, spaCy, torch, trafilatura …).
Prints one JSON line per command: the median and the fastest of ``--runs`` runs, in seconds.  A command
that reads one small file is dominated by imports; this is what a user waits for on every call.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("nltk", "scipy", "sklearn", "spacy", "torch", "trafilatura", "datasketch", "wordfreq", "dateparser", "pyspark", "fastapi")


def _newsbrief() -> list[str]:
    script = Path(sys.executable).with_name("newsbrief")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsbrief.cli"]


def _time(command: list[str], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return {"median_s": round(statistics.median(times), 3), "fastest_s": round(min(times), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sample = sorted((REPO / "examples" / "variants").glob("*.txt"))
    if not sample:
        raise SystemExit(f"no .txt example under {REPO / 'examples' / 'variants'}")
    probe = f"import sys, newsbrief.cli; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}}.intersection({HEAVY!r}))))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    commands = {
        "import newsbrief.cli": [sys.executable, "-c", "import newsbrief.cli"],
        "newsbrief --help": [*_newsbrief(), "--help"],
        "newsbrief clean (one file)": [*_newsbrief(), "clean", str(sample[0])],
    }
    for name, command in commands.items():
        row: dict[str, object] = {"command": name, "runs": args.runs, **_time(command, args.runs)}
        if name == "import newsbrief.cli":
            row["heavy_packages_loaded"] = loaded
        print(json.dumps(row))


if __name__ == "__main__":
    main()
