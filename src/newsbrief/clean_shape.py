"""The shape of one line of scraped text (:class:`LineShape`): the cheap features every rule reads.

Length, word count, terminal punctuation, the share of lower-case and title-case words, separators,
and a small vocabulary of *interface* words (the words web pages use to talk about themselves:
share, subscribe, comments, newsletter, cookies …), computed once per line.  Split from
:mod:`newsbrief.clean_lines` (the predicates over a line) to keep both modules small; the vocabularies
are English-only.

>>> f = LineShape.of("Sign up for our newsletter")
>>> f.words, f.terminal, f.interface_ratio > 0, f.sentence_like
(5, False, True, False)
>>> LineShape.of("Like us on Facebook").imperative, LineShape.of("Like near rivals City, United won.").imperative
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter

__all__ = [
    "ANY_INTERFACE_WORDS",
    "INTERFACE_WORDS",
    "QUOTE_OPENERS",
    "WEAK_INTERFACE_WORDS",
    "LineShape",
    "line_key",
    "single_spaced",
    "talks_about_page",
]
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_TERMINAL = re.compile(r"""[.!?…。！？]["'”’)\]\ufffd]*$|[.!?]["'”’\ufffd]\s*\(?[^()]{0,40}\)?$""")
_SEPARATORS = re.compile(r"\s[|›»>•·/]\s|\s[|›»•·]|[|›»•·]\s")
# Same results, cheaper: most lines have no separator character at all, and on ASCII text the
# word pattern needs no Unicode class (``[^\W_]`` is ``[A-Za-z0-9]`` there).
_SEPARATOR_CHAR = re.compile(r"[|›»>•·/]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))

# Words web pages use about themselves (English).  Used as one signal among shape and position.
INTERFACE_WORDS: frozenset[str] = frozenset(
    """
    advertisement advertisements advertising advert adverts ad ads sponsored promoted
    tweet tweets retweet whatsapp flipboard rss
    comment comments commenting replies
    subscribe subscribed subscribing subscriber subscribers subscription newsletter newsletters inbox unsubscribe
    signup login register registration password paywall reprints reprint spam captcha
    click tap swipe download notifications bookmark
    cookie cookies privacy consent gdpr
    related recommended trending playback player podcast gallery slideshow
    javascript browser unsupported
    copyright tagged
    """.split()
)
# Weaker evidence: words pages use about themselves that also occur in news headings.
WEAK_INTERFACE_WORDS: frozenset[str] = frozenset(
    """
    partner content share email print follow followers like likes sign log account member members premium
    continues below cancel
    reply discussion forum feed alerts alert save settings preferences accept terms policy conditions
    popular most read more continue reading watch video videos audio listen photos images pictures
    menu skip scroll navigation home next previous back top load loading expand close open toggle search
    mobile version desktop enable device media caption credit reserved rights tags topics topic
    category categories filed posted view views here link links page site website story stories
    form data personal miss don't app apps photo image updates article articles enlarge replay share shares sharing facebook twitter instagram linkedin pinterest reddit youtube telegram tiktok
    """.split()
)
_IMPERATIVE = frozenset(
    "click tap swipe subscribe sign follow share read watch continue download join get listen see view like "
    "register login log enable accept allow explore discover check visit support donate scroll skip tweet "
    "email print bookmark save leave add report send contact try find go jump load show hide play".split()
)
#: Every word a page uses about itself, strong or weak.
ANY_INTERFACE_WORDS = INTERFACE_WORDS | WEAK_INTERFACE_WORDS
_ANY_INTERFACE = ANY_INTERFACE_WORDS
#: The marks that open a quotation: a line opening with one quotes someone, it is not the page talking.
QUOTE_OPENERS = "\"'“‘«`"
_READER = frozenset("you your you're yours our us we".split())
_SECOND_PERSON = frozenset("you your you're yours you'll you've".split())


_SHAPE_CHARS = 300
# Cheaper exact forms of three per-line computations (LineShape.of runs on every line):
_TERMINAL_CHARS = frozenset(".!?…。！？")
_CLOSING_CHARS = "\"'”’)]\ufffd"  # what _TERMINAL allows between the final punctuation and the end


def _terminal(text: str) -> bool:
    """``_TERMINAL`` found in the last 80 characters.

    Most lines end with the punctuation itself, perhaps followed by closing quotes or brackets:
    that is a match of the pattern's first alternative, found without the regex (the punctuation
    and the closing characters are disjoint sets, so stripping the closers finds it exactly).
    The regex decides everything else.
    """
    tail = text[-80:]
    if tail.rstrip(_CLOSING_CHARS)[-1:] in _TERMINAL_CHARS:  # "" (nothing left) is not in the set
        return True
    return _TERMINAL.search(tail) is not None


# What str.split() splits ASCII text on, besides the single space (and two spaces in a row).
_ASCII_OTHER_SPACE = ("  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def single_spaced(text: str) -> bool:
    """ASCII text whose only whitespace is single spaces between words: ``" ".join(text.split()) == text``.

    A cheap test (one scan per character kind, in C) that lets callers skip splitting and joining.

    >>> single_spaced("Storm hits coast"), single_spaced("Storm  hits"), single_spaced(" Storm"), single_spaced("a\tb")
    (True, False, False, False)
    """
    return (
        text.isascii()
        and text[:1] != " "
        and text[-1:] != " "
        and not any(map(text.__contains__, _ASCII_OTHER_SPACE))
    )


def line_key(text: str) -> str:
    """Comparison key of a line: lower case, single spaces (cheap: computed for every line)."""
    if single_spaced(text):  # most lines: nothing to split and join again
        return text.lower()
    return " ".join(text.split()).lower()


def _word_count(text: str) -> int:
    """``len(text.split())``: on single-spaced text, the number of spaces + 1."""
    if text and single_spaced(text):
        return text.count(" ") + 1
    return len(text.split())


def _separators(head: str) -> int:
    """Number of ``_SEPARATORS`` matches; none without a separator character (ASCII text: ``| > /``)."""
    if head.isascii():
        if "|" not in head and ">" not in head and "/" not in head:
            return 0
    elif _SEPARATOR_CHAR.search(head) is None:
        return 0
    return len(_SEPARATORS.findall(head))


def _sentence_like(text: str, words: int, terminal: bool, cased: bool, lower_ratio: float) -> bool:
    if words == 0:
        return False
    if not cased:  # scripts without case (CJK, Hangul, Thai …): length decides
        return terminal or len(text) >= 40
    if terminal and words >= 2 and (lower_ratio >= 0.3 or words <= 4):
        return True
    return words >= 14 and lower_ratio >= 0.55


def _anchor(text: str, words: int, cased: bool, lower_ratio: float, separators: int, *, sentence_like: bool) -> bool:
    if not cased:
        return len(text) >= 60
    return sentence_like and words >= 9 and lower_ratio >= 0.4 and separators == 0


# The vocabularies as str and as ASCII bytes (an ASCII line is tokenised as bytes, see _ascii_words).
# "Like" opens a prompt only before what is to be liked ("Like us on Facebook", "Like and share"); "Like
# near rivals City, United …" is a preposition.
_LIKED = frozenset("us our this and share it".split())
_STR_VOCABULARY = (_ANY_INTERFACE, INTERFACE_WORDS, _READER, _SECOND_PERSON, _IMPERATIVE, _LIKED)
_BYTES_VOCABULARY = tuple(frozenset(word.encode("ascii") for word in words) for words in _STR_VOCABULARY)
# Every ASCII byte that _ASCII_WORD cannot match becomes a space.
_ASCII_NON_WORD_TO_SPACE = bytes(
    code if chr(code).isascii() and (chr(code).isalnum() or chr(code) == "'") else 32 for code in range(256)
)
_ASCII_WORD_BYTES = re.compile(_ASCII_WORD.pattern.encode("ascii"))


def _ascii_words(head: str) -> tuple[list[bytes], int, int]:
    """The ``_ASCII_WORD`` tokens of an ASCII line, lower-cased, as bytes; how many start lower / upper case.

    The same tokens as ``_ASCII_WORD.findall(head)``, without the regex in the common case: once every
    byte the pattern cannot match is a space, the tokens are the space-separated runs, unless an
    apostrophe is not between two letters or digits (a quotation mark: ``'word'``, ``dogs'``,
    ``''``), where the pattern decides.  Bytes, because splitting bytes and counting initials on
    them costs a fraction of the regex and of lower-casing the tokens one by one.

    >>> _ascii_words("Don't miss 'The Big Match' tonight")
    ([b"don't", b'miss', b'the', b'big', b'match', b'tonight'], 2, 4)
    """
    data = head.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE)
    if b"'" in data and (b"''" in data or b" '" in data or b"' " in data or data[:1] == b"'" or data[-1:] == b"'"):
        tokens = _ASCII_WORD_BYTES.findall(data)
        low = b" ".join(tokens).lower().split()
    else:
        tokens = data.split()
        low = data.lower().split()
    n = len(tokens)
    initials = bytes(map(itemgetter(0), tokens))
    lower = n - len(initials.translate(None, _ASCII_LOWER))
    title = n - len(initials.translate(None, _ASCII_UPPER))
    return low, lower, title


_US_WORD = re.compile(r"\b[Uu]s\b")


def _reader_beyond_country(head: str, low: list[str] | list[bytes], reader_words: frozenset) -> bool:  # type: ignore[type-arg]
    """Whether a line holding ``US`` addresses the reader with another word (or with ``us`` written small).

    >>> LineShape.of("the growing alliances against the US dollar").reader
    False
    >>> LineShape.of("Tell us what the US should do").reader, LineShape.of("FOLLOW US ON TWITTER").reader
    (True, True)
    """
    found = reader_words.intersection(low)
    if len(found) > 1 or (b"us" not in found and "us" not in found):
        return True
    return _US_WORD.search(head) is not None


def _opens_imperative(low: list[str] | list[bytes], imperatives: frozenset, liked: frozenset) -> bool:  # type: ignore[type-arg]
    """The first word is an imperative a page uses (a "Like" only before what is to be liked).

    A "Please" before it is the page asking too: "Please enable JavaScript to watch this video".

    >>> LineShape.of("Please enable Javascript to watch this video").interface_like
    True
    >>> LineShape.of("Please remain calm, the police said.").imperative
    False
    """
    if low and low[0] in ("please", b"please"):
        low = low[1:]
    if not low or low[0] not in imperatives:
        return False
    if low[0] not in ("like", b"like") or len(low) == 1:
        return True
    return low[1] in liked


@dataclass(frozen=True, slots=True)
class LineShape:
    """Cheap shape features of one stripped line (``sentence_like`` and ``anchor`` derived from the rest)."""

    text: str
    words: int
    terminal: bool
    cased: bool
    lower_ratio: float
    title_ratio: float
    interface_ratio: float
    strong: int
    reader: bool
    addressed: bool
    imperative: bool
    separators: int
    #: Looks like prose: ends like a sentence, or is long and mostly lower-case words.
    sentence_like: bool
    #: Certainly article prose: a sentence-like line of some length.
    anchor: bool

    @classmethod
    def of(cls, text: str) -> LineShape:
        """Compute the features of ``text`` (already stripped)."""
        # Ratios come from the first _SHAPE_CHARS characters: long lines are prose either way, and
        # tokenising whole paragraphs would dominate the cleaner's cost.  The loops run in C (map,
        # filter, set operations): this is the per-line cost of the whole cleaner.
        long = len(text) > _SHAPE_CHARS
        head = text[:_SHAPE_CHARS] if long else text
        low: list[str] | list[bytes]
        vocabulary: tuple[frozenset[str], ...] | tuple[frozenset[bytes], ...]
        if head.isascii():
            low, lower, title = _ascii_words(head)
            vocabulary = _BYTES_VOCABULARY
        else:
            tokens = _WORD.findall(head)
            firsts = "".join(map(itemgetter(0), tokens))
            if firsts.isascii():  # count a-z / A-Z by deleting them from the bytes (C speed)
                initials = firsts.encode("ascii")
                lower = len(tokens) - len(initials.translate(None, _ASCII_LOWER))
                title = len(tokens) - len(initials.translate(None, _ASCII_UPPER))
            else:
                lower = sum(map(str.islower, firsts))
                title = sum(map(str.isupper, firsts))
            low = list(map(str.lower, tokens))
            vocabulary = _STR_VOCABULARY
        any_interface, strong_interface, reader_words, second_person, imperatives, liked = vocabulary
        n = len(low)
        flagged = list(filter(any_interface.__contains__, low))
        strong = sum(map(strong_interface.__contains__, flagged)) if flagged else 0
        interface = strong + 0.5 * (len(flagged) - strong)
        words = max(n, _word_count(text)) if long else n
        terminal = _terminal(text)
        cased = n == 0 or (lower + title) >= 0.3 * n
        lower_ratio = lower / n if n else 0.0
        separators = _separators(head)
        sentence_like = _sentence_like(text, words, terminal, cased, lower_ratio)
        reader = not reader_words.isdisjoint(low)
        if reader and lower and "US" in head:  # the country in a line of prose, not "us" (13th round)
            reader = _reader_beyond_country(head, low, reader_words)
        return cls(
            text=text,
            words=words,
            terminal=terminal,
            cased=cased,
            lower_ratio=lower_ratio,
            title_ratio=title / n if n else 0.0,
            interface_ratio=interface / n if n else 0.0,
            strong=strong,
            reader=reader,
            addressed=not second_person.isdisjoint(low) and text[:1] not in QUOTE_OPENERS,
            imperative=_opens_imperative(low, imperatives, liked),
            separators=separators,
            sentence_like=sentence_like,
            anchor=_anchor(text, words, cased, lower_ratio, separators, sentence_like=sentence_like),
        )

    @property
    def terminal_question(self) -> bool:
        """Ends with a question mark (interview questions repeat on a page and are content)."""
        return self.text.rstrip(" \"'”’)").endswith("?")

    @property
    def interface_like(self) -> bool:
        """Talks about the page rather than the news: a prompt, a share bar, a counter."""
        if self.words == 0 or self.words > 16:
            return False
        if self.interface_ratio >= 0.5:
            return True
        if self.imperative and (self.interface_ratio >= 0.15 or self.reader):
            return True
        return self.reader and self.interface_ratio >= 0.2

    @property
    def promo(self) -> bool:
        """Prose that addresses the reader about the page (sign up, comment, your data …)."""
        if self.text[:1] in QUOTE_OPENERS:  # a quotation is not the page talking
            return False
        if self.words > 45 or not (self.addressed or self.imperative):
            return False
        return self.strong >= (1 if self.imperative or not self.anchor else 2)


def talks_about_page(text: str) -> bool:
    """A line or sentence in which the page talks to the reader about itself.

    :attr:`LineShape.promo` or :attr:`LineShape.interface_like`; one opening a quotation never does.

    >>> talks_about_page("Sign up for our daily newsletter."), talks_about_page('"Sign up now," the coach said.')
    (True, False)
    """
    text = text.strip()
    if text[:1] in QUOTE_OPENERS:
        return False
    shape = LineShape.of(text)
    return shape.promo or shape.interface_like
