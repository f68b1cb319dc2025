"""The official scorer: predictions against a gold release, with intervals and signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsdac.errors import NewsdacError
from newsdac.leaderboard.predictions import Predictions, layer_items, read_predictions
from newsdac.leaderboard.signature import Signature
from newsdac.leaderboard.significance import (
    DEFAULT_SEED,
    approximate_randomization,
    interval,
    paired_bootstrap,
    resample_weights,
    resampled_stats,
)
from newsdac.leaderboard.tasks import TASKS, Task
from newsdac.loaders import load_records, release_path
from newsdac.schema import SPLITS

ARTICLE_GROUPS = ("topic", "register")
#: ``--by`` names for per-label tables: the label field of each task.
LABEL_GROUPS = tuple(task.label_field for task in TASKS.values())
OVERALL = "newsdac_score"


@dataclass(frozen=True)
class Gold:
    """A gold split: corpus version, split name and its records in release order."""

    version: str
    split: str
    records: list[dict[str, Any]]

    @property
    def by_id(self) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in self.records}


def load_gold(spec: str) -> Gold:
    """Parse ``VERSION[:SPLIT]`` (split defaults to test) and load it, checksums verified."""
    version, _, split = spec.partition(":")
    split = split or "test"
    if split not in SPLITS:
        raise NewsdacError(f"unknown split {split!r} in --gold {spec!r}; "
                           f"choose from {', '.join(SPLITS)}")
    resolved = release_path(version or "latest").name
    return Gold(resolved, split, load_records("articles", split, resolved))


@dataclass
class Score:
    """One metric value with its bootstrap interval and signature."""

    value: float
    ci: tuple[float, float] | None
    signature: Signature

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "ci": list(self.ci) if self.ci else None,
                "signature": self.signature.to_json()}


@dataclass
class TaskResult:
    """Every metric of one task, the per-label view and any per-group breakdowns."""

    task: str
    headline: str
    scores: dict[str, Score]
    per_label: dict[str, dict[str, float]]
    by: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    stats: np.ndarray | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"headline": self.headline,
                "scores": {name: s.to_json() for name, s in self.scores.items()},
                "per_label": self.per_label, "by": self.by}


@dataclass
class Report:
    """What ``newsdac score`` prints: per-task results and the overall score."""

    corpus: str
    split: str
    predictions: str
    bootstrap: int
    seed: int
    n_articles: int
    tasks: dict[str, TaskResult]
    overall: Score | None
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "split": self.split, "predictions": self.predictions,
                "bootstrap": self.bootstrap, "seed": self.seed, "n_articles": self.n_articles,
                "tasks": {name: t.to_json() for name, t in self.tasks.items()},
                "overall": self.overall.to_json() if self.overall else None,
                "warnings": self.warnings}


def task_pairs(task: Task, gold: Gold, predictions: Predictions
               ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """``(gold record, predicted items)`` for every gold article, in gold order."""
    return [(g, layer_items(g, predictions.records.get(g["id"]), task.layer))
            for g in gold.records]


def stats_matrix(task: Task, pairs) -> np.ndarray:
    """Per-article statistics, ``(articles, len(task.stats))``."""
    if not pairs:
        return np.zeros((0, len(task.stats)))
    return np.stack([task.article_stats(g, p) for g, p in pairs])


def headline_score(task_name: str, gold: list[dict[str, Any]],
                   predicted: list[list[dict[str, Any]]]) -> float:
    """The task's headline metric for predicted items aligned with ``gold`` records, scored
    as the official scorer does (items inside gold artifacts ignored); for tuning on dev."""
    task = TASKS[task_name]
    pairs = [(g, layer_items(g, {task.layer: items}, task.layer))
             for g, items in zip(gold, predicted, strict=True)]
    return float(task.metrics[task.headline](stats_matrix(task, pairs).sum(axis=0)))


def _selected_tasks(names: list[str] | None, predictions: Predictions) -> list[Task]:
    if names:
        unknown = [n for n in names if n not in TASKS]
        if unknown:
            raise NewsdacError(f"unknown task {unknown[0]!r}; choose from {', '.join(TASKS)}")
        tasks = [TASKS[n] for n in names]
        absent = [t for t in tasks if t.layer not in predictions.layers]
        if absent:
            raise NewsdacError(f"{predictions.path}: no record has the layer "
                               f"{absent[0].layer!r} that task {absent[0].name} scores")
        return tasks
    return [t for t in TASKS.values() if t.layer in predictions.layers]


def _breakdown(task: Task, stats: np.ndarray, gold: Gold, field_name: str
               ) -> dict[str, dict[str, float]]:
    values = [r["meta"][field_name] for r in gold.records]
    return {value: {name: float(fn(stats[[v == value for v in values]].sum(axis=0)))
                    for name, fn in task.metrics.items()}
            for value in sorted(set(values))}


def score_task(task: Task, gold: Gold, predictions: Predictions, weights: np.ndarray,
               by: list[str]) -> TaskResult:
    """Score one task; every metric gets a percentile interval from ``weights``."""
    pairs = task_pairs(task, gold, predictions)
    stats = stats_matrix(task, pairs)
    boot = resampled_stats(stats, weights) if len(weights) else None
    scores = {}
    for name, fn in task.metrics.items():
        signature = Signature(gold.version, gold.split, task.name, name, len(weights))
        scores[name] = Score(float(fn(stats.sum(axis=0))),
                             interval(fn(boot)) if boot is not None else None, signature)
    result = TaskResult(task.name, task.headline, scores, task.label_scores(pairs), stats=stats)
    for field_name in by:
        if field_name in ARTICLE_GROUPS:
            result.by[field_name] = _breakdown(task, stats, gold, field_name)
        elif field_name == task.label_field:
            result.by[field_name] = result.per_label
    return result


def score(gold: str | Gold, pred: str | Path, tasks: list[str] | None = None,
          bootstrap: int = 1000, seed: int = DEFAULT_SEED, by: list[str] | None = None
          ) -> Report:
    """Score a predictions file against ``gold`` (``VERSION[:SPLIT]`` or a :class:`Gold`)."""
    if bootstrap < 0:
        raise NewsdacError("--bootstrap must be 0 or more")
    unknown = [b for b in by or [] if b not in ARTICLE_GROUPS + LABEL_GROUPS]
    if unknown:
        raise NewsdacError(f"unknown --by field {unknown[0]!r}; choose from "
                           f"{', '.join(ARTICLE_GROUPS + LABEL_GROUPS)}")
    gold = load_gold(gold) if isinstance(gold, str) else gold
    predictions = read_predictions(Path(pred), gold.by_id, gold.version)
    weights = resample_weights(len(gold.records), bootstrap, seed)
    results = {t.name: score_task(t, gold, predictions, weights, by or [])
               for t in _selected_tasks(tasks, predictions)}
    return Report(gold.version, gold.split, str(pred), bootstrap, seed, len(gold.records),
                  results, _overall(results, gold, weights), predictions.warnings)


def _headline_values(result: TaskResult, stats: np.ndarray) -> np.ndarray:
    return TASKS[result.task].metrics[result.headline](stats)


def _overall(results: dict[str, TaskResult], gold: Gold, weights: np.ndarray) -> Score | None:
    """Mean of the three headline scores, when all three tasks were scored."""
    if set(results) != set(TASKS):
        return None
    value = float(np.mean([r.scores[r.headline].value for r in results.values()]))
    ci = None
    if len(weights):
        per_task = [_headline_values(r, resampled_stats(r.stats, weights))
                    for r in results.values()]
        ci = interval(np.mean(per_task, axis=0))
    return Score(value, ci, Signature(gold.version, gold.split, "all", OVERALL, len(weights)))


def compare(gold: str | Gold, pred_a: str | Path, pred_b: str | Path,
            tasks: list[str] | None = None, bootstrap: int = 1000, trials: int = 1000,
            seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Paired bootstrap and approximate randomization of A against B per headline metric."""
    gold = load_gold(gold) if isinstance(gold, str) else gold
    a = read_predictions(Path(pred_a), gold.by_id, gold.version)
    b = read_predictions(Path(pred_b), gold.by_id, gold.version)
    chosen = [t for t in _selected_tasks(tasks, a) if t.layer in b.layers]
    if not chosen:
        raise NewsdacError(f"{pred_a} and {pred_b} share no scored layer")
    weights = resample_weights(len(gold.records), max(bootstrap, 1), seed)
    out = {"corpus": gold.version, "split": gold.split, "a": str(pred_a), "b": str(pred_b),
           "bootstrap": len(weights), "trials": trials, "tasks": {}}
    for task in chosen:
        stats_a = stats_matrix(task, task_pairs(task, gold, a))
        stats_b = stats_matrix(task, task_pairs(task, gold, b))
        metric = task.metrics[task.headline]
        signature = Signature(gold.version, gold.split, task.name, task.headline, len(weights))
        out["tasks"][task.name] = {
            "metric": task.headline,
            "a": float(metric(stats_a.sum(axis=0))), "b": float(metric(stats_b.sum(axis=0))),
            "paired_bootstrap": paired_bootstrap(stats_a, stats_b, metric, weights),
            "approximate_randomization": approximate_randomization(
                stats_a, stats_b, metric, trials, seed),
            "signature": signature.to_json(),
        }
    return out
