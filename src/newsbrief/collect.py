"""Ingest into the store: articles → dedup against what is stored → story assignment → committed batches.

The library function behind ``newsbrief ingest`` (and the web UI's upload queue).  Per batch:

1. outside any lock: flatten appended stories into articles of their own, compute MinHash fingerprints;
2. in one ``BEGIN IMMEDIATE`` transaction (so two processes ingesting at once serialise per batch and
   each sees what the other committed): drop what is already stored (same ``(content_hash, source)``),
   link the same article seen under another path or URL (same text and same outlet, or same URL),
   find duplicate copies among the batch and against the store (LSH candidates from the stored
   signatures, then exact verification), merge duplicate groups, assign stories with the cluster
   engineer's :class:`~newsbrief.cluster.StoryClusterer` (its state is kept in the store), commit.

A run killed mid-way loses only the batch in flight; re-running adds what is missing.

>>> import tempfile, os
>>> from newsbrief.model import Article
>>> from newsbrief.settings import Settings
>>> from newsbrief.store import Store
>>> store = Store.open(os.path.join(tempfile.mkdtemp(), "nb.db"))
>>> text = "Heavy rain flooded the valley on Monday and rescue teams reached the village by boat. " * 3
>>> batch = [Article(id="a", content_hash="h", source="a.txt", title="Floods", text=text)]
>>> ingest_articles(batch, store=store, settings=Settings()).new
1
>>> ingest_articles(batch, store=store, settings=Settings()).already_stored
1
>>> store.close()
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from itertools import islice

from newsbrief.cluster import StoryClusterer
from newsbrief.dedup import (
    DuplicateIndex,
    Fingerprint,
    MinHasher,
    member_similarity,
    verified_positions,
    verify,
)
from newsbrief.model import Article, DuplicateGroup, Rejected
from newsbrief.settings import Settings
from newsbrief.store_sqlite import SqliteStore

CLUSTER_STATE_KEY = "story_clusterer"
DEFAULT_BATCH_SIZE = 1000


@dataclass(frozen=True, slots=True)
class IngestCounts:
    """What an ingest run did.

    ``read`` articles (appended stories included) = ``new`` + ``duplicate_copies`` + ``already_stored``;
    ``duplicate_copies``: stored, and a near/exact copy of an article stored before it;
    ``already_stored``: nothing added (same source and text seen before, or — ``linked`` of them — the
    same article under another path or URL, recorded as an alias); ``skipped``: inputs rejected.
    """

    read: int = 0
    new: int = 0
    duplicate_copies: int = 0
    already_stored: int = 0
    linked: int = 0
    skipped: int = 0

    def __add__(self, other: IngestCounts) -> IngestCounts:
        return IngestCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def as_dict(self) -> dict[str, int]:
        """The counts as a dict (field order)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def flatten(article: Article) -> list[Article]:
    """The article and its appended stories (recursively), each without nested ``appended``."""
    result = [replace(article, appended=())]
    for child in article.appended:
        result.extend(flatten(child))
    return result


