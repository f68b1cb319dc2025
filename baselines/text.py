"""Text units the baselines work on: lines, sentences and tokens with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdac.sentences import split_sentences

TOKEN = re.compile(r"\w+(?:[-'\u2019]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Unit:
    """A piece of text with its offsets in the article."""

    start: int
    end: int
    text: str


def lines(text: str) -> list[Unit]:
    """Non-empty lines (a trailing carriage return is left outside the unit)."""
    units, offset = [], 0
    for line in text.split("\n"):
        content = line[:-1] if line.endswith("\r") else line
        if content.strip():
            units.append(Unit(offset, offset + len(content), content))
        offset += len(line) + 1
    return units


def sentences(text: str) -> list[Unit]:
    return [Unit(s.start, s.end, text[s.start:s.end]) for s in split_sentences(text)]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Unit]:
    end = len(text) if end is None else end
    return [Unit(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def normalise(text: str) -> str:
    """Lower case, straight quotes, no punctuation, single spaces: for hashing repeats."""
    text = text.lower().translate(str.maketrans("\u201c\u201d\u2018\u2019\u2014\u2013",
                                                "\"\"''--"))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def shingles(text: str, n: int = 2) -> frozenset[tuple[str, ...]]:
    """Word n-grams of the normalised text (the words themselves for short texts)."""
    words = normalise(text).split()
    if len(words) < n:
        return frozenset((w,) for w in words)
    return frozenset(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
