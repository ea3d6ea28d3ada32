r"""Rules over runs of lines: menus, lists of links, promo boxes, captions, comment sections.

Each function takes the units of a page and the reasons decided so far (``None`` = body) and marks
more units as residue in place.  They run only on English pages (see :mod:`newsbrief.clean`).

>>> from newsbrief.clean_lines import units_of
>>> units = units_of("Storm hits coast\nHome\nWorld\nBusiness\nSport\nCulture\nA storm hit the coast on Monday, cutting power to homes.")
>>> reasons = [None] * len(units)
>>> menu_runs(units, reasons, [False] * len(units))
>>> reasons[1:6]
['navigation', 'navigation', 'navigation', 'navigation', 'navigation']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from newsbrief.clean_dates import META_REASONS, has_date, starts_with_date
from newsbrief.clean_lines import (
    Unit,
    has_contact,
    has_url,
    is_comment_header,
    is_numbered,
    is_widget_comment_header,
)
from newsbrief.clean_shape import INTERFACE_WORDS, QUOTE_OPENERS, LineShape
from newsbrief.clean_split import topic_similarity

#: A schedule: at least this many consecutive lines opening with a date.
_SCHEDULE_RUN = 3


def introduced_lists(units: list[Unit]) -> list[bool]:
    """Units in a list are content: after a line ending with a colon (``Tour dates:``), in a schedule, in a spec sheet.

    A schedule is a run of three or more consecutive lines that open with a date (``June 30 – Boston``,
    ``July 2 – Denver``): each item is a short line with a date, but none is the page's date line.
    A spec sheet (ninth round) is a run of three or more consecutive ``Label: value`` lines with
    different labels (``Weight: 5.1 ounces`` / ``Video: 4K at 30 fps`` / ``Battery: 2800 mAh``).
    """
    listed = [False] * len(units)
    for run in key_value_runs(units):
        for k in run:
            listed[k] = True
    open_list = False
    run: list[int] = []
    for i, unit in enumerate(units):
        if open_list and not unit.shape.anchor:
            listed[i] = True
        else:
            open_list = False
        # (a long sentence announces a list too: "… free access to residents of the following regions:")
        if unit.text.rstrip().endswith(":") and unit.shape.words <= 60:
            open_list = True
        if starts_with_date(unit.text):
            run.append(i)
            continue
        if run:
            _mark_schedule(run, listed)
            run = []
    _mark_schedule(run, listed)
    return listed


#: A field of a spec sheet or a fact box: a label of one to three words opening with a capital, a colon, a value.
KEY_VALUE = re.compile(r"^[A-Z][\w'’&/.-]*(?:\s[\w'’&/.-]+){0,2}:\s+\S")
_KEY_VALUE_RUN = 3


def key_value_runs(units: list[Unit]) -> list[list[int]]:
    """Runs of three or more consecutive ``Label: value`` lines with different labels, no prose among them.

    A spec sheet or a fact box (``Size: …`` / ``Weight: …`` / ``Video: …``): its fields are content,
    even one whose label is a word that elsewhere marks a credit (``Video:``, ``Photo:``).  A gallery's
    credits repeat one label.

    >>> from newsbrief.clean_lines import units_of
    >>> key_value_runs(units_of("Size: 5 x 3 inches\\nWeight: 140 grams\\nVideo: 4K at 30 fps\\nPhoto: Jane Roe"))
    [[0, 1, 2, 3]]
    >>> key_value_runs(units_of("Photo: Jane Roe\\nPhoto: Ana Lima\\nPhoto: Max Mustermann"))
    []
    """
    runs: list[list[int]] = []
    run: list[int] = []
    labels: set[str] = set()
    for i, unit in enumerate([*units, None]):
        match = KEY_VALUE.match(unit.text) if unit is not None and ":" in unit.text and not unit.shape.anchor else None
        label = unit.text[: unit.text.index(":")].lower() if match and unit is not None else ""
        if match and label not in labels:
            run.append(i)
            labels.add(label)
            continue
        if len(run) >= _KEY_VALUE_RUN:
            runs.append(run)
        run, labels = ([i], {label}) if match else ([], set())
    return runs


def _mark_schedule(run: list[int], listed: list[bool]) -> None:
    if len(run) >= _SCHEDULE_RUN:
        for k in run:
            listed[k] = True


def link_like(unit: Unit) -> bool:
    """A headline-like line: not prose, not a list item, no date (lists of dates are content).

    A :func:`list_entry` (a line-up, results, a nominee with the programme and channel in brackets,
    a fixture, a ranking) is not a headline.
    """
    shape, text = unit.shape, unit.text
    if shape.sentence_like or not 3 <= shape.words <= 25 or text.rstrip().endswith(":"):
        return False
    if list_entry(text):
        return False
    return not is_numbered(text) and not has_date(text)


_LIST_COMMAS = 2
_FIXTURE = re.compile(r"[A-Z][\w'’.-]*\s+v\s+[A-Z]")
_RANKED = re.compile(r"^\d{1,3}\s+[A-Z]")


def list_entry(text: str) -> bool:
    """An entry of a list in the text, not a link or a menu item.

    Items separated by commas (two or more: a line-up, results), a bracketed note at the end (``Ana
    Lima (Portugal)``, a nominee's programme and channel), a fixture (``Everton v Chelsea``) or a
    ranked name (``3 Ana Lima``).

    >>> list_entry("Lima, Ruiz, Gil (Costa 70), Soto"), list_entry("Everton v Chelsea"), list_entry("World News")
    (True, True, False)
    """
    if text.count(",") >= _LIST_COMMAS or (text.endswith(")") and "(" in text):
        return True
    return bool(_FIXTURE.search(text) or _RANKED.match(text))


def tail_runs(units: list[Unit], reasons: list[str | None], last: int, listed: list[bool]) -> None:
    """After the last prose paragraph, runs of two or more link-like lines are lists of links."""
    i = last + 1
    while i < len(units):
        j = i
        while j < len(units) and reasons[j] is None and not listed[j] and link_like(units[j]):
            j += 1
        # One last line is a link unless it signs the text off (``Ann Lee, Westerville``: a letter's writer).
        lone = j - i == 1 and j == len(units) and units[i].shape.words <= 8 and not _sign_off(units[i])
        if j - i >= 2 or lone:
            for k in range(i, j):
                reasons[k] = "tail list"
        i = max(j, i + 1)


_SIGN_OFF_WORDS = 6


def _sign_off(unit: Unit) -> bool:
    """A name, a comma and a place or role, nothing more: a letter's or a release's signature (13th round)."""
    shape = unit.shape
    return shape.words <= _SIGN_OFF_WORDS and shape.title_ratio == 1 and NAMED_ROLE.match(unit.text) is not None


_MENU_RUN = 4
_COMMENTS_AFTER = 0.6
#: A widget header with its controls may come earlier: the comments can be longer than the article.
_WIDGET_AFTER = 0.2


#: Reasons of the controls a comment widget carries (``(View all)``, ``Read all comments``, counters).
_WIDGET_CONTROLS = frozenset({"interface", "counter", "link"})


def comment_section(units: list[Unit], reasons: list[str | None]) -> None:
    """Everything from a comment-section header in the second half of the page on is comments.

    A header is a comment-section header (``12 comments``, ``Leave a Reply``), or a title-case widget
    header ending with a comment noun (``Top Rated Comments``) when the widget's controls are there
    too: the line after the header or the last line of the page is an interface prompt, a counter or
    a link (``(View all)``, ``Read all comments``).  A sub-heading such as ``Public Comments`` in an
    article has no controls next to it.  Headers count in the last 40 % of the page's words; a widget
    header with its controls in the last 80 % (the comments can be longer than the article).
    """
    total = sum(u.shape.words for u in units) or 1
    before = 0
    for i, unit in enumerate(units):
        # A header naming the article in quotes is long and prose-like, but does not end like a sentence.
        late = before / total >= _COMMENTS_AFTER
        widget = before / total >= _WIDGET_AFTER and is_widget_comment_header(unit.text) and (
            (i + 1 < len(units) and reasons[i + 1] in _WIDGET_CONTROLS) or reasons[-1] in _WIDGET_CONTROLS
        )
        if widget or (late and not (unit.shape.anchor and unit.shape.terminal) and is_comment_header(unit.text)):
            for k in range(i, len(units)):
                if reasons[k] not in META_REASONS:
                    reasons[k] = "comments"
            return
        before += unit.shape.words


def menu_runs(units: list[Unit], reasons: list[str | None], listed: list[bool]) -> None:
    """Four or more consecutive short capitalised non-prose lines are a menu or widget, not text."""

    def menu_item(k: int) -> bool:
        shape = units[k].shape
        text = units[k].text
        if listed[k] or shape.sentence_like or not 0 < shape.words <= 6 or text.endswith(":"):
            return False
        return not (is_numbered(text) or list_entry(text))

    i = 0
    while i < len(units):
        j = i
        while j < len(units) and (reasons[j] is not None or menu_item(j)):
            j += 1
        if j - i >= _MENU_RUN:  # the run of body lines in i..j is no longer than that
            run = [k for k in range(i, j) if reasons[k] is None]
            if len(run) >= _MENU_RUN and sum(units[k].shape.title_ratio for k in run) / len(run) >= 0.6:
                for k in run:
                    reasons[k] = "navigation"
        i = max(j, i + 1)


def related_runs(units: list[Unit], reasons: list[str | None], first: int) -> None:
    """After an interface header ("You may also like"), the run of short non-prose lines is links."""
    i = 0
    while i < len(units):
        header = units[i]
        # A header the batch has seen on other pages of the outlet is marked recurring: still a header.
        interface = reasons[i] == "interface" or (reasons[i] == "recurring" and header.shape.interface_like)
        if interface and not header.shape.terminal and header.shape.words <= 5 and i >= first:
            j = i + 1
            # A short question is a link's title too ('Boots on the ground?'); prose of nine words or more is not.
            while j < len(units) and _link_item(units[j].shape) and (reasons[j] in (None, "recurring")):
                if units[j].text.rstrip().endswith(":"):
                    break
                if units[j].shape.words < 3 and not is_numbered(units[j].text):
                    break
                if _opens_lower(units[j].text):  # a title opens with a capital; this is a list's item (13th round)
                    break
                reasons[j] = "related links"
                j += 1
            i = j
        else:
            i += 1


def _opens_lower(text: str) -> bool:
    """The line's first word is all lower case (``the growing debts of …``; not ``iPhone``, ``eBay``)."""
    first = text.lstrip(" \t\"'“‘(").split(maxsplit=1)
    return bool(first) and first[0][:1].islower() and first[0] == first[0].lower()


def _link_item(shape: LineShape) -> bool:
    return not shape.sentence_like or (shape.terminal_question and not shape.anchor)


def prompt_neighbours(units: list[Unit], reasons: list[str | None]) -> None:
    """Lines addressing the reader next to an interface prompt belong to the same promo box.

    So do a short exclamation or question and a button of at most three words opening with an
    imperative (``Play media``).
    """
    changed = True
    while changed:
        changed = False
        for i, reason in enumerate(reasons):
            if reason not in ("interface", "tail prompt"):
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(units) or reasons[j] is not None:
                    continue
                shape = units[j].shape
                short_exclaim = shape.words <= 3 and units[j].text.rstrip().endswith(("!", "?"))
                promo = shape.reader and shape.words <= 15 and (not shape.anchor or shape.strong > 0)
                button = shape.imperative and shape.words <= 3 and not shape.terminal  # ``Play media``
                if promo or short_exclaim or button:
                    reasons[j] = "interface"
                    changed = True


def caption_neighbours(units: list[Unit], reasons: list[str | None]) -> None:
    """Non-prose lines next to a photo credit are its caption (a gallery: captions, counters, credits).

    The caption block grows over neighbouring lines that do not end like a sentence (captions often end
    with the photographer's name), up to 60 words each; a line ending like a sentence stops it, and so
    does a list item opening with its number or bullet (eleventh round: the numbered tips of a listicle,
    ``4. Leave the kids at home``, each under its picture's credit).  It never grows up onto the page's
    first line: a picture under the headline is captioned below it.
    """
    todo = [i for i, reason in enumerate(reasons) if reason == "caption"]
    while todo:
        i = todo.pop()
        for j in (i - 1, i + 1):
            if 0 < j < len(units) and reasons[j] is None:  # j == 0 only as i - 1: the headline's place
                shape, text = units[j].shape, units[j].text
                if not shape.sentence_like and shape.words <= 60 and not text.rstrip().endswith(":") and not is_numbered(text):
                    reasons[j] = "caption"
                    todo.append(j)


#: How many body lines at the top / at the tail of the body count as its edges for :func:`edge_promos`.
_EDGE_TOP, _EDGE_TAIL = 2, 3
#: A line of the edge addressing the reader is off-topic below this cosine with the rest of the body.
_OFF_TOPIC = 0.13
#: A line of the edge this short may refer to the page with weak interface words alone (``You may also like``).
_EDGE_SHORT = 12


_PLACE_POINTER = re.compile(r"\b(?:below|above)[.!:]?\s*$|\b(?:below|above)\.")


def edge_promos(units: list[Unit], reasons: list[str | None]) -> None:
    """Reader-addressed lines at the edges of the body that do not talk about the story are promos.

    A line in the first two or last three body lines that addresses the reader (*you/your*, or opens
    with an imperative) and refers to the page (a strong interface word, a URL or a handle, both
    address and imperative, or a weak interface word — *more*, *like*, *here* — in a short line or
    one opening with an imperative), and whose content words are nearly disjoint from the rest of the
    body (cosine < 0.13), is a newsletter/app/podcast/membership promo or a "you may also like"
    header.  A quotation is never one; at the top only prose lines are considered (the headline is not
    prose).  A long opening paragraph that talks to the reader (``When you live in …``) about another
    aspect of the subject is not a promo for a weak word alone.
    """
    body = [i for i, reason in enumerate(reasons) if reason is None]
    if len(body) < 4:
        return
    edge = body[: _EDGE_TOP] + body[-_EDGE_TAIL:]
    for pos, i in enumerate(edge):
        shape, text = units[i].shape, units[i].text
        if text[:1] in QUOTE_OPENERS or shape.words > 80 or not (shape.addressed or shape.imperative):
            continue
        if pos < _EDGE_TOP and not shape.sentence_like:
            continue
        weak_talk = shape.interface_ratio > 0 and (shape.imperative or shape.words <= _EDGE_SHORT)
        page_talk = shape.strong > 0 or weak_talk or has_url(text) or has_contact(text)
        # "… you can do so below": the reader sent to a place on the page (13th round; at the tail only).
        pointed = pos >= _EDGE_TOP and shape.addressed and _PLACE_POINTER.search(text) is not None
        if not (page_talk or pointed or (shape.addressed and shape.imperative)):
            continue
        rest = [units[k].text for k in body if k != i]
        if topic_similarity([text], rest) < _OFF_TOPIC:
            reasons[i] = "tail prompt" if pos >= _EDGE_TOP else "interface"


# the words of a line, lower case, for the topical test below (a compound is one word: "marijuana-related")
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_TOPICAL_WORDS = 12  # a prose line shorter than this may be a prompt whatever its words
_TOPICAL_USES = 2  # other body lines that must use each of its page words


def topical_talk(units: list[Unit], reasons: list[str | None]) -> None:
    """A prose line taken for the page talking whose page words are the story's own subject is text.

    A technology story writes "download", "browser", "player" as news ("The music download market has been
    growing …", "when you fire up your browser, you go straight to your favourite search engine"): a
    sentence-like line of twelve words or more, not opening with an imperative nor a quotation, taken for
    an interface line or a prompt, whose every strong interface word (:data:`INTERFACE_WORDS`, a plural's
    singular too) two other kept lines of the body use, is kept.
    """
    flagged = [
        i for i, reason in enumerate(reasons)
        if reason in ("interface", "tail prompt")
        and units[i].shape.sentence_like
        and units[i].shape.words >= _TOPICAL_WORDS
        and not units[i].shape.imperative
        and units[i].text[:1] not in QUOTE_OPENERS
    ]
    if not flagged:
        return
    kept = [set(_LOWER_WORD.findall(units[k].text.lower())) for k, reason in enumerate(reasons) if reason is None]

    def uses(word: str) -> int:
        return sum(1 for bag in kept if word in bag or word + "s" in bag)

    for i in flagged:
        page_words = _page_words(units[i].text)
        if page_words and all(uses(w) >= _TOPICAL_USES for w in page_words):
            reasons[i] = None


def _page_words(text: str) -> set[str]:
    """The strong interface words of a line, a plural as its singular ("downloads" → "download")."""
    found = set()
    for word in _LOWER_WORD.findall(text.lower()):
        singular = word.removesuffix("s")
        if singular in INTERFACE_WORDS:
            found.add(singular)
        elif word in INTERFACE_WORDS:
            found.add(word)
    return found


def shared_notices(units: list[Unit], reasons: list[str | None], documents: Callable[[int], int], *, threshold: int) -> None:
    """A sentence at the edges of the body found word for word in other documents of the batch is the site's notice.

    ``documents(i)`` is the number of documents of the batch in which line ``i`` was observed
    (:meth:`newsbrief.clean.Cleaner.observe`, lines of up to 160 characters).  Among the first two and
    the last three body lines, a line of six words or more found in ``threshold`` documents or more
    (eleventh round) is a notice the site prints on every page — a syndication note, a copyright
    notice, an alerts prompt, the text of a page that blocks robots — when it is off the page's own
    topic — its content words are nearly disjoint (cosine < 0.13) from the body lines that are the
    page's own (not found in another document) — and talks about the page or to the reader (an
    interface word, *you/your*, an imperative opening, a URL).  A contributor's note closing every
    column of a writer (``<Name> is a regular commentator on …``) does neither, nor does a team's
    line-up repeated in match reports.  A story republished by several outlets shares
    most of its paragraphs with them: on such a page (half or more of the kept prose found elsewhere)
    a weak interface word is not enough (a strong one, the reader addressed, an imperative, a URL).
    A quotation is never a notice.
    """
    body = [i for i, reason in enumerate(reasons) if reason is None]
    if not body:
        return
    edge = dict.fromkeys(body[:_EDGE_TOP] + body[-_EDGE_TAIL:])
    candidates = [
        i
        for i in edge
        if units[i].shape.words >= _NOTICE_WORDS and units[i].text[:1] not in QUOTE_OPENERS and documents(i) >= threshold
    ]
    if not candidates:
        return
    counts = {i: documents(i) for i in body}
    prose = [i for i in body if units[i].shape.anchor]
    republished = 2 * sum(1 for i in prose if counts[i] >= 2) >= max(1, len(prose))
    own = [units[k].text for k in body if counts[k] < 2]
    for i in candidates:
        shape, text = units[i].shape, units[i].text
        reader_talk = shape.addressed or shape.imperative or shape.strong > 0 or has_url(text)
        if not (reader_talk if republished else reader_talk or shape.interface_ratio > 0):
            continue
        if not own or topic_similarity([text], own) < _OFF_TOPIC:
            reasons[i] = "shared notice"


_NOTICE_WORDS = 6


#: A lower-case letter or a figure closing one word, a capital opening the next, no space between.
_GLUED = re.compile(r"(?<=[a-z0-9’'!?)])(?=[A-Z])")
_TITLE_QUOTES = "'‘’\"“”("
_TITLE_OPENING = re.compile(r"[\W_]*[A-Z0-9]\S*\s+[\W_]*[A-Z0-9]\S*\s+[\W_]*[A-Z0-9]")


def glued_teaser(text: str) -> bool:
    """A story's title and its stand-first scraped without a space between them (``… In BostonCupcakes are …``).

    The title before the join has three words or more, nearly all capitalised (a headline in title
    case); the text after it has four words or more, many in lower case (a sentence); the word cut by the
    join has three letters or more before it (``McDonald`` and ``MacBook`` are names, not joins).

    >>> glued_teaser("Five Walks Along The Old Harbour WallThe best routes for a winter afternoon by the sea.")
    True
    >>> glued_teaser("Shares in WorldCom fell sharply in early trading on Monday."), glued_teaser("Walks By The SeaSide")
    (False, False)
    """
    if not _TITLE_OPENING.match(text):  # cheap test first: a title opens with three capitalised words
        return False
    for match in _GLUED.finditer(text):
        k = match.start()
        fragment = text[text.rfind(" ", 0, k) + 1 : k].strip(_TITLE_QUOTES)
        left, right = text[:k].split(), text[k:].split()
        if len(fragment) < 3 or len(left) < 3 or len(right) < 4:
            continue
        title = [w for w in (w.strip(_TITLE_QUOTES) for w in left) if w[:1].isalpha()]
        rest = [w for w in right[1:] if w[:1].isalpha()]
        if not title or sum(w[0].isupper() for w in title) < _GLUED_TITLE * len(title):
            continue
        if rest and sum(w[0].islower() for w in rest) >= _GLUED_LOWER * len(rest):
            return True
    return False


_GLUED_TITLE, _GLUED_LOWER = 0.8, 0.4
_GLUED_MIN_WORDS = 6  # three words of title, four of stand-first, one of them shared by the join


def glued_teasers(units: list[Unit], reasons: list[str | None]) -> None:
    """Two or more consecutive lines that are each a title glued to its stand-first are teasers (eleventh round).

    A list of other stories scraped from a teaser box whose title and summary were separate elements
    (:func:`glued_teaser`); a name written with an inner capital in a sentence (``WorldCom``,
    ``AutoTrader``) is one line of prose, not a run of such lines (``related links``).
    """
    glued = [
        i
        for i, unit in enumerate(units)
        if reasons[i] is None and unit.shape.words >= _GLUED_MIN_WORDS and glued_teaser(unit.text)
    ]
    runs: list[list[int]] = []
    for i in glued:
        # Residue between two teasers (a counter, a credit) does not end the run; a kept line does.
        if runs and all(reasons[k] is not None for k in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) >= 2:
            for k in run:
                reasons[k] = "related links"


def is_underline(above: Unit, unit: Unit) -> bool:
    """``unit`` is a rule of one repeated character (``=====``) joined under ``above`` and about as long.

    Plain text underlines a heading (a table's title, a section's) that way; a decorative marker
    between paragraphs (``* * *``) is short and stands alone.

    >>> from newsbrief.clean_lines import units_of
    >>> heading, rule = units_of("LARGEST PORTS BY TONNAGE\\n========================")
    >>> is_underline(heading, rule), is_underline(heading, units_of("* * *")[0])
    (True, False)
    """
    text, line = unit.text.strip(), above.text.strip()
    if unit.line_no != above.line_no + 1 or len(text) < _UNDERLINE_CHARS or len(set(text)) != 1 or text[0].isalnum():
        return False
    return abs(len(text) - len(line)) <= _UNDERLINE_SLACK * len(line)


_UNDERLINE_CHARS = 3
_UNDERLINE_SLACK = 0.25


def shouted_teasers(units: list[Unit], reasons: list[str | None]) -> None:
    """A line of eight or more words all in capitals, not ending like a sentence, is a teaser link.

    News sites set links to other stories in capitals between paragraphs; sub-headings in capitals
    are short (``WHO IS THE FRONT-RUNNER?``), table rows (``| HD | … |``) are content, and so is a
    heading underlined by a rule (:func:`is_underline`, ninth round: a table's title).
    """
    for i, unit in enumerate(units):
        shape, text = unit.shape, unit.text
        if reasons[i] is not None or shape.words < 8 or shape.terminal or text.startswith("|"):
            continue
        if i + 1 < len(units) and is_underline(unit, units[i + 1]):
            continue
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters if c.isalpha() and c.lower() != c.upper()):
            reasons[i] = "related links"


