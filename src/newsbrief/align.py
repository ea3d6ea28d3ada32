"""Which sentences in different articles carry the same information: support sets and exclusive info.

Every article is split into sentences (``text.SentenceSplitter``, spans into ``Article.text``).  Sentence
B *carries* sentence A when B says at least what A says: most of A's content-word stems occur in B (a
transliterated or machine-translated name still matches by fuzzy string similarity), B is not mostly
about something else (the two share enough of their stems together: a long sentence naming A's actors in
passing tells another fact), and the facts that make a sentence a different claim agree — every number
and every name of A occurs in B, and both are negated or neither is ("not only" denies nothing).  The
thresholds were chosen on hand-labelled pairs (``newsbrief eval citations``, docs/briefing.md).  The test
is deliberately one-sided and strict: a summary sentence only cites an article that carries it
(precision over recall).

The **support** of a sentence is the number of independent sources (duplicate groups; syndicated copies
count once) with a sentence carrying it.  A sentence is **exclusive** when no other independent source
has a sentence sharing even a modest part of its content.

>>> from newsbrief.model import Article, DuplicateGroup
>>> a = Article("a", "h1", "a.txt", None, "Rebels freed 12 hostages in Bogota on Monday. The weather was mild.")
>>> b = Article("b", "h2", "b.txt", None, "On Monday rebels freed 12 hostages in Bogota, police said.")
>>> al = align([a, b])
>>> first = al.index_of(a.id, 0)
>>> al.support[first], sorted(al.article_ids_of(first))
(2, ['a', 'b'])
>>> al.support[al.index_of(a.id, 1)]
1
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from scipy import sparse

from newsbrief import text as textmod
from newsbrief.dedup import independent_sources
from newsbrief.model import Article, DuplicateGroup, Sentence
from newsbrief.reference import proper_names
from newsbrief.settings import BriefOptions

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![\w.])[A-Z][\w'\-]*[a-z][\w'\-]*")
_POSSESSIVE_END = re.compile(r"'s?$")
_NEGATION = frozenset({"not", "no", "never", "nt", "without", "nor", "neither"})
_NOT_ONLY = re.compile(r"\bnot\s+only\b", re.I)
_BLOCK = 1000  # rows per block of the sparse overlap product (bounds memory on large stories)


class Stems:
    """Porter stems of tokens, cached per object (no module-level cache).

    >>> Stems().content("The rebels were freeing hostages")
    ['rebel', 'free', 'hostag']
    """

    def __init__(self) -> None:
        self._stemmer = textmod.porter_stemmer()
        self._cache: dict[str, str] = {}

    def stem(self, token: str) -> str:
        """Stem of one lower-cased token."""
        cached = self._cache.get(token)
        if cached is None:
            cached = self._cache[token] = self._stemmer.stem(token)
        return cached

    def all(self, text: str) -> list[str]:
        """Stems of every word of ``text`` (stopwords kept)."""
        return [self.stem(w) for w in textmod.words(text)]

    def content(self, text: str) -> list[str]:
        """Stems of the content words of ``text`` (no stopwords, no pure numbers)."""
        return [self.stem(w) for w in textmod.content_words(text)]


@dataclass(frozen=True, slots=True, eq=False)
class Alignment:
    """Sentences of a story's articles with what carries what.

    Per sentence index ``i`` (articles in input order, sentences in text order): ``sentences[i]``,
    ``article_of[i]`` (index into ``articles``), ``position[i]`` (0-based within its article),
    ``source_of[i]`` (the duplicate group's canonical id), ``carriers[i]`` (indices of sentences of
    other articles that carry sentence ``i``), ``support[i]``; ``exclusive`` lists sentence indices whose
    information only one independent source has; ``stems[i]`` are the content stems; ``stemmer`` is the
    stem cache, reused by the summariser; ``names`` are the story's proper names
    (:func:`newsbrief.reference.proper_names`, for the summary's and "only in one source"'s pronoun test);
    ``bound`` are the sentences that only read where they stand (:func:`newsbrief.text.context_bound`: inside
    a quotation, a speaker's words; an entry of a list of profiles).  ``facts[i]`` are sentence ``i``'s
    figures, names, negation and stemmed tokens (what :func:`carries` compares).
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    article_of: tuple[int, ...]
    position: tuple[int, ...]
    source_of: tuple[str, ...]
    stems: tuple[tuple[str, ...], ...]
    carriers: tuple[tuple[int, ...], ...]
    support: tuple[int, ...]
    exclusive: tuple[int, ...]
    sources: int
    stemmer: Stems
    names: frozenset[str]
    bound: frozenset[int]
    facts: tuple[_Facts, ...]

    def index_of(self, article_id: str, position: int) -> int:
        """Index of the ``position``-th sentence of article ``article_id``."""
        for i, sentence in enumerate(self.sentences):
            if sentence.span.article_id == article_id and self.position[i] == position:
                return i
        raise KeyError((article_id, position))

    def article_ids_of(self, i: int) -> tuple[str, ...]:
        """Ids of the articles carrying sentence ``i`` (its own first, then in input order)."""
        ids = [self.sentences[i].span.article_id]
        for j in sorted(self.carriers[i], key=lambda j: self.article_of[j]):
            aid = self.sentences[j].span.article_id
            if aid not in ids:
                ids.append(aid)
        return tuple(ids)

    def by_article(self) -> dict[str, tuple[Sentence, ...]]:
        """Sentences of each article, keyed by article id (the input of the analysis stages)."""
        out: dict[str, list[Sentence]] = {a.id: [] for a in self.articles}
        for sentence in self.sentences:
            out[sentence.span.article_id].append(sentence)
        return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class _Facts:
    numbers: frozenset[str]
    names: tuple[str, ...]
    negated: bool
    tokens: tuple[str, ...]


def numbers_in(text: str) -> frozenset[str]:
    """The figures of a sentence, thousands separators dropped ("1,500" → "1500")."""
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def _facts(text: str, stems: Stems) -> _Facts:
    numbers = numbers_in(text)
    first = len(text) - len(text.lstrip("\"' ([")) if text else 0
    # a name is found word by word, as the carrier's tokens are split ("Al-How" is "al" "how", "Gaza's"
    # is "gaza"): a hyphenated or possessive name matched as one token was never found in any sentence
    names = tuple(
        dict.fromkeys(
            stems.stem(part)
            for m in _NAME.finditer(text)
            if m.start() > first
            for part in textmod.words(_POSSESSIVE_END.sub("", m.group()))
        )
    )
    tokens = textmod.words(text)
    # "not only … but" adds, it denies nothing ("… are planned, not only to hook up … but to install …")
    affirmed = _NOT_ONLY.sub(" ", text)
    negated = any(t in _NEGATION for t in textmod.words(affirmed)) or "n't" in affirmed.lower()
    return _Facts(numbers, names, negated, tuple(stems.stem(t) for t in tokens))


def _name_found(name: str, tokens: tuple[str, ...]) -> bool:
    if name in tokens:
        return True
    # transliteration / translation variants (Gadhafi ~ Qaddafi): fuzzy match on a token
    return any(abs(len(t) - len(name)) <= 3 and fuzz.ratio(name, t) >= 80 for t in tokens if len(t) > 3)


def carries(carrier: _Facts, carried: _Facts) -> bool:
    """Whether the sentence with ``carrier`` facts states every number, name and negation of ``carried``."""
    return (
        carried.numbers <= carrier.numbers
        and carried.negated == carrier.negated
        and all(_name_found(n, carrier.tokens) for n in carried.names)
    )


def _stem_matrix(stem_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, stems in enumerate(stem_lists):
        for s in set(stems):
            rows.append(i)
            cols.append(vocab.setdefault(s, len(vocab)))
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(stem_lists), max(len(vocab), 1)))


