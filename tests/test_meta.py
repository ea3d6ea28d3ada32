"""Metadata: headline, outlet, dateline, publication date, language, provenance, ids, appended stories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import EXAMPLES, shared_data
from newsbrief import meta_dates
from newsbrief.ingest import read_inputs
from newsbrief.meta import LanguageDetector, describe, looks_english, parse_date
from newsbrief.model import CleanResult, CleanText, RawDocument, Removal
from newsbrief.pipeline import iter_articles
from newsbrief.settings import IngestOptions, MetaOptions, Settings
from newsbrief.text import article_id, content_hash

OPTIONS = MetaOptions()
DETECTOR = LanguageDetector()
BODY = (
    "A strong earthquake shook the southern port city early on Tuesday, cracking walls and cutting power "
    "to several districts, officials said. Residents gathered in parks while engineers inspected bridges."
)


def run(raw: RawDocument, cleaned: CleanResult | None = None) -> object:
    cleaned = cleaned or CleanResult(CleanText(title=None, text=raw.text))
    return describe(raw, cleaned, options=OPTIONS, detector=DETECTOR)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Saturday, January 8, 2005", "2005-01-08"),
        ("Sep 24, 2021", "2021-09-24"),
        ("September 9, 2021 08:51 AM", "2021-09-09"),
        ("Sept. 3, 2019, 10:15 a.m. EDT", "2019-09-03"),
        ("24 September 2021", "2021-09-24"),
        ("Friday 5th June 2009", "2009-06-05"),
        ("2005/01/08", "2005-01-08"),
        ("2009-06-02T09:30:00Z", "2009-06-02"),
        ("10/17/1998 05:50:00", "1998-10-17"),
        ("1999-05-19 21:11:17", "1999-05-19"),
        ("Published: 12 March 2020", "2020-03-12"),
        ("February 30, 2010", None),
        ("The minister spoke", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    date = parse_date(value)
    assert (date.isoformat() if date else None) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Published 18 November 2019", "2019-11-18"),
        ("UPDATED: Tue., Nov. 19, 2019", "2019-11-19"),
        ("Last modified: 3 May 2021 14:02 BST", "2021-05-03"),
    ],
)
def test_date_line_after_label_read_by_patterns(line: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dateparser(value: str) -> None:
        raise AssertionError(f"dateparser called on {value!r}")

    monkeypatch.setattr(meta_dates, "_dateparser", no_dateparser)
    date = parse_date(line, whole=True)
    assert (date.isoformat() if date else None) == expected


@pytest.mark.parametrize(
    "line",
    ["Ties to be played on 20/21 February.", "The Asian Games will be held from the Dec. 6-20.", "Semi-finals on 5/6 May 09"],
)
def test_sentence_naming_a_date_is_no_date_line(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # dateparser reads "20/21 February" as 20 February 2021; a sentence is no date line, so it is never asked.
    def no_dateparser(value: str) -> None:
        raise AssertionError(f"dateparser called on {value!r}")

    monkeypatch.setattr(meta_dates, "_dateparser", no_dateparser)
    assert parse_date(line, whole=True) is None


def test_date_line_with_a_label_word_still_reaches_dateparser() -> None:
    assert parse_date("Correction: July 9th 2014", whole=True) == dt.date(2014, 7, 9)
    assert parse_date("Updated: 5 March 05", whole=True) == dt.date(2005, 3, 5)


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet", "rest"),
    [
        ("WASHINGTON (AP) -- Officials said", "WASHINGTON", "AP", "Officials said"),
        ("PHNOM PENH, Cambodia (AP) _ Cambodian leader", "PHNOM PENH, Cambodia", "AP", "Cambodian leader"),
        ("PARIS, Nov 14 (Reuters) - France said", "PARIS", "Reuters", "France said"),
        ("Washington. September 9. INTERFAX - The US said", "Washington", "Interfax", "The US said"),
        ("GENEVA (AFP) \u2014 The agency said", "GENEVA", "AFP", "The agency said"),
        ("WEST PALM BEACH, Fla. -- Harold Martin wants", "WEST PALM BEACH, Fla.", None, "Harold Martin wants"),
        ("London, England \u2014 For the second time", "London, England", None, "For the second time"),
        ("KUALA LUMPUR: The lack of evidence", "KUALA LUMPUR", None, "The lack of evidence"),  # a known place
        ("PARIS \u2014European authorities staged", "PARIS", None, "European authorities staged"),  # dash touching
    ],
)
def test_dateline_is_moved_out_of_the_body(opening: str, dateline: str, outlet: str | None, rest: str) -> None:
    text = f"{opening} on Monday that the talks would go on.\n\nA second paragraph follows here."
    article = run(RawDocument("a.txt", "Headline\n\n" + text), CleanResult(CleanText("Headline", text)))
    assert article.dateline == dateline
    assert article.outlet == outlet
    assert article.text.startswith(rest)
    assert text.endswith(article.text)  # the body stays exact text
    assert article.removed[-1].reason == "dateline"
    assert article.removed[-1].line == opening[: len(opening) - len(rest)].strip()
    assert article.provenance["dateline"] == "text:dateline"


def test_placeless_wire_credit_opening_the_body_is_a_dateline() -> None:
    # scrapers often cut the place and keep "(Reuters) - ": the credit is metadata, not the first sentence
    text = "(Reuters) - Cyprus will ease its citizenship rules, the president said.\n\nMinisters met on Friday."
    article = run(RawDocument("a.txt", "Headline\n\n" + text), CleanResult(CleanText("Headline", text)))
    assert article.outlet == "Reuters" and article.dateline is None
    assert article.text.startswith("Cyprus will ease")
    assert article.removed[-1] == Removal(line="(Reuters) -", reason="dateline", line_no=3)


@pytest.mark.parametrize(
    "opening",
    [
        "The Minister said on Monday",  # no dash, no agency
        "US officials - who asked not to be named - said",  # lower-case words
        "March 26, 2005 was a day to remember",  # a date in a sentence is not a date line
        "BREAKING: The Minister said",  # a label and a colon: only a known place is a colon dateline
        "UPDATE: Officials said",
    ],
)
def test_ordinary_sentences_are_not_datelines(opening: str) -> None:
    text = f"{opening} that the talks would go on."
    article = run(RawDocument("a.txt", text), CleanResult(CleanText(None, text)))
    assert article.text == text and not article.removed and article.dateline is None


@pytest.mark.parametrize(
    ("text", "title", "dateline", "rest"),
    [
        # a flattened page: the headline glued to the dateline (here with a station's call sign)
        (
            "Ferry Service Resumes After Storms HARBOUR CITY (WXYZ) \u2014 The island ferry sailed again on Tuesday.",
            "Ferry Service Resumes After Storms",
            "HARBOUR CITY",
            "The island ferry sailed again on Tuesday.",
        ),
        # a sentence-case headline before a dateline with a region
        (
            "Floods cut off mountain villages GRENOBLE, France - Rescue teams reached three villages on Monday.",
            "Floods cut off mountain villages",
            "GRENOBLE, France",
            "Rescue teams reached three villages on Monday.",
        ),
        # a title-case headline before a sentence opening with "As"
        (
            "Port Strike Puts Exporters to the Test As the second week begins, dockers show no sign of giving in.",
            "Port Strike Puts Exporters to the Test",
            None,
            "As the second week begins, dockers show no sign of giving in.",
        ),
        # a site's name in brackets and a dash after the headline
        (
            "Council Votes To Close Old Bridge (Valley Daily) \u2013 The council voted on Monday to close it.",
            "Council Votes To Close Old Bridge",
            None,
            "The council voted on Monday",
        ),
        # the page lost the dateline's dash
        ("HARBOURTON The council voted on Monday to close the bridge.", None, "HARBOURTON", "The council voted on Monday"),
    ],
)
def test_a_headline_glued_to_the_lede_is_the_headline(text: str, title: str | None, dateline: str | None, rest: str) -> None:
    article = run(RawDocument("a.txt", text), CleanResult(CleanText(None, text)))
    assert article.title == title
    assert article.dateline == dateline
    assert article.text.startswith(rest)
    assert text.endswith(article.text)
    if title:
        assert article.provenance["title"] == "text:glued headline"


def test_a_glued_copy_of_the_headline_and_the_writer_after_it_are_removed() -> None:
    text = "Ferry Service Resumes After Storms By Ana Lima PORTO (Reuters) - The island ferry sailed again on Tuesday."
    article = run(RawDocument("a.txt", "Ferry service resumes after storms\n\n" + text), CleanResult(CleanText("Ferry service resumes after storms", text)))
    assert article.title == "Ferry service resumes after storms"
    assert article.text == "The island ferry sailed again on Tuesday."
    assert [(r.reason, r.line) for r in article.removed] == [
        ("byline", "By Ana Lima"), ("repeated headline", "Ferry Service Resumes After Storms"), ("dateline", "PORTO (Reuters) -"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Ana Lima said on Monday that the talks would go on.",  # a name, then the verb
        "The Federal Reserve Bank of New York raised its forecast on Monday.",
        "Stocks Rally In A Late Surge As Investors Cheer The Rate Cut",  # a headline alone
        "Families Wait For News Of Missing Fishermen In The Storm",
        "SANDOUPING (Three Gorges), November 5 (Xinhua) -- The dam stood the test, an official said.",  # one dateline
        "Ships Sent To Help As Fires Rage In The South And The East Of The Country With Winds Rising Again Today",
    ],
)
def test_no_glued_headline_is_found_in_a_lede_or_a_lone_headline(text: str) -> None:
    article = run(RawDocument("a.txt", text), CleanResult(CleanText(None, text)))
    assert article.title is None
    assert "glued" not in article.provenance.get("title", "")


def test_record_metadata_wins_over_the_text() -> None:
    raw = RawDocument(
        "f.jsonl#line 1",
        BODY,
        format="json",
        url="https://www.portnews.example/2025/quake",
        record_meta={"title": "Quake shakes port", "published": "2025-03-04", "outlet": "Port News", "language": "en"},
    )
    article = run(raw, CleanResult(CleanText("Cleaner's headline", BODY, meta_lines=("Monday, March 3, 2025",))))
    assert (article.title, article.outlet, article.published, article.language) == (
        "Quake shakes port",
        "Port News",
        dt.date(2025, 3, 4),
        "en",
    )
    assert article.provenance == {
        "language": "record:language",
        "outlet": "record:outlet",
        "published": "record:published",
        "title": "record:title",
    }
    assert article.url == "https://www.portnews.example/2025/quake"


def test_url_domain_is_the_outlet_when_nothing_better() -> None:
    raw = RawDocument("https://www.portnews.example/q", BODY, format="html", url="https://www.portnews.example/q")
    article = run(raw)
    assert article.outlet == "portnews.example" and article.provenance["outlet"] == "url"


def test_leading_date_in_the_headline_line_is_the_publication_date() -> None:
    raw = RawDocument("M0000.txt", "2005/01/08 Tsunami aid donations deductible\n\nSaturday, January 8, 2005\n\n" + BODY)
    cleaned = CleanResult(CleanText("2005/01/08 Tsunami aid donations deductible", BODY))
    article = run(raw, cleaned)
    assert article.title == "Tsunami aid donations deductible"
    assert article.published == dt.date(2005, 1, 8)
    assert article.provenance["published"] == "text:line 1"
    assert article.provenance["title"] == "text:line 1"


def test_date_line_in_a_byline_near_the_top() -> None:
    raw = RawDocument("a.txt", "Quake shakes port\nBy Staff Reporter | Sep 24, 2021 08:51 AM\n\n" + BODY)
    article = run(raw, CleanResult(CleanText("Quake shakes port", BODY)))
    assert article.published == dt.date(2021, 9, 24) and article.provenance["published"] == "text:line 2"


def test_a_date_inside_the_headline_is_its_subject_not_the_publication_date() -> None:
    headline = "Harbour crane collapse of March 3, 2019 remembered by dock workers"
    raw = RawDocument("a.txt", f"{headline}\n\nTuesday, March 3, 2020\n\n{BODY}")
    article = run(raw, CleanResult(CleanText(headline, BODY, meta_lines=("Tuesday, March 3, 2020",))))
    assert article.published == dt.date(2020, 3, 3) and article.provenance["published"] == "text:line 3"
    # with no date line, the headline's date is still no publication date
    undated = run(RawDocument("a.txt", f"{headline}\n\n{BODY}"), CleanResult(CleanText(headline, BODY)))
    assert undated.published is None


def test_date_glued_to_the_first_paragraph_is_removed_as_a_date_line() -> None:
    text = "Saturday, March 26, 2005 Up to four times as many women as men died, figures reveal."
    article = run(RawDocument("a.txt", "Title\n\n" + text), CleanResult(CleanText("Title", text)))
    assert article.published == dt.date(2005, 3, 26)
    assert article.text == "Up to four times as many women as men died, figures reveal."
    assert article.removed == (Removal("Saturday, March 26, 2005", "dateline", 3),)


@pytest.mark.parametrize(
    ("opening", "published", "rest"),
    [
        ("14 May 2019 \u2013 The council's expert warned today that the cuts may hurt.", dt.date(2019, 5, 14),
         "The council's expert warned today that the cuts may hurt."),
        ("May 14, 2019 -- The council voted.", dt.date(2019, 5, 14), "The council voted."),
        # no dash: the date is the sentence's own and stays in it (a date starting a first line still dates the page)
        ("May 14, 2019 was the day the council voted.", dt.date(2019, 5, 14),
         "May 14, 2019 was the day the council voted."),
    ],
)
def test_a_press_releases_date_and_dash_opening_the_body_is_a_date_line(
    opening: str, published: dt.date | None, rest: str
) -> None:
    article = run(RawDocument("a.txt", "Title\n\n" + opening), CleanResult(CleanText("Title", opening)))
    assert article.published == published
    assert article.text == rest


def test_sgml_docno_gives_date_and_outlet() -> None:
    raw = RawDocument("x#APW19981016.0240", BODY, format="sgml", record_meta={"docno": "APW19981016.0240"})
    article = run(raw)
    assert (article.published, article.outlet) == (dt.date(1998, 10, 16), "AP")
    assert article.provenance["published"] == "sgml:DOCNO"


def test_a_wires_marker_before_the_headline_is_no_part_of_it(tmp_path: Path) -> None:
    wire = tmp_path / "APW19990310.0001"
    wire.write_text(
        "<DOC>\n<DOCNO> APW19990310.0001 </DOCNO>\n<TEXT>\n<P>\n *Harbour board to close the old ferry pier \n</P>\n<P>\n"
        "\tPORT ELLEN (AP) -- The harbour board voted on Tuesday to close the old ferry pier after engineers found "
        "cracks in its pilings, the board's chairman said.\n</P>\n<P>\n\tThe pier will stay shut until repairs are "
        "finished next spring, and ferries will use the new terminal.\n</P>\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    (article,) = iter_articles([str(wire)], settings=Settings())
    assert (article.title, article.dateline) == ("Harbour board to close the old ferry pier", "PORT ELLEN")


def test_ids_come_from_the_text_module() -> None:
    article = run(RawDocument("a.txt", BODY))
    assert article.content_hash == content_hash(BODY)
    assert article.id == article_id("a.txt", content_hash(BODY))
    other = run(RawDocument("b.txt", BODY))
    assert other.content_hash == article.content_hash and other.id != article.id


def test_appended_stories_are_articles_with_their_own_metadata() -> None:
    appended = CleanText(
        "River bursts its banks",
        "RIVERTON (AFP) - The river burst its banks on Sunday after four days of heavy rain, flooding farmland.",
        meta_lines=("Sunday, March 2, 2025",),
    )
    raw = RawDocument("page.html", "irrelevant", format="html", url="https://portnews.example/q", record_meta={"title": "Quake"})
    article = describe(raw, CleanResult(CleanText("Quake", BODY), (appended,)), options=OPTIONS, detector=DETECTOR)
    [part] = article.appended
    assert part.source == "page.html#appended1"
    assert (part.title, part.dateline, part.outlet, part.published) == ("River bursts its banks", "RIVERTON", "AFP", dt.date(2025, 3, 2))
    assert part.id == article_id("page.html#appended1", content_hash(part.text))
    assert article.title == "Quake" and article.outlet == "portnews.example"


def test_language_detection_is_deterministic_and_bounded() -> None:
    french = (
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au parlement "
        "la semaine prochaine. Les syndicats ont appelé à une grève générale pour protester contre le projet."
    )
    german = "Die Regierung hat am Dienstag eine neue Rentenreform angekündigt, die nächste Woche dem Parlament vorgelegt wird."
    for text, code in ((french, "fr"), (german, "de")):
        results = {run(RawDocument("a.txt", text)).language for _ in range(3)}
        assert results == {code}
        assert run(RawDocument("a.txt", text)).provenance["language"] == "langdetect"
    assert LanguageDetector().detect("12345 67890") is None
    assert run(RawDocument("a.txt", "Short.")).language is None


def test_lazy_langdetect_table_is_the_table_langdetect_builds() -> None:
    """The detector's lazily built n-gram table holds langdetect's own numbers, so its answers are langdetect's."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from newsbrief.meta_language import _load_profiles

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    langlist, table = _load_profiles()
    assert langlist == factory.langlist
    assert set(table) == set(factory.word_lang_prob_map)
    for word in sorted(factory.word_lang_prob_map)[::97]:
        assert table[word] == factory.word_lang_prob_map[word]
    assert "no such n-gram" not in table
    samples = (
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites devant le parlement.",
        "Die Regierung hat am Dienstag eine neue Rentenreform angekündigt.",
        "El gobierno anunció el martes una nueva reforma de las pensiones.",
        "Правительство объявило во вторник о новой пенсионной реформе.",
        "政府周二宣布了一项新的养老金改革计划。",
        "Scores: Leeds 2 Hull 1, Wigan 0 Bath 3, Derby 1 York 1.",
    )
    detector = LanguageDetector()
    for text in samples:
        reference = factory.create()
        reference.append(text)
        assert detector.detect(text) == reference.detect()