#: Inserted blocks need this many consecutive unterminated lines.
_INSERT_RUN = 3
#: Longer blocks of unterminated lines are spec sheets or tables, not boxes.
_INSERT_MAX = 10
_DIGIT = re.compile(r"\d")


def unterminated_inserts(units: list[Unit], reasons: list[str | None], listed: list[bool]) -> None:
    """Remove inserted boxes: unterminated blocks between two terminated paragraphs.

    A block of three to ten body lines that do not end like sentences, between two paragraphs that
    do, with a bare title-case label (``Inside Isis Inc``, a columnist's name) and a stand-first in
    sentence case among them and few figures, is an inserted box: teasers with their stand-firsts, a
    columnist panel.  Article paragraphs end with terminal punctuation; a sub-heading is a single
    unterminated line before its paragraph.  A fact box (a header and unbulleted items in sentence
    case) has no bare title-case label; tables and spec sheets are full of figures or long.  Lists
    introduced by a colon, numbered or bulleted items and table rows are content and break the block.
    """
    for run in _closed_loose_runs(units, reasons, listed):
        if _INSERT_RUN <= len(run) <= _INSERT_MAX and _teaser_box(units, run):
            for k in run:
                reasons[k] = "related links"


def _closed_loose_runs(
    units: list[Unit], reasons: list[str | None], listed: list[bool], *, colon_after: bool = False
) -> Iterator[list[int]]:
    """The body units of each run of unterminated lines (:func:`_loose`) between two terminated paragraphs.

    Lines already marked as residue inside a run do not end it.  Read the reasons lazily: the caller may
    mark a run before the next one is looked for.  With ``colon_after`` the paragraph after the run may
    end with a colon (a sentence introducing what follows it).
    """
    n = len(units)
    i = 0
    while i < n:
        if reasons[i] is not None or not _loose(units[i], listed[i]):
            i += 1
            continue
        j, run = i, []
        while j < n and (reasons[j] is not None or _loose(units[j], listed[j])):
            if reasons[j] is None:
                run.append(j)
            j += 1
        before = next((k for k in range(i - 1, -1, -1) if reasons[k] is None), None)
        closed = before is not None and units[before].shape.anchor and units[before].shape.terminal
        if closed and j < n and units[j].shape.anchor and (
            units[j].shape.terminal or (colon_after and units[j].text.rstrip().endswith(":"))
        ):
            yield run
        i = max(j, i + 1)


