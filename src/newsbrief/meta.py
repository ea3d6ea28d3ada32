r"""Metadata of a clean article: headline, outlet, dateline place, publication date, language.

Every value records where it came from in ``Article.provenance`` (``record:title``, ``html:meta``,
``sgml:DATE_TIME``, ``sgml:DOCNO``, ``text:line N``, ``text:dateline``, ``text:agency``, ``url``,
``cleaner:title``, ``stopwords``, ``langdetect``).  Dates: cheap regular expressions first,
dateparser only on short candidate strings.

>>> from newsbrief.model import CleanResult, CleanText, RawDocument
>>> raw = RawDocument("a.txt", "Quake hits Chile\nSaturday, February 27, 2010\n\n"
...                   "SANTIAGO, Chile (AP) -- A powerful earthquake struck Chile on Saturday.")
>>> cleaned = CleanResult(CleanText("Quake hits Chile",
...     "SANTIAGO, Chile (AP) -- A powerful earthquake struck Chile on Saturday.",
...     meta_lines=("Saturday, February 27, 2010",)))
>>> article = describe(raw, cleaned, options=MetaOptions())
>>> article.title, article.outlet, article.dateline, article.published.isoformat(), article.language
('Quake hits Chile', 'AP', 'SANTIAGO, Chile', '2010-02-27', 'en')
>>> article.text
'A powerful earthquake struck Chile on Saturday.'
>>> article.provenance["published"], article.provenance["dateline"], article.removed[0].reason
('text:line 2', 'text:dateline', 'dateline')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsbrief.model import Article, CleanResult, CleanText, RawDocument, Removal
from newsbrief.settings import MetaOptions
from newsbrief.text import article_id, content_hash, words

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

__all__ = ["LanguageDetector", "describe", "parse_date"]

# --- wire agencies -------------------------------------------------------------------------------

AGENCIES: Mapping[str, str] = {
    "AP": "AP",
    "ASSOCIATED PRESS": "AP",
    "AFP": "AFP",
    "REUTERS": "Reuters",
    "INTERFAX": "Interfax",
    "UPI": "UPI",
    "XINHUA": "Xinhua",
    "DPA": "dpa",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "TASS": "TASS",
    "ITAR-TASS": "TASS",
    "RIA NOVOSTI": "RIA Novosti",
    "CNN": "CNN",
    "BLOOMBERG": "Bloomberg",
    "KYODO": "Kyodo",
    "YONHAP": "Yonhap",
    "PTI": "PTI",
    "IANS": "IANS",
    "CP": "The Canadian Press",
    "AAP": "AAP",
}
# DOCNO prefixes of the TREC/DUC/LDC newswire collections.
DOCNO_OUTLETS: Mapping[str, str] = {
    "APW": "AP",
    "AP": "AP",
    "NYT": "New York Times",
    "XIE": "Xinhua",
    "AFP": "AFP",
    "LAT": "Los Angeles Times",
    "WSJ": "Wall Street Journal",
    "FT": "Financial Times",
    "SJMN": "San Jose Mercury News",
    "FBIS": "FBIS",
    "NYT_ENG": "New York Times",
    "APW_ENG": "AP",
    "XIN": "Xinhua",
}
_AGENCY_ALT = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
_AGENCY_PAREN = re.compile(rf"\((?P<agency>{_AGENCY_ALT})\)", re.I)
_AGENCY_BARE = re.compile(r"\b(?P<agency>INTERFAX|REUTERS|XINHUA|ITAR-TASS|AFP)\b")
_DASH = r"(?:--|_|-|\u2013|\u2014)"

# --- dates ---------------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d])"),
    re.compile(rf"{_WEEKDAY}?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})\b{_TIME}?", re.I),
    re.compile(rf"{_WEEKDAY}?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b{_TIME}?", re.I),
    re.compile(r"(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d{2})\b"),
)
# Only strings naming a month or holding a numeric date are worth dateparser's time.
_DATE_CANDIDATE = re.compile(rf"\b{_MONTH}(?![a-z])|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}", re.I)
_DOCNO_DATE = re.compile(r"^(?P<prefix>[A-Z_]+?)(?P<year>(?:19|20)\d{2})(?P<mnum>\d{2})(?P<day>\d{2})")
# A line that is a date and little else ("Published: Sep 24, 2021 08:51 AM", "Saturday, January 8, 2005").
_DATE_LINE_MAX = 80
_DATEPARSER_MAX = 60
_LEADING_DATE_TITLE = re.compile(r"^(?P<date>(?:19|20)\d{2}/\d{1,2}/\d{1,2})\s+(?P<title>\S.*)$")
_HEAD_LINES = 6

# --- datelines -----------------------------------------------------------------------------------

_WORD_UP = r"[A-Z][A-Z.'\u2019-]+"
_WORD_CAP = r"[A-Z][A-Za-z.'\u2019-]+"
_REGION = rf"(?:,\s+{_WORD_CAP}(?:\s+{_WORD_CAP}){{0,2}})?"
_DATELINE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # WASHINGTON (AP) --  /  PHNOM PENH, Cambodia (AP) _  /  PARIS, Nov 14 (Reuters) -  /  Washington (CNN) -
    re.compile(
        rf"^(?P<place>{_WORD_CAP}(?:\s+{_WORD_CAP}){{0,3}}{_REGION})(?:,\s+(?P<when>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}))?"
        rf"\s+\((?P<agency>(?i:{_AGENCY_ALT}))\)\s*{_DASH}\s*"
    ),
    # WASHINGTON _   /  WEST PALM BEACH, Fla. --   (no agency: the place must be upper case)
    re.compile(rf"^(?P<place>{_WORD_UP}(?:\s+{_WORD_UP}){{0,3}}{_REGION})\s+{_DASH}\s+"),
    # Washington. September 9. INTERFAX -
    re.compile(
        rf"^(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,2}})\.\s+(?P<when>[A-Z][a-z]+\s+\d{{1,2}})\.\s+"
        rf"(?P<agency>INTERFAX|REUTERS|TASS|XINHUA)\b\s*(?:{_DASH}\s*)?",
    ),
    # London, England — (mixed case: only with a region and a long dash)
    re.compile(r"^(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][a-z]+)?)\s+[\u2013\u2014]\s+"),
)
# A full date opening the first paragraph ("Saturday, March 26, 2005 Up to four times as many …").
_LEADING_DATE = re.compile(
    rf"(?i:{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}}))\s+(?=[A-Z\"'])"
)
_MAX_DATELINE = 60

# --- language ------------------------------------------------------------------------------------

# The commonest English function words: a text where they make a large share of the tokens is
# English without asking langdetect (which costs ~10 ms a text, the slowest step of ingest).
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was for on it with as he at by from his be have has had are an "
    "not but this they which were said been their its who will would there after also or".split()
)
# Measured on the first 1,000 characters of the SemEval-2022 task 8 texts: 572/617 English texts pass,
# 0 of 1,949 texts in 9 other languages; BBC: 2,201/2,225 pass (the rest go to langdetect).
_ENGLISH_MIN_SHARE = 0.22
_ENGLISH_MIN_THE = 0.015
_ENGLISH_MIN_TOKENS = 20
_MIN_LETTERS_FOR_LANGUAGE = 20
_NOT_LETTER = re.compile(r"[\W\d_]+")


class LanguageDetector:
    """Deterministic language identification: langdetect with a fixed seed, profiles loaded lazily.

    >>> LanguageDetector().detect("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.")
    'fr'
    """

    def __init__(self, *, seed: int = 0) -> None:
        self._seed = seed
        self._factory: DetectorFactory | None = None

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of ``text`` (``zh-cn`` style for Chinese), or ``None`` when undecidable."""
        from langdetect.lang_detect_exception import LangDetectException

        if self._factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.seed = self._seed
            self._factory = factory
        detector = self._factory.create()
        detector.append(text)
        try:
            return str(detector.detect())
        except LangDetectException:
            return None