def test_english_shortcut_never_fires_on_other_languages() -> None:
    spanish = "El gobierno anunció el martes una nueva reforma de las pensiones que será presentada al parlamento la próxima semana."
    assert not looks_english(spanish)
    assert looks_english(BODY + " " + BODY)


def test_wikinews_examples_dates_and_titles() -> None:
    items = list(read_inputs([str(EXAMPLES / "iran-sailors-2007" / "M0020.txt")], options=IngestOptions()))
    [raw] = items
    lines = raw.text.split("\n")
    cleaned = CleanResult(CleanText(lines[0], "\n".join(lines[4:]).strip(), meta_lines=(lines[2],)))
    article = run(raw, cleaned)
    assert article.title == "15 Royal Navy sailors captured at gunpoint by Iranian guards"
    assert article.published == dt.date(2007, 3, 23)
    assert article.provenance == {"language": "stopwords", "published": "text:line 3", "title": "text:line 1"}


@pytest.mark.data
def test_duc_dateline_and_dates_from_real_newswire() -> None:
    path = shared_data("duc2003", "docs.without.headlines", "d100a", "APW19990519.0113")
    [raw] = list(read_inputs([str(path)], options=IngestOptions()))
    assert isinstance(raw, RawDocument)
    article = run(raw)
    assert (article.dateline, article.outlet, article.published) == ("WASHINGTON", "AP", dt.date(1999, 5, 19))
    assert article.provenance["published"] == "sgml:DATE_TIME"
    assert article.text.startswith("Schizophrenia patients whose medication couldn't stop")


