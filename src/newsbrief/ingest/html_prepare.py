"""Markup fixes around trafilatura's extraction: on the parsed page before it, on its output tree after.

Four page structures that trafilatura mishandles and has no option for (so this is our code, on the
lxml trees trafilatura itself builds; the extraction stays trafilatura's):

* **Embedded social posts.**  A quoted post is article content (the embed code is a ``<blockquote
  class="twitter-tweet">`` holding the post's text), but sites wrap it in an element whose class says
  ``embed`` or ``widget``, and trafilatura discards such elements with everything inside.  The wrappers
  that hold nothing but the post are replaced by the post's blockquote (:func:`lift_embedded_posts`).
* **Layout tables.**  Older sites lay the whole page out in a table.  With tables kept, trafilatura
  renders such a table as one table row — the article, side bars and link lists in one line that the
  cleaner can only keep or drop as a whole.  A table whose cells hold block elements (paragraphs,
  divisions, headings, lists, other tables) is layout, not data: its table elements become ``div``\\ s,
  so trafilatura sees ordinary paragraphs (:func:`unwrap_layout_tables`).  Data tables (cells of text
  and inline markup) are left alone.
* **Trailing link blocks** (after the extraction, on trafilatura's ``<body>``): lists at the very end
  of the main text whose every item opens, in the page, with a link of two words or more — "more
  stories" boxes of headline links with a one-line summary each —, paragraphs there that are links
  all but a few characters ("Read also: <a>…</a>", in any language), and the heading right before
  such a block (:func:`linked_items` on the page, :func:`drop_trailing_link_lists` on the body; the
  two are matched by text because trafilatura's text output has no links, and extracting with links
  makes trafilatura split paragraphs at them).  trafilatura's link-density test keeps teaser lists
  when every headline has a summary, and the cleaner, which sees text only, cannot tell a linked
  headline from a sentence.  A list inside the text, or one whose items open with plain words, stays.
* **Headings before the first paragraph** (same tree): the page's headline and its stand-first (the
  summary line under it), which trafilatura keeps as ``<head>`` elements.  The headline is metadata
  (``extract_html`` returns it as ``title``) and the cleaner removes it when it repeats the title, but
  a stand-first worded differently stays in the body although it is not article text
  (:func:`drop_leading_headings`).  A body made of headings only is left alone.

All four were chosen on the tuning half of the article-extraction benchmark (docs/cleaning.md).

>>> from lxml import html
>>> tree = html.fromstring('<html><body><p>Text.</p><div class="social-embed"><blockquote class="twitter-tweet">'
...     '<p>We won!</p>— Club (@club)</blockquote></div></body></html>')
>>> lift_embedded_posts(tree), unwrap_layout_tables(tree)
(1, 0)
>>> [child.tag for child in tree.find("body")]
['p', 'blockquote']
"""

from __future__ import annotations

import re

from lxml.etree import _Element
from lxml.html import HtmlElement

