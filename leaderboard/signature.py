"""Score signatures: what a number was computed on and how, SacreBLEU style."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from newsdac.errors import NewsdacError

SCORER_VERSION = "0.2.0"


@dataclass(frozen=True)
class Signature:
    """Corpus version, split, task, metric, bootstrap size and scorer version of a score."""

    corpus: str
    split: str
    task: str
    metric: str
    bootstrap: int
    scorer: str = SCORER_VERSION

    def __str__(self) -> str:
        return (f"newsdac:{self.corpus}|split:{self.split}|task:{self.task}|"
                f"metric:{self.metric}|bs:{self.bootstrap}|scorer:{self.scorer}")

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "string": str(self)}

    def require_comparable(self, other: Signature) -> None:
        """Refuse to compare scores computed on different data or in different ways."""
        if self != other:
            raise NewsdacError(f"scores are not comparable: {self} vs {other}")