def _teaser_box(units: list[Unit], run: list[int]) -> bool:
    """A bare title-case label, a stand-first in sentence case, and few figures (tables, spec sheets)."""
    shapes = [units[k].shape for k in run]
    labelled = any(1 <= s.words <= 4 and s.title_ratio == 1.0 for s in shapes)
    standfirst = any(s.words >= 8 and s.lower_ratio >= 0.5 for s in shapes)
    figures = sum(1 for k in run if _DIGIT.search(units[k].text))
    return labelled and standfirst and 3 * figures <= len(run)


def _loose(unit: Unit, listed: bool) -> bool:
    text = unit.text.rstrip()
    if listed or unit.shape.terminal or unit.shape.words == 0 or text.endswith(":"):
        return False
    return not (is_numbered(text) or text.startswith("|"))


#: A graphic's labels: at least this many short lines in a row.
_GRAPHIC_RUN = 8


def graphic_labels(units: list[Unit], reasons: list[str | None], listed: list[bool]) -> None:
    """A long run of short lines with label fragments that start in lower case is a graphic's text.

    Interactive maps and charts leave their labels as one short line each, and labels wrapped over
    two lines leave fragments starting in lower case (``Areas previously`` / ``searched``).  A run of
    eight or more lines without a prose paragraph, none longer than eight words, with at least two
    such fragments, is removed.  Spec sheets and tables flattened into lines have no fragments; a list
    introduced by a colon (ingredients, tour dates) and numbered or bulleted items break the run.
    """
    n = len(units)
    i = 0
    while i < n:
        j = i
        while j < n and not units[j].shape.anchor and (reasons[j] is not None or _label(units[j], listed[j])):
            j += 1
        if j - i >= _GRAPHIC_RUN:  # only a long run can be a graphic: look at its lines only then
            run = [k for k in range(i, j) if reasons[k] is None]
            while run and units[run[-1]].shape.sentence_like:  # a short sentence of the text after it
                run.pop()
            while run and units[run[0]].shape.sentence_like:
                run.pop(0)
            fragments = sum(1 for k in run if units[k].text[:1].islower())
            if fragments >= 2:
                for k in run:
                    reasons[k] = "graphic"
        i = max(j, i + 1)


