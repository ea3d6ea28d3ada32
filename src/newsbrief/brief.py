"""The briefing of a story: headline, sources, cited summary, timeline, people, quotes, disagreements.

:func:`brief_story` runs the per-story stages on one story's articles; :func:`brief_inputs` reads files,
deduplicates, clusters and briefs every story (largest first); :func:`brief_stored` briefs stories of a
store, caching each briefing's JSON under the story's version so it is recomputed only when the story
changed.

>>> from newsbrief.model import Article, Story
>>> a = Article("a", "h1", "a.txt", "Rebels free 12 hostages", "Rebels freed 12 hostages in Bogota on Monday after long talks.")
>>> b = Article("b", "h2", "b.txt", "SHOCK: hostages freed!", "On Monday rebels freed 12 hostages in Bogota after long talks, police said.")
>>> choose_headline([a, b], groups=())
'Rebels free 12 hostages'
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from newsbrief import text as textmod
from newsbrief.align import Alignment, Stems, align
from newsbrief.cluster import cluster_folder
from newsbrief.dedup import find_duplicate_groups, independent_sources
from newsbrief.meta_language import is_english
from newsbrief.model import (
    Article,
    Briefing,
    DuplicateGroup,
    ExclusiveInfo,
    Rejected,
    Sentence,
    Story,
    SummarySentence,
)
from newsbrief.render.briefing_json import briefing_to_dict
from newsbrief.settings import BriefOptions, Settings
from newsbrief.summarize import mostly_quoted, reads_alone, stands_alone, summarize

if TYPE_CHECKING:
    from newsbrief.nlp import NlpModels
    from newsbrief.store import Store

_LOADED = re.compile(r"[!?]|\b[A-Z]{3,}\b|[\"']")


def _analysis(module: str, function: str) -> Callable[..., tuple] | None:
    """brief-analysis's stage function, or ``None`` while its module is not in the package yet."""
    try:
        return getattr(importlib.import_module(f"newsbrief.{module}"), function)
    except ModuleNotFoundError as exc:
        if exc.name != f"newsbrief.{module}":
            raise
        return None


#: A title made from a sentence: the sentences this long or shorter are preferred (when there are any).
_TITLE_WORDS = 40
HEADLINE_SUPPORT_SHARE = 0.75  # headlines within this share of the best support compete on neutrality
INFORMATIVE_HEADLINE_STEMS = 3  # distinct content stems of a headline that says what happened


def _loadedness(title: str) -> int:
    """Marks of a loaded headline: exclamation/question marks, shouting capitals, scare quotes."""
    return len(_LOADED.findall(title))


