"""Bootstrap confidence intervals and paired significance tests over articles.

All functions work on per-article statistics matrices (articles x columns) and a
metric function of summed statistics, so a resample is a weighted sum: no
span is matched twice. Resampling weights are multinomial counts, one row per
resample, drawn from a seeded generator.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Metric = Callable[[np.ndarray], np.ndarray]
DEFAULT_SEED = 12345
CHUNK = 250


def resample_weights(n_articles: int, n_resamples: int, seed: int = DEFAULT_SEED) -> np.ndarray:
    """``(n_resamples, n_articles)`` counts: how often each article is drawn per resample."""
    rng = np.random.default_rng(seed)
    if n_articles == 0:
        return np.zeros((n_resamples, 0))
    return rng.multinomial(n_articles, np.full(n_articles, 1 / n_articles),
                           size=n_resamples).astype(np.float64)


def resampled_stats(stats: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Summed statistics per resample, ``(n_resamples, columns)``, computed in chunks."""
    return np.concatenate([weights[i:i + CHUNK] @ stats for i in range(0, len(weights), CHUNK)]
                          or [np.zeros((0, stats.shape[1]))])


def interval(values: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """The percentile interval of bootstrap ``values``."""
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def paired_bootstrap(stats_a: np.ndarray, stats_b: np.ndarray, metric: Metric,
                     weights: np.ndarray) -> dict[str, float | list[float]]:
    """Difference ``metric(A) - metric(B)`` with its 95% interval and a two-sided p-value.

    The p-value is the share of resampled differences, centred on their mean, that are
    at least as far from zero as the observed difference (Koehn 2004, as in SacreBLEU).
    """
    observed = float(metric(stats_a.sum(axis=0)) - metric(stats_b.sum(axis=0)))
    deltas = metric(resampled_stats(stats_a, weights)) - metric(resampled_stats(stats_b, weights))
    extreme = np.abs(deltas - deltas.mean()) >= abs(observed)
    return {"delta": observed, "ci": list(interval(deltas)),
            "p_value": float((extreme.sum() + 1) / (len(deltas) + 1))}


def approximate_randomization(stats_a: np.ndarray, stats_b: np.ndarray, metric: Metric,
                              trials: int, seed: int = DEFAULT_SEED) -> dict[str, float]:
    """Two-sided approximate randomization: swap each article's A/B outputs with p=1/2."""
    observed = float(metric(stats_a.sum(axis=0)) - metric(stats_b.sum(axis=0)))
    rng = np.random.default_rng(seed)
    diff = stats_b - stats_a
    hits = 0
    for start in range(0, trials, CHUNK):
        swaps = rng.integers(0, 2, size=(min(CHUNK, trials - start), len(stats_a)))
        moved = swaps.astype(np.float64) @ diff
        sum_a, sum_b = stats_a.sum(axis=0) + moved, stats_b.sum(axis=0) - moved
        hits += int((np.abs(metric(sum_a) - metric(sum_b)) >= abs(observed) - 1e-12).sum())
    return {"delta": observed, "p_value": (hits + 1) / (trials + 1)}
