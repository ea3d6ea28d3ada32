"""Structural residue rules of the fourth round (fixture texts written for these tests, not taken from data).

Each rule has a residue case and a body line that the rule must not remove.
"""

from __future__ import annotations

from clean_fixtures import FERRY as ARTICLE
from clean_fixtures import FERRY_TITLE as TITLE
from clean_fixtures import clean_page as clean
from clean_fixtures import paragraphs, reason_of


# -- a page scraped three times ---------------------------------------------------------------------
def test_page_scraped_three_times_keeps_one_copy_of_each_paragraph() -> None:
    text = "\n\n".join([TITLE, *ARTICLE, *ARTICLE, *ARTICLE])
    result = clean(text)
    assert paragraphs(result) == ARTICLE
    assert sum(r.reason == "duplicate line" for r in result.main.removed) == 2 * len(ARTICLE)


def test_notice_repeated_between_different_paragraphs_is_still_furniture() -> None:
    notice = "Independent reporting costs money, so please pass this page on to a friend who would enjoy it."
    body = [ARTICLE[0], notice, ARTICLE[1], ARTICLE[2], notice, ARTICLE[3], notice, ARTICLE[4]]
    result = clean("\n\n".join([TITLE, *body]))
    assert notice not in paragraphs(result)
    assert paragraphs(result) == ARTICLE


# -- a picture's alternative text and caption -------------------------------------------------------
def test_alternative_text_and_caption_between_paragraphs_are_a_caption() -> None:
    alt, caption = "Ines Moreau", "Moreau brought the ferry back into service on Tuesday morning"
    text = "\n\n".join([TITLE, ARTICLE[0], ARTICLE[1], f"{alt}\n{caption}", ARTICLE[2], ARTICLE[3], ARTICLE[4]])
    result = clean(text)
    assert reason_of(result, alt) == "caption"
    assert reason_of(result, caption) == "caption"
    assert paragraphs(result) == ARTICLE


def test_sub_heading_followed_by_its_paragraph_is_kept() -> None:
    heading = "Ramps and repairs"
    text = "\n\n".join([TITLE, ARTICLE[0], ARTICLE[1], f"{heading}\n{ARTICLE[2]}", ARTICLE[3], ARTICLE[4]])
    assert heading in paragraphs(clean(text))


def test_box_header_followed_by_an_item_about_something_else_is_kept() -> None:
    header, item = "Sailings from April", "Four a day between the harbour and the outer islands"
    text = "\n\n".join([TITLE, ARTICLE[0], ARTICLE[1], f"{header}\n{item}", ARTICLE[2], ARTICLE[3], ARTICLE[4]])
    kept = paragraphs(clean(text))
    assert header in kept and item in kept


def test_pair_on_a_page_without_blank_lines_is_left_alone() -> None:
    # Without blank lines between paragraphs, two adjacent lines say nothing about a picture.
    heading, line = "Ferry timetable", "The ferry timetable for the spring season on the island routes"
    text = "\n".join([TITLE, ARTICLE[0], ARTICLE[1], heading, line, ARTICLE[2], ARTICLE[3], ARTICLE[4]])
    kept = paragraphs(clean(text))
    assert heading in kept and line in kept


# -- widget blocks: short lines joined to a widget's controls ---------------------------------------
def _player(lines: list[str]) -> str:
    return "\n\n".join([TITLE, ARTICLE[0], ARTICLE[1], "\n".join(lines), ARTICLE[2], ARTICLE[3], ARTICLE[4]])


def test_short_lines_joined_to_player_controls_are_part_of_the_widget() -> None:
    block = ["Start clip", "Skip the video player", "Video player settings", "Back from the player. Hit tab to go on with the story."]
    result = clean(_player(block))
    assert all(line not in paragraphs(result) for line in block)
    assert paragraphs(result) == ARTICLE


