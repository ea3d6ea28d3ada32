"""The story's timeline: dated developments, oldest first, each cited.

Every sentence with a resolvable date expression (see :mod:`newsbrief.dates` for the resolution rule)
is a dated development; its date is the first day-precise expression in the sentence (else the first
month-precise one).  Sentences of different articles with the same date that say the same thing
(content-word overlap, or near-identical wording) become one entry carrying all their spans and article
ids; when sources give *different* dates for the same development, each date is its own entry, cited
(``find_discrepancies`` reports the conflict).

>>> import datetime as dt
>>> from newsbrief.model import Article, Sentence, Span
>>> text = "The king returned on Tuesday. Talks will resume."
>>> a = Article(id="a", content_hash="h", source="a.txt", title=None, text=text, published=dt.date(1998, 11, 5))
>>> sents = {"a": [Sentence(Span("a", 0, 29), text[0:29]), Sentence(Span("a", 30, 49), text[30:49])]}
>>> [(e.date.isoformat(), e.text) for e in build_timeline([a], sentences=sents)]
[('1998-11-03', 'The king returned on Tuesday.')]
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from newsbrief.dates import (
    TIME_WORDS,
    DateMention,
    find_dates,
    in_attributive_phrase,
    in_birth_phrase,
    in_comparison,
    in_fronted_phrase,
    in_relative_clause,
    reports_development,
    story_reference,
    written_years,
)
from newsbrief.model import Article, Sentence, Span, TimelineEntry
from newsbrief.reference import proper_names
from newsbrief.summarize import stands_alone
from newsbrief.text import (
    SentenceSplitter,
    capitalised,
    connective_end,
    content_words,
    context_bound,
    ends_sentence,
    is_dated_caption,
    normalise,
    porter_stemmer,
    words,
)

# Two dated sentences are the same development when their content words overlap this much (Jaccard) …
SAME_DEVELOPMENT_JACCARD = 0.3
# … or their normalised wording is this similar (rapidfuzz ratio, 0-100).
SAME_WORDING_RATIO = 85.0
# … or they share at least this many stems (dates aside), at least this share of the shorter one's (0.4 since
# session 34, 0.5 before: `newsbrief eval timeline-merges`, docs/analysis.md).
SAME_EVENT_SHARED, SAME_EVENT_OVERLAP = 4, 0.4
_DATE_WORDS = TIME_WORDS | frozenset("year years last next earlier later".split())
# Dated sentences longer than this many characters are left out (run-on lists, tables).
MAX_SENTENCE_CHARS = 400


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A sentence of an article with the date it reports and the expression that gave the date."""

    article: Article
    sentence: Sentence
    mention: DateMention
    #: what the timeline shows when not the whole sentence: the sentence without its opening connective
    shown: Sentence | None = None

    @property
    def date(self) -> dt.date:
        """The resolved date."""
        return self.mention.date


