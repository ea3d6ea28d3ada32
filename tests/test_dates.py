"""Year-less calendar dates that name an event's own day (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.dates import find_dates, written_years


def test_an_events_own_date_is_the_coming_one_when_much_nearer() -> None:
    published = dt.date(1998, 10, 2)
    for text in (
        "Money troubles threatened to delay the stadium in time for the Dec. 6-20 games.",
        "The games open Dec. 6 in the capital.",
    ):
        (mention,) = find_dates(text, published=published)
        assert mention.date == dt.date(1998, 12, 6), text
    # a past event named months later stays past
    (quake,) = find_dates("Aid was slow after the February 27 earthquake.", published=dt.date(2010, 11, 28))
    assert quake.date == dt.date(2010, 2, 27)
    (arrest,) = find_dates("He was arrested on Dec. 6 in the capital.", published=published)
    assert arrest.date == dt.date(1997, 12, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an obligation speaks of the future: the coming May 2, not last year's
        ("The company must repay the loan by May 2.", dt.date(2014, 5, 2)),
        ("Greece has to repay 3 billion euros by May 2.", dt.date(2014, 5, 2)),
        ("Blair should be landing in Beijing on May 2.", dt.date(2014, 5, 2)),
        # … but not "must have" (a guess about the past) nor a past verb
        ("He must have left on May 2.", dt.date(2013, 5, 2)),
        ("The ceasefire ended on May 2.", dt.date(2013, 5, 2)),
    ],
)
def test_an_obligation_points_to_the_coming_date(text: str, expected: dt.date) -> None:
    (mention,) = find_dates(text, published=dt.date(2014, 4, 20))
    assert mention.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 5-8 April, ships detected signals.", ("5-8 April", dt.date(2014, 4, 5))),
        ("Between 5 and 8 April ships searched.", ("5 and 8 April", dt.date(2014, 4, 5))),
        ("On 5\u20138 April 2013 signals were heard.", ("5\u20138 April 2013", dt.date(2013, 4, 5))),
        ("Of the 20 ships, 8 April arrivals were late.", ("8 April", dt.date(2014, 4, 8))),  # no range: 20 > 8
    ],
)
def test_a_day_range_before_its_month_is_dated_by_its_first_day(text: str, expected: tuple[str, dt.date]) -> None:
    from newsbrief.dates import find_dates

    [mention] = find_dates(text, published=dt.date(2014, 7, 9))
    assert (mention.text, mention.date) == expected


def test_a_weekday_before_a_year_less_date_fixes_its_year() -> None:
    # published July 24, 2000: "said … on Tuesday, July 25" is the coming Tuesday, not July 25, 1999 (a Sunday)
    (found,) = find_dates("The Courier said in an editorial on Tuesday, July 25:", published=dt.date(2000, 7, 24))
    assert (found.text, found.date) == ("Tuesday, July 25", dt.date(2000, 7, 25))
    # a colon after the day ends the date; a clock time after the month does not make one
    assert [m.text for m in find_dates("It said on July 25: no.", published=dt.date(2000, 7, 24))] == ["on July 25"]
    assert find_dates("It ended Dec. 3:30 later.", published=dt.date(2000, 7, 24)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected", "future"),
    [
        # a passive after "will be" is future, not a past verb before the date
        ("One leader will be tried on Dec. 17 on a charge of subversion.", dt.date(1998, 12, 5), dt.date(1998, 12, 17), True),
        ("The leader was tried on Dec. 1 on a charge of subversion.", dt.date(1998, 12, 5), dt.date(1998, 12, 1), False),
        # … and so is one after "being" (published on a Wednesday, the Friday ahead)
        ("The draft is expected to undergo revisions before being finalized Friday.", dt.date(2007, 12, 12),
         dt.date(2007, 12, 14), True),
        ("The talks are going to end, Friday being scheduled as the last day.", dt.date(2007, 12, 12),
         dt.date(2007, 12, 14), True),
        ("The draft was finalized Friday.", dt.date(2007, 12, 12), dt.date(2007, 12, 7), False),
        # a year-less date weeks ahead is this year's, whatever the sentence's tense
        ("The decision to cancel 99 games between Nov. 3 and Nov. 16 came after the talks.", dt.date(1998, 10, 20),
         dt.date(1998, 11, 3), True),
        ("The elections are Nov. 3.", dt.date(1998, 10, 20), dt.date(1998, 11, 3), True),
        # … unless a past verb before it in its clause tells of last year's, seven weeks back from ahead
        ("The envoy was seized by three gunmen in the capital on Jan. 29.", dt.date(1998, 12, 10), dt.date(1998, 1, 29), False),
        # a date with its year is neither ahead nor behind
        ("The raid on Feb. 28, 1993, failed.", dt.date(1999, 8, 30), dt.date(1993, 2, 28), False),
    ],
)
def test_a_year_less_date_weeks_ahead_is_this_years(text: str, published: dt.date, expected: dt.date, future: bool) -> None:
    mention = find_dates(text, published=published)[0]
    assert (mention.date, mention.future) == (expected, future)


def test_a_year_less_date_takes_the_year_its_article_writes_with_it() -> None:
    article = (
        "The siege of the ranch began on Feb. 28, 1993. "
        "The ensuing 51-day standoff ended on April 19 when agents fired tear gas into the compound. "
        "On April 19, 1993 the buildings burned. The April 19 fire killed 76 people."
    )
    years = written_years(article)
    assert years == {(2, 28): 1993, (4, 19): 1993}
    published = dt.date(2000, 7, 21)
    for sentence in ("The ensuing 51-day standoff ended on April 19 when agents fired tear gas.", "The April 19 fire killed 76 people."):
        [mention] = find_dates(sentence, published=published, years=years)
        assert mention.date == dt.date(1993, 4, 19) and not mention.future
        # without the article's years: the last April 19 before publication
        [alone] = find_dates(sentence, published=published)
        assert alone.date == dt.date(2000, 4, 19)
    # a day the writer says is still to come is the coming one (an anniversary), whatever year it was written with
    [coming] = find_dates("Survivors will gather on April 19 at the site.", published=published, years=years)
    assert coming.date == dt.date(2001, 4, 19) and coming.future
    # a day written with two different years gives none
    assert written_years("Jan. 1, 2001 and Jan. 1, 2002 and Feb. 3, 2001") == {(2, 3): 2001}


@pytest.mark.parametrize(
    ("text", "expected", "future"),
    [
        ("Israel withdrew troops last week.", dt.date(1998, 11, 1), False),
        ("Earlier this week, Japan took a similar position.", dt.date(1998, 11, 1), False),
        ("Palestine Airlines will begin direct flights next week.", dt.date(1998, 12, 1), True),
        ("The Palestinians inaugurated an airport last weekend.", dt.date(1998, 11, 1), False),
    ],
)
def test_a_week_is_dated_by_its_month(text: str, expected: dt.date, future: bool) -> None:
    # published on Tuesday, Nov. 24, 1998: next week is mostly December's
    [mention] = find_dates(text, published=dt.date(1998, 11, 24))
    assert (mention.date, mention.precision, mention.future) == (expected, "month", future)


def test_a_plan_told_in_the_past_points_ahead() -> None:
    # written on Thursday: "were to sign … Friday" is the coming Friday
    text = "Israeli and Palestinian officials were to sign a protocol for the airport Friday."
    [mention] = find_dates(text, published=dt.date(1998, 11, 19))
    assert mention.date == dt.date(1998, 11, 20) and mention.future


def test_today_as_nowadays_or_a_newspapers_name_dates_nothing() -> None:
    published = dt.date(1998, 11, 7)
    for text in (
        "Today's South Africa has urgent new problems to deal with.",
        "Kirkhart is vice president for production at USA Today.",
        "Harper today is a businessman in Iqaluit.",
        "Today, shoppers are buying everything from bread to bicycles online.",  # an opening "Today," with no event
        "The network could reach many more homes than today.",
    ):
        assert find_dates(text, published=published) == [], text
    for text in ("Today's stage was won by the Dane.", "The minister resigned today.", "The summit opens today.",
                 "Today, the talks ended without a deal."):
        assert [m.date for m in find_dates(text, published=published)] == [published], text


def test_what_was_said_after_that_is_no_relative_clause() -> None:
    from newsbrief.dates import in_relative_clause

    text = "A military official told the New York Times that flights to the US were stopped on Wednesday."
    assert not in_relative_clause(text, text.index("on Wednesday"))
    assert in_relative_clause("Crews found the jet that vanished on June 1.", 34)


def test_a_relative_clause_in_the_subject_ends_where_the_main_verb_comes() -> None:
    from newsbrief.dates import in_relative_clause

    text = "The summit that was held for two weeks in Bali came to a conclusion on Saturday."
    assert not in_relative_clause(text, text.index("on Saturday"))
    text = "Some senators who had been critical were more understanding Thursday."
    assert not in_relative_clause(text, text.index("Thursday"))
    # the clause's own date, a clause after a comma, a participle: still the relative clause's
    text = "The ferry that sank on Monday carried 300 passengers."
    assert in_relative_clause(text, text.index("on Monday"))
    text = "The guard, who had been assigned to the four when they were abducted Oct. 3, identified them."
    assert in_relative_clause(text, text.index("Oct."))
    text = "A premier who visited flooded areas on Tuesday said laws were not enforced."
    assert in_relative_clause(text, text.index("on Tuesday"))


def test_a_relative_day_written_without_its_apostrophe_is_found() -> None:
    (mention,) = find_dates("The issues were settled during yesterdays informal talks.", published=dt.date(2007, 12, 15))
    assert (mention.text, mention.date) == ("yesterdays", dt.date(2007, 12, 14))
    assert find_dates("Nobody reads old newspapers.", published=dt.date(2007, 12, 15)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On this day last year, bombs struck the city's trains.", "2005-07-07"),
        ("A bus was attacked this day one year ago.", "2005-07-07"),
        ("The dam broke two years ago today.", "2004-07-07"),
        ("It was five years ago to the day that the dam broke.", "2001-07-07"),
    ],
)
def test_an_anniversary_is_the_same_day_years_back_not_today(text: str, expected: str) -> None:
    (mention,) = find_dates(text, published=dt.date(2006, 7, 7))
    assert (mention.date.isoformat(), mention.precision) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the future verb stands more than 80 characters before the date, across commas
        (
            "The novelist will receive her prize, worth the equivalent of 950,000 euros this year, at a ceremony "
            "in the capital on Dec. 10.",
            dt.date(2011, 10, 6),
            dt.date(2011, 12, 10),
        ),
        (
            "The league will publish its first rankings through the national football body, with the first "
            "installment Oct. 23.",
            dt.date(2006, 4, 26),
            dt.date(2006, 10, 23),
        ),
    ],
)
def test_a_long_future_sentence_dates_its_participle_clause_ahead(text: str, published: dt.date, expected: dt.date) -> None:
    (mention,) = find_dates(text, published=published)
    assert (mention.date, mention.future) == (expected, True)
