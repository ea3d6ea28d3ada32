"""MinHash fingerprints of many texts at once (the vectorised path of ``dedup.MinHasher.fingerprints``).

Computing a signature text by text costs a few dozen NumPy calls and one Python string per token;
at news-stream rates that per-call overhead, not the arithmetic, is the bill.  Here a whole chunk of
texts is handled as one array, as datasketch's ``MinHash.bulk`` / ``update_batch`` hash many values per
call: the texts' characters are classified and lower-cased through 256-entry tables, tokens are hashed
with one ``np.add.reduceat``, shingles with a rolling mix over all tokens of the chunk (shingles that
would span two texts are dropped), datasketch's permutations are applied to all shingles in blocks and
reduced per text with ``np.minimum.reduceat``.

The result is *identical* to ``MinHasher.fingerprint`` text by text (same tokens, token hashes,
shingle hashes, signatures; tested): texts that the tables cannot tokenise exactly — a character
outside Latin-1 after ``text.clean_chars``, fewer tokens than a shingle, no token at all — are left to
that per-text path (``None`` below).  Why not datasketch itself: ``MinHash.bulk`` takes one list of
byte strings per text and hashes them in Python; the tokens and shingles are the costly part.

>>> latin1_tokens("Ça va?  Très BIEN"), latin1_tokens("\\u20ac 5 \\u201cok\\u201d"), latin1_tokens("\\u03a9 5")
(b'\\xc7a va?  Tr\\xe8s BIEN', b'  5 "ok"', None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief import text as textmod

_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(29)
_HIGH = np.uint64(32)
#: Shingle rows per block of the permutation matrix (rows × permutations × 4 bytes ≈ 16 MiB at 128).
_BLOCK_ROWS = 4096
_OUTSIDE_LATIN1 = re.compile(r"[^\x00-\xff]")


@dataclass(frozen=True, slots=True)
class Tables:
    """Per Latin-1 code point: is it a ``\\w`` character, and its lower-case code point (0 if not a word one)."""

    word: np.ndarray
    lower: np.ndarray


@dataclass(frozen=True, slots=True)
class Packed:
    """Fingerprints of a chunk as a few arrays (cheap to send between processes).

    Row ``i`` of ``signatures`` / ``heads``; shingles of text ``i`` are
    ``shingles[offsets[i]:offsets[i + 1]]`` (sorted, unique).  ``done[i]`` is False for texts left to the
    per-text path (their rows are meaningless).
    """

    signatures: np.ndarray
    heads: np.ndarray
    shingles: np.ndarray
    offsets: np.ndarray
    done: np.ndarray


def latin1_tables(words: Callable[[str], list[str]]) -> Tables:
    """The tables, built from the tokeniser itself (``text.words``) and ``str.lower``.

    A code point whose lower case is not a single Latin-1 character would make the tables inexact;
    there is none (checked here: such a code point is marked non-word, and texts holding it are left
    to the per-text path by :func:`latin1_tokens`' caller through :data:`_UNSAFE`).
    """
    word = np.zeros(256, dtype=bool)
    lower = np.zeros(256, dtype=np.uint64)
    for code in range(256):
        char = chr(code)
        low = char.lower()
        word[code] = words(char) == [low]
        lower[code] = (ord(low) if len(low) == 1 and ord(low) < 256 else code) if word[code] else 0
    return Tables(word, lower)


def _unsafe_codes() -> frozenset[int]:
    """Latin-1 code points whose lower case is not one Latin-1 character (none today; kept exact)."""
    return frozenset(c for c in range(256) if len(chr(c).lower()) != 1 or ord(chr(c).lower()) >= 256)


_UNSAFE = _unsafe_codes()


def latin1_tokens(text: str) -> bytes | None:
    """The text as its tokens are read (``text.clean_chars``), Latin-1 encoded; ``None`` if impossible.

    Only the ``\\w`` tokens must come out as ``text.words(text.clean_chars(text))``: ASCII text is its
    own ``clean_chars`` form as far as tokens go (NFKC and the quote/dash table change no ASCII
    character; the LaTeX-quote rule only rewrites quote characters).  Otherwise the text is NFKC
    normalised (as ``clean_chars`` does) and each distinct character outside Latin-1 is replaced by its
    own ``clean_chars`` form when that is Latin-1 (curly quotes, dashes, a deleted zero-width space),
    by a space when it is no word character, and the text is left to the per-text path (``None``) when
    it is one (e.g. Greek letters).  ``str.translate`` over the whole text, which ``clean_chars`` runs,
    costs more than all the hashing; the equivalence is tested over every BMP character.
    """
    if text.isascii():
        return text.encode("ascii")
    normal = unicodedata.normalize("NFKC", text)
    try:
        encoded = normal.encode("latin-1")
    except UnicodeEncodeError:
        for char in set(_OUTSIDE_LATIN1.findall(normal)):
            mapped = textmod.clean_chars(char)
            if not mapped.isascii() and not _is_latin1(mapped):
                if textmod.words(mapped):
                    return None
                mapped = " "
            normal = normal.replace(char, mapped)
        encoded = normal.encode("latin-1")
    if _UNSAFE and any(byte in _UNSAFE for byte in encoded):  # pragma: no cover - no such code point today
        return None
    return encoded


def _is_latin1(text: str) -> bool:
    return all(ord(char) < 256 for char in text)


def token_hashes(
    buffers: Sequence[bytes], *, tables: Tables, char_weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """64-bit token hashes of all buffers in order, and the buffer index of each token.

    A token hash is the sum of its lower-cased code points times per-position weights (positions
    modulo ``len(char_weights)``), as ``MinHasher`` hashes a token.
    """
    joined = b"\x00".join(buffers)  # NUL is not a word character: tokens never span two texts
    codes = np.frombuffer(joined, dtype=np.uint8)
    word = tables.word[codes]
    start_mask = word.copy()
    start_mask[1:] &= ~word[:-1]
    starts = np.flatnonzero(start_mask)
    index = np.arange(len(codes), dtype=np.int32 if len(codes) < 2**31 else np.int64)
    position = index - np.maximum.accumulate(np.where(start_mask, index, 0))
    size = len(char_weights)
    position = position & (size - 1) if size & (size - 1) == 0 else position % size
    # non-word characters weigh 0 (``tables.lower`` is 0 there), so a token's sum may run on to the
    # next token's start
    values = tables.lower[codes] * char_weights[position]
    hashes = np.add.reduceat(values, starts) if len(starts) else np.zeros(0, np.uint64)
    lengths = np.fromiter((len(b) + 1 for b in buffers), dtype=np.int64, count=len(buffers))
    text_starts = np.r_[0, np.cumsum(lengths)[:-1]]
    return hashes, np.searchsorted(text_starts, starts, side="right") - 1


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a small array (sort + mask: NumPy 2's hash-based ``unique`` is slower here)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser (datasketch applies it before its ``affine32`` permutations)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def fingerprint_arrays(
    buffers: Sequence[bytes | None],
    *,
    tables: Tables,
    char_weights: np.ndarray,
    shingle_size: int,
    permutations: tuple[np.ndarray, np.ndarray],
    head_shingles: int,
) -> Packed:
    """Signatures, head signatures and sorted unique shingles of many texts (see the module docstring).

    ``buffers[i]`` is :func:`latin1_tokens` of text ``i`` (``None``: not done here).  Texts with fewer
    than ``shingle_size`` tokens are not done here either (``Packed.done`` False).
    """
    a, b = permutations
    n, num_perm = len(buffers), len(a)
    present = [i for i, buffer in enumerate(buffers) if buffer is not None]
    hashes, token_text = token_hashes([buffers[i] for i in present], tables=tables,  # type: ignore[misc]
                                      char_weights=char_weights)
    token_text = np.asarray(present, dtype=np.int64)[token_text] if len(present) else token_text
    tokens_per_text = np.bincount(token_text, minlength=n)
    done = tokens_per_text >= shingle_size
    count = max(len(hashes) - shingle_size + 1, 0)
    acc = np.zeros(count, dtype=np.uint64)
    for offset in range(shingle_size):
        acc = (acc ^ hashes[offset : offset + count]) * _MIX
        acc ^= acc >> _SHIFT
    keep = token_text[:count] == token_text[shingle_size - 1 : shingle_size - 1 + count]
    shingles, shingle_text = acc[keep], token_text[:count][keep]  # in text order, text by text
    per_text = np.bincount(shingle_text, minlength=n)
    first = np.r_[0, np.cumsum(per_text)[:-1]]
    signatures = np.full((n, num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    heads = signatures.copy()
    rank = np.arange(len(shingles)) - first[shingle_text]
    values = fmix32((shingles >> _HIGH).astype(np.uint32))
    texts_done = np.flatnonzero(done)
    ends = np.cumsum(per_text[texts_done])
    block_start = 0
    while block_start < len(texts_done):
        # whole texts per block, about _BLOCK_ROWS shingles (one long text may exceed it alone); the
        # (permutations × shingles) layout keeps the per-text minimum a contiguous reduceat
        row0 = ends[block_start - 1] if block_start else 0
        block_end = max(int(np.searchsorted(ends, row0 + _BLOCK_ROWS, side="right")), block_start + 1)
        block = texts_done[block_start:block_end]
        row1 = ends[block_end - 1]
        permuted = np.multiply(a[:, None], values[None, row0:row1])
        np.add(permuted, b[:, None], out=permuted)
        signatures[block] = np.minimum.reduceat(permuted, first[block] - row0, axis=1).T
        head_starts = np.r_[0, np.cumsum(np.minimum(per_text[block], head_shingles))[:-1]]
        heads[block] = np.minimum.reduceat(permuted[:, rank[row0:row1] < head_shingles], head_starts, axis=1).T
        block_start = block_end
    # sorted unique shingles text by text (a loop of small sorts beats one two-key sort of the chunk)
    bounds = np.r_[first, len(shingles)].tolist()
    sets = [_sorted_unique(shingles[bounds[i] : bounds[i + 1]]) for i in range(n)]
    offsets = np.r_[0, np.cumsum([len(x) for x in sets])]
    shingles = np.concatenate(sets) if sets else np.zeros(0, dtype=np.uint64)
    return Packed(signatures, heads, shingles, offsets, done)
