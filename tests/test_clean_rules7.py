"""Structural rule of the seventh round: a box scraped with the text (fixture texts written for these tests).

A page scraped two or three times holds its text, boxes inside it included, two or three times.  A box
that comes back with the text every time is part of it (its first copy is kept, later copies are
duplicates); residue is still removed: a widget found in some copies only, a menu above each copy,
a box repeated between different paragraphs.
"""

from __future__ import annotations

from collections import Counter

from clean_fixtures import clean_page as clean
from clean_fixtures import paragraphs, reason_of
from newsbrief.clean_blocks import rescraped_boxes
from newsbrief.clean_lines import units_of
from newsbrief.clean_shape import line_key

TITLE = "Nordlicht X2 review: a bright little camera with a slow shutter"
INTRO = [
    "Nordlicht has spent three years promising a pocket camera for people who never read the manual.",
    "The X2 is that camera, mostly, and it costs about as much as last year's mid-range phones.",
]
#: A review's score box: product name, pros and cons as indented list items, a verdict heading.
BOX = [
    "Nordlicht",
    "X2",
    "Pros",
    "    Bright, sharp lens",
    "    Battery lasts for days of shooting",
    "    Light enough for a coat pocket",
    "Cons",
    "    The shutter lags in dim rooms",
    "    Menus hide the useful settings",
    "Verdict",
]
VERDICT = "The X2 takes lovely pictures in daylight, but its slow shutter makes it hard to recommend for parties."
REST = [
    "The body is a plain grey box with rounded corners and a single dial on top for the shooting modes.",
    "Battery",
    "Battery life was the best we have measured this year: four days of shooting on a single charge.",
    "Indoors the camera struggles, and the shutter waits almost half a second before it fires in a dim room.",
]
#: A picture gallery's widget, shown from the second page of the review on.
GALLERY = ["Gallery | 24 Photos", "Nordlicht X2 review", "    + See all 24"]


def scraped(copies: int, *, gallery: bool = True, menu: tuple[str, ...] = ()) -> str:
    """The review's page with its text scraped ``copies`` times (the gallery in the later copies)."""
    parts = [TITLE]
    for copy in range(copies):
        parts += [*menu, *INTRO]
        if copy and gallery:
            parts += GALLERY
        parts += [*BOX, VERDICT, *REST]
    return "\n\n".join(parts)


ARTICLE = [*INTRO, *(line.strip() for line in BOX), VERDICT, *REST]


def test_a_review_box_scraped_with_the_text_is_kept_once() -> None:
    for copies in (2, 3):
        result = clean(scraped(copies))
        assert paragraphs(result) == ARTICLE
        duplicates = [r.line for r in result.main.removed if r.reason == "duplicate line"]
        assert duplicates.count("Pros") == duplicates.count("Bright, sharp lens") == copies - 1
        assert duplicates.count("Battery") == copies - 1  # a sub-heading found again is a duplicate too


def test_a_widget_found_in_some_copies_only_is_removed() -> None:
    result = clean(scraped(3))
    assert {reason_of(result, line.strip()) for line in GALLERY} == {"navigation"}
    assert not any(line.strip() in paragraphs(result) for line in GALLERY)


def test_a_menu_above_each_copy_of_the_text_is_removed() -> None:
    menu = ("Home", "Cameras", "Phones", "Laptops", "Deals")
    result = clean(scraped(2, gallery=False, menu=menu))
    assert paragraphs(result) == ARTICLE
    assert reason_of(result, "Cameras") == "navigation"


def test_a_box_repeated_between_different_paragraphs_is_removed() -> None:
    teasers = [
        "Lens makers of the north",
        "How a small workshop grinds lenses by hand for the big camera brands",
        "Best pocket cameras",
    ]
    result = clean("\n\n".join([TITLE, *INTRO, *teasers, VERDICT, REST[0], *teasers, *REST[2:]]))
    assert paragraphs(result) == [*INTRO, VERDICT, REST[0], *REST[2:]]
    assert {reason_of(result, t) for t in teasers} == {"related links"}


def test_rescraped_boxes_needs_every_copy_before_the_same_paragraph() -> None:
    def boxes(parts: list[str]) -> dict[int, int]:
        units = units_of("\n\n".join(parts))
        keys = [line_key(u.text) for u in units]
        return rescraped_boxes(units, keys, Counter(keys))

    box = ["Key facts", "Two ramps damaged"]
    first, second = INTRO
    assert boxes([first, *box, second] * 2) == {5: 1, 6: 2}
    assert boxes([first, *box, second, first, *box, VERDICT]) == {}  # another paragraph after the second copy
    assert boxes([*box, first, second] * 2) == {}  # above the first paragraph: a menu, not the text
    assert boxes([first, *box, second, second, first, *box]) == {}  # no paragraph after the last copy
