"""Structural rules of the tenth round (fixture texts written for these tests).

Each rule has a residue case (the tenth round's cleaner removes it, the ninth's kept it) and body
cases that must be kept, in wordings the rules were not written from.
"""

from __future__ import annotations

from clean_fixtures import FERRY, FERRY_TITLE, paragraphs, reason_of
from clean_fixtures import clean_page as clean


def page(*blocks: str, title: str = FERRY_TITLE) -> str:
    """Paragraphs separated by blank lines; a block may hold joined lines."""
    return "\n\n".join([title, *blocks])


# --- titles of linked stories right under a box of list items ----------------------------------

BOX = "\n".join(
    [
        FERRY[1],
        "What the islanders lost",
        "",
        "    Six weeks of post delivered by helicopter",
        "    Two school terms taught over the radio",
        "    A lambing season without the vet",
    ]
)


def test_titles_under_a_list_box_are_links() -> None:
    titles = ["How the storm cut the islands off", "Why are the ramps so fragile?", "The last ferryman of the isles"]
    result = clean(page(FERRY[0], BOX, *titles, *FERRY[2:]))
    for title in titles:
        assert reason_of(result, title) == "related links"
    for item in ("Six weeks of post delivered by helicopter", "What the islanders lost"):
        assert item in paragraphs(result)


def test_one_line_under_a_list_box_is_a_sub_heading() -> None:
    result = clean(page(FERRY[0], BOX, "Repairs to the ramps", *FERRY[2:]))
    assert "Repairs to the ramps" in paragraphs(result)


def test_lines_under_a_box_that_end_with_full_stops_or_open_a_sentence_are_kept() -> None:
    stops = ["The ramps were built in 1974.", "They were last repaired in 2009."]
    result = clean(page(FERRY[0], BOX, *stops, *FERRY[2:]))
    for line in stops:
        assert line in paragraphs(result)
    broken = ["The operator, which runs", "two vessels"]
    result = clean(page(FERRY[0], BOX, *broken, "and a barge, said the ramps would be rebuilt in steel this spring.", *FERRY[2:]))
    assert "The operator, which runs" in paragraphs(result)


def test_a_list_at_the_top_is_not_a_box_in_the_text() -> None:
    menu = "\n".join(["    News", "    Sport", "    Weather"])
    result = clean(page(menu, "Island life", "Ferry news today", *FERRY))
    assert reason_of(result, "Island life") != "related links"
    assert reason_of(result, "Ferry news today") != "related links"


def test_an_analysis_heading_with_its_writer_under_a_box_is_kept() -> None:
    lines = ["Analysis: what the closure means", "Jane Doe, transport correspondent"]
    result = clean(page(FERRY[0], BOX, *lines, *FERRY[2:]))
    for line in lines:
        assert reason_of(result, line) != "related links"


def test_list_entries_under_a_box_are_kept() -> None:
    lines = ["Ana Lima (skipper)", "Tom Berg (engineer)"]
    result = clean(page(FERRY[0], BOX, *lines, *FERRY[2:]))
    for line in lines:
        assert line in paragraphs(result)
