"""Discrepancies: real conflicts are found, values about different things never raise an alarm."""

from __future__ import annotations

import pytest

from analysis_builders import make_article, singleton_groups, split
from newsbrief.discrepancies import find_discrepancies
from newsbrief.entities import extract_entities
from newsbrief.model import Article, Discrepancy, DuplicateGroup, Entity
from newsbrief.nlp import NlpModels


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def _find(
    articles: list[Article], *, entities: tuple[Entity, ...] = (), groups: tuple[DuplicateGroup, ...] | None = None
) -> tuple[Discrepancy, ...]:
    groups = singleton_groups(articles) if groups is None else groups
    return find_discrepancies(articles, sentences=split(articles), entities=entities, groups=groups)


def test_different_numbers_for_the_same_quantity() -> None:
    a = make_article("ap.txt", "The hurricane killed 127 people in the coastal town of La Ceiba, officials said.")
    b = make_article("afp.txt", "The hurricane killed at least 129 people in the coastal town of La Ceiba.")
    (found,) = _find([a, b])
    assert found.kind == "number"
    assert dict(found.values) == {"127": (a.id,), "at least 129": (b.id,)}
    assert "people" in found.subject
    # each value with the sentence that gives it, so that a reader can check the difference
    assert {v: [s.text for s in found_in] for v, found_in in found.evidence.items()} == {
        "127": [a.text], "at least 129": [b.text]
    }
    assert all(b.text[s.span.start : s.span.end] == s.text for s in found.evidence["at least 129"])


@pytest.mark.parametrize(
    ("text_a", "text_b", "differ"),
    [
        ("The blast killed 89 people at the theatre.", "The blast killed at least 82 people at the theatre.", False),
        ("Gunmen killed at least 19 people at the cafe.", "Gunmen killed at least 80 people at the cafe.", False),
        ("The blast killed 12 people at the theatre.", "The blast killed more than 20 people at the theatre.", True),
        ("The fire destroyed up to 40 homes in the valley.", "The fire destroyed 25 homes in the valley.", False),
        ("The fire destroyed fewer than 10 homes in the valley.", "The fire destroyed 25 homes in the valley.", True),
    ],
)
def test_a_bound_is_checked_against_the_other_figure(text_a: str, text_b: str, differ: bool) -> None:
    # "at least 82" allows 89; two lower bounds never contradict each other
    articles = [make_article("a.txt", text_a), make_article("b.txt", text_b)]
    assert bool([d for d in _find(articles) if d.kind == "number"]) is differ


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # different places: two counts of two different things
        ("The hurricane killed 127 people in Honduras.", "The hurricane killed 30 people in Nicaragua."),
        # different nouns
        ("The storm destroyed 127 houses in the town.", "The storm destroyed 40 bridges in the town."),
        # different days: two events
        ("Rebels killed 12 soldiers on Monday near the border.", "Rebels killed 9 soldiers on Wednesday near the border."),
        # different verbs on the same noun
        ("The army arrested 50 people in the capital.", "The army released 20 people in the capital."),
        # what "it" counts is said in the sentence before
        ("The assault on the hall lasted three minutes.", "It lasted for 10 minutes."),
        # different models: a name with a figure in it is a name
        ("The battery of the Galaxy S5 holds 2800 mAh.", "The battery of the Galaxy S4 holds 2600 mAh."),
        # the minutes and seconds of a time of day count nothing
        ("The aftershock struck at 20:36:08 local time, seismologists said.", "The aftershock struck at 20:36:41 local time."),
        ("The second quake hit at 05:41 UTC near the coast.", "The second quake hit at 06:34 UTC near the coast."),
        # different times of day: two tremors (a quake and its aftershock), each with its own depth
        ("The quake struck at 11:24 am (15:24 UTC) at a depth of 30.1 kilometers off the coast.",
         "The aftershock struck at 08:32:22 UTC at a depth of 28.4 kilometers off the coast."),
    ],
)
def test_no_false_alarm_for_numbers_of_different_things(text_a: str, text_b: str) -> None:
    articles = [make_article("a.txt", text_a), make_article("b.txt", text_b)]
    assert [d for d in _find(articles) if d.kind == "number"] == []


