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
    ``residue_model``: after the rules, remove the kept lines that the shipped residue-line model
    (:mod:`newsbrief.clean_model`) scores at or above its cut-off.  Off by default: on the report
    halves it removed more body lines than residue (docs/cleaning.md).
    """

    split_appended: bool = True
    min_recurring: int = 3
    residue_model: bool = False


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
    in the longer one is ≥ ``containment_threshold``.  Thresholds calibrated on hand-verified BBC pairs
    and SemEval-2022 hard negatives (``newsbrief eval dedup``; figures in docs/stories-store.md).
    """

    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1
    lsh_threshold: float = 0.3
    jaccard_threshold: float = 0.5
    containment_threshold: float = 0.8


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Story clustering (``cluster.py``; measured numbers and calibration in ``docs/clustering.md``).

    ``window_days``: similarities between two stories (or an article and a story) whose date ranges
    come within this many days of each other count in full, so a story's window moves with its newest
    article; beyond it they are multiplied by ``time_floor + (1 - time_floor) × exp(-extra_days /
    decay_days)`` (a soft decay: a sparse story with gaps of weeks still holds together when its texts
    are close; ``decay_days`` = 0 makes the window hard).  Undated articles are compared by text alone.  ``representation``: TF-IDF over content words and
    names of the title and first ``max_chars`` characters (``name_weight`` multiplies name features),
    or the optional embeddings; its document frequencies start from a background of ``background_docs``
    virtual documents of ``background_words`` words drawn from English word frequencies (so that a few
    articles alone still weigh their words sensibly; both chosen, with ``threshold``, by the best F1 on
    SemEval-2022 en-en training pairs).  ``threshold``: pairwise same-story cosine, calibrated on SemEval-2022
    en-en training pairs (best F1).  Two stories merge when the average cosine between their members
    is ≥ max(``threshold`` × ``edge_ratio``, ``relative`` × their internal cohesion) (the ratio to that
    bar must reach ``merge_ratio``); pairs below ``threshold`` × ``edge_ratio`` are not even linked.
    ``refine_rounds`` passes then move each new article to the closest story centroid.  Blocking: an
    article meets the ``max_postings`` most recent articles sharing one of its ``keys_per_article``
    heaviest terms, at most ``max_candidates`` of them (those sharing most keys, then the most recent;
    0 = no cap).  Cost bounds: an article keeps links to its ``max_neighbours`` closest earlier articles,
    and a story that grows by merging keeps its ``max_neighbours`` best-scoring neighbour stories
    (0 = unbounded), so the work per merge does not grow with the stream.  A batch read as a whole
    (``cluster.cluster_folder``, as ``brief FOLDER`` reads a folder; never the incremental store): when
    its largest story holds at least ``fragment_share`` of the articles, every other story whose merge
    ratio with it reaches ``fragment_ratio`` joins it (a folder of one story split by its reports'
    incidental words; chosen on DUC 2003 folders against foreign articles added to them); a story
    holding at least ``fragment_size`` × the largest one's articles is no fragment but a story of its
    own, and joins only at ``merge_ratio`` (it stayed apart only because blocking never compared it:
    a folder of two related stories, Greece's 2012 election beside Cyprus's 2013 bank rescue, five
    reports each, must stay two).  A fragment whose headline carries the largest story's headline phrase
    (two adjacent content words in a third of its headlines, "Paris attacks") joins from
    ``fragment_headline_ratio`` up.
    """

    window_days: int = DEFAULT_WINDOW_DAYS
    decay_days: float = 30.0
    time_floor: float = 0.7
    representation: Literal["tfidf", "embeddings"] = "tfidf"
    threshold: float = 0.185
    relative: float = 0.3
    refine_rounds: int = 2
    edge_ratio: float = 0.5
    merge_ratio: float = 1.0
    name_weight: float = 1.0
    max_chars: int = 3000
    background_docs: float = 500.0
    background_words: float = 300.0
    keys_per_article: int = 10
    max_postings: int = 200
    max_candidates: int = 50
    max_neighbours: int = 15
    fragment_share: float = 0.5
    fragment_ratio: float = 0.85
    fragment_size: float = 0.5
    fragment_headline_ratio: float = 0.6


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """Briefing.  ``words``: hard cap on the summary's words per story (whitespace-separated words).

    ``one_story``: treat all input articles as one story.  Alignment (``align.py``): sentence B *carries*
    sentence A when at least ``carry_coverage`` of A's content-word stems occur in B, the two share at least
    ``carry_jaccard`` of their stems together (a long sentence that names A's actors in passing says
    something else), and their numbers, names and negation agree (chosen on ``newsbrief eval citations``);
    a sentence is *exclusive* to its source when no other source has a sentence sharing more than
    ``exclusive_max_overlap`` of its content stems (``exclusive_items`` are kept).
    Summary (``summarize.py``, tuned on DUC 2003 only): candidate sentences have ``min_sentence_words`` to
    ``max_sentence_words`` words; concepts are stemmed word bigrams weighted by the number of independent
    sources carrying them (kept when at least ``concept_min_support`` sources do, capped by a third of
    the sources), plus ``lead_bonus`` per source carrying them in its first ``lead_sentences`` sentences;
    the selection maximises covered concept weight under the word cap (exact ILP, at most ``solver_nodes``
    branch-and-bound nodes so the result does not depend on machine load; ``solver_seconds`` is only a
    safety limit, with a greedy fallback) among the ``max_candidates`` sentences of highest value per word.
    ``earliest_lede``: the first report's lede (of the earliest dated article, in its first ``lead_sentences``
    sentences) is held in the summary and opens it, when the cap is at least ``earliest_lede_words`` words
    (a shorter summary's words go to what most sources carry: docs/briefing.md, "Order"); the second
    report's lede takes its place when the story's concepts weigh it at least ``second_lede_ratio`` times
    as much and no other source carries it (a first report that is a feature's scene or a side development).
    ``latest_lede``: with it, the latest dated report's lede is held too (where the story stands).
    Timeline (``timeline.py``): at most ``timeline_per_day`` developments per date, those more sources
    report first, then those nearer the top of their article (0: all).
    """

    words: int = 200
    one_story: bool = False
    carry_coverage: float = 0.65
    carry_jaccard: float = 0.3
    exclusive_max_overlap: float = 0.35
    exclusive_items: int = 5
    min_sentence_words: int = 8
    max_sentence_words: int = 55
    concept_min_support: int = 3
    lead_sentences: int = 3
    lead_bonus: float = 1.0
    earliest_lede: bool = True
    earliest_lede_words: int = 150
    second_lede_ratio: float = 2.0
    latest_lede: bool = True
    max_candidates: int = 150
    solver_nodes: int = 1000
    solver_seconds: float = 30.0
    timeline_per_day: int = 3


@dataclass(frozen=True, slots=True)
class Settings:
    """All options, with their documented defaults."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    meta: MetaOptions = field(default_factory=MetaOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    brief: BriefOptions = field(default_factory=BriefOptions)
