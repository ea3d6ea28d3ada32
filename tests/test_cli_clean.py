"""``newsbrief clean``: formats, --explain, stderr lines and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from newsbrief.cli import app
from newsbrief.serialize import SCHEMA_KEYS

runner = CliRunner()
SCRAPED = str(EXAMPLES / "variants" / "scraped-M0021.txt")


def test_markdown_is_the_default() -> None:
    result = runner.invoke(app, ["clean", str(EXAMPLES / "air-france-447" / "M0080.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Air France jet with 228 on board goes missing\n")
    assert "- published: 2009-06-01" in result.stdout
    assert "Removed lines" not in result.stdout


def test_explain_lists_removed_lines_with_reasons_and_appended_stories() -> None:
    result = runner.invoke(app, ["clean", "--explain", SCRAPED])
    assert result.exit_code == 0, result.output
    assert "**Removed lines" in result.stdout
    assert "`Share this: Facebook · Twitter · WhatsApp · Email`" in result.stdout
    assert "**Appended stories split off (1)**" in result.stdout
    assert "## Airbus offers funding to search for black boxes from Air France disaster" in result.stdout


def test_jsonl_and_json_formats() -> None:
    result = runner.invoke(app, ["clean", "--format", "jsonl", str(EXAMPLES / "variants")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 7 and all(tuple(r) == SCHEMA_KEYS for r in records)
    result = runner.invoke(app, ["clean", "--format", "json", str(EXAMPLES / "variants")])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == records


def test_json_with_nothing_readable_is_an_empty_list(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["clean", "--format", "json", str(empty)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("command", ["clean", "brief"])
def test_a_folder_without_articles_says_so_on_one_line(tmp_path: Path, command: str) -> None:
    # nothing was skipped (exit 0), but an empty output alone would leave the user guessing
    result = runner.invoke(app, [command, str(tmp_path)])
    assert result.exit_code == 0
    assert result.stderr.strip() == f"newsbrief: no articles found in {tmp_path}"


def test_skipped_input_is_one_stderr_line_and_exit_1(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 8)
    result = runner.invoke(app, ["clean", "--format", "jsonl", str(binary), SCRAPED, str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert str(binary) in lines[0] and "binary" in lines[0]
    assert "missing.txt" in lines[1] and "no such file" in lines[1]


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["clean"]).exit_code == 2
    assert runner.invoke(app, ["clean", "--format", "xml", SCRAPED]).exit_code == 2


def test_stdin_dash() -> None:
    text = (EXAMPLES / "bali-climate-2007" / "M0040.txt").read_text()
    result = runner.invoke(app, ["clean", "--format", "jsonl", "-"], input=text)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == "<stdin>" and record["title"] == "Climate conference in Bali begins on Monday"


def test_piped_output_is_wide_enough_for_the_evaluation_tables() -> None:
    import os
    import subprocess
    import sys

    code = "from newsbrief.cli.common import stdout; print(stdout.width)"
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    piped = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert piped.stdout.strip() == "200"  # rich's default of 80 cut "0.905" to "0.9…" in eval quotes
    narrow = subprocess.run(
        [sys.executable, "-c", code], env={**env, "COLUMNS": "100"}, capture_output=True, text=True, check=True
    )
    assert narrow.stdout.strip() == "100"  # COLUMNS still decides


def test_the_command_line_loads_no_analysis_package_before_a_command_needs_it() -> None:
    """Every ``newsbrief`` call imports every command module: the heavy analysis packages wait for the command."""
    heavy = {"nltk", "scipy", "sklearn", "spacy", "wordfreq", "datasketch", "torch", "pyspark"}
    code = f"import sys, newsbrief.cli; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & {heavy!r})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == []
