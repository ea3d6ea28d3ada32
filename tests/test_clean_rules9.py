"""Structural rules of the ninth round (fixture texts written for these tests).

Each rule has a residue case (the ninth round's cleaner removes it, the eighth's kept it) and a body
case that must be kept, in wordings the rules were not written from.
"""

from __future__ import annotations

from clean_fixtures import BODY, FERRY, TITLE, paragraphs, reason_of
from clean_fixtures import clean_page as clean
from newsbrief.clean_lines import units_of
from newsbrief.clean_runs import key_value_runs


def page(*blocks: str, title: str = TITLE) -> str:
    """Paragraphs separated by blank lines; a block may hold joined lines."""
    return "\n\n".join([title, *blocks])


# --- a spec sheet's fields are content, a credit-like label among them too ----------------------

SPECS = [
    "Screen: 6.1-inch OLED, 2532 x 1170 pixels",
    "Weight: 174 grams",
    "Video: 4K at 60 fps with optical stabilisation",
    "Battery: 3,200 mAh",
]


def test_a_spec_sheet_with_a_video_field_is_kept() -> None:
    result = clean(page(BODY[0], "Here is what the phone offers?", "\n".join(SPECS), *BODY[1:3]))
    for line in SPECS:
        assert line in paragraphs(result)


CREDITS = ["Photo: Jane Roe/Reuters", "Photo: Ana Lima/AFP", "Photo: Max Mustermann/EPA"]


def test_credits_repeating_one_label_are_not_a_spec_sheet() -> None:
    assert key_value_runs(units_of("\n".join(CREDITS))) == []
    assert key_value_runs(units_of("\n".join(SPECS))) == [[0, 1, 2, 3]]


def test_credits_repeating_one_label_still_go() -> None:
    result = clean(page(BODY[0], "\n".join(CREDITS), *BODY[1:3]))
    assert reason_of(result, CREDITS[0]) == "caption"


# --- a data row repeated for different items is a table, not furniture -------------------------


def _sections(*extra: list[str]) -> list[str]:
    blocks = []
    for k, club in enumerate(("RIVERSIDE", "HILLTOP", "SEAFRONT")):
        blocks += [club, *(lines[k] for lines in extra), FERRY[k]]
    return blocks


def test_a_data_row_repeated_in_three_sections_is_kept() -> None:
    row = "2019-20: 14 members joined the club, two members left it"
    result = clean(page(BODY[0], *_sections([row] * 3), BODY[1]))
    assert row in paragraphs(result)


def test_a_long_notice_repeated_between_paragraphs_still_goes() -> None:
    notice = "This material may not be republished without the written permission of the publisher"
    result = clean(page(BODY[0], notice, BODY[1], notice, BODY[2], notice, BODY[4]))
    assert reason_of(result, notice) == "duplicate line"
    assert notice not in paragraphs(result)


# --- a link repeated at the end of every section: every copy goes --------------------------------

BACK = "Return to the top of the page"


def test_a_link_repeated_under_every_section_goes_with_its_first_copy() -> None:
    blocks = []
    for k, club in enumerate(("RIVERSIDE", "HILLTOP", "SEAFRONT")):
        blocks += [club, FERRY[k], f"{FERRY[k + 1]}\n{BACK}"]
    result = clean(page(BODY[0], *blocks, BODY[1]))
    assert reason_of(result, BACK) == "navigation"
    assert BACK not in paragraphs(result)
    assert FERRY[0] in paragraphs(result)


def test_a_sub_heading_repeated_in_every_section_is_kept() -> None:
    result = clean(page(BODY[0], *_sections(["Where the rowers come from"] * 3), BODY[1]))
    assert "Where the rowers come from" in paragraphs(result)


def test_a_table_header_repeated_above_each_table_is_kept() -> None:
    header = "| Boat | Crew | Share |"
    result = clean(page(BODY[0], *_sections([f"{header}\n| Swift | 8 | 40 |"] * 3), BODY[1]))
    assert header in paragraphs(result)


# --- a picture at the foot of a box: its name and caption -----------------------------------------


def _box(alt: str, caption: str) -> str:
    return "\n".join(["2014: 12 rowers, two boats", "2024: 41 rowers, six boats", alt, caption])


def test_a_picture_closing_a_box_of_figures_goes() -> None:
    result = clean(page(BODY[0], "HARBOUR ROWING CLUB", _box("Maria Okafor", "Maria Okafor coached the first crew in 2015"), *BODY[1:3]))
    assert reason_of(result, "Maria Okafor") == "caption"
    assert reason_of(result, "Maria Okafor coached the first crew in 2015") == "caption"
    assert "2014: 12 rowers, two boats" in paragraphs(result)