def test_the_earliest_date_line_wins() -> None:
    raw_text = "Quake shakes port\nBy Staff | Wednesday, April 4, 2007\n\n" + BODY + "\n\nOther story\nThursday, July 30, 2009\n"
    cleaned = CleanResult(CleanText("Quake shakes port", BODY, meta_lines=("Thursday, July 30, 2009",)))
    article = run(RawDocument("a.txt", raw_text), cleaned)
    assert article.published == dt.date(2007, 4, 4) and article.provenance["published"] == "text:line 2"
    alone = run(RawDocument("a.txt", raw_text.replace("By Staff | Wednesday, April 4, 2007", "By Staff")), cleaned)
    assert alone.published == dt.date(2009, 7, 30) and alone.provenance["published"] == "text:line 7"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
_PIECES = st.sampled_from(
    ["WASHINGTON (AP) -- ", "Saturday, January 8, 2005 ", "2005/01/08 ", "(AFP)", "INTERFAX", "Sep 24, 2021", "\n\n", "May"]
)


@settings(max_examples=150, deadline=None)
@given(
    title=st.one_of(st.none(), st.lists(st.one_of(_TEXT, _PIECES), max_size=4).map("".join)),
    text=st.lists(st.one_of(_TEXT, _PIECES), max_size=8).map("".join),
    meta_lines=st.lists(st.one_of(_TEXT, _PIECES), max_size=3),
    record=st.dictionaries(st.sampled_from(["title", "published", "outlet", "url", "docno", "language"]), _TEXT, max_size=3),
)
def test_describe_never_raises_and_keeps_the_body_exact(
    title: str | None, text: str, meta_lines: list[str], record: dict[str, str]
) -> None:
    raw = RawDocument("p.txt", f"{title or ''}\n{text}", format="json", record_meta=record)
    article = describe(raw, CleanResult(CleanText(title, text, meta_lines=tuple(meta_lines))), options=OPTIONS, detector=DETECTOR)
    assert text.endswith(article.text)  # only a leading dateline / date line may be taken off
    assert article.id == article_id("p.txt", content_hash(article.text))


