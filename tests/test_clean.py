"""Cleaner behaviour on texts written for these tests (residue kinds and wordings the issue does not name)."""

from __future__ import annotations

import pytest

from clean_fixtures import BODY, TITLE
from newsbrief.clean import META_REASONS, REASONS, Cleaner
from newsbrief.model import CleanResult, RawDocument
from newsbrief.settings import CleanOptions


def clean(text: str, **meta: str) -> CleanResult:
    return Cleaner(options=CleanOptions()).clean(RawDocument("test.txt", text, record_meta=meta))


def page(*, top: list[str] = (), middle: dict[int, list[str]] | None = None, tail: list[str] = ()) -> str:
    """Headline + BODY with residue lines inserted at the top, after body line i, and at the tail."""
    lines = [*top, TITLE]
    for i, sentence in enumerate(BODY):
        lines.append(sentence)
        lines.extend((middle or {}).get(i, []))
    lines.extend(tail)
    return "\n".join(lines)


def assert_body_intact(result: CleanResult) -> None:
    paragraphs = result.main.text.split("\n\n")
    for sentence in BODY:
        assert sentence in paragraphs, sentence


@pytest.mark.parametrize(
    "residue",
    [
        "Tap here to follow our WhatsApp channel",
        "Advertisement",
        "Continue reading below",
        "Sign up for our morning newsletter",
        "Photograph: Maria Lopez/Harbour Times",
        "12 comments",
        "Posted in Politics | Tagged bridges, transport",
        "Related Topics",
        "Get our free app for breaking news alerts",
        "Scroll down to keep reading",
        "Read more: Council approves new bus lanes",
        "Please enable JavaScript to play this clip",  # a page's request after "Please" (fourteenth round)
        "Report continues below",
        "Story continues below advertisement",
    ],
)
def test_residue_in_the_middle_is_removed_and_body_kept(residue: str) -> None:
    result = clean(page(middle={1: [residue]}))
    assert residue not in result.main.text
    assert residue in [r.line for r in result.main.removed]
    assert_body_intact(result)


def test_breadcrumbs_before_headline_are_removed_and_headline_found() -> None:
    result = clean(page(top=["Home › World › Europe"]))
    assert result.main.title == "Harbour bridge to close for two years"
    assert [r.reason for r in result.main.removed] == ["navigation"]
    assert "Harbour bridge to close" not in result.main.text


def test_headline_repeated_several_times_is_removed() -> None:
    text = page(top=[]).replace(
        "Harbour bridge to close for two years",
        "Harbour bridge to close for two years\nHarbour bridge to close for two years\nHarbour Bridge To Close For Two Years",
        1,
    )
    result = clean(text)
    assert result.main.title == "Harbour bridge to close for two years"
    assert [r.reason for r in result.main.removed] == ["repeated headline", "repeated headline"]
    assert "two years\n" not in result.main.text


def test_record_title_wins_and_is_not_in_text() -> None:
    result = clean(page(), title="Harbour bridge to close for two years | Harbour Times")
    assert result.main.title == "Harbour bridge to close for two years | Harbour Times"
    assert "Harbour bridge to close for two years" not in result.main.text
    assert_body_intact(result)


def test_bylines_and_date_lines_go_to_meta_lines() -> None:
    text = page().replace(
        "Harbour bridge to close for two years",
        "Harbour bridge to close for two years\nBy Jane Doe and Sam Roe\nUpdated 14 March 2024, 09:12 GMT",
    )
    result = clean(text)
    assert result.main.meta_lines == ("By Jane Doe and Sam Roe", "Updated 14 March 2024, 09:12 GMT")
    assert {r.reason for r in result.main.removed} <= META_REASONS
    assert_body_intact(result)


def test_standalone_wire_dateline_goes_to_meta_lines() -> None:
    text = page().replace(
        "Harbour bridge to close for two years", "Harbour bridge to close for two years\nHARBOUR CITY (Harbour Wire) -"
    )
    result = clean(text)
    assert result.main.meta_lines == ("HARBOUR CITY (Harbour Wire) -",)
    assert [r.reason for r in result.main.removed] == ["dateline"]
    assert_body_intact(result)


def test_recurring_date_line_is_still_meta() -> None:
    cleaner = Cleaner(options=CleanOptions(min_recurring=2))
    docs = [RawDocument(f"{n}.txt", page().replace("years\n", "years\nTuesday, June 2, 2009\n", 1)) for n in range(3)]
    for doc in docs:
        cleaner.observe(doc)
    result = cleaner.clean(docs[0])
    assert result.main.meta_lines == ("Tuesday, June 2, 2009",)


def test_trailing_list_of_links_is_removed() -> None:
    tail = [
        "You may also like",
        "Mayor unveils plan for new riverside park",
        "Ten things to do in the old town this weekend",
        "Local bakery wins national bread award",
    ]
    result = clean(page(tail=tail))
    assert_body_intact(result)
    for line in tail:
        assert line not in result.main.text


def test_lone_short_sentence_in_the_body_stays() -> None:
    result = clean(page())
    assert "He declined." in result.main.text.split("\n\n")
    assert result.main.removed == ()


