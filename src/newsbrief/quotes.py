"""Direct quotations with their speakers, merged across sources.

Quotes are found in ``Article.text`` itself (“…”, "…", DUC's ````…''`` and ``''…''``), so every span
slices back to the quoted words; a quotation its attribution splits ("``If I stay,'' he said, ``my …''")
is one quote of two spans whose text is its parts' words joined by a comma (:func:`join_split`).
The speaker comes from the attribution next to the quote
(:mod:`newsbrief.quotes_speakers`), where X is an entity mention of the parsed article (shared with
:func:`newsbrief.entities.extract_entities` through :class:`newsbrief.nlp.NlpModels`).  Names are
mapped to the merged entity (its ``name``) when ``entities`` are given.

Quotes of different articles merge when they are the same statement in other wording or translation:
same speaker (or one unknown) and enough content-word overlap (prefix stems) or rapidfuzz similarity.

>>> from newsbrief.model import Article
>>> from newsbrief.nlp import NlpModels
>>> text = 'Prime Minister Hun Sen spoke on Friday. "No one should internationalise our affairs," he said.'
>>> a = Article(id="a", content_hash="h", source="a.txt", title=None, text=text)
>>> [(q.text, q.speaker) for q in extract_quotes([a], models=NlpModels())]
[('No one should internationalise our affairs', 'Hun Sen')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from newsbrief.entities import Mention, entity_lookup, story_mentions
from newsbrief.model import Article, Entity, Quote, Span
from newsbrief.nlp import NlpModels
from newsbrief.quotes_speakers import (
    QUOTE,
    REPORTING_WORD,
    attribute,
    only_other_sex_before,
    person_sex,
    pronoun_attribution,
    reporting_speaker,
    resolve_title,
    role_fits,
    speaker_name,
    surnames_as_people,
    with_missed_surnames,
)
from newsbrief.text import content_words, normalise, paragraphs, words

MIN_WORDS = 4
# An unattributed quoted phrase shorter than this (or in title case) right after a determiner is a term
# (:func:`_is_term`).
UNATTRIBUTED_MIN_WORDS = 5
_TERM_OPENERS = frozenset("a an the these those its their his her our so-called called dubbed termed".split())
# Merge thresholds: same known speaker / one speaker unknown.
SAME_SPEAKER_STEMS, SAME_SPEAKER_RATIO = 0.25, 75.0
UNKNOWN_SPEAKER_STEMS, UNKNOWN_SPEAKER_RATIO = 0.5, 90.0
# An unattributed quote starting at most this many characters after an attributed one inherits its speaker;
# so does one opening the sentence right after the attributed quotation's sentence, within INHERIT_SENTENCE_GAP
# characters of it ('``…,'' said Lehman, a University of Maryland professor of psychiatry. ``I think …'').
INHERIT_GAP = 60
# a quotation said by a bare "he"/"she" when everyone named before it is of the other sex goes to the
# article's last speaker when that speaker's quotation ended at most this many characters before it
CHAIN_REACH = 1200
INHERIT_SENTENCE_GAP = 200
# (narrower than quotes_speakers._VERBS on purpose: a looser test — these verbs or told/tells/asked anywhere
# between the two quotations — gave the report set 4 right and 3 wrong attributions; docs/analysis.md)
_VERB = r"(?:said|says|added|adds|explained|noted|wrote|writes|continued)"
# the rest of the attributed quotation's sentence is its attribution alone: '…,'' said X, a professor. '
_ATTRIBUTION_TAIL = re.compile(
    rf"[\s,'\"\u201d\u2019]*(?:{_VERB}\s[^!?]{{1,160}}|[^!?]{{1,80}}\s{_VERB}(?:\s[^!?]{{0,120}})?)[.!?]?\s*"
)
_DOUBLE_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_CLOSING_PUNCTUATION = frozenset("])},;:!?")  # not ".": "...and we left" opens with an ellipsis



@dataclass(frozen=True, slots=True)
class _Found:
    article_id: str
    text: str
    start: int
    end: int
    speaker: str | None
    more: tuple[tuple[int, int], ...] = ()  # the words' later parts, when an attribution splits the quotation
    parts: tuple[str, ...] = ()  # then each part's words


def find_quotes(text: str, *, min_words: int = MIN_WORDS) -> list[tuple[int, int, int, int]]:
    """Quotations of a text: ``(outer_start, outer_end, start, end)``; ``text[start:end]`` is the quote.

    Quotations of fewer than ``min_words`` words are left out (a quoted word is mostly a term).

    >>> t = "He said ``we will win again,'' and left. A “short” word."
    >>> [t[s:e] for _, _, s, e in find_quotes(t)]
    ['we will win again']
    >>> t = 'It was close. ""We will be present in these talks."'
    >>> [t[s:e] for _, _, s, e in find_quotes(t)]
    ['We will be present in these talks.']
    >>> t = '"It stood in front of us [near "the grotto"], and was made smithereens by the tsunami," he said.'
    >>> [t[s:e] for _, _, s, e in find_quotes(t)]
    ['It stood in front of us [near "the grotto"], and was made smithereens by the tsunami']
    """
    found: list[tuple[int, int, int, int]] = []
    spans = paragraphs(text)
    for k, (pstart, pend) in enumerate(spans):
        previous: tuple[int, int] | None = None  # the paragraph's last quotation mark pair: outer start, start
        last_end = pstart
        for match in QUOTE.finditer(text, pstart, pend):
            last_end = match.end()
            outer_start, (start, end) = match.start(), match.span(2)
            # a doubled opening mark (a typo: ``""We will …``) is not part of the words quoted
            while start < end and (text[start].isspace() or text[start] in _DOUBLE_MARKS):
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:" or text[end - 1] in _DOUBLE_MARKS):
                end -= 1
            if text[start : start + 1] in _CLOSING_PUNCTUATION and previous is not None and text[outer_start] == '"':
                # straight marks paired wrongly around a quotation inside a quotation ('"… near "the grotto"],
                # and was …," he said'): the words before the inner one open the whole quotation
                outer_start, start = previous
                if found and found[-1][0] == outer_start:
                    found.pop()
            previous = (outer_start, start)
            spoken = _SPOKEN_AFTER.match(text, match.end(), min(match.end() + 80, pend))
            if len(text[start:end].split()) >= min_words and (spoken or not _a_title(text[start:end])):
                found.append((outer_start, match.end(), start, end))
        if k + 1 < len(spans):
            run_on = _RUN_ON.match(text, last_end, pend)
            if run_on and _OPENING_MARK.match(text, spans[k + 1][0]) and len(run_on["words"].split()) >= min_words:
                # a quotation running on into the next paragraph: no closing mark, and the next paragraph
                # opens with a quotation mark (the typesetting convention for a quotation of several
                # paragraphs) — its words run to the paragraph's end
                end = run_on.end("words")
                while end > run_on.start("words") and text[end - 1] in ",;:":
                    end -= 1
                found.append((run_on.start("mark"), pend, run_on.start("words"), end))
    return found


# an opening quotation mark with no mark after it to the paragraph's end (``…'' is never run on in DUC)
_RUN_ON = re.compile(r"(?:.*?(?<![\w.,])|)(?P<mark>[\u201c\"])(?P<words>[A-Za-z0-9][^\u201c\u201d\"]*)\Z", re.S)
_OPENING_MARK = re.compile(r"[\u201c\"](?=\w)")


# a speaker and a verb of speech right after the closing mark: speech even in title case ("``It's the World
# Series,'' said Martinez")
_SPOKEN_AFTER = re.compile(
    r"[\s,]*(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+)?"
    r"(?:said|says|added|adds|asked|asks|told|tells|replied|recalled|explained|joked|insisted)\b"
)
# words a title leaves in lower case ("Dreams from My Father", "The Lord of the Rings")
_TITLE_SMALL_WORDS = frozenset("a an the of and or but nor in on at to for from by with as into about vs".split())
TITLE_MAX_WORDS = 12


def _a_title(quoted: str) -> bool:
    """A quoted title, not speech: every word capitalised but the small ones, no closing ! or ?.

    A closing period only after an article opening it (the sentence's period inside the mark). A book, film, song or operation ("Dreams of My Father", "Operation Desert Fox"); words in capitals
    throughout are a slogan or a shout, still quoted speech.

    >>> _a_title("Dreams of My Father"), _a_title("We Will Never Give Up."), _a_title("we will win again")
    (True, False, False)
    >>> _a_title("The Dick Van Dyke Show.")  # the sentence's period inside the closing mark
    True
    """
    words = [w.strip("'\u2019\"()[],:;-") for w in quoted.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not words or len(words) > TITLE_MAX_WORDS or quoted.isupper() or quoted.rstrip()[-1:] in "!?":
        return False
    if quoted.rstrip()[-1:] == "." and words[0].lower() not in {"the", "a", "an"}:
        return False  # a sentence in title case; a name opened by an article keeps the period of its sentence
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)




def extract_quotes(
    articles: Sequence[Article], *, models: NlpModels, entities: Sequence[Entity] = ()
) -> tuple[Quote, ...]:
    """Direct quotations of the story with speakers, merged across sources; most widely carried first."""
    lookup = entity_lookup(entities)
    roles = {e.role.lower(): e.name for e in entities if e.role and e.kind == "PERSON"}
    found: list[_Found] = []
    by_article: dict[str, list[Mention]] = {a.id: [] for a in articles}
    for mention in story_mentions(articles, models=models):
        by_article[mention.article_id].append(mention)
    for article in articles:
        mentions = surnames_as_people(by_article[article.id])
        # asked only when the NER's mentions give a quotation no speaker (and so looked for only then): the
        # surnames it missed also make the story's main person the nearest one before quotations others speak
        missed: list[Mention] | None = None
        spans = [(sentence.span.start, sentence.span.end) for sentence in models.sentences(article)]
        previous_end, previous_speaker = -1000, None
        last_named: tuple[int, str] | None = None  # the last quotation given a speaker: its end, the speaker
        quotes = find_quotes(article.text)
        quoted_alone, going_on = _quoted_paragraphs(article.text, quotes)
        # quotations too short to list ('"Oh, my God," said Mrs. Holt.') still say who speaks next: the
        # quotation after them continues theirs when they have a speaker of their own
        listed = set(quotes)
        short = {q for q in find_quotes(article.text, min_words=1) if q not in listed}
        rows: list[_Attributed] = []
        short_end: int | None = None  # the end of the short quotation that gave ``previous_speaker``
        for qs, qe, start, end in sorted(listed | short):
            who = attribute(article.text, (qs, qe), mentions)
            if who is None:
                missed = with_missed_surnames(article.text, mentions) if missed is None else missed
                if missed is not mentions:
                    who = attribute(article.text, (qs, qe), missed)
            if (qs, qe, start, end) in short:
                # named next to it (not a pronoun's antecedent, not a title noun): a short quotation is weak
                # evidence, and "'It's an oasis,' she said" had the nearest woman named, not the speaker
                if isinstance(who, Mention) and _next_to(who, qs, qe, article.text):
                    name = speaker_name(who, lookup, mentions, text=article.text)
                    if name is not None:  # (only for the quotation right after it: no he/she chain from it)
                        previous_end, previous_speaker, short_end = qe, name, qe
                continue
            if short_end is not None and not _goes_on(article.text, spans, short_end, qs):
                previous_speaker = None  # 'the mayor said "by officials". A banner with "…" was hung': no speech of his
            short_end = None
            name: str | None
            if isinstance(who, str):
                name = speaker_name(resolve_title(who, article.text, qs, mentions), lookup, mentions, text=article.text)
                if name is None:
                    matches = {n for role, n in roles.items() if role_fits(who, role)}
                    name = matches.pop() if len(matches) == 1 else None
            else:
                name = speaker_name(who, lookup, mentions, text=article.text)
            if who is None and previous_speaker is not None and _other_sex(article.text, qe, previous_speaker):
                # '``…,'' Mrs. Carson said. And Price? ``…,'' he said.': nobody before goes on, not Mrs. Carson
                name = None
            elif who is None and _continues(article.text, spans, previous_end, qs):
                # an unattributed quote right after an attributed one continues it (newswire convention)
                name = previous_speaker
            elif who is None and qs in going_on:
                # a paragraph that is all quotation, right after a paragraph whose last quotation has a
                # speaker: the same speaker goes on (web news sets each quoted paragraph apart)
                name = previous_speaker
            elif who is None:
                # a quotation opening its paragraph or sentence right after a sentence that reports someone's
                # words without quoting them ("…, said Gavin. ``…''"; "X said the search would end." and a
                # paragraph of quotation): X goes on in quotation
                before = _reporting_sentence_before(article.text, spans, quoted_alone, qs)
                if before is not None:
                    reporter = reporting_speaker(article.text, *before, mentions)
                    if isinstance(reporter, str):
                        reporter = resolve_title(reporter, article.text, qs, mentions)
                    name = speaker_name(reporter, lookup, mentions, text=article.text)
            if name is None and who is None and last_named is not None and qs - last_named[0] <= CHAIN_REACH:
                # '…,” she said.' where everyone named within a pronoun's reach is of the other sex: the article's
                # last speaker goes on, when of that sex or of none known ("Mrs. Obama … Tom Bradley … she said";
                # with nobody named there it may be someone unnamed, "the friend": tried, 3 right and 1 wrong
                # more on the development set, left out)
                pronoun = pronoun_attribution(article.text, qe)
                if (
                    pronoun is not None
                    and person_sex(last_named[1]) in (pronoun, None)
                    and only_other_sex_before(article.text, qs, mentions, pronoun)
                ):
                    name = last_named[1]
            if name is not None:
                last_named = (qe, name)
            previous_end, previous_speaker = qe, name
            rows.append(_Attributed(qs, qe, start, end, name, direct=who is not None))
        for row, following in zip(reversed(rows[:-1]), reversed(rows[1:]), strict=True):
            # (before a quotation it merely follows: the statement's own attribution is the better evidence)
            if not row.direct and following.direct and following.speaker is not None:
                if _leads_into(article.text, row.quote_end, following.quote_start, mentions):
                    row.speaker = following.speaker
        for row in join_split(article.text, rows, short):
            if row.speaker is None and not row.more and _is_term(article.text, row.quote_start, row.start, row.end):
                continue
            parts = tuple(article.text[s:e] for s, e in ((row.start, row.end), *row.more))
            found.append(
                _Found(article.id, ", ".join(parts), row.start, row.end, row.speaker, tuple(row.more), parts if row.more else ())
            )
    return _merge(found, {a.id: i for i, a in enumerate(articles)}, common=_story_stems(articles))


#: A speaker named this near a quotation (characters between them) is its attribution's own name.
NEXT_TO = 40


def _next_to(mention: Mention, quote_start: int, quote_end: int, text: str) -> bool:
    """The mention stands right after the quotation or right before it (its attribution names it).

    Not an owner ("said Bruce Guy's son Mark Guy": the son speaks).
    """
    owner = ("'s", "\u2019s")
    if text[mention.start : mention.end].endswith(owner) or text[mention.end : mention.end + 2] in owner:
        return False  # (the NER's span may take the "'s" in)
    return 0 <= mention.start - quote_end <= NEXT_TO or 0 <= quote_start - mention.end <= NEXT_TO


def _sentence_at(sentences: Sequence[tuple[int, int]], position: int) -> int:
    """Index of the sentence span holding ``position`` (-1 before the first)."""
    return bisect_right(sentences, position, key=lambda span: span[0]) - 1


def _opens_sentence(text: str, sentence_start: int, quote_start: int) -> bool:
    """Nothing but quotation marks and spaces stands between the sentence's start and the quotation."""
    return not text[sentence_start:quote_start].strip(" \t\"'`\u201c\u2018")


def _goes_on(text: str, sentences: Sequence[tuple[int, int]], short_end: int, quote_start: int) -> bool:
    """The quotation at ``quote_start`` goes on from a short one ending at ``short_end``: same sentence, or it opens its own.

    ('"I don't know," Williams said when asked, "but I'll take it."'; '"Oh, my God," said Mrs. Holt. "I always …"')
    """
    at = _sentence_at(sentences, quote_start)
    if at < 0:
        return False
    sentence_start, sentence_end = sentences[at]
    return sentence_start <= short_end <= sentence_end or _opens_sentence(text, sentence_start, quote_start)


@dataclass(slots=True)
class _Attributed:
    """A quotation of an article and its speaker.

    ``quote_start``/``quote_end``: the quotation with its marks; ``start``/``end``: its words; ``direct``:
    the attribution next to it gave the speaker (not a continuation from the quotation before).
    """

    quote_start: int
    quote_end: int
    start: int
    end: int
    speaker: str | None
    direct: bool
    more: list[tuple[int, int]] = field(default_factory=list)  # later parts' words (:func:`join_split`)

    @property
    def last_end(self) -> int:
        """The end of the quotation's last words."""
        return self.more[-1][1] if self.more else self.end


# the words between two quotations of one statement: no sentence's end, no one named, no reporting verb
_LEAD_GAP = 80
_SENTENCE_END = re.compile(r"[.!?;:]")


def _leads_into(text: str, quote_end: int, next_start: int, mentions: Sequence[Mention]) -> bool:
    """Whether the quotation ending at ``quote_end`` goes on, in the same sentence, into the one at ``next_start``.

    "“British leaders have miscalculated this issue. This case may face a legal path” if we are faced with
    “fuss, and wrong behavior from Britain,” added Larijani.": the first quotation has the second's speaker.
    The quotation does not end a sentence of its own, and the words between them name nobody and report
    nobody's words ("“…” is what Smith called it, but “…,” said Jones" gives the first nobody).

    >>> t = '“This case may face a legal path” if we are faced with “fuss from Britain,” added Larijani.'
    >>> _leads_into(t, t.index(" if"), t.index("“fuss"), [])
    True
    >>> t = '“We will win.” Then “we will rest,” added Larijani.'
    >>> _leads_into(t, t.index(" Then"), t.index("“we"), [])
    False
    """
    gap = text[quote_end:next_start]
    if len(gap) > _LEAD_GAP or "\n" in gap or not _WORD.search(gap) or _SENTENCE_END.search(gap):
        return False
    if text[:quote_end].rstrip("'\"\u201d\u2019` ")[-1:] in {".", "!", "?"}:
        return False  # the first quotation ends its sentence
    if REPORTING_WORD.search(gap):
        return False
    return not any(quote_end <= m.start and m.end <= next_start for m in mentions)


# the words between the parts of one quotation its attribution splits ("``If I stay,'' he told his colleagues
# Friday night, ``my controversial nature would …''"): one clause, no sentence's end, no paragraph break
# (an apostrophe only inside a word: "the company's spokesman said,"; never DUC's closing '')
_SPLIT_GAP = re.compile(
    r"\s*(?P<comma>,?)\s*(?P<words>(?:[^.!?;:\"`'\u201c\u201d\u2018\u2019()\n]|(?<=\w)['\u2019](?=\w)){1,120}?)\s*,\s*"
)
# not an attribution: "adding," opens a new statement; a clause after "and"/"but" is a new sentence part of
# its own ("its ``patience was running out,'' and Mesut Yilmaz was quoted as saying, ``the soldier …''")
_NO_ATTRIBUTION = re.compile(r"\badding\b|^(?:and|but|or|while|as|yet)\b", re.I)
# a first part that is no sentence of its own however its rest opens ("If there's anything to say," Mohamed
# said, "I'll say it."; "Judging from the world's response," she said, "Matt will have …")
_INTRODUCTORY = re.compile(
    r"(?:if|when|as|while|although|though|because|since|unless|until|once|whether|judging|in|on|at|for|"
    r"after|before|despite|but|and|so|yet)\b",
    re.I,
)


def _splits(text: str, first: tuple[int, int, int], second: tuple[int, int]) -> bool:
    """Whether an attribution splits one quotation.

    ``first`` = (start, end of words, end with marks) of the first part, ``second`` = (start with marks,
    start of words) of the second.

    The first part ends with a comma (inside its marks or right after them), the words between are one
    clause reporting speech ("he said", "said X, a professor,", not "adding,": that opens a new statement),
    and the second part goes on with the sentence: it opens in lower case, or the first part is an
    introductory phrase ("If …", "In my country").

    >>> t = "``We weren't quite successful,'' Cohen continued, ``but we sent a message.''"
    >>> _splits(t, (2, 29, 32), (50, 52))
    True
    >>> t = "``It will pass,'' he said, adding, ``but not soon.''"
    >>> _splits(t, (2, 14, 17), (35, 37))
    False
    """
    start, end, outer_end = first
    gap = _SPLIT_GAP.fullmatch(text, outer_end, second[0])
    if gap is None or not REPORTING_WORD.search(gap["words"]) or _NO_ATTRIBUTION.search(gap["words"]):
        return False
    if "," not in text[end:outer_end] and not gap["comma"]:
        return False
    opening = text[second[1] : second[1] + 1]
    return opening.islower() or (opening.isupper() and _INTRODUCTORY.match(text, start) is not None)


def join_split(text: str, rows: Sequence[_Attributed], short: set[tuple[int, int, int, int]]) -> list[_Attributed]:
    """The article's attributed quotations, those an attribution splits in two joined into one.

    "``We could even pay them money as part of the deal,'' he wrote, ``buying a piece of them or
    something.''" is one quotation of two parts (:func:`_splits`); its speaker is the parts' (parts with two
    different speakers stay apart).  A first part too short to list on its own ("``At this point,'' he says,
    ``there is little …''") opens the quotation too.
    """
    pieces: list[_Attributed | tuple[int, int, int, int]] = sorted(
        [*rows, *short], key=lambda item: item.quote_start if isinstance(item, _Attributed) else item[0]
    )
    joined: list[_Attributed] = []
    before: _Attributed | tuple[int, int, int, int] | None = None
    for piece in pieces:
        if isinstance(piece, tuple):
            before = piece
            continue
        second = (piece.quote_start, piece.start)
        if isinstance(before, tuple):
            qs, qe, start, end = before
            if _splits(text, (start, end, qe), second):
                piece.more[:0] = [(piece.start, piece.end)]
                piece.quote_start, piece.start, piece.end = qs, start, end
        elif (
            before is not None
            and (None in (before.speaker, piece.speaker) or before.speaker == piece.speaker)
            and _splits(text, (before.start, before.last_end, before.quote_end), second)
        ):
            before.more.extend([(piece.start, piece.end), *piece.more])
            before.quote_end = piece.quote_end
            before.speaker = before.speaker or piece.speaker
            continue
        joined.append(piece)
        before = piece
    return joined


def _quoted_paragraphs(text: str, quotes: Sequence[tuple[int, int, int, int]]) -> tuple[set[int], set[int]]:
    r"""Starts of the quotations that fill their paragraph alone, and of those of them that go on from the paragraph before.

    A paragraph of quotations only (no word outside the marks); it goes on from the paragraph before when that
    one holds the quotation before it, whose speaker speaks on (''"Where was the air force?" says analyst Andrew
    Brookes.'' and then a quoted paragraph: Brookes goes on).  A quotation with words outside it in its
    paragraph has its own attribution or none.

    >>> t = '"Where was the air force?" says Andrew Brookes.\n\n"Few targets are more prestigious," he added.\n\n"No one looked at the radar."'
    >>> alone, going_on = _quoted_paragraphs(t, find_quotes(t))
    >>> [t[qs:qs + 8] for qs in alone], [t[qs:qs + 8] for qs in going_on]
    (['"No one '], ['"No one '])
    """
    spans = paragraphs(text)
    starts = [s for s, _ in spans]
    index = {qs: bisect_right(starts, qs) - 1 for qs, _, _, _ in quotes}
    by_paragraph: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for qs, qe, _, _ in quotes:
        by_paragraph[index[qs]].append((qs, qe))
    alone: set[int] = set()
    going_on: set[int] = set()
    for k, (qs, _, _, _) in enumerate(quotes):
        p = index[qs]
        if p == 0:
            continue
        pstart, pend = spans[p]
        outside = text[pstart:pend]
        for a, b in reversed(by_paragraph[p]):
            outside = outside[: a - pstart] + outside[b - pstart :]
        if _WORD.search(outside):
            continue
        alone.add(qs)
        if k > 0 and index[quotes[k - 1][0]] == p - 1:  # the quotation before is in the paragraph right before
            going_on.add(qs)
    return alone, going_on


_WORD = re.compile(r"[A-Za-z0-9]")


def _reporting_sentence_before(
    text: str, sentences: Sequence[tuple[int, int]], quoted_paragraphs: set[int], quote_start: int
) -> tuple[int, int] | None:
    """The sentence a quotation follows on from, if any.

    The one right before it when the quotation opens its own sentence: in the same paragraph, or at the end
    of the paragraph before when the quotation's paragraph is all quotation (``quoted_paragraphs``: the
    starts of such quotations).
    """
    current = _sentence_at(sentences, quote_start)
    if current < 1 or not _opens_sentence(text, sentences[current][0], quote_start):
        return None  # the quotation does not open its sentence
    start, end = sentences[current - 1]
    if text[start:end].rstrip(" \t\n\"'\u201d\u2019")[-1:] not in (".", "!", "?"):
        return None  # 'said, “…' opens no sentence of its own: its attribution is the one before the mark
    gap = text[end:quote_start]
    if "\n\n" in gap and quote_start not in quoted_paragraphs:
        return None  # a new paragraph with words of its own besides the quotation
    return start, end


def _other_sex(text: str, quote_end: int, speaker: str) -> bool:
    """Whether the "he"/"she" attributing the quotation ending at ``quote_end`` cannot be ``speaker``."""
    pronoun = pronoun_attribution(text, quote_end)
    sex = person_sex(speaker) if pronoun is not None else None
    return sex is not None and sex != pronoun


def _continues(text: str, sentences: Sequence[tuple[int, int]], previous_end: int, quote_start: int) -> bool:
    """Whether an unattributed quotation continues the attributed one that ended at ``previous_end``.

    Newswire convention: the quotation right after it, or the one that opens the next sentence of the same
    paragraph when the rest of the attributed quotation's sentence is its attribution alone ("…,'' said X,
    a professor of law. ``…''"). ``sentences``: the article's sentence spans.

    >>> t = ("``We are sure,\'\' said Ana Lima, a professor of constitutional law at the University of Lisbon. "
    ...      "``It works.\'\' Rain fell on the city all day long, and by the evening every road to the coast "
    ...      "was closed. ``No.\'\'")
    >>> from newsbrief.text import SentenceSplitter
    >>> spans = SentenceSplitter().split(t)
    >>> _continues(t, spans, t.index(" said"), t.index("``It")), _continues(t, spans, t.index(" Rain"), t.index("``No"))
    (True, False)
    """
    if quote_start - previous_end <= INHERIT_GAP:
        return True
    if quote_start - previous_end > INHERIT_SENTENCE_GAP:
        return False
    current = _sentence_at(sentences, quote_start)
    if current < 1 or not _opens_sentence(text, sentences[current][0], quote_start):
        return False  # the quotation does not open its sentence
    before_start, before_end = sentences[current - 1]
    if not before_start <= previous_end <= before_end or "\n\n" in text[before_end:quote_start]:
        return False  # another sentence, or a paragraph break, stands between
    return _ATTRIBUTION_TAIL.fullmatch(text, previous_end, before_end) is not None


def _is_term(text: str, quote_start: int, start: int, end: int) -> bool:
    """A short quoted noun phrase after a determiner is a term or a scare quote, not a quotation.

    ('declared a "state of nuclear emergency"', 'the "United Nations Climate Change Conference"'; a
    partial quotation such as 'would "be released very soon"' or 'called it a "gift to the British
    people"' stays).
    """
    quoted = text[start:end].split()
    if len(quoted) >= UNATTRIBUTED_MIN_WORDS and not all(w[0].isupper() for w in quoted if w[0].isalpha()):
        return False  # a longer phrase may be a partial quotation; a title-case one is a name
    before = words(text[max(0, quote_start - 20) : quote_start])
    return bool(before) and before[-1] in _TERM_OPENERS


# what \w+ leaves of a contraction ("doesn't" → "doesn", "t"): no content, though the stopword list lacks it;
# two quotations sharing "doesn", "t", "s" and one word are not one statement
_CONTRACTION_PARTS = frozenset(
    "s t d m ll ve don doesn didn isn wasn weren aren couldn wouldn shouldn hasn haven hadn ain mustn needn".split()
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text) if w not in _CONTRACTION_PARTS}