def looks_english(text: str) -> bool:
    """Cheap test: English function words make a large share of the tokens.

    >>> looks_english("The minister said that the talks on the budget would resume in the spring, "
    ...               "after a pause of two weeks in the capital.")
    True
    >>> looks_english("Der Minister sagte, dass die Gespräche über den Haushalt im Frühjahr weitergehen.")
    False
    """
    tokens = words(text)
    if len(tokens) < _ENGLISH_MIN_TOKENS:
        return False
    function = sum(1 for token in tokens if token in _ENGLISH_FUNCTION_WORDS)
    the = sum(1 for token in tokens if token == "the")
    return function / len(tokens) >= _ENGLISH_MIN_SHARE and the / len(tokens) >= _ENGLISH_MIN_THE


# --- dates ---------------------------------------------------------------------------------------


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _match_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get(groups["month"].lower().rstrip("."), 0)
    return _valid(int(groups["year"]), month, int(groups["day"]))


def parse_date(value: str, *, whole: bool = False) -> dt.date | None:
    """An ISO date from a short date string: regular expressions first, dateparser as fallback.

    ``whole``: the string must be a date and little else (a date line), not merely start with one.

    >>> parse_date("Saturday, January 8, 2005").isoformat()
    '2005-01-08'
    >>> parse_date("September 9, 2021 08:51 AM").isoformat()
    '2021-09-09'
    >>> parse_date("10/17/1998 05:50:00").isoformat()
    '1998-10-17'
    >>> parse_date("2005-01-08T10:00:00+00:00").isoformat()
    '2005-01-08'
    >>> parse_date("no date here") is None
    True
    """
    value = value.strip()
    if not value or len(value) > 200:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(value)
        if match is not None:
            rest = value[match.end() :].strip(" .,|")
            if whole and len(rest) > 12:
                continue
            date = _match_date(match)
            if date is not None:
                return date
    if len(value) > _DATEPARSER_MAX or not _DATE_CANDIDATE.search(value) or not re.search(r"\d", value):
        return None
    return _dateparser(value)