def test_decorative_section_marker_is_a_paragraph_break_not_a_sentence() -> None:
    result = clean(page(middle={2: ["- Meeting the ferry crews -"]}))
    assert "Meeting the ferry crews" not in result.main.text
    assert ("- Meeting the ferry crews -", "section marker") in [(r.line, r.reason) for r in result.main.removed]
    paragraphs = result.main.text.split("\n\n")
    assert paragraphs.index(BODY[3]) == paragraphs.index(BODY[2]) + 1


def test_caption_next_to_photo_credit_is_removed() -> None:
    result = clean(page(middle={0: ["Workers inspect the bridge supports", "(Photo: Harbour Times)"]}))
    assert "Workers inspect the bridge supports" not in result.main.text
    assert_body_intact(result)


#: Two more stories of the same outlet (texts written for these tests).
OTHER_STORIES = [
    [
        "Library extends its opening hours",
        "The central library will open until nine in the evening from next month, the city said on Friday.",
        "Students had asked for longer hours during the exam season for three years in a row.",
        "The extra staff will be paid from the culture budget, which rose by four percent this year.",
    ],
    [
        "Ferry operator adds a winter route",
        "A second ferry will sail between the two islands through the winter, its operator announced.",
        "Until now the crossing stopped in November and islanders had to fly to the mainland.",
        "Tickets for the new sailings go on sale next week at the harbour office and online.",
    ],
]


def test_lines_recurring_across_the_batch_are_removed() -> None:
    cleaner = Cleaner(options=CleanOptions(min_recurring=3))
    ticker = "Harbour Times Live Ticker"
    docs = [RawDocument("0.txt", page(middle={2: [ticker]}))]
    docs += [RawDocument(f"{n}.txt", "\n".join([*story[:2], ticker, *story[2:]])) for n, story in enumerate(OTHER_STORIES, 1)]
    for doc in docs:
        cleaner.observe(doc)
    result = cleaner.clean(docs[0])
    assert (ticker, "recurring") in [(r.line, r.reason) for r in result.main.removed]
    alone = Cleaner(options=CleanOptions()).clean(docs[0])
    assert ticker in alone.main.text


def test_republished_copies_keep_their_short_lines() -> None:
    # Three outlets carry one wire story (one with another headline and a trimmed ending): its sub-heading
    # and list items recur in three documents because the story does, not because they are boilerplate.
    # A line that unrelated stories carry too is still boilerplate there.
    story = [
        "The council listed its three priorities for the coming year on Tuesday evening.",
        "What changes",
        "1. Bus fares freeze.",
        "2. More street lights.",
        "The mayor said the plan would be paid for without raising local taxes this year.",
        "Opposition councillors said the figures had not been checked by the auditors yet.",
        "A public meeting on the plan will be held at the town hall next month.",
    ]
    promo = "Get the Harbour Times app"
    cleaner = Cleaner(options=CleanOptions(min_recurring=3))
    copies = [
        RawDocument("a.txt", "\n".join(["Council sets out its priorities", *story, promo])),
        RawDocument("b.txt", "\n".join(["Council plan: fares frozen, more lights", *story[:-1], promo])),
        RawDocument("c.txt", "\n".join(["Council sets out its priorities", *story])),
    ]
    others = [RawDocument(f"{n}.txt", "\n".join([*s, promo])) for n, s in enumerate(OTHER_STORIES)]
    for doc in [*copies, *others]:
        cleaner.observe(doc)
    assert cleaner.copies(copies[0].text) >= 2 and cleaner.copies(others[0].text) == 1
    for doc in copies:
        result = cleaner.clean(doc)
        for line in ("What changes", "1. Bus fares freeze.", "2. More street lights."):
            assert line in result.main.text.split("\n\n"), (doc.source, line)
    assert (promo, "recurring") in [(r.line, r.reason) for r in cleaner.clean(others[0]).main.removed]


SECOND_STORY = [
    "Heavy rain floods vineyards in the southern valley",
    "Farmers in the southern valley lost much of this year's grape harvest after two days of heavy rain flooded low fields.",
    "The regional agriculture office said about a third of the vines were under water on Sunday morning.",
    "Growers' associations asked the government for emergency loans to cover the losses before the winter pruning season.",
    "Wine prices from the region are expected to rise next year, traders at the autumn fair in the capital said.",
]


def test_unrelated_appended_story_is_split_off() -> None:
    result = clean(page() + "\n" + "\n".join(SECOND_STORY))
    assert len(result.appended) == 1
    appended = result.appended[0]
    assert appended.title == SECOND_STORY[0]
    assert SECOND_STORY[1] in appended.text
    assert "vineyards" not in result.main.text
    assert_body_intact(result)


