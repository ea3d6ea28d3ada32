"""Structural rules and fixes of the thirteenth round (fixture texts written for these tests).

Each rule has residue cases (removed now, kept by the twelfth round's cleaner) and body cases of a
similar shape that must be kept, in wordings the rules were not written from.
"""

from __future__ import annotations

import pytest

from clean_fixtures import BODY, FERRY, FERRY_TITLE, TITLE, clean_page, paragraphs, reason_of
from newsbrief.clean_dates import is_date_line, is_dateline
from newsbrief.clean_lines import has_credit, interface_label, is_symbol_controls
from newsbrief.clean_shape import LineShape


def page(title: str, body: list[str], *, top: list[str] = (), tail: list[str] = ()) -> str:  # type: ignore[assignment]
    return "\n\n".join([title, *top, *body, *tail])


# --- a signature after the text is no byline, no link -------------------------------------------------

LETTER_TITLE = "Letter: Keep the harbour bridge open to buses"
LETTER = [
    "I write in response to last week's report on the council's plan to close the harbour bridge for two years.",
    "Many of us in the northern villages have no car, and the bus over the bridge is our only way to the hospital.",
    "Surely the council can keep one lane open for buses while the engineers repair the supports.",
]


@pytest.mark.parametrize("signature", ["Martin Okafor, Riverside", "Helen Brandt, Retired Nurse"])
def test_a_letters_signature_closing_the_page_is_kept(signature: str) -> None:
    result = clean_page(page(LETTER_TITLE, LETTER, tail=[signature]))
    assert reason_of(result, signature) is None
    assert paragraphs(result) == [*LETTER, signature]


def test_a_name_and_outlet_under_the_headline_is_still_a_byline() -> None:
    result = clean_page(page(TITLE, BODY, top=["Ana Lima, Reuters"]))
    assert reason_of(result, "Ana Lima, Reuters") == "byline"
    assert "Ana Lima, Reuters" in result.main.meta_lines


def test_a_press_contact_under_a_contact_heading_is_kept() -> None:
    tail = ["MEDIA CONTACT", "Rosa Delgado, Communications Director", "Harbour Ferries Ltd."]
    result = clean_page(page(FERRY_TITLE, FERRY, tail=tail))
    assert reason_of(result, "Rosa Delgado, Communications Director") is None


# --- a bulleted list introduced by the text ----------------------------------------------------------

FEATURES = [
    "• Share photos with several friends at once from the gallery",
    "• New colour themes for the chat screen",
    "• Pin up to ten conversations to the top of the list",
    "• View the storage used by each chat and clear the cache",
]
APP_TITLE = "Messenger update brings scheduled messages and new themes"
APP = [
    "The messaging app has released a new version for Android and iOS with a long list of changes.",
    "The company said the update would reach all users within a week, starting with Europe.",
    "These are the main changes in the Android version of the app:",
]


def test_the_items_of_a_list_the_text_introduces_are_kept_whatever_words_they_hold() -> None:
    result = clean_page(page(APP_TITLE, APP + FEATURES))
    for item in FEATURES:
        assert reason_of(result, item) is None
    assert paragraphs(result) == APP + FEATURES


def test_a_share_bars_list_is_still_removed() -> None:
    bar = ["Share this:", "• Share on Facebook", "• Share on Twitter", "• Share by email"]
    result = clean_page(page(FERRY_TITLE, FERRY, tail=bar))
    assert paragraphs(result) == FERRY


# --- a list's items after an interface header are no link titles --------------------------------------


def test_lower_case_list_items_after_a_prompt_are_kept() -> None:
    items = ["the rising cost of diesel for the ferries", "why the landing ramps keep failing", "and a good deal more"]
    body = [
        "Our guest this week is the harbour master, who talks about the winter and the islands' supply problems.",
        "Among the topics discussed in the episode are:",
        "the long delays to the repair of the ramps",
        "Click HERE to listen",
        *items,
        "Thanks again to the harbour master for his time, and to everyone who sent in their questions this week.",
        "The next episode will be about the new timetable and the fishing fleet, and it airs on Friday morning.",
    ]
    result = clean_page(page("Harbour podcast: a hard winter for the ferries", body))
    for item in items[:2]:
        assert reason_of(result, item) is None


