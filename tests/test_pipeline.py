"""The pipeline: ingest → clean → meta over real articles, order, chunks, workers, and properties."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, shared_data
from newsbrief.meta import LanguageDetector
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import iter_articles, process_chunk
from newsbrief.settings import Settings

SETTINGS = Settings()
DETECTOR = LanguageDetector()


def articles(items: list[Article | Rejected]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def test_examples_folder_gives_clean_dated_articles_in_order() -> None:
    items = list(iter_articles([str(EXAMPLES)], settings=SETTINGS))
    assert not [i for i in items if isinstance(i, Rejected)]
    found = articles(items)
    assert len(found) == 31
    sources = [Path(a.source.split("#")[0]).relative_to(EXAMPLES).as_posix() for a in found]
    assert sources == sorted(sources)
    plain = [a for a in found if re.search(r"/M\d{4}\.txt$", a.source)]
    assert len(plain) == 24
    assert all(a.title and a.published and a.language == "en" for a in plain)
    assert all(a.title not in a.text.split("\n\n")[0] for a in plain)


def test_scraped_variant_loses_its_residue_and_the_appended_story() -> None:
    [article] = articles(list(iter_articles([str(EXAMPLES / "variants" / "scraped-M0021.txt")], settings=SETTINGS)))
    assert article.title == "Ahmadinejad to free British navy personnel"
    assert article.published is not None and article.published.isoformat() == "2007-04-04"
    for residue in ("Home \u203a World", "Share this", "[Image:", "12 comments", "Most read", "Ten tips"):
        assert residue not in article.text
    assert "Airbus" not in article.text
    [appended] = article.appended
    assert appended.title == "Airbus offers funding to search for black boxes from Air France disaster"
    assert appended.source.endswith("scraped-M0021.txt#appended1")
    assert appended.published is not None and appended.published.isoformat() == "2009-07-30"


def test_rejected_inputs_pass_through_in_place(tmp_path: Path) -> None:
    good = EXAMPLES / "air-france-447" / "M0080.txt"
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)))
    items = list(iter_articles([str(good), str(binary), str(tmp_path / "missing"), str(good)], settings=SETTINGS))
    assert [type(i).__name__ for i in items] == ["Article", "Rejected", "Rejected", "Article"]


def test_chunk_size_does_not_change_single_document_results() -> None:
    folder = str(EXAMPLES / "bali-climate-2007")
    one = list(iter_articles([folder], settings=SETTINGS, chunk_size=3))
    two = list(iter_articles([folder], settings=SETTINGS, chunk_size=500))
    assert [a.source for a in one] == [a.source for a in two]


@pytest.mark.slow
def test_workers_give_the_same_output_in_the_same_order() -> None:
    folder = str(EXAMPLES)
    serial = list(iter_articles([folder], settings=SETTINGS, chunk_size=4))
    parallel = list(iter_articles([folder], settings=SETTINGS, chunk_size=4, workers=2))
    assert serial == parallel


def test_bad_arguments_are_errors() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        list(iter_articles(["x"], settings=SETTINGS, chunk_size=0))
    with pytest.raises(ValueError, match="workers"):
        list(iter_articles(["x"], settings=SETTINGS, workers=0))


def test_stdin_is_read() -> None:
    text = (EXAMPLES / "iran-sailors-2007" / "M0022.txt").read_bytes()
    [article] = articles(list(iter_articles(["-"], settings=SETTINGS, stdin=io.BytesIO(text))))
    assert article.source == "<stdin>" and article.title == "British navy personnel back home"


@pytest.mark.data
def test_duc_cluster_through_the_pipeline() -> None:
    folder = shared_data("duc2004", "docs", "d30001t")
    found = articles(list(iter_articles([str(folder)], settings=SETTINGS)))
    assert len(found) == 10
    assert all(a.outlet == "AP" and a.published and a.published.year == 1998 and a.language == "en" for a in found)
    assert len({a.id for a in found}) == 10


# --- properties --------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _never_invents(source_text: str, article: Article) -> None:
    squashed = _squash(source_text)
    lines = [article.title or ""] + article.text.split("\n")
    for line in lines:
        assert _squash(line) in squashed, line
    for part in article.appended:
        _never_invents(source_text, part)


_LINE = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120),
    st.sampled_from(
        [
            "Home > World > Europe",
            "Share this article",
            "WASHINGTON (AP) -- Officials said on Monday that talks would resume.",
            "Saturday, January 8, 2005",
            "By Jane Doe",
            "1. Ten tips for summer",
            "The minister said the budget would be presented to parliament next week.",
            "Read more: other stories",
            "",
        ]
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=25))
def test_pipeline_never_raises_and_never_invents_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    items = process_chunk(_raw_docs(text), settings=SETTINGS, detector=DETECTOR)
    for item in items:
        if isinstance(item, Article):
            _never_invents(text.replace("\r\n", "\n"), item)
        else:
            assert isinstance(item, Rejected) and item.reason


def _raw_docs(text: str) -> list:
    from newsbrief.model import RawDocument

    return [RawDocument("prop.txt", text)]
