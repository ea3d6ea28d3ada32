"""The Spark dedup's candidate step without Spark: bucket sets, sketch bounds and the pairs they keep."""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.dedup import Fingerprint, MinHasher, similarity, verify
from newsbrief.settings import DedupOptions
from newsbrief.spark.dedup_candidates import bucket_sets, common_bounds, may_verify, sketch, sketch_pairs

pa = pytest.importorskip("pyarrow")

OPTIONS = DedupOptions()
WORDS = "the a minister said flood river bank rescue team valley monday night school hall council".split()


def _batches(table: pa.Table, cuts: list[int]) -> list[pa.RecordBatch]:
    """The table as record batches cut at the given rows (groups split across batches on purpose)."""
    bounds = [0, *sorted(set(cuts)), table.num_rows]
    return [b for s, e in zip(bounds, bounds[1:], strict=False) if e > s
            for b in table.slice(s, e - s).combine_chunks().to_batches()]


def _exact_common(a: Fingerprint, b: Fingerprint) -> int:
    return len(np.intersect1d(a.shingles, b.shingles))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=3, max_size=60), min_size=2, max_size=6),
       st.integers(0, 2**32 - 1))
def test_the_sketch_bound_is_never_below_the_exact_common_count(texts, seed):
    hasher = MinHasher(options=OPTIONS)
    fps = [hasher.fingerprint(" ".join(words)) for words in texts]
    # squeeze the hashes into few sketch values too, so that chance collisions are frequent
    squeeze = random.Random(seed).random() < 0.5
    for fp in fps:
        assert len(fp.shingles)
    rows = np.concatenate([np.full(fp.size, r) for r, fp in enumerate(fps)])
    values = np.concatenate([sketch(fp.shingles) for fp in fps]).astype(np.int64)
    if squeeze:
        values &= 0x3
    i, j, bound = common_bounds(rows, values, np.zeros(len(fps), dtype=np.int64), len(fps))
    found = {(a, b): c for a, b, c in zip(i.tolist(), j.tolist(), bound.tolist(), strict=True)}
    for a, b in combinations(range(len(fps)), 2):
        exact = _exact_common(fps[a], fps[b])
        assert found.get((a, b), 0) >= exact
        sizes = np.array([fps[a].size]), np.array([fps[b].size])
        if verify(fps[a], fps[b], options=OPTIONS) is not None:
            assert may_verify(*sizes, np.array([found[(a, b)]]), options=OPTIONS)[0]


def test_may_verify_on_the_exact_count_is_verify():
    hasher = MinHasher(options=OPTIONS)
    rng = random.Random(3)
    base = [rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(120)]
    checked = 0
    for keep in range(40, 121, 4):
        for cut in (0, 30):
            a, b = hasher.fingerprint(" ".join(base)), hasher.fingerprint(" ".join(base[cut:keep]))
            common = _exact_common(a, b)
            assert similarity(a, b)[0] == common / (a.size + b.size - common)
            decided = may_verify(np.array([a.size]), np.array([b.size]), np.array([common]), options=OPTIONS)[0]
            assert decided == (verify(a, b, options=OPTIONS) is not None)
            checked += decided
    assert 0 < checked < 42  # both outcomes occur


def test_pairs_of_different_sets_are_never_compared():
    rows, values = np.array([0, 1, 2, 3]), np.array([7, 7, 7, 7])
    i, j, _ = common_bounds(rows, values, np.array([0, 0, 1, 1]), 4)
    assert sorted(zip(i.tolist(), j.tolist(), strict=True)) == [(0, 1), (2, 3)]


def test_bucket_sets_keep_buckets_of_two_distinct_ids_across_batches():
    rows = [(1, "a"), (1, "b"), (2, "c"), (3, "d"), (3, "d"), (4, "a"), (4, "c"), (4, "e"), (5, "x")]
    table = pa.table({"bucket": pa.array([r[0] for r in rows], pa.int64()), "id": [r[1] for r in rows]})
    for cuts in ([], [1], [4, 6], [1, 2, 3, 4, 5, 6, 7, 8]):
        out = [(b, ids) for batch in bucket_sets(_batches(table, cuts))
               for b, ids in zip(batch.column("bucket").to_pylist(), batch.column("ids").to_pylist(), strict=True)]
        assert out == [(1, ["a", "b"]), (4, ["a", "c", "e"])]


def test_sketch_pairs_are_the_candidate_pairs_verify_may_accept():
    hasher = MinHasher(options=OPTIONS)
    rng = random.Random(11)
    base = [rng.choice(WORDS) + str(rng.randrange(90)) for _ in range(200)]
    texts = {"a": base, "b": base[:150], "c": base[100:], "d": [w + "x" for w in base], "e": base[5:]}
    fps = {k: hasher.fingerprint(" ".join(v)) for k, v in texts.items()}
    sets = [(10, ["a", "b", "c", "d"]), (20, ["b", "c", "e"]), (30, ["d", "e"])]
    rows = [(s, k) for s, members in sets for k in members]
    table = pa.table({
        "set": pa.array([s for s, _ in rows], pa.int64()), "id": [k for _, k in rows],
        "size": pa.array([fps[k].size for _, k in rows], pa.int32()),
        "sketch": pa.array([sketch(fps[k].shingles).tolist() for _, k in rows], pa.list_(pa.int16())),
    })
    want = {tuple(sorted(p)) for _, members in sets for p in combinations(members, 2)
            if verify(fps[p[0]], fps[p[1]], options=OPTIONS) is not None}
    assert want >= {("a", "b"), ("b", "e")}
    for cuts in ([], [2], [3, 5, 8]):
        got = {(a, b) for batch in sketch_pairs(_batches(table, cuts), options=OPTIONS)
               for a, b in zip(batch.column("a").to_pylist(), batch.column("b").to_pylist(), strict=True)}
        assert all(a < b for a, b in got)
        assert want <= got  # every pair verify accepts goes on …
        assert ("a", "d") not in got and ("d", "e") not in got  # … and unrelated texts do not