def same_statement(a: str, b: str, *, same_speaker: bool) -> bool:
    """True when two quotations are the same statement (other wording or translation).

    >>> same_statement("We will never accept these results", "We shall never accept the results", same_speaker=True)
    True
    >>> same_statement("We will never accept these results", "The army must stay in its barracks", same_speaker=True)
    False
    """
    return _same(_Wording(a), _Wording(b), same_speaker=same_speaker)


class _Wording:
    """A quotation's text with the forms :func:`same_statement` compares, computed once.

    ``common``: the story's own stems (:func:`_story_stems`), which tell no statement from another.
    """

    __slots__ = ("normal", "stems", "words")

    def __init__(self, text: str, common: frozenset[str] = frozenset()) -> None:
        self.stems = _stems(text) - common
        self.normal = normalise(text)
        self.words = _wording(text)


def _same(wa: _Wording, wb: _Wording, *, same_speaker: bool) -> bool:
    stems_a, stems_b = wa.stems, wb.stems
    shared = len(stems_a & stems_b)
    overlap = shared / len(stems_a | stems_b) if stems_a | stems_b else 0.0
    ratio = fuzz.token_sort_ratio(wa.normal, wb.normal)
    if same_speaker:
        needed = SAME_SPEAKER_SHARED_LONG if min(len(stems_a), len(stems_b)) >= LONG_STATEMENT_STEMS else 2
        stems_match = overlap >= SAME_SPEAKER_STEMS and shared >= needed and _short_one_held(wa, wb)
        return stems_match or ratio >= SAME_SPEAKER_RATIO
    return (overlap >= UNKNOWN_SPEAKER_STEMS and shared >= 2) or ratio >= UNKNOWN_SPEAKER_RATIO