def test_a_box_ending_with_a_lower_case_line_or_a_sentence_is_kept() -> None:
    result = clean(page(BODY[0], _box("The old boathouse", "The old boathouse before the storm of 2019"), *BODY[1:3]))
    assert "The old boathouse" in paragraphs(result)
    result = clean(page(BODY[0], _box("Maria Okafor", "Maria Okafor coached the first crew in 2015."), *BODY[1:3]))
    assert "Maria Okafor" in paragraphs(result)


# --- a pull quote with its speaker -----------------------------------------------------------------

QUOTE = "Nobody who crosses that bridge every day would want it open one more week than is safe"


def test_a_pull_quote_and_its_speaker_go() -> None:
    for speaker in ("Harbour master Ines Varga", "Ines Varga", "Ines Varga, the harbour master"):
        result = clean(page(*BODY[:2], QUOTE, speaker, *BODY[2:]))
        assert reason_of(result, QUOTE) == "pull quote", speaker
        assert reason_of(result, speaker) == "pull quote", speaker
        assert BODY[1] in paragraphs(result) and BODY[2] in paragraphs(result)


def test_a_quoted_sentence_without_its_stop_above_a_sub_heading_is_kept() -> None:
    reported = f"“{QUOTE},” the harbour master told reporters on the quay after the vote"
    result = clean(page(*BODY[:2], reported, "Meet The Engineers", *BODY[2:]))
    assert reported in paragraphs(result) and "Meet The Engineers" in paragraphs(result)


def test_a_paragraph_above_a_sentence_or_a_short_heading_is_kept() -> None:
    result = clean(page(*BODY[:2], QUOTE, "Repairs", *BODY[2:]))
    assert QUOTE in paragraphs(result) and "Repairs" in paragraphs(result)


# --- an imperative that points at the page ----------------------------------------------------------


def test_prompts_pointing_at_the_page_go() -> None:
    prompts = [
        "Read more about the engineers' report here.",
        "Watch the video below to see the cracks in the supports.",
        "Listen to the council debate at https://example.org/harbour-debate",
    ]
    for prompt in prompts:
        result = clean(page(*BODY[:2], prompt, *BODY[2:]))
        assert reason_of(result, prompt) == "interface", prompt


def test_sentences_with_here_or_below_that_are_no_prompts_are_kept() -> None:
    lines = [
        "Here the river runs below the old town walls, the report says.",
        "See how the ferry crossed below the falls in the storm of 1987, one witness wrote.",
        "“Read more here,” the mayor joked when asked about the report.",
    ]
    for line in lines:
        result = clean(page(*BODY[:2], line, *BODY[2:]))
        assert line in paragraphs(result), line


# --- a surname joined above a section's heading -----------------------------------------------------


def _section(top: str, heading: str, paragraph: str) -> str:
    return "\n".join([top, heading, paragraph]) if top else "\n".join([heading, paragraph])


def test_a_surname_above_a_section_heading_goes() -> None:
    result = clean(page(BODY[0], BODY[1], _section("Okafor", "2015-2019: The first crews", FERRY[0]), BODY[2]))
    assert reason_of(result, "Okafor") == "caption"
    assert "2015-2019: The first crews" in paragraphs(result)


def test_a_heading_over_its_paragraph_and_a_word_between_sentences_are_kept() -> None:
    result = clean(page(BODY[0], BODY[1], _section("", "The first crews", FERRY[0]), BODY[2]))
    assert "The first crews" in paragraphs(result)
    sentence_after = clean(page(BODY[0], BODY[1], _section("Okafor", "She founded the club in 2015.", FERRY[0]), BODY[2]))
    assert "Okafor" in paragraphs(sentence_after)


# --- a heading underlined by a rule --------------------------------------------------------------------

TABLE = [
    "BUSIEST FERRY ROUTES ON THE COAST BY PASSENGERS, 2023",
    "=====================================================",
    "",
    "ROUTE              PASSENGERS",
    "Harbour - Isles        41,000",
]


def test_an_underlined_table_title_in_capitals_is_kept_with_its_rule() -> None:
    result = clean(page(*BODY[:2], "\n".join(TABLE), *BODY[2:]))
    assert TABLE[0] in paragraphs(result) and TABLE[1] in paragraphs(result)


