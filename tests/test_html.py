"""HTML extraction: main text without navigation or comments, metadata under our own keys."""

from __future__ import annotations

import gzip
import json

import pytest

from conftest import shared_data
from newsbrief.ingest.html import HtmlOptions, extract_html

ARTICLE = " ".join(
    [
        "The regional parliament approved a new water law on Thursday after a debate that lasted eleven hours.",
        "The law limits how much water farms may pump from the river during dry summers.",
        "Opposition members said the limits were too low and promised to challenge the law in court.",
        "Farmers' unions called a protest for next week in front of the parliament building.",
    ]
)

PAGE = f"""<!doctype html>
<html><head><title>Parliament passes water law | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-05-16T10:00:00Z"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Parliament passes water law</h1>
<p>{ARTICLE}</p>
<p>The minister for agriculture said the law would be reviewed after two years, once the first data on river levels is in.</p>
</article>
<section id="comments" class="comments"><h3>3 comments</h3>
<div class="comment"><p>This law is a disgrace and everyone who voted for it should resign immediately, honestly.</p></div>
</section>
<footer>Copyright Valley Post. All rights reserved.</footer>
</body></html>"""


def test_main_text_and_metadata() -> None:
    text, meta = extract_html(PAGE, url="https://valleypost.example/politics/water-law")
    assert ARTICLE.split(".")[0] in text
    assert "minister for agriculture" in text
    assert "disgrace" not in text  # comments are left out
    assert "Sport" not in text.split("\n\n")
    assert meta["title"].startswith("Parliament passes water law")
    assert meta["url"] == "https://valleypost.example/politics/water-law"
    assert meta["outlet"] == "Valley Post"
    assert meta["published"].startswith("2024-05-16")
    assert meta["author"] == "Ana Ruiz"


def test_paragraphs_separated_by_one_blank_line() -> None:
    text, _ = extract_html(PAGE)
    assert "\n\n\n" not in text
    assert all(p.strip() == p and p for p in text.split("\n\n"))


@pytest.mark.parametrize("html", ["", "<html>", "<<<>>>", "\x00\x01", "<p>" * 500, "just text, no markup"])
def test_broken_html_gives_text_or_nothing_without_raising(html: str) -> None:
    text, meta = extract_html(html, url=None)
    assert isinstance(text, str) and isinstance(meta, dict)


@pytest.mark.data
def test_real_benchmark_page_is_extracted() -> None:
    root = shared_data("article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    page_id = sorted(truth)[0]
    html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", errors="replace")
    text, meta = extract_html(html, url=truth[page_id].get("url"))
    gold_start = " ".join(truth[page_id]["articleBody"].split()[:6])
    assert gold_start in " ".join(text.split())
    assert meta.get("title")


STORY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring.",
    "Engineers found cracks in two of the bridge's supports during an inspection in the summer.",
    "Cyclists and pedestrians will still be allowed to cross while the repairs are planned.",
    "The mayor said the closure would last at least eighteen months and cost the city millions.",
]


def _story_page(middle: str) -> str:
    paragraphs = "".join(f"<p>{sentence} {sentence}</p>" for sentence in STORY)
    return (
        "<html><head><title>Harbour bridge to close</title></head><body>"
        f"<article><h1>Harbour bridge to close</h1>{paragraphs[: len(paragraphs) // 2]}{middle}"
        f"{paragraphs[len(paragraphs) // 2 :]}</article></body></html>"
    )


POST = "The bridge has been falling apart for years and nobody listened to us until now, finally."
EMBED = f'<blockquote class="twitter-tweet"><p lang="en">{POST}</p>— Harbour Residents (@harbourres) May 2, 2024</blockquote>'


@pytest.mark.parametrize("wrapper_class", ["social-media-embed", "article-widget article-tweet"])
def test_embedded_post_inside_a_discarded_wrapper_is_kept(wrapper_class: str) -> None:
    page = _story_page(f'<div class="{wrapper_class}"><div>{EMBED}<script src="x.js"></script></div></div>')
    text, _ = extract_html(page)
    assert POST in text
    assert STORY[0] in text and STORY[-1] in text
    without, _ = extract_html(page, options=HtmlOptions(lift_posts=False))
    assert POST not in without  # trafilatura alone drops the wrapper with the post


