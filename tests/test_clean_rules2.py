"""Structural residue rules added after the first measurements (fixture texts written for these tests).

Each rule has a residue case and a body line that the rule must not remove.
"""

from __future__ import annotations

import pytest

from clean_fixtures import BODY, TITLE, paragraphs, reason_of
from newsbrief.clean import Cleaner
from newsbrief.model import CleanResult, RawDocument
from newsbrief.settings import CleanOptions


def clean(lines: list[str]) -> CleanResult:
    return Cleaner(options=CleanOptions()).clean(RawDocument("t.txt", "\n".join([TITLE, *lines])))



def test_notice_repeated_with_varying_tracking_ids_is_furniture() -> None:
    notice = (
        "Quality reporting costs money to produce and we ask readers to pass on the address below rather than "
        "copying whole pages of our reporting elsewhere. Licensing questions go to the syndication desk. "
        "https://paper.example/story/{}"
    )
    lines = []
    for n, sentence in enumerate(BODY):
        lines += [sentence, notice.format(f"a{n}x{n * 7}")]
    result = clean(lines)
    assert not any(p.startswith("Quality reporting costs money") for p in paragraphs(result))
    for sentence in BODY:
        assert sentence in paragraphs(result)


def test_a_paragraph_appearing_twice_is_kept() -> None:
    lines = [*BODY[:3], BODY[1], *BODY[3:]]
    result = clean(lines)
    assert BODY[1] in paragraphs(result)


def test_gallery_caption_block_around_a_credit_is_removed() -> None:
    caption = (
        "Deputy Mayor Tom Reed, left, and City Engineer Mara Olsen inspect a support of the Harbour Bridge "
        "in Port Alden, Monday, March 14, 2022"
    )
    lines = ["Slide 2 of 6", caption, "Picture: Lena Hart, City Wire", caption, *BODY]
    result = clean(lines)
    assert caption not in paragraphs(result)
    assert "Slide 2 of 6" not in paragraphs(result)
    assert paragraphs(result) == BODY


def test_caption_block_stops_at_a_sentence() -> None:
    lines = [*BODY[:2], "Picture: Lena Hart, City Wire", *BODY[2:]]
    result = clean(lines)
    assert paragraphs(result) == BODY


def test_counted_comment_header_with_a_long_quoted_title() -> None:
    comments = [
        "Great piece, I cross that bridge every morning and the cracks have been visible for years now.",
        "Thanks for reading, Sam. The council has promised an update on the ferry timetable next week.",
    ]
    header = "2 responses to “Harbour bridge to close for two years while engineers repair its cracked steel supports”"
    result = clean([*BODY, *BODY, header, *comments])
    assert reason_of(result, header) == "comments"
    assert all(c not in paragraphs(result) for c in comments)
    assert BODY[-1] in paragraphs(result)


def test_capitalised_teaser_between_paragraphs_is_a_link() -> None:
    teaser = "MAYOR'S NEW TRAM PLAN FACES FIERCE CRITICISM FROM SHOP OWNERS DOWNTOWN"
    lines = [*BODY[:2], teaser, *BODY[2:]]
    result = clean(lines)
    assert reason_of(result, teaser) == "related links"
    assert paragraphs(result) == BODY


def test_short_capitalised_subheading_and_table_row_are_kept() -> None:
    heading = "WHAT HAPPENS TO THE FERRY?"
    row = "| FERRY | HARBOUR LINE | EVERY 20 MINUTES | FREE FOR CYCLISTS |"
    lines = [*BODY[:2], heading, *BODY[2:4], row, *BODY[4:]]
    result = clean(lines)
    assert heading in paragraphs(result) and row in paragraphs(result)


def test_off_topic_reader_prompt_at_the_tail_is_removed() -> None:
    # Wordings of a podcast and a membership promo that no rule names; both address the reader.
    promo = "Hear our weekly podcast every Friday morning wherever you get your audio, and tell your friends."
    member = "Become a member today and your support keeps our newsroom independent."
    result = clean([*BODY, promo, member])
    assert promo not in paragraphs(result)
    assert member not in paragraphs(result)
    assert paragraphs(result) == BODY


def test_on_topic_reader_address_at_the_tail_is_kept() -> None:
    advice = "If you cross the harbour bridge by car, plan your trip through the northern ring road from next month."
    result = clean([*BODY, advice])
    assert advice in paragraphs(result)


def test_quoted_reader_address_at_the_tail_is_kept() -> None:
    quote = "“Download the app if you must, but check your route first,” the transport office told commuters."
    result = clean([*BODY, quote])
    assert quote in paragraphs(result)


def test_inserted_teaser_box_between_paragraphs_is_removed() -> None:
    box = [
        "Opinion on the bridge",
        "Karin Vale",
        "Why the city keeps patching instead of planning its river crossings",
        "Ole Brandt",
        "A ferry is no substitute for a bridge in a port this busy",
    ]
    result = clean([*BODY[:2], *box, *BODY[2:]])
    assert paragraphs(result) == BODY
    assert {reason_of(result, line) for line in box} == {"related links"}


@pytest.mark.parametrize(
    "block",
    [
        [  # an unbulleted fact box
            "The council's plan",
            "Closure of the bridge to cars from the first of May",
            "A free ferry for cyclists and pedestrians every twenty minutes",
            "Extra buses on the northern ring road during rush hours",
        ],
        [  # an unterminated table
            "Harbour Bridge",
            "41,000 cars a day crossed it in the busiest month of 2021",
            "North Ferry",
            "6,500 riders a day are expected from the first of May",
        ],
    ],
    ids=["fact box", "table"],
)
def test_unterminated_block_between_paragraphs_is_kept(block: list[str]) -> None:
    result = clean([*BODY[:2], *block, *BODY[2:]])
    for line in block:
        assert line in paragraphs(result)


def test_reworded_headline_above_the_text_is_removed() -> None:
    other = "Cracked steel supports force two-year bridge closure in harbour city"
    result = Cleaner(options=CleanOptions()).clean(
        RawDocument("t.html", "\n".join([other, *BODY]), record_meta={"title": TITLE})
    )
    assert reason_of(result, other) == "repeated headline"
    assert paragraphs(result) == BODY


def test_unrelated_first_line_and_lead_in_are_kept() -> None:
    for first in ("Notes from a river town", "Here is what the council decided about the bridge:"):
        result = Cleaner(options=CleanOptions()).clean(
            RawDocument("t.html", "\n".join([first, *BODY]), record_meta={"title": TITLE})
        )
        assert first in paragraphs(result), first


def test_labels_of_an_interactive_map_are_removed() -> None:
    labels = [
        "Where the cracks were found",
        "NORTH PIER",
        "Support 4",
        "Support 7",
        "Areas already",
        "inspected",
        "Old ferry",
        "landing",
        "RIVER MOUTH",
    ]
    result = clean([*BODY[:3], *labels, *BODY[3:]])
    assert paragraphs(result) == BODY
    assert {reason_of(result, line) for line in labels} == {"graphic"}


def test_a_list_after_a_colon_with_lower_case_items_is_kept() -> None:
    items = ["two ferries", "eight buses", "one tram line", "bike racks", "lifts", "ramps", "signs", "lights", "shelters"]
    result = clean([*BODY[:3], "The transport office will provide:", *items, *BODY[3:]])
    for item in items:
        assert item in paragraphs(result)