def choose_headline(
    articles: Sequence[Article],
    *,
    groups: Sequence[DuplicateGroup],
    fallback: Sequence[str] = (),
    stems: Stems | None = None,
) -> str:
    """The most supported, least loaded source headline; without one, the most central ``fallback`` sentence.

    A headline's support is the number of independent sources whose headline or text contains at least
    two thirds of its content words; headlines of fewer than three distinct content words are used only
    when there is neither another headline nor a ``fallback``.  When no article has a headline (wire copy without one), the title
    is the ``fallback`` sentence (the leads' or the summary's; one of at most 40 words when there is one) whose content
    words the articles share most: on average over the articles, the share of its content words each
    one holds — a sentence of the story's core, not a detail one source gives.  Without a fallback
    either, the first words of the first article.  ``stems``: a stem cache to reuse (the alignment's).

    >>> a = Article("a", "h1", "a.txt", None, "The storm hit the coast of Honduras. At 0900 GMT it was 95 miles north of the Swan Islands.")
    >>> b = Article("b", "h2", "b.txt", None, "The storm killed dozens in Honduras as it hit the coast.")
    >>> choose_headline([a, b], groups=(), fallback=["At 0900 GMT it was 95 miles north of the Swan Islands.", "The storm hit the coast of Honduras."])
    'The storm hit the coast of Honduras.'
    """
    stems = stems or Stems()
    source = independent_sources(articles, groups)
    bags = {a.id: set(stems.content(f"{a.title or ''} {a.text}")) for a in articles}
    scored: list[tuple[int, int, int, str]] = []
    informative: list[tuple[int, int, int, str]] = []
    for article in articles:
        title = " ".join((article.title or "").split())
        words = stems.content(title)
        if len(words) < 2:
            continue
        support = len({source[a.id] for a in articles if sum(w in bags[a.id] for w in words) >= 2 / 3 * len(words)})
        scored.append((support, -_loadedness(title), -abs(len(title.split()) - 10), title))
        if len(set(words)) >= INFORMATIVE_HEADLINE_STEMS:
            informative.append(scored[-1])
    # a headline of two content words ("Paris attacks: Who were the attackers?", "Live updates", a wire's
    # "NATIONAL FORECAST") is carried by every source because it says nearly nothing: it is the title only
    # when no headline and no sentence of the story says more
    scored = informative or ([] if fallback else scored)
    if scored:
        # among the well-supported headlines (a short generic one is supported by everything), the least
        # loaded: a question or an exclamation loses to a plain statement nearly as well supported
        top = max(s[0] for s in scored)
        candidates = [s for s in scored if s[0] >= HEADLINE_SUPPORT_SHARE * top]
        return max(candidates, key=lambda s: (s[1], s[0], s[2]))[3]
    short = [text for text in fallback if len(text.split()) <= _TITLE_WORDS] or list(fallback)
    # equally central, the earlier: the summary opens with the story's lead (one source's sentences are all
    # equally central to it, and the shortest was a detail: "The patient's palm … appeared normal, Feng said")
    central = [(_centrality(stems.content(text), bags.values()), -i, text) for i, text in enumerate(short)]
    central = [c for c in central if c[0] > 0]
    if central:
        return max(central)[2]
    first = next((a.text for a in articles if a.text.strip()), "")
    return " ".join(first.split()[:15])


_DAY_WORD = re.compile(rf"\b(?:{textmod.WEEKDAY_ALTERNATION}|today|yesterday)\b")


def _title_candidates(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]], summary: Sequence[SummarySentence]
) -> list[str]:
    """Sentences a story without headlines takes its title from: the articles' hard-news leads, else the summary's.

    A news report's first sentence is written to say what happened, and tells the day; a summary
    sentence may be the background every source repeats ("The U.N. sanctions ban air travel …").
    Leads that do not stand alone (:func:`newsbrief.summarize.stands_alone`) are left out.  English.
    """
    leads = []
    for article in articles:
        first = next(iter(sentences.get(article.id, ())), None)
        if first is not None and stands_alone(first.text) and textmod.ends_sentence(first.text):
            leads.append(" ".join(first.text.split()))
    # a hard-news lead tells the day ("… on Friday rejected …"); a feature's opening scene does not
    # ("At first, the passing bicyclist thought …")
    dated = [lead for lead in leads if _DAY_WORD.search(lead)]
    return dated or [s.text for s in summary]


def _centrality(words: Sequence[str], bags: Iterable[set[str]]) -> float:
    """The mean, over the articles' bags of stems, of the share of ``words`` each holds (0 without words)."""
    unique = set(words)
    shares = [len(unique & bag) / len(unique) for bag in bags] if unique else []
    return sum(shares) / len(shares) if shares else 0.0


def _ordered_sources(articles: Sequence[Article], groups: Sequence[DuplicateGroup]) -> tuple[Article, ...]:
    """Articles with each syndicated copy right after its canonical copy (canonicals oldest first)."""
    by_id = {a.id: a for a in articles}
    placed: set[str] = set()
    out: list[Article] = []
    group_of = {m: g for g in groups for m in g.member_ids}
    for article in sorted(articles, key=lambda a: (a.published is None, a.published, a.source)):
        group = group_of.get(article.id)
        canonical = group.canonical_id if group and group.canonical_id in by_id else article.id
        if canonical in placed:
            continue
        members = [canonical] + ([m for m in group.member_ids if m != canonical and m in by_id] if group else [])
        for m in members:
            if m not in placed:
                placed.add(m)
                out.append(by_id[m])
    return tuple(out)


