"""A small gold split built from the test fixtures, with artifacts injected."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsdac.corpus.release import build_records
from newsdac.corpus.source import read_sources
from newsdac.leaderboard.scorer import Gold
from tests.conftest import FIXTURES


@pytest.fixture(scope="session")
def gold() -> Gold:
    (article,) = read_sources(FIXTURES / "src")
    topics = ["culture", "sport", "culture", "politics", "sport", "culture", "politics", "sport"]
    copies = [replace(article, id=f"nd-90{k:02d}", meta={**article.meta, "topic": topic})
              for k, topic in enumerate(topics)]
    return Gold("9.9.9", "test", build_records(copies, seed=3))


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


@pytest.fixture
def perfect(gold, tmp_path) -> Path:
    return write_jsonl(tmp_path / "perfect.jsonl", [
        {k: r[k] for k in ("id", "duplication", "attributions", "sentences")}
        for r in gold.records])
