"""One line of scraped text on its own: the structural signals the cleaner decides with.

Everything here looks at a single line (or paragraph) on its own: its shape (:class:`LineShape`, in
:mod:`newsbrief.clean_shape`: length, word count, terminal punctuation, the share of lower-case words,
separators, *interface* words — the words web pages use to talk about themselves: share, subscribe,
comments, newsletter, cookies …), photo credits, counters, URLs, comment headers; the metadata lines
(dates, bylines, datelines) are recognised in :mod:`newsbrief.clean_dates`.  The cleaner combines
these with position and recurrence; a line is never removed for containing one of these words alone.
The vocabularies are English-only.

>>> f = LineShape.of("By Jane Doe, Reuters")
>>> f.words, f.terminal, f.sentence_like
(4, False, False)
>>> LineShape.of("He declined.").sentence_like
True
>>> has_credit("Police at the scene (Photo: Jane Roe/AFP)"), is_counter("12 comments")
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat

from newsbrief.clean_shape import (
    _WORD,
    ANY_INTERFACE_WORDS,
    INTERFACE_WORDS,
    QUOTE_OPENERS,
    WEAK_INTERFACE_WORDS,
    LineShape,
    _terminal,
)
from newsbrief.text import content_words

# Photo/video credits and caption markers (agency photo credits, "(Photo: …)", "Image copyright" …).
_CREDIT = re.compile(
    r"""
    \((?:photo|photograph|picture|image|video|file\ photo|credit)s?\b[^)]*\)
    | ^(?:photo|photograph|picture|image|video|pic|caption|credit|image\ caption|image\ copyright|media\ caption)s?\b\s*[:|/-]
    | \b(?:getty\ images|shutterstock|ap\ photo|afp\ photo|reuters\ photo|epa-efe|afp/getty|pa\ wire|pa\ media|file\ photo|alamy|istock(?:photo)?)\b
    | \b(?:ap|afp|epa|reuters|ansa|xinhua|efe|pa|dpa|aap)\s*/\s*[A-Z][\w.'\ -]{0,40}\)?\s*$
    | (?:photo|image|picture)\ (?:credit|courtesy)\b
    | (?:^|[\s\[(])(?:photo|photograph|image|picture)\s*[:/]\s*\S
    | \b(?:image|media|video|photo)\ (?:copyright|caption|credit)\b
    | \bcredit:?\s+[A-Z][\w.'\ -]{1,40}/\s*[A-Z][\w.\ -]{1,30}$
    | /\s*(?:reuters|afp|ap|epa|getty\ images|associated\ press|bloomberg)\s*\)?\s*$
    | [©ⓒ]
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: A picture agency in brackets closing a caption (``… enough cash to last a few weeks [AFP]``).
_AGENCY_CREDIT = re.compile(r"\s[\[(](?:AFP|AP|Reuters|EPA|Getty(?: Images)?|Xinhua|EFE|dpa|AAP|PA|Alamy)[\])]$")

#: A photographer (two to four capitalised words) and the outlet in brackets after a caption's last
#: sentence (``… midnight. (Ana Lima/CBC)``, eleventh round); ``(Summer/Winter)`` names no one.
_NAME_SLASH_CREDIT = re.compile(r"[.!?\"”’]\s*\([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} ?/ ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\)$")

#: Where the picture came from, in brackets after the caption's last stop, no slash (``… virtual items.
#: (Wikimedia Commons)``, ``… at dusk. (Jane Roe)``; session 18): two to four capitalised words (``of``,
#: ``the``, ``via`` between them), never a sentence; an article's paragraph does not close on one (one word
#: is a wire's sign-off after the last paragraph: ``… according to the statement. (ANI)``).
_BRACKETED_SOURCE = re.compile(r"[.!?][\"”’]?\s+\([A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|of|the|via)){1,3}\)$")

#: The credit printed before the caption (13th round): an agency, then a new sentence with no stop between
#: (``AP A crowd gathers …``), or a name with where the picture came from (``Ana Lima (via Twitter) The …``).
_LEADING_AGENCY = re.compile(r"^(?:AFP|AP|Reuters|EPA|Getty Images|Xinhua|EFE|AAP|PA|Alamy) (?:A|An|The|This|These|Two|Three) [a-z]")
_AGENCY_INITIALS = frozenset("AREGXP")
_LEADING_SOURCE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} \((?:via|courtesy of) [^)]{2,40}\) [A-Z\"“‘']")

_CREDIT_HINT = re.compile(r"photo|image|picture|video|credit|caption|getty|shutterstock|alamy|istock|©|ⓒ|/", re.IGNORECASE)

_CREDIT_HINT_LOWER = re.compile(r"photo|image|picture|video|credit|caption|getty|shutterstock|alamy|istock|/")
_CREDIT_HINT_WORDS = tuple(_CREDIT_HINT_LOWER.pattern.split("|"))
# The letters that a case-insensitive pattern matches to i or s but str.lower() does not turn into
# them (dotless ı, İ, long ſ): text holding one takes the slow, exact path.
_CASE_FOLD_SPECIAL = re.compile("[\u0131\u0130\u017f]")


_DECORATIVE = re.compile(r"^\s*(?:[-–—=*•#~_+]{1,3})\s+(.{1,80}?)\s+(?:[-–—=*•#~_+]{1,3})\s*$")
_COUNTER = re.compile(r"^\s*\(?\d[\d,.]*[kKmM]?\)?\s+\w+(?:\s\w+)?\s*$|^\s*\w+(?:\s\w+)?\s*[:(]?\s*\d[\d,.]*[kKmM]?\)?\s*$")
#: List bullets that are also separators (``clean_shape``): one opening a line marks a list item.
_BULLETS = frozenset("•·")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[•·▪►*-])\s+\S")
_URL_HINTS = ("http", "www.", ".com", ".org", ".net", ".co.uk")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)


