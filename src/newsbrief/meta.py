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

from rapidfuzz import fuzz

from newsbrief.meta_dates import (
    DOCNO_DATE,
    LEADING_DASHED_DATES,
    LEADING_DATE,
    LEADING_DATE_TITLE,
    date_in_line,
    date_starting_line,
    match_date,
    parse_date,
)
from newsbrief.meta_language import LanguageDetector, detect_language, looks_english
from newsbrief.model import Article, CleanResult, CleanText, RawDocument, Removal
from newsbrief.places import known_place
from newsbrief.settings import MetaOptions
from newsbrief.text import article_id, content_hash, normalise

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
# Words that open a news sentence and never follow a name or an acronym inside a headline.
_OPENERS = r"(?:The|A|An|In|On|At|As|After|Before|When|While|For|With|It|This|Police|Officials)"


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
    # WASHINGTON _   /  WEST PALM BEACH, Fla. --   /  PARIS —European …  (no agency: the place must be upper
    # case; a long dash may touch the sentence)
    re.compile(rf"^(?P<place>{_WORD_UP}(?:\s+{_WORD_UP}){{0,3}}{_REGION})\s+(?:{_DASH}\s+|[\u2013\u2014](?=[A-Z\"\u201c]))"),
    # Washington. September 9. INTERFAX -
    re.compile(
        rf"^(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,2}})\.\s+(?P<when>[A-Z][a-z]+\s+\d{{1,2}})\.\s+"
        rf"(?P<agency>INTERFAX|REUTERS|TASS|XINHUA)\b\s*(?:{_DASH}\s*)?",
    ),
    # London, England — (mixed case: only with a region and a long dash)
    re.compile(r"^(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][a-z]+)?)\s+[\u2013\u2014]\s+"),
    # (Reuters) -   (the place was cut off by the scraper: agency only, no place)
    re.compile(rf"^(?P<place>)\((?P<agency>(?i:{_AGENCY_ALT}))\)\s*{_DASH}\s*"),
    # LOS ANGELES (CBSLA) —   (an upper-case place and a station's or paper's call sign)
    re.compile(rf"^(?P<place>{_WORD_UP}(?:\s+{_WORD_UP}){{0,3}}{_REGION})\s+\((?P<agency>[A-Z][A-Za-z0-9]{{1,11}})\)\s*{_DASH}\s*"),
    # (Gateway Daily) –   (a site's name in brackets and a dash, no place: the source's credit)
    re.compile(rf"^(?P<place>)\((?P<agency>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){{0,3}})\)\s*{_DASH}\s+(?=\S)"),
    # WASHINGTON The …   (no dash, the page lost it: an upper-case place of four letters or more, then a
    # word that opens sentences — an acronym does not stand before "The")
    re.compile(rf"^(?P<place>(?=[A-Z.'\u2019-]{{4}}){_WORD_UP}(?:\s+{_WORD_UP}){{0,3}}{_REGION})\s+(?={_OPENERS}\s)"),
)
# KUALA LUMPUR: The …   (an upper-case place and a colon, as Asian papers print it; checked against the
# gazetteer by _dateline)
_COLON_DATELINE = re.compile(rf"^(?P<place>{_WORD_UP}(?:\s+{_WORD_UP}){{0,2}}):\s+(?=[A-Z\"\u201c])")
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


def _dateline(paragraph: str, *, alone: bool = False, dashless: bool = True) -> re.Match[str] | None:
    """The dateline opening ``paragraph``.

    ``alone``: the dateline may be the whole line; ``dashless``: also an upper-case place with no dash
    before the sentence (``WASHINGTON The …``).
    """
    for pattern in _DATELINE_PATTERNS if dashless else _DATELINE_PATTERNS[:-1]:
        match = pattern.match(paragraph if not alone else paragraph.strip() + " ")
        if match is not None and match.end() <= _MAX_DATELINE and (alone or len(paragraph) > match.end()):
            return match
    match = _COLON_DATELINE.match(paragraph)
    # "KUALA LUMPUR: The …" — but "BREAKING:", "UPDATE:", "EXCLUSIVE:" are labels: only a known place
    if match is not None and not alone and known_place(match.group("place").title()):
        return match
    return None


