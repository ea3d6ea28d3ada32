r"""Rules over blocks of lines inside the body: re-scraped text and its boxes, picture captions, widgets, pull quotes, repeated links.

Like :mod:`newsbrief.clean_runs`, each rule reads the units of a page and the reasons decided so far
(``None`` = body) and marks more units in place; they run on English pages only.

>>> from newsbrief.clean_lines import units_of
>>> text = ("A storm hit the coast on Monday, cutting power to many homes.\n\n"
...         "Harbour Road\nHarbour Road under water after the storm\n\n"
...         "The council said repairs would take weeks to finish.")
>>> units = units_of(text)
>>> reasons = [None] * len(units)
>>> picture_captions(units, reasons)
>>> reasons
[None, 'caption', 'caption', None]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsbrief.clean_lines import Unit
from newsbrief.clean_runs import DATA_ROW, NAMED_ROLE
from newsbrief.clean_shape import QUOTE_OPENERS, line_key
from newsbrief.text import content_words


def rescraped_block(keys: list[str], i: int, positions: dict[str, list[int]]) -> bool:
    """The line ``i`` repeats as part of a repeated block: the page's text was scraped several times.

    Page furniture (a notice, a share prompt) repeats between different paragraphs; a paragraph of a
    page scraped two or three times repeats with the same neighbour each time.  ``positions`` maps a
    line key to the indexes where it occurs (only repeated keys need to be there).
    """
    where = positions.get(keys[i], ())
    if len(where) < 2:
        return False
    n = len(keys)
    for step in (-1, 1):
        first = where[0] + step
        if 0 <= first < n and keys[first] != keys[i]:
            if all(0 <= p + step < n and keys[p + step] == keys[first] for p in where[1:]):
                return True
    return False


#: A box inside the text is at most this many lines above the next paragraph (bounds the comparisons).
_BOX_SPAN = 40


def rescraped_boxes(units: list[Unit], keys: list[str], counts: Mapping[str, int]) -> dict[int, int]:
    """Short lines that come back with the article's text every time the page was scraped.

    A page scraped two or three times holds its text two or three times, boxes inside the text
    included (a review's score box, a fact box).  A line that is not prose, after the page's first
    paragraph, belongs to the text when at each of its copies the lines down to the next paragraph
    are the same and that paragraph is found exactly as many times as the line: the box comes back
    with the text, every time.  A widget that appears in some copies only (a gallery shown after the
    first page of a review) is found fewer times than the paragraph next to it; a menu above the text
    comes before the first paragraph, and a footer after the last copy has no paragraph after it.
    Only lines at most 40 lines above their paragraph are compared (a box, not a page without prose).

    Returns, for every later copy of such a line, the index of its first copy (which is the text;
    ``keys`` are the units' :func:`newsbrief.clean_shape.line_key`, ``counts`` how often each occurs).

    >>> from collections import Counter
    >>> from newsbrief.clean_lines import units_of
    >>> from newsbrief.clean_shape import line_key
    >>> text = "\\n\\n".join(["Storms hit the coast on Monday and cut power to many homes in the north.",
    ...     "Key facts", "Power cut to many homes",
    ...     "Repairs will take weeks, the council said in a statement on Tuesday evening."] * 2)
    >>> units = units_of(text)
    >>> keys = [line_key(u.text) for u in units]
    >>> rescraped_boxes(units, keys, Counter(keys))
    {5: 1, 6: 2}
    """
    n = len(units)
    if len(counts) == n:  # no line repeats: the page was scraped once
        return {}
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    if len(anchors) < 2:
        return {}
    following = [n] * (n + 1)  # the index of the next prose anchor after each unit (n: none)
    for i in range(n - 1, -1, -1):
        following[i] = i + 1 if i + 1 < n and units[i + 1].shape.anchor else following[i + 1]
    positions: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if counts[key] > 1 and i > anchors[0] and not units[i].shape.anchor:
            positions.setdefault(key, []).append(i)
    copies: dict[int, int] = {}
    for key, where in positions.items():
        first = where[0]
        anchor = following[first]
        if anchor >= n or anchor - first > _BOX_SPAN or len(where) != counts[key] or counts[keys[anchor]] != len(where):
            continue
        span = keys[first : anchor + 1]
        later = where[1:]
        if later[0] > anchor and all(keys[p : p + len(span)] == span for p in later):
            for p in later:
                copies[p] = first
    return copies


#: A picture's alternative text: a short name-like line (``Michelle Obama``).
_ALT_WORDS = 5
#: The caption under it: a line that does not end like a sentence, at most this long.
_CAPTION_WORDS = 25


def picture_captions(units: list[Unit], reasons: list[str | None]) -> None:
    """A picture's alternative text and its caption, between paragraphs of the article.

    Scraped pages whose paragraphs are separated by blank lines keep a picture as two adjacent lines
    (no blank line between them, a blank line above them): its alternative text — a short line that does not end like a sentence — and its caption, a longer line that does
    not end like a sentence either and repeats at least half of the alternative text's content words
    (``Harbour Road`` / ``Harbour Road under water after the storm``; ``Ana Lima`` / ``Lima at the
    count on Sunday``).  A sub-heading is followed by its paragraph, which
    ends like a sentence; a list's header is followed by items that do not repeat it.  Both lines must
    sit between body text that ends like a sentence, so the pair is not the start of a list or table.
    """
    n = len(units)
    for i in range(1, n - 2):
        if reasons[i] is not None or reasons[i + 1] is not None:
            continue
        alt, caption = units[i], units[i + 1]
        # Two lines joined on a page whose paragraphs are separated by blank lines: a block of their own,
        # or (ninth round) the last two lines of a box (a fact box's rows, then the picture).
        if caption.line_no != alt.line_no + 1:
            continue
        if not units[i - 1].line_no < alt.line_no - 1 and not _closes_box(units, i):
            continue
        if alt.shape.terminal or caption.shape.terminal or alt.shape.words > _ALT_WORDS:
            continue
        if not caption.shape.words > alt.shape.words or caption.shape.words > _CAPTION_WORDS:
            continue
        if alt.text.rstrip().endswith(":") or caption.text.rstrip().endswith(":"):
            continue
        if not ((units[i - 1].shape.terminal or _closes_box(units, i)) and units[i + 2].shape.terminal):
            continue
        alt_words = set(content_words(alt.text))
        if alt_words and 2 * len(alt_words & set(content_words(caption.text))) >= len(alt_words):
            reasons[i] = reasons[i + 1] = "caption"


def _closes_box(units: list[Unit], i: int) -> bool:
    """``units[i]`` and the next line end a block of joined lines, under lines that do not end like sentences.

    A picture set at the foot of a box (a team's figures, then its player's photo: ``Ana Lima`` /
    ``Ana Lima scored twice in the final``), a blank line after it; the alternative text must be a
    name (every word capitalised).
    """
    above, alt, caption, after = units[i - 1], units[i], units[i + 1], units[i + 2]
    if above.line_no != alt.line_no - 1 or after.line_no <= caption.line_no + 1 or above.shape.terminal:
        return False
    words = alt.text.split()
    return all(word[:1].isupper() for word in words)


#: Residue that marks a block of joined lines as a widget (a player's controls, a picture's credits).
_WIDGET_PARTS = frozenset({"interface", "caption", "counter", "link"})
#: Lines a widget block may have (a longer block is a run of text, not a box).
_WIDGET_LINES = 8
_WIDGET_LINE_WORDS = 12


def widget_blocks(units: list[Unit], reasons: list[str | None]) -> None:
    """Short lines joined to a widget's controls on a page whose paragraphs are separated by blank lines.

    A block is a run of lines with no blank line between them (2–8 lines) on a page with blank lines
    between its paragraphs.  When at least two of its lines, and at least half of them, are already
    interface prompts, captions, counters or links, the block is a widget (a media player's controls,
    a picture with its credit) and its other lines of at most 12 words belong to it — even a short
    sentence, when it talks about the page (an interface word or an imperative opening: the player's
    instructions).  An article paragraph joined to a caption is longer than that; a data row
    (``2009-10: 12 players born abroad``, ninth round) above a picture is a table's, not the widget's.
    """
    n = len(units)
    start = 0
    while start < n:
        end = start + 1
        while end < n and units[end].line_no == units[end - 1].line_no + 1:
            end += 1
        if 2 <= end - start <= _WIDGET_LINES and (start > 0 or end < n):
            parts = [reasons[k] for k in range(start, end) if reasons[k] in _WIDGET_PARTS]
            if len(parts) >= 2 and 2 * len(parts) >= end - start:
                reason = max(set(parts), key=parts.count)
                for k in range(start, end):
                    shape = units[k].shape
                    if reasons[k] is None and shape.words <= _WIDGET_LINE_WORDS and not DATA_ROW.match(units[k].text):
                        if not shape.anchor or shape.interface_ratio > 0 or shape.imperative:
                            reasons[k] = reason
        start = end


def _has_figure(text: str) -> bool:
    """Whether a line holds a digit (a count, a date, a price: not a box's header or control)."""
    return any(ch.isdigit() for ch in text)


#: Residue a header after the text may introduce: a prompt box or the comments (not a list of links,
#: which a content list after a heading resembles).
_HEADED_BOXES = frozenset({"interface", "tail prompt", "comments"})
_PROMPT_BOXES = frozenset({"interface", "tail prompt"})
_BOX_HEADER_WORDS = 5


def tail_box_headers(units: list[Unit], reasons: list[str | None]) -> None:
    """A short heading after the last paragraph whose next line is a prompt or the comments heads that box.

    A sub-heading is followed by its section; after the page's last prose line a short line that does
    not end like a sentence (at most five words, no figures) followed directly by a reader prompt, a
    newsletter box or the comment section is that box's header (``Before you go``, ``Join the talk``).
    Eighth round: the last prose line is the last one kept, when a prompt box follows — a newsletter
    prompt is itself a long sentence, and its header sits between it and the article's last paragraph.
    Above comments that read as prose (sentences, after the last kept paragraph) a short line is the
    author's box (a name) and stays.
    """
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    kept = [i for i in anchors if reasons[i] is None]
    if not kept:
        return
    for i in range(kept[-1] + 1, len(units) - 1):
        shape = units[i].shape
        if reasons[i] is not None or shape.terminal or not 1 <= shape.words <= _BOX_HEADER_WORDS:
            continue
        boxes = _HEADED_BOXES if i > anchors[-1] else _PROMPT_BOXES
        if reasons[i + 1] in boxes and not _has_figure(units[i].text):
            reasons[i] = reasons[i + 1]


#: The residue a page's last line may close (a tag bar, a prompt, the comments …); not metadata: a
#: short line after a byline or a date line is a sign-off or a role.
_CLOSABLE = frozenset(
    {"interface", "tail prompt", "link", "related links", "tail list", "caption", "counter", "contact", "navigation",
     "duplicate line", "recurring", "comments"}
)


def tail_end_line(units: list[Unit], reasons: list[str | None], *, skip: int | None) -> None:
    """The page's last line, short and not a sentence, right after residue that follows the text, is part of it.

    Eighth round; reads no words, so it runs on pages in every language: after the page's last kept
    prose paragraph, when the line before it is residue (a tag bar, a prompt, a list of links), a last
    line of at most five words that does not end like a sentence and has no figures is that box's
    last item or the next box's header left without its box (``Leave a Reply`` in any language, under a
    tag bar).  A sign-off after a byline or a date line stays; so does a short sentence.  ``skip`` is
    the headline's unit, never taken.
    """
    i = len(units) - 1
    if i < 1 or i == skip or reasons[i] is not None or reasons[i - 1] not in _CLOSABLE:
        return
    shape = units[i].shape
    if shape.anchor or shape.sentence_like or shape.terminal or not 1 <= shape.words <= _BOX_HEADER_WORDS:
        return
    if _has_figure(units[i].text):
        return
    if not any(u.shape.anchor and reasons[k] is None for k, u in enumerate(units[:i])):
        return  # no text before it: nothing to follow
    reasons[i] = reasons[i - 1]


#: A header left without its list is this short (``Latest stories:``, ``Check the radar here:``).
_OPEN_HEADER_WORDS = 12


def unopened_header(units: list[Unit], reasons: list[str | None], *, skip: int | None) -> None:
    """The page's last line, ending with a colon, is a box's header whose list was not scraped (13th round).

    A line introducing what follows (``Latest stories:``, ``What readers are
    clicking on:``) with nothing after it introduces the site's list of links, never the text: the
    article's own lists come with their items.  The line has 1–12 words, is not the headline, not a
    quotation, has a header's form (:func:`_header_form`) and comes after a kept prose paragraph
    (``tail list``).  Reads no words but the question word, so it runs in every language.
    """
    i = len(units) - 1
    if i < 1 or i == skip or reasons[i] is not None:
        return
    unit = units[i]
    text = unit.text.rstrip()
    if not text.endswith(":") or text.endswith("::") or not 1 <= unit.shape.words <= _OPEN_HEADER_WORDS:
        return
    if text[:1] in QUOTE_OPENERS or not _header_form(unit):
        return
    if not any(u.shape.anchor and reasons[k] is None for k, u in enumerate(units[:i]) if k != skip):
        return  # no text before it
    reasons[i] = "tail list"


_WH_OPENING = re.compile(r"^(?:What|Which|Where|Who)\b")
_LABEL_WORDS = 5


def _header_form(unit: Unit) -> bool:
    """A box's header, not the text's sentence.

    A capitalised label (``LATEST STORIES:``, ``More From The Desk:``, ≤ 5 words) or a header asking a
    question (``What others are reading:``, ≤ 8 words).  A sentence
    that introduces the posts embedded under it (``Readers seemed confused by the plan:``) is the text's.
    """
    shape = unit.shape
    if shape.words <= _LABEL_WORDS and shape.title_ratio >= _LABEL_TITLE:
        return True
    return shape.words <= _OPEN_QUESTION_WORDS and _WH_OPENING.match(unit.text) is not None


_LABEL_TITLE = 0.8
_OPEN_QUESTION_WORDS = 8


_CONTROL_WORDS = 4


def repeated_controls(units: list[Unit], reasons: list[str | None]) -> None:
    """After the last prose paragraph, a short line repeated above sentences is a comment's control.

    Eighth round; reads no words, so it runs on pages in every language.  Reader comments below the
    article carry the same short control line each (a permalink, a reply button, in the site's
    language) followed by the comment's text: when a line of at most four words, not a sentence and
    without figures, occurs twice or more after the page's last prose anchor, each copy followed by a
    different line and the first copy by a sentence, everything from its first copy on is the comment
    section.  A spec table's repeated value (``Yes``) is followed by the next label, not by a
    sentence; a sub-heading repeated in the text comes before the last paragraph.
    """
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    if not anchors:
        return
    start = anchors[-1] + 1
    copies: dict[str, list[int]] = {}
    for i in range(start, len(units)):
        shape = units[i].shape
        if shape.sentence_like or shape.terminal or not 1 <= shape.words <= _CONTROL_WORDS:
            continue
        if _has_figure(units[i].text):
            continue
        copies.setdefault(line_key(units[i].text), []).append(i)
    firsts = []
    for where in copies.values():
        if len(where) < 2:
            continue
        followers = {line_key(units[k + 1].text) for k in where if k + 1 < len(units)}
        if len(followers) < len(where) or not units[where[0] + 1].shape.sentence_like:
            continue
        firsts.append(where[0])
    if firsts:
        for k in range(min(firsts), len(units)):
            if reasons[k] is None or reasons[k] == "duplicate line":
                reasons[k] = "comments"


def tag_lines(units: list[Unit], reasons: list[str | None]) -> None:
    """A label and a line of keywords among the page's last lines are the page's tags, in any language.

    Eighth round; reads no words.  Tags are a one- or two-word label (``Tags``, ``Schlagwörter``) and
    on the next line four or more comma-separated items of at most six words each, every item opening
    in lower case (a keyword, not a name), the line not ending like a sentence and without a bracket or
    a colon, among the last three lines of the page.  A list in the text opens its items with names or
    capitals, ends like a sentence or comes before the article's last paragraphs; a spec sheet's line
    names products and units in capitals.
    """
    n = len(units)
    for i in range(max(1, n - 3), n):
        if reasons[i] is not None or reasons[i - 1] is not None:
            continue
        text = units[i].text.strip()
        label = units[i - 1].shape
        if units[i].shape.terminal or label.sentence_like or not 1 <= label.words <= 2 or label.terminal:
            continue
        if any(ch in text for ch in "()[]:;") or _has_figure(units[i - 1].text):
            continue
        items = [item.strip() for item in text.split(",")]
        if len(items) < _TAG_ITEMS or not all(item and len(item.split()) <= _TAG_ITEM_WORDS for item in items):
            continue
        if all(item[0].islower() for item in items):
            reasons[i - 1] = reasons[i] = "navigation"


_TAG_ITEMS = 4
_TAG_ITEM_WORDS = 6


#: A link repeated down the page (``Back to top`` under every section) is found at least this many times.
_REPEATED_LINK_COPIES = 3
_REPEATED_LINK_WORDS = 8


def repeated_links(units: list[Unit], reasons: list[str | None], keys: list[str]) -> None:
    """A short line about the page found three times or more, between different lines each time: every copy goes.

    Ninth round (English: it reads the interface words).  A link repeated at the end of every section
    (``Back up to list of teams``, ``Return to the menu``) is navigation, its first copy too (the
    duplicate rule keeps a short interface line's first copy).  The line must not be a sentence, hold
    no figures, have at most eight words and an interface word (a sub-heading repeated in every
    section — ``Points on the map`` — names its subject; a table's header row has separators); a page
    scraped several times repeats its
    lines with the same neighbour each time (:func:`rescraped_block`) and keeps them.  Every copy
    comes after the page's first paragraph (a headline repeated at the top is the headline rules').
    ``keys`` are the units' :func:`newsbrief.clean_shape.line_key`.
    """
    if len(set(keys)) > len(keys) - _REPEATED_LINK_COPIES + 1:
        return  # no line is found three times
    first = next((i for i, u in enumerate(units) if u.shape.anchor), len(units))
    positions: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        positions.setdefault(key, []).append(i)
    for where in positions.values():
        if len(where) < _REPEATED_LINK_COPIES or where[0] < first:  # the headline repeated at the top
            continue
        shape = units[where[0]].shape
        if shape.sentence_like or shape.terminal or not 1 <= shape.words <= _REPEATED_LINK_WORDS:
            continue
        text = units[where[0]].text
        if shape.interface_ratio == 0 or shape.separators or "|" in text or _has_figure(text):
            continue  # a table's header row repeated above each table is content
        if rescraped_block(keys, where[0], positions):
            continue
        for k in where:
            if reasons[k] is None or reasons[k] == "duplicate line":
                reasons[k] = "navigation"


#: A pull quote: a sentence of the article's speaker set off without its full stop, then the speaker.
_QUOTE_WORDS = (8, 40)
_SPEAKER_WORDS = (2, 6)
#: A sentence's share of words opening in lower case (a title or a name line has few).
_QUOTE_LOWER = 0.5
_OPENING_QUOTES = ("\"", "'", "“", "‘", "«")


def _speaker(unit: Unit) -> bool:
    """A name line under a pull quote: ``Jane Doe``, ``Harbour master Jane Doe``, ``Jane Doe, harbour master``."""
    shape, text = unit.shape, unit.text.strip()
    if shape.terminal or shape.sentence_like or not _SPEAKER_WORDS[0] <= shape.words <= _SPEAKER_WORDS[1]:
        return False
    if _has_figure(text) or text.endswith(":") or text.startswith(_OPENING_QUOTES):
        return False
    if NAMED_ROLE.match(text):
        return True
    words = text.split()
    return "," not in text and all(w[:1].isupper() and w[1:2].islower() for w in words[-2:])


def pull_quotes(units: list[Unit], reasons: list[str | None]) -> None:
    """A quotation set off between paragraphs without its full stop, with the speaker's name under it.

    Ninth round.  A pull quote repeats (or paraphrases) what someone says in the article, in a box:
    a line of 8–40 words, mostly in lower case like a sentence, that does not end like one, then a line that is
    only a name, perhaps with a role (``Ana Lima``, ``Port director Ana Lima``, ``Ana Lima, port
    director``), between paragraphs that end like sentences.  The article's own paragraphs end like
    sentences; a sub-heading is shorter than a sentence and is not followed by a bare name; a line
    opening with a quotation mark is a reported sentence that lost its full stop (the box's quote
    stands without marks).
    """
    for i in range(1, len(units) - 2):
        quote, name = units[i], units[i + 1]
        if reasons[i] is not None or reasons[i + 1] is not None:
            continue
        shape = quote.shape
        if shape.terminal or shape.lower_ratio < _QUOTE_LOWER or not _QUOTE_WORDS[0] <= shape.words <= _QUOTE_WORDS[1]:
            continue
        if quote.text.lstrip().startswith(_OPENING_QUOTES):  # a reported sentence that lost its full stop
            continue
        if not _speaker(name) or not units[i - 1].shape.terminal or not units[i + 2].shape.anchor:
            continue
        reasons[i] = reasons[i + 1] = "pull quote"



_HEADING_WORDS = 12


def names_above_headings(units: list[Unit], reasons: list[str | None]) -> None:
    """A lone name joined above a section's heading: the alternative text of the section's picture.

    Ninth round.  On a page whose paragraphs are separated by blank lines, a section that opens with
    a picture keeps the picture's alternative text — often only a surname (``Okafor``) — on the line
    right above the section's heading, which is joined to the section's first paragraph: a one-word
    line opening with a capital, without figures, a blank line above it after a paragraph that ends
    like a sentence, then a heading that does not end like one (at most 12 words), then prose.  A
    heading stands alone or opens its block; a list's one-word items come in runs, not above a heading
    and a paragraph.
    """
    n = len(units)
    for i in range(1, n - 2):
        name, heading, first = units[i], units[i + 1], units[i + 2]
        if reasons[i] is not None or reasons[i + 1] is not None or name.shape.words != 1:
            continue
        text = name.text.strip()
        if not text[:1].isupper() or _has_figure(text) or name.shape.terminal or text.endswith(":"):
            continue
        if not (units[i - 1].line_no < name.line_no - 1 and units[i - 1].shape.anchor and units[i - 1].shape.terminal):
            continue
        if heading.line_no != name.line_no + 1 or first.line_no != heading.line_no + 1:
            continue
        if heading.shape.terminal or heading.shape.sentence_like or not 1 <= heading.shape.words <= _HEADING_WORDS:
            continue
        if first.shape.anchor:
            reasons[i] = "caption"
