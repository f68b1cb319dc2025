"""Shared fixtures: paths to the repository's corpus and to small test sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdac.corpus.release import build_release, write_release

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


@pytest.fixture(scope="session")
def tiny_release(tmp_path_factory) -> Path:
    """``releases/`` holding version 9.9.9, built from the fixture article copied into
    one article per split (nd-9001 train, nd-9002 dev, nd-9003 test)."""
    root = tmp_path_factory.mktemp("corpus")
    src = root / "src"
    src.mkdir()
    text = (FIXTURES / "src" / "nd-9001.yaml").read_text(encoding="utf-8")
    for name, split in (("nd-9001", "train"), ("nd-9002", "dev"), ("nd-9003", "test")):
        (src / f"{name}.yaml").write_text(
            text.replace("id: nd-9001", f"id: {name}").replace("split: train", f"split: {split}"),
            encoding="utf-8")
    write_release(build_release(src, root / "releases" / "9.9.9", "9.9.9"),
                  root / "releases" / "9.9.9")
    return root / "releases"
