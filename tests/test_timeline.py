"""Timeline: relative dates resolved against publication, same developments merged, conflicts kept."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis_builders import make_article, split
from conftest import shared_data
from newsbrief.dates import clause_is_future, find_dates, in_attributive_phrase
from newsbrief.model import Article
from newsbrief.settings import Settings
from newsbrief.timeline import build_timeline

THURSDAY = dt.date(1998, 10, 15)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks collapsed on Wednesday.", "1998-10-14"),
        ("Rebels attacked the town Tuesday.", "1998-10-13"),
        ("The king arrived on Thursday.", "1998-10-15"),  # the publication day itself
        ("The envoy left on Friday.", "1998-10-09"),  # past tense: the Friday before
        ("The minister resigned yesterday.", "1998-10-14"),
        ("The ship sank two days ago.", "1998-10-13"),
        ("Floods began three weeks ago.", "1998-09-24"),
        ("Prices rose last month.", "1998-09-01"),
        ("The court ruled on Jan. 5.", "1998-01-05"),
        ("The court ruled on Sept. 24.", "1998-09-24"),
        ("Parliament opened on 24 September 1998.", "1998-09-24"),
        ("The vote was held on Nov. 2, 1997.", "1997-11-02"),
        ("The parties will meet on Monday.", "1998-10-19"),  # future: the next Monday
        ("The assembly is scheduled to convene Nov. 25.", "1998-11-25"),
        ("He said he would return next Friday.", "1998-10-16"),
        ("As voters prepare to elect a new mayor on Sunday, polls predict a close race.", "1998-10-18"),
        ("The president prepares to be sworn in Friday, with few guests.", "1998-10-16"),
        ("The army withdrew last Thursday.", "1998-10-08"),
        ("The port closed last Wednesday.", "1998-10-07"),  # the day before would be "Wednesday": the week before's
        ("The port reopened last Tuesday.", "1998-10-13"),
        ("Hun Sen said Monday that the Senate would meet.", "1998-10-12"),
        # a participle or a clause cut by a number's comma takes the tense of its main clause
        ("The first lady will travel to the region, visiting Honduras on Nov. 16.", "1998-11-16"),
        ("The writer will receive the 978,000 prize on Dec. 10 in Stockholm.", "1998-12-10"),
        ("Their space walks will continue and end Saturday, Dec. 12.", "1998-12-12"),
        # ... but not a quotation's future, nor a main clause in the past
        ("``The talks will fail,'' the prince wrote in an Oct. 12 letter.", "1998-10-12"),
        ("The envoy will report after he toured the camps, visiting two towns on Monday.", "1998-10-12"),
        # the present of a scheduled event: the next such day; a calendar date there: the nearest year
        ("The trial resumes Monday.", "1998-10-19"),
        ("The regatta, which starts Saturday, drew 80 boats.", "1998-10-17"),
        ("The fiscal year ends on Sept. 30.", "1998-09-30"),
        ("Lawmakers hope to pass it before the assembly convenes Jan. 12.", "1999-01-12"),
        ("A deal could be announced as soon as Monday.", "1998-10-19"),
        # "since" looks back, whatever the clause's tense
        ("The two sides will meet, their first session since Aug. 6.", "1998-08-06"),
        # a date that opens its clause takes the tense of the verb after it
        ("On Saturday he plans to visit the flooded valley.", "1998-10-17"),
        ("On Monday, the envoys are to fly to the capital.", "1998-10-19"),
        ("Then, Sunday, the crews will start clearing the road.", "1998-10-18"),
        ("On Monday, the mayor said he will stay.", "1998-10-12"),  # past before the future verb
        ("On Monday the pumps were expected to fail.", "1998-10-12"),
        ("Hikers stayed away from the ridge, Wyo., on Saturday.", "1998-10-10"),  # no verb after: the clause's
    ],
)
def test_relative_dates_resolve_against_publication(sentence: str, expected: str) -> None:
    mentions = find_dates(sentence, published=THURSDAY)
    assert mentions, sentence
    assert mentions[0].date.isoformat() == expected
    assert sentence[mentions[0].start : mentions[0].end] == mentions[0].text


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("The minister resigned yesterday.", published=None) == []
    assert [m.date for m in find_dates("It began on Nov. 2, 1997.", published=None)] == [dt.date(1997, 11, 2)]


def test_dates_inside_quotes_are_the_speakers_not_the_papers() -> None:
    assert find_dates('"We tried our best today to save the deal," he said.', published=THURSDAY) == []
    # the second sentence of a quotation the splitter cut in two: it opens inside the quotation
    assert find_dates("The boat we saw arrived yesterday,\u201d the harbour master said.", published=THURSDAY) == []
    assert find_dates('The boat we saw arrived yesterday," the harbour master said.', published=THURSDAY) == []
    assert [m.text for m in find_dates('He said: "We landed." The ship left yesterday.', published=THURSDAY)] == ["yesterday"]


def test_numbers_are_not_dates() -> None:
    assert find_dates("The crash killed 127 people in 1998.", published=THURSDAY) == []


def test_future_clause() -> None:
    assert clause_is_future("They will meet ", 15)
    assert not clause_is_future("They met ", 9)


CRASH_AP = (
    "A cargo plane crashed on Tuesday near the port of La Ceiba, killing its crew. "
    "Rescuers recovered the flight recorder yesterday. The airline will publish a report next month."
)
CRASH_REUTERS = (
    "Rescuers on Wednesday recovered the flight recorder of the cargo plane. "
    "The plane crashed Tuesday near La Ceiba, killing the crew."
)
CRASH_AFP = "The cargo plane crashed near La Ceiba on Monday, killing all on board, officials said."


def test_timeline_merges_same_development_and_keeps_conflicting_dates() -> None:
    articles = [
        make_article("ap.txt", CRASH_AP),
        make_article("reuters.txt", CRASH_REUTERS),
        make_article("afp.txt", CRASH_AFP),
    ]
    timeline = build_timeline(articles, sentences=split(articles))
    dates = [e.date.isoformat() for e in timeline]
    assert dates == sorted(dates)
    by_date = {e.date.isoformat(): e for e in timeline}
    # AP and Reuters agree the crash was on Tuesday: one entry citing both
    crash = by_date["1998-10-13"]
    assert set(crash.article_ids) == {articles[0].id, articles[1].id}
    assert len(crash.spans) == 2
    # the recorder: "yesterday" (AP) and "on Wednesday" (Reuters) resolve to the same day
    recorder = by_date["1998-10-14"]
    assert set(recorder.article_ids) == {articles[0].id, articles[1].id}
    # AFP says Monday: a separate entry, cited to AFP only
    assert by_date["1998-10-12"].article_ids == (articles[2].id,)
    # month-precise future development: dated to its month, shown as the month
    assert by_date["1998-11-01"].precision == "month"
    assert all(e.precision == "day" for e in timeline if e.date.isoformat() != "1998-11-01")
    texts = {a.id: a.text for a in articles}
    for entry in timeline:
        for span in entry.spans:
            assert texts[span.article_id][span.start : span.end]
        assert entry.text in [texts[s.article_id][s.start : s.end] for s in entry.spans]



def _dated_by_word(text: str, word: int = 0) -> dict[str, str]:
    """The timeline of one article published on THURSDAY: each entry's ``word``-th word → its ISO date."""
    article = make_article("ferry.txt", text, published=THURSDAY)
    return {e.text.split()[word]: e.date.isoformat() for e in build_timeline([article], sentences=split([article]))}


