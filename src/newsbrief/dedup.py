"""Syndicated and near-duplicate copies: seeded MinHash signatures, an LSH index, exact verification.

Two objects, as in datasketch: :class:`MinHasher` turns a clean text into a :class:`Fingerprint`
(a seeded MinHash signature over the word shingles of :func:`newsbrief.text.shingles`, a second
signature over the text's first shingles, and the exact shingle set for verification), and
:class:`DuplicateIndex` (``add`` / ``query``) proposes candidates with datasketch's ``MinHashLSH``.
A candidate pair is a duplicate when :func:`verify` confirms it on the exact shingle sets: Jaccard
≥ ``DedupOptions.jaccard_threshold`` or containment of the shorter copy in the longer one
≥ ``DedupOptions.containment_threshold`` (a trimmed copy is a duplicate even when its Jaccard is low;
the head signature makes LSH propose such pairs).  :func:`find_duplicate_groups` is the batch entry.

>>> from newsbrief.model import Article
>>> body = ("Rescue teams searched the flooded valley on Monday after the river burst its banks, "
...         "officials said, and hundreds of families spent the night in school halls. ") * 3
>>> a = Article(id="a", content_hash="h1", source="a.txt", title=None, text=body)
>>> b = Article(id="b", content_hash="h2", source="b.txt", title=None, text=body + "More follows.")
>>> c = Article(id="c", content_hash="h3", source="c.txt", title=None, text="A different story.")
>>> [g.member_ids for g in find_duplicate_groups([a, b, c], options=DedupOptions())]
[('b', 'a'), ('c',)]
"""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

import numpy as np
from datasketch import LeanMinHash, MinHash
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from newsbrief import text as textmod
from newsbrief.dedup_batch import Packed, fingerprint_arrays, fmix32, latin1_tables, latin1_tokens
from newsbrief.model import Article, DuplicateGroup
from newsbrief.settings import DedupOptions

#: A trimmed copy is found through the signature of the first ``HEAD_SHINGLES`` shingles.
HEAD_SHINGLES = 40
#: LSH threshold (estimated Jaccard) of the head signatures.
HEAD_LSH_THRESHOLD = 0.5
#: Containment alone makes a duplicate only when the shorter copy has at least this many shingles
#: (so that a one-line text contained in a long article is not a "copy" of it).
MIN_CONTAINMENT_SHINGLES = 15
#: Below this many texts signatures are computed in-process (a pool costs more than it saves).
PARALLEL_MIN = 1500
#: Below this many candidate pairs verification stays in-process.
PARALLEL_PAIRS = 50_000
#: Texts per pool task.
CHUNK = 500

