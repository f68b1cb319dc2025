"""The one span type: half-open ``[start, end)`` offsets in Python code points."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character span into an article's ``text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlap(self, other: Span) -> int:
        """Number of characters shared with ``other``."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def shift(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)

    def of(self, text: str) -> str:
        """The substring of ``text`` this span covers."""
        return text[self.start:self.end]

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, obj: dict) -> Span:
        return cls(obj["start"], obj["end"])