#: A quotation of at most this many content stems matches a longer one of its speaker by shared stems only
#: when the longer holds its words in order: "I love this country" is part of "That is why I love this
#: country", but "France is at war" is not "an act of war … against France".
SHORT_STATEMENT_STEMS = 2
#: Two quotations of at least this many content stems each need this many shared stems to be one statement
#: (two shared words, "win" and "Nobel", do not make Saramago's two remarks one).
LONG_STATEMENT_STEMS, SAME_SPEAKER_SHARED_LONG = 4, 3


def _short_one_held(wa: _Wording, wb: _Wording) -> bool:
    """Unless one wording is short (:data:`SHORT_STATEMENT_STEMS`), True; else whether the other holds its words in order."""
    short, long_ = (wa, wb) if len(wa.stems) <= len(wb.stems) else (wb, wa)
    if len(short.stems) > SHORT_STATEMENT_STEMS:
        return True
    return f" {short.words} " in f" {long_.words} "


#: A content stem in at least this share of a story's articles, and in STORY_STEM_MIN_ARTICLES or more, is
#: the story's own word ("Salt Lake City" in a story of its Olympic bid): two remarks of one speaker that
#: share only such words are not one statement. (The minimum keeps a stem that only the two quoting
#: articles hold a word of the statement. On the tuning half of ``eval quote-merges``, shares 0.55-0.7 gave
#: the same result, 0.75 and above let wrong merges back; docs/analysis.md.)
STORY_STEM_SHARE, STORY_STEM_MIN_ARTICLES = 0.6, 3


