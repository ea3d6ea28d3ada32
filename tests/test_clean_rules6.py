"""Structural residue rules of the sixth round (fixture texts written for these tests, not taken from data).

Each rule has a residue case and a body line that the rule must not remove.
"""

from __future__ import annotations

from clean_fixtures import FERRY as ARTICLE
from clean_fixtures import FERRY_TITLE as TITLE
from clean_fixtures import clean_page as clean
from clean_fixtures import paragraphs, reason_of
from newsbrief.clean import Cleaner
from newsbrief.model import RawDocument
from newsbrief.settings import CleanOptions


def page(*parts: str) -> str:
    """Paragraphs separated by blank lines, as text scraped from a page is."""
    return "\n\n".join([TITLE, *parts])


# -- titles of other stories stacked between paragraphs ------------------------------------------------
def test_stacked_story_titles_between_paragraphs_are_removed() -> None:
    titles = ["'Stranded for weeks' on the outer isles", "Mystery of the 1987 ferry sinking", "Worries about tides, winds"]
    result = clean(page(*ARTICLE[:3], *titles, *ARTICLE[3:]))
    assert paragraphs(result) == ARTICLE
    assert {reason_of(result, t) for t in titles} == {"related links"}


def test_a_title_over_a_sub_heading_goes_and_the_sub_heading_stays() -> None:
    link, sub = "Islanders react online", "Earlier closures"
    body = [*ARTICLE[:3], sub, *ARTICLE[3:]]
    result = clean(page(*ARTICLE[:3], link, sub, *ARTICLE[3:]))
    assert paragraphs(result) == body
    assert reason_of(result, link) == "related links"


def test_a_single_sub_heading_and_a_sub_heading_over_an_unpunctuated_paragraph_stay() -> None:
    sub, other = "Repairs to the second ramp", "Work starts on the mainland side"
    loose = "Engineers from the mainland began work on the damaged ramp early on Monday morning, the operator said"
    body = [*ARTICLE[:2], sub, *ARTICLE[2:3], other, loose, *ARTICLE[3:]]
    assert paragraphs(clean(page(*body))) == body


def test_a_fact_box_on_consecutive_lines_stays() -> None:
    box = "What the council plans\nA second ferry for the winter months\nA new ramp built to withstand storms"
    result = clean(page(*ARTICLE[:3], box, *ARTICLE[3:]))
    assert paragraphs(result) == [*ARTICLE[:3], *box.split("\n"), *ARTICLE[3:]]


def test_indented_items_tables_data_rows_and_quotations_keep_the_run() -> None:
    cases = [
        ["Pros", "    Bright and roomy passenger deck", "    Quick to load cars and lorries"],
        ["1998-99: four sailings a day, one ferry", "2008-09: two sailings a day, two ferries"],
        ["\u201cThe best crossing we have had in years\u201d", "\u2013 Mairi, a passenger from the north isle"],
        ["The outer isles line", "\t", "Three sailings a day on weekdays"],
    ]
    for block in cases:
        result = clean(page(*ARTICLE[:3], *block, *ARTICLE[3:]))
        kept = [line.strip() for line in block if line.strip()]
        assert paragraphs(result) == [*ARTICLE[:3], *kept, *ARTICLE[3:]], block


def test_the_pieces_of_a_sentence_broken_over_lines_stay() -> None:
    first = "The operator's chairman told the island council that the ferry"
    text = page(*ARTICLE[:3], first, "would", "sail again before the end of the month, weather permitting.", *ARTICLE[3:])
    result = clean(text)
    assert first in paragraphs(result)
    assert "would" in paragraphs(result)


# -- a related-links header the batch has seen before ------------------------------------------------
def test_a_recurring_related_header_still_opens_its_links() -> None:
    cleaner = Cleaner(options=CleanOptions())
    header = "Continue reading the main story"
    link = "Related in Opinion"
    pages = []
    for k in range(4):
        text = page(*ARTICLE[:2], header, link, f"Op-Ed: Why the island ferry matters {k + 2}", *ARTICLE[2:])
        pages.append(RawDocument(f"https://news.example.com/ferry-{k}.html", text, format="text"))
    for raw in pages:
        cleaner.observe(raw)
    result = cleaner.clean(pages[0])
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, link) == "related links"


# -- media players and galleries ---------------------------------------------------------------------
def test_a_video_title_twin_with_html_escapes_is_removed() -> None:
    twin = "&#39;We were forgotten&#39;, islanders say"
    clip = "'We were forgotten', islanders say 03:22"
    result = clean(page(*ARTICLE[:2], twin, clip, *ARTICLE[2:]))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, twin) == reason_of(result, clip) == "media"


def test_a_player_button_next_to_the_player_controls_is_removed() -> None:
    lines = ["Play media", "Media player help"]
    result = clean(page(*ARTICLE[:2], *lines, *ARTICLE[2:]))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, "Play media") == "interface"


def test_a_gallery_header_with_its_count_is_removed_and_a_counted_title_stays() -> None:
    header = "The ferry's first crossing in six weeks 24 photos"
    result = clean(page(*ARTICLE[:2], header, *ARTICLE[2:]))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, header) == "caption"
    sub = "Crossings cancelled in six weeks 24"
    body = [*ARTICLE[:2], sub, *ARTICLE[2:]]
    assert paragraphs(clean(page(*body))) == body


def test_a_picture_agency_closing_a_caption_marks_it() -> None:
    caption = "Islanders wait on the pier for the first sailing [AFP]"
    result = clean(page(*ARTICLE[:2], caption, *ARTICLE[2:]))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, caption) == "caption"


def test_an_image_placeholder_word_is_removed_and_a_broken_sentence_keeps_its_word() -> None:
    result = clean(page(*ARTICLE[:2], "inline", *ARTICLE[2:]))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, "inline") == "media"
    broken = ["The operator's chairman said the new ferry", "was", "built in a yard on the mainland."]
    body = [*ARTICLE[:2], *broken, *ARTICLE[2:]]
    assert paragraphs(clean(page(*body))) == body


# -- a one-word imperative as a link label -------------------------------------------------------------
def test_a_see_label_before_a_story_title_is_removed_and_a_see_sentence_stays() -> None:
    link = "See: Ten island ferries that never gave up"
    sentence = "See: the council has published the full timetable for the spring."
    result = clean(page(*ARTICLE[:2], link, sentence, *ARTICLE[2:]))
    assert paragraphs(result) == [*ARTICLE[:2], sentence, *ARTICLE[2:]]
    assert reason_of(result, link) == "link"
