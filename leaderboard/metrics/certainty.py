"""Certainty metrics: sentence-level macro-F1 over the four levels, binary F1 (certain vs
not, as in CoNLL-2010 task 1), ordinal MAE and quadratic-weighted kappa, cue F1."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from newsdac.labels import CERTAINTY_LEVELS
from newsdac.leaderboard.matching import COUNTERS, overlap
from newsdac.leaderboard.metrics import (
    cohen_kappa_from_confusion,
    macro_f1_from_confusion,
    ordinal_alpha_from_confusion,
    prf_metrics,
    safe_div,
)

LAYER = "sentences"
LABEL_FIELD = "certainty"
LABELS = tuple(CERTAINTY_LEVELS)
_LEVEL = {name: i for i, name in enumerate(LABELS)}
_K = len(LABELS)
MISSING = _K  # confusion column for gold sentences no prediction covers
_TOKEN = re.compile(r"\w+|[^\w\s]")

STATS = [f"conf_{g}_{p}" for g in LABELS for p in (*LABELS, "missing")] + [
    f"{view}_{part}" for view in ("cue_token", "cue_span", "cue_span_typed")
    for part in ("credit_p", "n_pred", "credit_r", "n_gold")]
_CUES = _K * (_K + 1)


def _aligned_level(sentence: dict[str, int], pred: list[dict[str, Any]]) -> int:
    """The level of the predicted sentence overlapping ``sentence`` most (earliest on ties)."""
    best, level = 0, MISSING
    for p in pred:
        shared = overlap((sentence["start"], sentence["end"]), (p["start"], p["end"]))
        if shared > best:
            best, level = shared, _LEVEL[p["certainty"]]
    return level


def _cue_tokens(text: str, cues: list[tuple]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)
            if any(overlap((m.start(), m.end()), c[:2]) for c in cues)]


def article_stats(gold: dict[str, Any], pred: list[dict[str, Any]]) -> np.ndarray:
    """The statistics vector of one article (``pred`` is its predicted sentences)."""
    confusion = np.zeros((_K, _K + 1))
    for sentence in gold["sentences"]:
        confusion[_LEVEL[sentence["certainty"]], _aligned_level(sentence, pred)] += 1
    g_cues = [(c["start"], c["end"], c["type"]) for s in gold["sentences"] for c in s["cues"]]
    p_cues = [(c["start"], c["end"], c["type"]) for s in pred for c in s["cues"]]
    text = gold["text"]
    row = list(COUNTERS["exact"](_cue_tokens(text, p_cues), _cue_tokens(text, g_cues)))
    row += COUNTERS["exact"]([c[:2] for c in p_cues], [c[:2] for c in g_cues])
    row += COUNTERS["exact"](p_cues, g_cues)
    return np.concatenate([confusion.ravel(), np.asarray(row, dtype=float)])


def confusion(stats: np.ndarray) -> np.ndarray:
    """The gold x predicted level confusion matrix; the last column counts missing ones."""
    return stats[..., :_CUES].reshape(*stats.shape[:-1], _K, _K + 1)


def _binary_f1(stats: np.ndarray) -> np.ndarray:
    c = confusion(stats)
    tp = c[..., 1:, 1:_K].sum(axis=(-2, -1))
    precision = safe_div(tp, c[..., :, 1:_K].sum(axis=(-2, -1)))
    recall = safe_div(tp, c[..., 1:, :].sum(axis=(-2, -1)))
    return safe_div(2 * precision * recall, precision + recall)


_DIST = np.subtract.outer(np.arange(_K), np.arange(_K))


def _mae(stats: np.ndarray) -> np.ndarray:
    answered = confusion(stats)[..., :_K]
    return safe_div((answered * np.abs(_DIST)).sum(axis=(-2, -1)), answered.sum(axis=(-2, -1)))


def _qwk(stats: np.ndarray) -> np.ndarray:
    observed = confusion(stats)[..., :_K]
    n = observed.sum(axis=(-2, -1))
    expected = safe_div(observed.sum(axis=-1)[..., :, None] * observed.sum(axis=-2)[..., None, :],
                        n[..., None, None])
    weights = _DIST.astype(float) ** 2 / (_K - 1) ** 2
    disagreement = (weights * observed).sum(axis=(-2, -1))
    chance = (weights * expected).sum(axis=(-2, -1))
    return np.where(chance > 0, 1 - safe_div(disagreement, chance),
                    np.where((disagreement == 0) & (n > 0), 1.0, 0.0))


def label_scores(pairs: list[tuple[dict, list[dict]]]) -> dict[str, dict[str, float]]:
    """Sentence-level P/R/F1 for each certainty level, from the summed confusion matrix."""
    c = confusion(sum(article_stats(gold, pred) for gold, pred in pairs))
    scores = {}
    for k, label in enumerate(LABELS):
        precision = float(safe_div(c[k, k], c[:, k].sum()))
        recall = float(safe_div(c[k, k], c[k].sum()))
        f1 = float(safe_div(2 * precision * recall, precision + recall))
        scores[label] = {"precision": precision, "recall": recall, "f1": f1,
                         "support": int(c[k].sum())}
    return scores


METRICS = {
    "macro_f1": lambda s: macro_f1_from_confusion(confusion(s)),
    "accuracy": lambda s: safe_div(np.trace(confusion(s)[..., :_K], axis1=-2, axis2=-1),
                                   confusion(s).sum(axis=(-2, -1))),
    "binary_f1": _binary_f1,
    "mae": _mae,
    "qwk": _qwk,
    "kappa": lambda s: cohen_kappa_from_confusion(confusion(s)),
    "alpha_ordinal": lambda s: ordinal_alpha_from_confusion(confusion(s)),
    "coverage": lambda s: 1 - safe_div(confusion(s)[..., MISSING].sum(axis=-1),
                                       confusion(s).sum(axis=(-2, -1))),
    **prf_metrics("cue_token", _CUES),
    **prf_metrics("cue_span", _CUES + 4),
    **prf_metrics("cue_span_typed", _CUES + 8),
}
HEADLINE = "macro_f1"
#: Metrics where lower is better.
LOWER_IS_BETTER = frozenset({"mae"})
