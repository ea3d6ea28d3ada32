"""Configuration: one frozen options dataclass per stage, gathered in :class:`Settings`.

Every default is documented here; the CLI maps its flags onto these objects.

>>> Settings().cluster.window_days
7
>>> Settings().dedup.num_perm
128
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DEFAULT_WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Reading inputs.

    ``max_file_bytes``: a single text/HTML file above this size is rejected (JSONL and WARC files are
    streamed and have no cap).  ``max_record_bytes``: one JSON line / WARC record above this is skipped.
    """

    max_file_bytes: int = 10 * 1024 * 1024
    max_record_bytes: int = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Residue removal and appended-story detection.

    ``split_appended``: split an unrelated story appended to a page into an article of its own.
    ``min_recurring``: a line seen in at least this many different documents of a batch is boilerplate
    candidate (only short, non-sentence-like lines are removed on that ground).
    """

    split_appended: bool = True
    min_recurring: int = 3


@dataclass(frozen=True, slots=True)
class MetaOptions:
    """Metadata extraction.  ``language_prefix_chars``: how much text the language detector sees."""

    language_prefix_chars: int = 1000


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """Near-duplicate detection (MinHash LSH, then exact verification).

    ``shingle_size`` words per shingle; ``num_perm`` MinHash permutations; ``seed`` for determinism;
    ``lsh_threshold`` the Jaccard estimate above which LSH proposes a candidate; a candidate pair is a
    duplicate when its exact shingle Jaccard is ≥ ``jaccard_threshold`` or the shorter copy's containment
    in the longer one is ≥ ``containment_threshold``.
    """

    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1
    lsh_threshold: float = 0.3
    jaccard_threshold: float = 0.6
    containment_threshold: float = 0.8


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Story clustering.  ``window_days``: a story accepts articles up to this many days after its newest."""

    window_days: int = DEFAULT_WINDOW_DAYS
    representation: Literal["tfidf", "embeddings"] = "tfidf"


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """Briefing.  ``words``: hard cap on the summary's words per story."""

    words: int = 200
    one_story: bool = False


@dataclass(frozen=True, slots=True)
class Settings:
    """All options, with their documented defaults."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    meta: MetaOptions = field(default_factory=MetaOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    brief: BriefOptions = field(default_factory=BriefOptions)
