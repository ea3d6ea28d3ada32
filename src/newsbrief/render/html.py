"""One self-contained HTML file of briefings: inline CSS, no scripts, no external assets, phone-readable.

Every piece of text that comes from articles is escaped with :func:`html.escape`.

>>> page = render_html({"stories": [{"id": "s", "headline": "<script>alert(1)</script>", "summary": [],
...                                  "sources": []}]})
>>> "<script>" in page, "&lt;script&gt;" in page
(False, True)
"""

from __future__ import annotations

from html import escape
from importlib import resources
from string import Template
from typing import Any

from newsbrief.render import counted, display_quotes, key_entities, key_quotes, other_languages_note
from newsbrief.render.markdown import citation_numbers


def _e(value: Any) -> str:
    return escape(" ".join(display_quotes(str(value)).split()), quote=True)


def _cite(ids: list[str], numbers: dict[str, int], story_id: str) -> str:
    nums = sorted({numbers[i] for i in ids if i in numbers})
    return "".join(f'<a class="cite" href="#{_e(story_id)}-src-{n}">[{n}]</a>' for n in nums)


def _list(items: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"


def render_story(story: dict[str, Any], *, explain: bool = False) -> str:
    """One story as an ``<article>`` element."""
    sid = story["id"]
    nums = citation_numbers(story)
    parts = [f'<article id="{_e(sid)}">', f"<h1>{_e(story['headline'])}</h1>"]
    sources = story.get("sources", [])
    indep = sum(1 for s in sources if not s.get("duplicate_of"))
    parts.append(f'<p class="meta">{counted(indep, "independent source")}, {counted(len(sources), "article")}</p>')
    parts.append("<h2>Summary</h2>")
    parts.append(_list([
        f"{_e(s['text'])} {_cite(s['sources'], nums, sid)} <span class=\"support\">support {int(s['support'])}</span>"
        for s in story.get("summary", [])
    ]))
    parts.append("<h2>Sources</h2>")
    items = []
    for src in sources:
        n = nums[src["id"]]
        label = _e(src.get("outlet") or src.get("source") or src["id"])
        title = f" — {_e(src['title'])}" if src.get("title") else ""
        date = f' <span class="muted">{_e(src["published"])}</span>' if src.get("published") else ""
        dup = ""
        if src.get("duplicate_of") in nums:
            dup = f' <span class="muted">(copy of [{nums[src["duplicate_of"]]}])</span>'
        items.append(f'<span id="{_e(sid)}-src-{n}">[{n}] <b>{label}</b>{title}{date}{dup}</span>')
    parts.append(_list(items, "ul"))
    note = other_languages_note(story, nums)
    if note:
        parts.append(f'<p class="muted">{_e(note)}</p>')
    shown_entities, other_names = key_entities(story.get("entities", []))
    shown_quotes, other_quotes = key_quotes(story.get("quotes", []))
    sections = {
        "Timeline": [
            f"<b>{_e(t['date'])}</b>{' <i>(ahead)</i>' if t.get('ahead') else ''} {_e(t['text'])} {_cite(t['sources'], nums, sid)}"
            for t in story.get("timeline", [])
        ],
        "People and organisations": [
            f"<b>{_e(e['name'])}</b> <span class=\"muted\">{_e(e['kind'])}{'; ' + _e(e['role']) if e.get('role') else ''}"
            f"{' — also ' + ', '.join(_e(v) for v in e.get('variants', []) if v != e['name']) if len(e.get('variants', [])) > 1 else ''}"
            f" — {counted(int(e['mentions']), 'mention')}</span> {_cite(e['sources'], nums, sid)}"
            for e in shown_entities
        ]
        + ([f'<span class="muted">and {counted(other_names, "other name")} mentioned once</span>']
           if other_names else []),
        "Quotes": [
            f"<blockquote>“{_e(q['text'])}”</blockquote> — {_e(q['speaker']) if q.get('speaker') else 'unattributed'} "
            f"{_cite(q['sources'], nums, sid)}" + "".join(f'<div class="muted">variant: “{_e(v)}”</div>' for v in q.get("variants", []))
            for q in shown_quotes
        ]
        + ([f'<span class="muted">and {counted(other_quotes, "more quotation")} (all in the JSON)</span>']
           if other_quotes else []),
        "Where sources differ": [
            f"<b>{_e(d['kind'])}</b> {_e(d['subject'])}: "
            + "; ".join(f"{_e(v)} {_cite(ids, nums, sid)}" for v, ids in d.get("values", {}).items())
            + "".join(
                f'<div class="muted">{_e(v)}: “{_e(s["text"])}” {_cite([s["source"]], nums, sid)}</div>'
                for v, found in (d.get("evidence") or {}).items()
                for s in found
            )
            for d in story.get("discrepancies", [])
        ],
        "Only in one source": [f"{_e(x['text'])} {_cite(x['sources'], nums, sid)}" for x in story.get("exclusive", [])],
        "What was removed": _removed(story, nums, explain=explain),
    }
    for title, lines in sections.items():
        if lines:
            parts += [f"<h2>{title}</h2>", _list(lines)]
    parts.append("</article>")
    return "\n".join(parts)


def _removed(story: dict[str, Any], nums: dict[str, int], *, explain: bool) -> list[str]:
    out = []
    for aid, count in story.get("removed", {}).items():
        if count and aid in nums:
            line = f"[{nums[aid]}] {int(count)} residue lines removed"
            if explain:
                line += _list([f"{_e(r['reason'])}: {_e(r['line'])}" for r in story.get("removed_lines", {}).get(aid, [])])
            out.append(line)
    for left in story.get("left_out", []):
        out.append(f"appended story left out: {_e(left.get('title') or left['source'])} <span class=\"muted\">{_e(left['source'])}</span>")
    return out


def render_html(data: dict[str, Any], *, explain: bool = False) -> str:
    """All stories of ``data`` as one self-contained HTML page."""
    stories = data.get("stories", [])
    template = Template(resources.files("newsbrief.render").joinpath("briefing.html").read_text(encoding="utf-8"))
    title = _e(stories[0]["headline"]) if len(stories) == 1 else f"newsbrief: {len(stories)} stories"
    body = "\n".join(render_story(s, explain=explain) for s in stories) or "<p>No stories.</p>"
    return template.substitute(title=title, body=body)