def align(
    articles: Sequence[Article],
    *,
    groups: Sequence[DuplicateGroup] = (),
    sentences: Mapping[str, Sequence[Sentence]] | None = None,
    splitter: textmod.SentenceSplitter | None = None,
    options: BriefOptions = BriefOptions(),
) -> Alignment:
    """Split ``articles`` into sentences and find, for every sentence, the sentences of other articles carrying it.

    ``groups`` are the duplicate groups (independent sources); articles in none count as their own source.
    ``sentences`` may give the sentences already split (keyed by article id).
    """
    splitter = splitter or (None if sentences is not None else textmod.SentenceSplitter())
    source = independent_sources(articles, groups)
    stems = Stems()
    sents: list[Sentence] = []
    article_of: list[int] = []
    position: list[int] = []
    bound: set[int] = set()
    for ai, article in enumerate(articles):
        if sentences is not None and article.id in sentences:
            own = list(sentences[article.id])
        else:
            assert splitter is not None
            own = splitter.sentences(article.id, article.text)
        bound.update(len(sents) + k for k in textmod.context_bound(article.text, own))
        for pos, sentence in enumerate(own):
            sents.append(sentence)
            article_of.append(ai)
            position.append(pos)
    content = [tuple(stems.content(s.text)) for s in sents]
    facts = [_facts(s.text, stems) for s in sents]
    sizes = np.array([max(len(set(c)), 1) for c in content], dtype=np.float32)
    matrix = _stem_matrix(content)
    n = len(sents)
    carriers: list[list[int]] = [[] for _ in range(n)]
    max_other_overlap = np.zeros(n, dtype=np.float32)
    src = np.array([source[sents[i].span.article_id] for i in range(n)], dtype=object)
    codes = {s: k for k, s in enumerate(dict.fromkeys(src.tolist()))}
    src_code = np.array([codes[s] for s in src.tolist()], dtype=np.int64)
    art = np.array(article_of, dtype=np.int64)
    enough = np.array([len(c) >= 2 for c in content], dtype=bool)
    for lo in range(0, n, _BLOCK):
        # every pair sharing a stem, vectorised; only the pairs covering enough go through ``carries``
        block = (matrix[lo : lo + _BLOCK] @ matrix.T).tocoo()
        rows = block.row.astype(np.int64) + lo
        cols = block.col.astype(np.int64)
        cover = block.data / sizes[rows]
        jaccard = block.data / (sizes[rows] + sizes[cols] - block.data)
        other_article = art[rows] != art[cols]
        other = other_article & (src_code[rows] != src_code[cols])
        np.maximum.at(max_other_overlap, rows[other], cover[other])
        maybe = other_article & (cover >= options.carry_coverage) & (jaccard >= options.carry_jaccard) & enough[rows]
        for i, j in zip(rows[maybe].tolist(), cols[maybe].tolist(), strict=True):
            if carries(facts[j], facts[i]):
                carriers[i].append(j)
    support = tuple(1 + len({src[j] for j in carriers[i]} - {src[i]}) for i in range(n))
    n_sources = len(set(source.values()))
    exclusive: tuple[int, ...] = ()
    if n_sources > 1:
        exclusive = tuple(
            i
            for i in range(n)
            if max_other_overlap[i] <= options.exclusive_max_overlap
            and len(content[i]) >= 5
            and (facts[i].numbers or facts[i].names)
        )
    return Alignment(
        articles=tuple(articles),
        sentences=tuple(sents),
        article_of=tuple(article_of),
        position=tuple(position),
        source_of=tuple(str(s) for s in src),
        stems=tuple(content),
        carriers=tuple(tuple(c) for c in carriers),
        support=support,
        exclusive=exclusive,
        sources=n_sources,
        stemmer=stems,
        names=proper_names([s.text for s in sents]),
        bound=frozenset(bound),
        facts=tuple(facts),
    )