def test_a_capitalised_teaser_and_a_lone_rule_still_go() -> None:
    teaser = "THE TEN BEST FERRY ROUTES ON THE COAST FOR A SUMMER DAY OUT"
    result = clean(page(*BODY[:2], teaser, "* * *", *BODY[2:]))
    assert reason_of(result, teaser) == "related links"
    assert reason_of(result, "* * *") == "section marker"


# --- stacked titles above a paragraph that ends with a colon ------------------------------------------


def test_stacked_titles_above_a_paragraph_ending_with_a_colon_go() -> None:
    titles = ["Crossing Times Before The Storm", "Crossing Times After The Repairs"]
    intro = "The second chart shows how the crossing times changed over the six weeks of the repairs:"
    result = clean(page(*BODY[:2], *titles, intro, *BODY[2:]))
    assert [reason_of(result, t) for t in titles] == ["related links", "related links"]
    assert intro in paragraphs(result)


def test_one_heading_above_a_paragraph_ending_with_a_colon_is_kept() -> None:
    intro = "The second chart shows how the crossing times changed over the six weeks of the repairs:"
    result = clean(page(*BODY[:2], "Crossing Times", intro, *BODY[2:]))
    assert "Crossing Times" in paragraphs(result)


# --- a headline shared by pages of the batch ---------------------------------------------------------


def _batch_clean(first_lines: list[str], body: list[str]) -> list:
    from newsbrief.clean import Cleaner
    from newsbrief.model import RawDocument
    from newsbrief.settings import CleanOptions

    cleaner = Cleaner(options=CleanOptions())
    raws = [RawDocument(f"{k}.txt", "\n\n".join([line, f"{body[0]} (part {k + 1})", *body[1:]])) for k, line in enumerate(first_lines)]
    for raw in raws:
        cleaner.observe(raw)
    return [cleaner.clean(raw) for raw in raws]


STANDFIRST = "A modest update to a fine phone, and its best camera yet"
REVIEW = [
    STANDFIRST,
    "The Maple X2 keeps the shape of last year's phone but adds a brighter screen and a larger battery.",
    "Its camera is the real change: photos at night are sharper than on any Maple phone we have tested.",
    "At its launch price the review unit is good value, though rivals charge less for the same storage.",
]


def test_a_headline_recurring_in_the_batch_stays_the_headline() -> None:
    for result in _batch_clean(["Maple X2 phone review"] * 3, REVIEW):
        assert result.main.title == "Maple X2 phone review"
        assert paragraphs(result)[0].startswith(STANDFIRST)


OTHER_REVIEWS = [
    [
        "A quiet fridge that keeps its promises on energy use",
        "The Frost 300 runs at a whisper and used less power in our tests than its label claims.",
        "Its shelves are easy to move, although the door bins feel flimsy for a fridge at this price.",
    ],
    [
        "Light headphones with a battery that lasts all week",
        "The Echo Buds fold flat, weigh little and lasted six days of commuting on a single charge.",
        "Noise cancelling is weaker than on rivals, so they suit offices better than long flights.",
    ],
]


def test_a_site_name_recurring_at_the_top_is_not_the_headline() -> None:
    from newsbrief.clean import Cleaner
    from newsbrief.model import RawDocument
    from newsbrief.settings import CleanOptions

    # three different reviews of one site (three copies of one review would share the line as a story does)
    cleaner = Cleaner(options=CleanOptions())
    raws = [
        RawDocument(f"{k}.txt", "\n\n".join(["Gadget Weekly online edition", *body]))
        for k, body in enumerate([REVIEW, *OTHER_REVIEWS])
    ]
    for raw in raws:
        cleaner.observe(raw)
    for raw in raws:
        assert cleaner.clean(raw).main.title != "Gadget Weekly online edition"


# --- two lower-case words left by a page element ----------------------------------------------------


def test_two_lower_case_words_between_a_paragraph_and_a_question_go() -> None:
    result = clean(page(*BODY[:2], "embedded content\nWhat comes next?", *BODY[2:]))
    assert reason_of(result, "embedded content") == "media"
    assert "What comes next?" in paragraphs(result)


def test_two_lower_case_words_inside_a_broken_sentence_are_kept() -> None:
    broken = ["The council said the", "new ferry", "would start sailing in May, weeks before the bridge closes."]
    result = clean(page(*BODY[:2], *broken, *BODY[2:]))
    assert "new ferry" in paragraphs(result)