def _exclusive(
    al: Alignment, options: BriefOptions, summary: Sequence[SummarySentence] = ()
) -> tuple[ExclusiveInfo, ...]:
    ranked = sorted(al.exclusive, key=lambda i: (al.position[i], -len(al.stems[i]), al.article_of[i]))
    out: list[ExclusiveInfo] = []
    seen_sources: dict[str, int] = {}
    shown: set[int] = set()
    summarised = {span for sentence in summary for span in sentence.spans}
    for i in ranked:
        # the summary already tells it (and cites its one source): the section is for what it leaves out
        if al.sentences[i].span in summarised or any(al.sentences[j].span in summarised for j in al.carriers[i]):
            continue
        # at most two items per source, so one long article does not fill the section
        if seen_sources.get(al.source_of[i], 0) >= 2:
            continue
        # shown alone, an item must read alone and end like a sentence (like a summary sentence: not a spec
        # sheet's "Body Dimensions 142 x 72.5 mm" or a list item); a quotation, or a sentence inside one
        # (summarize.reads_alone), is in the Quotes section
        text = al.sentences[i].text
        if not reads_alone(al, i) or not textmod.ends_sentence(text) or mostly_quoted(text):
            continue
        # a syndicated copy's sentence is the same item: it is cited with the one shown
        if shown & ({i, *al.carriers[i]}) or any(i in al.carriers[k] for k in shown):
            continue
        shown.add(i)
        seen_sources[al.source_of[i]] = seen_sources.get(al.source_of[i], 0) + 1
        spans = (al.sentences[i].span, *(al.sentences[j].span for j in al.carriers[i]))
        out.append(ExclusiveInfo(al.sentences[i].text, spans, al.article_ids_of(i)))
        if len(out) >= options.exclusive_items:
            break
    return tuple(out)


def brief_story(
    articles: Sequence[Article],
    *,
    story: Story,
    groups: Sequence[DuplicateGroup],
    models: NlpModels,
    options: BriefOptions,
    left_out: Sequence[Article] = (),
) -> Briefing:
    """The briefing of one story from its articles (``groups``: their duplicate groups)."""
    ids = {a.id for a in articles}
    groups = tuple(g for g in groups if set(g.member_ids) & ids)
    if not story.duplicate_groups:
        story = replace(story, duplicate_groups=groups)
    extract_entities = _analysis("entities", "extract_entities")
    build_timeline = _analysis("timeline", "build_timeline")
    extract_quotes = _analysis("quotes", "extract_quotes")
    find_discrepancies = _analysis("discrepancies", "find_discrepancies")
    # People, quotes and differences are read with English models and patterns (spaCy's English NER, the
    # quote verbs, "at least", negations): an article in another language would give them words of its
    # language read as names; they read the English articles (and those too short to tell) only
    english = [a for a in articles if is_english(a.language)]
    # The headline, summary, timeline and "only in one source" are read from the English articles too when
    # the story has any (a summary mixing languages reads badly, and sentences of two languages never align
    # to support each other); a story with none is read whole.  The sources list names every article.
    read = english or list(articles)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsbrief-ner") as background:
        # spaCy NER (the largest cost) runs in a second thread while alignment and the summary run here:
        # its matrix products and HiGHS release the GIL, so the two overlap on a multi-core machine
        parsed = background.submit(models.docs, english) if (extract_entities or extract_quotes) and english else None
        sentences: dict[str, Sequence[Sentence]] = {a.id: models.sentences(a) for a in read}
        al = align(read, groups=groups, sentences=sentences, options=options)
        summary = summarize(al, options=options)
        headline = choose_headline(read, groups=groups, fallback=_title_candidates(read, sentences, summary), stems=al.stemmer)
        timeline = build_timeline(read, sentences=sentences, per_day=options.timeline_per_day) if build_timeline else ()
        if parsed is not None:
            parsed.result()
    entities = extract_entities(english, models=models) if extract_entities and english else ()
    return Briefing(
        story=story,
        headline=headline,
        summary=summary,
        timeline=timeline,
        entities=entities,
        quotes=extract_quotes(english, models=models, entities=entities) if extract_quotes and english else (),
        discrepancies=(
            find_discrepancies(english, sentences=sentences, entities=entities, groups=groups)
            if find_discrepancies and english
            else ()
        ),
        exclusive=_exclusive(al, options, summary),
        sources=_ordered_sources(articles, groups),
        removed={a.id: len(a.removed) for a in articles},
        left_out=tuple(left_out),
    )