def _story_stems(articles: Sequence[Article]) -> frozenset[str]:
    """The content stems of at least :data:`STORY_STEM_SHARE` of the story's articles (and of three or more)."""
    counts = Counter(stem for article in articles for stem in _stems(article.text))
    needed = max(STORY_STEM_SHARE * len(articles), STORY_STEM_MIN_ARTICLES)
    return frozenset(stem for stem, n in counts.items() if n >= needed)


def _same_matrices(found: list[_Found], common: frozenset[str] = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """:func:`same_statement` for every pair at once: (same speaker, speaker unknown on one side).

    Shared stems by a sparse product, token-sort ratios by rapidfuzz's ``cdist`` (in C); the tests and
    thresholds are those of :func:`same_statement`.
    """
    wording = [_Wording(item.text, common) for item in found]
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for k, w in enumerate(wording):
        for stem in w.stems:
            rows.append(k)
            cols.append(vocab.setdefault(stem, len(vocab)))
    stems = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(found), max(len(vocab), 1))
    )
    shared = (stems @ stems.T).toarray().astype(np.int64)
    sizes = np.array([len(w.stems) for w in wording], dtype=np.int64)
    union = sizes[:, None] + sizes[None, :] - shared
    overlap = np.divide(shared, union, out=np.zeros(shared.shape), where=union > 0)
    normals = [w.normal for w in wording]
    cutoff = min(SAME_SPEAKER_RATIO, UNKNOWN_SPEAKER_RATIO)  # lower ratios come back as 0
    ratio = process.cdist(normals, normals, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, dtype=np.float64)
    shortest = np.minimum(sizes[:, None], sizes[None, :])
    needed = np.where(shortest >= LONG_STATEMENT_STEMS, SAME_SPEAKER_SHARED_LONG, 2)
    stems_match = (overlap >= SAME_SPEAKER_STEMS) & (shared >= needed)
    for i, j in zip(*np.nonzero(stems_match & (shortest <= SHORT_STATEMENT_STEMS)), strict=True):
        stems_match[i, j] = _short_one_held(wording[i], wording[j])
    same = stems_match | (ratio >= SAME_SPEAKER_RATIO)
    unknown = ((overlap >= UNKNOWN_SPEAKER_STEMS) & (shared >= 2)) | (ratio >= UNKNOWN_SPEAKER_RATIO)
    return same, unknown


