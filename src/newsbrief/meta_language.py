"""Language identification: a cheap English test, then langdetect (seeded, profiles loaded lazily).

>>> looks_english("Short.")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import TYPE_CHECKING

from newsbrief.text import words

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

__all__ = ["LanguageDetector", "detect_language", "is_english", "looks_english"]

# The commonest English function words: a text where they make a large share of the tokens is
# English without asking langdetect (which costs ~10 ms a text, the slowest step of ingest).
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was for on it with as he at by from his be have has had are an "
    "not but this they which were said been their its who will would there after also or".split()
)
# Measured on the first 1,000 characters of the SemEval-2022 task 8 texts: 572/617 English texts pass,
# 0 of 1,949 texts in 9 other languages; BBC: 2,201/2,225 pass (the rest go to langdetect).
_ENGLISH_MIN_SHARE = 0.22
_ENGLISH_MIN_THE = 0.015
_ENGLISH_MIN_TOKENS = 20
# A second, looser test for English prose heavy with names and figures (sports results, lists of
# products), which would otherwise cost a langdetect call each: a lower share of English function
# words, but almost none of the commonest function words of other languages and few non-ASCII words.
# On the `newsbrief clean` output of BBC, DUC 2004, WikiRef220, the extraction benchmark and the
# SemEval-2022 texts it lets 71 more English texts skip langdetect (langdetect said "en" for all 71)
# and passes none of the 3,654 non-English texts (their highest English function-word share: 0.13).
_LOOSE_MIN_SHARE = 0.15
_LOOSE_MIN_THE = 0.008
_LOOSE_MAX_FOREIGN = 0.02
_LOOSE_MAX_NON_ASCII = 0.05
_FOREIGN_FUNCTION_WORDS = frozenset(
    "und ist nicht mit sich auf eine einer zu für auch wird wurde sind oder "  # de
    "une pour dans qui sur pas avec cette sont ont été "  # fr
    "que por una para más pero sus como "  # es
    "che della sono nel alla anche gli delle degli "  # it
    "não uma são pelo pela "  # pt
    "het een zijn voor niet ook "  # nl
    "się nie że jest przez dla "  # pl
    "bir bu için ile olarak olan daha "  # tr
    "и в не на что с по как это".split()  # ru
)
_MIN_LETTERS_FOR_LANGUAGE = 20
# For ASCII text: every byte that is not a \w character (ASCII) becomes a space, letters lower case.
_ASCII_WORD_LOWER = bytes(
    ord(chr(code).lower()) if chr(code).isascii() and (chr(code).isalnum() or chr(code) == "_") else 32
    for code in range(256)
)
_BYTES_WORDS = (
    frozenset(word.encode("utf-8") for word in _ENGLISH_FUNCTION_WORDS),
    frozenset(word.encode("utf-8") for word in _FOREIGN_FUNCTION_WORDS),
    b"the",
)
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_NON_LETTERS = bytes(code for code in range(256) if not (chr(code).isascii() and chr(code).isalpha()))


class LanguageDetector:
    """Deterministic language identification: langdetect with a fixed seed, profiles loaded lazily.

    >>> LanguageDetector().detect("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.")
    'fr'
    """

    def __init__(self, *, seed: int = 0) -> None:
        self._seed = seed
        self._factory: DetectorFactory | None = None

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of ``text`` (``zh-cn`` style for Chinese), or ``None`` when undecidable."""
        from langdetect.lang_detect_exception import LangDetectException

        if self._factory is None:
            from langdetect.detector_factory import DetectorFactory

            factory = DetectorFactory()
            factory.langlist, factory.word_lang_prob_map = _load_profiles()
            factory.seed = self._seed
            self._factory = factory
        detector = self._factory.create()
        detector.append(text)
        try:
            return str(detector.detect())
        except LangDetectException:
            return None


def _load_profiles() -> tuple[list[str], _ProbabilityTable]:
    """The language list and n-gram table of langdetect, as ``DetectorFactory.load_profile`` makes them.

    Same profile files, same order (``os.listdir``), same language indexes and table size; only
    the table's rows are built lazily (:class:`_ProbabilityTable`).
    """
    import json
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    names = os.listdir(PROFILES_DIRECTORY)
    langlist: list[str] = []
    profiles: list[tuple[dict[str, int], list[int]]] = []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
        langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    return langlist, _ProbabilityTable(profiles, size=len(names))


