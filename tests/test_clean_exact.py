"""The cleaner's fast paths give exactly what the plain definitions give (speed changes only)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import clean_lines, clean_shape

# Characters that exercise the patterns: terminal punctuation, closing quotes and brackets,
# separators, every kind of whitespace str.split knows, apostrophes, letters with and without case.
_ALPHABET = st.sampled_from(
    list("ab Zé.!?…。！？\"'”’)](|›»>•·/\t\n\x0b\x0c\r\x1c\x1f\u3000\u00a0-_0") + ["\ufffd", "\u2019", "İ", "ſ"]
)
_TEXTS = st.lists(_ALPHABET, max_size=120).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_terminal_is_the_terminal_pattern_on_the_last_80_characters(text: str) -> None:
    assert clean_shape._terminal(text) == bool(clean_shape._TERMINAL.search(text[-80:]))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_word_count_is_len_of_split(text: str) -> None:
    assert clean_shape._word_count(text) == len(text.split())


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_separators_count_the_separator_pattern(text: str) -> None:
    assert clean_shape._separators(text) == len(clean_shape._SEPARATORS.findall(text))


def test_fast_paths_on_ordinary_lines() -> None:
    lines = (
        "He declined to comment.",
        '"We will rebuild," she said.)',
        "Home | World | Europe",
        "News > Politics",
        "Prices rose 5 per cent in March (Reuters)",
        "The minister said the talks would resume next week after a pause " * 8,
        "A line  with  double spaces and a tab\there " * 10,
    )
    for line in lines:
        assert clean_shape._terminal(line) == bool(clean_shape._TERMINAL.search(line[-80:]))
        assert clean_shape._word_count(line) == len(line.split())
        assert clean_shape._separators(line) == len(clean_shape._SEPARATORS.findall(line))


_ASCII_TEXTS = st.lists(st.sampled_from(list("aZ9 '.,-|\t\"") + ["you're", "don't", "''", "' "]), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ASCII_TEXTS)
def test_ascii_words_are_the_ascii_word_pattern_tokens(text: str) -> None:
    tokens = clean_shape._ASCII_WORD.findall(text)
    low, lower, title = clean_shape._ascii_words(text)
    assert low == [token.lower().encode("ascii") for token in tokens]
    assert lower == sum(token[0].islower() for token in tokens)
    assert title == sum(token[0].isupper() for token in tokens)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_line_key_is_lower_case_single_spaced(text: str) -> None:
    assert clean_shape.line_key(text) == " ".join(text.split()).lower()
    assert clean_shape.single_spaced(text) == (text.isascii() and " ".join(text.split()) == text)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_credit_and_url_hints_match_their_patterns(text: str) -> None:
    expected_credit = bool(clean_lines._CREDIT_HINT.search(text)) and bool(clean_lines._CREDIT.search(text))
    assert clean_lines.has_credit(text) == expected_credit
    assert clean_lines.has_url(text) == bool(clean_lines._URL.search(text))


_PROSE = st.lists(
    st.lists(st.sampled_from(["the", "The", "of", "and", "Hund", "der", "cat", "(the)", "--", "-", "é", "1,000", "said.", "\u3000", "\xa0the", "\t"]), max_size=40).map(
        lambda words: " ".join(words)
    ),
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(_PROSE, st.sampled_from([0.0, 0.05, 0.12, 0.2, 0.5]))
def test_english_share_reaches_is_the_share_compared(texts: list[str], share: float) -> None:
    assert clean_lines.english_share_reaches(texts, share) == (clean_lines.english_share(texts) >= share)


def test_space_chars_are_every_character_str_split_splits_on() -> None:
    import sys

    assert set(clean_lines._SPACE_CHARS) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def test_observe_counts_each_line_once_per_document_in_the_batch_and_the_outlet() -> None:
    from newsbrief.clean import Cleaner
    from newsbrief.model import RawDocument
    from newsbrief.settings import CleanOptions

    cleaner = Cleaner(options=CleanOptions())
    pages = ("Follow us\nFollow us\nStory one.", "FOLLOW  us\nStory two.", "Follow us\nStory three.")
    for n, text in enumerate(pages):
        cleaner.observe(RawDocument(f"{n}.txt", text, url="https://www.example.org/a" if n else None))
    assert cleaner._batch["follow us"] == 3 and cleaner._batch["story one."] == 1
    assert cleaner._outlet[("example.org", "follow us")] == 2 and ("example.org", "story one.") not in cleaner._outlet
