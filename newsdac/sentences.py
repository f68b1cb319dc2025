"""Deterministic rule-based sentence segmentation of news text.

The corpus build uses it to define the sentence layer, so it must be stable:
changing it changes released offsets and therefore needs a new corpus version.
"""

from __future__ import annotations

import re

from newsdac.spans import Span

ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
    "rep", "sen", "gov", "pres", "st", "mt", "ft", "jr", "sr", "inc", "ltd", "co", "corp",
    "bros", "vs", "etc", "approx", "dept", "est", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "e.g",
    "i.e", "u.s", "u.k", "u.n",
))
#: Abbreviations only before a number ("No. 4", "fig. 2"): "they voted no. Then ..." ends.
NUMBER_ABBREVIATIONS = frozenset(("no", "nos", "fig"))

# A sentence ends at . ! ? (or an ellipsis), optionally followed by closing quotes or
# brackets, when whitespace and then an opening quote, bracket, capital or digit follow.
_BOUNDARY = re.compile(
    r"""(?:[.!?]|\u2026)["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])"""
)
_LAST_TOKEN = re.compile(r"(\S+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at index ``dot`` closes a known abbreviation or an initial."""
    if text[dot] != ".":
        return False
    match = _LAST_TOKEN.search(text, 0, dot)
    if not match:
        return False
    token = match.group(1).lstrip("\"'(\u201c\u2018").lower()
    if token in NUMBER_ABBREVIATIONS:
        return text[dot + 1:].lstrip()[:1].isdigit()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans, one line at a time.

    Line breaks always end a sentence; inside a line, boundaries follow ``_BOUNDARY``
    unless the full stop belongs to an abbreviation. Spans exclude surrounding spaces.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    line_start = start
    while line_start < end:
        newline = text.find("\n", line_start, end)
        line_end = end if newline == -1 else newline
        cursor = line_start
        for match in _BOUNDARY.finditer(text, line_start, line_end):
            if _is_abbreviation(text, match.start()):
                continue
            _append_trimmed(text, cursor, match.end(), spans)
            cursor = match.end()
        _append_trimmed(text, cursor, line_end, spans)
        line_start = line_end + 1
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
