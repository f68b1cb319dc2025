"""Duplication metrics: span P/R/F1 (exact and character overlap, with and without labels),
link accuracy, and clean-text token F1 as in article-extraction benchmarks."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np

from newsdac.labels import DUPLICATION_LABELS
from newsdac.leaderboard.matching import COUNTERS, overlap, pair_greedily
from newsdac.leaderboard.metrics import per_label_prf, prf_metrics, vacuous

LAYER = "duplication"
LABEL_FIELD = "label"
LABELS = tuple(DUPLICATION_LABELS)
_TOKEN = re.compile(r"\w+|[^\w\s]")

STATS = [f"{view}_{part}" for view in ("exact", "exact_blind", "overlap", "overlap_blind")
         for part in ("credit_p", "n_pred", "credit_r", "n_gold")] + [
    "link_correct", "link_matched", "link_gold",
    "clean_common", "clean_pred_tokens", "clean_common_r", "clean_gold_tokens",
]


def _spans(items: list[dict[str, Any]], labelled: bool) -> list[tuple]:
    return [(d["start"], d["end"], d["label"]) if labelled else (d["start"], d["end"])
            for d in items]


def _link_counts(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    """Correct links, linked gold items matched by overlap to a prediction, linked gold
    items. A link is correct when the predicted original overlaps the gold original."""
    linked = [g for g in gold if g["original"] is not None]
    scores = {(i, j): overlap((p["start"], p["end"]), (g["start"], g["end"]))
              for i, p in enumerate(pred) for j, g in enumerate(linked)}
    pairs = pair_greedily(scores)
    correct = sum(1 for i, j in pairs if pred[i]["original"] is not None and overlap(
        (pred[i]["original"]["start"], pred[i]["original"]["end"]),
        (linked[j]["original"]["start"], linked[j]["original"]["end"])) > 0)
    return correct, len(pairs), len(linked)


def _clean_tokens(text: str, items: list[dict[str, Any]]) -> Counter:
    """Tokens of ``text`` with the given spans cut out."""
    keep, cursor = [], 0
    for start, end in sorted((d["start"], d["end"]) for d in items):
        keep.append(text[cursor:max(cursor, start)])
        cursor = max(cursor, end)
    keep.append(text[cursor:])
    return Counter(_TOKEN.findall("\n".join(keep)))


def article_stats(gold: dict[str, Any], pred: list[dict[str, Any]]) -> np.ndarray:
    """The statistics vector of one article (``pred`` is its predicted duplication items)."""
    g_items = gold["duplication"]
    row: list[float] = []
    for counter in ("exact", "overlap"):
        for labelled in (True, False):
            row += COUNTERS[counter](_spans(pred, labelled), _spans(g_items, labelled))
    row += _link_counts(g_items, pred)
    pred_tokens, gold_tokens = _clean_tokens(gold["text"], pred), _clean_tokens(gold["text"],
                                                                               g_items)
    common = sum((pred_tokens & gold_tokens).values())
    row += [common, sum(pred_tokens.values()), common, sum(gold_tokens.values())]
    return np.asarray(row, dtype=float)


def restrict(items: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    """The items carrying ``label`` (for per-label breakdowns)."""
    return [d for d in items if d["label"] == label]


METRICS = {
    **prf_metrics("span_exact", 0),
    **prf_metrics("span_exact_blind", 4),
    **prf_metrics("span_overlap", 8),
    **prf_metrics("span_overlap_blind", 12),
    "link_accuracy": lambda s: vacuous(s[..., 16], s[..., 17], s[..., 18] == 0),
    **prf_metrics("clean_text_token", 19),
}
HEADLINE = "span_overlap_f1"


def label_scores(pairs: list[tuple[dict, list[dict]]]) -> dict[str, dict[str, float]]:
    """Overlap P/R/F1 for each artifact label."""
    return per_label_prf(pairs, article_stats, restrict, LAYER, LABELS, offset=8)