def test_a_date_in_a_relative_clause_is_background_not_the_development() -> None:
    dated = _dated_by_word(
        "Divers recovered the second engine of the ferry, which capsized on Oct. 2, on Tuesday. "
        "Investigators examined the wreck of the ferry that sank on Oct. 2 off the coast. "
        "Survivors said that the crew abandoned ship on Oct. 2. "
        "An inquiry, which opened on Oct. 5 \u2013 Oct. 6, will report next month."
    )
    assert dated["Divers"] == "1998-10-13"  # Tuesday, not the capsizing
    assert dated["Investigators"] == "1998-10-15"  # only background dates: the publication day
    assert dated["Survivors"] == "1998-10-02"  # a complementiser "that" opens no relative clause
    assert dated["An"] == "1998-11-01"  # the range is in the relative clause; the report is next month's
    undated = make_article("ferry2.txt", "Investigators examined the ferry that sank on Oct. 2.", published=None)
    assert build_timeline([undated], sentences=split([undated])) == ()


def test_a_description_beside_a_background_date_is_no_development_of_the_day() -> None:
    dated = _dated_by_word(
        "The harbour town of Varn is about 150 km from the centre of Wednesday night's earthquake. "
        "The district comprises 24 villages (two of them damaged by the Oct. 2 storm). "
        "Engineers have begun repairing the quay, which the storm destroyed on Oct. 2. "
        "Divers are still searching the wreck of the ferry, which sank on Oct. 2."
    )
    # the two descriptions are left out; the developments are the publication day's
    assert dated == {"Engineers": "1998-10-15", "Divers": "1998-10-15"}


