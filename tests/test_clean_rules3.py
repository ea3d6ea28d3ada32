"""Structural residue rules of the third round (fixture texts written for these tests, not taken from data).

Each rule has a residue case and a body line that the rule must not remove.
"""

from __future__ import annotations

import pytest

from clean_fixtures import paragraphs, reason_of
from newsbrief.clean import Cleaner
from newsbrief.model import CleanResult, RawDocument
from newsbrief.settings import CleanOptions

TITLE = "Orchard growers count the cost of a late frost"
ARTICLE = [
    "A hard frost in the second week of May destroyed much of the apple blossom in the valley, growers said on Friday.",
    "Several farms reported losing more than half of their expected crop, and some small orchards lost nearly all of it.",
    "The regional growers' association asked the agriculture ministry for emergency help to cover the losses.",
    "Pear and cherry trees, which flowered earlier, were less affected, according to a survey by the association.",
    "Insurers said claims were still arriving and that the full cost would not be known before the harvest in autumn.",
]


def clean(lines: list[str], *, title: str | None = TITLE, source: str = "t.txt") -> CleanResult:
    text = "\n".join(lines if title is None else [title, *lines])
    return Cleaner(options=CleanOptions()).clean(RawDocument(source, text))



# -- comment widgets with a title-case header -------------------------------------------------------
COMMENTS = [
    "Honestly I think the growers should have planted later varieties years ago, this happens every decade.",
    "My grandfather lost a whole season the same way and nobody helped him, so good luck getting money now.",
    "Does anyone know if the cider makers will raise their prices again next year because of this?",
]


def test_titled_comment_widget_with_its_controls_starts_the_comments() -> None:
    result = clean([*ARTICLE, "Most Liked Replies", "(Load more)", *COMMENTS])
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, COMMENTS[0]) == "comments"


def test_titled_comment_widget_counts_even_when_the_comments_are_longer_than_the_article() -> None:
    long_comments = COMMENTS * 4
    result = clean([*ARTICLE[:3], "Reader Replies", *long_comments, "Load more replies"])
    assert paragraphs(result) == ARTICLE[:3]


def test_a_section_heading_ending_in_comments_is_kept_without_widget_controls() -> None:
    section = [
        "Public Comments",
        "The ministry received more than four hundred written submissions during the consultation period.",
        "Most of them asked for a faster payment of the frost relief and a review of the insurance rules.",
    ]
    result = clean([*ARTICLE, *section])
    assert paragraphs(result)[: len(ARTICLE)] == ARTICLE
    assert section[1] in paragraphs(result) and section[2] in paragraphs(result)  # the section is not comments


# -- short lines inside the residue at the edges of the page ------------------------------------------
def test_a_short_line_between_residue_lines_at_the_top_belongs_to_them() -> None:
    result = clean(["By Ana Lima, Farm Correspondent", "Revised", "Share this story", *ARTICLE])
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, "Revised") is not None


def test_a_teaser_question_between_a_related_header_and_its_links_is_removed() -> None:
    tail = [
        "You might want to read...",
        "Is this the end of the family orchard?",
        "Cider makers brace for a thin season",
        "How the valley rebuilt after the great flood of 1998",
    ]
    result = clean([*ARTICLE, *tail])
    assert paragraphs(result) == ARTICLE


def test_a_headline_between_a_menu_and_a_byline_stays_the_headline() -> None:
    result = clean(["Home | Farming | Weather", TITLE, "By Ana Lima", *ARTICLE], title=None)
    assert result.main.title == TITLE
    assert paragraphs(result) == ARTICLE


def test_a_short_sentence_between_residue_lines_inside_the_article_is_kept() -> None:
    lines = [*ARTICLE[:2], "Advertisement", "They disagreed.", "Photo: Ana Lima/Reuters", *ARTICLE[2:]]
    result = clean(lines)
    assert "They disagreed." in paragraphs(result)


# -- pages that are not English: dates written in figures ---------------------------------------------
FRENCH = [
    "Le conseil municipal a voté mardi soir la fermeture du vieux pont du port pendant au moins deux ans.",
    "Les ingénieurs ont trouvé des fissures dans trois des piliers en acier lors d'une inspection en mars.",
    "Le 05/10/2018, la mairie avait déjà limité la circulation des camions sur le pont.",
    "Un bac gratuit pour les cyclistes et les piétons circulera à partir du mois prochain, selon la mairie.",
]


def test_a_figure_date_stamp_at_the_top_of_a_non_english_page_is_a_date_line() -> None:
    stamp = "Mis en ligne : [ 2018-10-05 17:32 ]"
    result = clean([stamp, *FRENCH], title="Le vieux pont du port fermé pendant deux ans")
    assert reason_of(result, stamp) == "date line"
    assert stamp in result.main.meta_lines
    assert paragraphs(result) == FRENCH  # the sentence with a date in figures stays


def test_a_circled_copyright_sign_marks_a_credit_line() -> None:
    credit = "ⓒ Valley Gazette, reproduction only with written permission"
    result = clean([*ARTICLE[:3], credit, *ARTICLE[3:]])
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, credit) == "caption"