def _apart_where_quoted_apart(
    found: list[_Found], common: frozenset[str]
) -> tuple[list[_Found], tuple[np.ndarray, np.ndarray] | None]:
    """Joined quotations (:func:`join_split`) whose parts other articles quote apart, back in their parts.

    Apart when two parts are each the same statement as different quotations of other articles, or when
    a part is one and the whole is none.  Also :func:`_same_matrices` of the quotations returned when
    they were computed here (nothing went apart), else None.

    The Times's '"This is not a spacecraft emergency," Weiler said, "it's more of a science emergency."' is
    two remarks that other sources quote apart, each at more length ("This is not a so-called spacecraft
    emergency where …", "You can think of it more as a science emergency."): its parts join theirs.
    """
    joined = [k for k, item in enumerate(found) if item.more]
    if not joined:
        return found, None
    parts = {k: _parts(found[k]) for k in joined}
    candidates = found + [part for k in joined for part in parts[k]]
    same, unknown = _same_matrices(candidates, common)

    def matches(row: int, item: _Found) -> set[int]:
        """The other articles' quotations ``item`` (row ``row`` of the matrices) is the same statement as."""
        result = set()
        for j, other in enumerate(found):
            if other.article_id == item.article_id or (item.speaker and other.speaker and item.speaker != other.speaker):
                continue
            if (same if item.speaker and item.speaker == other.speaker else unknown)[row, j]:
                result.add(j)
        return result

    result: list[_Found] = []
    row = len(found)
    for k, item in enumerate(found):
        if not item.more:
            result.append(item)
            continue
        matched = [matches(r, part) for r, part in enumerate(parts[k], start=row)]
        row += len(parts[k])
        apart = any(a and b and not a & b for i, a in enumerate(matched) for b in matched[i + 1 :])
        if apart or (any(matched) and not matches(k, item)):
            result.extend(parts[k])
        else:
            result.append(item)
    n = len(found)
    return result, (None if len(result) != n else (same[:n, :n], unknown[:n, :n]))


