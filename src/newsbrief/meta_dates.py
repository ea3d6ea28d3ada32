"""Publication dates: cheap regular expressions first, dateparser only on short candidate strings.

>>> parse_date("Saturday, January 8, 2005").isoformat()
'2005-01-08'
>>> date_in_line("By Staff Reporter | Sep 24, 2021 08:51 AM").isoformat()
'2021-09-24'
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DOCNO_DATE", "LEADING_DASHED_DATES", "LEADING_DATE", "LEADING_DATE_TITLE", "date_in_line", "date_starting_line", "match_date", "parse_date"]

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
_WEEKDAY_NAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_WEEKDAY = rf"(?:{_WEEKDAY_NAME}\.?,?\s+)"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d])"),
    re.compile(rf"{_WEEKDAY}?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})\b{_TIME}?", re.I),
    re.compile(rf"{_WEEKDAY}?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b{_TIME}?", re.I),
    re.compile(r"(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d{2})\b"),
)
# Only strings naming a month or holding a numeric date are worth dateparser's time.
_DATE_CANDIDATE = re.compile(rf"\b{_MONTH}(?![a-z])|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}", re.I)
_DIGIT_GROUP = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d{2}")
DOCNO_DATE = re.compile(r"^(?P<prefix>[A-Z_]+?)(?P<year>(?:19|20)\d{2})(?P<mnum>\d{2})(?P<day>\d{2})")
# The label before a date line's date ("- Published 18 November 2019", "UPDATED: Tue., Nov. 19, 2019").
_DATE_LABEL = re.compile(r"^(?:[-\u2013\u2014|*\s]*(?:published|updated|posted|last updated|last modified|date)\b\s*:?\s*)", re.I)
# Words of three or more letters that a date line holds besides a label: month and weekday names, a time
# zone ("GMT", "EDT", "CEST").  A line with two other words is a sentence naming a date ("Ties to be played
# on 20/21 February."), not a date line.
_LETTER_WORD = re.compile(r"[^\W\d_]{3,}")
_DATE_WORD = re.compile(rf"(?i:{_MONTH}|{_WEEKDAY_NAME})|[A-Z]{{3,4}}")
# A line that is a date and little else ("Published: Sep 24, 2021 08:51 AM", "Saturday, January 8, 2005").
_DATE_LINE_MAX = 80
_DATEPARSER_MAX = 60
LEADING_DATE_TITLE = re.compile(r"^(?P<date>(?:19|20)\d{2}/\d{1,2}/\d{1,2})\s+(?P<title>\S.*)$")
# A full date opening the first paragraph ("Saturday, March 26, 2005 Up to four times as many …").
LEADING_DATE = re.compile(
    rf"(?i:{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}}))\s+(?=[A-Z\"'])"
)
# A full date and a dash opening the first paragraph, the way press releases date themselves ("30 June 2011 –
# The United Nations …", "June 30, 2011 — The …"); without the dash a date may be the sentence's subject.
_DASH_AFTER = r"\s*(?:--|[-\u2013\u2014])\s+(?=[A-Z\"'\u201c])"
LEADING_DASHED_DATES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rf"\s*{pattern.pattern}{_DASH_AFTER}", re.I) for pattern in _DATE_PATTERNS[1:3]
)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def match_date(match: re.Match[str]) -> dt.date | None:
    """The date of a match of one of the date patterns (``None`` for an impossible date)."""
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
    if not value or len(value) > 200 or _DIGIT.search(value) is None:
        return None  # every pattern, and dateparser's precondition (_full_date_figures), needs a digit
    value = _DATE_LABEL.sub("", value)
    for pattern in _DATE_PATTERNS:
        match = pattern.match(value)
        if match is not None:
            rest = value[match.end() :].strip(" .,|")
            if whole and len(rest) > 12:
                continue
            date = match_date(match)
            if date is not None:
                return date
    if len(value) > _DATEPARSER_MAX or not _full_date_figures(value) or not _DATE_CANDIDATE.search(value):
        return None
    if whole and not _date_line(value):
        return None
    return _dateparser(value)


def _date_line(value: str) -> bool:
    """At most one word besides the date's own (a label such as "Correction:"): a date line, not a sentence.

    Keeps dateparser (which would read "20/21 February" as 20 February 2021) off sentences that name a
    date, and off its start-up cost (~0.3 s a process) where no date line needs it.

    >>> _date_line("Correction: July 9, 2014"), _date_line("0930 GMT, 12 March 2011")
    (True, True)
    >>> _date_line("Ties to be played on 20/21 February.")
    False
    """
    others = [word for word in _LETTER_WORD.findall(value) if _DATE_WORD.fullmatch(word) is None]
    return len(others) <= 1


def _full_date_figures(value: str) -> bool:
    """Figures enough for a full date: a day and a year, one of them of 2 or 4 digits.

    dateparser runs with ``REQUIRE_PARTS`` day, month and year and reads neither spelled-out days
    ("March first, 2005") nor 3-digit years, so a string without two groups of digits, one of 2 or 4
    digits, never gives a date ("Tuesday, 1 March", "cost 2,000 jobs"); skipping dateparser there
    saves its cost (the first call in a process loads its language data, ~0.3 s).

    >>> _full_date_figures("Tuesday, 1 March"), _full_date_figures("5 March 05"), _full_date_figures("2,000 jobs")
    (False, True, False)
    """
    groups = _DIGIT_GROUP.findall(value)
    return len(groups) >= 2 and any(len(group) in (2, 4) for group in groups)


def _dateparser(value: str) -> dt.date | None:
    import dateparser

    try:
        parsed = dateparser.parse(
            value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None


def date_starting_line(line: str) -> dt.date | None:
    """A date that starts ``line`` (WikiNews glues "Saturday, March 26, 2005 Up to four …")."""
    line = line.strip()
    short = len(line) <= _DATE_LINE_MAX
    date = parse_date(line, whole=True) if short else None
    if date is not None:
        return date
    for pattern in _DATE_PATTERNS[1:3]:
        match = pattern.match(line)
        if match is not None and (match.group(0).strip()[:3].isalpha() or short):
            return match_date(match)
    return None


def date_in_line(line: str) -> dt.date | None:
    """A date starting ``line``, or a full written date inside a short line ("By Staff | May 4, 2007")."""
    date = date_starting_line(line)
    if date is not None or len(line.strip()) > _DATE_LINE_MAX or not _YEAR.search(line):
        return date  # both written-date patterns need a year (19xx/20xx): skip their slow searches
    for pattern in _DATE_PATTERNS[1:3]:
        match = pattern.search(line)
        if match is not None:
            return match_date(match)
    return None

