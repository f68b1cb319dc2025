"""Baseline systems for the three NewsDAC tasks, found through a registry.

>>> from newsdac.baselines import SYSTEMS
>>> system = SYSTEMS["dup-learned"].make().fit(train_records, dev_records)
>>> system.predict([{"id": "nd-0001", "text": "..."}])
"""

from newsdac.baselines import attribution, certainty, duplication  # noqa: F401  (registration)
from newsdac.baselines.registry import SYSTEMS, Entry, register, rules

__all__ = ["SYSTEMS", "Entry", "register", "rules"]