def opens_with_dateline(paragraph: str) -> bool:
    """Whether ``paragraph`` opens with a wire dateline and goes on ("WASHINGTON _ The …").

    A sentence opening so is a story's lede, not its headline (the cleaner asks, see
    :func:`newsbrief.clean_headline.find_title`).

    >>> opens_with_dateline("WASHINGTON _ The New Economy is on trial here along with Microsoft Corp.")
    True
    >>> opens_with_dateline("Storm hits Washington"), opens_with_dateline("WASHINGTON The talks went on.")
    (False, False)
    """
    return _dateline(paragraph, dashless=False) is not None


# --- a headline glued to the body ------------------------------------------------------------------

# A page flattened to one paragraph keeps its headline in front of the lede with only a space between
# ("Trump Has Only Bad Options WASHINGTON (AP) — The …", "… Policy to the Test As the new year begins, …").
_GLUED_SEARCH_CHARS = 250
#: A glued headline this similar to the page's headline (rapidfuzz ratio of the normalised texts) is its copy.
_SAME_HEADLINE = 88.0
_GLUED_WORDS = (3, 25)
_UPPER_START = re.compile(r"(?<=\s)(?=[A-Z][A-Z.'\u2019-]+\b|\()")
_OPENER_START = re.compile(rf"(?<=\s){_OPENERS}\s")
#: After an opening word, this many of the next four words start in lower case (a sentence, not a title).
_LOWER_AFTER_OPENER = 3
_DOUBLED_HEADLINE = re.compile(r"((?:\S+\s+){3,24}?\S+)(?:\s+\1)+\s+(?=\S)")
_HEADLINE_COPIES = re.compile(r"((?:\S+\s+){3,24}?\S+)(?:\s+\1)+")
_DATELINE_DATE = re.compile(r",\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}$")
_TRAILING_BYLINE = re.compile(r"\s+(By [A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+){1,2})$")
_TITLE_MARKER = re.compile(r"^\s*[*\u2022\u25aa\u25ba]+\s*(?=\w)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|No|Inc|Corp|Co|Ltd|vs)\.$")
_TITLE_SMALL = frozenset("a an and as at but by for from in into of on or over the to up with vs via is are".split())
#: A headline found before an opening word (no dateline) has this share of capitalised words or more.
_TITLE_CASE_SHARE = 0.7


def _headline_like(prefix: str, *, title_case: bool) -> bool:
    words = prefix.split()
    if not _GLUED_WORDS[0] <= len(words) <= _GLUED_WORDS[1] or prefix.rstrip()[-1:] in ",;:-(":
        return False
    if not prefix[:1].isupper() or any(_ENDS_SENTENCE.search(w) and not _ABBREVIATION.match(w) for w in words):
        return False
    if words[-1].lower().strip("\"'\u2018\u2019\u201c\u201d") in _TITLE_SMALL:  # "… Save 50 Percent on", "… to"
        return False
    if _DATELINE_DATE.search(prefix.rstrip()):  # "SANDOUPING (Three Gorges), November 5 (Xinhua) --" is one dateline
        return False
    if not title_case:
        return True
    content = [w for w in words if w.lower().strip("\"'\u2018\u2019\u201c\u201d") not in _TITLE_SMALL]
    capitalised = sum(w[:1].isupper() or w[:1].isdigit() or w[:1] in "\"'\u2018\u201c" for w in content)
    return len(content) >= 3 and capitalised >= _TITLE_CASE_SHARE * len(content)


def single_headline(head: str) -> str:
    """One copy of a headline printed twice or more in a row (``X X`` → ``X``); other text unchanged."""
    head = head.strip()
    copies = _HEADLINE_COPIES.fullmatch(head)
    return copies.group(1) if copies is not None else head


