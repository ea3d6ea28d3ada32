"""Name strings: cleaning entity mentions, titles/roles, and the variant test used to merge names.

Written here because no library decides whether two *person names* are spelling or transliteration
variants of one another (rapidfuzz gives the string similarities; the name structure — given names,
initials, surname — and the consonant skeleton for transliterations are ours).

>>> clean_name("Hun Sen's")
'Hun Sen'
>>> clean_name("the Khmer Rouge")
'Khmer Rouge'
>>> clean_name("• Germany")
'Germany'
>>> name_similarity("Moammar Gadhafi", "Muammar Qaddafi", kind="PERSON") is not None
True
>>> name_similarity("Norodom Sihanouk", "Norodom Ranariddh", kind="PERSON") is None
True
>>> name_similarity("George W. Bush", "George H. W. Bush", kind="PERSON") is None
True
>>> name_similarity("U.N.", "United Nations", kind="ORG")
1.0
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, partial

import numpy as np
from nicknames import NickNamer
from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler
from wordfreq import zipf_frequency

from newsbrief.model import EntityKind
from newsbrief.text import without_accents

# Honorifics dropped from a name (they are not a role).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "madame", "mme", "m", "sir", "dame", "lady", "lord"})
# Head nouns of titles and roles.  A vocabulary of *titles* (not names) used to recognise
# "Prime Minister Hun Sen" / "Hun Sen, the prime minister".
TITLE_HEADS = frozenset(
    """president premier minister king queen prince princess chancellor secretary senator sen rep
    representative governor gov mayor general gen leader chairman chairwoman chair chief spokesman
    spokeswoman spokesperson ambassador diplomat envoy judge justice director commander officer official
    pope cardinal bishop archbishop dr doctor professor prof coach ceo executive head lawyer attorney
    prosecutor speaker candidate strongman dictator colonel col lt lieutenant captain capt sgt sergeant
    admiral adm rev reverend sheik sheikh ayatollah emperor monarch sultan president-elect vice-president
    negotiator mediator analyst economist researcher scientist founder owner manager editor correspondent
    commissioner inspector investigator detective sheriff police chief-of-staff aide adviser advisor
    counselor delegate lawmaker legislator congressman congresswoman deputy ruler warlord guerrilla
    rebel commander-in-chief marshal chairperson treasurer astronaut pilot author writer actor singer
    player striker goalkeeper champion principal superintendent pastor priest rabbi imam mufti mullah
    patriarch deacon monsignor emir empress tsar duchess countess baroness councillor councilman clerk
    councilwoman alderman assemblyman assemblywoman surgeon chef skipper midfielder defender winger
    trooper spc specialist pfc brig brigadier cmdr cdr lieut""".split()
)
TITLE_MODIFIERS = frozenset(
    """prime foreign defense defence finance interior justice deputy vice acting former crown first
    opposition party state national chief co senior top""".split()
)

# Words that only say what kind of place a name is ("the Gaza Strip" is "Gaza", "the Atlantic Ocean" is
# "the Atlantic").  Not "state": "Washington State" is not Washington.
PLACE_DESIGNATORS = frozenset(
    """strip ocean sea island islands isle river lake bay gulf peninsula province region territory
    territories valley desert mountains coast""".split()
)

# Words that only say what kind of organisation a name is ("Microsoft Corp." is "Microsoft", "the Labor Party"
# is "Labor").
ORG_DESIGNATORS = frozenset(
    """corp corporation inc incorporated co company ltd limited plc llc lp ag sa nv gmbh group holdings
    holding communications communication computer computers airlines airline airways systems international party""".split()
)
# The designators that give a company's legal form ("Co." and "Company" are one name's two spellings).
LEGAL_FORMS = frozenset("corp corporation inc incorporated co company ltd limited plc llc lp ag sa nv gmbh".split())
# Words before a tropical storm's name, which NER tags as an organisation: "Hurricane Mitch" is "Mitch".
STORM_TITLES = frozenset("hurricane typhoon cyclone".split())

_WS = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"(?:'s|'S|'|\u2019s|\u2019S|\u2019|\u2018s)$")  # (a left quote mark for an apostrophe: "Obama‘s")
# list bullets, arrows and other symbols a scraped list item leaves before a name ("• Germany")
_LEADING_MARKS = re.compile(r"^[^\w\"'(\[]+\s*")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|this|these|that|those)\s+", re.IGNORECASE)
# a word, or a run of digits (with the letters around it: "S5", "MH370", "8974AC"): numbers tell apart the
# names of a series ("Galaxy S4" / "Galaxy S5", "Flight 17" / "Flight 370", "ISO" / "ISO 2000")
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|['\-.])*", re.UNICODE)


def clean_name(text: str) -> str:
    """A mention's surface form without possessive, leading article, honorific or stray punctuation.

    >>> clean_name("Australian Maritime Safety Authority (Amsa")
    'Australian Maritime Safety Authority'
    """
    name = _LEADING_MARKS.sub("", _WS.sub(" ", text).strip()).strip(",;:\"()[]")
    if name.count("(") > name.count(")"):
        name = name[: name.rindex("(")].rstrip()  # the NER ran into the bracketed short form that follows
    name = _POSSESSIVE.sub("", name).strip()
    without_article = _LEADING_ARTICLE.sub("", name)
    if without_article != name:  # 'the "Foreign Office': the quotation mark the article stood before
        without_article = without_article.lstrip('"\u201c')
    name = without_article
    words = name.split(" ")
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    name = " ".join(words).strip(" -'")
    if name.endswith(".") and not re.search(r"(?:\b[A-Za-z]\.)+$|\b(?:Jr|Sr|Co|Inc|Corp|Ltd)\.$", name):
        name = name[:-1]
    return name


def split_title(name: str) -> tuple[str | None, str]:
    """Split leading title words that NER sometimes includes: ``"Prince Norodom Ranariddh"``.

    >>> split_title("Prime Minister Hun Sen")
    ('Prime Minister', 'Hun Sen')
    >>> split_title("Hun Sen")
    (None, 'Hun Sen')
    >>> split_title("Prince of Asturias Prize")
    (None, 'Prince of Asturias Prize')
    """
    words = name.split(" ")
    cut = 0
    for index, word in enumerate(words[:-1]):
        low = word.lower().rstrip(".")
        if low in TITLE_HEADS or low in TITLE_MODIFIERS:
            cut = index + 1
        else:
            break
    if cut and words[cut - 1].lower().rstrip(".") in TITLE_HEADS and words[cut][:1].isupper():
        return " ".join(words[:cut]), " ".join(words[cut:])
    return None, name


def fold(text: str) -> str:
    """Lower case without accents."""
    return without_accents(text).lower()


def name_tokens(name: str) -> list[str]:
    """Folded word tokens of a name; initials (``"H."``) become one-letter tokens.

    A token with a digit keeps it, without hyphens ("G-20" is "G20").

    The Arabic article inside a name is no token: "Bashar al-Assad", "Bashar al Assad" and "Bashar Assad" are
    one name's spellings ("Al-Sharaa" is "Sharaa"; a first "Al" alone stays: "Al Gore").

    >>> name_tokens("George H.W. Bush"), name_tokens("Galaxy S5"), name_tokens("G-20")
    (['george', 'h', 'w', 'bush'], ['galaxy', 's5'], ['g20'])
    >>> name_tokens("Bashar al-Assad"), name_tokens("Ahmad Al Mohammad"), name_tokens("Al Gore")
    (['bashar', 'assad'], ['ahmad', 'mohammad'], ['al', 'gore'])
    """
    tokens: list[str] = []
    raws = _TOKEN.findall(without_accents(name))
    for index, raw in enumerate(raws):
        # alone, the article is dropped inside a name or written in lower case ("al Qaeda"): a first "Al" may
        # be a given name ("Al Gore"; so "Al Thani" stays apart from "… Jaber Al Thani")
        if raw.lower() in _ARABIC_ARTICLES and index + 1 < len(raws) and (index or raw.islower()):
            continue
        raw = _ARABIC_ARTICLE.sub("", raw.lower())
        parts = [p for p in raw.split(".") if p] if "." in raw else [raw]
        for part in parts:
            token = part.strip("'-")
            if _DIGIT.search(token):
                token = token.replace("-", "")
            if token:
                tokens.append(token)
    return tokens


# the Arabic article in its romanised spellings, alone or joined to the word by a hyphen
_ARABIC_ARTICLES = frozenset({"al", "el"})
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w{2})")  # joined by a hyphen, wherever it stands


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("sh", "s"), ("ch", "c"), ("ck", "k"))
_CONSONANT_CLASS = str.maketrans({"q": "k", "c": "k", "g": "k", "z": "s", "v": "f", "w": "u", "j": "i", "y": "i"})


def skeleton(token: str) -> str:
    """Consonant skeleton of a folded token, for transliteration variants (Gadhafi ~ Qaddafi ~ Kadhafi).

    >>> skeleton("gadhafi") == skeleton("qaddafi") == skeleton("khadafy")
    True
    >>> skeleton("spain") == skeleton("espina")
    False
    """
    word = token
    for digraph, single in _DIGRAPHS:
        word = word.replace(digraph, single)
    word = word.translate(_CONSONANT_CLASS)
    word = word[:1] + re.sub(r"[aeiou]+", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", word)


_VOWEL_RUN = re.compile(r"[aeiouy]+")
_VOWEL_CLASS = {"a": {"a", "e"}, "e": {"a", "e", "i"}, "i": {"e", "i"}, "y": {"e", "i"}, "o": {"o", "u"}, "u": {"o", "u"}}


def _same_skeleton(a: str, b: str, skeleton: Callable[[str], str]) -> bool:
    """Two tokens of six letters or more with one consonant skeleton of three consonants or more.

    A skeleton of three consonants is common to names that are not one ("Hasina", "Hussein": "hsn"), so
    there the two must also have as many syllables (runs of vowels after the first letter) and a first
    vowel of one sound: a romanisation moves vowels, it does not add a syllable ("Husayn", "Hosein",
    "Hussein"; "Gadhafi", "Khadafy").

    >>> _same_skeleton("hussein", "husayn", skeleton), _same_skeleton("hasina", "hussein", skeleton)
    (True, False)
    >>> _same_skeleton("hassan", "hussein", skeleton), _same_skeleton("hosain", "hussein", skeleton)
    (False, True)
    """
    if min(len(a), len(b)) < 6:
        return False
    shape = skeleton(a)
    if len(shape) < 3 or shape != skeleton(b):
        return False
    if len(shape) > 3:
        return True
    runs_a, runs_b = _VOWEL_RUN.findall(a[1:]), _VOWEL_RUN.findall(b[1:])
    # … and a first vowel of one sound: a/e, e/i, o/u trade places in romanisations ("Mohammed",
    # "Muhammad"), a and u do not ("Hassan" is no "Hussein")
    return len(runs_a) == len(runs_b) and bool(runs_a) and _VOWEL_CLASS[runs_a[0][0]] & _VOWEL_CLASS[runs_b[0][0]] != set()


_VOWEL_DIGRAPHS = (("ee", "i"), ("ea", "i"), ("oo", "u"), ("ou", "u"), ("ie", "i"))


def transliteration_form(token: str) -> str:
    """A token with common romanisation alternatives unified, vowels kept (Saddiq ~ Sadeek ~ Sadiq).

    >>> transliteration_form("saddiq") == transliteration_form("sadeek")
    True
    """
    word = token
    for digraph, single in _DIGRAPHS + _VOWEL_DIGRAPHS:
        word = word.replace(digraph, single)
    return re.sub(r"(.)\1+", r"\1", word.translate(_CONSONANT_CLASS))


def token_similarity(a: str, b: str) -> float:
    """Similarity of two name tokens in [0, 1] (Jaro-Winkler; transliteration skeleton for long tokens)."""
    return _token_similarity(a, b, skeleton=skeleton, transliteration=transliteration_form)


def _token_similarity(
    a: str, b: str, *, skeleton: Callable[[str], str], transliteration: Callable[[str], str]
) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1 or _DIGIT.search(a) or _DIGIT.search(b):
        return 0.0  # a number is no spelling variant of another ("S4" / "S5", "801" / "800")
    jw = JaroWinkler.normalized_similarity(a, b)
    if abs(len(a) - len(b)) >= _LENGTH_GAP and skeleton(a) != skeleton(b):
        # Jaro-Winkler's bonus for a shared start makes "Patton" ~ "Patterson" (0.93): a spelling variant
        # does not add three letters that change its consonants
        return min(jw, _BELOW_MATCH)
    if min(len(a), len(b)) <= 4:
        return jw if jw >= 0.95 else 0.0
    if jw >= 0.7 and abs(len(a) - len(b)) < _LENGTH_GAP and _same_skeleton(a, b, skeleton):
        # transliterations keep their length within two letters: "Papandreou" (skeleton "pndr", its
        # repeated "p" collapsed) is no spelling of "Pandora"
        return max(jw, 0.9)
    if min(len(a), len(b)) >= 5:
        romanised = JaroWinkler.normalized_similarity(transliteration(a), transliteration(b))
        # a romanisation variant keeps its consonants: "Charlie" ~ "Karim" reads alike only by Jaro-Winkler
        if (romanised < 0.95 or jw < ROMANISED_MIN_AS_WRITTEN) and skeleton(a) != skeleton(b):
            return jw
        return max(jw, romanised)
    return jw


TOKEN_MIN = 0.9
# Two tokens whose lengths differ by this much and whose consonants differ are no spelling variants.
_LENGTH_GAP = 3
_BELOW_MATCH = 0.85
# Two one-word person names (no given name to agree) need this Jaro-Winkler similarity, unless they are
# romanisations of one another (:func:`_romanised_alike`).
LONE_TOKEN_MIN = 0.93
# … and romanisations need at least this Jaro-Winkler similarity as written
ROMANISED_MIN_AS_WRITTEN = 0.65
# a lone word this common in English (wordfreq's Zipf scale: "britain" 4.7, "clinton" 4.6; "alencar" 1.5,
# "gadhafi" under 3) matches a surname only as spelt: no spelling variant of it is a name
COMMON_WORD_ZIPF = 4.0
# a place name one edit from another is its typo only when one of them is this rare in English (Zipf:
# "jersualem" 0, "kazakstan" 1.5, "luxemburg" 2.6; "iceland" 3.8 and "ireland" 4.7 are two places)
PLACE_TYPO_ZIPF = 3.0


_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "at", "de", "du", "des", "la", "le"})
# two-letter words that are words, not abbreviations, inside a name ("Stand Up To Cancer")
_TWO_LETTER_WORDS = frozenset({"in", "on", "at", "to", "by", "an", "or", "as", "is", "it", "up", "no", "we", "my"})


def acronym(tokens: list[str], *, parts: bool = False) -> str:
    """Initials of the tokens, function words skipped (``["united", "nations"]`` → ``"un"``).

    Tokens after :func:`joined_initials`: a two-letter first token is an abbreviation itself and gives
    both letters ("U.S. Navy" is "USN", never "UN"; "US Geological Survey" is "USGS").

    >>> acronym(["us", "navy"]), acronym(["us", "geological", "survey"]), acronym(["bank", "of", "cyprus"])
    ('usn', 'usgs', 'bc')

    ``parts``: a hyphenated word gives the initial of each part ("Agence France-Presse" is "AFP",
    "Hewlett-Packard" "HP"); without it, of the word ("Movement for Multi-Party Democracy" is "MMD"), see
    :func:`acronyms`.

    >>> acronym(["agence", "france-presse"], parts=True), acronym(["movement", "for", "multi-party", "democracy"])
    ('afp', 'mmd')
    """
    if parts:
        tokens = [p for t in tokens for p in t.split("-") if p]
    kept = [t for t in tokens if t not in _ACRONYM_SKIPS]
    if not kept:
        return ""
    first = kept[0] if len(kept[0]) == 2 and kept[0] not in _TWO_LETTER_WORDS else kept[0][0]
    return first + "".join(t[0] for t in kept[1:])


def acronyms(tokens: list[str]) -> set[str]:
    """The initials of a name whichever way its hyphenated words give them (:func:`acronym`).

    >>> sorted(acronyms(["asia-pacific", "economic", "cooperation"])), acronyms(["united", "nations"])
    (['aec', 'apec'], {'un'})
    """
    return {acronym(tokens), acronym(tokens, parts=True)}


def name_similarity(a: str, b: str, *, kind: EntityKind) -> float | None:
    """Similarity of two cleaned names of one kind if they may be variants of one name, else ``None``.

    Persons: same number of non-initial tokens, each pair of tokens similar (in order), initials not
    conflicting; a two-plus-token name may also match a longer one that contains it in order with the
    same surname, or that adds one token after it (a second surname: ``Carlos Flores Facusse``).
    Organisations: same tokens up to spelling, or an acronym of the other, or with organisation
    designators added (or a storm's title before it: ``Hurricane Mitch``).  Places: the same tokens,
    an acronym, the same name with a place designator added, or one typo (:func:`_place_similarity`).
    Persons also: the same letters spaced otherwise (``Alain Le Roy`` / ``Alain LeRoy``).

    >>> name_similarity("Alain Le Roy", "Alain LeRoy", kind="PERSON"), name_similarity("Le Roy", "Leroy Smith", kind="PERSON")
    (0.95, None)
    """
    if _state_style_abbreviation(a, b):
        return None
    return _token_list_similarity(name_tokens(a), name_tokens(b), kind=kind, similarity=token_similarity)


# "Md.", "Va.", "Pa.": a capital and one small letter is a word's abbreviation (a US state's, AP style), not
# the initials of a name of two words ("McDonnell Douglas", "Veterans Administration"), which are capitals
_WORD_ABBREVIATION = re.compile(r"[A-Z][a-z]\.?")


def _state_style_abbreviation(a: str, b: str) -> bool:
    """Whether one name is a capital and one small letter and the other a name of several words.

    >>> _state_style_abbreviation("Md.", "McDonnell Douglas"), _state_style_abbreviation("MD", "McDonnell Douglas")
    (True, False)
    """
    return any(_WORD_ABBREVIATION.fullmatch(x) is not None and " " in y.strip() for x, y in ((a, b), (b, a)))


def _token_list_similarity(
    ta: list[str], tb: list[str], *, kind: EntityKind, similarity: Callable[[str, str], float]
) -> float | None:
    """:func:`name_similarity` on name tokens, with ``similarity`` as the token similarity."""
    token_similarity = similarity
    if not ta or not tb:
        return None
    if ta == tb:
        return 1.0
    if kind != "PERSON":
        return _other_similarity(ta, tb, kind=kind, similarity=similarity)
    if "".join(ta) == "".join(tb):
        return 0.95  # the same letters spaced apart or run together: "Alain Le Roy" / "Alain LeRoy"
    ia, ib = [t for t in ta if len(t) == 1], [t for t in tb if len(t) == 1]
    wa, wb = [t for t in ta if len(t) > 1], [t for t in tb if len(t) > 1]
    if ia and ib and ia != ib:
        return None
    if not wa or not wb:
        return None
    if len(wa) == len(wb):
        # the given names may be a name and its familiar form ("Ed Weiler" / "Edward J. Weiler"), the surname not
        sims = [_given_name_similarity(x, y, token_similarity) for x, y in zip(wa[:-1], wb[:-1], strict=True)]
        sims.append(token_similarity(wa[-1], wb[-1]))
        if len(wa) == 1 and not _lone_token_alike(wa[0], wb[0], sims[0]):
            return None  # two lone surnames alike only by spelling distance: "Keane" is not "Keegan"
        if min(sims) >= TOKEN_MIN:
            return sum(sims) / len(sims)
        return _reordered_given_names(wa, wb, token_similarity)
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if len(short) < 2:
        return None
    if len(long_) == len(short) + 1:
        # a second surname after the name ("Carlos Flores" / "Carlos Flores Facusse", Spanish naming)
        prefix = [token_similarity(x, y) for x, y in zip(short, long_, strict=False)]
        if min(prefix) >= TOKEN_MIN:
            return 0.9 * sum(prefix) / len(prefix)
    if token_similarity(short[-1], long_[-1]) < TOKEN_MIN:
        return None
    # every token of the shorter name in order among the longer name's tokens
    position, sims = 0, []
    for index, token in enumerate(short):
        alike = token_similarity if index == len(short) - 1 else partial(_given_name_similarity, similarity=token_similarity)
        while position < len(long_) and alike(token, long_[position]) < TOKEN_MIN:
            position += 1
        if position == len(long_):
            return None
        sims.append(alike(token, long_[position]))
        position += 1
    return 0.95 * sum(sims) / len(sims)


FAMILIAR_FORM_SIMILARITY = 0.9  # "Ed" ~ "Edward": as alike as a spelling variant, no closer


def _given_name_similarity(a: str, b: str, similarity: Callable[[str, str], float]) -> float:
    """``similarity`` of two given names, or :data:`FAMILIAR_FORM_SIMILARITY` when one is the other's familiar form."""
    value = similarity(a, b)
    if value < TOKEN_MIN and familiar_form(a, b):
        return FAMILIAR_FORM_SIMILARITY
    return value


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def familiar_form(x: str, y: str) -> bool:
    """Whether one given name is a familiar form of the other ("Steve" of "Stephen", "Bill" of "William").

    From the ``nicknames`` package's hand-curated English table; a direct pair only, not two short forms
    of one name ("Bill" / "Bob" are both Williams' or Roberts', not each other's).

    >>> familiar_form("Ed", "Edward"), familiar_form("mike", "Michael"), familiar_form("Bill", "Bob")
    (True, True, False)
    """
    x, y = x.lower(), y.lower()
    names = _nicknamer()
    return y in names.nicknames_of(x) or x in names.nicknames_of(y)


def hyphen_split(tokens: list[str]) -> list[str]:
    """The tokens with their hyphenated words split ("france-presse" → "france", "presse").

    >>> hyphen_split(["agence", "france-presse"])
    ['agence', 'france', 'presse']
    """
    return [part for token in tokens for part in token.split("-") if part]


def without_arabic_article(tokens: list[str]) -> list[str]:
    """The tokens without an opening Arabic article (when more follow)."""
    return tokens[1:] if len(tokens) >= 2 and tokens[0] in _ARABIC_ARTICLES else tokens


def _romanised_alike(a: str, b: str) -> bool:
    """Two tokens that are romanisations of one name: the same long consonant skeleton or near-equal romanised forms."""
    if _same_skeleton(a, b, skeleton):
        return True
    # the romanised forms decide only for spellings that still look alike as written ("Khadafy"/"Qaddafi"
    # 0.71): "Chirac" (0.59 to "Ceara") romanises to "kirak", one letter from Ceara's "kira"
    if JaroWinkler.normalized_similarity(a, b) < ROMANISED_MIN_AS_WRITTEN:
        return False
    return JaroWinkler.normalized_similarity(transliteration_form(a), transliteration_form(b)) >= 0.95


def _reordered_given_names(wa: list[str], wb: list[str], similarity: Callable[[str, str], float]) -> float | None:
    """Same surname, the same given names in another order ("Omar Ismail Mostefai" ~ "Ismaël Omar Mostefaï").

    Scored below an in-order match, so the merge also needs shared context (``entities``).
    """
    if len(wa) < 3 or similarity(wa[-1], wb[-1]) < TOKEN_MIN:
        return None
    sims = [similarity(wa[-1], wb[-1])]
    unmatched = list(wb[:-1])
    for token in wa[:-1]:
        score, best = max((similarity(token, other), -n) for n, other in enumerate(unmatched))
        if score < TOKEN_MIN:
            return None
        sims.append(score)
        del unmatched[-best]
    return 0.9 * sum(sims) / len(sims)


_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "at", "in", "on", "de", "du", "des", "la", "le", "del"})


