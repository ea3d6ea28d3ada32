"""Shared fixtures: the path to ../shared/data (tests that need it skip when it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
EXAMPLES = REPO / "examples"


def shared_data(*parts: str) -> Path:
    """Path under ../shared/data; skips the calling test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture
def data_dir() -> Path:
    """../shared/data, or skip."""
    return shared_data()


def in_ci() -> bool:
    """True when running under CI (tests that need a Debian package must run there, not skip)."""
    return os.environ.get("CI", "").lower() == "true"
