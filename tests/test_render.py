"""Renderers: the JSON schema, Markdown, self-contained escaped HTML, plain text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from briefing_fixtures import bridge_articles, make_article
from newsbrief.model import (
    Briefing,
    Discrepancy,
    DuplicateGroup,
    Entity,
    ExclusiveInfo,
    Quote,
    Sentence,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)
from newsbrief.render.briefing_json import briefings_to_json
from newsbrief.render.html import render_html
from newsbrief.render.markdown import render_markdown
from newsbrief.render.text import render_text

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _briefing(payload: str = "") -> Briefing:
    a = make_article("a.txt", f"Harbour reopens {payload}", f"The harbour reopened on Friday. {payload}", dt.date(2024, 5, 3))
    b = make_article("b.txt", "Harbour open again", "The harbour reopened on Friday, officials said.", dt.date(2024, 5, 4))
    c = make_article("c.txt", "Harbour open again", "The harbour reopened on Friday, officials said.", dt.date(2024, 5, 4))
    group = DuplicateGroup(b.id, ((b.id, 1.0), (c.id, 1.0)))
    story = Story("story1", (a.id, b.id, c.id), (group,), dt.date(2024, 5, 3), dt.date(2024, 5, 4))
    span_a = Span(a.id, 0, 31)
    return Briefing(
        story=story,
        headline=f"Harbour reopens {payload}",
        summary=(SummarySentence(f"The harbour reopened on Friday. {payload}", (span_a, Span(b.id, 0, 30)), (a.id, b.id), 2),),
        timeline=(TimelineEntry(dt.date(2024, 5, 3), f"reopened {payload}", (span_a,), (a.id,)),),
        entities=(Entity(f"Ana {payload}", "PERSON", ("Ana", "Anna"), (a.id,), 3, "harbour master"),),
        quotes=(Quote(f"We are open {payload}", "Ana", (span_a,), (a.id, b.id), (f"We're open {payload}",)),),
        discrepancies=(
            Discrepancy(
                "date", f"reopening {payload}", {"Friday": (a.id,), f"Saturday {payload}": (b.id,)},
                {"Friday": (Sentence(span_a, f"The harbour reopened on Friday. {payload}"),)},
            ),
        ),
        exclusive=(ExclusiveInfo(f"Only here {payload}", (span_a,), (a.id,)),),
        sources=(a, b, c),
        removed={a.id: 0, b.id: 0, c.id: 0},
    )


def test_json_schema_has_every_documented_field():
    data = briefings_to_json([_briefing()])
    story = data["stories"][0]
    assert set(story) >= {"id", "headline", "summary", "timeline", "entities", "quotes", "discrepancies",
                          "exclusive", "sources", "removed", "left_out"}
    assert set(story["summary"][0]) == {"text", "sources", "support", "spans"}
    assert story["summary"][0]["spans"][0][0] == story["sources"][0]["id"]
    assert set(story["timeline"][0]) >= {"date", "text", "sources"}
    assert set(story["entities"][0]) >= {"name", "kind", "variants", "sources", "mentions", "role"}
    assert set(story["quotes"][0]) >= {"text", "speaker", "sources", "variants"}
    assert set(story["discrepancies"][0]) == {"kind", "subject", "values", "evidence", "spans"}
    assert set(story["sources"][0]) >= {"id", "source", "outlet", "title", "published", "language", "duplicate_of"}
    dup = {s["source"]: s["duplicate_of"] for s in story["sources"]}
    assert dup["a.txt"] is None and dup["b.txt"] is None and dup["c.txt"] == story["sources"][1]["id"]
    json.dumps(data)  # plain JSON data


def test_json_spans_slice_back():
    arts = bridge_articles()
    from newsbrief.brief import brief_articles
    from newsbrief.nlp import NlpModels
    from newsbrief.settings import BriefOptions, Settings

    data = briefings_to_json(brief_articles(arts, settings=Settings(brief=BriefOptions(one_story=True)), models=NlpModels()))
    texts = {a.id: a.text for a in arts}
    story = data["stories"][0]
    for s in story["summary"]:
        aid, start, end = s["spans"][0]
        assert texts[aid][start:end] == s["text"]


def test_html_escapes_every_piece_of_article_text_and_is_self_contained():
    page = render_html(briefings_to_json([_briefing(PAYLOAD)]), explain=True)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "onerror=alert" not in page.replace("&quot;", '"').split("&lt;img")[0]
    assert page.count("&lt;script&gt;") >= 8
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert 'name="viewport"' in page


def test_markdown_cites_sources_and_lists_copies_under_canonical():
    md = render_markdown(briefings_to_json([_briefing()]))
    assert md.startswith("# Harbour reopens")
    assert "The harbour reopened on Friday. [1][2] _(support 2)_" in md
    assert "also published by c.txt [3]" in md
    for section in ("## Summary", "## Sources", "## Timeline", "## People and organisations", "## Quotes",
                    "## Where sources differ", "## Only in one source"):
        assert section in md
    # a point where sources differ shows the sentence behind each value
    assert "- **date** — reopening: Friday [1]; Saturday [2]\n  - Friday: “The harbour reopened on Friday.” [1]" in md


def test_markdown_source_line_without_a_headline_has_no_dangling_dash():
    briefing = _briefing()
    untitled = make_article("wire.txt", None, "The harbour reopened on Friday.", dt.date(2024, 5, 3), outlet="Xinhua")
    briefing = dataclasses.replace(briefing, sources=(untitled, *briefing.sources[1:]),
                                   story=dataclasses.replace(briefing.story, article_ids=(untitled.id, *briefing.story.article_ids[1:])))
    md = render_markdown(briefings_to_json([briefing]))
    assert "1. **Xinhua** (2024-05-03)\n" in md
    assert "2. **b.txt** — Harbour open again (2024-05-04)\n" in md


def test_reader_formats_say_which_sources_the_briefing_leaves_out_for_their_language():
    briefing = _briefing()
    a, b, c = briefing.sources
    briefing = dataclasses.replace(briefing, sources=(a, dataclasses.replace(b, language="de"), dataclasses.replace(c, language="de")))
    data = briefings_to_json([briefing])
    assert [s["language"] for s in data["stories"][0]["sources"]] == [None, "de", "de"]
    note = "This briefing is read from the English sources only, not from [2] (de), [3] (de)."
    assert f"\n_{note}_\n" in render_markdown(data)
    assert f'<p class="muted">{note}</p>' in render_html(data)
    # all English (or too short to tell): no note
    plain = briefings_to_json([_briefing()])
    assert "English sources only" not in render_markdown(plain) and "English sources only" not in render_html(plain)
    # a record's own language field is shown as text, escaped
    odd = dataclasses.replace(briefing, sources=(a, dataclasses.replace(b, language="*de*"), c))
    assert "not from [2] (\\*de\\*)." in render_markdown(briefings_to_json([odd]))
    # no English source: the reader is told what is missing, not that the briefing reads "English sources only"
    none = dataclasses.replace(briefing, sources=tuple(dataclasses.replace(x, language="de") for x in (a, b, c)))
    md = render_markdown(briefings_to_json([none]))
    assert "_No source is in English: people, quotes and where sources differ (read from English text only) are left out._" in md
    assert "English sources only" not in md


def test_markdown_escapes_markup_in_article_text():
    md = render_markdown(briefings_to_json([_briefing(PAYLOAD)]))
    assert "<script>" not in md
    assert "\\<script\\>" in md


@pytest.mark.parametrize("n", [1, 2])
def test_text_format_is_only_summary_sentences_one_story_after_another(n):
    out = render_text(briefings_to_json([_briefing()] * n))
    assert out == "\n\n".join(["The harbour reopened on Friday."] * n) + "\n"


def test_reader_formats_list_key_names_and_count_the_rest():
    from dataclasses import replace

    base = _briefing()
    a = base.sources[0].id
    once = Entity("Port Office", "ORG", ("Port Office",), (a,), 1, None)
    mayor = Entity("Lena Dahl", "PERSON", ("Lena Dahl",), (a,), 1, "mayor")
    briefing = replace(base, entities=(*base.entities, mayor, once))
    data = briefings_to_json([briefing])
    md = render_markdown(data)
    assert "**Lena Dahl** (PERSON; mayor)" in md and "Port Office" not in md
    assert "_and 1 other name mentioned once (all in `--format json`)_" in md
    html = render_html(data)
    assert "Lena Dahl" in html and "Port Office" not in html and "1 other name mentioned once" in html
    assert [e["name"] for e in data["stories"][0]["entities"]][-1] == "Port Office"  # JSON keeps every name


def test_reader_formats_list_key_quotes_and_count_the_rest():
    from dataclasses import replace

    base = _briefing()
    a = base.sources[0].id
    span = base.quotes[0].spans[0]
    lone = Quote("Nobody knows who said this one", None, (span,), (a,))
    briefing = replace(base, quotes=(*base.quotes, lone))
    data = briefings_to_json([briefing])
    md, html = render_markdown(data), render_html(data)
    for page in (md, html):
        assert "We are open" in page and "Nobody knows who said" not in page
    assert "_and 1 more quotation (all in `--format json`)_" in md and "1 more quotation" in html
    assert len(data["stories"][0]["quotes"]) == 2  # JSON keeps every quotation


def test_reader_formats_show_typewriter_quotes_as_curly_and_json_keeps_the_text():
    # old newswire (DUC/LDC) writes ``…'' for quotation marks; a reader should see “…”
    data = briefings_to_json([_briefing("``We are open,'' she said.")])
    assert "``We are open,'' she said." in data["stories"][0]["summary"][0]["text"]  # spans point into it
    md = render_markdown(data)
    html = render_html(data)
    for page in (md, html):
        assert "\u201cWe are open,\u201d she said." in page
        assert "``" not in page and "''" not in page


def test_removed_lines_are_listed_in_the_order_of_the_sources_numbers():
    from dataclasses import replace

    briefing = _briefing()
    a, b, c = briefing.sources
    briefing = replace(briefing, removed={c.id: 2, a.id: 1, b.id: 0})
    data = briefings_to_json([briefing])
    assert list(data["stories"][0]["removed"]) == [a.id, b.id, c.id]
    lines = [line for line in render_markdown(data).splitlines() if "residue line" in line]
    assert lines == ["- [1] 1 residue line removed", "- [3] 2 residue lines removed"]


def test_markdown_cites_a_run_of_consecutive_sources_as_a_range():
    briefing = _briefing()
    a = briefing.sources[0]
    copies = [make_article(f"copy{n}.txt", "Harbour reopens", a.text, dt.date(2024, 5, 3)) for n in range(5)]
    group = DuplicateGroup(a.id, ((a.id, 1.0), *((c.id, 1.0) for c in copies)))
    story = dataclasses.replace(briefing.story, article_ids=(*briefing.story.article_ids, *(c.id for c in copies)),
                                duplicate_groups=(*briefing.story.duplicate_groups, group))
    said = "The harbour reopened on Friday."
    sentence = SummarySentence(said, tuple(Span(x.id, 0, len(said)) for x in (a, *copies)), (a.id, *(c.id for c in copies)), 1)
    md = render_markdown(briefings_to_json([dataclasses.replace(briefing, story=story, sources=(a, *copies, *briefing.sources[1:]), summary=(sentence,))]))
    # the five copies are numbered right after their canonical copy: six sources in a row
    assert f"- {said} [1]–[6] _(support 1)_" in md
    assert "also published by copy0.txt [2], copy1.txt [3]" in md