def _label(unit: Unit, listed: bool) -> bool:
    return not listed and unit.shape.words <= 8 and not unit.text.rstrip().endswith(":") and not is_numbered(unit.text)


#: Residue a box at the edge of the page is made of (its header or a short line inside it belongs to it).
_BOX_PARTS = frozenset(
    {"interface", "tail prompt", "link", "related links", "tail list", "caption", "counter", "contact", "navigation",
     "duplicate line", "recurring", "comments", "byline", "dateline", "date line", "repeated headline"}
)
#: Lists of links and menus are told from content lists (line-ups, fixtures, awards) by shape alone:
#: a line between two of them is not taken unless one side is residue of a surer kind.
_BOX_SURE = _BOX_PARTS - {"tail list", "navigation", "recurring"}
_BOX_LINE_WORDS = 12


def edge_boxes(units: list[Unit], reasons: list[str | None], *, skip: int | None) -> None:
    """Short lines outside the prose that belong to the residue around them.

    Before the first prose anchor and after the last one, a body line of at most 12 words with residue
    on both sides belongs to it (``Updated`` between a byline and a photo caption, ``Image 1 of 8``
    in a gallery, a teaser question between a *you may also like* header and its links); at the top
    only a line that does not read like a sentence.  One side must be residue of a surer kind than a
    list of links or a menu: a line between two list items of those is often a list item itself (a
    team's line-up, a cup draw).  ``skip`` is the headline's unit, never taken.
    Between prose anchors nothing changes: a short line there is a sub-heading or a short sentence of
    the article.
    """
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    if not anchors:
        return
    first, last = anchors[0], anchors[-1]
    edges = [i for i in range(len(units)) if (i < first or i > last) and i != skip]
    for i in edges:
        if reasons[i] is not None:
            continue
        shape = units[i].shape
        if shape.words > _BOX_LINE_WORDS or (i < first and shape.sentence_like):
            continue
        before = reasons[i - 1] if i > 0 else None
        after = reasons[i + 1] if i + 1 < len(units) else None
        if before in _BOX_PARTS and after in _BOX_PARTS and (before in _BOX_SURE or after in _BOX_SURE):
            reasons[i] = after


