"""Citation precision and recall on hand-labelled pairs: may this article be cited for that summary sentence?

A summary sentence cites the articles with a sentence that *carries* it (:func:`newsbrief.align.align`):
sentence B carries sentence A when B covers most of A's content stems, the two share enough of their
stems together, and A's figures, names and negation are in B. ``eval/labels/citations.tsv`` holds pairs
of a summary sentence (A: the sentence the briefing showed, in the article it was taken from) and a
sentence of another article of the same story (B), judged by reading the two: ``same`` (B reports A's main
information, in any words: that article may be cited for A) or ``different`` (another fact, background, a
minor part of A, or figures, dates or names that contradict A's).

The pairs are a seeded sample over the stories of :func:`newsbrief.evaluate_differences.story_paths`
(each read as one story, session 35's briefings; 127 stories then — four WikiRef220 topics were missing from
the list by a pattern bug until session 36): 60 of the 402 pairs the briefing cited then, and, of the
articles it did not cite, the sentence sharing most of A's content stems when it shares at least 0.35 of
them — 100 of 1,634 pairs sharing under half, 100 of 830 sharing 0.5-0.65, 80 of 233 sharing 0.65-0.8 and
60 of 69 sharing more; labelled by two helper sessions that never saw the code (the pairs they did not
agree on are left out). Recall is of the labelled pairs, so of candidates that share a third of A's stems
or more: an article telling A's news in wholly other words is not among them.

Rows as :mod:`newsbrief.evaluate_merges` (``path``, A's place, B's place, ``same``/``different``). A pair
is *merged* (cited) when, with the whole story aligned as the briefing aligns it, the sentence at B's
place carries the sentence at A's. Stories are split by :func:`~newsbrief.evaluate_merges.story_half` into
a tuning half, on which the carrying rule was chosen, and a report half.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newsbrief.align import align
from newsbrief.evaluate_merges import MergeLabel, MergeOutcome, MergeStale, Place, evaluate_pairs
from newsbrief.model import Article
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings


def evaluate_citations(
    labels: Sequence[MergeLabel], *, data: Path, settings: Settings, models: NlpModels
) -> Iterator[MergeOutcome | MergeStale]:
    """Each labelled pair's outcome (or why it is stale), each story read and aligned once."""

    def together(articles: Sequence[Article]) -> Callable[[Article, Place, Article, Place], bool | str]:
        al = align(articles, sentences={a.id: models.sentences(a) for a in articles}, options=settings.brief)
        index = {(s.span.article_id, s.span.start, s.span.end): i for i, s in enumerate(al.sentences)}

        def judge(first: Article, a: Place, second: Article, b: Place) -> bool | str:
            i, j = index.get((first.id, a.start, a.end)), index.get((second.id, b.start, b.end))
            if i is None or j is None:
                return "sentence split differently"
            return j in al.carriers[i]

        return judge

    return evaluate_pairs(labels, data=data, settings=settings, together=together)
