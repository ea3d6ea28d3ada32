r"""Bytes → text: binary detection, UTF-8 first, then charset-normalizer; content sniffing.

>>> decode_bytes("café".encode("latin-1"))
'café'
>>> decode_bytes("Le café a fermé après une décennie.".encode("latin-1"))
'Le café a fermé après une décennie.'
>>> decode_bytes(b"\x00\x01\x02\x03binary") is None
True
>>> sniff_text("<DOC>\n<DOCNO> X1 </DOCNO>\n<TEXT>Hi</TEXT></DOC>")
'sgml'
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

Sniffed = Literal["sgml", "html", "json", "text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, carriage return and form feed, and C1 controls: text has few.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SGML_DOC = re.compile(r"<DOC>\s*<DOCNO>", re.IGNORECASE)
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>])", re.I | re.S)
_SNIFF_CHARS = 4096
MAX_CONTROL_RATIO = 0.01
CP1252_MARGIN = 0.1
SHORT_BYTES = 200


_CONTROL_BYTES = bytes([*(b for b in range(32) if b not in (9, 10, 12, 13)), 127])


def looks_binary(data: bytes) -> bool:
    r"""True for data that is not text in any encoding: NUL bytes without a UTF-16/32 BOM, or many controls.

    >>> looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00")
    True
    >>> looks_binary("plain words".encode())
    False
    """
    head = data[:_SNIFF_CHARS]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # C speed, not a Python loop per byte
    return bool(head) and controls / len(head) > MAX_CONTROL_RATIO


def decode_bytes(data: bytes) -> str | None:
    r"""Decode ``data``: a BOM's encoding, else UTF-8, else charset-normalizer's best guess.

    Returns ``None`` when the data is binary or no encoding gives plausible text.  Line ends become
    ``\n``.
    """
    if looks_binary(data):
        return None
    return decode_text(data)


def decode_text(data: bytes) -> str | None:
    """:func:`decode_bytes` for data already known not to look binary (:func:`looks_binary`)."""
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data)
            if text is None:
                return None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:_SNIFF_CHARS]
    if sample and _controls(sample) / len(sample) > MAX_CONTROL_RATIO:
        return None
    return text


def _controls(sample: str) -> int:
    """How many characters of ``sample`` match ``_CONTROL`` (counted on the bytes of ASCII text, in C)."""
    if sample.isascii():  # the ASCII characters of _CONTROL are exactly _CONTROL_BYTES
        data = sample.encode("ascii")
        return len(data) - len(data.translate(None, _CONTROL_BYTES))
    return len(_CONTROL.findall(sample))


def _detect(data: bytes) -> str | None:
    """charset-normalizer's reading of ``data`` (:func:`_detect_encoding`), or ``None``."""
    found = _detect_encoding(data)
    return found[1] if found else None


def _detect_encoding(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's guess (encoding, text), biased to Windows-1252 when that reads about as well.

    charset-normalizer is unreliable on short Western texts (it picks cp1257 or even UTF-16 for
    a latin-1 "café"), so cp1252 wins whenever its chaos is within :data:`CP1252_MARGIN` of the best.
    UTF-16/32 without a BOM are ruled out: those texts have NUL bytes and were rejected as binary.
    """
    if len(data) < SHORT_BYTES:  # too short for statistics: the Western default
        try:
            return "cp1252", data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if matches:
        best = min(matches, key=lambda m: m.chaos)
        for match in matches:
            if match.encoding == "cp1252" and match.chaos <= best.chaos + CP1252_MARGIN:
                return "cp1252", str(match)
        if all(m.encoding != "cp1252" for m in matches):
            # charset-normalizer stops early and may not even list cp1252 (a mostly-English page with
            # cp1252's € and dashes came out as cp775 "Ć26,000 ¢"): score cp1252 with its own measure
            try:
                western = data.decode("cp1252")
            except UnicodeDecodeError:
                western = None
            if western is not None and mess_ratio(western) <= best.chaos + CP1252_MARGIN:
                return "cp1252", western
        return best.encoding, str(best)
    try:
        return "cp1252", data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def stream_encoding(head: bytes) -> str | None:
    r"""The encoding of a stream that starts with ``head`` (``None``: no guess).

    Its BOM's; UTF-8 when ``head`` is UTF-8 (a character cut at its end allowed); else charset-normalizer's
    guess on ``head``.

    >>> stream_encoding("Title,Content\n".encode()), stream_encoding("Café,Noël\n".encode("cp1252") * 40)
    ('utf-8', 'cp1252')
    >>> stream_encoding(codecs.BOM_UTF8 + b"a"), stream_encoding("é".encode()[:1])
    ('utf-8-sig', 'utf-8')
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return "utf-8-sig" if encoding == "utf-8" else encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        found = _detect_encoding(head)
        return found[0] if found else None


def sniff_text(text: str) -> Sniffed:
    r"""Guess the format of decoded text by its content: SGML newswire, HTML, JSON or plain text.

    >>> sniff_text('{"text": "Hello"}')
    'json'
    >>> sniff_text("<!DOCTYPE html><html><body>Hi</body></html>")
    'html'
    >>> sniff_text("Tsunami aid rises\n\nDonations rose.")
    'text'
    """
    head = text[:_SNIFF_CHARS]
    stripped = head.lstrip()
    if _SGML_DOC.search(head) and stripped[:5].upper() == "<DOC>":
        return "sgml"
    if _HTML_START.match(head):
        return "html"
    if stripped[:1] in ("{", "["):
        return "json"
    return "text"
