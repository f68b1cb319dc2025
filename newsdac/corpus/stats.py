"""Corpus statistics: the counts the card, the datasheet and issue bars are checked on."""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsdac.labels import CERTAINTY_LEVELS, CUE_TYPES, DUPLICATION_LABELS, SOURCE_TYPES
from newsdac.schema import SPLITS


def _counts(records: list[dict[str, Any]]) -> dict[str, Any]:
    attributions = [a for r in records for a in r["attributions"]]
    sentences = [s for r in records for s in r["sentences"]]
    cues = [c for s in sentences for c in s["cues"]]
    spans = [d for r in records for d in r["duplication"]]
    clean = sum(1 for r in records if not r["duplication"])

    def table(values: list[str], labels: dict[str, str]) -> dict[str, int]:
        counter = Counter(values)
        return {label: counter.get(label, 0) for label in labels}

    return {
        "articles": len(records),
        "words": sum(r["meta"]["words"] for r in records),
        "sentences": len(sentences),
        "certainty": table([s["certainty"] for s in sentences], CERTAINTY_LEVELS),
        "cues": len(cues),
        "cue_types": table([c["type"] for c in cues], CUE_TYPES),
        "attributions": len(attributions),
        "source_types": table([a["source_type"] for a in attributions], SOURCE_TYPES),
        "nested_attributions": sum(1 for a in attributions if a["parent"] is not None),
        "attributions_without_source": sum(1 for a in attributions if a["source"] is None),
        "duplication_spans": len(spans),
        "duplication_labels": table([d["label"] for d in spans], DUPLICATION_LABELS),
        "clean_articles": clean,
        "clean_share": round(clean / len(records), 4) if records else 0.0,
        "topics": dict(sorted(Counter(r["meta"]["topic"] for r in records).items())),
        "registers": dict(sorted(Counter(r["meta"]["register"] for r in records).items())),
    }


def corpus_stats(records: list[dict[str, Any]], version: str) -> dict[str, Any]:
    """Counts for the whole release and for each split."""
    return {
        "version": version,
        "total": _counts(records),
        "splits": {split: _counts([r for r in records if r["split"] == split])
                   for split in SPLITS},
    }


def _rows(stats: dict[str, Any]) -> list[tuple[str, list[str]]]:
    columns = [stats["total"]] + [stats["splits"][s] for s in SPLITS]
    rows = []
    for key, value in stats["total"].items():
        if isinstance(value, dict):
            rows += [(f"{key}: {label}", [str(c[key].get(label, 0)) for c in columns])
                     for label in value]
        else:
            rows.append((key, [str(c[key]) for c in columns]))
    return rows


def stats_markdown(stats: dict[str, Any]) -> str:
    """The stats as a Markdown table, one column per split."""
    header = ["count", "total", *SPLITS]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join([name, *values]) + " |" for name, values in _rows(stats)]
    return "\n".join(lines)