_NUMBER_ONLY = re.compile(r"^\(?\d[\d,.\s]*[kKmM]?\)?$")


def tail_widgets(units: list[Unit], reasons: list[str | None]) -> None:
    """A counter split over two lines that ends the page's content, in any language.

    A short label, then a line that is only a number, after the last prose paragraph and followed only
    by residue: a comment or share counter (``Comments`` / ``224``).  Reads no words, so it runs on
    pages in every language.  (A rule for tag lists — comma-separated lower-case items — was tried and
    left out in the third round: it caught a spec sheet's line; the eighth round's
    :func:`newsbrief.clean_blocks.tag_lines` also needs a label line and the page's last lines.)
    """
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    if not anchors:
        return
    last = anchors[-1]
    body_after = [i for i in range(last + 1, len(units)) if reasons[i] is None]
    if body_after:
        i = body_after[-1]
        label = i - 1
        if _NUMBER_ONLY.match(units[i].text) and label > last and reasons[label] is None and _label_line(units[label]):
            reasons[label] = reasons[i] = "counter"


def _label_line(unit: Unit) -> bool:
    return 0 < unit.shape.words <= 2 and not unit.shape.sentence_like and not _DIGIT.search(unit.text)


#: A link button closing a teaser (``Read more``, ``Full story``) is this short.
_BUTTON_WORDS = 3
_TEASER_LINES = 2


