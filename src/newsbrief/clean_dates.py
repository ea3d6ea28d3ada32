"""Metadata lines of scraped text: dates, date lines, bylines, datelines (English month and weekday names).

Predicates over one line that tell the cleaner a line is about the article (who wrote it, when,
where) rather than part of it — or, for dates inside a schedule or an embedded post's signature,
that it is content after all.  Split from :mod:`newsbrief.clean_lines` to keep both modules small.

>>> is_byline("By Jane Doe, Reuters"), is_date_line("Updated: 14 Nov 2015 10:31 GMT")
(True, True)
"""

from __future__ import annotations

import re

from newsbrief.clean_shape import _TERMINAL, _WORD, LineShape

#: Reasons that mark metadata lines (kept in ``meta_lines``, listed in ``removed`` for ``--explain``).
META_REASONS = frozenset({"byline", "dateline", "date line"})

_DIGIT = re.compile(r"\d")

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december"
)

_WEEKDAYS = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"

_DATE_TOKEN = re.compile(
    rf"^(?:{_MONTHS}|{_WEEKDAYS}|\d{{1,4}}(?:st|nd|rd|th)?|am|pm|a|p|m|gmt|utc|bst|cet|cest|est|edt|pst|pdt|cst|cdt|"
    r"ist|jst|aest|today|yesterday|ago|hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|months?|years?|"
    r"published|updated|posted|last|modified|created|on|at|date|time|by|first|and|of)$",
    re.IGNORECASE,
)

_DATE_ANCHOR = re.compile(
    rf"\b(?:{_MONTHS})\b\.?\s*\d|\d\s*(?:{_MONTHS})\b|\b\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b|\b\d{{1,2}}([-/.])\d{{1,2}}\1\d{{2,4}}\b"
    rf"|\b(?:{_WEEKDAYS})\b|\b\d+\s+(?:hours?|minutes?|mins?|days?)\s+ago\b|\b\d{{1,2}}:\d{{2}}\b",
    re.IGNORECASE,
)

# Case-insensitive alternations scan slowly in ``re``; on ASCII text the same patterns match the
# lower-cased text case-sensitively (ASCII lower-casing maps letters to letters one to one), and a
# date anchor without a digit can only be a weekday name.  Same results, several times faster.
_DATE_ANCHOR_LOWER = re.compile(_DATE_ANCHOR.pattern)

_WEEKDAY_LOWER = re.compile(rf"\b(?:{_WEEKDAYS})\b")

_LEADING_DATE = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+(?=\S)")

_BYLINE = re.compile(
    r"^(?i:by|written\ by|words\ by|reporting\ by|reported\ by|story\ by|posted\ by|author:?)\s+"
    r"[A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]*|van|von|de|del|da|der|al|bin|and|&|,|\|))*",
    re.VERBOSE,
)

_BYLINE_CI = re.compile(r"^(?:by|written by|reporting by|posted by)\s+\S", re.IGNORECASE)

_NAME_OUTLET = re.compile(
    r"^[A-Z][a-z'\-]+(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'\-]+){1,2}\s?[,|/–-]\s?(?:[A-Z][\w&.'\-]*)(?:\s[A-Z][\w&.'\-]*){0,3}$"
)

_REPORTING_CREDIT = re.compile(r"^\(?\s*(?:reporting|additional reporting|writing|editing) by\b", re.IGNORECASE)


def is_byline(text: str, *, name_outlet: bool = True) -> bool:
    """A byline: ``By Jane Doe``, ``Jane Doe, Reuters`` (only with ``name_outlet``), ``Reporting by …``.

    >>> is_byline("By JANE DOE"), is_byline("Jane Doe | Reuters"), is_byline("By the end of the day, it rained.")
    (True, True, False)
    """
    words = text.split()
    if _REPORTING_CREDIT.match(text) and len(words) <= 45:
        return True
    if not words or len(words) > 14:
        return False
    if _BYLINE.match(text) and not _TERMINAL.search(text.rstrip(" )")):
        return True
    if _BYLINE_CI.match(text) and len(words) <= 5 and sum(w[0].isupper() for w in words[1:]) == len(words) - 1:
        return True
    return name_outlet and len(words) <= 6 and bool(_NAME_OUTLET.match(text))


