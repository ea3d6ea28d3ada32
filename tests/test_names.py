"""Name tests used to merge entity variants: the memoised matcher and the candidate pairs of a story."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newsbrief.entities import _candidate_pairs, _Name
from newsbrief.model import EntityKind
from newsbrief.names import NameMatcher, name_similarity, surname_matches, token_similarity

PEOPLE = [
    "Moammar Gadhafi", "Muammar Qaddafi", "Moammar Khadafy", "Omar Ismail Mostefai", "Ismael Omar Mostefai",
    "George W. Bush", "George H. W. Bush", "George Bush", "Hillary Rodham Clinton", "Hillary Clinton",
    "Bill Clinton", "Norodom Sihanouk", "Norodom Ranariddh", "Hun Sen", "Youssef Sughayer", "Youssef Zughayer",
    "Qin Qingguo", "Qin Qinguo", "Kim Dae-jung", "Kim Jong Il", "Chen Yan", "Chen Yang", "J. R.", "Saddiq Ali",
    "Sadeek Ali", "Mark Udall", "Tom Udall", "Jacques Santer", "Winnie Mandela", "Nelson Mandela",
    "Carlos Flores", "Carlos Flores Facusse", "Carlos Roberto Flores", "Alain Le Roy", "Alain LeRoy",
    "J.K. Shin", "JK Shin",
]
ORGANISATIONS = [
    "U.N.", "United Nations", "UN", "Compaq", "Compaq Computer Corp.", "Northwest", "Northwest Airlines",
    "Information Center for Human Rights", "Information Center of Human Rights", "Khmer Rouge", "Khmer Rogue",
    "University of California at Los Angeles", "University of California-Los Angeles", "NATO",
    "North Atlantic Treaty Organization", "Sun", "Sun Microsystems", "the Senate", "Senate",
    "Hurricane Mitch", "Mitch", "Typhoon Haiyan", "Haiyan", "U.S. Geological Survey", "US Geological Survey",
    "USGS", "U.S. Navy", "US Navy", "USN", "UN Security Council", "United Nations Security Council",
    "U.N. Security Council", "National Security Council", "Al Qaeda", "al Qaeda", "Al-Qaeda", "al-Qaida",
    "El Pais", "el Pais", "Agence France-Presse", "Agence France Presse", "Agence France-Press", "AFP",
    "Netscape", "Netscape Communications Corp.", "Netscape Communications Corporation", "Netscape Communication Corp.",
    "BP Amoco", "BP-Amoco", "British Petroleum-Amoco", "Amoco Corp.",
]
PLACES = ["U.S.", "United States", "US", "Honduras", "Honduran", "New York", "New York City", "Kazakstan", "Kazakhstan"]


def _names(forms: list[str], kind: EntityKind) -> list[_Name]:
    return [_Name(f"{kind}:{f}", f, kind, Counter({f: 1}), Counter(), []) for f in forms]


def _accepted(names: list[_Name]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i in range(len(names))
        for j in range(i + 1, len(names))
        if name_similarity(names[i].form, names[j].form, kind=names[i].kind) is not None
    }


def _mutations(forms: list[str], count: int, seed: int) -> list[str]:
    """Spelling variants of the forms: letters doubled, dropped, swapped or replaced, tokens reordered."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        tokens = rng.choice(forms).split()
        t = rng.randrange(len(tokens))
        word = tokens[t]
        k = rng.randrange(len(word))
        change = rng.choice(["double", "drop", "replace", "swap", "reorder"])
        if change == "double":
            word = word[: k + 1] + word[k:]
        elif change == "drop" and len(word) > 2:
            word = word[:k] + word[k + 1 :]
        elif change == "replace":
            word = word[:k] + rng.choice("aeiouqkhcyz") + word[k + 1 :]
        elif change == "swap" and k + 1 < len(word):
            word = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
        tokens[t] = word
        if change == "reorder" and len(tokens) >= 3:
            tokens[:-1] = tokens[:-1][::-1]
        out.append(" ".join(tokens))
    return out


@pytest.mark.parametrize(("forms", "kind"), [(PEOPLE, "PERSON"), (ORGANISATIONS, "ORG"), (PLACES, "GPE")])
def test_candidate_pairs_hold_every_pair_the_variant_test_accepts(forms: list[str], kind: EntityKind) -> None:
    names = _names(sorted(set(forms + _mutations(forms, 150, seed=len(forms)))), kind)
    accepted = _accepted(names)
    candidates = set(_candidate_pairs(list(range(len(names))), names, NameMatcher()))
    assert accepted, "the fixture must contain real variants"
    assert accepted <= candidates
    assert len(candidates) < len(names) * (len(names) - 1) // 2  # and it does prune


def test_the_matcher_gives_the_answers_of_the_plain_functions() -> None:
    matcher = NameMatcher()
    forms = PEOPLE + _mutations(PEOPLE, 40, seed=7)
    for a in forms:
        for b in forms[:25]:
            assert matcher.name_similarity(a, b, kind="PERSON") == name_similarity(a, b, kind="PERSON")
            assert matcher.surname_matches(a.split()[-1], b) == surname_matches(a.split()[-1], b)
    tokens = sorted({t for f in forms for t in matcher.tokens(f)})
    similar = matcher.similar_tokens(tokens)
    for a in tokens:
        for b in tokens:
            assert ((a, b) in similar) == (max(token_similarity(a, b), token_similarity(b, a)) >= 0.9)


