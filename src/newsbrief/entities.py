"""People, organisations and places of a story, with spelling/transliteration variants merged.

Steps: spaCy NER over the story's articles (one ``nlp.pipe`` pass, shared with quotes through
:class:`newsbrief.nlp.NlpModels`); mentions cleaned (possessive, honorifics, titles → role); within an
article a surname-only mention ("Sihanouk", "Mr. Sihanouk") links to the one full name with that
surname in the same article; across articles full names merge when :func:`newsbrief.names.name_similarity`
says they are variants (greedy, complete linkage: every pair inside an entity must be compatible, and a
name compatible with two mutually incompatible names — "George Bush" next to "George W. Bush" and
"George H. W. Bush" — stays on its own); merges that rest on fuzzy (not exact) token matches also need
shared context (content words around the mentions).  No table of people's or organisations' names; one
gazetteer of places (:mod:`newsbrief.places`) only confirms a place the words around it already say is one.

>>> from newsbrief.model import Article
>>> from newsbrief.nlp import NlpModels
>>> text = "Prime Minister Hun Sen met King Norodom Sihanouk on Monday. Sihanouk said little."
>>> article = Article(id="a1", content_hash="h1", source="a.txt", title=None, text=text)
>>> people = {e.name: e for e in extract_entities([article], models=NlpModels()) if e.kind == "PERSON"}
>>> people["Norodom Sihanouk"].mentions, people["Hun Sen"].role
(2, 'Prime Minister')
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from newsbrief.dates import TIME_WORDS
from newsbrief.model import Article, Entity, EntityKind
from newsbrief.names import (
    HONORIFICS,
    ORG_DESIGNATORS,
    PLACE_DESIGNATORS,
    STORM_TITLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TOKEN_MIN,
    NameMatcher,
    acronym,
    acronyms,
    clean_name,
    content_tokens,
    familiar_form,
    fold,
    hyphen_split,
    joined_initials,
    name_tokens,
    split_title,
    without_arabic_article,
)
from newsbrief.nlp import NlpModels
from newsbrief.places import known_place, state_named_by
from newsbrief.text import STOPWORDS, TITLE_ABBREVIATIONS, content_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABELS: dict[str, EntityKind] = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}
# A merge whose weakest token similarity is below this needs shared context as well.
FUZZY_BELOW = 0.97
GROUP_CUES = 2  # mentions whose words make a name a group (_organisation_cue) that settle its kind
# a one-word name rarer than this in English text (wordfreq's Zipf scale: "Najib" 2.8, "Saddam" 3.4; "Anne"
# 4.3, "Kim" 4.6) names one person of the story: it joins the one full name that opens with it
DISTINCTIVE_GIVEN_NAME_ZIPF = 3.5
# a known place name at least this common in English is also a word or a brand ("Toyota" 3.95, "Oxford" 4.4,
# "Hull" 4.1); rarer ones name the place ("Sendai" 2.7, "Grozny" 2.4, "Hobart" 3.4, "Santiago" 3.7)
COMMON_PLACE_NAME_ZIPF = 3.9
RARE_FORM = 2  # mentions of a one-word name that may still be a misspelt surname
# a one-word name the NER never calls a person is a person's surname when its mentions are at most this
# many times the person's full-name votes (PERSON mentions count 3, titled ones 4): "Pinochet" (45 mentions,
# all GPE) next to "Augusto Pinochet" (11 mentions), but not "Paris" next to a slogan "Je Suis Paris"
SURNAME_SHARE = 2
# a "person" whose first word alone is an organisation of the story mentioned this many times more often is
# the organisation's product ("Samsung Alpha" beside 336 "Samsung"), see unify_kinds
ORG_WORD_SHARE = 10
# a "person" whose first word opens two or more organisations' names mentioned together this many times as
# often is one more product of that line ("Galaxy Alpha" beside "Galaxy S5", "Galaxy S4"), see _product_lines
PRODUCT_LINE_SHARE = 2
CONTEXT_MIN = 0.05
CONTEXT_WINDOW = 150


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention in one article: cleaned surface form, kind, offsets and any role given."""

    article_id: str
    form: str
    kind: EntityKind
    start: int
    end: int
    role: str | None = None
    organisation_cue: bool = False  # the words around it make it a group ("the Syriza party", "leader of Syriza")
    place_cue: bool = False  # a locative preposition before it makes it a place ("in Molenbeek", "at the Bataclan")
    # a one-word name after a locative word, whatever the NER called it (it does not vote for a kind; it only
    # keeps a place from being taken for a given name, see unify_kinds)
    located: bool = False
    # the words before it make it a person without giving a role: an honorific ("Mrs. Holt") or a relative
    # ("his wife Michelle", "their daughters Malia and Sasha"); it votes as a title does
    person_cue: bool = False
    # the title words around a name the NER took for an organisation ("Yvo de Boer, the U.N.'s climate
    # change chief"): no vote, but its role should the story's votes make it a person (see unify_kinds)
    unvoted_role: str | None = None
    # a ship's name ("HMS Echo", "the Australian vessel Ocean Shield") or a flight's ("flight MH370"): no
    # person, organisation or place; every mention of the name is left out (see unify_kinds)
    craft: bool = False
    # a medium's noun before it ("the leading Arabic daily Al-Hayat"): one such mention settles the kind
    # (see unify_kinds)
    media_cue: bool = False


# A ship's name: a navy's or a merchant fleet's prefix ("HMS Echo", "HMAS Success", "USS Cole", "MV Sewol"),
# or a word for a ship right before it ("the frigate HMS Cornwall", "Australian vessel Ocean Shield"; not
# "carrier", which names airlines too)
_VESSEL_PREFIX = re.compile(r"(?:HMS|HMAS|HMCS|HMNZS|USS|USNS|INS|RFA|MV|RV|CCGS)\s+[A-Z]")
_VESSEL_BEFORE = re.compile(
    r"\b(?:ship|vessel|frigate|destroyer|submarine|warship|tanker|freighter|ferry|cruiser|trawler|yacht|"
    r"icebreaker|minesweeper|corvette|gunboat)\s+$",
    re.IGNORECASE,
)
# A flight's name: an airline's code and number after the word "flight" ("missing flight MH370", "Flight QZ8501";
# "MH370" alone then names the flight too, see unify_kinds), or a name holding "Flight <number>" ("Malaysia
# Airlines Flight 17"); not a code without the word ("G20", "A380", "P-8" are other things)
_FLIGHT_CODE = re.compile(r"(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\s?\d{1,4}[A-Z]?")
_FLIGHT_BEFORE = re.compile(r"\bflight\s+$", re.IGNORECASE)
_FLIGHT_IN_NAME = re.compile(r"\bFlight\s+(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])?\s?\d{1,4}\b")


def _flight(form: str, text: str, start: int) -> bool:
    """Whether the name ``form`` at ``text[start:]`` is a flight's (see :data:`_FLIGHT_CODE`).

    >>> t = "The missing flight MH370 left at night. Malaysia Airlines Flight 17 was shot down."
    >>> _flight("MH370", t, t.index("MH370")), _flight("Malaysia Airlines Flight 17", t, t.index("Malaysia"))
    (True, True)
    >>> _flight("G20", "the G20 summit", 4), _flight("Malaysia Airlines", t, t.index("Malaysia"))
    (False, False)
    """
    if _FLIGHT_IN_NAME.search(form):
        return True
    return bool(_FLIGHT_CODE.fullmatch(form) and _FLIGHT_BEFORE.search(text, max(0, start - 12), start))


# What the words around a name say it is a group, not a person (see :func:`_organisation_cue`).
_GROUP_NOUNS = r"(?:party|movement|coalition|alliance|bloc|faction)"
# "Isil fighters", "Hamas militants": a group's members after its name
_GROUP_AFTER = re.compile(
    rf"\s+(?:{_GROUP_NOUNS}|fighters|militants|jihadists|gunmen|guerrillas|members)\b", re.IGNORECASE
)
# "New Democracy-led": a party leads a government, but so does a country a coalition ("US-led", "Saudi-led")
_LED_AFTER = re.compile(r"-led\b", re.IGNORECASE)
_GROUP_NOUN_BEFORE = re.compile(rf"\b{_GROUP_NOUNS}\s+$", re.IGNORECASE)
# "the Cypriot newspaper Haravgi", "news agency Xinhua": a medium's name, not a person's
_MEDIA_NOUN_BEFORE = re.compile(r"\b(?:newspaper|daily|weekly|magazine|tabloid|broadcaster|news\s+agency|website)\s+$", re.I)
# "Vogue magazine", "the Sun newspaper" (not "daily"/"weekly" after a name: "Obama daily briefings")
_MEDIA_NOUN_AFTER = re.compile(r"\s+(?:newspaper|magazine|tabloid|broadcaster|news\s+agency|website)\b", re.I)
_MEMBERS_OF_BEFORE = re.compile(
    r"\b(?:leaders?|head|chairman|chairwoman|members?|founder|spokes(?:man|woman))\s+of(?:\s+the)?\s+$", re.IGNORECASE
)
#: How sure the words around a name are that it is a group: a group noun next to it says so of any name;
#: leaders and members say it of a name the NER took for a person, not of a place (countries have leaders).
STRONG_CUE, WEAK_CUE = 2, 1
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
# a team's people or staff after its name ("Chelsea manager José Mourinho", "Wigan striker"; not "fans":
# "Bieber fans")
_TEAM_AFTER = re.compile(
    r"\s+(?:manager|boss|coach|striker|midfielder|defender|goalkeeper|keeper|winger|forward|captain|"
    r"squad|team-mates|teammates)\b",
    re.IGNORECASE,
)
# an inner capital after two lower-case letters of a word (not "Mac": MacArthur) — a brand's, not a person's
_CAMEL_CASE = re.compile(r"\b(?!Mac[A-Z])[A-Z]?[a-z]{2,}[A-Z]")
_PLURAL_VERB_AFTER = re.compile(r"\s+(?:are|have|were)\b(?!\s+(?:you|we|they|I)\b)")
# a sentence (or paragraph) starts right before a name
_SENTENCE_OPENS_BEFORE = re.compile(r"(?:^|[.!?]['\"\u201d\u2019)]*\s+|\n\s*)$")
_MEMBERS = r"(?:leaders?|spokes(?:man|woman)|members?|supporters|voters|lawmakers|candidates?)\b"
_MEMBER_AFTER = re.compile(rf"\s+{_MEMBERS}")
# a person has a spokesman and supporters, but not a leader or members
_POSSESSIVE_MEMBER_AFTER = re.compile(r"['\u2019]s\s+(?:leaders?|members)\b")
# "in Molenbeek", "at the Bataclan", "outside the Stade de France": where things happen, not who ("from"
# and "with" take people: "a call from Obama")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|inside|outside|across|throughout|"
    # "the mayor of Molenbeek", "the Brussels district of Molenbeek", "residents of Kalima"
    r"(?:[Mm]ayor|[Gg]overnor|district|city|town|village|province|region|capital|suburb|outskirts|residents|"
    r"streets"
    # "65 kilometers northwest of Curicó", "offshore of Maule": a bearing is taken from a place
    r"|(?:north|south|east|west)(?:-?(?:north|south|east|west))*|offshore)\s+of)\s+(?:the\s+)?$"
)
# "a Molenbeek resident", "Kalima-born": a place's people
_PLACE_AFTER = re.compile(r"(?:\s+(?:residents?|natives?)\b|-born\b)")


#: Endings of the plural of a nationality or a group's members ("Americans", "Albanians", "Islamists").
_PEOPLE_ENDINGS = ("ians", "eans", "cans", "ites", "ists")


_POSSESSIVE_ENDINGS = ("'s", "\u2019s", "\u2018s", "'S", "\u2019S")  # 'S: a name in capitals


def _without_possessive(text: str, start: int, end: int) -> tuple[int, bool]:
    """The end of a name without a possessive the NER span may hold, and whether one follows the name."""
    if text[start:end].endswith(_POSSESSIVE_ENDINGS):
        return end - 2, True
    return end, text.startswith(_POSSESSIVE_ENDINGS, end)


def _a_people(form: str, groups: set[str]) -> bool:
    """A plural that the NER calls a nationality or a group elsewhere in the article: a people, not a name.

    Its singular is one ("Greek" for "Greeks"), or the plural itself with a people's ending
    ("Velorians"); not a surname ending in *s* that the NER once took for a group ("Schepmans").

    A plural whose stem makes the nationality with "-ian" or "-ish" is one too ("Croats" where "Croatian" is
    one, "Kurds": "Kurdish", "Swedes": "Swedish"); not a singular, which may be a country the NER called a
    person ("Jordan" where "Jordanian" is a nationality).

    >>> _a_people("Greeks", {"Greek"}), _a_people("Velorians", {"Velorians"}), _a_people("Schepmans", {"Schepmans"})
    (True, True, False)
    >>> _a_people("Croats", {"Croatian"}), _a_people("Swedes", {"Swedish"}), _a_people("Croat", {"Croatian"})
    (True, True, False)
    """
    if not form.endswith("s"):
        return False
    if form[:-1] in groups or (form in groups and form.endswith(_PEOPLE_ENDINGS)):
        return True
    stems = (form[:-1], form[:-2]) if form.endswith("es") else (form[:-1],)
    return any(len(stem) >= 3 and (stem + "ian" in groups or stem + "ish" in groups) for stem in stems)


# nouns for one of a people that the NER runs into the name after them ("Irishman Liam Brady") or takes for
# a name alone; the peoples whose adjective is no noun for one of them ("an American" is)
_ONE_OF_A_PEOPLE = ("man", "men", "woman", "women")  # "Frenchman", "Irishwomen"
_DEMONYM_NOUNS = frozenset(
    f"{people}{suffix}"
    for people in ("english", "french", "irish", "welsh", "scots", "dutch", "cornish", "manx")
    for suffix in _ONE_OF_A_PEOPLE
) | {"briton", "britons"}
_NATIONAL = re.compile(rf"(?P<people>[A-Z][a-z]+?)(?:{'|'.join(_ONE_OF_A_PEOPLE)})")


def _a_national(form: str, groups: set[str]) -> bool:
    """One of a people the NER calls a nationality elsewhere in the article ("Frenchman": "French").

    >>> _a_national("Frenchman", {"French"}), _a_national("Chapman", {"French"}), _a_national("Dutchmen", {"Dutch"})
    (True, False, True)
    """
    match = _NATIONAL.fullmatch(form)
    return match is not None and match.group("people") in groups


# "Fernando de Noronha, an island off …", "Pasni, a port town in …": the apposition names a kind of place
_PLACE_APPOSITION = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:island|islands|archipelago|town|city|village|province|region|"
    r"district|suburb|capital|port|county|peninsula|atoll|valley)"
    # … where the apposition ends or goes on with where it is ("a town official" is a person)
    r"(?=\s*[,.;:)]|\s+(?:in|of|off|on|near|north|south|east|west|located|where|that|which|with|about|"
    r"some|approximately|just|close|along)\b)",
    re.I,
)