def test_a_background_paragraph_repeated_the_next_day_is_one_entry_on_the_first_day() -> None:
    # written for this test: a wire's follow-up repeats the day before's paragraph, which has no date of its own
    background = (
        "The probe is to orbit alone for two weeks before the shuttle Arcadia, which is to be launched on Dec. 3, "
        "docks with it."
    )
    first = make_article("day1.txt", f"The probe was launched on Wednesday from the desert base. {background}")
    second = make_article(
        "day2.txt", f"The probe unfolded its solar panels on Thursday.  {background}", published=dt.date(1998, 10, 16)
    )
    entries = build_timeline([first, second], sentences=split([first, second]))
    repeated = [e for e in entries if e.text == background]
    assert [(e.date.isoformat(), set(e.article_ids)) for e in repeated] == [("1998-10-15", {first.id, second.id})]
    assert {e.date.isoformat() for e in entries} == {"1998-10-14", "1998-10-15"}


def test_a_connective_is_left_out_of_an_entry_that_reads_alone_without_it() -> None:
    # "But …" / "However, …" tie a development to the sentence before; without them it reads alone, and
    # the entry cites the words shown. "So far, …" and a pronoun subject are no such case
    text = ("The ferry company and the union met in Harwich on Monday. "
            "However, the union's leaders walked out of the talks on Tuesday. "
            "But divers recovered the second engine of the ferry on Wednesday. "
            "So far, nobody has claimed the wreck since Thursday. "
            "But they left the harbour on Friday.")
    article = make_article("ferry3.txt", text, published=dt.date(1998, 10, 15))
    entries = {e.text: e for e in build_timeline([article], sentences=split([article]))}
    assert sorted(entries) == [
        "Divers recovered the second engine of the ferry on Wednesday.",
        "The ferry company and the union met in Harwich on Monday.",
        "The union's leaders walked out of the talks on Tuesday.",
    ], sorted(entries)
    (span,) = entries["Divers recovered the second engine of the ferry on Wednesday."].spans
    assert text[span.start : span.end] == "divers recovered the second engine of the ferry on Wednesday."


def test_a_file_photos_caption_in_the_present_is_no_development() -> None:
    dated = _dated_by_word(
        "The Northern Star leaves Harwich harbour on March 28, 1995. "
        "The ferry entered service on June 2, 1996. "
        "Divers recovered the second engine of the ferry on Tuesday. "
        "The inquiry opens on Nov. 3, 1998.",
        word=1,
    )
    # the caption is gone; a past-tense background date, a development and a schedule stay
    assert dated == {"ferry": "1996-06-02", "recovered": "1998-10-13", "inquiry": "1998-11-03"}


def test_a_date_compared_with_is_no_development() -> None:
    text = (
        "The envoy said the fighting was as fierce now as two weeks ago. "
        "River levels were two meters lower than on Monday, officials reported Wednesday. "
        "The dam burst more than two weeks ago."
    )
    article = make_article("river.txt", text, published=THURSDAY)
    dated = {e.text.split()[1]: e.date.isoformat() for e in build_timeline([article], sentences=split([article]))}
    assert dated["envoy"] == "1998-10-15"  # no date of its own: the publication day
    assert dated["levels"] == "1998-10-14"  # Wednesday's report, not Monday's level
    assert dated["dam"] == "1998-10-01"  # "more than two weeks ago" is when it happened