_SCHEME = "affine32"
_MAX_TOKEN_CHARS = 64
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(29)
_HIGH = np.uint64(32)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What dedup knows about one text.

    ``signature`` / ``head`` are MinHash hash values (``uint32``, one per permutation) of all shingles
    and of the first :data:`HEAD_SHINGLES`; ``shingles`` the sorted unique 64-bit shingle hashes used
    for exact verification (``None`` when only the persisted signatures were loaded).
    """

    signature: np.ndarray
    head: np.ndarray
    shingles: np.ndarray | None = None

    @property
    def size(self) -> int:
        """Number of distinct shingles (0 when unknown or empty)."""
        return 0 if self.shingles is None else len(self.shingles)

    def to_bytes(self) -> bytes:
        """Persistable form of both signatures (little-endian ``uint32``).

        >>> fp = MinHasher(options=DedupOptions()).fingerprint("one two three four five six")
        >>> Fingerprint.from_bytes(fp.to_bytes()).signature.tolist() == fp.signature.tolist()
        True
        """
        return self.signature.astype("<u4").tobytes() + self.head.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes, shingles: np.ndarray | None = None) -> Fingerprint:
        """Signatures back from :meth:`to_bytes` (shingles may be supplied from the text)."""
        values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
        half = len(values) // 2
        return cls(values[:half], values[half:], shingles)


class MinHasher:
    """Seeded MinHash signatures over word shingles (``DedupOptions.shingle_size`` words).

    The shingles are those of :func:`newsbrief.text.shingles` (the ``text.words`` tokens of the
    ``text.clean_chars`` text); each shingle is hashed from its tokens with numpy instead of hashing the
    joined string in Python (same set, about 5× faster), then datasketch applies the seeded permutations.

    >>> hasher = MinHasher(options=DedupOptions())
    >>> fp = hasher.fingerprint("The minister said the plan would cost 12 million pounds.")
    >>> len(fp.signature), fp.size
    (128, 6)
    >>> hasher.fingerprint("THE  minister said the plan would cost 12 million pounds").signature.tolist() == fp.signature.tolist()
    True
    """

    def __init__(self, *, options: DedupOptions) -> None:
        if options.num_perm < 128:
            raise ValueError(f"num_perm must be at least 128, got {options.num_perm}")
        self.options = options
        self._base = MinHash(num_perm=options.num_perm, seed=options.seed, hashfunc=int, scheme=_SCHEME)
        a, b = self._base.permutations
        self._permutations = (np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32))
        rng = np.random.default_rng(options.seed)
        self._char_weights = rng.integers(1, 2**63, size=_MAX_TOKEN_CHARS, dtype=np.uint64) | np.uint64(1)
        self._tables = latin1_tables(textmod.words)

    def tokens(self, text: str) -> list[str]:
        """The tokens shingles are made of (as in :func:`newsbrief.text.shingles`)."""
        return textmod.words(textmod.clean_chars(text))

    def shingle_hashes(self, text: str, *, ordered: bool = False) -> np.ndarray:
        """64-bit hashes of the shingles of ``text``: sorted unique, or in text order if ``ordered``."""
        tokens = self.tokens(text)
        if not tokens:
            return np.zeros(0, dtype=np.uint64)
        token_hashes = self._token_hashes(tokens)
        size = min(self.options.shingle_size, len(tokens))
        count = len(tokens) - size + 1
        acc = np.zeros(count, dtype=np.uint64)
        for offset in range(size):
            acc = (acc ^ token_hashes[offset : offset + count]) * _MIX
            acc ^= acc >> _SHIFT
        return acc if ordered else np.unique(acc)

    def _token_hashes(self, tokens: list[str]) -> np.ndarray:
        """64-bit hash of each token: sum of its code points times per-position random odd weights.

        All tokens are hashed at once from one UTF-32 buffer (tokens are ``\\w+`` runs, so a space
        separates them unambiguously); positions past :data:`_MAX_TOKEN_CHARS` reuse the weights.
        """
        codes = np.frombuffer(" ".join(tokens).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        separator = codes == 32
        starts = np.flatnonzero(np.r_[True, separator[:-1]])
        position = np.arange(len(codes)) - np.repeat(starts, np.diff(np.r_[starts, len(codes)]))
        weights = self._char_weights[position % _MAX_TOKEN_CHARS] * ~separator
        return np.add.reduceat(codes * weights, starts)

    def _minhash(self, hashes: np.ndarray) -> np.ndarray:
        """The reference: datasketch's own ``MinHash.update_batch`` over some shingle hashes."""
        if len(hashes) == 0:
            return self._base.hashvalues.copy()
        minhash = self._base.copy()
        minhash.update_batch((hashes >> _HIGH).tolist())
        return minhash.hashvalues

    def fingerprint(self, text: str) -> Fingerprint:
        """Signatures and exact shingle set of one text.

        Both signatures come from one matrix: datasketch's seeded affine permutations (``a·h + b`` mod
        2³² after the MurmurHash3 finaliser, the ``affine32`` scheme) applied once to the distinct
        shingles, the head signature taking the minimum over the rows of the first shingles.  This is
        exactly what ``MinHash.update_batch`` computes (checked in the tests), without a second pass.
        """
        ordered = self.shingle_hashes(text, ordered=True)
        if not len(ordered):
            empty = self._base.hashvalues.copy()
            return Fingerprint(empty, empty.copy(), ordered)
        unique, inverse = np.unique(ordered, return_inverse=True)
        values = fmix32((unique >> _HIGH).astype(np.uint32)).reshape(-1, 1)
        a, b = self._permutations
        permuted = values * a + b
        return Fingerprint(permuted.min(axis=0), permuted[inverse[:HEAD_SHINGLES]].min(axis=0), unique)

    def fingerprints(self, texts: Sequence[str], *, workers: int | None = None) -> list[Fingerprint]:
        """:meth:`fingerprint` of many texts (the same values), vectorised, in a process pool when many.

        Texts are handled :data:`CHUNK` at a time as one array (:mod:`newsbrief.dedup_batch`);
        ``workers``: processes (default: all cores) from :data:`PARALLEL_MIN` texts up; the order of
        the texts is preserved.

        >>> fps = MinHasher(options=DedupOptions()).fingerprints(["a b c d e f", "a b c d e f"], workers=1)
        >>> fps[0].signature.tolist() == fps[1].signature.tolist()
        True
        """
        workers = workers or os.cpu_count() or 1
        chunks = [list(texts[i : i + CHUNK]) for i in range(0, len(texts), CHUNK)]
        if workers <= 1 or len(texts) < PARALLEL_MIN:
            return [fp for chunk in chunks for fp in _unpack(*self.fingerprint_chunk(chunk))]
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
            results = pool.map(_fingerprint_chunk, [self.options] * len(chunks), chunks)
            return [fp for packed, fallback in results for fp in _unpack(packed, fallback)]

    def fingerprint_chunk(self, texts: Sequence[str]) -> tuple[Packed, dict[int, Fingerprint]]:
        """Fingerprints of some texts as arrays, plus those computed text by text (see :mod:`~newsbrief.dedup_batch`)."""
        packed = fingerprint_arrays([latin1_tokens(t) for t in texts], tables=self._tables,
                                    char_weights=self._char_weights, shingle_size=self.options.shingle_size,
                                    permutations=self._permutations, head_shingles=HEAD_SHINGLES)
        fallback = {i: self.fingerprint(texts[i]) for i in np.flatnonzero(~packed.done).tolist()}
        return packed, fallback

    def lean(self, values: np.ndarray) -> LeanMinHash:
        """A datasketch ``LeanMinHash`` of some hash values (for ``MinHashLSH`` and ``jaccard``)."""
        return LeanMinHash(seed=self.options.seed, hashvalues=values, scheme=_SCHEME)


