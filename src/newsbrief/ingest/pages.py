"""HTML pages → documents, now or later (a pipeline with worker processes extracts in the workers).

>>> page = "<html><body><article><p>" + "Rescuers reached the village on Monday. " * 6 + "</p></article></body></html>"
>>> pending = PendingHtml(source="a.html", page=page, url=None)
>>> type(pending.extract()).__name__
'RawDocument'
"""

from __future__ import annotations

from dataclasses import dataclass

from newsbrief.ingest.html import extract_html
from newsbrief.model import RawDocument, Rejected


@dataclass(frozen=True, slots=True)
class PendingHtml:
    """An HTML page read but not yet extracted (trafilatura is the costly step: it runs where this goes)."""

    source: str
    page: str
    url: str | None

    def extract(self) -> RawDocument | Rejected:
        """The page as a document, through :func:`html_document`."""
        return html_document(self.page, source=self.source, url=self.url)


def page_document(page: str, *, source: str, url: str | None, defer: bool) -> RawDocument | Rejected | PendingHtml:
    """The page extracted now, or a :class:`PendingHtml` when ``defer``."""
    return PendingHtml(source, page, url) if defer else html_document(page, source=source, url=url)


def html_document(page: str, *, source: str, url: str | None) -> RawDocument | Rejected:
    """An HTML page as a document: main text and metadata through :func:`extract_html`."""
    try:
        text, meta = extract_html(page, url=url)
    except Exception as exc:  # extraction must never stop a run; the page is reported instead
        return Rejected(source, f"HTML extraction failed: {type(exc).__name__}: {exc}")
    if not text.strip():
        return Rejected(source, "no article text found in the HTML page")
    return RawDocument(source=source, text=text, format="html", html=page, url=meta.get("url") or url, record_meta=meta)
