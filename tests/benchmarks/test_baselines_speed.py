"""Benchmark: train and predict every baseline on the latest release (target: under two
minutes on two cores). Run with ``python -m pytest tests/benchmarks --benchmark-only``;
results are written up in ``baselines/BENCHMARKS.md``."""

from __future__ import annotations

from newsdac.baselines import SYSTEMS, runner


def test_train_and_predict_all_baselines(benchmark, tmp_path):
    runs = benchmark.pedantic(runner.run, kwargs={"bootstrap": 0, "root": tmp_path},
                              rounds=3, iterations=1)
    assert len(runs) == len(SYSTEMS)
