"""The appended-story split (clean_split) on texts written for these tests, and its measurement on real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from clean_fixtures import BODY, TITLE, clean_page, paragraphs
from conftest import shared_data
from newsbrief.clean import Cleaner
from newsbrief.clean_split import background_idf
from newsbrief.evaluate_appended import evaluate_appended, glue, load_stories, totals
from newsbrief.settings import CleanOptions

# The host page: the bridge story of the fixtures with four more paragraphs.
HOST = [
    TITLE,
    *BODY,
    "Shops near the southern end of the bridge fear they will lose customers, the local traders' association said.",
    "The council promised to review the closure every six months and to publish the engineers' reports online.",
    "Residents of the old town asked for a second ferry stop near the hospital, and the transport office agreed.",
    "The bridge opened in 1931 and carries about forty thousand vehicles a day, according to the latest count.",
]

AIRLINE_TITLE = "Airline profits fall as fuel prices climb"
AIRLINE = [
    "Profits at Skyway, the country's second-largest airline, fell by a fifth in the first quarter as fuel prices rose.",
    "The carrier blamed jet fuel for most of the decline and said it would raise ticket prices on long-haul routes.",
    "Its chief executive, Dana Whitfield, told analysts that bookings for the summer were stronger than a year ago.",
    "Skyway shares dropped four percent in early trading in Frankfurt before recovering most of the loss by noon.",
]


def test_background_idf_weighs_common_words_little() -> None:
    assert background_idf("said") < 3 < background_idf("frankfurt")
    assert background_idf("frankfurt") < background_idf("zzqxv")  # unknown words weigh the most


def test_a_short_headline_sharing_a_word_with_the_page_still_starts_a_story() -> None:
    # "profits" is in the host's text too: one shared, common-ish word is no section heading
    host = [*HOST, "The council said the closure would not hurt the port's profits this year."]
    result = clean_page("\n".join([*host, AIRLINE_TITLE, *AIRLINE]))
    assert len(result.appended) == 1
    assert result.appended[0].title == AIRLINE_TITLE
    assert AIRLINE[0] in result.appended[0].text
    assert "Skyway" not in result.main.text
    assert set(BODY) <= set(paragraphs(result))


def test_a_long_headline_over_a_standfirst_starts_a_story() -> None:
    # 16 words read like a sentence, but a headline does not end like one; a one-line standfirst under it
    title = "Airline profits fall by a fifth as jet fuel prices climb and summer bookings stay strong"
    text = "\n".join([*HOST, title, "Shares recover most of the early loss", *AIRLINE])
    result = clean_page(text)
    assert len(result.appended) == 1
    assert result.appended[0].title == title
    assert "Skyway" not in result.main.text


def test_the_appended_storys_headline_above_its_byline_goes_with_it() -> None:
    text = "\n".join([*HOST, AIRLINE_TITLE, "By Maria Lopez", "Published 4 May 2021", *AIRLINE])
    result = clean_page(text)
    assert len(result.appended) == 1
    assert result.appended[0].text.split("\n\n")[0] == AIRLINE[0]
    assert AIRLINE_TITLE not in result.main.text
    assert "Maria Lopez" not in result.main.text


FERRY_TITLE = "Ferry fares rise in spring"
FERRY = [
    "The ferry company serving the islands will raise its fares by eight percent in April, its owners announced.",
    "Passengers on the early sailings to the islands pay the most, and a consumer group said it would complain.",
    "The company said diesel and wages had pushed its costs up, and that the islands' routes lost money in winter.",
]


def test_a_same_section_story_under_a_short_headline_naming_nothing_of_the_page_headline_is_split_off() -> None:
    # a local story under a five-word headline: a section heading's shape, but nothing after it names the
    # page's harbour bridge — a story of the same section glued on, not a section of the bridge story
    ending = "Island councillors said the rise would hurt families who cross daily for school and for work."
    result = clean_page("\n".join([*HOST, FERRY_TITLE, *FERRY, ending]))
    assert [a.title for a in result.appended] == [FERRY_TITLE]
    assert "diesel" not in result.main.text and set(BODY) <= set(paragraphs(result))
    # the same words going on about the bridge: a section of the page's story, kept
    ending = "Island councillors said the rise would hurt families who used to cross the bridge daily for school."
    assert clean_page("\n".join([*HOST, FERRY_TITLE, *FERRY, ending])).appended == ()


def test_paragraphs_on_other_aspects_of_one_story_are_not_cut() -> None:
    # the same story goes on with a paragraph on the ferry and one on the shops: no heading, some overlap
    text = "\n".join(
        [
            *HOST,
            "The bridge closure also means the harbour ferry will carry cars on weekdays, the council said.",
            "Council engineers will inspect the bridge supports again in June before the repairs start.",
            "Traders near the bridge asked the council for a cut in business rates during the closure.",
        ]
    )
    assert clean_page(text).appended == ()


WIRE = (
    "NAIROBI (Reuters) - Kenya's central bank left its benchmark lending rate unchanged at nine percent on "
    "Wednesday, saying inflation was within its target range and the shilling had been stable against the dollar "
    "for three months. Governor Patrick Njoroge told reporters that the monetary policy committee saw no need to "
    "tighten, although food prices had risen after a poor harvest in the east and the north. Analysts polled "
    "before the meeting had expected the decision, and bond yields barely moved after it. The bank said private "
    "sector credit growth remained weak, at about four percent a year, well below the pace the government wants "
    "to see, and it urged commercial lenders to pass lower funding costs on to small businesses. Tea and "
    "horticulture exports earned more foreign currency than a year earlier, while remittances from Kenyans "
    "abroad reached a record, the committee said in its statement. The committee will meet again in July, when "
    "economists expect a cut if drought does not push maize and milk prices higher during the dry season. "
    "Treasury officials welcomed the decision, saying steady borrowing costs would help farmers and traders "
    "recover from last year's floods in the western counties and along the coast near Mombasa. Shares of "
    "Safaricom and the big lenders rose slightly on the Nairobi bourse after the announcement."
)


def test_a_wire_story_in_one_paragraph_opening_with_its_dateline_is_split_off() -> None:
    result = clean_page("\n".join([*HOST, WIRE]))
    assert len(result.appended) == 1
    assert "Njoroge" in result.appended[0].text
    assert "Njoroge" not in result.main.text


REVIEW = (
    "The first thing you notice is how quickly the cars move: the screen scrolls so fast that corners arrive "
    "before you have seen them, and the brakes seem to answer a second late whether you use the keypad or the "
    "joystick. After an hour the tracks start to make sense, and the game rewards patience, because every race "
    "unlocks a faster car and a longer circuit through the desert, the harbour or the mountain pass. The music "
    "is loud and cheerful, the menus are simple, and a full race takes about three minutes, which suits a bus "
    "ride well. Battery life suffers, though, and the phone grew warm after twenty minutes of play. Two players "
    "can race each other over a short-range radio link if both own the game, and the lag was hardly noticeable "
    "when we tried it on a train. At five pounds it is cheaper than most racing titles on the store this month."
)


def test_one_long_review_under_a_headline_like_line_stays_in_its_article() -> None:
    # a list of reviews, each one long paragraph under a capitalised title: one article, not two stories
    text = "\n".join(
        [
            "Mobile games grow up",
            "Games on phones have become far more ambitious this year, with racing, puzzles and football all on offer.",
            "Publishers say players now spend longer on each session and are willing to pay for complete games.",
            "We tried three of the new titles on the train and at home to see which are worth the money.",
            "Each of them runs on most phones sold in the last two years, and all three cost under ten pounds.",
            "SPEED KINGS (ACME GAMES)",
            REVIEW,
        ]
    )
    assert clean_page(text).appended == ()


def test_glue_styles() -> None:
    assert glue(["a"], "T", ["b."], "headline+byline").split("\n\n")[:3] == ["a", "T", "By Staff Reporter"]
    assert glue(["a"], "T", ["WASHINGTON (AP) _ b."], "dateline").endswith("WASHINGTON (AP) _ b.")
    assert glue(["a"], "T", ["b."], "bare") == "a\n\nb."


@pytest.mark.data
def test_eval_appended_on_wikinews_and_wikiref() -> None:
    data = shared_data()
    cleaner = Cleaner(options=CleanOptions())
    stories = load_stories(["multiling", "wikiref"], Path(data), cleaner=cleaner)
    assert len(stories) >= 300
    scores = evaluate_appended(stories, cleaner=cleaner)
    headed, bare = totals(scores, bare=False)["all"], totals(scores, bare=True)["all"]
    # measured 0.856 (822/960) for the headed styles; bare glued stories are not cut (clean_split)
    assert headed.articles == bare.articles == len(stories)
    assert headed.false_splits == 0
    assert headed.recall >= 0.82
    assert bare.false_splits == 0


@pytest.mark.data
def test_cli_eval_clean_appended_prints_every_row_and_the_totals() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    data = shared_data()
    result = CliRunner().invoke(
        app, ["eval", "clean", "appended", "--data", str(data), "--collection", "multiling"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.split()[:4] == ["multiling", "any", "headline", "report"] for line in lines)
    totals_row = next(line for line in lines if line.split()[:5] == ["all", "-", "headed", "styles", "all"])
    assert totals_row.endswith("0/100 (0.00%)")  # no WikiNews article split alone


def test_cli_eval_clean_appended_rejects_an_unknown_collection() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["eval", "clean", "appended", "--collection", "reuters"])
    assert result.exit_code == 2
    assert "unknown collection 'reuters'" in result.output


def test_cli_eval_clean_appended_names_a_missing_collection_folder(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["eval", "clean", "appended", "--data", str(tmp_path), "--collection", "wikiref"])
    assert result.exit_code == 2
    assert "WikiRef220: not found (the 'wikiref' collection)" in result.output