def content_tokens(tokens: list[str]) -> list[str]:
    """Hyphen parts of the tokens without function words (``of``, ``the``, ``de`` …)."""
    return [part for t in tokens for part in t.split("-") if part and part not in _FUNCTION_WORDS]


def _other_similarity(
    ta: list[str], tb: list[str], *, kind: EntityKind, similarity: Callable[[str, str], float]
) -> float | None:
    if (ta[0] in _ARABIC_ARTICLES) != (tb[0] in _ARABIC_ARTICLES):
        # one name opens with the article, the other not ("Al Qaeda" / "al Qaeda", read as "Qaeda"; only here,
        # not for people: "Al" may be a given name, "Al D'Amato")
        ta, tb = without_arabic_article(ta), without_arabic_article(tb)
    compact_a, compact_b = "".join(ta), "".join(tb)
    ta, tb = joined_initials(ta), joined_initials(tb)
    if compact_a == compact_b:
        return 1.0
    for short, long_ in ((ta, tb), (tb, ta)):
        if len(short) == 1 and len(long_) >= 2 and len(short[0]) >= 2 and short[0] in acronyms(long_):
            return 1.0
    if kind == "ORG":
        if content_tokens(ta) == content_tokens(tb):
            return 0.99  # "Information Center for/of Human Rights", "University of California at/- Los Angeles"
        if _with_designators(ta, tb, ORG_DESIGNATORS):
            return 0.98  # "Compaq" ~ "Compaq Computer Corp.", "Northwest" ~ "Northwest Airlines"
        core_a, core_b = without_designators(ta), without_designators(tb)
        tail_a = {_DESIGNATOR_CLASS.get(t, t) for t in ta[len(core_a) :]} - LEGAL_FORMS
        tail_b = {_DESIGNATOR_CLASS.get(t, t) for t in tb[len(core_b) :]} - LEGAL_FORMS
        one_sided = (core_a == ta) != (core_b == tb)
        if (core_a, core_b) != (ta, tb) and len(core_a) == len(core_b) and (one_sided or tail_a == tail_b):
            # a spelling variant with a designator ("Communist Refoundation" ~ "Communist Refounding Party"),
            # or two legal forms of one name ("Boeing Co." ~ "Boeing Company", "Cathay Pacific Airways" ~ "…
            # Airlines"; not "American Airlines" ~ "American International Group")
            sims = [similarity(x, y) for x, y in zip(core_a, core_b, strict=True)]
            if min(sims) >= 0.92:
                return 0.97 * sum(sims) / len(sims)
        short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        if len(long_) == len(short) + 1 and long_[0] in STORM_TITLES and long_[1:] == short:
            return 0.98  # "Hurricane Mitch" ~ "Mitch"
        if spelt_out_head(short, long_):
            return 0.98  # "UN Security Council" ~ "United Nations Security Council"
        split_a, split_b = hyphen_split(ta), hyphen_split(tb)
        if (split_a, split_b) != (ta, tb):
            # a hyphen written in one name and not the other ("Agence France-Press" ~ "Agence France Presse",
            # "British Petroleum-Amoco" ~ "BP Amoco")
            return _other_similarity(split_a, split_b, kind=kind, similarity=similarity)
    if kind == "GPE":
        return _place_similarity(ta, tb)
    if len(ta) != len(tb):
        return None
    sims = [similarity(x, y) for x, y in zip(ta, tb, strict=True)]
    return sum(sims) / len(sims) if min(sims) >= 0.92 else None