def test_titles_after_a_related_header_are_still_links() -> None:
    titles = ["Islanders count the cost of the storms", "New ferry ordered from Dutch yard"]
    body = FERRY[:3] + ["Related Coverage", *titles] + FERRY[3:]
    result = clean_page(page(FERRY_TITLE, body))
    for title in titles:
        assert reason_of(result, title) == "related links"


def test_the_country_is_not_the_reader() -> None:
    assert not LineShape.of("the growing alliances against the US dollar").reader
    assert LineShape.of("Tell us what the US should do next").reader
    assert LineShape.of("FOLLOW US ON TWITTER").reader


# --- a box header ending the page ---------------------------------------------------------------------


@pytest.mark.parametrize("header", ["MORE FROM THE HARBOUR DESK:", "What readers are sharing now:", "Top Stories Today:"])
def test_a_box_header_ending_the_page_is_removed(header: str) -> None:
    result = clean_page(page(FERRY_TITLE, FERRY, tail=[header]))
    assert reason_of(result, header) == "tail list"
    assert paragraphs(result) == FERRY


@pytest.mark.parametrize("line", ["Islanders were quick to react on social media:", "Here is the operator's full statement:"])
def test_a_sentence_introducing_embedded_posts_is_kept(line: str) -> None:
    result = clean_page(page(FERRY_TITLE, FERRY, tail=[line]))
    assert reason_of(result, line) is None


def test_a_colon_line_inside_the_text_is_kept() -> None:
    body = FERRY[:2] + ["What the islanders need:"] + ["Fresh food every week", "A doctor on call"] + FERRY[2:]
    result = clean_page(page(FERRY_TITLE, body))
    assert reason_of(result, "What the islanders need:") is None


# --- a link whose headline asks a question ------------------------------------------------------------


def test_a_label_before_a_question_headline_is_a_link() -> None:
    assert interface_label("More: Ferry fares are rising. Will the islands lose their service?")
    line = "Read more: Can the old harbour bridge be saved?"
    result = clean_page(page(TITLE, BODY[:3] + [line] + BODY[3:]))
    assert reason_of(result, line) == "link"


def test_a_question_after_a_speaker_is_kept() -> None:
    assert not interface_label("The mayor asked: why was the bridge not inspected sooner?")


# --- dates, datelines, reading times -------------------------------------------------------------------


def test_a_reading_time_is_part_of_a_date_line() -> None:
    assert is_date_line("March 3, 2020 4 min read")
    result = clean_page(page(TITLE, BODY, top=["14 July 2021 · 6 min read"]))
    assert reason_of(result, "14 July 2021 · 6 min read") == "date line"


def test_a_verse_reference_is_no_date() -> None:
    assert not is_date_line("Lk 6.27-31")
    assert is_date_line("12.03.2020") and is_date_line("3/14/2021")
    result = clean_page(page("The other cheek", BODY, top=["Lk 6.27-31"]))
    assert reason_of(result, "Lk 6.27-31") is None


def test_an_agency_alone_in_brackets_at_the_top_is_a_dateline() -> None:
    assert is_dateline("(Wire-Nordpress)") and not is_dateline("(see the map below)")
    result = clean_page(page(TITLE, BODY, top=["(Wire-Nordpress)"]))
    assert reason_of(result, "(Wire-Nordpress)") == "dateline"


