"""The task registry: each task names its config, layer, metrics and headline metric.

The scorer, the significance tests and (later) the baselines runner and the
leaderboard loop over ``TASKS`` instead of branching on task names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import numpy as np

from newsdac.leaderboard.metrics import attribution, certainty, duplication


@dataclass(frozen=True)
class Task:
    """A scored task and everything the scorer needs to know about it."""

    name: str
    description: str
    config: str
    layer: str
    label_field: str
    labels: tuple[str, ...]
    stats: list[str]
    article_stats: Callable[[dict[str, Any], list[dict[str, Any]]], np.ndarray]
    metrics: dict[str, Callable[[np.ndarray], np.ndarray]]
    headline: str
    label_scores: Callable[[list[tuple[dict, list[dict]]]], dict[str, dict[str, float]]]
    lower_is_better: frozenset[str] = field(default_factory=frozenset)
    #: Gold x predicted label counts from summed statistics, for tasks that have one.
    confusion: Callable[[np.ndarray], np.ndarray] | None = None


def _task(name: str, description: str, config: str, module: ModuleType) -> Task:
    return Task(name=name, description=description, config=config, layer=module.LAYER,
                label_field=module.LABEL_FIELD, labels=module.LABELS, stats=module.STATS,
                article_stats=module.article_stats, metrics=module.METRICS,
                headline=module.HEADLINE, label_scores=module.label_scores,
                lower_is_better=getattr(module, "LOWER_IS_BETTER", frozenset()),
                confusion=getattr(module, "confusion", None))


TASKS: dict[str, Task] = {task.name: task for task in (
    _task("duplication", "Find duplicated text and extraction artifacts, link duplicates.",
          "duplication", duplication),
    _task("attribution", "Extract source, cue and content of attributions with source type.",
          "attribution", attribution),
    _task("certainty", "Label each sentence's certainty level and find certainty cues.",
          "certainty", certainty),
)}