def test_the_same_time_of_day_keeps_two_figures_comparable() -> None:
    a = make_article("a.txt", "The quake struck at 11:24 am local time at a depth of 30.1 kilometers off the coast.")
    b = make_article("b.txt", "The quake struck at 11:24 local time at a depth of 35 kilometers off the coast.")
    (found,) = _find([a, b])
    assert found.kind == "number" and set(dict(found.values)) == {"30.1", "35"}


def test_a_flight_code_of_the_storys_flight_names_no_other_thing() -> None:
    # "AF447" is the story's "Flight 447" that the other articles write: the crew counts differ, while a
    # numbered name the story is not about ("MH17" in a story of another flight) still keeps figures apart
    # (the aircraft's type, in every article, is the most named numbered name)
    story = ["Air France Flight 447, an A330, vanished over the Atlantic.", "Searchers found debris of the A330 of Flight 447.",
             "Flight 447 sent error messages from the A330.", "AF447 left Rio on Sunday evening, the A330 full."]
    a = "Air France Flight AF447 was an Airbus A330 carrying 216 passengers and 12 crew members into a storm."
    b = "The Airbus A330 was carrying 216 passengers and 11 crew members when it flew into a violent storm."
    articles = [make_article(f"s{k}.txt", t) for k, t in enumerate(story)]
    found = _find([*articles, make_article("a.txt", a), make_article("b.txt", b)])
    assert [(d.kind, sorted(dict(d.values))) for d in found if d.kind == "number"] == [("number", ["11", "12"])]
    other = a.replace("Air France Flight AF447", "Malaysia Airlines MH17")
    found = _find([*articles, make_article("a.txt", other), make_article("b.txt", b)])
    assert [d for d in found if d.kind == "number"] == []


def test_a_hyphenated_figure_is_compared_and_a_unit_conversion_is_not_a_figure() -> None:
    a = make_article("ap.txt", "The car hit the stall, said Dana Welt, a 23-year-old vendor. "
                               "Gusts reached 150 kph (94 mph) on the coast, forecasters said.")
    b = make_article("afp.txt", "The car hit the stall, said Dana Welt, a 32-year-old vendor. "
                                "Gusts reached 150 kph (93 mph) on the coast, forecasters said.")
    found = [d for d in _find([a, b]) if d.kind == "number"]
    assert [dict(d.values) for d in found] == [{"23": (a.id,), "32": (b.id,)}]  # the age; not 94 vs 93 mph


def test_conflicting_weekdays_for_the_same_event() -> None:
    a = make_article("ap.txt", "The cargo plane crashed on Tuesday near the port of La Ceiba.")
    b = make_article("afp.txt", "The cargo plane crashed on Monday near the port of La Ceiba.")
    (found,) = _find([a, b])
    assert found.kind == "weekday"
    assert dict(found.values) == {"Tuesday (1998-10-13)": (a.id,), "Monday (1998-10-12)": (b.id,)}


def test_no_false_alarm_for_dates_of_different_events() -> None:
    a = make_article("a.txt", "The president arrived in Tegucigalpa on Monday to visit the flooded areas.")
    b = make_article("b.txt", "The president left Tegucigalpa on Wednesday after his visit to the flooded areas.")
    c = make_article("c.txt", "Floods hit Honduras on Tuesday. Floods hit Nicaragua on Friday.")
    assert _find([a, b, c]) == ()


def test_the_same_weekday_in_articles_of_other_weeks_is_two_events_not_a_difference() -> None:
    import datetime as dt

    # a wire's template sentence about each aftershock: both say Thursday, months apart
    a = make_article("a.txt", "The aftershock took place at 20:36 local time (Thursday 00:36 UTC).", dt.date(2010, 7, 15))
    b = make_article("b.txt", "The aftershock took place at 23:49 local time (Thursday 02:49 UTC).", dt.date(2010, 10, 22))
    assert _find([a, b]) == ()