# an apposition saying what kind of organisation a name is ("Fugro Survey, the Dutch company contracted by
# …", "Haravgi, a newspaper close to the party,") — where it ends or goes on with what it does or where
_ORGANISATION_APPOSITION = re.compile(
    # (not the nouns a person can be too: "a refinery operator", "a religious broadcaster", "a contractor")
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|agency|airline|carrier|manufacturer|"
    r"bank|insurer|newspaper|daily|charity|organi[sz]ation|watchdog|regulator|"
    r"club|party|union|conglomerate|retailer|startup|start-up|consultancy)"
    r"(?=\s*[,.;:)]|\s+(?:in|of|based|headquartered|that|which|contracted|hired|owned|run|led|behind|for|"
    r"with|close)\b)",
    re.I,
)
# a portfolio, not a name: a one-word "organisation" right before the office it names
# (not "NATO Secretary-General", "U.S. Secretary of State": an abbreviation or a named office's head)
_PORTFOLIO_AFTER = re.compile(r"\s+(?:Minister|Secretary)\b(?![- ](?:[Gg]eneral|of)\b)")


def _place_apposition(text: str, end: int) -> bool:
    """A name followed by an apposition saying what kind of place it is, whatever its length or NER label.

    >>> t = "Ships searched north of Fernando de Noronha, an island off the coast, and near Natal."
    >>> _place_apposition(t, t.index(",")), _place_apposition("Pedro Alves, a town official, spoke.", 11)
    (True, False)
    """
    return bool(_PLACE_APPOSITION.match(text, end))


def _place_cue(text: str, start: int, end: int) -> bool:
    """A name said to be a place: what is right before or after it says where, not who.

    A locative preposition, "mayor/district/residents of" or a bearing ("65 kilometers northwest of")
    right before it, or "resident(s)/native(s)" or "-born" right after ("in Mali", "a Molenbeek
    resident"; not "in Obama's view").

    >>> t = "Raids in Molenbeek followed. In Obama's view, it was wrong. Fans at the Bataclan fled."
    >>> [_place_cue(t, t.index(n), t.index(n) + len(n)) for n in ("Molenbeek", "Obama", "Bataclan")]
    [True, False, True]
    >>> t = "The mayor of Laeken spoke to Obama, a Kalima resident."
    >>> [_place_cue(t, t.index(n), t.index(n) + len(n)) for n in ("Laeken", "Obama", "Kalima")]
    [True, False, True]
    >>> t = "The quake struck 65 km north-northwest of Curico, a friend of Lopez said."
    >>> [_place_cue(t, t.index(n), t.index(n) + len(n)) for n in ("Curico", "Lopez")]
    [True, False]
    """
    end, possessive = _without_possessive(text, start, end)
    if possessive:
        return False
    if _PLACE_AFTER.match(text, end):
        return True
    return bool(_PLACE_BEFORE.search(text, max(0, start - 24), start))


def _organisation_cue(text: str, start: int, end: int) -> int:
    """How surely the words around a name make it a political group or movement (0: not at all).

    A group noun right after or before it ("the Syriza party", "the anti-bailout party Syriza",
    "Isil fighters"); weakly "-led" after it ("New Democracy-led", but also "US-led"), "leader/members of" before it, "the … leader/members/voters" around it
    ("the New Democracy leader") or "'s leader/members" after it: a person is not a party's name nor
    has members (but "Hun Sen's party" is a person's party).

    >>> t = "The Syriza party won. The New Democracy leader spoke. Tsipras leads the leader of Syriza."
    >>> [_organisation_cue(t, t.index(n), t.index(n) + len(n)) for n in ("Syriza", "New Democracy", "Tsipras")]
    [2, 1, 0]
    >>> t = "Kalvar militants fled."
    >>> _organisation_cue(t, 0, 6)
    2
    >>> t = "Hun Sen's party won, and Syriza's leader conceded."
    >>> _organisation_cue(t, 0, 7), _organisation_cue(t, t.index("Syriza"), t.index("Syriza") + 6)
    (0, 1)
    """
    before = text[max(0, start - 30) : start]
    end, possessive = _without_possessive(text, start, end)
    after = text[end : end + 20]
    if possessive:  # "Hun Sen's party" is a person's party
        return WEAK_CUE if _POSSESSIVE_MEMBER_AFTER.match(after) else 0
    if (
        _GROUP_AFTER.match(after)
        or _MEDIA_NOUN_AFTER.match(after)
        or _GROUP_NOUN_BEFORE.search(before)
        or _MEDIA_NOUN_BEFORE.search(before)
    ):
        return STRONG_CUE
    if _MEMBERS_OF_BEFORE.search(before) or (_THE_BEFORE.search(before) and _MEMBER_AFTER.match(after)):
        return WEAK_CUE
    if _LED_AFTER.match(after) or _TEAM_AFTER.match(after):
        return WEAK_CUE
    if _PLURAL_VERB_AFTER.match(after) and _SENTENCE_OPENS_BEFORE.search(text, max(0, start - 30), start) and not text[start:end].endswith("s"):
        # "Chelsea are top.", "Everton have won …": a team or body opening a sentence with a plural verb
        # (British usage); a person does not take one — only the last name of a list does ("Reno and Secretary
        # Donna Shalala have"), or a name inside the subject ("visits to meet Saddam Hussein have"), hence
        # the sentence start; not a plural ("the Smiths")
        return WEAK_CUE
    return 0


def _media_cue(text: str, start: int) -> bool:
    """A medium's noun right before the name ("the Cypriot newspaper Haravgi", "the news agency JANA").

    Not after it: "the Madrid newspaper El Pais", "the Lisbon daily Publico" name a place (and the caller
    asks it of no name the NER took for a place: "the largest daily U.S. audience").

    >>> t = "Two papers, The Guardian and the leading Arabic daily Al-Hayat, reported it. Al-Hayat's report said so."
    >>> _media_cue(t, t.index("Al-Hayat")), _media_cue(t, t.rindex("Al-Hayat"))
    (True, False)
    """
    return _MEDIUM_BEFORE.search(text, max(0, start - 30), start) is not None


# the media nouns that name no person ("the religious broadcaster Pat Robertson" is one; "weekly" is mostly
# an adjective: "the largest weekly U.S. audience")
_MEDIUM_BEFORE = re.compile(r"\b(?:newspaper|daily|magazine|tabloid|news\s+agency)\s+$", re.I)


# the words before a name that make it a person: an honorific ("Mrs. Holt", which clean_name cuts off the
# name; not "Miss": "Miss Universe"), or someone's relative ("his wife Michelle", "Obama's two daughters,
# Malia and Sasha"; only after a possessive: "its sister company Samsung Electronics" is no relative)
# (the honorifics of names.HONORIFICS that only a person takes)
_KIN_WORDS = frozenset(
    """wife husband widow widower son daughter mother father brother sister uncle aunt nephew niece cousin
    grandson granddaughter grandmother grandfather stepson stepdaughter stepfather stepmother fiance fiancee
    fiancé fiancée girlfriend boyfriend twin""".split()
)
_PERSON_HONORIFICS = sorted(h.capitalize() for h in HONORIFICS - {"miss", "m", "sir", "dame", "lady", "lord"})
_PERSON_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(_PERSON_HONORIFICS)})\.?"
    r"|(?:\b(?:his|her|their|my|our|your)|\w['\u2019]s)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{'|'.join(sorted(_KIN_WORDS))})s?,?)\s+$"
)
# a relative's word where a name should be ("Mom said …", "Grandma's house"): no one's name
_KIN_ADDRESS = frozenset("mom mum mommy mummy momma mama dad daddy papa pa ma grandma grandpa granny grandad gran mammy".split())


def _person_cue(text: str, start: int) -> bool:
    """The words right before a name make it a person: an honorific or a relative's word after a possessive.

    >>> t = "Mrs. Holt said his wife Michelle and Obama's daughters Malia and Sasha met its sister company Kia."
    >>> [_person_cue(t, t.index(n)) for n in ("Holt", "Michelle", "Malia", "Sasha", "Kia")]
    [True, True, True, False, False]
    """
    return bool(_PERSON_BEFORE.search(text, max(0, start - 40), start))


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'-]*)\s+$")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")
_APPOSITIVE = re.compile(
    r"\s*,\s+((?:the|a|an|[A-Z][\w.-]*'s|[A-Z][\w.-]*s')\s+[^,.;:()\"]{2,60}?)(?=\s*[,.;]|\s+(?:said|says|who|whose|which|where|when)\b)"
)


_OFFICE_WORD = re.compile(r"[A-Z][A-Za-z-]*(?:'s)?")


# lower-case words before a capitalised office name that say whose office it is now ("former", "then")
_TENURE_WORDS = frozenset({"former", "then", "acting", "outgoing", "late", "ex"})


def _office_word(word: str) -> bool:
    """A capitalised word that can be part of an office's name ("Foreign", "State", "Women's").

    No date word, no stopword, nothing that ends a sentence or a quotation ("Qin.''").
    """
    low = word.lower()
    return bool(_OFFICE_WORD.fullmatch(word)) and low not in STOPWORDS and low not in TIME_WORDS


_LINE_WORD = re.compile(r"[A-Za-z][\w'\u2019-]{2,}")


def _title_cased(text: str, position: int) -> bool:
    """Whether the line around ``position`` capitalises its words, as headlines do ("Obama Meets German …").

    >>> _title_cased("Obama Meets German Chancellor Angela Merkel", 20), _title_cased("He met German Chancellor Angela Merkel.", 20)
    (True, False)
    """
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    # every word but the short function words capitalised, as in a headline (a sentence has its verbs)
    content = [w for w in _LINE_WORD.findall(text, start, len(text) if end < 0 else end) if w.lower() not in STOPWORDS]
    return len(content) >= 4 and all(w[0].isupper() for w in content)


def _role_before(text: str, start: int, title: str | None = None) -> str | None:
    """Title words right before a name: "Cambodian leader Hun Sen", "Foreign Minister X".

    In a title-cased line every word is capitalised: only title words make the role there ("Obama Meets
    German Chancellor Angela Merkel" gives "Chancellor", not "Meets German Chancellor").  ``title``: a
    title the NER took into the name's span, which the words before ``start`` go on ("former" +
    "President" of "President Ronald Reagan": "former President").
    """
    words: list[str] = title.split() if title else []
    position = start
    office_name = False  # inside a capitalised office name: only more of it may come
    while len(words) < 5:
        match = _WORD_BEFORE.search(text, max(0, position - 40), position)
        if not match or "\n\n" in text[match.end(1) : position]:
            break
        word = match.group(1)
        low = word.lower().rstrip(".")
        if office_name and not _office_word(word):
            return _with_tenure(words, word)  # "former Cypriot President X"
        if not words and low not in TITLE_HEADS:
            return None
        if word.endswith(".") and len(low) > 1 and _WORD_BEFORE.search(text, max(0, match.start(1) - 40), match.start(1)):
            before = _WORD_BEFORE.search(text, max(0, match.start(1) - 40), match.start(1))
            if before and before.group(1)[0].isupper():
                break  # "... Hun Sen. Sam Rainsy": a sentence end, not the title "Sen."
        if word.endswith(".") and not (word[0].isupper() and len(low) <= 4):
            break  # "… as his own foreign minister. Sharon": a sentence's end, not an abbreviated title
        if (
            words and word.endswith(".") and low not in TITLE_HEADS and low not in TITLE_MODIFIERS
            and not _INITIALISM.fullmatch(word)  # "former U.S. Vice President X"
        ):
            break  # "... on Friday. Captain X": the previous sentence's last word
        if low in TITLE_HEADS or low in TITLE_MODIFIERS or (
            word[0].isupper() and words and low not in TIME_WORDS and (word.isupper() or low not in STOPWORDS)
            and not _title_cased(text, start)  # (last: the line is scanned only for a capitalised word)
        ):
            if words and low in TITLE_HEADS and word[0].islower() and low.endswith("s"):
                break
            words.insert(0, word)
            position = match.start(1)
            if word[0].isupper() and low not in TITLE_HEADS and low not in TITLE_MODIFIERS:
                # a capitalised name of the office goes on ("Foreign Office Minister", "State Department
                # spokesman"), up to three words, never through a date word ("Monday State Department …")
                named = sum(1 for w in words if w[0].isupper() and w.lower().rstrip(".") not in TITLE_HEADS)
                if named >= 3:
                    break
                office_name = True
            continue
        return _with_tenure(words, word)  # "the then Foreign Minister X"
    return " ".join(words) or None


def _with_tenure(words: list[str], word: str) -> str | None:
    """The role ``words``, with ``word`` (the one before them) in front when it says whose office it is now."""
    if words and word.lower() in _TENURE_WORDS:
        words = [word, *words]
    return " ".join(words) or None


# the point of an initial ("U.S.", "U.N."): no sentence end inside an appositive
# (and of an honorific before a name: "daughter of Mr. Mitsotakis")
_INITIAL_POINT = re.compile(
    r"(?<=\b[A-Z])\.(?=[A-Z]\.|\s+[A-Z]?[a-z]|['\u2019]s\b)|(?:(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bDr)|(?<=\bSt))\.(?=\s+[A-Z])"
)


def _role_after(text: str, end: int) -> str | None:
    """Appositive role: "Hun Sen, the prime minister," / "X, Cambodia's foreign minister,".

    >>> _role_after("Louis Farrakhan, the leader of a U.S. Muslim group, met him.", 15)
    'leader of a U.S. Muslim group'
    """
    window = text[end : end + 120]
    # an initial's point is masked (same length) so that "a U.S. Muslim group" is not cut at "U"
    match = _APPOSITIVE.match(_INITIAL_POINT.sub("\u2024", window))
    if not match:
        return None
    phrase = window[match.start(1) : match.end(1)]
    # the title is in the phrase's own noun group, before a preposition other than "of" ("the leader of a …
    # group", "close friend of President Clinton's"): "the other from a Norwegian official" is no official
    head = _APPOSITIVE_PREPOSITION.split(phrase, maxsplit=1)[0]

    words = head.split()
    # the last word of the noun group, before any "of" ("a top official of the party") or not ("a
    # Ministry of Health official")
    last = {len(head.split(" of ", 1)[0].split()) - 1, len(words) - 1}

    def personal(k: int) -> bool:
        word = words[k].lower()
        if word in _ADJECTIVE_TITLES:
            # "a senior official", but "X, the official statement said", "the rebel headquarters"
            return k in last
        return word.rstrip(".") in TITLE_HEADS or word in _KIN_WORDS

    if not any(personal(k) for k in range(len(words))):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", phrase)


# title words that are adjectives too: a role only as the last word of their noun group
_ADJECTIVE_TITLES = frozenset({"official", "executive", "rebel"})


_APPOSITIVE_PREPOSITION = re.compile(
    r"\s(?:from|in|at|for|with|to|on|by|about|near|under|over|after|before|among|between|against)\s"
)
_SENTENCE_IN_NAME = re.compile(r"[a-z]{2}\.\s+[A-Z]")
_ABBREV_TOKEN = re.compile(r"^[A-Z][a-z]+\.$")