def _dateparser(value: str) -> dt.date | None:
    import dateparser

    value = re.sub(r"^(?:published|updated|posted|last updated|date)\s*:?\s*", "", value, flags=re.I)
    try:
        parsed = dateparser.parse(
            value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None


def _date_starting_line(line: str) -> dt.date | None:
    """A date that starts ``line`` (WikiNews glues "Saturday, March 26, 2005 Up to four …")."""
    line = line.strip()
    short = len(line) <= _DATE_LINE_MAX
    date = parse_date(line, whole=True) if short else None
    if date is not None:
        return date
    for pattern in _DATE_PATTERNS[1:3]:
        match = pattern.match(line)
        if match is not None and (match.group(0).strip()[:3].isalpha() or short):
            return _match_date(match)
    return None


def _date_in_line(line: str) -> dt.date | None:
    """A date starting ``line``, or a full written date inside a short line ("By Staff | May 4, 2007")."""
    date = _date_starting_line(line)
    if date is not None or len(line.strip()) > _DATE_LINE_MAX:
        return date
    for pattern in _DATE_PATTERNS[1:3]:
        match = pattern.search(line)
        if match is not None:
            return _match_date(match)
    return None


# --- datelines and agencies ----------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """Values found so far and where they came from (the first one found wins)."""

    values: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: Any, where: str) -> None:
        if value in (None, "") or name in self.values:
            return
        self.values[name] = value
        self.provenance[name] = where


