"""Date expressions in a sentence, resolved against the article's publication date.

Cheap regular expressions find the candidates; explicit calendar dates ("Jan. 5", "24 September 1998")
are parsed by a regex for the common newswire forms and otherwise by dateparser on the short candidate
string only (with the publication date as the relative
base), relative expressions by date arithmetic (dateutil).

The rule for a weekday or a year-less date: in a past-tense report it is the most recent such day *on or
before* the publication date ("on Wednesday" in a Thursday paper is the day before; in a Wednesday paper
it is that day); when the clause speaks of the future ("will", "is to", "scheduled", "next …") it is the
next such day on or after publication (strictly after for "next Friday"); "last Friday" is strictly
before, and "last Thursday" in a Friday paper is the Thursday of the week before. "last month" resolves
to the first day of the previous month (``precision="month"``). A clause without a tense of its own (a
participle: "…, visiting Honduras on Nov. 16") takes its sentence's; the present of a scheduled event
("the case resumes Monday") points to the next such weekday and, for a year-less calendar date, to the
nearest year; "since" before a date always looks back. A date that opens its clause ("On Tuesday he
plans to travel") takes the tense of the verb after it.

>>> import datetime as dt
>>> thursday = dt.date(1998, 10, 15)
>>> [(m.text, m.date.isoformat()) for m in find_dates("He said on Wednesday that talks failed.", published=thursday)]
[('on Wednesday', '1998-10-14')]
>>> [m.date.isoformat() for m in find_dates("The two will meet on Monday.", published=thursday)]
['1998-10-19']
>>> [m.date.isoformat() for m in find_dates("It happened two days ago, not on Jan. 5.", published=thursday)]
['1998-10-13', '1998-01-05']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from newsbrief.model import DatePrecision
from newsbrief.text import MONTH_NAMES as MONTH_NAMES  # defined in text (its photo-caption test reads them)
from newsbrief.text import WEEKDAYS as WEEKDAYS
from newsbrief.text import quote_opened_before

Precision = DatePrecision

#: Words that only place something in time (weekdays, months, relative day words), lower case (English).
TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTH_NAMES) | frozenset(
    "today tonight yesterday tomorrow ago day days week weeks month months".split()
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
    )
}
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r"|a|an)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("month_day", re.compile(rf"\b(?:on\s+)?({_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)(?!\d|:\d)")),
    ("day_month", re.compile(rf"\b(?:on\s+)?(\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?(?:,?\s+\d{{4}})?)\b")),
    ("weekday", re.compile(r"\b(?:(last|next|this|on|early|late)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)),
    # an anniversary: "on this day last year", "this day one year ago", "a year ago today", "two years ago to the day"
    ("anniversary", re.compile(
        rf"\b(?:(?:on\s+)?this\s+(?:day|date)\s+(?:last\s+year|(?P<ago>{_NUM})\s+years?\s+ago)"
        rf"|(?P<years>{_NUM})\s+years?\s+ago\s+(?:today|this\s+(?:day|date)|to\s+the\s+day))\b",
        re.I,
    )),
    ("ago", re.compile(rf"\b({_NUM})\s+(day|week|month|year)s?\s+ago\b", re.I)),
    # (a possessive without its apostrophe, a web page's "during yesterdays informal talks", too)
    ("relative", re.compile(r"\b(the day before yesterday|yesterday|today|tonight|tomorrow)(?:s(?=\s+[a-z]))?\b", re.I)),
    ("last_month", re.compile(r"\b(last|next|this)\s+month\b", re.I)),
    ("week", re.compile(r"\b(last|next|(?:earlier |later )?this)\s+(week(?:end)?)\b", re.I)),
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|going to|plans? to|prepar(?:es?|ing) to|planned|planning|scheduled|expected to|is to|are to|"
    r"due to|intends? to|would|next|set (?:for|to)|deadline|as (?:soon|early) as|(?:was|were) to(?! have)|"
    r"must(?!\s+have)|should\s+be|(?:has|have|needs?) to)\b",
    re.I,
)
#: The present of a scheduled event ("the case resumes Monday", "the summit, which begins Monday"): the
#: next such weekday; a calendar date there may also be a fact of every year ("the fiscal year ends on
#: Sept. 30"), so it takes the nearest year.
_SCHEDULED = re.compile(
    r"\b(?:begins|starts|opens|resumes|reopens|ends|closes|meets|convenes|leaves|departs|arrives|returns|"
    r"decides|expires|kicks off|gets under way)\b",
    re.I,
)
_SINCE = re.compile(r"\bsince(?:\s+the)?\s+$", re.I)
_QUOTED = re.compile(r"(?:``|\u201c|\")(?:(?!``|\u201c).)+?(?:''|\u201d|\")", re.S)
_RELATIVE_DAYS = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved date expression: offsets into the searched text, the expression and its date."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: Precision = "day"
    kind: str = "explicit"
    future: bool = False  # the clause tells what will happen, or the date names an event still to come


def is_future(clause: str) -> bool:
    """True when the clause talks about what will happen.

    >>> is_future("The talks are scheduled to resume"), is_future("Talks resumed")
    (True, False)
    """
    return bool(_FUTURE.search(clause))


_CLAUSE_BREAK = re.compile(r"[,;:]|\bthat\b|\band\b|\bbut\b")
# (not a passive participle after "be" or "being": "will be tried on Dec. 17" is future, and so is "is
# expected to undergo revisions before being finalized Friday")
_PAST_VERB = re.compile(r"\b(?:said|says|told|(?<!\bbe )(?<!\bbeing )\w+ed|was|were|had|did)\s*$", re.I)
#: Common irregular past forms (news reporting and event verbs); regular ones end in -ed.
IRREGULAR_PAST = (
    "said|told|wrote|spoke|took|went|came|made|met|saw|left|began|fell|rose|won|lost|held|led|sent|gave|found|"
    "got|became|struck|ran|spent|brought|bought|thought|knew|chose|drove|flew|froze|grew|hid|kept|paid|sold|"
    "stood|swore|threw|tore|woke|wore|broke|fought|caught|taught|sought|felt|heard|meant|built|lent|bent"
)
_PAST_VERB_ANYWHERE = re.compile(rf"\b(?:{IRREGULAR_PAST}|\w+ed|was|were|had|did)\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"'\u201c])")
#: A clause with a finite verb (or a future marker) has a tense of its own; a participle clause has none.
_TENSED = re.compile(
    rf"\b(?:{IRREGULAR_PAST}|\w+ed|was|were|is|are|am|be|been|has|have|had|did|does|do|says|hit|"
    r"will|shall|would|won't|'ll|can|could|may|might|must|should)\b",
    re.I,
)


def clause_is_scheduled(text: str, position: int) -> bool:
    """Whether the clause before ``position`` speaks of a scheduled event in the present ("resumes Monday").

    >>> t = "The case resumes Monday, three days after it began on Friday."
    >>> clause_is_scheduled(t, t.index("Monday")), clause_is_scheduled(t, t.index("on Friday"))
    (True, False)
    """
    before = _not_past_before(text, position)
    return before is not None and bool(_SCHEDULED.search(_last_clause(before, _CLAUSE_BREAK)))


def _not_past_before(text: str, position: int) -> str | None:
    """The 80 characters before ``position``; ``None`` when they make the date there past.

    A reporting verb or "since" right before it does ("said Monday", "since Aug. 6").
    """
    before = text[max(0, position - 80) : position]
    return None if _PAST_VERB.search(before) or _SINCE.search(before) else before


def clause_is_future(text: str, position: int, end: int | None = None) -> bool:
    """Whether the clause ending at ``position`` (where a date expression starts) speaks of the future.

    A reporting verb right before the date ("said Monday", "announced Wednesday") is past whatever the
    rest of the sentence says; otherwise the words of the clause since the last comma/"that"/"and".
    When the date opens its clause and ``end`` (where the expression ends) is given, the clause after
    it decides: a future verb there ("On Tuesday he plans to travel") before any past one.

    >>> t = "Hun Sen said Monday that the Senate would meet on Friday."
    >>> clause_is_future(t, t.index("Monday")), clause_is_future(t, t.index("on Friday"))
    (False, True)
    >>> t = "Clinton also will travel to the region, visiting Nicaragua and Honduras on Nov. 16."
    >>> clause_is_future(t, t.index("on Nov")), clause_is_future("Rescuers, searching the hills on Friday", 32)
    (True, False)
    >>> t = "The envoy will report after he toured the camps, visiting two towns on Monday."
    >>> clause_is_future(t, t.index("on Monday"))
    False
    >>> t = "``The talks will fail,'' the prince wrote in an Oct. 17 letter."
    >>> clause_is_future(t, t.index("Oct. 17"))
    False
    >>> t, u = "On Tuesday he plans to travel to Pristina.", "On Monday, he said he will stay."
    >>> clause_is_future(t, 0, len("On Tuesday")), clause_is_future(u, 0, len("On Monday"))
    (True, False)
    >>> t, u = "On Tuesday he must appear in court.", "On Friday he had to leave."
    >>> clause_is_future(t, 0, len("On Tuesday")), clause_is_future(u, 0, len("On Friday"))
    (True, False)
    >>> t, u = "The planned walk was as hard as Monday's.", "The planned walk is on Monday."
    >>> clause_is_future(t, t.index("Monday")), clause_is_future(u, u.index("Monday"))
    (False, True)
    """
    before = _not_past_before(text, position)
    if before is None:
        return False
    clause = _last_clause(before, _CLAUSE_BREAK)
    if end is not None and _OPENS_CLAUSE.fullmatch(clause):
        # The date opens its clause ("On Tuesday he plans to travel …"): the verb after it gives the tense
        # (when there is one: "…, Wyo., on Saturday." has none and falls through to the sentence's).
        after = _clause_after(text[end:])
        future = _FUTURE_AFTER.search(after)
        if future is not None or _TENSED.search(after):
            # future when a future verb phrase comes before any past verb
            return future is not None and not _PAST_VERB_ANYWHERE.search(after, 0, future.start())
    if not _TENSED.search(clause):
        # A participle clause has no tense of its own: "will travel to the region, visiting Honduras on
        # Nov. 16" takes the main clause's.
        # (the whole sentence, not only the 80 characters before the date: "will receive his Nobel Prize, worth
        # the equivalent of $967,500 this year, at a ceremony in Stockholm on Dec. 10")
        sentence = _last_clause(text[max(0, position - _SENTENCE_WINDOW) : position], _SENTENCE_BREAK)
        sentence = _QUOTED.sub(" ", sentence)  # a quotation's tense is the speaker's
        return is_future(sentence) and not _PAST_VERB_ANYWHERE.search(_last_clause(sentence, _FUTURE))
    # a finite past verb after the future word tells what happened ("The planned spacewalk was not as
    # difficult as Monday night's outing")
    return is_future(clause) and not _FINITE_PAST.search(_last_clause(clause, _FUTURE))


#: A finite past verb (not "was to", itself a future word).
_FINITE_PAST = re.compile(r"\b(?:was|were|had|did)\b(?!\s+to\b)", re.I)


#: How far back the sentence of a date is looked for (the timeline leaves out longer sentences).
_SENTENCE_WINDOW = 400
#: Nothing of its clause before the date but a preposition ("On Tuesday …", "…; by Friday …").
_OPENS_CLAUSE = re.compile(r"\s*(?:(?:on|by|until|till|from|early|late|before|after)\s+)?", re.I)
#: A future verb phrase after a clause-opening date; not "would" (the past's future: "On Friday he would
#: not comment") nor "next".
_FUTURE_AFTER = re.compile(
    r"\b(?:will|shall|won't|'ll|going to|plans? to|intends? to|(?:is|are) (?:to|due|set|scheduled|expected)"
    r"|(?:is|are) (?:planning|preparing) to|being (?:scheduled|planned|set|expected)"
    # an obligation, as in _FUTURE ("On Tuesday he must appear in court"; not "must have")
    r"|must(?!\s+have)|should\s+be|(?:has|have|needs?) to)\b",
    re.I,
)
_CLAUSE_AFTER = re.compile(r"\s*,?\s*([^,;:.!?]*)")


def _clause_after(following: str) -> str:
    """The clause that ``following`` (the text after a date) opens, up to the next comma or stop."""
    match = _CLAUSE_AFTER.match(following)
    return match[1] if match else ""


def _last_clause(before: str, breaks: re.Pattern[str]) -> str:
    """The text after the last match of ``breaks`` (all of it when there is none)."""
    found = list(breaks.finditer(before))
    return before[found[-1].end() :] if found else before


# a dash opens a clause when words follow it ("March 30 – April 1" is a range)
_CLAUSE_START = re.compile(r"[,;:(]|[.!?]\s+(?=[A-Z])|\s[-\u2013\u2014]\s(?=[a-z])|\u2014(?=[a-z])")
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b|\bthat\s+(?P<next>[\w'’]+)", re.I)
# a verb of saying a few words before "that": the complementiser of reported speech, whatever word follows
# it ("told reporters that flights were stopped", "said Monday that talks resumed")
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|say|told|tells|announced|reported|confirmed|added|stated|claimed|insisted|denied|warned|"
    r"noted|explained|acknowledged|admitted|argued|revealed|indicated|suggested|learned)\b(?:\s+[\w.'’]+){0,5}\s+$",
    re.I,
)
# after a complementiser "that" comes a subject ("said that the plane …", "that he …"), after a relative
# "that" usually the verb ("a jet that went missing …")
_SUBJECT_START = frozenset(
    "the a an this these those his her its their our my your he she it they we i you there some all no one "
    "two three many most several each every any both".split()
)


# a past participle with its agent right after a noun is a reduced relative clause ("sailors detained by
# Iranian forces on March 23"); after an auxiliary it is the main verb ("was damaged by floods on Monday")
_REDUCED_RELATIVE = re.compile(r"(?P<before>[\w']+)\s+[a-z]+(?:ed|en)\s+by\b")
_AUXILIARIES = frozenset(
    "am is are was were be been being has have had get gets got gotten not never also just".split()
)


def in_relative_clause(text: str, position: int) -> bool:
    """Whether the date expression at ``position`` describes the subject in a relative clause.

    "… Flight 447, which crashed on June 1, …" or "a jet that went missing on June 1" give background
    (when the thing happened), not the date of what the sentence reports.  The clause is the text
    since the last comma, semicolon, colon, bracket or dash; English only.

    >>> t = "Divers recovered the tail of the jet, which crashed on June 1, on Sunday."
    >>> in_relative_clause(t, t.index("June")), in_relative_clause(t, t.index("on Sunday"))
    (True, False)
    >>> t = "Officials said that the jet crashed on June 1."
    >>> in_relative_clause(t, t.index("June")), in_relative_clause("A jet that went missing on June 1.", 24)
    (False, True)
    >>> t = "Iran will free 15 sailors detained by its navy on March 23. The bridge was damaged by floods on Monday."
    >>> in_relative_clause(t, t.index("March")), in_relative_clause(t, t.index("on Monday"))
    (True, False)
    >>> t = "The search, which began on March 30 \u2013 April 2, goes on \u2013 officials said on Monday."
    >>> in_relative_clause(t, t.index("April")), in_relative_clause(t, t.index("on Monday"))
    (True, False)
    """
    clause = _last_clause(text[max(0, position - 160) : position], _CLAUSE_START)
    for match in _REDUCED_RELATIVE.finditer(clause):
        if match.group("before").lower() not in _AUXILIARIES:
            return True  # "15 sailors detained by Iranian forces on March 23"
    for match in _RELATIVE.finditer(clause):
        following = match.group("next")
        if following is None or (following.lower() not in _SUBJECT_START and not following[0].isupper()):
            if following is not None and _REPORTED_BEFORE.search(clause, 0, match.start()):
                continue  # "told the New York Times that flights … were stopped on Wednesday": what was said
            if clause == text[:position] and _subject_clause_closed(clause, match):
                continue  # "The conference that was held in Bali came to a conclusion on Saturday"
            return True
    return False


# verbs that can only be finite (a past tense, an auxiliary): after a relative clause's own verb, one of
# them preceded by a noun starts the main clause; -ed forms are left out (participles: "a bodyguard assigned
# to …", "visited flooded areas")
_FINITE = frozenset(
    """was were is are has have had will would could can may might must shall should came went took began met
    made told found gave got held left lost rose fell struck won ran saw sent set put hit broke brought built
    bought caught chose drove flew grew kept knew led paid sold sat shot spoke spent stood stole threw wrote
    became""".split()
)
# words after which such a verb is still the relative clause's ("that was held", "which had been"), or a
# clause's inside it ("when they were")
_NOT_A_SUBJECT_END = _AUXILIARIES | frozenset(
    """the a an his her its their our my your this that these those some many most all no any every each very
    more less and or but nor to who which whom whose when where why what how if whether because as than of in on
    at by for with from into over under about after before he she it they we i you""".split()
)
_PLAIN_WORD = re.compile(r"[A-Za-z'’]+")


def _subject_clause_closed(clause: str, relative: re.Match[str]) -> bool:
    """Whether a relative clause inside the sentence's subject ends before the date: the main verb came.

    Only for a restrictive relative opened within the sentence's first six words (no comma before it),
    whose own verb is followed by a finite verb after a noun ("The climate conference that was held for
    the last two weeks in Bali came to a conclusion on Saturday", "Some conservatives who had been
    critical were more understanding Thursday"): the date is the main clause's.

    >>> t = "The conference that was held in Bali came to a conclusion on Saturday."
    >>> in_relative_clause(t, t.index("on Saturday")), in_relative_clause("A jet that went missing on June 1.", 24)
    (False, True)
    >>> t = "Rebels who seized the town last month were driven out on Friday."
    >>> in_relative_clause(t, t.index("last month")), in_relative_clause(t, t.index("on Friday"))
    (True, False)
    >>> t = "Leaders who explain why Anwar was fired Sept. 2 will meet."
    >>> in_relative_clause(t, t.index("Sept."))
    True
    """
    head = clause[: relative.start()]
    if "," in head or len(head.split()) > 6:
        return False
    after = clause[relative.end() if relative.group("next") is None else relative.start("next") :]
    words = _PLAIN_WORD.findall(after.lower())
    own_verb = False
    for k, word in enumerate(words):
        if not own_verb:
            own_verb = word in _FINITE or (word.endswith("ed") and len(word) > 3)  # "seized", "was"
        elif word in _FINITE and words[k - 1] not in _NOT_A_SUBJECT_END and not words[k - 1].endswith("ly"):
            return True
    return False


# a birth told beside a name: "The actor Tom Vale, born in Leeds on May 1, 1930, died on Monday", "Ana Ruiz
# (born 4 June 1948)"; not "was born on …" (the sentence's development) nor "Ethiopian-born"
_BORN_BESIDE = re.compile(r"[,(]\s*(?:who\s+was\s+)?born\b[^;:()]*$", re.I)
# a sentence opening with its subject's birth ("Born on November 21 1985, in the suburb of Courcouronnes,
# Mostefai had …"): the phrase ends at a comma that a preposition or the year does not follow
_BORN_OPENING = re.compile(r"\s*born\b", re.I)
_OPENING_CLOSED = re.compile(r",\s*(?!(?:in|at|on|near|outside|into|to|of)\b|\d)\S", re.I)


def in_birth_phrase(text: str, position: int) -> bool:
    """Whether the date expression at ``position`` is a birth told beside a name, not the development.

    >>> t = "The actor Tom Vale, born in Leeds on May 1, 1930, died on Monday."
    >>> in_birth_phrase(t, t.index("May")), in_birth_phrase(t, t.index("Monday"))
    (True, False)
    >>> t = "The singer Ana Ruiz (born 4 June 1948) retired. Her son was born on Friday."
    >>> in_birth_phrase(t, t.index("4 June")), in_birth_phrase(t, t.index("Friday"))
    (True, False)
    >>> t = "Born on May 2, 1985, in Lille, Ana Ruiz was arrested on Friday."
    >>> in_birth_phrase(t, t.index("May")), in_birth_phrase(t, t.index("Friday"))
    (True, False)
    >>> t = "Born in 1985 in Lille, she was arrested on Friday."
    >>> in_birth_phrase(t, t.index("1985")), in_birth_phrase(t, t.index("Friday"))
    (True, False)
    """
    if _BORN_OPENING.match(text) and not _OPENING_CLOSED.search(text, 0, position):
        return True
    match = _BORN_BESIDE.search(text, max(0, position - 100), position)
    # the phrase ends at the next comma after its date ("…, born in Leeds on May 1, 1930, died on Monday")
    return match is not None and not _BORN_CLOSED.search(text, match.start() + 1, position)


# after the birth phrase's date (and its year) a comma closes it: a later date is the sentence's own
_BORN_CLOSED = re.compile(r"\d{4}\s*,|[A-Za-z]{3,}\.?\s+\d{1,2}\s*,\s*(?!\d{4})")


# superlatives whose term a date after "since" is (English grammar words, not a topic's vocabulary; not
# "-est" in general: "under arrest since Monday", "unrest since Friday" date the development)
_SUPERLATIVES = frozenset(
    """first most least best worst highest lowest biggest largest smallest greatest strongest weakest deadliest
    heaviest longest shortest fewest busiest hottest coldest wettest driest fastest slowest steepest sharpest
    deepest widest earliest""".split()
)
# "as bad now as two weeks ago", "higher than a year ago", "compared with last Monday", "the highest level
# since March 18"; not "as soon/early/late/recently as …" nor "more than two weeks ago", which place an event
# in time
_COMPARISON = re.compile(
    r"(?:(?<!\bmore )(?<!\bless )(?<!\bfewer )(?<!\bjust )(?<!\bonly )\bthan|\bas\s+(?!(?:soon|early|late|recently|long|far)\b)\w+(?:\s+\w+)?\s+as|\bcompared\s+(?:with|to)"
    r"|\bversus|\bvs\.?"
    # a superlative's term: "its highest level since March 18", "the first time since June"
    rf"|\b(?:{'|'.join(sorted(_SUPERLATIVES))})\s+(?:\w+\s+){{0,3}}?since)\s+"
    r"(?:(?:it|they|there|he|she)\s+(?:was|were|did|had)\s+)?$",
    re.I,
)


def in_comparison(text: str, position: int) -> bool:
    """Whether the date expression at ``position`` is the term of a comparison, not when something happened.

    >>> t = "Holbrooke said the situation was as bad now as two weeks ago."
    >>> u = "Prices are higher than a year ago, when it began more than a year ago."
    >>> in_comparison(t, t.index("two weeks")), in_comparison(u, u.index("a year")), in_comparison(u, u.rindex("a year"))
    (True, True, False)
    >>> t = "The strike could start as early as Monday, as it did on Friday."
    >>> in_comparison(t, t.index("Monday")), in_comparison(t, t.index("on Friday"))
    (False, False)
    >>> t = "The index jumped to 21.32, its highest level since March 18. He has been under arrest since May 2."
    >>> in_comparison(t, t.index("March")), in_comparison(t, t.index("May"))
    (True, False)
    """
    return bool(_COMPARISON.search(text, max(0, position - 80), position))


# a phrase opening the sentence (or the clause after "that") with "after"/"following"/"since"
_FRONTED_OPENER = re.compile(r"(?:^|\bthat\s+|\bsaid\s+)(?P<word>after|following|since)\s+[^,;:]*$", re.I)
_COMMA_AFTER = re.compile(r"[\w.]*\s*,")


def in_fronted_phrase(text: str, start: int, end: int) -> str | None:
    """The opener ("after", "following", "since") of a fronted phrase holding the date at ``text[start:end]``.

    "Following the rebel attack on Nov. 9, troops attacked a village on Nov. 13": the phrase tells what
    came before the development, which the clause after its comma reports; "Since Aug. 31, the index has
    risen 24 percent" a period up to the article's day.

    >>> t = "The report said that following the rebel attack on Nov. 9, troops attacked a village on Nov. 13."
    >>> in_fronted_phrase(t, t.index("Nov. 9"), t.index("Nov. 9") + 6), in_fronted_phrase(t, t.index("Nov. 13"), len(t) - 1)
    ('following', None)
    >>> t = "Police arrested him after midnight on Tuesday."
    >>> in_fronted_phrase(t, t.index("Tuesday"), t.index("Tuesday") + 7) is None
    True
    """
    opener = _FRONTED_OPENER.search(text, max(0, start - 120), start)
    return opener["word"].lower() if opener and _COMMA_AFTER.match(text, end) else None


#: A preposition that puts a dated noun phrase beside the sentence's development, not at it: "since the
#: Sept. 11 attacks", "ahead of the Nov. 3 election", "in the wake of Friday's quake", "coping with the
#: March 11 devastation".  Not "in", "at", "during", "on", "by", "amid", "through": those place the
#: development in the event ("killed in Friday's quake", "spoke at Sunday's rally", "on Friday's flight").
ATTRIBUTIVE_PREPOSITIONS = frozenset(
    "after since before following of for from over about with against into to toward towards until till "
    "despite regarding concerning including like beyond unlike".split()
)
# "many of Thursday's speakers": a part of the event's people or things, the phrase is the subject
_PARTITIVE = frozenset(
    "many some most all one none each several few both any half much part rest two three four".split()
)
_DATE_DETERMINER = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+)?"
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those)|\b[\w.-]+['\u2019]s)\s+"
    # a measure between them: "the magnitude 8.8, February 27 earthquake", "the 7.0-magnitude Jan. 12 quake"
    r"(?:(?:[A-Za-z]+\s+)?\d[\d.,]*(?:-[A-Za-z]+)?,?\s+)?$",
    re.I,
)
# what may follow a date inside its noun phrase before the noun: a year, a day range, a part of the day
_DATE_TAIL = re.compile(
    r"(?:,?\s+\d{4},?)?(?:\s*[-\u2013]\s*\d{1,2}\b)?(?:\s+(?:night|morning|afternoon|evening)\b)?", re.I
)
_POSSESSIVE = re.compile(r"['\u2019]s\s+(?=[\w\d])")
_NOUN = re.compile(r"\s+([\w][\w.-]*)(['\u2019]s\b)?")
# words that end a noun phrase rather than head it: "the Friday before the vote", "that Monday he left"
_NOT_A_NOUN = frozenset(
    "and or but nor of to in at on for by with from as than when while after before until since that which who "
    "whom whose where is was were are be been will would could should can may might must has have had do did "
    "does the a an he she it they we i you his her its their this these those there then".split()
)
_WORD_BEFORE = re.compile(r"([\w']+)\W*$")
# "hours after Friday's bombing", "a day after the Nov. 2 accident": next to the event's day, not later
_SHORTLY_AFTER = re.compile(
    r"\b(?:minutes?|hours?|days?|shortly|soon|just|immediately|right|moments?)\s+(?:after|following|before)\W*$", re.I
)
# a paper's edition of that day ("the front page of Wednesday's Los Angeles Times", "Monday's edition of
# Time"): what it printed is that day's
_EDITION = re.compile(
    r"(?:['\u2019]s)?\s+(?:[A-Z][\w.&-]*\s+){0,4}(?:editions?|issues?|newspapers?|papers?|Times|Post|Journal|Herald"
    r"|Tribune|Globe|Telegraph|Guardian|Observer|Chronicle|Gazette)\b"
)
_OPENS_PHRASE = re.compile(r"(?:^|[,;:(\u2014]|[.!?]\s|\s[-\u2013]\s)\s*$")


def in_attributive_phrase(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` modifies a noun beside the development, not the development's day.

    A date or weekday inside a noun phrase ("the March 11 devastation", "Friday's quake", "Japan's March
    11 earthquake") names an earlier (or coming) event; when the phrase follows one of
    :data:`ATTRIBUTIVE_PREPOSITIONS` the sentence tells something else about it, on another day.  The
    phrase as subject ("The March 11 earthquake killed 15,000 people", "Officials said Friday's quake
    was the worst"), after "in"/"at"/"during"/"on" ("killed in Friday's quake") or a verb keeps its
    date; a dated phrase owning another noun ("the Dec. 26 tsunami's victims") never gives the day.
    English only, by words around the date.

    >>> def attributive(t, date):
    ...     at = t.index(date)
    ...     return in_attributive_phrase(t, at, at + len(date))
    >>> t = "The envoy voiced praise Thursday for the way the town is coping with the March 11 devastation."
    >>> attributive(t, "March 11"), attributive(t, "Thursday")
    (True, False)
    >>> attributive("Rescuers pressed on in the wake of Friday's quake.", "Friday")
    True
    >>> attributive("The March 11 earthquake killed 15,000 people.", "March 11")
    False
    >>> attributive("At least 300 people were killed in Friday's quake.", "Friday")
    False
    >>> attributive("Aid reached the Dec. 26 tsunami's victims.", "Dec. 26")
    True
    >>> attributive("WASHINGTON, March 12 (Reuters) - The talks resumed.", "March 12")
    False
    >>> attributive("Many of Thursday's speakers touched on the figures.", "Thursday")
    False
    >>> attributive("An aftershock of the magnitude 8.8, February 27 earthquake hit Chile.", "February 27")
    True
    >>> attributive("Police said the 3 June attacks had failed.", "3 June"), attributive("On 3 June 2010 it rained.", "3 June 2010")
    (False, False)
    """
    said = text[start:end]
    if said.lower().startswith("the eve"):
        return False  # "on the eve of Saturday's vote" is the development's day, found as such
    on = said[:3].lower() == "on "  # the weekday pattern takes "on" in: "on Friday's flight"
    before = text[max(0, start - 80) : start]
    tail = _DATE_TAIL.match(text, end)
    after = tail.end() if tail else end
    if _HAS_YEAR.search(said[-4:]) and text.startswith(",", after):
        after += 1  # "the Sept. 11, 2001, attacks"
    if _EDITION.match(text, after):
        return False
    possessive = _POSSESSIVE.match(text, after)
    if possessive:
        noun = _NOUN.match(text, possessive.end() - 1)
    else:
        determiner = _DATE_DETERMINER.search(before)
        noun = _NOUN.match(text, after)
        if determiner is None or noun is None or noun[1].lower() in _NOT_A_NOUN:
            return False
        before = before[: determiner.start()]
    if noun is not None and noun[2]:
        return True  # the dated phrase owns the noun: "Friday's quake's toll", "the Dec. 26 tsunami's victims"
    if on or _OPENS_PHRASE.search(before):
        return False  # "on Friday's flight": in the event; a phrase opening its clause: its subject
    word = _WORD_BEFORE.search(before)
    if word is None or word[1].lower() not in ATTRIBUTIVE_PREPOSITIONS or _SHORTLY_AFTER.search(before):
        return False
    if word[1].lower() == "of":
        previous = _WORD_BEFORE.search(before[: word.start()])
        return previous is None or previous[1].lower() not in _PARTITIVE
    return True


def _weekday(name: str, modifier: str | None, published: dt.date, *, future: bool) -> dt.date:
    target = WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    modifier = (modifier or "").lower()
    if modifier == "last":
        # "last Thursday" in a Friday paper is the week before's: the day before would be "Thursday" or
        # "yesterday" (AP style names a weekday alone within the week; over DUC 2003/2004, MultiLing and
        # WikiRef the two such cases are a week back, one dated "Oct. 29" by another article of a Nov. 6 story)
        return published - dt.timedelta(days=back if back > 1 else back + 7)
    if modifier == "next":
        return published + dt.timedelta(days=ahead or 7)
    if future:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_SIMPLE_DATE = re.compile(r"^(?:([A-Za-z]+)\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]+)\.?)(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")


def _simple_calendar(candidate: str, published: dt.date | None, *, future: bool) -> dt.date | None:
    """The common newswire forms ("Sep. 24", "Nov. 25, 1998", "24 September") without a parser call."""
    match = _SIMPLE_DATE.match(re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", candidate.strip()))
    if not match:
        return None
    month_name, day = (match[1], match[2]) if match[1] else (match[4], match[3])
    month = _MONTHS.get(month_name[:3].lower())
    if month is None:
        return None
    year = int(match[5]) if match[5] else (published.year if published else None)
    if year is None:
        return None
    try:
        date = dt.date(year, month, int(day))
    except ValueError:
        return None
    if not match[5] and published is not None:
        if future and date < published:
            date = date.replace(year=year + 1) if not (month == 2 and int(day) == 29) else date
        elif not future and date > published:
            date = date.replace(year=year - 1) if not (month == 2 and int(day) == 29) else date
    return date


#: Pattern kinds that are calendar dates ("Jan. 5", "5 January"), with or without a year.
_CALENDAR = frozenset({"month_day", "day_month"})
_HAS_YEAR = re.compile(r"\d{4}")
_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?$", re.I)


def _calendar(
    candidate: str, published: dt.date | None, *, future: bool, reference: dt.date | None = None
) -> dt.date | None:
    """Parse a short calendar-date string: the cheap common forms first, else dateparser on the candidate.

    Year-less dates take the nearest past (or, in a future clause, the nearest future) year; without a
    publication date, the year that puts the date nearest to ``reference`` (when given; in a future
    clause, the first such day on or after it).
    """
    has_year = bool(_HAS_YEAR.search(candidate))
    if not has_year and published is None:
        if reference is None:
            return None
        if future:  # "is scheduled for June 10": the first such day from the story's time on
            return _calendar(candidate, reference, future=True)
        before = _calendar(candidate, reference, future=False)
        if before is None:
            return None
        try:
            after = before.replace(year=before.year + 1)
        except ValueError:  # 29 February
            return before
        return after if abs((after - reference).days) < abs((reference - before).days) else before
    simple = _simple_calendar(candidate, published, future=future)
    if simple is not None:
        return simple
    import dateparser

    settings: dict[str, object] = {"REQUIRE_PARTS": ["day", "month"], "PREFER_DATES_FROM": "future" if future else "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    parsed = dateparser.parse(candidate, languages=["en"], settings=settings)
    if parsed is None:
        return None
    date = parsed.date()
    if not has_year and published is not None and not future and date > published:
        date = date.replace(year=date.year - 1)
    return date


def _count(word: str) -> int:
    word = word.lower()
    return 1 if word in {"a", "an"} else _NUMBER_WORDS.get(word, int(word) if word.isdigit() else 0)


def written_years(text: str) -> dict[tuple[int, int], int]:
    """The year an article writes with a calendar date, for each (month, day) it writes with one year only.

    A writer gives the year once ("bombs struck London on July 7, 2005") and then names the day alone
    ("the July 7 bombings"): :func:`find_dates` reads such a year-less day with the article's year for it.

    >>> written_years("Bombs struck on July 7 2005. The July 7 bombers met on 28 June, 2005 and on June 28, 2004.")
    {(7, 7): 2005}
    """
    years: dict[tuple[int, int], set[int]] = {}
    for kind, pattern in PATTERNS:
        if kind not in _CALENDAR:
            continue
        for match in pattern.finditer(text):
            if _HAS_YEAR.search(match[1]):
                date = _simple_calendar(match[1], None, future=False)
                if date is not None:
                    years.setdefault((date.month, date.day), set()).add(date.year)
    return {day: next(iter(found)) for day, found in years.items() if len(found) == 1}


# a tense that reports a development: a past, a perfect ("has died"), or a scheduled present ("opens today")
_REPORTING_TENSE = re.compile(
    rf"{_PAST_VERB_ANYWHERE.pattern}|\b(?:has|have)\s+(?:\w+\s+)?(?:been|\w+ed|\w+en|{IRREGULAR_PAST})\b|{_SCHEDULED.pattern}",
    re.I,
)
# what a sentence adds in a relative clause between commas, or after a dash, is about something else
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose|when)\b[^,]*(?:,|$)")
_OTHER_FACTS = re.compile(rf"{_RELATIVE_ASIDE.pattern}|\s+(?:_|--|–|—)\s+.*$")
# "today" as a noun ("Today's South Africa", "today's best opportunities") or with a state ("Harper today
# is a businessman"), and the newspaper "USA Today"
_TODAY_NOMINAL = re.compile(r"['’]s\b|\s+(?:is|are)\b")
_USA_BEFORE = re.compile(r"\bUSA\s+$")
_THAN_BEFORE = re.compile(r"\bthan\s+$", re.I)  # "more homes than today": a comparison with nowadays
_STATE = re.compile(
    r"\b(?:is|are|remains?|has|have|lives?|owns?|employs?|provides?|trains?|serves?|operates?|runs)\b|\b(?:is|are)\s+\w+ing\b"
)


_PARENTHESISED = re.compile(r"\([^()]*\)")
# an aside between two dashes ("Andy Tompkins -- who … works for the state board -- said Thursday"); the
# clause after a single dash may be the development itself, so it stays
_DASHED_ASIDE = re.compile(r"\s(?:_|--|\u2013|\u2014)\s.*?\s(?:_|--|\u2013|\u2014)\s")
# perfects of irregular verbs whose participle ends neither in -ed nor in -en ("has gone down", "have begun")
_IRREGULAR_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:gone|done|begun|come|become|run|hit|put|set|cut|shut|sunk|fled|"
    rf"{IRREGULAR_PAST})\b",
    re.I,
)
# an ongoing or planned development ("rescuers are searching", "the module is to fly"), a present of
# reporting ("the ministry says")
_ONGOING = re.compile(
    r"\b(?:is|are|was|were)\s+(?:(?:still|now|already|\w+ly)\s+)?(?:\w+ing|to)\b"
    r"|\b(?:says|reports|announces|warns|confirms)\b",
    re.I,
)


def reports_development(text: str) -> bool:
    """Whether a sentence tells something that happened or happens (its relative clauses and brackets aside).

    A past, a perfect, a scheduled, planned or ongoing present or a present of reporting does; a description in the
    present does not ("The coastal city is about 150 km from the center of Wednesday night's earthquake.",
    "The territory has a surface of 7,491 square kilometers (… damaged by the March 11 earthquake).").

    >>> reports_development("The city is about 150 km from the center of Wednesday night's earthquake.")
    False
    >>> reports_development("The territory comprises 24 villages (two damaged by the March 11 earthquake).")
    False
    >>> reports_development("Rescuers recovered the tail of the jet, which crashed on June 1.")
    True
    >>> reports_development("Rescuers are still searching the rubble of Friday's quake.")
    True
    >>> reports_development("Tompkins -- who works for the board -- said Thursday the standards stay.")
    True
    >>> reports_development("APEC officials have begun meeting ahead of the Nov. 17-18 summit.")
    True
    """
    outside = _RELATIVE_ASIDE.sub(" ", _DASHED_ASIDE.sub(" ", _PARENTHESISED.sub(" ", text)))
    return any(p.search(outside) is not None for p in (_REPORTING_TENSE, _ONGOING, _IRREGULAR_PERFECT))


def _nowadays(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether the "today" at ``text[start:end]`` means nowadays, not the day of a development.

    The newspaper "USA Today"; a comparison ("than today"); a possessive "today's", a "today is/are" or an
    opening "Today," before a state or a habit, in a sentence (quotations, relative clauses and what follows
    a dash aside) without a past, a perfect or a scheduled present.

    >>> def nowadays(t):
    ...     at = t.lower().index("today")
    ...     return _nowadays(t, at, at + 5, [])
    >>> nowadays("Today's South Africa has urgent new problems to deal with."), nowadays("He works for USA Today.")
    (True, True)
    >>> nowadays("Today's stage was won by Contador."), nowadays("The minister resigned today.")
    (False, False)
    >>> nowadays("Klaus, who arrived today, is speaking in Budapest.")
    False
    >>> nowadays("Today, companies are selling everything over the Internet."), nowadays("Today, the talks ended.")
    (True, False)
    >>> nowadays("Today, the Peanuts gang retires after almost 50 years.")
    False
    >>> nowadays("It reaches more homes than today.")
    True
    """
    if _USA_BEFORE.search(text, max(0, start - 6), start) or _THAN_BEFORE.search(text, max(0, start - 6), start):
        return True
    # an opening "Today," before a state or a habit ("Today, the school trains more than half the world's
    # missionary pilots"; not "Today, the Peanuts gang retires")
    fronted = (
        not text[:start].strip(" \t\n\"'`\u201c\u2018") and text[end : end + 1] == "," and _STATE.search(text, end)
    )
    if not fronted and not _TODAY_NOMINAL.match(text, end):
        return False
    outside = text
    for q_start, q_end in sorted(quoted, reverse=True):
        outside = outside[:q_start] + " " + outside[q_end:]
    return _REPORTING_TENSE.search(_OTHER_FACTS.sub(" ", outside)) is None


def find_dates(
    text: str,
    *,
    published: dt.date | None,
    reference: dt.date | None = None,
    years: Mapping[tuple[int, int], int] | None = None,
) -> list[DateMention]:
    """Resolved date expressions in ``text`` (a sentence), in text order; unresolvable ones are left out.

    Relative expressions and weekdays inside a quotation are skipped (they are relative to when the
    speaker spoke, which the paper does not say).  ``reference``: for an undated article, a day near
    which its story happens (see :func:`story_reference`): a year-less calendar date ("on 3 October")
    takes the year nearest to it; weekdays and relative days stay unresolved (they need the day the
    article was written).  ``years`` (:func:`written_years` of the article): a year-less calendar date
    outside a future clause takes the year the article writes with that day ("the July 7 bombings" in an
    article of 2008 that says "July 7, 2005" are not the coming July's).

    >>> t = "The seizure took place on the eve of Saturday's expected vote on sanctions."
    >>> [(m.text, m.date.isoformat(), m.future) for m in find_dates(t, published=dt.date(2007, 3, 23))]
    [('the eve of Saturday', '2007-03-23', False)]
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    opened = quote_opened_before(text)
    if opened is not None:
        quoted.append((0, opened))
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if kind != "iso" and kind not in _CALENDAR and any(s <= start < e for s, e in quoted):
                continue  # "today" inside a quotation is the speaker's day, not the paper's
            future = told_future = clause_is_future(text, start, end)
            if kind == "relative" and match[1].lower() == "today" and not future and _nowadays(text, start, end, quoted):
                continue  # "Today's South Africa has urgent new problems", "USA Today": no day's development
            if not future and clause_is_scheduled(text, start):
                future = kind not in _CALENDAR or _nearer_ahead(kind, match, published, reference)
            elif not future and kind in _CALENDAR and _dated_event(text, start):
                # "the Dec. 6-20 games", "The games open Dec. 6": the event's own date, whatever the
                # clause's tense says of something else: the coming one when it is much the nearer (a past
                # event named months later, "the February 27 earthquake", stays past)
                future = _nearer_ahead(kind, match, published, reference, factor=_EVENT_AHEAD)
            elif not future and kind in _CALENDAR and not _PAST_VERB_GOVERNS.search(text, max(0, start - 40), start):
                # "The decision to cancel 99 games between Nov. 3 and Nov. 16 came after …" in an October
                # article: a year-less date weeks ahead is this year's (a writer adds the year to a day
                # eleven months back), whatever the verb's tense
                clause = _last_clause(text[max(0, start - 120) : start], _CLAUSE_BREAK)
                factor = _PAST_VERB_AHEAD if _PAST_VERB_ANYWHERE.search(clause) else _PAST_CLAUSE_AHEAD
                future = _nearer_ahead(kind, match, published, reference, factor=factor)
            if not future and kind == "weekday" and _AWAITED_EVENT.match(text, end):
                future = True  # "Saturday's expected vote": an event still to come, whatever the verb's tense
            mention = _resolve(kind, match, published, future=future, reference=reference)
            if mention is not None and years and kind in _CALENDAR and not told_future and not _HAS_YEAR.search(match[1]):
                written = years.get((mention[0].month, mention[0].day))
                if written is not None and written != mention[0].year:
                    mention = (mention[0].replace(year=written), mention[1])
                    future = published is not None and mention[0] > published
            eve = _EVE_BEFORE.search(text, max(0, start - 16), start)
            if mention is not None and eve is not None:
                # "on the eve of Saturday's vote": the day before; the development is still to come only
                # when the clause says so or the eve is after publication ("The seizure took place on the
                # eve of Saturday's expected vote" is done, though the vote is awaited)
                mention, start = (mention[0] - dt.timedelta(days=1), mention[1]), eve.start()
                future = told_future or (published is not None and mention[0] > published)
            days = _DAY_RANGE_BEFORE.search(text, max(0, start - 16), start) if kind == "day_month" else None
            if mention is not None and days is not None and 0 < int(days[1]) < mention[0].day:
                # "on 5-8 April", "between 5 and 8 April": the range's first day, when the thing began
                mention, start = (mention[0].replace(day=int(days[1])), mention[1]), days.start()
            if mention is not None:
                named = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start) if kind in _CALENDAR else None
                if named is not None:  # "Thursday, February 12": one expression
                    start = named.start()
                    if not _HAS_YEAR.search(match[1]):
                        # a year-less date with its weekday: the weekday fixes the year ("said in an editorial on
                        # Tuesday, July 25", published on July 24: this year's, though the clause is past)
                        mention = (_year_of_weekday(mention[0], WEEKDAYS.index(named[1].lower())), mention[1])
                found.append(DateMention(start, end, text[start:end], *mention, kind=kind, future=future))
                taken.append((start, end))
    return sorted(found, key=lambda m: m.start)


#: A calendar date naming an event's day: after a determiner ("the Nov. 3 election", "the Dec. 6-20
#: Games"), or after a plural subject's present of a scheduled event ("the games open Dec. 6").
_EVENT_AHEAD = 4
#: … and any other year-less date of a clause that is not future: ahead only when this many times nearer,
#: and not when a past verb governs it ("The ceasefire ended on May 2", "He must have left on May 2")
_PAST_CLAUSE_AHEAD = 6
#: … and when a past verb stands before it in its clause ("was seized by gunmen … on Jan. 29" in December:
#: last January's; "Lee decided to send Chiang to the summit on Nov. 17-18": the coming one, weeks ahead)
_PAST_VERB_AHEAD = 10
_PAST_VERB_GOVERNS = re.compile(
    rf"\b(?:{IRREGULAR_PAST}|\w+ed|was|were|had|did)\s+(?:(?:on|in|at|by|until|till|from)\s+)?$", re.I
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
_SCHEDULED_PLURAL = re.compile(
    r"\b(?:begin|start|open|resume|reopen|end|close|meet|convene|expire|kick off|get under way)\s+(?:on\s+)?$", re.I
)


def _dated_event(text: str, position: int) -> bool:
    """Whether the calendar date at ``position`` gives an event's own day (see :data:`_DETERMINER_BEFORE`).

    >>> t = "A company's problems threatened the complex in time for the Dec. 6-20 games."
    >>> _dated_event(t, t.index("Dec.")), _dated_event("He was arrested on Oct. 16.", 19)
    (True, False)
    """
    before = text[max(0, position - 30) : position]
    return bool(_DETERMINER_BEFORE.search(before) or _SCHEDULED_PLURAL.search(before))


#: A weekday's event that is still awaited: "Saturday's expected vote", "Monday's planned talks".
_AWAITED_EVENT = re.compile(
    r"['\u2019]s\s+(?:\w+\s+)?(?:expected|planned|scheduled|upcoming|coming|proposed|forthcoming|looming|impending)\b",
    re.I,
)
#: "the eve of <date>": the day before it.
_EVE_BEFORE = re.compile(r"\bthe\s+eve\s+of\s+$", re.I)
#: The first day of a range written before its month: "5-8 April", "5 to 8 April", "between 5 and 8 April".
_DAY_RANGE_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|until|through)\s*$")


def _nearer_ahead(
    kind: str, match: re.Match[str], published: dt.date | None, reference: dt.date | None, *, factor: int = 1
) -> bool:
    """Whether a year-less calendar date lies nearer ahead of the publication (or reference) than behind it.

    ``factor``: ahead must be that many times nearer than behind.
    """
    anchor = published or reference
    if _HAS_YEAR.search(match[1]):
        return False  # "Aug. 2, 1995": its year says when, neither ahead nor behind is to choose
    ahead = _resolve(kind, match, published, future=True, reference=reference)
    behind = _resolve(kind, match, published, future=False, reference=reference)
    if anchor is None or ahead is None or behind is None:
        return False
    return factor * (ahead[0] - anchor) < (anchor - behind[0])


def _year_of_weekday(date: dt.date, weekday: int) -> dt.date:
    """``date`` moved by at most a year to where it falls on ``weekday`` ("Thursday, February 12"), if it can."""
    for shift in (0, -1, 1):
        try:
            moved = date.replace(year=date.year + shift)
        except ValueError:  # 29 February
            continue
        if moved.weekday() == weekday:
            return moved
    return date


def _resolve(
    kind: str, match: re.Match[str], published: dt.date | None, *, future: bool, reference: dt.date | None = None
) -> tuple[dt.date, Precision] | None:
    if kind == "iso":
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), "day"
        except ValueError:
            return None
    if kind in _CALENDAR:
        date = _calendar(match[1], published, future=future, reference=reference)
        return (date, "day") if date else None
    if published is None:
        return None
    if kind == "weekday":
        return _weekday(match[2], match[1], published, future=future), "day"
    if kind == "relative":
        return published + dt.timedelta(days=_RELATIVE_DAYS[match[1].lower()]), "day"
    if kind == "anniversary":
        count = _count(match["ago"] or match["years"] or "a")
        if count < 1:
            return None
        try:
            return published.replace(year=published.year - count), "day"
        except ValueError:  # 29 February
            return published.replace(year=published.year - count, day=28), "day"
    if kind == "ago":
        count, unit = _count(match[1]), match[2].lower()
        if unit == "day":
            return published - dt.timedelta(days=count), "day"
        if unit == "week":
            return published - dt.timedelta(weeks=count), "day"
        if unit == "month":
            return (published - relativedelta(months=count)).replace(day=1), "month"
        return None
    if kind == "week":
        # "last week", "earlier this week", "next weekend": the month of the week's middle (a weekend: its
        # Saturday); a week is no day to date a development by, so the month is shown
        which, unit = " ".join(match[1].lower().split()), match[2].lower()
        if unit == "weekend":
            saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
            day = saturday + dt.timedelta(days={"last": -7, "next": 7}.get(which, 0))
            if which == "last" and day >= published:
                day -= dt.timedelta(days=7)
        else:
            day = published + dt.timedelta(days=_WEEK_SHIFT[which])
        return day.replace(day=1), "month"
    # last/next/this month
    step = {"last": -1, "next": 1, "this": 0}[match[1].lower()]
    return (published + relativedelta(months=step)).replace(day=1), "month"


#: Days from publication to the middle of the week a week expression names.
_WEEK_SHIFT = {"last": -7, "next": 7, "this": 0, "earlier this": -2, "later this": 2}


#: An undated article's year-less dates are read near its story's dated articles only when those span at
#: most this many days (a story of one season, not a feature spanning years).
STORY_SPAN_DAYS = 120


def story_reference(published: Iterable[dt.date | None]) -> dt.date | None:
    """The median publication date of a story's dated articles when they lie within :data:`STORY_SPAN_DAYS`."""
    dates = sorted(d for d in published if d is not None)
    if not dates or (dates[-1] - dates[0]).days > STORY_SPAN_DAYS:
        return None
    return dates[len(dates) // 2]
