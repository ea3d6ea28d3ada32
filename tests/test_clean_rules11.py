"""Structural rules of the eleventh round (fixture texts written for these tests).

Each rule has a residue case (the eleventh round's cleaner removes it, the tenth's kept it) and body
cases that must be kept, in wordings the rules were not written from.
"""

from __future__ import annotations

from clean_fixtures import BODY, FERRY, FERRY_TITLE, TITLE, paragraphs, reason_of
from clean_fixtures import clean_page as clean_page_text
from newsbrief.clean import Cleaner
from newsbrief.model import CleanResult, RawDocument
from newsbrief.settings import CleanOptions

# --- a notice found word for word in other documents of the batch ---------------------------------

OTHER_STORIES = [
    (
        "Library opens on Sundays",
        [
            "The central library will open on Sundays from next month, the county's arts office announced on Friday.",
            "Opening hours will run from ten in the morning until four in the afternoon, staffed by volunteers.",
            "Readers had asked for weekend hours in a survey carried out last spring by the library's friends group.",
        ],
    ),
    (
        "Orchard harvest falls by a third",
        [
            "Apple growers in the valley picked a third less fruit this autumn after a late frost damaged the blossom.",
            "Several family orchards said they would buy in fruit from other regions to keep their cider presses running.",
            "Prices at the farmers' market rose by about twenty per cent in October, traders said.",
        ],
    ),
    (
        "Marathon route changes for roadworks",
        [
            "The spring marathon will take a new route along the river this year because of roadworks in the old town.",
            "Organisers said the change adds a short climb near the cathedral but keeps the course flat overall.",
            "About nine thousand runners have entered, slightly more than last year's record field.",
        ],
    ),
]


def batch_clean(text: str, others: list[str]) -> CleanResult:
    """The default cleaner after observing ``others`` and ``text`` as its batch."""
    cleaner = Cleaner(options=CleanOptions())
    for k, other in enumerate(others):
        cleaner.observe(RawDocument(f"o{k}.txt", other))
    cleaner.observe(RawDocument("t.txt", text))
    return cleaner.clean(RawDocument("t.txt", text))


def story(title: str, body: list[str], *, top: str | None = None, tail: str | None = None) -> str:
    return "\n\n".join([title, *([top] if top else []), *body, *([tail] if tail else [])])


def others_with(*, top: str | None = None, tail: str | None = None) -> list[str]:
    return [story(title, body, top=top, tail=tail) for title, body in OTHER_STORIES]


def test_a_notice_closing_pages_of_the_batch_is_removed() -> None:
    notice = "(This item was published automatically from an agency feed and was not edited by our newsroom.)"
    result = batch_clean(story(TITLE, BODY, tail=notice), others_with(tail=notice))
    assert reason_of(result, notice) == "shared notice"
    assert paragraphs(result) == BODY


def test_a_prompt_at_the_top_of_pages_of_the_batch_is_removed() -> None:
    prompt = "Thanks for reading, we hope you enjoy the stories we pick for you each morning."
    result = batch_clean(story(FERRY_TITLE, FERRY, top=prompt), others_with(top=prompt))
    assert reason_of(result, prompt) == "shared notice"
    assert paragraphs(result) == FERRY


def test_a_page_that_blocks_robots_is_removed_line_by_line() -> None:
    block = [
        "Sorry, your network has sent us too many requests in the last few minutes.",
        "To continue reading, please prove that you are a person by ticking the box below.",
        "Contact our help desk if you keep seeing this message.",
    ]
    text = "\n\n".join(block)
    result = batch_clean(text, [text, text])
    assert reason_of(result, block[1]) == "shared notice"
    assert result.main.text == ""


def test_a_notice_seen_in_one_other_document_only_is_kept() -> None:
    notice = "(This item was published automatically from an agency feed and was not edited by our newsroom.)"
    result = batch_clean(story(TITLE, BODY, tail=notice), others_with(tail=notice)[:1])
    assert notice in paragraphs(result)


def test_a_contributor_note_closing_every_column_is_kept() -> None:
    note = "Maria Okafor writes about science and the countryside for the weekend edition."
    result = batch_clean(story(TITLE, BODY, tail=note), others_with(tail=note))
    assert note in paragraphs(result)


def test_a_story_republished_by_several_outlets_keeps_its_paragraphs() -> None:
    closing = "The council said it would share the inspection report with residents at a public meeting next week."
    body = [*FERRY, closing]
    pages = [story(FERRY_TITLE, body) for _ in range(3)]
    result = batch_clean(pages[0], pages[1:])
    assert paragraphs(result) == body


def test_a_shared_line_about_the_story_is_kept() -> None:
    line = "Drivers can check the diversion through the northern ring road on the council's traffic map."
    result = batch_clean(story(TITLE, BODY, tail=line), others_with(tail=line))
    assert line in paragraphs(result)


# --- list items are no caption and no menu ---------------------------------------------------------


def test_numbered_tips_under_picture_credits_are_kept() -> None:
    tips = ["1. Book the early crossing", "2. Pack for four seasons", "3. Carry cash for the island shop"]
    blocks = [FERRY[0]]
    for tip, paragraph in zip(tips, FERRY[1:], strict=False):
        blocks += ["(Photo: Island Tourism Board)", tip, paragraph]
    result = clean_page_text("\n\n".join([FERRY_TITLE, *blocks, FERRY[4]]))
    for tip in tips:
        assert tip in paragraphs(result)
    assert reason_of(result, "(Photo: Island Tourism Board)") == "caption"