def _looks_english_by_words(text: str) -> bool:
    """looks_english as first written, on text.words tokens (the reference for its fast ASCII path)."""
    from newsbrief import meta_language as ml
    from newsbrief.text import words

    tokens = words(text)
    n = len(tokens)
    if n < ml._ENGLISH_MIN_TOKENS:
        return False
    function = sum(t in ml._ENGLISH_FUNCTION_WORDS for t in tokens)
    the = tokens.count("the")
    if function / n >= ml._ENGLISH_MIN_SHARE and the / n >= ml._ENGLISH_MIN_THE:
        return True
    if function / n < ml._LOOSE_MIN_SHARE or the / n < ml._LOOSE_MIN_THE:
        return False
    foreign = sum(t in ml._FOREIGN_FUNCTION_WORDS for t in tokens)
    non_ascii = n - sum(t.isascii() for t in tokens)
    return foreign <= ml._LOOSE_MAX_FOREIGN * n and non_ascii <= ml._LOOSE_MAX_NON_ASCII * n


_WORDS = ["the", "The", "THE", "of", "and", "said", "und", "une", "que", "Reuters", "2005", "x_y", "it's", "--"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60), st.sampled_from([" ", ", ", "\n", "-", "_", "'"]))
def test_looks_english_fast_path_agrees_with_the_word_tokens(tokens: list[str], glue: str) -> None:
    sample = glue.join(tokens)
    assert looks_english(sample) == _looks_english_by_words(sample)