def test_long_article_with_sections_is_not_split() -> None:
    sections = page() + "\n" + "\n".join(
        [
            "What the closure means for drivers",
            "Drivers who cross the harbour bridge every day will need to plan longer trips while the bridge is closed.",
            "The council said the northern ring road would get extra lanes and new traffic lights before the closure starts.",
            "Bridge repairs and the ferry service",
            "The repairs to the bridge supports will cost about 40 million, and the council hopes to reopen the bridge early.",
            "The ferry for cyclists and pedestrians will run every fifteen minutes while the harbour bridge is closed.",
        ]
    )
    result = clean(sections)
    assert result.appended == ()
    assert "What the closure means for drivers" in result.main.text


def test_hard_wrapped_text_keeps_its_paragraphs() -> None:
    text = (
        "Bridge closes\n\n"
        "The city council voted on Tuesday to close the old harbour bridge to\n"
        "cars for at least two years after engineers found cracks in three of\n"
        "the bridge's steel supports during an inspection in March this year.\n\n"
        "Drivers will be diverted through the northern ring road, which the\n"
        "officials expect to add about ten minutes to an average trip across\n"
        "the city, the transport office said in a statement on Wednesday.\n"
    )
    result = clean(text)
    assert result.main.title == "Bridge closes"
    assert result.main.text.count("\n\n") == 1
    assert result.main.text.startswith("The city council voted on Tuesday to close the old harbour bridge to cars")


def test_every_reason_is_documented() -> None:
    result = clean(page(top=["Home › World"], middle={1: ["Advertisement", "(Photo: X)"]}, tail=["3 comments"]))
    assert {r.reason for r in result.main.removed} <= set(REASONS)


def test_non_english_text_keeps_its_lines() -> None:
    text = "Titre de l'article\nLe conseil municipal a voté mardi la fermeture du pont.\nPublicité\nLes travaux dureront deux ans."
    result = clean(text)
    assert "Publicité" in result.main.text
    assert result.main.title == "Titre de l'article"


@pytest.mark.parametrize("text", ["", "\n\n\n", "   ", "\x00\x01", "a", "—", "| | |", "1.\n2.\n3."])
def test_degenerate_inputs_do_not_raise(text: str) -> None:
    result = clean(text)
    assert isinstance(result.main.text, str)


def test_short_list_introduced_by_a_colon_is_kept() -> None:
    items = ["Bridge: closed", "Ferry: open", "Ring road: busy", "Buses: diverted", "Trams: normal", "Bikes: ferry"]
    result = clean(page(middle={2: ["The status of each route this week:", *items]}))
    for item in items:
        assert item in result.main.text.split("\n\n")


def test_a_list_at_the_tail_introduced_by_a_long_sentence_ending_with_a_colon_is_kept() -> None:
    # the article ends with the list its last sentence announces: places, short lines with commas, which
    # would otherwise read as a menu of links
    lead = ("To help the health agencies slow the spread of the fever, the ferry company will carry residents "
            "of the following districts free of charge from now until the end of the month, it said on its blog:")
    items = ["Harbourside, Kestrel", "Upper Marren Region, Kestrel", "Tollan, Vesk", "Dunmore (Old Town), Vesk"]
    result = clean(page(tail=[lead, *items]))
    assert_body_intact(result)
    for item in [lead, *items]:
        assert item in result.main.text.split("\n\n"), item


def test_a_paragraph_whose_page_words_are_the_storys_subject_is_kept() -> None:
    # a technology story: "download" and "player" are its news, not the page talking
    lines = [
        "Phones take on the music player",
        "Two handset makers agreed on Monday to sell songs straight to their phones, the firms said.",
        "Will the phone replace the music player in your pocket? The download market has grown fast since "
        "labels began selling songs online, and cheap data plans help.",
        "Full-length song downloads on phones have been slow to take off, held back by battery life.",
        "Analysts expect download sales to phones to double next year as prices fall further.",
        "Handset makers say a phone that doubles as a player will sell well among younger buyers.",
    ]
    result = clean("\n".join(lines))
    assert lines[2] in result.main.text.split("\n\n")
    # an app's promo after a story about something else still goes
    promo = "For more news your way, download the Harbour Times app for your phone and tablet today."
    result = clean(page(tail=[promo]))
    assert_body_intact(result)
    assert promo not in result.main.text


def test_a_short_story_under_a_sites_footer_sentences_is_no_copy() -> None:
    # Three footer sentences every page of the site carries outnumber a short story's own sentences;
    # the story is still one document, and a site-wide label above its footer still recurs.
    footer = [
        "All content on this site is copyright of the Harbour Times and may not be republished without permission.",
        "Letters to the editor may be edited for length and clarity before they appear in print or online.",
        "Our journalism is funded by readers, and every subscription helps us keep reporting on the harbour.",
    ]
    label = "Harbour Times Local Desk"
    stories = [[TITLE, BODY[0], BODY[2]], *OTHER_STORIES]
    docs = [RawDocument(f"{n}.txt", "\n".join([*story[:3], label, *footer])) for n, story in enumerate(stories)]
    cleaner = Cleaner(options=CleanOptions(min_recurring=3))
    for doc in docs:
        cleaner.observe(doc)
    assert cleaner.copies(docs[0].text) == 1
    assert (label, "recurring") in [(r.line, r.reason) for r in cleaner.clean(docs[0]).main.removed]