def test_dates_each_told_as_its_articles_news_months_apart_are_two_events() -> None:
    import datetime as dt

    # one paper's template line before each editorial, a year apart: not one event dated two ways
    a = make_article("a.txt", "The Courier said in an editorial for Friday, Sept. 10: the dam must wait.", dt.date(1999, 9, 8))
    b = make_article("b.txt", "The Courier said in an editorial on Tuesday, July 25: the dam must go.", dt.date(2000, 7, 24))
    assert _find([a, b]) == ()
    # the same event dated two ways by articles a month apart still differs (one date far from its article)
    c = make_article("c.txt", "The dam at Orvik burst on Sept. 10, flooding the valley.", dt.date(1999, 9, 12))
    d = make_article("d.txt", "The dam at Orvik burst on Sept. 9, flooding the valley.", dt.date(1999, 10, 20))
    assert [x.kind for x in _find([c, d])] == ["date"]


def test_syndicated_copies_are_one_source() -> None:
    a = make_article("ap.txt", "The hurricane killed 127 people in the coastal town of La Ceiba.")
    b = make_article("ap-copy.txt", "The hurricane killed 129 people in the coastal town of La Ceiba.")
    group = (DuplicateGroup(a.id, ((a.id, 1.0), (b.id, 0.9))),)
    assert _find([a, b], groups=group) == ()


def test_contradicted_claim() -> None:
    a = make_article("a.txt", "The government has confirmed that peace talks with the rebels will resume in Geneva.")
    b = make_article("b.txt", "The government has not confirmed that peace talks with the rebels will resume in Geneva.")
    (found,) = _find([a, b])
    assert found.kind == "claim"
    assert set(found.values.values()) == {(a.id,), (b.id,)}


def test_a_negation_in_extra_detail_is_no_contradicted_claim() -> None:
    a = make_article("a.txt", "The reading list is still there, but now it opens by swiping from left to right.")
    b = make_article("b.txt", "The reading list is still there, but now it opens by swiping from left to right, not down to up.")
    c = make_article("c.txt", "The reading list is not there anymore, but now it opens by swiping from left to right.")
    found = _find([a, b])
    assert found == [] or all(x.kind != "claim" for x in found)
    assert [x.kind for x in _find([a, c])] == ["claim"]


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # the denial bears on what the other does not say (the relative clause is what they share)
        ("The rebels denied that the camp, which is being built in a valley near Orvik, the old mining town, "
         "is for fighters.",
         "The new camp is being built in a valley near Orvik, the old mining town."),
        # "cannot" and "can't": both negated
        ("The court ruled that the state cannot tax the river pilots of the Orvik harbour.",
         "The court ruled that the state can't tax the river pilots of the Orvik harbour."),
        # a negated afterthought of one word
        ("In Maristan voters can choose either party's primary, but cannot vote in both.",
         "In an open primary, voters are allowed to choose which party's primary they will vote in."),
    ],
)
def test_a_negation_that_denies_nothing_the_other_says_is_no_contradicted_claim(text_a: str, text_b: str) -> None:
    articles = [make_article("a.txt", text_a), make_article("b.txt", text_b)]
    assert [d for d in _find(articles) if d.kind == "claim"] == []


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        ("The premier has repeatedly said he will govern only with the coalition that elected him in 2001.",
         "The premier has often said he would not govern with any other coalition than the one that elected him in 2001."),
        ("The envoy criticised an official who reportedly said the request for the extradition of the banker would be refused.",
         "The envoy criticised an official who reportedly said the ministry would deny the request for the extradition of the banker."),
    ],
)
def test_a_negation_of_what_the_other_says_no_to_in_other_words_is_no_contradicted_claim(text_a: str, text_b: str) -> None:
    # "only with" / "not with any other", "refused" / "deny": both say no (discrepancies._NEGATIVE_MEANING)
    articles = [make_article("a.txt", text_a), make_article("b.txt", text_b)]
    assert [d for d in _find(articles) if d.kind == "claim"] == []


