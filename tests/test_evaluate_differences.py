"""``newsbrief eval differences``: the point label file, the sorting of points by labels, the labelled stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_builders import story_folder
from conftest import REPO, shared_data
from newsbrief.errors import InputError
from newsbrief.evaluate_differences import (
    HEADER,
    PointLabel,
    evaluate,
    point_key,
    read_point_labels,
    score,
    story_paths,
    write_point_labels,
)
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

LABELS = REPO / "eval" / "labels" / "discrepancies.tsv"

# Two wire reports of one storm, written for this test: they differ on the toll.
FIRST = "Storm Hits Coast\n\nThe hurricane killed 127 people in the coastal town of La Ceiba, officials said on Monday.\n"
SECOND = "Toll Rises\n\nThe hurricane killed at least 129 people in the coastal town of La Ceiba, the Red Cross said.\n"


def test_labels_round_trip(tmp_path: Path) -> None:
    rows = [PointLabel("story", "number", point_key("number", ["127", "at least 129"]), True),
            PointLabel("story", "name", "0123456789ab", False)]
    path = tmp_path / "points.tsv"
    assert write_point_labels(path, rows) == 2
    assert read_point_labels(path) == rows
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(HEADER)


@pytest.mark.parametrize(
    "row", [["story", "number", "0123456789ab"], ["story", "colour", "0123456789ab", "real"],
            ["story", "number", "0123", "real"], ["story", "number", "0123456789ab", "maybe"]],
)
def test_malformed_rows_name_the_line(tmp_path: Path, row: list[str]) -> None:
    path = tmp_path / "points.tsv"
    path.write_text("\t".join(HEADER) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: expected"):
        read_point_labels(path)


def test_points_are_sorted_by_their_labels(tmp_path: Path) -> None:
    data = story_folder(tmp_path, FIRST, SECOND)
    models, settings = NlpModels(), Settings()
    (unlabelled,) = evaluate([], data=data, settings=settings, models=models, paths=["story"])
    assert [p.kind for p in unlabelled.unlabelled] == ["number"] and not unlabelled.real
    toll = unlabelled.unlabelled[0]
    real = PointLabel("story", "number", point_key(toll.kind, toll.values), True)
    gone = PointLabel("story", "date", "0123456789ab", True)
    (story,) = evaluate([real, gone], data=data, settings=settings, models=models, paths=["story"])
    assert (len(story.real), len(story.false), len(story.unlabelled), story.lost) == (1, 0, 0, (gone,))
    s = score([story])
    assert (s.stories, s.real, s.false, s.lost, s.precision) == (1, 1, 0, 1, 1.0)
    (wrong,) = evaluate([PointLabel("story", "number", real.key, False)], data=data, settings=settings, models=models, paths=["story"])
    assert score([wrong]).precision == 0.0


def test_committed_labels_are_well_formed() -> None:
    rows = read_point_labels(LABELS)
    assert 60 <= len(rows) <= 200
    assert len({(r.path, r.kind, r.key) for r in rows}) == len(rows)


@pytest.mark.data
def test_the_measured_stories_are_the_labelled_ones() -> None:
    data = shared_data()
    paths = story_paths(data)
    assert len(paths) == 131
    # every story has articles to read (a pattern that matched nothing left four WikiRef220 topics out)
    def files(path: str) -> int:
        return len(list((data / path).iterdir())) if (data / path).is_dir() else len(list(data.glob(path)))

    assert all(files(path) >= 2 for path in paths)
    assert {r.path for r in read_point_labels(LABELS)} <= set(paths)


@pytest.mark.data
@pytest.mark.slow
def test_cli_eval_differences_reports_the_measured_floors() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["eval", "differences", "--data", str(shared_data())], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    # (stories, precision floor) per half; measured in docs/analysis.md ("Measured: where sources differ")
    for name, (stories, precision) in {"tune": (77, 0.9), "report": (54, 0.9), "all": (131, 0.9)}.items():
        row = next(line for line in result.output.splitlines() if line.startswith(f"│ {name} "))
        cells = [c.strip() for c in row.strip("│").split("│")]
        assert int(cells[1]) == stories and int(cells[5]) == 0  # no labelled real point lost
        assert float(cells[6]) >= precision
