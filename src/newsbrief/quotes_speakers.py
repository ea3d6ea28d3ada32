"""Who speaks a quotation: the attribution rules of :mod:`newsbrief.quotes`.

The speaker comes from the attribution next to the quote — "X said", "said X", "X told reporters",
"according to X", "X said: …", "Says X: …", "an agency quoted X as saying" — where X is an entity
mention of the parsed article.  A pronoun ("he said") resolves to the person who speaks in the sentence
before the quote, else to that sentence's subject (:func:`_antecedent`); a title ("the diplomat said") to
the person of the article whose role contains that noun, else to the subject of the nearest sentence
before that names a person (:func:`resolve_title`).  A quotation inside reported speech ("X said the plan
was ``dead on arrival''") goes to the subject of its sentence's reporting clause (:func:`_reported`).
The rules and their measured effect are in ``docs/analysis.md`` ("Quotes").

Regular expressions over the clean text, not spaCy's dependency parse: the briefing loads spaCy for NER
only (the parser would cost most of a briefing's time), and newswire attribution is formulaic enough.

>>> from newsbrief.entities import Mention
>>> text = 'Mayor Ann Lee opened the bridge. "It is a great day for the city," she said.'
>>> people = [Mention("a", "Ann Lee", "PERSON", 6, 13)]
>>> attribute(text, (33, text.index("she") - 1), people).form
'Ann Lee'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate

from wordfreq import zipf_frequency

from newsbrief.dates import IRREGULAR_PAST
from newsbrief.entities import Mention, inside_longer_name
from newsbrief.model import Entity
from newsbrief.names import TITLE_HEADS, given_name_pronoun, name_tokens, surname_matches
from newsbrief.text import QUOTE, TITLE_ABBREVIATIONS

# how far before a quotation the antecedent of "he said" is looked for (characters)
PRONOUN_WINDOW = 400

# a day between "quoted" and "by" ("was quoted Saturday by the daily Hurriyet as saying")
_ON_DAY = r"(?:(?:on\s+)?\w+day\s+)?"
_VERBS = (
    r"said|says|say|told|tells|added|adds|asked|declared|stated|explained|insisted|warned|noted|replied|"
    r"continued|announced|wrote|argued|claimed|stressed|urged|remarked|recalled|complained|acknowledged|"
    r"admitted|conceded|charged|predicted|vowed|promised|cautioned|emphasized|emphasised|observed|"
    r"wondered|wanted\s+to\s+know|put\s+it|puts\s+it|"
    r"writes|tweeted|tweets|posted|joked|quipped|replies|explains|notes|asks|insists|warns|argues|"
    r"claims|responded|answered|countered|exclaimed|boasted|testified|concluded|reiterated|"
    rf"was\s+quoted\s+{_ON_DAY}(?:by\s+[\w&.'\u2019 -]{{1,60}}?\s+)?as\s+saying"
)
#: any word that reports someone's words (a reporting verb, "saying", "called")
REPORTING_WORD = re.compile(rf"\b(?:{_VERBS}|saying|called|calls)\b", re.I)
# "an agency quoted X as saying": the speaker is X, not the agency ("X was quoted by Y as saying": X)
_QUOTED_AS = re.compile(rf"\bquoted\s+(?!{_ON_DAY}by\b)(?P<who>[^!?,;\"`\u201c\u201d]{{1,70}}?)\s+as\s+saying\b", re.I)
# a speaker never spans a quotation mark (``, “, ”, ")
_AFTER_SUBJECT_VERB = re.compile(rf"^[\s,]*(?P<who>[^!?\"`\u201c\u201d]{{1,70}}?)\s+(?:{_VERBS})\b", re.I)
_AFTER_VERB_SUBJECT = re.compile(rf"^[\s,]*(?:{_VERBS})\s+(?P<who>[^!?,;\"`\u201c\u201d]{{1,70}})", re.I)
_NAME_ASKED = re.compile(
    r"^\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s+(?:asked|said|wondered|wanted\s+to\s+know|shouted|cried)[.,]"
)
_AFTER_ACCORDING = re.compile(r"^[\s,]*according\s+to\s+(?P<who>[^!?,;\"`\u201c\u201d]{1,70})", re.I)
_BEFORE = re.compile(
    rf"(?P<who>[^!?\"`\u201c\u201d]{{1,70}}?)\s+(?:{_VERBS})(?:\s+(?P<word>\w+))?(?:\s+(?P<adverb>\w+ly))?\s*[:,]?\s*$", re.I
)
# a reporting verb right after a name (an apposition in commas may come between) or right before it
_SPEAKS_AFTER = re.compile(rf"(?:,[^,;!?\"`]{{1,70}})?,?(?:\s+(?:also|then|later|again|\w+ly))?\s+(?:{_VERBS})\b", re.I)
# "…, said X" or "said a spokesman, X": the words between the verb and the name are a lower-case
# description, not other names ("said the Coco, Segovia and Cruta rivers" lists rivers)
_SPEAKS_BEFORE = re.compile(
    r"\b(?i:said|says|added|adds|continued|explained|stated|wrote|insisted)\s+"
    r"(?:(?:[a-z][\w.'-]*\s+){0,3}[a-z][\w.'-]*,\s+)?$"
)
# where a sentence starts: after a full stop (and closing quotes), before a capital or an opening quote
_SENTENCE_START = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?]['\"\u201d\u2019]*\s+(?=[`\"\u201cA-Z])")
# (not after a title abbreviation: "Rep. Dick Armey", "Gen. Atilla Ates", "Cmdr. William Marks" continue the
# sentence; the shorter ones are a capital and at most two lower-case letters, which the pattern never cuts)
_LONG_TITLE_ABBREVIATIONS = [t for t in TITLE_ABBREVIATIONS if len(t) >= 4]
_SENTENCE_BREAK = re.compile(
    r"\n\s*\n|(?<![A-Z])[a-z0-9)]{2}" + "".join(rf"(?<!\b{t})" for t in _LONG_TITLE_ABBREVIATIONS) + r"[.]\s+[A-Z]"
)
# a clause between a quotation and "quoted X as saying" ("…,'' the agency quoted X as saying")
_AFTER_CLAUSE = re.compile(r"[\s,]*[^!?\"`\u201c\u201d]{0,70}$")
_QUOTED_AS_BEFORE = re.compile(
    rf"\bquoted\s+(?!{_ON_DAY}by\b)(?P<who>[^!?,;\"`\u201c\u201d]{{1,70}}?)\s+as\s+saying(?:\s+that)?\s*[:,]?\s*$",
    re.I,
)
# reporting verbs that introduce reported speech ("X said the plan was ``…''", "X wrote that …")
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|added|adds|insisted|warned|noted|stated|explained|argued|claimed|predicted|"
    r"complained|saying|(?:wrote|writes)\s+that|(?<!-)called\s+(?:it|them|him|her|this|that|for))\b",
    re.I,
)
# a sentence closing with its attribution after a quotation inside it: "…, said X." / "…, X said."
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:(?:said|says|added)\s+(?P<who>[^,;!?]{1,70}?)|(?P<who2>[^,;!?]{1,70}?)\s+(?:said|says|added))"
    r"(?:,[^.!?]*)?[.]?\s*$"
)
_BEFORE_INVERTED = re.compile(r"\b(?:said|says|added|adds)\s+(?P<who>[^!?,;\"`\u201c\u201d]{1,70}?)\s*:\s*$", re.I)
_DESCRIPTION_COMMA = re.compile(r",\s*")
_QUOTE_MARK = re.compile(r"``|''|[\"\u201c\u201d]")
# a word or three in quotation marks: a term or scare quote ("attacking ``misrepresentations'' and …")
_QUOTED_TERM = re.compile(r"(?:``|[\"\u201c])[^\s\"\u201c\u201d`']+(?:\s[^\s\"\u201c\u201d`']+){0,2}(?:''|[\"\u201d])")


def _quotation_in(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a quotation mark other than those of quoted terms of ≤ 3 words.

    >>> t = "Phillip Roe, who attacks ``misrepresentations'' and ``propaganda'' in schools, said"
    >>> _quotation_in(t, 0, len(t)), _quotation_in('``We will win,'' Roe said', 0, 25)
    (False, True)
    """
    return _QUOTE_MARK.search(_QUOTED_TERM.sub(" ", text[start:end])) is not None


