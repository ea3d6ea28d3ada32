"""Extractive, cited, non-redundant summary of a story under a hard word cap.

Method (concept coverage, as in Gillick & Favre's ILP summariser, with newsbrief's support counts):
a *concept* is a stemmed word bigram (not two stopwords); its weight is the number of independent sources
(duplicate groups) whose text contains it — the support of that piece of information — plus
``lead_bonus`` for every source that has it in its first ``lead_sentences`` sentences (position).  The
summary is the set of candidate sentences that maximises the total weight of the concepts it covers
(candidates stand alone: none opens inside a quotation or with a pronoun or connective —
``text.needs_context``, English), each concept counted once (which makes it non-redundant by construction: a sentence repeating covered
concepts gains nothing), with at most ``words`` words and never two sentences of which one carries the
other.  The optimum comes from an integer program (scipy's HiGHS ``milp``) with a node limit (deterministic)
and a safety time limit, with a greedy gain-per-word fallback.

Each chosen sentence is then shown in the cleanest wording among the sentences that carry it and that it
carries (fewest odd tokens: doubled words, unbalanced quotes, non-Latin letters, words no other source
uses), cites every article carrying it, and the summary is ordered by the date of the earliest article
carrying each sentence (chronological by development), then by support (importance) — except that the
sentence standing earliest in an article carrying it comes first (the lead: a lede says what happened).

The cap counts whitespace-separated words (as ROUGE's ``-l``) and is never exceeded.  Sentences are never
cut, except when no single candidate sentence fits under the cap: then the best one is cut to the cap.

>>> from newsbrief.align import align
>>> from newsbrief.model import Article
>>> a = Article("a", "h", "a", None, "Rebels freed 12 hostages in Bogota on Monday after talks. "
...             "The army said talks with the rebels would go on next week.")
>>> b = Article("b", "h", "b", None, "On Monday rebels freed 12 hostages in Bogota after talks, police said.")
>>> summary = summarize(align([a, b]), options=BriefOptions(words=15, min_sentence_words=3))
>>> [(s.text, s.article_ids, s.support) for s in summary]
[('Rebels freed 12 hostages in Bogota on Monday after talks.', ('a', 'b'), 2)]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from newsbrief import clean_shape
from newsbrief import text as textmod
from newsbrief.align import Alignment, Stems, carries, numbers_in
from newsbrief.dates import MONTH_NAMES, WEEKDAYS
from newsbrief.model import Span, SummarySentence
from newsbrief.reference import dangling_pronoun
from newsbrief.settings import BriefOptions

# two sentences of different sources with content stems this alike (Jaccard, day/month names aside) say the
# same thing: if their figures or days differ, they contradict each other
_SAME_STATEMENT = 0.75
_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f\u20a0-\u20cf]")
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)


def word_count(text: str) -> int:
    """Words as counted by the cap (whitespace-separated, like ROUGE's ``-l``).

    >>> word_count("U.S. troops left on Monday.")
    5
    """
    return len(text.split())


def _concepts(text: str, stems: Stems) -> set[str]:
    tokens = textmod.words(text)
    out = set()
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a in textmod.STOPWORDS and b in textmod.STOPWORDS:
            continue
        out.add(f"{stems.stem(a)} {stems.stem(b)}")
    return out


def _weights(al: Alignment, concepts: list[set[str]], options: BriefOptions) -> dict[str, float]:
    """Concept weights: supporting sources (or sentences, for one- or two-source stories) plus the lead bonus."""
    by_source = al.sources >= 3
    holders: dict[str, set[str | int]] = defaultdict(set)
    lead: dict[str, set[str | int]] = defaultdict(set)
    for i, cs in enumerate(concepts):
        unit: str | int = al.source_of[i] if by_source else i
        for c in cs:
            holders[c].add(unit)
            if al.position[i] < options.lead_sentences:
                lead[c].add(unit)
    if by_source:
        threshold = max(2, min(options.concept_min_support, math.ceil(al.sources / 3)))
    else:
        threshold = 2
    return {
        c: len(units) + options.lead_bonus * len(lead.get(c, ()))
        for c, units in holders.items()
        if len(units) >= threshold
    }


_REPORTED = re.compile(r"\b(?:said|says|told|added|according to)\b")
# one quotation that is the whole sentence: “…” / "…" / DUC's ``…'' with no quotation mark inside
# a sentence that is all an aside in brackets: "(Read …)", "[Photo: …]"
_ASIDE = re.compile(r"\s*[(\[][^()\[\]]*[)\]][.!?\"'\u201d]*\s*")
_WHOLE_QUOTE = re.compile(r"(?:\u201c[^\u201c\u201d]+\u201d|\"[^\"]+\"|``(?:(?!``|'').)+'')", re.S)
_UNQUOTED_I = re.compile(r"(?<![\w'\u2019])I(?:['\u2019](?:m|ll|ve|d))?(?![\w'\u2019.])")
_UNQUOTED_WE = re.compile(
    r"(?<![\w'\u2019/.])(?:we(?:['\u2019](?:re|ve|ll|d))?|our|ours|us|you(?:['\u2019](?:re|ve|ll|d))?|your|yours)(?![\w'\u2019/.])"
)
_OPEN_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]|``|''")
_FIRST_OR_SECOND_PERSON = frozenset(
    "i i'm i've i'd i'll we we're we've we'd we'll my our us you you're you've you'd you'll your".split()
)


# a sentence opening with an imperative, the writer telling the reader what to do: a negated or
# first-person-plural one ("Don't expect …", "Let's be clear") or a verb a news sentence does not open with
# ("Pick any smartphone …", "Consider a 1985 case …", "Look at the table …", "Remember that …", "Read on …");
# a lower-case word after it, so not a name ("Take That", "Check Point")
_IMPERATIVE = re.compile(
    r"(?:Don['\u2019]t|Do not|Let['\u2019]s|Let us"
    r"|Ask|Check|Click|Compare|Consider|Forget|Imagine|Keep|Look|Pick|Read|Remember|Stay|Take|Think|Try|Visit)"
    r"\s+[a-z]"
)


def _addresses_reader(text: str) -> bool:
    """Whether a sentence speaks to or as someone rather than stating the story's facts.

    A question ("Don't care about the camera?"), a sentence that is one quotation with no speaker, an
    imperative ("Don't expect …", "Let's …"), or a sentence in the first or second person outside quotation marks ("I just hope …": a speaker's words
    the page did not quote; "… we republish the claims of …", "In our tests …": the outlet talking).
    English.

    >>> _addresses_reader("``We will rebuild the bridge.''"), _addresses_reader("``We will rebuild,'' he said.")
    (True, False)
    >>> _addresses_reader("We\u2019ll have more on the phone soon.")
    True
    >>> _addresses_reader("Win or lose on May 4, I'll keep working."), _addresses_reader('"I will stay," Ms Roe said.')
    (True, False)
    >>> _addresses_reader("The memorial honours the dead of World War I.")
    False
    >>> _addresses_reader("On the occasion of Easter and Passover, I would like to announce a pardon.")
    True
    >>> _addresses_reader("In our tests the phone lasted a day."), _addresses_reader("The US team won.")
    (True, False)
    >>> _addresses_reader("The best part is you know the rest."), _addresses_reader("Youths threw stones at YouTube staff.")
    (True, False)
    >>> _addresses_reader("Don't expect many to go on to science."), _addresses_reader("Do not Resuscitate orders rose.")
    (True, False)
    >>> _addresses_reader("Pick any smartphone and talk to those who own one."), _addresses_reader("Take That split in 1996.")
    (True, False)
    """
    if text.rstrip(" \"'\u201d\u2019").endswith("?"):
        return True
    if _WHOLE_QUOTE.fullmatch(text.strip()):
        return True  # a quotation from first word to last: nobody is said to speak
    if text.lstrip().startswith(('"', "\u201c", "``")) or _REPORTED.search(text):
        return False  # quoted or reported speech says who is speaking
    first = text.split(maxsplit=1)
    if bool(first) and first[0].lower().rstrip(",").replace("\u2019", "'") in _FIRST_OR_SECOND_PERSON:
        return True
    if _IMPERATIVE.match(text.lstrip()):
        return True  # "Don't expect many to go on to science …": the writer telling the reader
    # "Win or lose on November 4, I'll keep working …": an "I" outside quotation marks speaks as someone
    # (not a numeral after a name: "World War I", "Elizabeth I")
    unquoted = _WHOLE_QUOTE.sub(" ", text)
    for match in _UNQUOTED_I.finditer(unquoted):
        before = unquoted[: match.start()].split()
        if len(before) <= 1 or not before[-1][:1].isupper() or before[-1].endswith((",", ";", ":")):
            return True  # ("… on the occasion of Easter and Passover, I would like …": a comma before it)
    # "… we republish the claims of …", "In our tests the phone …": the outlet or a speaker talking, outside
    # quotation marks; "The best thing … is you know you don't have to …": a speaker's "you" or the reader's
    # (not when a quotation is left open: the words may be inside it)
    return not _OPEN_QUOTE_MARK.search(unquoted) and bool(_UNQUOTED_WE.search(unquoted))


# a page's separator inside a sentence ("India vs New Zealand | Seven Defeats …"), or a run of words said twice
# in a row ("Hamas calls for resistance Hamas calls for resistance …"): a menu or a headline glued to the text
_PAGE_SEPARATOR = re.compile(r"\s[|\u203a\u00bb]\s")
_REPEATED_RUN = re.compile(r"\b((?:[\w'\u2019-]+\s+){3,}[\w'\u2019-]+)\s+\1\b")


def _glued_residue(text: str) -> bool:
    """Whether a "sentence" is a page's menu or headline glued to the text (a flattened page).

    >>> _glued_residue("Tax move | World News Israel voted on Sunday."), _glued_residue("Israel voted on Sunday.")
    (True, False)
    >>> _glued_residue("Hamas calls for resistance Hamas calls for resistance against the move.")
    True
    """
    return _PAGE_SEPARATOR.search(text) is not None or _REPEATED_RUN.search(text) is not None


def talks_about_page(text: str) -> bool:
    """A sentence in which the page talks to the reader about itself: a prompt a flattened page kept inline.

    The cleaner's own test of a line (:func:`newsbrief.clean_shape.talks_about_page`: an imperative or
    *you/your* with the words pages use about themselves — sign up, click, subscribe …) applied to one
    sentence; a page scraped as one paragraph leaves them between the story's sentences
    ("Like" is an imperative only before what is to be liked: "Like us …", not "Like other firms, …").
    English.

    >>> talks_about_page("Sign up for our daily newsletter."), talks_about_page("Like other oil firms, they hoped to tap the reserves.")
    (True, False)
    """
    # a quotation in DUC's ``…'' marks too: someone speaks, not the page
    return not text.lstrip().startswith("`") and clean_shape.talks_about_page(text)


#: A sentence whose quotations take this share of its characters or more is mostly someone's words.
MOSTLY_QUOTED = 0.5


def reads_alone(al: Alignment, i: int) -> bool:
    """Whether sentence ``i`` of ``al`` stands alone where it stands.

    Not bound to its place in its article (``al.bound``: inside a quotation, a list's entry) and
    :func:`stands_alone` with the story's names.
    """
    return i not in al.bound and stands_alone(al.sentences[i].text, al.names)


def mostly_quoted(text: str) -> bool:
    """Whether quotations make up most of a sentence.

    >>> mostly_quoted('"I am impressed by the venues," said Tu Mingde.'), mostly_quoted('The minister called it "a shame".')
    (True, False)
    """
    quoted = sum(len(m.group()) for m in _WHOLE_QUOTE.finditer(text))
    return quoted >= MOSTLY_QUOTED * len(text.strip()) if text.strip() else False


def stands_alone(text: str, names: frozenset[str] | None = None) -> bool:
    """Whether a sentence can be shown on its own as a story's fact (summary, "only in one source").

    Not when it leans on the sentence before or after (:func:`newsbrief.text.needs_context`: opens inside
    a quotation or opens one it does not close, opens with a pronoun or connective; or
    :func:`dangling_pronoun`: "Police said he was arrested."), nor when it speaks to or as someone
    (:func:`_addresses_reader`), nor when it is a photo's caption or a page's prompt left in the text
    (:func:`newsbrief.text.is_photo_caption`, :func:`talks_about_page`), nor an editor's correction of the
    article (:func:`newsbrief.text.is_correction_note`).  ``names``: the story's proper names (:func:`newsbrief.reference.proper_names`).
    English.

    >>> stands_alone("The bridge reopened on Friday."), stands_alone('"We will therefore freeze all business.')
    (True, False)
    >>> stands_alone('(Read "The bridge that fell.")'), stands_alone("n the longer term, prices rose.")
    (False, False)
    >>> stands_alone("eBay said profits rose."), stands_alone("de Klerk said profits rose.")
    (True, True)
    >>> stands_alone("The president delivered this speech on Friday."), stands_alone("Talks resume this week.")
    (False, True)
    """
    if _ASIDE.fullmatch(text) or textmod.is_photo_caption(text) or talks_about_page(text) or _glued_residue(text):
        return False
    if textmod.is_correction_note(text) or _CUT_OPENING.match(text) or _PAGE_MEDIA.search(text):
        return False
    if no_comment(text) or no_harm(text):
        return False
    return not textmod.needs_context(text) and not _addresses_reader(text) and not dangling_pronoun(text, names)


# a sentence that only says someone would not or could not comment: "Zeidan was not immediately available
# for comment.", "The embassy had no comment.", "Samsung did not respond to a request for comment."
_NO_COMMENT = re.compile(
    r"\b(?:(?:was|were|is|are|could|can)(?:\s+not|n['\u2019]t)\s+(?:be\s+)?(?:immediately\s+)?(?:available|reached)"
    r"|(?:did|does|do)(?:\s+not|n['\u2019]t)\s+(?:immediately\s+)?(?:respond|return|reply|answer))\b"
    r"(?=[^.;]*\b(?:comment|comments|calls?|messages?|e-?mails?|requests?|interviews?|questions)\b)"
    r"|\b(?:declined|refused)\s+(?:to\s+)?(?:comment|be\s+interviewed|elaborate)\b"
    r"|\b(?:had|has|have|there\s+was)\s+no\s+(?:immediate\s+)?comment\b",
    re.IGNORECASE,
)
# … but says something else too: "Zierl declined to comment on the report, but said …", "Pernod said it was
# seeking acquisitions but refused to comment", "Sharon declined to be interviewed because his appointment …"
_GOES_ON = re.compile(r"\b(?:but|though|although|whereas|while|because|saying|said|says|adding|added)\b", re.I)
NO_COMMENT_WORDS = 25  # longer sentences carry more than the refusal


def no_comment(text: str) -> bool:
    """Whether a sentence only says that someone did not or could not comment: no fact of the story.

    Newswire closes many reports with one ("… could not be reached for comment."); a summary or a timeline
    has nothing to show of it.  Not when the sentence says something else too.  English.

    >>> no_comment("Zeidan was not immediately available for comment."), no_comment("The embassy had no comment.")
    (True, True)
    >>> no_comment("Samsung did not immediately respond to a request for comment.")
    True
    >>> no_comment("Zierl declined to comment on the report, but said the talks would go on.")
    False
    >>> no_comment("Pernod said it was seeking acquisitions but refused to comment on specifics.")
    False
    >>> no_comment("The vaccine was not available in rural areas."), no_comment("The judge did not respond to the motion.")
    (False, False)
    """
    match = _NO_COMMENT.search(text)
    if match is None or len(text.split()) > NO_COMMENT_WORDS:
        return False
    return _GOES_ON.search(text) is None


# a sentence that only says nobody or nothing came to harm: "No one was hurt.", "No damage was reported.",
# "There were no reports of injuries or damage." — of the event told just before it, which a summary or a
# timeline does not show beside it (a volcano's eruption on the Tohoku page; an aftershock of the quake)
_NO_HARM = re.compile(
    r"(?:there\s+(?:were|was|have\s+been|had\s+been)\s+no\s+(?:immediate\s+|initial\s+|other\s+|further\s+)?"
    r"reports?\s+of\s+(?:any\s+)?(?:serious\s+)?(?:injur|casualt|death|damage|fatalit|victim)\w*"
    r"|no(?:\s+one|body)(?:\s+else)?\s+(?:was|were|has\s+been|had\s+been)\s+(?:immediately\s+|seriously\s+|reported\s+)*"
    r"(?:hurt|injured|killed|harmed|wounded)"
    r"|no\s+(?:(?:serious|major|immediate|other)\s+)?(?:injuries|casualties|deaths|damage|fatalities|victims)"
    r"(?:\s+(?:or|and)\s+(?:injuries|casualties|deaths|damage|fatalities|victims))?\s+"
    r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:immediately\s+|yet\s+)?reported)\b",
    re.IGNORECASE,
)
NO_HARM_WORDS = 12


def no_harm(text: str) -> bool:
    """Whether a short sentence only says that nobody was hurt or nothing damaged, by an event it does not name.

    English.

    >>> no_harm("No one was hurt."), no_harm("There were no reports of injuries or damage.")
    (True, True)
    >>> no_harm("No injuries or casualties have been reported."), no_harm("No one else was reported killed.")
    (True, True)
    >>> no_harm("No one was injured, but the impact jammed the driver's door shut.")
    False
    >>> no_harm("No one has been charged, and the crime remains unsolved."), no_harm("No one can answer.")
    (False, False)
    >>> no_harm("The storm killed four people and no damage was reported in the capital, officials said on Friday.")
    False
    """
    if len(text.split()) > NO_HARM_WORDS or _NO_HARM.match(text) is None:
        return False
    return _GOES_ON.search(text) is None


# a sentence pointing at a picture, film or recording of its page ("Hollande delivered this speech Friday …",
# "Police released this video of the suspect"): a caption, or a sentence whose "this" the brief cannot show
_PAGE_MEDIA = re.compile(
    r"\b(?:this|these)\s+(?:[a-z-]+\s+)?(?:video|videos|photo|photos|photograph|photographs|picture|pictures|"
    r"image|images|footage|clip|clips|gallery|slideshow|graphic|infographic|map|chart|speech)\b",
    re.IGNORECASE,
)
# a sentence opening with a lower-case word (no capital in it: not "eBay", "iPhone"): a piece of one the page
# cut ("n the longer term, …" lost its drop cap; "… and then left." a paragraph break inside a sentence)
# (not a name's particle: "de Klerk has said …", "van Gogh")
_CUT_OPENING = re.compile(
    r"[\W_]*(?!(?:de|da|di|du|del|der|den|van|von|le|la|al|el|bin|ibn|dos|das)\s+[A-Z])[a-z][a-z'\u2019-]*\b(?![A-Z])"
)


def _oddness(i: int, al: Alignment, vocabulary: dict[str, set[str]]) -> float:
    """How odd a wording looks (lower is cleaner): artefacts of scraping or machine translation."""
    text = al.sentences[i].text
    score = 2.0 * len(_DOUBLED.findall(text)) + 2.0 * len(_NON_LATIN.findall(text))
    score += (text.count('"') % 2) + abs(text.count("(") - text.count(")"))
    if not text[:1].isupper() and text[:1] not in "\"'":
        score += 1.0
    if not textmod.ends_sentence(text):
        score += 1.0
    if not stands_alone(text):
        score += 2.0
    own = al.source_of[i]
    rare = [s for s in al.stems[i] if vocabulary.get(s, set()) <= {own}]
    return score + 0.5 * len(rare)


def _outvoted(cands: list[int], al: Alignment, values: Sequence[float]) -> set[int]:
    """Candidates that another source contradicts with a better-supported wording.

    Two sentences of different sources *contradict* each other when they say the same thing — their content
    stems other than day and month names overlap by at least ``_SAME_STATEMENT`` (Jaccard) — and both give
    figures, or day/month names, that differ ("went missing on Sunday" / "on June 1"); one that only adds a
    date ("In January 2005, a court martial found Graner guilty" beside "A court martial found Graner
    guilty") says the same thing.  The one whose concepts fewer sources share (lower value in ``values``)
    is left out, so the summary states what most sources say; the difference itself is listed by the
    discrepancies stage.
    """
    stem = al.stemmer.stem
    day_words = {stem(w) for w in (*WEEKDAYS, *MONTH_NAMES)}
    pool = [j for j in range(len(al.sentences)) if values[j] > 0]
    cores = [set(al.stems[j]) - day_words for j in pool]
    index: dict[str, list[int]] = defaultdict(list)
    for k, core in enumerate(cores):
        for s in core:
            index[s].append(k)
    out: set[int] = set()
    for i in cands:
        core_i = set(al.stems[i]) - day_words
        if not core_i:
            continue
        shared: dict[int, int] = defaultdict(int)
        for s in core_i:
            for k in index.get(s, ()):
                shared[k] += 1
        numbers_i, days_i = numbers_in(al.sentences[i].text), set(al.stems[i]) & day_words
        for k, common in shared.items():
            j = pool[k]
            if (al.source_of[j] == al.source_of[i] or values[j] <= values[i]
                    or common / len(core_i | cores[k]) < _SAME_STATEMENT):
                continue
            numbers_j, days_j = numbers_in(al.sentences[j].text), set(al.stems[j]) & day_words
            if (numbers_i and numbers_j and numbers_j != numbers_i) or (days_i and days_j and days_j != days_i):
                out.add(i)
                break
    return out


def _select_ilp(
    lengths: np.ndarray, weights: np.ndarray, incidence: sparse.csr_matrix, pairs: list[tuple[int, int]],
    cap: int, seconds: float, nodes: int, fixed: Sequence[int] = (),
) -> list[int] | None:
    # a concept only one candidate has is folded into that sentence's own value (same optimum, fewer variables)
    holders = np.asarray(incidence.sum(axis=0)).ravel()
    single = holders <= 1
    own_value = incidence[:, single] @ weights[single]
    incidence = incidence[:, ~single].tocsr()
    weights = weights[~single]
    m, k = incidence.shape
    cost = np.concatenate([-own_value, -weights])
    rows = [sparse.hstack([sparse.csr_matrix(lengths.reshape(1, -1)), sparse.csr_matrix((1, k))])]
    # concept c counts only if a selected sentence contains it: c - sum(s_i, i has c) <= 0
    rows.append(sparse.hstack([-incidence.T, sparse.identity(k)]))
    upper = [np.array([cap]), np.zeros(k)]
    if pairs:
        p = np.array(pairs)
        data = np.ones(2 * len(pairs))
        r = np.concatenate([np.arange(len(pairs)), np.arange(len(pairs))])
        rows.append(sparse.csr_matrix((data, (r, np.concatenate([p[:, 0], p[:, 1]]))), shape=(len(pairs), m + k)))
        upper.append(np.ones(len(pairs)))
    constraint = LinearConstraint(sparse.vstack(rows).tocsr(), -np.inf, np.concatenate(upper))
    lower = np.zeros(m + k)
    for r in fixed:
        lower[r] = 1  # a sentence the summary must hold (a lede)
    result = milp(
        cost, constraints=[constraint], integrality=np.ones(m + k), bounds=Bounds(lower, 1),
        options={"time_limit": seconds, "node_limit": nodes, "disp": False},
    )
    if result.x is None:
        return None
    return [i for i in range(m) if result.x[i] > 0.5]


def _select_greedy(
    lengths: np.ndarray, weights: np.ndarray, members: list[list[int]], blocked: dict[int, set[int]], cap: int,
    fixed: Sequence[int] = (),
) -> list[int]:
    chosen: list[int] = list(fixed)
    covered: set[int] = {c for r in fixed for c in members[r]}
    used = sum(int(lengths[r]) for r in fixed)
    remaining = set(range(len(members))) - set(chosen)
    while remaining:
        best, best_gain = -1, 0.0
        for i in remaining:
            if used + lengths[i] > cap or blocked[i] & set(chosen):
                continue
            gain = sum(weights[c] for c in members[i] if c not in covered) / lengths[i]
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:
            break
        chosen.append(best)
        covered.update(members[best])
        used += int(lengths[best])
        remaining.discard(best)
    return chosen


#: A candidate whose content stems (at least this many) are all in another candidate of its article repeats it.
_REPEAT_STEMS = 4


def _repeats_in_article(cands: list[int], al: Alignment) -> list[tuple[int, int]]:
    """Pairs of candidates (local indices) of one article of which one repeats the other's content stems.

    ``carriers`` links sentences of different articles; a page can say a thing twice itself — a photo's
    caption repeating a sentence, a headline glued in front of one — and the summary should not.
    """
    by_article: dict[int, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for r, i in enumerate(cands):
        stems = frozenset(al.stems[i])
        if len(stems) >= _REPEAT_STEMS:
            by_article[al.article_of[i]].append((r, stems))
    pairs = []
    for members in by_article.values():
        for k, (r, a) in enumerate(members):
            for q, b in members[k + 1 :]:
                if a <= b or b <= a:
                    pairs.append((r, q))
    return pairs


#: A restatement: the sentence stating fewer facts has at least this many (figures and names, one figure at
#: least), the two state nearly the same ones (this Jaccard similarity at least: not one fact of a longer
#: sentence about something else) and it shares at least this share of its content stems with the other.
_RESTATED_FACTS = 4
_RESTATED_SAME_FACTS = 0.6
_RESTATED_OVERLAP = 0.35


def _restatements(cands: list[int], al: Alignment) -> list[tuple[int, int]]:
    """Pairs of candidates (local indices) of different articles stating the same facts in other words.

    "The jetliner, carrying 239 passengers and crew, disappeared on March 8 … from Kuala Lumpur bound for
    Beijing." and "Flight MH370 vanished en route from Kuala Lumpur to Beijing on 8 March with 239
    passengers on board." share too few words to carry each other (``carriers``: three quarters of the
    stems) yet one states every figure and name of the other: a summary says it once.
    """
    facts = [al.facts[i] for i in cands]
    sets = [{*f.numbers, *f.names} for f in facts]
    stems = [set(al.stems[i]) for i in cands]
    pairs = []
    for r, f in enumerate(facts):
        if not f.numbers or len(sets[r]) < _RESTATED_FACTS or not stems[r]:
            continue
        for q in range(len(cands)):
            if q == r or al.article_of[cands[q]] == al.article_of[cands[r]] or len(sets[q]) < len(sets[r]):
                continue
            if not f.numbers <= facts[q].numbers or not carries(facts[q], f):
                continue
            same = len(sets[r] & sets[q]) / len(sets[r] | sets[q])
            if same >= _RESTATED_SAME_FACTS and len(stems[r] & stems[q]) >= _RESTATED_OVERLAP * len(stems[r]):
                pairs.append((min(r, q), max(r, q)))
    return pairs


def select(al: Alignment, *, options: BriefOptions) -> tuple[list[int], int | None]:
    """Indices of the sentences (into ``al.sentences``) chosen for the summary, and its held lede.

    The indices are in no particular order; the lede (:func:`_lede`, :func:`_first_report_lede`, :func:`_central_lede`) is the
    sentence the summary must open with, ``None`` when there is none.
    """
    stems = al.stemmer
    n = len(al.sentences)
    if n == 0 or options.words <= 0:
        return [], None
    concepts = [_concepts(s.text, stems) for s in al.sentences]
    weight_of = _weights(al, concepts, options)
    lengths_all = [word_count(s.text) for s in al.sentences]
    cands = [
        i
        for i in range(n)
        if options.min_sentence_words <= lengths_all[i] <= min(options.max_sentence_words, options.words)
        and textmod.ends_sentence(al.sentences[i].text)
    ]

    values = [sum(weight_of.get(c, 0.0) for c in cs) for cs in concepts]
    # one source: its lede says what happened, whatever words its later sentences repeat; several: the first
    # report's lede (one the story's concepts weigh)
    latest = None
    if al.sources == 1:
        lede = _lede(al, cands)
    else:
        held = options.earliest_lede and options.words >= options.earliest_lede_words
        weighed = [i for i in cands if values[i] > 0]
        lede = _first_report_lede(al, weighed, options, values) if held else None
        if lede is None and held:  # no first report known (too few dated articles), or it has no lede
            lede = _central_lede(al, weighed, options, values)
        if lede is not None and options.latest_lede:
            latest = _latest_report_lede(al, weighed, options)

    cands = [i for i in cands if values[i] > 0 or i == lede]
    # a summary sentence must stand alone: one opening inside a quotation (its speaker's words, even with
    # no mark of its own), a list's entry ("Name: …") or one opening with a pronoun/connective ("He later
    # …", "However, …") leans on what the reader does not see (kept only when no
    # candidate stands alone)
    cands = [i for i in cands if reads_alone(al, i)] or cands
    # a sentence that is mostly a quotation ("“I am impressed,” said Tu Mingde, …") gives someone's words,
    # which the quotes section lists, not the story's facts
    cands = [i for i in cands if not mostly_quoted(al.sentences[i].text)] or cands
    if len(cands) > options.max_candidates:
        cands = sorted(cands, key=lambda i: (i != lede, -values[i] / lengths_all[i], i))[: options.max_candidates]
        cands.sort()
    outvoted = _outvoted(cands, al, values)
    cands = [i for i in cands if i not in outvoted] or cands
    if not cands:
        best = max(range(n), key=lambda i: (values[i], -i))
        return [best], None
    index = {c: j for j, c in enumerate(sorted({c for i in cands for c in concepts[i] if c in weight_of}))}
    weights = np.zeros(len(index))
    for c, j in index.items():
        weights[j] = weight_of[c]
    members = [[index[c] for c in concepts[i] if c in index] for i in cands]
    rows = [r for r, ms in enumerate(members) for _ in ms]
    cols = [c for ms in members for c in ms]
    incidence = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(cands), len(index)))
    lengths = np.array([lengths_all[i] for i in cands], dtype=float)
    local = {i: r for r, i in enumerate(cands)}
    blocked: dict[int, set[int]] = defaultdict(set)
    for r, i in enumerate(cands):
        for j in al.carriers[i]:
            if j in local:
                blocked[r].add(local[j])
                blocked[local[j]].add(r)
    # a caption or glued title repeating a sentence of its page; a sentence restating another's facts
    for r, q in [*_repeats_in_article(cands, al), *_restatements(cands, al)]:
        blocked[r].add(q)
        blocked[q].add(r)
    pairs = sorted({(min(a, b), max(a, b)) for a, bs in blocked.items() for b in bs})
    fixed = [local[lede]] if lede in local else []
    if fixed and latest in local and latest != lede and local[latest] not in blocked[fixed[0]]:
        fixed.append(local[latest])  # the latest report's lede: where the story stands
    chosen = _select_ilp(
        lengths, weights, incidence, pairs, options.words, options.solver_seconds, options.solver_nodes, fixed
    )
    if chosen is None:
        chosen = _select_greedy(lengths, weights, members, blocked, options.words, fixed)
    picked = [cands[r] for r in chosen]
    return picked, lede if lede in picked else None


def _lede(al: Alignment, cands: list[int]) -> int | None:
    """The first sentence of the first article among ``cands`` that stands alone and is its own words."""
    for i in cands:
        if reads_alone(al, i) and not mostly_quoted(al.sentences[i].text):
            return i
    return None


def _lead_sentences(al: Alignment, cands: list[int], options: BriefOptions) -> dict[int, list[int]]:
    """Per article (index into ``al.articles``), its sentences among ``cands`` in its first ``lead_sentences``."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for i in cands:
        if al.position[i] < options.lead_sentences:
            by_article[al.article_of[i]].append(i)
    return by_article


def _first_report_lede(al: Alignment, cands: list[int], options: BriefOptions, values: Sequence[float]) -> int | None:
    """The lede of the story's first report (``None`` unless at least half the articles are dated).

    The earliest dated article's first sentence among ``cands`` (in its first ``lead_sentences``) that
    stands alone and is its own words; the next article's when it has none.  Input order says nothing of
    which came first, and one dated page among undated ones need not be the first.  The second report's
    lede replaces it when its concept weight (``values``) is at least ``options.second_lede_ratio`` times
    as high and no other source carries it: a first report that is a feature's scene ("Among majestic
    Roman ruins set against an azure sea, Sebastian Cuisenier walked alone …" before "Libya has denied
    U.S.-British allegations that it is delaying the hand-over of two men wanted for … Lockerbie") or a
    side development is not what happened.

    The first report says what happened: against the first sentences of the DUC 2003/2004 and MultiLing
    reference summaries it scores above the summary's best-placed chosen sentence (``benchmarks/lead_quality.py``).
    """
    dated = sorted(
        (a for a, article in enumerate(al.articles) if article.published is not None),
        key=lambda a: (al.articles[a].published, a),
    )
    if 2 * len(dated) < len(al.articles):
        return None
    by_article = _lead_sentences(al, cands, options)
    ledes: list[int] = []
    for a in dated:
        lede = _opening(al, by_article.get(a, []))
        if lede is not None:
            ledes.append(lede)
            if len(ledes) == 2:
                break
    if not ledes:
        return None
    # (not one that later reports repeat: what every source says after the event is often what was said
    # about it, the mayor's words after the flood, not the flood)
    if len(ledes) == 2 and values[ledes[1]] >= options.second_lede_ratio * values[ledes[0]] and al.support[ledes[1]] == 1:
        return ledes[1]
    return ledes[0]


def _central_lede(al: Alignment, cands: list[int], options: BriefOptions, values: Sequence[float]) -> int | None:
    """The lede, among the articles' ledes, that carries the most concept weight for its length.

    For a story whose articles are mostly undated (:func:`_first_report_lede` does not know which report
    came first): each article's first sentence among ``cands`` (in its first ``lead_sentences``) that
    stands alone and is its own words; of those, the highest ``values`` per square root of its words: the
    lede most of what the other sources say is about (the earthquake, not the prime minister's words weeks
    after it).  Not the weight alone, which a long lede gathers by its length; not per word, which favours
    a short sentence of the story's names ("Michelle Obama stands off to the side of her husband.").  With
    every article read undated, the summary's first sentence against the reference summaries'
    (``benchmarks/lead_quality.py --undated``, ROUGE-1 / ROUGE-2 F1, DUC 2003 / DUC 2004 / MultiLing) goes
    from 0.242 / 0.067, 0.244 / 0.065, 0.300 / 0.121 (the sentence standing earliest in an article carrying
    it, the fallback before) to 0.279 / 0.085, 0.264 / 0.088, 0.305 / 0.114 (weight alone: 0.268 / 0.083,
    0.256 / 0.081, 0.266 / 0.108; per word: 0.269 / 0.080, 0.264 / 0.087, 0.315 / 0.129).
    """
    by_article = _lead_sentences(al, cands, options)
    ledes = [i for i in (_opening(al, sentences) for sentences in by_article.values()) if i is not None]
    return max(ledes, key=lambda i: (values[i] / max(word_count(al.sentences[i].text), 1) ** 0.5, -i), default=None)


def _latest_report_lede(al: Alignment, cands: list[int], options: BriefOptions) -> int | None:
    """The lede of the story's latest report: the latest dated article's first sentence among ``cands``.

    In its first ``lead_sentences``, standing alone and its own words; ``None`` when that article has none.
    A long summary holds it beside the first report's lede (:func:`select`): the first report says what
    happened, the latest where the story stands (the sample's Iran story, after the sailors' capture: "At a
    press conference held Friday at the Royal Marine Base Chivenor in Devon, first-hand details of the
    fifteen UK Royal Navy crew's capture and detention by Iran were revealed.").
    """
    dated = [a for a, article in enumerate(al.articles) if article.published is not None]
    if not dated:
        return None
    last = max(dated, key=lambda a: (al.articles[a].published, a))
    year = al.articles[last].published.year  # type: ignore[union-attr]

    def earlier(i: int) -> bool:
        # a sentence naming only earlier years is background or a picture's caption ("Air France A330-200
        # F-GZCP lands at Paris-Charles de Gaulle Airport on March 28, 2007." opening a report of 2010)
        years = [int(y) for y in _YEAR.findall(al.sentences[i].text)]
        return bool(years) and max(years) < year

    text = al.articles[last].text
    lead = sorted(_lead_sentences(al, cands, options).get(last, []), key=lambda i: al.position[i])
    # when such a sentence opens its paragraph and tells a dated picture (:func:`newsbrief.text.is_dated_caption`),
    # the rest of the paragraph is the caption too ("The aircraft was destroyed in Air France Flight 447 when
    # the plane hit and crashed …" after it); "A permanent memorial for the victims of the July 7, 2005 London
    # bombings has been unveiled …" dates the bombings, and "Today is the fourth anniversary …" follows it
    captions = {
        _paragraph_of(text, al.sentences[i].span.start)
        for i in lead
        if earlier(i) and textmod.is_dated_caption(al.sentences[i].text) and _opens_paragraph(text, al.sentences[i].span.start)
    }
    return _opening(al, [i for i in lead if not earlier(i) and _paragraph_of(text, al.sentences[i].span.start) not in captions])


def _paragraph_of(text: str, start: int) -> int:
    """Index of the paragraph (blank-line separated) of ``text`` holding the character at ``start``."""
    return text.count("\n\n", 0, start)


def _opens_paragraph(text: str, start: int) -> bool:
    """The character at ``start`` is the first non-space of its paragraph."""
    return not text[:start].rstrip(" \t").rsplit("\n\n", 1)[-1].strip()


def _opening(al: Alignment, sentences: list[int]) -> int | None:
    """The earliest of an article's ``sentences`` that stands alone and is its own words (not mostly quoted)."""
    for i in sorted(sentences, key=lambda i: al.position[i]):
        if reads_alone(al, i) and not mostly_quoted(al.sentences[i].text):
            return i
    return None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _cleanest(i: int, al: Alignment, vocabulary: dict[str, set[str]], room: int) -> int:
    mutual = [j for j in al.carriers[i] if i in al.carriers[j]]
    options = [i] + [j for j in mutual if word_count(al.sentences[j].text) <= room]
    return min(options, key=lambda j: (_oddness(j, al, vocabulary), j != i, j))


def _cut(text: str, cap: int) -> str:
    return " ".join(text.split()[:cap])


def summarize(al: Alignment, *, options: BriefOptions) -> tuple[SummarySentence, ...]:
    """The story's summary: cited sentences, at most ``options.words`` words, in reading order."""
    chosen, lede = select(al, options=options)
    if not chosen:
        return ()
    vocabulary: dict[str, set[str]] = defaultdict(set)
    for i, stems in enumerate(al.stems):
        for s in stems:
            vocabulary[s].add(al.source_of[i])
    used = sum(word_count(al.sentences[i].text) for i in chosen)
    shown: list[int] = []
    for i in chosen:
        room = word_count(al.sentences[i].text) + max(options.words - used, 0)
        j = _cleanest(i, al, vocabulary, room)
        used += word_count(al.sentences[j].text) - word_count(al.sentences[i].text)
        shown.append(j)
        if i == lede:
            lede = j
    dates = [a.published for a in al.articles]
    far = dt.date.max

    def key(i: int) -> tuple[dt.date, int, int, int]:
        carrying = [i, *al.carriers[i]]
        earliest = min((dates[al.article_of[j]] or far) for j in carrying)
        return (earliest, -al.support[i], al.position[i], al.article_of[i])

    ordered = sorted(shown, key=key)
    # the lead: the sentence that stands earliest in an article carrying it (a lede says what happened; a
    # fact every source repeats is often background: "Cyprus has been a member of the EU since 2004"),
    # among equals the better carried, then reading order.  Against the first sentences of the DUC
    # 2003/2004 and MultiLing reference summaries its ROUGE-1 F1 is 0.24-0.25, where opening with the
    # best-carried sentence gave 0.18-0.19 (docs/briefing.md, "Order").
    opening = {i: min(al.position[j] for j in (i, *al.carriers[i])) for i in ordered}
    rank = {i: k for k, i in enumerate(ordered)}
    lead = lede if lede is not None else min(ordered, key=lambda i: (opening[i], -al.support[i], rank[i]))
    ordered = [lead] + [i for i in ordered if i != lead]
    out = []
    for i in ordered:
        spans: list[Span] = [al.sentences[i].span]
        spans += [al.sentences[j].span for j in sorted(al.carriers[i], key=lambda j: (al.article_of[j], j))]
        text = al.sentences[i].text
        if word_count(text) > options.words:
            text = _cut(text, options.words)
        out.append(SummarySentence(text=text, spans=tuple(spans), article_ids=al.article_ids_of(i), support=al.support[i]))
    return tuple(out)


def summary_text(summary: Sequence[SummarySentence]) -> str:
    """The summary sentences as plain text, one per line (what ``--format text`` prints)."""
    return "\n".join(s.text for s in summary)
