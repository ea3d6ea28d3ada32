"""Structural rules of the twelfth round (fixture texts written for these tests).

Each rule has residue cases (removed now, kept by the eleventh round's cleaner) and body cases that
must be kept, in wordings the rules were not written from.
"""

from __future__ import annotations

import pytest

from clean_fixtures import BODY, FERRY, FERRY_TITLE, TITLE, clean_page, paragraphs, reason_of


def page(title: str, body: list[str], *, top: list[str] = (), tail: list[str] = ()) -> str:  # type: ignore[assignment]
    return "\n\n".join([title, *top, *body, *tail])


# --- the writer's note ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Priya Nair is a senior correspondent for the Northern Courier. Follow her on Twitter at @pnair_news.",
        "The writer is a former diplomat and a visiting fellow at the Institute for Maritime Studies.",
        "Tomás Berg is an economics editor at the Daily Ledger. You can e-mail him at tberg@example.org.",
    ],
)
def test_a_note_on_the_writer_closing_the_page_is_removed(note: str) -> None:
    result = clean_page(page(TITLE, BODY, tail=[note]))
    assert reason_of(result, note) in {"author note", "contact"}  # an address alone makes it a contact line
    assert paragraphs(result) == BODY


def test_a_note_on_the_writer_named_in_the_byline_is_removed() -> None:
    note = "Karin Volk is professor of urban planning at the University of Hallstadt and has advised three city councils."
    result = clean_page(page(TITLE, BODY, top=["By Karin Volk"], tail=[note]))
    assert reason_of(result, note) == "author note"
    assert paragraphs(result) == BODY


@pytest.mark.parametrize(
    "sentence",
    [
        # the story's own sentence about a person, no sign that it is the writer
        "Omar Haddad is a freelance reporter for several European papers and was held for three days.",
        # a contributor note closing a column, naming nobody as its writer (kept, as in the tenth round)
        "Lena Fischer is a regular commentator on transport policy.",
        # a quotation
        "\"The author is a fraud,\" the publisher's lawyer said.",
    ],
)
def test_a_sentence_about_a_person_at_the_end_is_kept(sentence: str) -> None:
    result = clean_page(page(TITLE, BODY, tail=[sentence]))
    assert sentence in paragraphs(result)


def test_a_note_on_the_writer_between_paragraphs_is_kept() -> None:
    note = "Priya Nair is a senior correspondent for the Northern Courier. Follow her on Twitter at @pnair_news."
    body = FERRY[:2] + [note] + FERRY[2:] + BODY[:2]
    result = clean_page(page(FERRY_TITLE, body))
    assert note in paragraphs(result)


# --- the outlet's "more news" promo -----------------------------------------------------------------


@pytest.mark.parametrize(
    "promo",
    [
        "For the latest weather and traffic news from the valley, download the Valley Times app.",
        "To keep up with more local stories, follow the Harbour Gazette on Instagram.",
        "Get breaking news alerts and the top headlines of the day in your inbox: sign up for our morning briefing.",
    ],
)
def test_a_promo_for_the_outlets_other_news_is_removed(promo: str) -> None:
    result = clean_page(page(TITLE, BODY, tail=[promo]))
    assert reason_of(result, promo) in {"tail prompt", "interface"}
    assert paragraphs(result) == BODY


@pytest.mark.parametrize(
    "sentence",
    [
        "The transport office said it would post the latest updates on the closure on its website.",
        "For more news on the bridge, residents were told to watch the council's noticeboard.",  # no channel word
    ],
)
def test_a_closing_sentence_about_news_of_the_story_is_kept(sentence: str) -> None:
    result = clean_page(page(TITLE, BODY, tail=[sentence]))
    assert sentence in paragraphs(result)


# --- the site's notices -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "notice",
    [
        "We may earn a commission when you buy something through the retail links in this review.",
        "Copyright 2020 Valley Times. All rights reserved.",
        "The views expressed in this column are the writer's own and do not necessarily reflect those of the paper.",
        "Scores and fixtures supplied by a statistics agency. This article was originally published by the Valley Times.",
        "Data supplied by the league's statistics office.",
    ],
)
def test_a_site_notice_at_the_edge_is_removed(notice: str) -> None:
    result = clean_page(page(TITLE, BODY, tail=[notice]))
    assert reason_of(result, notice) is not None
    assert paragraphs(result) == BODY


@pytest.mark.parametrize(
    "sentence",
    [
        "The retailer said it would cut the commission it pays to affiliate websites from March.",
        "Under the ruling, the photographs may not be reproduced without the family's consent.",
    ],
)
def test_a_story_sentence_in_a_notices_words_is_kept(sentence: str) -> None:
    result = clean_page(page(TITLE, BODY, tail=[sentence]))
    assert sentence in paragraphs(result)


# --- machine codes and sign-offs --------------------------------------------------------------------


@pytest.mark.parametrize("code", ["FEEDX0412201900120000ID2205514411", "--NNA", "—XNA", "(kq)", "tr/pl"])
def test_a_tracking_code_or_a_sign_off_is_removed(code: str) -> None:
    result = clean_page(page(TITLE, BODY, tail=[code]))
    assert reason_of(result, code) == "identifier"
    assert paragraphs(result) == BODY


@pytest.mark.parametrize("line", ["- GPS", "2021", "A380"])
def test_a_short_item_or_number_is_no_identifier(line: str) -> None:
    body = BODY[:2] + ["The new trains will carry:", line, "- seat reservations", BODY[2]]
    result = clean_page(page(TITLE, body))
    assert reason_of(result, line) != "identifier"


# --- "Like" as a preposition is no prompt -------------------------------------------------------------


def test_a_sentence_opening_with_like_as_a_preposition_is_kept() -> None:
    sentence = "Like the previous comment period, the consultation on the bridge will stay open for six weeks."
    result = clean_page(page(TITLE, BODY[:2] + [sentence] + BODY[2:]))
    assert sentence in paragraphs(result)


def test_like_us_is_still_a_prompt() -> None:
    prompt = "Like us on Facebook"
    result = clean_page(page(TITLE, BODY, tail=[prompt]))
    assert reason_of(result, prompt) is not None


# --- prompts closing a flattened page's last paragraph ------------------------------------------------


def test_prompts_closing_the_last_paragraph_are_split_off() -> None:
    flattened = " ".join(BODY[2:])  # a flattened page: the closing paragraphs scraped as one
    result = clean_page(page(TITLE, BODY[:2] + [flattened + " Share this: Email Twitter Facebook Like this: Like Loading.."]))
    assert paragraphs(result) == BODY[:2] + [flattened]
    assert reason_of(result, "Share this: Email Twitter Facebook Like this: Like Loading..") == "tail prompt"


def test_a_closing_sentence_of_the_story_is_not_split_off() -> None:
    last = " ".join(BODY[2:]) + " Drivers were told to follow the signs to the northern ring road from Monday."
    result = clean_page(page(TITLE, BODY[:2] + [last]))
    assert paragraphs(result)[-1] == last


@pytest.mark.parametrize("quote", ['"Sign up early, the ferry will be busy,"', "``Sign up early, the ferry will be busy,''"])
def test_a_closing_quotation_is_not_split_off(quote: str) -> None:
    # newswire writes its quotation marks as `` and '' (DUC, LDC)
    last = " ".join(BODY[2:]) + f" {quote} the operator said."
    result = clean_page(page(TITLE, BODY[:2] + [last]))
    assert paragraphs(result)[-1] == last
