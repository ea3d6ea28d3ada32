r"""Notes a site prints above or below an article: writer's notes, "more news" promos, legal notices.

Twelfth round (see docs/cleaning.md): the author's note, the "more news from us" promo, the site's
legal and provenance notices.  All are prose — full sentences, often long enough to count as
article text by shape — and none has to address the reader or recur in the batch, so the rules of
:mod:`newsbrief.clean_runs` keep them.  What marks them is what they are about (the writer; the outlet's
other news and the channel that brings it) and where they stand: among the body's first two or last
three lines.  English only, like the other rules over runs of lines.  (The vocabularies below are the
words such notes are made of, not the notes' wordings: each rule asks for two of its signals at once.)

>>> from newsbrief.clean_lines import units_of
>>> text = ("Storm hits coast\nBy Jane Doe\nA storm hit the coast on Monday, cutting power to thousands of homes.\n"
...         "Crews worked through the night to restore the lines, the utility said on Tuesday.\n"
...         "Jane Doe is a reporter for the Coast Herald. Follow her on Twitter at @janedoe.\n"
...         "For all the latest local news, download the Coast Herald app.")
>>> units = units_of(text)
>>> reasons = [None, "byline", None, None, None, None]
>>> author_notes(units, reasons); news_promos(units, reasons)
>>> reasons[4:]
['author note', 'tail prompt']
"""

from __future__ import annotations

import re

from newsbrief.clean_lines import Unit
from newsbrief.clean_runs import _EDGE_TAIL, _EDGE_TOP  # the body's edges, as for clean_runs.edge_promos
from newsbrief.clean_shape import QUOTE_OPENERS, LineShape, talks_about_page

#: An author's note or a promo longer than this many words is article text.
_NOTE_WORDS = 60
_PROMO_WORDS = 40

# Who the note is about, and that it says what the writer does: "<Name> is a reporter for …",
# "The author is a columnist for …", "<Name> is professor of sociology at …".
_ROLE = (
    r"(?:reporter|writer|editor|correspondent|columnist|journalist|contributor|producer|professor|lecturer|"
    r"fellow|analyst|researcher|author|blogger|freelancer|intern|host|anchor|economist|commentator|scholar)"
)
_AUTHOR_NOTE = re.compile(
    r"^(?:The (?:author|writer)s?|(?P<name>[A-Z][\w.'’‐-]+(?: [A-Z][\w.'’‐-]+){1,3})),? "
    r"(?:is|was|has been|serves as|works as) (?:an? |the )?(?:[\w&'’.,-]+ ){0,5}?" + _ROLE + r"s?\b"
)
#: The note's verb stands within its first characters (a name of up to four words before it).
_NOTE_HEAD = 90
_NOTE_VERBS = (" is ", " was ", " has been ", " serves as ", " works as ")
_BY_AUTHOR = re.compile(r"^The (?:author|writer)s?\b")
# How to reach the writer: "Follow her on Twitter", "@handle", an e-mail address.
_CONTACT = re.compile(
    r"\b(?:follow|reach|contact|e-?mail)\s+(?:him|her|them|me)\b|(?:^|\s)@\w{2,}|[\w.+-]+@[\w-]+\.\w", re.IGNORECASE
)

# The outlet's other news ("the latest Delhi news", "more stories", "all current news") …
_OTHER_NEWS = re.compile(
    r"\b(?:latest|more|current|breaking|top)(?:\s+[\w'’-]+){0,3}?\s+(?:news|stories|updates|headlines)\b", re.IGNORECASE
)
# … and the channel that brings it (an app, the home page, a social network, a newsletter) …
_CHANNEL = re.compile(
    r"\b(?:download|apps?|visit|home ?page|website|follow|like|subscribe|sign up|newsletters?|inbox|"
    r"facebook|twitter|instagram|youtube|telegram|whatsapp|click|tap)\b",
    re.IGNORECASE,
)
# … in a line that opens as an instruction or its purpose ("For all the latest …", "To stay up to date …").
_PROMO_OPENING = re.compile(
    r"^(?:for|to|get|catch|stay|visit|download|follow|like|subscribe|sign|click|tap|read|watch|check|keep|find|"
    r"also)\b",
    re.IGNORECASE,
)


def _edges(reasons: list[str | None], units: list[Unit]) -> list[int]:
    body = [i for i, reason in enumerate(reasons) if reason is None]
    if body and body[0] == 0 and not units[0].shape.terminal:  # the headline: the body's edge is under it (13th round)
        body = body[1:]
    if len(body) <= _EDGE_TOP + _EDGE_TAIL:
        return body
    return body[:_EDGE_TOP] + body[-_EDGE_TAIL:]


#: A bare name under the headline is looked for among this many lines …
_NAME_LINES = 3
# … a name of two to four capitalised words and nothing else.
_BARE_NAME = re.compile(r"^[A-Z][a-z][\w'’‐-]*(?: [A-Z]\.)?(?: [A-Z][a-z][\w'’‐-]*){1,3}$")


