"""The page's first line is the headline even when its shape resembles a caption or a link (texts written for these tests)."""

from __future__ import annotations

from clean_fixtures import BODY, TITLE, paragraphs, reason_of
from clean_fixtures import clean_page as clean
from newsbrief.clean_lines import labelled_headline


def test_a_caption_under_the_headline_does_not_take_the_headline() -> None:
    result = clean("\n".join([TITLE, "Traffic on the old bridge at dusk. (Photo: Jane Roe/Harbour Times)", *BODY]))
    assert result.main.title == TITLE
    assert reason_of(result, "Traffic on the old bridge at dusk. (Photo: Jane Roe/Harbour Times)") == "caption"
    # lower down, a non-prose line next to a credit is still part of the caption
    inner = "\n".join([TITLE, *BODY[:2], "The bridge seen from the ferry pier", "Photo: Jane Roe/Harbour Times", *BODY[2:]])
    assert reason_of(clean(inner), "The bridge seen from the ferry pier") == "caption"


def test_a_headline_printed_three_times_at_the_top_is_the_headline_once() -> None:
    headline = "Harbour bridge will close to all cars for at least two years, council says"
    result = clean("\n\n".join([headline, headline, headline, *BODY]))
    assert result.main.title == headline
    assert headline not in paragraphs(result)
    assert all(sentence in paragraphs(result) for sentence in BODY)


def test_a_media_labelled_headline_opening_the_page_is_the_headline() -> None:
    for first in (
        "PICTURES: Crowds cross the old harbour bridge one last time",
        "Listen: Engineers explain the cracks in the harbour bridge",
        "Harbour bridge closes after a century of traffic (VIDEO)",
        "Harbour bridge closes after a century of traffic - harbourtimes.example",
    ):
        result = clean("\n".join([first, *BODY]))
        assert result.main.title == first, first
    # the same shape between paragraphs is a link to another story
    link = "Watch: Divers inspect the harbour bridge supports"
    assert reason_of(clean("\n".join([TITLE, *BODY[:2], link, *BODY[2:]])), link) == "link"


def test_labelled_headline_needs_a_title_after_the_label() -> None:
    assert labelled_headline("VIDEO: Divers inspect the bridge supports")
    assert not labelled_headline("Photo: Jane Roe/Reuters")
    assert not labelled_headline("Read more: Bridge")
    assert not labelled_headline("Divers inspect the bridge supports")


def test_a_flattened_page_after_a_label_is_not_a_link() -> None:
    flattened = "Watch live: " + " ".join(BODY) + " The ferry will run every twenty minutes from"
    result = clean("\n".join([TITLE, flattened]))
    assert flattened in paragraphs(result)