def story_sentences(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> dict[str, Sequence[Sentence]]:
    """The given sentences per article; articles missing from ``sentences`` are split here."""
    result: dict[str, Sequence[Sentence]] = {}
    splitter: SentenceSplitter | None = None
    for article in articles:
        if article.id in sentences:
            result[article.id] = sentences[article.id]
            continue
        splitter = splitter or SentenceSplitter()
        result[article.id] = splitter.sentences(article.id, article.text)
    return result


def dated_sentences(
    articles: Sequence[Article], *, sentences: Mapping[str, Sequence[Sentence]], for_timeline: bool = False
) -> list[DatedSentence]:
    """Every sentence with a resolvable date, with the date chosen for it, in article/sentence order.

    The chosen expression is the first day-precise one outside a relative clause, a comparison or a
    dated noun phrase beside the development (else the first month-precise one there): in "the tail of
    the jet, which crashed on June 1, was found on Sunday" or "praise on Sunday for coping with the
    June 1 disaster" the development is Sunday's.  When every expression is such background the sentence
    reports something new about a thing dated earlier ("… recovered the tail of the jet, which crashed
    on June 1", "in the wake of Friday's quake"): for the timeline (``for_timeline``) it is dated by the
    article's publication date (left out when there is none), otherwise by its first expression.  ``for_timeline`` also keeps only
    sentences that read alone (:func:`_reads_alone`).  An undated article's year-less calendar dates
    are read near the story's dated articles (:func:`newsbrief.dates.story_reference`).
    """
    result: list[DatedSentence] = []
    reference = story_reference(a.published for a in articles)
    split = story_sentences(articles, sentences)
    names = proper_names([s.text for a in articles for s in split[a.id]]) if for_timeline else frozenset()
    for article in articles:
        # a sentence inside a quotation gives its speaker's words, a list's entry no development of its own
        bound = context_bound(article.text, split[article.id]) if for_timeline else set()
        years = written_years(article.text)
        for k, sentence in enumerate(split[article.id]):
            if len(sentence.text) > MAX_SENTENCE_CHARS or k in bound:
                continue
            shown = None
            if for_timeline and not _reads_alone(sentence.text, names):
                # "But executives involved in the talks cautioned Sunday night that …": the connective ties
                # it to the sentence before, the development reads alone without it
                shown = _without_connective(sentence)
                if shown is None or not _reads_alone(capitalised(shown.text), names):
                    continue
            mentions = find_dates(sentence.text, published=article.published, reference=reference, years=years)
            if not mentions:
                continue
            main = [m for m in mentions if not _background(sentence.text, m)]
            # "After his surgery on Oct. 9, the general was arrested on Oct. 16": the day before the comma
            # only when the sentence gives its development none ("After a debate Thursday, lawmakers voted")
            later = [m for m in main if not in_fronted_phrase(sentence.text, m.start, m.end)]
            main = later or main
            if not main and for_timeline:
                if article.published is None or not reports_development(sentence.text):
                    # (a description in the present beside a background date is no development of the day)
                    continue
                main = [DateMention(0, 0, "", article.published, kind="published")]
            day = [m for m in main or mentions if m.precision == "day"]
            chosen = (day or main or mentions)[0]
            if for_timeline and _caption_of_the_past(sentence.text, chosen, article.published):
                continue
            result.append(DatedSentence(article, sentence, chosen, shown))
    return result


def _without_connective(sentence: Sentence) -> Sentence | None:
    """The sentence without the connective that opens it ("But", "However,", "Also" …), or None if none does.

    >>> from newsbrief.model import Span
    >>> _without_connective(Sentence(Span("a", 10, 40), "However, talks resumed Monday.")).text
    'talks resumed Monday.'
    >>> _without_connective(Sentence(Span("a", 0, 20), "Butter prices rose.")) is None
    True
    """
    cut = connective_end(sentence.text)
    if not cut:
        return None
    span = sentence.span
    return Sentence(Span(span.article_id, span.start + cut, span.end), sentence.text[cut:])


CAPTION_AGE = dt.timedelta(days=30)  # a present-tense sentence this long before its article's day is a caption


def _caption_of_the_past(text: str, mention: DateMention, published: dt.date | None) -> bool:
    """A present-tense sentence ending with a date (with its year) a month or more before its article's day.

    "Air France A330-200 F-GZCP lands at Paris-Charles de Gaulle Airport on March 28, 2007." in a 2010
    article is a file photo's caption, not a development of 2007 (:func:`newsbrief.text.is_dated_caption`).
    """
    return published is not None and mention.date <= published - CAPTION_AGE and is_dated_caption(text)


def _background(text: str, mention: DateMention) -> bool:
    """Whether the date dates something the sentence mentions rather than its development.

    In a relative clause ("the jet, which crashed on June 1"), a birth beside a name ("Tom Vale, born on May
    1, 1930, died on Monday"), a comparison ("as bad as two weeks ago")
    or a noun phrase beside the development ("praise for coping with the March 11 devastation").
    """
    return (
        in_relative_clause(text, mention.start)
        or in_birth_phrase(text, mention.start)
        or in_comparison(text, mention.start)
        or in_fronted_phrase(text, mention.start, mention.end) == "since"
        or in_attributive_phrase(text, mention.start, mention.end)
    )


def _reads_alone(text: str, names: frozenset[str] | None = None) -> bool:
    """A timeline entry is a whole sentence that stands alone (not a sub-heading, not "They also …").

    A dateline that the scrape left as a sentence ("SEPANG, March 15 -") has too few words of its own;
    otherwise the summary's test (:func:`newsbrief.summarize.stands_alone`): "Police said on Monday he had
    fled" does not say who (``names``: the story's), "Win or lose on November 4, I'll keep working" speaks as
    someone, a photo's caption or an editor's correction is no development.

    >>> _reads_alone("Talks resumed on Monday."), _reads_alone("Yesterday's negotiations"), _reads_alone("They left today.")
    (True, False, False)
    >>> _reads_alone("SEPANG, March 15 ?")
    False
    """
    own = [w for w in words(text) if w not in _DATE_WORDS and not w.isdigit()]
    # the summary's test (summarize.stands_alone): no caption, prompt, correction, unquoted first person …
    return ends_sentence(text) and len(own) >= 3 and stands_alone(text, names)


def jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two sets (0 when both are empty).

    >>> jaccard({"a", "b"}, {"b", "c"})
    0.3333333333333333
    """
    return len(a & b) / len(a | b) if a or b else 0.0


def same_development(a: str, b: str) -> bool:
    """True when two sentences report the same development (content-word overlap or near-same wording).

    >>> same_development("Hun Sen and Ranariddh agreed to form a coalition.", "Ranariddh and Hun Sen agreed on a coalition.")
    True
    >>> same_development("Hun Sen and Ranariddh agreed to form a coalition.", "Floods killed 12 people in the north.")
    False
    >>> same_development("Pinochet was placed under arrest in London on Friday by British police.",
    ...                  "British police arrested Pinochet on Friday at a private London hospital at Spain's request.")
    True
    >>> same_development("Police guards were deployed on Sunday outside the London clinic where Pinochet is held.",
    ...                  "Chilean officials sent a delegation to London on Sunday to argue for Pinochet's release.")
    False
    """
    words_a, words_b = set(content_words(a)), set(content_words(b))
    if jaccard(words_a, words_b) >= SAME_DEVELOPMENT_JACCARD:
        return True
    if fuzz.ratio(normalise(a), normalise(b)) >= SAME_WORDING_RATIO:
        return True
    # other outlets' wording of one event ("X was placed under arrest in London" / "police arrested X at a
    # London hospital"): most of the shorter sentence's stems (dates aside) are in the longer one
    stems_a, stems_b = _event_stems(words_a), _event_stems(words_b)
    shared = len(stems_a & stems_b)
    return shared >= SAME_EVENT_SHARED and shared >= SAME_EVENT_OVERLAP * min(len(stems_a), len(stems_b))


def _event_stems(words: set[str]) -> set[str]:
    return {_stem(w) for w in words if w not in _DATE_WORDS and not w.isdigit()}


@functools.lru_cache(maxsize=1 << 16)  # NLTK's Porter stemmer is slow; a story repeats its words (bounded)
def _stem(word: str) -> str:
    return porter_stemmer().stem(word)


def build_timeline(
    articles: Sequence[Article], *, sentences: Mapping[str, Sequence[Sentence]], per_day: int = 0
) -> tuple[TimelineEntry, ...]:
    """Dated developments of a story, oldest first, merged across sources when same date and development.

    ``per_day`` > 0 keeps at most that many developments per date: those more articles report, then those
    nearer the top of their article (a lead, not a detail further down), shown in the usual order.
    """
    clusters: list[list[DatedSentence]] = []
    by_date: dict[tuple[dt.date, str], list[list[DatedSentence]]] = {}
    for item in dated_sentences(articles, sentences=sentences, for_timeline=True):
        key = (item.date, item.mention.precision)  # "in October" is not "on October 1"
        for cluster in by_date.get(key, []):
            if any(same_development(item.sentence.text, other.sentence.text) for other in cluster):
                cluster.append(item)
                break
        else:
            cluster = [item]
            by_date.setdefault(key, []).append(cluster)
            clusters.append(cluster)
    # a sentence joins the first development it matches, so one development may have started twice (its
    # wordings met in another order): developments of a date whose representative wordings match are one
    merged = {id(c) for same_key in by_date.values() for c in _merge_same_developments(same_key)}
    clusters = _fold_repeated_background([c for c in clusters if id(c) in merged])
    if per_day > 0:
        clusters = _busiest_days_trimmed(clusters, per_day)
    order = {a.id: i for i, a in enumerate(articles)}
    entries = [_entry(cluster, order) for cluster in clusters]
    first_seen = {id(entry): index for index, entry in enumerate(entries)}
    return tuple(sorted(entries, key=lambda e: (e.date, -len(e.article_ids), first_seen[id(e)])))


def _busiest_days_trimmed(clusters: list[list[DatedSentence]], per_day: int) -> list[list[DatedSentence]]:
    """At most ``per_day`` clusters per date, the best first.

    What was reported as done before what was still ahead (a day's trial opening before three reports
    that it will open), then the most reported, then the earliest in their articles.
    """
    by_day: dict[dt.date, list[list[DatedSentence]]] = {}
    for cluster in clusters:
        by_day.setdefault(cluster[0].date, []).append(cluster)

    def rank(cluster: list[DatedSentence]) -> tuple[bool, int, int]:
        ahead = all(item.mention.future for item in cluster)
        return ahead, -len({item.article.id for item in cluster}), min(item.sentence.span.start for item in cluster)

    kept = {id(c) for day in by_day.values() for c in sorted(day, key=rank)[:per_day]}
    return [c for c in clusters if id(c) in kept]


def _merge_same_developments(clusters: list[list[DatedSentence]]) -> list[list[DatedSentence]]:
    """``clusters`` (of one date) with those whose representative wordings match folded into the first.

    Only the representatives are compared (not every member with every other), so a chain of loosely
    similar sentences never joins two developments.  The clusters are extended in place.
    """
    kept: list[list[DatedSentence]] = []
    wordings: list[str] = []  # kept[n]'s representative wording, updated when it grows
    for cluster in clusters:
        text = cluster[_representative(cluster)].sentence.text
        n = next((n for n, wording in enumerate(wordings) if same_development(text, wording)), None)
        if n is None:
            kept.append(cluster)
            wordings.append(text)
        else:
            kept[n].extend(cluster)
            wordings[n] = kept[n][_representative(kept[n])].sentence.text
    return kept


def _fold_repeated_background(clusters: list[list[DatedSentence]]) -> list[list[DatedSentence]]:
    """Developments dated only by their articles' day folded into the same wording on an earlier day.

    A wire's follow-up repeats a paragraph of the day before ("Zarya is to fly alone for two weeks before a
    rendezvous with … Endeavour") that gives no date of its own: the repeat is no development of the later
    day, and the earlier entry cites the later articles too.  Only near-identical wording
    (:data:`SAME_WORDING_RATIO`), and never into a development still ahead.
    """
    order = sorted(range(len(clusters)), key=lambda k: clusters[k][0].date)
    # the sentences of earlier days' developments (not those still ahead), normalised once; rapidfuzz
    # compares a repeat with all of them in C
    pool: list[str] = []
    pool_owner: list[int] = []
    waiting: list[int] = []  # the current day's developments, added to the pool when the day is over
    folded: set[int] = set()
    for k in order:
        cluster = clusters[k]
        if waiting and clusters[waiting[0]][0].date < cluster[0].date:
            for j in waiting:
                if j not in folded and not all(item.mention.future for item in clusters[j]):
                    pool += [normalise(item.sentence.text) for item in clusters[j]]
                    pool_owner += [j] * len(clusters[j])
            waiting = []
        waiting.append(k)
        if not pool or not all(item.mention.kind == "published" for item in cluster):
            continue
        text = normalise(cluster[_representative(cluster)].sentence.text)
        match = process.extractOne(text, pool, scorer=fuzz.ratio, score_cutoff=SAME_WORDING_RATIO)
        if match is not None:
            clusters[pool_owner[match[2]]].extend(cluster)
            folded.add(k)
    return [c for k, c in enumerate(clusters) if k not in folded]


def _representative(cluster: list[DatedSentence]) -> int:
    """The sentence most similar to the others (ties: first in story order)."""
    words = [set(content_words(item.sentence.text)) for item in cluster]
    return max(range(len(cluster)), key=lambda i: (sum(jaccard(words[i], w) for w in words), -i))


def _entry(cluster: list[DatedSentence], order: Mapping[str, int]) -> TimelineEntry:
    best = _representative(cluster)
    spans = tuple((item.shown or item.sentence).span for item in cluster)
    article_ids = tuple(sorted({item.article.id for item in cluster}, key=lambda a: order.get(a, 0)))
    chosen = cluster[best]
    first = cluster[0]  # a repeat folded in from a later day (_fold_repeated_background) keeps its first date
    ahead = all(
        item.mention.future or (item.article.published is not None and item.date > item.article.published)
        for item in cluster
    )
    text = capitalised(chosen.shown.text) if chosen.shown is not None else chosen.sentence.text
    return TimelineEntry(first.date, text, spans, article_ids, first.mention.precision, ahead)
