"""Scale-out jobs on Apache Spark: ``clean``, ``dedup`` and ``stories`` over millions of articles.

The jobs call the library's own stage functions inside ``mapPartitions`` (ingest, clean and meta;
MinHash signatures, LSH bucket keys and verification; TF-IDF vectors and the story clusterer), so the
results are those of the embedded path.  pyspark is imported only inside this package, and only when
a job runs: importing ``newsbrief.spark`` does not need it.  See ``docs/spark.md``.

Modules: :mod:`~newsbrief.spark.session` (``SparkConfig``), :mod:`~newsbrief.spark.schema`
(table schemas), :mod:`~newsbrief.spark.clean`, :mod:`~newsbrief.spark.dedup` (with
:mod:`~newsbrief.spark.dedup_candidates`: shared buckets checked against sketch bounds),
:mod:`~newsbrief.spark.stories`, :mod:`~newsbrief.spark.components` (connected components).
"""
