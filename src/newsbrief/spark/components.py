"""Connected components of an edge list, Spark-native: alternating large-star / small-star.

Written here because Spark has no connected components of its own in PySpark (GraphFrames' JVM
part is not on PyPI).  The algorithm is Kiveris et al., "Connected Components in MapReduce and
Beyond" (SoCC 2014): each round is a handful of joins/aggregations over the edge list, converging in
O(log² n) rounds (in practice 2-4 for duplicate groups and story graphs).  The component label of a
node is the smallest node id of its component, so the result does not depend on input order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbrief.errors import NewsbriefError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class ComponentsDidNotConverge(NewsbriefError):
    """Connected components needed more rounds than allowed."""


def _undirected(edges: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    return (
        edges.select(F.least("src", "dst").alias("u"), F.greatest("src", "dst").alias("v"))
        .where(F.col("u") != F.col("v"))
        .distinct()
    )


def _large_star(edges: DataFrame) -> DataFrame:
    """Link every neighbour larger than a node to the smallest id of the node's closed neighbourhood."""
    from pyspark.sql import functions as F

    both = edges.select(F.col("u").alias("x"), F.col("v").alias("y")).unionByName(
        edges.select(F.col("v").alias("x"), F.col("u").alias("y"))
    )
    smallest = both.groupBy("x").agg(F.min("y").alias("m")).select("x", F.least("x", "m").alias("m"))
    linked = both.join(smallest, "x").where(F.col("y") > F.col("x"))
    return _undirected(linked.select(F.col("y").alias("src"), F.col("m").alias("dst")))


def _small_star(edges: DataFrame) -> DataFrame:
    """Link a node and its smaller neighbours to the smallest of them."""
    from pyspark.sql import functions as F

    smallest = edges.groupBy("v").agg(F.min("u").alias("m"))
    star = edges.join(smallest, "v")
    spokes = star.select(F.col("u").alias("src"), F.col("m").alias("dst"))
    hub = smallest.select(F.col("v").alias("src"), F.col("m").alias("dst"))
    return _undirected(spokes.unionByName(hub))


def _same(left: DataFrame, right: DataFrame) -> bool:
    from pyspark.sql import functions as F

    joined = left.withColumn("l", F.lit(1)).join(right.withColumn("r", F.lit(1)), ["u", "v"], "full_outer")
    return joined.where(F.col("l").isNull() | F.col("r").isNull()).isEmpty()


def _on_driver(edges: DataFrame) -> DataFrame:
    """Components of a small undirected edge list ``(u, v)`` computed on the driver (scipy)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components as scipy_components

    pairs = [(row.u, row.v) for row in edges.collect()]
    nodes = sorted({node for pair in pairs for node in pair})
    index = {node: i for i, node in enumerate(nodes)}
    rows = np.fromiter((index[u] for u, _ in pairs), dtype=np.int64, count=len(pairs))
    cols = np.fromiter((index[v] for _, v in pairs), dtype=np.int64, count=len(pairs))
    graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (rows, cols)), shape=(len(nodes), len(nodes)))
    _, component = scipy_components(graph, directed=False)
    smallest: dict[int, str] = {}
    for node, label in zip(nodes, component.tolist(), strict=True):  # nodes are sorted: first seen = smallest
        smallest.setdefault(label, node)
    labels = [(node, smallest[label]) for node, label in zip(nodes, component.tolist(), strict=True)]
    return edges.sparkSession.createDataFrame(labels, "node string, component string", verifySchema=False)


def connected_components(edges: DataFrame, *, max_rounds: int = 64, driver_edges: int = 2_000_000) -> DataFrame:
    """Rows ``(node, component)`` for every node of ``edges`` (columns ``src``, ``dst``: string ids).

    ``component`` is the smallest node id of the node's component.  Nodes without edges do not appear
    (they are their own component).  Raises :class:`ComponentsDidNotConverge` after ``max_rounds``.
    Each round's edge list is checkpointed locally so the query plan stays small.  ``driver_edges``:
    once the edge list has at most this many edges it is collected and finished on the driver (the same
    labels; each Spark round costs about ten small jobs, which dominate on small graphs); 0 = always
    Spark rounds.
    """
    from pyspark.sql import functions as F

    first = _undirected(edges).persist()
    if driver_edges and first.count() <= driver_edges:
        # Small graph (the usual case for duplicate groups): no checkpoint, no Spark rounds.
        labels = _on_driver(first)
        first.unpersist()
        return labels
    current = first.localCheckpoint(eager=True)
    first.unpersist()
    for _ in range(max_rounds):
        if driver_edges and current.count() <= driver_edges:
            return _on_driver(current)
        following = _small_star(_large_star(current)).localCheckpoint(eager=True)
        if _same(current, following):
            nodes = current.select(F.col("v").alias("node"), F.col("u").alias("label")).unionByName(
                current.select(F.col("u").alias("node"), F.col("u").alias("label"))
            )
            return nodes.groupBy("node").agg(F.min("label").alias("component"))
        current = following
    raise ComponentsDidNotConverge(f"connected components did not converge in {max_rounds} rounds")
