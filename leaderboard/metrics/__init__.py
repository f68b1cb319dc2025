"""Metrics as sufficient statistics: per-article count vectors, summed, then turned into scores.

Each task module declares ``STATS`` (column names of its per-article vector),
``article_stats(gold, pred)`` and ``METRICS`` (name -> function of a summed
statistics array of shape ``(..., len(STATS))``), so bootstrap resampling
is a weighted sum and never re-matches anything.
"""

from __future__ import annotations

import numpy as np


def safe_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` with 0 where ``den`` is 0."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den != 0)


def vacuous(num: np.ndarray, den: np.ndarray, nothing: np.ndarray) -> np.ndarray:
    """``num / den``, but 1 where ``nothing`` holds (nothing to find and nothing found)."""
    return np.where(nothing, 1.0, safe_div(num, den))


def prf(stats: np.ndarray, offset: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall and F1 from columns ``(credit_p, n_pred, credit_r, n_gold)``.

    With no gold and no predicted items all three are 1 (a perfect empty answer);
    otherwise a zero denominator gives 0, so empty predictions score 0 recall.
    """
    credit_p, n_pred, credit_r, n_gold = (stats[..., offset + i] for i in range(4))
    nothing = (n_pred == 0) & (n_gold == 0)
    precision, recall = vacuous(credit_p, n_pred, nothing), vacuous(credit_r, n_gold, nothing)
    return precision, recall, vacuous(2 * precision * recall, precision + recall, nothing)


def prf_metrics(name: str, offset: int) -> dict:
    """``{name}_precision``, ``_recall`` and ``_f1`` metrics reading four columns at ``offset``."""
    return {f"{name}_{part}": (lambda s, i=i: prf(s, offset)[i])
            for i, part in enumerate(("precision", "recall", "f1"))}


def macro_f1_from_confusion(confusion: np.ndarray) -> np.ndarray:
    """Macro-F1 over the classes of a ``(..., gold, pred)`` confusion matrix.

    Predictions may have extra columns (such as "missing"); they count against recall.
    """
    k = confusion.shape[-2]
    tp = np.diagonal(confusion[..., :k, :k], axis1=-2, axis2=-1)
    gold = confusion.sum(axis=-1)
    pred = confusion[..., :k].sum(axis=-2)
    precision, recall = safe_div(tp, pred), safe_div(tp, gold)
    f1 = safe_div(2 * precision * recall, precision + recall)
    present = (gold + pred) > 0
    return safe_div((f1 * present).sum(axis=-1), present.sum(axis=-1))


def cohen_kappa_from_confusion(confusion: np.ndarray) -> np.ndarray:
    """Cohen's kappa of the square ``(..., K, K)`` part of a confusion matrix (extra
    prediction columns such as "missing" are left out); 1 when both sides use one label."""
    k = confusion.shape[-2]
    square = confusion[..., :k, :k]
    n = square.sum(axis=(-2, -1))
    observed = safe_div(np.trace(square, axis1=-2, axis2=-1), n)
    chance = safe_div((square.sum(axis=-1) * square.sum(axis=-2)).sum(axis=-1), n ** 2)
    return np.where(chance < 1, safe_div(observed - chance, 1 - chance),
                    (n > 0).astype(float))


def ordinal_alpha_from_confusion(confusion: np.ndarray) -> np.ndarray:
    """Krippendorff's alpha with the ordinal metric for two coders and no missing values,
    from the square ``(..., K, K)`` part of their confusion matrix (classes in rank order).

    The coincidence matrix is ``C + C^T``; the ordinal distance between ranks c and k is
    ``(sum_{g=c..k} n_g - (n_c + n_k) / 2) ** 2`` (Krippendorff 2011, section E).
    """
    k = confusion.shape[-2]
    square = confusion[..., :k, :k]
    coincidence = square + np.swapaxes(square, -1, -2)
    n_c = coincidence.sum(axis=-1)
    n = n_c.sum(axis=-1)
    cumulative = np.cumsum(n_c, axis=-1)
    low, high = np.minimum.outer(np.arange(k), np.arange(k)), np.maximum.outer(
        np.arange(k), np.arange(k))
    between = np.take(cumulative, high, axis=-1) - np.take(cumulative, low, axis=-1) \
        + np.take(n_c, low, axis=-1)
    delta = (between - (n_c[..., :, None] + n_c[..., None, :]) / 2) ** 2
    observed = (coincidence * delta).sum(axis=(-2, -1))
    expected = (n_c[..., :, None] * n_c[..., None, :] * delta).sum(axis=(-2, -1))
    return np.where(expected > 0, 1 - safe_div((n - 1) * observed, expected),
                    (n > 0).astype(float))


def per_label_prf(pairs, article_stats, restrict, layer: str, labels, offset: int) -> dict:
    """Precision/recall/F1 per label: both sides restricted to one label, then the
    four statistics columns at ``offset`` summed over articles."""
    scores = {}
    for label in labels:
        total = sum(article_stats({**gold, layer: restrict(gold[layer], label)},
                                  restrict(pred, label)) for gold, pred in pairs)
        precision, recall, f1 = prf(np.asarray(total), offset)
        scores[label] = {"precision": float(precision), "recall": float(recall),
                         "f1": float(f1), "support": int(total[offset + 3])}
    return scores