def _fingerprint_chunk(options: DedupOptions, texts: list[str]) -> tuple[Packed, dict[int, Fingerprint]]:
    return MinHasher(options=options).fingerprint_chunk(texts)


def _unpack(packed: Packed, fallback: dict[int, Fingerprint]) -> list[Fingerprint]:
    """:class:`Fingerprint` objects (views into the chunk's arrays) from :meth:`MinHasher.fingerprint_chunk`."""
    offsets = packed.offsets.tolist()
    return [
        fallback[i] if i in fallback
        else Fingerprint(packed.signatures[i], packed.heads[i], packed.shingles[offsets[i] : offsets[i + 1]])
        for i in range(len(offsets) - 1)
    ]


def similarity(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Exact shingle ``(jaccard, containment of the smaller set in the larger)``.

    >>> h = MinHasher(options=DedupOptions())
    >>> long = h.fingerprint("one two three four five six seven eight nine ten")
    >>> short = h.fingerprint("one two three four five six seven")
    >>> similarity(long, short)
    (0.5, 1.0)
    """
    if a.shingles is None or b.shingles is None:
        raise ValueError("similarity needs the shingle sets of both fingerprints")
    if not len(a.shingles) or not len(b.shingles):
        return 0.0, 0.0
    small, large = (a.shingles, b.shingles) if len(a.shingles) <= len(b.shingles) else (b.shingles, a.shingles)
    # both sorted and unique: look the smaller set up in the larger (cheaper than np.intersect1d's sort)
    found = np.minimum(np.searchsorted(large, small), len(large) - 1)
    common = int(np.count_nonzero(large[found] == small))
    union = len(a.shingles) + len(b.shingles) - common
    return common / union, common / min(len(a.shingles), len(b.shingles))


def member_similarity(member: Fingerprint, canonical: Fingerprint) -> float:
    """The similarity a group records for a member: ``max(jaccard, containment)`` to the canonical copy.

    >>> h = MinHasher(options=DedupOptions())
    >>> member_similarity(h.fingerprint("a b c d e f"), h.fingerprint("a b c d e f g"))
    1.0
    """
    jaccard, containment = similarity(member, canonical)
    return round(max(jaccard, containment), 4)


def verify(a: Fingerprint, b: Fingerprint, *, options: DedupOptions) -> float | None:
    """The similarity of a verified duplicate pair, or ``None`` when the pair is not one.

    The similarity is the score that decided: ``max(jaccard, containment)`` (containment counts only
    when the smaller copy has at least :data:`MIN_CONTAINMENT_SHINGLES` shingles).

    >>> h = MinHasher(options=DedupOptions())
    >>> verify(h.fingerprint("a b c d e f g"), h.fingerprint("x y z w v u"), options=DedupOptions()) is None
    True
    """
    found = verify_candidates([a, b], np.zeros(1, dtype=np.int64), np.ones(1, dtype=np.int64), options=options)
    return found[0][2] if found else None


@functools.lru_cache(maxsize=16)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The optimal ``(bands, rows)`` for an LSH ``threshold``: the same answer as ``MinHashLSH(...).b / .r``.

    datasketch minimises ``fp + fn`` (weights 0.5 / 0.5) over every ``b × r ≤ num_perm`` with two
    adaptive ``scipy.integrate.quad`` calls per pair (≈60 ms per threshold, paid by every process
    that builds an index: a fifth of a 1,000-article dedup).  The integrands ``1 - (1 - s^r)^b`` are
    polynomials of degree ``r·b ≤ num_perm``, so Gauss–Legendre quadrature with ``num_perm // 2 + 1``
    nodes integrates them exactly; all pairs are evaluated at once with numpy and the first minimum
    in datasketch's order (``b``, then ``r``) is taken.  Equality with datasketch is tested.

    >>> from datasketch import MinHashLSH
    >>> lsh_bands(0.5, 128) == (MinHashLSH(threshold=0.5, num_perm=128).b, MinHashLSH(threshold=0.5, num_perm=128).r)
    True
    """
    pairs = np.array([(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], dtype=float)
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)

    def collision(low: float, high: float) -> np.ndarray:
        """∫ P(candidate | similarity s) ds over [low, high] for every (b, r) pair."""
        s = (high - low) / 2 * nodes + (high + low) / 2
        probability = 1 - (1 - s[None, :] ** pairs[:, 1:2]) ** pairs[:, 0:1]
        return (high - low) / 2 * (probability @ weights)

    false_positive = collision(0.0, threshold)
    false_negative = (1 - threshold) - collision(threshold, 1.0)
    best = int(np.argmin(0.5 * false_positive + 0.5 * false_negative))
    return int(pairs[best, 0]), int(pairs[best, 1])


class DuplicateIndex:
    """LSH over full and head signatures: ``add`` a key, ``query`` candidate keys.

    The banding parameters ``(b, r)`` are datasketch's (``MinHashLSH(threshold, num_perm).b / .r``, i.e.
    the false positive/negative optimum for ``DedupOptions.lsh_threshold``, and
    :data:`HEAD_LSH_THRESHOLD` for head signatures).  The bands themselves are hashed here with numpy,
    because ``MinHashLSH.insert``/``query`` work band by band in Python (measured ≈1 ms per article for
    insert + query on 128 permutations), which alone would cap dedup far below 5,000 articles/s;
    vectorised band keys also make candidate search over a whole batch a sort.
    Candidates are unverified: check them with :func:`verify`.  The index can be rebuilt from
    persisted signatures (:meth:`Fingerprint.from_bytes`), so a store keeps using it across runs.

    >>> h = MinHasher(options=DedupOptions())
    >>> index = DuplicateIndex(options=DedupOptions())
    >>> index.add("x", h.fingerprint("the cat sat on the mat and looked at the dog"))
    >>> index.query(h.fingerprint("the cat sat on the mat and looked at the dog again"))
    ['x']
    """

    def __init__(self, *, options: DedupOptions) -> None:
        self.bands: tuple[tuple[int, int], tuple[int, int]] = (
            lsh_bands(options.lsh_threshold, options.num_perm),
            lsh_bands(HEAD_LSH_THRESHOLD, options.num_perm),
        )
        self._buckets: dict[int, list[str]] = {}
        self._keys: set[str] = set()

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def band_keys(self, fingerprints: Sequence[Fingerprint]) -> np.ndarray:
        """``(len(fingerprints), b_full + b_head)`` int64 bucket keys, one per band."""
        if not fingerprints:
            return np.zeros((0, sum(b for b, _ in self.bands)), dtype=np.int64)
        parts = []
        for (bands, rows), attribute, salt in ((self.bands[0], "signature", 0), (self.bands[1], "head", 1)):
            matrix = np.stack([getattr(fp, attribute) for fp in fingerprints]).astype(np.uint64)
            for band in range(bands):
                acc = np.full(len(fingerprints), (salt << 16) + band + 1, dtype=np.uint64) * _MIX
                for column in range(band * rows, (band + 1) * rows):
                    acc = (acc ^ matrix[:, column]) * _MIX
                    acc ^= acc >> _SHIFT
                parts.append(acc)
        return np.stack(parts, axis=1).view(np.int64)

    def add(self, key: str, fingerprint: Fingerprint) -> None:
        """Index one fingerprint under ``key`` (adding a key twice is a no-op)."""
        self.add_many([key], [fingerprint])

    def add_many(self, keys: Sequence[str], fingerprints: Sequence[Fingerprint]) -> None:
        """:meth:`add` many fingerprints at once (vectorised band hashing)."""
        for key, row in zip(keys, self.band_keys(fingerprints).tolist(), strict=True):
            if key in self._keys:
                continue
            self._keys.add(key)
            for bucket in row:
                self._buckets.setdefault(bucket, []).append(key)

    def query(self, fingerprint: Fingerprint) -> list[str]:
        """Sorted keys of indexed fingerprints that may be duplicates of ``fingerprint``."""
        return self.query_many([fingerprint])[0]

    def query_many(self, fingerprints: Sequence[Fingerprint]) -> list[list[str]]:
        """:meth:`query` for many fingerprints."""
        results = []
        for row in self.band_keys(fingerprints).tolist():
            found: set[str] = set()
            for bucket in row:
                found.update(self._buckets.get(bucket, ()))
            results.append(sorted(found))
        return results


def candidate_arrays(index: DuplicateIndex, fingerprints: Sequence[Fingerprint]) -> tuple[np.ndarray, np.ndarray]:
    """Position pairs sharing at least one LSH bucket, as two arrays ``(low, high)`` sorted by ``(low, high)``.

    One sort over all band keys; the pairs of every bucket are expanded at once (each bucket member
    with each later member of its bucket), then made unique.

    >>> h = MinHasher(options=DedupOptions())
    >>> fps = [h.fingerprint("a b c d e f g h"), h.fingerprint("x y z"), h.fingerprint("a b c d e f g h")]
    >>> [x.tolist() for x in candidate_arrays(DuplicateIndex(options=DedupOptions()), fps)]
    [[0], [2]]
    """
    keys = index.band_keys(fingerprints)
    none = np.zeros(0, dtype=np.int64)
    if not len(keys):
        return none, none
    flat = keys.ravel()
    order = np.argsort(flat)  # the order inside a bucket does not matter: pairs are normalised below
    flat, owner = flat[order], order // keys.shape[1]
    starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]])
    ends = np.r_[starts[1:], len(flat)]
    lengths = ends - starts
    # every position of a shared bucket, with how many members follow it in the bucket
    positions = np.flatnonzero(np.repeat(lengths >= 2, lengths))
    following = np.repeat(ends, lengths)[positions] - positions - 1
    positions, following = positions[following > 0], following[following > 0]
    if not len(positions):
        return none, none
    block = np.cumsum(following) - following
    step = np.arange(int(following.sum())) - np.repeat(block, following)
    first = np.repeat(positions, following)
    a, b = owner[first], owner[first + 1 + step]
    low, high = np.minimum(a, b)[a != b], np.maximum(a, b)[a != b]
    codes = np.unique(low.astype(np.int64) * len(fingerprints) + high)
    return codes // len(fingerprints), codes % len(fingerprints)