def test_a_negation_of_the_same_refusal_is_a_contradicted_claim() -> None:
    a = make_article("a.txt", "The minister refused the offer from the dock workers' union on Monday evening.")
    b = make_article("b.txt", "The minister did not refuse the offer from the dock workers' union on Monday evening.")
    assert [d.kind for d in _find([a, b])] == ["claim"]


def test_spelling_variants_across_sources(models: NlpModels) -> None:
    a = make_article("ap.txt", "Libyan leader Moammar Gadhafi met the envoys in Tripoli. Gadhafi said he was ready.")
    b = make_article("afp.txt", "Muammar Qaddafi told the envoys in Tripoli that he was ready. Qaddafi smiled.")
    c = make_article("bbc.txt", "Norodom Sihanouk and Norodom Ranariddh met in Beijing.")
    articles = [a, b, c]
    entities = extract_entities(articles, models=models)
    names = [d for d in _find(articles, entities=entities) if d.kind == "name"]
    assert len(names) == 1
    assert names[0].values["Moammar Gadhafi"] == (a.id,)
    assert names[0].values["Muammar Qaddafi"] == (b.id,)


@pytest.mark.data
def test_real_cluster_discrepancies_cite_two_sources(models: NlpModels) -> None:
    from conftest import shared_data
    from newsbrief.pipeline import iter_articles
    from newsbrief.settings import Settings

    folder = shared_data("duc2004", "docs", "d30001t")
    articles = [a for a in iter_articles([str(folder)], settings=Settings()) if isinstance(a, Article)]
    entities = extract_entities(articles, models=models)
    found = _find(articles, entities=entities)
    ids = {a.id for a in articles}
    # the cluster spells one Hun Sen aide two ways in two AP stories
    names = {d.subject: d for d in found if d.kind == "name"}
    assert "Prak Sokhonn" in names
    assert set(names["Prak Sokhonn"].values) == {"Prak Sokhonn", "Prak Sokhon"}
    for discrepancy in found:
        assert len(discrepancy.values) >= 2
        cited = {i for article_ids in discrepancy.values.values() for i in article_ids}
        assert cited <= ids and len(cited) >= 2


def test_name_spellings_compare_like_with_like() -> None:
    # a full-name spelling and a surname spelling are two points; a nationality glued to the name and the
    # surname repeating the full-name spelling are none; one-word names that are not the surname are none
    a = make_article("a.txt", "Abdelhamid Abaaoud was named by police. Abaaoud had travelled. Omar Ismail Mostefai too.")
    b = make_article("b.txt", "Belgian Abdelhamid Abaaoud was named by police. Abbaoud had travelled. Ismael Omar Mostefai too.")
    c = make_article("c.txt", "Abdelhamid Abaoud was named by police, the prosecutor said. Mostefai and Mohamed left.")
    d = make_article("d.txt", "Mohammed was also seen there.")
    entities = (
        Entity("Abdelhamid Abaaoud", "PERSON",
               ("Abdelhamid Abaaoud", "Abaaoud", "Belgian Abdelhamid Abaaoud", "Abbaoud", "Abdelhamid Abaoud"),
               (a.id, b.id, c.id), 6),
        Entity("Omar Ismail Mostefai", "PERSON", ("Omar Ismail Mostefai", "Ismael Omar Mostefai", "Mostefai", "Mohamed", "Mohammed"),
               (a.id, b.id, c.id, d.id), 5),
    )
    names = {x.subject: dict(x.values) for x in _find([a, b, c, d], entities=entities) if x.kind == "name"}
    assert names["Abdelhamid Abaaoud"] == {"Abdelhamid Abaaoud": (a.id, b.id), "Abdelhamid Abaoud": (c.id,)}
    # b's "Abbaoud" is a slip of a source that spells the name "Abaaoud" too: not a point where sources differ
    assert "Abaaoud" not in names
    assert set(names["Omar Ismail Mostefai"]) == {"Omar Ismail Mostefai", "Ismael Omar Mostefai"}
    assert len(names) == 2


