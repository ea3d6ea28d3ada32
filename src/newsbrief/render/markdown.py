r"""Markdown rendering of briefings (the default output of ``newsbrief brief``).

Citations are numbers into the story's source list (``[1][3]``); syndicated copies are listed under
their canonical copy.  Article text is escaped so that it cannot inject Markdown or HTML markup.

>>> data = {"stories": [{"id": "s", "headline": "A *big* day", "summary": [{"text": "It rained.",
...   "sources": ["a"], "support": 1, "spans": [["a", 0, 10]]}], "sources": [{"id": "a", "source": "a.txt",
...   "outlet": "AP", "title": "Rain", "published": "2024-01-02", "duplicate_of": None}]}]}
>>> print(render_markdown(data).splitlines()[0])
# A \*big\* day
"""

from __future__ import annotations

import re
from typing import Any

from newsbrief.render import counted, display_quotes, key_entities, key_quotes, other_languages_note

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    r"""Backslash-escape Markdown/HTML special characters and fold whitespace.

    >>> print(md_escape("a_b <script> ``quoted''"))
    a\_b \<script\> “quoted”
    """
    return _SPECIAL.sub(r"\\\1", " ".join(display_quotes(str(text)).split()))


def citation_numbers(story: dict[str, Any]) -> dict[str, int]:
    """Article id → its 1-based number in the story's source list."""
    return {s["id"]: n for n, s in enumerate(story.get("sources", []), 1)}


#: Citations of at least this many consecutive sources are written as a range ("[3]–[7]").
CITATION_RUN = 3


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    """The sources' numbers in order, ``[1][2][5]``; a run of consecutive ones as a range, ``[1]–[60]``.

    A story republished sixty times would otherwise cite every sentence of its sixty copies one by one
    (syndicated copies are numbered right after their canonical copy, so their numbers run on).

    >>> _cite(["a", "b", "c", "d", "f"], {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6})
    '[1]–[4][6]'
    >>> _cite(["c", "a", "b", "e"], {"a": 1, "b": 2, "c": 3, "e": 5})
    '[1]–[3][5]'
    >>> _cite(["a", "b", "x"], {"a": 1, "b": 2})
    '[1][2]'
    """
    cited = sorted({numbers[i] for i in ids if i in numbers})
    out, k = [], 0
    while k < len(cited):
        end = k
        while end + 1 < len(cited) and cited[end + 1] == cited[end] + 1:
            end += 1
        if end - k + 1 >= CITATION_RUN:
            out.append(f"[{cited[k]}]–[{cited[end]}]")
        else:
            out.extend(f"[{n}]" for n in cited[k : end + 1])
        k = end + 1
    return "".join(out)


def _source_line(src: dict[str, Any]) -> str:
    """"**outlet** — title (date)"; without a title "**outlet** (date)" (no dash before nothing)."""
    line = f"**{md_escape(src.get('outlet') or src.get('source') or src['id'])}**"
    if src.get("title"):
        line += f" — {md_escape(src['title'])}"
    if src.get("published"):
        line += f" ({src['published']})"
    return line


def render_story(story: dict[str, Any], *, explain: bool = False) -> str:
    """One story's briefing as Markdown."""
    numbers = citation_numbers(story)
    out = [f"# {md_escape(story['headline'])}", ""]
    sources = story.get("sources", [])
    independent = [s for s in sources if not s.get("duplicate_of")]
    dates = " to ".join(d for d in dict.fromkeys([story.get("first_published"), story.get("last_published")]) if d)
    counts = f"{counted(len(independent), 'independent source')}, {counted(len(sources), 'article')}"
    out += [f"_{counts}{', ' + dates if dates else ''}_", ""]
    out += ["## Summary", ""]
    for s in story.get("summary", []):
        out.append(f"- {md_escape(s['text'])} {_cite(s['sources'], numbers)} _(support {s['support']})_")
    out += ["", "## Sources", ""]
    for src in sources:
        if src.get("duplicate_of"):
            continue
        out.append(f"{numbers[src['id']]}. {_source_line(src)}")
        copies = [c for c in sources if c.get("duplicate_of") == src["id"]]
        if copies:
            also = ", ".join(f"{md_escape(c.get('outlet') or c.get('source') or c['id'])} [{numbers[c['id']]}]" for c in copies)
            out.append(f"   - also published by {also}")
    note = other_languages_note(story, numbers, md_escape)
    if note:
        out += ["", f"_{note}_"]
    sections = [
        ("Timeline", [
            f"- **{e['date']}**{' _(ahead)_' if e.get('ahead') else ''} — {md_escape(e['text'])} {_cite(e['sources'], numbers)}"
            for e in story.get("timeline", [])
        ]),
        ("People and organisations", _entities(story.get("entities", []), numbers)),
        ("Quotes", _quotes(story.get("quotes", []), numbers)),
        ("Where sources differ", [_discrepancy(d, numbers) for d in story.get("discrepancies", [])]),
        ("Only in one source", [f"- {md_escape(x['text'])} {_cite(x['sources'], numbers)}" for x in story.get("exclusive", [])]),
        ("What was removed", _removed(story, numbers, explain=explain)),
    ]
    for title, lines in sections:
        if lines:
            out += ["", f"## {title}", "", *lines]
    return "\n".join(out) + "\n"