def test_wrapper_with_other_content_is_not_lifted() -> None:
    promo = "Sign up for our newsletter to get the best harbour stories every single morning."
    page = _story_page(f'<div class="promo-widget"><p>{promo}</p>{EMBED}</div>')
    text, _ = extract_html(page)
    assert promo not in text


def test_layout_table_is_read_as_paragraphs_and_data_table_stays_a_table() -> None:
    story = "".join(f"<p>{sentence} {sentence}</p>" for sentence in STORY)
    data = "<table><tr><th>Year</th><th>Cars</th></tr><tr><td>2022</td><td>41,000</td></tr></table>"
    page = (
        "<html><head><title>Harbour bridge to close</title></head><body><table><tr>"
        '<td class="menu"><a href="/">Home</a><br><a href="/news">News</a></td>'
        f"<td><h1>Harbour bridge to close</h1>{story}{data}</td>"
        "</tr></table></body></html>"
    )
    text, _ = extract_html(page)
    paragraphs = text.split("\n\n")
    assert all(f"{sentence} {sentence}" in paragraphs for sentence in STORY)
    assert any(p.startswith("| Year | Cars |") for p in paragraphs)  # the data table keeps its rows
    flat, _ = extract_html(page, options=HtmlOptions(unwrap_layout=False))
    assert not any(f"{sentence} {sentence}" == p for sentence in STORY for p in flat.split("\n\n"))


def test_trailing_linked_headlines_and_link_paragraph_are_dropped_but_a_list_in_the_text_stays() -> None:
    points = "".join(
        f"<li>{point}</li>" for point in ("Cars are banned from April.", "Bikes may still cross.", "Repairs start in May.")
    )
    teasers = "".join(
        f'<li><a href="/news/{n}">{headline}</a><h4>{summary}</h4></li>'
        for n, (headline, summary) in enumerate(
            [
                ("Ferry prices rise again", "Operators blame the cost of fuel this winter"),
                ("New tram line opens", "The line links the station with the university"),
                ("Port strike called off", "Unions accepted the offer late on Friday night"),
            ]
        )
    )
    story = "".join(f"<p>{sentence} {sentence}</p>" for sentence in STORY)
    page = (
        "<html><head><title>Harbour bridge to close</title></head><body><article>"
        f"<h1>Harbour bridge to close</h1>{story[:300]}<ul>{points}</ul>{story[300:]}"
        f"<h3>More from the city</h3><ul>{teasers}</ul>"
        '<p>» <a href="/reports/bridge">Lies auch: the full inspection report of the harbour bridge</a></p>'
        "</article></body></html>"
    )
    text, _ = extract_html(page)
    assert "Repairs start in May." in text and STORY[-1] in text
    assert "Ferry prices rise again" not in text and "More from the city" not in text
    assert "inspection report" not in text
    kept, _ = extract_html(page, options=HtmlOptions(drop_link_lists=False))
    assert "Ferry prices rise again" in kept and "inspection report" in kept


def test_headline_and_stand_first_before_the_first_paragraph_are_not_body() -> None:
    stand_first = "Drivers face long detours for at least a year and a half while engineers repair it"
    middle = "What happens to the ferries"
    story = "".join(f"<p>{sentence} {sentence}</p>" for sentence in STORY)
    page = (
        "<html><head><title>Harbour bridge to close</title></head><body><article>"
        f"<h1>Harbour bridge to close</h1><h2>{stand_first}</h2>{story[:300]}<h3>{middle}</h3>{story[300:]}"
        "</article></body></html>"
    )
    text, meta = extract_html(page)
    assert meta["title"] == "Harbour bridge to close"
    assert stand_first not in text and "Harbour bridge to close" not in text
    assert middle in text.split("\n\n") and STORY[0] in text
    kept, _ = extract_html(page, options=HtmlOptions(drop_lead_headings=False))
    assert stand_first in kept