@pytest.mark.parametrize(
    ("single", "full", "same"),
    [
        ("Alenkar", "Jose Alencar", True),  # a spelling variant of a rare name
        ("Britain", "Andreas Berten", False),  # a common English word is written one way
        ("Valley", "Manuel Valle", False),
        ("Clinton", "Bill Clinton", True),  # spelt as it is
    ],
)
def test_a_common_word_is_a_surname_only_as_spelt(single: str, full: str, same: bool) -> None:
    assert surname_matches(single, full) is same
    assert NameMatcher().surname_matches(single, full) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("U.S. Geological Survey", "US Geological Survey", True),  # an abbreviation with or without points
        ("U.N. Security Council", "UN Security Council", True),
        ("U.S. Geological Survey", "UK Geological Survey", False),
        ("Team A Rovers", "Team Rovers", False),  # one lone letter is not an abbreviation
        # an abbreviation opening a name gives all its letters to the name's acronym
        ("USGS", "US Geological Survey", True),
        ("USGS", "U.S. Geological Survey", True),
        ("USN", "U.S. Navy", True),
        ("UN", "U.S. Navy", False),
        ("UN", "US Navy", False),
        ("UN", "United Nations", True),
        # an opening abbreviation spelt out, the rest the same
        ("UN Security Council", "United Nations Security Council", True),
        ("U.S. Navy", "United States Navy", True),
        ("UN Security Council", "National Security Council", False),
        ("UN Security Council", "United Nations Human Rights Council", False),
        # a hyphenated word gives its parts' initials, or its own
        ("AFP", "Agence France-Presse", True),
        ("APEC", "Asia-Pacific Economic Cooperation", True),
        ("MMD", "Movement for Multi-Party Democracy", True),
        ("UCLA", "University of California at Los Angeles", True),
        ("AP", "Agence France-Presse", False),
    ],
)
def test_an_abbreviation_inside_an_organisation_name_is_one_word(a: str, b: str, same: bool) -> None:
    assert (name_similarity(a, b, kind="ORG") is not None) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a hyphen written in one name only, and an Arabic article in one name only
        ("Agence France Presse", "Agence France-Press", True),
        ("British Petroleum-Amoco", "BP Amoco", True),
        ("Al Qaeda", "al Qaeda", True),
        ("Al Qaeda", "Al-Qaeda", True),
        ("Coca-Cola", "Coca Cola Co.", True),
        ("Rolls-Royce", "Royce Corp.", False),
        ("Hewlett-Packard", "Packard Bell", False),
        # a singular designator where the other name has the plural
        ("Netscape Communication Corp.", "Netscape Communications Corporation", True),
        ("Netscape Communication Corp.", "Netscape", True),
        ("Manchester United", "Manchester City", False),
    ],
)
def test_organisation_names_written_with_or_without_hyphens_and_articles(a: str, b: str, same: bool) -> None:
    assert (name_similarity(a, b, kind="ORG") is not None) is same
    names = _names([a, b], "ORG")
    assert (_candidate_pairs([0, 1], names, NameMatcher()) == [(0, 1)]) or not same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Alain Le Roy", "Alain LeRoy", True),  # a surname's particle written apart or joined
        ("J.K. Shin", "JK Shin", True),  # initials with or without points
        ("Mark De Saulnier", "Mark DeSaulnier", True),
        ("Le Roy", "Leroy Smith", False),  # the same letters only in part
        ("Ana Belle", "Anabelle Moreau", False),
    ],
)
def test_a_name_spaced_otherwise_is_the_same_name(a: str, b: str, same: bool) -> None:
    assert (name_similarity(a, b, kind="PERSON") is not None) == same
    names = _names([a, b], "PERSON")
    assert (_candidate_pairs([0, 1], names, NameMatcher()) == [(0, 1)]) or not same


@pytest.mark.parametrize(
    ("single", "full", "same"),
    [
        ("Hasina", "Saddam Hussein", False),  # "hsn" both, but three syllables against two
        ("Hassan", "Saddam Hussein", False),  # two syllables both, but a first vowel of another sound
        ("Garrido", "Steven Gerrard", False),
        ("Downing", "Mal Donaghy", False),
        ("Husayn", "Saddam Hussein", True),  # a romanisation moves vowels, it adds no syllable
        ("Qaddafi", "Moammar Gadhafi", True),
        ("Khadafy", "Moammar Gadhafi", True),
    ],
)
def test_a_short_consonant_skeleton_needs_as_many_syllables(single: str, full: str, same: bool) -> None:
    assert surname_matches(single, full) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Md.", "McDonnell Douglas", False),  # Maryland, AP style: a word's abbreviation, not initials
        ("Va", "Veterans Administration", False),
        ("VA", "Veterans Administration", True),
        ("Amsa", "Australian Maritime Safety Authority", True),  # an acronym written as a word
    ],
)
def test_a_capital_and_one_small_letter_are_no_initials(a: str, b: str, same: bool) -> None:
    assert (name_similarity(a, b, kind="ORG") is not None) is same
    assert (NameMatcher().name_similarity(a, b, kind="ORG") is not None) is same
