r"""TREC / DUC / LDC SGML newswire: several ``<DOC>`` per file, hard-wrapped lines unwrapped.

Written by hand because no maintained library parses this format: it is not XML (unquoted
entities such as ``&QL;``, unclosed tags) and the paragraph conventions vary by collection
(``<P>`` elements, tab-indented first lines, or one hard-wrapped block).

>>> sgml = '''<DOC>
... <DOCNO> APW19981016.0240 </DOCNO>
... <DATE_TIME> 10/16/1998 08:11:00 </DATE_TIME>
... <TEXT>
... 	   PHNOM PENH, Cambodia (AP) _ Cambodian leader Hun Sen on Friday
... rejected talks abroad.
... 	   He said so &AMP; more.
... </TEXT>
... </DOC>'''
>>> [(d.docno, d.text) for d in parse_sgml(sgml)]
[('APW19981016.0240', 'PHNOM PENH, Cambodia (AP) _ Cambodian leader Hun Sen on Friday rejected talks abroad.\n\nHe said so & more.')]
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|(?=<DOC>)|\Z)", re.S | re.I)
_FIELD_NAMES = ("DOCNO", "DATE_TIME", "DATE", "DATELINE", "HEADLINE", "HL", "HEAD", "TITLE", "TEXT", "LP")
# An unclosed field ends where the next top-level field starts.
_NEXT_FIELD = r"<(?:/?(?:DOC|BODY)|DOCNO|DOCTYPE|DOCID|TXTTYPE|DATE_TIME|DATE|HEADER|SLUG|CATEGORY|HEADLINE|HL|TEXT|TRAILER|DATELINE|LP)>"
_P = re.compile(r"<P>(.*?)(?:</P>|(?=<P>)|\Z)", re.S | re.I)
_TAG = re.compile(r"</?[A-Za-z_][\w.-]*(?:\s[^<>]*)?>")
_ANNOTATION = re.compile(r"<ANNOTATION>.*?</ANNOTATION>", re.S | re.I)
# LDC control entities (&QL; quad-left, &UR;, &LR;, &Cx1f; …) carry typesetting codes, not text.
_CONTROL_ENTITY = re.compile(r"&(?:QL|QC|QR|UR|LR|HT|Cx[0-9a-fA-F]+);")
_SGML_ENTITY = {"&AMP;": "&", "&LT;": "<", "&GT;": ">", "&QUOT;": '"', "&APOS;": "'"}
_ENTITY = re.compile(r"&[A-Za-z][A-Za-z0-9]*;|&#\d+;|&#x[0-9a-fA-F]+;")
_INDENT = re.compile(r"^(?:\t| {2,})\s*\S")
_BLANK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class SgmlDoc:
    """One ``<DOC>`` of a newswire file: its number, raw field values and unwrapped body text."""

    docno: str | None
    headline: str | None
    date: str | None
    dateline: str | None
    text: str
    index: int


def parse_sgml(content: str) -> Iterator[SgmlDoc]:
    """Every ``<DOC>`` of ``content``, in order (a document without text still comes out, text empty)."""
    for index, match in enumerate(_DOC.finditer(content), 1):
        block = _ANNOTATION.sub("", match.group(1))
        fields = {name: _field(block, name) for name in _FIELD_NAMES}
        body_parts = [part for part in (fields["LP"], fields["TEXT"]) if part is not None]
        text = "\n\n".join(p for p in (_body(part) for part in body_parts) if p)
        headline = _inline(fields["HEADLINE"] or fields["HL"] or fields["HEAD"] or fields["TITLE"])
        yield SgmlDoc(
            docno=_inline(fields["DOCNO"]),
            headline=headline,
            date=_inline(fields["DATE_TIME"] or fields["DATE"]),
            dateline=_inline(fields["DATELINE"]),
            text=text,
            index=index,
        )


def _field(block: str, name: str) -> str | None:
    match = re.search(rf"<{name}(?:\s[^>]*)?>(.*?)(?:</{name}>|(?={_NEXT_FIELD})|\Z)", block, re.S | re.I)
    if match is None:
        return None
    return match.group(1)


def _unescape(text: str) -> str:
    text = _CONTROL_ENTITY.sub("", text)
    return _ENTITY.sub(lambda m: _SGML_ENTITY.get(m.group().upper()) or html.unescape(m.group()), text)


def _inline(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(_unescape(_TAG.sub(" ", value)).split())
    return value or None


def _body(raw: str) -> str:
    """Paragraphs of a ``<TEXT>`` block, each unwrapped to one line, separated by a blank line."""
    if _P.search(raw):
        chunks = [m.group(1) for m in _P.finditer(raw)]
    else:
        chunks = [raw]
    paragraphs: list[str] = []
    for chunk in chunks:
        chunk = _unescape(_TAG.sub("", chunk))
        for block in _BLANK.split(chunk):
            paragraphs.extend(_split_indented(block))
    return "\n\n".join(p for p in paragraphs if p)


def _split_indented(block: str) -> list[str]:
    """Split a block on indented lines (a tab or 2+ spaces starts a paragraph), unwrapping the rest."""
    lines = [line for line in block.split("\n") if line.strip()]
    if not lines:
        return []
    indented = [bool(_INDENT.match(line)) for line in lines]
    # Indentation marks paragraphs only when some, not all, lines are indented.
    starts_paragraphs = any(indented[1:]) and not all(indented)
    paragraphs: list[list[str]] = [[]]
    for line, indent in zip(lines, indented, strict=True):
        if starts_paragraphs and indent and paragraphs[-1]:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [" ".join(" ".join(p).split()) for p in paragraphs if p]