def test_a_slip_inside_one_source_and_a_part_of_a_hyphenated_name_are_not_differences() -> None:
    a = make_article("a.txt", "Winnie Madikizela-Mandela spoke. Madikizela-Mandela said Pinochet erred. Pincohet left.")
    b = make_article("b.txt", "Madikizela-Mandela, also called Madikizela, spoke about Pinochet.")
    c = make_article("c.txt", "Pinochet was arrested in London, Jaccard said.")
    d = make_article("d.txt", "Pinochet was questioned, Jacard said.")
    entities = (
        Entity("Winnie Madikizela-Mandela", "PERSON", ("Winnie Madikizela-Mandela", "Madikizela-Mandela", "Madikizela"),
               (a.id, b.id), 4),
        Entity("Pinochet", "PERSON", ("Pinochet", "Pincohet"), (a.id, b.id, c.id, d.id), 5),
        Entity("Jaccard", "PERSON", ("Jaccard", "Jacard"), (c.id, d.id), 2),
    )
    names = {x.subject: dict(x.values) for x in _find([a, b, c, d], entities=entities) if x.kind == "name"}
    # "Pincohet" only where "Pinochet" is written too; "Madikizela" is part of "Madikizela-Mandela";
    # "Jacard" and "Jaccard" are two sources' spellings
    assert names == {"Jaccard": {"Jaccard": (c.id,), "Jacard": (d.id,)}}


def test_a_spelling_found_only_in_a_list_of_names_is_no_difference() -> None:
    # written for this test: a squad list's "Treacy" is another player than a report's "Tracey"
    squad = "In full: Andrews, Brown, Dunn, Emerton, Givet, Jones, Nelsen, Pedersen, Robinson, Treacy, Salgado."
    a = make_article("a.txt", f"Rovers named their squad on Monday.\n\n{squad}")
    b = make_article("b.txt", "The goalkeeper Simon Tracey made a late save. Tracey was praised by his manager.")
    c = make_article("c.txt", "Rovers signed the winger Keith Treacy on Monday. Treacy joined from Preston.")
    entities = (Entity("Tracey", "PERSON", ("Tracey", "Treacy"), (a.id, b.id), 3),)
    assert [d for d in _find([a, b], entities=entities) if d.kind == "name"] == []
    # the same spelling in a sentence of a report is one
    entities = (Entity("Tracey", "PERSON", ("Tracey", "Treacy"), (b.id, c.id), 4),)
    (point,) = [d for d in _find([b, c], entities=entities) if d.kind == "name"]
    assert set(point.values) == {"Tracey", "Treacy"}


def test_a_count_said_of_a_place_and_one_said_of_there_are_not_compared() -> None:
    a = make_article("a.txt", "At least 19 people died when the terrace of the Belle Equipe bar was sprayed with gunfire.")
    b = make_article("b.txt", "Gunmen stormed the concert hall. At least 80 people died there when the gunmen sprayed gunfire.")
    c = make_article("c.txt", "At least 180 people were injured when the gunmen sprayed gunfire.")
    assert [d for d in _find([a, b, c]) if d.kind == "number"] == []


def test_curly_apostrophe_negation_and_short_sentences_raise_no_claim() -> None:
    a = make_article("a.txt", "I don\u2019t know what to do next.")
    b = make_article("b.txt", "\"We don't know yet if this terror in fact is over or not.")
    assert [d for d in _find([a, b]) if d.kind == "claim"] == []


def test_singular_and_plural_of_a_name_are_not_spellings() -> None:
    a = make_article("a.txt", "A Royal Marine was among those held by the Iranian Revolutionary Guard.")
    b = make_article("b.txt", "Eight Royal Marines were held by the Iranian Revolutionary Guards.")
    entities = (
        Entity("Royal Marines", "ORG", ("Royal Marines", "Royal Marine"), (a.id, b.id), 2),
        Entity("Iranian Revolutionary Guards", "ORG", ("Iranian Revolutionary Guards", "Iranian Revolutionary Guard"),
               (a.id, b.id), 2),
    )
    assert [d for d in _find([a, b], entities=entities) if d.kind == "name"] == []