# "Associated Press Writer", "Times Staff Writer", "Bloomberg News Correspondent": the line under a wire
# byline that gives the writer's post
_BYLINE_ROLE = re.compile(
    r"^(?:[A-Z][\w.&'\u2019-]*\s+){0,3}(?:Staff\s+|Special\s+|Senior\s+|Chief\s+)?"
    r"(?:Writer|Correspondent|Reporter|Columnist|Contributor)s?$"
)


def is_byline_role(text: str) -> bool:
    """The writer's post on its own line under a byline (``Associated Press Writer``, ``Staff Writer``).

    >>> is_byline_role("Associated Press Writer"), is_byline_role("Staff Writer"), is_byline_role("The writer left.")
    (True, True, False)
    """
    return bool(_BYLINE_ROLE.match(text.strip()))


_DATELINE_ONLY = re.compile(
    r"^[A-Z][A-Z.'\- ]{2,30}(?:,\s*[A-Za-z.' ]{2,30}){0,2}(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*"
    r"(?:\((?:[A-Z][\w.\- ]{1,25})\))?\s*[-—–:]{0,2}\s*$"
)


_SOURCE_ONLY = re.compile(r"^\([A-Z][\w.&'’/-]*(?: [A-Z][\w.&'’/-]*)*\)\s*[-—–:]?$")
_SOURCE_WORDS = 3


def is_dateline(text: str) -> bool:
    """A wire dateline standing alone on its line (``WASHINGTON (Reuters) -``, ``PARIS, Nov 14 (AFP) —``).

    >>> is_dateline("WASHINGTON (Reuters) -"), is_dateline("PARIS, Nov 14 (AFP) —"), is_dateline("Paris is calm")
    (True, True, False)
    >>> is_dateline("(AP-Yonhap)"), is_dateline("(Wire Service)"), is_dateline("(see below)")
    (True, True, False)
    """
    words = text.split()
    if len(words) > 8:
        return False
    if _DATELINE_ONLY.match(text.strip()):
        return True
    # The agency alone in brackets (``(AP-Yonhap)``, ``(CNN)``; 13th round): every word capitalised.
    return len(words) <= _SOURCE_WORDS and bool(_SOURCE_ONLY.match(text.strip()))


def has_date(text: str) -> bool:
    """Mentions a date or a time of day."""
    return _date_anchor(text)


def _date_anchor(text: str) -> bool:
    if not text.isascii():
        return bool(_DATE_ANCHOR.search(text))
    lowered = text.lower()
    if not _DIGIT.search(text):
        return bool(_WEEKDAY_LOWER.search(lowered))
    return bool(_DATE_ANCHOR_LOWER.search(lowered))


# Dates written with figures only (2018-09-28, 28/09/2018, 28.09.2018), or a year and a time of day:
# the same in every language.
_NUMERIC_DATE = re.compile(
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b|\b(?:19|20)\d\d\b.*\b\d{1,2}[:h]\d\d\b"
)


def universal_reason(unit_text: str, shape: LineShape, *, edge: bool) -> str | None:
    """The residue rule that reads no words, for pages that are not English.

    At the top or the tail of the page (``edge``), a short line that is not prose and carries a date
    written in figures (a date and time stamp, ``2018-09-28 17:32``) is a date line, and a short line
    ending with a dangling ``|`` separator is a tag bar (``Filed under: Culture |``).  Other rules
    were tried on the tuning half and left out, because the gold bodies of non-English pages keep what
    they would remove: bare URLs (reference lists), e-mail lines (a columnist's address), ``/``
    separated lines (a calendar), copyright lines.

    >>> universal_reason("Publié le 05/10/2018 à 14h30", LineShape.of("Publié le 05/10/2018 à 14h30"), edge=True)
    'date line'
    >>> universal_reason("Le 05/10/2018, la ville a voté le budget.", LineShape.of("Le 05/10/2018, la ville a voté le budget."), edge=True) is None
    True
    >>> universal_reason("Classé dans : Culture |", LineShape.of("Classé dans : Culture |"), edge=True)
    'navigation'
    """
    if edge and shape.words <= 15 and not shape.sentence_like and _NUMERIC_DATE.search(unit_text):
        return "date line"
    if edge and shape.words <= 8 and unit_text.endswith("|") and not unit_text.startswith("|"):
        return "navigation"  # a tag bar with its dangling separator ('Filed under: Culture |'); a table row starts with '|'
    return None