# a preposition and a date phrase (with a figure) at the end of a mention are not part of the name
_TRAILING_DATE = re.compile(r"\s+(?:on|in|at|by|since|until|from)\s+[^\s].*\d[^\s]*$")
# a number right after a multi-word name that is part of it ("Flight 447", "Resolution 1723"), not a count
# ("the Royal Navy 15 sailors")
_NUMBER_AFTER = re.compile(r" \d+(?:-\d+)?(?!\d|[,.:]\d|-[^\W\d])(?! [a-z]{2,}[^s\W]s\b)")
# a small number after a possessive, or one opening a compound, is what the name has, not part of it
# ("North Korea's 22 million people", "the Communist Party's 49-year ban"; not "Standard & Poor's 500")
_TRAILING_SCORE = re.compile(r"\s+\d{1,2}-\d{1,2}$")  # a match's score after a team's name, no part of the name
_POSSESSIVE_NUMBER = re.compile(r"['\u2019]s? (?P<number>\d+)$")
# a clock time right before a short capitalised "organisation" makes it a time zone ("11:10 CET", "9 p.m. EST",
# "12:00 noon BST")
_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?m\.?|noon|midnight)?|\s*[ap]\.?m\.?)\s*\(?$", re.IGNORECASE
)
# … or a four-figure 24-hour time before a zone-shaped one ("0546 GMT", "1707 UTC"; not "the 1945 UN Charter")
_MILITARY_CLOCK_BEFORE = re.compile(r"\b(?:[01]\d|2[0-3])[0-5]\d\s*\(?$")
_ZONE_SHAPE = re.compile(r"[A-Z]{2,3}T|UTC")
# brackets inside a cleaned form come from editors' insertions in quotations, never from a name
_STANCE_PREFIX = re.compile(r"(?:pro|anti|non|ex|post|pre|neo|pan)-[A-Z]")
_NOT_IN_NAME = re.compile(r"[\[\]{}<>]")
_PICTURE_CREDIT = re.compile(r"\b(?:Photo|Photos|Image|Images|Picture)\s?/|/\s?(?:Getty|AFP|AP|Reuters|EPA)\b")
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
_TITLE_POINT = re.compile(r"\.\s+[A-Z]")
# a determiner, then capitalised words up to the mention: "the Executive |Clerk", "the |Speaker"
_TITLE_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[A-Z][\w-]*\s+)*$")
# words that end the name of a place or a site, never a person's (not "Hill", "Park", "Hall", "Lake", "Bay":
# surnames too)
_SITE_WORDS = (PLACE_DESIGNATORS - {"bay", "lake", "coast"}) | frozenset(
    "square gardens avenue boulevard plaza stadium airport cathedral palace".split()
)
# a natural feature's word ends a place's name, never an organisation's ("… River Authority" ends otherwise)
_NATURAL_FEATURES = frozenset("hill hills mountain mountains beach volcano canyon glacier valley peninsula".split())
_THE_BEFORE_NAME = re.compile(r"\b[Tt]he\s+$")


def _team_plural(text: str, start: int, form: str, surnames: set[str]) -> bool:
    """A one-word plural after "the" whose singular is no surname of the article's people: a team ("the Padres").

    ``surnames``: the last words of the article's PERSON names ("the Obamas" is Obama's family).

    >>> t = "The Obamas watched the Padres beat the Mets; Padre fans cheered. Obama left."
    >>> [_team_plural(t, t.index(n), n, {"Obama"}) for n in ("Obamas", "Padres", "Mets")]
    [False, True, True]
    """
    if " " in form or not form.endswith("s") or form.endswith("ss") or len(form) < 4:
        return False
    return bool(_THE_BEFORE_NAME.search(text, max(0, start - 5), start)) and form[:-1] not in surnames


# a place's kind written in lower case after its name, maybe after more names of a list ("Bikini atoll",
# "Enewetak and Bikini atolls", "Helmand province")
_FEATURE_AFTER = re.compile(
    r"(?:(?:,\s+|\s+(?:and|or)\s+)[A-Z][\w'\u2019-]*)*\s+(?:atolls?|islands?|isles?|rivers?|lakes?|valleys?|"
    r"mountains|peninsula|province|provinces|county|district|archipelago|desert|strait|airports?)\b"
)
# the head noun of an organisation's name: no person's name ends with it ("Fordham Law School", "Merimbula
# Hospital", "Jiji News"; not "Post", "Church", "Press", "Law": Emily Post, Charlotte Church, Jude Law)
_ORGANISATION_HEADS = ORG_DESIGNATORS | frozenset(
    """school university college institute foundation center centre hospital clinic bank council committee
    ministry department agency association club times journal magazine network commission board authority
    society museum library studios records motors electric news radio television league federation assembly
    parliament congress senate bowl bowls cup championship championships olympics tournament festival
    awards united rovers wanderers athletic albion hotspur fc afc""".split()
    # (and an event's: "Fiesta Bowl", "World Cup", an organisation's doing; a football club's last word:
    # "Manchester United", "Blackburn Rovers", "Wigan Athletic", which the small NER often takes for a person)
)
_NO_PERSON = _KIN_ADDRESS | _ORGANISATION_HEADS  # one-word "people" that name nobody


# person titles the NER runs a place's or organisation's name into when a person's name follows ("New York
# Gov. George Pataki", "Toronto Detective Brian Borg", "Palestinian Civil Aviation Authority Brig. Gen. …");
# not group nouns ("Laramie Police Cmdr. …") nor words of products and titles of works ("Palm Pilot", "Sea King")
_TITLE_TAIL_WORDS = frozenset(w.lower() for w in TITLE_ABBREVIATIONS) | frozenset(
    """governor senator representative congressman congresswoman detective bishop archbishop correspondent
    marshal commander general colonel captain lieutenant sergeant inspector minister president mayor ambassador
    secretary spokesman spokeswoman chairman director superintendent sheriff judge prosecutor professor
    officer official""".split()
)
# words before a title that are part of it ("Air Chief Marshal", "Foreign Minister"; not "Party", "State",
# "Defence": the end of an organisation's own name, "Democratic Party Chairman X")
_TITLE_TAIL_MODIFIERS = frozenset("acting chief co deputy first former prime senior top vice foreign interior".split())
COMMON_WORD_ZIPF = 5.0
_TITLE_TAIL = re.compile(r"\s+([A-Z][a-z]+)$")
# a capitalised word right after a spot, in the same line (a name follows; the spot is inside a longer name)
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
_ABBREVIATION_NAME_FOLLOWS = re.compile(r"\.?[ \t]+[A-Z]")


def _without_title_tail(text: str, start: int, end: int) -> int:
    """The end of a non-person mention without the person titles the NER ran into it before a name.

    A mention that is a title alone names nobody ("Houston, a retired Air Chief Marshal, will …").

    >>> t = "New York Gov. George Pataki met Air Chief Marshal Angus Houston and the Palm Pilot team."
    >>> spans = [(t.index(n), t.index(n) + len(n)) for n in ("New York Gov", "Air Chief Marshal", "Palm Pilot")]
    >>> [t[s:_without_title_tail(t, s, e)] for s, e in spans]
    ['New York', '', 'Palm Pilot']
    >>> t = "Houston, a retired Air Chief Marshal, will lead it."
    >>> start = t.index("Air")
    >>> _without_title_tail(t, start, t.index(",", start)) == start
    True
    """
    last = _TITLE_TAIL.search(text, start, end)
    if last is None or last.group(1).lower() not in _TITLE_TAIL_WORDS:
        return end
    cut = last.start()
    while True:  # the title's modifiers before it go too ("Air Chief Marshal", "Prime Minister")
        tail = _TITLE_TAIL.search(text, start, cut)
        word = tail.group(1).lower() if tail else ""
        if not tail or (word not in _TITLE_TAIL_WORDS and word not in _TITLE_TAIL_MODIFIERS):
            break
        cut = tail.start()
    rest = text[start:cut].split()
    if len(rest) == 1 and rest[0].lower() in _TITLE_TAIL_MODIFIERS:  # "Deputy Prime Minister": its first word
        rest = []
    if not rest or (len(rest) == 1 and zipf_frequency(rest[0], "en") >= COMMON_WORD_ZIPF):
        return start  # "Air" of "Air Chief Marshal": a common word left of a title; a title alone names nobody
    # a name right after it: after an abbreviation's point ("Gov. George"), else after a space ("Detective
    # Brian"; a full stop there ends the sentence: "… the Democratic Action Party. The …")
    abbreviation = last.group(1) in TITLE_ABBREVIATIONS
    if not (_ABBREVIATION_NAME_FOLLOWS if abbreviation else _CAPITAL_AFTER).match(text, end):
        return end
    return cut


