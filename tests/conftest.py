"""Shared fixtures: paths to the repository's corpus and to small test sources."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixture_sources() -> Path:
    return FIXTURES / "src"


@pytest.fixture
def write_source(tmp_path: Path):
    """Write a YAML source file named after its id into a fresh folder; return its path."""
    def write(text: str, name: str = "nd-9100") -> Path:
        folder = tmp_path / "src"
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path
    return write