# "— Jane Roe (@janeroe) November 18, 2019": the signature line of an embedded social-media post.
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+[^()]{0,30}\b\d{4}\s*$")


def is_post_signature(text: str) -> bool:
    """The signature of an embedded post (author, handle, date): part of the quoted post, not a date line.

    >>> is_post_signature("— Jane Roe (@janeroe) November 18, 2019"), is_post_signature("November 18, 2019")
    (True, False)
    """
    return text[:1] in "—–-" and "(@" in text and bool(_POST_SIGNATURE.match(text))


_CLOCK_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$", re.IGNORECASE)


def is_clock_time(text: str) -> bool:
    """Only a time of day (``4:14 p.m.``, ``16:05 GMT``): no date.

    >>> is_clock_time("4:14 p.m."), is_clock_time("16:05 GMT"), is_clock_time("May 4, 16:05")
    (True, True, False)
    """
    return len(text) <= 16 and bool(_CLOCK_TIME.match(text.strip()))


_DATE_START = re.compile(
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|(?:{_MONTHS})\b\.?\s*\d|\d{{4}}[-/.]\d{{1,2}}[-/.]\d"
    rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|(?:{_WEEKDAYS})\b)"
)

_DATE_STARTS = frozenset(name[:3] for name in f"{_MONTHS}|{_WEEKDAYS}".split("|"))


def starts_with_date(text: str) -> bool:
    """The line opens with a date (``July 19 – Toronto``, ``19 July:``, ``2019-07-19``): a schedule's item.

    >>> starts_with_date("July 19 – Toronto, Budweiser Stage"), starts_with_date("19 July: Toronto")
    (True, True)
    >>> starts_with_date("In July the band toured."), starts_with_date("12 people died."), starts_with_date("Mayor Lee")
    (False, False, False)
    """
    # The pattern can only match at the start of a line opening with a figure or with a month's or a
    # weekday's first three letters: a cheap exact test first (most lines open with neither).
    if not (text[:1].isdigit() or text[:3].lower() in _DATE_STARTS):
        return False
    return _DATE_START.match(text[:24].lower()) is not None


_READING_TIME = re.compile(r"\b\d{1,2}[ -]?min(?:ute)?s?\.? read\b", re.IGNORECASE)


def is_date_line(text: str) -> bool:
    """A line that is only a date/time, possibly with a place or an agency (``Washington. September 9. INTERFAX``).

    >>> is_date_line("September 9, 2021 08:51 AM"), is_date_line("He died on Monday."), is_date_line("Leeds Wed 212, 318")
    (True, False, False)
    >>> is_date_line("March 3, 2020 4 min read")
    True
    """
    if "ead" in text:  # ``January 1, 2020 6 min read``: the reading time is part of the date line (13th round)
        text = _READING_TIME.sub(" ", text)
    words = _WORD.findall(text)
    if not words or len(words) > 14 or not _date_anchor(text):
        return False
    if any(w.isdigit() and len(w) not in (1, 2, 4) for w in words):
        return False  # a day, a year, an hour or a minute has 1, 2 or 4 figures; 313 is a count ('Sheff Wed 313, 404')
    others = [w for w in words if not _DATE_TOKEN.match(w)]
    if any(w[0].islower() for w in others):
        return False
    return len(others) <= 3


def leading_date(text: str) -> str | None:
    """A numeric date at the start of a headline line (``2005/01/08 Title``), else ``None``.

    >>> leading_date("2005/01/08 Tsunami aid donations")
    '2005/01/08'
    """
    match = _LEADING_DATE.match(text)
    return match.group(1) if match else None
