"""``newsbrief eval quote-merges``: the pair label file, the halves, the scorer, and the labelled real pairs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from analysis_builders import labelled_place, story_folder
from conftest import REPO, shared_data
from newsbrief.errors import InputError
from newsbrief.evaluate_merges import (
    HALVES,
    HEADER,
    MergeLabel,
    MergeOutcome,
    MergeStale,
    Place,
    evaluate_merges,
    quote_groups,
    read_merge_labels,
    score_merges,
    story_half,
    timeline_groups,
    write_merge_labels,
)
from newsbrief.evaluate_quotes import load_story_files
from newsbrief.model import Article, Span
from newsbrief.nlp import NlpModels
from newsbrief.settings import Settings

LABELS = REPO / "eval" / "labels" / "quote_merges.tsv"
TIMELINE_LABELS = REPO / "eval" / "labels" / "timeline_merges.tsv"

# Two reports of one press conference, written for these tests: the same sentence in two wordings, and a
# second remark of the same speaker that shares the story's words but is another statement.
FIRST = (
    "Ferry Strike Ends\n\n"
    "Transport Minister Ines Duarte announced the end of the ferry strike on Friday. "
    '"Every ferry will sail again on Monday morning," Duarte told reporters at the harbour.\n\n'
    '"The ferry crews have been heard and their pay will rise," she added.\n'
)
SECOND = (
    "Ferries To Sail Again\n\n"
    "The ferry strike is over, Transport Minister Ines Duarte said on Friday. "
    '"All the ferries will be sailing again on Monday morning," Duarte said.\n'
)


def _labels(data: Path) -> list[MergeLabel]:
    # offsets in the clean body (``Article.text``), as the label file keeps them
    first, second = (a.text for a in load_story_files(data, "story", settings=Settings()))
    sail = labelled_place(first, "Every ferry will sail again on Monday morning", "story/a.txt")
    sailing = labelled_place(second, "All the ferries will be sailing again on Monday morning", "story/b.txt")
    pay = labelled_place(first, "The ferry crews have been heard and their pay will rise", "story/a.txt")
    return [MergeLabel("story", sail, sailing, True), MergeLabel("story", pay, sailing, False)]


def test_labels_round_trip(tmp_path: Path) -> None:
    rows = _labels(story_folder(tmp_path, FIRST, SECOND))
    path = tmp_path / "pairs.tsv"
    assert write_merge_labels(path, rows) == 2
    assert read_merge_labels(path) == rows
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(HEADER)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["story", "story/a.txt", "5", "9", "a" * 40, "story/b.txt", "1", "4", "b" * 40], "expected 10"),
        (["story", "story/a.txt", "9", "5", "a" * 40, "story/b.txt", "1", "4", "b" * 40, "same"], "start < end"),
        (["story", "story/a.txt", "5", "9", "a" * 40, "story/b.txt", "1", "4", "B" * 40, "same"], "sha1"),
        (["story", "story/a.txt", "5", "9", "a" * 40, "story/b.txt", "1", "4", "b" * 40, "maybe"], "label must be"),
    ],
)
def test_malformed_rows_name_the_line_and_the_problem(tmp_path: Path, row: list[str], message: str) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("\t".join(HEADER) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"line 2: .*{message}"):
        read_merge_labels(path)


def test_a_file_without_the_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("story\tstory/a.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected header"):
        read_merge_labels(path)


def test_story_halves_are_fixed_by_the_path_alone() -> None:
    paths = [f"duc2004/docs/d3{n:04d}t" for n in range(40)]
    halves = [story_half(p) for p in paths]
    assert halves == [story_half(p) for p in paths]
    assert set(halves) == set(HALVES)  # both halves get stories


def test_scorer_counts_merges_of_same_and_different_pairs() -> None:
    a, b = Place("s/1", 0, 9, "0" * 40), Place("s/2", 0, 9, "0" * 40)
    same, different = MergeLabel("s", a, b, True), MergeLabel("s", a, b, False)
    s = score_merges([MergeOutcome(same, True), MergeOutcome(same, True), MergeOutcome(different, False)])
    assert (s.pairs, s.true_pairs, s.merged, s.merged_true, s.precision, s.recall) == (3, 2, 2, 2, 1.0, 1.0)
    nothing = score_merges([MergeOutcome(same, False)])
    assert (nothing.precision, nothing.recall) == (1.0, 0.0)


def test_a_pair_is_merged_when_one_quote_holds_both_places(tmp_path: Path) -> None:
    data = story_folder(tmp_path, FIRST, SECOND)
    rows = _labels(data)

    def groups(articles: Sequence[Article]) -> list[tuple[Span, ...]]:
        # the two wordings of the sailing sentence as one quote, the pay remark as another
        by_source = {Path(a.source).name: a for a in articles}
        sail, sailing, pay = rows[0].a, rows[0].b, rows[1].a
        a, b = by_source["a.txt"].id, by_source["b.txt"].id
        return [(Span(a, sail.start, sail.end), Span(b, sailing.start, sailing.end)), (Span(a, pay.start, pay.end),)]

    stale = MergeLabel("story", rows[0].a, Place("story/b.txt", 0, 5, "0" * 40), True)
    missing = MergeLabel("story", rows[0].a, Place("story/gone.txt", 0, 5, "0" * 40), True)
    results = list(
        evaluate_merges([*rows, stale, missing], data=data, settings=Settings(), groups=groups)
    )
    assert [r.merged for r in results if isinstance(r, MergeOutcome)] == [True, False]
    assert [r.reason for r in results if isinstance(r, MergeStale)] == ["text changed", "article not found"]


def test_extract_quotes_merges_two_wordings_and_keeps_another_remark_apart(tmp_path: Path) -> None:
    data = story_folder(tmp_path, FIRST, SECOND)
    rows = _labels(data)
    outcomes = [r for r in evaluate_merges(rows, data=data, settings=Settings(), groups=quote_groups(NlpModels())) if isinstance(r, MergeOutcome)]
    assert [o.merged for o in outcomes] == [True, False]


@pytest.mark.parametrize(("path", "least", "most"), [(LABELS, 400, 700), (TIMELINE_LABELS, 300, 500)])
def test_committed_labels_are_well_formed(path: Path, least: int, most: int) -> None:
    rows = read_merge_labels(path)
    assert least <= len(rows) <= most
    assert len({(r.a, r.b) for r in rows}) == len(rows)
    assert all(r.a.source != r.b.source for r in rows)  # pairs across two articles
    halves = {story_half(r.path) for r in rows}
    assert halves == set(HALVES)
    assert 100 <= sum(r.same for r in rows) < len(rows) - 100  # both labels well represented


# Two reports of one day, written for this test: the same arrest in other words, and the protest after it.
ARREST = "Harbour Mayor Arrested\n\n2001-03-05\n\nPolice arrested the mayor of Harbour City on Monday at his office.\n"
ARRESTED = (
    "Mayor Held\n\n2001-03-05\n\nThe mayor of Harbour City was arrested by police on Monday at his office. "
    "Hundreds of supporters marched to the town hall on Monday in protest.\n"
)


def test_timeline_groups_merge_one_development_and_keep_another_apart(tmp_path: Path) -> None:
    data = story_folder(tmp_path, ARREST, ARRESTED)
    first, second = (a.text for a in load_story_files(data, "story", settings=Settings()))
    arrest = labelled_place(first, "Police arrested the mayor of Harbour City on Monday at his office.", "story/a.txt")
    arrested = labelled_place(second, "The mayor of Harbour City was arrested by police on Monday at his office.", "story/b.txt")
    protest = labelled_place(second, "Hundreds of supporters marched to the town hall on Monday in protest.", "story/b.txt")
    rows = [MergeLabel("story", arrest, arrested, True), MergeLabel("story", arrest, protest, False)]
    outcomes = list(evaluate_merges(rows, data=data, settings=Settings(), groups=timeline_groups))
    assert [o.merged for o in outcomes if isinstance(o, MergeOutcome)] == [True, False]


@pytest.mark.data
def test_labelled_pairs_are_where_the_labels_say() -> None:
    data = shared_data()
    rows = [r for r in read_merge_labels(LABELS) if r.path.startswith("duc2004/docs/")][:40]
    results = list(evaluate_merges(rows, data=data, settings=Settings(), groups=quote_groups(NlpModels())))
    assert not [r for r in results if isinstance(r, MergeStale)]
    assert len(results) == len(rows)


# (pairs, precision floor, recall floor) per half; measured in docs/analysis.md ("Measured: merging quotations
# across sources", "Measured: same-day merging")
QUOTE_FLOORS = {"tune": (275, 0.90, 0.96), "report": (268, 0.92, 0.83), "all": (543, 0.92, 0.87)}
TIMELINE_FLOORS = {"tune": (212, 0.86, 0.73), "report": (171, 0.81, 0.83), "all": (383, 0.84, 0.77)}


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.parametrize(("command", "floors"), [("quote-merges", QUOTE_FLOORS), ("timeline-merges", TIMELINE_FLOORS)])
def test_cli_eval_merges_reports_the_measured_floors(command: str, floors: dict[str, tuple[int, float, float]]) -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["eval", command, "--data", str(shared_data())], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for name, (pairs, precision, recall) in floors.items():
        row = next(line for line in result.output.splitlines() if line.startswith(f"│ {name} "))
        cells = [c.strip() for c in row.strip("│").split("│")]
        assert (int(cells[1]), int(cells[7])) == (pairs, 0)  # pairs, stale
        assert float(cells[5]) >= precision and float(cells[6]) >= recall