def is_author_note(text: str, bylines: list[str], words: int | None = None) -> bool:
    """A note on the article's writer: what the writer does, and who it is or how to reach them.

    "<Name> is a reporter for …" alone may be the story's own sentence; the note also names the writer
    as "the author", or gives a handle or address ("Follow her on Twitter at @…"), or the name is the
    page's byline.  A contributor's note with none of these (``<Name> is a regular commentator on …``
    closing a column) stays article text, as before.

    >>> is_author_note("The author is a columnist for Polityka.", [])
    True
    >>> is_author_note("Ann Lee is professor of law at Leeds. She has written two books.", ["By Ann Lee"])
    True
    >>> is_author_note("Ann Lee is a reporter for the Post who was detained in Iran in 2014.", [])
    False
    """
    words = len(text.split()) if words is None else words
    if words > _NOTE_WORDS or text[:1] in QUOTE_OPENERS:
        return False
    head = text[:_NOTE_HEAD]
    if not any(map(head.__contains__, _NOTE_VERBS)):  # most lines: no "<Name> is …" at their start
        return False
    match = _AUTHOR_NOTE.match(text)
    if match is None:
        return False
    if _BY_AUTHOR.match(text) or _CONTACT.search(text):
        return True
    name = match.group("name")
    return name is not None and any(name in byline for byline in bylines)


def author_notes(units: list[Unit], reasons: list[str | None]) -> None:
    """Mark the author's note among the body's edge lines (:func:`is_author_note`) as ``author note``."""
    bylines = [units[i].text for i, reason in enumerate(reasons) if reason == "byline"]
    # A byline without its "By": the writer's bare name on a line of its own under the headline (13th round).
    top = [i for i, reason in enumerate(reasons[: _NAME_LINES + 1]) if reason is None][1:]
    names = [i for i in top if _BARE_NAME.match(units[i].text.strip())]
    bylines += [units[i].text.strip() for i in names]
    notes = [i for i in _edges(reasons, units) if is_author_note(units[i].text, bylines, units[i].shape.words)]
    for i in notes:
        reasons[i] = "author note"
    for k in names:  # the note confirms the bare name under the headline as the writer's: a byline
        if any(units[i].text.startswith(units[k].text.strip()) for i in notes if i != k):
            reasons[k] = "byline"


def is_news_promo(text: str, words: int | None = None) -> bool:
    """The outlet pointing to its other news and the channel for it: "For all the latest … News, download … App".

    >>> is_news_promo("Visit Business Insider's homepage for more stories.")
    True
    >>> is_news_promo("To stay up to date on the latest cannabis news, like us on Facebook.")
    True
    >>> is_news_promo("The ministry said it would post the latest updates on its website.")
    False
    """
    words = len(text.split()) if words is None else words
    if words > _PROMO_WORDS or text[:1] in QUOTE_OPENERS:
        return False
    return (
        _PROMO_OPENING.match(text) is not None
        and _OTHER_NEWS.search(text) is not None
        and _CHANNEL.search(text) is not None
    )


def news_promos(units: list[Unit], reasons: list[str | None]) -> None:
    """Mark "more news from us" promos among the body's edge lines (:func:`is_news_promo`) as ``tail prompt``."""
    edges = _edges(reasons, units)
    for pos, i in enumerate(edges):
        if is_news_promo(units[i].text, units[i].shape.words):
            reasons[i] = "tail prompt" if pos >= min(_EDGE_TOP, len(edges)) else "interface"


# The site's notices: an affiliate disclosure (the site or writer earns from the links), a rights notice,
# an editorial disclaimer, a note of where the text comes from.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|us|[Oo]ur|[Mm]y|me)\b")  # not "US"
_EARNINGS = re.compile(r"\b(?:commissions?|affiliate|[Aa]ssociates? [Pp]rogram)\b")  # not "the Commission"
_RESERVED = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
_NOT_REPRODUCED = re.compile(
    r"\bmay not be (?:[\w-]+,? )*?(?:reproduced|republished|redistributed|rewritten|copied)\b", re.IGNORECASE
)
_SITE_MATERIAL = re.compile(
    r"\b(?:this|our)\s+(?:material|content|article|site|website|story|page)\b|\bcopyright\b|©", re.IGNORECASE
)
_DISCLAIMER = re.compile(
    r"\b(?:editorial control|(?:views|opinions) expressed\b|do(?:es)? not necessarily (?:reflect|represent)|"
    r"(?:is|are) not responsible for (?:the )?(?:content|accuracy))",
    re.IGNORECASE,
)
_PROVENANCE = re.compile(
    r"(?:^|[.!?] )(?:this|the) (?:story|article|post|piece|report)(?: was| has been)? originally "
    r"(?:appeared|published|ran)\b|^(?:data|articles?|content|stories|story|text|video|photos?) (?:provided|supplied|powered) by\b",
    re.IGNORECASE,
)
# Words one of the notices above holds (lower case); a line with none of them is no notice.
_NOTICE_HINTS = (
    "commission", "affiliate", "associate", "reserved", "may not be", "editorial control", "expressed",
    "necessarily", "not responsible", "originally", "provided by", "supplied by", "powered by",
)
#: A provenance note this long is a sentence of the story.
_PROVENANCE_WORDS = 20


