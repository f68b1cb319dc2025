"""Resolve quoted-string anchors from annotation sources to character spans."""

from __future__ import annotations

from typing import Any

from newsdac.errors import NewsdacError
from newsdac.spans import Span


def anchor_text(anchor: Any) -> tuple[str, int | None]:
    """Split an anchor (a string, or a mapping with ``text`` and 1-based ``n``)."""
    if isinstance(anchor, str):
        return anchor, None
    if isinstance(anchor, dict) and isinstance(anchor.get("text"), str):
        n = anchor.get("n")
        if n is not None and (not isinstance(n, int) or isinstance(n, bool) or n < 1):
            raise NewsdacError(f"occurrence index n must be a positive integer, got {n!r}")
        return anchor["text"], n
    raise NewsdacError(f"an anchor is a quoted string or {{text: ..., n: ...}}, got {anchor!r}")


def _whole_words(text: str, start: int, end: int) -> bool:
    """False when the match begins or ends inside a word ('he' in 'the')."""
    inside_left = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    inside_right = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (inside_left or inside_right)


def find_all(text: str, needle: str, within: Span) -> list[int]:
    """Start offsets of every whole-word occurrence of ``needle`` inside ``within``."""
    found, pos = [], text.find(needle, within.start, within.end)
    while pos != -1 and pos + len(needle) <= within.end:
        if _whole_words(text, pos, pos + len(needle)):
            found.append(pos)
        pos = text.find(needle, pos + 1, within.end)
    return found


def resolve(text: str, anchor: Any, within: Span | None = None, near: Span | None = None
            ) -> Span:
    """The span of ``anchor`` in ``text`` (inside ``within``), unique unless ``n`` is given.

    With ``near``, an anchor that occurs more than once (and has no ``n``) resolves to the
    occurrence closest to ``near``; equally close occurrences are still ambiguous.
    """
    needle, n = anchor_text(anchor)
    if not needle.strip():
        raise NewsdacError("anchor is empty")
    scope = within or Span(0, len(text))
    hits = find_all(text, needle, scope)
    where = "the article" if within is None else f"{text[scope.start:scope.end][:60]!r}"
    if not hits:
        raise NewsdacError(f"anchor {needle!r} not found in {where}")
    if n is None and len(hits) > 1 and near is not None:
        gaps = sorted((_gap(Span(h, h + len(needle)), near), h) for h in hits)
        if gaps[0][0] < gaps[1][0]:
            return Span(gaps[0][1], gaps[0][1] + len(needle))
    if n is None and len(hits) > 1:
        raise NewsdacError(
            f"anchor {needle!r} is ambiguous: it occurs {len(hits)} times in {where}; "
            f"write {{text: {needle!r}, n: K}} with K from 1 to {len(hits)}, or a longer string"
        )
    if n is not None and n > len(hits):
        raise NewsdacError(f"anchor {needle!r} occurs {len(hits)} times, not {n}, in {where}")
    start = hits[(n or 1) - 1]
    return Span(start, start + len(needle))


def _gap(a: Span, b: Span) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))