def candidate_pairs(index: DuplicateIndex, fingerprints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    """:func:`candidate_arrays` as a set of position pairs ``(i, j)``, ``i < j``.

    >>> h = MinHasher(options=DedupOptions())
    >>> fps = [h.fingerprint("a b c d e f g h"), h.fingerprint("x y z"), h.fingerprint("a b c d e f g h")]
    >>> sorted(candidate_pairs(DuplicateIndex(options=DedupOptions()), fps))
    [(0, 2)]
    """
    low, high = candidate_arrays(index, fingerprints)
    return set(zip(low.tolist(), high.tolist(), strict=True))


def verify_candidates(
    fingerprints: Sequence[Fingerprint], low: np.ndarray, high: np.ndarray, *, options: DedupOptions
) -> list[tuple[int, int, float]]:
    """The verified pairs ``(i, j, similarity)`` among candidate position pairs (``low`` sorted).

    The decision (and :func:`verify`'s, which calls this for one pair): exact shingle Jaccard ≥
    ``jaccard_threshold``, or containment of the smaller set ≥ ``containment_threshold`` when it has at
    least :data:`MIN_CONTAINMENT_SHINGLES` shingles; the score is the larger of the two, rounded to 4
    places.  The shingle sets of all the partners of one article are looked up in its set at once
    (one ``searchsorted`` per article instead of one per pair: the candidate pairs of a large stream
    are mostly non-duplicates, and numpy's per-call overhead, not the lookups, dominated their
    verification).

    >>> h = MinHasher(options=DedupOptions())
    >>> fps = [h.fingerprint("a b c d e f g h"), h.fingerprint("x y z"), h.fingerprint("a b c d e f g h")]
    >>> verify_candidates(fps, np.array([0, 0]), np.array([1, 2]), options=DedupOptions())
    [(0, 2, 1.0)]
    """
    if not len(low):
        return []
    sizes = np.fromiter((fp.size for fp in fingerprints), dtype=np.int64, count=len(fingerprints))
    if any(fingerprints[i].shingles is None for i in np.unique(np.r_[low, high]).tolist()):
        raise ValueError("verification needs the shingle sets of both fingerprints")
    # each pair's smaller set is looked up in its larger one; pairs grouped by their larger member
    swap = sizes[high] > sizes[low]
    big, small = np.where(swap, high, low), np.where(swap, low, high)
    order = np.lexsort((small, big))
    big, small = big[order], small[order]
    common = np.zeros(len(low), dtype=np.int64)
    bounds = np.flatnonzero(np.concatenate(([True], big[1:] != big[:-1], [True])))
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        own: np.ndarray = fingerprints[int(big[start])].shingles  # type: ignore[assignment]
        if not len(own):
            continue  # nothing in common with an empty text
        values = np.concatenate([fingerprints[j].shingles for j in small[start:end].tolist()])  # type: ignore[misc]
        found = np.searchsorted(own, values)
        found[found == len(own)] = len(own) - 1
        hits = np.concatenate(([0], np.cumsum(own[found] == values)))
        ends = np.cumsum(sizes[small[start:end]])
        common[order[start:end]] = hits[ends] - hits[ends - sizes[small[start:end]]]
    size_a, size_b = sizes[low], sizes[high]
    smaller = np.minimum(size_a, size_b)
    union = size_a + size_b - common
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, common / np.maximum(union, 1), 0.0)
        containment = np.where(smaller >= MIN_CONTAINMENT_SHINGLES, common / np.maximum(smaller, 1), 0.0)
    passed = (jaccard >= options.jaccard_threshold) | (containment >= options.containment_threshold)
    return [(int(low[k]), int(high[k]), round(float(max(jaccard[k], containment[k])), 4))
            for k in np.flatnonzero(passed).tolist()]