# a list the NER read as one name: "Netscape, Sun", "Atlantida, Colon and Yoro", "Apple Computer, America
# Online and Intuit" — items of at most four words, each opening with a capital
_LIST_ITEM = r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}"
_NAME_LIST = re.compile(rf"{_LIST_ITEM}(?:, {_LIST_ITEM})+(?:,? and {_LIST_ITEM})?")
_LIST_SEPARATOR = re.compile(r",? and |, ")


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a mention that is a list of names, else the mention itself.

    Not a firm's name ("Goldman, Sachs & Co.", "Cravath, Swaine & Moore": an ampersand) nor one whose list
    follows "of" ("State Administration of Science, Technology and Industry …").

    >>> t = "Netscape, Sun and Apple Computer met Donaldson, Lufkin & Jenrette."
    >>> [t[s:e] for s, e in _list_items(t, 0, 32)], [t[s:e] for s, e in _list_items(t, 37, 65)]
    (['Netscape', 'Sun', 'Apple Computer'], ['Donaldson, Lufkin & Jenrette'])
    """
    form = text[start:end]
    if ", " not in form or "&" in form or " of " in form or not _NAME_LIST.fullmatch(form):
        return [(start, end)]
    items, position = [], start
    for separator in _LIST_SEPARATOR.finditer(form):
        items.append((position, start + separator.start()))
        position = start + separator.end()
    items.append((position, end))
    return items


# the particles of a surname ("Ursula von der Leyen", "Lula da Silva", "Alain Le Roy"), which the NER may
# leave out of a name, cutting it in two or before its last word
_PARTICLE = r"(?:von|van|der|den|de|du|da|di|del|della|dei|degli|dos|das|la|le|bin|bint|ibn|ter|zu|arap)"
_PARTICLE_WORDS = frozenset(_PARTICLE[3:-1].split("|"))
_PARTICLES_BETWEEN = re.compile(rf"(?: {_PARTICLE})+ ")
_PARTICLE_END = re.compile(rf" {_PARTICLE}$", re.IGNORECASE)
_NAME_WORD_AFTER = re.compile(r" [A-Z][a-z][\w'’-]*")


def _joined_particles(text: str, pieces: list[tuple[str, int, int, int | None]]) -> list[tuple[str, int, int, int | None]]:
    """Person mentions the NER cut at a surname's particle, made whole again.

    "Ursula" + "Leyen" with "von der" between them, "Ursula von der" + "Leyen", "Alain Le" + "Roy": one name
    (the person's). A name of two words or more ending in a particle takes the word after it when the NER
    tagged none.

    >>> t = "Ursula von der Leyen met Alain Le Roy and Paul De Vries."
    >>> ps = [("PERSON", 0, 6, None), ("GPE", 15, 20, None), ("PERSON", 25, 33, None), ("PERSON", 34, 37, None), ("PERSON", 42, 49, None)]
    >>> [(k, t[s:e]) for k, s, e, _ in _joined_particles(t, ps)]
    [('PERSON', 'Ursula von der Leyen'), ('PERSON', 'Alain Le Roy'), ('PERSON', 'Paul De Vries')]
    >>> [t[s:e] for _, s, e, _ in _joined_particles(t, [("PERSON", 0, 14, None), ("GPE", 15, 20, None)])]
    ['Ursula von der Leyen']
    """
    out: list[tuple[str, int, int, int | None]] = []
    for piece in pieces:
        if out and out[-1][0] == "PERSON":
            kind, start, end, _ = out[-1]
            gap = text[end : piece[1]]
            if _PARTICLES_BETWEEN.fullmatch(gap) or (gap == " " and _PARTICLE_END.search(text, start, end)):
                out[-1] = (kind, start, piece[2], piece[3])
                continue
        out.append(piece)
    for k, (kind, start, end, _) in enumerate(out):
        if kind == "PERSON" and _PARTICLE_END.search(text, start, end):
            following = _NAME_WORD_AFTER.match(text, end)
            if following and all(p[1] >= following.end() or p[2] <= end for p in out):
                out[k] = (kind, start, following.end(), None)
    return out


# An organisation's name the NER cut at "for"/"on" ("the UN Office" + "Humanitarian Affairs" of "the UN Office for
# the Co-ordination of Humanitarian Affairs", "The US Agency" + "International Development"): the first part
# ends with an organisation's word, the gap is the preposition, maybe "the", maybe one capitalised word and a
# linking word the NER left out of the second part.  "of" is not joined: "the State Council" of "the Three
# Gorges Project Construction Committee of the State Council" is an organisation of its own.
_ORGANISATION_JOIN = re.compile(r" (?:for|on)(?: the)? (?:[A-Z][\w-]* (?:of|for|and|on) )?")
_JOINING_HEADS = _ORGANISATION_HEADS | frozenset(
    "office bureau coalition subcommittee organisation organization fund programme program project service".split()
)


def _joined_organisations(
    text: str, pieces: list[tuple[str, int, int, int | None]]
) -> list[tuple[str, int, int, int | None]]:
    """Organisation mentions the NER cut at "for"/"on" after an organisation's word, made whole again.

    >>> t = "the UN Office for the Co-ordination of Humanitarian Affairs said; Exxon for Mobil"
    >>> ps = [("ORG", 0, 13, None), ("ORG", 39, 59, None), ("ORG", 66, 71, None), ("ORG", 76, 81, None)]
    >>> [t[s:e] for _, s, e, _ in _joined_organisations(t, ps)]
    ['the UN Office for the Co-ordination of Humanitarian Affairs', 'Exxon', 'Mobil']
    """
    out: list[tuple[str, int, int, int | None]] = []
    for piece in pieces:
        if out and out[-1][0] == "ORG" and piece[0] == "ORG":
            _, start, end, _ = out[-1]
            words = text[start:end].split()
            if words and words[-1].lower() in _JOINING_HEADS and _ORGANISATION_JOIN.fullmatch(text, end, piece[1]):
                out[-1] = ("ORG", start, piece[2], piece[3])
                continue
        out.append(piece)
    return out


def collect_mentions(article: Article, doc: Doc) -> list[Mention]:
    """Cleaned PERSON/ORG/GPE mentions of one parsed article (offsets into ``article.text``)."""
    mentions: list[Mention] = []
    text = article.text
    groups = {ent.text for ent in doc.ents if ent.label_ == "NORP"}  # nationalities, religious and political groups
    surnames = {ent.text.split()[-1] for ent in doc.ents if ent.label_ == "PERSON" and " " in ent.text}
    # full names whose two words differ: "Yasser Arafat" makes "Arafat Arafat" a doubled surname (below)
    full_surnames = {w[-1] for ent in doc.ents if ent.label_ == "PERSON" and len(w := ent.text.split()) >= 2 and w[0] != w[-1]}
    # each list item of an NER span; the last one (the span's end) with the index of the token after it
    pieces = [
        (kind, piece_start, piece_end, ent.end if piece_end == ent.end_char else None)
        for ent in doc.ents
        if (kind := LABELS.get(ent.label_)) is not None
        for piece_start, piece_end in _list_items(text, ent.start_char, ent.end_char)
    ]
    pieces = _joined_organisations(text, _joined_particles(text, pieces))
    for kind, start, end, token_end in pieces:
        if token_end is not None and token_end < len(doc) and _ABBREV_TOKEN.match(
            doc[token_end].text
        ) and doc[token_end].idx == end + 1:
            # the tokenizer read a sentence-final name as an abbreviation ("Hun Sen." → "Hun" + "Sen.")
            following = doc[token_end + 1] if token_end + 1 < len(doc) else None
            if following is None or following.is_title or following.is_space or following.is_punct:
                end = doc[token_end].idx + len(doc[token_end].text) - 1
        owned = _POSSESSIVE_NUMBER.search(text, start, end)
        if owned and len(owned.group("number")) > 2 and not re.match(r"-[^\W\d]", text[end : end + 2]):
            owned = None
        if owned:
            end = owned.start()
        possessive = owned or text[start:end].endswith((*_POSSESSIVE_ENDINGS, "'", "\u2019"))
        number = None if possessive else _NUMBER_AFTER.match(text, end)
        if number and kind != "PERSON" and " " in text[start:end] and text[start:end].split()[-1][:1].isupper():
            end = number.end()  # the NER stopped before the number of a name: "Air France Flight| 447"
        short_form = _SHORT_FORM_TAIL.search(text, start, end)
        if short_form:  # the NER ran on into the bracketed short form: "… Safety Authority (Amsa"
            end = short_form.start()
        if kind != "PERSON":
            end = _without_title_tail(text, start, end)
            if end <= start:
                continue
        raw = text[start:end]
        if _SENTENCE_IN_NAME.search(raw):
            continue
        dated = _TRAILING_DATE.search(raw)
        if dated:  # NER ran on into a date: "the Atlantic on June 1"
            raw, end = raw[: dated.start()], start + dated.start()
        score = _TRAILING_SCORE.search(raw)
        if score:  # NER ran on into a match's score: "Wigan Athletic 2-0"
            raw, end = raw[: score.start()], start + score.start()
        name = clean_name(_strip_lower_tail(raw))
        state = _abbreviated_state(text, start, name)
        if state is not None:  # "Greenbelt, Md.", "Cupertino, Calif.": a state's abbreviation after a place
            name, kind = state, "GPE"
        title, form = split_title(name)
        first, _, rest = form.partition(" ")
        low = first.lower()
        related = kind == "PERSON" and title is None and rest[:1].isupper() and low in _KIN_WORDS
        if related:  # "Husband Barack", "Daughter Malia" opening a sentence: the relative's word is no name
            form = rest
        if kind == "PERSON" and low in _DEMONYM_NOUNS:
            if not rest[:1].isupper():
                continue  # "a Welshman whose career began at Wolves": one of a people, nobody's name
            form = rest  # "Welshman Mark Hughes", "Briton Mark Cavendish": where he is from, not his name
        elif kind == "PERSON" and title is None and first in groups and len(rest.split()) >= 2 and rest[:1].isupper():
            # "Tanzanian Rashid Saleh Hemed", "Republican John McCain": a nationality or a party the article
            # names as such ("a Tanzanian magistrate") opening a full name is no part of it (a given name of
            # one word that is also a group's, "Christian Bale", keeps its surname alone behind it)
            form = rest
        # a title in the plural opening a "person" ("Champions Chelsea"): a team's name, not a person's (an
        # organisation's own name may open so: "Directors Guild of America", which the NER calls one)
        titled_group = (
            kind == "PERSON" and title is None and rest[:1].isupper() and low.endswith("s") and low[:-1] in TITLE_HEADS
        )
        if titled_group:
            form = rest
        tokens = name_tokens(form) if form else []
        doubled = form.split()
        if kind == "PERSON" and len(doubled) == 2 and doubled[0] == doubled[1] and doubled[1] in full_surnames:
            # "a grim-faced Arafat Arafat" beside "Yasser Arafat": a wire's typo, the surname once (a real
            # doubled name, "Sirhan Sirhan", has no other full name ending with it in its article)
            start = text.rfind(doubled[1], start, end)
            form, tokens = doubled[1], name_tokens(doubled[1])
        if title is not None and tokens and tokens[-1] in _ORGANISATION_HEADS:
            # "Justice Department", "General Motors Corp.": the title word is part of an organisation's name
            title, form, tokens = None, name, name_tokens(name)
        if not form or not any(ch.isupper() for ch in form) or not tokens:
            continue
        portfolio = not form.isupper() and "." not in form and _PORTFOLIO_AFTER.match(text, end)
        if kind != "PERSON" and " " not in form and (form.lower() in _TITLE_WORDS or portfolio):
            continue  # "Interior"/"Transport" cut from "Interior/Transport Minister X": a portfolio, not a name
        if " " not in form and form.lower() in TITLE_HEADS and _TITLE_POINT.match(text, end):
            continue  # "Col" cut from "Col. Moammar Gadhafi": a title's abbreviation before the name
        if (
            kind == "PERSON" and " " not in form and form.lower() in TITLE_HEADS
            and (title is not None or _TITLE_DETERMINER_BEFORE.search(text, max(0, start - 60), start))
        ):
            continue  # "the Executive Clerk of …", "the Speaker": a title with nobody's name
        if _NOT_IN_NAME.search(form) or (kind == "PERSON" and any(ch.isdigit() for ch in form)):
            continue  # "[I]t" from an edited quotation; "AF447" is a flight, not a person
        if _PICTURE_CREDIT.search(form):
            continue  # "AP Photo/Jane Roe": a picture's credit a flattened page left in the text
        if form.isupper() and len(form) <= 4 and (
            _CLOCK_BEFORE.search(text, max(0, start - 20), start)
            or (_ZONE_SHAPE.fullmatch(form) and _MILITARY_CLOCK_BEFORE.search(text, max(0, start - 8), start))
        ):
            continue  # a time zone after a clock time
        # a title inside the NER's span goes on with the words before it ("former President Ronald Reagan")
        role = (_role_before(text, start, title) or title) if title is not None and kind == "PERSON" else title
        if kind == "PERSON" and role is None and tokens[-1] in _SITE_WORDS and len(tokens) >= 2:
            kind = "GPE"  # "Trafalgar Square", "Jubilee Gardens": a person's name does not end with a site's word
        if kind == "ORG" and tokens[-1] in _NATURAL_FEATURES and len(tokens) >= 2:
            kind = "GPE"  # "La Cruz Hill", "Silicon Valley": a place, not a body (a person may be "Damon Hill")
        if kind == "PERSON" and role is None and _team_plural(text, start, form, surnames) and not _a_people(form, groups):
            kind = "ORG"  # "the Padres", "the Yankees": a team, not a person (nor a family: "the Obamas")
        if kind != "GPE" and role is None and _FEATURE_AFTER.match(text, end):
            kind = "GPE"  # "Bikini atoll", "the Enewetak and Bikini atolls": a lower-case place word names a place
        if kind == "PERSON" and role is None and " " not in form and form.lower() in _NO_PERSON:
            continue  # "Mom", "Grandma": a relative's word, nobody's name; "Department" cut from "Justice Department"
        if form.endswith("&"):
            continue  # "Shot &": a name cut at its ampersand
        if _STANCE_PREFIX.match(form):
            continue  # "pro-Yeltsin", "anti-Serb": a stance or side named after somebody, not a mention of them
        # "Fordham Law School", and "Sidley & Austin", "Steve & Barry": a partnership's name, not a person's
        named_body = role is None and len(tokens) >= 2 and (
            (kind == "PERSON" and tokens[-1] in _ORGANISATION_HEADS) or (kind != "GPE" and " & " in form)
        )
        # "PayPal", "YouTube", "TouchWiz": a brand's inner capital (a person's is "McCain", "DeLay"): a
        # company's or product's name, which votes as a group's cue does, over other spellings ("Paypal")
        brand = role is None and kind != "GPE" and bool(_CAMEL_CASE.search(form))  # not "KwaZulu"
        if brand and kind == "PERSON":
            kind = "ORG"
        # "a Fokker 50", "the Boeing 747": an article before and a model number after make a maker's product
        model = kind == "PERSON" and number is not None and _ARTICLE_BEFORE.search(text, max(0, start - 5), start) is not None
        if model:
            kind = "ORG"
        if named_body:
            kind = "ORG"  # "Fordham Law School", "James A. Baker III Institute": an organisation, whatever the NER said
        if kind == "PERSON" and role is None and " " not in form and _a_people(form, groups):
            continue  # "Greeks" tagged as a person where "Greek" is a nationality: a people, not a name
        if " " not in form and _a_national(form, groups):
            continue  # "Frenchman" where "French" is a nationality: one of a people, not a name
        if kind == "PERSON" and role is None and " " not in form and len(form) >= 3 and form.isupper() and form.isalpha():
            if form.lower() in TITLE_HEADS:
                continue  # "EDITOR'S NOTE": a title in capitals, nobody's name
            kind = "ORG"  # "SADC", "SANA", "BRI": a word in capitals is an acronym (a body, an agency), no person's name
        level = _organisation_cue(text, start, end) if role is None else 0
        cue = level == STRONG_CUE or (level == WEAK_CUE and kind != "GPE")
        cue = cue or named_body or brand or model or titled_group or (role is None and bool(_ORGANISATION_APPOSITION.match(text, end)))
        unvoted_role = None
        if role is None and kind == "PERSON" and not cue:
            # a title next to a place/organisation mention ("In Geneva, a public prosecutor, …") is not its role
            role = _role_before(text, start) or _role_after(text, end)
        elif role is None and kind == "ORG" and not cue and " " in form:
            unvoted_role = _role_before(text, start) or _role_after(text, end)
        # only a one-word name the NER took for a person: an organisation is located somewhere ("at Harvard"),
        # and a full name stands before its case ("in the Paula Jones case")
        # a one-word name after a locative word; it votes for a place only when the NER took it for a person
        said_where = " " not in form and role is None and _place_cue(text, start, end)
        place = kind == "PERSON" and not cue and said_where
        place = place or (role is None and level != STRONG_CUE and _place_apposition(text, end))
        defined = _short_form_of(mentions, text, start, end) if short_form is None else None
        if defined is not None:  # "(Amsa)" right after the name it shortens: that name's kind
            kind, cue, place, role = defined.kind, defined.kind == "ORG", defined.kind == "GPE", None
        located = place or said_where
        person = role is None and not cue and (related or _person_cue(text, start))
        ship = _VESSEL_PREFIX.match(form) or _VESSEL_BEFORE.search(text, max(0, start - 30), start)
        craft = bool(ship) or _flight(form, text, start)
        media = role is None and kind != "GPE" and _media_cue(text, start)
        mentions.append(
            Mention(article.id, form, kind, start, end, role, cue, place, located, person, unvoted_role, craft, media)
        )
        if short_form and _shortens(short_form.group(1), form):
            a_start, a_end = short_form.span(1)
            mentions.append(Mention(article.id, text[a_start:a_end], kind, a_start, a_end, None, kind == "ORG", kind == "GPE"))
    return _paired_with_people(mentions, text)


PAIRED_NAME_ZIPF = 4.0  # no word of a name paired with a person's as common as this ("Federal Reserve", "European Union")
_PAIRED = re.compile(r",?\s+and\s+")  # not a comma alone: "Wesley Clark, Supreme Allied Commander" describes him
_PERSON_SHAPE = re.compile(r"[A-Z][a-z][\w'\u2019-]*|(?:al|el|bin|ibn|de|van|von)-?[A-Z]?[\w'\u2019-]*")


def _paired_with_people(mentions: list[Mention], text: str) -> list[Mention]:
    """A name shaped as a person's that the NER calls an organisation, listed with a person, is one.

    "Abdel Basset Ali al-Megrahi and Lamen Khalifa Fhimah": the small NER labels the second of two
    suspects ORG.  Only a name of two to four words, each a capitalised word or a surname's particle,
    none an organisation's head word nor a common English word, with no cue of its own, right after or
    before a person the NER labelled so, with only "and" between; it votes as a person's title does (an
    organisation mentioned more often, once beside a person, stays one).
    """
    out = list(mentions)
    for k, m in enumerate(out):
        words = m.form.split()
        if (
            m.kind != "ORG"
            or m.role
            or m.organisation_cue
            or not 2 <= len(words) <= 4
            or not all(_PERSON_SHAPE.fullmatch(w) for w in words)
            or any(w.lower() in _ORGANISATION_HEADS or zipf_frequency(w.lower(), "en") >= PAIRED_NAME_ZIPF for w in words)
        ):
            continue
        neighbours = [out[j] for j in (k - 1, k + 1) if 0 <= j < len(out)]
        for other in neighbours:
            first, second = (other, m) if other.start < m.start else (m, other)
            if other.kind == "PERSON" and _PAIRED.fullmatch(text, first.end, second.start):
                out[k] = replace(m, person_cue=True)
                break
    return out


_PLACE_AND_COMMA_BEFORE = re.compile(r"[A-Z][\w.'\u2019-]*,\s+$")


def _abbreviated_state(text: str, start: int, name: str) -> str | None:
    """The US state whose AP-style abbreviation, point and all, is at ``start`` after a place and a comma.

    >>> _abbreviated_state("in Greenbelt, Md., said", 14, "Md"), _abbreviated_state("said Ga. Brown", 5, "Ga")
    ('Maryland', None)
    """
    abbreviation = name if name.endswith(".") else f"{name}."
    if not text.startswith(abbreviation, start) or not _PLACE_AND_COMMA_BEFORE.search(text, max(0, start - 40), start):
        return None
    return state_named_by(abbreviation)


def _shortens(short: str, name: str) -> bool:
    """Whether ``short`` can be the short form of a name of several words: shorter, same first letter.

    Not a dateline's agency: "WASHINGTON (Kyodo)".
    """
    return " " in name and len(short) < len(name) and short[:1].lower() == name[:1].lower()


# "Australian Maritime Safety Authority (Amsa)": a short form in brackets right after the name defines it
_SHORT_FORM_TAIL = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)?$")
_BRACKET_BEFORE = re.compile(r"\s*\(\s*$")


def _short_form_of(mentions: list[Mention], text: str, start: int, end: int) -> Mention | None:
    """The mention a bracketed short form at ``start``–``end`` follows ("… Authority (Amsa)"), if any."""
    if not mentions or text[end : end + 1] != ")" or " " in text[start:end]:
        return None
    previous = mentions[-1]
    if previous.kind == "PERSON" or not _BRACKET_BEFORE.fullmatch(text, previous.end, start):
        return None
    return previous if _shortens(text[start:end], previous.form) else None


_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;]\s*|\n)[\"'\u201c\u2018(\s]*$")


def _participle(word: str) -> bool:
    """Whether ``word`` is an English verb's -ing form ("Accompanying", "Speaking"): its stem is a word too.

    A given name ending so ("Irving", "Sterling") has no such stem.

    >>> _participle("Accompanying"), _participle("Speaking"), _participle("Irving"), _participle("Channing")
    (True, True, False, False)
    """
    low = word.lower()
    if len(low) < 6 or not low.endswith("ing") or not word[1:].islower():
        return False
    stem = low[:-3]  # not undoubled: "Channing" would be "chan"
    forms = (stem, stem + "e")
    return zipf_frequency(low, "en") >= _PARTICIPLE_ZIPF and any(zipf_frequency(f, "en") >= _STEM_ZIPF for f in forms)


#: How common an -ing word and its stem must be (wordfreq Zipf) for the word to be a verb's form.
_PARTICIPLE_ZIPF = 3.5
_STEM_ZIPF = 3.5


def drop_sentence_openers(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """Drop a function word the NER took into a name at the start of a sentence ("Besides Ewing, …").

    A multi-word mention that opens a sentence and whose first word is an English stop word or a verb's
    -ing form ("Accompanying Liu were …", :func:`_participle`) loses that
    word — unless the story also has the whole form inside a sentence ("Will Smith" said …), which
    shows that the word belongs to the name.  English only (spaCy's English stop words).
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    def opener(m: Mention) -> bool:
        first = m.form.split(maxsplit=1)[0]
        participle = m.kind == "PERSON" and _participle(first)  # not a band's "Rolling Stones"
        return " " in m.form and (first.lower() in STOP_WORDS or participle) and _opens_sentence(m, texts)

    opens = [opener(m) for m in mentions]
    inside = {m.form for m, opening in zip(mentions, opens, strict=True) if " " in m.form and not opening}
    result = []
    for m, opening in zip(mentions, opens, strict=True):
        if opening and m.form not in inside:
            first, rest = m.form.split(maxsplit=1)
            start = texts[m.article_id].find(rest, m.start)
            m = Mention(m.article_id, rest, m.kind, start if start >= 0 else m.start, m.end, m.role, craft=m.craft)
        result.append(m)
    return result


def _opens_sentence(m: Mention, texts: dict[str, str]) -> bool:
    """Whether mention ``m`` stands where a sentence (or a quotation, a bracket, a line) opens."""
    return _SENTENCE_BEFORE.search(texts[m.article_id][max(0, m.start - 40) : m.start]) is not None


def _no_capitalised_nouns(mentions: list[Mention], texts: dict[str, str], lower_words: frozenset[str]) -> list[Mention]:
    """Drop a one-word name only ever written where a sentence opens that the story also writes in lower case.

    "Astronauts will …", "Rate cuts …", "Synthesis …": a common noun capitalised by its place, which the NER
    took for an organisation or a person ("astronauts" is written in lower case elsewhere).  A name with a
    title, an honorific ("Ms. He said") or a group's cue, or written once inside a sentence ("Sun" of Sun
    Microsystems), stays.
    """
    inside = {
        m.form for m in mentions
        if " " in m.form or m.role or m.person_cue or m.organisation_cue or not _opens_sentence(m, texts)
    }
    return [m for m in mentions if m.form in inside or fold(m.form.lower()) not in lower_words]


# a surname written with its lower-case article ("Ahmad al-Ghandour", "Abdel Fattah el-Sisi"): part of the name
_PARTICLE_SURNAME = re.compile(r"[a-z]{1,4}-[A-Z]")


def _strip_lower_tail(raw: str) -> str:
    words = raw.split()
    while len(words) > 1 and words[-1][:1].islower() and not _PARTICLE_SURNAME.match(words[-1]):
        words.pop()
    return " ".join(words)


def _top_kind(votes: Counter[EntityKind]) -> EntityKind:
    """The kind with the most votes; a tie goes to PERSON, then in name order."""
    return min(votes, key=lambda k: (-votes[k], k != "PERSON", k))


def _pool_abbreviation_votes(votes: dict[str, Counter[EntityKind]]) -> None:
    """An abbreviation and the one name of the story it abbreviates vote together ("US" / "United States").

    The NER labels "US" an organisation in one sentence and a place in the next; its spelt-out name
    settles it.  Not for people, nor when two names of the story share the abbreviation.
    """
    expansions: dict[str, list[str]] = defaultdict(list)
    for key, counter in votes.items():
        words = key.split()
        if len(words) >= 2 and all(len(w) > 1 for w in words) and _top_kind(counter) != "PERSON":
            for initials in acronyms(words):
                expansions[initials].append(key)
    for short, names in expansions.items():
        if len(names) != 1 or short not in votes or _top_kind(votes[short]) == "PERSON":
            continue
        pooled = votes[short] + votes[names[0]]
        votes[short], votes[names[0]] = pooled, Counter(pooled)


SURNAME_LABELS = 2  # PERSON labels of a name's lone surname that make a name the NER calls a group a person


def _people_by_surname(
    votes: dict[str, Counter[EntityKind]],
    kinds: dict[str, EntityKind],
    cues: Counter[str],
    lower_words: frozenset[str],
    key_of: dict[str, str],
) -> list[str]:
    """Full names the NER calls organisations that their own surname, written alone, says are people.

    "Yvo de Boer" tagged ORG five times beside "De Boer" tagged PERSON twice: the shorter forms that end
    the name (its last words, "de boer" and "boer") vote for it with their PERSON votes, when the NER
    called them a person more often than anything else (its PERSON labels outnumber its other votes: "De
    Boer" PERSON three times and ORG once in the MultiLing Bali story, whose "Yvo de Boer" is ORG seven
    times) and at least :data:`SURNAME_LABELS` times.  Only
    for a name shaped as a person's: two to four words besides a surname's particles, no initial, figure
    or ampersand, no group's cue, no organisation's head word ("Goldman Sachs Group"), no word the story
    also writes in lower case ("State Duma" beside "the state", "Hurricane Mitch" beside "the
    hurricane"), not opening with a storm's title nor with a place of the story or its people ("Paris
    Bourse", "Britons Darren Hickey"), not a known place ("Banja Luka" beside a "Luka" taken for a person).
    """
    places = {key.split()[0] for key, kind in kinds.items() if kind == "GPE"}
    gazetteer = {key for form, key in key_of.items() if " " in form and known_place(form)}
    flipped = []
    for key, counter in votes.items():
        words = key.split()
        named = [w for w in words if w not in _PARTICLE_WORDS]
        if (
            not 2 <= len(named) <= 4
            or kinds[key] != "ORG"
            or cues[key]
            or any(len(w) == 1 or w in lower_words or w in _ORGANISATION_HEADS for w in named)
            or any(ch.isdigit() or ch == "&" for ch in key)
            or words[0] in STORM_TITLES
            or any(words[0][:PLACE_STEM] == place[:PLACE_STEM] for place in places if len(place) >= PLACE_STEM)
            or len(words[-1]) < 3
            or key in gazetteer
        ):
            continue
        tails = (votes.get(" ".join(words[cut:])) for cut in range(1, len(words)))
        surname = sum(tail["PERSON"] for tail in tails if tail and tail["PERSON"] > PERSON_LABEL_VOTES * (tail.total() - tail["PERSON"]))
        if surname >= SURNAME_LABELS * PERSON_LABEL_VOTES and _top_kind(counter + Counter(PERSON=surname)) == "PERSON":
            flipped.append(key)
    return flipped


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_A-Z][\w'\u2019-]*")


PERSON_LABEL_VOTES = 3  # votes a PERSON label of the NER gives its name (a title or a group's cue gives 4)
LOWER_CASE_USES = 2  # times a story writes a word in lower case for it to be a common word of the story


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the texts write in lower case at least :data:`LOWER_CASE_USES` times.

    Folded as name tokens are (accents off).

    >>> sorted(lower_case_words(["Kids Mode turns the kids' mode on.", "Max mode for kids"]))
    ['kids', 'mode']
    """
    uses = Counter(fold(w).strip("'\u2019-") for text in texts for w in _LOWER_WORD.findall(text) if w.islower())
    return frozenset(w for w, n in uses.items() if n >= LOWER_CASE_USES)


def _common_words_only(
    tokens: list[str], lower_words: frozenset[str], surnames: Counter[str], places: frozenset[str] = frozenset()
) -> bool:
    """A name of two or more words that the story also writes, each of them, in lower case: no person's.

    "Selective Focus", "Kids Mode", "Download Booster", "Best Buy": a feature, a product or a shop the small
    NER took for a person; a person's name keeps at least one word that is only a name ("Jack Straw"),
    or its last word is used alone as a person's name more than once (``surnames``: "Woods" of "Tiger Woods"
    in a golf story that also writes "woods" and "tiger").  A word before the last that is one of the
    story's places (``places``) counts as common: "Bali Roadmap" is the roadmap agreed at Bali, however
    often the NER took "Roadmap" alone for a person too.

    >>> _common_words_only(["bali", "roadmap"], frozenset({"roadmap"}), Counter(), frozenset({"bali"}))
    True
    >>> _common_words_only(["jack", "london"], frozenset({"jack"}), Counter(), frozenset({"london"}))
    False
    """
    words = [t for t in tokens if len(t) > 1]
    if len(words) < 2 or len(words) < len(tokens) or words[-1] not in lower_words:
        return False
    if all(t in lower_words for t in words[:-1]):
        return surnames[words[-1]] < 2
    return all(t in lower_words or t in places for t in words[:-1])


def _product_lines(kinds: dict[str, EntityKind], mentioned: Counter[str], titled: set[str]) -> None:
    """A "person" whose first word opens two or more organisations' names of the story is one more of them.

    "Galaxy Alpha", "Galaxy Note" beside the organisations "Galaxy S5" and "Galaxy S4" are products of one
    line, as the NER took those.  Only a line with a model number (a name holding a digit: not the "La …"
    bars, "European …" bodies or "Turkish …" parties of a story), an untitled name, whose organisations are
    together mentioned at least :data:`PRODUCT_LINE_SHARE` times as often, and whose first word no titled
    person of the story has as given name.  ``kinds`` is changed in place (keys are :func:`unify_kinds`'
    name keys).

    >>> kinds = {"galaxy s5": "ORG", "galaxy s4": "ORG", "galaxy alpha": "PERSON", "dana morrow": "PERSON"}
    >>> _product_lines(kinds, Counter({"galaxy s5": 30, "galaxy s4": 5, "galaxy alpha": 6, "dana morrow": 3}), set())
    >>> kinds["galaxy alpha"], kinds["dana morrow"]
    ('ORG', 'PERSON')
    >>> kinds = {"la belle equipe": "ORG", "la capitale": "ORG", "la marseillaise": "PERSON"}
    >>> _product_lines(kinds, Counter({"la belle equipe": 5, "la capitale": 2, "la marseillaise": 2}), set())
    >>> kinds["la marseillaise"]
    'PERSON'
    """
    lines: dict[str, list[str]] = defaultdict(list)
    for key, kind in kinds.items():
        if kind == "ORG" and " " in key:
            lines[key.split()[0]].append(key)
    lines = {first: keys for first, keys in lines.items() if any(ch.isdigit() for key in keys for ch in key)}
    given = {key.split()[0] for key in titled if kinds.get(key) == "PERSON"}
    for key, kind in list(kinds.items()):
        first = key.split()[0]
        if kind != "PERSON" or " " not in key or key in titled or first in given or len(lines.get(first, ())) < 2:
            continue
        if sum(mentioned[org] for org in lines[first]) >= PRODUCT_LINE_SHARE * mentioned[key]:
            kinds[key] = "ORG"


def unify_kinds(
    mentions: list[Mention], *, matcher: NameMatcher | None = None, lower_words: frozenset[str] = frozenset()
) -> list[Mention]:
    """One name, one kind across the story.

    The small English NER labels many foreign person names ORG some of the time: a PERSON label counts
    three times and a person title ("Prince Norodom Ranariddh") four times in the vote, and so does, for
    an organisation, a mention whose words make it a group (:func:`_organisation_cue`: "the Syriza
    party"); a one-word mention that
    is the surname of a PERSON full name of the story, or the rare first word of one (a given name), becomes
    PERSON; a one-word PERSON mention that is
    nobody's surname but the last word of a place/organisation name ("Mitch" next to "Hurricane Mitch")
    takes that kind; a one-word name that ends an organisation's name after "of" ("Bank of Cyprus") and that
    the NER called a place at least once is a place.  A "person" whose every word the story also writes in
    lower case (``lower_words``, :func:`lower_case_words`) and who is never given a title is no person: it
    takes the next kind the NER gave it, or is dropped.  A name said once to be a ship's or a flight's
    (:class:`Mention` ``craft``) is dropped.  ``matcher``: the story's name-test memo (a new one by default).
    """
    matcher = matcher or NameMatcher()
    # per distinct form, computed once (a story repeats the same few forms hundreds of times)
    tokens_of = {form: matcher.tokens(form) for form in {m.form for m in mentions}}
    # an abbreviation votes as one word with or without points ("U.S." and "US" get one kind)
    key_of = {form: " ".join(joined_initials(tokens)) for form, tokens in tokens_of.items()}
    votes: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    cues: Counter[str] = Counter()
    places: Counter[str] = Counter()
    titled = {key_of[m.form] for m in mentions if m.role or m.person_cue}
    located = {key_of[m.form] for m in mentions if m.located}
    for m in mentions:
        key = key_of[m.form]
        if m.role or m.person_cue:
            votes[key]["PERSON"] += 4
        elif m.organisation_cue:
            votes[key]["ORG"] += 4
            cues[key] += GROUP_CUES if m.media_cue else 1  # a medium's noun settles it alone
        elif m.place_cue:
            votes[key]["GPE"] += 4
            places[key] += 1
        else:
            votes[key][m.kind] += PERSON_LABEL_VOTES if m.kind == "PERSON" else 1
    _pool_abbreviation_votes(votes)
    kinds = {key: _top_kind(c) for key, c in votes.items()}
    for key in _people_by_surname(votes, kinds, cues, lower_words, key_of):
        kinds[key] = "PERSON"
    for key, count in places.items():
        # a "person" said twice to be where things happen, and never given a title: a place
        if count >= GROUP_CUES and kinds[key] == "PERSON" and key not in titled:
            kinds[key] = "GPE"
    for form in {m.form for m in mentions if m.located}:
        # a known city or country said to be where things happen, never given a title nor said to be a
        # group, is a place whatever the small NER says ("in Sendai" tagged ORG, "in Grozny" PERSON) —
        # unless the name is also a common word or brand ("in the Toyota", "at Oxford", "the Commonwealth")
        key = key_of[form]
        if (
            kinds[key] != "GPE"
            and key not in titled
            and not cues[key]
            and known_place(form)
            and zipf_frequency(form, "en") < COMMON_PLACE_NAME_ZIPF
        ):
            kinds[key] = "GPE"
    # "Bank of Cyprus", "University of Michigan": the word after an organisation's "of" is a place, so a lone
    # "Cyprus" the NER also called a place some of the time is one
    places_of = {key.rsplit(" of ", 1)[1] for key, kind in kinds.items() if kind == "ORG" and " of " in key}
    for key in places_of:
        if key in kinds and " " not in key and kinds[key] != "GPE" and votes[key]["GPE"] > 0 and key not in titled:
            kinds[key] = "GPE"
    # "Wang" beside "Wang Youcai", "Wang Dan" and "Wang Bingzhang": a word opening two people's names or
    # more is a family name written first (Chinese, Korean), a person whatever the NER says of it alone
    # — when those people are mentioned about as often as the word alone: "Samsung", an organisation 336
    # times, is not the family name of "Samsung Apps" and "Samsung Alpha", products the NER took for people
    openers = Counter(key.split()[0] for key, kind in kinds.items() if kind == "PERSON" and len(key.split()) >= 2)
    opened_votes: Counter[str] = Counter()
    for key, kind in kinds.items():
        if kind == "PERSON" and len(key.split()) >= 2:
            opened_votes[key.split()[0]] += votes[key]["PERSON"]
    for key, kind in kinds.items():
        if (
            kind != "PERSON"
            and " " not in key
            and openers[key] >= 2
            and key not in located
            and not cues[key]
            and votes[key].total() <= SURNAME_SHARE * opened_votes[key]
        ):
            kinds[key] = "PERSON"
    # "Samsung Alpha", "Sky Deutschland": a "person" whose first word is, alone, an organisation the story names
    # far more often (ORG_WORD_SHARE times) is the organisation's product or branch, not a person of that given
    # name (a surname the NER calls an organisation — "el Hage", "Shepard" — is not checked: it ends the name)
    mentioned = Counter(key_of[m.form] for m in mentions)
    for key, kind in list(kinds.items()):
        first = key.split()[0]
        if (
            kind == "PERSON"
            and " " in key
            and key not in titled
            and kinds.get(first) == "ORG"
            and mentioned[first] >= ORG_WORD_SHARE * mentioned[key]
        ):
            kinds[key] = "ORG"
    _product_lines(kinds, mentioned, titled)
    for key, count in cues.items():
        if count >= GROUP_CUES:  # said twice to be a party or to have members: a group, whatever the NER says
            kinds[key] = "ORG"
    # "Bío Bío", "Maule" beside the story's "Bío Bío Region", "Maule Region": the place without its designator,
    # however the NER took it (foreign place names are often "people")
    for key, kind in list(kinds.items()):
        if kind == "PERSON" and key not in titled:
            named = (kinds.get(f"{key} {d}", "PERSON") for d in sorted(PLACE_DESIGNATORS))
            designated = [other for other in named if other != "PERSON"]
            if designated:
                kinds[key] = designated[0]
    # a name said once to be a ship's or a flight's is no person, organisation or place, however the NER took it
    dropped = {key_of[m.form] for m in mentions if m.craft}
    # one-word forms the NER called a person, with (about) the number of such mentions: their PERSON votes
    # over a PERSON label's weight
    alone = Counter({key: votes[key]["PERSON"] // PERSON_LABEL_VOTES for key in votes if " " not in key})
    places = frozenset(key for key, kind in kinds.items() if kind in ("GPE", "LOC") and " " not in key)
    common_heads: set[str] = set()  # last words of the names dropped as common words ("Roadmap" of "Bali Roadmap")
    for key, kind in kinds.items():
        if kind == "PERSON" and key not in titled and _common_words_only(key.split(), lower_words, alone, places):
            other = Counter({k: n for k, n in votes[key].items() if k != "PERSON" and n > 0})
            if other:
                kinds[key] = _top_kind(other)
            else:
                dropped.add(key)
                common_heads.add(key.split()[-1])
    # last words of multi-word names that are not people ("Hurricane Mitch"): a lone "Mitch" is that thing;
    # so is the first word of an organisation's name ("Fugro" of "Fugro Survey") unless a person of the
    # story has it as given name ("Matthew" of the "Matthew Shepard Foundation")
    given = {key.split()[0] for key, kind in kinds.items() if kind == "PERSON" and len(key.split()) >= 2}
    things: dict[str, set[EntityKind]] = defaultdict(set)
    for key, kind in kinds.items():
        if kind != "PERSON" and len(key.split()) >= 2:
            things[key.split()[-1]].add(kind)
            if kind == "ORG" and key.split()[0] not in given:
                things[key.split()[0]].add(kind)
    # the last (non-initial) word of each PERSON full name with that person's PERSON votes (as
    # matcher.surname_matches, a one-word form is compared with a full name's last word only)
    person_votes: Counter[str] = Counter()
    # … and those of full names whose first word the story never writes in lower case (no "Aboard Endeavour")
    named_surnames: set[str] = set()
    for key, counter in votes.items():
        words = [t for t in key.split() if len(t) > 1]
        if kinds[key] == "PERSON" and len(words) >= 2 and key not in dropped:
            person_votes[words[-1]] += counter["PERSON"]
            if words[0] not in lower_words:
                named_surnames.add(words[-1])
    # votes of the full names each one-word form is the surname of
    surname_hits = {
        form: [n for last, n in person_votes.items() if matcher.token_similarity(tokens[0], last) >= TOKEN_MIN]
        for form, tokens in tokens_of.items()
        if len(tokens) == 1
    }
    surname_of_full = {form: bool(hits) for form, hits in surname_hits.items()}
    # the first word of each PERSON full name, when rare in English (a distinctive given name, as
    # _people_named links it: "Bhichai" for Bhichai Rattakul, which the NER calls a place), with its votes
    given_votes: Counter[str] = Counter()
    for key, counter in votes.items():
        words = [t for t in key.split() if len(t) > 1]
        if kinds[key] == "PERSON" and len(words) >= 2 and zipf_frequency(words[0], "en") < DISTINCTIVE_GIVEN_NAME_ZIPF:
            given_votes[words[0]] += counter["PERSON"]

    def flips_to_person(form: str) -> bool:
        # a one-word name the NER never calls a person becomes a person's surname only when that person is
        # mentioned often enough (SURNAME_SHARE), and, unless it is the very same word, only for a rare form (a typo
        # such as "Pincohet"): "Paris" is not the surname of a slogan tagged "Je Suis Paris", nor
        # "Britain" a spelling of "Berten"
        key = key_of[form]
        own = votes[key]
        if own["PERSON"] > 0:
            return True
        total = sum(own.values())
        if total <= SURNAME_SHARE * sum(surname_hits[form]) and (tokens_of[form][0] in person_votes or total <= RARE_FORM):
            return True
        # the very word ending a person's full name (one that opens with no word the story writes in lower case),
        # rare in English, no known place and never said to be where things happen or to be a group, is that
        # person's surname however often the NER calls it something else: news names a person in full once,
        # then by surname ("Ferid Murad" once, "Murad said" ten times)
        return (
            tokens_of[form][0] in named_surnames
            and key not in located
            and not cues[key]
            and not known_place(form)
            and zipf_frequency(form, "en") < DISTINCTIVE_GIVEN_NAME_ZIPF
        )

    def given_name_flips(form: str) -> bool:
        # the very same word only, never said to be a place or a group ("in Merimbula" next to a "Merimbula
        # Hospital" the NER calls a person), not an abbreviation, and (as for a surname) only when the person
        # is mentioned often enough
        key = key_of[form]
        if key in located or cues[key] or form.isupper():
            return False
        own = votes[key]
        return own["PERSON"] > 0 or sum(own.values()) <= SURNAME_SHARE * given_votes[tokens_of[form][0]]

    flips = {form: flips_to_person(form) for form, surname in surname_of_full.items() if surname}
    flips.update(
        (form, given_name_flips(form))
        for form, tokens in tokens_of.items()
        if len(tokens) == 1 and not surname_of_full[form] and tokens[0] in given_votes
    )

    result = []
    for m in mentions:
        if key_of[m.form] in dropped:
            continue
        kind = kinds[key_of[m.form]]
        single = len(tokens_of[m.form]) == 1
        is_surname = single and surname_of_full[m.form]
        if kind != "PERSON" and single and flips.get(m.form, False):
            kind = "PERSON"
        elif kind == "PERSON" and single and not is_surname and not m.role:
            if tokens_of[m.form][0] in common_heads and key_of[m.form] not in titled:
                continue  # a lone "Roadmap" is the "Bali Roadmap", no person
            owners = things.get(tokens_of[m.form][0], set())
            kind = next(iter(owners)) if len(owners) == 1 else kind
        role = (m.role or m.unvoted_role) if kind == "PERSON" else None
        if (kind, role) != (m.kind, m.role):
            m = replace(m, kind=kind, role=role)
        result.append(m)
    return result


def _link_surnames(
    mentions: list[Mention], matcher: NameMatcher, office_holders: dict[str, set[str]] | None = None
) -> dict[int, str]:
    """Within one article: index of a one-word PERSON mention → the one full name it is the surname of.

    A titled surname ("President Obama") whose office (:func:`_office`) the story gives, in full-name
    mentions, to exactly one person of that surname is that person, even where the article names in full only
    a relative ("Michelle Obama") or several people of that surname.  ``office_holders``: office → the
    full-name forms given it in the story.
    """
    full = sorted({m.form for m in mentions if m.kind == "PERSON" and len(matcher.tokens(m.form)) >= 2})
    links: dict[int, str] = {}
    for index, m in enumerate(mentions):
        if m.kind != "PERSON" or len(matcher.tokens(m.form)) != 1:
            continue
        if m.role and office_holders:
            holders = [f for f in office_holders.get(_office(m.role), ()) if matcher.surname_matches(m.form, f)]
            holders = _closest_surnames(m.form, holders, matcher)
            if len(_group_compatible(holders, matcher)) == 1:
                links[index] = max(sorted(holders), key=lambda f: (f in full, len(f)))
                continue
        candidates = _closest_surnames(m.form, [f for f in full if matcher.surname_matches(m.form, f)], matcher)
        candidates = candidates or _given_name_of(m.form, full, matcher)
        people = _group_compatible(candidates, matcher)
        if len(people) == 1:
            links[index] = Counter(f for f in candidates).most_common(1)[0][0]
    return links


def _office(role: str) -> str:
    """The office a role names, without tenure or place words: its last word ("former President" → "president").

    >>> _office("former Cypriot President"), _office("Sen.")
    ('president', 'sen')
    """
    return role.split()[-1].lower().rstrip(".")


def _office_holders(mentions: Sequence[Mention], matcher: NameMatcher) -> dict[str, set[str]]:
    """Office → the full names (two words or more) that story mentions give it ("President Barack Obama")."""
    holders: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.role and m.kind == "PERSON" and len(matcher.tokens(m.form)) >= 2:
            holders[_office(m.role)].add(m.form)
    return holders


def _given_name_of(single: str, full: list[str], matcher: NameMatcher, *, familiar: bool = True) -> list[str]:
    """The article's full names that open with exactly the word ``single`` (which is nobody's surname there).

    An article may call a person by the first word of the name it gave in full: a given name ("Saddam",
    "Judy" for Judy Shepard, "Najib" for Najib Razak) or a family name written first ("Chen" for Chen
    Shui-bian).  The exact word, else its familiar form ("Matt" for Matthew Shepard) unless it is a place's
    name; no spelling variant; two people of that first word stay apart.

    >>> _given_name_of("Najib", ["Najib Razak", "Tony Abbott"], NameMatcher())
    ['Najib Razak']
    >>> _given_name_of("Matt", ["Matthew Shepard", "Aaron McKinney"], NameMatcher())
    ['Matthew Shepard']
    """
    token = matcher.tokens(single)[0]
    if len(token) < 2:  # an initial
        return []
    opening = [(f, tokens[0]) for f in full if len(tokens := matcher.tokens(f)) >= 2]  # each full name's first word
    exact = [f for f, first in opening if first == token]
    if exact or not familiar or known_place(single):  # "Charles" of Charles Schulz, not of Charlie Brown; "Kent" is a place
        return exact
    return [f for f, first in opening if familiar_form(token, first)]



def _closest_surnames(single: str, forms: list[str], matcher: NameMatcher) -> list[str]:
    """Of the full names ``single`` is a surname of, those whose last word it spells exactly, if any."""
    token = matcher.tokens(single)[0]
    exact = [f for f in forms if len(matcher.tokens(f)) >= 2 and matcher.tokens(f)[-1] == token]
    return exact or forms


def _group_compatible(forms: list[str], matcher: NameMatcher) -> list[list[str]]:
    groups: list[list[str]] = []
    for form in forms:
        for group in groups:
            if all(matcher.name_similarity(form, other, kind="PERSON") is not None for other in group):
                group.append(form)
                break
        else:
            groups.append([form])
    return groups


@dataclass(slots=True)
class _Name:
    key: str
    form: str
    kind: EntityKind
    forms: Counter[str]
    context: Counter[str]
    mentions: list[Mention]


def _key(kind: str, form: str, matcher: NameMatcher) -> str:
    return kind + ":" + " ".join(matcher.tokens(form))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = (sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5
    return dot / norm


SHORT_FORM_PLACE_MENTIONS = 2  # mentions of a place name that an organisation's name may open with
PLACE_STEM = 4  # letters a place name and its nationality word share at the start ("Israel"/"Israeli", "Thai")


def _names_place(prefix: tuple[str, ...], places: frozenset[tuple[str, ...]]) -> bool:
    """Whether the name tokens ``prefix`` are one of the story's place names, or its nationality.

    The same words, or the same words with the last one changed after its first letters (a nationality:
    "Israeli" / "Israel", "South Korean" / "South Korea").  This is story knowledge, not a name test, so
    it is not part of :func:`newsbrief.names.name_similarity`.

    >>> places = frozenset({("bangkok",), ("thailand",), ("czech", "republic")})
    >>> _names_place(("bangkok",), places), _names_place(("thai",), places), _names_place(("republican",), places)
    (True, True, False)
    """
    if prefix in places:
        return True
    last = prefix[-1]
    return len(last) >= PLACE_STEM and any(
        len(place) == len(prefix) and place[:-1] == prefix[:-1] and place[-1][:PLACE_STEM] == last[:PLACE_STEM]
        for place in places
    )


def _compatible(a: _Name, b: _Name, matcher: NameMatcher) -> float | None:
    if a.kind != b.kind:
        return None
    score = matcher.name_similarity(a.form, b.form, kind=a.kind)
    if score is None:
        return None
    if score < FUZZY_BELOW and _cosine(a.context, b.context) < CONTEXT_MIN:
        return None
    return score


def _candidate_pairs(indices: list[int], names: list[_Name], matcher: NameMatcher) -> list[tuple[int, int]]:
    """Pairs ``i < j`` of ``indices`` (names of one kind) that ``name_similarity`` may accept, in order.

    A superset of the accepted pairs, so that a large story does not compare every pair of names: any
    variant may have the same letters spaced otherwise; a person's variant has a similar last (non-initial)
    token, or one similar to the longer name's last-but-one (a second surname); an organisation's or
    place's variant has the same content tokens, an acronym equal to the other name, an opening
    abbreviation the other spells out, or a similar first token — after a storm's title, for ``Hurricane Mitch`` (see :func:`newsbrief.names.name_similarity`).  A change to ``name_similarity`` must keep this a
    superset (``tests/test_names.py`` checks it on real and mutated names).
    """
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    anchors: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        tokens = matcher.tokens(names[i].form)
        if not tokens:
            continue
        buckets[("=", *tokens)].append(i)
        compact = "".join(tokens)
        buckets[("compact", compact)].append(i)
        if names[i].kind == "PERSON":
            words = [t for t in tokens if len(t) > 1]
            if words:
                anchors[words[-1]].append(i)
            if len(words) >= 3:  # a second surname after the name: its first surname is an anchor too
                anchors[words[-2]].append(i)
            continue
        # the tokens as written, without an opening Arabic article and with hyphenated words split, as the test
        # reads them ("Al Qaeda" meets "al Qaeda", whose lower-case article is no name token; "Agence
        # France-Press" meets "Agence France Presse")
        for variant in {tuple(tokens), tuple(without_arabic_article(tokens)), tuple(hyphen_split(tokens))}:
            short = joined_initials(list(variant))
            buckets[("content", *content_tokens(short))].append(i)
            for initials in {short[0]} if len(short) == 1 else acronyms(short):
                buckets[("acronym", initials)].append(i)
            # an opening abbreviation and its spelt-out words ("UN Security Council" ~ "United Nations …")
            buckets[("spelt", *short)].append(i)
            for cut in range(2, len(short)):
                buckets[("spelt", acronym(short[:cut]), *short[cut:])].append(i)
            anchors[short[0]].append(i)
            if len(short) == 2 and short[0] in STORM_TITLES:  # "Hurricane Mitch" meets "Mitch"
                anchors[short[1]].append(i)
    pairs: set[tuple[int, int]] = set()
    groups = list(buckets.values())
    groups += [anchors[a] + anchors[b] for a, b in matcher.similar_tokens(anchors) if a <= b]
    for group in groups:
        members = sorted(set(group))
        pairs.update((i, j) for pos, i in enumerate(members) for j in members[pos + 1 :])
    return sorted(pairs)


def _cluster(names: list[_Name], matcher: NameMatcher) -> list[list[_Name]]:
    """Greedy complete-linkage merging of compatible names, leaving ambiguous names alone."""
    count = len(names)
    scores: dict[tuple[int, int], float] = {}
    by_kind: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_kind[name.kind].append(index)
    for indices in by_kind.values():
        for i, j in _candidate_pairs(indices, names, matcher):
            score = _compatible(names[i], names[j], matcher)
            if score is not None:
                scores[(i, j)] = score
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j in scores:
        partners[i].add(j)
        partners[j].add(i)

    def ok(i: int, j: int) -> bool:
        return (min(i, j), max(i, j)) in scores

    ambiguous = {i for i, ps in partners.items() if any(not ok(x, y) for x in ps for y in ps if x < y)}
    cluster_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for (i, j), _score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if i in ambiguous or j in ambiguous:
            continue
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or not all(ok(x, y) for x in members[ci] for y in members[cj]):
            continue
        for x in members[cj]:
            cluster_of[x] = ci
        members[ci].extend(members.pop(cj))
    return [[names[i] for i in sorted(group)] for group in members.values()]


def story_mentions(articles: Sequence[Article], *, models: NlpModels) -> tuple[Mention, ...]:
    """The story's PERSON/ORG/GPE mentions with one kind per name (:func:`unify_kinds`), in article order.

    Computed once per story and shared through ``models`` (``extract_entities`` and ``extract_quotes`` both
    use them).
    """

    def compute() -> tuple[Mention, ...]:
        docs = models.docs(articles)
        mentions = [m for a in articles for m in collect_mentions(a, docs[a.id])]
        lower_words = lower_case_words(a.text for a in articles)
        texts = {a.id: a.text for a in articles}
        openers_dropped = drop_sentence_openers(_no_capitalised_nouns(mentions, texts, lower_words), texts)
        unified = unify_kinds(openers_dropped, lower_words=lower_words)
        return tuple(listed_kinds(recover_missed_mentions(unified, articles), articles))

    return models.shared("mentions", articles, compute)


# the separators of a list of names: "Chocholgue, San Pedro de La Paz, Constitución, and Maule"
_LIST_GAP = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")


def listed_kinds(mentions: Sequence[Mention], articles: Sequence[Article]) -> list[Mention]:
    """A "person" listed among places is a place; a one-word one listed among organisations is one of them.

    In "… damaged by the rains, including Chocholgue, San Pedro de La Paz, Constitución, and Maule" the
    small NER calls "Constitución" a person: a name the story never gives a title or honorific and that is
    no person's surname, listed at least once among three names or more of which more than half of the
    others are places (the story's kinds, :func:`unify_kinds`), is a place everywhere.  So is "Everton" in
    "Chelsea, Arsenal, Manchester United and Everton" an organisation (however it is capitalised), when more
    than half of the others are organisations; a full name stays a person's ("USA Today, The New York Times
    and Jeff Sagarin" rank teams).

    >>> t = "Rain hit Temuco, Talca, Constitución and Maule."
    >>> a = Article(id="a", content_hash="h", source="a.txt", title=None, text=t)
    >>> ms = [Mention("a", w, "PERSON" if w == "Constitución" else "GPE", t.index(w), t.index(w) + len(w)) for w in ("Temuco", "Talca", "Constitución", "Maule")]
    >>> [m.kind for m in listed_kinds(ms, [a])]
    ['GPE', 'GPE', 'GPE', 'GPE']
    """
    texts = {a.id: a.text for a in articles}
    # titled people, and a person's surname alone ("Streete" of "Floyd Streete"), stay people
    people = {m.form for m in mentions if m.role or m.person_cue}
    people |= {m.form.split()[-1] for m in mentions if m.kind == "PERSON" and " " in m.form}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    places: set[str] = set()
    bodies: set[str] = set()
    for article_id, own in by_article.items():
        text = texts.get(article_id, "")
        own = sorted(own, key=lambda m: m.start)
        # a list: names between commas, "and"/"or" before the last one only ("after devastating Asia and
        # Russia, Cardoso is …" is two clauses, not a list)
        runs: list[list[Mention]] = []
        closed: list[bool] = []
        for m in own:
            gap = _LIST_GAP.fullmatch(text, runs[-1][-1].end, m.start) if runs else None
            if gap and not closed[-1]:
                runs[-1].append(m)
                closed[-1] = bool(_CONJUNCTION.search(gap.group()))
            else:
                runs.append([m])
                closed.append(False)
        for run, ended in zip(runs, closed, strict=True):
            if len(run) < 3 or not ended:
                continue
            for k, m in enumerate(run):
                others = [o.kind for j, o in enumerate(run) if j != k]
                if m.kind == "PERSON" and m.form not in people and others.count("GPE") * 2 > len(others):
                    places.add(m.form)
                if (
                    m.kind == "PERSON" and " " not in m.form and m.form not in people
                    and others.count("ORG") * 2 > len(others)
                ):
                    bodies.add(m.form.casefold())
    return [
        replace(m, kind="GPE") if m.form in places
        else replace(m, kind="ORG") if m.kind == "PERSON" and m.form.casefold() in bodies
        else m
        for m in mentions
    ]


# a capitalised word right before a spot, in the same line: the spot is inside a longer name (or see
# _CAPITAL_AFTER)
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w.'\u2019-]*)[ \t]+$")
# a word that may open a name of several words (not inside a word or a hyphenated name; a space after it),
# and a name's end (no word goes on)
_WORD_START = re.compile(r"(?<![\w'\u2019-])[^\W\d_]\S*(?=[ \t])")
_AT_WORD_END = re.compile(r"(?![\w-])")


# a capitalised word of three letters or more ending a sentence ("… joined the Institute. Murad said"), not an
# abbreviation such as "St." or "U.S."
_SENTENCE_END_WORD = re.compile(r"[A-Z][a-z]{2,}[.!?][\"'\u201d\u2019)]*")
_TITLE_OR_HONORIFIC = _TITLE_WORDS | HONORIFICS


def inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start``…``end`` stand inside a longer capitalised name.

    A capitalised word right before them (not a title, not the first word of a sentence, not one ending the
    sentence before) or right after them: "the Murad Lab", "Saramago Foundation".

    >>> t = "Dr. Murad and the Murad Lab. But Murad met Mr. Murad at the Institute. Murad left."
    >>> [inside_longer_name(t, m.start(), m.end()) for m in re.finditer("Murad", t)]
    [False, True, False, False, False]
    """
    before = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    if (
        before
        and before.group(1).lower().rstrip(".") not in _TITLE_OR_HONORIFIC
        and not _SENTENCE_END_WORD.fullmatch(before.group(1))
        and not _SENTENCE_BEFORE.search(text, max(0, before.start(1) - 40), before.start(1))
    ):
        return True
    return _CAPITAL_AFTER.match(text, end) is not None


def recover_missed_mentions(mentions: Sequence[Mention], articles: Sequence[Article]) -> list[Mention]:
    """Add the story's names where the NER missed them in one article.

    The small NER finds a name in one article and misses the very same words in another ("Noël Le
    Graët said …"); its decisions are made sentence by sentence, so a name it knows elsewhere in the
    story is read again wherever the same words stand (the classic document-level consistency of
    named-entity taggers).  Only names of two words or more (a lone word may be a common one), at
    word boundaries, outside every mention, and not inside a longer capitalised name (no capitalised
    word right before it other than a title, none right after it); the recovered mention takes the
    name's one kind of the story (:func:`unify_kinds`) and, for a person, the title or apposition around it.
    Returns the mentions in article order and position.
    """
    kinds = {m.form: m.kind for m in mentions if len(m.form.split()) >= 2 and not m.form.isupper()}
    if not kinds:
        return list(mentions)
    # the forms by first word, longest first: each word of the text is tried against the few forms it opens
    # (one alternation of every form would try them all at every position of a story of thousands)
    by_first: dict[str, list[str]] = defaultdict(list)
    for form in sorted(kinds, key=len, reverse=True):
        by_first[form.split()[0]].append(form)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    result: list[Mention] = []
    for article in articles:
        own = by_article.get(article.id, [])
        spans = [(m.start, m.end) for m in own]
        text = article.text
        added: list[Mention] = []
        for word in _WORD_START.finditer(text):
            start = word.start()
            form = next((f for f in by_first.get(word.group(), ()) if _AT_WORD_END.match(text, start + len(f))
                         and text.startswith(f, start)), None)
            if form is None:
                continue
            end = start + len(form)
            if any(s < end and start < e for s, e in spans):
                continue
            if inside_longer_name(text, start, end):
                continue
            kind = kinds[form]
            role = (_role_before(text, start) or _role_after(text, end)) if kind == "PERSON" else None
            person = kind == "PERSON" and role is None and _person_cue(text, start)
            added.append(Mention(article.id, form, kind, start, end, role, person_cue=person))
        result.extend(sorted([*own, *added], key=lambda m: m.start) if added else own)
    return result


def extract_entities(articles: Sequence[Article], *, models: NlpModels) -> tuple[Entity, ...]:
    """People, organisations and places of the story, variants merged; most mentioned first."""
    story = story_mentions(articles, models=models)
    matcher = NameMatcher()
    per_article: dict[str, list[Mention]] = defaultdict(list)
    for m in story:
        per_article[m.article_id].append(m)
    texts = {a.id: a.text for a in articles}
    names: dict[str, _Name] = {}
    surnames: list[tuple[Mention, Counter[str]]] = []
    office_holders = _office_holders(story, matcher)
    for article_id_, mentions in per_article.items():
        links = _link_surnames(mentions, matcher, office_holders)
        for index, m in enumerate(mentions):
            window = texts[article_id_][max(0, m.start - CONTEXT_WINDOW) : m.end + CONTEXT_WINDOW]
            context = Counter(content_words(window))
            if m.kind == "PERSON" and len(matcher.tokens(m.form)) == 1 and index not in links:
                surnames.append((m, context))
                continue
            key = _key(m.kind, links.get(index, m.form), matcher)
            full_form = links.get(index, m.form)
            entry = names.setdefault(key, _Name(key, full_form, m.kind, Counter(), Counter(), []))
            entry.forms[m.form] += 1
            entry.context.update(context)
            entry.mentions.append(m)
    clusters = _cluster(list(names.values()), matcher)
    _attach_short_forms(clusters, matcher)
    _attach_surnames(clusters, surnames, matcher, articles=len(articles))
    order = {a.id: i for i, a in enumerate(articles)}
    entities = [_entity(cluster, order, matcher) for cluster in clusters if cluster]
    terms = lower_case_initialisms(texts.values())
    entities = [e for e in entities if not generic_initialism(e) and not _spelled_in_lower_case(e, terms)]
    entities = named_otherwise(entities, ner_label_votes(articles, models=models))
    return tuple(sorted(entities, key=lambda e: (-e.mentions, e.kind, e.name)))


#: Labels of the small English NER for names that are no person, organisation or place: an event ("the Asian
#: Games"), a law or treaty ("the Kyoto Protocol"), a product, a work, a language.  (Not NORP: the NER gives
#: it to parties' members, "Republicans", as well as to peoples.)
OTHER_LABELS = frozenset({"EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['\u2019]s?$")


def ner_label_votes(articles: Sequence[Article], *, models: NlpModels) -> tuple[Counter[str], Counter[str]]:
    """Per name (without "the" and a possessive): the NER's person/organisation/place spans, and its others.

    The others are spans labelled one of :data:`OTHER_LABELS`.
    """
    docs = models.docs(articles)
    named: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for article in articles:
        for ent in docs[article.id].ents:
            if ent.label_ in LABELS or ent.label_ in OTHER_LABELS:
                form = _TRAILING_POSSESSIVE.sub("", _LEADING_THE.sub("", ent.text)).strip()
                (named if ent.label_ in LABELS else other)[form] += 1
    return named, other


def named_otherwise(entities: Sequence[Entity], votes: tuple[Counter[str], Counter[str]]) -> list[Entity]:
    """Entities whose names the NER more often calls an event, a law, a product or a work: of kind ``OTHER``.

    ``votes``: :func:`ner_label_votes`.  An entity is made of the NER's person, organisation and place spans
    (and the same words found again, unlabelled); the story's spans of those words labelled otherwise are
    votes against that kind ("Asian Games": 4 organisation spans, 15 event spans; "Kyoto Protocol": 1
    organisation, 9 law).

    >>> e = Entity("Asian Games", "ORG", ("Asian Games",), ("a",), 21)
    >>> named_otherwise([e], (Counter({"Asian Games": 4}), Counter({"Asian Games": 15})))[0].kind
    'OTHER'
    >>> named_otherwise([e], (Counter({"Asian Games": 4}), Counter({"Asian Games": 3})))[0].kind
    'ORG'
    """
    named, other = votes
    result = []
    for entity in entities:
        forms = {entity.name, *entity.variants}
        against = sum(other[form] for form in forms)
        result.append(replace(entity, kind="OTHER") if against > sum(named[form] for form in forms) else entity)
    return result


# Initialisms of common nouns (technology and its units, trades, medicine, economics): "2GB of RAM", "4G LTE",
# "HDR mode", "the company's CEO", "HIV".  The small English NER takes them for organisations or people (a
# phone story's "people and organisations" had ISO, HDR, LTE, RAM, UI, CPU, GB, NFC … among its first
# twenty names).  A vocabulary of English abbreviations, like the title words: no topic's names.
GENERIC_INITIALISMS = frozenset(
    """
    ram rom cpu gpu npu soc usb sim esim lte nfc hdr gb mb kb tb gbps mbps ghz mhz mah ui ux sdk api led lcd
    oled amoled cmos bsi iot wifi gps hd uhd 4k 8k ir af ois eis iso fov mcu mic pc tv dvd cd sms mms vpn url
    pdf ai vr ar os ip html qr rfid ssd hdd dslr mp3 pin 3g 4g 5g lan wan bios fps dpi ppi rgb hdmi dsp
    ceo cfo coo cto cio ipo atm suv gdp cpi dna rna hiv aids mri icu faq
    """.split()
)


def generic_initialism(entity: Entity) -> bool:
    """An organisation or person all of whose names are initialisms of common nouns (:data:`GENERIC_INITIALISMS`).

    An organisation the story spells out ("International Organization for Standardization (ISO)") has its
    long name among its variants and stays.

    >>> generic_initialism(Entity("RAM", "ORG", ("RAM",), ("a",), 3)), generic_initialism(Entity("Wi-Fi", "ORG", ("Wi-Fi", "WiFi"), ("a",), 2))
    (True, True)
    >>> generic_initialism(Entity("ISO", "ORG", ("ISO", "International Organization for Standardization"), ("a",), 2))
    False
    """
    if entity.kind == "GPE":
        return False
    for variant in entity.variants:
        key = variant.lower().replace(".", "").replace("-", "").replace(" ", "")
        if key not in GENERIC_INITIALISMS and not (key.endswith("s") and key[:-1] in GENERIC_INITIALISMS):
            return False
    return True


# "greenhouse gas (GHG)", "non-governmental organisations (NGOs)": an initialism in brackets after what it shortens
_BRACKETED_INITIALISM = re.compile(r"\(([A-Z][A-Z0-9]{1,7})s?\)")
_LONG_FORM_WORD = re.compile(r"[^\W_][\w'\u2019-]*")


def lower_case_initialisms(texts: Iterable[str]) -> frozenset[str]:
    """Initialisms the story's texts define as short for lower-case words: common nouns', no names.

    "greenhouse gas (GHG)", "the major emitters meeting (MEM)", "exchange rate mechanism (ERM)": the NER
    takes them for organisations.  One that the texts define more often as a capitalised name ("World
    Health Organization (WHO)") is a name; one source's "Greenhouse Gas (GHG)" among three in lower case
    is not.

    >>> sorted(lower_case_initialisms(["cuts of greenhouse gas (GHG) emissions", "the World Health Organization (WHO)"]))
    ['GHG']
    """
    votes: Counter[str] = Counter()
    for text in texts:
        for match in _BRACKETED_INITIALISM.finditer(text):
            short = match.group(1)
            long_form = _long_form(short, text[max(0, match.start() - 150) : match.start()])
            if long_form is not None:
                votes[short] += 1 if long_form.islower() else -1
    return frozenset(short for short, vote in votes.items() if vote > 0)


def _long_form(short: str, before: str) -> str | None:
    """The words right before a bracketed short form that it abbreviates, or None (Schwartz and Hearst, 2003).

    Each letter of the short form, last to first, is found in the words, right to left; the first letter
    must open a word; at most min(letters + 5, 2 × letters) words.  The ``abbreviations`` package
    implements the same matching, but over whole lines taken for sentences and returning one definition
    per term; here it is one short form against the text right before it.

    >>> _long_form("GHG", "emissions of greenhouse gas "), _long_form("MEM", "attend the major emitters meeting ")
    ('greenhouse gas', 'major emitters meeting')
    >>> _long_form("UN", "he said ") is None
    True
    """
    words = _LONG_FORM_WORD.findall(before)[-min(len(short) + 5, 2 * len(short)) :]
    long_form = " ".join(words)
    position = len(long_form)
    for index in range(len(short) - 1, -1, -1):
        letter = short[index].lower()
        while True:
            position -= 1
            if position < 0:
                return None
            at_word_start = position == 0 or not long_form[position - 1].isalnum()
            if long_form[position].lower() == letter and (index > 0 or at_word_start):
                break
    return long_form[position:]


def _spelled_in_lower_case(entity: Entity, terms: frozenset[str]) -> bool:
    """An organisation or person all of whose names are initialisms the story spells out in lower case."""
    return entity.kind != "GPE" and all(v in terms or (v.endswith("s") and v[:-1] in terms) for v in entity.variants)


def _attach_short_forms(clusters: list[list[_Name]], matcher: NameMatcher) -> None:
    """An organisation named without the place before it joins the one organisation it shortens.

    "the Post" for the Bangkok Post, "the Cabinet" for the Israeli Cabinet, "State Department" for the
    U.S. State Department (:func:`_names_place`, over the story's place names mentioned at least
    twice): every name of the short entity must shorten a name of the same one other entity, which shares
    context with it; a short name two entities end with ("Post" next to the Bangkok Post and the
    Washington Post) stays on its own.  After the name-level clustering, as the relation needs the
    story's places and, unlike a spelling variant, does not make the longer names variants of each other.
    """
    places = frozenset(
        tuple(joined_initials(matcher.tokens(n.form)))
        for c in clusters
        for n in c
        if n.kind == "GPE" and len(n.mentions) >= SHORT_FORM_PLACE_MENTIONS
    )
    orgs = [c for c in clusters if c and c[0].kind == "ORG"]
    # per name tail after a place name: the entities holding a name with that tail
    ending: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for index, cluster in enumerate(orgs):
        for name in cluster:
            for form in name.forms:
                if "," in form:  # a list the NER took for one name ("Chelsea, Arsenal")
                    continue
                tokens = tuple(joined_initials(matcher.tokens(form)))
                for cut in range(1, len(tokens)):
                    tail = tokens[cut:]
                    if not all(t in STOPWORDS for t in tail) and _names_place(tokens[:cut], places):
                        ending[tail].add(index)
    moves: dict[int, int] = {}
    for index, cluster in enumerate(orgs):
        owners = [ending.get(tuple(joined_initials(matcher.tokens(f))), set()) - {index} for n in cluster for f in n.forms]
        if not owners or any(len(o) != 1 for o in owners) or len(set.union(*owners)) != 1:
            continue
        target = next(iter(owners[0]))
        context: Counter[str] = Counter()
        for name in cluster:
            context.update(name.context)
        if _cosine(context, sum((n.context for n in orgs[target]), Counter())) >= CONTEXT_MIN:
            moves[index] = target
    for index, target in moves.items():
        if target in moves:  # the target is itself a short form: leave both as they are
            continue
        orgs[target].extend(orgs[index])
        orgs[index].clear()
    clusters[:] = [c for c in clusters if c]


def _attach_surnames(
    clusters: list[list[_Name]], surnames: list[tuple[Mention, Counter[str]]], matcher: NameMatcher, *, articles: int = 1
) -> None:
    """A story-level surname-only mention joins the one person whose surname it is, or its own name.

    Of several people sharing the surname, an untitled mention joins the one the story names in full far
    more often (:func:`_dominant`).
    """
    singles: dict[str, _Name] = {}
    # per surname form: the clusters it matches (forms and clusters added below are one-word names, which
    # are nobody's full name, so the answer does not change while mentions are attached)
    hits_of: dict[str, list[list[_Name]]] = {}
    for m, _context in surnames:
        if m.form not in hits_of:
            hits_of[m.form] = _people_named(m.form, clusters, matcher, articles=articles)
    # each form's person, decided before any surname joins one (the counts of full names only)
    person_of = {form: _dominant(hits) for form, hits in hits_of.items()}
    spelling = _Spellings(surnames, person_of, matcher)
    for m, context in surnames:
        person = person_of[m.form]
        if person is not None and m.role and len(hits_of[m.form]) > 1:
            person = None  # a titled surname of several people ("President Bush" next to Laura Bush): not by counts
        if person is not None and spelling.otherwise(m, person):
            person = None  # "Houghton" on a page naming Alan Hutton: a page spells one name one way
        if person is not None:
            target = person[0]
        else:
            key = _key("PERSON", m.form, matcher)
            if key not in singles:
                singles[key] = _Name(key, m.form, "PERSON", Counter(), Counter(), [])
                clusters.append([singles[key]])
            target = singles[key]
        target.forms[m.form] += 1
        target.context.update(context)
        target.mentions.append(m)


class _Spellings:
    """How each page spells the people its bare surnames would join (computed once, before any joins).

    A surname matches a full name up to a typo or a transliteration ("Alenkar" / "Jose Alencar"), which
    happens between sources; one page spells one name one way: a bare "Houghton" on a page naming Alan
    Hutton in full, or next to a bare "Hutton", is somebody else — unless it is the spelling of the
    person's full name.  The people's full names are fixed while surnames join them (those are one word).
    """

    def __init__(
        self, surnames: list[tuple[Mention, Counter[str]]], person_of: dict[str, list[_Name] | None], matcher: NameMatcher
    ) -> None:
        self._matcher = matcher
        people = {id(p): p for p in person_of.values() if p is not None}
        # per person, the surnames its full names spell, a double surname's parts too ("Madikizela" of
        # "Winnie Madikizela-Mandela"); per article and person, the name parts of each full name given there
        self._surnames: dict[int, set[str]] = defaultdict(set)
        self._full_names: dict[tuple[str, int], list[set[str]]] = defaultdict(list)
        for pid, person in people.items():
            for name in person:
                for form in name.forms:
                    tokens = matcher.tokens(form)
                    if len(tokens) >= 2:
                        self._surnames[pid].update((tokens[-1], *tokens[-1].split("-")))
                for other in name.mentions:
                    tokens = matcher.tokens(other.form)
                    if len(tokens) >= 2:
                        parts = {part for t in tokens if len(t) > 1 for part in (t, *t.split("-"))}
                        self._full_names[(other.article_id, pid)].append(parts)
        # per article and person, the spellings of the bare surnames that would join them (not a given name)
        is_surname = {
            form: any(matcher.surname_matches(form, f) for n in person for f in n.forms)
            for form, person in person_of.items()
            if person is not None
        }
        self._bare: dict[tuple[str, int], set[str]] = defaultdict(set)
        for m, _context in surnames:
            person = person_of[m.form]
            if person is not None and is_surname[m.form]:
                self._bare[(m.article_id, id(person))].add(matcher.tokens(m.form)[-1])

    def otherwise(self, m: Mention, person: list[_Name]) -> bool:
        """Whether the article of surname mention ``m`` spells ``person``'s surname otherwise."""
        own = self._matcher.tokens(m.form)[-1]
        if own in self._surnames[id(person)]:
            return False
        key = (m.article_id, id(person))
        return len(self._bare[key]) > 1 or any(own not in parts for parts in self._full_names[key])


DOMINANT_SHARE = 3  # times more full-name mentions than every other person of a surname, for a bare surname


def _dominant(people: list[list[_Name]]) -> list[_Name] | None:
    """The one person a surname names: the only one, or the one named in full far more often than each other.

    A bare "Obama" in a story naming Barack Obama 19 times and "Barry Obama" 4 is Barack Obama's
    (:data:`DOMINANT_SHARE`); in one naming Michelle and Barack Obama about as often it is nobody's.
    """
    if len(people) <= 1:
        return people[0] if people else None
    counts = sorted(((sum(len(n.mentions) for n in c), k) for k, c in enumerate(people)), reverse=True)
    (top, index), (second, _) = counts[0], counts[1]
    return people[index] if top >= DOMINANT_SHARE * max(second, 1) else None


def _people_named(
    single: str, clusters: list[list[_Name]], matcher: NameMatcher, *, articles: int = 1
) -> list[list[_Name]]:
    """The story's people a one-word name may be: those whose surname it is, else whose given name.

    A common given name only of a person named in full in at least half of the story's ``articles``.
    """
    hits = [
        c
        for c in clusters
        if c[0].kind == "PERSON" and any(matcher.surname_matches(single, f) for n in c for f in n.forms)
    ]
    if len(hits) > 1:  # "Tsipras" is Alexis Tsipras's surname, not a misspelling of Demetris Tsiodras's
        exact = _closest_surnames(single, [f for c in hits for n in c for f in n.forms], matcher)
        hits = [c for c in hits if any(f in exact for n in c for f in n.forms)]
    if not hits:
        # nobody's surname in the story: the given name of the one person whose full name opens with it,
        # given in another article — a rare one ("Najib", not "Anne"), or a common one of a person the story
        # names in full in most articles ("Michelle" of Michelle Obama in a story about her; not "Anne" of
        # Anne Kitch, named in 3 of 10 articles of a story where another Anne speaks)
        people = [(c, [f for n in c for f in n.forms]) for c in clusters if c[0].kind == "PERSON"]
        hits = [c for c, forms in people if _given_name_of(single, forms, matcher, familiar=False)]
        if not hits:  # no full name opens with the word itself: one that opens with the word's full form
            hits = [c for c, forms in people if _given_name_of(single, forms, matcher)]
        rare = zipf_frequency(single.lower(), "en") < DISTINCTIVE_GIVEN_NAME_ZIPF
        if not rare:
            # of several, the one named in full far more often ("Michelle" next to Michelle Cottle, a writer
            # quoted once), if named in full in most articles
            person = _dominant(hits)
            named = 0 if person is None else _articles_naming(person)
            hits = [person] if person is not None and named >= max(PROMINENT_ARTICLES, PROMINENT_SHARE * articles) else []
    return hits


# articles naming a person in full (at least so many, and this share of the story's) for a common given
# name alone to be that person's
PROMINENT_ARTICLES, PROMINENT_SHARE = 3, 0.5


def _articles_naming(cluster: list[_Name]) -> int:
    """The number of articles that name the person of ``cluster`` in full (two words or more)."""
    return len({m.article_id for n in cluster for m in n.mentions if " " in m.form.strip()})


def _entity(cluster: list[_Name], order: dict[str, int], matcher: NameMatcher) -> Entity:
    forms: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    mentions: list[Mention] = []
    for member in cluster:
        forms.update(member.forms)
        mentions.extend(member.mentions)
    roles.update(m.role for m in mentions if m.role)
    # a dateline's capitals ("WASHINGTON") or a shouted headline's ("DAVE BASSETT") never name a place or a
    # person that is also written in mixed case (an organisation's may: "UNICEF", "PASOK")
    folded = {f.lower() for f in forms if not f.isupper()} if cluster[0].kind in ("GPE", "PERSON") else set()
    # among forms as frequent and as long, the one more common in English ("Macedonia", not a misspelt
    # "Macadonia")
    ranked = sorted(
        forms, key=lambda f: (f.isupper() and f.lower() in folded, -forms[f], -len(f), -zipf_frequency(f, "en"), f)
    )
    full = [f for f in ranked if len(matcher.tokens(f)) >= 2]
    name = (full or ranked)[0]
    variants = (name, *(f for f in ranked if f != name))
    article_ids = tuple(sorted({m.article_id for m in mentions}, key=lambda a: order.get(a, 0)))
    return Entity(name, cluster[0].kind, variants, article_ids, len(mentions), _main_role(roles))


def _main_role(roles: Counter[str]) -> str | None:
    """The most common role, a shorter wording counting for a fuller one of the same office.

    A fuller one only puts capitalised words (the office's name) before it: "Majority Leader" counts for
    "Senate Majority Leader", not for "former Majority Leader".  Among equals the one given most often,
    then the first in order.

    >>> _main_role(Counter({"Sen.": 2, "Majority Leader": 2, "Senate Majority Leader": 1}))
    'Senate Majority Leader'
    >>> _main_role(Counter({"President": 3, "former President": 1})), _main_role(Counter())
    ('President', None)
    """
    def names_more(role: str, other: str) -> bool:
        head = role[: len(role) - len(other)]
        return role.lower().endswith(" " + other.lower()) and all(w[:1].isupper() for w in head.split())

    def votes(role: str) -> int:
        return sum(n for other, n in roles.items() if role.lower() == other.lower() or names_more(role, other))

    return min(roles, key=lambda r: (-votes(r), -roles[r], r)) if roles else None


def entity_lookup(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Map every variant's folded token form (kind-less) to its entity, for speaker resolution.

    >>> e = Entity("Hun Sen", "PERSON", ("Hun Sen", "Hun"), ("a",), 3)
    >>> entity_lookup([e])["hun sen"].name
    'Hun Sen'
    """
    lookup: dict[str, Entity] = {}
    for entity in entities:
        for variant in entity.variants:
            lookup.setdefault(" ".join(name_tokens(variant)), entity)
    return lookup


__all__ = [
    "Mention",
    "collect_mentions",
    "entity_lookup",
    "extract_entities",
    "recover_missed_mentions",
    "story_mentions",
    "TITLE_HEADS",
]