def test_a_caption_block_still_grows_over_unnumbered_lines() -> None:
    text = "\n\n".join([FERRY_TITLE, FERRY[0], "(Photo: Island Tourism Board)", "The quay at low tide", *FERRY[1:]])
    assert reason_of(clean_page_text(text), "The quay at low tide") == "caption"


def test_bulleted_items_are_not_menu_separators() -> None:
    items = ["• Quieter engines", "• Covered Deck", "• Wider ramps for lorries"]
    text = "\n\n".join([FERRY_TITLE, FERRY[0], "The new vessel brings three changes:", *items, *FERRY[1:]])
    result = clean_page_text(text)
    for item in items:
        assert item in paragraphs(result)


def test_a_menu_between_segments_is_still_navigation() -> None:
    text = "\n\n".join(["News • Sport", FERRY_TITLE, *FERRY])
    assert reason_of(clean_page_text(text), "News • Sport") == "navigation"


# --- a photographer and the outlet in brackets after a caption ----------------------------------


def test_a_caption_closed_by_photographer_and_outlet_is_a_caption() -> None:
    caption = "Two volunteers load post onto the first sailing of the year. (Ines Varga / Island Radio)"
    text = "\n\n".join([FERRY_TITLE, FERRY[0], caption, *FERRY[1:]])
    result = clean_page_text(text)
    assert reason_of(result, caption) == "caption"
    assert paragraphs(result) == FERRY


def test_a_sentence_with_a_slash_in_brackets_is_kept() -> None:
    lines = [
        "The ferry will call at both harbours on the way back (North/South) from next week.",
        "Timetables are printed by the operator. (Summer/Winter)",
    ]
    text = "\n\n".join([FERRY_TITLE, FERRY[0], *lines, *FERRY[1:]])
    result = clean_page_text(text)
    assert lines[0] in paragraphs(result)
    assert reason_of(result, lines[1]) != "caption"


# --- titles glued to their stand-firsts in a teaser box ------------------------------------------


def test_a_run_of_titles_glued_to_their_stand_firsts_is_links() -> None:
    teasers = [
        "Five Walks Along The Old Harbour WallThe best routes for a winter afternoon by the sea.",
        "Where To Eat Oysters On The IslandsLocal growers open their sheds to visitors on Saturdays.",
        "Lighthouse Keepers' Cottages Restored At LastA trust has spent two years on the roofs and windows.",
    ]
    text = "\n\n".join([FERRY_TITLE, *teasers, *FERRY])
    result = clean_page_text(text)
    for teaser in teasers:
        assert reason_of(result, teaser) == "related links"
    assert paragraphs(result) == FERRY


def test_one_glued_line_and_names_with_inner_capitals_are_kept() -> None:
    one = "Where To Eat Oysters On The IslandsLocal growers open their sheds to visitors on Saturdays."
    names = [
        "Shares in the harbour operator NorthLink rose after the announcement on Tuesday.",
        "The islands' broadband provider SkyWave said the new mast would also serve the ferry terminal.",
    ]
    text = "\n\n".join([FERRY_TITLE, FERRY[0], one, *names, *FERRY[1:]])
    result = clean_page_text(text)
    for line in [one, *names]:
        assert line in paragraphs(result)


# --- a video player's card: the duration, then the title twice ------------------------------------


def test_a_player_card_with_its_title_twice_is_media() -> None:
    card = "2:41 Islanders greet the first ferry in six weeks Islanders greet the first ferry in six weeks"
    text = "\n\n".join([FERRY_TITLE, FERRY[0], FERRY[1], card, *FERRY[2:]])
    result = clean_page_text(text)
    assert reason_of(result, card) == "media"
    assert paragraphs(result) == FERRY


def test_a_live_blog_entry_opening_with_a_time_is_kept() -> None:
    entry = "4:15 The second ferry has left the harbour with forty passengers on board"
    text = "\n\n".join([FERRY_TITLE, FERRY[0], FERRY[1], entry, *FERRY[2:]])
    assert entry in paragraphs(clean_page_text(text))


# --- the headline again under itself, with a date, a time or a source around it ------------------


def test_the_headline_with_a_date_or_source_before_it_is_a_repeated_headline() -> None:
    for framed in (
        f"Tuesday, March 03, 2026 {FERRY_TITLE}",
        f"(Harbour Wire- Island Radio) {FERRY_TITLE}",
        f"09:15 by Island Radio Listen again: {FERRY_TITLE}",
    ):
        result = clean_page_text("\n\n".join([FERRY_TITLE, framed, "Ines Varga in Stornoway", *FERRY]))
        assert result.main.title == FERRY_TITLE
        assert reason_of(result, framed) == "repeated headline"
        assert paragraphs(result)[-5:] == FERRY


def test_a_headline_cut_short_is_the_title_and_its_full_copy_goes() -> None:
    cut = "Ferry service to the islands resumes after the winter sto..."
    result = clean_page_text("\n\n".join([cut, FERRY_TITLE, *FERRY]))
    assert result.main.title == cut
    assert reason_of(result, FERRY_TITLE) == "repeated headline"
    assert paragraphs(result) == FERRY


def test_a_lede_that_opens_with_the_headline_is_kept() -> None:
    title = "Ferry service to the islands resumes"
    lede = "Ferry service to the islands resumes after six weeks, the operator said on Tuesday."
    result = clean_page_text("\n\n".join([title, lede, *FERRY[1:]]))
    assert paragraphs(result)[0] == lede
