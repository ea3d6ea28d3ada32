"""Citation precision and recall on hand-labelled pairs (``newsbrief eval citations``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_builders import labelled_place, story_folder
from conftest import REPO, shared_data
from newsbrief.evaluate_citations import evaluate_citations
from newsbrief.evaluate_merges import (
    HALVES,
    MergeLabel,
    MergeOutcome,
    MergeStale,
    Place,
    read_merge_labels,
    story_half,
)
from newsbrief.evaluate_quotes import load_story_files
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

LABELS = REPO / "eval" / "labels" / "citations.tsv"

# Three reports of one story, written for this test: the closure in other words, and a long sentence that
# names the bridge and the closure in passing while it tells of something else.
CLOSED = "Bridge Closed\n\nThe Old Mill Bridge in Dunmore was closed to all traffic on Monday after engineers found cracks.\n"
SHUT = (
    "Dunmore Bridge Shut\n\nEngineers found cracks and the Old Mill Bridge in Dunmore was closed to traffic on Monday, "
    "officials said.\n"
)
FERRY = (
    "Ferry Returns\n\nWith the Old Mill Bridge in Dunmore closed, the town council voted on Monday to bring back the "
    "old river ferry, which had stopped running in 1987, and to pay its crew from the road repair fund until spring.\n"
)


def test_a_rewording_is_cited_and_a_sentence_naming_the_words_in_passing_is_not(tmp_path: Path) -> None:
    data = story_folder(tmp_path, CLOSED, SHUT, FERRY)
    closed, shut, ferry = (a.text for a in load_story_files(data, "story", settings=Settings()))
    summary = labelled_place(closed, "The Old Mill Bridge in Dunmore was closed to all traffic on Monday after engineers found cracks.", "story/a.txt")
    rewording = labelled_place(shut, "Engineers found cracks and the Old Mill Bridge in Dunmore was closed to traffic on Monday, officials said.", "story/b.txt")
    passing = labelled_place(ferry, ferry[ferry.index("With the Old") :].strip(), "story/c.txt")
    rows = [MergeLabel("story", summary, rewording, True), MergeLabel("story", summary, passing, False)]
    outcomes = list(evaluate_citations(rows, data=data, settings=Settings(), models=NlpModels()))
    assert [o.merged for o in outcomes if isinstance(o, MergeOutcome)] == [True, False]
    # a place whose text changed is stale, not scored
    moved = MergeLabel("story", summary, Place("story/b.txt", rewording.start + 1, rewording.end, rewording.sha1), True)
    (stale,) = evaluate_citations([moved], data=data, settings=Settings(), models=NlpModels())
    assert isinstance(stale, MergeStale) and stale.reason == "text changed"


def test_committed_labels_are_well_formed() -> None:
    rows = read_merge_labels(LABELS)
    assert len(rows) == 389
    assert len({(r.a, r.b) for r in rows}) == len(rows)
    assert all(r.a.source != r.b.source for r in rows)  # a sentence of another article
    assert {story_half(r.path) for r in rows} == set(HALVES)
    assert 150 <= sum(r.same for r in rows) <= 200  # both labels well represented


@pytest.mark.data
def test_labelled_pairs_are_where_the_labels_say() -> None:
    rows = [r for r in read_merge_labels(LABELS) if r.path.startswith("duc2004/docs/")][:40]
    results = list(evaluate_citations(rows, data=shared_data(), settings=Settings(), models=NlpModels()))
    assert not [r for r in results if isinstance(r, MergeStale)]
    assert len(results) == len(rows)


# (pairs, precision floor, recall floor) per half; measured in docs/briefing.md ("Citation recall")
FLOORS = {"tune": (237, 0.97, 0.39), "report": (152, 0.96, 0.45), "all": (389, 0.97, 0.41)}


@pytest.mark.data
@pytest.mark.slow
def test_cli_eval_citations_reports_the_measured_floors() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["eval", "citations", "--data", str(shared_data())], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for name, (pairs, precision, recall) in FLOORS.items():
        row = next(line for line in result.output.splitlines() if line.startswith(f"│ {name} "))
        cells = [c.strip() for c in row.strip("│").split("│")]
        assert (int(cells[1]), int(cells[7])) == (pairs, 0)  # pairs, stale
        assert float(cells[5]) >= precision and float(cells[6]) >= recall
