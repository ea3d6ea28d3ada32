"""NlpModels: lazy loading, NER-only pipeline, one parse per article shared by the stages."""

from __future__ import annotations

import pytest

from analysis_builders import make_article
from conftest import shared_data
from newsbrief.nlp import NlpModels, prepare_for_ner
from newsbrief.settings import Settings


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def test_nothing_is_loaded_before_first_use() -> None:
    assert not NlpModels().loaded


def test_only_the_entity_recogniser_is_loaded(models: NlpModels) -> None:
    assert models.nlp.pipe_names == ["ner"]
    assert models.loaded


@pytest.mark.parametrize(
    "text",
    ["He said ``we will win,'' and left.", "Line one\nline two.\n\nNew paragraph", "No change here."],
)
def test_prepare_for_ner_keeps_offsets(text: str) -> None:
    assert len(prepare_for_ner(text)) == len(text)


def test_docs_are_parsed_once_and_cached(models: NlpModels) -> None:
    article = make_article("a.txt", "Foreign Minister Ana Lopez arrived in Madrid on Tuesday.")
    first = models.docs([article])[article.id]
    again = models.docs([article])[article.id]
    assert first is again
    assert "Ana Lopez" in [e.text for e in first.ents]


def test_syndicated_copies_with_the_same_text_share_one_parse(models: NlpModels) -> None:
    text = "Rebels led by Carlos Ortega freed 12 hostages in Bogota on Monday, police said."
    wire, paper, other = (
        make_article("wire.txt", text),
        make_article("paper.txt", text),
        make_article("other.txt", "Carlos Ortega spoke in Lima."),
    )
    docs = models.docs([wire, paper, other])
    assert wire.id != paper.id and docs[wire.id] is docs[paper.id] and docs[other.id] is not docs[wire.id]
    assert [e.text for e in docs[paper.id].ents] == [e.text for e in models.nlp(text).ents]
    assert "Lima" in [e.text for e in docs[other.id].ents]


def test_shared_results_are_computed_once_per_story(models: NlpModels) -> None:
    a, b = make_article("a.txt", "One text."), make_article("b.txt", "Another text.")
    calls: list[int] = []
    first = models.shared("probe", [a, b], lambda: calls.append(1) or len(calls))
    assert models.shared("probe", [a, b], lambda: calls.append(1) or len(calls)) == first == 1
    assert models.shared("probe", [a], lambda: calls.append(1) or len(calls)) == 2  # another story


def test_unknown_model_name_is_a_library_error() -> None:
    from newsbrief.errors import NewsbriefError

    with pytest.raises(NewsbriefError):
        _ = NlpModels(model="no_such_spacy_model_xyz").nlp


def test_sentences_slice_back_to_the_text(models: NlpModels) -> None:
    article = make_article("a.txt", "Mr. Smith went to Washington. He arrived on Monday.\n\nA new paragraph.")
    sentences = models.sentences(article)
    assert [s.text for s in sentences] == ["Mr. Smith went to Washington.", "He arrived on Monday.", "A new paragraph."]
    assert all(article.text[s.span.start : s.span.end] == s.text for s in sentences)


@pytest.mark.data
def test_real_newswire_entities_point_into_the_text(models: NlpModels) -> None:
    from newsbrief.model import Article
    from newsbrief.pipeline import iter_articles

    folder = shared_data("duc2004", "docs", "d30001t")
    articles = [a for a in iter_articles([str(folder)], settings=Settings()) if isinstance(a, Article)][:3]
    docs = models.docs(articles)
    assert len(articles) == 3
    for article in articles:
        doc = docs[article.id]
        assert len(doc.text) == len(article.text)
        prepared = prepare_for_ner(article.text)
        assert doc.ents
        for ent in doc.ents:
            assert prepared[ent.start_char : ent.end_char] == ent.text
