"""Benchmark: 1,000 bootstrap resamples over 10,000 articles for every attribution metric.

Run with ``python -m pytest tests/benchmarks --benchmark-only``; results are written
up in ``leaderboard/BENCHMARKS.md``. Skipped in the normal test run.
"""

from __future__ import annotations

import numpy as np

from newsdac.corpus.release import build_records
from newsdac.corpus.source import read_sources
from newsdac.leaderboard.significance import interval, resample_weights, resampled_stats
from newsdac.leaderboard.tasks import TASKS
from tests.conftest import FIXTURES


def _all_intervals(stats: np.ndarray, n_resamples: int) -> dict[str, tuple[float, float]]:
    task = TASKS["attribution"]
    weights = resample_weights(len(stats), n_resamples, seed=1)
    boot = resampled_stats(stats, weights)
    return {name: interval(fn(boot)) for name, fn in task.metrics.items()}


def _realistic_stats(n_articles: int) -> np.ndarray:
    """Statistics of the fixture article against a prediction missing some attributions,
    tiled to ``n_articles`` rows with varying amounts missing."""
    (article,) = read_sources(FIXTURES / "src")
    (gold,) = build_records([article], seed=3)
    task = TASKS["attribution"]
    rows = [task.article_stats(gold, gold["attributions"][:k])
            for k in range(len(gold["attributions"]) + 1)]
    return np.stack([rows[i % len(rows)] for i in range(n_articles)])


def test_bootstrap_1000_resamples_10000_articles(benchmark):
    stats = _realistic_stats(10_000)
    result = benchmark.pedantic(_all_intervals, args=(stats, 1000), rounds=3, iterations=1)
    low, high = result["relation_partial_f1"]
    assert 0 <= low <= high <= 1