def test_a_company_s_legal_form_is_not_a_spelling() -> None:
    a = make_article("a.txt", "Orvane Co. said it would build 40 planes for the airline.")
    b = make_article("b.txt", "Orvane Company said it would build 40 planes for the airline.")
    entities = (Entity("Orvane Company", "ORG", ("Orvane Company", "Orvane Co."), (a.id, b.id), 2),)
    assert [d for d in _find([a, b], entities=entities) if d.kind == "name"] == []


def test_an_abbreviated_word_of_a_hyphenated_name_is_not_a_spelling() -> None:
    # "BP" is "British Petroleum" abbreviated: the name written short, not spelt otherwise
    a = make_article("a.txt", "British Petroleum-Amoco said it would cut 3,000 jobs this year.")
    b = make_article("b.txt", "BP Amoco said it would cut 3,000 jobs this year.")
    entities = (Entity("BP Amoco", "ORG", ("BP Amoco", "British Petroleum-Amoco"), (a.id, b.id), 2),)
    assert [d for d in _find([a, b], entities=entities) if d.kind == "name"] == []


def test_british_and_american_spellings_of_a_name_are_house_style_not_a_difference() -> None:
    a = make_article("a.txt", "The Pacific Storm Warning Centre and the Labour Party spoke. Petre Ionescu agreed.")
    b = make_article("b.txt", "The Pacific Storm Warning Center and the Labor Party spoke. Peter Ionescu agreed.")
    entities = (
        Entity("Pacific Storm Warning Centre", "ORG", ("Pacific Storm Warning Centre", "Pacific Storm Warning Center"),
               (a.id, b.id), 2),
        Entity("Labour Party", "ORG", ("Labour Party", "Labor Party"), (a.id, b.id), 2),
        Entity("Petre Ionescu", "PERSON", ("Petre Ionescu", "Peter Ionescu"), (a.id, b.id), 2),
    )
    names = {x.subject for x in _find([a, b], entities=entities) if x.kind == "name"}
    # "Petre" is a name of its own, not a British "Peter"
    assert names == {"Petre Ionescu"}


def test_an_initial_an_apostrophe_or_a_places_adjective_is_the_same_name_but_another_spelling_is_not() -> None:
    # a given name's familiar form is the same name too (Steve ~ Stephen, from the nicknames package)
    a = make_article("a.txt", "Vendia Airlines, the Workers Party and Tomas K. Arlo spoke. Ida Brenn agreed with Steve Vantor.")
    b = make_article("b.txt", "Vendian Airlines, the Worker's Party and Tomas Karel Arlo spoke. Ida Bren agreed with Stephen Vantor.")
    entities = (
        Entity("Vendia Airlines", "ORG", ("Vendia Airlines", "Vendian Airlines"), (a.id, b.id), 2),
        Entity("Workers Party", "ORG", ("Workers Party", "Worker's Party"), (a.id, b.id), 2),
        Entity("Tomas Karel Arlo", "PERSON", ("Tomas Karel Arlo", "Tomas K. Arlo"), (a.id, b.id), 2),
        Entity("Ida Brenn", "PERSON", ("Ida Brenn", "Ida Bren"), (a.id, b.id), 2),
        Entity("Stephen Vantor", "PERSON", ("Stephen Vantor", "Steve Vantor"), (a.id, b.id), 2),
    )
    names = {x.subject for x in _find([a, b], entities=entities) if x.kind == "name"}
    assert names == {"Ida Brenn"}


def test_accents_are_typography_and_their_sources_count_for_the_plain_spelling() -> None:
    a = make_article("a.txt", "Ismaël Omar Mostefaï was named. Mostefaï was 29.")
    b = make_article("b.txt", "Ismael Omar Mostefai was named. Mostefai was 29.")
    c = make_article("c.txt", "Omar Ismail Mostefai was named on Monday.")
    variants = ("Omar Ismail Mostefai", "Ismaël Omar Mostefaï", "Ismael Omar Mostefai", "Mostefaï", "Mostefai")
    entities = (Entity("Omar Ismail Mostefai", "PERSON", variants, (a.id, b.id, c.id), 7),)
    found = [x for x in _find([a, b, c], entities=entities) if x.kind == "name"]
    assert len(found) == 1
    assert {v: len(ids) for v, ids in found[0].values.items()} == {"Ismael Omar Mostefai": 2, "Omar Ismail Mostefai": 1}


