"""Shared fixtures: paths to the repository's corpus and to small test sources."""

from __future__ import annotations

import re
import shutil
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
    """``releases/`` holding version 9.9.9: the non-ASCII fixture article (nd-9001, train)
    and two short corpus articles renamed nd-9002 (dev) and nd-9003 (test)."""
    root = tmp_path_factory.mktemp("corpus")
    src = root / "src"
    src.mkdir()
    shutil.copy(FIXTURES / "src" / "nd-9001.yaml", src)
    for source, name, split in (("nd-0058", "nd-9002", "dev"), ("nd-0071", "nd-9003", "test")):
        text = (REPO / "corpus" / "src" / f"{source}.yaml").read_text(encoding="utf-8")
        text = re.sub(r"(?m)^id: .*$", f"id: {name}", text)
        (src / f"{name}.yaml").write_text(re.sub(r"(?m)^split: .*$", f"split: {split}", text),
                                          encoding="utf-8")
    write_release(build_release(src, root / "releases" / "9.9.9", "9.9.9"),
                  root / "releases" / "9.9.9")
    return root / "releases"