def teaser_buttons(units: list[Unit], reasons: list[str | None]) -> None:
    """The one or two unterminated lines right above a short link button are the teaser it opens.

    A teaser box between paragraphs reads: a headline, perhaps a stand-first, then a button (``Read
    more``, ``Full story``), none of them ending like a sentence.  The lines above an ``interface`` or
    ``link`` line of at most three words that does not end like a sentence, back to the last line that
    does (a paragraph of the article) and at most two of them, are its teaser.  A sub-heading is
    followed by its paragraph, not by a button.
    """
    for i, unit in enumerate(units):
        if reasons[i] not in ("interface", "link") or unit.shape.words > _BUTTON_WORDS or unit.shape.terminal:
            continue
        run = []
        k = i - 1
        while k >= 0 and reasons[k] is None and not units[k].shape.terminal and len(run) <= _TEASER_LINES:
            run.append(k)
            k -= 1
        closed = k >= 0 and reasons[k] is None and units[k].shape.anchor and units[k].shape.terminal
        if 0 < len(run) <= _TEASER_LINES and closed and all(3 <= units[j].shape.words <= 30 for j in run):
            for j in run:
                reasons[j] = "related links"


#: A figure, not a code such as a flight number (``MH370``).
_FIGURE = re.compile(r"(?<![A-Za-z])\d")
#: A whole quotation (``“Wonderful show!”``) or an attribution (``– Mel****``) is not a title.
_QUOTES = tuple("\"'“‘«”’»")
_DASHES = tuple("–—-")
#: A data row opens with a figure and a colon (``1989-90: 19 players born in the UK``).
DATA_ROW = re.compile(r"^\d[\d/.\-–]*:")
#: A byline with the writer's role (``Jane Doe, BBC diplomatic correspondent``) heads a box of analysis.
NAMED_ROLE = re.compile(r"^[A-Z][a-z'’\-]+(?:\s[A-Z][a-z'’\-]+){1,2},\s")


