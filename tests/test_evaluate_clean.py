"""The measurements: the benchmark's metric, the tune/report split, label derivation and line scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_data
from newsbrief.evaluate_clean import (
    BenchmarkPage,
    evaluate_extraction,
    half,
    load_benchmark,
    precision_recall,
    score,
    shingle_counts,
    trafilatura_alone,
)
from newsbrief.evaluate_clean_lines import (
    LabelRow,
    LineScore,
    contained_in_gold,
    evaluate_lines,
    line_hash,
    load_labelled_documents,
    read_labels,
    score_document,
    semeval_texts,
    sibling_batch,
    write_labels,
)
from newsbrief.model import CleanResult, CleanText
from newsbrief.settings import CleanOptions


def test_shingle_counts_are_bags_normalised_by_their_sum() -> None:
    tp, fp, fn = shingle_counts("a b c d a b c d", "a b c d")
    # gold has 5 shingles (one repeated twice), prediction 1: tp 1, fn 4, fp 0
    assert (round(tp, 3), fp, round(fn, 3)) == (0.2, 0.0, 0.8)


def test_precision_recall_edge_cases() -> None:
    assert precision_recall(0.0, 0.0, 0.0) == (1.0, 1.0)
    assert precision_recall(0.0, 0.5, 0.5) == (0.0, 0.0)
    assert precision_recall(*shingle_counts("one two three four five", "")) == (0.0, 0.0)


def test_f1_comes_from_the_averaged_precision_and_recall() -> None:
    perfect = ("one two three four five six", "one two three four five six")
    half_wrong = ("one two three four five six", "one two three four zzz yyy")
    result = score([perfect, half_wrong])
    p2, r2 = precision_recall(*shingle_counts(*half_wrong))
    assert result.precision == pytest.approx((1 + p2) / 2)
    assert result.recall == pytest.approx((1 + r2) / 2)
    assert result.f1 == pytest.approx(2 * result.precision * result.recall / (result.precision + result.recall))


def test_half_is_stable_and_roughly_balanced() -> None:
    ids = [f"page-{n}" for n in range(400)]
    assert [half(i) for i in ids] == [half(i) for i in ids]
    assert 150 < sum(half(i) == "tune" for i in ids) < 250


def test_containment_rule() -> None:
    gold = "The river rose by two metres overnight. Residents were told to leave their homes."
    assert contained_in_gold("Residents were told to leave their homes.", gold)
    assert contained_in_gold("The river rose by two metres overnight", gold)
    assert not contained_in_gold("Sign up for our newsletter", gold)
    assert not contained_in_gold("Residents", "Nobody lived there.")


def test_labels_round_trip(tmp_path: Path) -> None:
    rows = [LabelRow("a/b.txt", 3, line_hash("Hello"), "body"), LabelRow("a/b.txt", 4, line_hash("Share"), "residue")]
    path = tmp_path / "labels.tsv"
    assert write_labels(path, rows, header="test") == 2
    assert read_labels(path) == rows


def test_semeval_records_are_labelled_documents_with_their_file_as_batch(tmp_path: Path) -> None:
    # a two-pair table in the SemEval-2022 layout (texts written for this test); article 11 occurs twice
    table = tmp_path / "semeval" / "pairs.csv"
    table.parent.mkdir()
    story = "Harbour bridge reopens\nShare this story\nThe harbour bridge reopened on Monday after repairs.\n"
    other = "Council votes on budget\nShare this story\nThe council approved the budget by nine votes to two.\n"
    table.write_text(
        "pair_id,lang1,lang2,text1,text2,Overall\n"
        f'11_12,en,en,"{story}","{other}",4\n'
        '11_13,en,de,"ignored","Der Rat tagte am Montag.",4\n',
        encoding="utf-8",
    )
    texts = semeval_texts(table, data_root=tmp_path)
    assert list(texts) == ["semeval/pairs.csv#11", "semeval/pairs.csv#12"] and texts["semeval/pairs.csv#11"] == story
    labels = tmp_path / "labels.tsv"
    rows = [
        LabelRow("semeval/pairs.csv#11", 2, line_hash("Share this story"), "residue"),
        LabelRow("semeval/pairs.csv#11", 3, line_hash("The harbour bridge reopened on Monday after repairs."), "body"),
        LabelRow("semeval/pairs.csv#99", 1, line_hash("gone"), "body"),  # no such article: skipped
    ]
    write_labels(labels, rows, header="test")
    documents = load_labelled_documents(labels, data_root=tmp_path)
    assert [(d.path, d.text) for d in documents] == [("semeval/pairs.csv#11", story)]
    batch = [raw.source for raw in sibling_batch(documents, data_root=tmp_path)]
    assert batch == ["semeval/pairs.csv#11", "semeval/pairs.csv#12"]
    total = evaluate_lines(documents, options=CleanOptions(), batch=sibling_batch(documents, data_root=tmp_path))["all"]
    assert (total.residue, total.body, total.mismatched) == (1, 1, 0)
    assert total.false_removal == 0.0


def test_score_document_counts_removed_and_kept_lines() -> None:
    text = "Headline here\nShare this\nThe body sentence stays in the text.\nSomething removed by mistake."
    rows = [
        LabelRow("x", 1, line_hash("Headline here"), "title"),
        LabelRow("x", 2, line_hash("Share this"), "residue"),
        LabelRow("x", 3, line_hash("The body sentence stays in the text."), "body"),
        LabelRow("x", 4, line_hash("Something removed by mistake."), "body"),
        LabelRow("x", 4, "000000000000", "body"),
    ]
    result = CleanResult(CleanText("Headline here", "The body sentence stays in the text."))
    counts = LineScore()
    score_document(text, rows, result, counts)
    assert (counts.residue, counts.residue_removed) == (1, 1)
    assert (counts.body, counts.body_removed, counts.false_removal) == (2, 1, 0.5)
    assert (counts.title, counts.title_found, counts.mismatched) == (1, 1, 1)


def test_evaluate_extraction_runs_systems_side_by_side() -> None:
    pages = [
        BenchmarkPage("p1", "<html><body><p>x</p></body></html>", "one two three four five", None),
        BenchmarkPage("p2", "<html><body><p>y</p></body></html>", "six seven eight nine ten", None),
    ]
    report = evaluate_extraction(pages, systems={"echo": lambda p: p.gold, "empty": lambda p: ""})
    assert report.scores["echo"]["all"].f1 == 1.0
    assert report.scores["empty"]["all"].f1 == 0.0
    assert report.scores["echo"]["tune"].pages + report.scores["echo"]["report"].pages == 2


@pytest.mark.data
def test_benchmark_loads_and_trafilatura_scores_one_page() -> None:
    root = shared_data("article-extraction-benchmark")
    page = next(iter(load_benchmark(root)))
    assert page.gold and page.html
    p, r = precision_recall(*shingle_counts(page.gold, trafilatura_alone(page)))
    assert p > 0.5 and r > 0.5


@pytest.mark.data
def test_committed_benchmark_labels_match_the_data() -> None:
    shared_data("article-extraction-benchmark")
    rows = read_labels(Path(__file__).resolve().parent.parent / "eval" / "labels" / "benchmark_lines.tsv")
    assert len(rows) > 4000
    assert {r.label for r in rows} == {"body", "residue"}


@pytest.mark.data
def test_cli_eval_clean_lines_prints_scores() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    data = shared_data()
    labels = Path(__file__).resolve().parent.parent / "eval" / "labels" / "wikiref_lines.tsv"
    result = CliRunner().invoke(app, ["eval", "clean", "lines", "--data", str(data), "--labels", str(labels)])
    assert result.exit_code == 0, result.output
    assert "wikiref_lines  all" in result.output
