"""The timeline's dates against hand labels (evaluate_timeline, ``newsbrief eval timeline``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import REPO, shared_data
from newsbrief.dates import DateMention
from newsbrief.errors import InputError
from newsbrief.evaluate_timeline import judge, read_labels, score, sentence_sha1, story_of
from newsbrief.model import Article, Sentence, Span
from newsbrief.timeline import DatedSentence

LABELS = REPO / "eval" / "labels" / "timeline_dates.tsv"


def _dated(day: dt.date, precision: str = "day") -> DatedSentence:
    article = Article(id="a", content_hash="h", source="a.txt", title=None, text="Talks resumed.", published=day)
    return DatedSentence(article, Sentence(Span("a", 0, 14), "Talks resumed."), DateMention(0, 0, "", day, precision))


@pytest.mark.parametrize(
    ("gold", "predicted", "verdict"),
    [
        ("2009-06-01", _dated(dt.date(2009, 6, 1)), "right"),
        ("2009-06-01", _dated(dt.date(2009, 6, 2)), "wrong"),
        ("2009-06-01", _dated(dt.date(2009, 6, 1), "month"), "wrong"),  # a month is no day
        ("2009-06", _dated(dt.date(2009, 6, 17)), "right"),  # a month label: any day of it
        ("2009-06", _dated(dt.date(2009, 7, 1)), "wrong"),
        ("2009-06-01", None, "missed"),
        ("none", _dated(dt.date(2009, 6, 1)), "spurious"),
        ("none", None, "kept_out"),
    ],
)
def test_judge(gold: str, predicted: DatedSentence | None, verdict: str) -> None:
    assert judge(gold, predicted) == verdict


def test_labels_round_trip_and_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "labels.tsv"
    good.write_text("# a comment\npath\tsentence_sha1\tdate\nduc2004/docs/d1/a\tabcdef012345\t1998-10-23\n")
    [label] = read_labels(good)
    assert (label.path, label.date, story_of(label.path)) == ("duc2004/docs/d1/a", "1998-10-23", "duc2004/docs/d1")
    for text, problem in [
        ("path\tdate\n", "expected header"),
        ("path\tsentence_sha1\tdate\nx\tabcdef012345\tJune 1\n", "row 2"),
        ("path\tsentence_sha1\tdate\nx\tabcdef012345\n", "row 2"),
    ]:
        bad = tmp_path / "bad.tsv"
        bad.write_text(text)
        with pytest.raises(InputError, match=problem):
            read_labels(bad)
    with pytest.raises(InputError):
        read_labels(tmp_path / "missing.tsv")


def test_agreement_counts_only_sentences_both_labelled() -> None:
    from newsbrief.evaluate_timeline import DateLabel, agreement

    first = [DateLabel("p", "h1", "none"), DateLabel("p", "h2", "2009-06-01"), DateLabel("p", "h3", "none")]
    second = [DateLabel("p", "h1", "none"), DateLabel("p", "h2", "none"), DateLabel("q", "h9", "none")]
    result = agreement(first, second)
    assert (result.sentences, result.identical, result.dated_or_not, result.other_date) == (2, 1, 1, 0)
    assert result.kappa_dated == 0.0  # as often alike as chance would make them


def test_score_counts_per_half_and_leaves_stale_labels_out() -> None:
    from newsbrief.evaluate_timeline import DateLabel

    day = dt.date(2009, 6, 1)
    results = [
        (DateLabel("multiling2011-en/source/M0080.english", sentence_sha1("x"), "2009-06-01"), "right", _dated(day), "x"),
        (DateLabel("multiling2011-en/source/M0081.english", sentence_sha1("y"), "none"), "spurious", _dated(day), "y"),
        (DateLabel("multiling2011-en/source/M0082.english", sentence_sha1("z"), "none"), "stale", None, None),
    ]
    scores = score(results)
    assert (scores["all"].right, scores["all"].spurious, scores["all"].labelled) == (1, 1, 2)
    assert scores["all"].precision == 0.5 and scores["all"].recall == 1.0
    assert scores["all"].errors == ["spurious\tgold none\tgot 2009-06-01\tmultiling2011-en/source/M0081.english\ty"]


@pytest.mark.data
def test_the_repository_labels_all_name_sentences_of_their_articles_and_the_cli_scores_them() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    data = shared_data()
    labels = read_labels(LABELS)
    assert len(labels) >= 450 and len({story_of(label.path) for label in labels}) == 16
    second = REPO / "eval" / "labels" / "timeline_dates_second.tsv"
    result = CliRunner().invoke(app, ["eval", "timeline", "--data", str(data), "--second-labels", str(second)])
    assert result.exit_code == 0, result.output
    assert "of 120 sentences labelled alike" in result.output  # every second label names a first one
    assert "no longer found" not in result.output  # every label still names a sentence of its article
    rows = {cells[0]: cells for line in result.output.splitlines() if (cells := line.replace("│", " ").split())}
    assert {"tune", "report", "all"} <= set(rows)
    labelled, right, wrong, missed, left_out, spurious, kept_out = map(int, rows["all"][1:8])
    assert labelled == len(labels) and labelled == right + wrong + missed + left_out + spurious + kept_out
    assert right >= 300


def test_cli_eval_timeline_names_a_missing_label_file() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["eval", "timeline", "--labels", "nowhere.tsv"])
    assert result.exit_code == 2
    assert "nowhere.tsv: no such label file" in result.output
