"""The official scorer and the leaderboard.

>>> from newsdac.leaderboard import score, compare
>>> report = score("0.1.0:test", "predictions.jsonl")
>>> report.tasks["certainty"].scores["macro_f1"].value
"""

from newsdac.leaderboard.scorer import compare, score
from newsdac.leaderboard.signature import SCORER_VERSION, Signature

__all__ = ["SCORER_VERSION", "Signature", "compare", "score"]