_PRONOUN = re.compile(r"^(?:he|she|they|we|i)$", re.I)
_THIRD_PERSON = re.compile(r"^(?:he|she)$", re.I)
_PREPOSITION = re.compile(r"(?:in|to|on|at|during|after|before|from|with|by|for|via|through|over|under)\b", re.I)
# the noun phrase right before a reporting verb: "…, the Brazilian defence minister said"
# (definite only, and not an unnamed one: "the unidentified officer" is nobody named before)
_CLAUSE_NOMINAL = re.compile(
    r"\bthe\s+(?!(?:[\w-]+\s+){0,3}?(?:unidentified|unnamed|anonymous|other)\b)(?P<before>(?:[\w-]+\s+){0,3}?)"
    r"(?P<noun>[\w-]+)\s*$",
    re.I,
)
# an unnamed person of an organisation: "a senior IMF official", "one European Union official", "a former
# Microsoft researcher" — an indefinite article or a number before a title noun (the organisation inside);
# not its spokesman, who speaks for it ("a Microsoft spokesman said")
_UNNAMED_MEMBER = re.compile(
    rf"^(?:a|an|one|another|two|three|several|some|other)\s+(?:[\w.'-]+\s+){{0,5}}?"
    rf"(?:{'|'.join(sorted(TITLE_HEADS - {'spokesman', 'spokeswoman', 'spokesperson'}))})s?\b",
    re.I,
)
_INDEFINITE = re.compile(r"(?:a|an|one|another)\s", re.I)
# an organisation's name used as a modifier of a lower-case noun (not its spokesman, who speaks for it)
_MODIFIED_NOUN = re.compile(r"\s+(?!spokes)[a-z][\w-]*")
# lower-case words naming someone, then the organisation they are from ("the researcher from", "officials at")
_MEMBER_OF = re.compile(r"^(?:[a-z][\w-]*\s+){0,4}?(?P<noun>[a-z][\w-]*)\s+(?:from|at|of|with|in|for)\s+(?:the\s+)?$")
_NOMINAL = re.compile(r"^(?:the|a|an|this|that)\s+(?P<before>(?:[\w-]+\s+){0,3}?)(?P<noun>[\w-]+)$", re.I)


class Title(str):
    """A title noun that names a quotation's speaker ("leader"), with the capitalised words written before it.

    "the Malaysian leader said" gives ``Title("leader", ("malaysian",))``: the story's "opposition leader"
    is not that leader, its "Malaysian Prime Minister" may be (:func:`role_fits`).

    >>> t = Title("leader", ("malaysian",))
    >>> t, t.qualifiers, t == "leader"
    ('leader', ('malaysian',), True)
    """

    qualifiers: tuple[str, ...]

    def __new__(cls, noun: str, qualifiers: tuple[str, ...] = ()) -> Title:
        title = super().__new__(cls, noun)
        title.qualifiers = qualifiers
        return title


def _title(nominal: re.Match[str]) -> Title:
    """The title a nominal phrase names; its capitalised words before the noun qualify it ("the French president")."""
    qualifiers = tuple(w.lower() for w in nominal.group("before").split() if w[:1].isupper())
    return Title(nominal.group("noun").lower(), qualifiers)


def role_fits(title: str, role: str) -> bool:
    """A role ("opposition leader") is one the title names: it holds the noun and every capitalised qualifier.

    A qualifier matches a role word it shares its first five letters with ("Malaysian" / "Malaysia's").

    >>> role_fits(Title("leader", ("malaysian",)), "opposition leader")
    False
    >>> role_fits(Title("minister", ("australian",)), "Australian Prime Minister")
    True
    >>> role_fits("minister", "Malaysia's Prime Minister")
    True
    """
    words = role.lower().split()
    if title not in words:
        return False
    qualifiers = getattr(title, "qualifiers", ())
    return all(any(w[:5] == q[:5] for w in words) for q in qualifiers)


_ONLY_THE = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)


def _mention_in(mentions: list[Mention], start: int, end: int) -> Mention | None:
    inside = [m for m in mentions if m.start >= start and m.end <= end and m.kind in {"PERSON", "ORG"}]
    people = [m for m in inside if m.kind == "PERSON"]
    chosen = people or inside
    return chosen[0] if chosen else None


def attribute(text: str, outer: tuple[int, int], mentions: list[Mention]) -> Mention | str | None:
    """The speaker of the quotation at ``outer`` (its span with the quote marks).

    A mention, a title noun ("diplomat") for :func:`resolve_title`, or None.
    """
    qs, qe = outer
    after = text[qe : qe + 120]
    # a quotation that ends its sentence ('…Ankara.'' Moussa said Mubarak had …) is not attributed by
    # the next sentence's subject; '"…?" asked X' still is (the verb follows in lower case)
    ended = text[:qe].rstrip("'\"\u201d\u2019` ")[-1:] in {".", "!", "?"} and after.lstrip()[:1].isupper()
    if ended and text[:qe].rstrip("'\"\u201d\u2019` ")[-1:] in {"!", "?"} and _NAME_ASKED.match(after):
        # '``Where did you get the nerve?'' Walters wanted to know.': a question's speaker, whose clause
        # ends right after the verb, is no next sentence's subject
        ended = False
    if not ended:
        quoted = _QUOTED_AS.search(after)
        if quoted and _AFTER_CLAUSE.match(after, 0, quoted.start()) and not _SENTENCE_BREAK.search(after, 0, quoted.end()):
            return _who(text, qe + quoted.start("who"), qe + quoted.end("who"), qs, mentions)
    for pattern in () if ended else (_AFTER_ACCORDING, _AFTER_VERB_SUBJECT, _AFTER_SUBJECT_VERB):
        match = pattern.match(after)
        if match and pattern is _AFTER_SUBJECT_VERB and _AND_OPENS.match(match.group("who")):
            # 'Turkey warned Syria that its ``patience was running out,'' and Prime Minister X was quoted …
            # as saying': "and" opens a clause of its own, whose subject reports the next quotation
            match = None
        if match:
            who_start, who_end = qe + match.start("who"), qe + match.end("who")
            cut = _SENTENCE_BREAK.search(text, who_start, who_end)
            if cut is not None and pattern is not _AFTER_SUBJECT_VERB:
                # '…," said Secretary Ali Larijani. On Wednesday …': the speaker ends with the sentence
                who_end = cut.start() + (2 if text[cut.start()].isalnum() or text[cut.start()] == ")" else 0)
                cut = None
            if pattern is _AFTER_VERB_SUBJECT:
                # '…," said a WeWork spokesperson when contacted by Reuters': the subject ends where a
                # clause or the one spoken to begins (_SUBJECT_ENDS); the one asking is no speaker
                clause = _SUBJECT_ENDS.search(text, who_start, who_end)
                if clause is not None:
                    who_end = clause.start()
            if cut is None and who_end > who_start and pattern is _AFTER_SUBJECT_VERB:
                # '"…" to the United States from Islamic State, the White House said': the quotation's
                # sentence goes on; the subject is the name that alone follows its last comma (not a
                # description's: '"…," Pierre Montfort, a resident living close to Le Petit Cambodge said')
                comma = text.rfind(",", who_start, who_end)
                last = _mention_in(mentions, comma, who_end) if comma >= 0 else None
                if last is not None and _ONLY_THE.fullmatch(text, comma + 1, last.start) and not text[last.end : who_end].strip():
                    who_start = comma + 1
            if cut is None and who_end > who_start:
                named = _named_after_description(text, who_start, who_end, mentions)
                if pattern is _AFTER_VERB_SUBJECT and named is not None:
                    return named
                # no speaker in the clause ('``…'' once a second, said X'): the sentence's attribution
                return _who(text, who_start, who_end, qs, mentions) or _reported(text, outer, mentions)
    before_start = max(0, qs - 120)
    quoted = _QUOTED_AS_BEFORE.search(text, before_start, qs)
    if quoted and not _SENTENCE_BREAK.search(text, quoted.start(), qs):
        return _who(text, quoted.start("who"), quoted.end("who"), qs, mentions)
    inverted = _BEFORE_INVERTED.search(text, before_start, qs)
    if inverted and not _SENTENCE_BREAK.search(text, inverted.start("who"), inverted.end("who")):
        # "Says defensive end X: ``…": the verb before its subject
        who = _who(text, inverted.start("who"), inverted.end("who"), qs, mentions)
        if who is not None:
            return who
    match = _BEFORE.search(text, before_start, qs)
    # 'and said the ``worst of the agents''': a lower-case word of the clause (not a day: "said Friday,
    # ``…''") between the verb and the quote makes it a partial quotation in reported speech
    partial = match is not None and _partial(match)
    # "…, and said quietly, ``…''": the sentence's subject, which _reported reads, is the better evidence
    # than the words right before the verb ("… a partner at Kleiner Perkins, and said quietly")
    manner = match is not None and _manner(match)
    whole = match is not None and not _SENTENCE_BREAK.search(text, match.start("who"), match.end("who"))
    if match and whole and not partial and not manner:
        if _COORDINATED.search(text, match.start("who"), match.end("who")):
            return _coordinated_subject(text, outer, match.end("who"), mentions)
        return _named_before(text, match, qs, mentions)
    reported = _reported(text, outer, mentions)
    if reported is not None or match is None:
        return reported
    if whole and manner:
        return _named_before(text, match, qs, mentions)
    return _subject_in_own_clause(text, match, qs, mentions)


