"""Citation precision: a fixed random sample of (summary sentence, cited article) pairs, judged by hand.

``sample`` briefs real clusters (DUC 2004 and MultiLing 2011 topics, all articles of a topic as one story,
200-word summaries, exactly as ``newsbrief brief --one-story``), collects every pair of a summary
sentence and an article it cites *other than the article the sentence was taken from* (those are
trivially right), draws ``--n`` pairs with a fixed seed and prints, for the reader, the summary sentence
and the cited article's carrying sentence.  The committed table ``eval/citations.tsv`` keeps only
ids, relative paths, offsets, a hash of both sentences and the judgement (1 = the cited article carries
the same information, 0 = it does not) — never the text.

``sample`` also saves a draft table (``--draft``); ``write --judgements FILE`` adds the reader's verdicts
(lines ``pair pair_hash carries``) and writes ``eval/citations.tsv``; ``score`` re-reads the judged
sentences from the data by offset, checks their hash and prints the precision.

Run: ``.venv/bin/python benchmarks/citation_sample.py sample|write|score [--data ../shared/data]``.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from newsbrief import text as textmod
from newsbrief.align import align
from newsbrief.dedup import find_duplicate_groups
from newsbrief.evaluate_data import load_topics
from newsbrief.settings import BriefOptions, DedupOptions
from newsbrief.summarize import summarize

TABLE = Path(__file__).resolve().parents[1] / "eval" / "citations.tsv"
FIELDS = ("pair", "dataset", "topic", "summary_source", "summary_start", "summary_end", "cited_source",
          "cited_start", "cited_end", "pair_hash", "carries")


def _relative(source: str, data: Path) -> str:
    try:
        return str(Path(source).resolve().relative_to(data.resolve()))
    except ValueError:
        return source


def pairs(data: Path, *, n: int, seed: int) -> list[dict[str, str]]:
    """The sampled pairs with their texts (texts are for reading, not for the committed table)."""
    splitter = textmod.SentenceSplitter()
    options = BriefOptions(words=200, one_story=True)
    found = []
    for dataset in ("duc2004", "multiling"):
        for topic in load_topics(dataset, data):
            arts = list(topic.articles)
            al = align(arts, groups=find_duplicate_groups(arts, options=DedupOptions()), splitter=splitter, options=options)
            by_id = {a.id: a for a in arts}
            for s in summarize(al, options=options):
                own = s.spans[0]
                for span in s.spans[1:]:
                    if span.article_id == own.article_id:
                        continue
                    cited = by_id[span.article_id].text[span.start : span.end]
                    found.append({
                        "dataset": dataset, "topic": topic.id,
                        "summary_source": _relative(by_id[own.article_id].source, data),
                        "summary_start": str(own.start), "summary_end": str(own.end),
                        "cited_source": _relative(by_id[span.article_id].source, data),
                        "cited_start": str(span.start), "cited_end": str(span.end),
                        "pair_hash": textmod.stable_hash(s.text, cited),
                        "summary_text": s.text, "cited_text": cited,
                    })
    rng = random.Random(seed)
    chosen = rng.sample(found, min(n, len(found)))
    for k, row in enumerate(chosen, 1):
        row["pair"] = str(k)
    print(f"# {len(found)} non-trivial pairs in all; sampled {len(chosen)} (seed {seed})")
    return chosen


def _slice(data: Path, rel: str, start: str, end: str, cache: dict[str, dict[str, str]]) -> str:
    """The text at ``[start:end]`` of the article read (through the pipeline) from ``data / rel``."""
    from newsbrief.evaluate_data import read_articles

    path = rel.split("#")[0]
    if path not in cache:
        cache[path] = {a.source: a.text for a in read_articles([data / path])}
    text = next(t for src, t in cache[path].items() if src.endswith(rel) or _relative(src, data) == rel)
    return text[int(start) : int(end)]


def main() -> None:
    """``sample``: draw pairs, print them for reading and save a draft table; ``write``: add verdicts; ``score``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("sample", "write", "score"))
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--draft", default="citations-draft.tsv", help="sample/write: the draft table (no verdicts)")
    parser.add_argument("--judgements", help="write: file of 'pair pair_hash carries' lines (the reader's verdicts)")
    args = parser.parse_args()
    data = Path(args.data)
    if args.command == "sample":
        rows = pairs(data, n=args.n, seed=args.seed)
        with open(args.draft, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=FIELDS, delimiter="\t", extrasaction="ignore")
            writer.writeheader()
            writer.writerows({**r, "carries": ""} for r in rows)
        for row in rows:
            print(f"## {row['pair']} {row['dataset']} {row['topic']} {row['pair_hash']}")
            print(f"S: {row['summary_text']}")
            print(f"C: {row['cited_text']}\n")
        return
    if args.command == "write":
        verdicts = {}
        for line in Path(args.judgements).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                pair, pair_hash, carries = line.split()
                verdicts[pair] = (pair_hash, carries)
        with open(args.draft, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        TABLE.parent.mkdir(exist_ok=True)
        with TABLE.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=FIELDS, delimiter="\t")
            writer.writeheader()
            for row in rows:
                pair_hash, carries = verdicts[row["pair"]]
                if pair_hash != row["pair_hash"]:
                    raise SystemExit(f"pair {row['pair']}: judged a different pair; re-judge")
                writer.writerow({**row, "carries": carries})
        return
    # score: re-read the judged pairs from the data, check they are the sentences judged, count
    with TABLE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    cache: dict[str, dict[str, str]] = {}
    good = 0
    for row in rows:
        summary = _slice(data, row["summary_source"], row["summary_start"], row["summary_end"], cache)
        cited = _slice(data, row["cited_source"], row["cited_start"], row["cited_end"], cache)
        if textmod.stable_hash(summary, cited) != row["pair_hash"]:
            raise SystemExit(f"pair {row['pair']}: the data no longer gives the judged sentences")
        good += int(row["carries"])
    print(f"citation precision: {good}/{len(rows)} = {good / len(rows):.3f}")


if __name__ == "__main__":
    main()
