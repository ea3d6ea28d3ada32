r"""The headline of a plain text and its copies in the body (moved out of :mod:`newsbrief.clean`, same rules).

>>> from newsbrief.clean_lines import units_of
>>> units = units_of("Storm hits coast\nStorm hits coast\nA storm hit the coast on Monday, cutting power to many homes.")
>>> reasons = [None] * len(units)
>>> title, index, _date = find_title(units, reasons, None)
>>> drop_repeated_headline(units, reasons, title, index)
>>> title, reasons
('Storm hits coast', [None, 'repeated headline', None])
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from newsbrief.clean_dates import leading_date
from newsbrief.clean_lines import Unit
from newsbrief.meta import opens_with_dateline
from newsbrief.text import STOPWORDS, content_words, ends_sentence, normalise
from newsbrief.text import words as word_tokens

#: A wire service's advisory to editors at the top of a story ("Eds: UPDATES with …", "EDS: SUBS 3rd graf").
_WIRE_ADVISORY = re.compile(r"(?:Eds|EDS|Editors|EDITORS)\s*[:.]\s+\S")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St)\.$")
_HEADLINE_SIMILARITY = 88.0
#: A first line ending with ``...`` is a headline cut short up to this many words (a longer one is a lede).
_CUT_TITLE_WORDS = 15
#: A second wording of the headline is headline-sized; a longer unterminated first line is a lede.
_REWORDED_MAX_WORDS = 20


def find_title(
    units: list[Unit], reasons: list[str | None], meta_title: str | None
) -> tuple[str | None, int | None, str | None]:
    """The headline: the record's title when given, else the first non-residue line at the top.

    Returns the title, the index of the unit it came from (``None`` for a record title) and a
    leading date found on the headline line (``2005/01/08 Title``), if any.
    """
    if meta_title:
        return meta_title, None, None
    for i, unit in enumerate(units):
        if reasons[i] is not None:
            continue
        shape = unit.shape
        if _WIRE_ADVISORY.match(unit.text):
            reasons[i] = "editor note"  # "Eds: UPDATES with four more deaths": an advisory to editors
            continue
        if _announces_what_follows(unit) or (_ends_or_runs_on(unit) and opens_with_dateline(unit.text)):
            # a line announcing what follows ("The New York Times said in an editorial on Monday:") or a
            # sentence opening with a wire dateline ("WASHINGTON _ The New Economy is on trial here along
            # with Microsoft Corp.") is the story's lede; "BERLIN – Merkel says ‘Nein’ to cabinet
            # reshuffle", short and unterminated, is a site's headline with its place
            return None, None, None
        date = leading_date(unit.text)
        if date and shape.words <= 30:
            return unit.text[len(date) :].strip(), i, date
        # A headline cut short by the site ends with an ellipsis, not a full stop (eleventh round).
        cut = unit.text.endswith("...") and shape.words <= _CUT_TITLE_WORDS
        if shape.anchor and (shape.words > 25 or (unit.text.endswith(".") and not cut and not _ABBREVIATION.search(unit.text))):
            return None, None, None
        if shape.words > 30:
            return None, None, None
        if shape.words <= 2 and not shape.terminal and i + 1 < len(units) and not units[i + 1].shape.anchor:
            reasons[i] = "section label"
            continue
        return unit.text, i, None
    return None, None, None


#: A line ending with a colon and this long is a sentence announcing what follows, not a headline.
_ANNOUNCING_WORDS = 8
#: A line opening with a dateline and longer than this is a lede even without its full stop.
_DATELINE_HEADLINE_WORDS = 12


def _announces_what_follows(unit: Unit) -> bool:
    """A sentence ending with a colon ("Here are some Web sites dealing with the problem:", "Bans exist in:").

    Not a headline's first part cut at its colon ("Samsung Galaxy S5 Sport review:"): that one is short and
    does not end on a function word.
    """
    text = unit.text.rstrip()
    if not text.endswith(":"):
        return False
    last = word_tokens(text)[-1:]
    return unit.shape.words >= _ANNOUNCING_WORDS or (bool(last) and last[0] in STOPWORDS)


def _ends_or_runs_on(unit: Unit) -> bool:
    return ends_sentence(unit.text) or unit.shape.words > _DATELINE_HEADLINE_WORDS


def drop_repeated_headline(units: list[Unit], reasons: list[str | None], title: str, title_idx: int | None) -> None:
    """The headline repeated in the top of the body (once or several times) is residue."""
    norm_title = normalise(title)
    top = True
    for i, unit in enumerate(units):
        if i == title_idx:
            continue
        if unit.shape.anchor and i > (title_idx or 0) + 3:
            top = False
        if reasons[i] not in (None, "duplicate line", "recurring"):
            continue
        if not 0.5 * len(title) <= len(unit.text) <= 2 * len(title) + 20:
            continue
        norm = normalise(unit.text)
        if fuzz.ratio(norm, norm_title) >= _HEADLINE_SIMILARITY:
            # Below the top, a copy adds no word of its own: 'What, then, makes …?' in the text asks
            # the headline's question, it does not repeat it.
            if top or set(word_tokens(unit.text)) <= set(word_tokens(title)):
                reasons[i] = "repeated headline"
        elif top and len(norm) >= 12 and norm in norm_title and not unit.shape.anchor:
            reasons[i] = "repeated headline"
    drop_framed_headline(units, reasons, title, title_idx)
    drop_reworded_headline(units, reasons, title, title_idx)


#: A truncation mark closing a headline the site cut short.
_CUT_MARK = re.compile(r"\s*(?:\.\.\.|…|\(\.\.\.\)|\[\.\.\.\]|\(…\)|\[…\])\s*$")
#: The headline's words found again make up most of the copy: at most this many words around them.
_FRAME_WORDS = 10
_FRAMED_MIN_WORDS = 4
_FRAMED_SHARE = 0.7


def framed_headline(line: str, title: str) -> bool:
    """``line`` is the headline again with a frame: a date, a time, a source before it, or its cut-off end.

    Eleventh round.  The headline's words must come back in one run of at least four words and 70 % of
    the headline — its end (a label before the headline's colon may be left out: ``Cuba Journal: …``),
    or, when the headline was cut short (``…``, ``(...)``), its start, which the line completes — with
    at most ten words around them (``Wednesday, January 01, 2020 <headline>``, ``(Wire- Agency)
    <headline>``, ``20:45 by CNN Have your say: <headline>``).  The line does not end like a sentence: a
    lede that opens with the headline's words does.

    >>> framed_headline("(Harbour Wire) Ferry service resumes after the winter storms", "Ferry service resumes after the winter storms")
    True
    >>> framed_headline("Ferry service resumes after the winter storms hit the islands", "Ferry service resumes after the...")
    True
    >>> framed_headline("Ferry service resumes after the winter storms, the operator said on Tuesday.", "Ferry service resumes after the winter storms")
    False
    """
    if line.rstrip().endswith((".", "!", "?")):
        return False
    cut = _CUT_MARK.search(title)
    head = word_tokens(title[: cut.start()] if cut else title)
    if cut and head:
        head = head[:-1]  # the last word may itself be cut (``Fun...``)
    if len(head) < _FRAMED_MIN_WORDS:
        return False
    tokens = word_tokens(line)
    run = _common_run(head, tokens, from_start=bool(cut))
    return run >= max(_FRAMED_MIN_WORDS, _FRAMED_SHARE * len(head)) and len(tokens) - run <= _FRAME_WORDS


def _common_run(head: list[str], tokens: list[str], *, from_start: bool) -> int:
    """The longest start (``from_start``) or end of ``head`` found as a contiguous run in ``tokens``."""
    best = 0
    for k in range(len(tokens)):
        n = 0
        if from_start:
            while n < len(head) and k + n < len(tokens) and tokens[k + n] == head[n]:
                n += 1
        else:
            while n < len(head) and k - n >= 0 and tokens[k - n] == head[-1 - n]:
                n += 1
        best = max(best, n)
    return best


def drop_framed_headline(units: list[Unit], reasons: list[str | None], title: str, title_idx: int | None) -> None:
    """One of the two lines under the headline that repeats it with a frame (:func:`framed_headline`) is residue."""
    longest = len(title.split()) + _FRAME_WORDS  # a longer line cannot be the headline with a frame
    seen = 0
    for i in range(0 if title_idx is None else title_idx + 1, len(units)):
        if reasons[i] is not None:
            continue
        if units[i].shape.words <= longest and framed_headline(units[i].text, title):
            reasons[i] = "repeated headline"
            return
        seen += 1
        if seen == 2:
            return


def drop_reworded_headline(units: list[Unit], reasons: list[str | None], title: str, title_idx: int | None) -> None:
    """Drop a second wording of the headline on the first body line.

    The first body line, when it does not end like a sentence (nor with a colon), has 3–20 words, is
    followed by prose, and names the headline's subject (≥ 2 of its content words, or half of them, are
    the headline's), is another headline (a longer unterminated first line is a lede that lost its
    full stop).  Pages often carry a second wording of the headline (for social media or the index page) above
    the text; the first paragraph of the article ends like a sentence and is never taken.
    """
    first = next((i for i, r in enumerate(reasons) if r is None and i != title_idx), None)
    if first is None:
        return
    shape = units[first].shape
    if shape.terminal or units[first].text.endswith(":") or not 3 <= shape.words <= _REWORDED_MAX_WORDS or first + 1 >= len(units) or not units[first + 1].shape.anchor:
        return
    words = set(content_words(units[first].text))
    shared = words & set(content_words(title))
    if words and (len(shared) >= 2 or 2 * len(shared) >= len(words)):
        reasons[first] = "repeated headline"


_RECURRING_HEADLINE_WORDS = (3, 20)


def recurring_headline(units: list[Unit], reasons: list[str | None]) -> None:
    """The page's first line recurring in the batch is still its headline when it names the page's subject.

    Ninth round (English: content words).  Pages about the same product or event share a headline
    (``Maple X2 review`` on three sites' pages); the recurrence rule takes a short line found in three
    documents for boilerplate, and the stand-first under it became the headline.  A first line of
    3–20 words, not ending like a sentence, whose content words all but one recur in the rest of the
    page, is the headline; a site's name or a menu line at the top does not name the article's subject.
    """
    if not units or reasons[0] != "recurring":
        return
    shape = units[0].shape
    if shape.terminal or not _RECURRING_HEADLINE_WORDS[0] <= shape.words <= _RECURRING_HEADLINE_WORDS[1]:
        return
    words = set(content_words(units[0].text))
    rest: set[str] = set()
    for unit in units[1:]:
        rest.update(content_words(unit.text))
    if len(words) >= 2 and len(words - rest) <= 1:
        reasons[0] = None


#: A line between the headline and its copy this short is the site's label, not the text's.
_BETWEEN_WORDS = 6
#: … and at most this many lines stand between them.
_BETWEEN_LINES = 3


def between_headline_copies(units: list[Unit], reasons: list[str | None], title_idx: int | None) -> None:
    """Short lines between the headline and its copy are the page's furniture (13th round).

    A page that prints its headline twice (the document's title, then the article's heading) puts the
    site's name or the section between them (``Harbour Daily News`` / ``Regions``).  Kept lines of at
    most six words that do not read like sentences, all of them between the headline's line and its
    first copy, are a ``section label``.  A stand-first is a sentence; a line after the copy is the
    text's.
    """
    if title_idx is None:
        return
    stop = min(len(units), title_idx + _BETWEEN_LINES + 2)
    if "repeated headline" not in reasons[title_idx + 1 : stop]:
        return
    copy = reasons.index("repeated headline", title_idx + 1, stop)
    between = range(title_idx + 1, copy)
    if any(reasons[k] is None and (units[k].shape.sentence_like or units[k].shape.words > _BETWEEN_WORDS) for k in between):
        return
    for k in between:
        if reasons[k] is None:
            reasons[k] = "section label"