@pytest.mark.parametrize(
    ("sentence", "date", "attributive"),
    [
        # a dated noun phrase after a preposition: another event, not the development's day
        ("Aid workers voiced concern on Wednesday over the Oct. 2 floods.", "Oct. 2", True),
        ("Rescuers kept digging in the wake of Monday's landslide.", "Monday", True),
        ("Schools have stayed shut since the Oct. 2 floods.", "Oct. 2", True),
        ("The parties courted farmers ahead of the Nov. 3 election.", "Nov. 3", True),
        ("Unions kept striking despite last month's agreement.", "last month", True),
        ("Relief came for the town's Oct. 2 flood victims.", "Oct. 2", True),
        ("Judges will hear appeals over the Sept. 9, 1997, ruling.", "Sept. 9, 1997", True),
        ("Monday's landslide's toll rose to 12.", "Monday", True),  # the phrase owns the noun
        # the phrase as subject, after a verb, or placing the development in the event: its date
        ("The Oct. 2 floods killed 40 people.", "Oct. 2", False),
        ("Monday's landslide, the worst in decades, buried six houses.", "Monday", False),
        ("The mayor said Monday's landslide was the worst in decades.", "Monday", False),
        ("Six people were killed in Monday's landslide.", "Monday", False),
        ("Two reporters were on Monday's flight.", "Monday", False),
        ("Voters rejected the plan at Sunday's referendum.", "Sunday", False),
        ("Many of Monday's mourners walked to the cemetery.", "Monday", False),
        ("Hours after Monday's landslide, the army sent trucks.", "Monday", False),
        ("The plan was on the front page of Wednesday's Daily Herald.", "Wednesday", False),
        ("The envoy left on Oct. 2 for the capital.", "Oct. 2", False),  # no noun phrase
        ("LISBON, Oct. 12 (Reuters) - The ministers met again.", "Oct. 12", False),  # a dateline
    ],
)
def test_a_dated_noun_phrase_beside_the_development(sentence: str, date: str, attributive: bool) -> None:
    (mention,) = [m for m in find_dates(sentence, published=THURSDAY) if m.text.endswith(date)]
    assert in_attributive_phrase(sentence, mention.start, mention.end) is attributive


def test_a_date_naming_another_event_is_not_the_development() -> None:
    text = (
        "Aid workers voiced concern on Wednesday over the Oct. 2 floods. "
        "Rescuers kept digging in the wake of Monday's landslide. "
        "The Oct. 2 floods killed 40 people across the valley. "
        "Six people were killed in Monday's landslide near the dam. "
        "The mayor said on Tuesday that Monday's landslide was the worst in decades."
    )
    article = make_article("valley.txt", text, published=THURSDAY)
    dated = {e.text.split()[1]: e.date.isoformat() for e in build_timeline([article], sentences=split([article]))}
    assert dated["workers"] == "1998-10-14"  # Wednesday's concern, not the floods' day
    assert dated["kept"] == "1998-10-15"  # only another event's date: the publication day
    assert dated["Oct."] == "1998-10-02"  # the dated phrase is the subject: the floods' own report
    assert dated["people"] == "1998-10-12"  # killed in the landslide: on its day
    assert dated["mayor"] == "1998-10-13"  # the saying's day
    undated = make_article("valley2.txt", "Rescuers kept digging in the wake of Monday's landslide.", published=None)
    assert build_timeline([undated], sentences=split([undated])) == ()


def test_timeline_entries_are_sentences_that_stand_alone() -> None:
    text = (
        "Yesterday's talks\n\nThe ministers met in Lisbon yesterday to discuss the fishing quotas. "
        "They also agreed yesterday to meet again in spring."
    )
    article = make_article("talks.txt", text, published=THURSDAY)
    entries = build_timeline([article], sentences=split([article]))
    assert [e.text for e in entries] == ["The ministers met in Lisbon yesterday to discuss the fishing quotas."]