def spelt_out_head(short: list[str], long_: list[str]) -> bool:
    """Whether ``long_`` is ``short`` with its opening abbreviation spelt out (tokens after :func:`joined_initials`).

    >>> spelt_out_head(["un", "security", "council"], ["united", "nations", "security", "council"])
    True
    >>> spelt_out_head(["un", "security", "council"], ["national", "security", "council"])
    False
    """
    if len(short) < 2 or len(short[0]) < 2:
        return False
    cut = len(long_) - len(short) + 1
    return cut >= 2 and long_[cut:] == short[1:] and acronym(long_[:cut]) == short[0]


def joined_initials(tokens: list[str]) -> list[str]:
    """Runs of two or more one-letter tokens as one token (an abbreviation with or without points).

    "U.S. Geological Survey" ~ "US Geological Survey", "U.N." ~ "UN".

    >>> joined_initials(["u", "s", "geological", "survey"])
    ['us', 'geological', 'survey']
    """
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1:
            run.append(token)
            continue
        if run:
            joined.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if token:
            joined.append(token)
    return joined


def _with_designators(ta: list[str], tb: list[str], designators: frozenset[str]) -> bool:
    """Whether the longer name is the shorter one followed only by ``designators`` ("Gaza" + "Strip")."""
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return long_[: len(short)] == short and set(long_[len(short) :]) <= designators