def _one_story(articles: Sequence[Article], groups: Sequence[DuplicateGroup]) -> Story:
    dates = sorted(a.published for a in articles if a.published)
    first = min(articles, key=lambda a: (a.published is None, a.published, a.id))
    return Story(
        id=textmod.stable_hash(first.id),
        article_ids=tuple(a.id for a in articles),
        duplicate_groups=tuple(groups),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def brief_articles(
    articles: Sequence[Article], *, settings: Settings, models: NlpModels
) -> list[Briefing]:
    """Dedup, cluster and brief ``articles`` (largest story first); ``one_story``: all as one story.

    With ``settings.brief.one_story`` the appended stories split off pages are left out (listed in
    ``Briefing.left_out``); otherwise they are clustered like every other article.
    """
    if not articles:
        return []
    appended = [extra for a in articles for extra in a.appended]
    if settings.brief.one_story:
        groups = find_duplicate_groups(articles, options=settings.dedup)
        story = _one_story(articles, groups)
        return [brief_story(articles, story=story, groups=groups, models=models, options=settings.brief, left_out=appended)]
    by_id = {a.id: a for a in [*articles, *appended]}
    groups = find_duplicate_groups(list(by_id.values()), options=settings.dedup)
    apart = {extra.id for extra in appended}
    stories = cluster_folder(list(by_id.values()), groups=groups, options=settings.cluster, apart=apart)
    stories = sorted(stories, key=lambda s: (-len(s.article_ids), s.id))
    out = []
    for story in stories:
        members = [by_id[i] for i in story.article_ids if i in by_id]
        out.append(brief_story(members, story=story, groups=groups, models=models, options=settings.brief))
    return out


def brief_inputs(
    paths: Sequence[str],
    *,
    settings: Settings,
    models: NlpModels,
    on_rejected: Callable[[Rejected], None] | None = None,
) -> list[Briefing]:
    """Read ``paths`` (files/folders as for ``clean``) and brief every story; rejected inputs go to ``on_rejected``."""
    from newsbrief.pipeline import iter_articles

    articles: list[Article] = []
    for item in iter_articles(paths, settings=settings):
        if isinstance(item, Rejected):
            if on_rejected is not None:
                on_rejected(item)
        else:
            articles.append(item)
    return brief_articles(articles, settings=settings, models=models)


def brief_stored(
    store: Store, story_ids: Iterable[str] | None, *, settings: Settings, models: NlpModels
) -> list[dict]:
    """Briefings (as :func:`briefing_to_dict` dicts) of stored stories, cached by story version.

    ``story_ids`` ``None`` means every story in the store, largest first.
    """
    if story_ids is None:
        stories = sorted(store.stories(), key=lambda s: (-len(s.article_ids), s.id))
    else:
        stories = [store.story(i) for i in story_ids]
    out = []
    for story in stories:
        version = store.story_version(story.id)
        cached = store.cached_briefing(story.id, version)
        if cached is not None:
            out.append(json.loads(cached))
            continue
        articles = list(store.articles(story.article_ids))
        briefing = brief_story(
            articles, story=story, groups=story.duplicate_groups, models=models, options=settings.brief
        )
        data = briefing_to_dict(briefing)
        store.cache_briefing(story.id, version, json.dumps(data, ensure_ascii=False, sort_keys=True))
        out.append(data)
    return out