def test_looks_english_on_real_text_agrees_with_the_word_tokens() -> None:
    for path in sorted(EXAMPLES.rglob("*.txt")):
        sample = path.read_text(encoding="utf-8")[:1000]
        assert looks_english(sample) == _looks_english_by_words(sample)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z1_-.é\n")), max_size=450))
def test_language_needs_twenty_letters_in_the_first_400_characters(sample: str) -> None:
    import re

    from newsbrief.meta_language import detect_language

    letters = len(re.findall(r"[^\W\d_]", sample[:400]))
    _, how = detect_language(sample, detector=DETECTOR)
    assert (how == "") == (letters < 20)


def _paragraphs(count: int) -> list[str]:
    return [f"Paragraph {i} tells what the rescue teams found on day {i} of the search, officials said." for i in range(count)]


def test_a_date_line_inside_the_body_is_content_not_the_page_date() -> None:
    # a timeline graphic in the middle of the article: its entries are dates of events, not of the page
    paras = _paragraphs(10)
    raw_text = "Search widens\n\n" + "\n\n".join(paras[:5]) + "\n\nMar. 8, 2014 12:41 a.m.\n\n" + "\n\n".join(paras[5:])
    cleaned = CleanResult(CleanText("Search widens", "\n\n".join(paras), meta_lines=("Mar. 8, 2014 12:41 a.m.",)))
    assert run(RawDocument("a.txt", raw_text), cleaned).published is None
    # the same line under the headline, or after the last paragraphs, is the page's date
    for position in (0, 9):
        at = "\n\n".join([*paras[:position], "Mar. 8, 2014 12:41 a.m.", *paras[position:]])
        article = run(RawDocument("a.txt", "Search widens\n\n" + at), cleaned)
        assert article.published == dt.date(2014, 3, 8)
    # a page scraped twice: the date line next to the second copy of the headline is still the page's
    twice = raw_text.replace("Mar. 8, 2014 12:41 a.m.", "Mar. 8, 2014 12:41 a.m.\nSearch widens")
    assert run(RawDocument("a.txt", twice), cleaned).published == dt.date(2014, 3, 8)


