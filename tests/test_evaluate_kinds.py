"""``newsbrief eval kinds``: the label file, matching labelled names to the listed entities, the scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_builders import story_folder
from conftest import REPO, shared_data
from newsbrief.errors import InputError
from newsbrief.evaluate_differences import story_paths
from newsbrief.evaluate_kinds import (
    HEADER,
    KINDS,
    KindLabel,
    KindOutcome,
    evaluate,
    read_kind_labels,
    score,
    write_kind_labels,
)
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

LABELS = REPO / "eval" / "labels" / "entity_kinds.tsv"

# Two reports of one visit, written for this test.
FIRST = (
    "Minister Visits Harbour\n\nPrime Minister Ana Kovel visited the harbour of Lisbon on Monday. Kovel met "
    "workers of the Valdora Shipping Company and promised new cranes.\n"
)
SECOND = (
    "Cranes Promised\n\nPrime Minister Ana Kovel told workers in Lisbon that the Valdora Shipping Company "
    "would get three cranes. Kovel left Lisbon in the evening.\n"
)


def test_labels_round_trip(tmp_path: Path) -> None:
    rows = [KindLabel("story", "Ana Kovel", "PERSON"), KindLabel("story", "Asian Games", "OTHER")]
    path = tmp_path / "kinds.tsv"
    assert write_kind_labels(path, rows) == 2
    assert read_kind_labels(path) == rows
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(HEADER)


@pytest.mark.parametrize("row", [["story", "Ana Kovel"], ["story", "", "PERSON"], ["story", "Ana Kovel", "PLACE"]])
def test_malformed_rows_name_the_line(tmp_path: Path, row: list[str]) -> None:
    path = tmp_path / "kinds.tsv"
    path.write_text("\t".join(HEADER) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: expected"):
        read_kind_labels(path)


def test_labelled_names_are_matched_to_the_listed_kinds(tmp_path: Path) -> None:
    data = story_folder(tmp_path, FIRST, SECOND)
    labels = [
        KindLabel("story", "Ana Kovel", "PERSON"),
        KindLabel("story", "Valdora Shipping Company", "ORG"),
        KindLabel("story", "Lisbon", "ORG"),  # labelled wrongly on purpose: a place listed as a place
        KindLabel("story", "Tomas Brill", "PERSON"),  # never named: lost
    ]
    outcomes = list(evaluate(labels, data=data, settings=Settings(), models=NlpModels()))
    assert [o.listed for o in outcomes] == ["PERSON", "ORG", "GPE", None]
    s = score(outcomes)
    assert (s.found, s.lost, s.right["PERSON"], s.right["ORG"], s.listed["GPE"], s.right["GPE"]) == (3, 1, 1, 1, 1, 0)
    assert s.precision("PERSON") == 1.0 and s.precision("GPE") == 0.0 and s.accuracy == pytest.approx(2 / 3)


def test_scores_split_by_half() -> None:
    outcomes = [KindOutcome(KindLabel(f"story{k}", "X", "ORG"), "ORG") for k in range(20)]
    tune, report = score(outcomes, "tune"), score(outcomes, "report")
    assert tune.found + report.found == 20 and tune.found and report.found
    assert score([]).accuracy == 1.0 and score([]).precision("ORG") == 1.0


def test_committed_labels_are_well_formed() -> None:
    rows = read_kind_labels(LABELS)
    assert 700 <= len(rows) <= 900
    assert len({(r.path, r.name) for r in rows}) == len(rows)
    assert {r.label for r in rows} == set(KINDS)


@pytest.mark.data
def test_the_labelled_stories_are_measured_ones() -> None:
    assert {r.path for r in read_kind_labels(LABELS)} <= set(story_paths(shared_data()))


@pytest.mark.data
@pytest.mark.slow
def test_cli_eval_kinds_reports_the_measured_floors() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["eval", "kinds", "--data", str(shared_data())], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    # kind accuracy floors per half; measured in docs/analysis.md ("Kinds of the listed names")
    for name, floor in {"tune": 0.89, "report": 0.89, "all": 0.89}.items():
        row = next(line for line in result.output.splitlines() if line.startswith(f"│ {name} "))
        cells = [c.strip() for c in row.strip("│").split("│")]
        assert int(cells[2]) <= 3  # labelled names no longer listed
        assert float(cells[6]) >= floor
