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


def _top(counter: Counter, n: int = 20) -> list[dict[str, Any]]:
    total = sum(counter.values())
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [{"text": text, "count": count, "share": round(count / total, 4)}
            for text, count in ranked]


def variety(records: list[dict[str, Any]]) -> dict[str, Any]:
    """How varied the cue wording is: the most frequent certainty cue strings and
    attribution cues (lower-cased) with their shares, and how many distinct ones exist."""
    def cut(record: dict[str, Any], span: dict[str, int]) -> str:
        return " ".join(record["text"][span["start"]:span["end"]].lower().split())

    cue_strings = Counter(cut(r, c) for r in records for s in r["sentences"] for c in s["cues"])
    reporting = Counter(cut(r, a["cue"]) for r in records for a in r["attributions"])
    top_cues = _top(cue_strings)
    return {
        "top_cue_strings": top_cues,
        "max_cue_string_share": top_cues[0]["share"] if top_cues else 0.0,
        "distinct_cue_strings": len(cue_strings),
        "top_reporting_cues": _top(reporting),
        "distinct_reporting_cues": len(reporting),
    }


def corpus_stats(records: list[dict[str, Any]], version: str) -> dict[str, Any]:
    """Counts for the whole release and for each split, and the wording variety."""
    return {
        "version": version,
        "total": _counts(records),
        "splits": {split: _counts([r for r in records if r["split"] == split])
                   for split in SPLITS},
        "variety": variety(records),
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
    """The stats as Markdown: counts with one column per split, then the variety tables."""
    header = ["count", "total", *SPLITS]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join([name, *values]) + " |" for name, values in _rows(stats)]
    var = stats["variety"]
    for key, title, distinct in (
            ("top_cue_strings", "certainty cue string", "distinct_cue_strings"),
            ("top_reporting_cues", "attribution cue", "distinct_reporting_cues")):
        lines += ["", f"Most frequent {title}s ({var[distinct]} distinct):", "",
                  f"| {title} | count | share |", "|---|---|---|"]
        lines += [f"| {row['text']} | {row['count']} | {row['share']:.1%} |" for row in var[key]]
    return "\n".join(lines)


def _minimum(name: str, value, floor: float) -> str | None:
    return None if value >= floor else f"{name} is {value}, needs at least {floor}"


def bar_failures(stats: dict[str, Any]) -> list[str]:
    """Where a release misses the 1.x volume and variety bar; empty when it passes."""
    total, var = stats["total"], stats["variety"]
    checks = [
        _minimum("articles", total["articles"], 300),
        _minimum("attributions", total["attributions"], 3000),
        _minimum("nested_attributions", total["nested_attributions"], 150),
        _minimum("sentences", total["sentences"], 6000),
        _minimum("cues", total["cues"], 1500),
        _minimum("duplication_spans", total["duplication_spans"], 600),
        _minimum("duplication_labels: near_duplicate",
                 total["duplication_labels"]["near_duplicate"], 150),
        _minimum("clean_share", total["clean_share"], 0.25),
        _minimum("distinct_reporting_cues", var["distinct_reporting_cues"], 60),
        _minimum("topics", len(total["topics"]), 8),
        _minimum("registers", len(total["registers"]), 5),
    ]
    checks += [_minimum(f"source_types: {k}", v, 150) for k, v in total["source_types"].items()]
    checks += [_minimum(f"certainty: {k}", v, 300) for k, v in total["certainty"].items()
               if k != "certain"]
    checks += [_minimum(f"cue_types: {k}", v, 100) for k, v in total["cue_types"].items()]
    checks += [_minimum(f"duplication_labels: {k}", v, 60)
               for k, v in total["duplication_labels"].items()]
    if var["max_cue_string_share"] > 0.10:
        checks.append(f"cue string {var['top_cue_strings'][0]['text']!r} covers "
                      f"{var['max_cue_string_share']:.1%} of cues, at most 10% allowed")
    return [c for c in checks if c]