def test_short_sentence_joined_to_one_prompt_is_kept() -> None:
    # One interface line is not a widget: the sentence next to it stays.
    block = ["The ramp was rebuilt in steel.", "Skip the video player"]
    assert "The ramp was rebuilt in steel." in paragraphs(clean(_player(block)))


# -- false removals fixed in the fourth round -------------------------------------------------------
def test_table_row_with_a_weekday_abbreviation_and_counts_is_not_a_date_line() -> None:
    rows = ["Goals scored", "Leeds Wed 212, 318", "Harbour Town 190, 301", "Island Rovers 188, 297"]
    text = "\n\n".join([TITLE, ARTICLE[0], ARTICLE[1], *rows, ARTICLE[2], ARTICLE[3], ARTICLE[4]])
    result = clean(text)
    assert "Leeds Wed 212, 318" in paragraphs(result)
    assert reason_of(result, "Leeds Wed 212, 318") is None


def test_headline_question_asked_again_in_the_text_is_kept() -> None:
    title = "Who Pays for the Island Ferry?"
    question = "Who, then, pays for the island ferry?"
    text = "\n\n".join([title, *ARTICLE[:4], question, ARTICLE[4]])
    assert question in paragraphs(clean(text))


def test_headline_repeated_inside_the_text_is_still_removed() -> None:
    text = "\n\n".join([TITLE, *ARTICLE[:4], TITLE, ARTICLE[4]])
    result = clean(text)
    assert reason_of(result, TITLE) == "repeated headline"
    assert paragraphs(result) == ARTICLE


# -- a short question among related links -----------------------------------------------------------
def test_short_question_closing_a_related_links_box_is_a_link() -> None:
    box = ["You may also like", "Harbour ramp plans unveiled", "Islanders count the cost of winter", "Is the ferry worth it?"]
    result = clean("\n\n".join([TITLE, *ARTICLE[:3], *box, *ARTICLE[3:]]))
    assert "Is the ferry worth it?" not in paragraphs(result)
    assert paragraphs(result) == ARTICLE


def test_long_question_after_related_links_is_prose() -> None:
    question = "Will the operator ever pay back the islanders who lost a month of trade this winter?"
    box = ["You may also like", "Harbour ramp plans unveiled", question, ARTICLE[4]]
    result = clean("\n\n".join([TITLE, *ARTICLE[:4], *box]))
    assert question in paragraphs(result)


# -- tag bars with a dangling separator (any language) and headers of boxes after the text ----------
FRENCH = [
    "Le traversier a repris du service mardi entre le port et les trois îles, après six semaines au quai.",
    "Les rampes d'accès avaient été endommagées par les tempêtes de janvier, selon l'exploitant du service.",
    "Les habitants ont dû compter sur un petit bateau de pêche et un vol d'hélicoptère chaque semaine.",
]


def test_tag_bar_with_dangling_separator_on_a_french_page() -> None:
    bar = "Classé dans : Transports |"
    result = clean("\n\n".join(["Le traversier reprend du service", *FRENCH, bar]))
    assert reason_of(result, bar) == "navigation"
    assert paragraphs(result) == FRENCH


def test_table_row_on_a_french_page_is_kept() -> None:
    row = "| Port | Îles | 4 |"
    result = clean("\n\n".join(["Le traversier reprend du service", *FRENCH, row]))
    assert row in paragraphs(result)


def test_short_header_above_a_reader_prompt_after_the_text_is_part_of_the_box() -> None:
    header, prompt = "Stay in the loop", "Subscribe to the morning newsletter"
    result = clean("\n\n".join([TITLE, *ARTICLE, header, prompt]))
    assert reason_of(result, header) is not None
    assert paragraphs(result) == ARTICLE


def test_short_header_above_a_list_after_the_text_is_kept() -> None:
    header, items = "Sailing times", ["Harbour to North Island", "North Island to South Island"]
    result = clean("\n\n".join([TITLE, *ARTICLE, header + ":", *items]))
    assert header + ":" in paragraphs(result)