_AND_OPENS = re.compile(r"and\s", re.I)
# a reporting verb coordinated with an earlier one: "…, but said", "… and then said"
_COORDINATED = re.compile(r"(?:,\s*|\s)(?:but|and|yet)(?:\s+(?:then|also|later))?$", re.IGNORECASE)
# a conjunction opening a clause of time or cause, whose own subject a coordinated verb may share
_SUBORDINATOR = re.compile(r"\b(?:after|when|while|because|since|before|until|although|though|once)\b", re.IGNORECASE)


def _coordinated_subject(text: str, outer: tuple[int, int], verb_start: int, mentions: list[Mention]) -> Mention | str | None:
    """The speaker of a reporting verb coordinated with an earlier verb of its sentence ("…, but said, ``…''").

    The verb shares the subject of the clause it is coordinated in, not the name nearest before it: "Alun
    Michael acknowledged that Pinochet entered Britain on a diplomatic passport, but said, ``…''" is
    Alun Michael's (the sentence's subject, :func:`_reported`); "Gephardt complained … after Carville
    appeared on ``Meet the Press'' and declared, ``…''" is Carville's, the first person after the last
    conjunction of time or cause before the verb.
    """
    start, _ = _sentence_bounds(text, *outer)
    clauses = list(_SUBORDINATOR.finditer(text, start, verb_start))
    if clauses:
        person = next((m for m in mentions if m.kind == "PERSON" and clauses[-1].end() <= m.start and m.end <= verb_start), None)
        if person is not None:
            return person
    return _reported(text, outer, mentions)


def _named_before(text: str, match: re.Match[str], quote_start: int, mentions: list[Mention]) -> Mention | str | None:
    """The subject of ``_BEFORE``'s verb: the person a relative clause describes, else the words before the verb."""
    subject = _before_relative_clause(text, match.start("who"), match.end("who"), mentions)
    return subject or _who(text, match.start("who"), match.end("who"), quote_start, mentions)


def _subject_in_own_clause(text: str, match: re.Match[str], quote_start: int, mentions: list[Mention]) -> Mention | str | None:
    """The speaker named before the verb in the quotation's own clause, when ``_BEFORE``'s match opens earlier.

    The leftmost match may open in an earlier sentence ("… for the girls.\n\nObama tweeted: “…”") or before an
    interview's speaker label ("Michelle Obama: Malia asked, “…”"): the subject follows the last break or
    colon.  Asked only when nothing else names the speaker (a sentence reporting someone's words before the
    quotation is the better evidence: "McLeish says … He said: “…”").
    """
    while True:
        breaks = list(_SENTENCE_BREAK.finditer(text, match.start("who"), match.end("who")))
        colon = text.rfind(":", match.start("who"), match.end("who"))
        after_break = breaks[-1].end() - (1 if text[breaks[-1].end() - 1].isupper() else 0) if breaks else -1
        cut = max(after_break, colon + 1 if colon >= 0 else -1)
        if cut < 0:
            break
        found = _BEFORE.search(text, cut, quote_start)
        if found is None:
            return None
        match = found
    if _partial(match):
        return None  # a partial quotation in reported speech
    if _pronoun_subject(text[match.start("who") : match.end("who")]):
        return None  # "He added: “…”" after a run of quotations: the run's speaker goes on (extract_quotes)
    start, end = match.start("who"), match.end("who")
    if text[start:end].strip().lower() == "it":
        return _who(text, start, end, quote_start, mentions)  # the organisation named before
    # the name right before the verb, an apposition aside ("Astana manager Marc Biver declared:", "In the New
    # York Times, Guy Trebay wrote,", "India Allen, 13, put it:"), never one further back ("In a ruling that
    # predated ATM surcharges, the court said Congress …")
    adjacent = [m for m in mentions if start <= m.start and m.end <= end and _APPOSITION_ONLY.fullmatch(text, m.end, end)]
    if adjacent:
        return adjacent[0]
    tail = max(start, text.rfind(",", start, end) + 1)
    if _BARE_NAME.fullmatch(text[tail:end].strip()):
        return _who(text, tail, end, quote_start, mentions)  # a name the NER missed ("Hughes added:")
    return None


# nothing, or an apposition in commas, between a name and its verb ("India Allen, 13, put it:")
_APPOSITION_ONLY = re.compile(r"\s*(?:,[^,;:.!?]{1,60},)?\s*")
_BARE_NAME = re.compile(r"(?:But\s+|And\s+)?[A-Z][\w'.\u2019-]+(?:\s+[A-Z][\w'.\u2019-]+){0,2}")


def _manner(match: re.Match[str]) -> bool:
    """An adverb of manner stands between the reporting verb and the quotation.

    ("replied quietly, “…”", "replied somewhat stiffly, “…”").
    """
    word = match.group("word") or ""
    return word[:1].islower() and (word.lower().endswith("ly") or match.group("adverb") is not None)


def _partial(match: re.Match[str]) -> bool:
    """A partial quotation in reported speech: a lower-case word between the reporting verb and the quotation.

    ("and said the ``worst of the agents''"); an adverb of manner (:func:`_manner`) makes none.
    """
    return (match.group("word") or "X")[:1].islower() and not _manner(match)


# where the subject after "said" ends: a clause ("when contacted by Reuters", "while visiting …") or the
# one spoken to ("to reporters"); not "of"/"for"/"at", which tie a person to an organisation ("a spokesman
# for Exxon"), nor "by"/"in", which may name the author ("a joint statement by the IMF", "an editorial in
# the daily Eleftherotypia")
_SUBJECT_ENDS = re.compile(r"\s(?:when|while|after|before|during|following|upon|citing|adding|to)\b")


# ", who lives near …, where …," between a speaker and the verb: the places and people in it do not speak
_RELATIVE = re.compile(r",\s+(?:who|whose|where|which)\b")
_RELATIVE_REACH = 200
# a relative clause about a person ("Saqib, who heads …"), and the name its comma follows
_WHO_CLAUSE = re.compile(r",\s+(?:who|whose)\b")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'\u2019.-]*$")