def test_undated_articles_give_no_relative_entries() -> None:
    article = make_article("x.txt", "The minister resigned yesterday.", published=None)
    assert build_timeline([article], sentences=split([article])) == ()


def test_an_undated_article_reads_year_less_dates_near_its_story() -> None:
    dated = make_article("a.txt", "Rescuers reached the village on Tuesday.", published=dt.date(2015, 11, 14))
    undated = make_article("b.txt", "The ferry left the island on 3 October. Talks resumed on Jan. 5. "
                                    "The final is scheduled for June 10. The mayor resigned on Friday.", published=None)
    entries = build_timeline([dated, undated], sentences=split([dated, undated]))
    found = {e.text: e.date.isoformat() for e in entries if undated.id in e.article_ids}
    # the nearest year to the story (Jan. 5 after a November story is next January), the first June 10
    # from the story's time on for a future clause; "on Friday" needs the article's own date
    assert found == {"The ferry left the island on 3 October.": "2015-10-03", "Talks resumed on Jan. 5.": "2016-01-05",
                     "The final is scheduled for June 10.": "2016-06-10"}
    # alone, or in a story whose dated articles span years, an undated article has no year for them
    assert build_timeline([undated], sentences=split([undated])) == ()
    old = make_article("c.txt", "The dam opened on Monday.", published=dt.date(2011, 3, 1))
    assert all(undated.id not in e.article_ids
               for e in build_timeline([dated, old, undated], sentences=split([dated, old, undated])))


@pytest.mark.data
def test_real_cluster_timeline_is_ordered_and_cited() -> None:
    from newsbrief.pipeline import iter_articles

    folder = shared_data("duc2004", "docs", "d30001t")
    articles = [a for a in iter_articles([str(folder)], settings=Settings()) if isinstance(a, Article)]
    timeline = build_timeline(articles, sentences=split(articles))
    assert len(timeline) >= 10
    first, last = min(a.published for a in articles if a.published), max(a.published for a in articles if a.published)
    in_window = [e for e in timeline if first - dt.timedelta(days=60) <= e.date <= last + dt.timedelta(days=30)]
    assert len(in_window) >= 0.9 * len(timeline)
    texts = {a.id: a.text for a in articles}
    for entry in timeline:
        # the cited words themselves (a sentence shown without its opening connective: capitalised)
        shown = [texts[s.article_id][s.start : s.end] for s in entry.spans]
        assert entry.text in shown + [t[:1].upper() + t[1:] for t in shown]


def test_a_weekday_fixes_the_year_of_an_undated_calendar_date_and_a_dateline_is_no_entry() -> None:
    dated = make_article("a.txt", "Rescuers reached the village on Tuesday.", published=dt.date(2014, 4, 1))
    undated = make_article("b.txt", "SEPANG, March 15 -\n\nFamilies gathered outside the office on Thursday, February 12.",
                           published=None)
    entries = build_timeline([dated, undated], sentences=split([dated, undated]))
    # February 12 fell on a Thursday in 2015, not in 2014 (the year nearest the story)
    assert [(e.date.isoformat(), e.text) for e in entries if undated.id in e.article_ids] == [
        ("2015-02-12", "Families gathered outside the office on Thursday, February 12.")]
    [mention] = find_dates("It ended on Saturday 15 March.", published=dt.date(2014, 3, 20))
    assert (mention.text, mention.date) == ("Saturday 15 March", dt.date(2014, 3, 15))


def test_a_month_precise_development_is_its_own_entry_and_shows_as_a_month() -> None:
    from newsbrief.model import Briefing, Story
    from newsbrief.render.briefing_json import briefing_to_dict

    text = "The council met on Oct. 1 to set the fares. Fares rose last month after the council's vote."
    articles = [make_article("council.txt", text)]
    timeline = build_timeline(articles, sentences=split(articles))
    assert [(e.date.isoformat(), e.precision) for e in timeline] == [("1998-09-01", "month"), ("1998-10-01", "day")]
    story = Story("s", tuple(a.id for a in articles))
    briefing = Briefing(story, "h", (), timeline, (), (), (), (), tuple(articles), {})
    rendered = briefing_to_dict(briefing)
    assert [e["date"] for e in rendered["timeline"]] == ["1998-09", "1998-10-01"]