def stacked_headings(units: list[Unit], reasons: list[str | None], listed: list[bool], lines: list[str] | None) -> None:
    """Headline-like lines stacked between two paragraphs of the text are links, not sub-headings.

    A sub-heading stands alone and its paragraph follows it.  Two or more unterminated lines in a row
    between two terminated paragraphs, none reading like a sentence and at most half of them with
    figures (a table flattened into lines has many), are the titles of other stories (a link box, a
    video strip) left without their markup: every one of at least three words that is not a list
    entry (:func:`link_like`) is removed.  A shorter line is kept when it comes last, right above the next
    paragraph: that is the sub-heading the link box sits above.  Each title must be a paragraph of its
    own, a blank line before the next (``lines`` are the text's lines, when each unit is one of them;
    without them nothing is removed): the items of a list, a fact box under its heading, sit on
    consecutive lines.  What keeps the run whole:

    * a heading over the items of a list: indented lines (HTML list items are indented), table rows
      and empty table cells (tabs);
    * a whole quotation or an attribution (a headline may open with a quoted phrase), a byline with
      the writer's role (an analysis box), a line with a URL or a handle, a data row (``1989-90: …``);
    * a line opening in lower case, or a paragraph after the run that does: the pieces of a sentence
      broken over lines where its links were;
    * a line that reads like a sentence without its full stop: the paragraph under a sub-heading.

    Lists introduced by a colon and numbered items break the run.  The paragraph after the run may end
    with a colon (ninth round: ``… over time during the test:`` above the chart the titles belong to).
    """
    if lines is None:
        return
    for run in _closed_loose_runs(units, reasons, listed, colon_after=True):
        if len(run) < 2 or 2 * sum(1 for k in run if _FIGURE.search(units[k].text)) > len(run):
            continue
        if not all(_blank_between(lines, units[a], units[b]) for a, b in itertools.pairwise(run)):
            continue
        if any(_not_title(units[k], lines) or units[k].shape.sentence_like for k in run):
            continue
        after = run[-1] + 1  # the paragraph after the run opens a sentence; a lower-case opening continues a broken one
        while after < len(units) and reasons[after] is not None:
            after += 1
        if after < len(units) and units[after].text[:1].islower():
            continue
        titles = [k for k in run if link_like(units[k])]
        if titles and (len(titles) >= 2 or titles[0] != run[-1]) and not _empty_cells(units, run, lines):
            for k in titles:
                reasons[k] = "related links"


def _not_title(unit: Unit, lines: list[str]) -> bool:
    text = unit.text
    if text[:1].islower() or DATA_ROW.match(text):  # a broken sentence's piece; a row of figures
        return True
    quotation = text.startswith(_QUOTES) and text.rstrip().endswith(_QUOTES)  # a headline may open with a quoted phrase
    if quotation or text.startswith(_DASHES) or "\t" in text or has_url(text) or "@" in text or NAMED_ROLE.match(text):
        return True
    return lines[unit.line_no - 1][:1] in (" ", "\t")


def _blank_between(lines: list[str], first: Unit, second: Unit) -> bool:
    """A blank line of the text lies between two units (each a line of it): they are two paragraphs."""
    return any(not line.strip() for line in lines[first.line_no : second.line_no - 1])