def _dateline(paragraph: str, *, alone: bool = False) -> re.Match[str] | None:
    """The dateline opening ``paragraph`` (``alone``: the dateline may be the whole line)."""
    for pattern in _DATELINE_PATTERNS:
        match = pattern.match(paragraph if not alone else paragraph.strip() + " ")
        if match is not None and match.end() <= _MAX_DATELINE and (alone or len(paragraph) > match.end()):
            return match
    return None


def _agency(name: str) -> str | None:
    return AGENCIES.get(name.upper())


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def _line_number(raw_text: str, line: str) -> int:
    """1-based number of the first line of ``raw_text`` containing ``line`` (0 when absent)."""
    needle = line.strip()
    if not needle:
        return 0
    for number, candidate in enumerate(raw_text.split("\n"), 1):
        if needle in candidate:
            return number
    return 0


def _text_where(raw_text: str, line: str, fallback: str) -> str:
    number = _line_number(raw_text, line)
    return f"text:line {number}" if number else fallback


# --- describe ------------------------------------------------------------------------------------


def describe(
    raw: RawDocument,
    cleaned: CleanResult,
    *,
    options: MetaOptions,
    detector: LanguageDetector | None = None,
) -> Article:
    """The :class:`Article` for a cleaned document: the main story, with appended stories attached.

    Appended stories become articles of their own (source ``<source>#appended<N>``) with the
    metadata found in their own text; the page's URL still gives their outlet.
    """
    detector = detector if detector is not None else LanguageDetector()
    appended = tuple(
        _article(raw, part, source=f"{raw.source}#appended{number}", main=False, options=options, detector=detector)
        for number, part in enumerate(cleaned.appended, 1)
    )
    main = _article(raw, cleaned.main, source=raw.source, main=True, options=options, detector=detector)
    return _replace_appended(main, appended)


def _replace_appended(article: Article, appended: tuple[Article, ...]) -> Article:
    from dataclasses import replace

    return replace(article, appended=appended) if appended else article