def test_a_busy_day_keeps_the_most_reported_and_leading_developments() -> None:
    first = make_article(
        "first.txt",
        "Rebels seized the port of Kalem on Tuesday after a week of fighting. "
        "Aid workers counted 40 damaged houses in the old town on Tuesday. "
        "A ferry carrying fuel docked at the northern pier on Tuesday evening. "
        "Shops near the market stayed closed on Tuesday afternoon.",
    )
    second = make_article("second.txt", "On Tuesday rebels seized the port of Kalem after days of fighting, the army said.")
    entries = build_timeline([first, second], sentences=split([first, second]), per_day=2)
    assert len(entries) == 2
    assert set(entries[0].article_ids) == {first.id, second.id}  # reported by both
    assert entries[1].text.startswith("Aid workers")  # the next one down its article
    assert len(build_timeline([first, second], sentences=split([first, second]))) == 4  # no cap: every one


def test_a_day_keeps_what_was_reported_done_before_what_was_still_ahead() -> None:
    # two earlier articles announce Thursday's trial; the later one reports it held
    monday = dt.date(1998, 12, 14)
    one = make_article("one.txt", "Two dissidents will go on trial in Kalem on Thursday, their families said.", monday)
    two = make_article("two.txt", "The father of a dissident will ask for a delay of the trial set for Thursday in Kalem.", monday)
    later = make_article("later.txt", "Judges heard the prosecutors' case against both men on Thursday morning.", dt.date(1998, 12, 18))
    articles = [one, two, later]
    entries = build_timeline(articles, sentences=split(articles), per_day=1)
    assert [e.text for e in entries] == ["Judges heard the prosecutors' case against both men on Thursday morning."]


def test_a_timeline_entry_says_who_it_is_about() -> None:
    article = make_article(
        "who.txt",
        "Mayor Ana Ruiz opened the bridge on Monday. Police said on Tuesday he had fled the city.",
    )
    texts = [e.text for e in build_timeline([article], sentences=split([article]))]
    assert texts == ["Mayor Ana Ruiz opened the bridge on Monday."]


def test_a_photo_caption_left_in_the_text_is_no_development() -> None:
    article = make_article(
        "a.txt",
        "Crews cleared the flooded road on Wednesday. "
        "Volunteers carry sandbags along the river in Valtown, Tuesday, Oct. 13, 1998. "
        "(AP Photo/Jane Roe) The mayor thanked the volunteers on Thursday.",
    )
    entries = build_timeline([article], sentences=split([article]))
    assert [e.text for e in entries] == ["Crews cleared the flooded road on Wednesday.", "The mayor thanked the volunteers on Thursday."]


def test_a_refusal_to_comment_is_no_development() -> None:
    article = make_article(
        "a.txt",
        "Crews cleared the flooded road on Wednesday. The mayor was not available Thursday for comment. "
        "The water board declined to comment on Friday, but said the dam would be inspected on Monday.",
        published=dt.date(2026, 3, 6),
    )
    entries = build_timeline([article], sentences=split([article]))
    assert [e.text for e in entries] == [
        "Crews cleared the flooded road on Wednesday.",
        "The water board declined to comment on Friday, but said the dam would be inspected on Monday.",
    ]


def test_a_birth_told_beside_a_name_is_no_development() -> None:
    article = make_article(
        "a.txt",
        "The actor Tom Vale, born in Leeds on May 1, 1930, died at his home on Monday. "
        "The singer Ana Ruiz (born 4 June 1948) retired on Tuesday. Dan Ruiz was born on Sunday in Leeds.",
        published=dt.date(2026, 3, 4),
    )
    entries = build_timeline([article], sentences=split([article]))
    assert [(e.date.isoformat(), e.text[:20]) for e in entries] == [
        ("2026-03-01", "Dan Ruiz was born on"),
        ("2026-03-02", "The actor Tom Vale, "),
        ("2026-03-03", "The singer Ana Ruiz "),
    ]