# designators that say the same ("Cathay Pacific Airways" / "Cathay Pacific Airlines")
_DESIGNATOR_CLASS = {
    "airlines": "airline", "airways": "airline", "computers": "computer", "holdings": "holding", "communications": "communication"
}


def without_designators(tokens: list[str]) -> list[str]:
    """An organisation's name tokens without the designators it ends with ("Likud Party" → "Likud")."""
    end = len(tokens)
    while end > 1 and tokens[end - 1] in ORG_DESIGNATORS:
        end -= 1
    return tokens[:end]


def _place_similarity(ta: list[str], tb: list[str]) -> float | None:
    """Place names: the same name with a place designator ("Gaza" ~ "Gaza Strip"), or one typo.

    A typo is one edit or one swap of neighbouring letters in a word of six letters or more, keeping the
    first letter and the last two ("Kazakstan" ~ "Kazakhstan", "Jersualem" ~ "Jerusalem"), so that a
    country and its adjective ("Honduras" / "Honduran") or two countries ("Gambia" / "Zambia") stay apart;
    one of the two must be rare in English (a typo is): "Iceland" and "Ireland" are two places.

    >>> _place_similarity(["iceland"], ["ireland"]), _place_similarity(["kazakstan"], ["kazakhstan"])
    (None, 0.95)
    """
    if _with_designators(ta, tb, PLACE_DESIGNATORS):
        return 0.98
    if len(ta) != len(tb):
        return None
    sims = []
    for x, y in zip(ta, tb, strict=True):
        if x == y:
            sims.append(1.0)
        elif (
            min(len(x), len(y)) >= 6 and x[0] == y[0] and x[-2:] == y[-2:] and OSA.distance(x, y) == 1
            and min(zipf_frequency(x, "en"), zipf_frequency(y, "en")) < PLACE_TYPO_ZIPF
        ):
            sims.append(0.95)
        else:
            return None
    return sum(sims) / len(sims)


