"""Timeline dates against hand labels (``newsbrief eval timeline``).

``eval/labels/timeline_dates.tsv`` holds rows ``path, sentence_sha1, date``: ``path`` is an article
relative to the shared data folder (a MultiLing WikiNews article or a DUC 2004 newswire text, both
dated), ``sentence_sha1`` the first 12 hex digits of the SHA-1 of a sentence's normalised text
(:func:`newsbrief.text.normalise`; sentences as :class:`newsbrief.text.SentenceSplitter` cuts the
clean article), and ``date`` the day (``YYYY-MM-DD``) or month (``YYYY-MM``) a reader would print next
to the sentence in a timeline of the story's developments, or ``none`` when it reports no development
with a date.  The labelled sentences are every sentence with a date-like word (a month and a day, a
weekday, *yesterday/today/tomorrow*, *ago*, *last/next week*); they were labelled by helper sessions
that never saw the timeline's code or output.

Each labelled article is read with the rest of its story (a MultiLing topic, a DUC folder), as ``brief``
reads it, and :func:`newsbrief.timeline.dated_sentences` (``for_timeline=True``: the timeline's
candidate entries, before same-day merging and the per-day cap) gives its dated sentences.  A labelled
sentence is *right* when the timeline dates it on the gold day (a month label: in the gold month),
*wrong* when it dates it on another day, *missed* when no date is found in a dated sentence, *left out*
when a date is found but the timeline leaves the sentence out (it does not read alone, a caption …),
*spurious* when a ``none`` sentence is dated.  Precision = right / dated by the timeline; recall = right / dated by the
labels.  Stories are split into a tuning and a report half by a hash of the story's path
(:func:`newsbrief.evaluate_clean.half`).

>>> s = TimelineScore(right=8, wrong=1, missed=1, spurious=2, kept_out=3)
>>> round(s.precision, 3), round(s.recall, 3)
(0.727, 0.8)
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.errors import InputError
from newsbrief.evaluate_clean import half
from newsbrief.evaluate_quotes import load_story_files
from newsbrief.settings import Settings
from newsbrief.text import normalise
from newsbrief.timeline import DatedSentence, dated_sentences, story_sentences

HEADER = ("path", "sentence_sha1", "date")
_GOLD = re.compile(r"\d{4}-\d{2}(?:-\d{2})?|none")
_MULTILING = re.compile(r"(?P<topic>.*/M\d{3})\d\.english$")


@dataclass(frozen=True, slots=True)
class DateLabel:
    """One labelled sentence: its article, the hash of its normalised text and the gold date."""

    path: str
    sentence_sha1: str
    date: str  # YYYY-MM-DD, YYYY-MM or "none"


def sentence_sha1(text: str) -> str:
    """The label key of a sentence: SHA-1 of its normalised text, first 12 hex digits.

    >>> sentence_sha1("The talks  resumed on Monday.") == sentence_sha1("the talks resumed on monday.")
    True
    """
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:12]


def read_labels(path: Path) -> list[DateLabel]:
    """The labels of a TSV file (header ``path sentence_sha1 date``; ``#`` lines are comments)."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    with handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    if not rows or tuple(rows[0]) != HEADER:
        raise InputError(str(path), f"expected header {' '.join(HEADER)}")
    labels = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(HEADER) or not _GOLD.fullmatch(row[2]):
            raise InputError(str(path), f"row {number}: expected path, a 12-digit hash and a date or none")
        labels.append(DateLabel(*row))
    return labels


def story_of(path: str) -> str:
    """The story a labelled article belongs to: its MultiLing topic or its folder.

    >>> story_of("multiling2011-en/source/M0083.english"), story_of("duc2004/docs/d30001t/APW19981016.0240")
    ('multiling2011-en/source/M008', 'duc2004/docs/d30001t')
    """
    topic = _MULTILING.match(path)
    return topic["topic"] if topic else path.rsplit("/", 1)[0]


def _story_path(path: str) -> str:
    """The story of a labelled article as :func:`newsbrief.evaluate_quotes.load_story_files` reads it.

    >>> _story_path("multiling2011-en/source/M0083.english"), _story_path("duc2004/docs/d30001t/APW19981016.0240")
    ('multiling2011-en/source/M008*.english', 'duc2004/docs/d30001t')
    """
    return f"{story_of(path)}*.english" if _MULTILING.match(path) else story_of(path)


@dataclass(slots=True)
class TimelineScore:
    """Counts of one set of labelled sentences."""

    right: int = 0
    wrong: int = 0
    missed: int = 0  # no date found in it
    left_out: int = 0  # a date found, but the timeline leaves the sentence out (it does not read alone …)
    spurious: int = 0
    kept_out: int = 0  # "none" sentences the timeline leaves out
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        dated = self.right + self.wrong + self.spurious
        return self.right / dated if dated else 0.0

    @property
    def recall(self) -> float:
        gold = self.right + self.wrong + self.missed + self.left_out
        return self.right / gold if gold else 0.0

    @property
    def labelled(self) -> int:
        return self.right + self.wrong + self.missed + self.left_out + self.spurious + self.kept_out


@dataclass(frozen=True, slots=True)
class Agreement:
    """Two labellers over the sentences both labelled: identical labels, and where they differ."""

    sentences: int
    identical: int
    dated_or_not: int  # one dates the sentence, the other says none
    other_date: int  # both date it, on different days or months
    kappa_dated: float | None  # Cohen's kappa of "dated or none" (None when undefined)


def agreement(first: Sequence[DateLabel], second: Sequence[DateLabel]) -> Agreement:
    """How far a second labelling of some sentences agrees with the first (by path and sentence hash).

    >>> a = [DateLabel("p", "h1", "2009-06-01"), DateLabel("p", "h2", "none"), DateLabel("p", "h3", "2009-06")]
    >>> b = [DateLabel("p", "h1", "2009-06-01"), DateLabel("p", "h2", "2009-06-02"), DateLabel("p", "h3", "2009-07")]
    >>> r = agreement(a, b)
    >>> (r.sentences, r.identical, r.dated_or_not, r.other_date)
    (3, 1, 1, 1)
    """
    gold = {(label.path, label.sentence_sha1): label.date for label in first}
    pairs = [(gold[key], label.date) for label in second if (key := (label.path, label.sentence_sha1)) in gold]
    n = len(pairs)
    dated_or_not = sum((x == "none") != (y == "none") for x, y in pairs)
    other_date = sum(x != y and "none" not in (x, y) for x, y in pairs)
    kappa = None
    if n:
        none_a = sum(x == "none" for x, _ in pairs) / n
        none_b = sum(y == "none" for _, y in pairs) / n
        expected = none_a * none_b + (1 - none_a) * (1 - none_b)
        observed = 1 - dated_or_not / n
        kappa = (observed - expected) / (1 - expected) if expected < 1 else None
    return Agreement(n, sum(x == y for x, y in pairs), dated_or_not, other_date, kappa)


def judge(gold: str, predicted: DatedSentence | None) -> str:
    """``right``, ``wrong``, ``missed``, ``spurious`` or ``kept_out`` for one labelled sentence."""
    if gold == "none":
        return "kept_out" if predicted is None else "spurious"
    if predicted is None:
        return "missed"
    if len(gold) == 7:  # a month: any day of it
        return "right" if predicted.date.isoformat()[:7] == gold else "wrong"
    return "right" if predicted.mention.precision == "day" and predicted.date.isoformat() == gold else "wrong"


def outcomes(
    labels: Sequence[DateLabel], *, data: Path, settings: Settings
) -> Iterator[tuple[DateLabel, str, DatedSentence | None, str | None]]:
    """Each label with its verdict, the timeline's dated sentence (if any) and the sentence's text.

    A label whose sentence is no longer found in its article (the text or the splitter changed) gets
    the verdict ``stale``.
    """
    by_story: dict[str, list[DateLabel]] = defaultdict(list)
    for label in labels:
        by_story[story_of(label.path)].append(label)
    root = str(data.resolve()) + "/"
    for story_labels in by_story.values():
        articles = load_story_files(data, _story_path(story_labels[0].path), settings=settings)
        relative = {a.id: str(Path(a.source).resolve())[len(root) :] for a in articles}
        split = story_sentences(articles, {})
        texts = {(relative[a.id], sentence_sha1(s.text)): s.text for a in articles for s in split[a.id]}
        dated = {
            (relative[d.article.id], sentence_sha1(d.sentence.text)): d
            for d in dated_sentences(articles, sentences=split, for_timeline=True)
        }
        # every sentence with a resolvable date, before the timeline's own choices (reads alone, not a caption)
        found = {
            (relative[d.article.id], sentence_sha1(d.sentence.text)) for d in dated_sentences(articles, sentences=split)
        }
        for label in story_labels:
            key = (label.path, label.sentence_sha1)
            if key not in texts:
                yield label, "stale", None, None
                continue
            predicted = dated.get(key)
            verdict = judge(label.date, predicted)
            yield label, "left_out" if verdict == "missed" and key in found else verdict, predicted, texts[key]


def score(results: Iterable[tuple[DateLabel, str, DatedSentence | None, str | None]]) -> dict[str, TimelineScore]:
    """Scores per half of the stories (``tune``, ``report``) and ``all``; ``stale`` labels are left out."""
    scores = {"tune": TimelineScore(), "report": TimelineScore(), "all": TimelineScore()}
    for label, verdict, predicted, text in results:
        if verdict == "stale":
            continue
        for key in (half(story_of(label.path)), "all"):
            setattr(scores[key], verdict, getattr(scores[key], verdict) + 1)
            if verdict in ("wrong", "missed", "left_out", "spurious"):
                said = predicted.date.isoformat() if predicted is not None else "-"
                scores[key].errors.append(f"{verdict}\tgold {label.date}\tgot {said}\t{label.path}\t{text}")
    return scores
