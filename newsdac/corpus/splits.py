"""Stratified train/dev/test assignment for articles that are not yet released.

Articles in any existing release keep their split forever, so a test article
never moves into training in a later version. New articles are sorted by
topic, register and a seeded hash and dealt out in the pattern of the target
ratio (train, train, train, dev, test), which balances both strata.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from newsdac.corpus.source import CleanArticle
from newsdac.loaders import load_records, versions

PATTERN = ("train", "train", "train", "dev", "test")
SPLIT_SEED = 7


def released_splits(root: Path | None = None) -> dict[str, str]:
    """The split of every article in any release (they must never change)."""
    frozen: dict[str, str] = {}
    for version in versions(root):
        for record in load_records("articles", version=version, root=root):
            frozen.setdefault(record["id"], record["split"])
    return frozen


def propose_splits(articles: list[CleanArticle], frozen: dict[str, str],
                   seed: int = SPLIT_SEED) -> dict[str, str]:
    """A split for every article: the released one if any, else a stratified deal."""
    def key(article: CleanArticle) -> tuple[str, str, str]:
        digest = hashlib.sha256(f"{seed}:{article.id}".encode()).hexdigest()
        return article.meta["topic"], article.meta["register"], digest

    fresh = sorted((a for a in articles if a.id not in frozen), key=key)
    proposal = {a.id: frozen[a.id] for a in articles if a.id in frozen}
    proposal.update({a.id: PATTERN[i % len(PATTERN)] for i, a in enumerate(fresh)})
    return proposal


def write_split(path: Path, split: str) -> bool:
    """Set the ``split:`` line of a source file; return whether it changed."""
    text = path.read_text(encoding="utf-8")
    updated = re.sub(r"(?m)^split: *\S+ *$", f"split: {split}", text, count=1)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


def split_table(articles: list[CleanArticle], splits: dict[str, str]) -> str:
    """Counts by split, topic and register, as plain text."""
    lines = [f"all: {dict(sorted(Counter(splits[a.id] for a in articles).items()))}"]
    for field in ("topic", "register"):
        for value in sorted({a.meta[field] for a in articles}):
            group = [a for a in articles if a.meta[field] == value]
            counts = Counter(splits[a.id] for a in group)
            lines.append(f"{field}={value}: " + " ".join(f"{s}={counts.get(s, 0)}"
                                                         for s in ("train", "dev", "test")))
    return "\n".join(lines)
