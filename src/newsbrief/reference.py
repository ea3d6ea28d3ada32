"""Whether a sentence leans on others for whom it speaks of: pronouns with nobody to refer to.

A summary sentence, an "only in one source" item and a timeline entry are shown alone; "Police said he was
arrested" does not say who.  :func:`dangling_pronoun` finds a "he"/"she"/"his"/"her" with no name or person
noun before it in the sentence; :func:`proper_names` tells the story's names from common words written
capitalised at a sentence's start.  English (closed-class words and person nouns).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from wordfreq import zipf_frequency

from newsbrief.dates import MONTH_NAMES, WEEKDAYS
from newsbrief.names import TITLE_HEADS

_THIRD_PERSON = frozenset("he she him her his hers himself herself".split())
_DETERMINERS = frozenset("the a an this that one another each every".split())
# nouns for people (with the titles of names.TITLE_HEADS): "the mayor said he …" has an antecedent,
# "the tweet showed her …" has none.  English.
_PERSON_NOUNS = TITLE_HEADS | frozenset(
    """man woman men women boy girl child person people wife husband mother father son daughter brother
    sister family friend lady couple suspect victim driver passenger student teacher nurse soldier
    worker owner resident witness gunman attacker bomber survivor relative parent fan""".split()
)
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|``.*?''")
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)
_OPENERS = frozenset("\"'`\u201c\u2018:;-\u2013\u2014.!?(")
_COMMON_WORD_ZIPF = 3.0  # wordfreq's Zipf scale: "investigators" 3.9, "police" 5.3
_TOKEN = re.compile(r"\w[\w'\u2019-]*")


def proper_names(texts: Sequence[str]) -> frozenset[str]:
    """The story's words that are names, lower-cased.

    A name is written capitalised in most of its uses inside a sentence (not as its first word, nor
    as the first word of a quotation or after a colon or dash): "Smith", not "Investigators" or "Oh".
    """
    upper: dict[str, int] = defaultdict(int)
    lower: dict[str, int] = defaultdict(int)
    for text in texts:
        for match in list(_TOKEN.finditer(text))[1:]:
            token = match.group()
            if token[:1].isupper():
                if text[: match.start()].rstrip()[-1:] in _OPENERS:
                    continue
                upper[token.lower()] += 1
            else:
                lower[token.lower()] += 1
    return frozenset(w for w, n in upper.items() if n > lower.get(w, 0))


def dangling_pronoun(text: str, names: frozenset[str] | None = None) -> bool:
    """Whether a "he"/"she"/"his"/"her" of the sentence has nobody in it to refer to.

    "Investigators believe he was involved in the killings." names nobody the pronoun could stand for: it
    leans on an earlier sentence.  An antecedent is a name before the pronoun (a capitalised word inside
    the sentence, not a day or month; the first word when it is one of the story's ``names`` or a
    possessive — all capitalised first words count as names without ``names``) or a noun phrase opened by
    a determiner ("the minister said he …"); or, for a pronoun in an opening clause, the subject of the
    clause after its comma ("If he wins, Cardoso will …").  English.

    >>> story = frozenset({"smith"})
    >>> dangling_pronoun("Police said he was arrested.", story), dangling_pronoun("Smith said he would go.", story)
    (True, False)
    >>> dangling_pronoun("The mayor said he would resign.", story), dangling_pronoun("On Monday, Mr Lee said his plan failed.")
    (False, False)
    >>> dangling_pronoun("Asked his view, Lee said no.", story), dangling_pronoun("At 14, he left school.", story)
    (False, True)
    >>> dangling_pronoun("The tweet showed her at home.", story), dangling_pronoun("A senior official said she left.", story)
    (True, False)
    >>> dangling_pronoun('"Of all the roots of Michelle, this one matters," she said.', story)
    True
    >>> dangling_pronoun("A 28-year-old Frenchman, he was known to the police.", story)
    True
    >>> dangling_pronoun("Smith Airlines had told the families, he said.", story)
    True
    """
    if _FRONTED_DESCRIPTION.match(text) or _PRONOUN_ATTRIBUTION_TAIL.search(text):
        return True
    tokens = list(_TOKEN.finditer(text))
    quoted = [q.span() for q in _QUOTED.finditer(text)]
    for index, match in enumerate(tokens):
        token = match.group()
        low = token.lower()
        if any(start < match.start() < end for start, end in quoted) and low not in _THIRD_PERSON:
            continue  # a name inside a quotation is not who the words outside it speak of
        if low in _THIRD_PERSON:
            if index == 0:
                return False  # a sentence opening with one is needs_context's
            comma = text.find(",", match.end())
            return not (0 <= comma and "," not in text[: match.start()] and _antecedent_after(text, comma))
        if _names_someone(token, index, names) or (low in _DETERMINERS and _person_follows(tokens, index)):
            return False
    return False


# "Malaysia Airlines had told the families …, he said.": a speaker given as a pronoun after the words is the
# person the sentences before introduced (a name said by the sentence is who it speaks of, not who speaks)
_PRONOUN_ATTRIBUTION_TAIL = re.compile(
    r",[\"'”’]*\s+(?:he|she)\s+(?:said|says|added|adds|told\s+[^,.]{1,40}|explained|noted|stressed)\.$"
)

# "A 28-year-old Frenchman, he was known to …": an indefinite description put before the pronoun says who
# he is, not which person of the story
_FRONTED_DESCRIPTION = re.compile(r"\W*an?\s[^,.;:\"\u201c]{1,60},\s+(?:he|she)\b", re.IGNORECASE)


def _person_follows(tokens: list[re.Match[str]], index: int) -> bool:
    """A noun for a person within the three words after a determiner ("the first lady", "a senior official")."""
    following = (t.group().lower() for t in tokens[index + 1 : index + 4])
    return any(w in _PERSON_NOUNS or w.removesuffix("s") in _PERSON_NOUNS for w in following)


def _names_someone(token: str, index: int, names: frozenset[str] | None) -> bool:
    low = token.lower()
    if not token[:1].isupper() or low in _CALENDAR or low == "i":
        return False
    # a first word: one of the story's names, a possessive, or no common English word ("Al-Sharaa")
    return (
        index > 0 or names is None or low in names or low.endswith(("'s", "\u2019s"))
        or zipf_frequency(low, "en") < _COMMON_WORD_ZIPF
    )


def _antecedent_after(text: str, comma: int) -> bool:
    """After an opening clause's comma the sentence names someone (a name or a determiner's person noun).

    "In his second call, according to several people who listened, Gingrich blamed …": the subject may
    come after more commas.
    """
    following = list(_TOKEN.finditer(text, comma + 1))
    return any(
        _names_someone(t.group(), 1, None) or (t.group().lower() in _DETERMINERS and _person_follows(following, k))
        for k, t in enumerate(following)
    )