# -- body lines that look like metadata --------------------------------------------------------------
@pytest.mark.parametrize("signature", ["— Ana Lima (@analima) May 14, 2026", "— Valley.org (@valleyorg) May 14, 2026"])
def test_the_signature_of_an_embedded_post_is_kept_with_the_post(signature: str) -> None:
    post = "Frost again tonight, third time this spring. Covering the young trees as fast as we can."
    result = clean([*ARTICLE[:2], post, signature, *ARTICLE[2:]])
    assert signature in paragraphs(result)
    assert signature not in result.main.meta_lines


def test_a_schedule_of_dated_lines_is_content_but_a_lone_date_line_is_metadata() -> None:
    schedule = ["June 3 – Lakeside @ Harbour Hall", "June 9 – Millbrook @ Old Mill", "July 1 – Eastport @ Pier 4"]
    lines = ["May 20, 2026", *ARTICLE[:3], "The tasting tour will go ahead:", *schedule, *ARTICLE[3:]]
    result = clean(lines)
    assert "May 20, 2026" in result.main.meta_lines
    for item in schedule:
        assert item in paragraphs(result)


def test_a_schedule_without_an_introducing_colon_is_content() -> None:
    schedule = ["June 3 – Lakeside, Harbour Hall", "June 9 – Millbrook", "July 1 – Eastport, Pier 4"]
    result = clean([*ARTICLE[:3], "Tasting tour", *schedule, *ARTICLE[3:]])
    for item in schedule:
        assert item in paragraphs(result)


# -- text scraped twice, bracketed teasers -----------------------------------------------------------
def test_a_page_scraped_twice_keeps_one_copy_of_each_paragraph() -> None:
    result = clean([*ARTICLE, "Share", *ARTICLE])
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, ARTICLE[0]) == "duplicate line"


def test_a_repeated_question_in_an_interview_is_kept() -> None:
    question = "Would you plant apples in this valley again if you were starting out today?"
    lines = [ARTICLE[0], question, ARTICLE[1], ARTICLE[2], question, ARTICLE[3]]
    assert paragraphs(clean(lines)).count(question) == 2


def test_a_headline_in_square_brackets_between_paragraphs_is_a_teaser() -> None:
    teaser = "[Cider makers brace for a thin season after the frost]"
    note = "[This article was amended on 16 May to correct the name of the association.]"
    result = clean([*ARTICLE[:2], teaser, *ARTICLE[2:], note])
    assert reason_of(result, teaser) == "related links"
    assert note in paragraphs(result)


# -- counters after the text, in any language ---------------------------------------------
SPANISH = [
    "Una fuerte helada destruyó en mayo gran parte de la flor del manzano en el valle, según los productores.",
    "Varias fincas perdieron más de la mitad de la cosecha esperada y algunas pequeñas lo perdieron casi todo.",
    "La asociación regional pidió al ministerio una ayuda urgente para cubrir las pérdidas de este año.",
]


def test_a_counter_split_over_two_lines_at_the_end_is_removed_in_any_language() -> None:
    result = clean([*SPANISH, "Opiniones", "37"], title="La helada arruina la cosecha de manzanas")
    assert paragraphs(result) == SPANISH
    assert reason_of(result, "37") == "counter"


def test_a_short_line_between_two_list_lines_after_the_text_is_not_taken() -> None:
    # A team's line-up after a match report: the list lines may be taken for links, the line
    # between them is not pulled along (one side must be surer residue than a list of links).
    line_up = [
        "Valley Rovers: Lima, Ruiz, Gil, Soto",
        "Subs: Costa, Pinto, Cruz, Vaz",
        "Booked: Ruiz.",
        "Harbour Town: Moss, Reed, Hale, Pinto",
        "Subs: Neto, Dias, Luz, Sa",
    ]
    result = clean([*ARTICLE, *line_up])
    assert "Booked: Ruiz." in paragraphs(result)


def test_a_number_line_inside_the_text_is_kept() -> None:
    lines = [*ARTICLE[:3], "Trees lost", "12,400", *ARTICLE[3:]]
    assert "12,400" in paragraphs(clean(lines))


def test_a_time_of_day_heading_a_live_blog_entry_is_kept() -> None:
    lines = ["May 20, 2026", ARTICLE[0], "9:40 a.m.", ARTICLE[1], ARTICLE[2], "11:05 a.m.", *ARTICLE[3:]]
    result = clean(lines)
    assert "9:40 a.m." in paragraphs(result) and "11:05 a.m." in paragraphs(result)
    assert "May 20, 2026" in result.main.meta_lines


def test_the_text_of_an_embedded_post_with_its_picture_link_is_kept() -> None:
    post = "Blossom gone overnight pic.example.com/Xy12Ab"
    signature = "— Ana Lima (@AnaLima) May 14, 2026"
    result = clean([*ARTICLE[:2], post, signature, *ARTICLE[2:]])
    assert post in paragraphs(result)
    assert signature in paragraphs(result)