def surname_matches(single: str, full: str) -> bool:
    """True when a one-word mention is the surname (last word) of a full name.

    >>> surname_matches("Sihanouk", "Norodom Sihanouk")
    True
    >>> surname_matches("Norodom", "Norodom Sihanouk")
    False
    >>> surname_matches("Keane", "Kevin Keegan"), surname_matches("Qaddafi", "Moammar Gadhafi")
    (False, True)
    """
    ts, tf = name_tokens(single), [t for t in name_tokens(full) if len(t) > 1]
    return len(ts) == 1 and len(tf) >= 2 and _lone_token_alike(ts[0], tf[-1], token_similarity(ts[0], tf[-1]))


def _lone_token_alike(a: str, b: str, similarity: float) -> bool:
    """Whether a lone word ``a`` may be a spelling of ``b``.

    Close enough alone, a romanisation of it, or one part of a double name ("Madikizela" of
    "Madikizela-Mandela").
    """
    if a == b or a in b.split("-") or b in a.split("-"):
        return True
    if max(zipf_frequency(a, "en"), zipf_frequency(b, "en")) >= COMMON_WORD_ZIPF:
        # a common English word is written one way: "Britain" is no spelling of the surname "Berten"
        return False
    return similarity >= LONE_TOKEN_MIN or (similarity >= TOKEN_MIN and _romanised_alike(a, b))


