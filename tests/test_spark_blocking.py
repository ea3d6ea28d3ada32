"""The stories job's blocking helpers, without Spark: band pairs of a posting list and their edges."""

from __future__ import annotations

from collections import namedtuple

import numpy as np
import pytest

from newsbrief.spark.stories import SparkStoriesOptions, _band_pairs, _edge_batches

pa = pytest.importorskip("pyarrow")

Member = namedtuple("Member", "first smallest unit idx val last")
Posting = namedtuple("Posting", "m")
MEMBER = pa.struct([("first", pa.int32()), ("smallest", pa.string()), ("unit", pa.string()),
                    ("idx", pa.list_(pa.int32())), ("val", pa.list_(pa.float64())), ("last", pa.int32())])


def _partition_edges(lists, **options):
    """The edges of some posting lists, through the Arrow batches the Spark job hands over (two batches)."""
    column = pa.array([[m._asdict() for m in posting.m] for posting in lists], type=pa.list_(MEMBER))
    batch = pa.RecordBatch.from_arrays([column], names=["m"])
    halves = [batch.slice(0, len(batch) // 2), batch.slice(len(batch) // 2)]  # sliced batches too
    for out in _edge_batches(halves, **options):
        yield from zip(out.column("src").to_pylist(), out.column("dst").to_pylist(), strict=True)


@pytest.mark.parametrize(("n", "cap"), [(1, 3), (2, 3), (4, 3), (5, 2), (10, 3), (7, 200), (450, 200)])
def test_band_pairs_are_each_unit_against_the_cap_units_before_it(n, cap):
    i, j = _band_pairs(n, cap)
    want = sorted((a, b) for a in range(n) for b in range(max(0, a - cap), a))
    assert sorted(zip(i.tolist(), j.tolist(), strict=True)) == want


def _unit(name, vector, first=None, last=None):
    idx = [k for k, v in enumerate(vector) if v]
    norm = float(np.linalg.norm(vector))
    return Member(first, name, name, idx, [vector[k] / norm for k in idx], last if last is not None else first)


def test_partition_edges_link_close_units_within_the_cap_in_clusterer_order():
    a = _unit("a", [1.0, 1.0, 0.0, 0.0], first=10)
    b = _unit("b", [1.0, 0.9, 0.0, 0.0], first=11)  # close to a
    c = _unit("c", [0.0, 0.0, 1.0, 1.0], first=12)  # far from both
    d = _unit("d", [1.0, 1.0, 0.1, 0.0], first=None)  # undated: last in the posting list
    # given out of order: the function sorts by (undated, first, smallest)
    edges = set(_partition_edges([Posting([d, c, b, a])], floor=0.5, cap=3, days=None))
    assert edges == {("a", "b"), ("a", "d"), ("b", "d")}
    # cap 1: each unit meets only the one before it in (date, id) order: a-b, b-c, c-d
    edges = set(_partition_edges([Posting([d, c, b, a])], floor=0.5, cap=1, days=None))
    assert edges == {("a", "b")}


def test_partition_edges_respect_block_days_but_not_for_undated_units():
    a = _unit("a", [1.0, 1.0, 0.0], first=10)
    b = _unit("b", [1.0, 1.0, 0.0], first=100)
    d = _unit("d", [1.0, 1.0, 0.0])
    edges = set(_partition_edges([Posting([a, b, d])], floor=0.5, cap=10, days=30))
    assert edges == {("a", "d"), ("b", "d")}


def test_the_default_block_floor_is_the_clusterers_edge_floor():
    options = SparkStoriesOptions()
    assert options.floor() == pytest.approx(options.cluster.threshold * options.cluster.edge_ratio)


def test_partition_edges_of_several_lists_in_one_batch_keep_each_list_apart():
    a = _unit("a", [1.0, 1.0, 0.0], first=10)
    b = _unit("b", [1.0, 1.0, 0.0], first=11)
    c = _unit("c", [1.0, 1.0, 0.0], first=12)
    d = _unit("d", [0.0, 1.0, 1.0], first=13)
    # cap 1 inside each list: a-b in the first, b-c and c-d (cosine 0.5) in the second; a and c never meet
    edges = set(_partition_edges([Posting([b, a]), Posting([a]), Posting([d, c, b])], floor=0.4, cap=1, days=None))
    assert edges == {("a", "b"), ("b", "c"), ("c", "d")}