def _empty_cells(units: list[Unit], run: list[int], lines: list[str]) -> bool:
    """A blank line holding a tab among the run's lines: an empty cell of a table flattened into lines."""
    span = lines[units[run[0]].line_no - 1 : units[run[-1]].line_no]
    return any("\t" in line and not line.strip() for line in span)


#: Titles after a list box: at most this many words each, at least this many in a row.
_BOX_TITLE_WORDS = 12
_BOX_TITLES = 2


def _indented(lines: list[str], unit: Unit) -> bool:
    return lines[unit.line_no - 1][:1] in (" ", "\t")


def titles_after_box(units: list[Unit], reasons: list[str | None], lines: list[str] | None) -> None:
    """Two or more short title lines right after a box of list items, above the text's next paragraph.

    Tenth round.  A box set inside the text — two or more indented lines in a row (HTML list items:
    the proposals, the suspects, the passengers), after the text's first paragraph — is the article's; the short lines right
    under it, each a paragraph of its own, none ending with a full stop or a colon (a question may end
    with ``?``), not indented, before the next paragraph, are the titles of the stories the box links to
    (``Who were the attackers?`` / ``The Belgian connection``): the box's list is no run of loose lines
    ending in a paragraph, so :func:`stacked_headings` never sees them.  One line alone is a sub-heading
    and stays; so does a run that is not closed by a paragraph ending like a sentence, that holds a
    list entry (:func:`list_entry`), a figure-only line, or what keeps a run of stacked titles whole
    (a whole quotation, a byline with the writer's role, a URL or handle, a data row, a line opening
    in lower case), and a box before the text's first paragraph (a menu at the top).
    """
    if lines is None:
        return
    n = len(units)
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    if not anchors:
        return
    i = anchors[0] + 1
    while i < n - 1:
        if not (
            reasons[i] is None
            and _indented(lines, units[i])
            and reasons[i - 1] is None
            and _indented(lines, units[i - 1])
            and not _indented(lines, units[i + 1])
        ):
            i += 1
            continue
        run: list[int] = []
        k, prev = i + 1, i
        while k < n:
            unit = units[k]
            text = unit.text.rstrip()
            if reasons[k] is not None or unit.shape.anchor or _indented(lines, unit):
                break
            if not _blank_between(lines, units[prev], unit):
                break
            if (
                not 2 <= unit.shape.words <= _BOX_TITLE_WORDS
                or text.endswith((".", ":", ";", ","))
                or not text[:1].isupper() and not text.startswith(_QUOTES)
                or list_entry(text)
                or _not_title(unit, lines)
                or not _FIGURE.sub("", text).strip(" -–")
            ):
                run = []
                break
            run.append(k)
            prev, k = k, k + 1
        closed = (
            k < n
            and reasons[k] is None
            and units[k].shape.anchor
            and units[k].shape.terminal
            and not units[k].text[:1].islower()
            and _blank_between(lines, units[prev], units[k])
        )
        if closed and len(run) >= _BOX_TITLES:
            for j in run:
                reasons[j] = "related links"
        i = max(k, i + 1)


#: Reasons a line gets for the words it holds (an interface word, a reader addressed): a list's item
#: may hold them and still be the text's.
_WORDY_REASONS = frozenset({"interface", "tail prompt"})
_BULLET_RUN = 3
_BULLET_ITEM_WORDS = 4
_BULLET = re.compile(r"^\s*(?:(\d{1,2})[.)]|([•·▪►*–-]))\s+\S")


def bulleted_lists(units: list[Unit], reasons: list[str | None]) -> None:
    """The items of a bulleted list introduced by the text are content, whatever words they hold (13th round).

    A kept line of ≥ 4 words ending with a colon (``Here are the new features for Android users:``)
    followed by ≥ 3 consecutive lines opening with the same bullet (or numbered), half of them kept and
    at most a third removed for their shape, is a list of the text: its items of ≥ 4 words removed only for their words
    (``• Share photos with several friends at once`` taken for a share prompt, ``• View used storage
    and clear the cache`` for a reader-addressed prompt) are kept.  A share bar's list (``Share this:``)
    has a short introduction, and a box's items removed for their shape (menus, links) stay removed.
    """
    n = len(units)
    for i in [k for k, unit in enumerate(units[: n - _BULLET_RUN]) if unit.text[-1:] == ":"]:
        intro = units[i]
        if reasons[i] is not None or intro.shape.words < _BULLET_ITEM_WORDS or not intro.text.rstrip().endswith(":"):
            continue
        marker = _bullet(units[i + 1].text)
        if marker is None:
            continue
        j = i + 1
        while j < n and _bullet(units[j].text) == marker:
            j += 1
        run = range(i + 1, j)
        kept = sum(reasons[k] is None for k in run)
        if len(run) < _BULLET_RUN or 2 * kept < len(run) or 3 * sum(reasons[k] not in _WORDY_REASONS for k in run if reasons[k]) > len(run):
            continue
        for k in run:
            if reasons[k] in _WORDY_REASONS and units[k].shape.words >= _BULLET_ITEM_WORDS:
                reasons[k] = None


def _bullet(text: str) -> str | None:
    """The bullet opening a list item (``"#"`` for a number), or ``None``."""
    match = _BULLET.match(text)
    if match is None:
        return None
    return "#" if match.group(1) else match.group(2)
