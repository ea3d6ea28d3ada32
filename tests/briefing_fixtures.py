"""Multi-source test stories for the brief-core tests: texts written for these tests (not copied from data)."""

from __future__ import annotations

import datetime as dt

from newsbrief import text as textmod
from newsbrief.model import Article, Removal

BRIDGE = {
    "river-times.txt": (
        "Bridge closed after flood damage",
        dt.date(2024, 3, 4),
        "The Old Mill Bridge in Dunmore was closed on Monday after floodwater damaged two of its supports.\n\n"
        "Engineers said the repairs would cost about 2.4 million euros and take six weeks.\n\n"
        "Mayor Clara Voss said the town would run a free shuttle bus until the bridge reopens.\n\n"
        "Local shop owners fear a drop in trade during the closure.",
    ),
    "valley-post.txt": (
        "Dunmore bridge shut as flood weakens supports",
        dt.date(2024, 3, 4),
        "Floodwater damaged two supports of the Old Mill Bridge in Dunmore, which was closed on Monday.\n\n"
        "Repairs will cost about 2.4 million euros and take six weeks, engineers said.\n\n"
        "A free shuttle bus will run until the bridge reopens, Mayor Clara Voss said.\n\n"
        "The river rose by three metres in two days, the highest level since 1998.",
    ),
    "north-wire.txt": (
        "SHOCKING: town cut in half!!",
        dt.date(2024, 3, 5),
        "The Old Mill Bridge in Dunmore was closed after floodwater damaged its supports.\n\n"
        "Engineers said the repairs would cost about 3 million euros.\n\n"
        "The mayor did not say whether a shuttle bus would run.\n\n"
        "Police diverted traffic through the village of Kells on Tuesday.",
    ),
}


def make_article(source: str, title: str | None, text: str, published: dt.date | None = None, **kw: object) -> Article:
    """An article built the way ``meta.py`` builds ids."""
    chash = textmod.content_hash(text)
    return Article(
        id=textmod.article_id(source, chash),
        content_hash=chash,
        source=source,
        title=title,
        text=text,
        published=published,
        **kw,  # type: ignore[arg-type]
    )


def bridge_articles() -> list[Article]:
    """Three reports of one story, with one syndicated copy of the first under another source."""
    arts = [make_article(src, title, text, date) for src, (title, date, text) in BRIDGE.items()]
    title, date, text = BRIDGE["river-times.txt"]
    copy = make_article(
        "daily-echo.txt", title, text, date, outlet="Daily Echo", removed=(Removal("Share this article", "share button", 1),)
    )
    return [*arts, copy]
