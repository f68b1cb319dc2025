"""Split hygiene: no article may nearly repeat an article in another split.

Every pair of articles in different splits is compared by the Jaccard
similarity of their word 5-gram sets (clean text, lower-cased); the build
fails when a pair reaches :data:`MAX_CROSS_SPLIT_JACCARD`, so a test article
can never be a light rewrite of a training article.
"""

from __future__ import annotations

import re
from itertools import combinations

from newsdac.corpus.source import CleanArticle
from newsdac.errors import NewsdacError

#: Highest 5-gram Jaccard allowed between articles of different splits.
MAX_CROSS_SPLIT_JACCARD = 0.2
N = 5
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = N) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return frozenset(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def cross_split_similarities(articles: list[CleanArticle]) -> list[tuple[float, str, str]]:
    """``(jaccard, id, id)`` for every pair of articles in different splits, highest first."""
    grams = {a.id: shingles(a.text) for a in articles}
    pairs = []
    for a, b in combinations(articles, 2):
        if a.split == b.split:
            continue
        x, y = grams[a.id], grams[b.id]
        union = len(x | y)
        pairs.append((len(x & y) / union if union else 0.0, a.id, b.id))
    return sorted(pairs, reverse=True)


def check_split_hygiene(articles: list[CleanArticle],
                        limit: float = MAX_CROSS_SPLIT_JACCARD) -> float:
    """Raise when two articles in different splits are near-duplicates; return the max."""
    pairs = cross_split_similarities(articles)
    bad = [p for p in pairs if p[0] >= limit]
    if bad:
        listed = ", ".join(f"{a}~{b} ({j:.2f})" for j, a, b in bad[:5])
        raise NewsdacError(f"articles in different splits share too many word 5-grams "
                           f"(Jaccard >= {limit}): {listed}; rewrite one or move both into "
                           "the same split")
    return pairs[0][0] if pairs else 0.0