def is_site_notice(text: str, words: int | None = None) -> bool:
    """The site's affiliate disclosure, rights notice, editorial disclaimer or provenance note.

    >>> is_site_notice("As an Amazon Associate I earn from qualifying purchases and a commission on sales.")
    True
    >>> is_site_notice("All rights reserved. This material may not be published, broadcast or rewritten.")
    True
    >>> is_site_notice("This story originally appeared on Example Daily"), is_site_notice("Data provided by Example Sports.")
    (True, True)
    >>> is_site_notice("Amazon cut the commission it pays affiliate sites, the company said.")
    False
    >>> is_site_notice("Under the ruling, the photographs may not be reproduced without consent.")
    False
    """
    words = len(text.split()) if words is None else words
    if words > _PROMO_WORDS * 2 or text[:1] in QUOTE_OPENERS:
        return False
    low = text.lower()
    if not any(map(low.__contains__, _NOTICE_HINTS)):  # most lines: none of the notices' words at all
        return False
    if _EARNINGS.search(text) and _FIRST_PERSON.search(text):
        return True
    if _RESERVED.search(text) or _DISCLAIMER.search(text):
        return True
    if _NOT_REPRODUCED.search(text) and _SITE_MATERIAL.search(text):
        return True
    return words <= _PROVENANCE_WORDS and _PROVENANCE.search(text) is not None


def site_notices(units: list[Unit], reasons: list[str | None]) -> None:
    """Mark the site's notices among the body's edge lines (:func:`is_site_notice`) as ``site notice``."""
    for i in _edges(reasons, units):
        if is_site_notice(units[i].text, units[i].shape.words):
            reasons[i] = "site notice"


# A page flattened to one paragraph per block keeps its closing prompts at the end of the last paragraph:
# "… the council said. Share this: Email Twitter Facebook Like this: Like Loading.."
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c(])")
#: The last paragraph must hold this many words for its closing sentences to be looked at …
_TRIM_WORDS = 30
#: … and only its last this many characters are split into sentences; only a page flattened to this many
#: body paragraphs or fewer is trimmed (measured: on pages that kept their line breaks a closing sentence
#: addressing the reader is as often the story's own — "Listen to this podcast and …").
_TRIM_CHARS = 600
_FLATTENED_PARAGRAPHS = 3


def trailing_prompts(text: str, words: int | None = None) -> int | None:
    """Where the prompts closing a paragraph start (``None`` when it closes with the story's own sentence).

    The closing sentences, from the last back, each talking to the reader about the page (the line
    test :func:`newsbrief.clean_shape.talks_about_page` on the sentence); at least one sentence of the
    paragraph stays.

    >>> text = ("The council voted on Tuesday to close the old harbour bridge to cars for at least two years, "
    ...         "after engineers found cracks in three of its steel supports. Share this: Email Twitter Facebook")
    >>> text[trailing_prompts(text):]
    'Share this: Email Twitter Facebook'
    >>> trailing_prompts(text.replace("Share this: Email Twitter Facebook", "Drivers will use the ring road.")) is None
    True
    """
    if (len(text.split()) if words is None else words) < _TRIM_WORDS:
        return None
    window = max(0, len(text) - _TRIM_CHARS)  # prompts are short: only the paragraph's end is read
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text, window)]
    cut = None
    for start in reversed(starts[1:]):
        if not talks_about_page(text[start:cut]):
            break
        cut = start
    return cut


def trim_trailing_prompts(units: list[Unit], reasons: list[str | None], title_idx: int | None) -> None:
    """Split the closing prompts off a flattened page's last paragraph into a unit of their own (``tail prompt``).

    The paragraph keeps its text up to the prompts (a prefix of the line: nothing is invented), and the
    prompts are listed as removed with the paragraph's line number.
    """
    body = [i for i, reason in enumerate(reasons) if reason is None and i != title_idx]
    if not body or len(body) > _FLATTENED_PARAGRAPHS:
        return  # a page that kept its line breaks sets its prompts on lines of their own
    last = body[-1]
    unit = units[last]
    cut = trailing_prompts(unit.text, unit.shape.words)
    if cut is None:
        return
    head, tail = unit.text[:cut].rstrip(), unit.text[cut:].strip()
    units[last] = Unit(head, unit.line_no, LineShape.of(head))
    units.insert(last + 1, Unit(tail, unit.line_no, LineShape.of(tail)))
    reasons.insert(last + 1, "tail prompt")
