"""Wire-copy top and tail lines (session 13; fixture texts written for these tests).

A page without a headline line that opens with its lede keeps the lede as text; a wire advisory, the
writer's post under a byline and a desk's initials closing the copy are residue.  Each case has a body
or headline case of a similar shape that must be kept.
"""

from __future__ import annotations

import pytest

from clean_fixtures import BODY, TITLE, clean_page, paragraphs, reason_of
from newsbrief.clean_dates import is_byline_role
from newsbrief.clean_lines import is_identifier

LEDE = "HARBOURTON _ The city council voted on Tuesday to close the old harbour bridge to cars for two years."
LEDE_ABBREVIATION = "HARBOURTON _ The old harbour bridge is closing, and so is Dunmore Ferries Inc."


@pytest.mark.parametrize("lede", [LEDE, LEDE_ABBREVIATION])
def test_a_lede_opening_with_a_wire_dateline_is_no_headline(lede: str) -> None:
    result = clean_page("\n\n".join([lede, *BODY[1:]]))
    # the lede stays the first paragraph (meta.py then reads its dateline)
    assert result.main.title is None and paragraphs(result)[0] == lede


def test_a_short_unterminated_headline_with_its_place_is_still_the_headline() -> None:
    headline = "HARBOURTON – Council shuts the harbour bridge"
    result = clean_page("\n\n".join([headline, *BODY]))
    assert result.main.title == headline and paragraphs(result)[0] == BODY[0]


@pytest.mark.parametrize(
    "opening",
    [
        "The Harbourton Courier said in an editorial on Tuesday, March 4:",
        "Here are the bridges the council has closed since the floods of last winter:",
        "Closures apply to:",
    ],
)
def test_a_first_line_announcing_what_follows_is_no_headline(opening: str) -> None:
    result = clean_page("\n\n".join([opening, *BODY]))
    assert result.main.title is None and paragraphs(result)[0] == opening


def test_a_headline_cut_at_its_colon_is_still_the_headline() -> None:
    result = clean_page("\n\n".join(["Harbour Bridge closure review:", *BODY]))
    assert result.main.title == "Harbour Bridge closure review:"


def test_a_wire_advisory_and_the_writers_post_are_residue() -> None:
    top = ["Eds: UPDATES with the council's vote", "By JANE MARLOW", "Associated Press Writer"]
    result = clean_page("\n\n".join([*top, LEDE, *BODY[1:]]))
    assert reason_of(result, top[0]) == "editor note"
    assert reason_of(result, top[2]) == "byline"
    assert result.main.title is None and paragraphs(result)[0] == LEDE


def test_a_desks_initials_closing_the_copy_are_an_identifier() -> None:
    result = clean_page("\n\n".join([TITLE, *BODY, "(jm-kl)"]))
    assert reason_of(result, "(jm-kl)") == "identifier" and paragraphs(result) == BODY
    assert is_identifier("(ab/cd/ef)") and not is_identifier("(see below)") and not is_identifier("(2)")
    assert is_byline_role("Times Staff Writer") and not is_byline_role("The writer said so.")