def test_a_headline_printed_twice_before_the_lede_is_the_headline_once() -> None:
    text = "Ferry service resumes after storms Ferry service resumes after storms The island ferry sailed on Tuesday."
    article = run(RawDocument("a.txt", text), CleanResult(CleanText(None, text)))
    assert article.title == "Ferry service resumes after storms"
    assert article.text == "The island ferry sailed on Tuesday."


@pytest.mark.parametrize(
    ("title", "outlet", "url", "expected"),
    [
        ("Quake shakes port - Port News", "Port News", None, "Quake shakes port"),
        ("Quake shakes port | portnews", None, "https://www.portnews.example/q", "Quake shakes port"),
        ("Port News | Daily: Quake shakes port", "Port News | Daily", None, "Quake shakes port"),
        ("Opinion | Quake shakes port", "Port News", None, "Opinion | Quake shakes port"),  # a section label stays
        ("Port: quake shakes the harbour", "Port News", None, "Port: quake shakes the harbour"),
    ],
)
def test_the_site_name_a_page_title_adds_is_not_part_of_the_headline(
    title: str, outlet: str | None, url: str | None, expected: str
) -> None:
    meta = {"title": title, **({"outlet": outlet} if outlet else {})}
    raw = RawDocument("p.html", BODY, format="html", url=url, record_meta=meta)
    assert run(raw).title == expected