class NameMatcher:
    """The name tests of this module with their results remembered (same answers).

    :func:`name_tokens`, :func:`token_similarity`, :func:`name_similarity` and :func:`surname_matches`.  One object per story: merging names compares the same few hundred names and tokens hundreds of
    thousands of times on a large story.

    >>> matcher = NameMatcher()
    >>> matcher.surname_matches("Sihanouk", "Norodom Sihanouk"), matcher.tokens("George H.W. Bush")
    (True, ['george', 'h', 'w', 'bush'])
    >>> matcher.name_similarity("Moammar Gadhafi", "Muammar Qaddafi", kind="PERSON") is not None
    True
    """

    def __init__(self) -> None:
        self._tokens: dict[str, list[str]] = {}
        self._similar: dict[tuple[str, str], float] = {}
        self._skeleton: dict[str, str] = {}
        self._transliteration: dict[str, str] = {}

    def tokens(self, name: str) -> list[str]:
        """:func:`name_tokens` of ``name`` (do not modify the list)."""
        tokens = self._tokens.get(name)
        if tokens is None:
            tokens = self._tokens[name] = name_tokens(name)
        return tokens

    def token_similarity(self, a: str, b: str) -> float:
        """:func:`token_similarity` of two folded tokens."""
        value = self._similar.get((a, b))
        if value is None:
            value = self._similar[a, b] = _token_similarity(
                a, b, skeleton=self._skeleton_of, transliteration=self._transliteration_of
            )
        return value

    def similar_tokens(self, tokens: Iterable[str]) -> set[tuple[str, str]]:
        """Ordered pairs of ``tokens`` with a similarity of at least :data:`TOKEN_MIN` in either order.

        Both orders of each pair are given, and each token with itself.  Only pairs that can reach it
        are compared: :func:`token_similarity` ≥ 0.9 needs equal tokens, a Jaro-Winkler similarity ≥ 0.7
        (the skeleton rule's floor) or ≥ 0.9 between the transliteration forms; those two similarity
        matrices come from rapidfuzz's ``cdist`` in C.

        >>> sorted(NameMatcher().similar_tokens(["gadhafi", "qaddafi", "clinton"]))[:3]
        [('clinton', 'clinton'), ('gadhafi', 'gadhafi'), ('gadhafi', 'qaddafi')]
        """
        words = sorted(set(tokens))
        if not words:
            return set()
        jw = process.cdist(words, words, scorer=JaroWinkler.normalized_similarity, dtype=np.float32)
        forms = [self._transliteration_of(w) for w in words]
        tjw = process.cdist(forms, forms, scorer=JaroWinkler.normalized_similarity, dtype=np.float32)
        # float32 and a margin: a superset of the pairs that can pass; the exact test follows
        rows, cols = np.nonzero((jw >= 0.7 - 1e-4) | (tjw >= 0.9 - 1e-4))
        pairs = {(w, w) for w in words}
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            a, b = words[r], words[c]
            if r < c and max(self.token_similarity(a, b), self.token_similarity(b, a)) >= TOKEN_MIN:
                pairs.update(((a, b), (b, a)))
        return pairs

    def _skeleton_of(self, token: str) -> str:
        value = self._skeleton.get(token)
        if value is None:
            value = self._skeleton[token] = skeleton(token)
        return value

    def _transliteration_of(self, token: str) -> str:
        value = self._transliteration.get(token)
        if value is None:
            value = self._transliteration[token] = transliteration_form(token)
        return value

    def name_similarity(self, a: str, b: str, *, kind: EntityKind) -> float | None:
        """:func:`name_similarity` of two cleaned names."""
        if _state_style_abbreviation(a, b):
            return None
        return _token_list_similarity(self.tokens(a), self.tokens(b), kind=kind, similarity=self.token_similarity)

    def surname_matches(self, single: str, full: str) -> bool:
        """:func:`surname_matches`."""
        ts, tf = self.tokens(single), [t for t in self.tokens(full) if len(t) > 1]
        return len(ts) == 1 and len(tf) >= 2 and _lone_token_alike(ts[0], tf[-1], self.token_similarity(ts[0], tf[-1]))