class Collector:
    """Holds the per-run caches (LSH index of stored signatures, clusterer) for one store and settings."""

    def __init__(self, store: SqliteStore, *, settings: Settings, workers: int | None = None) -> None:
        self.store = store
        self.settings = settings
        self.workers = workers
        self.hasher = MinHasher(options=settings.dedup)
        self.index = DuplicateIndex(options=settings.dedup)
        self._synced_rowid = 0
        self._clusterer: StoryClusterer | None = None
        self._stamp: str | None = None

    # ------------------------------------------------------------------ helpers
    def _sync_index(self) -> None:
        keys, fps = [], []
        for _rowid, article_id, blob in self.store.signatures(after_rowid=self._synced_rowid):
            keys.append(article_id)
            fps.append(Fingerprint.from_bytes(blob))
        self.index.add_many(keys, fps)

    def _load_clusterer(self) -> StoryClusterer:
        stamp = self.store.cluster_state_stamp(CLUSTER_STATE_KEY)
        if self._clusterer is None or stamp != self._stamp:
            saved = self.store.cluster_state(CLUSTER_STATE_KEY)
            if saved is None:
                self._clusterer = StoryClusterer(options=self.settings.cluster)
            else:
                self._clusterer = StoryClusterer.from_state(saved[0], options=self.settings.cluster)
            self._stamp = stamp
        return self._clusterer

    # ------------------------------------------------------------------ one batch
    def add_batch(self, batch: Sequence[Article]) -> IngestCounts:
        """Dedup, cluster and store one batch of articles in one transaction."""
        flat = [a for article in batch for a in flatten(article)]
        fingerprints = self.hasher.fingerprints([a.text for a in flat], workers=self.workers)
        fp_of = {a.id: fp for a, fp in zip(flat, fingerprints, strict=True)}
        try:
            with self.store.write():
                return self._add(batch, flat, fp_of)
        except BaseException:
            self._clusterer, self._stamp = None, None  # it may hold assignments that were rolled back
            raise

    def _add(self, batch: Sequence[Article], flat: list[Article], fp_of: dict[str, Fingerprint]) -> IngestCounts:
        store = self.store
        known = store.known_sources((a.content_hash, a.source) for a in flat)
        same = store.same_content(a.content_hash for a in flat)
        fresh: list[Article] = []
        seen_ids: set[str] = set()
        already = linked = 0
        aliases: list[tuple[Article, str]] = []
        for article in flat:
            if (article.content_hash, article.source) in known or article.id in seen_ids:
                already += 1
                continue
            alias = next((aid for aid, outlet, url in same.get(article.content_hash, [])
                          if outlet == article.outlet or (url and url == article.url)), None)
            if alias is not None:
                aliases.append((article, alias))
                already += 1
                linked += 1
                continue
            seen_ids.add(article.id)
            same.setdefault(article.content_hash, []).append((article.id, article.outlet, article.url))
            fresh.append(article)
        if not fresh:
            self._link(aliases)
            return IngestCounts(read=len(flat), already_stored=already, linked=linked)

        self._sync_index()
        edges, old_groups, texts = self._verified_edges(fresh, fp_of)
        groups, copies = self._merge_groups(fresh, edges, old_groups, texts, fp_of)

        fresh_ids = {a.id for a in fresh}
        tops = [self._keep_fresh(article, fresh_ids) for article in batch]
        signatures = {a.id: fp_of[a.id].to_bytes() for a in fresh}
        inserted = set(store.add_articles([t for t in tops if t is not None], signatures=signatures))
        parents = {child.id: article.id for article in batch for child in flatten(article)[1:]}
        for orphan in (a for a in fresh if a.id not in inserted):  # appended to a page stored before
            store.add_articles([orphan], signatures=signatures, parent_id=parents.get(orphan.id))
        self._link(aliases)
        store.save_groups([g for g in groups if len(g.members) > 1],
                          replaces={g.canonical_id for g in old_groups.values()})
        clusterer = self._load_clusterer()
        mapping = clusterer.assign(fresh, groups=[g for g in groups if len(g.members) > 1])
        store.assign_stories(mapping)
        store.refresh_stories_of(m for g in groups for m in g.member_ids)
        self._stamp = uuid.uuid4().hex
        store.save_cluster_state(CLUSTER_STATE_KEY, clusterer.state(), stamp=self._stamp)
        self.index.add_many([a.id for a in fresh], [fp_of[a.id] for a in fresh])
        self._synced_rowid = store.max_rowid()
        return IngestCounts(read=len(flat), new=len(fresh) - copies, duplicate_copies=copies,
                            already_stored=already, linked=linked)

    def _link(self, aliases: list[tuple[Article, str]]) -> None:
        for article, alias in aliases:
            self.store.link_source(article.content_hash, article.source, alias, url=article.url)

    @staticmethod
    def _keep_fresh(article: Article, fresh_ids: set[str]) -> Article | None:
        """The page article to insert (its appended stories filtered to the fresh ones), or None."""
        if article.id not in fresh_ids:
            return None
        return replace(article, appended=tuple(c for c in article.appended if c.id in fresh_ids))

    def _verified_edges(
        self, fresh: list[Article], fp_of: dict[str, Fingerprint]
    ) -> tuple[dict[tuple[str, str], float], dict[str, DuplicateGroup], dict[str, str]]:
        """Verified duplicate pairs among the fresh articles and against stored ones.

        Also returns the stored groups involved and the texts of the stored articles involved.
        """
        options = self.settings.dedup
        edges: dict[tuple[str, str], float] = {}
        fps = [fp_of[a.id] for a in fresh]
        nonempty = [i for i, fp in enumerate(fps) if fp.size]
        for i, j, score in verified_positions(self.index, fps, options=options):
            edges[(fresh[i].id, fresh[j].id)] = score
        stored_candidates = self.index.query_many([fps[i] for i in nonempty]) if len(self.index) else []
        wanted = sorted({key for keys in stored_candidates for key in keys})
        texts = self.store.texts(wanted)
        stored_fps = {key: self.hasher.fingerprint(text) for key, text in texts.items()}
        for position, keys in zip(nonempty, stored_candidates, strict=False):
            for key in keys:
                if key in stored_fps:
                    score = verify(fps[position], stored_fps[key], options=options)
                    if score is not None:
                        edges[(fresh[position].id, key)] = score
        stored_linked = {b for _, b in edges if b in stored_fps}
        old_groups = self.store.groups_of(stored_linked)
        members = {m for g in old_groups.values() for m in g.member_ids} - set(texts)
        texts.update(self.store.texts(sorted(members)))
        for key in members:
            stored_fps[key] = self.hasher.fingerprint(texts[key])
        fp_of.update({k: v for k, v in stored_fps.items() if k not in fp_of})
        return edges, old_groups, texts

    def _merge_groups(
        self,
        fresh: list[Article],
        edges: dict[tuple[str, str], float],
        old_groups: dict[str, DuplicateGroup],
        texts: dict[str, str],
        fp_of: dict[str, Fingerprint],
    ) -> tuple[list[DuplicateGroup], int]:
        """New duplicate groups touching the fresh articles, and how many fresh articles are copies."""
        parent: dict[str, str] = {}

        def root(key: str) -> str:
            parent.setdefault(key, key)
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        def union(a: str, b: str) -> None:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for article in fresh:
            root(article.id)
        for group in old_groups.values():
            for member in group.member_ids:
                union(group.canonical_id, member)
        for a, b in edges:
            union(a, b)
        lengths = {a.id: len(a.text) for a in fresh} | {k: len(v) for k, v in texts.items()}
        components: dict[str, list[str]] = {}
        for key in list(parent):
            components.setdefault(root(key), []).append(key)
        order = {a.id: i for i, a in enumerate(fresh)}
        copies = 0
        groups = []
        for members in components.values():
            canonical = min(members, key=lambda m: (-lengths[m], m))
            scored = [(canonical, 1.0)]
            for member in sorted(m for m in members if m != canonical):
                scored.append((member, member_similarity(fp_of[member], fp_of[canonical])))
            groups.append(DuplicateGroup(canonical, tuple(scored)))
            fresh_in = sorted((m for m in members if m in order), key=order.__getitem__)
            stored_in = len(members) - len(fresh_in)
            copies += len(fresh_in) - (0 if stored_in else 1)
        return groups, copies