#: Class tokens of the standard embed code of a social post (the post's text is inside).
_EMBEDDED_POST = re.compile(r"(?:^|\s)twitter-(?:tweet|video)(?:\s|$)")
#: Elements that make a table cell a layout container rather than a data cell.
_BLOCK_TAGS = frozenset({"p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "article", "section"})
_TABLE_TAGS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
#: Containers a wrapper search never climbs past.
_STOP_TAGS = frozenset({"body", "html", "article", "main"})


def _words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def lift_embedded_posts(tree: HtmlElement) -> int:
    """Replace the wrappers that hold only an embedded post by the post's blockquote; returns how many.

    >>> from lxml import html
    >>> tree = html.fromstring('<div><p>Intro.</p><div class="widget"><div><blockquote class="twitter-tweet">'
    ...     'Post</blockquote></div></div></div>')
    >>> lift_embedded_posts(tree), [child.tag for child in tree]
    (1, ['p', 'blockquote'])
    """
    lifted = 0
    posts = [quote for quote in tree.iter("blockquote") if _EMBEDDED_POST.search(quote.get("class") or "")]
    for post in posts:
        text = _words(post)
        outer = None
        node = post.getparent()
        while node is not None and node.tag not in _STOP_TAGS and node.getparent() is not None and _words(node) == text:
            outer, node = node, node.getparent()
        if outer is not None:
            post.tail = None
            outer.getparent().replace(outer, post)
            lifted += 1
    return lifted


def _is_layout(table: HtmlElement) -> bool:
    return any(
        child.tag in _BLOCK_TAGS for cell in table.iter("td", "th") for child in cell if isinstance(child.tag, str)
    )


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn layout tables (cells holding block elements) into ``div``\\ s; returns how many tables.

    >>> from lxml import html
    >>> tree = html.fromstring('<div><table><tr><td><p>Story.</p><table><tr><td>1</td></tr></table></td></tr>'
    ...     '</table><table><tr><td>1</td><td>2</td></tr></table></div>')
    >>> unwrap_layout_tables(tree), [child.tag for child in tree], len(tree.findall(".//table"))
    (1, ['div', 'table'], 2)
    """
    layout = [table for table in tree.iter("table") if _is_layout(table)]
    # a data table nested in a layout cell stays a table: rename only the layout table's own parts
    own = [
        element
        for table in layout
        for element in table.iter(*_TABLE_TAGS)
        if element is table or (element.tag != "table" and next(element.iterancestors("table"), None) is table)
    ]
    for element in own:
        element.tag = "div"
    return len(layout)



def _key(text: str) -> str:
    """A list item's text without any whitespace: the same in the page and in trafilatura's output."""
    return "".join(text.split())


def _opens_with_link(item: HtmlElement, *, min_words: int) -> bool:
    """Whether the first text of the list item ``item`` lies inside a link of ``min_words`` words or more."""
    for element in item.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and element.text.strip():
            link = element if element.tag == "a" else next(element.iterancestors("a"), None)
            return link is not None and len(link.text_content().split()) >= min_words
        if element is not item and element.tail and element.tail.strip():
            return False
    return False


def _link_share(element: HtmlElement, key: str) -> float:
    """Share of the element's non-space characters (``key``: its :func:`_key`) that lie inside links."""
    total = len(key)
    return sum(len(_key(link.text_content())) for link in element.iter("a")) / total if total else 0.0


def linked_items(tree: HtmlElement, *, min_words: int = 2, paragraph_share: float = 0.9) -> frozenset[str]:
    """Texts (as :func:`_key`) of the page's link blocks: teaser-list items and link paragraphs.

    A teaser list is a list whose every item opens with a link of ``min_words`` words or more; a link
    paragraph is a ``<p>`` of ``min_words`` words or more with at least ``paragraph_share`` of its
    characters inside links ("Read also: <a>…</a>").

    >>> from lxml import html
    >>> tree = html.fromstring('<div><ul><li><a href="/a">Mayor resigns</a> Why</li><li><a href="/b">Storm hits'
    ...     '</a></li></ul><ul><li>Plain point</li><li><a href="/c">Linked point</a></li></ul>'
    ...     '<p>› <a href="/d">Read the full budget report</a></p><p>A <a href="/e">linked</a> word.</p></div>')
    >>> sorted(linked_items(tree))
    ['MayorresignsWhy', 'Stormhits', '›Readthefullbudgetreport']
    """
    keys: set[str] = set()
    for lst in tree.iter("ul", "ol"):
        items = [item for item in lst if item.tag == "li"]
        if len(items) >= 2 and all(_opens_with_link(item, min_words=min_words) for item in items):
            keys.update(_key(item.text_content()) for item in items)
    for paragraph in tree.iter("p"):
        text = paragraph.text_content()
        if len(text.split()) >= min_words and _link_share(paragraph, key := _key(text)) >= paragraph_share:
            keys.add(key)
    return frozenset(keys)


def drop_trailing_link_lists(body: _Element, linked: frozenset[str]) -> int:
    """Remove link blocks (and the heading before each) from the end of trafilatura's body; returns how many.

    ``linked``: the page's link blocks (:func:`linked_items`), since trafilatura's output has no links.

    >>> from lxml import etree
    >>> body = etree.fromstring('<body><p>Story.</p><list><item>Plain point</item><item>Another</item></list>'
    ...     '<head>More news</head><list><item>Mayor resigns Why</item><item>Storm hits</item></list>'
    ...     '<p>See: the full report</p></body>')
    >>> linked = frozenset({"MayorresignsWhy", "Stormhits", "See:thefullreport"})
    >>> drop_trailing_link_lists(body, linked), [child.tag for child in body]
    (2, ['p', 'list'])
    """
    dropped: list[_Element] = []
    for element in reversed(body):
        items = [item for item in element if item.tag == "item"] if element.tag == "list" else []
        if len(items) >= 2 and all(_key("".join(item.itertext())) in linked for item in items):
            dropped.append(element)
        elif element.tag == "p" and _key("".join(element.itertext())) in linked:
            dropped.append(element)
        elif element.tag == "head" and dropped and dropped[-1].tag != "head":
            dropped.append(element)
        else:
            break
    for element in dropped:
        body.remove(element)
    return sum(element.tag != "head" for element in dropped)


def drop_leading_headings(body: _Element) -> int:
    """Remove the ``<head>`` elements before the first other element of trafilatura's body; returns how many.

    >>> from lxml import etree
    >>> body = etree.fromstring('<body><head rend="h1">Bridge closes</head><head rend="h2">What drivers need to '
    ...     'know</head><p>The bridge closes.</p><head rend="h3">Detours</head><p>Use the ring road.</p></body>')
    >>> drop_leading_headings(body), [child.tag for child in body]
    (2, ['p', 'head', 'p'])
    """
    leading = []
    for element in body:
        if element.tag != "head":
            break
        leading.append(element)
    if len(leading) == len(body):
        return 0
    for element in leading:
        body.remove(element)
    return len(leading)

