"""Property tests: the cleaner never raises and, for text input, never invents text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.clean import Cleaner
from newsbrief.model import RawDocument
from newsbrief.settings import CleanOptions

LINES = [
    "Storm hits the northern coast",
    "By Jane Doe",
    "Home › News › Weather",
    "Advertisement",
    "12 comments",
    "- Section marker -",
    "The storm cut power to thousands of homes on Monday night, the utility company said.",
    "He declined.",
    "WASHINGTON (Reuters) - Officials said repairs would take a week.",
    "(Photo: Jane Roe/AFP)",
    "Sign up for our newsletter",
    "2005/01/08 Tsunami aid rises",
    "| a | b |",
    "",
    "   ",
]

line = st.one_of(st.sampled_from(LINES), st.text(max_size=80))
documents = st.lists(line, max_size=30).map("\n".join)


def squash(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None)
@given(text=documents, title=st.one_of(st.none(), st.text(max_size=40)))
def test_clean_never_raises(text: str, title: str | None) -> None:
    meta = {"title": title} if title is not None else {}
    result = Cleaner(options=CleanOptions()).clean(RawDocument("p.txt", text, record_meta=meta))
    assert isinstance(result.main.text, str)
    assert "\n\n\n" not in result.main.text


@settings(max_examples=150, deadline=None)
@given(text=documents)
def test_output_lines_are_substrings_of_the_input(text: str) -> None:
    cleaner = Cleaner(options=CleanOptions(min_recurring=2))
    cleaner.observe(RawDocument("q.txt", text))
    result = cleaner.clean(RawDocument("p.txt", text))
    source = squash(text)
    for part in (result.main, *result.appended):
        for paragraph in part.text.split("\n\n"):
            assert squash(paragraph) in source
        if part.title:
            assert squash(part.title) in source
        for removal in part.removed:
            assert squash(removal.line) in source


@settings(max_examples=50, deadline=None)
@given(text=documents)
def test_cleaning_is_deterministic(text: str) -> None:
    raw = RawDocument("p.txt", text)
    assert Cleaner(options=CleanOptions()).clean(raw) == Cleaner(options=CleanOptions()).clean(raw)
