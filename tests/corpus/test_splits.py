"""Split assignment: released articles never move; new ones are dealt 60/20/20 by stratum."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsdac.corpus.source import read_sources
from newsdac.corpus.splits import propose_splits, write_split
from tests.conftest import FIXTURES


def _articles(n: int):
    (base,) = read_sources(FIXTURES / "src")
    topics = ["politics", "sport", "courts", "culture"]
    return [replace(base, id=f"nd-{i:04d}",
                    meta={**base.meta, "topic": topics[i % 4], "register": "wire"})
            for i in range(n)]


def test_new_articles_are_dealt_sixty_twenty_twenty_within_each_topic():
    articles = _articles(200)
    splits = propose_splits(articles, frozen={})
    assert Counter(splits.values()) == {"train": 120, "dev": 40, "test": 40}
    for topic in ("politics", "sport", "courts", "culture"):
        counts = Counter(splits[a.id] for a in articles if a.meta["topic"] == topic)
        assert abs(counts["train"] - 30) <= 2 and abs(counts["test"] - 10) <= 2


def test_released_articles_keep_their_split_and_the_deal_is_deterministic():
    articles = _articles(50)
    frozen = {"nd-0001": "test", "nd-0002": "train"}
    first = propose_splits(articles, frozen)
    assert first["nd-0001"] == "test" and first["nd-0002"] == "train"
    assert first == propose_splits(list(reversed(articles)), frozen)


def test_write_split_changes_only_the_split_line(tmp_path):
    path = tmp_path / "nd-0001.yaml"
    path.write_text("id: nd-0001\nsplit: train\nbody: |\n  split: train stays\n")
    assert write_split(path, "dev")
    assert path.read_text() == "id: nd-0001\nsplit: dev\nbody: |\n  split: train stays\n"
    assert not write_split(path, "dev")
