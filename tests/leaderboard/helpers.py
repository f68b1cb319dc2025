"""Synthetic gold for hand-computed metric tests: 20 tokens 't00 t01 ... t19'.

Token i covers characters [4i, 4i + 3), so spans can be written in tokens.
"""

from __future__ import annotations

TEXT = " ".join(f"t{i:02d}" for i in range(20))


def tokens(first: int, last: int) -> dict[str, int]:
    """The span from token ``first`` to token ``last`` inclusive."""
    return {"start": 4 * first, "end": 4 * last + 3}


def record(**layers) -> dict:
    base = {"id": "nd-0001", "split": "test", "text": TEXT,
            "meta": {"topic": "politics", "register": "wire"},
            "duplication": [], "attributions": [], "sentences": []}
    return {**base, **layers}