def test_text_size_buttons_at_the_top_are_interface() -> None:
    assert is_symbol_controls("A+ A-") and is_symbol_controls("« ‹ › »")
    assert not is_symbol_controls("1-0") and not is_symbol_controls("Q&A") and not is_symbol_controls("A B")
    result = clean_page(page(TITLE, BODY, top=["A- A+"]))
    assert reason_of(result, "A- A+") == "interface"
    assert paragraphs(result) == BODY


# --- notes around the article -------------------------------------------------------------------------


def test_a_provenance_note_under_the_stand_first_is_a_site_notice() -> None:
    note = "This article originally appeared on Harbour Weekly"
    standfirst = "Why the council wants the bridge closed, and what it will mean for the islands?"
    result = clean_page(page(TITLE, BODY, top=[standfirst, note]))
    assert reason_of(result, note) == "site notice"
    assert reason_of(result, standfirst) is None


def test_a_writers_note_naming_the_bare_name_under_the_headline() -> None:
    note = "Karin Volk is a lecturer in urban history at the University of Hallstadt. Her book on bridges appears in May."
    result = clean_page(page("The bridges we forget", BODY, top=["Karin Volk"], tail=[note]))
    assert reason_of(result, note) == "author note"
    assert reason_of(result, "Karin Volk") == "byline"
    assert paragraphs(result) == BODY


def test_a_person_in_the_story_is_no_writer_without_the_name_line() -> None:
    line = "Karin Volk is a lecturer in urban history at the University of Hallstadt. She led the survey of the bridge."
    result = clean_page(page("The bridges we forget", BODY + [line]))
    assert reason_of(result, line) is None


def test_a_promo_pointing_below_at_the_tail_is_removed() -> None:
    promo = "If this reporting mattered to you during a difficult year for the newsroom, you can give below."
    result = clean_page(page(TITLE, BODY, tail=[promo]))
    assert reason_of(result, promo) == "tail prompt"
    assert paragraphs(result) == BODY


def test_a_sentence_about_the_story_pointing_below_is_kept() -> None:
    line = "If you walk over the harbour bridge, you can see the cracks in the steel supports from the path below."
    result = clean_page(page(TITLE, BODY, tail=[line]))
    assert reason_of(result, line) is None


# --- the site's label between the headline and its copy ------------------------------------------------


def test_a_label_between_the_headline_and_its_copy_is_removed() -> None:
    result = clean_page(page(TITLE, BODY, top=["Harbour Daily Gazette", TITLE]))
    assert reason_of(result, "Harbour Daily Gazette") == "section label"
    assert result.main.title == TITLE
    assert paragraphs(result) == BODY


def test_a_stand_first_between_the_headline_and_its_copy_is_kept() -> None:
    standfirst = "Engineers say the supports cannot carry cars for much longer."
    result = clean_page(page(TITLE, BODY, top=[standfirst, TITLE]))
    assert reason_of(result, standfirst) is None


# --- a credit printed before its caption ---------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "AP A ferry leaves the harbour at dawn on the first sailing since January.",
        "Ines Varga (via Instagram) The landing ramp on the north island after the storm.",
        "Tom Reyes (courtesy of the harbour trust) Crews lift the damaged ramp on Monday.",
    ],
)
def test_a_credit_before_the_caption_makes_a_caption(caption: str) -> None:
    assert has_credit(caption)
    result = clean_page(page(FERRY_TITLE, FERRY[:2] + [caption] + FERRY[2:]))
    assert reason_of(result, caption) == "caption"
    assert paragraphs(result) == FERRY


@pytest.mark.parametrize(
    "sentence",
    [
        "AP reported that the ferry left the harbour at dawn on its first sailing since January.",
        "Varga wrote (via Instagram) that the ramp had been repaired overnight by the crews.",
    ],
)
def test_a_sentence_naming_an_agency_or_a_channel_is_kept(sentence: str) -> None:
    assert not has_credit(sentence)
    result = clean_page(page(FERRY_TITLE, FERRY[:2] + [sentence] + FERRY[2:]))
    assert reason_of(result, sentence) is None
