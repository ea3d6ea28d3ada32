r"""Cleaning: remove scraping residue from an article's text, keep what was removed and why.

The cleaner works on lines (or, for hard-wrapped text, on paragraphs) and decides with structural
signals, not with a table of phrases: the shape of a line (:mod:`newsbrief.clean_lines`), its
position (before the headline / the first prose paragraph, or after the last one), runs of short
link-like lines, lines recurring across the documents of a batch or of one outlet (:meth:`Cleaner.observe`),
similarity to the headline (rapidfuzz), and the topic shift that marks an unrelated appended story
(:mod:`newsbrief.clean_split`).  Bylines, datelines and date lines go to ``meta_lines``.

>>> raw = RawDocument("a.txt", "World > Europe\nStorm hits coast\nStorm hits coast\nBy Jane Doe\n"
...     "A storm hit the northern coast on Monday, cutting power to thousands of homes.\n"
...     "Advertisement\nOfficials said repairs could take a week or longer in some areas.\n12 comments")
>>> result = Cleaner(options=CleanOptions()).clean(raw)
>>> result.main.title
'Storm hits coast'
>>> print(result.main.text)
A storm hit the northern coast on Monday, cutting power to thousands of homes.
<BLANKLINE>
Officials said repairs could take a week or longer in some areas.
>>> [(r.reason, r.line) for r in result.main.removed][:3]
[('navigation', 'World > Europe'), ('repeated headline', 'Storm hits coast'), ('byline', 'By Jane Doe')]
>>> result.main.meta_lines
('By Jane Doe',)
"""

from __future__ import annotations

import zlib
from collections import Counter
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlparse

from newsbrief.clean_blocks import (
    names_above_headings,
    picture_captions,
    pull_quotes,
    repeated_controls,
    repeated_links,
    rescraped_block,
    rescraped_boxes,
    tag_lines,
    tail_box_headers,
    tail_end_line,
    unopened_header,
    widget_blocks,
)
from newsbrief.clean_dates import META_REASONS as DATE_META_REASONS
from newsbrief.clean_dates import (
    is_byline,
    is_byline_role,
    is_clock_time,
    is_date_line,
    is_dateline,
    is_post_signature,
    universal_reason,
)
from newsbrief.clean_headline import (
    between_headline_copies,
    drop_repeated_headline,
    find_title,
    recurring_headline,
)
from newsbrief.clean_lines import (
    LINK_WORDS,
    Unit,
    english_share_reaches,
    has_contact,
    has_credit,
    has_email,
    has_url,
    interface_label,
    is_bare_url,
    is_bracketed_teaser,
    is_counter,
    is_decorative_marker,
    is_identifier,
    is_pointer_prompt,
    is_site_labelled_link,
    is_symbol_controls,
    labelled_headline,
    navigation_like,
    only_interface_words,
    units_of,
)
from newsbrief.clean_media import (
    is_gallery_header,
    is_gallery_position,
    is_positioned_caption,
    lone_indented,
    lone_placeholders,
    media_titles,
)
from newsbrief.clean_notes import author_notes, news_promos, site_notices, trim_trailing_prompts
from newsbrief.clean_runs import (
    DATA_ROW,
    KEY_VALUE,
    bulleted_lists,
    caption_neighbours,
    comment_section,
    edge_boxes,
    edge_promos,
    glued_teasers,
    graphic_labels,
    introduced_lists,
    is_underline,
    menu_runs,
    prompt_neighbours,
    related_runs,
    shared_notices,
    shouted_teasers,
    stacked_headings,
    tail_runs,
    tail_widgets,
    teaser_buttons,
    titles_after_box,
    topical_talk,
    unterminated_inserts,
)
from newsbrief.clean_shape import line_key
from newsbrief.clean_split import DATELINE, reads_as_headline, split_appended
from newsbrief.model import CleanResult, CleanText, RawDocument, Removal
from newsbrief.settings import CleanOptions

if TYPE_CHECKING:  # the residue model (and NumPy) load only when it is switched on
    import numpy as np

    from newsbrief.clean_model import ResidueModel

