r"""Rules of the fifth round: the residue of a news site's media players and galleries.

A video embedded in an article leaves its title on the page twice, once as a link and once with the
clip's duration (``Families reflect one year later`` / ``Families reflect one year later 02:20``); a
photo gallery leaves its position counter (``1 of 12``, ``Image 3 of 12``).  Both are
recognised by their shape — a title followed by a duration, a position among a count — not by the
words of any site.  Like :mod:`newsbrief.clean_runs`, each rule reads the units of a page and the
reasons decided so far (``None`` = body) and marks more units in place.

>>> from newsbrief.clean_lines import units_of
>>> units = units_of("A storm hit the coast on Monday, cutting power to many homes.\n"
...                  "Storm damage seen from the air\nStorm damage seen from the air 2:14\n"
...                  "The council said repairs would take weeks to finish.")
>>> reasons = [None] * len(units)
>>> media_titles(units, reasons)
>>> reasons
[None, 'media', 'media', None]
"""

from __future__ import annotations

import html
import re

from newsbrief.clean_lines import Unit, only_interface_words
from newsbrief.clean_shape import ANY_INTERFACE_WORDS, LineShape, line_key
from newsbrief.text import STOPWORDS, content_words

#: A clip's title followed by its duration (``m:ss``, ``mm:ss`` or ``h:mm:ss``) at the end of the line.
_DURATION = re.compile(r"^(?P<title>.*?\w.*?)\s+(?:\d{1,2}:)?\d{1,2}:[0-5]\d$")
#: The title of a clip: a few words that do not end like a sentence.
_TITLE_WORDS = (2, 20)
#: A gallery's position: ``3 of 12`` or ``3/12`` at the end of a short line.
_POSITION = re.compile(r"(?:^|\s)(\d{1,3})\s*(?:of|/)\s*(\d{1,3})$", re.IGNORECASE)
_POSITION_WORDS = 6


def _clip_title(text: str) -> str | None:
    """The title of a ``<title> <duration>`` line, or ``None`` when the line is not one.

    A time of day after a preposition is part of a sentence or a heading (``Talks resume at 10:30``),
    not a clip's duration: the word before the figures must not be a function word.

    >>> _clip_title("Families reflect one year later 02:20"), _clip_title("Talks resume at 10:30")
    ('Families reflect one year later', None)
    """
    if ":" not in text or not text[-1:].isdigit():
        return None
    match = _DURATION.match(text)
    if not match:
        return None
    title = match.group("title").rstrip(" -–—|")
    shape = LineShape.of(title)
    if shape.terminal or not _TITLE_WORDS[0] <= shape.words <= _TITLE_WORDS[1]:
        return None
    last = title.split()[-1].lower().strip("\"'“”‘’()[],")
    if last in STOPWORDS or last.isdigit():
        return None
    return title


#: A clip's duration opening the line (a player's card: the duration badge, then the title).
_LEADING_DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:[0-5]\d\s+(?P<rest>\S.*)$")


def is_clip_card(text: str) -> bool:
    """A duration, then a title written twice: a video player's card scraped as one line (eleventh round).

    The player shows the clip's title over the picture and again as its link.  A live blog's entry
    opening with a time of day is followed by a sentence, not by the same words twice.

    >>> is_clip_card("2:05 Ferry back in service after storm Ferry back in service after storm")
    True
    >>> is_clip_card("10:30 Talks resume at the ministry after a short break"), is_clip_card("1:16 Storm Storm")
    (False, False)
    """
    match = _LEADING_DURATION.match(text) if ":" in text[:8] else None
    if match is None:
        return False
    words = match.group("rest").lower().split()
    half = len(words) // 2
    return len(words) % 2 == 0 and _TITLE_WORDS[0] <= half <= _TITLE_WORDS[1] and words[:half] == words[half:]


def media_titles(units: list[Unit], reasons: list[str | None]) -> None:
    """A video's title with its duration, and the same title on the line next to it (the player's link).

    The twin may carry the page's HTML escapes (``&#39;`` for an apostrophe) where the other does not.
    A player's card scraped as one line — the duration, then the title twice — is a clip too
    (:func:`is_clip_card`, eleventh round).

    The first line of a page is left to the headline rules.
    """
    for i in range(1, len(units)):
        if reasons[i] is not None:
            continue
        if units[i].text[:1].isdigit() and is_clip_card(units[i].text):
            reasons[i] = "media"
            continue
        title = _clip_title(units[i].text)
        if title is None:
            continue
        reasons[i] = "media"
        key = line_key(html.unescape(title))
        for k in (i - 1, i + 1):
            if 0 < k < len(units) and reasons[k] is None and line_key(html.unescape(units[k].text)) == key:
                reasons[k] = "media"


def is_gallery_position(text: str, shape: LineShape) -> bool:
    """``1 of 12``, ``Photo 3 of 12``, ``Image 3/12``: a gallery's position counter.

    A short line ending with a position no larger than the count, whose other words (if any) are
    words a page uses about itself; ``Won 3 of 12`` names a subject and stays.

    >>> from newsbrief.clean_shape import LineShape
    >>> [is_gallery_position(t, LineShape.of(t)) for t in ("1 of 12", "Photo 3 of 12", "Won 3 of 12", "12 of 3")]
    [True, True, False, False]
    """
    if shape.words > _POSITION_WORDS or shape.terminal or not text[-1:].isdigit():
        return False
    match = _POSITION.search(text)
    if not match or int(match.group(1)) > int(match.group(2)) or int(match.group(1)) == 0:
        return False
    rest = text[: match.start()].strip()
    return not content_words(rest) or only_interface_words(rest)