def verified_positions(
    index: DuplicateIndex, fingerprints: Sequence[Fingerprint], *, options: DedupOptions, workers: int = 1
) -> list[tuple[int, int, float]]:
    """Verified duplicate pairs ``(i, j, similarity)``, ``i < j``, among the non-empty fingerprints.

    With ``workers`` > 1 and at least :data:`PARALLEL_PAIRS` candidate pairs, the pairs are verified
    in that many forked processes (they inherit the fingerprints; only the pair arrays and the
    verified pairs travel), split at article boundaries; the result is the same.

    >>> h = MinHasher(options=DedupOptions())
    >>> fps = [h.fingerprint("a b c d e f g h"), h.fingerprint(""), h.fingerprint("a b c d e f g h")]
    >>> verified_positions(DuplicateIndex(options=DedupOptions()), fps, options=DedupOptions())
    [(0, 2, 1.0)]
    """
    nonempty = [i for i, fp in enumerate(fingerprints) if fp.size]
    kept = [fingerprints[i] for i in nonempty]
    low, high = candidate_arrays(index, kept)
    if workers <= 1 or len(low) < PARALLEL_PAIRS:
        found = verify_candidates(kept, low, high, options=options)
    else:
        cuts = [0] + [int(np.searchsorted(low, low[len(low) * k // workers])) for k in range(1, workers)] + [len(low)]
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                                 initializer=_share_fingerprints, initargs=(kept,)) as pool:
            spans = list(itertools.pairwise(cuts))
            parts = pool.map(_verify_shared, [low[a:b] for a, b in spans], [high[a:b] for a, b in spans],
                             [options] * len(spans))
            found = [pair for part in parts for pair in part]
    return [(nonempty[a], nonempty[b], score) for a, b, score in found]


_shared_fingerprints: Sequence[Fingerprint] = ()


def _share_fingerprints(fingerprints: Sequence[Fingerprint]) -> None:
    """Pool initializer: a forked worker keeps the (inherited, not pickled) fingerprints."""
    global _shared_fingerprints
    _shared_fingerprints = fingerprints


def _verify_shared(low: np.ndarray, high: np.ndarray, options: DedupOptions) -> list[tuple[int, int, float]]:
    return verify_candidates(_shared_fingerprints, low, high, options=options)


def verified_pairs(
    keys: Sequence[str], fingerprints: Sequence[Fingerprint], *, options: DedupOptions, workers: int = 1
) -> dict[tuple[str, str], float]:
    """Verified duplicate pairs ``(key_a, key_b) → similarity`` (``key_a < key_b``) among the fingerprints.

    >>> h = MinHasher(options=DedupOptions())
    >>> fps = [h.fingerprint("a b c d e f g h"), h.fingerprint("a b c d e f g h")]
    >>> verified_pairs(["p", "q"], fps, options=DedupOptions())
    {('p', 'q'): 1.0}
    """
    pairs: dict[tuple[str, str], float] = {}
    for i, j, score in verified_positions(DuplicateIndex(options=options), fingerprints, options=options,
                                              workers=workers):
        pairs[(min(keys[i], keys[j]), max(keys[i], keys[j]))] = score
    return pairs


def groups_from_pairs(
    articles: Sequence[Article], pairs: dict[tuple[str, str], float], fingerprints: dict[str, Fingerprint]
) -> tuple[DuplicateGroup, ...]:
    """Connected components of verified pairs as :class:`DuplicateGroup`.

    Canonical = longest clean text, ties by id; each member's similarity is measured against the
    canonical copy; groups are sorted by canonical id.
    """
    position = {article.id: i for i, article in enumerate(articles)}
    # connected components with scipy's graph routine (a Python union-find over every article of a large
    # stream cost more than the rest of the grouping); only the partition matters, not the labels
    ends = np.array([(position[a], position[b]) for a, b in pairs], dtype=np.int64).reshape(-1, 2)
    graph = coo_matrix((np.ones(len(ends), dtype=np.int8), (ends[:, 0], ends[:, 1])), shape=(len(articles),) * 2)
    labels = connected_components(graph, directed=False)[1].tolist()
    components: dict[int, list[Article]] = {}
    for article, label in zip(articles, labels, strict=True):
        components.setdefault(label, []).append(article)
    groups = []
    for members in components.values():
        if len(members) == 1:
            groups.append(DuplicateGroup(members[0].id, ((members[0].id, 1.0),)))
            continue
        canonical = min(members, key=lambda a: (-len(a.text), a.id))
        scored = [(canonical.id, 1.0)]
        for member in sorted(members, key=lambda a: a.id):
            if member.id != canonical.id:
                scored.append((member.id, member_similarity(fingerprints[member.id], fingerprints[canonical.id])))
        groups.append(DuplicateGroup(canonical.id, tuple(scored)))
    return tuple(sorted(groups, key=lambda g: g.canonical_id))


def independent_sources(articles: Sequence[Article], groups: Iterable[DuplicateGroup]) -> dict[str, str]:
    """Article id → its independent source: the canonical id of its duplicate group, else itself.

    Syndicated copies map to one source, so counting distinct values counts independent sources.

    >>> from newsbrief.model import DuplicateGroup
    >>> a, b = Article("a", "h", "a.txt", None, "x"), Article("b", "h", "b.txt", None, "x")
    >>> independent_sources([a, b], [DuplicateGroup("a", (("a", 1.0), ("b", 1.0)))])
    {'a': 'a', 'b': 'a'}
    """
    source = {article.id: article.id for article in articles}
    for group in groups:
        for member in group.member_ids:
            if member in source:
                source[member] = group.canonical_id
    return source


def find_duplicate_groups(
    articles: Sequence[Article], *, options: DedupOptions, workers: int | None = None
) -> tuple[DuplicateGroup, ...]:
    """Group syndicated / near-duplicate copies; every article is in exactly one group.

    Independent of input order (candidate pairs from LSH banding are symmetric, components do not
    depend on order, groups are sorted by canonical id).  Articles with the same id count once.
    """
    unique = list({article.id: article for article in articles}.values())
    unique.sort(key=lambda a: a.id)
    fingerprints = MinHasher(options=options).fingerprints([a.text for a in unique], workers=workers)
    keys = [a.id for a in unique]
    pairs = verified_pairs(keys, fingerprints, options=options, workers=workers or os.cpu_count() or 1)
    return groups_from_pairs(unique, pairs, dict(zip(keys, fingerprints, strict=True)))