def test_a_glued_word_or_letter_case_is_a_typo_not_a_spelling() -> None:
    a = make_article("a.txt", "Captain Nadia Karimova flew for Baltic Coastal Air. She joined in 2004.")
    b = make_article("b.txt", "The pilot, Nadia Karimovathe, had flown for Baltic COastal Air since 2004.")
    c = make_article("c.txt", "Nadia Karimowa, the pilot, joined Baltic Coastal Air in 2004.")
    entities = (
        Entity("Nadia Karimova", "PERSON", ("Nadia Karimova", "Nadia Karimovathe", "Nadia Karimowa"), (a.id, b.id, c.id), 3),
        Entity("Baltic Coastal Air", "ORG", ("Baltic Coastal Air", "Baltic COastal Air"), (a.id, b.id, c.id), 3),
    )
    names = [x for x in _find([a, b, c], entities=entities) if x.kind == "name"]
    # the real spelling difference is still reported, without the glued and the mis-cased copies
    assert [(x.subject, sorted(x.values)) for x in names] == [
        ("Nadia Karimova", ["Nadia Karimova", "Nadia Karimowa"])
    ]


def test_a_figure_of_the_numbered_thing_a_story_compares_with_is_not_its_own() -> None:
    # three reviews of the Lumo X7 phone; one compares it with the X6 it replaces
    a = make_article("a.txt", "The Lumo X7 is the best phone the company has made. Battery: 3100 mAh")
    b = make_article("b.txt", "The Lumo X7 arrives in May. For reference, the Lumo X6 had a battery of 2900 mAh.")
    c = make_article("c.txt", "We tested the Lumo X7 for two weeks and liked its screen.")
    assert _find([a, b, c]) == ()
    # the phone under review itself, given two battery figures by two sources, is a difference
    d = make_article("d.txt", "The Lumo X7 arrives in May. For reference, the Lumo X7 has a battery of 2900 mAh.")
    (found,) = _find([a, d, c])
    assert dict(found.values) == {"3100": (a.id,), "2900": (d.id,)}


def test_a_figure_the_other_source_also_gives_is_confirmed_and_the_one_beside_it_is_compared() -> None:
    a = make_article("a.txt", "The bridge is expected to cost at least dlrs 40 billion, with the city planning to pay dlrs 21 billion.")
    b = make_article("b.txt", "The bridge is expected to cost at least dlrs 40 billion, of which the city is expected to pay dlrs 24 billion.")
    (found,) = _find([a, b])
    assert dict(found.values) == {"21": (a.id,), "24": (b.id,)}


def test_sentences_sharing_only_the_counted_words_are_about_different_things() -> None:
    a = make_article("a.txt", "Shares of Harbourline, the biggest port operator, rose 2.3 percent on Monday.")
    b = make_article("b.txt", "From 1988 to 1996, Harbourline's dredging expenditures rose 8 percent.")
    c = make_article("c.txt", "Harbourline's rose 14 percent. Shares of Dockway rose 9 percent in the same week.")
    assert _find([a, b]) == ()
    # a possessive name opening a sentence names what rose
    assert not [d for d in _find([a, c]) if "14" in d.values]


def test_a_name_difference_held_word_for_word_by_a_longer_one_is_said_once() -> None:
    a = make_article("a.txt", "The Free Democracy Party met. The Democracy Party of Porto said so.")
    b = make_article("b.txt", "The Free Democratic Party met. The Democratic Party of Porto said so.")
    entities = (
        Entity("Free Democracy Party", "ORG", ("Free Democracy Party", "Free Democratic Party"), (a.id, b.id), 2),
        Entity("Democracy Party", "ORG", ("Democracy Party", "Democratic Party"), (a.id, b.id), 4),
    )
    names = {x.subject: dict(x.values) for x in _find([a, b], entities=entities) if x.kind == "name"}
    assert names == {"Free Democracy Party": {"Free Democracy Party": (a.id,), "Free Democratic Party": (b.id,)}}