def _parts(item: _Found) -> list[_Found]:
    """A joined quotation's parts as quotations of their own."""
    spans = ((item.start, item.end), *item.more)
    return [_Found(item.article_id, words, s, e, item.speaker) for words, (s, e) in zip(item.parts, spans, strict=True)]


def _merge(found: list[_Found], order: dict[str, int], common: frozenset[str] = frozenset()) -> tuple[Quote, ...]:
    if not found:
        return ()
    found, matrices = _apart_where_quoted_apart(found, common)
    same_speaker, unknown_speaker = matrices if matrices is not None else _same_matrices(found, common)
    clusters: list[list[_Found]] = []
    members: list[list[int]] = []
    speakers: list[set[str]] = []
    cluster_of: list[int] = []
    for k, item in enumerate(found):
        # the clusters (in order) with a member this quote is the same statement as; it joins the first (only
        # clusters holding an earlier quote that passes either test can be one)
        near = np.flatnonzero(same_speaker[k, :k] | unknown_speaker[k, :k]).tolist()
        joined: list[int] = []
        for ci in sorted({cluster_of[j] for j in near}):
            if item.speaker and speakers[ci] and item.speaker not in speakers[ci]:
                continue
            flags = same_speaker if item.speaker and item.speaker in speakers[ci] else unknown_speaker
            if any(flags[k, j] for j in members[ci]):
                joined.append(ci)
        if not joined:
            clusters.append([item])
            members.append([k])
            cluster_of.append(len(clusters) - 1)
            speakers.append({item.speaker} if item.speaker else set())
            continue
        first = joined[0]
        clusters[first].append(item)
        members[first].append(k)
        cluster_of.append(first)
        if item.speaker:
            speakers[first].add(item.speaker)
        # the quotation is the same statement as members of several clusters: they are one statement too
        # (two sources' wordings of one remark that a third source's wording matches both), when their
        # speakers agree
        for ci in joined[1:]:
            if len(speakers[first] | speakers[ci]) > 1:
                continue
            clusters[first].extend(clusters[ci])
            members[first].extend(members[ci])
            speakers[first] |= speakers[ci]
            for j in members[ci]:
                cluster_of[j] = first
            clusters[ci], members[ci] = [], []
    clusters = [cluster for cluster in clusters if cluster]
    clusters = _fold_contained_statements(clusters)
    clusters, cited = _fold_cited_fragments(clusters)
    quotes = []
    for index, cluster in enumerate(clusters):
        # a wording is its words: the same words with other punctuation or case are not a variant
        wordings = Counter(_wording(c.text) for c in cluster)
        first_by_norm: dict[str, str] = {}
        for c in cluster:
            first_by_norm.setdefault(_wording(c.text), c.text)
        # a cited fragment folded in is a variant, never the quotation shown; nor is a wording that another
        # wording of the group holds word for word (two sources quoting "with deep sadness and regret" out of
        # the statement a third quotes whole: the whole statement is shown)
        held = {w for w in first_by_norm if any(len(o) > len(w) and f" {w} " in f" {o} " for o in first_by_norm)}
        ranked = sorted(
            first_by_norm, key=lambda w: (w in cited, w in held, -wordings[w], list(first_by_norm).index(w))
        )
        speaker_counts = Counter(c.speaker for c in cluster if c.speaker)
        speaker = min(speaker_counts, key=lambda s: (-speaker_counts[s], s)) if speaker_counts else None
        spans = tuple(Span(c.article_id, s, e) for c in cluster for s, e in ((c.start, c.end), *c.more))
        article_ids = tuple(sorted({c.article_id for c in cluster}, key=lambda a: order.get(a, 0)))
        text = first_by_norm[ranked[0]]
        variants = tuple(first_by_norm[w] for w in ranked[1:])
        quotes.append((index, Quote(text, speaker, spans, article_ids, variants)))
    quotes.sort(key=lambda item: (-len(item[1].article_ids), item[1].speaker is None, item[0]))
    return tuple(q for _, q in quotes)


