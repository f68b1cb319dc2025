"""Attribution metrics, PARC-style: per-role P/R/F1 (exact and overlap), full-relation F1,
source-type macro-F1 over matched relations, and nested-attribution recall."""

from __future__ import annotations

from typing import Any

import numpy as np

from newsdac.labels import ATTRIBUTION_ROLES, SOURCE_TYPES
from newsdac.leaderboard.matching import COUNTERS, overlap, pair_greedily
from newsdac.leaderboard.metrics import (
    cohen_kappa_from_confusion,
    macro_f1_from_confusion,
    per_label_prf,
    prf_metrics,
    vacuous,
)

LAYER = "attributions"
LABEL_FIELD = "source_type"
LABELS = tuple(SOURCE_TYPES)
_TYPES = {name: i for i, name in enumerate(LABELS)}
_K = len(LABELS)

STATS = [f"{role}_{mode}_{part}" for role in ATTRIBUTION_ROLES for mode in ("exact", "overlap")
         for part in ("credit_p", "n_pred", "credit_r", "n_gold")] + [
    f"relation_{mode}_{part}" for mode in ("exact", "partial")
    for part in ("matched_p", "n_pred", "matched_r", "n_gold")] + [
    "nested_found", "nested_gold"] + [f"type_{g}_{p}" for g in LABELS for p in LABELS]
_REL = 24
_NESTED = 32
_CONFUSION = 34


def _span(obj: dict[str, int] | None) -> tuple[int, int] | None:
    return None if obj is None else (obj["start"], obj["end"])


def _role_spans(items: list[dict[str, Any]], role: str) -> list[tuple[int, int]]:
    return [_span(a[role]) for a in items if a[role] is not None]


def relation_score(p: dict[str, Any], g: dict[str, Any], exact: bool) -> float:
    """Positive when every role matches (both absent, or equal / overlapping spans)."""
    total = 0
    for role in ATTRIBUTION_ROLES:
        a, b = _span(p[role]), _span(g[role])
        if a is None and b is None:
            continue
        if a is None or b is None:
            return 0.0
        shared = overlap(a, b)
        if (exact and a != b) or shared == 0:
            return 0.0
        total += shared
    return float(total) or 1.0


def _pairs(pred: list[dict], gold: list[dict], exact: bool) -> list[tuple[int, int]]:
    return pair_greedily({(i, j): relation_score(p, g, exact)
                          for i, p in enumerate(pred) for j, g in enumerate(gold)})


def article_stats(gold: dict[str, Any], pred: list[dict[str, Any]]) -> np.ndarray:
    """The statistics vector of one article (``pred`` is its predicted attributions)."""
    g_items = gold["attributions"]
    row: list[float] = []
    for role in ATTRIBUTION_ROLES:
        for mode in ("exact", "overlap"):
            row += COUNTERS[mode](_role_spans(pred, role), _role_spans(g_items, role))
    partial = _pairs(pred, g_items, exact=False)
    for pairs in (_pairs(pred, g_items, exact=True), partial):
        row += [len(pairs), len(pred), len(pairs), len(g_items)]
    nested = [j for j, g in enumerate(g_items) if g["parent"] is not None]
    row += [sum(1 for i, j in partial if j in nested and pred[i]["parent"] is not None),
            len(nested)]
    confusion = np.zeros((_K, _K))
    for i, j in partial:
        confusion[_TYPES[g_items[j]["source_type"]], _TYPES[pred[i]["source_type"]]] += 1
    return np.concatenate([np.asarray(row, dtype=float), confusion.ravel()])


def restrict(items: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    """The attributions of source type ``label`` (for per-type breakdowns)."""
    return [a for a in items if a["source_type"] == label]


def confusion(stats: np.ndarray) -> np.ndarray:
    """The gold x predicted source-type confusion matrix of matched relations."""
    return stats[..., _CONFUSION:_CONFUSION + _K * _K].reshape(*stats.shape[:-1], _K, _K)


METRICS = {
    **{k: v for i, role in enumerate(ATTRIBUTION_ROLES) for k, v in {
        **prf_metrics(f"{role}_exact", 8 * i), **prf_metrics(f"{role}_partial", 8 * i + 4),
    }.items()},
    **prf_metrics("relation_exact", _REL),
    **prf_metrics("relation_partial", _REL + 4),
    "nested_recall": lambda s: vacuous(s[..., _NESTED], s[..., _NESTED + 1],
                                       s[..., _NESTED + 1] == 0),
    "source_type_macro_f1": lambda s: macro_f1_from_confusion(confusion(s)),
    "source_type_kappa": lambda s: cohen_kappa_from_confusion(confusion(s)),
}
HEADLINE = "relation_partial_f1"


def label_scores(pairs: list[tuple[dict, list[dict]]]) -> dict[str, dict[str, float]]:
    """Partial relation P/R/F1 for each source type (gold and predicted type must agree)."""
    return per_label_prf(pairs, article_stats, restrict, LAYER, LABELS, offset=_REL + 4)
