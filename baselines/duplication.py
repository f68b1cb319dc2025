"""Duplication baselines: a floor, exact repeats by hash, near repeats by shingle Jaccard,
and a learned line classifier that also links each duplicate to its original."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from newsdac.baselines.registry import Record, register, rules
from newsdac.baselines.text import Unit, jaccard, lines, normalise, shingles

PLACEHOLDER = re.compile(
    r"^\s*(\[[^\]]{0,40}\]|\{\{[^}]*\}\}|empty line \d+|loading( comments)?\.*|null|undefined|"
    r"image: placeholder|video unavailable|image placeholder)\s*$", re.IGNORECASE)
BOILERPLATE = re.compile(
    r"^\s*(advertisement|share (this article|on \w+.*)|sign up\b.*|subscribe\b.*|read more\b.*|"
    r"related:.*|\u00a9.*|follow us\b.*|story continues below.*|skip to (main )?content|"
    r"comments are closed.*|most read|cookie settings)\s*$", re.IGNORECASE)
REPEAT_LABELS = ("repeated_headline", "repeated_paragraph", "repeated_body", "near_duplicate")


@dataclass
class LineMatch:
    """The best earlier line for a line: its index, shingle Jaccard and exactness."""

    index: int | None
    similarity: float
    exact: bool
    normalised_equal: bool


def best_earlier(units: list[Unit]) -> list[LineMatch]:
    """For every line, the most similar earlier line (None for the first)."""
    grams = [shingles(u.text) for u in units]
    norms = [normalise(u.text) for u in units]
    matches = []
    for i, unit in enumerate(units):
        best, score = None, 0.0
        for j in range(i):
            s = 1.0 if norms[j] == norms[i] and norms[i] else jaccard(grams[i], grams[j])
            if s > score:
                best, score = j, s
        exact = best is not None and units[best].text == unit.text
        matches.append(LineMatch(best, score, exact, best is not None and score == 1.0
                                 and norms[best] == norms[i]))
    return matches


def _item(start: int, end: int, label: str, original: tuple[int, int] | None) -> dict[str, Any]:
    return {"start": start, "end": end, "label": label,
            "original": None if original is None else {"start": original[0], "end": original[1]}}


def _repeat_label(units: list[Unit], i: int, match: LineMatch) -> str:
    if not match.exact:
        return "near_duplicate"
    return "repeated_headline" if match.index is not None and match.index <= 1 and \
        len(units[match.index].text.split()) <= 20 and not units[match.index].text.rstrip() \
        .endswith(".") else "repeated_paragraph"


def merge_runs(units: list[Unit], labels: list[str], matches: list[LineMatch]
               ) -> list[dict[str, Any]]:
    """Turn per-line labels into spans: consecutive repeats whose originals are also
    consecutive become one ``repeated_body`` (exact) or ``near_duplicate`` span."""
    items, i = [], 0
    while i < len(units):
        label = labels[i]
        if label == "original":
            i += 1
            continue
        if label not in REPEAT_LABELS or matches[i].index is None:
            items.append(_item(units[i].start, units[i].end, label, None))
            i += 1
            continue
        j = i
        while (j + 1 < len(units) and labels[j + 1] in REPEAT_LABELS
               and matches[j + 1].index is not None
               and matches[j + 1].index == matches[j].index + 1):
            j += 1
        first, last = units[matches[i].index], units[matches[j].index]
        if j > i:
            exact = all(matches[k].exact for k in range(i, j + 1))
            label = "repeated_body" if exact else "near_duplicate"
        elif label == "repeated_body":
            label = "repeated_paragraph"
        items.append(_item(units[i].start, units[j].end, label, (first.start, last.end)))
        i = j + 1
    return items


def _by_similarity(record: Record, threshold: float) -> list[dict[str, Any]]:
    units = lines(record["text"])
    matches = best_earlier(units)
    labels = [_repeat_label(units, i, m) if m.index is not None and m.similarity >= threshold
              else "original" for i, m in enumerate(matches)]
    return merge_runs(units, labels, matches)


@rules("dup-none", "duplication", "floor", "Flags nothing.")
def flag_nothing(record: Record) -> list[dict[str, Any]]:
    return []


@rules("dup-exact-hash", "duplication", "rules",
       "A line whose normalised text equals an earlier line's is a repeat; runs merge.")
def exact_repeats(record: Record) -> list[dict[str, Any]]:
    return _by_similarity(record, threshold=1.0)


@register("dup-jaccard", "duplication", "rules",
          "Word-bigram Jaccard to the best earlier line above a threshold tuned on dev.",
          tunes_on_dev=True)
class JaccardRepeats:
    """Near-duplicate detection with one parameter, chosen on the dev split."""

    GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)

    def __init__(self, threshold: float = 0.6):
        self.threshold = threshold

    def fit(self, train: list[Record], dev: list[Record]) -> JaccardRepeats:
        from newsdac.leaderboard.scorer import headline_score

        def dev_score(threshold: float) -> float:
            return headline_score("duplication", dev, [_by_similarity(r, threshold) for r in dev])

        self.threshold = max(self.GRID, key=dev_score)
        return self

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]:
        return [_by_similarity(r, self.threshold) for r in records]


def line_features(units: list[Unit], matches: list[LineMatch]) -> np.ndarray:
    """One feature row per line: similarity to earlier text, shape, position, patterns."""
    n = len(units)
    rows = []
    for i, (unit, m) in enumerate(zip(units, matches, strict=True)):
        words = unit.text.split()
        prev_m = matches[i - 1] if i else None
        next_m = matches[i + 1] if i + 1 < n else None
        rows.append([
            m.similarity, float(m.exact), float(m.normalised_equal),
            float(m.index is not None and m.index <= 1), np.log1p(len(words)),
            np.log1p(len(unit.text)), i / max(n - 1, 1), float(i == 0), float(i == n - 1),
            float(bool(PLACEHOLDER.match(unit.text))), float(bool(BOILERPLATE.match(unit.text))),
            float(unit.text.rstrip().endswith((".", "\u201d", '"', "?", "!"))),
            sum(c.isupper() for c in unit.text) / max(len(unit.text), 1),
            float("  " in unit.text or unit.text != unit.text.strip()),
            prev_m.similarity if prev_m else 0.0, next_m.similarity if next_m else 0.0,
            float(bool(prev_m and prev_m.index is not None and m.index is not None
                       and m.index == prev_m.index + 1)),
            float(bool(next_m and next_m.index is not None and m.index is not None
                       and next_m.index == m.index + 1)),
        ])
    return np.asarray(rows, dtype=float)


def gold_line_labels(record: Record, units: list[Unit]) -> list[str]:
    """Each line's gold label: that of the duplication span covering it, else original."""
    labels = []
    for unit in units:
        item = next((d for d in record["duplication"]
                     if d["start"] <= unit.start < d["end"]), None)
        labels.append(item["label"] if item else "original")
    return labels


@register("dup-learned", "duplication", "learned",
          "Gradient-boosted line classifier over similarity, shape and pattern features; "
          "links each repeat to its most similar earlier line.")
class LearnedRepeats:
    def __init__(self, seed: int = 0):
        self.model = HistGradientBoostingClassifier(random_state=seed, max_iter=200,
                                                    class_weight="balanced")

    def fit(self, train: list[Record], dev: list[Record]) -> LearnedRepeats:
        features, labels = [], []
        for record in train:
            units = lines(record["text"])
            features.append(line_features(units, best_earlier(units)))
            labels += gold_line_labels(record, units)
        self.model.fit(np.concatenate(features), labels)
        return self

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]:
        out = []
        for record in records:
            units = lines(record["text"])
            if not units:
                out.append([])
                continue
            matches = best_earlier(units)
            labels = [str(label) for label in self.model.predict(line_features(units, matches))]
            labels = [lab if lab not in REPEAT_LABELS or m.index is not None else "original"
                      for lab, m in zip(labels, matches, strict=True)]
            out.append(merge_runs(units, labels, matches))
        return out