def batched(items: Iterable[Article | Rejected], size: int) -> Iterator[tuple[list[Article], int]]:
    """``(articles, rejected count)`` batches of at most ``size`` articles."""
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield [a for a in chunk if isinstance(a, Article)], sum(1 for a in chunk if isinstance(a, Rejected))


def ingest_articles(
    items: Iterable[Article | Rejected],
    *,
    store: SqliteStore,
    settings: Settings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    on_batch: Callable[[IngestCounts], None] | None = None,
) -> IngestCounts:
    """Store a stream of articles, committing every ``batch_size`` items.

    ``Rejected`` items are counted as skipped; ``on_batch`` is called with each committed batch's counts.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    collector = Collector(store, settings=settings, workers=workers)
    total = IngestCounts()
    for articles, rejected in batched(items, batch_size):
        counts = collector.add_batch(articles) if articles else IngestCounts()
        counts = counts + IngestCounts(skipped=rejected)
        total = total + counts
        if on_batch is not None:
            on_batch(counts)
    return total


def ingest_paths(
    paths: Sequence[str],
    *,
    store: SqliteStore,
    settings: Settings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    on_item: Callable[[Article | Rejected], None] | None = None,
) -> IngestCounts:
    """Read files / folders through :func:`newsbrief.pipeline.iter_articles` and ingest them.

    ``on_item`` sees every article or rejected input as it is read (progress, error reporting).
    """
    from newsbrief.pipeline import iter_articles

    def items() -> Iterator[Article | Rejected]:
        for item in iter_articles(paths, settings=settings):
            if on_item is not None:
                on_item(item)
            yield item

    return ingest_articles(items(), store=store, settings=settings, batch_size=batch_size, workers=workers)
