"""The one span-matching routine every metric uses: exact sets, overlap credit, pairing.

Spans are ``(start, end)`` tuples here, optionally with a label as a third item.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covered(span: Span, others: Sequence[Span]) -> int:
    """Characters of ``span`` covered by the union of ``others``."""
    points = sorted((max(o[0], span[0]), min(o[1], span[1])) for o in others
                    if overlap(span, o) > 0)
    total, reach = 0, span[0]
    for start, end in points:
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def exact_counts(pred: Sequence[tuple], gold: Sequence[tuple]) -> tuple[float, int, float, int]:
    """``(matched, n_pred, matched, n_gold)`` for exact matching of (labelled) spans."""
    pred_set, gold_set = set(pred), set(gold)
    hits = len(pred_set & gold_set)
    return hits, len(pred_set), hits, len(gold_set)


def overlap_counts(pred: Sequence[tuple], gold: Sequence[tuple]) -> tuple[float, int, float, int]:
    """Overlap credit: each span scores the share of its characters the other side covers.

    Labelled spans (third item) are only covered by spans with the same label.
    """
    pred_set, gold_set = sorted(set(pred)), sorted(set(gold))

    def credit(spans, against):
        return sum(covered(s[:2], [o[:2] for o in against if o[2:] == s[2:]]) / (s[1] - s[0])
                   for s in spans)

    return credit(pred_set, gold_set), len(pred_set), credit(gold_set, pred_set), len(gold_set)


COUNTERS: dict[str, Callable[[Sequence[tuple], Sequence[tuple]], tuple]] = {
    "exact": exact_counts,
    "overlap": overlap_counts,
}


def pair_greedily(scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(pred index, gold index)`` by descending score, ties by index."""
    taken_p, taken_g, pairs = set(), set(), []
    for (p, g), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score > 0 and p not in taken_p and g not in taken_g:
            pairs.append((p, g))
            taken_p.add(p)
            taken_g.add(g)
    return sorted(pairs)
