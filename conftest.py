"""Doctests write their scratch files under pytest's temporary folder, which pytest prunes, not in /tmp."""

from __future__ import annotations

import tempfile

import pytest


@pytest.fixture(autouse=True)
def _doctest_scratch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # the module examples call tempfile.mkdtemp() (a reader's example needs no cleanup code); under test the
    # folders go where pytest keeps (and removes) its temporary files
    if type(request.node).__name__ == "DoctestItem":
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path_factory.mktemp("doctest")))
