"""HTML page → main text and metadata, through trafilatura.

Extraction settings were chosen on the tuning half of the article-extraction benchmark
(``newsbrief eval clean extraction``, see docs/cleaning.md): comments are left out (trafilatura's
default keeps them) and trafilatura's own algorithm runs without its readability/jusText fallbacks
(``fast=True``), which on the tuning half gave the best precision at equal recall.  Tables are kept.
The page is parsed once (``trafilatura.load_html``); metadata is read from the tree, then the
fixes of :mod:`newsbrief.ingest.html_prepare` repair structures trafilatura mishandles: before the
extraction, embedded posts inside discarded wrappers and layout tables; after it, on trafilatura's
body tree, trailing link blocks and the headings before the first paragraph (headline, stand-first).
Residue that survives extraction (repeated headline, prompts, captions …) is the cleaner's job.

>>> page = "<html><head><title>Quake hits Chile</title></head><body><article><p>" + "A strong quake hit Chile on Saturday. " * 5 + "</p></article></body></html>"
>>> text, meta = extract_html(page, url="https://news.example.org/quake")
>>> text.startswith("A strong quake hit Chile"), meta["title"], meta["url"]
(True, 'Quake hits Chile', 'https://news.example.org/quake')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura
from trafilatura.utils import normalize_unicode
from trafilatura.xml import xmltotxt

from newsbrief.ingest.html_prepare import (
    drop_leading_headings,
    drop_trailing_link_lists,
    lift_embedded_posts,
    linked_items,
    unwrap_layout_tables,
)


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """How a page's main text is extracted (defaults: the settings chosen on the tuning half).

    The first five fields are trafilatura's options of the same names; ``lift_posts``,
    ``unwrap_layout``, ``drop_link_lists`` and ``drop_lead_headings`` switch the markup fixes of
    :mod:`newsbrief.ingest.html_prepare`.
    """

    include_comments: bool = False
    include_tables: bool = True
    favor_precision: bool = False
    favor_recall: bool = False
    fast: bool = True
    lift_posts: bool = True
    unwrap_layout: bool = True
    drop_link_lists: bool = True
    drop_lead_headings: bool = True

    def trafilatura_options(self) -> dict[str, Any]:
        """The keyword arguments for ``trafilatura.extract``."""
        return {
            "include_comments": self.include_comments,
            "include_tables": self.include_tables,
            "favor_precision": self.favor_precision,
            "favor_recall": self.favor_recall,
            "fast": self.fast,
            "deduplicate": False,
        }


def extract_html(
    html: str, *, url: str | None = None, options: HtmlOptions | None = None
) -> tuple[str, dict[str, str]]:
    """Main text of a page (paragraphs separated by blank lines) and its metadata.

    The metadata dict uses our own keys: ``title``, ``published`` (ISO date as trafilatura finds it),
    ``outlet`` (site name), ``url``, ``author``.  The text is empty when trafilatura finds no main
    text; nothing here raises on malformed HTML.
    """
    options = options or HtmlOptions()
    try:
        tree = trafilatura.load_html(html)
    except Exception:  # noqa: BLE001 - lxml errors on broken markup: no text, not a crash
        tree = None
    meta: dict[str, str] = {"url": url} if url else {}
    if tree is None:
        return "", meta
    try:
        document = trafilatura.extract_metadata(tree, default_url=url)
    except Exception:  # noqa: BLE001 - same: metadata is optional
        document = None
    if document is not None:
        for key, value in (
            ("title", document.title),
            ("published", document.date),
            ("outlet", document.sitename),
            ("url", document.url or url),
            ("author", document.author),
        ):
            if value:
                meta[key] = str(value)
    try:
        if options.lift_posts:
            lift_embedded_posts(tree)
        if options.unwrap_layout:
            unwrap_layout_tables(tree)
        text = _extract_text(tree, url=url, options=options)
    except Exception:  # noqa: BLE001 - lxml/trafilatura errors on broken markup: no text, not a crash
        text = None
    paragraphs = [line.strip() for line in (text or "").split("\n") if line.strip()]
    return "\n\n".join(paragraphs), meta


def _extract_text(tree: Any, *, url: str | None, options: HtmlOptions) -> str | None:
    """The main text trafilatura finds in ``tree``; with ``drop_link_lists`` / ``drop_lead_headings`` its body is pruned first.

    ``trafilatura.extract`` is ``bare_extraction`` followed by the text rendering of its ``<body>``
    (``xmltotxt``, then Unicode normalisation); the two are called apart here so that the body can be
    pruned in between.  With nothing pruned the text is the same as ``trafilatura.extract``'s.
    """
    if not (options.drop_link_lists or options.drop_lead_headings):
        return trafilatura.extract(tree, url=url, output_format="txt", **options.trafilatura_options())
    linked = linked_items(tree) if options.drop_link_lists else frozenset()
    document = trafilatura.bare_extraction(tree, url=url, **options.trafilatura_options())
    if document is None or document.body is None:
        return None
    if linked:
        drop_trailing_link_lists(document.body, linked)
    if options.drop_lead_headings:
        drop_leading_headings(document.body)
    return normalize_unicode(xmltotxt(document.body, False))
