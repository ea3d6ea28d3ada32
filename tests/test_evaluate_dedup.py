"""``newsbrief eval dedup``: perturbations, label checks, and the measured floors on real data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO, shared_data
from newsbrief.cli import app
from newsbrief.errors import UsageError
from newsbrief.evaluate_dedup import (
    PERTURBATIONS,
    evaluate_bbc,
    evaluate_semeval,
    perturb,
    predicted_pairs,
    read_labels,
)
from newsbrief.model import DuplicateGroup
from newsbrief.settings import DedupOptions

LABELS = REPO / "eval" / "labels" / "bbc_duplicates.tsv"
# Written for this test.
TEXT = (
    "The ferry left the harbour an hour late on Friday because of strong winds.\n\n"
    "Passengers were offered free drinks while the crew waited for the weather to improve, and most of them "
    "stayed on deck to watch the waves breaking over the sea wall.\n\n"
    "The operator said the timetable would be back to normal by Saturday morning."
)
DONOR = "First paragraph of the donor.\n\nSecond paragraph.\n\nThe donor's closing paragraph about something else."


@pytest.mark.parametrize("kind", PERTURBATIONS)
def test_perturbations_are_deterministic_and_change_the_text(kind: str) -> None:
    copy = perturb(TEXT, kind=kind, seed=3, other=DONOR)
    assert copy == perturb(TEXT, kind=kind, seed=3, other=DONOR)
    assert copy != TEXT


def test_trimmed_and_extended_copies_keep_the_original_start() -> None:
    assert TEXT.startswith(perturb(TEXT, kind="trimmed_ending", seed=1))
    extended = perturb(TEXT, kind="extended_ending", seed=1, other=DONOR)
    assert extended.startswith(TEXT) and extended.endswith("about something else.")


def test_unknown_perturbation_names_the_choices() -> None:
    with pytest.raises(UsageError, match="changed_words"):
        perturb(TEXT, kind="swap", seed=1)


def test_predicted_pairs_are_all_pairs_inside_groups() -> None:
    groups = [DuplicateGroup("b", (("b", 1.0), ("a", 0.9), ("c", 0.8))), DuplicateGroup("d", (("d", 1.0),))]
    assert predicted_pairs(groups) == {("a", "b"), ("a", "c"), ("b", "c")}


def test_label_file_holds_hashes_not_text() -> None:
    rows = read_labels(LABELS)
    assert len(rows) > 200 and {label for *_, label in rows} == {0, 1}
    for path_a, path_b, sha_a, sha_b, _ in rows:
        assert path_a < path_b and path_a.startswith("bbc/") and len(sha_a) == len(sha_b) == 40


@pytest.mark.data
def test_changed_data_is_refused(tmp_path: Path) -> None:
    root = shared_data("bbc-news-2225")
    lines = LABELS.read_text().splitlines()
    bad = lines[1].split("\t")
    bad[2] = hashlib.sha1(b"other").hexdigest()
    (tmp_path / "labels.tsv").write_text("\n".join([lines[0], "\t".join(bad)]) + "\n")
    with pytest.raises(UsageError, match="do not match"):
        evaluate_bbc(root, tmp_path / "labels.tsv", options=DedupOptions())


@pytest.mark.data
def test_bbc_verified_pairs_floor() -> None:
    result = evaluate_bbc(shared_data("bbc-news-2225"), LABELS, options=DedupOptions())
    assert result["positives"] == 168
    assert result["precision"] >= 0.98 and result["recall"] >= 0.99, result["errors"]


@pytest.mark.data
def test_semeval_negatives_only_boilerplate_pages_flagged() -> None:
    result = evaluate_semeval(shared_data("semeval2022-task8-subset"), options=DedupOptions())
    assert result["pairs"] == 354
    # the two flagged pairs are registration-wall pages whose scraped text is the same boilerplate
    assert result["fp"] <= 2, result["errors"]


@pytest.mark.data
@pytest.mark.slow
def test_eval_dedup_command_reports_real_then_synthetic() -> None:
    result = CliRunner().invoke(app, ["eval", "dedup", "--data", str(shared_data()), "--labels", str(LABELS),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.stdout)["results"]
    assert [r["set"] for r in rows[:2]] == ["bbc", "semeval-en"]
    synthetic = {r["kind"]: r for r in rows if r["set"] == "synthetic"}
    assert set(synthetic) == {"all", *PERTURBATIONS}
    assert all(r["recall"] >= 0.95 for r in synthetic.values())