#: Reasons that mark metadata lines (kept in ``meta_lines``, listed in ``removed`` for ``--explain``).
META_REASONS = DATE_META_REASONS  # defined in clean_dates, re-exported here

#: Every reason the cleaner gives, documented in docs/cleaning.md.
REASONS = (
    "navigation",
    "section label",
    "repeated headline",
    "byline",
    "dateline",
    "date line",
    "caption",
    "interface",
    "counter",
    "link",
    "related links",
    "recurring",
    "duplicate line",
    "section marker",
    "tail list",
    "tail prompt",
    "contact",
    "comments",
    "graphic",
    "media",
    "pull quote",
    "shared notice",
    "author note",
    "identifier",
    "site notice",
    "editor note",
)

_MAX_OBSERVED_CHARS = 160
_MAX_OBSERVED_KEYS = 500_000
#: A line of at least this many words ending like a sentence counts for :meth:`Cleaner.copies`.
_COPY_WORDS = 8
#: ... and a page needs this many such lines to be an article that was republished.
_COPY_LINES = 3
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’", ")")


def _prose_key(line: str) -> int:
    """A stable 32-bit key of a long line (the line itself would hold the whole batch's prose in memory)."""
    return zlib.crc32(line_key(line).encode("utf-8"))


def _outlet_key(raw: RawDocument) -> str | None:
    outlet = raw.record_meta.get("outlet") if raw.record_meta else None
    if outlet:
        return outlet.lower()
    if raw.url:
        host = urlparse(raw.url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


class Cleaner:
    """Removes scraping residue; batch statistics come from :meth:`observe` (optional).

    The object holds the counts of short lines seen per document across the batch and per outlet;
    :meth:`clean` is pure given those counts and never raises.
    """

    def __init__(self, *, options: CleanOptions, model: ResidueModel | None = None) -> None:
        self.options = options
        #: The residue-line model (the shipped one unless given; none when ``options.residue_model`` is off).
        self.model = model if model is not None or not options.residue_model else _load_model()
        self._batch: Counter[str] = Counter()
        self._outlet: Counter[tuple[str, str]] = Counter()
        self._prose: Counter[int] = Counter()
        self._docs = 0

    # -- batch statistics -------------------------------------------------------------------------
    def observe(self, raw: RawDocument) -> None:
        r"""Count the short lines of ``raw`` (each once per document) for recurrence checks, and its long ones.

        Memory is bounded: when more than ``_MAX_OBSERVED_KEYS`` distinct lines are held, the lines
        seen only once are forgotten (a line that recurs is seen again soon in a news stream).

        >>> c = Cleaner(options=CleanOptions(min_recurring=2))
        >>> for n in range(2):
        ...     c.observe(RawDocument(f"{n}.txt", f"Headline {n}\nTap to follow us\nBody text number {n} here."))
        >>> c.recurring("Tap to follow us", None)
        True
        """
        try:
            keys: set[str] = set()
            prose: set[int] = set()  # the long lines, for :meth:`copies`
            for line in (raw.text or "").splitlines():
                size = len(line.strip())
                if size > _MAX_OBSERVED_CHARS:
                    prose.add(_prose_key(line))
                elif size:
                    keys.add(line_key(line))
        except Exception:  # noqa: BLE001 - observe must never break a run
            return
        outlet = _outlet_key(raw)
        self._docs += 1
        keys.discard("")
        self._batch.update(keys)  # +1 for each key (Counter counts an iterable in C)
        if outlet:
            self._outlet.update(zip(repeat(outlet), keys))
        self._prose.update(prose)
        if len(self._prose) > _MAX_OBSERVED_KEYS:
            self._prose = Counter({k: c for k, c in self._prose.items() if c > 1})
        if len(self._batch) > _MAX_OBSERVED_KEYS:
            self._batch = Counter({k: c for k, c in self._batch.items() if c > 1})
        if len(self._outlet) > _MAX_OBSERVED_KEYS:
            self._outlet = Counter({k: c for k, c in self._outlet.items() if c > 1})

    def recurring(self, line: str, outlet: str | None) -> bool:
        """True when ``line`` was observed in at least ``min_recurring`` documents (batch or outlet)."""
        return self._recurring_key(line_key(line), outlet)

    def copies(self, text: str) -> int:
        """How many observed documents carry ``text``'s prose: 1, or more for a republished article.

        The lower quartile, over the lines of ``text`` that end like a sentence and have at least eight
        words (three such lines at least, else 1), of the number of observed documents each was seen in:
        a short story under a site's footer sentences is still one document.  Wire copies and syndicated
        articles repeat their sentences, so their short lines (sub-headings, list items) recur in the
        batch too without being boilerplate; an article's own sentences are seen once.
        """
        counts = []
        for line in text.splitlines():
            line = line.strip()
            if line.endswith(_SENTENCE_END) and line.count(" ") >= _COPY_WORDS - 1:
                if len(line) > _MAX_OBSERVED_CHARS:
                    counts.append(self._prose.get(_prose_key(line), 0))
                else:
                    counts.append(self._batch.get(line_key(line), 0))
        if len(counts) < _COPY_LINES:  # a page of one or two sentences (a template, a notice): no article to copy
            return 1
        counts.sort()
        return max(1, counts[(len(counts) - 1) // 4])

    def _recurring_key(self, key: str, outlet: str | None, copies: int = 1) -> bool:
        """:meth:`recurring` for a line whose :func:`line_key` is known.

        ``copies`` (:meth:`copies`) of the line's document are discounted: a line recurs only when
        documents beyond them hold it too.
        """
        threshold = max(2, self.options.min_recurring) + copies - 1
        if self._batch.get(key, 0) >= threshold:
            return True
        return bool(outlet) and self._outlet.get((outlet or "", key), 0) >= max(2, threshold - 1)

    # -- cleaning ---------------------------------------------------------------------------------
    def clean(self, raw: RawDocument) -> CleanResult:
        """Clean one document: the main story and any unrelated story appended to it."""
        try:
            return self._clean(raw)
        except Exception:  # noqa: BLE001 - contract: never raises; fall back to the trimmed lines
            meta_title = (raw.record_meta or {}).get("title") or None
            lines = [line.strip() for line in str(raw.text or "").splitlines() if line.strip()]
            return CleanResult(CleanText(meta_title, "\n\n".join(lines)))

    def _clean(self, raw: RawDocument) -> CleanResult:
        page = self._rules(raw)
        units, reasons, title, title_idx = page.units, page.reasons, page.title, page.title_idx
        if self.model is not None:
            self._apply_model(page)
        if page.english:  # a flattened page's closing prompts, inside its last paragraph (twelfth round)
            trim_trailing_prompts(units, reasons, title_idx)
        body = [i for i, u in enumerate(units) if reasons[i] is None and i != title_idx]
        parts = [body]
        if self.options.split_appended and page.english:
            parts = split_appended(units, body, reasons, title)
        bounds = [part[0] for part in parts[1:]] + [len(units)]
        main = _clean_text(units, reasons, parts[0], title, page.title_meta, hi=bounds[0], skip=title_idx)
        appended = tuple(
            _appended_text(units, reasons, part, lo=part[0], hi=bounds[k + 1]) for k, part in enumerate(parts[1:])
        )
        return CleanResult(main, appended)

    def _apply_model(self, page: _Page) -> None:
        """Remove the kept lines the model scores as residue, unless that would take most of the body.

        The model trims residue around and inside an article; it never takes the article itself: it
        scores only :func:`newsbrief.clean_model.eligible` lines (not long, not inside the prose), and
        when its removals would leave less than half of the body's words (a page of one hard-wrapped
        paragraph, a short body), the rules' decision stands.
        """
        from newsbrief.clean_model import eligible, model_reason

        body = _candidates(page)
        if len(body) < 2 or self.model is None:
            return
        candidates = [i for i in body if eligible(page.units, page.reasons, i)]
        if not candidates:
            return
        probabilities = self.model.probabilities(self._features(page, candidates)).tolist()
        chosen = [(i, p) for i, p in zip(candidates, probabilities, strict=True) if p >= self.model.cutoff]
        if not chosen:
            return
        words = sum(page.units[i].shape.words for i in body)
        if 2 * sum(page.units[i].shape.words for i, _ in chosen) > words:
            return
        for i, p in chosen:
            page.reasons[i] = model_reason(p)

    def _rules(self, raw: RawDocument) -> _Page:
        """The rules' decisions for every line of ``raw`` (before the model)."""
        units = units_of(raw.text or "")
        meta_title = ((raw.record_meta or {}).get("title") or "").strip() or None
        outlet = _outlet_key(raw)
        english = _english(units)
        reasons, listed = _classify(units, self, outlet, english=english, copies=self.copies(raw.text or ""))
        if english and not meta_title:
            recurring_headline(units, reasons)
        title, title_idx, title_meta = find_title(units, reasons, meta_title)
        if title:
            drop_repeated_headline(units, reasons, title, title_idx)
            between_headline_copies(units, reasons, title_idx)
        unopened_header(units, reasons, skip=title_idx)
        edge_boxes(units, reasons, skip=title_idx)
        tail_end_line(units, reasons, skip=title_idx)
        text = raw.text or ""
        if english:
            lines: list[str] | None = text.splitlines()
            if len(units) != sum(1 for line in lines if line.strip()):  # hard-wrapped paragraphs, not lines
                lines = None
            elif "\n    " in text or "\n\t" in text:
                lone_indented(units, reasons, lines)
            stacked_headings(units, reasons, listed, lines)
            titles_after_box(units, reasons, lines)
        return _Page(units, reasons, title, title_idx, title_meta, english)

    def _features(self, page: _Page, rows: list[int]) -> np.ndarray:
        from newsbrief.clean_model import features

        recurring = [False] * len(page.units)
        for i in rows:
            recurring[i] = self._batch.get(line_key(page.units[i].text), 0) >= 2
        return features(
            page.units,
            page.reasons,
            rows=rows,
            title=page.title,
            title_idx=page.title_idx,
            english=page.english,
            recurring=recurring,
        )

    def line_features(self, raw: RawDocument) -> tuple[list[Unit], list[int], list[bool], np.ndarray]:
        """Every line but the headline with its features, and whether the model may remove it (to train it).

        Returns the units of ``raw``, the indices of the lines, for each whether it is a model
        candidate (kept by the rules and :func:`newsbrief.clean_model.eligible`) and the feature
        matrix (:func:`newsbrief.clean_model.features`).
        """
        from newsbrief.clean_model import eligible

        page = self._rules(raw)
        rows = [i for i in range(len(page.units)) if i != page.title_idx]
        candidate = [page.reasons[i] is None and eligible(page.units, page.reasons, i) for i in rows]
        return page.units, rows, candidate, self._features(page, rows)


class _Page(NamedTuple):
    """One document after the rules: its units, each unit's reason (``None`` = kept), the headline."""

    units: list[Unit]
    reasons: list[str | None]
    title: str | None
    title_idx: int | None
    title_meta: str | None
    english: bool


def _load_model() -> ResidueModel:
    from newsbrief.clean_model import ResidueModel

    return ResidueModel.load()


def _candidates(page: _Page) -> list[int]:
    """The units the rules keep, except the headline: what the model may still remove."""
    return [i for i, r in enumerate(page.reasons) if r is None and i != page.title_idx]


_ENGLISH_SHARE = 0.12
#: A line found this many times on one page is page furniture, however long, unless it repeats with
#: the same neighbour each time (a page scraped three times: :func:`clean_blocks.rescraped_block`).
_BOILERPLATE_REPEATS = 3
_PREFIX_CHARS = 100


def _english(units: list[Unit]) -> bool:
    """English prose by its share of function words, over the first lines (bounded cost)."""
    texts, size = [], 0
    for unit in units:
        texts.append(unit.text)
        size += len(unit.text)
        if size > 1500:
            break
    return english_share_reaches(texts, _ENGLISH_SHARE)  # english_share(texts) >= _ENGLISH_SHARE, decided early


def _classify(
    units: list[Unit], cleaner: Cleaner, outlet: str | None, *, english: bool, copies: int = 1
) -> tuple[list[str | None], list[bool]]:
    """A reason for every residue unit (``None`` for body and headline candidates), and the list flags.

    ``copies``: how many observed documents carry this one's prose (:meth:`Cleaner.copies`).

    The flags say which units are items of a list in the text (:func:`newsbrief.clean_runs.introduced_lists`)
    or the first copy of a box scraped with the text (:func:`newsbrief.clean_blocks.rescraped_boxes`).
    """
    n = len(units)
    anchors = [i for i, u in enumerate(units) if u.shape.anchor]
    if anchors:
        first, last = anchors[0], anchors[-1]
    else:
        prose = [i for i, u in enumerate(units) if u.shape.sentence_like]
        first, last = (prose[0], prose[-1]) if prose else (n, -1)
    listed = introduced_lists(units)
    reasons: list[str | None] = [None] * n
    seen: set[str] = set()
    keys = [line_key(u.text) for u in units]
    counts = Counter(keys)
    # Long lines that differ only in their ends (a tracking id, a URL) still repeat by their start.
    prefixes = Counter(k[:_PREFIX_CHARS] for k in keys if len(k) > _PREFIX_CHARS)
    positions: dict[str, list[int]] | None = None  # where each repeated line occurs, built when needed
    for i, unit in enumerate(units):
        ctx = _Context(i, first, last, english, listed[i], copies)
        reasons[i] = _unit_reason(unit, ctx, cleaner, outlet, seen, keys[i])
        repeated = counts[keys[i]] >= _BOILERPLATE_REPEATS or (
            len(keys[i]) > _PREFIX_CHARS and prefixes[keys[i][:_PREFIX_CHARS]] >= _BOILERPLATE_REPEATS
        )
        # A data row repeats its values for different items (``1989-90: 20 players born in UK``): a table, not furniture.
        data_row = DATA_ROW.match(unit.text) is not None and not unit.shape.terminal
        # The page's first line repeated below it is the headline, whose copies go (drop_repeated_headline).
        headline = i == 0 and not unit.shape.terminal
        if english and reasons[i] is None and repeated and unit.shape.words >= 10 and not unit.shape.terminal_question and not data_row and not headline:
            if positions is None:
                positions = {}
                for k, key in enumerate(keys):
                    if counts[key] > 1:
                        positions.setdefault(key, []).append(k)
            # A paragraph of a page scraped three times is not furniture: _second_copies keeps its first copy.
            if not rescraped_block(keys, i, positions):
                reasons[i] = "duplicate line"
        if reasons[i] is None:
            seen.add(keys[i])
    tail_widgets(units, reasons)
    repeated_controls(units, reasons)
    tag_lines(units, reasons)
    if english:
        # A box that comes back with the text each time the page was scraped is part of the text: its
        # first copy is content like a list's items (no menu, no inserted box), later copies duplicates.
        boxes = rescraped_boxes(units, keys, counts)
        for first_copy in set(boxes.values()):
            listed[first_copy] = True
        media_titles(units, reasons)
        repeated_links(units, reasons, keys)
        comment_section(units, reasons)
        menu_runs(units, reasons, listed)
        tail_runs(units, reasons, last, listed)
        related_runs(units, reasons, first)
        teaser_buttons(units, reasons)
        prompt_neighbours(units, reasons)
        caption_neighbours(units, reasons)
        picture_captions(units, reasons)
        pull_quotes(units, reasons)
        names_above_headings(units, reasons)
        widget_blocks(units, reasons)
        tail_box_headers(units, reasons)
        shouted_teasers(units, reasons)
        glued_teasers(units, reasons)
        unterminated_inserts(units, reasons, listed)
        graphic_labels(units, reasons, listed)
        lone_placeholders(units, reasons)
        edge_promos(units, reasons)
        news_promos(units, reasons)
        author_notes(units, reasons)
        site_notices(units, reasons)
        batch = cleaner._batch  # read only: how recurrence is counted is observe's
        shared_notices(units, reasons, lambda i: batch.get(keys[i], 0), threshold=max(3, cleaner.options.min_recurring))
        bulleted_lists(units, reasons)
        topical_talk(units, reasons)
        _second_copies(units, reasons, keys, boxes)
        _quoted_posts(units, reasons)
        _underlines(units, reasons)
    return reasons, listed


_POST_TEXT_REASONS = frozenset({"link", "interface", "tail prompt", "tail list", "date line"})


def _quoted_posts(units: list[Unit], reasons: list[str | None]) -> None:
    """The line above an embedded post's signature is the post's text (its link and all), not residue."""
    for i in range(1, len(units)):
        if reasons[i] is None and reasons[i - 1] in _POST_TEXT_REASONS and is_post_signature(units[i].text):
            reasons[i - 1] = None


def _underlines(units: list[Unit], reasons: list[str | None]) -> None:
    """A rule under a kept heading (``=====`` as long as the line above) underlines it: not a section marker."""
    for i in range(1, len(units)):
        if reasons[i] == "section marker" and reasons[i - 1] is None and is_underline(units[i - 1], units[i]):
            reasons[i] = None


def _second_copies(units: list[Unit], reasons: list[str | None], keys: list[str], boxes: dict[int, int]) -> None:
    """A prose paragraph found again later in the body (the text scraped twice): the first copy is the text.

    So is a box scraped with the text (``boxes``: each later copy's first copy,
    :func:`newsbrief.clean_blocks.rescraped_boxes`): its later copies go when its first copy stays.
    Runs after the rules over runs of lines, which read the page as it was scraped.
    """
    kept: set[str] = set()
    for i, unit in enumerate(units):
        if reasons[i] is not None or not unit.shape.anchor:
            continue
        if keys[i] in kept and not unit.shape.terminal_question:
            reasons[i] = "duplicate line"
        kept.add(keys[i])
    for copy, first_copy in boxes.items():
        if reasons[first_copy] is None:
            reasons[copy] = "duplicate line"


class _Context(NamedTuple):  # made once per line: a tuple is cheaper to build than a frozen dataclass
    i: int
    first: int
    last: int
    english: bool
    listed: bool
    copies: int


def _unit_reason(unit: Unit, ctx: _Context, cleaner: Cleaner, outlet: str | None, seen: set[str], key: str) -> str | None:
    """The reason ``unit`` is residue, or ``None``; ``key`` is its :func:`line_key`."""
    text, shape = unit.text, unit.shape
    if not shape.anchor and shape.words <= 12 and cleaner._recurring_key(key, outlet, ctx.copies):
        # A recurring date or byline is still metadata (meta.py reads it from meta_lines).
        if ctx.english and not ctx.listed and is_date_line(text):
            return "date line"
        if ctx.english and is_byline(text, name_outlet=ctx.i > 0):
            return "byline"
        return "recurring"
    if shape.words == 0:
        return "section marker"
    table_row = text.startswith("|") and text.endswith("|")
    if not shape.sentence_like and shape.words <= 8 and shape.interface_ratio > 0 and not table_row and key in seen:
        return "duplicate line"
    if ctx.i > 0 and is_site_labelled_link(text, shape):  # the page's first line is its own title
        return "link"
    if is_identifier(text):  # a tracking code or a wire's sign-off, in any language
        return "identifier"
    if not ctx.english:
        return universal_reason(text, shape, edge=ctx.i < ctx.first or ctx.i > ctx.last)
    if is_decorative_marker(text):
        return "section marker"
    if is_post_signature(text):  # an embedded post's author and date: part of the quoted post
        return None
    top, tail = ctx.i < ctx.first, ctx.i > ctx.last
    # ``Jane Doe, Reuters`` is a byline under the headline; after the text the same shape is a letter's
    # signature or a contact's name (``Ann Lee, Westerville``, ``Ann Lee, Chief Executive Officer``).
    if (top or tail) and is_byline(text, name_outlet=top and ctx.i > 0):
        return "byline"
    if top and is_byline_role(text):
        return "byline"
    if top and ctx.i > 0 and is_dateline(text):
        return "dateline"
    if (top or tail or (shape.words <= 8 and not is_clock_time(text))) and not ctx.listed and is_date_line(text):
        return "date line"  # a bare time of day between paragraphs heads a live blog's entry
    if is_bare_url(text):
        return "link"
    if (top or tail) and shape.words <= 6 and is_symbol_controls(text):  # ``A+ A-``: the text-size buttons
        return "interface"
    if has_email(text) and shape.words <= 40:
        return "contact"
    if not shape.anchor and navigation_like(shape):
        return "navigation"
    if is_counter(text) or is_gallery_position(text, shape):
        return "counter"
    field = ctx.listed and KEY_VALUE.match(text) is not None  # ``Video: 4K at 30 fps`` in a spec sheet
    if ctx.i == 0 and labelled_headline(text):  # ``PHOTOS: <headline>`` opening the page is its headline
        return None
    if shape.words <= 60 and (
        (has_credit(text) and not field) or is_positioned_caption(text, shape) or is_gallery_header(text, shape)
    ):
        return "caption"
    if is_bracketed_teaser(text):  # after the credits: "[Image: …]" is a caption
        return "related links"
    quoted = text[:1] in "\"“‘«" and shape.sentence_like  # a quotation in prose is never the page talking
    if shape.interface_like and not quoted and (not shape.anchor or (shape.imperative and shape.reader)):
        return "interface"
    if shape.promo or is_pointer_prompt(text, shape):
        return "interface"
    if shape.words <= 5 and not shape.sentence_like and shape.interface_ratio > 0 and only_interface_words(text):
        return "interface"
    if interface_label(text) and not field and shape.words <= LINK_WORDS:
        return "link"
    if shape.words <= 12 and not shape.sentence_like and has_url(text):
        return "link"
    if tail and shape.words <= 40 and (has_contact(text) or has_url(text)):
        return "tail prompt"
    if tail and shape.sentence_like and shape.words <= 20 and shape.reader and shape.interface_ratio > 0:
        return "tail prompt"
    return None


def _removals(units: list[Unit], reasons: list[str | None], lo: int, hi: int) -> list[Removal]:
    return [
        Removal(units[i].text, reason, units[i].line_no)
        for i in range(lo, hi)
        if (reason := reasons[i]) is not None
    ]


def _clean_text(
    units: list[Unit],
    reasons: list[str | None],
    body: list[int],
    title: str | None,
    title_meta: str | None,
    *,
    hi: int,
    skip: int | None,
) -> CleanText:
    removed = _removals(units, reasons, 0, hi)
    meta = [r.line for r in removed if r.reason in META_REASONS]
    if title_meta and skip is not None:
        meta.insert(0, title_meta)
        removed.insert(0, Removal(title_meta, "date line", units[skip].line_no))
    text = "\n\n".join(units[i].text for i in body)
    return CleanText(title, text, tuple(removed), tuple(meta))


def _appended_text(units: list[Unit], reasons: list[str | None], part: list[int], *, lo: int, hi: int) -> CleanText:
    first = units[part[0]]
    title = None
    body = part
    if reads_as_headline(first.shape) and not DATELINE.match(first.text):
        title, body = first.text, part[1:]
    removed = _removals(units, reasons, lo, hi)
    # the appended story's byline under its headline (the page-level rules look for bylines at the top only)
    while title is not None and len(body) > 1 and is_byline(units[body[0]].text, name_outlet=False):
        removed.append(Removal(units[body[0]].text, "byline", units[body[0]].line_no))
        body = body[1:]
    removed.sort(key=lambda r: r.line_no)
    meta = tuple(r.line for r in removed if r.reason in META_REASONS)
    text = "\n\n".join(units[i].text for i in body)
    return CleanText(title, text, tuple(removed), meta)
