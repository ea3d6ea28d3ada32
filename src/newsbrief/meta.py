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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from newsbrief.meta_dates import (
    DOCNO_DATE,
    LEADING_DATE,
    LEADING_DATE_TITLE,
    date_in_line,
    date_starting_line,
    match_date,
    parse_date,
)
from newsbrief.meta_language import LanguageDetector, detect_language, looks_english
from newsbrief.model import Article, CleanResult, CleanText, RawDocument, Removal
from newsbrief.settings import MetaOptions
from newsbrief.text import article_id, content_hash

__all__ = ["LanguageDetector", "describe", "looks_english", "parse_date"]

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
    # (Reuters) -   (the place was cut off by the scraper: agency only, no place)
    re.compile(rf"^(?P<place>)\((?P<agency>(?i:{_AGENCY_ALT}))\)\s*{_DASH}\s*"),
)
_MAX_DATELINE = 60
_HEAD_LINES = 6
# a date line among the body's first or last this many paragraphs may still be the page's own date
_BODY_EDGE_PARAGRAPHS = 3
_UNKNOWN_LINE = 1 << 30


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
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # malformed netloc such as an unbalanced "[" (invalid IPv6 literal)
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def _line_number(raw_text: str, line: str) -> int:
    """1-based number of the first line of ``raw_text`` containing ``line`` (0 when absent)."""
    needle = line.strip()
    if not needle or "\n" in needle:  # a needle spanning lines is in no single line
        return 0
    # The first occurrence lies inside the first line holding the needle: count the newlines before it.
    position = raw_text.find(needle)
    return raw_text.count("\n", 0, position) + 1 if position >= 0 else 0


def _body_interior(raw_text: str, body: str, title: str | None) -> tuple[int, int]:
    """Raw line numbers ``(a, b)``: a date line strictly between them sits inside the article body.

    A page's own date stands above the body (next to the headline, or among the first paragraphs,
    under a stand-first) or at its end (with a correction note); a date line further inside belongs
    to the content (the entries of a timeline graphic, a schedule), not to the page.  ``a`` is the
    line of the body's :data:`_BODY_EDGE_PARAGRAPHS`-th paragraph (at least the headline's line),
    ``b`` the line of its :data:`_BODY_EDGE_PARAGRAPHS`-th paragraph from the end; ``(0, 0)``
    (nothing is inside) for short bodies or when the paragraphs cannot be found in the raw text.
    """
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if len(paragraphs) <= 2 * _BODY_EDGE_PARAGRAPHS:
        return 0, 0
    head = _line_number(raw_text, paragraphs[_BODY_EDGE_PARAGRAPHS].strip().split("\n")[0])
    tail = _line_number(raw_text, paragraphs[-_BODY_EDGE_PARAGRAPHS].strip().split("\n")[0])
    head = max(head, _line_number(raw_text, title) if title else 0)
    return (head, tail) if head and tail > head else (0, 0)


def _by_title(raw_text: str, number: int, title: str | None) -> bool:
    """Whether line ``number`` (1-based) is next to a copy of the headline (a page repeated in the scrape)."""
    if not title:
        return False
    lines = raw_text.split("\n", number + 2)
    near = [line.strip() for line in lines[max(0, number - 3) : number + 2] if line.strip()]
    return title.strip() in near


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


def _head_dates(raw_text: str) -> list[tuple[int, dt.date, str]]:
    """The first date among the first :data:`_HEAD_LINES` non-empty lines, as ``(line, date, where)``."""
    seen = 0
    for number, line in enumerate(raw_text.split("\n", _HEAD_LINES * 4)[: _HEAD_LINES * 4], 1):
        if not line.strip():
            continue
        seen += 1
        date = date_in_line(line)
        if date is not None:
            return [(number, date, f"text:line {number}")]
        if seen >= _HEAD_LINES:
            break
    return []


def _replace_appended(article: Article, appended: tuple[Article, ...]) -> Article:
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
        docno_match = DOCNO_DATE.match(docno)
        if docno_match is not None:
            found.set("published", match_date(docno_match), "sgml:DOCNO")
            found.set("outlet", DOCNO_OUTLETS.get(docno_match.group("prefix")), "sgml:DOCNO")

    # 2. The headline: a leading "2005/01/08 Title" date is publication metadata, not headline.
    title = part.title
    if title:
        leading = LEADING_DATE_TITLE.match(title.strip())
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
    leading_date = LEADING_DATE.match(text)
    if leading_date is not None and match_date(leading_date) is not None:
        found.set("published", match_date(leading_date), "text:dateline")
        prefix = text[: leading_date.end()]
        removed = (*removed, Removal(line=prefix.strip(), reason="dateline", line_no=_line_number(raw.text, prefix)))
        text = text[leading_date.end() :]

    # 4. Date lines: the cleaner's metadata lines and (main story) the first lines of the page.  The
    #    earliest line wins: a byline date at the top beats the date line of a story appended below.
    dates: list[tuple[int, dt.date, str]] = []
    inside = _body_interior(raw.text, text, title)
    for line in part.meta_lines:
        number = _line_number(raw.text, line)
        line_where = f"text:line {number}" if number else "text:meta line"
        date = date_starting_line(line)
        if date is not None and not (number and inside[0] < number < inside[1] and not _by_title(raw.text, number, title)):
            dates.append((number or _UNKNOWN_LINE, date, line_where))
        dl = _dateline(line, alone=True)
        if dl is not None:
            found.set("dateline", dl.group("place").strip(" ,"), "text:dateline")
            if dl.groupdict().get("agency"):
                found.set("outlet", _agency(dl.group("agency")), "text:dateline")
        for agency_match in _AGENCY_PAREN.finditer(line):
            found.set("outlet", _agency(agency_match.group("agency")), line_where)
    if main:
        dates.extend(_head_dates(raw.text))
    if dates:
        _, date, where_found = min(dates, key=lambda candidate: candidate[0])
        found.set("published", date, where_found)

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

    # 6. Language: the record's, else a cheap English test, else langdetect on a bounded prefix.
    if "language" not in found.values:
        sample = f"{found.values.get('title') or ''}\n{text[: options.language_prefix_chars]}"
        language, how = detect_language(sample, detector=detector)
        found.set("language", language, how)

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