def _wording(text: str) -> str:
    return " ".join(words(text))


#: A quotation of at least this many words that a longer quotation of the same speaker holds word for word
#: is part of that statement: one source quotes two sentences, others one of them.
CONTAINED_MIN_WORDS = 6


def _word_holders(wordings: list[list[str]], speakers: list[set[str]], anonymous: bool = False) -> Callable[[str], set[int]]:
    """A function: wording → the clusters with a speaker (``anonymous``: any cluster) that may hold it.

    A holder holds every word of the wording, so only the clusters holding its rarest word can be one
    (a story's quotations are then not compared pairwise).
    """
    holding: dict[str, set[int]] = defaultdict(set)
    for j, others in enumerate(wordings):
        if speakers[j] or anonymous:
            for other in others:
                for word in other.split():
                    holding[word].add(j)
    empty: set[int] = set()
    return lambda wording: min((holding.get(word, empty) for word in wording.split()), key=len, default=empty)


def _fold_contained_statements(clusters: list[list[_Found]]) -> list[list[_Found]]:
    """Clusters one of whose wordings a longer wording of another cluster holds, folded into that cluster.

    A statement quoted in full by one source ("This is a remote location … It is therefore with deep
    sadness and regret that I must inform you that … ended in the southern Indian Ocean.") and sentence
    by sentence by others is one quotation, not two or three.  Only for the same speaker (or a speaker
    unknown on the shorter side, whether the longer's is known or not), only when exactly one cluster holds
    it, and never into a cluster that is itself folded.  ``same_statement`` does not see this: two
    sentences of one statement share few words.
    """
    wordings = [[_wording(c.text) for c in cluster] for cluster in clusters]
    speakers = [{c.speaker for c in cluster if c.speaker} for cluster in clusters]
    holders_of = _word_holders(wordings, speakers, anonymous=True)
    target: dict[int, int] = {}
    for i, ws in enumerate(wordings):
        long_enough = [w for w in ws if len(w.split()) >= CONTAINED_MIN_WORDS]
        if not long_enough:
            continue
        candidates = set().union(*(holders_of(w) for w in long_enough))
        holders = [
            j
            for j in sorted(candidates)
            if j != i
            and speakers[i] <= speakers[j]
            and any(len(o) > len(w) and f" {w} " in f" {o} " for o in wordings[j] for w in long_enough)
        ]
        if len(holders) == 1:
            target[i] = holders[0]
    target = {i: j for i, j in target.items() if j not in target}
    if not target:
        return clusters
    folded = [list(cluster) for cluster in clusters]
    for i, j in target.items():
        folded[j].extend(clusters[i])
    return [cluster for k, cluster in enumerate(folded) if k not in target]