# Every character str.split() splits on (the characters for which str.isspace() is true).
_SPACE_CHARS = tuple(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


_LABEL = re.compile(r"^([^:|]{2,24})\s*[:|]\s+(\S.*)$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", re.IGNORECASE)
_COMMENT_HEADER = re.compile(
    r"^(?:\d+|no|one|two|three)\s+(?:thoughts?|responses?|comments?|replies|reactions?)\b"
    r"|^(?:leave|post|add|write|join|show|view|load)\b.{0,20}\b(?:comments?|reply|replies|discussion)\b"
    r"|^(?:comments?|discussion|reader comments|responses?)\s*(?:\(\d+\)|\d+)?:?$",
    re.IGNORECASE,
)
# A counted comment header naming the article in quotes: the quoted title may be long.
_TITLED_COMMENT_HEADER = re.compile(
    r"^(?:\d+|no|one|two|three)\s+(?:thoughts?|responses?|comments?|replies|reactions?)\s+(?:on|to)\s+[\"“‘'«]",
    re.IGNORECASE,
)
# A titled comment widget: a few capitalised words before the comment noun (``Top Rated Comments``,
# ``Most Liked Replies (40)``); a heading of that shape may also name a section of an article, so the
# caller needs the widget's controls next to it (see clean_runs.comment_section).
_WIDGET_COMMENT_HEADER = re.compile(
    r"^(?:[A-Z][\w'’-]*\s+){1,3}(?i:comments|replies|responses|reactions)\s*(?:\(\d[\d,.]*[kK]?\))?:?$"
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}")
_PUNCT = "\"'“”‘’«»()[]{}.,;:!?-–—…"
_ENGLISH = frozenset(
    "the of and to a in is that for on was with as by at from it be are has have had were this which "
    "but not an or its their they he she his her said will after who been would".split()
)


def interface_label(text: str) -> bool:
    """``Read more: <headline>``, ``WATCH | <title>``: an interface label before a link's text.

    >>> interface_label("Read more: Storm hits the coast"), interface_label("Officials said: no more delays")
    (True, False)
    """
    if ":" not in text and "|" not in text:  # the label pattern needs one of them
        return False
    match = _LABEL.match(text)
    if not match:
        return False
    label = LineShape.of(match.group(1))
    # One imperative is a label too (``See: <headline>``, ``Watch: <title>``).
    labelled = label.interface_ratio >= 0.25 or (label.words == 1 and label.imperative)
    if not (0 < label.words <= 3 and labelled):
        return False
    # A headline may ask its question (``More: Can the valley be saved?``, 13th round); it makes no statement.
    title = LineShape.of(match.group(2))
    return not title.terminal or title.terminal_question


_MEDIA_TAG = re.compile(r"\s*[(\[][^\W\d_]+[)\]]$")
#: A link's text is a headline: a line this long after a label is a paragraph (a flattened page), not a link.
LINK_WORDS = 40


def labelled_headline(text: str) -> bool:
    """A headline with a media label or tag: ``PHOTOS: <headline>``, ``Watch: <headline>``, ``<headline> (VIDEO)``.

    Without its label (one to three words before a colon or bar) or its trailing one-word tag in
    brackets, the line is a title of four words or more that carries no credit.  On the page's first
    line that is the story's headline, not a caption or a link; lower down the same shape is a link.

    >>> labelled_headline("PHOTOS: Crowds welcome the new year on the beach"), labelled_headline("Floods hit the valley (VIDEO)")
    (True, True)
    >>> labelled_headline("Crowds on the beach (Photo: Jane Roe/AFP)"), labelled_headline("Crowds welcome the new year")
    (False, False)
    """
    core = text
    match = _LABEL.match(core)
    if match and 0 < len(match.group(1).split()) <= 3:
        core = match.group(2)
    core = _MEDIA_TAG.sub("", core)
    return core != text and len(core.split()) >= 4 and not has_credit(core)


def only_interface_words(text: str) -> bool:
    """The line's content words (:func:`newsbrief.text.content_words`) are all interface words.

    ``More on this story``, ``Related video``: a short line made only of
    words a page uses about itself and function words names no subject; a sub-heading names one
    (``Top of the league``).  (``Back to top`` has no content word at all: the stopword list holds
    *back* and *top*, and such lines are left to the other rules.)

    >>> only_interface_words("More on this story"), only_interface_words("Back to top"), only_interface_words("Top of the league")
    (True, False, False)
    """
    content = content_words(text)
    return bool(content) and all(map(ANY_INTERFACE_WORDS.__contains__, content))


def has_email(text: str) -> bool:
    """Contains an e-mail address."""
    return "@" in text and bool(_EMAIL.search(text))


def is_comment_header(text: str) -> bool:
    """The header of a comment section: ``12 comments``, ``10 thoughts on …``, ``Leave a Reply``.

    >>> is_comment_header("10 thoughts on “Why focus matters”"), is_comment_header("Leave a Reply")
    (True, True)
    >>> is_comment_header("Two comments by the minister angered farmers.")
    False
    >>> is_comment_header("3 responses to “A very long headline about the harbour works and the council vote”")
    True
    """
    shape = LineShape.of(text)
    if _TITLED_COMMENT_HEADER.match(text.strip()):  # "10 thoughts on “<the article's long title>”"
        return shape.words <= 40
    return shape.words <= 12 and not (shape.terminal and shape.words > 4) and bool(_COMMENT_HEADER.match(text.strip()))


def is_widget_comment_header(text: str) -> bool:
    """A short title-case header ending with a comment noun: ``Top Rated Comments``, ``Reader Replies (12)``.

    >>> is_widget_comment_header("Top Rated Comments"), is_widget_comment_header("The minister's comments")
    (True, False)
    """
    return bool(_WIDGET_COMMENT_HEADER.match(text.strip()))


def has_contact(text: str) -> bool:
    """Contains an e-mail address or a social-media handle."""
    return bool(_CONTACT.search(text))


def english_share(texts: list[str]) -> float:
    """Share of English function words among the words of ``texts`` (English prose: about 0.3-0.5).

    >>> english_share(["The cat sat on the mat and it was happy."]) > 0.3
    True
    """
    english, total = _english_counts(" ".join(texts).lower())
    return english / total if total else 0.0


def _english_counts(lowered: str) -> tuple[int, int]:
    """English function words and words (tokens that are not only punctuation) of lower-cased text."""
    # The loops run in C (map, count); tokens that are only punctuation strip to "" and do not count.
    stripped = list(map(str.strip, lowered.split(), repeat(_PUNCT)))
    return sum(map(_ENGLISH.__contains__, stripped)), len(stripped) - stripped.count("")


# english_share_reaches decides from the first half of the words only when their English words
# reach the share of all words with this margin (no rounding question can arise near the threshold).
_EARLY_MARGIN = 0.01


def english_share_reaches(texts: list[str], share: float) -> bool:
    """``english_share(texts) >= share``, usually from the first half of the words.

    The number of words is at most the number of whitespace characters + 1; when the
    English words of the first half already make ``share`` (+ a margin) of that bound, the share of
    the whole can only be higher.  Otherwise the second half is counted too and the share is
    computed exactly as :func:`english_share` does (same tokens, same integer counts).

    >>> english_share_reaches(["The cat sat on the mat and it was happy."], 0.3)
    True
    >>> english_share_reaches(["Der Hund schlief im Garten."], 0.12)
    False
    """
    lowered = " ".join(texts).lower()
    cut = lowered.find(" ", len(lowered) // 2)
    if cut < 0:
        english, total = _english_counts(lowered)
        return (english / total if total else 0.0) >= share
    english, total = _english_counts(lowered[:cut])  # a cut at a space splits no word
    bound = sum(map(lowered.count, _SPACE_CHARS[:10] if lowered.isascii() else _SPACE_CHARS)) + 1  # [:10]: ASCII
    if english >= (share + _EARLY_MARGIN) * bound:
        return True
    more_english, more_total = _english_counts(lowered[cut:])
    english, total = english + more_english, total + more_total
    return (english / total if total else 0.0) >= share


def is_decorative_marker(text: str) -> str | None:
    """The heading inside a decorative section marker such as ``- Meeting refugees -``, else ``None``.

    >>> is_decorative_marker("- Meeting refugees -")
    'Meeting refugees'
    >>> is_decorative_marker("Prices rose - and then fell -") is None
    True
    """
    match = _DECORATIVE.match(text)
    if not match:
        return None
    inner = match.group(1)
    if len(inner.split()) > 8 or inner.rstrip()[-1:] in ".!?":
        return None
    return inner


def has_credit(text: str) -> bool:
    """Carries a photo/video credit or caption marker.

    >>> has_credit("Police at the scene (Photo: Jane Roe/AFP)"), has_credit("Police at the scene.")
    (True, False)
    >>> has_credit("Voters queue outside a school in Athens [AFP]"), has_credit("The AFP reported it [1]")
    (True, False)
    >>> has_credit("The twins met at the station. (Ana Lima / CBC News)"), has_credit("He left (via Lyon/Paris) at dawn.")
    (True, False)
    >>> has_credit("AP A crowd gathers at the pier."), has_credit("Ana Lima (via Twitter) The pier at dusk.")
    (True, True)
    >>> has_credit("AP reported a crowd at the pier."), has_credit("Lima wrote (via Twitter) that it was over.")
    (False, False)
    >>> has_credit("The tank was a game's stop. (Wikimedia Commons)"), has_credit("Sales rose (see chart).")
    (True, False)
    """
    if text.isascii():  # the hint pattern is a list of literals: look for each in the lower-cased text
        lowered = text.lower()
        hint = any(map(lowered.__contains__, _CREDIT_HINT_WORDS))
    elif _CASE_FOLD_SPECIAL.search(text):
        hint = _CREDIT_HINT.search(text) is not None
    else:
        hint = "©" in text or "ⓒ" in text or _CREDIT_HINT_LOWER.search(text.lower()) is not None
    if hint and _CREDIT.search(text):
        return True
    if text.endswith(")") and (("/" in text and _NAME_SLASH_CREDIT.search(text)) or _BRACKETED_SOURCE.search(text)):
        return True
    if (text[:1] in _AGENCY_INITIALS and _LEADING_AGENCY.match(text)) or (
        ("(via " in text or "(courtesy " in text) and _LEADING_SOURCE.match(text)
    ):
        return True
    return text.endswith(("]", ")")) and bool(_AGENCY_CREDIT.search(text))


_CONTROL_TOKEN = re.compile(r"^[^\W\d_]?[+\-−–×<>«»‹›]{1,2}[^\W\d_]?$")
_CONTROL_TOKENS = 6
_CONTROL_CHARS = 5 * _CONTROL_TOKENS


def is_symbol_controls(text: str) -> bool:
    """A row of buttons drawn with symbols and single letters: ``A+ A-`` (text size), ``« ‹ › »`` (13th round).

    Every token is at most one letter with one or two control symbols; no word, no figure.

    >>> is_symbol_controls("A+ A-"), is_symbol_controls("A- A A+"), is_symbol_controls("Q&A"), is_symbol_controls("1-0")
    (True, False, False, False)
    """
    if len(text) > _CONTROL_CHARS:  # six tokens of at most four characters
        return False
    tokens = text.split()
    return 0 < len(tokens) <= _CONTROL_TOKENS and all(_CONTROL_TOKEN.match(token) for token in tokens)


def is_counter(text: str) -> bool:
    """A bare counter such as ``12 comments`` or ``Shares: 340``.

    >>> is_counter("12 comments"), is_counter("Shares 1.2k"), is_counter("12 people died")
    (True, True, False)
    """
    if not _COUNTER.match(text):
        return False
    tokens = [t.lower() for t in _WORD.findall(text) if not t[0].isdigit()]
    known = INTERFACE_WORDS | WEAK_INTERFACE_WORDS | {"reads", "votes", "points"}
    return bool(tokens) and all(t in known for t in tokens)


def is_numbered(text: str) -> bool:
    """Starts like a list item (``1.``, ``2)``, a bullet)."""
    return bool(_NUMBERED.match(text))


def has_url(text: str) -> bool:
    """Contains a URL or a bare domain."""
    lowered = text.lower()
    if not any(map(lowered.__contains__, _URL_HINTS)):
        return False
    return bool(_URL.search(text))


_CODE = re.compile(r"[A-Za-z]*\d[A-Za-z\d]*")
# not "- GPS": a list's item; "(ms-gb)": a wire desk's initials closing the copy
# (or one desk's, "(jh)", or several without brackets, "vj/mae", "sf-ggl")
_SIGN_OFF = re.compile(
    r"(?:-{2,3}|[–—])[A-Z]{2,6}|\([a-z]{1,4}(?:[-/][a-z]{0,4}){0,3}\s*\)|[a-z]{1,4}(?:[-/][a-z]{1,4}){1,3}"
)
#: A tracking code has at least this many characters, six of them digits and two letters.
_CODE_CHARS = 12


def is_identifier(text: str) -> bool:
    """A line that is one machine code (a syndication feed's tracking id) or a wire's sign-off (``--SPA``).

    Bare numbers are not: a table's value or a list's number may stand alone.

    >>> is_identifier("MENAFN0101202000780000ID1099495460"), is_identifier("--SPA"), is_identifier("2019")
    (True, True, False)
    >>> is_identifier("- GPS"), is_identifier("(ms-gb)"), is_identifier("(see below)")
    (False, True, False)
    >>> is_identifier("(jh)"), is_identifier("vj/mae"), is_identifier("(pvs/sv/ )"), is_identifier("and")
    (True, True, True, False)
    """
    if _SIGN_OFF.fullmatch(text):
        return True
    if len(text) < _CODE_CHARS or _CODE.fullmatch(text) is None:
        return False
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 6 and len(text) - digits >= 2


def is_bare_url(text: str) -> bool:
    """The whole line is one URL.

    >>> is_bare_url("https://example.org/news/a-story.html"), is_bare_url("See example.org for more")
    (True, False)
    """
    stripped = text.strip()
    return " " not in stripped and bool(_URL.search(stripped))


#: A site's address written as its name (``rt.com``, ``lemonde.fr``): lower case, a dot, a top-level domain.
_SITE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,4}$")
_SITE_LINK_WORDS = (8, 30)


def is_site_labelled_link(text: str, shape: LineShape) -> bool:
    """A story's title labelled with the site it is on (``Also on example.com <headline>``), in any language.

    Eighth round: a line of 8–30 words that does not end like a sentence and names a site by its
    address (lower case, as an address is written) among its first four words, with a title of five
    words or more after it, is a link to a story on that site.  A company named by its address is
    capitalised (``Amazon.com said …``), a sentence ends like one, a byline or an embedded post's
    signature is shorter or opens with a dash.

    >>> line = "Also on example.com Storm closes the harbour bridge for a second winter running"
    >>> is_site_labelled_link(line, LineShape.of(line))
    True
    >>> line = "Shares of Amazon.com fell sharply in early trading on Tuesday after the results."
    >>> is_site_labelled_link(line, LineShape.of(line))
    False
    """
    low, high = _SITE_LINK_WORDS
    if not low <= shape.words <= high or shape.terminal or "." not in text or text[:1] in "—–-\"“‘«(":
        return False
    words = text.split()
    for k, word in enumerate(words[:4]):
        if _SITE_NAME.match(word.strip(",:;")) and len(words) - k - 1 >= 5:
            return True
    return False


def is_bracketed_teaser(text: str) -> bool:
    """A headline in square brackets between paragraphs: a link to another story.

    Three to twenty words inside, not ending like a sentence (an editor's note in brackets does).

    >>> is_bracketed_teaser("[How the valley rebuilt after the flood]"), is_bracketed_teaser("[This story has been updated.]")
    (True, False)
    """
    if text[:1] != "[" or text[-1:] != "]":
        return False
    inner = text[1:-1].strip()
    return "[" not in inner and "]" not in inner and 3 <= len(inner.split()) <= 20 and not _terminal(inner)


def navigation_like(shape: LineShape) -> bool:
    """Breadcrumbs, menus and tag bars: short segments between separators (``Home › World › Europe``).

    Table rows (``| a | b |``, as trafilatura writes tables) are not navigation, nor is a list item
    whose one separator is its bullet (``• New dark theme``, eleventh round): a menu's separator
    stands between two segments.
    """
    stripped = shape.text.strip()
    if stripped.startswith("|") and stripped.endswith("|"):
        return False
    if shape.separators >= 2 and shape.words <= 30:
        return True
    if shape.separators != 1 or shape.words > 8 or shape.terminal or stripped[:1] in _BULLETS:
        return False
    return shape.lower_ratio < 0.5 or shape.interface_ratio > 0


@dataclass(slots=True)
class Unit:
    """A line (or a hard-wrapped paragraph) of the input with its 1-based first line number."""

    text: str
    line_no: int
    shape: LineShape


def units_of(text: str) -> list[Unit]:
    """Lines of ``text``, or paragraphs when the text is hard-wrapped (fixed-width lines)."""
    lines = text.splitlines()
    nonempty = [(i, stripped) for i, ln in enumerate(lines, 1) if (stripped := ln.strip())]
    if hard_wrapped([ln for _, ln in nonempty]):
        units: list[Unit] = []
        block: list[tuple[int, str]] = []
        for i, raw_line in enumerate([*lines, ""], 1):
            line = raw_line.strip()
            if line:
                block.append((i, line))
                continue
            if block:
                joined = " ".join(part for _, part in block)
                units.append(Unit(joined, block[0][0], LineShape.of(joined)))
                block = []
        return units
    return [Unit(line, i, LineShape.of(line)) for i, line in nonempty]


def hard_wrapped(lines: list[str]) -> bool:
    """Fixed-width text: most lines are nearly as long as the longest and many stop mid-sentence."""
    if len(lines) < 6:
        return False
    longest = max(len(line) for line in lines)
    if longest > 100 or longest < 40:
        return False
    near_full = sum(1 for line in lines if len(line) >= 0.75 * longest)
    open_ended = sum(1 for line in lines if line[-1] not in ".!?\"'")
    return near_full >= 0.5 * len(lines) and open_ended >= 0.4 * len(lines)


#: Words that point the reader somewhere on the page (English): where the thing a prompt offers is.
_POINTERS = frozenset({"here", "below", "above"})
_POINTER_PROMPT_WORDS = 20


def is_pointer_prompt(text: str, shape: LineShape) -> bool:
    """An imperative about the page that points at a place on it or a URL: ``Watch the video below …``.

    Ninth round (English).  A line of at most 20 words opening with an imperative (``Read``,
    ``Watch``, ``See``, ``Listen``), naming something on the page (an interface word: *more*,
    *video*, *story*) and pointing at where it is — *here*, *below*, *above*, or a URL — is a prompt
    between the paragraphs, even when it ends like a sentence (``Read more about the inquiry
    here.``).  A quotation is never one; an article's sentence does not open with an imperative.

    >>> is_pointer_prompt("Watch the video below to see the launch.", LineShape.of("Watch the video below to see the launch."))
    True
    >>> is_pointer_prompt("See how the bridge was built below the falls.", LineShape.of("See how the bridge was built below the falls."))
    False
    """
    if not shape.imperative or shape.interface_ratio == 0 or shape.words > _POINTER_PROMPT_WORDS:
        return False
    if text[:1] in QUOTE_OPENERS:
        return False
    words = {w.lower() for w in _WORD.findall(text)}
    if words.isdisjoint(_POINTERS) and not has_url(text):
        return False
    # the thing on the page is named by another word than the pointer ("below" is an interface word too)
    return not (words - _POINTERS).isdisjoint(ANY_INTERFACE_WORDS)