def _before_relative_clause(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The person a relative clause between the speaker and "said" describes: "X, who lives near Y, said: …".

    When the words before the reporting verb open with (or hold) a relative clause, the subject is the
    last person before the clause's comma, in the same sentence.
    """
    clause = _RELATIVE.search(text, max(0, start - _RELATIVE_REACH), end)
    if clause is None:
        return None
    sentence_start = max(
        (m.end() for m in _SENTENCE_START.finditer(text, max(0, start - _RELATIVE_REACH), clause.start())),
        default=max(0, start - _RELATIVE_REACH),
    )
    people = [m for m in mentions if m.kind == "PERSON" and sentence_start <= m.start and m.end <= clause.start()]
    if not people or people[-1].end < clause.start() - 2:
        return None  # the clause does not describe a person named right before it
    return people[-1]


_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")


def _ends_relative_clause(text: str, mention: Mention, window: int) -> bool:
    """The mention closes a relative clause about a person: "Saqib, who heads an inquiry into bin Laden, says".

    The reporting verb after it is the clause's person's (bin Laden does not speak): the clause opens with
    "who"/"whose" and its comma right after a name, in the same sentence, and has no comma of its own
    before the mention. (Not "where": "in Kabul, where Saqib says" is Saqib's.)
    """
    clauses = list(_WHO_CLAUSE.finditer(text, max(window, mention.start - _RELATIVE_REACH), mention.start))
    clause = clauses[-1] if clauses else None
    if clause is None or "," in text[clause.end() : mention.start] or _SENTENCE_START.search(text, clause.end(), mention.start):
        return False
    return _NAME_BEFORE.search(text, max(0, clause.start() - 40), clause.start()) is not None



def _named_after_description(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The person named right after a description that names no person: "said the league's coordinator, X".

    A person the description is about does not count: "said Wang's wife, Hu Jiangxia" is Hu Jiangxia.

    The description may name an organisation, which does not speak here.
    """
    # a person the description is about ("said Wang's wife, Hu Jiangxia") is not who it describes
    described = [m for m in mentions if m.kind == "PERSON" and not _POSSESSIVE_AFTER.match(text, m.end)]
    if _mention_in(described, start, end) is not None:
        return None
    gap = _DESCRIPTION_COMMA.match(text, end)
    if gap is None:
        return None
    return next((m for m in mentions if m.kind == "PERSON" and m.start == gap.end()), None)


def _sentence_bounds(text: str, qs: int, qe: int) -> tuple[int, int]:
    """Start and end of the sentence a quotation stands in (within its paragraph)."""
    para_start = text.rfind("\n\n", 0, qs)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", qe)
    para_end = len(text) if para_end < 0 else para_end
    starts = [m.end() for m in _SENTENCE_START.finditer(text, para_start, qs)]
    end = _SENTENCE_START.search(text, qe, para_end)
    return (starts[-1] if starts else para_start), (end.start() + 1 if end else para_end)


def _reported(text: str, outer: tuple[int, int], mentions: list[Mention]) -> Mention | str | None:
    """A quotation inside reported speech: the speaker of its sentence's reporting clause.

    "X said the plan was ``dead on arrival''" gives X: the first person (else body) before the last
    reporting verb of the sentence before the quotation; a pronoun subject resolves as in "he said".
    "… ``…'' once a week, said X." gives X: the sentence closes with the attribution.
    """
    qs, qe = outer
    start, end = _sentence_bounds(text, qs, qe)
    tail = _TRAILING_ATTRIBUTION.search(text, qe, end)
    if tail and not _QUOTE_MARK.search(text, qe, tail.start()):
        group = "who" if tail.group("who") else "who2"
        if group == "who" and _PREPOSITION.match(tail.group("who")):
            # '"…?" Yik-Kiong Hue, a relative, said in an email to AFP.': what follows the verb is no
            # speaker (nor is the agency it was said to); the person before the verb is
            return _mention_in([m for m in mentions if m.kind == "PERSON"], qe, tail.start())
        return _who(text, tail.start(group), tail.end(group), qs, mentions)
    verbs = list(_REPORTING.finditer(text, start, qs))
    if not verbs or _quotation_in(text, start, verbs[-1].start()):
        return None  # no reporting verb, or another quotation before it: no plain reporting clause
    verb = verbs[-1]
    # a pronoun opening the sentence is its subject ("He said the member … and said the ``…''"), not a
    # name later in the clause
    pronoun = _first_pronoun(text[start : verb.start()])
    if pronoun is not None:
        return _antecedent(text, start, mentions, pronoun=pronoun)
    if text[start : verb.start()].strip().lower() == "it":
        return _organisation_antecedent(text, start, mentions)  # "It said the region posed the ``…''"
    mention = _clause_subject(text, start, verb.start(), mentions)
    if _of_unnamed_member(text, start, verb.start(), mention):
        return None
    if mention is None:
        # "However, the Brazilian defence minister said that …, saying that ``…''": a title, resolved as
        # in "the minister said"
        nominal = _CLAUSE_NOMINAL.search(text, start, verbs[0].start())
        if nominal and nominal.group("noun").lower() in TITLE_HEADS:
            return _title(nominal)
    return mention


def reporting_speaker(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | str | None:
    """Who reports in the sentence ``text[start:end]`` that holds no quotation: the speaker its next quotation goes on with.

    "…, said Gavin." (the sentence closes with its attribution) gives Gavin; "But Miles O'Brien, another
    analyst, said what he sees …" gives Miles O'Brien (the subject of its last reporting verb); a pronoun
    subject resolves as in "he said"; no reporting verb, nobody.
    """
    if _quotation_in(text, start, end):
        return None
    tail = _TRAILING_ATTRIBUTION.search(text, start, end)
    if tail and tail.group("who") and not _PREPOSITION.match(tail.group("who")):
        return _who(text, tail.start("who"), tail.end("who"), end, mentions)
    if tail and tail.group("who2"):
        return _who(text, tail.start("who2"), tail.end("who2"), end, mentions)
    verbs = list(_REPORTING.finditer(text, start, end))
    if not verbs:
        return None
    verb = verbs[-1]
    pronoun = _first_pronoun(text[start : verb.start()])
    if pronoun is not None:
        return _antecedent(text, start, mentions, pronoun=pronoun)
    subject = _clause_subject(text, start, verb.start(), mentions)
    return None if _of_unnamed_member(text, start, verb.start(), subject) else subject


def _of_unnamed_member(text: str, start: int, end: int, subject: Mention | None) -> bool:
    """Whether the organisation ``subject`` of the clause ``text[start:end]`` only says whose an unnamed person is.

    "one European Union official in Brussels", "A former Lockheed instructor pilot, who asked not to be named":
    someone of the organisation speaks, unnamed (its spokesman speaks for it: "a Lockheed spokesman").
    """
    if subject is None or subject.kind != "ORG":
        return False
    start = max(start, text.rfind(",", start, subject.start) + 1)  # the organisation's own phrase of the clause
    phrase = " ".join(text[start:end].split())
    if _UNNAMED_MEMBER.match(phrase):
        return True
    # the noun the organisation's name modifies must name a person ("a statement by the 15 EU countries" is
    # theirs)
    stop = text.find(",", subject.end, end)
    head = text[subject.end : end if stop < 0 else stop].split()
    return bool(_INDEFINITE.match(phrase) and _MODIFIED_NOUN.match(text, subject.end, end) and head and _someone(head[-1].lower()))


# a name after these words is who was told or met, or what a thing is called, not who says it ("he told
# Reuters", "met with Dennis Shepard and said", "a feature called Download Booster"); not "by" or "from":
# "the citation by the Karolinska Institute said", "a statement from Air France said" are theirs
_NOT_SUBJECT_BEFORE = re.compile(r"\b(?:to|told|tells|with|called|named|like)\s+(?:the\s+)?$", re.I)
_OF_BEFORE = re.compile(r"\b(?:of|for|at|from|in)\s+(?:(?:the|an?)\s+)?$", re.I)
# between a subject and its reporting verb: nothing, or an adverb or auxiliary ("Samsung also says")
_NEXT_TO_VERB = re.compile(r"\s*(?:(?:also|then|later|again|now|still|has|had|have|\w+ly)\s+)*", re.I)


def _clause_subject(text: str, start: int, verb: int, mentions: list[Mention]) -> Mention | None:
    """Who speaks in the reporting clause ``text[start:verb]`` (before its verb).

    The name right before the verb ("a feature called Download Booster that Samsung says is ``…''": Samsung)
    unless it is an organisation after a person or after "of"/"for"/"at"; else, as :func:`_mention_in`, the
    clause's first person, else its first organisation — leaving out names after "to", "told", "with",
    "called" … (:data:`_NOT_SUBJECT_BEFORE`).
    """
    inside = [
        m for m in mentions
        if m.start >= start and m.end <= verb and m.kind in {"PERSON", "ORG"}
        and not _NOT_SUBJECT_BEFORE.search(text, max(start, m.start - 12), m.start)
    ]
    people = [m for m in inside if m.kind == "PERSON"]
    adjacent = next((m for m in reversed(inside) if _NEXT_TO_VERB.fullmatch(text, m.end, verb)), None)
    if (
        adjacent is not None
        and (adjacent.kind == "PERSON" or not people)
        and not _OF_BEFORE.search(text, max(start, adjacent.start - 12), adjacent.start)
    ):
        # not an organisation after a person, nor one that only says whose someone is ("Yvo de Boer of the
        # UNFCCC had said", "X, a former expert for the NTSB said")
        return adjacent
    if adjacent is None and _NOMINAL_SUBJECT.search(text, start, verb):
        # "While the Kyoto Protocol includes …, the communique says that …": the verb's own subject is a
        # noun phrase after a comma, not a name earlier in the sentence
        return None
    if not inside:
        # "On Wednesday, Iran had said that …": a country right before the verb, its government speaking
        country = next((m for m in mentions if m.kind == "GPE" and start <= m.start and m.end <= verb
                        and _NEXT_TO_VERB.fullmatch(text, m.end, verb)), None)
        if country is not None and _CLAUSE_OPENING.fullmatch(text, start, country.start):
            return country
    # "A senior official of a NATO country said …": an organisation saying whose someone is does not speak
    return _mention_in([m for m in inside if m.kind == "PERSON" or not _OF_BEFORE.search(text, max(start, m.start - 12), m.start)],
                       start, verb)


# what may open a clause before its subject: a time or place phrase and a comma ("On Wednesday, ")
_CLAUSE_OPENING = re.compile(r"\s*(?:[^,;.!?\"\u201c\u201d]{0,40},\s*)?(?:the\s+)?", re.I)


def _country_alone(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """A country that is the whole subject phrase ``text[start:end]`` ("Iran", "the United States"): its government speaks.

    Not the end of an apposition ("…, professor at the University of California, Santa Cruz said").
    """
    if text[max(0, start - 20) : start].rstrip()[-1:] == ",":
        return None
    return next(
        (m for m in mentions if m.kind == "GPE" and _ONLY_THE.fullmatch(text, start, m.start) and not text[m.end : end].strip()),
        None,
    )


# a definite noun phrase opening the clause of a reporting verb, after a comma ("…, the communique says")
_NOMINAL_SUBJECT = re.compile(r",\s+the\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+$", re.IGNORECASE)


_PEOPLE_NOUNS = frozenset(
    "people member members employee employees worker workers staff source sources expert experts".split()
)


def _someone(noun: str) -> bool:
    """A noun for people: a title ("researcher", "officials") or a member of a group ("employees")."""
    return noun in _PEOPLE_NOUNS or noun in TITLE_HEADS or (noun.endswith("s") and noun[:-1] in TITLE_HEADS)


def _pronoun_subject(phrase: str) -> bool:
    """The subject before a reporting verb is a pronoun, perhaps with an adverb: "he", "she also"."""
    words = phrase.split()
    return 0 < len(words) <= 2 and bool(_PRONOUN.match(words[0])) and all(w.islower() for w in words[1:])


def _who(text: str, start: int, end: int, quote_start: int, mentions: list[Mention]) -> Mention | str | None:
    closing = max(text.rfind("''", start, end), text.rfind("\u2019\u2019", start, end))
    if closing >= 0:  # "``The Internet Tidal Wave,'' Gates wrote:": the speaker starts after a quoted title
        start = closing + 2
    comma = text.rfind(",", start, end)
    if comma >= 0 and _pronoun_subject(text[comma + 1 : end]):
        # "… president of the ski federation, where, he said, ``…''": the pronoun after the last comma is
        # the verb's subject, not the title before it
        start = comma + 1
    if _pronoun_subject(text[start:end]):
        # "they added": several people, never the one person before (Matthew Shepard's parents on their son)
        pronoun = text[start:end].split()[0]
        if not _THIRD_PERSON.match(pronoun):
            return None
        return _title_subject_before(text, quote_start, mentions) or _antecedent(text, quote_start, mentions, pronoun=pronoun)
    if text[start:end].strip().lower() == "it":
        return _organisation_antecedent(text, quote_start, mentions)
    mention = _mention_in(mentions, start, end)
    phrase = " ".join(text[start:end].split())
    if _of_unnamed_member(text, start, end, mention):
        return None  # "one European Union official in Brussels said": someone unnamed, not the organisation
    member = _MEMBER_OF.match(" ".join(text[start : mention.start].split()) + " ") if mention is not None else None
    noun = member.group("noun") if member else ""
    if mention is not None and mention.kind == "ORG" and _someone(noun) and not noun.startswith("spokes"):
        # "the researcher from SRE said", "officials at the ministry said": the organisation's people,
        # unnamed (but "a statement from the Foreign Ministry" is the ministry's)
        return noun if noun in TITLE_HEADS else None
    if mention is not None:
        return mention
    head = phrase.split(",")[0].strip()
    if re.fullmatch(r"(?:[A-Z][\w'.-]+\s?){1,3}", head):
        # a name NER missed here ("Mendoza said", "Alain Guilloux, executive director of MSF, said"): the
        # person of the article with that (sur)name
        last = head.split()[-1]
        named = [m for m in mentions if m.kind == "PERSON" and (m.form in {head, last} or surname_matches(last, m.form))]
        if named:
            return named[0]
    nominal = _NOMINAL.match(phrase)
    if nominal and nominal.group("noun").lower() in TITLE_HEADS:
        return _title(nominal)
    if nominal and _FIRST_LADY.search(phrase):
        # "the First Lady said": a title, though "Lady" is no title head ("Lady Gaga" is a name)
        return "lady"
    return _country_alone(text, start, end, mentions)


_FIRST_LADY = re.compile(r"\bfirst\s+lady$", re.IGNORECASE)

# a sentence whose subject is a title noun and whose verb follows it ("The pope seemed to address …", "The
# senator also said"), not a thing of someone's ("The pope's visit …") nor a noun modified ("The general
# consensus is")
_TITLE_SUBJECT = re.compile(
    rf"The\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>[a-z][\w-]*)\s+(?:also\s+|then\s+|later\s+|[a-z]+ly\s+)?"
    rf"(?:[a-z]+ed|{IRREGULAR_PAST}|says|tells|adds|notes|is|was|has|had|will|would)\b"
)


def _title_subject_before(text: str, quote_start: int, mentions: list[Mention]) -> str | None:
    """The title noun that is the subject of the sentence right before a quotation opening its own sentence.

    "The pope seemed indirectly to address the questions. ``…,'' he said.": the "he" is the pope, whoever was
    named earlier (:func:`resolve_title` finds the one with that role, if any) — unless that sentence names
    a person ("The head of the armed forces, Gen. Mario Hung Pacheco, said …": the antecedent rules decide).

    >>> _title_subject_before("The pope spoke of peace. ``We pray,'' he said.", 25, [])
    'pope'
    >>> _title_subject_before("The pope's visit was short. ``We pray,'' he said.", 28, []) is None
    True
    """
    window = max(0, quote_start - PRONOUN_WINDOW)
    starts = [m.end() for m in _SENTENCE_START.finditer(text, window, quote_start + 1) if m.end() <= quote_start]
    if window == 0:
        starts.insert(0, 0)
    # the quotation opens its sentence, and the sentence before it starts within a pronoun's reach
    if len(starts) < 2 or starts[-1] < quote_start - 3:
        return None
    match = _TITLE_SUBJECT.match(text, starts[-2], quote_start)
    if match is None or match["noun"] not in TITLE_HEADS:
        return None
    named = any(m.kind == "PERSON" and starts[-2] <= m.start < quote_start for m in mentions)
    return None if named else match["noun"]


# the one spoken to ("he tells Whispers", "told Reuters"): the listener, not a later "he says"
_LISTENER_BEFORE = re.compile(r"\b(?:tells?|told|telling|asked|informed)\s+$", re.I)


def _people_before(text: str, quote_start: int, mentions: list[Mention]) -> tuple[int, list[Mention]]:
    """The window an antecedent is looked for in, and its PERSON mentions outside quotations (not listeners)."""
    window = max(0, quote_start - PRONOUN_WINDOW)
    quoted = [(m.start(), m.end()) for m in QUOTE.finditer(text, window, quote_start)]
    people = [
        m for m in mentions
        if m.kind == "PERSON" and window <= m.start and m.end <= quote_start
        and not any(s <= m.start < e for s, e in quoted)
        and not _LISTENER_BEFORE.search(text, max(0, m.start - 12), m.start)
    ]
    return window, people


# the subject opening a sentence, after an opening phrase ("In April, the Federal Aviation Administration
# ordered …", "Meanwhile, Malaysia Airlines said …")
_SUBJECT_OPENING = re.compile(r"(?:[^,;.!?\"\u201c]{0,40},\s+)?(?P<the>the\s+)?", re.I)


def _sentence_before(text: str, window: int, position: int) -> int | None:
    """Where the sentence before the one ``position`` stands in starts, if within ``window`` … ``position``."""
    # the last start is that of the sentence at ``position`` (matched up to one character past it: the pattern
    # looks ahead at the capital or mark opening a sentence)
    starts = [window] + [m.end() for m in _SENTENCE_START.finditer(text, window, position + 1) if m.end() <= position]
    return starts[-2] if len(starts) >= 2 else None


def _organisation_antecedent(text: str, quote_start: int, mentions: list[Mention]) -> Mention | None:
    """The organisation an "it said" refers to: the subject of the sentence before, when an organisation.

    "In April, the Federal Aviation Administration ordered U.S. airlines to avoid … It said the region
    posed …" gives the FAA; a sentence whose subject is a thing ("The report, citing maintenance records,
    said …") gives nobody: "it" is the thing.
    """
    sentence_start = _sentence_before(text, max(0, quote_start - PRONOUN_WINDOW), quote_start)
    if sentence_start is None:
        return None
    opening = _SUBJECT_OPENING.match(text, sentence_start)
    at = {opening.end(), opening.start("the") if opening["the"] else opening.end()} if opening else {sentence_start}
    return next((m for m in mentions if m.kind == "ORG" and m.start in at), None)  # (a mention may hold "the")


# a name inside another's apposition, after "of": "Sarah Bajc, the partner of American passenger Philip Wood,
# said" — Bajc speaks, not Wood
_APPOSITION_OF = re.compile(r",\s+(?:the|a|an|his|her|their)\s+[^,;.!?]*\bof\s+[^,;.!?]*$", re.I)


# "…, said Young of the Australian maritime authority.": a surname after a reporting verb
_SAID_NAME = re.compile(r"\b(?:said|says|added|adds)\s+(?P<name>[A-Z][\w'\u2019-]+)\b(?!\s+[A-Z])")


def _said_unrecognised(
    text: str, window: int, quote_start: int, mentions: list[Mention], pronoun: str | None = None
) -> Mention | None:
    """The person of the article a "he said" goes back to when the NER found no one before it.

    "…, said Young of the Australian maritime authority. ``…,'' he added." — "Young", a common word, was
    not taken for a name there; the last "said <Surname>" before the quotation whose surname is that of
    one person of the article (named in full elsewhere) is that person — not one of the other sex than
    ``pronoun`` ("Ms. White said Moreno was charged. ``…,'' she added." is not Daniel Moreno).
    """
    for match in reversed(list(_SAID_NAME.finditer(text, window, quote_start))):
        if _QUOTE_MARK.search(text, match.end(), quote_start):
            continue  # another quotation stands between: its speaker is nearer
        named = {m.form: m for m in mentions if m.kind == "PERSON" and len(name_tokens(m.form)) > 1 and surname_matches(match["name"], m.form)}
        if len(named) == 1 and not _not_meant(text, next(iter(named.values())), pronoun, mentions):
            return next(iter(named.values()))
    return None


# a sentence told on someone's word, who is not named: "According to the friend, …"
_ACCORDING_TO_SOMEONE = re.compile(r"\s*According\s+to\s+(?:the|a|an|his|her|their|one)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,")


# an honorific right before a name (or opening the mention) says whether a "he" or a "she" can be that person
_HONORIFIC_BEFORE = re.compile(r"\b(?P<title>Mrs|Mr|Ms|Miss)\.?\s+$")
_HONORIFIC_OPENING = re.compile(r"(?P<title>Mrs|Mr|Ms|Miss)\.?\s")
_HONORIFIC_GENDER = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}


def _honorific_sex(text: str, mention: Mention) -> str | None:
    """"he"/"she" by the honorific before the mention or opening it ("Mrs Obama" whose form is "Obama")."""
    honorific = _HONORIFIC_BEFORE.search(text, max(0, mention.start - 8), mention.start) or _HONORIFIC_OPENING.match(
        text, mention.start, mention.end
    )
    return _HONORIFIC_GENDER[honorific["title"].lower()] if honorific else None


def _first_pronoun(phrase: str) -> str | None:
    return next((w for w in phrase.split()[:2] if _PRONOUN.match(w)), None)


def _not_meant(text: str, mention: Mention, pronoun: str | None, mentions: list[Mention]) -> bool:
    """Whether ``pronoun`` ("he"/"she") cannot refer to ``mention``: a person of the other sex.

    Told by an honorific before the mention, else by the given name (:func:`newsbrief.names.given_name_pronoun`)
    of the mention or, for a family name alone, of the article's full names ending with it when they agree.
    "Mrs. Obama spent hours in the office of Professor Marvin Bressler. ``…,'' he said." — not Mrs. Obama;
    "Tom Bradley ran for governor. ``…,'' she said." — not Tom Bradley.
    """
    if pronoun is None or not _THIRD_PERSON.match(pronoun):
        return False
    said = _honorific_sex(text, mention) or _given_name_sex(mention, mentions)
    return said is not None and said != pronoun.lower()


def _given_name_sex(mention: Mention, mentions: list[Mention]) -> str | None:
    """"he"/"she" by the given name of a person's mention (of the full names ending with a family name alone)."""
    if len(name_tokens(mention.form)) > 1:
        return person_sex(mention.form)
    full = {m.form for m in mentions if m.kind == "PERSON" and surname_matches(mention.form, m.form)}
    sexes = {person_sex(form) for form in full}
    return sexes.pop() if len(sexes) == 1 else None


def _antecedent(text: str, quote_start: int, mentions: list[Mention], pronoun: str | None = None) -> Mention | None:
    """The person a "he said" after a quote refers to.

    In order: the last person of the sentence before the quote who speaks (followed by a reporting
    verb — "Holbrooke said …", "X, a nutrition expert, said …" — or preceded by one: "…, said
    Azzman Shariffadeen"); else that sentence's first person (its subject: "Castro joked that police
    could have waited to arrest Pinochet"), unless it opens with a pronoun; else the last person who opens a
    sentence after the last one who speaks (the report moved on to them); else the last person who speaks
    within the window; else the nearest person.  Names inside quotations do not count.
    """
    window, before = _speakers_before(text, quote_start, mentions)
    # (a person of the other sex than the pronoun's is not meant either)
    before = [m for m in before if not _not_meant(text, m, pronoun, mentions)]
    if not before:
        return _said_unrecognised(text, window, quote_start, mentions, pronoun)
    previous = _sentence_before(text, window, quote_start)
    if previous is not None and previous > window and _ACCORDING_TO_SOMEONE.match(text, previous):
        # "According to the friend, Nour Mohammad and Delawar stayed … ``…,'' he said": the one the
        # sentence before goes by, unnamed
        return None
    # (not a name after "of/from/in …", which says whose or where someone is: "Mahfouz Othman, a
    # psychiatrist from Rafah, said" — Othman speaks)
    speaking = [
        m for m in before
        if (
            _SPEAKS_AFTER.match(text, m.end, min(m.end + 90, quote_start))
            and not _OF_BEFORE.search(text, max(window, m.start - 12), m.start)
            and not _APPOSITION_OF.search(text, max(window, m.start - 80), m.start)
            and not _ends_relative_clause(text, m, window)
        )
        or _SPEAKS_BEFORE.search(text, max(window, m.start - 40), m.start)
    ]
    starts = [m.end() for m in _SENTENCE_START.finditer(text, window, quote_start)]
    if starts and starts[-1] >= quote_start - 3:  # the quote opens a sentence: look at the one before
        starts.pop()
    sentence_start = starts[-1] if starts else window
    # a sentence opening with a pronoun continues the earlier speaker: its first name is no subject
    opener = _opener(text, sentence_start)
    opens_with_pronoun = _PRONOUN.match(opener)
    in_sentence = [] if opens_with_pronoun else [m for m in before if m.start >= sentence_start]
    # a subject the NER missed ("Samaranch has compared it to … Ben Johnson's case"): a capitalised first
    # word that is the surname of a person of the article
    first = text[sentence_start : sentence_start + 40].split(" ", 1)[0].strip(",.;:'\"`")
    if not opens_with_pronoun and first[:1].isupper() and not (in_sentence and in_sentence[0].start == sentence_start):
        named = [m for m in mentions if m.kind == "PERSON" and len(name_tokens(m.form)) > 1 and surname_matches(first, m.form)]
        if named:
            in_sentence = [named[-1]]
    chain = _chain_subject(text, starts, sentence_start, window, before, speaking) if _THIRD_PERSON.match(opener) else []
    # a person opening a sentence after the last one who spoke: the report has moved on to that person
    # ("…,” Mrs. McCaskill said. Mrs. Obama has already had to check … “…,” she says.")
    moved_on = [
        m for m in before
        if speaking and m.start > speaking[-1].end and _opens_sentence_at(text, starts, speaking[-1].end, m.start)
    ]
    for chosen in (chain, [m for m in speaking if m.start >= sentence_start], in_sentence[:1], moved_on[-1:], speaking, before):
        if chosen:
            person = chosen[-1]
            # from the start of the person's sentence ("Ms. White said bin Laden was charged …"); a subject
            # recovered by its surname stands at its sentence's start, not where its mention is
            after = max((s for s in starts if s <= person.start), default=window) if person.start >= window else sentence_start
            return None if _unnamed_speaker_after(text, person, after, quote_start) else person
    return None


# someone speaking between a person and a "he said" who is not that person: an unnamed one brought in or
# pointed back to ("a senior official said", "this official said") or another name after an honorific
# ("Ms. White said", which the NER may have missed or mistyped)
_UNNAMED_SPEAKER = re.compile(
    rf"\b(?:(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his)\s+(?:(?!the\b)(?:[\w-]+|(?:[A-Z]\.)+)\s+){{0,3}}?(?P<noun>[a-z][\w-]*)"
    rf"|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<name>[A-Z][\w'\u2019-]+))\s+(?:{_VERBS})\b"
)


_SUBJECT_LEAD = re.compile(r"\s*(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?")


def _opens_sentence_at(text: str, starts: list[int], after: int, position: int) -> bool:
    """Whether a sentence starting after ``after`` opens with the name at ``position`` (maybe after an honorific)."""
    start = max((s for s in starts if s <= position), default=None)
    return start is not None and start > after and _SUBJECT_LEAD.fullmatch(text, start, position) is not None


def _unnamed_speaker_after(text: str, person: Mention, after: int, quote_start: int) -> bool:
    """Whether someone other than ``person`` speaks between ``after`` and the quotation: the "he" is that one.

    ``after``: where the person's sentence starts (the other may be its subject, the person its object).

    "``It is embarrassing,'' this official said, … Asked why …, he said: ``…''" — not the President named
    before; "Ms. White said bin Laden was charged … she added, ``…''" — not bin Laden.
    """
    for match in _UNNAMED_SPEAKER.finditer(text, after, quote_start):
        if match.start() < person.end and person.start < match.end():
            continue  # the person's own mention ("Mr. Fischer said")
        if match["noun"] is not None and _someone(match["noun"]):
            return True
        if match["name"] is not None and not surname_matches(match["name"], person.form):
            return True
    return False


def _chain_subject(
    text: str, starts: list[int], sentence_start: int, window: int, before: list[Mention], speaking: list[Mention]
) -> list[Mention]:
    """The person a chain of sentences opening with "he"/"she" (the one at ``sentence_start`` does) goes back to.

    "Li Chengpeng, a social critic, … He posted a message, calling Mr. Najib's conference theatre.
    ``…,'' he wrote." gives Li Chengpeng: in the nearest earlier sentence that does not open with a
    pronoun, the last person who speaks, else the first person (none when it names nobody); a sentence
    whose quotation "he"/"she" speaks is a link of the chain too.  A sentence opening with "I" or "we" is
    quoted speech, not a chain: nothing then.
    """
    bounds = [window, *[s for s in starts if s < sentence_start]]
    ends = [sentence_start, *reversed(bounds[1:])]
    for start, end in zip(reversed(bounds), ends, strict=False):
        opener = _opener(text, start)
        if _PRONOUN.match(opener):
            if not _THIRD_PERSON.match(opener):
                return []
            continue
        if _PRONOUN_ATTRIBUTION.search(text, start, end):
            continue  # '"I'm trying to promote beekeeping," he tells Whispers.': the chain goes on
        people = [m for m in before if start <= m.start < end]
        talking = [m for m in speaking if start <= m.start < end]
        return talking[-1:] or people[:1]
    return []


# a quotation attributed to "he"/"she" ('…," he tells Whispers.'): a link of a "he said" chain
_PRONOUN_ATTRIBUTION = re.compile(rf"[,.?!]['\"\u201d\u2019]+\s+(?:he|she)\s+(?:{_VERBS})\b")
# a quotation attributed right after it to a bare "he"/"she" ('…,” she said'; '…,” he added.')
_PRONOUN_AFTER = re.compile(rf"[\s,]*(?P<pronoun>he|she)\s+(?:(?:also|then|later|again)\s+)?(?:{_VERBS})\b", re.I)


def pronoun_attribution(text: str, quote_end: int) -> str | None:
    """``"he"``/``"she"`` when the quotation ending at ``quote_end`` (after its mark) is said by a bare pronoun.

    >>> t = "“We will be back,” she said."
    >>> pronoun_attribution(t, t.index(" she")), pronoun_attribution(t, len(t))
    ('she', None)
    """
    match = _PRONOUN_AFTER.match(text, quote_end, quote_end + 40)
    return match["pronoun"].lower() if match else None


def only_other_sex_before(text: str, quote_start: int, mentions: list[Mention], pronoun: str) -> bool:
    """Whether every person named within a pronoun's reach before the quotation is of the other sex.

    ("… voters told pollsters they would vote for Tom Bradley … ``…,'' she said.": nobody there is "she";
    with nobody named there at all it is ``False``: the one speaking may be someone unnamed, "the friend").
    """
    _, before = _speakers_before(text, quote_start, mentions)
    return bool(before) and all(_not_meant(text, m, pronoun, mentions) for m in before)


def _speakers_before(text: str, quote_start: int, mentions: list[Mention]) -> tuple[int, list[Mention]]:
    """:func:`_people_before` without the people named as whose someone is, who do not speak on.

    "said Wang's wife, Hu Jiangxia": Wang is not the one speaking.
    """
    window, before = _people_before(text, quote_start, mentions)
    return window, [m for m in before if not _POSSESSIVE_AFTER.match(text, m.end)]


def person_sex(name: str) -> str | None:
    """``"he"``/``"she"`` by the given name of a person's full name (:func:`newsbrief.names.given_name_pronoun`)."""
    tokens = name_tokens(name)
    return given_name_pronoun(tokens[0]) if len(tokens) > 1 else None


# a connective before a sentence's subject: "Meanwhile, he noted …", "But she said …"
_CONNECTIVE = re.compile(r"(?:but|and|yet|so|meanwhile|however|later|earlier|still|then|also|instead),?\s+", re.I)


def _opener(text: str, start: int) -> str:
    """The first word of the sentence at ``start`` after a connective (enough of it to tell a pronoun).

    >>> _opener("Meanwhile, he noted that …", 0), _opener("But she said", 0), _opener("Moi said", 0)
    ('he', 'she', 'Moi')
    """
    connective = _CONNECTIVE.match(text, start)
    if connective is not None:
        start = connective.end()
    return text[start : start + 5].split(" ", 1)[0]


def _resolve_nominal(noun: str, quote_start: int, mentions: list[Mention]) -> Mention | None:
    """The person before the quote whose role contains the noun ("the diplomat" → "U.N. diplomat X").

    Of several, the one the article names most often before it (by surname), among equals the latest: "the
    pope said" is the pope the article is about, not a predecessor it names once in passing.
    """
    candidates = [
        m for m in mentions if m.kind == "PERSON" and m.role and noun in m.role.lower().split() and m.start < quote_start
    ]
    named = Counter(m.form.split()[-1] for m in mentions if m.kind == "PERSON" and m.start < quote_start)
    return max(reversed(candidates), key=lambda m: named[m.form.split()[-1]], default=None)


def _previous_subject(text: str, quote_start: int, mentions: list[Mention], noun: str | None = None) -> Mention | None:
    """The person a title with no matching role ("the senator said") refers to.

    The first person (the subject) of the nearest sentence before the quotation that names one, within
    the window of a pronoun's antecedent.

    "Committee Chairman Orrin Hatch agreed with the director. The senator said he expects hearings.
    ``…,'' the senator said." gives Orrin Hatch: a role written differently ("Chairman") still names him.

    With the title's ``noun``: a sentence that introduces one with an indefinite article ("a senior
    Turkish official notified France …") makes it nobody named — ``None``; a sentence whose "the <noun>"
    comes before its first person ("The official said they received a request on Omar Mostefai") tells
    about that person, who is not the speaker: it is passed over.
    """
    window, before = _people_before(text, quote_start, mentions)
    starts = [window] + [m.end() for m in _SENTENCE_START.finditer(text, window, quote_start)]
    ends = starts[1:] + [quote_start]
    introduced = definite = None
    if noun:
        introduced = re.compile(rf"\b(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,3}}{re.escape(noun)}\b", re.IGNORECASE)
        definite = re.compile(rf"\bthe\s+(?:[\w.'\u2019-]+\s+){{0,3}}{re.escape(noun)}\b", re.IGNORECASE)
    for start, end in reversed(list(zip(starts, ends, strict=True))):
        people = [m for m in before if start <= m.start and m.end <= end]
        if introduced is not None and definite is not None:
            first = people[0].start if people else end
            # "… has not turned up a smoking gun, a U.S. official with knowledge of the investigation told
            # CNN": someone unnamed brought in after the sentence's first person (not an apposition of a
            # person: "Rob Lee, a senior official, said")
            unnamed = [
                m for m in introduced.finditer(text, start, end)
                if m.start() < first or not any(p.end <= m.start() <= p.end + 2 for p in people)
            ]
            if unnamed:
                return None
            if people and definite.search(text, start, first):
                continue
        if people:
            return people[0]
    return None


def surnames_as_people(mentions: list[Mention]) -> list[Mention]:
    """An article's mentions, a one-word ORG that is the surname of a full PERSON name of the article made a PERSON.

    "Mahmoud El-Farnawani … El-Farnawani said": the small NER tags many foreign surnames ORG, and a
    speaker or a "he said" antecedent must be a person.  (The story-wide kind vote,
    ``entities.unify_kinds``, keeps ORG when most mentions of the story say so.)
    """
    # each distinct form tested once (a long article repeats its names hundreds of times: testing every ORG
    # mention against every PERSON mention took 11 s on a 36,000-word page)
    people = sorted({m.form for m in mentions if m.kind == "PERSON" and len(name_tokens(m.form)) > 1})
    surnames = {
        form
        for form in {m.form for m in mentions if m.kind == "ORG"}
        if len(name_tokens(form)) == 1 and any(surname_matches(form, p) for p in people)
    }
    return [
        Mention(m.article_id, m.form, "PERSON", m.start, m.end, m.role) if m.kind == "ORG" and m.form in surnames else m
        for m in mentions
    ]


#: A surname more common in English than this (wordfreq Zipf) is not looked for alone: "Young", "Bush".
MISSED_SURNAME_ZIPF = 3.5


def with_missed_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """An article's mentions with its people's surnames written alone that the NER missed, as PERSON mentions.

    The small NER finds "Jose Saramago" and misses most of the later "Saramago" ("Saramago, a soft-spoken
    man …, said he …"): a speaker, a "he said" antecedent and a partial quotation's subject must be found
    there.  The surname (the last word of a full PERSON name of the article, as written, rare in English: a
    common word such as "Young" may be meant as a word) is taken where no mention covers it and it stands
    inside no longer name (:func:`newsbrief.entities.inside_longer_name`: "the Murad Lab").
    """
    surnames = {
        m.form.split()[-1]
        for m in mentions
        if m.kind == "PERSON" and len(name_tokens(m.form)) > 1 and m.form.split()[-1][:1].isupper()
    }
    surnames = {s for s in surnames if len(s) > 2 and s[-1] != "." and zipf_frequency(s, "en") < MISSED_SURNAME_ZIPF}
    if not surnames:
        return mentions
    # the mentions' spans in order, with the furthest end so far: a match overlaps one when the last span
    # starting before its end reaches past its start (mentions may nest, so the running maximum)
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))
    added: list[Mention] = []
    article_id = mentions[0].article_id
    for surname in sorted(surnames):
        for match in re.finditer(rf"(?<![\w'\u2019-]){re.escape(surname)}(?![\w-])", text):
            start, end = match.span()
            k = bisect_left(starts, end)
            if k and reach[k - 1] > start:
                continue
            if inside_longer_name(text, start, end):
                continue
            added.append(Mention(article_id, surname, "PERSON", start, end))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions


def speaker_name(
    mention: Mention | None, lookup: dict[str, Entity], mentions: list[Mention], *, text: str | None = None
) -> str | None:
    """The speaker's merged entity name; a surname alone becomes the article's full name when unique.

    With the article's ``text``, an honorific before a surname ("Mrs Obama") picks the full names of its
    sex (:func:`newsbrief.names.given_name_pronoun`), of the article or else of the story: "Mrs Obama" in an
    article naming only "Barack Obama" is the story's "Michelle Obama".
    """
    if mention is None:
        return None
    form = mention.form
    if mention.kind == "PERSON" and len(name_tokens(form)) == 1:
        full = {f for f in {m.form for m in mentions if m.kind == "PERSON"} if surname_matches(form, f)}
        sex = _honorific_sex(text, mention) if text else None
        if sex is not None:
            sexes = {f: person_sex(f) for f in full}
            full = {f for f in full if sexes[f] in (sex, None)}
            sure = {f for f in full if sexes[f] == sex}
            if sure:
                full = sure
            else:  # the story's one person of that family name and sex ("Mrs Obama" beside "Barack Obama")
                family = {
                    e.name for e in lookup.values()
                    if e.kind == "PERSON" and surname_matches(form, e.name) and person_sex(e.name) == sex
                }
                if len(family) == 1:
                    return family.pop()
        form = full.pop() if len(full) == 1 else form
    if mention.kind == "PERSON" and len(name_tokens(form)) == 1 and form == mention.form:
        # a family name written first ("Zhu" for "Zhu Rongji"): the one full name opening with it, if no
        # name of the article ends with it
        first = {m.form for m in mentions if m.kind == "PERSON" and len(name_tokens(m.form)) > 1
                 and name_tokens(m.form)[0] == name_tokens(form)[0]}
        people = {(lookup[key].name if (key := " ".join(name_tokens(f))) in lookup else f) for f in first}
        if len(people) > 1:
            # two people of that family name in the article ("Wang Youcai", later "Dr. Wang Bingzhang … said
            # Wang"; "Xu" for Xu Wenli beside his daughter Xu Jin): which one speaks is not known here, and
            # the story's entity of that word would name the better-known one
            return form
        if len(first) > 1:
            return people.pop()  # spellings of one person: that person
        form = first.pop() if first else form
    entity = lookup.get(" ".join(name_tokens(form)))
    return entity.name if entity else form


def resolve_title(noun: str, text: str, quote_start: int, mentions: list[Mention]) -> Mention | None:
    """The person a title ("the diplomat said") names: by role in the article, else the nearest subject before.

    An unnamed spokesman with no one named before speaks for the organisation the sentence before has
    as subject ("The Premier League are well aware of the interest abroad … “…,” a spokesman said").
    """
    person = _resolve_nominal(noun, quote_start, mentions) or _previous_subject(text, quote_start, mentions, noun)
    if person is None and noun.startswith("spokes"):
        return _organisation_antecedent(text, quote_start, mentions)
    return person

