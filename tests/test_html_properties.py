"""Properties of HTML extraction with the markup fixes, on generated pages (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.ingest.html import HtmlOptions, extract_html

VOCABULARY = ["harbour", "bridge", "council", "closed", "Tuesday", "engineers", "cracks", "ferry", "mayor", "repairs"]
WORDS = st.sampled_from(VOCABULARY)
TEXT = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)
# trafilatura itself glues the text around a nested block to its neighbour ("harbour<p>…</p>harbour" ->
# "harbourharbour"): a token of the output is one or more words of the page
PAGE_TOKEN = re.compile(rf"(?:{'|'.join(VOCABULARY)}|more|news|here|point|Page)+")
OPEN = [
    "<p>",
    "<div>",
    "<table><tr><td>",
    '<div class="social-embed"><blockquote class="twitter-tweet">',
    "<ul><li>",
    '<ul><li><a href="/x">',
    "<h2>",
    "<article>",
]
CLOSE = {
    "<p>": "</p>",
    "<div>": "</div>",
    "<table><tr><td>": "</td></tr></table>",
    '<div class="social-embed"><blockquote class="twitter-tweet">': "</blockquote></div>",
    "<ul><li>": "</li><li>point</li></ul>",
    '<ul><li><a href="/x">': '</a></li><li><a href="/y">more news here</a></li></ul>',
    "<h2>": "</h2>",
    "<article>": "</article>",
}


@st.composite
def pages(draw: st.DrawFn) -> str:
    def block(depth: int) -> str:
        tag = draw(st.sampled_from(OPEN))
        inner = draw(TEXT)
        if depth < 3 and draw(st.booleans()):
            inner += block(depth + 1)
        return f"{tag}{inner}{CLOSE[tag]}" + (draw(TEXT) if draw(st.booleans()) else "")

    body = "".join(block(0) for _ in range(draw(st.integers(1, 6))))
    return f"<html><head><title>Page</title></head><body>{body}</body></html>"


@settings(max_examples=120, deadline=None)
@given(pages())
def test_extraction_never_raises_and_never_invents_words(page: str) -> None:
    for options in (HtmlOptions(), HtmlOptions(lift_posts=False, unwrap_layout=False, drop_link_lists=False)):
        text, meta = extract_html(page, options=options)
        assert all(PAGE_TOKEN.fullmatch(token) for token in re.findall(r"\w+", text))
        assert "\n\n\n" not in text and isinstance(meta, dict)


@settings(max_examples=60, deadline=None)
@given(pages())
def test_extraction_is_deterministic(page: str) -> None:
    assert extract_html(page) == extract_html(page)