# A given name's sex, from the 1990 US Census tables of given names the ``names`` package ships (MIT; the
# census data is public domain): the share of men and of women who bear it.  A name counts for one sex when
# that share is at least GENDER_RATIO times the other's ("Michelle", "Tom"), for neither when both are
# near ("Jean", "Kim", "Chris"), when the census does not list it ("Najib", "Barack") or lists it for fewer
# than GENDER_MIN_SHARE per cent of either sex (a family name written first, "Li Chengpeng", is a rare
# American given name).  Used to tell which person a "he" or "she" can be.
GENDER_RATIO = 10.0
GENDER_MIN_SHARE = 0.005


@cache
def _given_name_shares() -> dict[str, tuple[float, float]]:
    from importlib.resources import files

    shares: dict[str, list[float]] = {}
    for column, table in ((0, "dist.male.first"), (1, "dist.female.first")):
        for line in files("names").joinpath(table).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                shares.setdefault(parts[0].lower(), [0.0, 0.0])[column] = float(parts[1])
    return {name: (male, female) for name, (male, female) in shares.items()}


def given_name_pronoun(name: str) -> str | None:
    """``"he"`` or ``"she"`` for a given name borne (almost) only by men or by women, else ``None``.

    >>> given_name_pronoun("Michelle"), given_name_pronoun("TOM"), given_name_pronoun("Jean"), given_name_pronoun("Najib")
    ('she', 'he', None, None)
    >>> given_name_pronoun("Li")  # Li Chengpeng: a family name, and a rare American given name

    """
    male, female = _given_name_shares().get(without_accents(name).lower(), (0.0, 0.0))
    if male >= GENDER_MIN_SHARE and male >= GENDER_RATIO * female:
        return "he"
    if female >= GENDER_MIN_SHARE and female >= GENDER_RATIO * male:
        return "she"
    return None
