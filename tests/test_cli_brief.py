"""``newsbrief brief`` and ``newsbrief eval summaries`` end to end (plain-text inputs written for the tests)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing_fixtures import BRIDGE
from newsbrief.cli import app


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, (title, _date, text) in BRIDGE.items():
        (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return folder


def test_markdown_is_the_default_also_when_piped(inputs):
    result = CliRunner().invoke(app, ["brief", str(inputs), "--one-story", "--words", "60"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# ")
    assert "## Summary" in result.output and "## Sources" in result.output


def test_json_and_text_formats(inputs):
    runner = CliRunner()
    js = runner.invoke(app, ["brief", str(inputs), "--one-story", "--words", "40", "--format", "json"])
    assert js.exit_code == 0, js.output
    story = json.loads(js.output)["stories"][0]
    assert sum(len(s["text"].split()) for s in story["summary"]) <= 40
    txt = runner.invoke(app, ["brief", str(inputs), "--one-story", "--words", "40", "--format", "text"])
    assert txt.output.strip().splitlines() == [s["text"] for s in story["summary"]]


def test_html_to_file(inputs, tmp_path):
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["brief", str(inputs), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_usage_errors_exit_2(inputs):
    runner = CliRunner()
    assert runner.invoke(app, ["brief", str(inputs), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["brief"]).exit_code == 2


def test_missing_input_is_reported_and_exit_1(inputs, tmp_path):
    result = CliRunner().invoke(app, ["brief", str(inputs), str(tmp_path / "nope.txt"), "--format", "text"])
    assert result.exit_code == 1
    assert "nope.txt" in result.output  # CliRunner mixes stderr into output


def test_an_output_path_that_cannot_be_written_is_a_one_line_error(inputs, tmp_path):
    runner = CliRunner()
    folder = runner.invoke(app, ["brief", str(inputs), "-o", str(tmp_path)])
    assert folder.exit_code == 2 and folder.stderr.strip() == f"newsbrief: error: -o {tmp_path}: is a folder; give a file name"
    nowhere = tmp_path / "missing" / "brief.md"
    missing = runner.invoke(app, ["brief", str(inputs), "-o", str(nowhere)])
    assert missing.exit_code == 2 and "no folder" in missing.stderr and missing.stderr.strip().count("\n") == 0
    assert not nowhere.parent.exists()
    written = tmp_path / "brief.md"
    ok = runner.invoke(app, ["brief", str(inputs), "-o", str(written)])
    assert ok.exit_code == 0 and written.read_text(encoding="utf-8").startswith("# ")