#: A fragment of at most this many words that another speaker's quotation, twice as long or more, holds
#: word for word is that quotation cited: "with deep sadness and regret", quoted by the opposition leader
#: who criticised the prime minister's statement, is the prime minister's.
FRAGMENT_WORDS = 10
FRAGMENT_MIN_WORDS = 4


def _fold_cited_fragments(clusters: list[list[_Found]]) -> tuple[list[list[_Found]], set[str]]:
    """Clusters of short fragments folded into the longer quotation that holds them, with its speaker.

    Also the wordings folded in (they are variants of that quotation, not its text).
    """
    wordings = [[_wording(c.text) for c in cluster] for cluster in clusters]
    lengths = [max(len(w.split()) for w in ws) for ws in wordings]
    speakers = [{c.speaker for c in cluster if c.speaker} for cluster in clusters]
    holders_of = _word_holders(wordings, speakers)
    target: dict[int, int] = {}
    for i, ws in enumerate(wordings):
        if not FRAGMENT_MIN_WORDS <= lengths[i] <= FRAGMENT_WORDS:
            continue
        for j in sorted(holders_of(ws[0])):
            others = wordings[j]
            if j == i or j in target or not speakers[j] or speakers[j] <= speakers[i] or lengths[j] < 2 * lengths[i]:
                continue
            if all(any(f" {w} " in f" {o} " for o in others) for w in ws):
                target[i] = j
                break
    if not target:
        return clusters, set()
    folded = [list(cluster) for cluster in clusters]
    for i, j in target.items():
        # the words are the longer quotation's speaker's, whoever cites them
        folded[j].extend(_Found(c.article_id, c.text, c.start, c.end, None, c.more, c.parts) for c in clusters[i])
    cited = {w for i in target for w in wordings[i]}
    return [cluster for k, cluster in enumerate(folded) if k not in target], cited