def glued_headline(paragraph: str) -> int | None:
    """Where the lede starts when the page's headline is glued to it (``None`` when it is not).

    Before a dateline (``… Fires SYDNEY, Australia - Australia deployed …``) the headline is any run of 3
    to 25 words with no sentence end inside; without one, a title-case run (70 % of its words other than
    *the, of, to …* capitalised) before a word that opens sentences and never continues a headline's name
    (``… to the Test As the new civil year begins``, ``… Bad Options The Trump administration is …``).
    A headline printed twice in a row before the lede (``Tax move sparks protest Tax move sparks protest
    Israel's cabinet …``) ends after its second copy (:func:`single_headline` gives one copy).

    >>> text = "Ships Sent To Fight Fires SYDNEY, Australia - Australia sent ships on Wednesday."
    >>> text[glued_headline(text):]
    'SYDNEY, Australia - Australia sent ships on Wednesday.'
    >>> text = "Snowball Puts U.S. Mideast Policy to the Test As the new year begins, an event threatens."
    >>> text[glued_headline(text):]
    'As the new year begins, an event threatens.'
    >>> glued_headline("Prime Minister Boris Johnson said on Monday that talks would go on."), glued_headline("The Federal Reserve raised rates.")
    (None, None)
    >>> text = "Tax move sparks protest Tax move sparks protest The cabinet voted on Sunday to deduct the sum."
    >>> text[glued_headline(text):], single_headline(text[: glued_headline(text)])
    ('The cabinet voted on Sunday to deduct the sum.', 'Tax move sparks protest')
    """
    doubled = _DOUBLED_HEADLINE.match(paragraph)
    if doubled is not None and _headline_like(doubled.group(1) + " ", title_case=False):
        return doubled.end()
    head = paragraph[:_GLUED_SEARCH_CHARS]
    for match in _UPPER_START.finditer(head):
        start = match.start()
        dateline = _dateline(paragraph[start:], dashless=False)
        if dateline is not None and _headline_like(paragraph[:start], title_case=False):
            return start
    for match in _OPENER_START.finditer(head):
        start = match.start()
        following = paragraph[match.end() :].split()[:4]
        lower = sum(w[:1].islower() for w in following)
        if lower >= _LOWER_AFTER_OPENER and _headline_like(paragraph[:start], title_case=True):
            return start
    return None


def _agency(name: str) -> str | None:
    return AGENCIES.get(name.upper())


# a separator between a page title's headline and the site's name ("… - News Nation", "… | ZDNet",
# "LinkNaija | Nigeria's popular news platform: …")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-|\u2013\u2014\u00b7\u00bb]|::)\s+|:\s+")
_MIN_SITE_PREFIX = 5  # letters a site's name written short in the title must have ("Inexhibit" for "Inexhibit magazine")


def without_outlet(title: str, outlet: str) -> str:
    """The headline without the site's name that a page title adds before or after it.

    The name must be the outlet's (case, spacing and punctuation aside), its domain's name ("SpaceNews"
    for spacenews.com) or the first word(s) of it; a section label ("Opinion | …", "… | Editorial") and a
    colon inside the headline stay.

    >>> without_outlet("Is An Oxygen Bar Offering Fresh Air? - News Nation", "News Nation")
    'Is An Oxygen Bar Offering Fresh Air?'
    >>> without_outlet("Best tech gadgets of 2019 | ZDNet", "ZDNet"), without_outlet("Opinion | Is Football Violence a Crime?", "Wall Street Journal")
    ('Best tech gadgets of 2019', 'Opinion | Is Football Violence a Crime?')
    >>> without_outlet("LinkNaija | Nigeria's news platform: Kate Henshaw Is Stunning", "LinkNaija | Nigeria's news platform")
    'Kate Henshaw Is Stunning'
    >>> without_outlet("NASA adds five companies - SpaceNews.com", "spacenews.com"), without_outlet("Fallen Order review: a hit", "Fallen")
    ('NASA adds five companies', 'Fallen Order review: a hit')
    """
    site = _site_key(outlet)
    if not site:
        return title
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    for cut in reversed(cuts):  # the site's name after the headline
        if cut.group().strip() != ":" and _names_site(title[cut.end() :], site):
            return title[: cut.start()].strip() or title
    for cut in reversed(cuts):  # … or before it (the longest such name)
        if _names_site(title[: cut.start()], site):
            return title[cut.end() :].strip() or title
    return title


