"""Line labels for plain-text cleaning: residue recall and the rate of body lines falsely removed.

Labels are rows ``relative_path<TAB>line_no<TAB>hash<TAB>label`` (paths relative to the shared data
folder, ``hash`` = first 12 hex digits of the SHA-1 of :func:`newsbrief.text.normalise` of the line,
labels ``body``, ``residue``, ``meta``, ``title``); the text itself is never stored in the repository.

Two sources of labels:

* ``eval/labels/wikiref_lines.tsv``: lines of scraped articles in ``wikiref220/``, labelled by hand.
* ``eval/labels/semeval_lines.tsv`` / ``semeval_heldout_lines.tsv``: lines of the English texts of the
  SemEval-2022 task 8 pairs that keep their line breaks (scraped with their residue, cut to about 1 kB
  head and tail), labelled by hand; a text is named ``<csv path>#<article id>``
  (:func:`semeval_texts`).
* ``eval/labels/benchmark_lines.tsv``: derived from the article-extraction benchmark's gold bodies by
  :func:`derive_benchmark_labels`.  The text is trafilatura's output with ``favor_recall=True`` (so that
  residue lines are present); a line is ``body`` when it is contained in the gold body: its normalised
  text is a substring of the normalised gold body, or at least 80 % of its 4-word shingles occur in the
  gold body's shingles; otherwise ``residue``.  A line under 4 words must be a whole paragraph of the
  gold body (when the gold has paragraphs): a short string such as ``Review``, ``More:`` or ``By``
  occurs somewhere inside almost any article, so the substring rule would call a section label or a
  prompt body; a sub-heading the gold keeps is a paragraph of its own.  Lines without a letter or digit
  (``___`` separators) are not labelled.

A line counts as *removed* when it is not part of the cleaned body (main or appended text); the title
line is not body.  Scores: residue recall (residue lines removed / residue lines) and false removal
(body lines removed / body lines), per source and per half (:func:`newsbrief.evaluate_clean.half`).

>>> contained_in_gold("the cat sat on the mat today", "Yesterday the cat sat on the mat today, they said.")
True
>>> contained_in_gold("Share this article", "The cat sat on the mat.")
False
>>> contained_in_gold("More:", "Prices rose.\\n\\nMore: the council met again."), contained_in_gold("Prices", "Prices\\n\\nThey rose.")
(False, True)
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.clean import Cleaner
from newsbrief.evaluate_clean import half
from newsbrief.evaluate_data import semeval_rows
from newsbrief.model import CleanResult, RawDocument
from newsbrief.settings import CleanOptions
from newsbrief.text import normalise, words

LABELS = ("body", "residue", "meta", "title")
CONTAINMENT = 0.8


def line_hash(line: str) -> str:
    """The hash stored with a label: SHA-1 of the normalised line, 12 hex digits.

    >>> line_hash("  Hello   world ") == line_hash("hello world")
    True
    """
    return hashlib.sha1(normalise(line).encode("utf-8")).hexdigest()[:12]


def decode_file(data: bytes) -> str:
    """Text of a labelled file: UTF-8, else Windows-1252 (the scraped WikiRef files use it)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _gram_set(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def gold_paragraphs(gold: str) -> set[str] | None:
    """The normalised paragraphs (non-empty lines) of a gold body, ``None`` when it is one block."""
    paragraphs = [p for p in gold.splitlines() if p.strip()]
    return {" ".join(words(p)) for p in paragraphs} if len(paragraphs) > 1 else None


def contained_in_gold(
    line: str,
    gold: str,
    *,
    gold_grams: set[tuple[str, ...]] | None = None,
    paragraphs: set[str] | None = None,
) -> bool:
    """The containment rule used to derive labels from a gold body (see the module docstring).

    ``gold_grams`` and ``paragraphs`` are the gold's shingles and :func:`gold_paragraphs`, computed
    here when not given.
    """
    tokens = words(line)
    if not tokens:
        return False
    joined = " ".join(tokens)
    if len(tokens) < 4:
        whole = paragraphs if paragraphs is not None else gold_paragraphs(gold)
        if whole is not None:
            return joined in whole
    norm_gold = " ".join(words(gold))
    if f" {joined} " in f" {norm_gold} ":
        return True
    if len(tokens) < 4:
        return False
    grams = _gram_set(tokens)
    pool = gold_grams if gold_grams is not None else _gram_set(norm_gold.split())
    return sum(1 for g in grams if g in pool) >= CONTAINMENT * len(grams)


@dataclass(frozen=True, slots=True)
class LabelRow:
    """One labelled line."""

    path: str
    line_no: int
    hash: str
    label: str


def read_labels(path: str | Path) -> list[LabelRow]:
    """Rows of a label file (``#`` lines are comments)."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rel, line_no, digest, label = line.split("\t")
        rows.append(LabelRow(rel, int(line_no), digest, label))
    return rows


def write_labels(path: str | Path, rows: Iterable[LabelRow], *, header: str) -> int:
    """Write label rows (with a ``#`` header line); returns how many."""
    rows = list(rows)
    body = "".join(f"{r.path}\t{r.line_no}\t{r.hash}\t{r.label}\n" for r in rows)
    Path(path).write_text(f"# {header}\n{body}", encoding="utf-8")
    return len(rows)


def recall_text(html: str, url: str | None) -> tuple[str, str | None]:
    """The recall-favouring trafilatura text of a page (residue lines present) and the page title."""
    import trafilatura

    text = trafilatura.extract(html, url=url, favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    return text, (meta.title if meta is not None else None)


def derive_benchmark_labels(root: str | Path, *, data_root: str | Path) -> Iterator[LabelRow]:
    """Label every line of trafilatura's recall text of each benchmark page against its gold body."""
    root = Path(root)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = root / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        text, _title = recall_text(html, truth[page_id].get("url"))
        gold = truth[page_id].get("articleBody") or ""
        grams = _gram_set(words(gold))
        paragraphs = gold_paragraphs(gold)
        rel = path.relative_to(Path(data_root)).as_posix() if Path(data_root) in path.parents else path.as_posix()
        for line_no, line in enumerate(text.splitlines(), 1):
            if any(ch.isalnum() for ch in line):
                label = "body" if contained_in_gold(line, gold, gold_grams=grams, paragraphs=paragraphs) else "residue"
                yield LabelRow(rel, line_no, line_hash(line), label)


def semeval_texts(path: str | Path, *, data_root: str | Path) -> dict[str, str]:
    """The distinct English texts of a SemEval-2022 task 8 CSV file, by name ``<relative path>#<article id>``.

    A pair's ``pair_id`` is its two articles' ids (``first_second``); a text is read once, where its id
    first occurs.
    """
    path = Path(path)
    rel = path.relative_to(Path(data_root)).as_posix() if Path(data_root) in path.parents else path.as_posix()
    texts: dict[str, str] = {}
    for row in semeval_rows(path):
        ids = row["pair_id"].split("_", 1)
        for k, article_id in zip(("1", "2"), ids, strict=False):
            if row[f"lang{k}"] == "en":
                texts.setdefault(f"{rel}#{article_id}", row[f"text{k}"])
    return texts


@dataclass
class LineScore:
    """Counts for one source and half."""

    residue: int = 0
    residue_removed: int = 0
    body: int = 0
    body_removed: int = 0
    meta: int = 0
    meta_found: int = 0
    title: int = 0
    title_found: int = 0
    mismatched: int = 0
    false_removals: list[tuple[str, int]] = field(default_factory=list)

    @property
    def residue_recall(self) -> float:
        """Residue lines removed / residue lines."""
        return self.residue_removed / self.residue if self.residue else 0.0

    @property
    def false_removal(self) -> float:
        """Body lines removed / body lines."""
        return self.body_removed / self.body if self.body else 0.0


def _body_lines(result: CleanResult) -> set[str]:
    parts = [result.main.text, *(a.text for a in result.appended)]
    return {normalise(p) for text in parts for p in text.split("\n\n") if p.strip()}


def score_document(text: str, rows: Sequence[LabelRow], result: CleanResult, score: LineScore) -> None:
    """Add one document's labelled lines to ``score``."""
    lines = text.splitlines()
    body = _body_lines(result)
    joined_body = "\n".join(body)
    title = normalise(result.main.title or "")
    meta = {normalise(m) for m in result.main.meta_lines}
    for row in rows:
        if row.line_no > len(lines) or line_hash(lines[row.line_no - 1]) != row.hash:
            score.mismatched += 1
            continue
        norm = normalise(lines[row.line_no - 1])
        kept = norm in body or (len(norm) > 40 and norm in joined_body)
        if row.label == "residue":
            score.residue += 1
            score.residue_removed += not kept
        elif row.label == "body":
            score.body += 1
            if not kept:
                score.body_removed += 1
                score.false_removals.append((row.path, row.line_no))
        elif row.label == "meta":
            score.meta += 1
            score.meta_found += any(norm in m or m in norm for m in meta if m)
        elif row.label == "title":
            score.title += 1
            score.title_found += bool(title) and (title in norm or norm in title)


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    """A labelled file, its text as the cleaner sees it, and its record metadata."""

    path: str
    text: str
    rows: tuple[LabelRow, ...]
    record_meta: dict[str, str]
    format: str = "text"


def observed_cleaner(
    documents: Sequence[LabelledDocument],
    *,
    options: CleanOptions,
    batch: Iterable[RawDocument] = (),
) -> tuple[Cleaner, list[RawDocument]]:
    """A cleaner that observed ``batch`` (except the labelled files) and then the labelled files; their raw documents."""
    cleaner = Cleaner(options=options)
    raws = [
        RawDocument(doc.path, doc.text, format=doc.format, record_meta=doc.record_meta)  # type: ignore[arg-type]
        for doc in documents
    ]
    seen = {raw.source for raw in raws}
    for raw in batch:
        if raw.source not in seen:
            cleaner.observe(raw)
    for raw in raws:
        cleaner.observe(raw)
    return cleaner, raws


def evaluate_lines(
    documents: Sequence[LabelledDocument],
    *,
    options: CleanOptions,
    batch: Iterable[RawDocument] = (),
) -> dict[str, LineScore]:
    """Clean each labelled document (after observing ``batch`` and the documents) and score by half."""
    cleaner, raws = observed_cleaner(documents, options=options, batch=batch)
    scores = {"tune": LineScore(), "report": LineScore(), "all": LineScore()}
    iterator = iter(zip(documents, raws, strict=True))
    for doc, raw in iterator:
        result = cleaner.clean(raw)
        for part in (half(doc.path), "all"):
            score_document(doc.text, doc.rows, result, scores[part])
    return scores


def load_labelled_documents(labels: str | Path, *, data_root: str | Path) -> list[LabelledDocument]:
    """The labelled files of one label file, read from ``data_root`` (missing files are skipped).

    Plain-text files are decoded with :func:`decode_file`; benchmark pages (``.html.gz``) become
    trafilatura's recall-favouring text with the page title as record metadata, as in
    :func:`derive_benchmark_labels`.
    """
    data_root = Path(data_root)
    grouped: dict[str, list[LabelRow]] = defaultdict(list)
    for row in read_labels(labels):
        grouped[row.path].append(row)
    truth_cache: dict[Path, dict[str, dict[str, str]]] = {}
    records: dict[Path, dict[str, str]] = {}
    documents = []
    for rel, rows in sorted(grouped.items()):
        if "#" in rel:  # a record of a CSV file (SemEval-2022)
            path = data_root / rel.split("#", 1)[0]
            if not path.is_file():
                continue
            if path not in records:
                records[path] = semeval_texts(path, data_root=data_root)
            if rel in records[path]:
                documents.append(LabelledDocument(rel, records[path][rel], tuple(rows), {}))
            continue
        path = data_root / rel
        if not path.is_file():
            continue
        if rel.endswith(".html.gz"):
            truth_path = path.parent.parent / "ground-truth.json"
            if truth_path not in truth_cache:
                truth_cache[truth_path] = json.loads(truth_path.read_text(encoding="utf-8"))
            page_id = path.name.removesuffix(".html.gz")
            url = truth_cache[truth_path].get(page_id, {}).get("url")
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            text, title = recall_text(html, url)
            meta = {"title": title} if title else {}
            documents.append(LabelledDocument(rel, text, tuple(rows), meta, "html"))
        else:
            documents.append(LabelledDocument(rel, decode_file(path.read_bytes()), tuple(rows), {}))
    return documents


def sibling_batch(documents: Sequence[LabelledDocument], *, data_root: str | Path) -> Iterator[RawDocument]:
    """The other plain-text files in the labelled files' folders: the batch the cleaner observes.

    For records of a CSV file, the batch is that file's other English texts.
    """
    tables = sorted({doc.path.split("#", 1)[0] for doc in documents if "#" in doc.path})
    for table in tables:
        for name, text in semeval_texts(Path(data_root) / table, data_root=data_root).items():
            yield RawDocument(name, text)
    folders = sorted(
        {(Path(data_root) / doc.path).parent for doc in documents if doc.format == "text" and "#" not in doc.path}
    )
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            rel = path.relative_to(Path(data_root)).as_posix()
            yield RawDocument(rel, decode_file(path.read_bytes()))