def _entities(entities: list[dict[str, Any]], numbers: dict[str, int]) -> list[str]:
    shown, rest = key_entities(entities)
    return _and_the_rest([_entity(e, numbers) for e in shown], rest, f"{counted(rest, 'other name')} mentioned once")


def _and_the_rest(lines: list[str], rest: int, what: str) -> list[str]:
    """A reader's list, and a last line saying what it left out (the JSON has everything)."""
    return [*lines, f"- _and {what} (all in `--format json`)_"] if rest else lines


def _entity(e: dict[str, Any], numbers: dict[str, int]) -> str:
    role = f"; {md_escape(e['role'])}" if e.get("role") else ""
    variants = [v for v in e.get("variants", []) if v != e["name"]]
    also = f" — also written {', '.join(md_escape(v) for v in variants)}" if variants else ""
    return f"- **{md_escape(e['name'])}** ({e['kind']}{role}){also} — {counted(int(e['mentions']), 'mention')} {_cite(e['sources'], numbers)}"


def _quotes(quotes: list[dict[str, Any]], numbers: dict[str, int]) -> list[str]:
    shown, rest = key_quotes(quotes)
    return _and_the_rest([_quote(q, numbers) for q in shown], rest, counted(rest, "more quotation"))


def _quote(q: dict[str, Any], numbers: dict[str, int]) -> str:
    speaker = md_escape(q["speaker"]) if q.get("speaker") else "unattributed"
    line = f"- “{md_escape(q['text'])}” — {speaker} {_cite(q['sources'], numbers)}"
    for v in q.get("variants", []):
        line += f"\n  - variant: “{md_escape(v)}”"
    return line


def _discrepancy(d: dict[str, Any], numbers: dict[str, int]) -> str:
    values = "; ".join(f"{md_escape(v)} {_cite(ids, numbers)}" for v, ids in d.get("values", {}).items())
    line = f"- **{md_escape(d['kind'])}** — {md_escape(d['subject'])}: {values}"
    for value, found in (d.get("evidence") or {}).items():
        for sentence in found:
            line += f"\n  - {md_escape(value)}: “{md_escape(sentence['text'])}” {_cite([sentence['source']], numbers)}"
    return line


def _removed(story: dict[str, Any], numbers: dict[str, int], *, explain: bool) -> list[str]:
    lines = []
    details = story.get("removed_lines", {})
    for aid, count in story.get("removed", {}).items():
        if not count or aid not in numbers:
            continue
        lines.append(f"- [{numbers[aid]}] {count} residue line{'s' if count != 1 else ''} removed")
        if explain:
            for r in details.get(aid, []):
                lines.append(f"  - {md_escape(r['reason'])}: {md_escape(r['line'])}")
    for left in story.get("left_out", []):
        lines.append(f"- appended story left out: {md_escape(left.get('title') or left['source'])} ({md_escape(left['source'])})")
    return lines


def render_markdown(data: dict[str, Any], *, explain: bool = False) -> str:
    """All stories of ``data`` (``{"stories": [...]}``) as one Markdown document."""
    return "\n".join(render_story(s, explain=explain) for s in data.get("stories", []))
