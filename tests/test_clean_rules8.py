"""Structural rules of the eighth round (fixture texts written for these tests).

Residue after the text that the earlier rules missed: a box header above a newsletter prompt that
reads as a sentence, a page's last short line under a tag bar (any language), the control line
repeated above each reader comment (any language), a labelled line of keywords at the end (any
language), and a story's title labelled with the site it is on.  Each rule has a residue case (the
eighth round's cleaner removes it, the seventh's kept it) and a body case that must be kept.
"""

from __future__ import annotations

from clean_fixtures import BODY, TITLE, paragraphs, reason_of
from clean_fixtures import clean_page as clean
from newsbrief.clean_lines import LineShape, is_site_labelled_link

#: A Dutch article (not English: only the rules that read no words run on it).
NL_TITLE = "Gemeente sluit de oude havenbrug twee jaar voor het verkeer"
NL_BODY = [
    "De gemeenteraad heeft dinsdag besloten de oude havenbrug minstens twee jaar voor auto's te sluiten.",
    "Bij een inspectie in maart vonden ingenieurs scheuren in drie van de stalen steunen van de brug.",
    "Automobilisten worden omgeleid via de noordelijke ringweg, wat volgens de gemeente tien minuten extra kost.",
    "Voor fietsers en voetgangers vaart vanaf volgende maand een tijdelijke pont tussen de twee oevers.",
]


def page(*lines: str, title: str = TITLE) -> str:
    return "\n\n".join([title, *lines])


# --- a box header above a prompt that reads as a sentence ---------------------------------------

PROMPT = "Sign up: get the best of our reporting in your inbox every morning with our free newsletter."


def test_a_header_above_a_long_newsletter_prompt_goes_with_it() -> None:
    result = clean(page(*BODY, "Trending at the Gazette", PROMPT))
    assert reason_of(result, PROMPT) == "interface"
    assert reason_of(result, "Trending at the Gazette") == "interface"
    assert paragraphs(result) == BODY


def test_a_name_above_comments_that_read_as_prose_is_kept() -> None:
    comments = [
        "4 thoughts on “Harbour bridge to close for two years”",
        "I cross that bridge every single morning and I had no idea the supports were in such a bad state.",
        "The ferry will be packed, I expect, but it is better than the ring road in the morning rush.",
    ]
    result = clean(page(*BODY, "Jane Roe", *comments))
    assert reason_of(result, comments[1]) == "comments"
    assert "Jane Roe" in paragraphs(result)


def test_a_closing_short_line_of_the_article_is_kept() -> None:
    result = clean(page(*BODY, "Bridge works", BODY[0]))
    assert "Bridge works" in paragraphs(result)


# --- the page's last short line after residue at the tail, any language ------------------------


def test_the_last_short_line_under_a_tag_bar_goes_with_it() -> None:
    result = clean(page(*NL_BODY, "Geplaatst in: Verkeer |", "Laat een reactie achter", title=NL_TITLE))
    assert reason_of(result, "Geplaatst in: Verkeer |") == "navigation"
    assert reason_of(result, "Laat een reactie achter") == "navigation"
    assert paragraphs(result) == NL_BODY


def test_a_short_sentence_or_a_name_after_a_date_line_ends_the_text() -> None:
    signed = clean(page(*NL_BODY, "Bijgewerkt 05/10/2018 14:30", "Anna de Vries", title=NL_TITLE))
    assert reason_of(signed, "Bijgewerkt 05/10/2018 14:30") == "date line"
    assert "Anna de Vries" in paragraphs(signed)
    sentence = clean(page(*NL_BODY, "Geplaatst in: Verkeer |", "Wordt vervolgd.", title=NL_TITLE))
    assert "Wordt vervolgd." in paragraphs(sentence)


def test_the_last_line_after_a_kept_paragraph_is_not_taken() -> None:
    result = clean(page(*NL_BODY, "Tot volgende week", title=NL_TITLE))
    assert "Tot volgende week" in paragraphs(result)


# --- a control line repeated above each reader comment, any language ---------------------------


def test_a_control_line_repeated_above_comments_starts_the_comments() -> None:
    comments = ["Permalink", "Wat een goed nieuws voor de fietsers!", "Permalink", "Eindelijk, die brug was gevaarlijk"]
    result = clean(page(*NL_BODY, *comments, title=NL_TITLE))
    for line in comments:
        assert reason_of(result, line) == "comments"
    assert paragraphs(result) == NL_BODY


def test_a_spec_table_with_repeated_values_after_the_text_is_kept() -> None:
    table = ["Bluetooth", "Ja", "NFC", "Ja", "Draadloos laden", "Nee", "Koptelefoonaansluiting", "Ja"]
    result = clean(page(*NL_BODY, *table, title=NL_TITLE))
    assert paragraphs(result) == [*NL_BODY, *table]


def test_a_sub_heading_repeated_inside_the_text_is_kept() -> None:
    lines = [NL_BODY[0], "Kosten", NL_BODY[1], NL_BODY[2], "Kosten", NL_BODY[3]]
    result = clean(page(*lines, title=NL_TITLE))
    assert paragraphs(result) == lines


# --- a labelled line of keywords at the end, any language ---------------------------------------

TAGS = "havenbrug, gemeenteraad, verkeer in de stad, pont voor fietsers, ringweg noord"


def test_a_label_and_a_line_of_keywords_at_the_end_are_tags() -> None:
    result = clean(page(*NL_BODY, "Trefwoorden", TAGS, title=NL_TITLE))
    assert reason_of(result, "Trefwoorden") == "navigation"
    assert reason_of(result, TAGS) == "navigation"
    assert paragraphs(result) == NL_BODY


def test_a_list_of_names_at_the_end_and_keywords_inside_the_text_are_kept() -> None:
    names = "Amsterdam, Rotterdam, Utrecht, Den Haag, Eindhoven"
    result = clean(page(*NL_BODY, "Steden", names, title=NL_TITLE))
    assert paragraphs(result)[-2:] == ["Steden", names]
    inside = [NL_BODY[0], "Materialen", "staal, beton, asfalt, hout, glas", *NL_BODY[1:]]
    assert paragraphs(clean(page(*inside, title=NL_TITLE))) == inside


# --- a story's title labelled with its site ------------------------------------------------------

SITE_LINK = "Also on example.com Storm closes the harbour bridge for a second winter running"


def test_a_title_labelled_with_its_site_is_a_link() -> None:
    lines = [*BODY[:2], SITE_LINK, *BODY[2:]]
    result = clean(page(*lines))
    assert reason_of(result, SITE_LINK) == "link"
    assert paragraphs(result) == BODY
    dutch = "Ook op voorbeeld.nl Storm sluit de havenbrug voor de tweede winter op rij"
    assert reason_of(clean(page(NL_BODY[0], dutch, *NL_BODY[1:], title=NL_TITLE)), dutch) == "link"


def test_a_company_named_by_its_address_and_a_sentence_are_kept() -> None:
    company = "Amazon.com Chief Executive Andy Jassy at the opening of the new harbour depot in June"
    sentence = "Readers can find the full inspection report on harbour-council.org since Tuesday morning."
    short = "Jane Doe, editor, example.com"
    for line in (company, sentence, short):
        assert not is_site_labelled_link(line, LineShape.of(line))
    lines = [*BODY[:2], sentence, *BODY[2:]]
    assert paragraphs(clean(page(*lines))) == lines
