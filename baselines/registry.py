"""The baseline registry: every system under a name, with its task and a factory.

A system has ``fit(train, dev)`` (records with gold layers; rule systems ignore
them) and ``predict(records)`` (records with ``id`` and ``text`` only) returning
one list of predicted items per record, for its task's layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

Record = dict[str, Any]


class System(Protocol):
    def fit(self, train: list[Record], dev: list[Record]) -> System: ...

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]: ...


@dataclass(frozen=True)
class Entry:
    """A registered baseline: its name, task, kind and how to build it."""

    name: str
    task: str
    kind: str  # floor, rules or learned
    description: str
    make: Callable[[], System]
    tunes_on_dev: bool = False


SYSTEMS: dict[str, Entry] = {}

#: Three-task leaderboard entries assembled from one system per task.
COMBINATIONS: dict[str, tuple[str, str, str]] = {
    "floors": ("dup-none", "att-none", "cert-majority"),
    "rules": ("dup-jaccard", "att-rules", "cert-lexicon"),
    "learned": ("dup-learned", "att-learned", "cert-learned"),
}


def register(name: str, task: str, kind: str, description: str, tunes_on_dev: bool = False):
    """Class or factory decorator adding a system to :data:`SYSTEMS`."""
    def add(make: Callable[[], System]) -> Callable[[], System]:
        SYSTEMS[name] = Entry(name, task, kind, description, make, tunes_on_dev)
        return make
    return add


class Rules:
    """Adapts a plain function ``record -> items`` to the system interface (no training)."""

    def __init__(self, function: Callable[[Record], list[dict[str, Any]]]):
        self.function = function

    def fit(self, train: list[Record], dev: list[Record]) -> Rules:
        return self

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]:
        return [self.function(r) for r in records]


def rules(name: str, task: str, kind: str, description: str):
    """Register a plain function as a rule (or floor) system."""
    def add(function: Callable[[Record], list[dict[str, Any]]]):
        register(name, task, kind, description)(lambda: Rules(function))
        return function
    return add