def _article(
    raw: RawDocument,
    part: CleanText,
    *,
    source: str,
    main: bool,
    options: MetaOptions,
    detector: LanguageDetector,
) -> Article:
    found = _Found()
    record = raw.record_meta if main else {}
    container = {"json": "record", "html": "html:meta", "sgml": "sgml", "warc": "html:meta"}.get(raw.format, "record")

    def where(name: str) -> str:
        if raw.format == "sgml":
            return {"title": "sgml:HEADLINE", "published": "sgml:DATE_TIME", "dateline": "sgml:DATELINE"}.get(name, "sgml")
        return f"record:{name}" if container == "record" else container

    # 1. What the container says wins.
    for name in ("title", "outlet", "dateline", "language"):
        found.set(name, (record.get(name) or "").strip() or None, where(name))
    if record.get("published"):
        found.set("published", parse_date(record["published"]), where("published"))
    url = raw.url or raw.record_meta.get("url") or None
    if main:
        found.set("outlet", _domain(url), "url")
    docno = record.get("docno")
    if docno:
        docno_match = _DOCNO_DATE.match(docno)
        if docno_match is not None:
            found.set("published", _match_date(docno_match), "sgml:DOCNO")
            found.set("outlet", DOCNO_OUTLETS.get(docno_match.group("prefix")), "sgml:DOCNO")

    # 2. The headline: a leading "2005/01/08 Title" date is publication metadata, not headline.
    title = part.title
    if title:
        leading = _LEADING_DATE_TITLE.match(title.strip())
        if leading is not None and parse_date(leading.group("date")) is not None:
            title_where = _text_where(raw.text, title, "cleaner:title")
            found.set("published", parse_date(leading.group("date")), title_where)
            title = leading.group("title").strip()
        found.set("title", title, _text_where(raw.text, title, "cleaner:title") if main else "cleaner:title")

    # 3. The dateline at the start of the body ("WASHINGTON (AP) --") moves into metadata.
    text, removed = part.text, part.removed
    paragraph_end = text.find("\n\n")
    first = text if paragraph_end < 0 else text[:paragraph_end]
    match = _dateline(first)
    if match is not None:
        prefix = text[: match.end()]
        found.set("dateline", match.group("place").strip(" ,"), "text:dateline")
        agency = match.groupdict().get("agency")
        if agency:
            found.set("outlet", _agency(agency), "text:dateline")
        removal = Removal(line=prefix.strip(), reason="dateline", line_no=_line_number(raw.text, first[: match.end() + 20]))
        text = text[match.end() :]
        removed = (*removed, removal)

    # A full date glued to the start of the body is a date line, not article text.
    leading_date = _LEADING_DATE.match(text)
    if leading_date is not None and _match_date(leading_date) is not None:
        found.set("published", _match_date(leading_date), "text:dateline")
        prefix = text[: leading_date.end()]
        removed = (*removed, Removal(line=prefix.strip(), reason="dateline", line_no=_line_number(raw.text, prefix)))
        text = text[leading_date.end() :]

    # 4. Metadata lines the cleaner took out of the body, then the first lines of the raw text.
    for line in part.meta_lines:
        line_where = _text_where(raw.text, line, "text:meta line") if main else "text:meta line"
        found.set("published", _date_starting_line(line), line_where)
        dl = _dateline(line, alone=True)
        if dl is not None:
            found.set("dateline", dl.group("place").strip(" ,"), "text:dateline")
            if dl.groupdict().get("agency"):
                found.set("outlet", _agency(dl.group("agency")), "text:dateline")
        for agency_match in _AGENCY_PAREN.finditer(line):
            found.set("outlet", _agency(agency_match.group("agency")), line_where)
    if main and "published" not in found.values:
        seen = 0
        for number, line in enumerate(raw.text.split("\n", _HEAD_LINES * 4)[: _HEAD_LINES * 4], 1):
            if not line.strip():
                continue
            seen += 1
            date = _date_in_line(line)
            if date is not None or seen >= _HEAD_LINES:
                found.set("published", date, f"text:line {number}")
                break

    # 5. A wire agency credited near the top of the body: "(AFP)", "INTERFAX".
    opening = text[:300]
    paren = _AGENCY_PAREN.search(opening)
    if paren is not None:
        found.set("outlet", _agency(paren.group("agency")), "text:agency")
    bare = _AGENCY_BARE.search(opening[:120])
    if bare is not None:
        found.set("outlet", _agency(bare.group("agency")), "text:agency")

    # The page's domain is an appended story's outlet only when its own text names no agency.
    found.set("outlet", _domain(url), "url")

    # 6. Language: the record's, else cheap English test, else langdetect on a bounded prefix.
    if "language" not in found.values:
        sample = f"{found.values.get('title') or ''}\n{text[: options.language_prefix_chars]}"
        if len(_NOT_LETTER.sub("", sample[: _MIN_LETTERS_FOR_LANGUAGE * 20])) >= _MIN_LETTERS_FOR_LANGUAGE:
            if looks_english(sample):
                found.set("language", "en", "stopwords")
            else:
                found.set("language", detector.detect(sample), "langdetect")

    chash = content_hash(text)
    return Article(
        id=article_id(source, chash),
        content_hash=chash,
        source=source,
        title=found.values.get("title"),
        text=text,
        outlet=found.values.get("outlet"),
        dateline=found.values.get("dateline"),
        published=found.values.get("published"),
        language=found.values.get("language"),
        url=url,
        provenance=dict(sorted(found.provenance.items())),
        removed=tuple(removed),
    )


def meta_lines_dates(lines: Iterable[str]) -> list[dt.date]:
    """Dates found at the start of some lines (helper for callers that scan many lines).

    >>> [d.isoformat() for d in meta_lines_dates(["By Jane Doe", "Sep 24, 2021"])]
    ['2021-09-24']
    """
    return [date for date in (_date_starting_line(line) for line in lines) if date is not None]
