"""``newsbrief eval dedup``: duplicate detection measured on real data, and on synthetic copies apart.

Real data (``../shared/data``):

* **BBC** (``bbc-news-2225``): every article (first line = title, rest = body) goes through
  :func:`~newsbrief.dedup.find_duplicate_groups`; every pair inside a predicted group is a predicted
  duplicate.  Gold: ``eval/labels/bbc_duplicates.tsv``, all pairs with shingle Jaccard > 0.08 or
  containment > 0.2, each read and labelled by hand (1 = the same text, possibly edited, trimmed or
  extended; 0 = another report, an update with a new lead, a follow-up).  A predicted pair that is not
  a labelled positive counts as a false positive.  File hashes are checked against the labels.
* **SemEval-2022 task 8** English–English pairs (train + test): different articles, many about the
  same story (hard negatives).  Every pair flagged is a false positive.

Synthetic: BBC articles that are in no labelled duplicate pair, each copied once with one
perturbation (changed words, another headline, residue lines, trimmed ending, extended ending), mixed
with the originals; recall per perturbation and precision over all predicted pairs.

>>> perturb("one two three four five six seven eight nine ten", kind="changed_words", seed=1) != "x"
True
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsbrief import text as textmod
from newsbrief.dedup import DuplicateIndex, MinHasher, candidate_pairs, find_duplicate_groups, verify
from newsbrief.errors import UsageError
from newsbrief.model import Article, DuplicateGroup
from newsbrief.settings import DedupOptions

PERTURBATIONS = ("changed_words", "other_headline", "residue", "trimmed_ending", "extended_ending")
_RESIDUE = (
    "Share this article",
    "Advertisement",
    "Follow us on Twitter and Facebook",
    "Click here to subscribe to our newsletter",
    "Related stories",
    "Copyright 2005. All rights reserved.",
)
_FILLER = ("also", "reportedly", "now", "still", "however", "meanwhile", "indeed", "again")


def read_bbc(root: Path) -> list[tuple[str, bytes, Article]]:
    """``(relative path, file bytes, Article)`` for every BBC file under ``root`` (``bbc-news-2225``)."""
    files = sorted((root / "bbc").glob("*/*.txt"))
    if not files:
        raise UsageError(f"{root}: no BBC articles (expected bbc/<topic>/NNN.txt)")
    result = []
    for path in files:
        raw = path.read_bytes()
        title, _, body = raw.decode("utf-8", errors="replace").partition("\n")
        rel = path.relative_to(root).as_posix()
        text = body.strip()
        result.append((rel, raw, Article(id=rel, content_hash=textmod.content_hash(text), source=rel,
                                         title=title.strip(), text=text)))
    return result


def read_labels(path: Path) -> list[tuple[str, str, str, str, int]]:
    """Rows ``(path_a, path_b, sha_a, sha_b, label)`` of a duplicate-pair label file."""
    with path.open(encoding="utf-8") as handle:
        return [(r["path_a"], r["path_b"], r["sha_a"], r["sha_b"], int(r["label"]))
                for r in csv.DictReader(handle, delimiter="\t")]


def predicted_pairs(groups: Sequence[DuplicateGroup]) -> set[tuple[str, str]]:
    """Every unordered pair ``(a, b)``, ``a < b``, inside a group."""
    return {pair for g in groups for pair in itertools.combinations(sorted(g.member_ids), 2)}


def _score(name: str, kind: str, predicted: set[tuple[str, str]], positives: set[tuple[str, str]],
           pairs: int) -> dict[str, Any]:
    tp = len(predicted & positives)
    fp = sorted(predicted - positives)
    fn = sorted(positives - predicted)
    return {
        "set": name, "kind": kind, "pairs": pairs, "positives": len(positives), "tp": tp, "fp": len(fp),
        "fn": len(fn),
        "precision": tp / (tp + len(fp)) if tp + len(fp) else 1.0,
        "recall": tp / len(positives) if positives else 1.0,
        "errors": [f"false positive {a} {b}" for a, b in fp] + [f"missed {a} {b}" for a, b in fn],
    }


def evaluate_bbc(root: Path, labels: Path, *, options: DedupOptions) -> dict[str, Any]:
    """Precision/recall of duplicate pairs on BBC against the hand-verified labels."""
    items = read_bbc(root)
    sha = {rel: hashlib.sha1(raw).hexdigest() for rel, raw, _ in items}
    rows = read_labels(labels)
    for a, b, sha_a, sha_b, _ in rows:
        if sha.get(a) != sha_a or sha.get(b) != sha_b:
            raise UsageError(f"{labels}: {a} / {b} do not match the data (changed or missing file)")
    groups = find_duplicate_groups([article for _, _, article in items], options=options)
    positives = {(a, b) for a, b, _, _, label in rows if label == 1}
    return _score("bbc", "real", predicted_pairs(groups), positives, len(rows))


def evaluate_semeval(folder: Path, *, options: DedupOptions) -> dict[str, Any]:
    """False positives among SemEval-2022 English–English pairs (all different articles)."""
    csv.field_size_limit(1 << 28)
    predicted: set[tuple[str, str]] = set()
    count = 0
    hasher, index = MinHasher(options=options), DuplicateIndex(options=options)
    for name in ("training_set.csv", "testing_set.csv"):
        path = folder / "data" / name
        if not path.exists():
            raise UsageError(f"{path}: missing")
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["lang1"] != "en" or row["lang2"] != "en":
                    continue
                count += 1
                # one pair = a two-article batch: LSH candidate, then verification (as find_duplicate_groups)
                fps = [hasher.fingerprint(row["text1"]), hasher.fingerprint(row["text2"])]
                if candidate_pairs(index, fps) and verify(fps[0], fps[1], options=options) is not None:
                    predicted.add((f"{name}:{row['pair_id']}:1", f"{name}:{row['pair_id']}:2"))
    return _score("semeval-en", "real", predicted, set(), count)


def perturb(text: str, *, kind: str, seed: int, other: str = "") -> str:
    """A copy of ``text`` with one perturbation (see :data:`PERTURBATIONS`), deterministic in ``seed``."""
    rng = random.Random(f"{kind}:{seed}")
    paras = [text[s:e] for s, e in textmod.paragraphs(text)] or [text]
    if kind == "changed_words":  # about 1 word in 30 replaced or followed by an inserted word
        tokens = text.split(" ")
        for i in sorted(rng.sample(range(len(tokens)), max(1, len(tokens) // 30))):
            tokens[i] = rng.choice(_FILLER) if rng.random() < 0.5 else tokens[i] + " " + rng.choice(_FILLER)
        return " ".join(tokens)
    if kind == "other_headline":
        return "Breaking: " + " ".join(textmod.words(other)[:9]).capitalize() + "\n\n" + text
    if kind == "residue":
        out = []
        for para in paras:
            out.append(para)
            if rng.random() < 0.4:
                out.append(rng.choice(_RESIDUE))
        return "\n\n".join([rng.choice(_RESIDUE), *out, rng.choice(_RESIDUE)])
    if kind == "trimmed_ending":  # the first paragraphs holding at least half of the words
        total, kept = len(text.split()), []
        for para in paras:
            kept.append(para)
            if 2 * sum(len(p.split()) for p in kept) >= total:
                break
        return "\n\n".join(kept)
    if kind == "extended_ending":  # the last paragraph of another article appended
        return "\n\n".join([*paras, _last_paragraph(other)])
    raise UsageError(f"unknown perturbation {kind!r}; choose one of {', '.join(PERTURBATIONS)}")


def _last_paragraph(text: str) -> str:
    spans = textmod.paragraphs(text)
    return text[spans[-1][0] : spans[-1][1]] if spans else text


def evaluate_synthetic(root: Path, labels: Path, *, options: DedupOptions, originals: int = 300) -> list[dict[str, Any]]:
    """Recall per perturbation and overall precision on BBC articles mixed with perturbed copies."""
    items = read_bbc(root)
    in_pairs = {p for a, b, _, _, label in read_labels(labels) if label == 1 for p in (a, b)}
    clean = [article for rel, _, article in items if rel not in in_pairs and len(article.text.split()) >= 150]
    rng = random.Random(7)
    chosen = sorted(rng.sample(clean, min(originals, len(clean))), key=lambda a: a.id)
    pool = list(chosen)
    expected: dict[str, set[tuple[str, str]]] = {kind: set() for kind in PERTURBATIONS}
    # the extension is a donor's last paragraph, at most a quarter of the donor (never a whole article)
    donors = [a for a in chosen if 4 * len(_last_paragraph(a.text).split()) <= len(a.text.split())]
    for i, article in enumerate(chosen):
        kind = PERTURBATIONS[i % len(PERTURBATIONS)]
        other = next(d for d in donors[(i + 7) % len(donors):] + donors if d.id != article.id)
        copy_id = f"{article.id}#{kind}"
        text = perturb(article.text, kind=kind, seed=i, other=other.text)
        pool.append(Article(id=copy_id, content_hash=textmod.content_hash(text), source=copy_id, title=None, text=text))
        expected[kind].add(tuple(sorted((article.id, copy_id))))  # type: ignore[arg-type]
    predicted = predicted_pairs(find_duplicate_groups(pool, options=options))
    all_expected = set().union(*expected.values())
    results = [_score("synthetic", "all", predicted, all_expected, len(pool))]
    for kind, positives in expected.items():
        row = _score("synthetic", kind, predicted & positives, positives, len(positives))
        row["fp"], row["precision"] = 0, 1.0  # precision is only meaningful over all pairs (row "all")
        row["errors"] = [e for e in row["errors"] if e.startswith("missed")]
        results.append(row)
    return results


def evaluate_dedup(data: Path, *, labels: Path, options: DedupOptions) -> dict[str, Any]:
    """The whole report: ``{"options": …, "results": [rows]}``; real sets first, synthetic after."""
    bbc = Path(data) / "bbc-news-2225"
    semeval = Path(data) / "semeval2022-task8-subset"
    for folder in (bbc, semeval):
        if not folder.exists():
            raise UsageError(f"{folder}: missing (pass --data with the shared data folder)")
    if not Path(labels).exists():
        raise UsageError(f"{labels}: no such label file")
    results = [evaluate_bbc(bbc, Path(labels), options=options), evaluate_semeval(semeval, options=options)]
    results += evaluate_synthetic(bbc, Path(labels), options=options)
    return {"options": {f: getattr(options, f) for f in options.__dataclass_fields__}, "results": results}