def test_a_present_tense_caption_and_an_editors_correction_are_no_developments() -> None:
    article = make_article(
        "a.txt",
        "Crews cleared the flooded road on Wednesday, March 4. "
        "Neighbours fill sandbags outside the town hall in Valtown, Ohio, on Thursday, March 5. "
        "The mayor thanked the volunteers on Friday, March 6. "
        "Because of an editing error, an article on March 2 about the flood misstated the height of the river.",
        published=dt.date(2026, 3, 9),
    )
    entries = build_timeline([article], sentences=split([article]))
    assert [e.text for e in entries] == [
        "Crews cleared the flooded road on Wednesday, March 4.", "The mayor thanked the volunteers on Friday, March 6."
    ]


def test_one_development_never_starts_twice_because_its_wordings_came_in_another_order() -> None:
    # the second wording matches none of the first cluster's sentences when it arrives; the third and
    # fourth match both and join the first cluster, whose representative then matches the second
    texts = [
        "Palair's union accepted the plan on Oct. 7, allowing flights to resume.",
        "Debt-laden Palair reopened with domestic flights on Oct. 7 after a 13-day shutdown.",
        "Palair reopened with domestic flights on Oct. 7 after its union accepted the plan.",
        "Palair reopened with domestic flights on Oct. 7 once the union accepted the plan.",
    ]
    articles = [make_article(f"p{i}.txt", text) for i, text in enumerate(texts)]
    entries = build_timeline(articles, sentences=split(articles))
    assert [(e.date, len(e.article_ids)) for e in entries] == [(dt.date(1998, 10, 7), 4)]
    # an unrelated development of the same day stays its own entry
    other = make_article("q.txt", "Floods closed the port of Manila on Oct. 7, the coast guard said.")
    entries = build_timeline([*articles, other], sentences=split([*articles, other]))
    assert sorted(len(e.article_ids) for e in entries) == [1, 4]


def test_a_development_still_to_come_is_marked_ahead() -> None:
    import datetime as dt

    from analysis_builders import make_article
    from newsbrief.text import SentenceSplitter
    from newsbrief.timeline import build_timeline

    text = ("The city council approved the new bridge on Monday. "
            "Construction is scheduled to begin on June 10, the council said.")
    article = make_article("a.txt", text, published=dt.date(2024, 5, 8))
    splitter = SentenceSplitter()
    entries = build_timeline([article], sentences={article.id: splitter.sentences(article.id, article.text)})
    assert [(e.date.isoformat(), e.ahead) for e in entries] == [("2024-05-06", False), ("2024-06-10", True)]


def test_a_sentence_inside_a_quotation_or_a_lists_entry_is_no_development() -> None:
    text = (
        "The cargo ship left Rotterdam on Tuesday. \u201cWe checked every container. The crane broke on Monday. "
        "Nobody was hurt,\u201d the captain said.\n\n"
        "Crew:\n\nJan Visser: captain, on board since the ship was launched on March 3, 1998."
    )
    article = make_article("ship.txt", text)
    texts = [e.text for e in build_timeline([article], sentences=split([article]))]
    assert texts == ["The cargo ship left Rotterdam on Tuesday."]


def test_a_fronted_after_phrase_gives_its_day_only_when_the_development_has_none() -> None:
    import datetime as dt

    from newsbrief.model import Article
    from newsbrief.timeline import dated_sentences

    text = (
        "Following the rebel attack on Nov. 9, troops raided a village on Nov. 13. "
        "After a long debate on Thursday, lawmakers killed the bill with a voice vote. "
        "Since Aug. 31, the index has risen more than 24 percent."
    )
    article = Article(id="a", content_hash="h", source="a.txt", title=None, text=text, published=dt.date(1998, 11, 20))
    days = [d.date for d in dated_sentences([article], sentences={}, for_timeline=True)]
    assert days == [dt.date(1998, 11, 13), dt.date(1998, 11, 19), dt.date(1998, 11, 20)]