#: A gallery's header: its title, then how many pictures it holds (``Storm damage 48 photos``).
_GALLERY_COUNT = re.compile(r"\s(\d{1,4})\s+([A-Za-z]+)$")
_GALLERY_WORDS = 20


def is_gallery_header(text: str, shape: LineShape) -> bool:
    """A title followed by a count of pictures or clips: a gallery's header, not a sentence.

    The last word must be one a page uses about itself (``photos``, ``images``, ``videos``); a
    title that counts people or things stays.

    >>> from newsbrief.clean_shape import LineShape
    >>> [is_gallery_header(t, LineShape.of(t)) for t in ("Storm damage seen from above 48 photos", "Rescue teams saved 48 people")]
    [True, False]
    """
    if shape.terminal or shape.sentence_like or not 3 <= shape.words <= _GALLERY_WORDS:
        return False
    match = _GALLERY_COUNT.search(text)
    return bool(match) and match.group(2).lower() in ANY_INTERFACE_WORDS and bool(text[: match.start()].strip())


#: How a list item or link box is indented in text scraped from HTML (four spaces or a tab).
_INDENT = ("    ", "\t")
_LONE_WORDS = 20


def lone_indented(units: list[Unit], reasons: list[str | None], lines: list[str]) -> None:
    """A single indented line between unindented lines, next to prose: a one-item link box (a teaser).

    Text scraped from HTML indents the items of a list; a list of one item between the article's
    paragraphs is a box with one link (a related story, a shop's offer, a gallery's *see all*
    button).  The line must not end like a sentence (a quotation set off as a block ends like one)
    and at most 20 words; one of its neighbours is prose (a table's header line sits between rows).
    ``lines`` are the text's lines, which :class:`Unit` holds stripped; a page whose every paragraph
    is indented has no lone indented line.
    """
    n = len(units)
    for i in range(1, n):
        unit = units[i]
        if reasons[i] is not None or unit.shape.terminal or unit.shape.words > _LONE_WORDS:
            continue
        if not lines[unit.line_no - 1].startswith(_INDENT):
            continue
        before = lines[units[i - 1].line_no - 1]
        after = lines[units[i + 1].line_no - 1] if i + 1 < n else ""
        if before.startswith(_INDENT) or after.startswith(_INDENT):
            continue
        if units[i - 1].shape.sentence_like or (i + 1 < n and units[i + 1].shape.sentence_like):
            reasons[i] = "related links"


#: Where a person or thing stands in a picture, in brackets: the captioning convention (``(left)``,
#: ``(second right)``, ``(pictured)``).  A closed class of position words, not the words of any site.
_PICTURE_POSITION = re.compile(
    r"\((?:(?:second |third |far |top |bottom )?(?:left|right|centre|center)|l|r|pictured|above|below|inset)\)",
    re.IGNORECASE,
)
_POSITIONED_CAPTION_WORDS = 40
_POSITIONED_CAPTION_WORDS_PLACED = 60  # a caption placing several people names them all


def is_positioned_caption(text: str, shape: LineShape) -> bool:
    """A line naming where its subjects stand in a picture that does not end like a sentence: a caption.

    An article's sentence may say *(pictured)* too, but it ends like a sentence; it never places two people.

    >>> from newsbrief.clean_shape import LineShape
    >>> [is_positioned_caption(t, LineShape.of(t)) for t in (
    ...     "The harbour master (left) and the ferry's captain", "The harbour master (left) thanked the crew.",
    ...     "The harbour master (centre) poses with the captain (left) at the pier.")]
    [True, False, True]
    """
    if "(" not in text or shape.words > _POSITIONED_CAPTION_WORDS_PLACED:
        return False
    # two people placed in the picture ("X (centre) poses with Y (left) …"): a caption, even as a sentence
    placed = len(_PICTURE_POSITION.findall(text))
    return placed >= 2 or (placed == 1 and not shape.terminal and shape.words <= _POSITIONED_CAPTION_WORDS)


_PLACEHOLDER_WORDS = 2


def lone_placeholders(units: list[Unit], reasons: list[str | None]) -> None:
    """One lower-case word alone between two prose paragraphs: what an image left (``inline``, alt text).

    An article's sentence is never one bare lower-case word; a graphic's label fragments come in runs
    of short lines (:func:`newsbrief.clean_runs.graphic_labels`), not between paragraphs.  The paragraph
    before must end like a sentence and the one after open with a capital: a word left between the
    pieces of a sentence broken where its links were (``… In his memoirs, he`` / ``was`` / ``prime
    minister …``) belongs to it.  Ninth round: two lower-case words alone (``line break``, what an
    element of the page left) too, and then the line after may be a short sentence (a heading asked
    as a question: ``What happened next?``).
    """
    for i in range(1, len(units) - 1):
        text = units[i].text
        if reasons[i] is not None or not 1 <= units[i].shape.words <= _PLACEHOLDER_WORDS:
            continue
        if not (text.replace(" ", "").isalpha() and text.islower()):
            continue
        before, after = units[i - 1], units[i + 1]
        opens = after.shape.anchor or (units[i].shape.words == 2 and after.shape.sentence_like)
        if before.shape.anchor and before.shape.terminal and opens and after.text[:1].isupper():
            reasons[i] = "media"
