"""HTML page → main text and metadata, through trafilatura.

Extraction settings were chosen on the tuning half of the article-extraction benchmark
(``newsbrief eval clean extraction``, see docs/cleaning.md): comments are left out (trafilatura's
default keeps them) and trafilatura's own algorithm runs without its readability/jusText fallbacks
(``fast=True``), which on the tuning half gave the best precision at equal recall.  Tables are kept.
Residue that survives extraction (repeated headline, prompts, captions …) is the cleaner's job.

>>> page = "<html><head><title>Quake hits Chile</title></head><body><article><p>" + "A strong quake hit Chile on Saturday. " * 5 + "</p></article></body></html>"
>>> text, meta = extract_html(page, url="https://news.example.org/quake")
>>> text.startswith("A strong quake hit Chile"), meta["title"], meta["url"]
(True, 'Quake hits Chile', 'https://news.example.org/quake')
"""

from __future__ import annotations

from typing import Any

import trafilatura

#: The trafilatura settings used for every page (documented in docs/cleaning.md).
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
    "fast": True,
    "deduplicate": False,
}


def extract_html(html: str, *, url: str | None = None) -> tuple[str, dict[str, str]]:
    """Main text of a page (paragraphs separated by blank lines) and its metadata.

    The metadata dict uses our own keys: ``title``, ``published`` (ISO date as trafilatura finds it),
    ``outlet`` (site name), ``url``, ``author``.  The text is empty when trafilatura finds no main
    text; nothing here raises on malformed HTML.
    """
    try:
        text = trafilatura.extract(html, url=url, output_format="txt", with_metadata=False, **EXTRACT_OPTIONS)
    except Exception:  # noqa: BLE001 - lxml/trafilatura errors on broken markup: no text, not a crash
        text = None
    meta: dict[str, str] = {}
    try:
        document = trafilatura.extract_metadata(html, default_url=url)
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
    elif url:
        meta["url"] = url
    paragraphs = [line.strip() for line in (text or "").split("\n") if line.strip()]
    return "\n\n".join(paragraphs), meta