# -- reader-addressed lines at the edges of the body ----------------------------------------------------
def test_a_long_reader_addressed_opening_with_only_a_weak_interface_word_is_kept() -> None:
    opening = (
        "When you grow up on a farm you learn early that the weather decides most things, and that a single "
        "cold night in spring can undo a year of careful work in the rows of trees behind the house."
    )
    result = clean([opening, *ARTICLE])
    assert opening in paragraphs(result)


def test_a_short_off_topic_header_with_weak_interface_words_at_the_tail_is_removed() -> None:
    result = clean([*ARTICLE, "You could also like these"])
    assert paragraphs(result) == ARTICLE


# -- short lines made only of words a page uses about itself ------------------------------------------------
@pytest.mark.parametrize("line", ["More on this story", "Enlarge this image", "Replay video", "Related articles"])
def test_a_short_line_of_interface_words_only_is_removed_between_paragraphs(line: str) -> None:
    result = clean([*ARTICLE[:3], line, *ARTICLE[3:]])
    assert paragraphs(result) == ARTICLE


@pytest.mark.parametrize("heading", ["Top of the league", "Photo finish for the growers", "A view from the orchard"])
def test_a_short_sub_heading_with_an_interface_word_and_a_subject_is_kept(heading: str) -> None:
    result = clean([*ARTICLE[:3], heading, *ARTICLE[3:]])
    assert heading in paragraphs(result)


def test_an_image_placeholder_in_square_brackets_is_a_caption_not_a_teaser() -> None:
    placeholder = "[Image: Growers light fires between the rows of apple trees]"
    result = clean([*ARTICLE[:2], placeholder, *ARTICLE[2:]])
    assert reason_of(result, placeholder) == "caption"


def test_a_line_up_after_the_report_is_content_not_a_list_of_links() -> None:
    line_up = [
        "Lima, Ruiz, Gil (Costa 70), Soto, Vidal, Pinto.",
        "Subs not used: Cruz, Vaz, Neto.",
        "Moss, Reed, Hale, Dias (Luz 81), Sa, Cole.",
    ]
    result = clean([*ARTICLE, *line_up])
    assert paragraphs(result) == [*ARTICLE, *line_up]


def test_related_headlines_after_the_text_are_still_a_list_of_links() -> None:
    links = ["Cider makers brace for a thin season", "How the valley rebuilt after the flood of 1998", "Insurers face a record spring"]
    result = clean([*ARTICLE, *links])
    assert paragraphs(result) == ARTICLE


def test_a_long_unterminated_lede_that_shares_the_headline_words_is_not_a_reworded_headline() -> None:
    # Some feeds drop the final full stop of the first paragraph; a lede of 25 words is not a headline.
    lede = (
        "A hard frost in the second week of May destroyed much of the apple blossom in the valley, "
        "leaving orchard growers to count the cost of a lost season"
    )
    result = clean([lede, *ARTICLE[1:]])
    assert lede in paragraphs(result)


def test_a_short_reworded_headline_above_the_text_is_still_removed() -> None:
    result = clean(["Late frost costs orchard growers their crop", *ARTICLE])
    assert paragraphs(result) == ARTICLE


# -- teasers closed by a link button ---------------------------------------------------------------------
def test_a_teaser_above_a_link_button_between_paragraphs_is_removed() -> None:
    teaser = ["Cider makers brace for a thin season – live updates", "The latest from the valley as growers count their losses"]
    result = clean([*ARTICLE[:3], *teaser, "Read more", *ARTICLE[3:]])
    assert paragraphs(result) == ARTICLE


def test_a_sub_heading_followed_by_its_paragraph_is_kept() -> None:
    lines = [*ARTICLE[:3], "Insurers wait for the harvest", *ARTICLE[3:], "Read more"]
    assert "Insurers wait for the harvest" in paragraphs(clean(lines))


def test_entries_ending_with_a_bracketed_note_after_the_text_are_content() -> None:
    judges = ["Ana Lima (Portugal)", "Pedro Ruiz (Valley Growers)", "Marta Gil (Ministry of Agriculture)"]
    result = clean([*ARTICLE, *judges])
    assert paragraphs(result) == [*ARTICLE, *judges]


@pytest.mark.parametrize(
    "entries",
    [
        ["Harbour Town v Valley Rovers", "Eastport v Millbrook", "Lakeside v Old Mill", "Northgate v Southend"],
        ["1 Ana Lima (Portugal)", "2 Pedro Ruiz (Spain)", "3 Marta Gil", "4 Luis Soto", "5 Elena Vidal"],
    ],
)
def test_fixtures_and_rankings_are_content_not_a_menu(entries: list[str]) -> None:
    result = clean([*ARTICLE[:3], *entries, *ARTICLE[3:]])
    assert paragraphs(result) == [*ARTICLE[:3], *entries, *ARTICLE[3:]]


def test_a_menu_of_section_names_is_still_navigation() -> None:
    menu = ["Home", "World News", "Farming", "Weather", "Markets"]
    result = clean([*ARTICLE[:3], *menu, *ARTICLE[3:]])
    assert paragraphs(result) == ARTICLE
