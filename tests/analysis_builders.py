"""Small builders for the analysis tests: articles from texts written for the tests (no shared data)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsbrief.evaluate_merges import Place
from newsbrief.evaluate_quotes import quote_hash
from newsbrief.model import Article, DuplicateGroup, Sentence
from newsbrief.text import SentenceSplitter, article_id, content_hash


def make_article(source: str, text: str, published: dt.date | None = dt.date(1998, 10, 15)) -> Article:
    """An article with proper ids (published on a Thursday by default)."""
    digest = content_hash(text)
    return Article(id=article_id(source, digest), content_hash=digest, source=source, title=None, text=text, published=published)


def split(articles: list[Article]) -> dict[str, list[Sentence]]:
    """Sentences of each article, as brief-core passes them."""
    splitter = SentenceSplitter()
    return {a.id: splitter.sentences(a.id, a.text) for a in articles}


def singleton_groups(articles: list[Article]) -> tuple[DuplicateGroup, ...]:
    """Every article its own independent source."""
    return tuple(DuplicateGroup(a.id, ((a.id, 1.0),)) for a in articles)


def labelled_place(text: str, words: str, source: str) -> Place:
    """A label file's place of ``words`` in an article's clean ``text`` (offsets and SHA-1, as stored)."""
    start = text.index(words)
    return Place(source, start, start + len(words), quote_hash(words))


def story_folder(root: Path, *texts: str) -> Path:
    """A data folder under ``root`` whose ``story/`` holds the texts as ``a.txt``, ``b.txt``, … (the data path)."""
    data = root / "data"
    (data / "story").mkdir(parents=True)
    for letter, text in zip("abcdefgh", texts, strict=False):
        (data / "story" / f"{letter}.txt").write_text(text, encoding="utf-8")
    return data
