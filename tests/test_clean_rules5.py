"""Structural residue rules of the fifth round (fixture texts written for these tests, not taken from data).

Each rule has a residue case and a body line that the rule must not remove.
"""

from __future__ import annotations

from clean_fixtures import FERRY as ARTICLE
from clean_fixtures import FERRY_TITLE as TITLE
from clean_fixtures import clean_page as clean
from clean_fixtures import paragraphs, reason_of


# -- a video's title with its duration ---------------------------------------------------------------
def test_video_title_and_its_line_with_the_duration_are_removed() -> None:
    video = "Islanders wave as the ferry leaves port"
    text = "\n\n".join([TITLE, *ARTICLE[:2], f"{ARTICLE[2]}\n{video}", f"{video} 2:14", *ARTICLE[3:]])
    result = clean(text)
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, video) == reason_of(result, f"{video} 2:14") == "media"


def test_a_lone_clip_line_with_an_hour_long_duration_goes() -> None:
    line = "Full council debate on the ferry contract 1:02:45"
    result = clean("\n\n".join([TITLE, *ARTICLE[:3], line, *ARTICLE[3:]]))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, line) == "media"


def test_times_of_day_and_sentences_with_a_time_stay() -> None:
    heading = "Harbour master's statement at 10:30"
    sentence = "The first sailing left the harbour at 06:45."
    body = [*ARTICLE[:2], heading, sentence, *ARTICLE[2:]]
    result = clean("\n\n".join([TITLE, *body]))
    assert paragraphs(result) == body


def test_a_title_line_next_to_another_clip_stays() -> None:
    sub = "Repairs to the second ramp"  # a sub-heading: not the title of the clip below it
    body = [*ARTICLE[:2], sub, *ARTICLE[2:]]
    text = "\n\n".join([TITLE, *ARTICLE[:2], f"{sub}\nIslanders wave as the ferry leaves port 2:14", *ARTICLE[2:]])
    assert paragraphs(clean(text)) == body


# -- a gallery's position counter --------------------------------------------------------------------
def test_gallery_position_counters_are_removed() -> None:
    lines = ["1 of 12", "Photo 3 of 12", "Image 4/12"]
    result = clean("\n\n".join([TITLE, *ARTICLE[:2], *lines, *ARTICLE[2:]]))
    assert paragraphs(result) == ARTICLE
    assert {reason_of(result, line) for line in lines} == {"counter"}


def test_a_score_with_a_subject_stays() -> None:
    line = "Ferries on time 9 of 10"
    body = [*ARTICLE[:2], line, *ARTICLE[2:]]
    assert paragraphs(clean("\n\n".join([TITLE, *body]))) == body


# -- a lone indented line: a one-item link box ---------------------------------------------------------
def test_a_lone_indented_teaser_between_paragraphs_is_removed() -> None:
    teaser = "Hands on: the new harbour ferry reviewed"
    text = "\n\n".join([TITLE, *ARTICLE[:2], f"    {teaser}", *ARTICLE[2:]])
    result = clean(text)
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, teaser) == "related links"


def test_indented_lists_quotations_and_indented_pages_stay() -> None:
    items = ["    Harbour Road closed until Friday", "    North pier open to foot passengers"]
    quote = "\tWe will not leave the islanders without a ferry for another winter, whatever it costs."
    text = "\n\n".join([TITLE, ARTICLE[0], "\n".join(items), ARTICLE[1], quote, *ARTICLE[2:]])
    kept = [ARTICLE[0], *(i.strip() for i in items), ARTICLE[1], quote.strip(), *ARTICLE[2:]]
    assert paragraphs(clean(text)) == kept
    indented = "\n\n".join([TITLE] + [f"    {p}" for p in ARTICLE[:2]] + ["    Repairs to the ramp"] + [f"    {p}" for p in ARTICLE[2:]])
    assert "Repairs to the ramp" in paragraphs(clean(indented))


# -- a caption naming where its subjects stand -----------------------------------------------------------
def test_a_caption_with_a_picture_position_is_removed() -> None:
    caption = "The harbour master (second left) and the ferry's captain at the landing ramp"
    result = clean("\n\n".join([TITLE, *ARTICLE[:2], caption, *ARTICLE[2:]]))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, caption) == "caption"


def test_a_sentence_saying_pictured_stays() -> None:
    sentence = "The harbour master (pictured) thanked the crew for working through the night."
    body = [*ARTICLE[:2], sentence, *ARTICLE[2:]]
    assert paragraphs(clean("\n\n".join([TITLE, *body]))) == body