def _site_key(name: str) -> str:
    """A site's name as letters and digits only, lower case, without a domain's "www." and ending."""
    name = name.strip().lower()
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name):
        name = name.removeprefix("www.").rsplit(".", 1)[0]
    return re.sub(r"\W|_", "", name)


def _names_site(segment: str, site: str) -> bool:
    key = _site_key(segment)
    return bool(key) and (key == site or (len(key) >= _MIN_SITE_PREFIX and site.startswith(key) and len(segment.split()) < 4))


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


def _head_dates(raw_text: str, title: str | None = None) -> list[tuple[int, dt.date, str]]:
    """The first date among the first :data:`_HEAD_LINES` non-empty lines, as ``(line, date, where)``.

    The headline's line gives a date only when the date opens it ("2005/01/08 Title"): a date inside a
    headline is what the story is about ("Tributes paid to the victims of the July 7 2005 London
    bombings", published four years later), not when it was published.
    """
    seen = 0
    headline_line = _line_number(raw_text, title) if title else 0
    for number, line in enumerate(raw_text.split("\n", _HEAD_LINES * 4)[: _HEAD_LINES * 4], 1):
        if not line.strip():
            continue
        seen += 1
        date = date_starting_line(line) if number == headline_line else date_in_line(line)
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
        title = _TITLE_MARKER.sub("", title)  # a wire's "*" before its headline ("*NASA to launch …")
        leading = LEADING_DATE_TITLE.match(title.strip())
        if leading is not None and parse_date(leading.group("date")) is not None:
            title_where = _text_where(raw.text, title, "cleaner:title")
            found.set("published", parse_date(leading.group("date")), title_where)
            title = leading.group("title").strip()
        found.set("title", title, _text_where(raw.text, title, "cleaner:title") if main else "cleaner:title")

    # 3. The dateline at the start of the body ("WASHINGTON (AP) --") moves into metadata; so does a
    #    headline glued in front of the lede (a page flattened to one paragraph): it is the headline when
    #    the page gave none, a copy of the headline when it is one, and left alone otherwise.
    text, removed = part.text, part.removed
    paragraph_end = text.find("\n\n")
    first = text if paragraph_end < 0 else text[:paragraph_end]
    match = _dateline(first)
    glued = glued_headline(first) if match is None else None
    if glued is not None:
        head, known = single_headline(first[:glued]), found.values.get("title")
        byline = _TRAILING_BYLINE.search(head)
        if byline is not None:  # "… Tugged Him By Jane Roe VATICAN CITY (Reuters) - …": the writer after the headline
            head = head[: byline.start()]
            removed = (*removed, Removal(line=byline.group(1), reason="byline", line_no=_line_number(raw.text, byline.group(1))))
        if known is None or fuzz.ratio(normalise(head), normalise(known)) >= _SAME_HEADLINE:
            if known is None:
                found.set("title", head, "text:glued headline")
            else:
                removed = (*removed, Removal(line=head, reason="repeated headline", line_no=_line_number(raw.text, head)))
            text, first = text[glued:], first[glued:]
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
    leading_date = LEADING_DATE.match(text) or next(
        (m for m in (pattern.match(text) for pattern in LEADING_DASHED_DATES) if m is not None), None
    )
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
        dates.extend(_head_dates(raw.text, title))
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

    title = found.values.get("title")
    if title and found.values.get("outlet"):
        found.values["title"] = without_outlet(title, found.values["outlet"])

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
