"""HTML page → main text and metadata, through trafilatura.

First version by the ingest-meta engineer (straightforward trafilatura call); owned by the clean
engineer, who tunes extraction against the article-extraction benchmark.

>>> page = "<html><head><title>Quake hits Chile</title></head><body><article><p>" + "A strong quake hit Chile on Saturday. " * 5 + "</p></article></body></html>"
>>> text, meta = extract_html(page, url="https://news.example.org/quake")
>>> text.startswith("A strong quake hit Chile"), meta["title"]
(True, 'Quake hits Chile')
"""

from __future__ import annotations

import trafilatura


def extract_html(html: str, *, url: str | None) -> tuple[str, dict[str, str]]:
    """Main text of a page (paragraphs separated by blank lines) and its metadata.

    The metadata dict uses our own keys: ``title``, ``published``, ``outlet`` (site name), ``url``.
    The text is empty when trafilatura finds no main text.
    """
    text = trafilatura.extract(
        html,
        url=url,
        output_format="txt",
        with_metadata=False,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
        deduplicate=False,
    )
    meta: dict[str, str] = {}
    document = trafilatura.extract_metadata(html, default_url=url)
    if document is not None:
        for key, value in (
            ("title", document.title),
            ("published", document.date),
            ("outlet", document.sitename),
            ("url", document.url or url),
        ):
            if value:
                meta[key] = str(value)
    paragraphs = [line.strip() for line in (text or "").split("\n") if line.strip()]
    return "\n\n".join(paragraphs), meta
