"""The summary: hard word cap, whole sentences, no redundancy, cleanest wording, citations, order."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from briefing_fixtures import bridge_articles, make_article
from conftest import shared_data
from newsbrief.align import align
from newsbrief.dedup import find_duplicate_groups
from newsbrief.settings import BriefOptions, DedupOptions
from newsbrief.summarize import _latest_report_lede, stands_alone, summarize, word_count
from newsbrief.text import SentenceSplitter


@pytest.fixture(scope="module")
def splitter() -> SentenceSplitter:
    return SentenceSplitter()


@pytest.fixture(scope="module")
def duc_alignment(splitter):
    from newsbrief.evaluate_data import read_articles

    folder = shared_data("duc2004", "docs", "d30002t")
    arts = list(read_articles(sorted(folder.iterdir())))
    return arts, align(arts, groups=find_duplicate_groups(arts, options=DedupOptions()), splitter=splitter)


@pytest.mark.data
@pytest.mark.parametrize("cap", [15, 40, 100, 250])
def test_word_cap_is_never_exceeded_and_sentences_are_whole(duc_alignment, cap):
    arts, al = duc_alignment
    summary = summarize(al, options=BriefOptions(words=cap))
    assert summary
    assert sum(word_count(s.text) for s in summary) <= cap
    texts = {a.id: a.text for a in arts}
    for s in summary:
        # the shown text is exactly the first cited span: a whole sentence of a real article
        first = s.spans[0]
        assert texts[first.article_id][first.start : first.end] == s.text
        for span in s.spans:
            assert texts[span.article_id][span.start : span.end]
        assert s.article_ids[0] == first.article_id
        assert s.support >= 1


@pytest.mark.data
def test_summary_is_not_redundant(duc_alignment):
    _, al = duc_alignment
    summary = summarize(al, options=BriefOptions(words=250))
    chosen = [next(i for i, x in enumerate(al.sentences) if x.span == s.spans[0]) for s in summary]
    for i in chosen:
        assert not set(al.carriers[i]) & set(chosen)
    assert len({s.text for s in summary}) == len(summary)


def test_single_sentence_longer_than_the_cap_is_cut_to_the_cap(splitter):
    long = make_article(
        "a.txt", None, "The regional council voted on Monday evening to approve the new harbour plan after a long debate."
    )
    summary = summarize(align([long], splitter=splitter), options=BriefOptions(words=6))
    assert [word_count(s.text) for s in summary] == [6]
    assert summary[0].text == "The regional council voted on Monday"


def test_cites_every_carrying_article_and_shows_support(splitter):
    arts = bridge_articles()
    groups = find_duplicate_groups(arts, options=DedupOptions())
    summary = summarize(align(arts, groups=groups, splitter=splitter), options=BriefOptions(words=60))
    river, valley, north, copy = arts
    closed = next(s for s in summary if "closed on Monday" in s.text)
    assert set(closed.article_ids) == {river.id, valley.id, copy.id}
    assert closed.support == 2
    for s in summary:
        if "2.4 million" in s.text:
            assert north.id not in s.article_ids


def test_prefers_the_clean_wording_over_a_translation_artefact(splitter):
    clean = make_article(
        "clean.txt", None, "The foreign minister met the ambassador in Vienna on Tuesday to discuss the gas deal."
    )
    odd = make_article(
        "odd.txt", None, "The the foreign minister met with ambassador in Vienna on Tuesday for discuss the gas deal."
    )
    other = make_article(
        "third.txt", None, "The foreign minister met the ambassador in Vienna on Tuesday to discuss the gas deal, officials said."
    )
    for order in ([odd, clean, other], [clean, odd, other]):
        summary = summarize(align(order, splitter=splitter), options=BriefOptions(words=25, min_sentence_words=5))
        assert summary[0].text.startswith("The foreign minister met the ambassador")
        assert "The the" not in summary[0].text


def test_summary_sentences_stand_alone(splitter):
    first = make_article(
        "first.txt", None,
        "The harbour authority closed the northern pier after a crane collapsed onto a cargo ship. "
        "It said the pier would stay closed for at least two weeks while engineers inspect the crane. "
        "However, ferries to the islands will keep sailing from the southern pier.",
    )
    second = make_article(
        "second.txt", None,
        "Ferries to the islands will keep sailing from the southern pier, the harbour authority said. "
        "\u201cWe expect the northern pier to stay closed for at least two weeks while engineers inspect "
        "the crane. Nobody was hurt when the crane collapsed onto the cargo ship,\u201d a spokesman said.",
    )
    summary = summarize(align([first, second], splitter=splitter), options=BriefOptions(words=60, min_sentence_words=5))
    assert summary
    for sentence in summary:
        assert sentence.text.split()[0] not in {"It", "However,", "Nobody"}, sentence.text
    assert any("southern pier" in s.text for s in summary)  # the fact survives, in a wording that stands alone


def test_questions_and_unquoted_first_person_lines_are_no_summary_sentences(splitter):
    summary = _summary_of_two(
        splitter,
        "Worried about the battery of the new tablet? The new tablet runs for twelve hours on one charge. "
        "I just hope the makers keep the price of the new tablet low. "
        "Lastly, the new tablet comes with a stylus in the box.",
        "The maker says the new tablet runs for twelve hours on one charge and ships in May. "
        "We tested the new tablet and the battery held up, a reviewer said.",
    )
    for sentence in summary:
        assert not sentence.text.endswith("?") and sentence.text.split()[0] not in {"I", "Lastly,"}, sentence.text


def _summary_of_two(splitter, first: str, second: str):
    """The 80-word summary of two articles (candidates of ≥ 5 words); never empty."""
    articles = [make_article("first.txt", None, first), make_article("second.txt", None, second)]
    summary = summarize(align(articles, splitter=splitter), options=BriefOptions(words=80, min_sentence_words=5))
    assert summary
    return summary


def test_order_is_chronological_by_development(splitter):
    base = "Officials in Lisbon said the harbour strike over pay had ended after nine days of talks."
    later = make_article("later.txt", None, base, dt.date(2024, 5, 10))
    earlier_text = "Dock workers in Lisbon began a strike over pay on Monday, halting the harbour's container traffic."
    earlier = make_article("earlier.txt", None, earlier_text, dt.date(2024, 5, 1))
    opts = replace(BriefOptions(words=60), min_sentence_words=5)
    summary = summarize(align([later, earlier], splitter=splitter), options=opts)
    assert [s.text for s in summary] == [earlier_text, base]


def test_the_sentence_most_sources_carry_opens_the_summary(splitter):
    gist = "Dock workers in Lisbon ended a nine-day strike over pay after the port authority agreed to a raise."
    detail = "The union had first called for a stoppage in March when talks with the port authority broke down."
    first = make_article("first.txt", None, detail, dt.date(2024, 5, 1))
    second = make_article("second.txt", None, gist + " " + detail, dt.date(2024, 5, 10))
    third = make_article("third.txt", None, "Cranes moved again on Friday. " + gist, dt.date(2024, 5, 11))
    fourth = make_article("fourth.txt", None, gist, dt.date(2024, 5, 12))
    opts = replace(BriefOptions(words=60), min_sentence_words=5)
    summary = summarize(align([first, second, third, fourth], splitter=splitter), options=opts)
    # chronological order alone would open with the earlier detail
    assert [(s.text, s.support) for s in summary] == [(gist, 3), (detail, 2)]


def _storm_articles(dated: bool) -> list:
    first = (
        "A storm surge flooded the harbour district of Valtown on Monday night, forcing hundreds of families "
        "from their homes. Pumps were brought in from the neighbouring towns."
    )
    gist = "Valtown's mayor said the harbour district would need months of repairs after the flood."
    later = [
        f"{gist} Insurers sent assessors to the harbour district on Wednesday.",
        f"Schools reopened in the upper town on Thursday. {gist}",
        f"{gist} The port will stay closed until the quay walls are checked.",
    ]
    days = [dt.date(2024, 3, 4), dt.date(2024, 3, 6), dt.date(2024, 3, 7), dt.date(2024, 3, 8)]
    texts = [first, *later]
    return [
        make_article(f"s{k}.txt", None, text, days[k] if dated else None) for k, text in enumerate(texts)
    ]


def test_a_long_summary_opens_with_the_first_reports_lede(splitter):
    # the first report says what happened; the later ones repeat the mayor's words, best carried
    opts = replace(BriefOptions(words=200), min_sentence_words=5)
    summary = summarize(align(_storm_articles(dated=True), splitter=splitter), options=opts)
    assert summary[0].text.startswith("A storm surge flooded the harbour district"), [s.text for s in summary]
    # undated articles say nothing of which came first: the best-placed, best-carried sentence opens
    summary = summarize(align(_storm_articles(dated=False), splitter=splitter), options=opts)
    assert summary[0].text.startswith("Valtown's mayor said"), [s.text for s in summary]
    # a short summary's words go to what most sources carry
    short = summarize(align(_storm_articles(dated=True), splitter=splitter), options=replace(opts, words=30))
    assert short[0].text.startswith("Valtown's mayor said"), [s.text for s in short]


def test_undated_articles_open_with_the_lede_most_of_the_story_is_about(splitter):
    # no dates say which report came first; the first article read is a later development's (the minister
    # weeks after the flood): the lede whose words the other reports carry opens, not input order's first
    later = ("Minister Ana Ruiz said on Friday that rebuilding work had begun in the towns of the valley. "
             "She promised new funds for the farmers of the region.")
    flood = "A dam burst above the valley town of Ostra on Monday, flooding hundreds of homes along the river."
    texts = [
        later,
        flood + " Rescuers in boats searched the flooded streets of Ostra for survivors.",
        "Water poured from the broken Ostra dam into the river overnight, and police said hundreds of homes "
        "were under water. The dam had been built in 1962.",
        "Families fled their homes in Ostra as the river rose after the dam gave way on Monday. "
        "Rescuers searched the streets of Ostra for survivors.",
    ]
    articles = [make_article(f"o{k}.txt", None, text) for k, text in enumerate(texts)]
    opts = replace(BriefOptions(words=200), min_sentence_words=5)
    summary = summarize(align(articles, splitter=splitter), options=opts)
    assert summary[0].text == flood, [s.text for s in summary]


def test_a_later_report_that_only_dates_the_lede_does_not_outvote_it(splitter):
    # written for this test: the first report's lede gives no date; a later report says the same "In January
    # 2005" — a date added, no other figure or day: the lede still opens the summary
    lede = "A military court found Army Specialist Carl Grainger guilty of abusing prisoners at Iraq's Delta prison."
    texts = [
        lede + " The jury sentenced Grainger to ten years in prison.",
        "The army will hand the Delta prison over to the government next month. Pictures of abuse at the Delta "
        "prison had been released. In January 2005, a military court proceeding found Army Specialist Carl "
        "Grainger guilty of abusing prisoners at the Delta prison.",
        "A rights group published a report on the treatment of prisoners at the Delta prison on Monday. "
        "It said that abuse of prisoners by soldiers went on after Grainger was found guilty.",
    ]
    days = [dt.date(2005, 1, 15), dt.date(2006, 3, 10), dt.date(2006, 7, 23)]
    articles = [make_article(f"g{k}.txt", None, text, days[k]) for k, text in enumerate(texts)]
    opts = replace(BriefOptions(words=200), min_sentence_words=5)
    summary = summarize(align(articles, splitter=splitter), options=opts)
    assert summary[0].text == lede, [s.text for s in summary]


def test_the_second_reports_lede_opens_when_the_first_report_is_a_side_story(splitter):
    # the first report is a reaction that names the ferry only; the second tells what happened, in the
    # words every later report repeats: it weighs more than twice as much and opens the summary
    reaction = "Officials in Ostend said on Monday that they were saddened by the loss of the ferry Marisol."
    lede = "The ferry Marisol sank off Dunmore Head on Sunday night and rescuers saved all 40 passengers aboard."
    later = [
        "Divers reached the wreck on Wednesday. The ferry Marisol sank off Dunmore Head and rescuers saved all 40 passengers.",
        "An inquiry opened on Thursday. Rescuers saved all 40 passengers after the ferry Marisol sank off Dunmore Head.",
        "Insurers met the owners on Friday. The ferry Marisol sank off Dunmore Head; rescuers saved all 40 passengers.",
    ]
    texts = [reaction + " The mayor sent flowers to the harbour.", lede, *later]
    articles = [make_article(f"f{k}.txt", None, text, dt.date(2024, 3, 4 + k)) for k, text in enumerate(texts)]
    opts = replace(BriefOptions(words=200), min_sentence_words=5)
    summary = summarize(align(articles, splitter=splitter), options=opts)
    assert summary[0].text == lede, [s.text for s in summary]
    first_only = summarize(align(articles, splitter=splitter), options=replace(opts, second_lede_ratio=float("inf")))
    assert first_only[0].text == reaction, [s.text for s in first_only]


def test_a_long_summary_holds_the_latest_reports_lede_where_the_story_stands(splitter):
    # the first reports repeat the capture; only the latest tells the release: the summary holds both ledes
    shared = ["Coast guards of Santa Clara seized twelve fishermen from Porto Novo near the disputed reef.",
              "The fishermen from Porto Novo were taken to the naval base at Santa Clara for questioning.",
              "The disputed reef between Porto Novo and Santa Clara has rich fishing grounds."]
    release = "Santa Clara released the fishermen on Friday, and they sailed home after eleven days in custody."
    texts = [
        "Coast guards of Santa Clara seized twelve fishermen from Porto Novo near the disputed reef on Monday. "
        + " ".join(shared[1:]),
        "The government of Porto Novo demanded the return of the twelve fishermen on Tuesday. " + " ".join(shared),
        "Envoys of Porto Novo and Santa Clara met for talks about the fishermen on Wednesday. " + " ".join(shared),
        release,
    ]
    articles = [make_article(f"p{k}.txt", None, t, dt.date(2024, 5, 6 + k)) for k, t in enumerate(texts)]
    opts = replace(BriefOptions(words=50), min_sentence_words=5, earliest_lede_words=40)
    summary = [s.text for s in summarize(align(articles, splitter=splitter), options=opts)]
    assert summary[0].startswith("Coast guards of Santa Clara seized") and summary[-1] == release, summary
    without = [s.text for s in summarize(align(articles, splitter=splitter), options=replace(opts, latest_lede=False))]
    assert release not in without, without



def test_the_latest_reports_lede_is_never_its_pictures_caption(splitter):
    # the latest report opens with a picture's caption: a sentence that ends with an earlier year's date and
    # a second sentence about the picture; the lede is the next paragraph's first sentence
    caption = ("The trawler Estrela leaves the harbour of Porto Novo on June 2, 2019. "
               "The trawler was later seized by Santa Clara near the disputed reef with twelve fishermen on board.")
    release = "Santa Clara released the twelve fishermen on Friday, and they sailed home after eleven days in custody."
    shared = "Coast guards of Santa Clara seized twelve fishermen from Porto Novo near the disputed reef."
    texts = [
        shared + " The fishermen were taken to the naval base at Santa Clara for questioning.",
        "The government of Porto Novo demanded the return of the twelve fishermen on Tuesday. " + shared,
        caption + "\n\n" + release + " Their families met them at the quay.",
    ]
    articles = [make_article(f"c{k}.txt", None, t, dt.date(2024, 5, 6 + k)) for k, t in enumerate(texts)]
    al = align(articles, splitter=splitter)
    opts = replace(BriefOptions(words=60), min_sentence_words=5, earliest_lede_words=40)
    cands = list(range(len(al.sentences)))
    assert al.sentences[_latest_report_lede(al, cands, opts)].text == release
    # a sentence naming an earlier year inside it dates what it is about, and its paragraph goes on
    memorial = ("A memorial for the victims of the June 2, 2019 floods was unveiled in Porto Novo. "
                "Today is the fifth anniversary of the floods, when the river broke its banks at night.")
    articles[2] = make_article("c2.txt", None, memorial + "\n\nThe mayor laid a wreath.", dt.date(2024, 6, 2))
    al = align(articles, splitter=splitter)
    cands = list(range(len(al.sentences)))
    assert al.sentences[_latest_report_lede(al, cands, opts)].text.startswith("Today is the fifth anniversary")

def test_a_wording_that_other_sources_contradict_is_left_out(splitter):
    # three outlets date the ferry's sinking to March 3; one says Sunday (a slip).  Another sentence already
    # covers "sank on March 3", so coverage alone would take the shorter slip: the summary must state the
    # date most sources give, never the contradicted wording
    good = "The ferry Santa Lucia sank off the coast of Sicily on March 3 with 41 passengers aboard."
    slip = "The ferry Santa Lucia sank off the coast of Sicily on Sunday with 41 passengers aboard."
    others = [
        "Rescuers said the ferry Santa Lucia sank on March 3 and all 41 passengers were saved.",
        "Rescuers said the ferry Santa Lucia sank on March 3 and all 41 passengers were saved by fishermen.",
    ]
    articles = [make_article("a.txt", None, good, dt.date(2024, 3, 4)),
                make_article("b.txt", None, slip, dt.date(2024, 3, 4))]
    articles += [make_article(f"o{k}.txt", None, text, dt.date(2024, 3, 5)) for k, text in enumerate(others)]
    opts = replace(BriefOptions(words=50), min_sentence_words=5)
    summary = summarize(align(articles, splitter=splitter), options=opts)
    assert good in [s.text for s in summary] and slip not in [s.text for s in summary]


def test_a_quotation_without_its_speaker_is_no_summary_sentence(splitter):
    # a sentence that is one whole quotation, or opens one that the next sentence closes and attributes,
    # says nobody is speaking: shown alone it reads as the paper's own claim
    summary = _summary_of_two(
        splitter,
        "``We will rebuild the northern pier before the summer season.'' "
        "The harbour authority closed the northern pier after a crane collapsed onto a cargo ship.",
        "\u201cWe will rebuild the northern pier before the summer season. Nobody was hurt,\u201d the harbour "
        "master said. The harbour authority closed the northern pier after a crane fell onto a cargo ship.",
    )
    for sentence in summary:
        assert not sentence.text.startswith(("``", "\u201c")), sentence.text


def test_a_sentence_whose_he_or_she_names_nobody_is_no_summary_sentence(splitter):
    # "Investigators believe he …" leans on a sentence naming him; "Ortega said he …" does not
    summary = _summary_of_two(
        splitter,
        "Investigators believe he planted the device at the station on Monday night. "
        "Mayor Lucia Ortega said she would reopen the station on Thursday after the device was removed.",
        "Police said he planted the device at the station on Monday night before fleeing. "
        "The station will reopen on Thursday after the device was removed, officials said.",
    )
    texts = [s.text for s in summary]
    assert not any(t.startswith(("Investigators believe he", "Police said he")) for t in texts), texts
    assert any("reopen" in t for t in texts)


def test_a_refusal_to_comment_is_no_summary_sentence(splitter):
    summary = _summary_of_two(
        splitter,
        "The river burst its banks after three days of heavy rain, flooding the valley villages. "
        "The regional water board was not immediately available for comment on Tuesday.",
        "Three days of heavy rain made the river burst its banks and flood the valley villages. "
        "The water board could not be reached for comment. Rescue crews moved two hundred people to the school gym.",
    )
    texts = [s.text for s in summary]
    assert not any("comment" in t for t in texts), texts
    assert any("burst its banks" in t for t in texts), texts


def test_a_bare_no_harm_sentence_or_the_writers_advice_is_no_summary_sentence(splitter):
    # "No one was hurt." belongs to the event told before it (here the quake, not the volcano beside it)
    summary = _summary_of_two(
        splitter,
        "A strong earthquake shook the northern coast of Valdoria on Friday, toppling houses in three towns. "
        "A volcano on the southern island erupted again on Friday. There were no reports of injuries or damage.",
        "The earthquake toppled houses in three towns on the northern coast of Valdoria on Friday. "
        "No one was hurt. Consider how many quakes the coast has seen in a decade.",
    )
    texts = [s.text for s in summary]
    assert not any(t.startswith(("There were no reports", "No one was hurt", "Consider")) for t in texts), texts
    assert any("toppl" in t for t in texts), texts
    # shown alone, each would lean on what the page told before it or speak to the reader
    for text in ("There were no reports of injuries or damage.", "No one was hurt.",
                 "Consider how many quakes the coast has seen in a decade."):
        assert not stands_alone(text), text
    assert stands_alone("No one was hurt, but the quake toppled houses in three towns of Valdoria on Friday.")


def test_photo_captions_left_in_a_flattened_page_are_no_summary_sentences(splitter):
    summary = _summary_of_two(
        splitter,
        "Rescue crews moved two hundred people from the flooded valley villages to the school gym in Valtown, "
        "Tuesday, Jan. 7, 2020. (AP Photo/Jane Roe) The river burst its banks after three days of rain.",
        "The river burst its banks after three days of heavy rain, flooding the valley villages, the mayor said. "
        "Rescue crews moved two hundred people from the flooded valley villages to the school gym.",
    )
    for sentence in summary:
        assert "Photo" not in sentence.text and "left," not in sentence.text, sentence.text


def test_a_sentence_its_page_repeats_with_a_title_glued_on_is_said_once(splitter):
    body = "Mooring fees at the harbour have gone up by fifty dollars to pay for removing abandoned boats."
    summary = _summary_of_two(
        splitter,
        f"Harbour clears abandoned boats {body} {body} The harbourmaster said forty boats were removed last year.",
        "Forty abandoned boats were removed from the harbour last year, the harbourmaster said on Monday.",
    )
    assert sum("Mooring fees" in s.text for s in summary) <= 1


def test_a_prompt_left_between_the_sentences_of_a_flattened_page_is_no_summary_sentence(splitter):
    summary = _summary_of_two(
        splitter,
        "The river burst its banks after three days of heavy rain, flooding the valley villages. "
        "Sign up for our newsletter to get the latest flood news from the valley villages in your inbox. "
        "Rescue crews moved two hundred people from the valley villages to the school gym.",
        "Rescue crews moved two hundred people from the flooded valley villages to the school gym, the mayor said. "
        "The river burst its banks after heavy rain, flooding the valley villages.",
    )
    for sentence in summary:
        assert "newsletter" not in sentence.text, sentence.text


def test_a_menu_or_a_doubled_headline_glued_to_a_sentence_is_no_summary_sentence(splitter):
    summary = _summary_of_two(
        splitter,
        "Valley floods | World News The river burst its banks after three days of heavy rain in the valley. "
        "Crews moved two hundred people from the valley villages to the school gym on Monday.",
        "The river burst its banks after three days of heavy rain in the valley, the mayor said. "
        "Crews moved two hundred people from the valley villages to the school gym, officials said.",
    )
    for sentence in summary:
        assert "|" not in sentence.text, sentence.text


def test_a_sentence_that_is_mostly_a_quotation_is_no_summary_candidate() -> None:
    from newsbrief.summarize import mostly_quoted

    assert mostly_quoted("\u201cWe are proud of the new harbour bridge and its ferry,\u201d said Mayor Ann Lee.")
    assert not mostly_quoted("Mayor Ann Lee opened the new harbour bridge on Monday, calling it \u201ca landmark\u201d.")


def test_the_lead_is_a_lede_not_the_background_every_source_repeats(splitter):
    lede = "Dock workers in Lisbon ended a nine-day strike over pay after the port authority agreed to a raise."
    background = "Lisbon handles about a fifth of the country's container traffic each year, officials say."
    second_lede = "Cranes at the Lisbon container terminal moved again on Friday after the long pay dispute."
    first = make_article("first.txt", None, lede + " " + background, dt.date(2024, 5, 10))
    second = make_article("second.txt", None, second_lede + " " + background, dt.date(2024, 5, 10))
    third = make_article("third.txt", None, "Unions in Portugal met on Friday. " + background, dt.date(2024, 5, 10))
    opts = replace(BriefOptions(words=60), min_sentence_words=5)
    summary = summarize(align([first, second, third], splitter=splitter), options=opts)
    assert summary[0].text != background and summary[0].support == 1  # one of the ledes
    assert any(s.text == background and s.support == 3 for s in summary)


def test_a_sentence_inside_a_quotation_or_a_profile_list_is_no_summary_sentence(splitter):
    # the middle sentence of a quotation carries no mark of its own; a list's "Name: description" entry is
    # no statement — both read alone as the paper's own claim about the northern pier
    summary = _summary_of_two(
        splitter,
        "The harbour authority closed the northern pier on Monday. \u201cWe are sorry. The northern pier "
        "collapsed after the crane failed on Monday. We will rebuild it,\u201d the harbour master said.\n\n"
        "Those in charge:\n\nMaria Lopes: harbour master, in charge of the northern pier since the crane failed.",
        "A crane failed and the northern pier of the harbour collapsed on Monday; the authority closed it.",
    )
    texts = [s.text for s in summary]
    assert not any(t.startswith(("The northern pier collapsed", "Maria Lopes")) for t in texts), texts


def test_a_sentence_restating_anothers_facts_in_other_words_is_said_once(splitter):
    # the two wordings share too few words for one to carry the other, yet state the same figures and names
    first = ("The ferry, carrying 412 passengers and crew, sank on May 9 shortly after leaving Valletta bound "
             "for Catania. Divers from Valletta searched the ferry's wreck on the way to Catania all night.")
    second = ("The ferry Stella 7 sank on the way from Valletta to Catania on 9 May with 412 passengers aboard. "
              "Divers searched the wreck of the ferry from Valletta all night.")
    articles = [make_article("first.txt", None, first), make_article("second.txt", None, second)]
    summary = summarize(align(articles, splitter=splitter), options=BriefOptions(words=120, min_sentence_words=5))
    texts = [s.text for s in summary]
    assert sum("412" in t for t in texts) == 1, texts
    assert any(t.startswith("Divers") for t in texts), texts


@pytest.mark.parametrize(
    ("leaning", "mark"),
    [
        # a speaker given as a pronoun after the words: the person the sentences before introduced
        ("Harbour Lines had told the families of the 40 crew members on Monday, he said.", "he said."),
        # what its subject "then" did: after something the sentence before told
        ("The harbour authority then closed the northern pier after a crane collapsed onto a cargo ship.", " then "),
        # an act named by a bare noun as subject: the act the sentence before told
        ("The decision came after the harbour authority closed the northern pier when a crane collapsed.",
         "The decision"),
        # "another" as the subject: one more of those the sentence before named
        ("Another challenged the harbour authority over the northern pier after a crane collapsed.", "Another"),
    ],
)
def test_a_sentence_leaning_on_the_one_before_is_no_summary_sentence(splitter, leaning: str, mark: str):
    summary = _summary_of_two(
        splitter,
        f"{leaning} Mayor Lucia Ortega said she would reopen the station on Thursday.",
        "The northern pier was closed on Monday after a crane collapsed onto a cargo ship, the authority said.",
    )
    assert not any(mark in s.text for s in summary), [s.text for s in summary]


def test_a_single_sources_summary_holds_its_lede(splitter):
    # the lede's words recur nowhere in the article (no concept of its own), the later sentences repeat theirs
    text = ("Engineers have shut down the Lisbon metro's oldest line after finding cracks in a 1950s tunnel. "
            "The Blue Line tunnel carries 90,000 riders a day. Blue Line riders were told to take buses. "
            "The Blue Line buses run every five minutes. Blue Line repairs could take a month, the operator said.")
    article = make_article("metro.txt", None, text)
    summary = summarize(align([article], splitter=splitter), options=BriefOptions(words=40, min_sentence_words=5))
    assert summary[0].text.startswith("Engineers have shut down"), [s.text for s in summary]