class _ProbabilityTable(Mapping[str, list[float]]):
    """langdetect's ``word_lang_prob_map`` (n-gram → probability per language), rows built on first use.

    ``DetectorFactory.load_profile`` builds all ~88,000 rows of 55 floats up front, ~0.45 s CPU in
    every process that detects a language once (each worker of the pipeline); reading the profiles
    and the set of their n-grams takes ~0.1 s.  A row is computed exactly as ``add_profile`` computes
    it (``1.0 * freq / n_words[len - 1]`` for 1-3 character n-grams, 0.0 elsewhere), so the
    detector sees the same numbers and gives the same answers.
    """

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], *, size: int) -> None:
        self._profiles = profiles
        self._size = size
        self._keys: frozenset[str] = frozenset().union(*(freq for freq, _ in profiles))
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._keys

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        if row is None:
            if word not in self._keys:
                raise KeyError(word)
            row = [0.0] * self._size
            length = len(word)
            if 1 <= length <= 3:
                for index, (freq, n_words) in enumerate(self._profiles):
                    count = freq.get(word)
                    if count is not None:
                        row[index] = 1.0 * count / n_words[length - 1]
            self._rows[word] = row
        return row

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def is_english(language: str | None) -> bool:
    """Whether an article of this ``language`` (a detector's code or a record's field) reads as English.

    An unknown language (``None``: too little text to tell) does: newsbrief's analyses are English.

    >>> [is_english(x) for x in ("en", "en-GB", "en_US", "English", "eng", None, "de", "zh-cn", "ENGLISH")]
    [True, True, True, True, True, True, False, False, True]
    """
    if not language or not language.strip():
        return True
    return language.strip().lower().replace("_", "-").split("-")[0] in ("en", "eng", "english")


def looks_english(text: str) -> bool:
    """Cheap test: English function words make a large share of the tokens.

    Or, for prose heavy with names and figures, a smaller share with hardly any function words of
    other languages (a second, looser test).

    >>> looks_english("The minister said that the talks on the budget would resume in the spring, "
    ...               "after a pause of two weeks in the capital.")
    True
    >>> looks_english("Der Minister sagte, dass die Gespräche über den Haushalt im Frühjahr weitergehen.")
    False
    """
    tokens: list[str] | list[bytes]
    function_words: frozenset[str] | frozenset[bytes]
    foreign_words: frozenset[str] | frozenset[bytes]
    the_word: str | bytes
    if text.isascii():
        # The tokens of text.words as bytes, by one translate and a split (text.words' regex and
        # per-token strings cost several times more); ASCII tokens have no non-ASCII ones.
        tokens = text.encode("ascii").translate(_ASCII_WORD_LOWER).split()
        function_words, foreign_words, the_word = _BYTES_WORDS
        non_ascii = 0
    else:
        tokens = words(text)
        function_words, foreign_words, the_word = _ENGLISH_FUNCTION_WORDS, _FOREIGN_FUNCTION_WORDS, "the"
        non_ascii = len(tokens) - sum(map(str.isascii, tokens))
    n = len(tokens)
    if n < _ENGLISH_MIN_TOKENS:
        return False
    function = sum(map(function_words.__contains__, tokens))
    the = tokens.count(the_word)  # type: ignore[arg-type]
    if function / n >= _ENGLISH_MIN_SHARE and the / n >= _ENGLISH_MIN_THE:
        return True
    if function / n < _LOOSE_MIN_SHARE or the / n < _LOOSE_MIN_THE:
        return False
    foreign = sum(map(foreign_words.__contains__, tokens))
    return foreign <= _LOOSE_MAX_FOREIGN * n and non_ascii <= _LOOSE_MAX_NON_ASCII * n



def detect_language(sample: str, *, detector: LanguageDetector) -> tuple[str | None, str]:
    """Language code of ``sample`` and how it was found (``stopwords`` / ``langdetect``).

    ``(None, "")`` when the sample has fewer than 20 letters.

    >>> detect_language("The minister said that the talks on the budget would resume in the spring, "
    ...                 "after a pause of two weeks in the capital.", detector=LanguageDetector())
    ('en', 'stopwords')
    """
    # Enough letters (among the first 400 characters)?
    head = sample[: _MIN_LETTERS_FOR_LANGUAGE * 20]
    if head.isascii():  # the letters of ASCII text are A-Z and a-z: count them on the bytes, in C
        enough = len(head.encode("ascii").translate(None, _ASCII_NON_LETTERS)) >= _MIN_LETTERS_FOR_LANGUAGE
    else:  # counting stops at the 20th (the same answer as counting them all)
        letters = _LETTER.finditer(head)
        enough = sum(1 for _ in islice(letters, _MIN_LETTERS_FOR_LANGUAGE)) >= _MIN_LETTERS_FOR_LANGUAGE
    if not enough:
        return None, ""
    if looks_english(sample):
        return "en", "stopwords"
    return detector.detect(sample), "langdetect"
